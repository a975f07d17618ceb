//! The annexes of the summary: A, every answer by section; B, the findings cited.

use std::collections::BTreeSet;

use yew::prelude::*;

use super::cover::free_text;
use super::{part, DESCRIPTION_SECTION};
use crate::domain::answers::Answer;
use crate::domain::engine::Report;
use crate::domain::model::{Question, Section};
use crate::i18n::{strings, summary, Get, Lang};
use crate::persist::assessment::Assessment;
use crate::report::names::chosen_labels;
use crate::ui::cite::{finding_heading, FindingClasses};
use crate::ui::Shared;

#[derive(Properties)]
pub struct AnnexesProps {
    pub lang: Lang,
    pub report: Shared<Report>,
    /// Only the answers are read (and compared).
    pub assessment: Shared<Assessment>,
}

impl PartialEq for AnnexesProps {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && self.report == other.report
            && (self.assessment == other.assessment || self.assessment.answers == other.assessment.answers)
    }
}

/// Annex A, the answers to every question shown, by section; annex B, every finding the
/// summary cites.
#[function_component]
pub fn Annexes(props: &AnnexesProps) -> Html {
    let bank = crate::bank::bank();
    let lang = props.lang;
    let s = summary::strings(lang);
    let visible: BTreeSet<&str> = props.report.visible.iter().map(String::as_str).collect();
    let answers = html! {
        for (i, section) in bank.sections.iter().enumerate() {
            { answers_section(lang, i + 1, section, &visible, &props.assessment) }
        }
    };
    html! {
        <>
            { part("bd-sum-part bd-sum-annex", "bd-sum-h-answers", &format!("{} A.", s.annex), s.answers, s.answers_intro, answers) }
            { findings(lang, &props.report) }
        </>
    }
}

/// The answers of one section (`number` from 1), for the questions shown.
fn answers_section(
    lang: Lang,
    number: usize,
    section: &'static Section,
    visible: &BTreeSet<&str>,
    a: &Assessment,
) -> Html {
    let s = summary::strings(lang);
    let answer = |q: &'static Question| match a.answers.get(&q.id).filter(|x| !x.is_empty()) {
        None => html! { <span class="bd-muted">{ s.not_answered }</span> },
        Some(Answer::Text(_) | Answer::Table(_)) if section.id == DESCRIPTION_SECTION => {
            html! { <span class="bd-muted">{ s.see_description }</span> }
        }
        // The decision record prints it (it is the record's, `persist::record`).
        Some(Answer::Text(_)) if crate::persist::record::is_linked(&q.id) => {
            html! { <span class="bd-muted">{ s.see_record }</span> }
        }
        Some(Answer::Text(x)) => free_text(x),
        Some(Answer::Table(rows)) => crate::ui::table::printed(q, rows, lang),
        Some(x @ Answer::Multi(_)) => html! {
            <ul>
                for l in chosen_labels(q, x, lang) { <li>{ l }</li> }
            </ul>
        },
        Some(x) => html! { <span>{ chosen_labels(q, x, lang).join(", ") }</span> },
    };
    html! {
        <section class="bd-sum-answers-section">
            <h4>{ format!("{}. {}", number, section.title.get(lang)) }</h4>
            <dl>
                for q in section.questions.iter().filter(|q| visible.contains(q.id.as_str())) {
                    <div class="bd-sum-qa">
                        <dt class="bd-sum-q">{ q.text.get(lang) }</dt>
                        <dd>{ answer(q) }</dd>
                    </div>
                }
            </dl>
        </section>
    }
}

/// Annex B: every finding the summary cites, with its details and source.
fn findings(lang: Lang, report: &Report) -> Html {
    let bank = crate::bank::bank();
    let t = strings(lang);
    let s = summary::strings(lang);
    let findings = report.cited_findings(bank);
    let classes = FindingClasses {
        amount: "bd-sum-small",
        key_findings: "bd-sum-small",
        appeal: "bd-sum-small",
        source: "bd-sum-small bd-sum-url",
    };
    let body = if findings.is_empty() {
        html! { <p>{ s.no_findings }</p> }
    } else {
        html! {
            <ol class="bd-sum-findings">
                for f in findings {
                    <li id={format!("bd-sum-f-{}", f.id)} data-testid="summary-finding" class="bd-sum-finding">
                        <p class="bd-sum-finding-title">{ finding_heading(lang, f) }</p>
                        if let Some(r) = &f.reference {
                            <p class="bd-sum-small">{ s.reference }{ ": " }{ r.get(lang) }</p>
                        }
                        { crate::ui::cite::finding_details(t, lang, f, &classes) }
                    </li>
                }
            </ol>
        }
    };
    part(
        "bd-sum-part bd-sum-annex",
        "bd-sum-h-findings",
        &format!("{} B.", s.annex),
        t.findings_cited,
        s.findings_intro,
        body,
    )
}

//! The cover of the summary (title, details, verdict, scores, screening, red lines) and part 1,
//! the systematic description.

use yew::prelude::*;

use super::part;
use crate::domain::answers::Answer;
use crate::domain::engine::{Level, Report};
use crate::domain::model::Question;
use crate::i18n::{strings, summary, Get, Lang, Strings};
use crate::persist::assessment::Assessment;
use crate::ui::cite::{self, cause_line, cause_option, Anchors};
use crate::ui::Shared;

/// A level as a tag ("High"), coloured by its class.
pub(super) fn level_tag(t: &Strings, l: Level) -> Html {
    // The classes of `Level::key`.
    let class = match l {
        Level::Low => "bd-sum-level bd-sum-level-low",
        Level::Medium => "bd-sum-level bd-sum-level-medium",
        Level::High => "bd-sum-level bd-sum-level-high",
        Level::VeryHigh => "bd-sum-level bd-sum-level-very_high",
    };
    html! { <span {class}>{ t.level(l) }</span> }
}

/// Free text as the user wrote it: line breaks kept, long words wrapped.
pub(super) fn free_text(text: &str) -> Html {
    html! { <div class="bd-sum-text">{ text }</div> }
}

#[derive(Properties, PartialEq)]
pub struct CoverProps {
    pub lang: Lang,
    pub report: Shared<Report>,
    pub title: String,
    pub organisation: String,
    pub date: String,
    pub version: String,
}

#[function_component]
pub fn Cover(props: &CoverProps) -> Html {
    let bank = crate::bank::bank();
    let lang = props.lang;
    let t = strings(lang);
    let s = summary::strings(lang);
    let report = &*props.report;
    let (verdict_title, verdict_body) = t.outcome(report.decision.outcome);
    // A dash for an unknown organisation or date.
    let dash = |v: &str| if v.is_empty() { "—".to_string() } else { v.to_string() };
    let criteria = (!report.screening.criteria.is_empty()).then(|| {
        html! {
            <div class="bd-sum-criteria">
                <p>{ t.wp248_met_by }</p>
                { cite::criteria_list(bank, lang, &report.screening.criteria) }
            </div>
        }
    });
    let red_lines = (!report.red_lines.is_empty()).then(|| {
        html! {
            <div class="bd-sum-redlines">
                <p class="bd-sum-label">{ t.red_lines }</p>
                <ul>
                    for c in &report.red_lines {
                        <li>
                            <p>{ cause_line(bank, lang, c) }</p>
                            <p>{ cause_option(bank, c).and_then(|o| o.red_line.as_ref()).map(|r| r.get(lang)).unwrap_or("") }</p>
                            if let Some(o) = cause_option(bank, c) {
                                { cite::reasons(bank, lang, &o.provisions, &o.findings, Anchors::Summary) }
                            }
                        </li>
                    }
                </ul>
            </div>
        }
    });
    html! {
        <section aria-labelledby="bd-sum-doc-title" class="bd-sum-cover">
            <p id="bd-sum-doc-title" class="bd-sum-doctitle">{ s.doc_title }</p>
            <p class="bd-sum-docsub">{ s.doc_subtitle }</p>
            <p data-testid="summary-doc-title" class="bd-sum-title">{ &props.title }</p>
            <dl class="bd-sum-meta">
                <dt>{ s.organisation_label }</dt><dd>{ dash(&props.organisation) }</dd>
                <dt>{ s.date_label }</dt><dd>{ dash(&props.date) }</dd>
                <dt>{ s.bank_version_label }</dt><dd>{ &props.version }</dd>
            </dl>
            <div data-testid="summary-verdict" class={format!("bd-sum-verdict bd-sum-verdict-{}", report.decision.outcome.key())}>
                <p class="bd-sum-label">{ t.verdict }</p>
                <p class="bd-sum-verdict-title">{ verdict_title }</p>
                <p>{ verdict_body }</p>
                if !report.complete() {
                    <p class="bd-sum-provisional">{ t.provisional(report.unanswered.len()) }</p>
                }
            </div>
            <div data-testid="summary-score" class="bd-sum-scores">
                <p class="bd-sum-label">{ s.scores }</p>
                <div class="bd-sum-score-main">
                    <span class="bd-sum-score-num">{ report.residual_score }</span>
                    <span class="bd-sum-score-max">{ "/100" }</span>
                    { level_tag(t, Report::band(report.residual_score)) }
                    <span class="bd-sum-score-what">{ t.residual_score }</span>
                </div>
                <div class="bd-sum-score-side">
                    for (label, score) in [(t.inherent_score, report.inherent_score), (t.planned_score, report.planned_score)] {
                        <span>
                            { label }{ ": " }<strong>{ format!("{score}/100") }</strong>{ " " }
                            { level_tag(t, Report::band(score)) }
                        </span>
                    }
                </div>
            </div>
            <div class="bd-sum-screening">
                <p class="bd-sum-label">{ t.screening }</p>
                <p>{ if report.screening.required { t.dpia_required } else { t.dpia_not_indicated } }</p>
                { for criteria }
            </div>
            { for red_lines }
        </section>
    }
}

#[derive(Properties)]
pub struct DescriptionProps {
    pub lang: Lang,
    pub report: Shared<Report>,
    /// Only the description's answers are read (and compared).
    pub assessment: Shared<Assessment>,
}

/// The text and table questions of the description section that are shown.
fn description(report: &Report) -> impl Iterator<Item = &'static Question> + '_ {
    crate::report::names::description(crate::bank::bank(), report)
}

impl PartialEq for DescriptionProps {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && (self.report == other.report || self.report.visible == other.report.visible)
            && (self.assessment == other.assessment
                || description(&self.report)
                    .all(|q| self.assessment.answers.get(&q.id) == other.assessment.answers.get(&q.id)))
    }
}

/// Part 1: the systematic description, from the text and table answers of the description
/// section.
#[function_component]
pub fn Description(props: &DescriptionProps) -> Html {
    let lang = props.lang;
    let s = summary::strings(lang);
    let body = html! {
        for q in description(&props.report) {
            <div class="bd-sum-qa">
                <p class="bd-sum-q">{ q.text.get(lang) }</p>
                { match props.assessment.answers.get(&q.id) {
                    Some(Answer::Text(x)) if !x.trim().is_empty() => free_text(x),
                    Some(a @ Answer::Table(rows)) if !a.is_empty() => crate::ui::table::printed(q, rows, lang),
                    _ => html! { <p class="bd-muted">{ s.not_filled_in }</p> },
                } }
            </div>
        }
    };
    part("bd-sum-part bd-sum-description", "bd-sum-h-description", "1.", s.description, s.description_intro, body)
}

//! The annexes of the summary: A, the answers no field of the template takes, by section of
//! the questionnaire (`Outline::remaining`); B, the findings cited.

use yew::prelude::*;

use super::fields::{entry, PartProps};
use super::part;
use crate::domain::engine::Report;
use crate::i18n::{strings, summary, template, Get, Lang};
use crate::report::outline::Outline;
use crate::ui::cite::{finding_heading, FindingClasses};

/// Annex A, the remaining answers; annex B, every finding the summary cites.
#[function_component]
pub fn Annexes(props: &PartProps) -> Html {
    let bank = crate::bank::bank();
    let lang = props.lang;
    let s = summary::strings(lang);
    let tp = template::strings(lang);
    let o = Outline::new(bank, &props.report, &props.assessment);
    let answers = html! {
        <>
        if o.remaining.is_empty() {
            <p>{ tp.no_remaining }</p>
        }
        for (number, section, entries) in o.remaining_by_section(bank) {
            <section class="bd-sum-answers-section">
                <h4>{ tp.remaining_section(number, section.title.get(lang)) }</h4>
                <dl>
                    for e in entries { { entry(lang, e) } }
                </dl>
            </section>
        }
        </>
    };
    html! {
        <>
            { part("bd-sum-part bd-sum-annex", "bd-sum-h-answers", &format!("{} A.", s.annex), tp.remaining, tp.remaining_intro, answers) }
            { findings(lang, &props.report) }
        </>
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

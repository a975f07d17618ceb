//! Annex C of the summary, the fundamental rights impact assessment (AI Act Art. 27): a row of
//! the document table of its own (so that it starts a printed page), rendered only where
//! `Report::fria_annex` says a FRIA is owed, as that function gives it.

use yew::prelude::*;

use super::cover::free_text;
use super::fields::PartProps;
use super::part;
use crate::i18n::{strings, summary, Get};
use crate::report::names::fria_reference;
use crate::report::outline::Outline;
use crate::ui::cite::option_label;

/// Takes the props of the template sections (it reads the report and the answers).
#[function_component]
pub fn FriaAnnex(props: &PartProps) -> Html {
    let bank = crate::bank::bank();
    let lang = props.lang;
    let t = strings(lang);
    let s = summary::strings(lang);
    let o = Outline::new(bank, &props.report, &props.assessment);
    let Some(annex) = &o.fria else {
        return html! {};
    };
    let body = html! {
        <>
            <p data-testid="summary-fria-owed">
                { s.fria_owed(option_label(annex.owed_by, lang), t.date(annex.applies_from)) }
            </p>
            <dl class="bd-sum-fria">
                for item in &annex.items {
                    <div class="bd-sum-qa" data-testid="summary-fria-item" data-point={item.point.to_string()}>
                        <dt class="bd-sum-q">{ item.question.text.get(lang) }</dt>
                        <dd>
                            if let Some(answer) = item.answer {
                                { free_text(answer) }
                            } else {
                                <span class="bd-muted">{ s.not_filled_in }</span>
                            }
                            if item.covered_by.is_empty() {
                                <p class="bd-sum-small bd-muted">{ s.fria_not_covered }</p>
                            } else {
                                <p class="bd-sum-label">{ s.fria_covered_by }</p>
                                <ul class="bd-sum-small">
                                    for r in &item.covered_by { <li>{ fria_reference(lang, &o, r) }</li> }
                                </ul>
                            }
                        </dd>
                    </div>
                }
            </dl>
            <p class="bd-sum-small">{ s.fria_template }</p>
        </>
    };
    html! {
        <tr class="bd-sum-row" data-testid="summary-fria"><td class="bd-sum-doc-body">
            { part("bd-sum-part bd-sum-annex", "bd-sum-h-fria", &format!("{} C.", s.annex), s.fria_title, s.fria_intro, body) }
        </td></tr>
    }
}

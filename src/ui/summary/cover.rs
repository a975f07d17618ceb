//! The cover of the summary: what (title), whose (organisation), when (date, bank version), the
//! controller's decision from the decision record, the assessment's outcome and the scores.

use yew::prelude::*;

use crate::domain::engine::{Level, Report};
use crate::i18n::{strings, summary, Lang, Strings};
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
    /// The controller's decision, from the decision record (`report::names::decision_line`).
    pub decided: String,
}

#[function_component]
pub fn Cover(props: &CoverProps) -> Html {
    let lang = props.lang;
    let t = strings(lang);
    let s = summary::strings(lang);
    let report = &*props.report;
    let (verdict_title, verdict_body) = t.outcome(report.decision.outcome);
    // A dash for an unknown organisation or date.
    let dash = |v: &str| if v.is_empty() { "—".to_string() } else { v.to_string() };
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
            <div data-testid="summary-decided" class="bd-sum-decided">
                <p class="bd-sum-label">{ s.decision }</p>
                <p class="bd-sum-decided-value">{ &props.decided }</p>
            </div>
            <div data-testid="summary-verdict" class={format!("bd-sum-verdict bd-sum-verdict-{}", report.decision.outcome.key())}>
                <p class="bd-sum-label">{ s.outcome_label }</p>
                <p class="bd-sum-verdict-title">{ verdict_title }</p>
                <p>{ verdict_body }</p>
                if !report.complete() {
                    <p class="bd-sum-provisional">{ t.provisional(report.unanswered.len()) }</p>
                }
            </div>
            <div data-testid="summary-cover-score" class="bd-sum-scores">
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
        </section>
    }
}

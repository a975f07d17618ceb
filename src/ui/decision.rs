//! The decision as a DPO signs it: the outcome in the EDPB template's wording, what it rests
//! on (the conditions with owner and due date, the Art. 36 reason, the red line), the answers
//! that contradict each other, and why this decision (the driving answers and what would
//! change it). Used by the results page and the summary; everything it shows comes from
//! `Report::decision_view` (domain/present.rs) and `engine::explain`.

use yew::prelude::*;

use super::cite::{self, cause_line, cause_option, cause_text, Anchors};
use super::Shared;
use crate::domain::engine::{Explanation, Outcome, Report, RiskResult};
use crate::domain::present::{Why, WhyLever};
use crate::i18n::{strings, Get, Lang};
use crate::persist::assessment::Assessment;

#[derive(Properties, PartialEq)]
pub struct DecisionProps {
    pub lang: Lang,
    pub report: Shared<Report>,
    /// `engine::explain` of the same answers and plan (see [`use_explanation`]).
    pub explanation: Shared<Explanation>,
    /// Where the citations link: the results page's list of findings or the summary's annex.
    /// In the summary (`Anchors::Summary`) the test ids carry the prefix "sum-", so that the
    /// results page and the summary's hidden print copy never share one.
    pub anchors: Anchors,
}

/// The explanation of an assessment, computed again only when the assessment changes (and
/// only by a view that shows it: never in the wizard).
#[hook]
pub fn use_explanation(assessment: &Shared<Assessment>) -> Shared<Explanation> {
    let memo =
        use_memo(assessment.clone(), |a| crate::domain::engine::explain(crate::bank::bank(), &a.answers, &a.plan));
    Shared(memo)
}

/// The decision and its reasons.
#[function_component]
pub fn Decision(props: &DecisionProps) -> Html {
    let bank = crate::bank::bank();
    let lang = props.lang;
    let anchors = props.anchors;
    let t = strings(lang);
    let report = &*props.report;
    let tid = |name: &str| if anchors == Anchors::Summary { format!("sum-{name}") } else { name.to_string() };
    let view = report.decision_view(bank, &props.explanation);
    let (title, body) = t.outcome(view.outcome);
    let safeguard =
        |id: &str| bank.safeguard(id).map(|s| s.title.get(lang).to_string()).unwrap_or_else(|| id.to_string());
    let risk = |id: &str| bank.risk(id).map(|r| r.title.get(lang)).unwrap_or_default().to_string();

    let conditions = (!view.conditions.is_empty()).then(|| {
        let heading = if view.outcome == Outcome::Consultation { t.decision_required_open } else { t.decision_conditions };
        html! {
            <div class="bd-decision-part bd-decision-conditions">
                <h3>{ heading }</h3>
                <p class="bd-muted">{ t.decision_conditions_intro }</p>
                <ul data-testid={tid("conditions")}>
                    for c in &view.conditions {
                        <li data-testid={tid("condition")}
                            class={if c.status.is_planned() { "bd-cond-planned" } else { "bd-cond-blocking" }}>
                            <strong>{ safeguard(&c.safeguard) }</strong>
                            { cite::or_instead(bank, lang, "bd-cond-why", &c.alternatives) }
                            if let Some(rec) = c.recommendation {
                                if !rec.required_by.is_empty() {
                                    <p class="bd-cond-why">
                                        { t.required_by }{ ": " }
                                        for (i, by) in rec.required_by.iter().enumerate() {
                                            if i > 0 { { "; " } }
                                            { cause_line(bank, lang, by) }
                                        }
                                    </p>
                                } else if !rec.effect.is_empty() {
                                    <p class="bd-cond-why">
                                        { t.effect }{ ": " }
                                        { rec.effect.iter().map(|(r, b, a)| format!("{}: {} → {}", risk(r), t.level(b.level()), t.level(a.level())))
                                            .collect::<Vec<_>>().join("; ") }
                                    </p>
                                }
                            }
                            <p class="bd-cond-meta">
                                if c.status.is_planned() {
                                    <span>{ t.status(c.status) }</span>
                                } else {
                                    <span class="bd-cond-block">{ t.decision_blocking }</span>
                                }
                                // An unplanned measure usually has neither: its line says it blocks.
                                if c.status.is_planned() || !c.owner.is_empty() {
                                    <span>{ t.owner }{ ": " }{ if c.owner.is_empty() { t.decision_no_owner } else { &c.owner } }</span>
                                }
                                if c.status.is_planned() || !c.due.is_empty() {
                                    <span>{ t.due }{ ": " }{ if c.due.is_empty() { t.decision_no_due.to_string() } else { t.date(&c.due) } }</span>
                                }
                            </p>
                        </li>
                    }
                </ul>
            </div>
        }
    });

    // Each risk with its level with the planned measures (Art. 36) or with those in place.
    let risk_list = |class: &'static str,
                     heading: Option<&'static str>,
                     intro: &'static str,
                     risks: &[&RiskResult],
                     planned: bool| {
        (!risks.is_empty()).then(|| {
            html! {
                <div class={format!("bd-decision-part {class}")}>
                    if let Some(h) = heading { <h3>{ h }</h3> }
                    <p>{ intro }</p>
                    <ul>
                        for r in risks {
                            <li>{ risk(&r.risk) }{ " " }{ super::results::level_badge(t, if planned { r.planned.level() } else { r.residual.level() }) }</li>
                        }
                    </ul>
                </div>
            }
        })
    };
    let art36 = risk_list("bd-decision-art36", Some(t.decision_art36), t.decision_art36_intro, &view.art36, true);
    let until_planned = risk_list("bd-decision-until", None, t.decision_until_planned, &view.until_planned, false);

    let rests_on = (!view.rests_on.is_empty()).then(|| {
        html! {
            <div class="bd-decision-part bd-decision-rests">
                <p>{ t.decision_rests_on }</p>
                <ul data-testid={tid("rests-on")}>
                    for s in &view.rests_on { <li>{ safeguard(s) }</li> }
                </ul>
            </div>
        }
    });
    let accepted = risk_list("bd-decision-accepted", None, t.decision_accepted, &view.accepted, true);

    let red_lines = (!view.red_lines.is_empty()).then(|| {
        html! {
            <div class="bd-decision-part bd-decision-redline" data-testid={tid("decision-red-lines")}>
                <h3>{ t.red_lines }</h3>
                <p>{ t.decision_red_line_intro }</p>
                <ul>
                    for c in view.red_lines {
                        <li>
                            <p>{ cause_line(bank, lang, c) }</p>
                            if let Some(o) = cause_option(bank, c) {
                                <p>{ o.red_line.as_ref().map(|r| r.get(lang)).unwrap_or_default() }</p>
                                { cite::reasons(bank, lang, &o.provisions, &o.findings, anchors) }
                            }
                        </li>
                    }
                </ul>
            </div>
        }
    });

    let conflicts = (!view.contradictions.is_empty()).then(|| {
        html! {
            <div class="bd-decision-part bd-decision-conflicts">
                <h3>{ t.decision_conflicts }</h3>
                <p class="bd-muted">{ t.decision_conflicts_intro }</p>
                <ul data-testid={tid("contradictions")}>
                    for c in view.contradictions {
                        <li data-testid={tid("contradiction")}>
                            <p>{ cause_line(bank, lang, &c.first) }</p>
                            <p>{ cause_line(bank, lang, &c.second) }</p>
                            <p class="bd-muted">{
                                if c.declared {
                                    cause_option(bank, &c.second)
                                        .and_then(|o| o.contradiction.as_ref())
                                        .map(|x| x.get(lang).to_string())
                                        .unwrap_or_default()
                                } else {
                                    t.decision_exclusive(lang.quote(&cause_text(bank, lang, &c.first).1))
                                }
                            }</p>
                        </li>
                    }
                </ul>
            </div>
        }
    });

    let why_text = |w: &Why| crate::report::names::why_line(bank, lang, report, w);
    let why = (!view.why.is_empty() || !view.deviations.is_empty()).then(|| {
        html! {
            <div class="bd-decision-part bd-decision-why">
                <h3>{ t.decision_why }</h3>
                <p class="bd-muted">{ t.decision_why_intro }</p>
                <ul data-testid={tid("why")}>
                    for d in &view.deviations {
                        <li data-testid={tid("deviation")}>
                            <p>{ t.decision_deviation }{ ": " }{ cause_line(bank, lang, d.cause) }</p>
                            <p>{ crate::report::names::deviation_line(bank, lang, d) }</p>
                        </li>
                    }
                    for w in &view.why {
                        <li data-testid={tid("what-if")}>
                            if let WhyLever::Instead { cause, .. } | WhyLever::Without { cause } = &w.lever {
                                <p>{ t.decision_your_answer }{ ": " }{ cause_line(bank, lang, cause) }</p>
                            }
                            <p>{ why_text(w) }</p>
                        </li>
                    }
                </ul>
            </div>
        }
    });

    html! {
        <div class="bd-decision" data-testid={tid("decision")}>
            <div class={format!("bd-verdict bd-verdict-{}", view.outcome.key())} data-testid={tid("verdict")}>
                <p class="bd-verdict-label">{ if anchors == Anchors::Summary { crate::i18n::summary::strings(lang).outcome_label } else { t.verdict } }</p>
                <p class="bd-verdict-title">{ title }</p>
                <p>{ body }</p>
                if !report.complete() {
                    <p class="bd-provisional">{ t.provisional(report.unanswered.len()) }</p>
                }
            </div>
            { for red_lines }
            { for art36 }
            { for conditions }
            { for until_planned }
            { for rests_on }
            { for accepted }
            { for conflicts }
            { for why }
        </div>
    }
}

//! The results page: the decision (`decision::Decision`: outcome, conditions, red lines,
//! contradictions, why), score and band, screening, risks with their reasons,
//! prioritised safeguards with the action plan, what to find out, and the findings cited.

use yew::prelude::*;

use super::cite::{self, cause_line, cause_option, cause_text, Anchors, FindingClasses};
use super::decision::{use_explanation, Decision};
use super::review::{self as rv, Asked, ReviewProps};
use super::state::{Action, PlanField};
use super::{Button, Dispatch, Shared, BTN, PRIMARY};
use crate::domain::answers::{Plan, Status};
use crate::domain::engine::{Cause, Level, Position, Report};
use crate::domain::model::Bank;
use crate::i18n::{strings, Get, Lang, Strings};
use crate::persist::assessment::{Assessment, MAX_META_LEN};
use crate::persist::review::Target;

/// The badge of a level ("bd-badge bd-level-high": "High").
pub(crate) fn level_badge(t: &Strings, l: Level) -> Html {
    // The classes of `Level::key`.
    let class = match l {
        Level::Low => "bd-badge bd-level-low",
        Level::Medium => "bd-badge bd-level-medium",
        Level::High => "bd-badge bd-level-high",
        Level::VeryHigh => "bd-badge bd-level-very_high",
    };
    html! { <span {class}>{ t.level(l) }</span> }
}

/// A score with its band; the main one (`main`) is marked for tests and shows "/100".
fn score_box(t: &Strings, score: u8, label: &'static str, main: bool) -> Html {
    html! {
        <div class={if main { "bd-score" } else { "bd-score bd-score-small" }} data-testid={main.then_some("score")}>
            <span class="bd-score-num">{ score }</span>
            if main { <span class="bd-score-max">{ "/100" }</span> }
            { level_badge(t, Report::band(score)) }
            <span class="bd-muted">{ label }</span>
        </div>
    }
}

fn position(t: &Strings, p: Position) -> Html {
    html! {
        <td>
            <span class="bd-pos">
                { level_badge(t, p.level()) }
                <span class="bd-pos-detail">
                    { format!("{} {} · {} {}", t.likelihood, t.pos(p.likelihood), t.severity, t.pos(p.severity)) }
                </span>
            </span>
        </td>
    }
}

/// A card: `<section>` labelled by its `<h3>` (with id `id`), then `body`.
fn card(class: &'static str, id: &'static str, title: &'static str, body: Html) -> Html {
    super::card(class, id, title, None, body)
}

/// The provisions and findings behind a cause (nothing when the bank no longer has it).
fn cause_reasons(bank: &Bank, lang: Lang, c: &Cause) -> Html {
    match cause_option(bank, c) {
        Some(o) => cite::reasons(bank, lang, &o.provisions, &o.findings, Anchors::Results),
        None => Html::default(),
    }
}

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub lang: Lang,
    pub report: Shared<Report>,
    /// Only its action plan is read (by [`Recommendations`]).
    pub assessment: Shared<Assessment>,
    /// The page's `<h2>` (focused by `App` when the step opens).
    pub heading: NodeRef,
    /// The last proposed change that could not be accepted.
    #[prop_or_default]
    pub decide_refused: super::proposals::Refusal,
    /// The reviewer's name (`State::reviewer`), for the review threads.
    #[prop_or_default]
    pub reviewer: AttrValue,
    pub dispatch: Dispatch,
}

/// The results page.
#[function_component]
pub fn Results(props: &ResultsProps) -> Html {
    let bank = crate::bank::bank();
    let lang = props.lang;
    let t = strings(lang);
    let report = &*props.report;
    let explanation = use_explanation(&props.assessment);
    let dispatch = &props.dispatch;
    let asked = rv::use_asked();

    let screening = &report.screening;
    // Each criterion with the answers that meet it: several are met by answers outside the
    // screening question (employees are vulnerable data subjects, for one).
    let criteria = (!screening.criteria.is_empty()).then(|| {
        html! {
            <>
                <p>{ t.wp248_met_by }</p>
                { cite::criteria_list(bank, lang, &screening.criteria) }
            </>
        }
    });
    let mandatory = (!screening.mandatory_by.is_empty()).then(|| {
        html! {
            <>
                <p>{ t.mandatory_because }{ ":" }</p>
                <ul>
                    for c in &screening.mandatory_by { <li>{ cause_line(bank, lang, c) }</li> }
                </ul>
            </>
        }
    });

    let risks = html! {
        <table class="bd-risk-table">
            <thead><tr>
                for h in [t.risk, t.inherent, t.residual, t.with_planned] { <th scope="col">{ h }</th> }
            </tr></thead>
            <tbody>
                for r in report.raised_worst_first() {
                    <tr class="bd-risk-row">
                        <th scope="row">
                            <details>
                                <summary>{ bank.risk(&r.risk).map(|x| x.title.get(lang)).unwrap_or(&r.risk) }</summary>
                                <p class="bd-muted">{ bank.risk(&r.risk).map(|x| x.description.get(lang)).unwrap_or("") }</p>
                                <p class="bd-why-label">{ t.raised_by }</p>
                                <ul>
                                    for (c, _) in &r.raised_by {
                                        <li><span>{ cause_line(bank, lang, c) }</span>{ cause_reasons(bank, lang, c) }</li>
                                    }
                                </ul>
                                if !r.lowered_by.is_empty() {
                                    <p class="bd-why-label">{ t.lowered_by }</p>
                                    <ul>
                                        for s in &r.lowered_by {
                                            <li>{ bank.safeguard(s).map(|x| x.title.get(lang)).unwrap_or(s) }</li>
                                        }
                                    </ul>
                                }
                            </details>
                            if let Some(risk) = bank.risk(&r.risk) {
                                { rv::slot(&asked, ReviewProps {
                                    lang, target: Target::Risk(r.risk.clone()), about: risk.title.get(lang),
                                    assessment: props.assessment.clone(), reviewer: props.reviewer.clone(),
                                    dispatch: dispatch.clone(), open: false,
                                }) }
                            }
                        </th>
                        { position(t, r.inherent) }
                        { position(t, r.residual) }
                        { position(t, r.planned) }
                    </tr>
                }
            </tbody>
        </table>
    };

    let find_out = html! {
        <>
            if report.find_out.is_empty() { <p>{ t.nothing_to_find_out }</p> }
            <ul>
                for c in &report.find_out {
                    <li>
                        <strong>{ cause_text(bank, lang, c).0 }</strong>
                        <p>{ cause_option(bank, c).and_then(|o| o.find_out.as_ref()).map(|f| f.get(lang)).unwrap_or_default() }</p>
                    </li>
                }
            </ul>
        </>
    };

    let classes = FindingClasses { amount: "", key_findings: "", appeal: "bd-muted", source: "bd-source" };
    let findings = html! {
        <ul class="bd-findings">
            for f in report.cited_findings(bank) {
                <li id={format!("bd-f-{}", f.id)} class="bd-finding">
                    <h4>{ cite::finding_heading(lang, f) }</h4>
                    if let Some(r) = &f.reference { <p class="bd-muted">{ r.get(lang) }</p> }
                    { cite::finding_details(t, lang, f, &classes) }
                </li>
            }
        </ul>
    };

    html! {
        <section class="bd-results" aria-labelledby="bd-results-title" key="results">
            <h2 id="bd-results-title" tabindex="-1" ref={props.heading.clone()}>{ t.results }</h2>
            <super::proposals::Proposals {lang} assessment={props.assessment.clone()} outcome={report.decision.outcome}
                refused={props.decide_refused.clone()} dispatch={dispatch.clone()} />
            <Decision {lang} report={props.report.clone()} {explanation} anchors={Anchors::Results} />
            <div class="bd-scores">
                { score_box(t, report.residual_score, t.residual_score, true) }
                { score_box(t, report.inherent_score, t.inherent_score, false) }
                { score_box(t, report.planned_score, t.planned_score, false) }
            </div>
            { super::method::method(lang) }
            { card("bd-card", "bd-screening", t.screening, html! {
                <>
                    <p data-testid="screening">{ if screening.required { t.dpia_required } else { t.dpia_not_indicated } }</p>
                    { for criteria }
                    { for mandatory }
                </>
            }) }
            { card("bd-card", "bd-risks", t.risks, risks) }
            { card("bd-card", "bd-recs", t.recommended_safeguards, html! {
                <Recommendations {lang} report={props.report.clone()} assessment={props.assessment.clone()}
                    reviewer={props.reviewer.clone()} dispatch={dispatch.clone()} />
            }) }
            { card("bd-card", "bd-findout", t.find_out, find_out) }
            { card("bd-card", "bd-findings", t.findings_cited, findings) }
            <p class="bd-muted">{ t.bank_version }{ ": " }{ &bank.version }</p>
            <div class="bd-actions bd-noprint">
                { super::button(Button { class: BTN, label: t.back, ..Default::default() }, super::send(dispatch, || Action::Back)) }
                { super::button(
                    Button {
                        class: BTN,
                        testid: Some("to-summary"),
                        label: crate::i18n::summary::strings(lang).open_summary,
                        ..Default::default()
                    },
                    super::send(dispatch, || Action::Next),
                ) }
                { super::button(
                    Button { class: PRIMARY, testid: Some("print"), label: t.print, ..Default::default() },
                    super::send(dispatch, || Action::Print),
                ) }
            </div>
        </section>
    }
}

#[derive(Properties)]
pub struct RecommendationsProps {
    pub lang: Lang,
    pub report: Shared<Report>,
    /// Only its action plan, whether it is frozen and the comments on measures are read (and
    /// compared).
    pub assessment: Shared<Assessment>,
    /// The reviewer's name (`State::reviewer`), for the review threads.
    #[prop_or_default]
    pub reviewer: AttrValue,
    pub dispatch: Dispatch,
}

impl PartialEq for RecommendationsProps {
    fn eq(&self, other: &Self) -> bool {
        fn measures(p: &RecommendationsProps) -> impl Iterator<Item = &crate::persist::review::Comment> {
            p.assessment.review.comments.iter().filter(|c| matches!(c.on, Target::Measure(_)))
        }
        self.lang == other.lang
            && self.report == other.report
            && self.dispatch == other.dispatch
            && self.reviewer == other.reviewer
            && self.assessment.plan == other.assessment.plan
            && self.assessment.frozen() == other.assessment.frozen()
            && (self.assessment == other.assessment || measures(self).eq(measures(other)))
    }
}

/// The recommended safeguards in priority order, each with its line of the action plan and its
/// review threads (rendered again when the plan or the comments on measures change, without the
/// rest of the page). The plan controls are disabled on a signed revision (read-only, as on the
/// summary).
#[function_component]
pub fn Recommendations(props: &RecommendationsProps) -> Html {
    let bank = crate::bank::bank();
    let lang = props.lang;
    let t = strings(lang);
    let report = &*props.report;
    let plan: &Plan = &props.assessment.plan;
    let asked = rv::use_asked();
    html! {
        <>
            if report.recommendations.is_empty() { <p>{ t.no_recommendations }</p> }
            <ol class="bd-recs">
                for rec in &report.recommendations {
                    { recommendation(bank, lang, rec, plan, props, &asked) }
                }
            </ol>
        </>
    }
}

fn recommendation(
    bank: &'static Bank,
    lang: Lang,
    rec: &crate::domain::engine::Recommendation,
    plan: &Plan,
    props: &RecommendationsProps,
    asked: &Asked,
) -> Html {
    let dispatch = &props.dispatch;
    let t = strings(lang);
    let s = bank.safeguard(&rec.safeguard);
    let key = rec.priority.key();
    let effect = (!rec.effect.is_empty()).then(|| {
        html! {
            <p class="bd-effect">
                { t.effect }{ ": " }
                for (rid, before, after) in &rec.effect {
                    <span class="bd-effect-item">
                        { format!("{}: {} → {}", bank.risk(rid).map(|x| x.title.get(lang)).unwrap_or(rid),
                            t.level(before.level()), t.level(after.level())) }
                    </span>
                }
            </p>
        }
    });
    let required = (!rec.required_by.is_empty()).then(|| {
        html! {
            <p class="bd-muted">
                { t.required_by }{ ": " }
                for c in &rec.required_by {
                    <span class="bd-effect-item">{ { let (q, o) = cause_text(bank, lang, c); format!("{q} → {o}") } }</span>
                }
            </p>
        }
    });
    html! {
        <li class={format!("bd-rec bd-prio-{key}")} data-testid="recommendation">
            <div class="bd-rec-head">
                <span class={format!("bd-badge bd-prio-badge-{key}")}>{ t.priority(rec.priority) }</span>
                <h4>{ s.map(|x| x.title.get(lang)).unwrap_or(&rec.safeguard) }</h4>
            </div>
            <p>{ s.map(|x| x.explanation.get(lang)).unwrap_or("") }</p>
            { for effect }
            { for required }
            { cite::or_instead(bank, lang, "bd-effect", &rec.alternatives) }
            if let Some(s) = s { { cite::reasons(bank, lang, &s.provisions, &s.findings, Anchors::Results) } }
            { plan_controls(t, &rec.safeguard, plan, props.assessment.frozen(), dispatch) }
            if let Some(s) = s {
                { rv::slot(asked, ReviewProps {
                    lang, target: Target::Measure(rec.safeguard.clone()), about: s.title.get(lang),
                    assessment: props.assessment.clone(), reviewer: props.reviewer.clone(), dispatch: dispatch.clone(), open: false,
                }) }
            }
        </li>
    }
}

/// The action plan of a recommended safeguard: status, owner and due date (disabled when
/// `frozen`: a signed revision is read-only).
fn plan_controls(t: &Strings, sid: &str, plan: &Plan, frozen: bool, dispatch: &Dispatch) -> Html {
    let item = plan.get(sid).cloned().unwrap_or_default();
    let on = |field| {
        let sid = sid.to_string();
        super::on_value::<Event>(dispatch, move |v| Action::SetPlanField(sid.clone(), field, v))
    };
    let status_id = format!("bd-plan-{sid}-status");
    let owner_id = format!("bd-plan-{sid}-owner");
    let due_id = format!("bd-plan-{sid}-due");
    html! {
        <div class="bd-plan">
            <label for={status_id.clone()}>{ t.status }</label>
            <select id={status_id} disabled={frozen} onchange={on(PlanField::Status)}>
                for s in Status::ALL {
                    <option value={s.key()} selected={item.status == s}>{ t.status(s) }</option>
                }
            </select>
            <label for={owner_id.clone()}>{ t.owner }</label>
            <input id={owner_id} type="text" maxlength={MAX_META_LEN.to_string()} value={item.owner} disabled={frozen} onchange={on(PlanField::Owner)} />
            <label for={due_id.clone()}>{ t.due }</label>
            <input id={due_id} type="date" value={item.due} disabled={frozen} onchange={on(PlanField::Due)} />
        </div>
    }
}

//! The results page: verdict, score and band, screening, red lines, risks with their reasons,
//! prioritised safeguards with the action plan, what to find out, and the findings cited.

use std::collections::BTreeSet;

use yew::prelude::*;

use super::cite::{self, cause_text};
use super::state::State;
use super::{card, on_change, Button, Edit, Nav, PlanField, BTN, PRIMARY};
use crate::domain::answers::Status;
use crate::domain::engine::{Cause, Level, Position, Report};
use crate::domain::model::{Bank, Lang};
use crate::i18n::{self, strings, Strings};


#[inline(never)]
fn cause_reasons(bank: &Bank, lang: Lang, c: &Cause) -> Html {
    match cite::cause_option(bank, c) {
        Some(o) => cite::reasons(bank, lang, &o.provisions, &o.findings),
        None => html! {},
    }
}

/// The badge of a level ("bd-badge bd-level-high": "High").
#[inline(never)]
pub(crate) fn level_badge(t: &Strings, l: Level) -> Html {
    html! { <span class={format!("bd-badge bd-level-{}", l.key())}>{ t.level(l) }</span> }
}

/// "Question → answer" of a cause.
#[inline(never)]
fn cause_line(bank: &Bank, lang: Lang, c: &Cause) -> Html {
    let (q, o) = cause_text(bank, lang, c);
    html! { <>{ q }{ " → " }<strong>{ o }</strong></> }
}

/// A score with its band; the main one (`main`) is marked for tests and shows "/100".
#[inline(never)]
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

#[inline(never)]
fn position(t: &Strings, p: Position) -> Html {
    html! {
        <span class="bd-pos">
            { level_badge(t, p.level()) }
            <span class="bd-pos-detail">{ format!("{} {} · {} {}", t.likelihood, t.pos(p.likelihood), t.severity, t.pos(p.severity)) }</span>
        </span>
    }
}

/// Findings cited by the raised risks, red lines and recommendations, in bank order.
pub fn cited_findings<'b>(bank: &'b Bank, report: &Report) -> Vec<&'b crate::domain::model::Finding> {
    let mut ids: BTreeSet<&str> = BTreeSet::new();
    let causes = report
        .risks
        .iter()
        .flat_map(|r| r.raised_by.iter().map(|(c, _)| c))
        .chain(report.red_lines.iter());
    for c in causes {
        if let Some(o) = cite::cause_option(bank, c) {
            ids.extend(o.findings.iter().map(String::as_str));
        }
    }
    for r in &report.recommendations {
        if let Some(s) = bank.safeguard(&r.safeguard) {
            ids.extend(s.findings.iter().map(String::as_str));
        }
    }
    bank.findings.iter().filter(|f| ids.contains(f.id.as_str())).collect()
}

/// The results page; `heading` is its `<h2>` (focused by `App` when the step opens).
pub fn results(state: &UseReducerHandle<State>, heading: &NodeRef) -> Html {
    let bank = state.bank;
    let lang = state.lang;
    let t = strings(lang);
    let report = &state.report;
    let (verdict_title, verdict_body) = t.verdict(report.verdict);

    let provisional = (!report.complete()).then(|| {
        html! { <p class="bd-provisional">{ i18n::fill(t.provisional, &[&report.unanswered.len()]) }</p> }
    });

    let screening = card("bd-card", "bd-screening", t.screening, None, html! {
        <>
            <p data-testid="screening">{ if report.screening.required { t.dpia_required } else { t.dpia_not_indicated } }</p>
            if !report.screening.criteria.is_empty() {
                <p>{ t.wp248_met }{ ": " }{ report.screening.criteria.iter().map(|c| t.wp248(c)).collect::<Vec<_>>().join("; ") }</p>
            }
            if !report.screening.mandatory_by.is_empty() {
                <p>{ t.mandatory_because }{ ":" }</p>
                <ul>{ for report.screening.mandatory_by.iter().map(|c| html! { <li>{ cause_line(bank, lang, c) }</li> }) }</ul>
            }
        </>
    });

    let red_lines = (!report.red_lines.is_empty()).then(|| card("bd-card bd-redlines", "bd-redlines", t.red_lines, None, html! {
            <ul>{ for report.red_lines.iter().map(|c| {
                let why = cite::cause_option(bank, c).and_then(|o| o.red_line.as_ref()).map(|r| r.get(lang).to_string()).unwrap_or_default();
                html! { <li><p>{ cause_line(bank, lang, c) }</p><p>{ why }</p>{ cause_reasons(bank, lang, c) }</li> }
            }) }</ul>
    }));

    // Worst first: by planned, then residual, then inherent level; bank order breaks ties.
    let mut raised: Vec<&crate::domain::engine::RiskResult> = report.risks.iter().filter(|r| r.is_raised()).collect();
    crate::domain::sort::sort_by_key(&mut raised, |r| std::cmp::Reverse((r.planned.level(), r.residual.level(), r.inherent.level())));
    let risk_rows = raised.into_iter().map(|r| {
        let risk = bank.risk(&r.risk);
        let title = risk.map(|x| x.title.get(lang)).unwrap_or(&r.risk);
        let desc = risk.map(|x| x.description.get(lang)).unwrap_or("");
        html! {
            <tr class="bd-risk-row">
                <th scope="row">
                    <details>
                        <summary>{ title }</summary>
                        <p class="bd-muted">{ desc }</p>
                        <p class="bd-why-label">{ t.raised_by }</p>
                        <ul>{ for r.raised_by.iter().map(|(c, _)| html! {
                            <li><span>{ cause_line(bank, lang, c) }</span>{ cause_reasons(bank, lang, c) }</li>
                        }) }</ul>
                        if !r.lowered_by.is_empty() {
                            <p class="bd-why-label">{ t.lowered_by }</p>
                            <ul>{ for r.lowered_by.iter().map(|s| html! {
                                <li>{ bank.safeguard(s).map(|x| x.title.get(lang)).unwrap_or(s) }</li>
                            }) }</ul>
                        }
                    </details>
                </th>
                <td>{ position(t, r.inherent) }</td>
                <td>{ position(t, r.residual) }</td>
                <td>{ position(t, r.planned) }</td>
            </tr>
        }
    });

    let plan_for = |sid: &str| state.assessment.plan.get(sid).cloned().unwrap_or_default();
    let recommendations = report.recommendations.iter().map(|rec| {
        let s = bank.safeguard(&rec.safeguard);
        let title = s.map(|x| x.title.get(lang)).unwrap_or(&rec.safeguard);
        let item = plan_for(&rec.safeguard);
        let on = |field| on_change(state, Edit::Plan(rec.safeguard.clone(), item.clone(), field));
        let status_id = format!("bd-plan-{}-status", rec.safeguard);
        let owner_id = format!("bd-plan-{}-owner", rec.safeguard);
        let due_id = format!("bd-plan-{}-due", rec.safeguard);
        html! {
            <li class={format!("bd-rec bd-prio-{}", rec.priority.key())} data-testid="recommendation">
                <div class="bd-rec-head">
                    <span class={format!("bd-badge bd-prio-badge-{}", rec.priority.key())}>{ t.priority(rec.priority) }</span>
                    <h4>{ title }</h4>
                </div>
                <p>{ s.map(|x| x.explanation.get(lang)).unwrap_or("") }</p>
                if !rec.effect.is_empty() {
                    <p class="bd-effect">{ t.effect }{ ": " }{ for rec.effect.iter().map(|(rid, before, after)| {
                        let name = bank.risk(rid).map(|x| x.title.get(lang)).unwrap_or(rid);
                        html! { <span class="bd-effect-item">{ format!("{name}: {} → {}", t.level(before.level()), t.level(after.level())) }</span> }
                    }) }</p>
                }
                if !rec.required_by.is_empty() {
                    <p class="bd-muted">{ t.required_by }{ ": " }{ for rec.required_by.iter().map(|c| {
                        let (q, o) = cause_text(bank, lang, c);
                        html! { <span class="bd-effect-item">{ format!("{q} → {o}") }</span> }
                    }) }</p>
                }
                { s.map(|x| cite::reasons(bank, lang, &x.provisions, &x.findings)).unwrap_or_default() }
                <div class="bd-plan">
                    <label for={status_id.clone()}>{ t.status }</label>
                    <select id={status_id} onchange={on(PlanField::Status)}>
                        <option value="not_planned" selected={item.status == Status::NotPlanned}>{ t.status_not_planned }</option>
                        <option value="planned" selected={item.status == Status::Planned}>{ t.status_planned }</option>
                        <option value="in_place" selected={item.status == Status::InPlace}>{ t.status_in_place }</option>
                    </select>
                    <label for={owner_id.clone()}>{ t.owner }</label>
                    <input id={owner_id} type="text" maxlength="200" value={item.owner.clone()} onchange={on(PlanField::Owner)} />
                    <label for={due_id.clone()}>{ t.due }</label>
                    <input id={due_id} type="date" value={item.due.clone()} onchange={on(PlanField::Due)} />
                </div>
            </li>
        }
    });

    let find_out = report.find_out.iter().map(|c| {
        let (q, _) = cause_text(bank, lang, c);
        let what = cite::cause_option(bank, c).and_then(|o| o.find_out.as_ref()).map(|f| f.get(lang).to_string()).unwrap_or_default();
        html! { <li><strong>{ q }</strong><p>{ what }</p></li> }
    });

    let findings = cited_findings(bank, report).into_iter().map(|f| html! {
        <li id={format!("bd-f-{}", f.id)} class="bd-finding">
            <h4>{ format!("{} ({}), {}: {}", f.authority, f.country, f.date, f.subject) }</h4>
            if !f.reference.is_empty() { <p class="bd-muted">{ &f.reference }</p> }
            if let Some(a) = &f.amount { <p>{ a.get(lang) }</p> }
            <ul>{ for f.key_findings.iter().map(|k| html! { <li>{ k.get(lang) }</li> }) }</ul>
            <p class="bd-muted">{ t.appeal }{ ": " }{ f.appeal.get(lang) }</p>
            <p class="bd-source">{ t.source }{ ": " }<a href={f.source.clone()} rel="noreferrer noopener" target="_blank">{ &f.source }</a></p>
        </li>
    });

    let onprint = Callback::from(|_| {
        #[cfg(target_arch = "wasm32")]
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });

    html! {
        <section key="results" class="bd-results" aria-labelledby="bd-results-title">
            <h2 id="bd-results-title" tabindex="-1" ref={heading.clone()}>{ t.results }</h2>
            <div class={format!("bd-verdict bd-verdict-{}", report.verdict.key())} data-testid="verdict">
                <p class="bd-verdict-label">{ t.verdict }</p>
                <p class="bd-verdict-title">{ verdict_title }</p>
                <p>{ verdict_body }</p>
                { for provisional }
            </div>
            <div class="bd-scores">
                { score_box(t, report.residual_score, t.residual_score, true) }
                { score_box(t, report.inherent_score, t.inherent_score, false) }
                { score_box(t, report.planned_score, t.planned_score, false) }
            </div>
            { super::method::method(lang) }
            { red_lines }
            { screening }
            { card("bd-card", "bd-risks", t.risks, None, html! {
                <table class="bd-risk-table">
                    <thead><tr><th scope="col">{ t.risk }</th><th scope="col">{ t.inherent }</th><th scope="col">{ t.residual }</th><th scope="col">{ t.with_planned }</th></tr></thead>
                    <tbody>{ for risk_rows }</tbody>
                </table>
            }) }
            { card("bd-card", "bd-recs", t.recommended_safeguards, None, html! {
                <>
                    if report.recommendations.is_empty() { <p>{ t.no_recommendations }</p> }
                    <ol class="bd-recs">{ for recommendations }</ol>
                </>
            }) }
            { card("bd-card", "bd-findout", t.find_out, None, html! {
                <>
                    if report.find_out.is_empty() { <p>{ t.nothing_to_find_out }</p> }
                    <ul>{ for find_out }</ul>
                </>
            }) }
            { card("bd-card", "bd-findings", t.findings_cited, None, html! { <ul class="bd-findings">{ for findings }</ul> }) }
            <p class="bd-muted">{ t.bank_version }{ ": " }{ &bank.version }</p>
            <div class="bd-actions bd-noprint">
                { super::button(Button { class: BTN, label: t.back, ..Default::default() }, super::send(state, Nav::Back)) }
                { super::button(
                    Button { class: BTN, testid: Some("to-summary"), label: crate::i18n::summary::strings(lang).open_summary, ..Default::default() },
                    super::send(state, Nav::Next),
                ) }
                { super::button(Button { class: PRIMARY, testid: Some("print"), label: t.print, ..Default::default() }, onprint) }
            </div>
        </section>
    }
}

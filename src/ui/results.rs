//! The results page: verdict, score and band, screening, red lines, risks with their reasons,
//! prioritised safeguards with the action plan, what to find out, and the findings cited.

use std::collections::BTreeSet;

use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static as S;

use super::cite::{self, cause_text};
use super::doc::Doc;
use super::state::State;
use super::{on_change, Button, Edit, Nav, PlanField, BTN, PRIMARY};
use crate::domain::answers::{PlanItem, Status};
use crate::domain::engine::{Cause, Level, Position, Report};
use crate::domain::model::Bank;
use crate::i18n::{strings, Get, Lang, Strings};

/// The provisions and findings behind a cause (an empty group when the bank no longer has it).
#[inline(never)]
fn cause_reasons(d: &mut Doc, bank: &Bank, lang: Lang, c: &Cause) {
    match cite::cause_option(bank, c) {
        Some(o) => cite::reasons(d, bank, lang, &o.provisions, &o.findings),
        None => {
            d.group();
            d.close();
        }
    }
}

/// The badge of a level ("bd-badge bd-level-high": "High").
#[inline(never)]
pub(crate) fn level_badge(d: &mut Doc, t: &Strings, l: Level) {
    // The classes of `Level::key`.
    let class = match l {
        Level::Low => "bd-badge bd-level-low",
        Level::Medium => "bd-badge bd-level-medium",
        Level::High => "bd-badge bd-level-high",
        Level::VeryHigh => "bd-badge bd-level-very_high",
    };
    d.leaf("span", class, t.level(l));
}

/// "Question → answer" of a cause.
#[inline(never)]
fn cause_line(d: &mut Doc, bank: &Bank, lang: Lang, c: &Cause) {
    let (q, o) = cause_text(bank, lang, c);
    d.string(q);
    d.text(" → ");
    d.leaf_string("strong", "", o);
}

/// A score with its band; the main one (`main`) is marked for tests and shows "/100".
#[inline(never)]
fn score_box(d: &mut Doc, t: &Strings, score: u8, label: &'static str, main: bool) {
    if main {
        d.open_static("div", &[("class", S("bd-score")), ("data-testid", S("score"))]);
    } else {
        d.open("div", "bd-score bd-score-small");
    }
    d.leaf_string("span", "bd-score-num", score.to_string());
    if main {
        d.leaf("span", "bd-score-max", "/100");
    }
    level_badge(d, t, Report::band(score));
    d.leaf("span", "bd-muted", label);
    d.close();
}

#[inline(never)]
fn position(d: &mut Doc, t: &Strings, p: Position) {
    d.open("td", "");
    d.open("span", "bd-pos");
    level_badge(d, t, p.level());
    d.leaf_string(
        "span",
        "bd-pos-detail",
        format!("{} {} · {} {}", t.likelihood, t.pos(p.likelihood), t.severity, t.pos(p.severity)),
    );
    d.close();
    d.close();
}

/// Starts a card: `<section>` labelled by its `<h3>` (with id `id`); the caller adds the body
/// and closes it (as `super::card`).
#[inline(never)]
fn open_card(d: &mut Doc, class: &'static str, id: &'static str, title: &'static str) {
    d.open_attrs("section", &["class", "aria-labelledby"], &[class, id]);
    d.open_attrs("h3", &["id"], &[id]);
    d.text(title);
    d.close();
}

/// Findings cited by the raised risks, red lines and recommendations, in bank order.
pub fn cited_findings<'b>(bank: &'b Bank, report: &Report) -> Vec<&'b crate::domain::model::Finding> {
    let mut ids: BTreeSet<&str> = BTreeSet::new();
    let causes = report.risks.iter().flat_map(|r| r.raised_by.iter().map(|(c, _)| c)).chain(report.red_lines.iter());
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
    let mut doc = Doc::new();
    let d = &mut doc;

    d.open_static("section", &[("class", S("bd-results")), ("aria-labelledby", S("bd-results-title"))]);
    d.key("results");
    d.add(html! { <h2 id="bd-results-title" tabindex="-1" ref={heading.clone()}>{ t.results }</h2> });
    d.open_attrs(
        "div",
        &["class", "data-testid"],
        &[&format!("bd-verdict bd-verdict-{}", report.verdict.key()), "verdict"],
    );
    d.leaf("p", "bd-verdict-label", t.verdict);
    d.leaf("p", "bd-verdict-title", verdict_title);
    d.leaf("p", "", verdict_body);
    d.group();
    if !report.complete() {
        d.leaf_string("p", "bd-provisional", t.provisional(report.unanswered.len()));
    }
    d.close();
    d.close();
    d.open("div", "bd-scores");
    score_box(d, t, report.residual_score, t.residual_score, true);
    score_box(d, t, report.inherent_score, t.inherent_score, false);
    score_box(d, t, report.planned_score, t.planned_score, false);
    d.close();
    super::method::method(d, lang);

    d.group();
    if !report.red_lines.is_empty() {
        open_card(d, "bd-card bd-redlines", "bd-redlines", t.red_lines);
        d.open("ul", "");
        for c in &report.red_lines {
            let why =
                cite::cause_option(bank, c).and_then(|o| o.red_line.as_ref()).map(|r| r.get(lang)).unwrap_or_default();
            d.open("li", "");
            d.open("p", "");
            cause_line(d, bank, lang, c);
            d.close();
            d.leaf("p", "", why);
            cause_reasons(d, bank, lang, c);
            d.close();
        }
        d.close();
        d.close();
    }
    d.close();

    open_card(d, "bd-card", "bd-screening", t.screening);
    d.open_static("p", &[("data-testid", S("screening"))]);
    d.text(if report.screening.required { t.dpia_required } else { t.dpia_not_indicated });
    d.close();
    d.group();
    if !report.screening.criteria.is_empty() {
        d.open("p", "");
        d.text(t.wp248_met);
        d.text(": ");
        d.string(report.screening.criteria.iter().map(|c| t.wp248(c)).collect::<Vec<_>>().join("; "));
        d.close();
    }
    d.close();
    d.group();
    if !report.screening.mandatory_by.is_empty() {
        d.open("p", "");
        d.text(t.mandatory_because);
        d.text(":");
        d.close();
        d.open("ul", "");
        for c in &report.screening.mandatory_by {
            d.open("li", "");
            cause_line(d, bank, lang, c);
            d.close();
        }
        d.close();
    }
    d.close();
    d.close();

    // Worst first: by planned, then residual, then inherent level; bank order breaks ties.
    let mut raised: Vec<&crate::domain::engine::RiskResult> = report.risks.iter().filter(|r| r.is_raised()).collect();
    raised.sort_by_key(|r| std::cmp::Reverse((r.planned.level(), r.residual.level(), r.inherent.level())));
    open_card(d, "bd-card", "bd-risks", t.risks);
    d.open("table", "bd-risk-table");
    d.thead(&[t.risk, t.inherent, t.residual, t.with_planned]);
    d.open("tbody", "");
    for r in raised {
        let risk = bank.risk(&r.risk);
        d.open("tr", "bd-risk-row");
        d.open_static("th", &[("scope", S("row"))]);
        d.open("details", "");
        d.leaf_string("summary", "", risk.map(|x| x.title.get(lang)).unwrap_or(&r.risk).to_string());
        d.leaf("p", "bd-muted", risk.map(|x| x.description.get(lang)).unwrap_or(""));
        d.leaf("p", "bd-why-label", t.raised_by);
        d.open("ul", "");
        for (c, _) in &r.raised_by {
            d.open("li", "");
            d.open("span", "");
            cause_line(d, bank, lang, c);
            d.close();
            cause_reasons(d, bank, lang, c);
            d.close();
        }
        d.close();
        d.group();
        if !r.lowered_by.is_empty() {
            d.leaf("p", "bd-why-label", t.lowered_by);
            d.open("ul", "");
            for s in &r.lowered_by {
                d.leaf_string("li", "", bank.safeguard(s).map(|x| x.title.get(lang)).unwrap_or(s).to_string());
            }
            d.close();
        }
        d.close();
        d.close();
        d.close();
        position(d, t, r.inherent);
        position(d, t, r.residual);
        position(d, t, r.planned);
        d.close();
    }
    d.close();
    d.close();
    d.close();

    open_card(d, "bd-card", "bd-recs", t.recommended_safeguards);
    d.group();
    if report.recommendations.is_empty() {
        d.leaf("p", "", t.no_recommendations);
    }
    d.close();
    d.open("ol", "bd-recs");
    for rec in &report.recommendations {
        let s = bank.safeguard(&rec.safeguard);
        let item = state.assessment.plan.get(&rec.safeguard).cloned().unwrap_or_default();
        let key = rec.priority.key();
        d.open_attrs("li", &["class", "data-testid"], &[&format!("bd-rec bd-prio-{key}"), "recommendation"]);
        d.open("div", "bd-rec-head");
        d.open_attrs("span", &["class"], &[&format!("bd-badge bd-prio-badge-{key}")]);
        d.text(t.priority(rec.priority));
        d.close();
        d.leaf_string("h4", "", s.map(|x| x.title.get(lang)).unwrap_or(&rec.safeguard).to_string());
        d.close();
        d.leaf("p", "", s.map(|x| x.explanation.get(lang)).unwrap_or(""));
        d.group();
        if !rec.effect.is_empty() {
            d.open("p", "bd-effect");
            d.text(t.effect);
            d.text(": ");
            d.group();
            for (rid, before, after) in &rec.effect {
                let name = bank.risk(rid).map(|x| x.title.get(lang)).unwrap_or(rid);
                d.leaf_string(
                    "span",
                    "bd-effect-item",
                    format!("{name}: {} → {}", t.level(before.level()), t.level(after.level())),
                );
            }
            d.close();
            d.close();
        }
        d.close();
        d.group();
        if !rec.required_by.is_empty() {
            d.open("p", "bd-muted");
            d.text(t.required_by);
            d.text(": ");
            d.group();
            for c in &rec.required_by {
                let (q, o) = cause_text(bank, lang, c);
                d.leaf_string("span", "bd-effect-item", format!("{q} → {o}"));
            }
            d.close();
            d.close();
        }
        d.close();
        match s {
            Some(x) => cite::reasons(d, bank, lang, &x.provisions, &x.findings),
            None => {
                d.group();
                d.close();
            }
        }
        d.add(plan(state, t, &rec.safeguard, item));
        d.close();
    }
    d.close();
    d.close();

    open_card(d, "bd-card", "bd-findout", t.find_out);
    d.group();
    if report.find_out.is_empty() {
        d.leaf("p", "", t.nothing_to_find_out);
    }
    d.close();
    d.open("ul", "");
    for c in &report.find_out {
        let (q, _) = cause_text(bank, lang, c);
        d.open("li", "");
        d.leaf_string("strong", "", q);
        d.leaf(
            "p",
            "",
            cite::cause_option(bank, c).and_then(|o| o.find_out.as_ref()).map(|f| f.get(lang)).unwrap_or_default(),
        );
        d.close();
    }
    d.close();
    d.close();

    open_card(d, "bd-card", "bd-findings", t.findings_cited);
    d.open("ul", "bd-findings");
    for f in cited_findings(bank, report) {
        d.open_attrs("li", &["id", "class"], &[&format!("bd-f-{}", f.id), "bd-finding"]);
        d.leaf_string("h4", "", cite::finding_heading(lang, f));
        d.group();
        if let Some(r) = &f.reference {
            d.leaf("p", "bd-muted", r.get(lang));
        }
        d.close();
        let classes = cite::FindingClasses { amount: "", key_findings: "", appeal: "bd-muted", source: "bd-source" };
        cite::finding_details(d, t, lang, f, &classes);
        d.close();
    }
    d.close();
    d.close();

    d.open("p", "bd-muted");
    d.text(t.bank_version);
    d.text(": ");
    d.text(&bank.version);
    d.close();

    let onprint = Callback::from(|_| {
        #[cfg(target_arch = "wasm32")]
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    d.open("div", "bd-actions bd-noprint");
    d.add(super::button(Button { class: BTN, label: t.back, ..Default::default() }, super::send(state, Nav::Back)));
    d.add(super::button(
        Button {
            class: BTN,
            testid: Some("to-summary"),
            label: crate::i18n::summary::strings(lang).open_summary,
            ..Default::default()
        },
        super::send(state, Nav::Next),
    ));
    d.add(super::button(
        Button { class: PRIMARY, testid: Some("print"), label: t.print, ..Default::default() },
        onprint,
    ));
    d.close();
    d.close();
    doc.finish()
}

/// The action plan of a recommended safeguard: status, owner and due date (controls).
#[inline(never)]
fn plan(state: &UseReducerHandle<State>, t: &Strings, sid: &str, item: PlanItem) -> Html {
    let on = |field| on_change(state, Edit::Plan(sid.to_string(), item.clone(), field));
    let status_id = format!("bd-plan-{sid}-status");
    let owner_id = format!("bd-plan-{sid}-owner");
    let due_id = format!("bd-plan-{sid}-due");
    html! {
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
    }
}

//! The summary a DPO can sign and file: cover with verdict and score, systematic description,
//! risk map, risk table with explanations, action plan, open points, sign-off block (as in
//! the ICO template), all answers by section and the findings cited.
//!
//! The same component is the `Step::Summary` screen (with editable details, action plan and
//! sign-off) and, on every other step, a hidden print-only copy (`print_copy`), so that
//! printing from anywhere (button, menu or Ctrl+P) always outputs this summary: the print
//! stylesheet hides everything but `.bd-summary`. Nothing depends on timing or on a
//! `beforeprint` handler re-rendering in time.
//!
//! Print layout: the document is one table whose `<thead>` holds the running header (title,
//! organisation, date, question bank version); Chromium and Firefox repeat a table header
//! on every printed page. Page numbers come from an `@page` margin box in style/app.css.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::html::{onchange, oninput};
use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::{self, Static as S};
use yew::virtual_dom::{Attributes, Listener};

use super::cite::{
    cause_option, cause_text, finding_details, finding_heading, finding_short, option_label, provision_short,
    FindingClasses,
};
use super::doc::Doc;
use super::heatmap::{heat_map, MapRisk};
use super::results::cited_findings;
use super::state::{Action, Meta, State, Step};
use super::{button, on_change, send, Button, Edit as PlanEdit, Nav, PlanField, BTN, PRIMARY};
use crate::domain::answers::{Answer, Status};
use crate::domain::engine::{Cause, Level, Recommendation, Report};
use crate::domain::model::{Bank, Kind, Question};
use crate::i18n::{strings, summary, Get, Lang, Strings};
use crate::persist::assessment::{SignOff, MAX_ADVICE_LEN, MAX_META_LEN};

/// Id of the section whose text answers are the systematic description.
pub const DESCRIPTION_SECTION: &str = "description";

/// Today's date, YYYY-MM-DD, from the browser's clock (empty natively).
fn today() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let d = js_sys::Date::new_0();
        format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        String::new()
    }
}

/// The date the summary carries: today, or (natively) the date of the last change.
pub fn summary_date(updated: &str) -> String {
    let d = today();
    if !d.is_empty() {
        return d;
    }
    updated.get(..10).unwrap_or(updated).to_string()
}

/// The labels of the options an answer chose (unknown ids are shown as they are).
fn chosen_labels(q: &Question, a: &Answer, lang: Lang) -> Vec<String> {
    a.chosen()
        .into_iter()
        .map(|id| q.option(id).map(|o| option_label(o, lang)).unwrap_or_else(|| id.to_string()))
        .collect()
}

/// Provisions and findings, inline; findings link to their entry in the annex. Adds one node,
/// an empty group when there are none.
#[inline(never)]
fn cites(d: &mut Doc, bank: &Bank, lang: Lang, provisions: &[String], findings: &[String]) {
    if provisions.is_empty() && findings.is_empty() {
        // In place of the list, for the siblings (see `Doc`).
        d.group();
        d.close();
        return;
    }
    d.open("ul", "bd-sum-cites");
    for p in provisions {
        d.leaf_string("li", "", provision_short(bank, lang, p));
    }
    for f in findings {
        d.open("li", "");
        d.open_attrs("a", &["href"], &[&format!("#bd-sum-f-{f}")]);
        d.string(finding_short(bank, lang, f));
        d.close();
        d.close();
    }
    d.close();
}

/// The question and the chosen answer ("question → **answer**") of an answer that raised
/// something, and with `cite` the provisions and findings behind it.
#[inline(never)]
fn cause(d: &mut Doc, bank: &Bank, lang: Lang, c: &Cause, cite: bool) {
    let (q, o) = cause_text(bank, lang, c);
    d.string(q);
    d.text(" → ");
    d.leaf_string("strong", "", o);
    if cite {
        match cause_option(bank, c) {
            Some(o) => cites(d, bank, lang, &o.provisions, &o.findings),
            None => cites(d, bank, lang, &[], &[]),
        }
    }
}

/// A level as a tag ("High"), coloured by its class.
#[inline(never)]
fn level_tag(d: &mut Doc, t: &Strings, l: Level) {
    // The classes of `Level::key`.
    let class = match l {
        Level::Low => "bd-sum-level bd-sum-level-low",
        Level::Medium => "bd-sum-level bd-sum-level-medium",
        Level::High => "bd-sum-level bd-sum-level-high",
        Level::VeryHigh => "bd-sum-level bd-sum-level-very_high",
    };
    d.leaf("span", class, t.level(l));
}

/// The value of a status in the plan's select.
fn status_key(s: Status) -> &'static str {
    match s {
        Status::InPlace => "in_place",
        Status::Planned => "planned",
        Status::NotPlanned => "not_planned",
    }
}

fn status_text(t: &Strings, s: Status) -> &'static str {
    match s {
        Status::InPlace => t.status_in_place,
        Status::Planned => t.status_planned,
        Status::NotPlanned => t.status_not_planned,
    }
}

/// Free text as the user wrote it: line breaks kept, long words wrapped.
#[inline(never)]
fn free_text(d: &mut Doc, text: &str) {
    d.open("div", "bd-sum-text");
    d.copy(text);
    d.close();
}

/// Starts an editable value: on screen the control, which the caller adds when `editable`
/// and then calls [`field_end`].
#[inline(never)]
fn field_start(d: &mut Doc, editable: bool) {
    d.group();
    if editable {
        d.open("div", "bd-sum-edit");
    } else {
        d.group();
    }
}

/// Ends an editable value: in print the value on a filled line.
#[inline(never)]
fn field_end(d: &mut Doc, editable: bool, value: &str) {
    d.close();
    d.open("div", if editable { "bd-sum-printed bd-sum-print-only" } else { "bd-sum-printed" });
    d.open("span", "bd-sum-line");
    d.copy(value);
    d.close();
    d.close();
    d.close();
}

/// The `<colgroup>` (a class per column, "" for none) and the header row of a table.
#[inline(never)]
fn table_head(d: &mut Doc, cols: &[&'static str], heads: &[&'static str]) {
    d.open("colgroup", "");
    for class in cols {
        d.open("col", class);
        d.close();
    }
    d.close();
    d.thead(heads);
}

/// Starts a numbered part of the document: heading ("`number` `title`") and introduction
/// (if any); the caller adds the body and closes it.
#[inline(never)]
fn open_part(d: &mut Doc, class: &'static str, id: &'static str, number: &str, title: &str, intro: &'static str) {
    d.open_attrs("section", &["aria-labelledby", "class"], &[id, class]);
    if !intro.is_empty() {
        d.open("div", "bd-sum-head");
    }
    d.open_attrs("h3", &["id"], &[id]);
    d.string(format!("{number} {title}"));
    d.close();
    if !intro.is_empty() {
        d.leaf("p", "bd-muted", intro);
        d.close();
    }
}

/// What a control of the summary edits that reports every keystroke or is not in the action
/// plan (the plan's status and due date go through `super::on_change`, as on the results page).
#[derive(Clone, Copy)]
enum Edit {
    Meta(Meta),
    /// A text of the sign-off block.
    SignOff(fn(&mut SignOff) -> &mut String),
    /// The owner of a safeguard's line in the action plan.
    PlanOwner,
}

impl Edit {
    /// The action for a new value of the control; `sid` is the safeguard of a plan control.
    fn action(self, st: &State, sid: &str, value: String) -> Action {
        match self {
            Edit::Meta(m) => Action::SetMeta(m, value),
            Edit::SignOff(field) => {
                let mut so = st.assessment.signoff.clone();
                *field(&mut so) = value;
                Action::SetSignOff(so)
            }
            Edit::PlanOwner => {
                let mut item = st.assessment.plan.get(sid).cloned().unwrap_or_default();
                item.owner = value.chars().take(MAX_META_LEN).collect();
                Action::SetPlan(sid.to_string(), item)
            }
        }
    }
}

/// The callback of a summary control: dispatches what `edit` makes of the control's value.
/// One closure for all controls (per event type) instead of one per control.
#[inline(never)]
fn on_edit<E: AsRef<Event> + 'static>(state: &UseReducerHandle<State>, sid: &str, edit: Edit) -> Callback<E> {
    let (state, sid) = (state.clone(), sid.to_string());
    Callback::from(move |e: E| {
        // The `value` of the input, textarea or select that fired the event.
        let value = e
            .as_ref()
            .target()
            .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        state.dispatch(edit.action(&state, &sid, value));
    })
}

/// Starts a control: `<tag>` with attributes as in `Doc::open_attrs`, its live value (of an
/// input or textarea) and its listener. The caller closes it.
#[inline(never)]
fn open_control(
    d: &mut Doc,
    tag: &'static str,
    keys: &'static [&'static str],
    values: &[&str],
    value: &str,
    listener: Rc<dyn Listener>,
) {
    d.open_attrs(tag, keys, values);
    if let Some(t) = d.tag() {
        t.set_value(value.to_string());
        t.add_listener(listener);
    }
}

/// A text input that reports every keystroke.
#[inline(never)]
fn text_input(d: &mut Doc, id: &str, testid: &str, value: &str, oninput: Callback<InputEvent>) {
    let listener = Rc::new(oninput::Wrapper::new(oninput));
    open_control(
        d,
        "input",
        &["id", "data-testid", "type", "maxlength"],
        &[id, testid, "text", &MAX_META_LEN.to_string()],
        value,
        listener,
    );
    d.close();
}

/// A date input.
#[inline(never)]
fn date_input(d: &mut Doc, id: &str, value: &str, onchange: Callback<Event>) {
    open_control(d, "input", &["id", "type"], &[id, "date"], value, Rc::new(onchange::Wrapper::new(onchange)));
    d.close();
}

/// A select of `options` (value, label) with `selected` chosen.
#[inline(never)]
fn select(d: &mut Doc, id: &str, options: &[(&'static str, &'static str)], selected: &str, onchange: Callback<Event>) {
    open_control(d, "select", &["id"], &[id], "", Rc::new(onchange::Wrapper::new(onchange)));
    for &(v, label) in options {
        d.open("option", "");
        if let Some(t) = d.tag() {
            // Not `open_attrs`, which leaves out an empty value: "not decided yet" has one.
            let attr = |x| Some(AttributeOrProperty::Attribute(AttrValue::Static(x)));
            t.set_attributes(Attributes::Dynamic {
                keys: &["value", "selected"],
                values: Box::new([attr(v), if v == selected { attr("selected") } else { None }]),
            });
        }
        d.text(label);
        d.close();
    }
    d.close();
}

/// The hidden label of a plan control, naming it and its safeguard ("Owner: Access logging").
#[inline(never)]
fn plan_label(d: &mut Doc, id: &str, what: &str, title: &str) {
    d.open_attrs("label", &["class", "for"], &["bd-sr", id]);
    d.string(format!("{what}: {title}"));
    d.close();
}

/// One safeguard of the action plan: priority, title, status, owner and due date, and below
/// them why. `rec` is `None` for a safeguard listed because it is in place.
fn plan_row(
    d: &mut Doc,
    state: &UseReducerHandle<State>,
    t: &Strings,
    editable: bool,
    sid: &str,
    rec: Option<&Recommendation>,
    by_answers: bool,
) {
    let (bank, lang) = (state.bank, state.lang);
    let s = summary::strings(lang);
    let g = bank.safeguard(sid);
    let title = g.map(|x| x.title.get(lang)).unwrap_or(sid);
    let item = state.assessment.plan.get(sid).cloned().unwrap_or_default();
    let editable = editable && !by_answers;
    d.open("tbody", "bd-sum-plan-item");
    d.open_static("tr", &[("data-testid", S("summary-plan-row")), ("class", S("bd-sum-plan-row"))]);
    // data-label: the column name above each cell when the table is stacked on a narrow screen.
    d.open_attrs("td", &["data-label"], &[s.priority]);
    d.text(rec.map(|r| t.priority(r.priority)).unwrap_or("—"));
    d.close();
    d.open("td", "");
    d.open("p", "bd-sum-plan-title");
    d.copy(title);
    d.close();
    d.close();
    d.open_attrs("td", &["data-label"], &[t.status]);
    if by_answers {
        d.leaf("span", "bd-sum-line", s.in_place_by_answers);
    } else {
        field_start(d, editable);
        if editable {
            let id = format!("bd-sum-plan-{sid}-status");
            let options =
                [Status::NotPlanned, Status::Planned, Status::InPlace].map(|x| (status_key(x), status_text(t, x)));
            plan_label(d, &id, t.status, title);
            select(
                d,
                &id,
                &options,
                status_key(item.status),
                on_change(state, PlanEdit::Plan(sid.to_string(), item.clone(), PlanField::Status)),
            );
        }
        field_end(d, editable, status_text(t, item.status));
    }
    d.close();
    d.open_attrs("td", &["data-label"], &[t.owner]);
    field_start(d, editable);
    if editable {
        let id = format!("bd-sum-plan-{sid}-owner");
        plan_label(d, &id, t.owner, title);
        text_input(d, &id, "", &item.owner, on_edit(state, sid, Edit::PlanOwner));
    }
    field_end(d, editable, &item.owner);
    d.close();
    d.open_attrs("td", &["data-label"], &[t.due]);
    field_start(d, editable);
    if editable {
        let id = format!("bd-sum-plan-{sid}-due");
        plan_label(d, &id, t.due, title);
        date_input(d, &id, &item.due, on_change(state, PlanEdit::Plan(sid.to_string(), item.clone(), PlanField::Due)));
    }
    field_end(d, editable, &item.due);
    d.close();
    d.close();
    d.open("tr", "bd-sum-plan-detail");
    d.open("td", "");
    d.close();
    d.open_static("td", &[("colspan", S("4"))]);
    d.leaf("p", "bd-sum-small bd-muted", g.map(|x| x.explanation.get(lang)).unwrap_or(""));
    d.group();
    if let Some(r) = rec.filter(|r| !r.effect.is_empty()) {
        d.leaf("p", "bd-sum-small bd-sum-label", t.effect);
        d.open("ul", "bd-sum-small");
        for (rid, before, after) in &r.effect {
            let name = bank.risk(rid).map(|x| x.title.get(lang)).unwrap_or(rid);
            d.leaf_string("li", "", format!("{name}: {} → {}", t.level(before.level()), t.level(after.level())));
        }
        d.close();
    }
    d.close();
    d.group();
    if let Some(r) = rec.filter(|r| !r.required_by.is_empty()) {
        d.leaf("p", "bd-sum-small bd-sum-label", t.required_by);
        d.open("ul", "bd-sum-small");
        for c in &r.required_by {
            d.open("li", "");
            cause(d, bank, lang, c, false);
            d.close();
        }
        d.close();
    }
    d.close();
    match g {
        Some(g) => cites(d, bank, lang, &g.provisions, &g.findings),
        None => cites(d, bank, lang, &[], &[]),
    }
    d.close(); // td
    d.close(); // tr
    d.close(); // tbody
}

/// How a sign-off value is edited.
#[derive(Clone, Copy, PartialEq)]
enum SignOffControl {
    Text,
    Area,
    Followed,
    Date,
}

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub state: UseReducerHandle<State>,
    /// The hidden copy rendered on the other steps for printing: no controls, no focus.
    #[prop_or_default]
    pub print_copy: bool,
}

#[function_component]
pub fn Summary(props: &SummaryProps) -> Html {
    let state = &props.state;
    let bank = state.bank;
    let lang = state.lang;
    let t = strings(lang);
    let s = summary::strings(lang);
    let report: &Report = &state.report;
    let a = &state.assessment;
    let editable = !props.print_copy;

    let heading = use_node_ref();
    // Keyed on `editable`: the hidden print copy may be reused as the screen view when the
    // user opens this step, and focus must move then too.
    super::use_focus(&heading, editable as usize);

    let date = summary_date(&a.updated);
    let title = if a.title.trim().is_empty() { s.untitled.to_string() } else { a.title.clone() };
    let organisation = a.organisation.trim().to_string();
    let version = if bank.version.is_empty() { a.bank_version.clone() } else { bank.version.clone() };

    use_print_title({
        let mut parts = vec![s.running_prefix.to_string(), title.clone()];
        if !organisation.is_empty() {
            parts.push(organisation.clone());
        }
        parts.push(date.clone());
        parts.join(" - ")
    });

    let mut d = Doc::new();
    d.open_attrs(
        "section",
        &["aria-labelledby", "data-testid", "class"],
        &[
            if editable { "bd-summary-title" } else { "" },
            if editable { "summary" } else { "summary-print-copy" },
            if editable { "bd-summary" } else { "bd-summary bd-print-copy" },
        ],
    );

    // ---------------------------------------------------------------- controls
    d.group();
    if editable {
        let onprint = Callback::from(|_: MouseEvent| {
            #[cfg(target_arch = "wasm32")]
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        });
        d.open("div", "bd-sum-toolbar bd-noprint");
        d.open_static("h2", &[("id", S("bd-summary-title")), ("tabindex", S("-1"))]);
        if let Some(tag) = d.tag() {
            tag.node_ref = heading.clone();
        }
        d.text(s.open_summary);
        d.close();
        d.leaf("p", "bd-muted", s.print_hint);
        d.open("div", "bd-sum-buttons");
        d.add(button(
            Button { class: BTN, label: s.back_to_results, ..Default::default() },
            send(state, Nav::Goto(Step::Results)),
        ));
        d.add(button(
            Button { class: PRIMARY, testid: Some("summary-print"), label: t.print, ..Default::default() },
            onprint,
        ));
        d.close();
        d.close();
    }
    d.close();
    d.group();
    if editable {
        d.open_static(
            "section",
            &[("aria-labelledby", S("bd-sum-details")), ("class", S("bd-card bd-sum-details bd-noprint"))],
        );
        d.open_static("h3", &[("id", S("bd-sum-details"))]);
        d.text(s.details);
        d.close();
        d.leaf("p", "bd-muted", s.details_hint);
        d.open("div", "bd-sum-form");
        for (id, testid, label, value, meta) in [
            ("bd-sum-title", "summary-title", s.title_label, &a.title, Meta::Title),
            ("bd-sum-org", "summary-org", s.organisation_label, &a.organisation, Meta::Organisation),
        ] {
            d.open_attrs("label", &["for"], &[id]);
            d.text(label);
            d.close();
            text_input(&mut d, id, testid, value, on_edit(state, "", Edit::Meta(meta)));
        }
        d.close(); // .bd-sum-form
        d.close(); // section
    }
    d.close(); // group

    d.open_static("table", &[("role", S("presentation")), ("class", S("bd-sum-doc"))]);
    d.open("thead", "bd-sum-doc-head");
    d.open("tr", "");
    d.open("td", "");
    d.open("div", "bd-sum-running");
    d.leaf_string("span", "bd-sum-running-title", format!("{} · {}", s.running_prefix, title));
    let version_line = format!("{} {}", s.bank_version_label, version);
    let running_meta = [organisation.as_str(), &date, &version_line]
        .into_iter()
        .filter(|x| !x.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    d.leaf_string("span", "bd-sum-running-meta", running_meta);
    d.close(); // .bd-sum-running
    d.close(); // td
    d.close(); // tr
    d.close(); // thead
    d.open("tbody", "");
    d.open("tr", "");
    d.open("td", "bd-sum-doc-body");

    // ---------------------------------------------------------------- cover
    let (verdict_title, verdict_body) = t.verdict(report.verdict);
    d.open_static("section", &[("aria-labelledby", S("bd-sum-doc-title")), ("class", S("bd-sum-cover"))]);
    d.open_static("p", &[("id", S("bd-sum-doc-title")), ("class", S("bd-sum-doctitle"))]);
    d.text(s.doc_title);
    d.close();
    d.leaf("p", "bd-sum-docsub", s.doc_subtitle);
    d.open_static("p", &[("data-testid", S("summary-doc-title")), ("class", S("bd-sum-title"))]);
    d.copy(&title);
    d.close();
    d.open("dl", "bd-sum-meta");
    for (i, (label, value)) in
        [(s.organisation_label, &organisation), (s.date_label, &date), (s.bank_version_label, &version)]
            .into_iter()
            .enumerate()
    {
        d.leaf("dt", "", label);
        d.open("dd", "");
        // A dash for an unknown organisation or date.
        if value.is_empty() && i < 2 {
            d.text("—");
        } else {
            d.copy(value);
        }
        d.close();
    }
    d.close();
    let verdict_class = format!("bd-sum-verdict bd-sum-verdict-{}", report.verdict.key());
    d.open_attrs("div", &["data-testid", "class"], &["summary-verdict", &verdict_class]);
    d.leaf("p", "bd-sum-label", t.verdict);
    d.leaf("p", "bd-sum-verdict-title", verdict_title);
    d.leaf("p", "", verdict_body);
    d.group();
    if !report.complete() {
        d.leaf_string("p", "bd-sum-provisional", t.provisional(report.unanswered.len()));
    }
    d.close();
    d.close();
    d.open_static("div", &[("data-testid", S("summary-score")), ("class", S("bd-sum-scores"))]);
    d.leaf("p", "bd-sum-label", s.scores);
    d.open("div", "bd-sum-score-main");
    d.leaf_string("span", "bd-sum-score-num", report.residual_score.to_string());
    d.leaf("span", "bd-sum-score-max", "/100");
    level_tag(&mut d, t, Report::band(report.residual_score));
    d.leaf("span", "bd-sum-score-what", t.residual_score);
    d.close();
    d.open("div", "bd-sum-score-side");
    for (label, score) in [(t.inherent_score, report.inherent_score), (t.planned_score, report.planned_score)] {
        d.open("span", "");
        d.text(label);
        d.text(": ");
        d.leaf_string("strong", "", format!("{score}/100"));
        d.text(" ");
        level_tag(&mut d, t, Report::band(score));
        d.close();
    }
    d.close();
    d.close();
    d.open("div", "bd-sum-screening");
    d.leaf("p", "bd-sum-label", t.screening);
    d.leaf("p", "", if report.screening.required { t.dpia_required } else { t.dpia_not_indicated });
    d.group();
    if !report.screening.criteria.is_empty() {
        d.open("p", "");
        d.text(t.wp248_met);
        d.text(": ");
        d.string(report.screening.criteria.iter().map(|x| t.wp248(x)).collect::<Vec<_>>().join("; "));
        d.close();
    }
    d.close();
    d.close();
    d.group();
    if !report.red_lines.is_empty() {
        d.open("div", "bd-sum-redlines");
        d.leaf("p", "bd-sum-label", t.red_lines);
        d.open("ul", "");
        for c in &report.red_lines {
            d.open("li", "");
            d.open("p", "");
            cause(&mut d, bank, lang, c, false);
            d.close();
            d.leaf("p", "", cause_option(bank, c).and_then(|o| o.red_line.as_ref()).map(|r| r.get(lang)).unwrap_or(""));
            match cause_option(bank, c) {
                Some(o) => cites(&mut d, bank, lang, &o.provisions, &o.findings),
                None => cites(&mut d, bank, lang, &[], &[]),
            }
            d.close();
        }
        d.close();
        d.close();
    }
    d.close();
    d.close(); // section

    // ---------------------------------------------------------------- description
    open_part(
        &mut d,
        "bd-sum-part bd-sum-description",
        "bd-sum-h-description",
        "1.",
        s.description,
        s.description_intro,
    );
    let description =
        bank.sections.iter().find(|x| x.id == DESCRIPTION_SECTION).into_iter().flat_map(|sec| sec.questions.iter());
    d.group();
    for q in description.filter(|q| q.kind == Kind::Text && report.visible.contains(&q.id)) {
        d.open("div", "bd-sum-qa");
        d.leaf("p", "bd-sum-q", q.text.get(lang));
        match a.answers.get(&q.id) {
            Some(Answer::Text(x)) if !x.trim().is_empty() => free_text(&mut d, x),
            _ => d.leaf("p", "bd-muted", s.not_filled_in),
        }
        d.close();
    }
    d.close();
    d.close(); // section

    // ---------------------------------------------------------------- risks
    // Worst first (as on the results page): by planned, residual, inherent level; then bank order.
    let mut raised: Vec<_> = report.risks.iter().filter(|r| r.is_raised()).collect();
    raised.sort_by_key(|r| std::cmp::Reverse((r.planned.level(), r.residual.level(), r.inherent.level())));
    let map_risks: Vec<MapRisk> = raised
        .iter()
        .enumerate()
        .map(|(i, r)| MapRisk {
            number: i + 1,
            title: bank.risk(&r.risk).map(|x| x.title.get(lang).to_string()).unwrap_or_else(|| r.risk.clone()),
            inherent: r.inherent,
            residual: r.residual,
        })
        .collect();
    open_part(&mut d, "bd-sum-part bd-sum-map", "bd-sum-h-map", "2.", s.heatmap, s.heatmap_intro);
    heat_map(&mut d, lang, &map_risks);
    d.close(); // section

    open_part(&mut d, "bd-sum-part", "bd-sum-h-risks", "3.", s.risk_table, "");
    if raised.is_empty() {
        d.leaf("p", "", s.no_risks);
    } else {
        d.group();
        d.open("table", "bd-sum-table bd-sum-risks");
        table_head(
            &mut d,
            &["bd-sum-col-num", "", "bd-sum-col-pos", "bd-sum-col-pos", "bd-sum-col-pos"],
            &[s.number, t.risk, t.inherent, t.residual, t.with_planned],
        );
        d.open("tbody", "");
        for (r, m) in raised.iter().zip(&map_risks) {
            d.open("tr", "bd-sum-risk");
            d.leaf_string("td", "bd-sum-num", m.number.to_string());
            d.open("td", "");
            d.open_attrs("a", &["href", "class"], &[&format!("#bd-sum-why-{}", r.risk), "bd-sum-risk-title"]);
            d.copy(&m.title);
            d.close();
            d.close();
            for p in [r.inherent, r.residual, r.planned] {
                d.open("td", "bd-sum-pos");
                level_tag(&mut d, t, p.level());
                d.leaf_string(
                    "span",
                    "bd-sum-pos-detail",
                    format!("{} {} · {} {}", t.likelihood, p.likelihood, t.severity, p.severity),
                );
                d.close();
            }
            d.close();
        }
        d.close();
        d.close();
        // Why each risk arises, in full width below the overview table.
        d.group();
        for (r, m) in raised.iter().zip(&map_risks) {
            d.open_attrs("div", &["id", "class"], &[&format!("bd-sum-why-{}", r.risk), "bd-sum-why"]);
            d.leaf_string("p", "bd-sum-why-title", format!("{}. {}", m.number, m.title));
            d.leaf("p", "bd-sum-small bd-muted", bank.risk(&r.risk).map(|x| x.description.get(lang)).unwrap_or(""));
            d.leaf("p", "bd-sum-label", t.raised_by);
            d.open("ul", "bd-sum-small");
            for (c, _) in &r.raised_by {
                d.open("li", "");
                cause(&mut d, bank, lang, c, true);
                d.close();
            }
            d.close();
            d.group();
            if !r.lowered_by.is_empty() {
                d.leaf("p", "bd-sum-label", t.lowered_by);
                d.open("ul", "bd-sum-small");
                for x in &r.lowered_by {
                    d.open("li", "");
                    d.copy(bank.safeguard(x).map(|g| g.title.get(lang)).unwrap_or(x));
                    d.close();
                }
                d.close();
            }
            d.close();
            d.close();
        }
        d.close();
        d.close();
    }
    d.close(); // section

    // ---------------------------------------------------------------- action plan
    // Filled with `extend`, not `collect`: collecting into a set sorts with the standard
    // library's stable sort, about 4 KB of wasm for these two sets alone.
    let mut recommended: BTreeSet<&str> = BTreeSet::new();
    recommended.extend(report.recommendations.iter().map(|r| r.safeguard.as_str()));
    let mut from_answers: BTreeSet<&str> = BTreeSet::new();
    from_answers.extend(
        report
            .in_place
            .iter()
            .map(String::as_str)
            .filter(|id| a.plan.get(*id).is_none_or(|p| p.status != Status::InPlace)),
    );
    // Recommendations in priority order, then what is in place (by plan or answers), bank order.
    let mut plan_rows: Vec<(&str, Option<&Recommendation>)> =
        report.recommendations.iter().map(|r| (r.safeguard.as_str(), Some(r))).collect();
    plan_rows.extend(
        bank.safeguards
            .iter()
            .map(|g| g.id.as_str())
            .filter(|id| !recommended.contains(id) && report.in_place.iter().any(|x| x == id))
            .map(|id| (id, None)),
    );
    open_part(&mut d, "bd-sum-part", "bd-sum-h-plan", "4.", s.action_plan, s.action_plan_intro);
    if plan_rows.is_empty() {
        d.leaf("p", "", s.no_actions);
    } else {
        d.open("table", "bd-sum-table bd-sum-plan");
        table_head(
            &mut d,
            &["bd-sum-col-prio", "", "bd-sum-col-status", "bd-sum-col-owner", "bd-sum-col-due"],
            &[s.priority, s.safeguard, t.status, t.owner, t.due],
        );
        d.group();
        for (sid, rec) in &plan_rows {
            plan_row(&mut d, state, t, editable, sid, *rec, from_answers.contains(sid) && rec.is_none());
        }
        d.close();
        d.close();
    }
    d.close(); // section

    // ---------------------------------------------------------------- find out
    open_part(&mut d, "bd-sum-part", "bd-sum-h-findout", "5.", t.find_out, "");
    if report.find_out.is_empty() {
        d.leaf("p", "", t.nothing_to_find_out);
    } else {
        d.open("ul", "bd-sum-findout");
        for c in &report.find_out {
            d.open("li", "");
            d.leaf_string("p", "bd-sum-q", cause_text(bank, lang, c).0);
            d.leaf("p", "", cause_option(bank, c).and_then(|o| o.find_out.as_ref()).map(|f| f.get(lang)).unwrap_or(""));
            d.close();
        }
        d.close();
    }
    d.close(); // section

    // ---------------------------------------------------------------- sign-off
    open_part(&mut d, "bd-sum-part bd-sum-signoff-part", "bd-sum-h-signoff", "6.", s.signoff, s.signoff_intro);
    d.open_static("table", &[("data-testid", S("summary-signoff")), ("class", S("bd-sum-table bd-sum-signoff"))]);
    table_head(&mut d, &["bd-sum-col-item", "", "bd-sum-col-sign"], &[s.item, s.name_and_notes, s.signature_date]);
    d.open("tbody", "");
    let so = &a.signoff;
    type Field = fn(&mut SignOff) -> &mut String;
    // Control id, label, note, value, how it is edited, the field it edits, signed.
    let rows: [(&'static str, &str, &str, &String, SignOffControl, Field, bool); 6] = [
        (
            "bd-sum-so-measures",
            s.measures_approved_by,
            s.measures_note,
            &so.measures_approved_by,
            SignOffControl::Text,
            |x| &mut x.measures_approved_by,
            true,
        ),
        (
            "bd-sum-so-residual",
            s.residual_accepted_by,
            s.residual_note,
            &so.residual_risk_accepted_by,
            SignOffControl::Text,
            |x| &mut x.residual_risk_accepted_by,
            true,
        ),
        (
            "bd-sum-so-advice",
            s.dpo_advice,
            s.dpo_advice_note,
            &so.dpo_advice,
            SignOffControl::Area,
            |x| &mut x.dpo_advice,
            true,
        ),
        (
            "bd-sum-so-followed",
            s.dpo_followed,
            "",
            &so.dpo_advice_followed,
            SignOffControl::Followed,
            |x| &mut x.dpo_advice_followed,
            false,
        ),
        (
            "bd-sum-so-reasons",
            s.dpo_reasons,
            s.dpo_reasons_note,
            &so.dpo_advice_reasons,
            SignOffControl::Area,
            |x| &mut x.dpo_advice_reasons,
            false,
        ),
        (
            "bd-sum-so-review",
            s.review_date,
            s.review_note,
            &so.review_date,
            SignOffControl::Date,
            |x| &mut x.review_date,
            false,
        ),
    ];
    for (id, label, note, value, kind, field_of, signed) in rows {
        // Rows with free text may run over a page break; the others are kept whole.
        d.open("tr", if kind == SignOffControl::Area { "bd-sum-so-long" } else { "bd-sum-so-short" });
        d.open_static("th", &[("scope", S("row"))]);
        d.open_attrs("label", &["for"], &[id]);
        d.text(label);
        d.close();
        d.close();
        d.open("td", "");
        field_start(&mut d, editable);
        if editable {
            match kind {
                SignOffControl::Text => text_input(&mut d, id, "", value, on_edit(state, "", Edit::SignOff(field_of))),
                SignOffControl::Area => {
                    let oninput = Rc::new(oninput::Wrapper::new(on_edit(state, "", Edit::SignOff(field_of))));
                    open_control(
                        &mut d,
                        "textarea",
                        &["id", "rows", "maxlength"],
                        &[id, "4", &MAX_ADVICE_LEN.to_string()],
                        value,
                        oninput,
                    );
                    d.close();
                }
                SignOffControl::Followed => {
                    let options = ["", "yes", "partly", "no"].map(|v| (v, s.followed(v)));
                    select(&mut d, id, &options, value, on_edit(state, "", Edit::SignOff(field_of)))
                }
                SignOffControl::Date => date_input(&mut d, id, value, on_edit(state, "", Edit::SignOff(field_of))),
            }
        }
        let shown = match kind {
            SignOffControl::Followed if !value.is_empty() => s.followed(value),
            _ => value,
        };
        field_end(&mut d, editable, shown);
        d.leaf("p", "bd-sum-small bd-muted", note);
        d.close();
        d.open("td", "bd-sum-sign");
        if signed {
            d.open("span", "bd-sum-line bd-sum-blank");
            d.close();
        }
        d.close();
        d.close();
    }
    d.close();
    d.close();
    d.close(); // section

    // ---------------------------------------------------------------- annex A: answers
    let (annex_a, annex_b) = (format!("{} A.", s.annex), format!("{} B.", s.annex));
    open_part(&mut d, "bd-sum-part bd-sum-annex", "bd-sum-h-answers", &annex_a, s.answers, s.answers_intro);
    for (i, sec) in bank.sections.iter().enumerate() {
        d.open("section", "bd-sum-answers-section");
        d.leaf_string("h4", "", format!("{}. {}", i + 1, sec.title.get(lang)));
        d.open("dl", "");
        for q in sec.questions.iter().filter(|q| report.visible.contains(&q.id)) {
            d.open("div", "bd-sum-qa");
            d.leaf("dt", "bd-sum-q", q.text.get(lang));
            d.open("dd", "");
            match a.answers.get(&q.id).filter(|x| !x.is_empty()) {
                None => d.leaf("span", "bd-muted", s.not_answered),
                Some(Answer::Text(_)) if sec.id == DESCRIPTION_SECTION => d.leaf("span", "bd-muted", s.see_description),
                Some(Answer::Text(x)) => free_text(&mut d, x),
                Some(x @ Answer::Multi(_)) => {
                    d.open("ul", "");
                    for l in chosen_labels(q, x, lang) {
                        d.leaf_string("li", "", l);
                    }
                    d.close();
                }
                Some(x) => d.leaf_string("span", "", chosen_labels(q, x, lang).join(", ")),
            }
            d.close();
            d.close();
        }
        d.close();
        d.close();
    }
    d.close(); // section

    // ---------------------------------------------------------------- annex B: findings
    open_part(&mut d, "bd-sum-part bd-sum-annex", "bd-sum-h-findings", &annex_b, t.findings_cited, s.findings_intro);
    let findings = cited_findings(bank, report);
    if findings.is_empty() {
        d.leaf("p", "", s.no_findings);
    } else {
        d.open("ol", "bd-sum-findings");
        for f in findings {
            let id = format!("bd-sum-f-{}", f.id);
            d.open_attrs("li", &["id", "data-testid", "class"], &[&id, "summary-finding", "bd-sum-finding"]);
            d.leaf_string("p", "bd-sum-finding-title", finding_heading(lang, f));
            d.group();
            if let Some(r) = &f.reference {
                d.open("p", "bd-sum-small");
                d.text(s.reference);
                d.text(": ");
                d.text(r.get(lang));
                d.close();
            }
            d.close();
            let classes = FindingClasses {
                amount: "bd-sum-small",
                key_findings: "bd-sum-small",
                appeal: "bd-sum-small",
                source: "bd-sum-small bd-sum-url",
            };
            finding_details(&mut d, t, lang, f, &classes);
            d.close();
        }
        d.close();
    }
    d.close();

    d.leaf("p", "bd-sum-disclaimer", s.disclaimer);
    d.close(); // td
    d.close(); // tr
    d.close(); // tbody
    d.close(); // table
    d.close(); // section
    d.finish()
}

/// While the browser prints, the page title is the summary's ("DPIA - title - organisation -
/// date"), so that "Save as PDF" proposes a meaningful file name; restored afterwards.
#[hook]
fn use_print_title(title: String) {
    use_effect_with(title, |title| {
        #[cfg(target_arch = "wasm32")]
        {
            use std::cell::RefCell;
            use std::rc::Rc;
            let saved: Rc<RefCell<Option<String>>> = Rc::default();
            let listeners = web_sys::window().map(|w| {
                let (before_title, before_saved) = (title.clone(), saved.clone());
                let before = gloo::events::EventListener::new(&w, "beforeprint", move |_| {
                    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                        before_saved.replace(Some(doc.title()));
                        doc.set_title(&before_title);
                    }
                });
                let after_saved = saved.clone();
                let after = gloo::events::EventListener::new(&w, "afterprint", move |_| {
                    if let (Some(doc), Some(old)) = (web_sys::window().and_then(|w| w.document()), after_saved.take()) {
                        doc.set_title(&old);
                    }
                });
                (before, after)
            });
            move || {
                if let (Some(doc), Some(old)) = (web_sys::window().and_then(|w| w.document()), saved.take()) {
                    doc.set_title(&old);
                }
                drop(listeners);
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = title;
            || ()
        }
    });
}

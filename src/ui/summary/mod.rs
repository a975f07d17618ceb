//! The summary a DPO can sign and file, in the order and numbering of the EDPB DPIA template
//! (`report::outline`): the cover (what, whose, when, the decision), then one component per
//! template section, each starting a printed page: 0 `overview`, 1 `description`, 2
//! `compliance`, 3 `necessity`, 4 `risks` (with the editable plan of 4.2.c, `plan`), 5
//! `parties` and 6 `conclusion` (the decision record of both, `signoff`, editable); then the
//! annexes: the review comments (`review`) and the changes since the last signed version
//! (`changes`) where there are any, A the remaining answers and B the findings (`annex`), C the
//! FRIA where one is owed (`fria`). `fields` renders a section's headings and answers; each component renders its
//! blocks. Each compares only what it reads, so that an edit renders only what it changes.
//!
//! The same component is the `Step::Summary` screen (with editable details, action plan and
//! sign-off) and, on every other step, a hidden print-only copy ([`PrintCopy`]), so that
//! printing from anywhere (button, menu or Ctrl+P) outputs this summary: the print stylesheet
//! hides everything but `.bd-summary`. The copy is brought up to date when it is needed (before
//! printing, or when the browser is idle), not on every answer.
//!
//! Print layout: the document is one table whose `<thead>` holds the running header (title,
//! organisation, date, question bank version); Chromium and Firefox repeat a table header
//! on every printed page. Page numbers come from an `@page` margin box in style/app.css.

mod annex;
mod changes;
mod compliance;
mod conclusion;
mod controls;
mod cover;
mod description;
mod fields;
mod fria;
mod necessity;
mod overview;
mod parties;
mod plan;
mod print;
mod review;
mod risks;
mod signoff;

pub use print::PrintCopy;

use yew::prelude::*;

use super::state::{Action, Meta, Step};
use super::{button, send, Button, Dispatch, Shared, BTN, PRIMARY};
use crate::domain::engine::Report;
use crate::i18n::{strings, summary, Lang};
use crate::persist::assessment::{Assessment, MAX_META_LEN};

use fields::PartProps;

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

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub lang: Lang,
    pub assessment: Shared<Assessment>,
    pub report: Shared<Report>,
    /// The hidden copy rendered on the other steps for printing: no controls, no focus.
    #[prop_or_default]
    pub print_copy: bool,
    /// A signed version to show (and print) instead of the working revision.
    #[prop_or_default]
    pub shown: Option<u32>,
    pub dispatch: Dispatch,
}

#[function_component]
pub fn Summary(props: &SummaryProps) -> Html {
    let lang = props.lang;
    let bank = crate::bank::bank();
    let t = strings(lang);
    let s = summary::strings(lang);
    let dispatch = &props.dispatch;
    // A signed version shown instead of the working revision: its content as an assessment,
    // and the engine's report of it.
    let shown = use_memo((props.assessment.clone(), props.shown), |(a, n)| {
        let v = a.versions.iter().find(|v| Some(v.number) == *n)?;
        let content = v.content()?;
        let signed = content.assessment(a);
        let report = crate::domain::engine::evaluate(bank, &signed.answers, &signed.plan);
        Some((Shared(std::rc::Rc::new(signed)), Shared(std::rc::Rc::new(report))))
    });
    let (assessment, report) = match &*shown {
        Some((a, r)) => (a.clone(), r.clone()),
        None => (props.assessment.clone(), props.report.clone()),
    };
    let viewing = shown.as_ref().as_ref().map(|(a, _)| a.revision);
    let a = &*assessment;
    // Controls on screen, never in print, and never on a signed version (read-only).
    let on_screen = !props.print_copy;
    let editable = on_screen && !a.frozen();

    let heading = use_node_ref();
    super::use_focus(&heading, on_screen as usize);

    let date = t.date(&summary_date(&a.updated));
    let title = if a.title.trim().is_empty() { s.untitled.to_string() } else { a.title.clone() };
    let organisation = a.organisation.trim().to_string();
    let version = if bank.version.is_empty() { a.bank_version.clone() } else { bank.version.clone() };

    let toolbar = on_screen.then(|| {
        html! {
            <>
                <div class="bd-sum-toolbar bd-noprint">
                    <h2 id="bd-summary-title" tabindex="-1" ref={heading.clone()}>{ s.open_summary }</h2>
                    <p class="bd-muted">{ s.print_hint }</p>
                    <div class="bd-sum-buttons">
                        { button(
                            Button { class: BTN, label: s.back_to_results, ..Default::default() },
                            send(dispatch, || Action::Goto(Step::Results)),
                        ) }
                        { button(
                            Button { class: PRIMARY, testid: Some("summary-print"), label: t.print, ..Default::default() },
                            Callback::from(|_| super::print()),
                        ) }
                        { button(
                            Button { class: BTN, testid: Some("summary-docx"), label: s.download_docx, ..Default::default() },
                            download_docx(lang, &props.assessment, &props.report),
                        ) }
                    </div>
                </div>
                <super::signing::SigningPanel {lang} assessment={props.assessment.clone()} {viewing}
                    can_sign={crate::persist::version::can_sign(&props.assessment)} dispatch={dispatch.clone()} />
                if editable {
                <section aria-labelledby="bd-sum-details" class="bd-card bd-sum-details bd-noprint">
                    <h3 id="bd-sum-details">{ s.details }</h3>
                    <p class="bd-muted">{ s.details_hint }</p>
                    <div class="bd-sum-form">
                        for (id, testid, label, value, meta) in [
                            ("bd-sum-title", "summary-title", s.title_label, &a.title, Meta::Title),
                            ("bd-sum-org", "summary-org", s.organisation_label, &a.organisation, Meta::Organisation),
                        ] {
                            <label for={id}>{ label }</label>
                            { controls::text_input(id.to_string(), Some(testid), value, MAX_META_LEN,
                                super::on_value(dispatch, move |v| Action::SetMeta(meta, v))) }
                        }
                    </div>
                </section>
                }
            </>
        }
    });

    let decided = crate::report::names::decision_line(bank, lang, a, report.decision.outcome);
    let part = PartProps {
        lang,
        report: report.clone(),
        assessment: assessment.clone(),
        editable,
        dispatch: dispatch.clone(),
    };
    let version_line = format!("{} {}", s.bank_version_label, version);
    // The organisation isolated: it is set in one line with the date and the version.
    let isolated = if organisation.is_empty() { String::new() } else { crate::i18n::isolate(&organisation) };
    let signed_line = super::signing::running_line(lang, a).unwrap_or_default();
    let running_meta = [isolated.as_str(), &date, &version_line, &signed_line]
        .into_iter()
        .filter(|x| !x.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");

    html! {
        <section aria-labelledby={on_screen.then_some("bd-summary-title")}
            data-testid={if on_screen { "summary" } else { "summary-print-copy" }}
            class={if on_screen { "bd-summary" } else { "bd-summary bd-print-copy" }}>
            { for toolbar }
            <table role="presentation" class="bd-sum-doc">
                <thead class="bd-sum-doc-head">
                    <tr><td>
                        <div class="bd-sum-running">
                            <span class="bd-sum-running-title">{ format!("{} · {}", s.running_prefix, title) }</span>
                            <span class="bd-sum-running-meta">{ running_meta }</span>
                        </div>
                    </td></tr>
                </thead>
                // One row per part: a page break is honoured between table rows by every browser
                // (Firefox ignores one inside a cell), so each part starts a new printed page.
                <tbody>
                    <tr class="bd-sum-row"><td class="bd-sum-doc-body">
                        <cover::Cover {lang} report={report.clone()} {title} {organisation} {date} {version} {decided} />
                    </td></tr>
                    <tr class="bd-sum-row"><td class="bd-sum-doc-body">
                        <overview::Overview ..part.clone() />
                    </td></tr>
                    <tr class="bd-sum-row"><td class="bd-sum-doc-body">
                        <description::SystematicDescription ..part.clone() />
                    </td></tr>
                    <tr class="bd-sum-row"><td class="bd-sum-doc-body">
                        <compliance::Compliance ..part.clone() />
                    </td></tr>
                    <tr class="bd-sum-row"><td class="bd-sum-doc-body">
                        <necessity::Necessity ..part.clone() />
                    </td></tr>
                    <tr class="bd-sum-row"><td class="bd-sum-doc-body">
                        <risks::RiskManagement ..part.clone() />
                    </td></tr>
                    <tr class="bd-sum-row"><td class="bd-sum-doc-body">
                        <parties::Parties ..part.clone() />
                    </td></tr>
                    <tr class="bd-sum-row"><td class="bd-sum-doc-body">
                        <conclusion::Conclusion ..part.clone() />
                    </td></tr>
                    // After section 6: the review comments, a row of its own, only when there are comments.
                    <review::ReviewPart {lang} assessment={assessment.clone()} />
                    // The annex "changes since version N", a row of its own where there is a signed
                    // version to compare with (nothing otherwise).
                    <changes::ChangesAnnex {lang} assessment={assessment.clone()} report={report.clone()} />
                    // The annexes, after the template's sections (other annexes may follow).
                    <tr class="bd-sum-row"><td class="bd-sum-doc-body">
                        <annex::Annexes ..part.clone() />
                        <p class="bd-sum-disclaimer">{ s.disclaimer }</p>
                    </td></tr>
                    // Annex C, the FRIA, is a row of its own where one is owed (nothing otherwise).
                    <fria::FriaAnnex ..part />
                </tbody>
            </table>
        </section>
    }
}

/// The media type of a .docx file.
const DOCX_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Offers the summary as a Word document (`report::docx`), built when the button is pressed.
fn download_docx(lang: Lang, assessment: &Shared<Assessment>, report: &Shared<Report>) -> Callback<MouseEvent> {
    let (a, r) = (assessment.clone(), report.clone());
    Callback::from(move |_| {
        let date = summary_date(&a.updated);
        let bytes = crate::report::docx(crate::bank::bank(), lang, &a, &r, &date);
        super::platform::download(&crate::persist::transfer::docx_file_name(&a, &date), DOCX_TYPE, &bytes);
    })
}

/// A part of the document: heading ("`number` `title`", or `title` alone for an unnumbered
/// annex), introduction (if any), then `body`.
fn part(class: &'static str, id: &'static str, number: &str, title: &str, intro: &'static str, body: Html) -> Html {
    let text = if number.is_empty() { title.to_string() } else { format!("{number} {title}") };
    let heading = html! { <h3 {id}>{ text }</h3> };
    html! {
        <section aria-labelledby={id} {class}>
            if intro.is_empty() {
                { heading }
            } else {
                <div class="bd-sum-head">{ heading }<p class="bd-muted">{ intro }</p></div>
            }
            { body }
        </section>
    }
}

/// The `<colgroup>` (a class per column, "" for none) and the header row of a table.
fn table_head(cols: &[&'static str], heads: &[&'static str]) -> Html {
    html! {
        <>
            <colgroup>
                for class in cols { <col class={(!class.is_empty()).then_some(*class)} /> }
            </colgroup>
            <thead><tr>
                for h in heads { <th scope="col">{ *h }</th> }
            </tr></thead>
        </>
    }
}

/// The summary's title while it prints ("DPIA - title - organisation - date"), so that "Save as
/// PDF" proposes a meaningful file name.
pub fn print_title(lang: Lang, a: &Assessment) -> String {
    let s = summary::strings(lang);
    let title = if a.title.trim().is_empty() { s.untitled } else { a.title.as_str() };
    let mut parts = vec![s.running_prefix, title];
    if !a.organisation.trim().is_empty() {
        parts.push(a.organisation.trim());
    }
    let date = summary_date(&a.updated);
    parts.push(&date);
    parts.join(" - ")
}

/// While the browser prints, the page title is `title` (see [`print_title`]); restored
/// afterwards. Called once, by `App`, whichever step is open.
#[hook]
pub fn use_print_title(title: String) {
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

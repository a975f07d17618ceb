//! The assessments kept in this browser (`Step::Assessments`): [`Manager`] is the list (a
//! table with title, last change and verdict, and a [`Row`] of actions on each), New above it,
//! [`ImportFile`] and the [`DeleteDialog`] below; [`RenameForm`] is a row's inline rename
//! field. [`ExportCurrent`] is the export button beside the "storage full" notice,
//! [`NoLongerAsked`] the answers the bank no longer asks (on the results page).
//!
//! The views render what `persistence::Persistence` holds (the list is read from storage when
//! it changes, never while rendering; `library::with_open` puts the open assessment in it as
//! it is now) and send every button to `actions::act`.

use std::rc::Rc;

use yew::prelude::*;

use super::actions::{act_id, button, import_bytes, Act, Ctx};
use super::messages::{display_title, Message};
use super::persistence::Show;
use super::platform;
use super::{Button, Shared, BTN, DANGER, PRIMARY};
use crate::domain::answers::Answer;
use crate::domain::engine::Outcome;
use crate::i18n::manager::strings as mstrings;
use crate::i18n::{isolate, strings, Get, Lang};
use crate::persist::assessment::{self, Assessment, ReadError, RetiredReason, MAX_BYTES};
use crate::persist::library::{self, Entry};
use crate::persist::transfer::ImportError;

#[derive(Properties, PartialEq)]
pub struct ManagerProps {
    pub ctx: Ctx,
    /// Its `<h2>`, focused by `App` when the step opens.
    pub heading: NodeRef,
}

/// The assessments in this browser. Its state and effects are in `use_persistence`.
#[function_component]
pub fn Manager(props: &ManagerProps) -> Html {
    let ctx = &props.ctx;
    let (p, state) = (&ctx.p, &ctx.state);
    let lang = state.lang;
    let m = mstrings(lang);
    let on = ctx.actions();
    let open = library::entry_with(&state.id, &state.assessment, &state.report.decision);
    let entries = library::with_open(&p.shown.list, open);
    let locked = p.shown.conflict.is_some();
    html! {
        <section class="bd-manager" aria-labelledby="bd-manager-title" data-testid="manager" key="manager"
            ref={p.kept.root.clone()}>
            <h2 id="bd-manager-title" tabindex="-1" ref={props.heading.clone()}>{ m.assessments }</h2>
            <p class="bd-intro">{ m.intro }</p>
            <div class="bd-actions">
                { button(&on, Act::New, Button { class: PRIMARY, testid: Some("new"), disabled: locked, label: m.new,
                    ..Default::default() }) }
            </div>
            <table class="bd-list">
                <caption class="bd-sr">{ m.list_caption }</caption>
                <thead><tr>
                    <th scope="col">{ m.col_title }</th>
                    <th scope="col">{ m.col_updated }</th>
                    <th scope="col">{ m.col_verdict }</th>
                    <th scope="col">{ m.col_actions }</th>
                </tr></thead>
                <tbody>
                    for e in entries.iter() {
                        <Row key={e.id.clone()} ctx={ctx.clone()} entry={Rc::new(e.clone())} />
                    }
                </tbody>
            </table>
            <p class="bd-muted">{ m.count(entries.len()) }</p>
            <ImportFile ..ctx.clone() />
            <MergeOffer ..ctx.clone() />
            <DeleteDialog ..ctx.clone() />
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct RowProps {
    pub ctx: Ctx,
    pub entry: Rc<Entry>,
}

/// One assessment of the list: its title (or the rename field), last change, verdict, and
/// the actions on it.
#[function_component]
pub fn Row(props: &RowProps) -> Html {
    let (ctx, e) = (&props.ctx, &props.entry);
    let (p, state) = (&ctx.p, &ctx.state);
    let lang = state.lang;
    let m = mstrings(lang);
    let t = strings(lang);
    let on = ctx.actions();
    let id = &e.id;
    let is_current = *id == state.id;
    let locked = p.shown.conflict.is_some();
    let title = display_title(m, &e.title);
    // Old indexes hold the verdict keys of before the four outcomes; from_key reads both.
    let outcome = Outcome::from_key(&e.verdict);
    let verdict = outcome.map(|o| t.outcome(o).0).unwrap_or("");
    let verdict_class = format!("bd-list-verdict bd-list-verdict-{}", outcome.map(Outcome::key).unwrap_or(""));
    let sr = format!(" {}", lang.quote(&title));
    let editing = p.shown.renaming.as_ref().filter(|(rid, _)| rid == id).map(|(_, d)| d.clone());
    let b = |class, testid, id: Option<String>, disabled, label| Button {
        class,
        testid: Some(testid),
        id,
        disabled,
        label,
        sr: Some(&sr),
        ..Default::default()
    };
    html! {
        <tr class={if is_current { "bd-list-row bd-list-current" } else { "bd-list-row" }} data-testid="assessment-row"
            data-id={id.clone()} aria-current={is_current.then_some("true")}>
            <th scope="row">
                if let Some(draft) = editing {
                    <RenameForm ctx={ctx.clone()} id={id.clone()} title={title.clone()} {draft} />
                } else {
                    // Isolated (<bdi>): a title's own direction marks stay inside it.
                    <bdi class="bd-list-title">{ title.clone() }</bdi>
                    if is_current { <span class="bd-tag">{ m.open_now }</span> }
                    if e.retired > 0 { <span class="bd-muted bd-list-note">{ m.retired_count(e.retired) }</span> }
                }
            </th>
            <td>
                if e.updated.is_empty() {
                    <span class="bd-muted">{ m.never_changed }</span>
                } else {
                    <time datetime={e.updated.clone()}>{ platform::format_time(&e.updated, lang) }</time>
                }
            </td>
            <td>
                <span class={verdict_class}>{ verdict }</span>
                if e.provisional { <span class="bd-muted">{ format!(" ({})", m.provisional) }</span> }
            </td>
            <td class="bd-list-actions">
                { button(&on, Act::Open(e.clone()), b(PRIMARY, "open", None, locked && !is_current, m.open)) }
                { button(&on, Act::Rename(e.clone()), b(BTN, "rename", Some(act_id("rename", id)), false, m.rename)) }
                { button(&on, Act::Duplicate(e.clone()), b(BTN, "duplicate", None, false, m.duplicate)) }
                { button(&on, Act::Export(e.clone()), b(BTN, "export", None, false, m.export)) }
                { button(&on, Act::Delete(e.clone()), b(DANGER, "delete", Some(act_id("delete", id)), locked && is_current, m.delete)) }
            </td>
        </tr>
    }
}

#[derive(Properties, PartialEq)]
pub struct RenameProps {
    pub ctx: Ctx,
    pub id: String,
    /// The title as shown (for the field's label).
    pub title: String,
    /// The field's value so far.
    pub draft: String,
}

/// The rename field of a list row: Enter or Save renames, Escape or Cancel does not.
#[function_component]
pub fn RenameForm(props: &RenameProps) -> Html {
    let ctx = &props.ctx;
    let lang = ctx.state.lang;
    let m = mstrings(lang);
    let on = ctx.actions();
    let input_id = format!("bd-rename-{}", props.id);
    let oninput = {
        let (p, id) = (ctx.p.clone(), props.id.clone());
        Callback::from(move |e: InputEvent| {
            let i: web_sys::HtmlInputElement = e.target_unchecked_into();
            p.set(Show::Renaming(Some((id.clone(), i.value()))));
        })
    };
    let onsubmit = on.reform(|e: SubmitEvent| {
        e.prevent_default();
        Act::SaveRename
    });
    let onkeydown = {
        let on = on.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                on.emit(Act::CancelRename);
            }
        })
    };
    html! {
        <form class="bd-rename" {onsubmit}>
            <label for={input_id.clone()} class="bd-sr">{ m.rename_label(lang.quote(&props.title)) }</label>
            <input id={input_id} type="text" maxlength={assessment::MAX_META_LEN.to_string()} value={props.draft.clone()}
                ref={ctx.p.kept.rename_input.clone()} data-testid="rename-input" {oninput} {onkeydown} />
            <button type="submit" class="bd-btn bd-primary" data-testid="rename-save">{ m.save }</button>
            { button(&on, Act::CancelRename, Button { class: BTN, label: m.cancel, ..Default::default() }) }
        </form>
    }
}

/// Import: a file chosen here is read (refused by size before anything is read) and added
/// as a new assessment (`storage::Library::import`).
#[function_component]
pub fn ImportFile(ctx: &Ctx) -> Html {
    let m = mstrings(ctx.state.lang);
    let onchange = {
        let (p, state) = (ctx.p.clone(), ctx.state.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let file = input.files().and_then(|f| f.get(0));
            // Cleared so that choosing the same file again fires `change` again.
            input.set_value("");
            let Some(file) = file else { return };
            p.begin();
            // Refused by size before anything is read (a 50 MB file never reaches the parser).
            let size = file.size();
            if size > MAX_BYTES as f64 {
                let bytes = if size >= usize::MAX as f64 { usize::MAX } else { size as usize };
                p.say(Message::ImportFailed(ImportError::Read(ReadError::TooLarge { bytes, max: MAX_BYTES })));
                return;
            }
            let file = gloo::file::File::from(file);
            let (p2, state2) = (p.clone(), state.clone());
            let task = gloo::file::callbacks::read_as_bytes(&file, move |result| match result {
                Err(_) => p2.say(Message::FileUnreadable),
                Ok(bytes) => import_bytes(&p2, &state2, &bytes),
            });
            *p.kept.reader.borrow_mut() = Some(task);
        })
    };
    html! {
        <div class="bd-import">
            <h3>{ m.import_heading }</h3>
            <label for="bd-import-file">{ m.import_label }</label>
            <p class="bd-muted" id="bd-import-help">{ m.import_help }</p>
            <input id="bd-import-file" type="file" accept=".json,application/json" data-testid="import"
                aria-describedby="bd-import-help" {onchange} />
        </div>
    }
}

/// A file of an assessment this browser has (see `persistence::Offer`): merge its review into
/// that one (the default, focused), import it as a separate copy (with an identity of its
/// own), or cancel; a file that looks like the user's own earlier export says so, with how many
/// later changes merging would propose to undo, and Cancel is then the default. Nothing when no
/// file waits.
#[function_component]
pub fn MergeOffer(ctx: &Ctx) -> Html {
    let p = &ctx.p;
    let lang = ctx.state.lang;
    let m = mstrings(lang);
    let on = ctx.actions();
    let Some(offer) = &p.shown.offer else { return html! {} };
    let title = lang.quote(&display_title(m, &offer.title));
    // Another tab's unanswered write to the open assessment: it is not merged over.
    let locked = p.shown.conflict.is_some() && offer.id == ctx.state.id;
    let merge = m.offer_merge(&title);
    // A file that looks like this browser's own earlier export: said first, and Cancel is the
    // default (focused) button.
    let own = offer.own.is_some();
    html! {
        <div class="bd-card bd-offer" role="group" aria-labelledby="bd-offer-title" aria-describedby={if offer.own.is_some() { "bd-offer-body bd-offer-own" } else { "bd-offer-body" }}
            data-testid="merge-offer">
            <h3 id="bd-offer-title">{ m.offer_title }</h3>
            <p id="bd-offer-body">{ m.offer_body(&title) }</p>
            if let Some(own) = offer.own {
                <p id="bd-offer-own" class="bd-offer-own" role="alert" data-testid="merge-own">{ m.offer_own(own.undo) }</p>
            }
            <div class="bd-actions">
                { button(&on, Act::Merge, Button { class: if own { BTN } else { PRIMARY }, testid: Some("merge"),
                    node_ref: (!own).then_some(&p.kept.offer_ref), disabled: locked, label: &merge, ..Default::default() }) }
                { button(&on, Act::ImportCopy, Button { class: BTN, testid: Some("import-copy"), label: m.offer_copy,
                    ..Default::default() }) }
                { button(&on, Act::CancelOffer, Button { class: if own { PRIMARY } else { BTN }, testid: Some("import-cancel"),
                    node_ref: own.then_some(&p.kept.offer_ref), label: m.cancel, ..Default::default() }) }
            </div>
        </div>
    }
}

/// The delete confirmation: a native modal `<dialog>` (opened and closed by
/// `use_persistence`), so focus stays inside, Escape cancels and the rest of the page is inert.
#[function_component]
pub fn DeleteDialog(ctx: &Ctx) -> Html {
    let p = &ctx.p;
    let lang = ctx.state.lang;
    let m = mstrings(lang);
    let on = ctx.actions();
    let body = p.shown.confirming.as_ref().map(|(_, title)| m.delete_body(lang.quote(title)));
    // Escape, the Cancel button, or any other way the dialog closes.
    let close = {
        let p = p.clone();
        Callback::from(move |_: Event| {
            if p.shown.confirming.is_some() {
                p.set(Show::Confirming(None));
                platform::focus_within(&p.kept.root, p.kept.return_focus.borrow_mut().take());
            }
        })
    };
    html! {
        <dialog class="bd-dialog" aria-labelledby="bd-dialog-title" aria-describedby="bd-dialog-body"
            data-testid="confirm-delete" ref={p.kept.dialog.clone()} oncancel={close.clone()} onclose={close}>
            <h3 id="bd-dialog-title">{ m.delete_title }</h3>
            <p id="bd-dialog-body">{ body.unwrap_or_default() }</p>
            <div class="bd-actions">
                { button(&on, Act::CancelDelete, Button { class: BTN, testid: Some("confirm-cancel"), label: m.cancel,
                    ..Default::default() }) }
                { button(&on, Act::ConfirmDelete, Button { class: DANGER, testid: Some("confirm-delete-button"),
                    label: m.delete_confirm, ..Default::default() }) }
            </div>
        </dialog>
    }
}

/// The export button offered beside the "storage full" notice.
#[function_component]
pub fn ExportCurrent(ctx: &Ctx) -> Html {
    let m = mstrings(ctx.state.lang);
    button(
        &ctx.actions(),
        Act::ExportCurrent,
        Button { class: PRIMARY, testid: Some("export-current"), label: m.export_now, ..Default::default() },
    )
}

#[derive(Properties, PartialEq)]
pub struct NoLongerAskedProps {
    pub lang: Lang,
    pub assessment: Shared<Assessment>,
}

/// Answers kept as "no longer asked" (see `transfer::migrate`); nothing when there are none.
#[function_component]
pub fn NoLongerAsked(props: &NoLongerAskedProps) -> Html {
    let lang = props.lang;
    let m = mstrings(lang);
    let t = strings(lang);
    let bank = crate::bank::bank();
    let retired = &props.assessment.0.retired;
    if retired.is_empty() {
        return html! {};
    }
    let items = retired.iter().map(|r| {
        let q = bank.question(&r.question);
        let question = q.map(|q| q.text.get(lang).to_string()).unwrap_or_else(|| isolate(&r.question));
        let reason = match r.reason {
            RetiredReason::QuestionRemoved => m.reason_removed,
            RetiredReason::UnknownOption => m.reason_option,
            RetiredReason::KindChanged => m.reason_kind,
            RetiredReason::Superseded => m.reason_superseded,
        };
        let answer = match &r.answer {
            Answer::Text(s) => s.clone(),
            // Each row's cells as given (ids of choices included: the columns may be gone).
            Answer::Table(rows) => rows
                .iter()
                .map(|row| row.values().map(String::as_str).collect::<Vec<_>>().join(" / "))
                .collect::<Vec<_>>()
                .join("; "),
            other => other
                .chosen()
                .into_iter()
                .map(|o| {
                    q.and_then(|q| q.option(o)).and_then(|o| o.label.as_ref()).map(|l| l.get(lang)).unwrap_or(match o {
                        "yes" => t.yes,
                        "no" => t.no,
                        _ => o,
                    })
                })
                .collect::<Vec<_>>()
                .join(", "),
        };
        html! {
            <li class="bd-retired-item">
                <p>
                    <strong>{ question }</strong>{ " " }
                    <span class="bd-muted">{ format!("({}, {})", reason, m.given_under(&isolate(&r.bank_version))) }</span>
                </p>
                <p class="bd-retired-answer"><span class="bd-muted">{ m.answer_given }{ ": " }</span><bdi>{ answer }</bdi></p>
            </li>
        }
    });
    let body = html! {
        <>
            <p class="bd-muted">{ m.no_longer_asked_intro(&bank.version) }</p>
            <ul>{ for items }</ul>
        </>
    };
    super::card("bd-card bd-retired", "bd-retired-title", m.no_longer_asked, Some("no-longer-asked"), body)
}

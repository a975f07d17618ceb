//! Nothing is ever lost: the assessments kept in this browser (new, open, rename, duplicate,
//! delete with confirmation and undo, export, import), autosave with two-tab protection, and
//! the messages about all of it.
//!
//! Storage goes through `crate::storage`; reading, validating and migrating files through
//! `crate::persist::transfer` (pure, tested natively). This module only wires them to the UI:
//!
//! - [`boot`] opens storage when the widget starts; [`use_persistence`] saves every change of
//!   the open assessment and listens for other tabs' writes (`storage` event). While another
//!   tab's write to the open assessment is unanswered, nothing is saved over it: the user
//!   chooses between loading that version and keeping (re-saving) their own.
//!   It also holds what the views below show and keep (messages, the two-tab warning, the
//!   Undo offer, the row being renamed, the deletion being confirmed) and their effects.
//! - The views are plain functions that `App` calls (no components of their own, which would
//!   each cost their own copy of Yew's component code in the Wasm): [`manager`] is the list
//!   (`Step::Assessments`); [`messages`] the aria-live region that every message goes to;
//!   [`no_longer_asked`] shows answers the bank no longer asks; [`export_current`] is the
//!   export button offered when storage is full. Every button sends an `Act` to `act`
//!   (one callback instead of a closure per button). The views build their markup with
//!   `super::doc::Doc`, which costs less Wasm than `html!`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static as S;

use super::doc::Doc;
use super::state::{Action, Meta, Notice, State, Step};
use super::{Button, BTN, DANGER, PRIMARY};
use crate::domain::answers::Answer;
use crate::domain::engine::Outcome;
use crate::domain::model::Bank;
use crate::i18n::manager::{strings as mstrings, ManagerStrings};
use crate::i18n::{isolate, strings, Get, Lang};
use crate::persist::assessment::{self, Assessment, ReadError, RetiredReason, MAX_BYTES};
use crate::persist::codec::Problem;
use crate::persist::library::Entry;
use crate::persist::transfer::{self, ImportError, Migration};
use crate::persist::version::VersionError;
use crate::storage::{self, Deleted, Library, LoadError, LocalStore, Note, RestoreRefused, SaveError};

/// How long the Undo of a deletion stays offered (unless another action comes first). It stays
/// while it has focus.
pub const UNDO_MS: u32 = 10_000;

// ---------------------------------------------------------------------------------------
// Messages

/// Something to tell the user. Rendered in the current language when shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// What opening storage found: data kept aside, a rebuilt list, a migrated assessment.
    Startup {
        kept: Vec<String>,
        rebuilt: Option<String>,
        migration: Migration,
    },
    /// The open assessment was brought up to date with the current bank.
    Migrated(Migration),
    Imported {
        id: String,
        title: String,
        migration: Migration,
    },
    ImportFailed(ImportError),
    FileUnreadable,
    /// An action was not done because storage refused the write; nothing changed.
    NotDone(SaveError),
    Created,
    Duplicated(String),
    Renamed(String),
    Restored(String),
    /// The deletion of this title could not be undone: another tab saved the assessment again
    /// since, and that version is in the list (nothing was overwritten).
    NotRestored(String),
    /// An assessment could not be read when opened: kept aside under this key.
    Unreadable(String),
    Missing,
    OtherLoaded,
    MineKept,
    /// The other tab's version could not be read: kept aside under this key.
    OtherUnreadable(String),
}

impl Message {
    /// Errors and warnings go to the assertive region, the rest to the polite one.
    pub fn is_alert(&self) -> bool {
        match self {
            Message::Startup { kept, rebuilt, .. } => !kept.is_empty() || rebuilt.is_some(),
            Message::ImportFailed(_)
            | Message::FileUnreadable
            | Message::NotDone(_)
            | Message::NotRestored(_)
            | Message::Unreadable(_)
            | Message::Missing
            | Message::OtherUnreadable(_) => true,
            _ => false,
        }
    }

    /// The message as paragraphs.
    pub fn paragraphs(&self, lang: Lang) -> Vec<String> {
        let m = mstrings(lang);
        let bank = crate::bank::bank();
        let quote = |s: &str| lang.quote(s);
        let mut out = Vec::new();
        // Most messages end with one sentence.
        let last = match self {
            Message::Startup { kept, rebuilt, migration } => {
                if let Some(k) = rebuilt {
                    out.push(m.index_rebuilt(k));
                }
                if !kept.is_empty() {
                    out.push(m.kept_aside_at_start(kept.iter().map(|k| quote(k)).collect::<Vec<_>>().join(", ")));
                }
                out.extend(migration_lines(m, lang, bank, migration));
                return out;
            }
            Message::Migrated(migration) => return migration_lines(m, lang, bank, migration),
            Message::Imported { title, migration, .. } => {
                out.push(m.imported(quote(&display_title(m, title))));
                out.extend(migration_lines(m, lang, bank, migration));
                return out;
            }
            Message::ImportFailed(e) => {
                out.push(import_error(m, lang, e));
                m.nothing_imported.to_string()
            }
            Message::FileUnreadable => {
                out.push(m.err_read_file.to_string());
                m.nothing_imported.to_string()
            }
            Message::NotDone(SaveError::QuotaExceeded) => m.err_storage_full.to_string(),
            Message::NotDone(SaveError::Unavailable) => m.err_unavailable.to_string(),
            Message::Created => m.created.to_string(),
            Message::Duplicated(t) => m.duplicated(quote(&display_title(m, t))),
            Message::Renamed(t) => m.renamed(quote(&display_title(m, t))),
            Message::Restored(t) => m.restored(quote(&display_title(m, t))),
            Message::NotRestored(t) => m.not_restored(quote(&display_title(m, t))),
            Message::Unreadable(k) => m.unreadable(k),
            Message::Missing => m.missing.to_string(),
            Message::OtherLoaded => m.conflict_loaded.to_string(),
            Message::MineKept => m.conflict_kept.to_string(),
            Message::OtherUnreadable(k) => m.conflict_unreadable(k),
        };
        out.push(last);
        out
    }
}

fn display_title(m: &ManagerStrings, title: &str) -> String {
    if title.trim().is_empty() {
        m.untitled.to_string()
    } else {
        title.to_string()
    }
}

fn migration_lines(m: &ManagerStrings, lang: Lang, bank: &Bank, mg: &Migration) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(from) = &mg.from_bank {
        if !from.is_empty() && (!mg.retired.is_empty() || !mg.restored.is_empty() || !mg.too_long.is_empty()) {
            out.push(m.migrated(&isolate(from), &bank.version));
        }
    }
    if !mg.retired.is_empty() {
        out.push(m.retired_kept(mg.retired.len()));
    }
    if !mg.restored.is_empty() {
        out.push(m.restored_answers(mg.restored.len()));
    }
    if !mg.too_long.is_empty() {
        out.push(m.too_long_kept(mg.too_long.len()));
    }
    if !mg.shortened.is_empty() {
        let mut list: Vec<String> =
            mg.shortened.iter().take(5).map(|s| m.shortened_item(lang.quote(&s.field), s.len, s.max)).collect();
        if mg.shortened.len() > 5 {
            list.push(format!("(+{})", mg.shortened.len() - 5));
        }
        out.push(m.shortened(mg.shortened.len(), list.join(", ")));
    }
    out
}

/// The plain-words message for an import that was refused.
pub fn import_error(m: &ManagerStrings, lang: Lang, e: &ImportError) -> String {
    match e {
        ImportError::Read(ReadError::TooLarge { bytes, max }) => {
            // MiB with one decimal, rounded, in integer arithmetic (no float formatting in the wasm).
            let mb = |b: usize| {
                const MIB: usize = 1024 * 1024;
                let tenths = (b % MIB * 10 + MIB / 2) / MIB;
                format!("{}.{}", b / MIB + tenths / 10, tenths % 10)
            };
            m.err_too_large(mb(*bytes), mb(*max))
        }
        ImportError::Read(ReadError::Empty) => m.err_empty.to_string(),
        ImportError::Read(ReadError::NotJson { line, column, .. }) => m.err_not_json(line, column),
        ImportError::Read(ReadError::NotAnAssessment) => m.err_not_assessment.to_string(),
        ImportError::Read(ReadError::Invalid { field, problem, line, column }) => {
            let quoted = lang.quote(field);
            let mut out = match problem {
                Problem::WrongType => m.err_wrong_type(quoted),
                Problem::NotAllowed => m.err_not_allowed(quoted),
                Problem::Missing => m.err_missing(quoted),
                Problem::Duplicate => m.err_duplicate(quoted),
            };
            if *line > 0 {
                out.push(' ');
                out.push_str(&m.err_position(line, column));
            }
            out
        }
        ImportError::Read(ReadError::NewerFormat { found, supported }) => m.err_newer(found, supported),
        ImportError::UnknownQuestions { bank_version, ids } => {
            let mut list = ids.iter().take(5).map(|id| isolate(id)).collect::<Vec<_>>().join(", ");
            if ids.len() > 5 {
                list.push_str(&format!(" (+{})", ids.len() - 5));
            }
            m.err_unknown_questions(bank_version, &list)
        }
        ImportError::Version(VersionError::Tampered { number }) => m.err_version_tampered(number),
        ImportError::Version(VersionError::Damaged { number } | VersionError::OutOfOrder { number }) => {
            m.err_version_damaged(number)
        }
    }
}

// ---------------------------------------------------------------------------------------
// Start

/// What the widget starts with.
pub struct Boot {
    pub id: String,
    pub assessment: Assessment,
    pub notice: Option<Notice>,
    pub message: Option<Message>,
}

/// Opens storage (see `storage::Library::open`): the assessment opened last, or the most
/// recent one, or a new one; unreadable data kept aside and reported.
pub fn boot(namespace: &str, organisation: &str) -> Boot {
    let bank = crate::bank::bank();
    let unavailable = || Boot {
        id: String::new(),
        assessment: Assessment::new(&bank.version, organisation),
        notice: Some(Notice::StorageUnavailable),
        message: None,
    };
    let Some(lib) = storage::browser(namespace) else { return unavailable() };
    let Ok(opened) = lib.open(bank, organisation, storage::now_ms(), &storage::now_iso(), &mut storage::random_id)
    else {
        return unavailable();
    };
    let notice = match opened.unsaved {
        Some(SaveError::QuotaExceeded) => Some(Notice::StorageFull),
        Some(SaveError::Unavailable) => Some(Notice::StorageUnavailable),
        None if opened.current_unreadable => Some(Notice::StorageCorrupt),
        None => None,
    };
    let mut kept = Vec::new();
    let mut rebuilt = None;
    for note in &opened.notes {
        match note {
            Note::KeptAside { kept_as, .. } => kept.push(kept_as.clone()),
            Note::IndexRebuilt { kept_as } => rebuilt = Some(kept_as.clone()),
        }
    }
    let migration = opened.migration;
    let worth_telling =
        !migration.retired.is_empty() || !migration.restored.is_empty() || !migration.too_long.is_empty();
    let message = (!kept.is_empty() || rebuilt.is_some() || worth_telling).then_some(Message::Startup {
        kept,
        rebuilt,
        migration,
    });
    Boot { id: opened.id, assessment: opened.assessment, notice, message }
}

// ---------------------------------------------------------------------------------------
// Persistence

/// Another tab wrote (or deleted) the open assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The other tab's value; `None` when it deleted the assessment.
    pub other: Option<String>,
}

/// Autosave, two-tab protection and messages, shared by the views of this module. One `Rc`, so
/// that the callbacks holding it clone and drop a single pointer.
#[derive(Clone)]
pub struct Persistence(Rc<Handles>);

/// What [`Persistence`] holds (reached through `Deref`).
pub struct Handles {
    pub namespace: Rc<str>,
    pub organisation: Rc<str>,
    /// As it was when rendered; changed through [`Persistence::set`].
    shown: UseReducerHandle<Shown>,
    kept: Rc<Kept>,
}

/// What the views of this module show besides the assessment (one reducer, so that one hook
/// holds it all). Changing it re-renders.
#[derive(Clone, Default)]
struct Shown {
    /// Another tab's unanswered write to the open assessment.
    conflict: Option<Conflict>,
    message: Option<Message>,
    /// The deletion that Undo is offered for.
    undo: Option<Rc<Deleted>>,
    /// Bumped when the stored list changed (here or in another tab), to re-read it.
    refresh: u32,
    /// (id, draft title) of the list row being renamed.
    renaming: Option<(String, String)>,
    /// (id, title) of the assessment whose deletion awaits confirmation.
    confirming: Option<(String, String)>,
}

/// One change of [`Shown`].
enum Show {
    Conflict(Option<Conflict>),
    Message(Option<Message>),
    Undo(Option<Rc<Deleted>>),
    Refresh,
    Renaming(Option<(String, String)>),
    Confirming(Option<(String, String)>),
}

impl Reducible for Shown {
    type Action = Show;

    fn reduce(self: Rc<Self>, change: Show) -> Rc<Self> {
        let mut next = (*self).clone();
        match change {
            Show::Conflict(c) => next.conflict = c,
            Show::Message(m) => next.message = m,
            Show::Undo(u) => next.undo = u,
            Show::Refresh => next.refresh = next.refresh.wrapping_add(1),
            Show::Renaming(r) => next.renaming = r,
            Show::Confirming(c) => next.confirming = c,
        }
        Rc::new(next)
    }
}

/// What persistence keeps across renders without re-rendering.
struct Kept {
    /// The open assessment as last saved or loaded (without the `updated` stamp): autosave
    /// writes only when the assessment differs from it.
    last_saved: RefCell<Option<(String, Assessment)>>,
    /// Bumped by every action: an Undo timer from before does nothing.
    undo_generation: Cell<u32>,
    /// The Undo button and the Dismiss button of a message (in [`messages`]).
    undo_ref: NodeRef,
    dismiss_ref: NodeRef,
    /// The list ([`manager`]), its delete dialog and its rename field.
    root: NodeRef,
    dialog: NodeRef,
    rename_input: NodeRef,
    /// The file being read for an import (dropped, which stops it, when the list closes or the
    /// next import starts; its callback holds a `Persistence`, so until then the two keep each
    /// other, which is harmless: `App` lives as long as the page).
    reader: RefCell<Option<gloo::file::callbacks::FileReader>>,
    /// Where focus goes back to after the rename field or the dialog closes.
    return_focus: RefCell<Option<String>>,
}

impl std::ops::Deref for Persistence {
    type Target = Handles;
    fn deref(&self) -> &Handles {
        &self.0
    }
}

impl Persistence {
    #[inline(never)]
    fn library(&self) -> Option<Library<LocalStore>> {
        storage::browser(&self.namespace)
    }

    #[inline(never)]
    fn set(&self, change: Show) {
        self.shown.dispatch(change);
    }

    fn bump(&self) {
        self.set(Show::Refresh);
    }

    fn set_conflict(&self, c: Option<Conflict>) {
        self.set(Show::Conflict(c));
    }

    fn set_message(&self, m: Option<Message>) {
        self.set(Show::Message(m));
    }

    fn set_undo(&self, d: Option<Rc<Deleted>>) {
        self.set(Show::Undo(d));
    }

    /// Starts a user action: the previous message and the Undo offer end here.
    fn begin(&self) {
        self.kept.undo_generation.set(self.kept.undo_generation.get().wrapping_add(1));
        self.set_undo(None);
        self.set_message(None);
    }

    #[inline(never)]
    fn say(&self, m: Message) {
        self.set_message(Some(m));
    }

    /// Tells why an assessment could not be loaded: kept aside as unreadable, or missing.
    #[inline(never)]
    fn say_not_loaded(&self, e: LoadError) {
        self.say(match e {
            LoadError::Corrupt { kept_as, .. } => Message::Unreadable(kept_as),
            _ => Message::Missing,
        });
    }

    /// Offers Undo for a deletion for [`UNDO_MS`], longer while the Undo button has focus
    /// (so it never vanishes from under a keyboard or screen reader user).
    fn offer_undo(&self, d: Deleted) {
        self.set_undo(Some(Rc::new(d)));
        self.arm_undo();
    }

    fn arm_undo(&self) {
        let generation = self.kept.undo_generation.get();
        let p = self.clone();
        // Forgotten rather than kept: the generation check makes a stale timer do nothing,
        // and a timer must not be dropped from inside its own callback.
        gloo::timers::callback::Timeout::new(UNDO_MS, move || {
            if p.kept.undo_generation.get() != generation {
                return;
            }
            let focused =
                p.kept.undo_ref.cast::<web_sys::Element>().is_some_and(|b| b.matches(":focus").unwrap_or(false));
            if focused {
                p.arm_undo();
            } else {
                p.set_undo(None);
            }
        })
        .forget();
    }

    /// Switches the widget to a stored assessment (already read from storage, so autosave
    /// must not write it back) and remembers it as the open one.
    fn switch_to(&self, state: &UseReducerHandle<State>, id: String, a: Assessment) {
        *self.kept.last_saved.borrow_mut() = Some((id.clone(), a.clone()));
        if let Some(lib) = self.library() {
            lib.set_current(state.bank, &id);
        }
        self.set_conflict(None);
        state.dispatch(Action::Open(id, a));
    }

    /// Writes the open assessment now, whatever was saved before (after "keep mine").
    fn save_now(&self, state: &UseReducerHandle<State>) -> Result<(), SaveError> {
        let lib = self.library().ok_or(SaveError::Unavailable)?;
        let mut stamped = (*state.assessment).clone();
        stamped.updated = storage::now_iso();
        lib.save(state.bank, &state.id, &stamped)?;
        *self.kept.last_saved.borrow_mut() = Some((state.id.clone(), (*state.assessment).clone()));
        Ok(())
    }

    /// Opens the most recent remaining assessment, or starts a new one (after the open one
    /// was deleted, here or in another tab).
    fn open_next(&self, state: &UseReducerHandle<State>) {
        let bank = state.bank;
        let Some(lib) = self.library() else { return };
        for e in lib.list(bank) {
            if e.id == state.id {
                continue;
            }
            if let Ok((a, _)) = lib.load(bank, &e.id, storage::now_ms()) {
                self.switch_to(state, e.id, a);
                return;
            }
        }
        let mut fresh = Assessment::new(&bank.version, &self.organisation);
        fresh.updated = storage::now_iso();
        match lib.add(bank, &fresh, &mut storage::random_id) {
            Ok(id) => self.switch_to(state, id, fresh),
            Err(e) => self.say(Message::NotDone(e)),
        }
    }

    /// The open assessment as it is stored, or as it is in memory when it has unsaved
    /// changes (then stamped now).
    fn current_for_export(&self, state: &State) -> Assessment {
        let unchanged =
            matches!(&*self.kept.last_saved.borrow(), Some((id, a)) if *id == state.id && *a == *state.assessment);
        let stored =
            self.library().and_then(|lib| lib.raw(&state.id)).and_then(|raw| assessment::read(raw.as_bytes()).ok());
        match stored {
            Some(s) if unchanged => transfer::migrate(state.bank, s).0,
            _ => {
                let mut a = (*state.assessment).clone();
                a.updated = storage::now_iso();
                a
            }
        }
    }

    fn export(&self, state: &State, id: &str) {
        let a = if id == state.id {
            Some(self.current_for_export(state))
        } else {
            self.library().and_then(|lib| match lib.load(state.bank, id, storage::now_ms()) {
                Ok((a, _)) => Some(a),
                Err(e) => {
                    self.say_not_loaded(e);
                    self.bump();
                    None
                }
            })
        };
        if let Some(mut a) = a {
            a.adopt_id(id);
            let today: String = storage::now_iso().chars().take(10).collect();
            download(&transfer::file_name(&a, &today), &transfer::export(&a));
        }
    }
}

/// Saves every change of the open assessment and watches other tabs. Call once, in `App`.
#[hook]
pub fn use_persistence(
    state: &UseReducerHandle<State>,
    namespace: &str,
    organisation: &str,
    boot_message: Option<Message>,
) -> Persistence {
    let shown = use_reducer(move || Shown { message: boot_message, ..Default::default() });
    let kept = use_memo((), |_| Kept {
        last_saved: RefCell::new(Some((state.id.clone(), (*state.assessment).clone()))),
        undo_generation: Cell::new(0),
        undo_ref: NodeRef::default(),
        dismiss_ref: NodeRef::default(),
        root: NodeRef::default(),
        dialog: NodeRef::default(),
        rename_input: NodeRef::default(),
        reader: RefCell::new(None),
        return_focus: RefCell::new(None),
    });
    let p = Persistence(Rc::new(Handles {
        namespace: Rc::from(namespace),
        organisation: Rc::from(organisation),
        shown,
        kept,
    }));
    // After a deletion, focus goes to Undo (the deleted row's buttons are gone); after Undo,
    // its button is gone: focus goes to the confirmation's Dismiss button.
    super::use_focus(&p.kept.undo_ref, p.shown.undo.is_some() as usize);
    super::use_focus(&p.kept.dismiss_ref, matches!(p.shown.message, Some(Message::Restored(_))) as usize);
    {
        // The list's rename field takes focus when it opens; when it closes, focus goes back to
        // the row's Rename button.
        let p = p.clone();
        let editing = p.shown.renaming.as_ref().map(|(id, _)| id.clone());
        use_effect_with(editing, move |editing| {
            if editing.is_some() {
                if let Some(i) = p.kept.rename_input.cast::<web_sys::HtmlInputElement>() {
                    let _ = i.focus();
                    i.select();
                }
            } else {
                focus_within(&p.kept.root, p.kept.return_focus.borrow_mut().take());
            }
        });
    }
    {
        // The delete confirmation is a native modal <dialog>: focus stays inside, Escape
        // cancels, the rest of the page is inert, and focus returns when it closes. Leaving
        // the list ends a rename, a confirmation and an import still being read. (One effect:
        // both parts may run again without harm.)
        let p = p.clone();
        let deps = (p.shown.confirming.is_some(), state.step == Step::Assessments);
        use_effect_with(deps, move |&(open, listing)| {
            if let Some(d) = p.kept.dialog.cast::<web_sys::Element>() {
                let is_open = d.has_attribute("open");
                if open && !is_open {
                    call(&d, "showModal");
                } else if !open && is_open {
                    call(&d, "close");
                }
            }
            if !listing {
                p.kept.reader.borrow_mut().take();
                p.kept.return_focus.borrow_mut().take();
                if p.shown.renaming.is_some() {
                    p.set(Show::Renaming(None));
                }
                if p.shown.confirming.is_some() {
                    p.set(Show::Confirming(None));
                }
            }
        });
    }

    {
        // Autosave: every change of the open assessment, unless another tab's write to it is
        // unanswered, or there is no storage. Written once the browser has painted the change
        // (the answer shows first, then it is stored; see `after_paint`); a newer change in the
        // meantime takes its place, and leaving the page writes at once.
        let p = p.clone();
        let dispatcher = state.dispatcher();
        let full = state.notice == Some(Notice::StorageFull);
        let blocked = p.shown.conflict.is_some() || state.id.is_empty();
        let pending = use_mut_ref(|| None::<Box<dyn FnOnce()>>);
        {
            let pending = pending.clone();
            use_effect_with((), move |_| {
                let listener = on_leave(pending.clone());
                move || {
                    let _listener = listener;
                    run_pending(&pending);
                }
            });
        }
        use_effect_with((state.id.clone(), state.assessment.clone(), blocked), move |(id, a, blocked)| {
            let (id, a, blocked) = (id.clone(), a.clone(), *blocked);
            let save = move || match autosave(&p, crate::bank::bank(), &id, &a, blocked) {
                Saved::Yes if full => dispatcher.dispatch(Action::Notice(None)),
                Saved::Yes | Saved::NotNeeded => {}
                Saved::Failed(notice) => dispatcher.dispatch(Action::Notice(Some(notice))),
            };
            let first = pending.borrow_mut().replace(Box::new(save)).is_none();
            if first {
                after_paint(pending.clone());
            }
        });
    }
    {
        // Other tabs: a write to the open assessment is a conflict; to anything else of ours,
        // a reason to re-read the list.
        let p = p.clone();
        use_effect_with(state.id.clone(), move |id| {
            // Kept alive by the cleanup closure; dropping it removes the listener.
            let listener = listen(p, id.clone());
            move || {
                let _listener = listener;
            }
        });
    }
    p
}

enum Saved {
    Yes,
    NotNeeded,
    /// Not saved; the stored copy is as it was. The notice to show.
    Failed(Notice),
}

/// Saves the open assessment when it differs from what was last saved or loaded.
/// A save waiting for the next paint (see `use_persistence`).
type PendingSave = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;

/// Runs the waiting save, if any.
fn run_pending(pending: &PendingSave) {
    let save = pending.borrow_mut().take();
    if let Some(save) = save {
        save();
    }
}

/// Runs the waiting save after the browser has painted the next frame (an animation frame,
/// then a task), so that writing storage never delays showing a change.
#[cfg(target_arch = "wasm32")]
fn after_paint(pending: PendingSave) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return run_pending(&pending) };
    let frame = Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, move || run_pending(&pending)).forget();
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
}

#[cfg(not(target_arch = "wasm32"))]
fn after_paint(pending: PendingSave) {
    run_pending(&pending);
}

/// Leaving or hiding the page writes a waiting save at once.
#[cfg(target_arch = "wasm32")]
fn on_leave(pending: PendingSave) -> Option<[gloo::events::EventListener; 2]> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let (hide, hidden) = (pending.clone(), pending);
    Some([
        gloo::events::EventListener::new(&window, "pagehide", move |_| run_pending(&hide)),
        gloo::events::EventListener::new(&document, "visibilitychange", move |_| run_pending(&hidden)),
    ])
}

#[cfg(not(target_arch = "wasm32"))]
fn on_leave(_: PendingSave) -> Option<()> {
    None
}

fn autosave(p: &Persistence, bank: &Bank, id: &str, a: &Assessment, blocked: bool) -> Saved {
    if blocked || matches!(&*p.kept.last_saved.borrow(), Some((lid, la)) if lid == id && la == a) {
        return Saved::NotNeeded;
    }
    let Some(lib) = p.library() else { return Saved::NotNeeded };
    let mut stamped = a.clone();
    stamped.updated = storage::now_iso();
    match lib.save(bank, id, &stamped) {
        Ok(()) => {
            *p.kept.last_saved.borrow_mut() = Some((id.to_string(), a.clone()));
            Saved::Yes
        }
        Err(SaveError::QuotaExceeded) => Saved::Failed(Notice::StorageFull),
        Err(SaveError::Unavailable) => Saved::Failed(Notice::StorageUnavailable),
    }
}

#[cfg(target_arch = "wasm32")]
fn listen(p: Persistence, id: String) -> Option<gloo::events::EventListener> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    let lib = p.library()?;
    let item_key = lib.item_key(&id);
    let prefix = lib.index_key().trim_end_matches("index").to_string();
    Some(gloo::events::EventListener::new(&window, "storage", move |e| {
        let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else { return };
        match e.key() {
            // localStorage.clear() in another tab.
            None => {
                p.set_conflict(Some(Conflict { other: None }));
                p.bump();
            }
            Some(k) if k == item_key => {
                p.set_conflict(Some(Conflict { other: e.new_value() }));
                p.bump();
            }
            Some(k) if k.starts_with(&prefix) => p.bump(),
            Some(_) => {}
        }
    }))
}

/// Outside the browser there are no other tabs.
#[cfg(not(target_arch = "wasm32"))]
struct NoListener;

#[cfg(not(target_arch = "wasm32"))]
fn listen(_p: Persistence, _id: String) -> Option<NoListener> {
    None
}

/// Offers the assessment as a .json download (Blob, object URL, `<a download>`; no network).
fn download(name: &str, json: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let run = || -> Option<()> {
            let doc = web_sys::window()?.document()?;
            let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(json));
            let bag = web_sys::BlobPropertyBag::new();
            bag.set_type("application/json");
            let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).ok()?;
            let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
            let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
            a.set_href(&url);
            a.set_download(name);
            let body = doc.body()?;
            let _ = body.append_child(&a);
            a.click();
            a.remove();
            // Revoked later: revoking at once can cancel the download in some browsers.
            gloo::timers::callback::Timeout::new(60_000, move || {
                let _ = web_sys::Url::revoke_object_url(&url);
            })
            .forget();
            Some(())
        };
        let _ = run();
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (name, json);
    }
}

fn format_time(iso: &str, lang: Lang) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
        if iso.is_empty() || d.get_time().is_nan() {
            return iso.to_string();
        }
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into());
        let _ = js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into());
        String::from(d.to_locale_string(lang.date_locale(), &opts))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = lang;
        iso.replace('T', " ").chars().take(16).collect()
    }
}

// ---------------------------------------------------------------------------------------
// Views

/// What a button of this module does. Every button sends one of these to [`act`] through one
/// callback, instead of holding a closure of its own.
#[derive(Clone)]
enum Act {
    New,
    /// Two-tab conflict: load the other tab's version, keep mine, accept the other's deletion.
    Load,
    Keep,
    Accept,
    Dismiss,
    OpenImported,
    Undo,
    ExportCurrent,
    Open(Rc<Entry>),
    Rename(Rc<Entry>),
    Duplicate(Rc<Entry>),
    Export(Rc<Entry>),
    Delete(Rc<Entry>),
    CancelRename,
    SaveRename,
    ConfirmDelete,
    CancelDelete,
}

/// A button that sends `act` to `on`.
fn button(on: &Callback<Act>, act: Act, b: Button<'_>) -> Html {
    super::button(b, on.reform(move |_| act.clone()))
}

/// Does what a button of this module asks.
fn act(p: &Persistence, state: &UseReducerHandle<State>, a: Act) {
    match a {
        Act::New => {
            p.begin();
            let Some(lib) = p.library() else { return p.say(Message::NotDone(SaveError::Unavailable)) };
            let mut fresh = Assessment::new(&state.bank.version, &p.organisation);
            fresh.updated = storage::now_iso();
            match lib.add(state.bank, &fresh, &mut storage::random_id) {
                Ok(id) => {
                    p.switch_to(state, id, fresh);
                    p.say(Message::Created);
                }
                Err(e) => p.say(Message::NotDone(e)),
            }
            p.bump();
        }
        Act::Load => resolve_load(p, state),
        Act::Keep => {
            p.begin();
            match p.save_now(state) {
                Ok(()) => {
                    p.set_conflict(None);
                    p.say(Message::MineKept);
                    p.bump();
                }
                Err(e) => p.say(Message::NotDone(e)),
            }
        }
        Act::Accept => {
            p.begin();
            p.set_conflict(None);
            p.open_next(state);
        }
        Act::Dismiss => p.set_message(None),
        Act::OpenImported => {
            if let Some(Message::Imported { id, .. }) = &p.shown.message {
                open(p, state, &id.clone());
            }
        }
        Act::Undo => {
            let Some(d) = p.shown.undo.clone() else { return };
            p.begin();
            let Some(lib) = p.library() else { return };
            match lib.restore(state.bank, &d) {
                storage::Restore::Restored => p.say(Message::Restored(d.entry.title.clone())),
                storage::Restore::Refused(RestoreRefused::SavedAgain) => {
                    p.say(Message::NotRestored(d.entry.title.clone()))
                }
                storage::Restore::NotSaved(e) => p.say(Message::NotDone(e)),
            }
            p.bump();
        }
        Act::ExportCurrent => p.export(state, &state.id),
        Act::Open(e) => open(p, state, &e.id),
        Act::Rename(e) => {
            p.begin();
            p.set(Show::Renaming(Some((e.id.clone(), e.title.clone()))));
        }
        Act::Delete(e) => {
            p.begin();
            *p.kept.return_focus.borrow_mut() = Some(act_id("delete", &e.id));
            p.set(Show::Confirming(Some((e.id.clone(), display_title(mstrings(state.lang), &e.title)))));
        }
        Act::SaveRename | Act::CancelRename => {
            let Some((id, draft)) = p.shown.renaming.clone() else { return };
            *p.kept.return_focus.borrow_mut() = Some(act_id("rename", &id));
            if matches!(a, Act::SaveRename) {
                rename(p, state, &id, draft.trim());
            }
            p.set(Show::Renaming(None));
        }
        Act::ConfirmDelete | Act::CancelDelete => {
            let confirmed = matches!(a, Act::ConfirmDelete);
            let id = p.shown.confirming.as_ref().map(|(id, _)| id.clone());
            if confirmed && id.is_none() {
                return;
            }
            // Closed first, so that the browser hands focus back while the row still exists;
            // after the deletion focus moves on to Undo.
            if let Some(d) = p.kept.dialog.cast::<web_sys::Element>() {
                call(&d, "close");
            }
            if let (true, Some(id)) = (confirmed, id) {
                p.set(Show::Confirming(None));
                delete(p, state, &id);
            }
        }
        Act::Duplicate(e) => duplicate(p, state, &e.id),
        Act::Export(e) => {
            p.begin();
            p.export(state, &e.id);
        }
    }
}

/// The callback for [`act`].
fn actions(p: &Persistence, state: &UseReducerHandle<State>) -> Callback<Act> {
    let (p, state) = (p.clone(), state.clone());
    Callback::from(move |a| act(&p, &state, a))
}

/// The aria-live region every message of this module goes to, with the two-tab warning and
/// the Undo of a deletion. Always rendered (empty when quiet), so that screen readers
/// announce what appears in it. Its focus moves are in [`use_persistence`].
pub fn messages(state: &UseReducerHandle<State>, p: &Persistence) -> Html {
    let lang = state.lang;
    let m = mstrings(lang);
    let t = strings(lang);
    let on = actions(p, state);
    let message = &p.shown.message;
    let alert = message.as_ref().is_some_and(Message::is_alert);

    let mut d = Doc::new();
    d.open("div", "bd-messages bd-noprint");
    d.open_static("div", &[("role", S("alert")), ("class", S("bd-live-region")), ("data-testid", S("alerts"))]);
    d.group();
    if let Some(c) = &p.shown.conflict {
        let (title, first, second) = if c.other.is_none() {
            (
                m.conflict_deleted_title,
                (Act::Keep, "conflict-keep", m.conflict_keep_deleted),
                (Act::Accept, "conflict-accept", m.conflict_accept_delete),
            )
        } else {
            (
                m.conflict_title,
                (Act::Load, "conflict-load", m.conflict_load),
                (Act::Keep, "conflict-keep", m.conflict_keep),
            )
        };
        d.open_static("div", &[("class", S("bd-conflict")), ("data-testid", S("conflict"))]);
        d.open("p", "bd-conflict-title");
        d.leaf("strong", "", title);
        d.close();
        d.leaf("p", "", m.conflict_body);
        d.open("div", "bd-actions");
        d.add(button(
            &on,
            first.0,
            Button { class: PRIMARY, testid: Some(first.1), label: first.2, ..Default::default() },
        ));
        d.add(button(
            &on,
            second.0,
            Button { class: BTN, testid: Some(second.1), label: second.2, ..Default::default() },
        ));
        d.close();
        d.close();
    }
    d.close();
    // The message, in the alert region when it is an error or a warning, else in the status
    // region (each has a place for it, empty when the message is in the other).
    let message_in = |d: &mut Doc, here: bool| {
        d.group();
        if let Some(msg) = message.as_ref().filter(|_| here) {
            d.open_attrs(
                "div",
                &["class", "data-testid"],
                &[if alert { "bd-msg bd-msg-error" } else { "bd-msg" }, "message"],
            );
            d.group();
            for s in msg.paragraphs(lang) {
                d.leaf_string("p", "", s);
            }
            d.close();
            d.open("div", "bd-actions");
            d.group();
            if let Message::Imported { .. } = msg {
                d.add(button(
                    &on,
                    Act::OpenImported,
                    Button {
                        class: PRIMARY,
                        testid: Some("open-imported"),
                        label: m.open_imported,
                        ..Default::default()
                    },
                ));
            }
            d.close();
            d.add(button(
                &on,
                Act::Dismiss,
                Button { class: BTN, node_ref: Some(&p.kept.dismiss_ref), label: t.dismiss, ..Default::default() },
            ));
            d.close();
            d.close();
        }
        d.close();
    };
    message_in(&mut d, alert);
    d.close();
    d.open_static(
        "div",
        &[
            ("role", S("status")),
            ("aria-live", S("polite")),
            ("class", S("bd-live-region")),
            ("data-testid", S("status")),
        ],
    );
    message_in(&mut d, !alert);
    d.group();
    if let Some(del) = &p.shown.undo {
        d.open_static("div", &[("class", S("bd-msg bd-undo")), ("data-testid", S("undo"))]);
        d.leaf_string("p", "", m.deleted(lang.quote(&display_title(m, &del.entry.title))));
        d.open("div", "bd-actions");
        d.add(button(
            &on,
            Act::Undo,
            Button {
                class: PRIMARY,
                testid: Some("undo-button"),
                node_ref: Some(&p.kept.undo_ref),
                label: m.undo,
                ..Default::default()
            },
        ));
        d.close();
        d.close();
    }
    d.close();
    d.close();
    d.close();
    d.finish()
}

fn resolve_load(p: &Persistence, state: &UseReducerHandle<State>) {
    p.begin();
    let Some(lib) = p.library() else { return };
    let step = state.step;
    match lib.load(state.bank, &state.id, storage::now_ms()) {
        Ok((a, _)) => {
            p.switch_to(state, state.id.clone(), a);
            state.dispatch(Action::Goto(step));
            p.say(Message::OtherLoaded);
        }
        Err(LoadError::Missing) => p.set_conflict(Some(Conflict { other: None })),
        Err(LoadError::Corrupt { kept_as, .. }) => {
            // The other version is kept aside; ours is the only readable one: save it.
            let _ = p.save_now(state);
            p.set_conflict(None);
            p.say(Message::OtherUnreadable(kept_as));
        }
        Err(LoadError::Unavailable) => p.say(Message::NotDone(SaveError::Unavailable)),
    }
    p.bump();
}

/// Opens a stored assessment (or, for the open one, goes back to its first section).
fn open(p: &Persistence, state: &UseReducerHandle<State>, id: &str) {
    p.begin();
    if id == state.id {
        state.dispatch(Action::Goto(Step::Section(0)));
        return;
    }
    let Some(lib) = p.library() else { return };
    match lib.load(state.bank, id, storage::now_ms()) {
        Ok((a, migration)) => {
            p.switch_to(state, id.to_string(), a);
            if !migration_lines(mstrings(state.lang), state.lang, state.bank, &migration).is_empty() {
                p.say(Message::Migrated(migration));
            }
        }
        Err(LoadError::Unavailable) => p.say(Message::NotDone(SaveError::Unavailable)),
        Err(e) => p.say_not_loaded(e),
    }
    p.bump();
}

/// The export button offered beside the "storage full" notice.
pub fn export_current(state: &UseReducerHandle<State>, p: &Persistence) -> Html {
    let m = mstrings(state.lang);
    let on = actions(p, state);
    button(
        &on,
        Act::ExportCurrent,
        Button { class: PRIMARY, testid: Some("export-current"), label: m.export_now, ..Default::default() },
    )
}

/// Answers kept as "no longer asked" (see `transfer::migrate`); nothing when there are none.
pub fn no_longer_asked(state: &State) -> Html {
    let lang = state.lang;
    let m = mstrings(lang);
    let t = strings(lang);
    let retired = &state.assessment.retired;
    if retired.is_empty() {
        return html! {};
    }
    let mut d = Doc::new();
    d.leaf_string("p", "bd-muted", m.no_longer_asked_intro(&state.bank.version));
    d.open("ul", "");
    for r in retired {
        let q = state.bank.question(&r.question);
        let question = q.map(|q| q.text.get(lang).to_string()).unwrap_or_else(|| r.question.clone());
        let reason = match r.reason {
            RetiredReason::QuestionRemoved => m.reason_removed,
            RetiredReason::UnknownOption => m.reason_option,
            RetiredReason::KindChanged => m.reason_kind,
        };
        let answer = match &r.answer {
            Answer::Text(s) => s.clone(),
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
        d.open("li", "bd-retired-item");
        d.open("p", "");
        d.leaf_string("strong", "", isolate(&question));
        d.text(" ");
        d.leaf_string("span", "bd-muted", format!("({}, {})", reason, m.given_under(&isolate(&r.bank_version))));
        d.close();
        d.open("p", "bd-retired-answer");
        d.open("span", "bd-muted");
        d.text(m.answer_given);
        d.text(": ");
        d.close();
        d.leaf_string("bdi", "", answer);
        d.close();
        d.close();
    }
    d.close();
    super::card("bd-card bd-retired", "bd-retired-title", m.no_longer_asked, Some("no-longer-asked"), d.finish())
}

/// The id of a row's Rename or Delete button (focus returns there).
fn act_id(what: &str, id: &str) -> String {
    format!("bd-act-{what}-{id}")
}

/// The assessments in this browser: a table with title, last change and verdict, and the
/// actions on each; New and Import above it. `heading` is its `<h2>` (focused by `App` when
/// the step opens); its state and effects are in [`use_persistence`].
pub fn manager(state: &UseReducerHandle<State>, p: &Persistence, heading: &NodeRef) -> Html {
    let bank = state.bank;
    let lang = state.lang;
    let m = mstrings(lang);
    let t = strings(lang);

    let lib = p.library();
    let _ = p.shown.refresh; // re-rendered when the stored list changes
    let mut entries: Vec<Entry> = lib.as_ref().map(|l| l.list(bank)).unwrap_or_default();
    // The open assessment as it is now (its stored entry may be a change behind).
    let live = Entry {
        id: state.id.clone(),
        title: state.assessment.title.clone(),
        updated: entries.iter().find(|e| e.id == state.id).map(|e| e.updated.clone()).unwrap_or_default(),
        verdict: state.report.decision.outcome.key().to_string(),
        provisional: state.report.decision.provisional,
        bank_version: state.assessment.bank_version.clone(),
        retired: state.assessment.retired.len(),
    };
    match entries.iter_mut().find(|e| e.id == state.id) {
        Some(e) => *e = live,
        None if !state.id.is_empty() || lib.is_none() => entries.insert(0, live),
        None => {}
    }
    let count = entries.len();
    let locked = p.shown.conflict.is_some();
    let on = actions(p, state);

    let onimport = {
        let (p, state) = (p.clone(), state.clone());
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

    let rows = |d: &mut Doc| {
        for e in entries {
            let e = Rc::new(e);
            let id = &e.id;
            let is_current = *id == state.id;
            let title = display_title(m, &e.title);
            // Old indexes hold the verdict keys of before the four outcomes; from_key reads both.
            let outcome = Outcome::from_key(&e.verdict);
            let verdict = outcome.map(|o| t.outcome(o).0).unwrap_or("");
            let verdict_key = outcome.map(Outcome::key).unwrap_or("");
            let sr = format!(" {}", lang.quote(&title));
            let editing = p.shown.renaming.as_ref().filter(|(rid, _)| rid == id).map(|(_, d)| d.clone());
            d.open_attrs(
                "tr",
                &["class", "data-testid", "data-id", "aria-current"],
                &[
                    if is_current { "bd-list-row bd-list-current" } else { "bd-list-row" },
                    "assessment-row",
                    id,
                    if is_current { "true" } else { "" },
                ],
            );
            if let Some(tag) = d.tag() {
                tag.key = Some(id.as_str().into());
            }
            d.open_static("th", &[("scope", S("row"))]);
            d.group();
            match editing {
                Some(draft) => d.add(rename_form(p, &on, id, &title, lang, draft)),
                None => {
                    // Isolated (<bdi>): a title's own direction marks stay inside it.
                    d.leaf_string("bdi", "bd-list-title", title);
                    d.group();
                    if is_current {
                        d.leaf("span", "bd-tag", m.open_now);
                    }
                    d.close();
                    d.group();
                    if e.retired > 0 {
                        d.leaf_string("span", "bd-muted bd-list-note", m.retired_count(e.retired));
                    }
                    d.close();
                }
            }
            d.close(); // group
            d.close(); // th
            d.open("td", "");
            if e.updated.is_empty() {
                d.leaf("span", "bd-muted", m.never_changed);
            } else {
                d.open_attrs("time", &["datetime"], &[&e.updated]);
                d.string(format_time(&e.updated, lang));
                d.close();
            }
            d.close();
            d.open("td", "");
            d.open_attrs("span", &["class"], &[&format!("bd-list-verdict bd-list-verdict-{verdict_key}")]);
            d.text(verdict);
            d.close();
            d.group();
            if e.provisional {
                d.leaf_string("span", "bd-muted", format!(" ({})", m.provisional));
            }
            d.close();
            d.close();
            let b = |class, testid, id: Option<String>, disabled, label| Button {
                class,
                testid: Some(testid),
                id,
                disabled,
                label,
                sr: Some(&sr),
                ..Default::default()
            };
            d.open("td", "bd-list-actions");
            d.add(button(&on, Act::Open(e.clone()), b(PRIMARY, "open", None, locked && !is_current, m.open)));
            d.add(button(&on, Act::Rename(e.clone()), b(BTN, "rename", Some(act_id("rename", id)), false, m.rename)));
            d.add(button(&on, Act::Duplicate(e.clone()), b(BTN, "duplicate", None, false, m.duplicate)));
            d.add(button(&on, Act::Export(e.clone()), b(BTN, "export", None, false, m.export)));
            d.add(button(
                &on,
                Act::Delete(e.clone()),
                b(DANGER, "delete", Some(act_id("delete", id)), locked && is_current, m.delete),
            ));
            d.close();
            d.close(); // tr
        }
    };

    let dialog_body = p.shown.confirming.as_ref().map(|(_, title)| m.delete_body(lang.quote(title)));
    // Escape, the Cancel button, or any other way the dialog closes.
    let close_dialog = {
        let p = p.clone();
        Callback::from(move |_: Event| {
            if p.shown.confirming.is_some() {
                p.set(Show::Confirming(None));
                focus_within(&p.kept.root, p.kept.return_focus.borrow_mut().take());
            }
        })
    };

    let mut d = Doc::new();
    d.open_static(
        "section",
        &[("class", S("bd-manager")), ("aria-labelledby", S("bd-manager-title")), ("data-testid", S("manager"))],
    );
    if let Some(tag) = d.tag() {
        tag.key = Some("manager".into());
        tag.node_ref = p.kept.root.clone();
    }
    d.open_static("h2", &[("id", S("bd-manager-title")), ("tabindex", S("-1"))]);
    if let Some(tag) = d.tag() {
        tag.node_ref = heading.clone();
    }
    d.text(m.assessments);
    d.close();
    d.leaf("p", "bd-intro", m.intro);
    d.open("div", "bd-actions");
    d.add(button(
        &on,
        Act::New,
        Button { class: PRIMARY, testid: Some("new"), disabled: locked, label: m.new, ..Default::default() },
    ));
    d.close();
    d.open("table", "bd-list");
    d.leaf("caption", "bd-sr", m.list_caption);
    d.thead(&[m.col_title, m.col_updated, m.col_verdict, m.col_actions]);
    d.open("tbody", "");
    rows(&mut d);
    d.close();
    d.close(); // table
    d.leaf_string("p", "bd-muted", m.count(count));
    d.open("div", "bd-import");
    d.leaf("h3", "", m.import_heading);
    d.open_static("label", &[("for", S("bd-import-file"))]);
    d.text(m.import_label);
    d.close();
    d.open_static("p", &[("class", S("bd-muted")), ("id", S("bd-import-help"))]);
    d.text(m.import_help);
    d.close();
    d.add(html! {
        <input id="bd-import-file" type="file" accept=".json,application/json" data-testid="import"
            aria-describedby="bd-import-help" onchange={onimport} />
    });
    d.close();
    d.open_static(
        "dialog",
        &[
            ("class", S("bd-dialog")),
            ("aria-labelledby", S("bd-dialog-title")),
            ("aria-describedby", S("bd-dialog-body")),
            ("data-testid", S("confirm-delete")),
        ],
    );
    if let Some(tag) = d.tag() {
        tag.node_ref = p.kept.dialog.clone();
        tag.add_listener(Rc::new(yew::html::oncancel::Wrapper::new(close_dialog.clone())));
        tag.add_listener(Rc::new(yew::html::onclose::Wrapper::new(close_dialog)));
    }
    d.open_static("h3", &[("id", S("bd-dialog-title"))]);
    d.text(m.delete_title);
    d.close();
    d.open_static("p", &[("id", S("bd-dialog-body"))]);
    d.string(dialog_body.unwrap_or_default());
    d.close();
    d.open("div", "bd-actions");
    d.add(button(
        &on,
        Act::CancelDelete,
        Button { class: BTN, testid: Some("confirm-cancel"), label: m.cancel, ..Default::default() },
    ));
    d.add(button(
        &on,
        Act::ConfirmDelete,
        Button { class: DANGER, testid: Some("confirm-delete-button"), label: m.delete_confirm, ..Default::default() },
    ));
    d.close();
    d.close(); // dialog
    d.close(); // section
    d.finish()
}

/// The rename field of a list row (`draft` is its value so far).
fn rename_form(p: &Persistence, on: &Callback<Act>, id: &str, title: &str, lang: Lang, draft: String) -> Html {
    let m = mstrings(lang);
    let input_id = format!("bd-rename-{id}");
    let oninput = {
        let (p, id) = (p.clone(), id.to_string());
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
            <label for={input_id.clone()} class="bd-sr">{ m.rename_label(lang.quote(title)) }</label>
            <input id={input_id} type="text" maxlength={assessment::MAX_META_LEN.to_string()} value={draft}
                ref={p.kept.rename_input.clone()} data-testid="rename-input" {oninput} {onkeydown} />
            <button type="submit" class="bd-btn bd-primary" data-testid="rename-save">{ m.save }</button>
            { button(on, Act::CancelRename, Button { class: BTN, label: m.cancel, ..Default::default() }) }
        </form>
    }
}

/// Calls a method without arguments on an element (`showModal`, `close`), so no extra web-sys
/// feature is needed.
fn call(el: &web_sys::Element, method: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Ok(f) = js_sys::Reflect::get(el, &method.into()) {
            if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                let _ = f.call0(el);
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (el, method);
    }
}

/// Focuses the element with this id inside `root` (works inside a shadow root, where
/// `document.getElementById` would not find it).
fn focus_within(root: &NodeRef, id: Option<String>) {
    let (Some(root), Some(id)) = (root.cast::<web_sys::Element>(), id) else { return };
    if let Ok(Some(el)) = root.query_selector(&format!("#{id}")) {
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = el.focus();
        }
    }
}

fn import_bytes(p: &Persistence, state: &UseReducerHandle<State>, bytes: &[u8]) {
    let Some(lib) = p.library() else { return p.say(Message::NotDone(SaveError::Unavailable)) };
    match lib.import(state.bank, bytes, &storage::now_iso(), &mut storage::random_id) {
        storage::Import::Imported { id, title, migration } => p.say(Message::Imported { id, title, migration }),
        storage::Import::Refused(e) => return p.say(Message::ImportFailed(e)),
        storage::Import::NotSaved(e) => p.say(Message::NotDone(e)),
    }
    p.bump();
}

fn rename(p: &Persistence, state: &UseReducerHandle<State>, id: &str, title: &str) {
    p.begin();
    let Some(lib) = p.library() else { return p.say(Message::NotDone(SaveError::Unavailable)) };
    let open = (id == state.id).then(|| &*state.assessment);
    match lib.rename(state.bank, id, open, title, &storage::now_iso(), storage::now_ms()) {
        storage::Rename::Renamed(saved) => {
            if id == state.id {
                // Saved as it is in memory with the new title: autosave has nothing to write.
                let mut shown = (*state.assessment).clone();
                shown.title = saved.title.clone();
                *p.kept.last_saved.borrow_mut() = Some((id.to_string(), shown));
                state.dispatch(Action::SetMeta(Meta::Title, saved.title.clone()));
            }
            p.say(Message::Renamed(saved.title));
        }
        storage::Rename::NotSaved(e) => p.say(Message::NotDone(e)),
        storage::Rename::NotLoaded(e) => p.say_not_loaded(e),
    }
    p.bump();
}

fn duplicate(p: &Persistence, state: &UseReducerHandle<State>, id: &str) {
    p.begin();
    let m = mstrings(state.lang);
    let Some(lib) = p.library() else { return p.say(Message::NotDone(SaveError::Unavailable)) };
    let open = (id == state.id).then(|| &*state.assessment);
    let title = |t: &str| m.copy_of(display_title(m, t));
    match lib.duplicate(state.bank, id, open, title, &storage::now_iso(), storage::now_ms(), &mut storage::random_id) {
        storage::Duplicate::Duplicated { title, .. } => p.say(Message::Duplicated(title)),
        storage::Duplicate::NotSaved(e) => p.say(Message::NotDone(e)),
        storage::Duplicate::NotLoaded(e) => p.say_not_loaded(e),
    }
    p.bump();
}

fn delete(p: &Persistence, state: &UseReducerHandle<State>, id: &str) {
    p.begin();
    let Some(lib) = p.library() else { return };
    match lib.delete(state.bank, id) {
        Ok(d) => {
            if d.id == state.id {
                p.open_next(state);
                state.dispatch(Action::Goto(Step::Assessments));
            }
            p.offer_undo(d);
        }
        Err(_) => p.say(Message::Missing),
    }
    p.bump();
}

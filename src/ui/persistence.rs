//! Nothing is ever lost: opening storage when the widget starts ([`boot`]), autosave with
//! two-tab protection ([`use_persistence`]), and what the views of `manager.rs` and
//! `messages.rs` show and keep besides the assessment ([`Persistence`]: the message, the
//! two-tab warning, the Undo offer, the stored list, the row being renamed, the deletion being
//! confirmed). Storage goes through `crate::storage` (tested natively on `MemStore`).
//!
//! [`use_persistence`] saves every change of the open assessment and listens for other tabs'
//! writes (`storage` event). While another tab's write to the open assessment is unanswered,
//! nothing is saved over it: the user chooses between loading that version and keeping
//! (re-saving) their own.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use super::messages::Message;
use super::platform;
use super::state::{Action, Notice, State, Step};
use crate::domain::model::Bank;
use crate::persist::assessment::{self, Assessment};
use crate::persist::library::Entry;
use crate::persist::transfer;
use crate::storage::{self, Deleted, Library, LoadError, LocalStore, Note, SaveError};

/// How long the Undo of a deletion stays offered (unless another action comes first). It stays
/// while it has focus.
pub const UNDO_MS: u32 = 10_000;

/// What the widget starts with.
pub struct Boot {
    pub id: String,
    pub assessment: Assessment,
    pub notice: Option<Notice>,
    pub message: Option<Message>,
    /// The stored assessments, most recently changed first.
    pub list: Rc<Vec<Entry>>,
    /// The reviewer's name kept in this browser (empty when none, or no storage).
    pub reviewer: String,
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
        list: Rc::default(),
        reviewer: String::new(),
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
    let list = Rc::new(lib.list(bank));
    Boot { id: opened.id, assessment: opened.assessment, notice, message, list, reviewer: lib.name() }
}

/// Keeps the reviewer's name in this browser (`storage::Library::set_name`) when it changes;
/// never when the widget opens with the name it read. A failed write keeps the name for this
/// page and says that storage is full.
#[hook]
pub fn use_reviewer(state: &UseReducerHandle<State>, namespace: &str, boot: &Boot) {
    let stored = use_memo((), |_| RefCell::new(boot.reviewer.clone()));
    let (namespace, dispatch) = (namespace.to_string(), state.dispatcher());
    use_effect_with(state.reviewer.clone(), move |name| {
        if *stored.borrow() != *name {
            if let Some(lib) = storage::browser(&namespace) {
                match lib.set_name(name) {
                    Ok(()) => *stored.borrow_mut() = name.clone(),
                    Err(SaveError::QuotaExceeded) => dispatch.dispatch(Action::Notice(Some(Notice::StorageFull))),
                    Err(SaveError::Unavailable) => dispatch.dispatch(Action::Notice(Some(Notice::StorageUnavailable))),
                }
            }
        }
    });
}

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
    pub(super) shown: UseReducerHandle<Shown>,
    pub(super) kept: Rc<Kept>,
}

/// Equal while what the views show is the same.
impl PartialEq for Persistence {
    fn eq(&self, other: &Self) -> bool {
        // Through the handles' own comparison: each compares the value it was rendered with
        // (dereferencing an older handle would give the newest value).
        self.shown == other.shown
    }
}

/// What the views of this module show besides the assessment (one reducer, so that one hook
/// holds it all). Changing it re-renders.
#[derive(Clone, Default, PartialEq)]
pub struct Shown {
    /// Another tab's unanswered write to the open assessment.
    pub conflict: Option<Conflict>,
    pub message: Option<Message>,
    /// The deletion that Undo is offered for.
    pub undo: Option<Rc<Deleted>>,
    /// The stored assessments, most recently changed first: read when they change (here, or
    /// in another tab), never while rendering.
    pub list: Rc<Vec<Entry>>,
    /// (id, draft title) of the list row being renamed.
    pub renaming: Option<(String, String)>,
    /// (id, title) of the assessment whose deletion awaits confirmation.
    pub confirming: Option<(String, String)>,
    /// An imported file of an assessment this browser has, waiting for the user's choice.
    pub offer: Option<Rc<Offer>>,
}

/// A file of an assessment this browser has (`storage::Incoming::Known`), waiting for the
/// user's choice: merge its review into that one (the default), import it as a separate copy,
/// or neither.
#[derive(Debug)]
pub struct Offer {
    /// The file as read.
    pub bytes: Rc<[u8]>,
    /// The stored assessment it is a copy of, and its title.
    pub id: String,
    pub title: String,
    /// The file looks like this browser's own earlier export: said before it is merged.
    pub own: Option<crate::persist::merge::OwnEarlier>,
}

/// The same offer (compared by address: a file is never compared byte by byte).
impl PartialEq for Offer {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bytes, &other.bytes) && self.id == other.id && self.title == other.title
    }
}

/// One change of [`Shown`].
pub enum Show {
    Conflict(Option<Conflict>),
    Message(Option<Message>),
    Undo(Option<Rc<Deleted>>),
    List(Rc<Vec<Entry>>),
    Renaming(Option<(String, String)>),
    Confirming(Option<(String, String)>),
    Offer(Option<Rc<Offer>>),
}

impl Reducible for Shown {
    type Action = Show;

    fn reduce(self: Rc<Self>, change: Show) -> Rc<Self> {
        let mut next = (*self).clone();
        match change {
            Show::Conflict(c) => next.conflict = c,
            Show::Message(m) => next.message = m,
            Show::Undo(u) => next.undo = u,
            Show::List(l) => next.list = l,
            Show::Renaming(r) => next.renaming = r,
            Show::Confirming(c) => next.confirming = c,
            Show::Offer(o) => next.offer = o,
        }
        Rc::new(next)
    }
}

/// What persistence keeps across renders without re-rendering.
pub struct Kept {
    /// The open assessment as last saved or loaded (without the `updated` stamp): autosave
    /// writes only when the assessment differs from it.
    pub last_saved: RefCell<Option<(String, Assessment)>>,
    /// Bumped by every action: an Undo timer from before does nothing.
    pub undo_generation: Cell<u32>,
    /// The Undo button and the Dismiss button of a message (in [`messages`]).
    pub undo_ref: NodeRef,
    pub dismiss_ref: NodeRef,
    /// The merge offer's default button (focused when the offer appears).
    pub offer_ref: NodeRef,
    /// The list ([`manager`]), its delete dialog and its rename field.
    pub root: NodeRef,
    pub dialog: NodeRef,
    pub rename_input: NodeRef,
    /// The file being read for an import (dropped, which stops it, when the list closes or the
    /// next import starts; its callback holds a `Persistence`, so until then the two keep each
    /// other, which is harmless: `App` lives as long as the page).
    pub reader: RefCell<Option<gloo::file::callbacks::FileReader>>,
    /// Where focus goes back to after the rename field or the dialog closes.
    pub return_focus: RefCell<Option<String>>,
    /// The autosave waiting to be written (see `use_persistence`): every storage operation
    /// writes it first ([`Persistence::library`]), so that a list action never works on an
    /// older stored copy than the one on screen.
    pub pending: PendingSave,
}

impl std::ops::Deref for Persistence {
    type Target = Handles;
    fn deref(&self) -> &Handles {
        &self.0
    }
}

impl Persistence {
    /// Storage, after writing the autosave that is waiting, if any.
    #[inline(never)]
    pub fn library(&self) -> Option<Library<LocalStore>> {
        self.flush();
        storage::browser(&self.namespace)
    }

    /// Writes the waiting autosave now.
    pub fn flush(&self) {
        run_pending(&self.kept.pending);
    }

    #[inline(never)]
    pub fn set(&self, change: Show) {
        self.shown.dispatch(change);
    }

    /// Reads the stored list again (after a change here or in another tab).
    pub fn bump(&self) {
        let list = self.library().map(|l| l.list(crate::bank::bank())).unwrap_or_default();
        self.set(Show::List(Rc::new(list)));
    }

    pub fn set_conflict(&self, c: Option<Conflict>) {
        self.set(Show::Conflict(c));
    }

    pub fn set_message(&self, m: Option<Message>) {
        self.set(Show::Message(m));
    }

    pub fn set_undo(&self, d: Option<Rc<Deleted>>) {
        self.set(Show::Undo(d));
    }

    /// Starts a user action: the previous message and the Undo offer end here.
    pub fn begin(&self) {
        self.kept.undo_generation.set(self.kept.undo_generation.get().wrapping_add(1));
        self.set_undo(None);
        self.set_message(None);
        if self.shown.offer.is_some() {
            self.set(Show::Offer(None));
        }
    }

    #[inline(never)]
    pub fn say(&self, m: Message) {
        self.set_message(Some(m));
    }

    /// Tells why an assessment could not be loaded: kept aside as unreadable, or missing.
    #[inline(never)]
    pub fn say_not_loaded(&self, e: LoadError) {
        self.say(match e {
            LoadError::Corrupt { kept_as, .. } => Message::Unreadable(kept_as),
            _ => Message::Missing,
        });
    }

    /// Offers Undo for a deletion for [`UNDO_MS`], longer while the Undo button has focus
    /// (so it never vanishes from under a keyboard or screen reader user).
    pub fn offer_undo(&self, d: Deleted) {
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
    pub fn switch_to(&self, state: &UseReducerHandle<State>, id: String, a: Assessment) {
        // The one on screen first, so that it is not written over the one now opened.
        self.flush();
        *self.kept.last_saved.borrow_mut() = Some((id.clone(), a.clone()));
        if let Some(lib) = self.library() {
            lib.set_current(state.bank, &id);
        }
        self.set_conflict(None);
        state.dispatch(Action::Open(id, a));
    }

    /// Writes the open assessment now, whatever was saved before (after "keep mine").
    pub fn save_now(&self, state: &UseReducerHandle<State>) -> Result<(), SaveError> {
        let lib = self.library().ok_or(SaveError::Unavailable)?;
        let mut stamped = (*state.assessment).clone();
        stamped.updated = storage::now_iso();
        lib.save(state.bank, &state.id, &stamped)?;
        *self.kept.last_saved.borrow_mut() = Some((state.id.clone(), (*state.assessment).clone()));
        Ok(())
    }

    /// Opens the most recent remaining assessment, or starts a new one (after the open one
    /// was deleted, here or in another tab).
    pub fn open_next(&self, state: &UseReducerHandle<State>) {
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

    pub fn export(&self, state: &State, id: &str) {
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
            // The name typed once in this browser says who sent the file (a merge on the other
            // side names them as the one who proposed its changes).
            if let Some(name) = self.library().map(|lib| lib.name()).filter(|n| !n.is_empty()) {
                a.updated_by = name;
            }
            let today: String = storage::now_iso().chars().take(10).collect();
            platform::download(&transfer::file_name(&a, &today), "application/json", transfer::export(&a).as_bytes());
        }
    }
}

/// Saves every change of the open assessment and watches other tabs. Call once, in `App`.
#[hook]
pub fn use_persistence(
    state: &UseReducerHandle<State>,
    namespace: &str,
    organisation: &str,
    boot: &Boot,
) -> Persistence {
    let shown = use_reducer(|| Shown { message: boot.message.clone(), list: boot.list.clone(), ..Default::default() });
    let kept = use_memo((), |_| Kept {
        last_saved: RefCell::new(Some((state.id.clone(), (*state.assessment).clone()))),
        undo_generation: Cell::new(0),
        undo_ref: NodeRef::default(),
        dismiss_ref: NodeRef::default(),
        offer_ref: NodeRef::default(),
        root: NodeRef::default(),
        dialog: NodeRef::default(),
        rename_input: NodeRef::default(),
        reader: RefCell::new(None),
        return_focus: RefCell::new(None),
        pending: PendingSave::default(),
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
    // A merge offer takes focus on its default button.
    super::use_focus(&p.kept.offer_ref, p.shown.offer.as_ref().map_or(0, |o| Rc::as_ptr(o) as *const () as usize));
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
                platform::focus_within(&p.kept.root, p.kept.return_focus.borrow_mut().take());
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
                    platform::call(&d, "showModal");
                } else if !open && is_open {
                    platform::call(&d, "close");
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
                if p.shown.offer.is_some() {
                    p.set(Show::Offer(None));
                }
            }
        });
    }

    {
        // Autosave: every change of the open assessment, unless another tab's write to it is
        // unanswered, or there is no storage. Written once the browser has painted the change
        // and `SAVE_DELAY_MS` have passed (the answer shows first, then it is stored; see
        // `after_paint`); a newer change in the meantime takes its place, and leaving or hiding
        // the page writes at once.
        let p = p.clone();
        let dispatcher = state.dispatcher();
        let full = state.notice == Some(Notice::StorageFull);
        let blocked = p.shown.conflict.is_some() || state.id.is_empty();
        let pending = p.kept.pending.clone();
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
            let (first, generation) = {
                let mut w = pending.borrow_mut();
                let first = w.save.replace(Box::new(save)).is_none();
                if first {
                    w.generation = w.generation.wrapping_add(1);
                }
                (first, w.generation)
            };
            if first {
                after_paint(pending.clone(), generation);
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
pub type PendingSave = Rc<RefCell<Waiting>>;

/// The waiting save, and which one it is: a save written early (by a storage operation or on
/// leaving) leaves its timer behind, and that timer must not write the next change early.
#[derive(Default)]
pub struct Waiting {
    save: Option<Box<dyn FnOnce()>>,
    generation: u32,
}

/// Runs the waiting save, if any.
fn run_pending(pending: &PendingSave) {
    let save = pending.borrow_mut().save.take();
    if let Some(save) = save {
        save();
    }
}

/// How long after a change is painted it is written at the latest (ms). Changes in the
/// meantime are written together: a burst of answers costs one write of the assessment and the
/// index (about 3 ms of main-thread time each on an ordinary laptop, 12 ms on a slow one:
/// bench/answer-profile.mjs), not one per answer. Leaving or hiding the page writes at once.
pub const SAVE_DELAY_MS: u32 = 300;

/// Runs the waiting save after the browser has painted the next frame (an animation frame),
/// then [`SAVE_DELAY_MS`] later, so that writing storage never delays showing a change.
#[cfg(target_arch = "wasm32")]
fn after_paint(pending: PendingSave, generation: u32) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return run_pending(&pending) };
    let frame = Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(SAVE_DELAY_MS, move || {
            // Only the save this timer was set for (not one that came after an early write).
            if pending.borrow().generation == generation {
                run_pending(&pending);
            }
        })
        .forget();
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
}

#[cfg(not(target_arch = "wasm32"))]
fn after_paint(pending: PendingSave, _generation: u32) {
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
    // `blocked` as it was at the change; a conflict may have come up while the save waited
    // (another tab wrote the same assessment): then nothing is written over it.
    if blocked
        || p.shown.conflict.is_some()
        || matches!(&*p.kept.last_saved.borrow(), Some((lid, la)) if lid == id && la == a)
    {
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

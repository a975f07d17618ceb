//! What the buttons of the assessments list and the messages do. Every button sends an
//! [`Act`] to [`act`] through one callback ([`Ctx::actions`]) instead of holding a closure of
//! its own. Each action is one storage operation (`storage::Library`: `rename`, `duplicate`,
//! `delete`/`restore`, `import`, `load`, `add`; each says what it did, tested natively in
//! tests/storage.rs) and the message that says what happened; nothing here runs while rendering.

use std::rc::Rc;

use yew::prelude::*;

use super::messages::{display_title, migration_lines, Message};
use super::persistence::{Conflict, Offer, Persistence, Show};
use super::platform;
use super::state::{Action, Meta, State, Step};
use super::Button;
use crate::i18n::manager::strings as mstrings;
use crate::persist::assessment::Assessment;
use crate::persist::library::Entry;
use crate::storage::{self, Incoming, LoadError, MergeInto, RestoreRefused, SaveError};

/// What a button of this module does. Every button sends one of these to [`act`] through one
/// callback, instead of holding a closure of its own.
#[derive(Clone)]
pub enum Act {
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
    /// The merge offer: merge the file's review into the assessment it is a copy of, import it
    /// as a separate copy, or neither.
    Merge,
    ImportCopy,
    CancelOffer,
    /// After a merge: open the assessment at the results, where the proposed changes are.
    OpenMerged,
}

/// A button that sends `act` to `on`.
pub fn button(on: &Callback<Act>, act: Act, b: Button<'_>) -> Html {
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
        Act::OpenMerged => {
            if let Some(Message::Merged { id, .. }) = &p.shown.message {
                open(p, state, &id.clone());
                state.dispatch(Action::Goto(Step::Results));
            }
        }
        Act::Merge | Act::ImportCopy => {
            let Some(offer) = p.shown.offer.clone() else { return };
            p.begin();
            if matches!(a, Act::Merge) {
                merge_into(p, state, &offer);
            } else if let Some(lib) = p.library() {
                import_new(p, state, &lib, &offer.bytes, true);
            }
        }
        Act::CancelOffer => {
            p.begin();
            p.say(Message::NotImported);
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
                platform::call(&d, "close");
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

/// What the views of `manager.rs` and `messages.rs` act on: the widget's state and
/// [`Persistence`]. Equal while neither changed.
#[derive(Properties, PartialEq, Clone)]
pub struct Ctx {
    pub state: UseReducerHandle<State>,
    pub p: Persistence,
}

impl Ctx {
    /// The one callback every button of these views sends its [`Act`] to.
    pub fn actions(&self) -> Callback<Act> {
        let (p, state) = (self.p.clone(), self.state.clone());
        Callback::from(move |a| act(&p, &state, a))
    }
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

/// An exported file chosen for import: a file of an assessment this browser has is offered for
/// merging (see [`Offer`]); any other is added as a new assessment.
pub fn import_bytes(p: &Persistence, state: &UseReducerHandle<State>, bytes: &[u8]) {
    let Some(lib) = p.library() else { return p.say(Message::NotDone(SaveError::Unavailable)) };
    match lib.incoming(state.bank, bytes) {
        Err(e) => p.say(Message::ImportFailed(e)),
        Ok(Incoming::Known { id, title, own }) => {
            p.set(Show::Offer(Some(Rc::new(Offer { bytes: Rc::from(bytes), id, title, own }))))
        }
        Ok(Incoming::New) => import_new(p, state, &lib, bytes, false),
    }
}

/// Adds the file as a new assessment (`copy`: a separate copy of one this browser has, with an
/// identity of its own).
fn import_new(
    p: &Persistence,
    state: &UseReducerHandle<State>,
    lib: &storage::Library<storage::LocalStore>,
    bytes: &[u8],
    copy: bool,
) {
    let import = if copy { storage::Library::import_copy } else { storage::Library::import };
    match import(lib, state.bank, bytes, &storage::now_iso(), &mut storage::random_id) {
        storage::Import::Imported { id, title, migration, signed } => {
            p.say(Message::Imported { id, title, migration, copy: copy.then_some(signed) })
        }
        storage::Import::Refused(e) => return p.say(Message::ImportFailed(e)),
        storage::Import::NotSaved(e) => p.say(Message::NotDone(e)),
    }
    p.bump();
}

/// Merges the offered file into the assessment it is a copy of and saves it (the one on screen
/// as it is in memory, and then shown as merged). Refused, or not saved: nothing changes.
fn merge_into(p: &Persistence, state: &UseReducerHandle<State>, offer: &Offer) {
    let is_open = offer.id == state.id;
    // Another tab's unanswered write to the open assessment: nothing is written over it (the
    // button is disabled then).
    if is_open && p.shown.conflict.is_some() {
        return;
    }
    let Some(lib) = p.library() else { return p.say(Message::NotDone(SaveError::Unavailable)) };
    let open = is_open.then(|| &*state.assessment);
    match lib.merge(state.bank, &offer.id, open, &offer.bytes, &storage::now_iso(), storage::now_ms()) {
        MergeInto::Merged(m) => {
            let m = *m;
            if is_open {
                // Shown as saved: autosave has nothing to write.
                p.switch_to(state, offer.id.clone(), m.assessment.clone());
                state.dispatch(Action::Goto(Step::Assessments));
            }
            p.say(Message::Merged {
                id: offer.id.clone(),
                title: m.assessment.title.clone(),
                comments: m.comments,
                proposals: m.proposals,
                versions: m.versions.len(),
                older: m.older,
                migration: m.migration,
            });
        }
        MergeInto::Refused(error) => p.say(Message::MergeFailed { title: offer.title.clone(), error }),
        MergeInto::NotSaved(e) => p.say(Message::NotDone(e)),
        MergeInto::NotLoaded(e) => p.say_not_loaded(e),
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

/// The id of a row's Rename or Delete button (focus returns there).
pub fn act_id(what: &str, id: &str) -> String {
    format!("bd-act-{what}-{id}")
}

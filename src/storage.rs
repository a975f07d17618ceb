//! The only code that touches localStorage. Several assessments per browser, each under its own
//! key, and an index that lists them (title, last change, verdict) and remembers the open one.
//! Keys are namespaced (`data-namespace`) and carry the layout version:
//!
//! ```text
//! biodpia/<namespace>/v1/index             the list (persist::library::Index, JSON)
//! biodpia/<namespace>/v1/a/<id>            one assessment (persist::assessment, JSON)
//! <key>/unreadable-<ms>                    data that could not be read, kept aside untouched
//! biodpia/<namespace>/v1/name              the reviewer's name, typed once (plain text)
//! biodpia/<namespace>/v1/current           the single assessment of the first layout; moved
//!                                          into the list the first time the widget opens
//! ```
//!
//! Rules: unreadable data is moved aside (copied, then removed from its key only once the copy
//! is written), never overwritten; a failed write (quota) leaves the stored value as it was,
//! because `setItem` is atomic; a new assessment whose index entry cannot be written is removed
//! again, so nothing is half-added. The index is a cache that `open` and `list` reconcile with
//! the assessment keys, so an assessment is never lost because the index is stale or damaged.
//!
//! The logic is generic over [`Store`], so it is tested natively on [`MemStore`] (with a
//! quota); [`LocalStore`] is the browser's localStorage.

use std::cell::RefCell;
use std::collections::BTreeMap;

use crate::domain::model::Bank;
use crate::persist::assessment::{self, Assessment, ReadError};
use crate::persist::library::{self, Entry, Index};
use crate::persist::merge::{self, MergeError, Merged};
use crate::persist::transfer::{self, Migration};

/// Version of the key layout (not of the assessment format, which the data itself carries).
pub const LAYOUT_VERSION: u32 = 1;

/// Why a write failed. Either way the stored value is as it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveError {
    QuotaExceeded,
    Unavailable,
}

/// A key-value store with localStorage's semantics: string keys and values, atomic writes that
/// fail as a whole.
pub trait Store {
    fn get(&self, key: &str) -> Result<Option<String>, SaveError>;
    fn set(&self, key: &str, value: &str) -> Result<(), SaveError>;
    fn remove(&self, key: &str);
    fn keys(&self) -> Vec<String>;
    /// Copies the value under `from` to `to` exactly as stored (localStorage holds UTF-16,
    /// which may contain what a Rust string cannot, such as a lone surrogate: such a value
    /// must not pass through `get`). `Ok(false)` when there is nothing under `from`.
    fn copy(&self, from: &str, to: &str) -> Result<bool, SaveError> {
        match self.get(from)? {
            Some(value) => self.set(to, &value).map(|()| true),
            None => Ok(false),
        }
    }
}

/// An in-memory [`Store`] with an optional quota (in UTF-16 code units of keys and values, as
/// browsers count), for tests.
#[derive(Default)]
pub struct MemStore {
    pub map: RefCell<BTreeMap<String, String>>,
    pub quota: Option<usize>,
}

impl MemStore {
    pub fn with_quota(quota: usize) -> Self {
        MemStore { map: RefCell::default(), quota: Some(quota) }
    }
    fn units(s: &str) -> usize {
        s.encode_utf16().count()
    }
    /// Everything stored, for comparisons in tests.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.map.borrow().clone()
    }
}

impl Store for MemStore {
    fn get(&self, key: &str) -> Result<Option<String>, SaveError> {
        Ok(self.map.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        if let Some(quota) = self.quota {
            let used: usize = self
                .map
                .borrow()
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| Self::units(k) + Self::units(v))
                .sum();
            if used + Self::units(key) + Self::units(value) > quota {
                return Err(SaveError::QuotaExceeded);
            }
        }
        self.map.borrow_mut().insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&self, key: &str) {
        self.map.borrow_mut().remove(key);
    }
    fn keys(&self) -> Vec<String> {
        self.map.borrow().keys().cloned().collect()
    }
}

impl<S: Store> Store for &S {
    fn get(&self, key: &str) -> Result<Option<String>, SaveError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) {
        (**self).remove(key)
    }
    fn keys(&self) -> Vec<String> {
        (**self).keys()
    }
    fn copy(&self, from: &str, to: &str) -> Result<bool, SaveError> {
        (**self).copy(from, to)
    }
}

/// The browser's localStorage.
#[cfg(target_arch = "wasm32")]
pub struct LocalStore(web_sys::Storage);

#[cfg(target_arch = "wasm32")]
impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, SaveError> {
        self.0.get_item(key).map_err(|_| SaveError::Unavailable)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        self.0.set_item(key, value).map_err(|e| write_error(&e))
    }
    fn remove(&self, key: &str) {
        let _ = self.0.remove_item(key);
    }
    fn keys(&self) -> Vec<String> {
        let n = self.0.length().unwrap_or(0);
        (0..n).filter_map(|i| self.0.key(i).ok().flatten()).collect()
    }
    /// The value stays a JavaScript string from `getItem` to `setItem`, so it is copied unit
    /// for unit (converting it to a Rust string would replace a lone surrogate by U+FFFD).
    fn copy(&self, from: &str, to: &str) -> Result<bool, SaveError> {
        use wasm_bindgen::JsCast;
        let storage: &wasm_bindgen::JsValue = self.0.as_ref();
        let method = |name: &str| {
            js_sys::Reflect::get(storage, &name.into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        };
        let (Some(get), Some(set)) = (method("getItem"), method("setItem")) else {
            return Err(SaveError::Unavailable);
        };
        let value = get.call1(storage, &from.into()).map_err(|_| SaveError::Unavailable)?;
        if value.is_null() || value.is_undefined() {
            return Ok(false);
        }
        set.call2(storage, &to.into(), &value).map(|_| true).map_err(|e| write_error(&e))
    }
}

/// Why localStorage refused a write.
#[cfg(target_arch = "wasm32")]
fn write_error(e: &wasm_bindgen::JsValue) -> SaveError {
    let name = js_sys::Reflect::get(e, &"name".into()).ok().and_then(|n| n.as_string());
    match name.as_deref() {
        Some("SecurityError" | "InvalidAccessError") => SaveError::Unavailable,
        // QuotaExceededError (NS_ERROR_DOM_QUOTA_REACHED in old Firefox), or unknown.
        _ => SaveError::QuotaExceeded,
    }
}

/// Outside the browser there is no localStorage.
#[cfg(not(target_arch = "wasm32"))]
pub struct LocalStore;

#[cfg(not(target_arch = "wasm32"))]
impl Store for LocalStore {
    fn get(&self, _key: &str) -> Result<Option<String>, SaveError> {
        Err(SaveError::Unavailable)
    }
    fn set(&self, _key: &str, _value: &str) -> Result<(), SaveError> {
        Err(SaveError::Unavailable)
    }
    fn remove(&self, _key: &str) {}
    fn keys(&self) -> Vec<String> {
        Vec::new()
    }
}

/// The assessments of one namespace in the browser's localStorage; `None` when the browser
/// gives no localStorage (private mode, blocked by policy, or outside a browser).
pub fn browser(namespace: &str) -> Option<Library<LocalStore>> {
    #[cfg(target_arch = "wasm32")]
    {
        let store = web_sys::window()?.local_storage().ok()??;
        Some(Library::new(LocalStore(store), namespace))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = namespace;
        None
    }
}

/// Milliseconds since 1970 (0 outside a browser).
pub fn now_ms() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() as u64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}

/// The current time as ISO 8601 (empty outside a browser).
pub fn now_iso() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::Date::new_0().to_iso_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        String::new()
    }
}

/// A new, random assessment id (see `library::make_id`).
pub fn random_id() -> String {
    #[cfg(target_arch = "wasm32")]
    let random = (js_sys::Math::random() * 2_176_782_336.0) as u64;
    #[cfg(not(target_arch = "wasm32"))]
    let random = {
        use std::sync::atomic::{AtomicU64, Ordering};
        static N: AtomicU64 = AtomicU64::new(1);
        N.fetch_add(1, Ordering::Relaxed)
    };
    library::make_id(now_ms(), random)
}

/// Something `open` found and the user should hear about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// Data under `key` could not be read; it was copied to `kept_as` untouched (`kept_as` is
    /// `key` itself when even the copy could not be written: then it stays where it was and is
    /// no longer written to).
    KeptAside { key: String, kept_as: String, error: ReadError },
    /// The index was unreadable (kept aside under `kept_as`) and was rebuilt from the
    /// assessments themselves.
    IndexRebuilt { kept_as: String },
}

/// What `open` hands the widget.
#[derive(Clone, Debug)]
pub struct Opened {
    pub id: String,
    pub assessment: Assessment,
    /// What bringing it to the current bank changed (in memory; saved with the next change).
    pub migration: Migration,
    /// True when the assessment that was open could not be read and a new one was started.
    pub current_unreadable: bool,
    /// The new assessment could not be written (quota): it lives in memory only.
    pub unsaved: Option<SaveError>,
    pub notes: Vec<Note>,
}

/// Why `load` gave nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// No assessment with that id (deleted, perhaps in another tab).
    Missing,
    /// Unreadable: kept aside under `kept_as`.
    Corrupt {
        kept_as: String,
        error: ReadError,
    },
    Unavailable,
}

/// A deleted assessment, held so that the deletion can be undone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deleted {
    pub id: String,
    pub raw: String,
    pub entry: Entry,
    pub was_current: bool,
}

/// What [`Library::restore`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Restore {
    Restored,
    /// Not restored, for this reason; nothing was changed.
    Refused(RestoreRefused),
    /// Storage refused the write; nothing was changed.
    NotSaved(SaveError),
}

/// Why a deletion cannot be undone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RestoreRefused {
    /// The assessment was saved again since it was deleted (in another tab): that version is
    /// in the list, and an undo would overwrite it.
    SavedAgain,
}

/// What [`Library::rename`] did.
#[derive(Clone, Debug, PartialEq)]
pub enum Rename {
    /// Saved under the new title: the assessment as saved.
    Renamed(Assessment),
    /// Storage refused the write; nothing was changed.
    NotSaved(SaveError),
    /// The stored assessment could not be loaded (missing, or unreadable and kept aside).
    NotLoaded(LoadError),
}

/// What [`Library::duplicate`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Duplicate {
    /// The copy was added under `id`, titled `title`.
    Duplicated {
        id: String,
        title: String,
    },
    NotSaved(SaveError),
    NotLoaded(LoadError),
}

/// What [`Library::import`] did.
#[derive(Clone, Debug, PartialEq)]
pub enum Import {
    /// Added under `id`; `migration` says what was changed on the way in (shortened fields,
    /// answers no longer asked); `signed`: how many signed versions it holds.
    Imported { id: String, title: String, migration: Migration, signed: usize },
    /// The file was refused; nothing was changed.
    Refused(transfer::ImportError),
    /// Storage refused the write; nothing was changed.
    NotSaved(SaveError),
}

/// What an exported file is to this browser, before it is imported ([`Library::incoming`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Incoming {
    /// No stored assessment is the file's assessment: it is imported as a new one.
    New,
    /// The stored assessment `id` (titled `title`) is the same assessment (`Assessment::id`):
    /// the review in the file can be merged into it. `own`: the file looks like this
    /// browser's own earlier export (`persist::merge::own_earlier`).
    Known { id: String, title: String, own: Option<merge::OwnEarlier> },
}

/// What [`Library::merge`] did.
#[derive(Clone, Debug, PartialEq)]
pub enum MergeInto {
    /// Merged and saved (`merged.assessment` as saved, stamped).
    Merged(Box<Merged>),
    /// The file was refused (`persist::merge`); nothing was changed.
    Refused(MergeError),
    /// Storage refused the write; nothing was changed.
    NotSaved(SaveError),
    /// The stored assessment could not be loaded (missing, or unreadable and kept aside).
    NotLoaded(LoadError),
}

type StoredIndex = (String, Result<Index, ReadError>);

/// The assessments of one namespace in one [`Store`].
pub struct Library<S: Store> {
    store: S,
    prefix: String,
}

impl<S: Store> Library<S> {
    pub fn new(store: S, namespace: &str) -> Self {
        Library { store, prefix: format!("biodpia/{namespace}/v{LAYOUT_VERSION}/") }
    }

    pub fn store(&self) -> &S {
        &self.store
    }
    pub fn index_key(&self) -> String {
        format!("{}index", self.prefix)
    }
    pub fn item_key(&self, id: &str) -> String {
        format!("{}a/{id}", self.prefix)
    }
    /// The key of the first layout's single assessment.
    pub fn legacy_key(&self) -> String {
        format!("{}current", self.prefix)
    }
    /// The id in an assessment key, if `key` is one.
    pub fn id_of_key<'k>(&self, key: &'k str) -> Option<&'k str> {
        let rest = key.strip_prefix(&self.prefix)?.strip_prefix("a/")?;
        library::valid_id(rest).then_some(rest)
    }

    fn item_ids(&self) -> Vec<String> {
        self.store.keys().iter().filter_map(|k| self.id_of_key(k).map(String::from)).collect()
    }

    /// Moves unreadable data aside: copies it, exactly as stored (see [`Store::copy`]), to
    /// `<key>/unreadable-<ms>` and only then removes it from `key`. Returns where it is now.
    fn keep_aside(&self, key: &str, now_ms: u64) -> String {
        let mut kept_as = format!("{key}/unreadable-{now_ms}");
        let mut n = 1;
        while matches!(self.store.get(&kept_as), Ok(Some(_))) {
            n += 1;
            kept_as = format!("{key}/unreadable-{now_ms}-{n}");
        }
        match self.store.copy(key, &kept_as) {
            Ok(true) => {
                self.store.remove(key);
                kept_as
            }
            Ok(false) | Err(_) => key.to_string(),
        }
    }

    /// Reads one assessment without keeping anything aside.
    fn read_item(&self, id: &str) -> Result<(String, Assessment), LoadError> {
        match self.store.get(&self.item_key(id)) {
            Err(_) => Err(LoadError::Unavailable),
            Ok(None) => Err(LoadError::Missing),
            Ok(Some(raw)) => match assessment::read(raw.as_bytes()) {
                Ok(a) => Ok((raw, a)),
                Err(error) => Err(LoadError::Corrupt { kept_as: String::new(), error }),
            },
        }
    }

    /// The stored index, as is (raw text and parsed): `Ok(None)` when there is none.
    fn stored_index(&self) -> Result<Option<StoredIndex>, SaveError> {
        Ok(self.store.get(&self.index_key())?.map(|raw| {
            let parsed = library::parse_index(raw.as_bytes());
            (raw, parsed)
        }))
    }

    /// The index reconciled with the assessment keys: entries without a key are left out,
    /// readable assessments without an entry are added. Unreadable ones are skipped (`open`
    /// keeps them aside).
    fn reconciled(&self, bank: &Bank, mut index: Index) -> Index {
        let ids = self.item_ids();
        index.items.retain(|e| ids.contains(&e.id));
        for id in ids {
            // An entry written under another question bank, or with a verdict key of before the
            // four outcomes, may show an outdated decision: recompute it from the assessment.
            let stale = index.get(&id).is_some_and(|e| {
                e.bank_version != bank.version
                    || crate::domain::engine::Outcome::from_key(&e.verdict).map(|o| o.key()) != Some(e.verdict.as_str())
            });
            if stale {
                if let Ok((_, a)) = self.read_item(&id) {
                    index.upsert(library::entry(bank, &id, &a));
                }
            }
            if index.get(&id).is_none() {
                if let Ok((_, a)) = self.read_item(&id) {
                    index.upsert(library::entry(bank, &id, &a));
                }
            }
        }
        if index.get(&index.current).is_none() {
            index.current.clear();
        }
        index.format = library::INDEX_FORMAT;
        index
    }

    /// The current index (reconciled), for a read-modify-write.
    fn fresh_index(&self, bank: &Bank) -> Index {
        let index = match self.stored_index() {
            Ok(Some((_, Ok(index)))) => index,
            _ => Index::new(),
        };
        self.reconciled(bank, index)
    }

    /// The assessments, most recently changed first.
    pub fn list(&self, bank: &Bank) -> Vec<Entry> {
        self.fresh_index(bank).by_recent().into_iter().cloned().collect()
    }

    /// The id of the assessment opened last, if it still exists.
    pub fn current(&self, bank: &Bank) -> Option<String> {
        let index = self.fresh_index(bank);
        (!index.current.is_empty()).then_some(index.current)
    }

    /// The stored text of an assessment (for export and undo).
    pub fn raw(&self, id: &str) -> Option<String> {
        self.store.get(&self.item_key(id)).ok().flatten()
    }

    /// Loads one assessment and brings it to the current bank. Unreadable data is kept aside
    /// (and so leaves the list).
    pub fn load(&self, bank: &Bank, id: &str, now_ms: u64) -> Result<(Assessment, Migration), LoadError> {
        match self.read_item(id) {
            Ok((_, a)) => {
                let (mut a, m) = transfer::migrate(bank, a);
                a.adopt_id(id);
                Ok((a, m))
            }
            Err(LoadError::Corrupt { error, .. }) => {
                let kept_as = self.keep_aside(&self.item_key(id), now_ms);
                let mut index = self.fresh_index(bank);
                if index.remove(id).is_some() {
                    let _ = self.store.set(&self.index_key(), &index.to_json());
                }
                Err(LoadError::Corrupt { kept_as, error })
            }
            Err(e) => Err(e),
        }
    }

    /// Saves an assessment (stamp `updated` before) and its list entry. A new assessment whose
    /// entry cannot be written is removed again and the error returned: nothing is
    /// half-added. For an existing one, a failed index write only leaves the entry stale
    /// (the next `list` or save repairs it).
    pub fn save(&self, bank: &Bank, id: &str, a: &Assessment) -> Result<(), SaveError> {
        debug_assert!(library::valid_id(id));
        let key = self.item_key(id);
        let existed = self.store.get(&key)?.is_some();
        self.store.set(&key, &assessment::write(a))?;
        let mut index = self.fresh_index(bank);
        index.upsert(library::entry(bank, id, a));
        match self.store.set(&self.index_key(), &index.to_json()) {
            Err(e) if !existed => {
                self.store.remove(&key);
                Err(e)
            }
            _ => Ok(()),
        }
    }

    /// Remembers which assessment is open.
    pub fn set_current(&self, bank: &Bank, id: &str) {
        let mut index = self.fresh_index(bank);
        if index.current != id && index.get(id).is_some() {
            index.current = id.to_string();
            let _ = self.store.set(&self.index_key(), &index.to_json());
        }
    }

    /// Deletes an assessment and returns what `restore` needs to undo it.
    pub fn delete(&self, bank: &Bank, id: &str) -> Result<Deleted, LoadError> {
        let key = self.item_key(id);
        let raw = match self.store.get(&key) {
            Err(_) => return Err(LoadError::Unavailable),
            Ok(None) => return Err(LoadError::Missing),
            Ok(Some(raw)) => raw,
        };
        let mut index = self.fresh_index(bank);
        let was_current = index.current == id;
        let entry = index.remove(id).unwrap_or_else(|| Entry { id: id.to_string(), ..Entry::default() });
        self.store.remove(&key);
        let _ = self.store.set(&self.index_key(), &index.to_json());
        Ok(Deleted { id: id.to_string(), raw, entry, was_current })
    }

    /// Undoes a deletion, unless the id holds an assessment again (another tab saved it after
    /// the deletion): that one is never overwritten.
    pub fn restore(&self, bank: &Bank, d: &Deleted) -> Restore {
        let key = self.item_key(&d.id);
        match self.store.get(&key) {
            Err(e) => return Restore::NotSaved(e),
            Ok(Some(_)) => return Restore::Refused(RestoreRefused::SavedAgain),
            Ok(None) => {}
        }
        if let Err(e) = self.store.set(&key, &d.raw) {
            return Restore::NotSaved(e);
        }
        let mut index = self.fresh_index(bank);
        index.upsert(d.entry.clone());
        if let Err(e) = self.store.set(&self.index_key(), &index.to_json()) {
            self.store.remove(&key);
            return Restore::NotSaved(e);
        }
        Restore::Restored
    }

    /// Gives an assessment a new title (capped at `MAX_META_LEN` characters, trimmed) and
    /// saves it, stamped `now_iso`. `open` is the open assessment as it is in memory when `id`
    /// is the open one (it may hold changes not saved yet); otherwise the stored one is
    /// loaded. Nothing is changed unless it says `Renamed`.
    pub fn rename(
        &self,
        bank: &Bank,
        id: &str,
        open: Option<&Assessment>,
        title: &str,
        now_iso: &str,
        now_ms: u64,
    ) -> Rename {
        let mut a = match open {
            Some(a) => a.clone(),
            None => match self.load(bank, id, now_ms) {
                Ok((a, _)) => a,
                Err(e) => return Rename::NotLoaded(e),
            },
        };
        a.title = assessment::clamp_chars(title.trim(), assessment::MAX_META_LEN);
        a.updated = now_iso.to_string();
        match self.save(bank, id, &a) {
            Ok(()) => Rename::Renamed(a),
            Err(e) => Rename::NotSaved(e),
        }
    }

    /// Adds a copy of an assessment under a new id, titled `title(its title)` (capped): its
    /// own assessment id, no signed versions, no review (`Assessment::duplicate`). `open` as
    /// for [`Library::rename`].
    pub fn duplicate(
        &self,
        bank: &Bank,
        id: &str,
        open: Option<&Assessment>,
        title: impl FnOnce(&str) -> String,
        now_iso: &str,
        now_ms: u64,
        new_id: &mut dyn FnMut() -> String,
    ) -> Duplicate {
        let source = match open {
            Some(a) => a.duplicate(),
            None => match self.load(bank, id, now_ms) {
                Ok((a, _)) => a.duplicate(),
                Err(e) => return Duplicate::NotLoaded(e),
            },
        };
        let mut a = source;
        a.title = assessment::clamp_chars(&title(&a.title), assessment::MAX_META_LEN);
        a.updated = now_iso.to_string();
        match self.add(bank, &a, new_id) {
            Ok(id) => Duplicate::Duplicated { id, title: a.title },
            Err(e) => Duplicate::NotSaved(e),
        }
    }

    /// Reads an exported file (`transfer::import`: checked, shortened to the form's limits,
    /// brought to the current bank) and adds it to the list under a new id, recording what
    /// it holds as the base of a later merge. Never overwrites anything.
    pub fn import(&self, bank: &Bank, bytes: &[u8], now_iso: &str, new_id: &mut dyn FnMut() -> String) -> Import {
        self.import_as(bank, bytes, now_iso, new_id, false)
    }

    /// As [`Library::import`], but as a separate copy with an identity of its own (the id it is
    /// stored under, `persist::merge::separate_copy`): for a file of an assessment this
    /// browser has, which is then never merged into by files of the other.
    pub fn import_copy(&self, bank: &Bank, bytes: &[u8], now_iso: &str, new_id: &mut dyn FnMut() -> String) -> Import {
        self.import_as(bank, bytes, now_iso, new_id, true)
    }

    fn import_as(
        &self,
        bank: &Bank,
        bytes: &[u8],
        now_iso: &str,
        new_id: &mut dyn FnMut() -> String,
        copy: bool,
    ) -> Import {
        let (mut a, migration) = match transfer::import(bank, bytes) {
            Ok(read) => read,
            Err(e) => return Import::Refused(e),
        };
        let id = self.unused_id(new_id);
        if copy {
            merge::separate_copy(&mut a, &id);
        } else {
            // What the file holds is what its sender has: the base of the next merge.
            merge::received(&mut a, "");
        }
        if a.updated.is_empty() {
            a.updated = now_iso.to_string();
        }
        match self.save(bank, &id, &a) {
            Ok(()) => Import::Imported { id, title: a.title, migration, signed: a.versions.len() },
            Err(e) => Import::NotSaved(e),
        }
    }

    /// Reads an exported file as [`Library::import`] would and says whether it is an
    /// assessment this browser has (see [`Library::find`]). Changes nothing.
    pub fn incoming(&self, bank: &Bank, bytes: &[u8]) -> Result<Incoming, transfer::ImportError> {
        let (a, _) = transfer::import(bank, bytes)?;
        Ok(match self.find(bank, &a.id) {
            Some(id) => {
                let stored = self.read_item(&id).ok().map(|(_, local)| transfer::migrate(bank, local).0);
                let title = stored.as_ref().map(|l| l.title.clone()).unwrap_or_default();
                let own = stored.and_then(|mut local| {
                    local.adopt_id(&id);
                    merge::own_earlier(&local, &a, &self.name())
                });
                Incoming::Known { id, title, own }
            }
            None => Incoming::New,
        })
    }

    /// Merges a reviewed file into the stored assessment `id` (`persist::merge::merge`) and
    /// saves it, stamped `now_iso`. `open` as for [`Library::rename`]. Nothing is changed
    /// unless it says `Merged`.
    pub fn merge(
        &self,
        bank: &Bank,
        id: &str,
        open: Option<&Assessment>,
        bytes: &[u8],
        now_iso: &str,
        now_ms: u64,
    ) -> MergeInto {
        let local = match open {
            // The open one keeps the time it was loaded at; the stored copy (written by every
            // save of it) has when it last changed, which tells an older file apart.
            Some(a) => {
                let mut a = a.clone();
                if let Ok((_, stored)) = self.read_item(id) {
                    a.updated = a.updated.max(stored.updated);
                }
                a
            }
            None => match self.load(bank, id, now_ms) {
                Ok((a, _)) => a,
                Err(e) => return MergeInto::NotLoaded(e),
            },
        };
        let mut merged = match merge::merge(bank, &local, bytes) {
            Ok(m) => m,
            Err(e) => return MergeInto::Refused(e),
        };
        merged.assessment.updated = now_iso.to_string();
        match self.save(bank, id, &merged.assessment) {
            Ok(()) => MergeInto::Merged(Box::new(merged)),
            Err(e) => MergeInto::NotSaved(e),
        }
    }

    /// The key of the name typed once in this browser (signs comments and saves).
    pub fn name_key(&self) -> String {
        format!("{}name", self.prefix)
    }

    /// The name typed once in this browser; empty when none was given (or storage is
    /// unavailable). At most `MAX_META_LEN` characters, trimmed, one line: a value damaged or
    /// written by hand (line breaks, control characters) is read as the text it holds.
    pub fn name(&self) -> String {
        let stored = self.store.get(&self.name_key()).ok().flatten().unwrap_or_default();
        let line: String = stored.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        assessment::clamp_chars(line.trim(), assessment::MAX_META_LEN)
    }

    /// Remembers the name for this browser (an empty name forgets it). A failed write leaves
    /// the stored name as it was.
    pub fn set_name(&self, name: &str) -> Result<(), SaveError> {
        let name = assessment::clamp_chars(name.trim(), assessment::MAX_META_LEN);
        if name.is_empty() {
            self.store.remove(&self.name_key());
            return Ok(());
        }
        self.store.set(&self.name_key(), &name)
    }

    /// The stored assessment whose assessment id (`Assessment::id`) is `assessment_id`, for an
    /// import that merges into it: the most recently changed when there are several. One
    /// stored before format 3 (no id) has the id it is stored under.
    pub fn find(&self, bank: &Bank, assessment_id: &str) -> Option<String> {
        if assessment_id.is_empty() {
            return None;
        }
        self.list(bank).into_iter().map(|e| e.id).find(|id| match self.read_item(id) {
            Ok((_, a)) => a.id == assessment_id || (a.id.is_empty() && id == assessment_id),
            Err(_) => false,
        })
    }

    /// An id no stored assessment uses.
    pub fn unused_id(&self, new_id: &mut dyn FnMut() -> String) -> String {
        loop {
            let id = new_id();
            if library::valid_id(&id) && matches!(self.store.get(&self.item_key(&id)), Ok(None)) {
                return id;
            }
        }
    }

    /// Adds an assessment under a new id (import, duplicate, new). Nothing is changed when it
    /// fails.
    pub fn add(&self, bank: &Bank, a: &Assessment, new_id: &mut dyn FnMut() -> String) -> Result<String, SaveError> {
        let id = self.unused_id(new_id);
        self.save(bank, &id, a)?;
        Ok(id)
    }

    /// Opens the widget's storage: reads (or rebuilds) the index, moves the first layout's
    /// assessment into the list, keeps unreadable data aside, and loads the assessment opened
    /// last, or the most recent one, or starts a new one. `Err` when there is no storage.
    pub fn open(
        &self,
        bank: &Bank,
        organisation: &str,
        now_ms: u64,
        now_iso: &str,
        new_id: &mut dyn FnMut() -> String,
    ) -> Result<Opened, SaveError> {
        let mut notes = Vec::new();
        let stored = self.stored_index()?;
        let stored_raw = stored.as_ref().map(|(raw, _)| raw.clone());
        let index = match stored {
            None => Index::new(),
            Some((_, Ok(index))) => index,
            Some((_, Err(_))) => {
                let kept_as = self.keep_aside(&self.index_key(), now_ms);
                notes.push(Note::IndexRebuilt { kept_as });
                Index::new()
            }
        };
        let mut current_unreadable = false;

        // The first layout's single assessment joins the list (and becomes the open one, if
        // none is). It is removed from its old key only once it is written under the new one.
        let legacy = self.legacy_key();
        if let Ok(Some(raw)) = self.store.get(&legacy) {
            match assessment::read(raw.as_bytes()) {
                Ok(_) => {
                    let id = self.unused_id(new_id);
                    if matches!(self.store.copy(&legacy, &self.item_key(&id)), Ok(true)) {
                        self.store.remove(&legacy);
                    }
                }
                Err(error) => {
                    let kept_as = self.keep_aside(&legacy, now_ms);
                    notes.push(Note::KeptAside { key: legacy.clone(), kept_as, error });
                    current_unreadable |= index.current.is_empty();
                }
            }
        }

        // Unreadable assessments are kept aside, and so leave the list.
        for id in self.item_ids() {
            if let Err(LoadError::Corrupt { error, .. }) = self.read_item(&id) {
                let key = self.item_key(&id);
                let kept_as = self.keep_aside(&key, now_ms);
                current_unreadable |= index.current == id;
                notes.push(Note::KeptAside { key, kept_as, error });
            }
        }
        let mut index = self.reconciled(bank, index);

        let mut chosen = None;
        if !current_unreadable {
            let candidate = if index.current.is_empty() {
                index.by_recent().first().map(|e| e.id.clone())
            } else {
                Some(index.current.clone())
            };
            if let Some(id) = candidate {
                if let Ok((_, a)) = self.read_item(&id) {
                    chosen = Some((id, a));
                }
            }
        }
        let mut unsaved = None;
        let (id, assessment, migration) = match chosen {
            Some((id, a)) => {
                let (mut a, m) = transfer::migrate(bank, a);
                a.adopt_id(&id);
                (id, a, m)
            }
            None => {
                let mut fresh = Assessment::new(&bank.version, organisation);
                fresh.updated = now_iso.to_string();
                let id = self.unused_id(new_id);
                fresh.adopt_id(&id);
                match self.store.set(&self.item_key(&id), &assessment::write(&fresh)) {
                    Ok(()) => index.upsert(library::entry(bank, &id, &fresh)),
                    Err(e) => unsaved = Some(e),
                }
                (id, fresh, Migration::default())
            }
        };
        if unsaved.is_none() {
            index.current = id.clone();
        }
        let json = index.to_json();
        if stored_raw.as_deref() != Some(json.as_str()) {
            // If this fails (quota), the assessment keys are still there and the next `list`
            // or save rebuilds the entries from them.
            let _ = self.store.set(&self.index_key(), &json);
        }
        Ok(Opened { id, assessment, migration, current_unreadable, unsaved, notes })
    }
}

//! The storage logic of src/storage.rs on an in-memory store with localStorage's semantics
//! (atomic writes, an optional quota): several assessments, the index, unreadable data kept
//! aside, the first layout's key moved into the list, quota errors that change nothing.

use biodpia::domain::answers::Answer;
use biodpia::domain::model::{Bank, Kind};
use biodpia::persist::assessment::{self, Assessment};
use biodpia::persist::codec::{Problem, ReadError};
use biodpia::persist::library;
use biodpia::persist::merge::{self, MergeError};
use biodpia::persist::transfer::{self, ImportError};
use biodpia::storage::{
    Duplicate, Import, Incoming, Library, LoadError, MemStore, MergeInto, Note, Rename, Restore, RestoreRefused,
    SaveError, Store,
};

fn bank() -> &'static Bank {
    biodpia::bank::bank()
}

fn ids() -> impl FnMut() -> String {
    let mut n = 0u64;
    move || {
        n += 1;
        library::make_id(1_700_000_000_000 + n, n * 7919)
    }
}

fn answered(title: &str) -> Assessment {
    let mut a = Assessment::new(&bank().version, "Org");
    a.title = title.into();
    a.updated = format!("2026-11-26T10:00:00.000Z{title}");
    let q = bank().questions().find(|q| q.kind == Kind::Single).unwrap();
    a.answers.insert(q.id.clone(), Answer::Choice(q.options[0].id.clone()));
    a
}

#[test]
fn first_open_starts_one_assessment_and_remembers_it() {
    let store = MemStore::default();
    let lib = Library::new(&store, "ns");
    let mut next = ids();
    let o = lib.open(bank(), "Gemeente X", 1, "2026-11-26T10:00:00.000Z", &mut next).unwrap();
    assert!(o.notes.is_empty() && !o.current_unreadable && o.unsaved.is_none());
    assert_eq!(o.assessment.organisation, "Gemeente X");
    assert!(store.snapshot().contains_key(&format!("biodpia/ns/v1/a/{}", o.id)));
    assert_eq!(lib.current(bank()), Some(o.id.clone()));
    assert_eq!(lib.list(bank()).len(), 1);
    // Opening again finds the same one and writes nothing.
    let before = store.snapshot();
    let again = lib.open(bank(), "Gemeente X", 2, "later", &mut next).unwrap();
    assert_eq!(again.id, o.id);
    assert_eq!(store.snapshot(), before);
}

#[test]
fn several_assessments_keep_their_own_keys_and_entries() {
    let store = MemStore::default();
    let lib = Library::new(&store, "ns");
    let mut next = ids();
    let first = lib.open(bank(), "", 1, "2026-11-25T09:00:00.000Z", &mut next).unwrap().id;
    let b = lib.add(bank(), &answered("B"), &mut next).unwrap();
    let c = lib.add(bank(), &answered("C"), &mut next).unwrap();
    let list = lib.list(bank());
    assert_eq!(list.len(), 3);
    assert_eq!(list.iter().map(|e| e.title.as_str()).collect::<Vec<_>>(), ["C", "B", ""], "most recent first");
    let (loaded, _) = lib.load(bank(), &b, 0).unwrap();
    // An assessment stored without id takes the one it is stored under.
    let mut expected = answered("B");
    expected.id = b.clone();
    assert_eq!(loaded, expected);
    lib.set_current(bank(), &c);
    assert_eq!(lib.current(bank()), Some(c.clone()));
    assert_eq!(lib.open(bank(), "", 2, "t", &mut next).unwrap().id, c, "reopens the one opened last");
    // Another namespace sees none of them.
    assert!(Library::new(&store, "other").list(bank()).is_empty());
    assert!(!first.is_empty());
}

#[test]
fn an_unreadable_assessment_is_kept_aside_untouched_and_a_new_one_started() {
    let store = MemStore::default();
    let lib = Library::new(&store, "ns");
    let mut next = ids();
    let id = lib.open(bank(), "", 1, "t", &mut next).unwrap().id;
    let other = lib.add(bank(), &answered("Other"), &mut next).unwrap();
    lib.set_current(bank(), &id);
    let corrupt = "{\"format\":2,\"answers\":{\"q\":";
    store.set(&lib.item_key(&id), corrupt).unwrap();

    let o = lib.open(bank(), "", 1234, "t", &mut next).unwrap();
    assert!(o.current_unreadable);
    assert_ne!(o.id, id);
    let kept = format!("biodpia/ns/v1/a/{id}/unreadable-1234");
    assert_eq!(store.snapshot().get(&kept).map(String::as_str), Some(corrupt), "kept byte for byte");
    assert!(!store.snapshot().contains_key(&lib.item_key(&id)), "removed from its key, so nothing overwrites it");
    assert!(matches!(&o.notes[..], [Note::KeptAside { kept_as, .. }] if *kept_as == kept));
    // The other assessment is untouched and listed; the kept-aside data is not.
    let ids: Vec<String> = lib.list(bank()).into_iter().map(|e| e.id).collect();
    assert!(ids.contains(&other) && ids.contains(&o.id) && !ids.contains(&id));
}

#[test]
fn loading_an_unreadable_assessment_keeps_it_aside() {
    let store = MemStore::default();
    let lib = Library::new(&store, "ns");
    let mut next = ids();
    let id = lib.add(bank(), &answered("A"), &mut next).unwrap();
    store.set(&lib.item_key(&id), "not json").unwrap();
    match lib.load(bank(), &id, 99) {
        Err(LoadError::Corrupt { kept_as, .. }) => {
            assert_eq!(store.get(&kept_as).unwrap().as_deref(), Some("not json"))
        }
        other => panic!("{other:?}"),
    }
    assert!(lib.list(bank()).is_empty());
    assert_eq!(lib.load(bank(), &id, 99), Err(LoadError::Missing));
}

#[test]
fn an_unreadable_index_is_kept_aside_and_rebuilt() {
    let store = MemStore::default();
    let lib = Library::new(&store, "ns");
    let mut next = ids();
    let a = lib.add(bank(), &answered("A"), &mut next).unwrap();
    let b = lib.add(bank(), &answered("B"), &mut next).unwrap();
    store.set(&lib.index_key(), "]]garbage").unwrap();
    let o = lib.open(bank(), "", 5, "t", &mut next).unwrap();
    assert!(
        matches!(&o.notes[..], [Note::IndexRebuilt { kept_as }] if store.get(kept_as).unwrap().as_deref() == Some("]]garbage"))
    );
    let mut listed: Vec<String> = lib.list(bank()).into_iter().map(|e| e.id).collect();
    listed.sort();
    let mut expected = vec![a, b];
    expected.sort();
    assert_eq!(listed, expected, "nothing lost, no new assessment needed");
    assert!(library::parse_index(store.get(&lib.index_key()).unwrap().unwrap().as_bytes()).is_ok());
}

#[test]
fn the_index_is_reconciled_with_the_assessment_keys() {
    let store = MemStore::default();
    let lib = Library::new(&store, "ns");
    let mut next = ids();
    let a = lib.add(bank(), &answered("A"), &mut next).unwrap();
    // An assessment written without an index entry (e.g. the index write failed) is listed.
    let orphan = library::make_id(5, 5);
    store.set(&lib.item_key(&orphan), &assessment::write(&answered("Orphan"))).unwrap();
    // An entry whose assessment is gone is not.
    store.remove(&lib.item_key(&a));
    let list = lib.list(bank());
    assert_eq!(list.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), [orphan.as_str()]);
    assert_eq!(list[0].title, "Orphan");
}

#[test]
fn the_first_layouts_assessment_joins_the_list() {
    let store = MemStore::default();
    let lib = Library::new(&store, "ns");
    let old = answered("Before the list existed");
    store.set("biodpia/ns/v1/current", &assessment::write(&old)).unwrap();
    let o = lib.open(bank(), "", 1, "t", &mut ids()).unwrap();
    let mut expected = old.clone();
    expected.id = o.id.clone();
    assert_eq!(o.assessment, expected);
    assert!(o.notes.is_empty());
    assert!(store.get("biodpia/ns/v1/current").unwrap().is_none());
    assert_eq!(lib.list(bank()).len(), 1);

    // Unreadable: kept aside, a new assessment started.
    let store = MemStore::default();
    let lib = Library::new(&store, "ns");
    store.set("biodpia/ns/v1/current", "{{{").unwrap();
    let o = lib.open(bank(), "", 7, "t", &mut ids()).unwrap();
    assert!(o.current_unreadable);
    assert_eq!(store.get("biodpia/ns/v1/current/unreadable-7").unwrap().as_deref(), Some("{{{"));
}

#[test]
fn a_full_store_changes_nothing() {
    let store = MemStore::default();
    let lib = Library::new(&store, "ns");
    let mut next = ids();
    let id = lib.add(bank(), &answered("A"), &mut next).unwrap();
    let used: usize = store.snapshot().iter().map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count()).sum();
    let full = MemStore::with_quota(used + 300);
    *full.map.borrow_mut() = store.snapshot();
    let lib = Library::new(&full, "ns");
    let before = full.snapshot();

    // A change too large for the quota: refused, the stored copy as it was.
    let mut big = answered("A");
    big.answers
        .insert(bank().questions().find(|q| q.kind == Kind::Text).unwrap().id.clone(), Answer::Text("x".repeat(4000)));
    assert_eq!(lib.save(bank(), &id, &big), Err(SaveError::QuotaExceeded));
    assert_eq!(full.snapshot(), before);

    // A new assessment that fits, but whose index entry does not: taken back out.
    let small = Assessment::new(&bank().version, "");
    let item_units = assessment::write(&small).encode_utf16().count() + 40;
    let tight = MemStore::with_quota(used + item_units);
    *tight.map.borrow_mut() = store.snapshot();
    let lib = Library::new(&tight, "ns");
    assert_eq!(lib.add(bank(), &small, &mut next), Err(SaveError::QuotaExceeded));
    assert_eq!(tight.snapshot(), store.snapshot(), "nothing half-added");

    // Opening a full store with nothing to open: the new assessment lives in memory only.
    let empty_full = MemStore::with_quota(10);
    let o = Library::new(&empty_full, "ns").open(bank(), "", 1, "t", &mut next).unwrap();
    assert_eq!(o.unsaved, Some(SaveError::QuotaExceeded));
    assert!(empty_full.snapshot().is_empty());
}

#[test]
fn delete_and_undo() {
    let store = MemStore::default();
    let lib = Library::new(&store, "ns");
    let mut next = ids();
    let a = lib.add(bank(), &answered("A"), &mut next).unwrap();
    let b = lib.add(bank(), &answered("B"), &mut next).unwrap();
    lib.set_current(bank(), &a);
    let before = store.snapshot();
    let d = lib.delete(bank(), &a).unwrap();
    assert!(d.was_current);
    assert_eq!(lib.list(bank()).len(), 1);
    assert_eq!(lib.restore(bank(), &d), Restore::Restored);
    assert_eq!(lib.list(bank()).len(), 2);
    assert_eq!(lib.raw(&a), before.get(&lib.item_key(&a)).cloned(), "restored byte for byte");
    assert_eq!(lib.delete(bank(), "no-such-id"), Err(LoadError::Missing));
    // An undo never overwrites: if the id was taken since, it is refused.
    let d = lib.delete(bank(), &b).unwrap();
    store.set(&lib.item_key(&b), "taken").unwrap();
    assert_eq!(lib.restore(bank(), &d), Restore::Refused(RestoreRefused::SavedAgain));
    assert_eq!(store.get(&lib.item_key(&b)).unwrap().as_deref(), Some("taken"));
}

/// Issue 14: tab B deletes, tab A (which has it open) saves it again, B clicks Undo. Storage
/// refuses, and says why, so B can say so; A's version is kept and listed.
#[test]
fn undo_after_another_tab_saved_it_again_is_refused_and_says_so() {
    let store = MemStore::default();
    let tab_a = Library::new(&store, "ns");
    let tab_b = Library::new(&store, "ns");
    let mut next = ids();
    let id = tab_a.add(bank(), &answered("Shared"), &mut next).unwrap();
    let deleted = tab_b.delete(bank(), &id).unwrap();
    let mut again = answered("Shared, saved again in tab A");
    again.id = id.clone();
    tab_a.save(bank(), &id, &again).unwrap();
    let before = store.snapshot();
    assert_eq!(tab_b.restore(bank(), &deleted), Restore::Refused(RestoreRefused::SavedAgain));
    assert_eq!(store.snapshot(), before, "nothing overwritten");
    assert_eq!(tab_b.list(bank())[0].title, "Shared, saved again in tab A");
    // A full store: the undo is not done, and says why.
    let d = tab_b.delete(bank(), &id).unwrap();
    let full = MemStore::with_quota(10);
    assert_eq!(Library::new(&full, "ns").restore(bank(), &d), Restore::NotSaved(SaveError::QuotaExceeded));
}

/// Copies `store` into a store with `quota` units of room left.
fn nearly_full(store: &MemStore, room: usize) -> MemStore {
    let used: usize = store.snapshot().iter().map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count()).sum();
    let full = MemStore::with_quota(used + room);
    *full.map.borrow_mut() = store.snapshot();
    full
}

/// Issue 14: renaming while storage is full must not say "Renamed": `rename` says what it did.
#[test]
fn rename_saves_the_new_title_or_says_why_not() {
    let store = MemStore::default();
    let lib = Library::new(&store, "ns");
    let mut next = ids();
    let id = lib.add(bank(), &answered("Old"), &mut next).unwrap();
    match lib.rename(bank(), &id, None, "  New title  ", "2026-12-02T10:00:00.000Z", 0) {
        Rename::Renamed(a) => {
            assert_eq!((a.title.as_str(), a.updated.as_str()), ("New title", "2026-12-02T10:00:00.000Z"))
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(lib.load(bank(), &id, 0).unwrap().0.title, "New title");
    assert_eq!(lib.list(bank())[0].title, "New title");
    // The open one is renamed as it is in memory (with a change not saved yet).
    let mut open = lib.load(bank(), &id, 0).unwrap().0;
    open.organisation = "Changed in memory".into();
    let Rename::Renamed(saved) = lib.rename(bank(), &id, Some(&open), "Open", "t2", 0) else { panic!() };
    assert_eq!(lib.load(bank(), &id, 0).unwrap().0, saved);
    assert_eq!(saved.organisation, "Changed in memory");
    // Capped at the form's limit.
    let Rename::Renamed(long) = lib.rename(bank(), &id, None, &"ש".repeat(5_000), "t3", 0) else { panic!() };
    assert_eq!(long.title.chars().count(), assessment::MAX_META_LEN);

    // Storage full: not renamed, nothing changed.
    let full = nearly_full(&store, 0);
    let lib = Library::new(&full, "ns");
    let before = full.snapshot();
    let longer = "🙂".repeat(assessment::MAX_META_LEN); // two UTF-16 units each
    assert_eq!(lib.rename(bank(), &id, None, &longer, "t4", 0), Rename::NotSaved(SaveError::QuotaExceeded));
    assert_eq!(lib.rename(bank(), &id, Some(&open), &longer, "t4", 0), Rename::NotSaved(SaveError::QuotaExceeded));
    assert_eq!(full.snapshot(), before);
    assert_eq!(lib.rename(bank(), "gone", None, "x", "t", 0), Rename::NotLoaded(LoadError::Missing));
}

#[test]
fn duplicate_adds_a_copy_of_its_own_or_says_why_not() {
    let store = MemStore::default();
    let lib = Library::new(&store, "ns");
    let mut next = ids();
    let mut original = answered("Original");
    original.id = "shared-id".into();
    let id = lib.add(bank(), &original, &mut next).unwrap();
    let Duplicate::Duplicated { id: copy, title } =
        lib.duplicate(bank(), &id, None, |t| format!("Copy of {t}"), "t1", 0, &mut next)
    else {
        panic!()
    };
    assert_eq!(title, "Copy of Original");
    let (a, _) = lib.load(bank(), &copy, 0).unwrap();
    assert_eq!(a.answers, original.answers);
    assert_ne!(a.id, "shared-id", "its own assessment id");
    assert_eq!(lib.list(bank()).len(), 2);
    // The open one is copied as it is in memory; the title is capped.
    let mut open = original.clone();
    open.organisation = "In memory".into();
    let Duplicate::Duplicated { id: copy2, title } =
        lib.duplicate(bank(), &id, Some(&open), |_| "x".repeat(1_000), "t2", 0, &mut next)
    else {
        panic!()
    };
    assert_eq!(title.chars().count(), assessment::MAX_META_LEN);
    assert_eq!(lib.load(bank(), &copy2, 0).unwrap().0.organisation, "In memory");
    // Full, or gone: nothing added.
    let full = nearly_full(&store, 100);
    let lib = Library::new(&full, "ns");
    let before = full.snapshot();
    assert_eq!(
        lib.duplicate(bank(), &id, None, |t: &str| t.to_string(), "t", 0, &mut next),
        Duplicate::NotSaved(SaveError::QuotaExceeded)
    );
    assert_eq!(full.snapshot(), before);
    assert_eq!(
        lib.duplicate(bank(), "gone", None, |t: &str| t.to_string(), "t", 0, &mut next),
        Duplicate::NotLoaded(LoadError::Missing)
    );
}

/// Issue 14: an imported 1 MB title is shortened and named, the list entry stays bounded, and
/// opening again and again neither reports the list unreadable nor grows storage.
#[test]
fn importing_a_huge_title_keeps_the_list_bounded_and_storage_stable() {
    let store = MemStore::default();
    let lib = Library::new(&store, "ns");
    let mut next = ids();
    lib.open(bank(), "", 1, "t", &mut next).unwrap();
    let file =
        format!(r#"{{"format": 3, "bank_version": "{}", "title": "{}"}}"#, bank().version, "T".repeat(1_000_000));
    let Import::Imported { id, title, migration, .. } =
        lib.import(bank(), file.as_bytes(), "2026-12-02T10:00:00.000Z", &mut next)
    else {
        panic!()
    };
    assert_eq!(title.chars().count(), assessment::MAX_META_LEN);
    assert_eq!(migration.shortened.len(), 1);
    assert_eq!((migration.shortened[0].field.as_str(), migration.shortened[0].len), ("title", 1_000_000));
    let index = store.get(&lib.index_key()).unwrap().unwrap();
    assert!(index.len() < 2 * library::MAX_ENTRY_BYTES, "{} bytes", index.len());
    let size = |s: &MemStore| s.snapshot().iter().map(|(k, v)| k.len() + v.len()).sum::<usize>();
    let after_import = size(&store);
    assert!(after_import < 20_000, "{after_import}");
    for n in 2..8 {
        let o = lib.open(bank(), "", n, "t", &mut next).unwrap();
        assert!(o.notes.is_empty(), "{:?}", o.notes);
        assert_eq!(size(&store), after_import, "open {n} changed storage");
    }
    assert!(lib.list(bank()).iter().any(|e| e.id == id));
}

/// Issue 14: a key given twice in an import names that key ("title", not "format"), and
/// nothing is added.
#[test]
fn an_import_with_a_duplicate_key_is_refused_naming_it() {
    let store = MemStore::default();
    let lib = Library::new(&store, "ns");
    let mut next = ids();
    lib.open(bank(), "", 1, "t", &mut next).unwrap();
    let before = store.snapshot();
    match lib.import(bank(), br#"{"format": 3, "title": "a", "title": "b"}"#, "t", &mut next) {
        Import::Refused(ImportError::Read(ReadError::Invalid { field, problem: Problem::Duplicate, .. })) => {
            assert_eq!(field, "title")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(store.snapshot(), before);
    // A full store: refused as a whole.
    let full = nearly_full(&store, 50);
    let file = format!(r#"{{"format": 3, "bank_version": "{}", "title": "fits the file"}}"#, bank().version);
    assert_eq!(
        Library::new(&full, "ns").import(bank(), file.as_bytes(), "t", &mut next),
        Import::NotSaved(SaveError::QuotaExceeded)
    );
    assert_eq!(full.snapshot(), before);
}

/// A store that holds UTF-16 as localStorage does, and hands out Rust strings as
/// wasm-bindgen does (a lone surrogate becomes U+FFFD); `copy` copies the units.
#[derive(Default)]
struct Utf16Store(std::cell::RefCell<std::collections::BTreeMap<String, Vec<u16>>>);

impl Store for Utf16Store {
    fn get(&self, key: &str) -> Result<Option<String>, SaveError> {
        Ok(self.0.borrow().get(key).map(|v| String::from_utf16_lossy(v)))
    }
    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        self.0.borrow_mut().insert(key.into(), value.encode_utf16().collect());
        Ok(())
    }
    fn remove(&self, key: &str) {
        self.0.borrow_mut().remove(key);
    }
    fn keys(&self) -> Vec<String> {
        self.0.borrow().keys().cloned().collect()
    }
    fn copy(&self, from: &str, to: &str) -> Result<bool, SaveError> {
        let value = self.0.borrow().get(from).cloned();
        Ok(value.map(|v| self.0.borrow_mut().insert(to.into(), v)).is_some())
    }
}

/// Issue 14: unreadable data with a lone surrogate is kept aside unit for unit (it never
/// passes through a Rust string), whether it is an assessment, the index or the first layout.
#[test]
fn unreadable_data_with_a_lone_surrogate_is_kept_aside_exactly() {
    let store = Utf16Store::default();
    let lib = Library::new(&store, "ns");
    let mut next = ids();
    let id = lib.open(bank(), "", 1, "t", &mut next).unwrap().id;
    let mut hostile: Vec<u16> = r#"{"format":3,"title":"x"#.encode_utf16().collect();
    hostile.push(0xD800);
    let item = lib.item_key(&id);
    for key in [item.as_str(), "biodpia/ns/v1/index", "biodpia/ns/v1/current"] {
        store.0.borrow_mut().insert(key.into(), hostile.clone());
    }
    let o = lib.open(bank(), "", 42, "t", &mut next).unwrap();
    for key in [item.as_str(), "biodpia/ns/v1/index", "biodpia/ns/v1/current"] {
        let kept = format!("{key}/unreadable-42");
        assert_eq!(store.0.borrow().get(&kept), Some(&hostile), "{kept}");
    }
    assert_eq!(o.notes.len(), 3, "{:?}", o.notes);
    // Loading one kept aside later, too.
    let id2 = lib.add(bank(), &answered("B"), &mut next).unwrap();
    store.0.borrow_mut().insert(lib.item_key(&id2), hostile.clone());
    assert!(matches!(lib.load(bank(), &id2, 43), Err(LoadError::Corrupt { .. })));
    assert_eq!(store.0.borrow().get(&format!("{}/unreadable-43", lib.item_key(&id2))), Some(&hostile));
}

#[test]
fn saved_answers_from_an_older_bank_are_migrated_on_load() {
    let store = MemStore::default();
    let lib = Library::new(&store, "ns");
    let mut old = answered("Old");
    old.bank_version = "2001.1.0".into();
    old.answers.insert("q_dropped".into(), Answer::Text("kept".into()));
    let id = lib.add(bank(), &old, &mut ids()).unwrap();
    let (a, m) = lib.load(bank(), &id, 0).unwrap();
    assert_eq!(a.bank_version, bank().version);
    assert_eq!(m.retired.len(), 1);
    assert_eq!(a.retired[0].answer, Answer::Text("kept".into()));
}

#[test]
fn ids_are_valid_and_distinct() {
    let mut seen = std::collections::BTreeSet::new();
    for n in 0..1000u64 {
        let id = library::make_id(1_764_000_000_000 + n / 10, n.wrapping_mul(2_654_435_761));
        assert!(library::valid_id(&id), "{id}");
        assert!(seen.insert(id));
    }
    for bad in ["", "A", "a/b", "../x", &"a".repeat(41)] {
        assert!(!library::valid_id(bad), "{bad}");
    }
}

#[test]
fn the_name_is_kept_once_per_browser_and_a_failed_write_keeps_the_old_one() {
    let store = MemStore::with_quota(2_000);
    let lib = Library::new(&store, "ns");
    assert_eq!(lib.name(), "");
    lib.set_name("  Dirk de Vries (FG)  ").unwrap();
    assert_eq!(lib.name(), "Dirk de Vries (FG)");
    assert_eq!(Library::new(&store, "other").name(), "", "per namespace");
    assert_eq!(lib.set_name(&"x".repeat(5_000)).map(|_| lib.name().len()), Ok(200), "capped");
    lib.set_name("Dirk").unwrap();
    store.set("filler", &"f".repeat(1_950)).unwrap();
    assert_eq!(lib.set_name("Een veel langere naam die niet meer past"), Err(SaveError::QuotaExceeded));
    assert_eq!(lib.name(), "Dirk");
    lib.set_name("").unwrap();
    assert_eq!(lib.name(), "");
}

#[test]
fn an_assessment_is_found_by_its_assessment_id() {
    let store = MemStore::default();
    let lib = Library::new(&store, "ns");
    let mut next = ids();
    let mut a = answered("Met id");
    a.id = "m1-shared".into();
    let with_id = lib.add(bank(), &a, &mut next).unwrap();
    // Stored before format 3: no id, so it is known by the id it is stored under.
    let without = lib.add(bank(), &answered("Oud"), &mut next).unwrap();
    assert_eq!(lib.find(bank(), "m1-shared"), Some(with_id));
    assert_eq!(lib.find(bank(), &without), Some(without.clone()));
    assert_eq!(lib.find(bank(), "unknown"), None);
    assert_eq!(lib.find(bank(), ""), None);
}

/// The list as the assessments page shows it: the open assessment as it is in memory, in its
/// stored place with its stored last-change stamp, or first when it is not stored.
#[test]
fn the_list_shows_the_open_assessment_as_it_is_now() {
    let store = MemStore::default();
    let lib = Library::new(&store, "ns");
    let mut next = ids();
    let a = lib.add(bank(), &answered("A"), &mut next).unwrap();
    let b = lib.add(bank(), &answered("B"), &mut next).unwrap();
    let stored = lib.list(bank());
    let mut open = lib.load(bank(), &a, 0).unwrap().0;
    open.title = "A, renamed in memory".into();
    let shown = library::with_open(&stored, library::entry(bank(), &a, &open));
    assert_eq!(shown.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), [b.as_str(), a.as_str()], "order kept");
    assert_eq!(shown[1].title, "A, renamed in memory");
    assert_eq!(shown[1].updated, stored[1].updated, "the stored stamp");
    let fresh = Assessment::new(&bank().version, "");
    let shown = library::with_open(&stored, library::entry(bank(), "not-stored", &fresh));
    assert_eq!((shown.len(), shown[0].id.as_str(), shown[0].updated.as_str()), (3, "not-stored", ""));
}

/// Issue 16: a file of an assessment this browser has is recognised (the merge is offered), a
/// merge is saved, and a merge that is refused or cannot be saved changes nothing.
#[test]
fn a_reviewed_file_of_a_stored_assessment_is_recognised_and_merged() {
    let q = bank().questions().find(|q| q.kind == Kind::Single && q.options.len() >= 2).unwrap();
    let choice = |i: usize| Answer::Choice(q.options[i].id.clone());
    // The author's browser.
    let store = MemStore::default();
    let lib = Library::new(&store, "ns");
    let mut next = ids();
    let id = lib.open(bank(), "", 1, "2026-12-01T09:00:00.000Z", &mut next).unwrap().id;
    let (mut a, _) = lib.load(bank(), &id, 1).unwrap();
    a.title = "Toegang".into();
    a.answers.insert(q.id.clone(), choice(0));
    a.updated = "2026-12-01T10:00:00.000Z".into();
    lib.save(bank(), &id, &a).unwrap();
    let file = transfer::export(&a);

    // The DPO's browser: a new assessment there; changed and exported.
    let dpo_store = MemStore::default();
    let dpo = Library::new(&dpo_store, "ns");
    dpo.open(bank(), "", 1, "2026-12-02T09:00:00.000Z", &mut next).unwrap();
    assert_eq!(dpo.incoming(bank(), file.as_bytes()), Ok(Incoming::New));
    let Import::Imported { id: did, .. } = dpo.import(bank(), file.as_bytes(), "2026-12-02T09:00:00.000Z", &mut next)
    else {
        panic!()
    };
    let (mut d, _) = dpo.load(bank(), &did, 2).unwrap();
    d.answers.insert(q.id.clone(), choice(1));
    d.updated = "2026-12-02T10:00:00.000Z".into();
    d.updated_by = "Dirk (FG)".into();
    let reviewed = transfer::export(&d);

    // Back with the author: the file is recognised as the stored assessment.
    assert_eq!(
        lib.incoming(bank(), reviewed.as_bytes()),
        Ok(Incoming::Known { id: id.clone(), title: "Toegang".into(), own: None })
    );
    assert_eq!(lib.incoming(bank(), b"{}"), Err(ImportError::Read(ReadError::NotAnAssessment)));
    let before = store.snapshot();
    // Storage full: not saved, nothing changed.
    let full = nearly_full(&store, 50);
    let full_lib = Library::new(&full, "ns");
    assert_eq!(
        full_lib.merge(bank(), &id, None, reviewed.as_bytes(), "2026-12-03T10:00:00.000Z", 3),
        MergeInto::NotSaved(SaveError::QuotaExceeded)
    );
    assert_eq!(full.snapshot(), before);
    assert_eq!(lib.merge(bank(), "gone", None, reviewed.as_bytes(), "t", 3), MergeInto::NotLoaded(LoadError::Missing));
    let MergeInto::Merged(m) = lib.merge(bank(), &id, None, reviewed.as_bytes(), "2026-12-03T10:00:00.000Z", 3) else {
        panic!()
    };
    assert_eq!((m.proposals, m.comments), (1, 0));
    let (saved, _) = lib.load(bank(), &id, 3).unwrap();
    assert_eq!(saved, m.assessment, "saved as merged");
    assert_eq!(saved.updated, "2026-12-03T10:00:00.000Z");
    assert_eq!(saved.answers.get(&q.id), Some(&choice(0)), "the answer is not overwritten: it is proposed");
    assert_eq!(merge::pending_count(&saved), 1);
    assert_eq!(lib.list(bank()).len(), 1, "nothing added to the list");

    // The same file again: nothing new, nothing changed.
    let before = store.snapshot();
    assert_eq!(
        lib.merge(bank(), &id, None, reviewed.as_bytes(), "2026-12-04T10:00:00.000Z", 4),
        MergeInto::Refused(MergeError::NothingNew { older: true })
    );
    assert_eq!(store.snapshot(), before);
    // The open assessment as it is in memory is what the file is merged into.
    let mut open = saved.clone();
    open.review.proposals.clear();
    open.review.base.clear();
    let MergeInto::Merged(m) = lib.merge(bank(), &id, Some(&open), reviewed.as_bytes(), "2026-12-05T10:00:00.000Z", 5)
    else {
        panic!()
    };
    assert_eq!(m.proposals, 1);
    // The open copy's time is when it was loaded; the stored one's when it last changed: the
    // file, saved before that, is an older copy.
    let mut stale = lib.load(bank(), &id, 6).unwrap().0;
    stale.updated = "2026-11-01T00:00:00.000Z".into();
    assert_eq!(
        lib.merge(bank(), &id, Some(&stale), reviewed.as_bytes(), "2026-12-06T10:00:00.000Z", 6),
        MergeInto::Refused(MergeError::NothingNew { older: true })
    );
}

#[test]
fn the_name_has_its_own_key_which_opening_and_listing_leave_alone() {
    let store = MemStore::default();
    let lib = Library::new(&store, "ns");
    let mut next = ids();
    assert_eq!(lib.name_key(), "biodpia/ns/v1/name");
    assert_eq!(lib.id_of_key(&lib.name_key()), None, "not an assessment key");
    lib.set_name("Dirk (FG)").unwrap();
    let o = lib.open(bank(), "", 1, "2026-11-26T10:00:00.000Z", &mut next).unwrap();
    assert!(o.notes.is_empty(), "the name is not data to keep aside: {:?}", o.notes);
    assert_eq!(lib.list(bank()).len(), 1);
    assert_eq!(lib.name(), "Dirk (FG)");
    // A damaged or hand-written value: read as one line of text, never refused.
    store.set(&lib.name_key(), "\n Dirk\r\nde Vries\u{0}\t").unwrap();
    assert_eq!(lib.name(), "Dirk  de Vries");
    store.set(&lib.name_key(), "{\"not\": \"a name\"}").unwrap();
    assert_eq!(lib.name(), "{\"not\": \"a name\"}");
    store.set(&lib.name_key(), " \n\t ").unwrap();
    assert_eq!(lib.name(), "", "only blanks: no name");
    store.remove(&lib.name_key());
    assert_eq!(lib.name(), "", "absent: no name");
}

/// Two single-choice questions, and their answer `i`.
fn two_questions() -> (String, String, impl Fn(&str, usize) -> Answer) {
    let mut qs = bank().questions().filter(|q| q.kind == Kind::Single && q.options.len() >= 2);
    let (a, b) = (qs.next().unwrap().id.clone(), qs.next().unwrap().id.clone());
    let choice = |q: &str, i: usize| Answer::Choice(bank().question(q).unwrap().options[i].id.clone());
    (a, b, choice)
}

/// The author's first assessment in a new browser, "Toegang", with `q` answered (first option).
fn toegang(lib: &Library<&MemStore>, next: &mut impl FnMut() -> String, q: &str) -> (String, Assessment) {
    let id = lib.open(bank(), "", 1, "2026-12-01T09:00:00.000Z", next).unwrap().id;
    let (mut a, _) = lib.load(bank(), &id, 1).unwrap();
    a.title = "Toegang".into();
    a.answers.insert(q.to_string(), Answer::Choice(bank().question(q).unwrap().options[0].id.clone()));
    (id, a)
}

/// Issue 16 gap: merging one's own older export would propose undoing one's later changes.
/// `Library::incoming` says when a file looks like that (older than the stored copy, it would
/// propose changes, and it carries this copy's base or the name typed in this browser), with
/// how many changes it would propose to undo; a file from the other side is not taken for it.
#[test]
fn ones_own_earlier_export_is_recognised_before_it_is_merged() {
    let (q1, q2, choice) = two_questions();
    let store = MemStore::default();
    let lib = Library::new(&store, "ns");
    let mut next = ids();
    let (id, mut a) = toegang(&lib, &mut next, &q1);
    a.answers.insert(q2.clone(), choice(&q2, 0));
    a.updated = "2026-12-01T10:00:00.000Z".into();
    lib.save(bank(), &id, &a).unwrap();
    // Exported without a name typed: only the base tells.
    let mut exported = a.clone();
    exported.id = id.clone();
    let early = transfer::export(&exported);
    let known = |own| Ok(Incoming::Known { id: id.clone(), title: "Toegang".into(), own });
    assert_eq!(lib.incoming(bank(), early.as_bytes()), known(None), "nothing changed since: nothing to undo");

    // Two later changes here, and an answer added (which the old file does not propose to
    // remove: its sender never had it).
    a.answers.insert(q1.clone(), choice(&q1, 1));
    a.answers.insert(q2.clone(), choice(&q2, 1));
    let q3 = bank().questions().find(|q| q.kind == Kind::Single && q.id != q1 && q.id != q2).unwrap();
    a.answers.insert(q3.id.clone(), Answer::Choice(q3.options[0].id.clone()));
    a.updated = "2026-12-01T11:00:00.000Z".into();
    lib.save(bank(), &id, &a).unwrap();
    let before = store.snapshot();
    assert_eq!(lib.incoming(bank(), early.as_bytes()), known(Some(merge::OwnEarlier { undo: 2 })));
    assert_eq!(store.snapshot(), before, "telling changes nothing");
    // Merging it anyway (the user's choice) proposes exactly those two undoings.
    let local = lib.load(bank(), &id, 2).unwrap().0;
    let m = merge::merge(bank(), &local, early.as_bytes()).unwrap();
    assert_eq!((m.proposals, m.older), (2, true));
    let back = |q: &str| serde_json::to_string(&choice(q, 0)).unwrap();
    for q in [&q1, &q2] {
        let p = m.assessment.review.proposals.iter().find(|p| p.field == format!("answers.{q}")).unwrap();
        assert_eq!(p.value.as_ref().map(|v| v.text().to_string()), Some(back(q)), "back to the old answer");
    }

    // The DPO's file (another browser, another name, the author's export as its base).
    let dpo_store = MemStore::default();
    let dpo = Library::new(&dpo_store, "ns");
    dpo.set_name("Dirk (FG)").unwrap();
    let Import::Imported { id: did, .. } = dpo.import(bank(), early.as_bytes(), "2026-12-02T09:00:00.000Z", &mut next)
    else {
        panic!()
    };
    let (mut d, _) = dpo.load(bank(), &did, 2).unwrap();
    d.title = "Toegang (beoordeeld)".into();
    d.updated = "2026-12-01T10:30:00.000Z".into();
    d.updated_by = "Dirk (FG)".into();
    let reviewed = transfer::export(&d);
    assert_eq!(lib.incoming(bank(), reviewed.as_bytes()), known(None), "the other side's file, though older");
    // The limit of going by the name: had the author typed the DPO's name, the file would look
    // like the author's own (the user is told it "looks like" it, and still chooses).
    lib.set_name("Dirk (FG)").unwrap();
    assert_eq!(lib.incoming(bank(), reviewed.as_bytes()), known(Some(merge::OwnEarlier { undo: 1 })));
    lib.set_name("").unwrap();

    // After a merge of the DPO's file, the base here is the DPO's: an own export from before
    // it is recognised by the name it was saved under, and only by that.
    let MergeInto::Merged(_) = lib.merge(bank(), &id, None, reviewed.as_bytes(), "2026-12-02T12:00:00.000Z", 3) else {
        panic!()
    };
    lib.set_name("P. Jansen").unwrap();
    let mut named = exported.clone();
    named.updated_by = "P. Jansen".into();
    assert_eq!(
        lib.incoming(bank(), transfer::export(&named).as_bytes()),
        known(Some(merge::OwnEarlier { undo: 2 })),
        "its sender is the name typed here"
    );
    assert_eq!(lib.incoming(bank(), early.as_bytes()), known(None), "no name and another base: not recognised");
}

/// Issue 16 gap: "Import as a separate copy" gives the copy an identity of its own, so that a
/// later review of the original merges into the original, never into the copy (however
/// recently the copy changed), and files of the copy into the copy. Its comments and signed
/// versions stay as they were, and every fingerprint still verifies (the id is not in the
/// signed content).
#[test]
fn a_separate_copy_has_its_own_identity_and_keeps_comments_and_signed_versions() {
    use biodpia::persist::assessment::SignOffField as F;
    use biodpia::persist::review::{add_comment, Draft, Target};
    use biodpia::persist::version;
    let (q1, _, choice) = two_questions();
    let store = MemStore::default();
    let lib = Library::new(&store, "ns");
    let mut next = ids();
    let (id, mut a) = toegang(&lib, &mut next, &q1);
    for (f, v) in [(F::Decision, "conditionally_approved"), (F::DecisionDate, "2026-12-03"), (F::DecidedBy, "Directie")]
    {
        a.signoff.set(f, v);
    }
    biodpia::persist::record::derive(bank(), &mut a);
    version::sign(bank(), &mut a, "Directie", "2026-12-03T10:00:00Z").unwrap();
    let draft = Draft { text: "Signed, but the retention period is missing.".into(), ..Draft::default() };
    add_comment(&mut a, "c1", "K. Smit", "2026-12-04T09:00:00Z", Target::Question(q1.clone()), "", draft).unwrap();
    a.updated = "2026-12-04T10:00:00.000Z".into();
    lib.save(bank(), &id, &a).unwrap();
    let file = transfer::export(&lib.load(bank(), &id, 2).unwrap().0);

    let before = store.snapshot();
    let Import::Imported { id: cid, signed, .. } =
        lib.import_copy(bank(), file.as_bytes(), "2026-12-05T09:00:00.000Z", &mut next)
    else {
        panic!()
    };
    assert_eq!(signed, 1);
    let (copy, _) = lib.load(bank(), &cid, 3).unwrap();
    let (original, _) = lib.load(bank(), &id, 3).unwrap();
    assert_eq!(copy.id, cid, "the copy's identity is the id it is stored under");
    assert_ne!(copy.id, original.id);
    assert_eq!(original, lib.load(bank(), &id, 3).unwrap().0);
    let after = store.snapshot();
    for (k, v) in before.iter().filter(|(k, _)| **k != lib.index_key()) {
        assert_eq!(after.get(k), Some(v), "{k}: nothing stored before is changed, only the list grows");
    }
    assert_eq!(copy.review.comments, original.review.comments, "comments kept");
    assert_eq!(copy.versions, original.versions, "signed versions kept as signed");
    assert_eq!(version::check_all(&copy), Ok(()), "every fingerprint verifies");
    assert!(copy.frozen(), "still the signed revision, read-only");
    assert_eq!((copy.title.as_str(), &copy.answers), (original.title.as_str(), &original.answers));

    // The copy changes after the original: a file of the original still goes to the original.
    let mut c = copy.clone();
    c.start_revision();
    c.answers.insert(q1.clone(), choice(&q1, 1));
    c.updated = "2026-12-06T10:00:00.000Z".into();
    lib.save(bank(), &cid, &c).unwrap();
    let Ok(Incoming::Known { id: to, .. }) = lib.incoming(bank(), file.as_bytes()) else { panic!() };
    assert_eq!(to, id, "the original's file merges into the original");
    let Ok(Incoming::Known { id: to, .. }) = lib.incoming(bank(), transfer::export(&c).as_bytes()) else { panic!() };
    assert_eq!(to, cid, "the copy's file into the copy");
    // Signing the copy's revision 2 is the copy's own: the original keeps one version.
    version::sign(bank(), &mut c, "Directie", "2026-12-07T10:00:00Z").unwrap();
    assert_eq!((c.versions.len(), version::check_all(&c)), (2, Ok(())));
    assert_eq!(lib.load(bank(), &id, 4).unwrap().0.versions.len(), 1);
    // A plain import (of a file this browser does not have) keeps the file's identity.
    let other = MemStore::default();
    let lib2 = Library::new(&other, "ns");
    let Import::Imported { id: nid, .. } = lib2.import(bank(), file.as_bytes(), "t", &mut next) else { panic!() };
    assert_eq!(lib2.load(bank(), &nid, 1).unwrap().0.id, id);
}

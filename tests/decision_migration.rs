//! Saved and exported assessments of the current format, made under the previous question
//! bank (2026.11.2, before the four outcomes), import and get the new decision; the
//! assessments index keeps reading the verdict keys it stored before.

use std::path::Path;

use biodpia::domain::engine::{evaluate, Outcome};
use biodpia::persist::library::{self, parse_index};
use biodpia::persist::transfer;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exports").join(name)).unwrap()
}

#[test]
fn the_bank_vault_exported_under_the_old_bank_is_now_approved() {
    // Under bank 2026.11.2 this assessment was sent to the supervisory authority (issue 12:
    // "no alternative offered" raised No free choice to high, "already in use" raised
    // Unlawful processing although the DPIA came first).
    let bank = biodpia::bank::bank();
    let (a, m) = transfer::import(bank, &fixture("bank_vault_2026.11.2.json")).expect("imports");
    assert_eq!(m.from_bank.as_deref(), Some("2026.11.2"));
    assert!(m.retired.is_empty(), "no answer lost: {:?}", m.retired);
    assert_eq!(a.bank_version, bank.version);
    let r = evaluate(bank, &a.answers, &a.plan);
    // The bank has since gained a question with answer options (the competent supervisory
    // authority), so the decision is provisional: conditionally approved, with no measure
    // outstanding. (The new justification text does not make it provisional.)
    assert_eq!(r.decision.outcome, Outcome::ConditionallyApproved, "{:?}", r.decision);
    assert!(r.decision.provisional && r.decision.conditions.is_empty());
    assert_eq!(r.unanswered, vec!["q_competent_authority"]);
    let mut answered = a.clone();
    answered.answers.insert("q_competent_authority".into(), biodpia::domain::answers::Answer::Choice("ap".into()));
    let r = evaluate(bank, &answered.answers, &answered.plan);
    assert_eq!(r.decision.outcome, Outcome::Approved, "{:?}", r.decision);
    // The old answer to "is an alternative offered?" is kept, but the question is no longer
    // asked after "no alternative achieves the purpose", so it counts for nothing.
    assert!(a.answers.contains_key("q_alternative_offered"));
    assert!(!r.visible.iter().any(|q| q == "q_alternative_offered"));
    // And the list entry carries the new decision key.
    let entry = library::entry(bank, "vault", &answered);
    assert_eq!(entry.verdict, "approved");
    assert!(!entry.provisional);
}

#[test]
fn the_archive_door_with_an_unplanned_measure_is_no_longer_green() {
    // Under bank 2026.11.2 planning alone turned this one to "Proceed with the listed
    // safeguards" although a required measure stayed "not planned".
    let bank = biodpia::bank::bank();
    let (a, _) = transfer::import(bank, &fixture("archive_door_2026.11.2.json")).expect("imports");
    let r = evaluate(bank, &a.answers, &a.plan);
    assert_eq!(r.decision.outcome, Outcome::MeasuresNotPlanned);
    let unplanned: Vec<&str> = r.decision.not_planned().map(|c| c.safeguard.as_str()).collect();
    assert!(unplanned.contains(&"s_access_control"), "{unplanned:?}");
    // The planned conditions carry the owner and due date of the action plan.
    let planned = r.decision.conditions.iter().find(|c| c.safeguard == "s_encryption_logging").unwrap();
    assert_eq!((planned.owner.as_str(), planned.due.as_str()), ("Facilitair bedrijf", "2027-03-01"));
}

#[test]
fn an_index_with_the_old_verdict_keys_stays_readable() {
    let old = r#"{"format":1,"current":"a","items":[
        {"id":"a","title":"A","updated":"2026-11-01T10:00:00Z","verdict":"do_not_proceed","provisional":false,"bank_version":"2026.11.2","retired":0},
        {"id":"b","title":"B","updated":"2026-11-02T10:00:00Z","verdict":"prior_consultation","provisional":true,"bank_version":"2026.11.2","retired":0},
        {"id":"c","title":"C","updated":"2026-11-03T10:00:00Z","verdict":"proceed","provisional":false,"bank_version":"2026.11.2","retired":0}]}"#;
    let index = parse_index(old.as_bytes()).expect("an old index reads");
    let outcomes: Vec<Option<Outcome>> = index.items.iter().map(|e| Outcome::from_key(&e.verdict)).collect();
    assert_eq!(
        outcomes,
        vec![Some(Outcome::Rejected), Some(Outcome::Consultation), Some(Outcome::ConditionallyApproved)]
    );
}

#[test]
fn the_assessments_list_recomputes_entries_stored_with_an_old_verdict_key() {
    use biodpia::storage::{Library, MemStore, Store};
    let bank = biodpia::bank::bank();
    let (a, _) = transfer::import(bank, &fixture("bank_vault_2026.11.2.json")).unwrap();
    let lib = Library::new(MemStore::default(), "t");
    // The assessment as saved before (its own bank version), with an index of before the four
    // outcomes that still says "prior consultation".
    let mut old = a.clone();
    old.bank_version = "2026.11.2".into();
    lib.store().set(&lib.item_key("vault"), &biodpia::persist::assessment::write(&old)).unwrap();
    let index = r#"{"format":1,"current":"vault","items":[{"id":"vault","title":"Kluis","updated":"2026-12-01T10:00:00Z","verdict":"prior_consultation","provisional":false,"bank_version":"2026.11.2","retired":0}]}"#;
    lib.store().set(&lib.index_key(), index).unwrap();
    let list = lib.list(bank);
    assert_eq!(list.len(), 1);
    // Recomputed under the current bank: the question it has since gained is open.
    assert_eq!(list[0].verdict, "conditionally_approved");
    assert!(list[0].provisional);
}

//! The import parser and migration (src/domain/transfer.rs, src/domain/assessment.rs):
//! arbitrary bytes and JSON never panic, export -> import is lossless, every kind of bad file
//! gets its own error, and answers the bank no longer asks are kept, never dropped.

mod common;

use common::json_value;
use proptest::prelude::*;
use serde_json::{json, Value};

use biodpia::domain::answers::{Answer, PlanItem, Status};
use biodpia::domain::model::{Bank, Kind, Question};
use biodpia::persist::assessment::{
    self, Assessment, ReadError, Retired, RetiredReason, SignOff, FORMAT_VERSION, MAX_BYTES,
};
use biodpia::persist::codec::Problem;
use biodpia::persist::transfer::{self, ImportError};

fn bank() -> &'static Bank {
    biodpia::bank::bank()
}

fn first_of(kind: Kind) -> &'static Question {
    bank().questions().find(|q| q.kind == kind).expect("the bank has a question of every kind")
}

/// An assessment with every field filled: answers of every kind (several options of a
/// multiple-choice question, a text as long as its question allows), action plan, sign-off,
/// title, organisation, bank version, and one answer kept as no longer asked.
fn full_assessment() -> Assessment {
    let b = bank();
    let mut a = Assessment::new(&b.version, "Gemeente Utrecht — afdeling Veiligheid");
    a.title = "Toegangscontrole stadskantoor «gezicht» 2026".into();
    a.updated = "2026-11-26T10:11:12.345Z".into();
    for q in b.questions() {
        let answer = match q.kind {
            Kind::Single | Kind::YesNo => Answer::Choice(q.options.last().unwrap().id.clone()),
            Kind::Multi => Answer::Multi(q.options.iter().take(3).map(|o| o.id.clone()).collect()),
            Kind::Text => Answer::Text(format!(
                "Beschrijving van {} — “quotes”, \\backslash\\, newline\n, tab\t, emoji 🙂.",
                q.id
            )),
            Kind::Table => common::table_answer(q, q.max_rows(), "Rij “één” 🙂\n"),
        };
        a.answers.insert(q.id.clone(), answer);
    }
    let text_q = first_of(Kind::Text);
    let long: String = "Ĳssel façade 🙂 ".chars().cycle().take(text_q.max_len()).collect();
    a.answers.insert(text_q.id.clone(), Answer::Text(long));
    for (i, s) in b.safeguards.iter().enumerate() {
        let status = [Status::InPlace, Status::Planned, Status::NotPlanned][i % 3];
        a.plan.insert(s.id.clone(), PlanItem { status, owner: format!("Owner {i} (FG)"), due: "2027-01-31".into() });
    }
    a.signoff = SignOff {
        measures_approved_by: "J. de Vries, directeur".into(),
        residual_risk_accepted_by: "College van B&W".into(),
        dpo_advice: "Advies van de FG: niet doorgaan zonder alternatief.".into(),
        dpo_advice_followed: "partly_reasons".into(),
        dpo_advice_reasons: "Alternatief komt in fase 2.".into(),
        review_date: "2027-06-30".into(),
        decision: "conditionally_approved".into(),
        decision_conditions: "Alternatief vóór de start.\nLogboeken maandelijks nagelopen.".into(),
        decision_date: "2027-01-15".into(),
        decided_by: "Mr. A. Bakker".into(),
        decided_by_role: "Gemeentesecretaris".into(),
        dpo_name: "Drs. K. Smit".into(),
        dpo_advice_date: "2027-01-10".into(),
        dpo_advice_decided_by: "College van B&W".into(),
        views_summary: "De OR stemde in onder voorwaarde van een alternatief.".into(),
        consultation_reviewed_by: "P. Jansen, privacyjurist".into(),
        kept_under_review_by: "Team Informatiebeveiliging".into(),
    };
    // The answers the record holds are the record's.
    biodpia::persist::record::derive(biodpia::bank::bank(), &mut a);
    a.retired.push(Retired {
        question: "q_removed_long_ago".into(),
        answer: Answer::Multi(vec!["a".into(), "b".into()]),
        bank_version: "2025.1.0".into(),
        reason: RetiredReason::QuestionRemoved,
    });
    a
}

#[test]
fn export_then_import_is_lossless() {
    let a = full_assessment();
    let file = transfer::export(&a);
    let (back, migration) = transfer::import(bank(), file.as_bytes()).expect("own export imports");
    assert_eq!(back, a, "round trip changed the assessment");
    assert!(migration.is_empty(), "{migration:?}");
    // And again: export of the import is byte-identical.
    assert_eq!(transfer::export(&back), file);
    // The compact storage form round-trips too.
    assert_eq!(assessment::read(assessment::write(&a).as_bytes()).unwrap(), a);
}

#[test]
fn a_file_with_a_byte_order_mark_imports() {
    let a = full_assessment();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(transfer::export(&a).as_bytes());
    assert_eq!(transfer::import(bank(), &bytes).unwrap().0, a);
}

#[test]
fn format_1_files_read_as_the_current_format() {
    let q = first_of(Kind::Single);
    let file = json!({
        "format": 1, "title": "Old", "bank_version": bank().version,
        "answers": { q.id.clone(): { "choice": q.options[0].id } },
        "signoff": { "dpo_advice": "ok" }
    });
    let (a, _) = transfer::import(bank(), file.to_string().as_bytes()).unwrap();
    assert_eq!(a.format, FORMAT_VERSION);
    assert_eq!(a.answers[&q.id], Answer::Choice(q.options[0].id.clone()));
    assert_eq!(a.signoff.dpo_advice, "ok");
    assert!(a.retired.is_empty());
}

fn import_err(bytes: &[u8]) -> ImportError {
    transfer::import(bank(), bytes).expect_err("should be refused")
}

#[test]
fn each_kind_of_bad_file_has_its_own_error() {
    // Too large: refused by size, before parsing (50 MB of junk).
    let junk = vec![b'x'; 50 * 1024 * 1024];
    assert_eq!(import_err(&junk), ImportError::Read(ReadError::TooLarge { bytes: junk.len(), max: MAX_BYTES }));
    // Empty.
    assert_eq!(import_err(b""), ImportError::Read(ReadError::Empty));
    assert_eq!(import_err(b"  \n\t "), ImportError::Read(ReadError::Empty));
    // Not JSON, with where the problem is.
    match import_err(b"title: my DPIA\nanswers: none") {
        ImportError::Read(ReadError::NotJson { line, column, .. }) => {
            assert!(line == 1 && column <= 2, "{line}:{column}")
        }
        other => panic!("expected NotJson, got {other:?}"),
    }
    match import_err(b"{\n  \"format\": 2,\n  \"title\": \"x\"\n") {
        ImportError::Read(ReadError::NotJson { line, .. }) => assert_eq!(line, 4, "truncated file: end of input"),
        other => panic!("expected NotJson, got {other:?}"),
    }
    assert!(matches!(import_err(b"\xFF\xFE\x00{"), ImportError::Read(ReadError::NotJson { .. })));
    // JSON, but not an assessment.
    for other in ["[1,2,3]", "\"text\"", "42", "null", "{}", r#"{"name":"other tool","version":3}"#] {
        assert_eq!(import_err(other.as_bytes()), ImportError::Read(ReadError::NotAnAssessment), "{other}");
    }
    // A newer format.
    let newer = json!({ "format": FORMAT_VERSION + 1, "answers": {} }).to_string();
    assert_eq!(
        import_err(newer.as_bytes()),
        ImportError::Read(ReadError::NewerFormat { found: (FORMAT_VERSION + 1) as u64, supported: FORMAT_VERSION })
    );
    let huge = r#"{"format": 18446744073709551615}"#;
    assert!(matches!(import_err(huge.as_bytes()), ImportError::Read(ReadError::NewerFormat { .. })));
}

/// The field and problem an invalid-field error names.
fn invalid(text: &str) -> (String, Problem) {
    match import_err(text.as_bytes()) {
        ImportError::Read(ReadError::Invalid { field, problem, .. }) => (field, problem),
        other => panic!("expected Invalid for {text}, got {other:?}"),
    }
}

fn wrong_field(v: Value) -> String {
    invalid(&v.to_string()).0
}

#[test]
fn wrong_shapes_name_the_field() {
    let q = &first_of(Kind::Single).id;
    let s = &bank().safeguards[0].id;
    assert_eq!(wrong_field(json!({ "format": "two" })), "format");
    assert_eq!(wrong_field(json!({ "format": 0 })), "format");
    assert_eq!(wrong_field(json!({ "format": 1.5 })), "format");
    assert_eq!(wrong_field(json!({ "format": 2, "title": 5 })), "title");
    assert_eq!(wrong_field(json!({ "format": 2, "answers": [] })), "answers");
    assert_eq!(wrong_field(json!({ "format": 2, "answers": { q: { "pick": "x" } } })), format!("answers.{q}"));
    assert_eq!(wrong_field(json!({ "format": 2, "answers": { q: "yes" } })), format!("answers.{q}"));
    assert_eq!(wrong_field(json!({ "format": 2, "answers": { q: { "multi": "a" } } })), format!("answers.{q}"));
    assert_eq!(wrong_field(json!({ "format": 2, "plan": { s: { "status": "maybe" } } })), format!("plan.{s}.status"));
    assert_eq!(wrong_field(json!({ "format": 2, "plan": { s: 3 } })), format!("plan.{s}"));
    // An answer (an enum) given a number or a list: serde_json calls it a syntax error, but the
    // file is JSON; the field is named (issue 16: a damaged reviewed file said "not JSON").
    assert_eq!(wrong_field(json!({ "format": 2, "answers": { q: 5 } })), format!("answers.{q}"));
    assert_eq!(wrong_field(json!({ "format": 2, "answers": { q: ["yes"] } })), format!("answers.{q}"));
    assert_eq!(wrong_field(json!({ "format": 2, "signoff": { "review_date": 2027 } })), "signoff.review_date");
    assert_eq!(wrong_field(json!({ "format": 2, "signoff": "yes" })), "signoff");
    assert_eq!(wrong_field(json!({ "format": 2, "retired": [{ "question": "q" }] })), "retired[0].answer");
    assert_eq!(
        wrong_field(json!({ "format": 2, "retired": [{ "question": "q", "answer": {"text": "x"}, "reason": "why" }] })),
        "retired[0].reason"
    );
}

#[test]
fn problems_are_told_apart_with_their_position() {
    let q = &first_of(Kind::Single).id;
    assert_eq!(invalid(r#"{"format": 2, "title": 5}"#), ("title".into(), Problem::WrongType));
    assert_eq!(invalid(r#"{"format": 0}"#), ("format".into(), Problem::NotAllowed));
    assert_eq!(
        invalid(r#"{"format": 2, "retired": [{"answer": {"text": "x"}, "reason": "kind_changed"}]}"#),
        ("retired[0].question".into(), Problem::Missing)
    );
    let status = r#"{"format": 2, "plan": {"s": {"status": "maybe"}}}"#.to_string();
    assert_eq!(invalid(&status), ("plan.s.status".into(), Problem::NotAllowed));
    // The position is where the bad value is, 1-based.
    match import_err(b"{\n  \"format\": 2,\n  \"title\": 5\n}") {
        ImportError::Read(ReadError::Invalid { line, column, .. }) => {
            assert!(line == 3 && (11..=12).contains(&column), "{line}:{column}")
        }
        other => panic!("{other:?}"),
    }
    let _ = q;
}

/// A key given twice names that key, wherever it is (issue 14: "format" was named instead of
/// "title"), and nothing is taken from either copy.
#[test]
fn a_duplicate_key_names_the_right_field() {
    let q = &first_of(Kind::Single).id;
    let s = &bank().safeguards[0].id;
    let cases = [
        (r#"{"format": 2, "title": "a", "title": "b"}"#.to_string(), "title".to_string()),
        (r#"{"format": 2, "format": 2}"#.to_string(), "format".to_string()),
        (
            format!(r#"{{"format": 2, "answers": {{"{q}": {{"choice": "yes"}}, "{q}": {{"choice": "no"}}}}}}"#),
            format!("answers.{q}"),
        ),
        (format!(r#"{{"format": 2, "plan": {{"{s}": {{"owner": "a", "owner": "b"}}}}}}"#), format!("plan.{s}.owner")),
        (
            r#"{"format": 2, "signoff": {"review_date": "", "review_date": ""}}"#.to_string(),
            "signoff.review_date".to_string(),
        ),
        (format!(r#"{{"format": 2, "plan": {{"{s}": {{}}, "{s}": {{}}}}}}"#), format!("plan.{s}")),
    ];
    for (text, field) in cases {
        assert_eq!(invalid(&text), (field, Problem::Duplicate), "{text}");
    }
}

/// Every text of an import longer than the form allows is shortened to the form's limit and
/// named; the index entry of such an assessment is bounded too (issue 14: a 1 MB title).
#[test]
fn oversized_fields_of_an_import_are_shortened_and_named() {
    let text_q = first_of(Kind::Text);
    let s = &bank().safeguards[0].id;
    let huge = "ש".repeat(1_000_000);
    let file = json!({
        "format": 2, "bank_version": bank().version, "title": huge,
        "answers": { text_q.id.clone(): { "text": "x".repeat(text_q.max_len() + 10) } },
        "plan": { s: { "owner": "o".repeat(300) } },
        "signoff": { "dpo_advice": "a".repeat(assessment::MAX_ADVICE_LEN + 1) },
    })
    .to_string();
    assert!(file.len() < MAX_BYTES);
    let (a, m) = transfer::import(bank(), file.as_bytes()).unwrap();
    assert_eq!(a.title.chars().count(), assessment::MAX_META_LEN);
    assert!(huge.starts_with(&a.title));
    let named: Vec<(&str, usize, usize)> = m.shortened.iter().map(|s| (s.field.as_str(), s.len, s.max)).collect();
    let text_field = format!("answers.{}", text_q.id);
    let plan_field = format!("plan.{s}.owner");
    assert_eq!(
        named,
        [
            ("title", 1_000_000, assessment::MAX_META_LEN),
            ("signoff.dpo_advice", assessment::MAX_ADVICE_LEN + 1, assessment::MAX_ADVICE_LEN),
            (plan_field.as_str(), 300, assessment::MAX_META_LEN),
            (text_field.as_str(), text_q.max_len() + 10, text_q.max_len()),
        ]
    );
    assert!(m.too_long.is_empty(), "shortened, so not too long any more");
    let Answer::Text(t) = &a.answers[&text_q.id] else { panic!() };
    assert_eq!(t.chars().count(), text_q.max_len());
    // What an import holds exports and imports again unchanged.
    let (again, m2) = transfer::import(bank(), transfer::export(&a).as_bytes()).unwrap();
    assert_eq!(again, a);
    assert!(m2.is_empty());
}

#[test]
fn unknown_question_ids_under_the_current_bank_are_refused() {
    let file = json!({
        "format": 2, "bank_version": bank().version,
        "answers": { "q_not_in_bank": { "choice": "yes" }, "q_nor_this": { "text": "x" } }
    });
    assert_eq!(
        import_err(file.to_string().as_bytes()),
        ImportError::UnknownQuestions {
            bank_version: bank().version.clone(),
            ids: vec!["q_nor_this".into(), "q_not_in_bank".into()],
        }
    );
}

#[test]
fn unknown_question_ids_from_an_older_bank_are_kept_as_no_longer_asked() {
    let q = first_of(Kind::Single);
    let file = json!({
        "format": 1, "bank_version": "2020.1.0",
        "answers": {
            "q_not_in_bank": { "choice": "yes" },
            q.id.clone(): { "choice": q.options[0].id }
        }
    });
    let (a, m) = transfer::import(bank(), file.to_string().as_bytes()).unwrap();
    assert_eq!(a.bank_version, bank().version, "migrated to the current bank");
    assert_eq!(m.from_bank.as_deref(), Some("2020.1.0"));
    assert_eq!(m.retired, vec![("q_not_in_bank".to_string(), RetiredReason::QuestionRemoved)]);
    assert_eq!(
        a.retired,
        vec![Retired {
            question: "q_not_in_bank".into(),
            answer: Answer::Choice("yes".into()),
            bank_version: "2020.1.0".into(),
            reason: RetiredReason::QuestionRemoved,
        }]
    );
    assert_eq!(a.answers.len(), 1, "the known answer stays an answer");
}

#[test]
fn invalid_options_and_kinds_are_reported_and_kept_not_dropped() {
    let single = first_of(Kind::Single);
    let multi = first_of(Kind::Multi);
    let text = first_of(Kind::Text);
    let file = json!({
        "format": 2, "bank_version": bank().version,
        "answers": {
            single.id.clone(): { "choice": "no_such_option" },
            multi.id.clone(): { "multi": [multi.options[0].id, "gone"] },
            text.id.clone(): { "choice": "yes" }
        }
    });
    let (a, m) = transfer::import(bank(), file.to_string().as_bytes()).unwrap();
    assert!(a.answers.is_empty(), "none of these is a valid answer now: {:?}", a.answers);
    let mut reasons = m.retired.clone();
    reasons.sort();
    let mut expected = vec![
        (single.id.clone(), RetiredReason::UnknownOption),
        (multi.id.clone(), RetiredReason::UnknownOption),
        (text.id.clone(), RetiredReason::KindChanged),
    ];
    expected.sort();
    assert_eq!(reasons, expected);
    let kept = a.retired.iter().find(|r| r.question == multi.id).unwrap();
    assert_eq!(kept.answer, Answer::Multi(vec![multi.options[0].id.clone(), "gone".into()]), "kept exactly as given");
}

/// A newer bank without one question, one option and with one question of another kind.
fn changed_bank() -> (Bank, String, String, String) {
    let mut b = bank().clone();
    b.version = "2099.1.0".into();
    let removed = first_of(Kind::Single).id.clone();
    let multi = first_of(Kind::Multi).id.clone();
    let text = first_of(Kind::Text).id.clone();
    for s in &mut b.sections {
        s.questions.retain(|q| q.id != removed);
        for q in &mut s.questions {
            if q.id == multi {
                q.options.remove(0);
            }
            if q.id == text {
                q.kind = Kind::Multi;
                q.options = bank().questions().find(|x| x.kind == Kind::Multi).unwrap().options.clone();
            }
        }
    }
    (b, removed, multi, text)
}

#[test]
fn migration_to_a_newer_bank_keeps_everything_and_is_idempotent() {
    let (newer, removed, multi, text) = changed_bank();
    let old = full_assessment();
    let (a, m) = transfer::migrate(&newer, old.clone());
    assert_eq!(a.bank_version, "2099.1.0");
    assert_eq!(m.from_bank.as_deref(), Some(bank().version.as_str()));
    let retired_ids: Vec<&str> = m.retired.iter().map(|(q, _)| q.as_str()).collect();
    for id in [&removed, &multi, &text] {
        assert!(retired_ids.contains(&id.as_str()), "{id} should be retired: {retired_ids:?}");
        let r = a.retired.iter().find(|r| r.question == *id).unwrap();
        assert_eq!(&r.answer, &old.answers[id], "kept as given");
        assert_eq!(r.bank_version, bank().version);
    }
    // Nothing lost: every answer is an answer or retired.
    assert_eq!(a.answers.len() + a.retired.len(), old.answers.len() + old.retired.len());
    for (q, ans) in &old.answers {
        assert!(a.answers.get(q) == Some(ans) || a.retired.iter().any(|r| r.question == *q && r.answer == *ans));
    }
    // Idempotent.
    let (again, m2) = transfer::migrate(&newer, a.clone());
    assert_eq!(again, a);
    assert!(m2.is_empty(), "{m2:?}");
    // An import of the old export into the newer bank does the same.
    let (imported, _) = transfer::import(&newer, transfer::export(&old).as_bytes()).unwrap();
    assert_eq!(imported, a);
    // Back under the old bank, the answers it asks again are restored.
    let (back, m3) = transfer::migrate(bank(), a);
    let mut restored = m3.restored.clone();
    restored.sort();
    let mut expected = vec![removed.clone(), multi.clone(), text.clone()];
    expected.sort();
    assert_eq!(restored, expected);
    assert_eq!(back.answers, old.answers);
    assert_eq!(back.retired, old.retired);
}

#[test]
fn file_names_are_safe() {
    let mut a = Assessment::new("v", "");
    assert_eq!(transfer::file_name(&a, "2026-11-26T10:00:00Z"), "biodpia-assessment-2026-11-26.json");
    a.title = "Toegang / Gezicht: Stadskantoor (ÉÉN) ../../etc".into();
    assert_eq!(transfer::file_name(&a, "2026-11-26"), "biodpia-toegang-gezicht-stadskantoor-een-etc-2026-11-26.json");
    a.title = "🙂🙂".into();
    assert_eq!(transfer::file_name(&a, ""), "biodpia-assessment.json");
    assert_eq!(transfer::docx_file_name(&a, "2026-11-26"), "biodpia-assessment-2026-11-26.docx");
}

// ---------------------------------------------------------------------------------------
// Properties

/// Objects that look like assessments: a plausible format and fields of any value.
fn assessment_like() -> impl Strategy<Value = Value> {
    let q_ids: Vec<String> = bank().questions().map(|q| q.id.clone()).chain(["q_unknown".to_string()]).collect();
    (
        prop_oneof![Just(json!(1)), Just(json!(2)), Just(json!(3)), json_value()],
        proptest::collection::btree_map(proptest::sample::select(q_ids), json_value(), 0..5),
        json_value(),
        json_value(),
        prop_oneof![Just(json!(bank().version)), Just(json!("2001.1")), json_value()],
    )
        .prop_map(|(format, answers, plan, signoff, version)| {
            json!({ "format": format, "answers": answers, "plan": plan, "signoff": signoff, "bank_version": version })
        })
}

/// Valid assessments made of the bank's own questions and arbitrary texts.
fn valid_assessment() -> impl Strategy<Value = Assessment> {
    let qs: Vec<Question> = bank().questions().cloned().collect();
    let sg: Vec<String> = bank().safeguards.iter().map(|s| s.id.clone()).collect();
    (
        proptest::collection::vec((any::<bool>(), any::<u32>(), ".{0,40}"), qs.len()),
        proptest::collection::vec((0u8..3, ".{0,20}"), sg.len()),
        (".{0,30}", ".{0,30}", ".{0,60}"),
    )
        .prop_map(move |(seeds, plan, (title, org, advice))| {
            let mut a = Assessment::new(&bank().version, &org);
            a.title = title;
            a.signoff.dpo_advice = advice;
            for (q, (present, n, text)) in qs.iter().zip(seeds) {
                if !present {
                    continue;
                }
                let ans = match q.kind {
                    Kind::Text => Answer::Text(text),
                    Kind::Table => common::table_answer(q, n as usize % (q.max_rows() + 1), &text),
                    Kind::Single | Kind::YesNo => Answer::Choice(q.options[n as usize % q.options.len()].id.clone()),
                    Kind::Multi => Answer::Multi(
                        q.options
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| n >> (i % 32) & 1 == 1)
                            .map(|(_, o)| o.id.clone())
                            .collect(),
                    ),
                };
                a.answers.insert(q.id.clone(), ans);
            }
            for (s, (st, owner)) in sg.iter().zip(plan) {
                let status = [Status::InPlace, Status::Planned, Status::NotPlanned][st as usize];
                a.plan.insert(s.clone(), PlanItem { status, owner, due: String::new() });
            }
            // A valid assessment's answers to the questions the decision record holds are the
            // record's (`record::derive` after every change).
            biodpia::persist::record::derive(biodpia::bank::bank(), &mut a);
            a
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = transfer::import(bank(), &bytes);
        let _ = assessment::read(&bytes);
        let _ = biodpia::persist::library::parse_index(&bytes);
    }

    #[test]
    fn arbitrary_json_never_panics_and_what_imports_is_stable(v in prop_oneof![json_value(), assessment_like()]) {
        let bytes = v.to_string();
        if let Ok((a, _)) = transfer::import(bank(), bytes.as_bytes()) {
            // Whatever imports exports and imports again unchanged, with nothing more to migrate.
            let (again, m) = transfer::import(bank(), transfer::export(&a).as_bytes()).unwrap();
            prop_assert_eq!(&again, &a);
            prop_assert!(m.retired.is_empty() && m.restored.is_empty());
        }
    }

    #[test]
    fn damaged_exports_never_panic(cut in any::<prop::sample::Index>(), flip in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let file = transfer::export(&full_assessment()).into_bytes();
        let mut damaged = file[..cut.index(file.len())].to_vec();
        if !damaged.is_empty() {
            let i = flip.index(damaged.len());
            damaged[i] = byte;
        }
        let _ = transfer::import(bank(), &damaged);
    }

    #[test]
    fn export_import_round_trips(a in valid_assessment()) {
        let (back, m) = transfer::import(bank(), transfer::export(&a).as_bytes()).unwrap();
        prop_assert_eq!(back, a);
        prop_assert!(m.is_empty());
    }
}

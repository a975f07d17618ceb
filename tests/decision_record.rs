//! The decision record (issue 15 item 3): one source of truth for the DPO's advice and whether it
//! was followed; the controller's decision beside the engine's proposal; older files migrate
//! with nothing lost. How the summary prints it: tests/summary_render.rs.

use std::path::Path;
use std::rc::Rc;

use biodpia::domain::answers::Answer;
use biodpia::domain::engine::{self, Cause, Deviation, Outcome};
use biodpia::domain::model::Kind;
use biodpia::i18n::{Get, Lang};
use biodpia::persist::assessment::{self, Assessment, RetiredReason, SignOffField, FORMAT_VERSION, MAX_ADVICE_LEN};
use biodpia::persist::record::{self, Decided};
use biodpia::persist::{transfer, version};
use biodpia::ui::state::{Action, State, Step};
use yew::Reducible;

fn l(code: &str) -> Lang {
    Lang::parse(code).expect("language is built in")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exports").join(name)).unwrap()
}

#[test]
fn the_record_holds_what_the_bank_asks_with_the_same_values() {
    let bank = biodpia::bank::bank();
    let followed = bank.question(record::FOLLOWED_QUESTION).expect("the bank asks whether the advice was followed");
    let ids: Vec<&str> = followed.options.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, record::FOLLOWED, "the record's values are the question's options, in its order");
    let advice = bank.question(record::ADVICE_QUESTION).unwrap();
    assert_eq!((advice.kind, advice.max_len()), (Kind::Text, MAX_ADVICE_LEN), "same kind and cap as the record");
    let reasons = bank.question(record::REASONS_QUESTION).unwrap();
    assert_eq!((reasons.kind, reasons.max_len()), (Kind::Text, MAX_ADVICE_LEN), "same kind and cap as the record");
    // Asked where the record asks for reasons, and named by both departures from the advice.
    for o in ["partly_reasons", "not_followed"] {
        assert_eq!(followed.option(o).unwrap().reasons.as_deref(), Some(record::REASONS_QUESTION), "{o}");
        assert!(reasons.show_if.iter().any(|c| c.question == followed.id && c.any_of.iter().any(|x| x == o)));
    }
    assert_eq!(bank.question(record::VIEWS_QUESTION).unwrap().kind, Kind::Multi);
    for d in record::DECISIONS {
        assert!(Outcome::from_key(d).is_some(), "{d} is an outcome key");
    }
}

#[test]
fn an_old_file_with_both_migrates_to_one_value_and_loses_nothing() {
    let bank = biodpia::bank::bank();
    let bytes = fixture("archive_door_format3_dpo_partly.json");
    let raw: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(raw["format"], 3);
    assert_eq!(raw["answers"]["q_gov_dpo_followed"]["choice"], "pending");
    assert_eq!(raw["signoff"]["dpo_advice_followed"], "partly");
    let (a, m) = transfer::import(bank, &bytes).expect("imports");
    assert_eq!(a.format, FORMAT_VERSION);
    // The record's older value is read as the option it meant, and the question's answer is
    // the record's.
    assert_eq!(a.signoff.dpo_advice_followed, "partly_reasons");
    assert_eq!(a.answers["q_gov_dpo_followed"], Answer::Choice("partly_reasons".into()));
    // The answer that contradicted the record is kept, under "no longer asked", with why.
    assert_eq!(a.retired.len(), 1, "{:?}", a.retired);
    let kept = &a.retired[0];
    assert_eq!(
        (kept.question.as_str(), &kept.answer, kept.reason, kept.bank_version.as_str()),
        ("q_gov_dpo_followed", &Answer::Choice("pending".into()), RetiredReason::Superseded, "2026.11.2")
    );
    assert!(m.retired.is_empty() && m.restored.is_empty(), "the migration to the bank moved nothing: {m:?}");
    // The advice, empty in the record, is taken from the old answer.
    let advice = raw["answers"]["q_gov_dpo_summary"]["text"].as_str().unwrap();
    assert_eq!(a.signoff.dpo_advice, advice);
    assert_eq!(a.answers["q_gov_dpo_summary"], Answer::Text(advice.into()));
    // Every other field of the old record is kept as it was.
    let s = &raw["signoff"];
    for (f, v) in [
        (SignOffField::MeasuresApprovedBy, &s["measures_approved_by"]),
        (SignOffField::ResidualRiskAcceptedBy, &s["residual_risk_accepted_by"]),
        (SignOffField::DpoAdviceReasons, &s["dpo_advice_reasons"]),
        (SignOffField::ReviewDate, &s["review_date"]),
    ] {
        assert_eq!(a.signoff.get(f), v.as_str().unwrap(), "{f:?}");
    }
    // Every other answer too.
    for (q, v) in raw["answers"].as_object().unwrap() {
        if q != "q_gov_dpo_followed" {
            let answer: Answer = serde_json::from_value(v.clone()).unwrap();
            assert_eq!(a.answers.get(q), Some(&answer), "{q}");
        }
    }
    // Idempotent: exported and imported again, the same.
    let (again, m) = transfer::import(bank, transfer::export(&a).as_bytes()).unwrap();
    assert_eq!(again, a);
    assert!(m.is_empty(), "{m:?}");
}

#[test]
fn an_old_answer_without_a_record_becomes_the_record() {
    let bank = biodpia::bank::bank();
    let (a, m) = transfer::import(bank, &fixture("archive_door_2026.11.2.json")).unwrap();
    assert_eq!(a.signoff.dpo_advice_followed, "pending", "the old answer is the record's value");
    assert_eq!(a.answers["q_gov_dpo_followed"], Answer::Choice("pending".into()));
    assert!(a.retired.is_empty() && m.retired.is_empty());
}

#[test]
fn one_value_whichever_side_is_edited() {
    let bank = biodpia::bank::bank();
    let mut a = Assessment::new(&bank.version, "Gemeente Voorbeeld");
    a.answers.insert("q_gov_dpo_advice".into(), Answer::Choice("yes".into()));
    let state = Rc::new(State::new(bank, l("nl"), a));
    // In the wizard: the record takes the answer.
    let state = state.reduce(Action::Answer("q_gov_dpo_followed".into(), Answer::Choice("pending".into())));
    assert_eq!(state.assessment.signoff.dpo_advice_followed, "pending");
    // In the record: the answer follows, and the engine reads it (advice not followed raises
    // the risk of unlawful processing).
    let before = state.report.risks.iter().find(|r| r.risk == "r_unlawful").map(|r| r.inherent);
    let state = state.reduce(Action::SetSignOffField(SignOffField::DpoAdviceFollowed, "not_followed".into()));
    assert_eq!(state.assessment.answers["q_gov_dpo_followed"], Answer::Choice("not_followed".into()));
    let after = state.report.risks.iter().find(|r| r.risk == "r_unlawful").map(|r| r.inherent);
    assert_ne!(before, after, "the report is recomputed from the record's value");
    assert_eq!(*state.report, engine::evaluate(bank, &state.assessment.answers, &state.assessment.plan));
    // Cleared in the record: no answer either.
    let state = state.reduce(Action::SetSignOffField(SignOffField::DpoAdviceFollowed, String::new()));
    assert!(!state.assessment.answers.contains_key("q_gov_dpo_followed"));
    // The advice text, both ways, capped as the record caps it.
    let long = "a".repeat(MAX_ADVICE_LEN + 3);
    let state = state.reduce(Action::Answer("q_gov_dpo_summary".into(), Answer::Text("Advies: eerst pincode.".into())));
    assert_eq!(state.assessment.signoff.dpo_advice, "Advies: eerst pincode.");
    let state = state.reduce(Action::SetSignOffField(SignOffField::DpoAdvice, long));
    assert_eq!(state.assessment.answers["q_gov_dpo_summary"], Answer::Text("a".repeat(MAX_ADVICE_LEN)));
    // A value the record does not take changes nothing.
    let state = state.reduce(Action::SetSignOffField(SignOffField::Decision, "maybe".into()));
    assert_eq!(state.assessment.signoff.decision, "");
}

#[test]
fn every_new_field_is_saved_capped_and_read_back() {
    let mut a = Assessment::new("v", "");
    for f in SignOffField::ALL {
        let value = match f.kind() {
            assessment::FieldKind::Date => "2027-03-01".to_string(),
            assessment::FieldKind::Choice(values) => values[1].to_string(),
            _ => "é".repeat(f.max_len() + 5),
        };
        a.signoff.set(f, &value);
        let stored = a.signoff.get(f);
        assert!(!stored.is_empty() && stored.chars().count() <= f.max_len(), "{f:?}: {stored:?}");
    }
    a.signoff.set(SignOffField::DecisionDate, "1 maart 2027");
    assert_eq!(a.signoff.decision_date, "", "only ISO dates are kept");
    record::derive(biodpia::bank::bank(), &mut a);
    let back = assessment::read(assessment::write(&a).as_bytes()).unwrap();
    assert_eq!(back.signoff, a.signoff);
    let names: std::collections::BTreeSet<&str> = SignOffField::ALL.iter().map(|f| f.name()).collect();
    let json: serde_json::Value = serde_json::from_str(&assessment::write(&a)).unwrap();
    let saved: std::collections::BTreeSet<&str> =
        json["signoff"].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(names, saved, "every field is saved under its name");
}

#[test]
fn the_decision_is_proposed_recorded_or_differs() {
    let mut s = assessment::SignOff::default();
    assert_eq!(record::decided(&s, Outcome::Consultation), Decided::Proposed(Some(Outcome::Consultation)));
    assert_eq!(record::decided(&s, Outcome::MeasuresNotPlanned), Decided::Proposed(None));
    s.set(SignOffField::Decision, "consultation");
    assert_eq!(record::decided(&s, Outcome::Consultation), Decided::Recorded(Outcome::Consultation));
    s.set(SignOffField::Decision, "approved");
    assert_eq!(record::decided(&s, Outcome::Consultation), Decided::Differs(Outcome::Approved, Outcome::Consultation));
    assert!(!record::decision_recorded(&s), "a decision needs its date and who took it");
    s.set(SignOffField::DecisionDate, "2027-03-01");
    s.set(SignOffField::DecidedBy, "A. Bakker");
    assert!(record::decision_recorded(&s));
    // Signing needs exactly that.
    let bank = biodpia::bank::bank();
    let mut a = Assessment::new(&bank.version, "");
    assert_eq!(version::sign(bank, &mut a, "x", "t"), Err(version::SignError::NoDecision));
    a.signoff = s;
    assert_eq!(version::sign(bank, &mut a, "A. Bakker", "2027-03-01T10:00:00Z"), Ok(1));
}

// ---------------------------------------------------------------------------------------
// Signing and freezing (issue 16 item 3)

/// An assessment whose decision is recorded, in a state at the summary.
fn decided_state() -> Rc<State> {
    let bank = biodpia::bank::bank();
    let (a, _) = transfer::import(bank, &fixture("archive_door_format3_dpo_partly.json")).unwrap();
    let state = Rc::new(State::new(bank, l("en"), a));
    [
        (SignOffField::Decision, "consultation"),
        (SignOffField::DecisionDate, "2027-03-01"),
        (SignOffField::DecidedBy, " A. Bakker "),
    ]
    .into_iter()
    .fold(state, |s, (f, v)| s.reduce(Action::SetSignOffField(f, v.into())))
}

#[test]
fn signing_freezes_and_a_new_revision_keeps_the_signed_version() {
    let state = Rc::new(State::new(biodpia::bank::bank(), l("en"), Assessment::new("v", "")));
    // Without a recorded decision nothing is signed.
    let unchanged = state.clone().reduce(Action::Sign("2027-03-01T10:00:00Z".into()));
    assert!(Rc::ptr_eq(&unchanged, &state) || unchanged.assessment.versions.is_empty());

    let state = decided_state();
    assert_eq!(version::can_sign(&state.assessment), Ok(()));
    let signed = state.reduce(Action::Sign("2027-03-01T10:00:00Z".into()));
    let a = signed.assessment.clone();
    let a = &*a;
    assert!(a.frozen());
    assert_eq!(a.versions.len(), 1);
    let v = &a.versions[0].clone();
    assert_eq!((v.number, v.signed_by.as_str(), v.signed_at.as_str()), (1, "A. Bakker", "2027-03-01T10:00:00Z"));
    assert_eq!(
        v.check().map(|c| c.signoff.decision),
        Ok("consultation".to_string()),
        "the fingerprint covers the record"
    );
    assert_eq!(version::standing(a), version::Standing::Signed(v));
    assert_eq!(version::can_sign(a), Err(version::SignError::AlreadySigned));
    // Signing again does nothing.
    let again = signed.clone().reduce(Action::Sign("2027-03-02T10:00:00Z".into()));
    assert_eq!(again.assessment.versions, signed.assessment.versions);
    // Kept in the browser (the stored form) and in the export, and checked on import.
    let bank = biodpia::bank::bank();
    let (back, _) = transfer::import(bank, transfer::export(a).as_bytes()).unwrap();
    assert_eq!(back.versions, a.versions);
    assert_eq!(assessment::read(assessment::write(a).as_bytes()).unwrap().versions, a.versions);

    // A new revision: editable, the signed version unchanged and still shown on request.
    let next = signed.reduce(Action::StartRevision);
    assert!(!next.assessment.frozen());
    assert_eq!(next.assessment.revision, 2);
    assert_eq!(version::standing(&next.assessment), version::Standing::Draft { revision: 2, after: Some(v) });
    let next = next.reduce(Action::SetSignOffField(SignOffField::DecidedBy, "B. de Vries".into()));
    assert_eq!(next.assessment.versions[0], *v, "the signed version is never changed");
    let shown = next.reduce(Action::ShowVersion(Some(1)));
    assert_eq!(shown.shown_version, Some(1));
    assert_eq!(shown.clone().reduce(Action::ShowVersion(Some(7))).shown_version, None, "only a signed version");
    assert_eq!(shown.reduce(Action::Goto(Step::Results)).shown_version, None);
}

#[test]
fn a_bank_without_the_record_questions_keeps_their_values_in_the_record_only() {
    // The mini bank asks neither whether the advice was followed nor what it was.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    let mini = biodpia::domain::load::load_and_validate(&root).expect("the mini bank loads");
    for (q, _) in record::LINKED {
        assert!(mini.question(q).is_none(), "{q} is not in the mini bank");
    }
    let mut a = Assessment::new(&mini.version, "Gemeente Voorbeeld");
    a.signoff.dpo_advice_followed = "not_followed".into();
    a.signoff.dpo_advice = "Advies: geen centrale opslag.".into();
    let bytes = assessment::write(&a);
    let no_answers = |a: &Assessment, how: &str| {
        for (q, _) in record::LINKED {
            assert!(!a.answers.contains_key(q), "{how}: no answer to {q}: {:?}", a.answers);
            assert!(a.retired.iter().all(|r| r.question != q), "{how}: {q} not kept as no longer asked");
        }
        assert_eq!(a.signoff.dpo_advice_followed, "not_followed", "{how}: the record keeps it");
        assert_eq!(a.signoff.dpo_advice, "Advies: geen centrale opslag.", "{how}: the record keeps it");
    };
    // Migrated to that bank (a stored assessment opened): nothing retired, nothing added.
    let (migrated, m) = transfer::migrate(&mini, assessment::read(bytes.as_bytes()).unwrap());
    no_answers(&migrated, "migrated");
    assert!(m.retired.is_empty(), "{m:?}");
    // Imported as made under that bank: not refused for answering questions it does not have.
    let (imported, m) = transfer::import(&mini, bytes.as_bytes()).expect("a file of this bank imports");
    no_answers(&imported, "imported");
    assert!(m.retired.is_empty(), "{m:?}");
    // Edited under that bank: the record changes, no answer appears.
    let mut edited = imported.clone();
    record::set_field(&mini, &mut edited, SignOffField::DpoAdviceFollowed, "followed");
    assert_eq!(edited.signoff.dpo_advice_followed, "followed");
    assert!(!edited.answers.contains_key(record::FOLLOWED_QUESTION));
    // The same file under the full bank: the question is asked, and the record answers it.
    let (full, _) = transfer::migrate(biodpia::bank::bank(), assessment::read(bytes.as_bytes()).unwrap());
    assert_eq!(full.answers[record::FOLLOWED_QUESTION], Answer::Choice("not_followed".into()));
    assert!(full.retired.is_empty());
}

/// The archive door (tests/fixtures/exports), with the DPO's advice not followed.
fn door_not_followed() -> Assessment {
    let bank = biodpia::bank::bank();
    let (mut a, _) = transfer::import(bank, &fixture("archive_door_2026.11.2.json")).unwrap();
    assert_eq!(a.answers["q_gov_dpo_advice"], Answer::Choice("yes".into()));
    record::set_field(bank, &mut a, SignOffField::DpoAdviceFollowed, "not_followed");
    a
}

#[test]
fn advice_not_followed_raises_a_risk_without_reasons_and_is_a_documented_deviation_with_them() {
    let bank = biodpia::bank::bank();
    let followed = Cause { question: record::FOLLOWED_QUESTION.into(), option: "not_followed".into() };
    let raised = |r: &engine::Report| r.risk("r_unlawful").unwrap().raised_by.iter().any(|(c, _)| *c == followed);
    let mut a = door_not_followed();
    let without = engine::evaluate(bank, &a.answers, &a.plan);
    assert!(raised(&without), "no reasons: not following the advice raises unlawful processing");
    assert_eq!(without.deviations, vec![Deviation { cause: followed.clone(), documented: false }]);
    // The reasons, given in the record (or as the wizard's answer: one value).
    record::set_field(bank, &mut a, SignOffField::DpoAdviceReasons, "Centrale opslag blijft tot 2028: budget.");
    assert_eq!(a.answers[record::REASONS_QUESTION], Answer::Text("Centrale opslag blijft tot 2028: budget.".into()));
    let with = engine::evaluate(bank, &a.answers, &a.plan);
    assert!(!raised(&with), "with reasons: no risk from this answer");
    assert_eq!(with.deviations, vec![Deviation { cause: followed.clone(), documented: true }]);
    assert!(with.planned_score <= without.planned_score);
    // Blank reasons are no reasons.
    record::set_field(bank, &mut a, SignOffField::DpoAdviceReasons, "  \n ");
    assert!(raised(&engine::evaluate(bank, &a.answers, &a.plan)), "blank reasons count as none");
    // Followed: no deviation at all, whatever the reasons field holds.
    record::set_field(bank, &mut a, SignOffField::DpoAdviceReasons, "Oude tekst.");
    record::set_field(bank, &mut a, SignOffField::DpoAdviceFollowed, "followed");
    let r = engine::evaluate(bank, &a.answers, &a.plan);
    assert!(r.deviations.is_empty() && !raised(&r));
    // Partly followed: never a raise; listed as a deviation, documented once the reasons are.
    record::set_field(bank, &mut a, SignOffField::DpoAdviceFollowed, "partly_reasons");
    let r = engine::evaluate(bank, &a.answers, &a.plan);
    assert_eq!(r.deviations.len(), 1);
    assert!(r.deviations[0].documented);
}

#[test]
fn why_this_decision_and_the_record_say_whether_the_deviation_is_documented_in_en_and_nl() {
    use biodpia::report::names::{deviation_line, signoff_lines};
    let bank = biodpia::bank::bank();
    let mut a = door_not_followed();
    for documented in [false, true] {
        if documented {
            record::set_field(bank, &mut a, SignOffField::DpoAdviceReasons, "Budget: centrale opslag tot 2028.");
        }
        let report = engine::evaluate(bank, &a.answers, &a.plan);
        let explanation = engine::explain(bank, &a.answers, &a.plan);
        let view = report.decision_view(bank, &explanation);
        assert_eq!(view.deviations.len(), 1, "{:?}", view.outcome);
        let d = &view.deviations[0];
        assert_eq!(d.documented, documented);
        assert_eq!(d.risks, if documented { vec![] } else { vec!["r_unlawful"] });
        for lang in [l("en"), l("nl")] {
            let t = biodpia::i18n::strings(lang);
            let s = biodpia::i18n::summary::strings(lang);
            let line = deviation_line(bank, lang, d);
            let note = signoff_lines(bank, lang, &a, report.outcome())
                .into_iter()
                .find(|x| x.field == SignOffField::DpoAdviceReasons)
                .unwrap()
                .note;
            if documented {
                assert_eq!(line, t.deviation_documented, "{lang:?}");
                assert!(note.contains(s.reasons_recorded), "{lang:?}: {note}");
            } else {
                let risk = bank.risk("r_unlawful").unwrap().title.get(lang);
                assert!(line.contains(risk) && line != t.deviation_no_reasons, "{lang:?}: {line}");
                assert!(note.contains(s.reasons_missing), "{lang:?}: {note}");
            }
        }
    }
}

//! The engine against a small fixed bank (tests/fixtures/mini), so that these expectations do
//! not move when the real question bank is edited.

use std::path::Path;

use biodpia::domain::answers::{Answer, Answers, Plan, PlanItem, Status};
use biodpia::domain::engine::{
    evaluate, explain, score, visible_questions, Cause, Level, Lever, Outcome, Position, Priority, Report,
};
use biodpia::domain::load::load_and_validate;
use biodpia::domain::model::Bank;

fn mini() -> Bank {
    load_and_validate(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")).expect("mini bank is valid")
}

fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs.iter().map(|(q, o)| (q.to_string(), Answer::Choice(o.to_string()))).collect()
}

fn pos(l: u8, s: u8) -> Position {
    Position { likelihood: l, severity: s }
}

#[test]
fn level_matrix_is_monotone_and_symmetric() {
    for l in 1..=4 {
        for s in 1..=4 {
            assert_eq!(pos(l, s).level(), pos(s, l).level());
            if l < 4 {
                assert!(pos(l + 1, s).level() >= pos(l, s).level());
            }
        }
    }
    assert_eq!(pos(1, 1).level(), Level::Low);
    assert_eq!(pos(4, 4).level(), Level::VeryHigh);
    assert_eq!(pos(1, 4).level(), Level::High);
}

#[test]
fn one_very_high_risk_cannot_be_averaged_away() {
    let mut positions = vec![pos(1, 1); 20];
    positions[7] = pos(4, 4);
    let s = score(&positions);
    assert_eq!(Report::band(s), Level::VeryHigh, "score {s}");
    assert!(score(&[pos(3, 3), pos(1, 1)]) < score(&[pos(3, 4), pos(1, 1)]));
}

#[test]
fn nothing_answered_is_not_assessed_and_never_approved() {
    let bank = mini();
    let r = evaluate(&bank, &Answers::new(), &Plan::new());
    assert_eq!(Report::band(r.residual_score), Level::Low);
    assert_eq!(r.decision.outcome, Outcome::NotAssessed);
    assert!(r.decision.provisional && !r.complete());
    // q_encrypted stays hidden until q_mode is answered (a none_of clause needs an answer).
    assert_eq!(r.unanswered, vec!["q_mode", "q_scraping", "q_reach", "q_alternative", "q_purposes"]);
    // Two of five answered is still "barely answered".
    let r = evaluate(&bank, &answers(&[("q_mode", "verify"), ("q_scraping", "no")]), &Plan::new());
    assert_eq!(r.decision.outcome, Outcome::NotAssessed);
}

#[test]
fn show_if_hides_and_reveals() {
    let bank = mini();
    let ids = |a: &Answers| visible_questions(&bank, a).iter().map(|q| q.id.clone()).collect::<Vec<_>>();
    // none_of needs an answer: unanswered q_mode hides q_encrypted.
    assert!(!ids(&Answers::new()).contains(&"q_encrypted".to_string()));
    assert!(ids(&answers(&[("q_mode", "identify")])).contains(&"q_encrypted".to_string()));
    assert!(!ids(&answers(&[("q_mode", "unsure")])).contains(&"q_encrypted".to_string()));
}

#[test]
fn hidden_answers_are_kept_but_do_not_count() {
    let bank = mini();
    let a = answers(&[("q_mode", "unsure"), ("q_encrypted", "no")]);
    let r = evaluate(&bank, &a, &Plan::new());
    let breach = r.risk("r_breach").unwrap();
    assert!(!breach.is_raised(), "q_encrypted is hidden, its answer must not raise risk");
}

#[test]
fn highest_raise_wins_and_causes_are_explained() {
    let bank = mini();
    let r = evaluate(&bank, &answers(&[("q_mode", "identify"), ("q_encrypted", "no")]), &Plan::new());
    let breach = r.risk("r_breach").unwrap();
    assert_eq!(breach.inherent, pos(3, 4));
    let causes: Vec<_> = breach.raised_by.iter().map(|(c, _)| (c.question.as_str(), c.option.as_str())).collect();
    assert_eq!(causes, vec![("q_mode", "identify"), ("q_encrypted", "no")]);
}

#[test]
fn safeguard_in_place_lowers_to_residual_but_not_below_floor() {
    let bank = mini();
    let r = evaluate(&bank, &answers(&[("q_mode", "identify"), ("q_encrypted", "yes")]), &Plan::new());
    let breach = r.risk("r_breach").unwrap();
    assert_eq!(breach.inherent, pos(3, 4));
    // s_encryption_logging: likelihood -2, severity -1, floor severity 3.
    assert_eq!(breach.residual, pos(1, 3));
    assert_eq!(breach.lowered_by, vec!["s_encryption_logging"]);
    assert!(r.in_place.contains(&"s_encryption_logging".to_string()));
}

#[test]
fn planned_safeguards_count_for_the_planned_residual_only() {
    let bank = mini();
    let a = answers(&[("q_mode", "identify"), ("q_encrypted", "no")]);
    let mut plan = Plan::new();
    plan.insert("s_encryption_logging".into(), PlanItem { status: Status::Planned, ..Default::default() });
    let r = evaluate(&bank, &a, &plan);
    let breach = r.risk("r_breach").unwrap();
    assert_eq!(breach.residual, breach.inherent);
    assert_eq!(breach.planned, pos(1, 3));
}

#[test]
fn red_line_rejects_whatever_the_score_even_when_barely_answered() {
    let bank = mini();
    let r = evaluate(&bank, &answers(&[("q_scraping", "yes")]), &Plan::new());
    assert_eq!(r.decision.outcome, Outcome::Rejected);
    let a = answers(&[("q_mode", "verify"), ("q_encrypted", "yes"), ("q_scraping", "yes")]);
    let r = evaluate(&bank, &a, &Plan::new());
    assert_eq!(r.decision.outcome, Outcome::Rejected);
    assert_eq!(r.red_lines.len(), 1);
    let first = &r.recommendations[0];
    assert_eq!((first.safeguard.as_str(), first.priority), ("s_do_not_proceed", Priority::Must));
}

#[test]
fn high_residual_risk_requires_prior_consultation() {
    let bank = mini();
    let a = answers(&[("q_mode", "identify"), ("q_encrypted", "no"), ("q_scraping", "no")]);
    let r = evaluate(&bank, &a, &Plan::new());
    assert_eq!(r.decision.outcome, Outcome::Consultation);
    assert_eq!(r.decision.high_risks, vec!["r_breach", "r_surveillance"]);
    assert!(r.recommendations.iter().any(|x| x.safeguard == "s_prior_consultation" && x.priority == Priority::Must));
    assert!(r.screening.required);
    // Each criterion names the answers that meet it.
    let criteria: Vec<(&str, Vec<&str>)> = r
        .screening
        .criteria
        .iter()
        .map(|c| (c.id.as_str(), c.by.iter().map(|x| x.question.as_str()).collect()))
        .collect();
    assert_eq!(criteria, vec![("systematic_monitoring", vec!["q_mode"]), ("sensitive", vec!["q_mode"])]);
}

#[test]
fn required_safeguard_is_a_must_with_its_cause() {
    let bank = mini();
    let r = evaluate(&bank, &answers(&[("q_mode", "verify"), ("q_encrypted", "no")]), &Plan::new());
    let rec = r.recommendations.iter().find(|x| x.safeguard == "s_encryption_logging").unwrap();
    assert_eq!(rec.priority, Priority::Must);
    assert_eq!(rec.required_by[0].question, "q_encrypted");
    assert!(!rec.effect.is_empty());
}

#[test]
fn recommendations_are_ordered_must_then_should() {
    let bank = mini();
    let r = evaluate(
        &bank,
        &answers(&[("q_mode", "identify"), ("q_encrypted", "no"), ("q_scraping", "unsure")]),
        &Plan::new(),
    );
    let prios: Vec<Priority> = r.recommendations.iter().map(|x| x.priority).collect();
    let mut sorted = prios.clone();
    sorted.sort();
    assert_eq!(prios, sorted);
}

#[test]
fn unsure_produces_a_find_out_action_and_counts_as_risk() {
    let bank = mini();
    let r = evaluate(&bank, &answers(&[("q_mode", "unsure")]), &Plan::new());
    assert_eq!(r.find_out.len(), 1);
    assert!(r.risk("r_surveillance").unwrap().is_raised());
    assert!(r.residual_score > evaluate(&bank, &Answers::new(), &Plan::new()).residual_score);
}

#[test]
fn text_answers_are_checked_for_length() {
    let bank = mini();
    let long = Answer::Text("x".repeat(101));
    assert!(biodpia::domain::answers::check(&bank, "q_notes", &long).is_err());
    assert!(biodpia::domain::answers::check(&bank, "q_notes", &Answer::Text("ok".into())).is_ok());
    assert!(biodpia::domain::answers::check(&bank, "q_mode", &Answer::Choice("nope".into())).is_err());
    assert!(biodpia::domain::answers::check(&bank, "q_mode", &Answer::Text("x".into())).is_err());
}

#[test]
fn safeguards_cannot_lower_a_risk_raised_to_a_red_line_but_redesign_can() {
    let bank = mini();
    let a = answers(&[("q_mode", "verify"), ("q_encrypted", "yes"), ("q_scraping", "yes")]);
    let mut plan = Plan::new();
    plan.insert("s_alternative".into(), PlanItem { status: Status::InPlace, ..Default::default() });
    let r = evaluate(&bank, &a, &plan);
    let unlawful = r.risk("r_unlawful").unwrap();
    assert_eq!(unlawful.inherent, pos(4, 4));
    assert_eq!(unlawful.residual, pos(4, 4), "s_alternative must not mitigate a red line");
    assert_eq!(Report::band(r.residual_score), Level::VeryHigh);
    plan.insert("s_do_not_proceed".into(), PlanItem { status: Status::Planned, ..Default::default() });
    let r = evaluate(&bank, &a, &plan);
    assert!(r.risk("r_unlawful").unwrap().planned < pos(4, 4));
    // The decision stays "rejected" while the red-line answer stands.
    assert_eq!(r.decision.outcome, Outcome::Rejected);
}

fn multi(ids: &[&str]) -> Answer {
    Answer::Multi(ids.iter().map(|s| s.to_string()).collect())
}

/// verify, not encrypted (breach high, encryption required), no scraping, enrolled only, an
/// alternative, access only: every question answered.
fn door(encrypted: &str) -> Answers {
    let mut a = answers(&[
        ("q_mode", "verify"),
        ("q_encrypted", encrypted),
        ("q_scraping", "no"),
        ("q_reach", "enrolled"),
        ("q_alternative", "yes"),
    ]);
    a.insert("q_purposes".into(), multi(&["access"]));
    a
}

fn item(status: Status) -> PlanItem {
    PlanItem { status, owner: "Facilities".into(), due: "2027-03-01".into() }
}

#[test]
fn a_raise_applies_only_in_its_context() {
    let bank = mini();
    // Everyone passing: limited surveillance for verification, mass surveillance for 1:N.
    let verify = evaluate(&bank, &answers(&[("q_mode", "verify"), ("q_reach", "everyone")]), &Plan::new());
    assert_eq!(verify.risk("r_surveillance").unwrap().inherent, pos(2, 2));
    let identify = evaluate(&bank, &answers(&[("q_mode", "identify"), ("q_reach", "everyone")]), &Plan::new());
    assert_eq!(identify.risk("r_surveillance").unwrap().inherent, pos(4, 3));
    // Only the raises that apply are given as reasons.
    let reasons = &verify.risk("r_surveillance").unwrap().raised_by;
    assert_eq!(reasons.len(), 1);
    assert_eq!(reasons[0].1, pos(2, 2));
}

#[test]
fn an_unless_clause_cancels_a_raise_but_not_the_requirement() {
    let bank = mini();
    let with = |mode: &str| evaluate(&bank, &answers(&[("q_mode", mode), ("q_alternative", "no")]), &Plan::new());
    assert!(with("identify").risk("r_unlawful").unwrap().is_raised());
    let verify = with("verify");
    assert!(!verify.risk("r_unlawful").unwrap().is_raised(), "unless q_mode = verify");
    let rec = verify.recommendations.iter().find(|r| r.safeguard == "s_alternative").unwrap();
    assert_eq!(rec.priority, Priority::Must);
    assert_eq!(rec.required_by, vec![Cause { question: "q_alternative".into(), option: "no".into() }]);
}

#[test]
fn a_measure_the_answers_rule_out_is_never_recommended_even_when_required() {
    let bank = mini();
    let a = answers(&[("q_mode", "identify"), ("q_reach", "everyone"), ("q_alternative", "no")]);
    let r = evaluate(&bank, &a, &Plan::new());
    assert!(r.recommendations.iter().all(|x| x.safeguard != "s_alternative"), "{:?}", r.recommendations);
}

#[test]
fn no_recommendation_without_an_effect_on_a_level_unless_required() {
    let bank = mini();
    for a in [door("no"), door("yes"), answers(&[("q_mode", "identify"), ("q_encrypted", "unsure")])] {
        let r = evaluate(&bank, &a, &Plan::new());
        for rec in &r.recommendations {
            for (risk, before, after) in &rec.effect {
                assert!(after.level() < before.level(), "{}: {risk} {before:?} -> {after:?}", rec.safeguard);
            }
            let triggered = ["s_do_not_proceed", "s_prior_consultation"].contains(&rec.safeguard.as_str());
            assert!(
                !rec.effect.is_empty() || !rec.required_by.is_empty() || triggered,
                "{} is recommended with no effect",
                rec.safeguard
            );
        }
    }
}

#[test]
fn the_four_outcomes_follow_the_action_plan() {
    let bank = mini();
    let a = door("no");
    // Breach stays high with nothing planned: consultation.
    let r = evaluate(&bank, &a, &Plan::new());
    assert_eq!(r.decision.outcome, Outcome::Consultation);
    assert!(r.complete());
    // Planned: conditionally approved, the condition named with owner and due date.
    let mut plan = Plan::new();
    plan.insert("s_encryption_logging".into(), item(Status::Planned));
    let r = evaluate(&bank, &a, &plan);
    assert_eq!(r.decision.outcome, Outcome::ConditionallyApproved);
    assert_eq!(r.decision.high_until_planned, vec!["r_breach"]);
    let c = &r.decision.conditions;
    assert_eq!(c.len(), 1);
    assert_eq!(
        (c[0].safeguard.as_str(), c[0].status, c[0].owner.as_str(), c[0].due.as_str()),
        ("s_encryption_logging", Status::Planned, "Facilities", "2027-03-01")
    );
    // In place: approved, nothing left to do.
    plan.insert("s_encryption_logging".into(), item(Status::InPlace));
    let r = evaluate(&bank, &a, &plan);
    assert_eq!(r.decision.outcome, Outcome::Approved);
    assert!(r.decision.conditions.is_empty() && !r.decision.provisional);
}

#[test]
fn a_partially_implemented_measure_counts_as_planned_not_in_place() {
    let bank = mini();
    let a = door("no");
    let mut plan = Plan::new();
    plan.insert("s_encryption_logging".into(), item(Status::Planned));
    let planned = evaluate(&bank, &a, &plan);
    plan.insert("s_encryption_logging".into(), item(Status::Partial));
    let partial = evaluate(&bank, &a, &plan);
    // Conditionally approved, as when planned: the measure is a condition still to be met.
    assert_eq!(partial.decision.outcome, Outcome::ConditionallyApproved);
    assert_eq!(partial.decision.high_until_planned, vec!["r_breach"]);
    let c = &partial.decision.conditions;
    assert_eq!((c.len(), c[0].safeguard.as_str(), c[0].status), (1, "s_encryption_logging", Status::Partial));
    assert_eq!(partial.decision.not_planned().count(), 0, "partly in place is not unplanned");
    // It lowers nothing yet: the residual risk is that of a planned measure, not of one in place.
    assert!(!partial.in_place.contains(&"s_encryption_logging".to_string()));
    assert_eq!((partial.residual_score, partial.planned_score), (planned.residual_score, planned.planned_score));
    plan.insert("s_encryption_logging".into(), item(Status::InPlace));
    let in_place = evaluate(&bank, &a, &plan);
    assert_eq!(in_place.decision.outcome, Outcome::Approved);
    assert!(in_place.residual_score < partial.residual_score);
    // A measure an answer requires, partly in place: no longer "not even planned".
    let mut a = door("yes");
    a.insert("q_alternative".into(), Answer::Choice("no".into()));
    let mut plan = Plan::new();
    plan.insert("s_alternative".into(), item(Status::Partial));
    assert_eq!(evaluate(&bank, &a, &plan).decision.outcome, Outcome::ConditionallyApproved);
}

#[test]
fn statuses_are_saved_by_their_keys() {
    for s in Status::ALL {
        assert_eq!(Status::from_key(s.key()), s);
        assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{}\"", s.key()));
    }
    assert_eq!(Status::Partial.key(), "partial");
    assert_eq!(Status::from_key("half"), Status::NotPlanned);
    assert!(Status::Partial.is_planned() && Status::Planned.is_planned());
    assert!(!Status::InPlace.is_planned() && !Status::NotPlanned.is_planned());
}

#[test]
fn a_required_measure_not_even_planned_blocks_approval() {
    let bank = mini();
    let mut a = door("yes");
    a.insert("q_alternative".into(), Answer::Choice("no".into()));
    let r = evaluate(&bank, &a, &Plan::new());
    // No high risk at all, but the alternative that the answer requires is not planned.
    assert!(r.decision.high_risks.is_empty());
    assert_eq!(r.decision.outcome, Outcome::MeasuresNotPlanned);
    let unplanned: Vec<&str> = r.decision.not_planned().map(|c| c.safeguard.as_str()).collect();
    assert_eq!(unplanned, vec!["s_alternative"]);
    let mut plan = Plan::new();
    plan.insert("s_alternative".into(), item(Status::Planned));
    assert_eq!(evaluate(&bank, &a, &plan).decision.outcome, Outcome::ConditionallyApproved);
    plan.insert("s_alternative".into(), item(Status::NotPlanned));
    assert_eq!(evaluate(&bank, &a, &plan).decision.outcome, Outcome::MeasuresNotPlanned);
}

#[test]
fn an_open_question_keeps_the_decision_provisional_and_below_approval() {
    let bank = mini();
    let mut a = door("yes");
    assert_eq!(evaluate(&bank, &a, &Plan::new()).decision.outcome, Outcome::Approved);
    a.remove("q_purposes");
    let r = evaluate(&bank, &a, &Plan::new());
    assert!(r.decision.provisional);
    assert_eq!(r.decision.outcome, Outcome::ConditionallyApproved);
}

#[test]
fn contradictions_name_both_answers_and_are_not_scored() {
    let bank = mini();
    let mut a = door("yes");
    a.insert("q_reach".into(), Answer::Choice("everyone".into()));
    let r = evaluate(&bank, &a, &Plan::new());
    assert_eq!(r.contradictions.len(), 1);
    let c = &r.contradictions[0];
    assert_eq!((c.first.question.as_str(), c.first.option.as_str()), ("q_reach", "everyone"));
    assert_eq!((c.second.question.as_str(), c.second.option.as_str()), ("q_alternative", "yes"));
    assert!(c.declared);
    // Not silently scored: the risks are what the answers raise, but no approval while the
    // point is open.
    assert_eq!(r.risk("r_surveillance").unwrap().inherent, pos(2, 2));
    assert_eq!(r.decision.outcome, Outcome::ConditionallyApproved);
}

#[test]
fn none_of_these_with_another_option_is_a_contradiction() {
    let bank = mini();
    let mut a = door("yes");
    a.insert("q_purposes".into(), multi(&["none", "attendance"]));
    let r = evaluate(&bank, &a, &Plan::new());
    assert_eq!(r.contradictions.len(), 1);
    assert_eq!(r.contradictions[0].first.option, "none");
    assert_eq!(r.contradictions[0].second.option, "attendance");
    assert!(!r.contradictions[0].declared);
}

#[test]
fn drivers_and_what_ifs_are_computed_by_re_evaluating() {
    let bank = mini();
    let a = door("no");
    assert_eq!(evaluate(&bank, &a, &Plan::new()).decision.outcome, Outcome::Consultation);
    let x = explain(&bank, &a, &Plan::new());
    // The unencrypted store drives the decision: encrypted, it would be approved.
    let first = &x.drivers[0];
    assert_eq!(
        first.lever,
        Lever::Answer {
            cause: Cause { question: "q_encrypted".into(), option: "no".into() },
            instead: vec!["yes".into()]
        }
    );
    assert_eq!(first.outcome, Outcome::Approved);
    // With the required measure in place it would be approved as well.
    assert_eq!(x.outcome_with("s_encryption_logging"), Some(Outcome::Approved));
    // Nothing is planned, so the only group what-if is every required measure in place.
    assert_eq!(x.what_if.len(), 1, "{:?}", x.what_if);
    assert!(matches!(&x.what_if[0].lever, Lever::Required(m) if m.contains(&"s_encryption_logging".to_string())));
    assert_eq!(x.what_if[0].outcome, Outcome::Approved);
    // An approved assessment has nothing that would improve its outcome.
    let mut plan = Plan::new();
    plan.insert("s_encryption_logging".into(), item(Status::InPlace));
    assert_eq!(evaluate(&bank, &a, &plan).decision.outcome, Outcome::Approved);
    assert!(explain(&bank, &a, &plan).drivers.is_empty());
    // Nothing to explain before anything is assessed.
    assert_eq!(explain(&bank, &Answers::new(), &Plan::new()), Default::default());
}

#[test]
fn a_rejection_is_explained_only_by_answers_that_would_lift_it() {
    let bank = mini();
    let mut a = door("no");
    a.insert("q_scraping".into(), Answer::Choice("yes".into()));
    assert_eq!(evaluate(&bank, &a, &Plan::new()).decision.outcome, Outcome::Rejected);
    let x = explain(&bank, &a, &Plan::new());
    // The red line is the only lever; the unencrypted store lowers the score but cannot lift it.
    let levers: Vec<&Lever> = x.drivers.iter().map(|d| &d.lever).collect();
    assert_eq!(levers.len(), 1, "{levers:?}");
    assert!(matches!(levers[0], Lever::Answer { cause, .. } if cause.question == "q_scraping"));
    assert_ne!(x.drivers[0].outcome, Outcome::Rejected);
}

#[test]
fn outcome_keys_read_the_old_verdict_keys() {
    for o in Outcome::ALL {
        assert_eq!(Outcome::from_key(o.key()), Some(o));
    }
    assert_eq!(Outcome::from_key("do_not_proceed"), Some(Outcome::Rejected));
    assert_eq!(Outcome::from_key("prior_consultation"), Some(Outcome::Consultation));
    assert_eq!(Outcome::from_key("proceed"), Some(Outcome::ConditionallyApproved));
    assert_eq!(Outcome::from_key("nonsense"), None);
}

/// The mini bank with a second measure against a breach, named as an alternative to
/// encryption (as the template held by the person and the centrally stored template with the
/// person's key are in the real bank).
fn mini_with_alternative() -> Bank {
    let mut bank = mini();
    let mut key = bank.safeguard("s_encryption_logging").unwrap().clone();
    key.id = "s_key_held".into();
    key.alternatives = vec!["s_encryption_logging".into()];
    bank.safeguards.push(key);
    assert!(biodpia::domain::validate::validate(&bank).is_empty());
    bank
}

#[test]
fn one_of_two_alternative_measures_is_one_condition_and_enough() {
    let bank = mini_with_alternative();
    assert_eq!(bank.alternatives("s_encryption_logging"), ["s_key_held"]);
    assert_eq!(bank.alternatives("s_key_held"), ["s_encryption_logging"]);
    // Unsure whether encrypted: the breach risk is high and no answer requires encryption by
    // name (an answer that does makes it a must whatever its alternatives).
    let a = door("unsure");
    let musts = |r: &Report| {
        let mut m: Vec<String> =
            r.recommendations.iter().filter(|x| x.priority == Priority::Must).map(|x| x.safeguard.clone()).collect();
        m.sort();
        m
    };
    // Nothing planned: both lower the high breach risk, each names the other as enough instead,
    // and the decision lists one condition for the two.
    let r = evaluate(&bank, &a, &Plan::new());
    assert_eq!(musts(&r), ["s_encryption_logging", "s_key_held", "s_prior_consultation"]);
    let rec = |r: &Report, id: &str| r.recommendations.iter().find(|x| x.safeguard == id).cloned();
    assert_eq!(rec(&r, "s_encryption_logging").unwrap().alternatives, ["s_key_held"]);
    assert_eq!(rec(&r, "s_key_held").unwrap().alternatives, ["s_encryption_logging"]);
    let breach: Vec<_> = r.decision.conditions.iter().filter(|c| c.safeguard != "s_prior_consultation").collect();
    assert_eq!(breach.len(), 1, "{:?}", r.decision.conditions);
    let mut group = vec![breach[0].safeguard.clone()];
    group.extend(breach[0].alternatives.iter().cloned());
    group.sort();
    assert_eq!(group, ["s_encryption_logging", "s_key_held"]);
    // The "all required measures" what-if puts one of the group in place, not both.
    let x = explain(&bank, &a, &Plan::new());
    let required = x.what_if.iter().find_map(|w| match &w.lever {
        Lever::Required(ids) => Some(ids.clone()),
        _ => None,
    });
    if let Some(ids) = required {
        assert_eq!(ids.iter().filter(|i| group.contains(i)).count(), 1, "{ids:?}");
    }

    // Planning one of them is enough: the other is no longer a must, and the decision rests
    // on the planned one alone.
    for (chosen, other) in [("s_key_held", "s_encryption_logging"), ("s_encryption_logging", "s_key_held")] {
        let mut plan = Plan::new();
        plan.insert(chosen.into(), item(Status::Planned));
        let r = evaluate(&bank, &a, &plan);
        assert_eq!(r.decision.outcome, Outcome::ConditionallyApproved, "{chosen} planned");
        assert_eq!(musts(&r), [chosen], "{chosen} planned");
        assert!(rec(&r, other).is_none_or(|x| x.priority == Priority::Should), "{other}");
        let c: Vec<&str> = r.decision.conditions.iter().map(|c| c.safeguard.as_str()).collect();
        assert_eq!(c, [chosen]);
        assert!(r.decision.conditions[0].alternatives.is_empty());
        // In place: approved, whatever the other.
        plan.insert(chosen.into(), item(Status::InPlace));
        let r = evaluate(&bank, &a, &plan);
        assert_eq!(r.decision.outcome, Outcome::Approved, "{chosen} in place: {:?}", r.decision);
    }
    // Without the alternative the same answers need encryption itself (the mini bank).
    let r = evaluate(&mini(), &a, &Plan::new());
    assert!(r.decision.conditions.iter().any(|c| c.safeguard == "s_encryption_logging"));
    assert!(r.decision.conditions.iter().all(|c| c.alternatives.is_empty()));
    // Required by name (not encrypted): encryption is a must of its own, not replaceable.
    let r = evaluate(&bank, &door("no"), &Plan::new());
    let enc = r.decision.conditions.iter().find(|c| c.safeguard == "s_encryption_logging").unwrap();
    assert!(enc.alternatives.is_empty());
}

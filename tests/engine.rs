//! The engine against a small fixed bank (tests/fixtures/mini), so that these expectations do
//! not move when the real question bank is edited.

use std::path::Path;

use biodpia::domain::answers::{Answer, Answers, Plan, PlanItem, Status};
use biodpia::domain::engine::{evaluate, score, visible_questions, Level, Position, Priority, Report, Verdict};
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
fn nothing_answered_is_low_and_complete_flags_open_questions() {
    let bank = mini();
    let r = evaluate(&bank, &Answers::new(), &Plan::new());
    assert_eq!(Report::band(r.residual_score), Level::Low);
    assert_eq!(r.verdict, Verdict::ProceedWithSafeguards);
    assert!(!r.complete());
    // q_encrypted stays hidden until q_mode is answered (a none_of clause needs an answer).
    assert_eq!(r.unanswered, vec!["q_mode", "q_scraping"]);
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
fn red_line_means_do_not_proceed_whatever_the_score() {
    let bank = mini();
    let a = answers(&[("q_mode", "verify"), ("q_encrypted", "yes"), ("q_scraping", "yes")]);
    let r = evaluate(&bank, &a, &Plan::new());
    assert_eq!(r.verdict, Verdict::DoNotProceed);
    assert_eq!(r.red_lines.len(), 1);
    let first = &r.recommendations[0];
    assert_eq!((first.safeguard.as_str(), first.priority), ("s_do_not_proceed", Priority::Must));
}

#[test]
fn high_residual_risk_requires_prior_consultation() {
    let bank = mini();
    let a = answers(&[("q_mode", "identify"), ("q_encrypted", "no"), ("q_scraping", "no")]);
    let r = evaluate(&bank, &a, &Plan::new());
    assert_eq!(r.verdict, Verdict::PriorConsultation);
    assert!(r.recommendations.iter().any(|x| x.safeguard == "s_prior_consultation" && x.priority == Priority::Must));
    assert!(r.screening.required);
    assert_eq!(r.screening.criteria, vec!["systematic_monitoring", "sensitive"]);
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
fn recommendations_are_ordered_must_should_could() {
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
    // The verdict stays "do not proceed" while the red-line answer stands.
    assert_eq!(r.verdict, Verdict::DoNotProceed);
}

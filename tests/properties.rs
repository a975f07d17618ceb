//! Properties of the risk model over generated answer sets, on the real question bank and on
//! the fixed mini bank.

use std::path::Path;

use proptest::prelude::*;

use biodpia::domain::answers::{Answer, Answers, Plan, PlanItem, Status};
use biodpia::domain::engine::{applicable_raises, evaluate, explain, Outcome, Report};
use biodpia::domain::load::load_and_validate;
use biodpia::domain::model::{Bank, Kind};

fn real() -> &'static Bank {
    biodpia::bank::bank()
}

fn mini() -> Bank {
    load_and_validate(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")).unwrap()
}

/// For every question: maybe an answer, chosen by index seeds.
fn answer_sets(bank: &Bank) -> impl Strategy<Value = Answers> {
    let questions: Vec<_> = bank.questions().cloned().collect();
    let n = questions.len();
    proptest::collection::vec((any::<bool>(), any::<u32>(), any::<u32>()), n).prop_map(move |seeds| {
        let mut a = Answers::new();
        for (q, (present, s1, s2)) in questions.iter().zip(seeds) {
            if !present {
                continue;
            }
            let answer = match q.kind {
                Kind::Text => Answer::Text(format!("text {s1}")),
                // Tables describe the case; the engine scores nothing of them.
                Kind::Table => continue,
                Kind::Single | Kind::YesNo => Answer::Choice(q.options[s1 as usize % q.options.len()].id.clone()),
                Kind::Multi => Answer::Multi(
                    q.options
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| (s2 >> (i % 32)) & 1 == 1)
                        .map(|(_, o)| o.id.clone())
                        .collect(),
                ),
            };
            a.insert(q.id.clone(), answer);
        }
        a
    })
}

fn plans(bank: &Bank) -> impl Strategy<Value = Plan> {
    let ids: Vec<String> = bank.safeguards.iter().map(|s| s.id.clone()).collect();
    proptest::collection::vec(0u8..3, ids.len()).prop_map(move |st| {
        ids.iter()
            .zip(st)
            .map(|(id, s)| {
                let status = [Status::NotPlanned, Status::Planned, Status::InPlace][s as usize];
                (id.clone(), PlanItem { status, ..Default::default() })
            })
            .collect()
    })
}

fn check_bounds(r: &Report) {
    for s in [r.inherent_score, r.residual_score, r.planned_score] {
        assert!(s <= 100);
    }
    // The band is the worst risk's level: one very high risk is never averaged away.
    let worst = r.risks.iter().map(|x| x.residual.level()).max().unwrap();
    assert_eq!(Report::band(r.residual_score), worst);
    for x in &r.risks {
        assert!(
            x.residual <= x.inherent
                || (x.residual.likelihood <= x.inherent.likelihood && x.residual.severity <= x.inherent.severity)
        );
        assert!(x.planned.likelihood <= x.residual.likelihood && x.planned.severity <= x.residual.severity);
    }
    assert!(r.planned_score <= r.residual_score && r.residual_score <= r.inherent_score);
}

fn adding_a_safeguard_never_raises(bank: &Bank, answers: &Answers, plan: &Plan, pick: usize) {
    let before = evaluate(bank, answers, plan);
    let sid = bank.safeguards[pick % bank.safeguards.len()].id.clone();
    let mut more = plan.clone();
    more.insert(sid.clone(), PlanItem { status: Status::InPlace, ..Default::default() });
    let after = evaluate(bank, answers, &more);
    for (b, a) in before.risks.iter().zip(&after.risks) {
        assert!(
            a.residual.likelihood <= b.residual.likelihood && a.residual.severity <= b.residual.severity,
            "{sid} raised {}: {:?} -> {:?}",
            b.risk,
            b.residual,
            a.residual
        );
    }
    assert!(after.residual_score <= before.residual_score);
}

/// Options of `q` ordered so that `riskier` raises at least as much as `safer` on every risk
/// (counting the raises that apply given the other answers) and implements no safeguard that
/// `safer` lacks.
fn dominates(
    bank: &Bank,
    answers: &Answers,
    riskier: &biodpia::domain::model::AnswerOption,
    safer: &biodpia::domain::model::AnswerOption,
) -> bool {
    bank.risks.iter().all(|r| {
        let top = |o: &biodpia::domain::model::AnswerOption| {
            applicable_raises(bank, answers, o)
                .into_iter()
                .filter(|x| x.risk == r.id)
                .fold((1, 1), |(l, s), x| (l.max(x.likelihood), s.max(x.severity)))
        };
        let (a, b) = (top(riskier), top(safer));
        a.0 >= b.0 && a.1 >= b.1
    }) && riskier.implements.iter().all(|s| safer.implements.contains(s))
        && (riskier.red_line.is_some() || safer.red_line.is_none())
}

/// Questions that some show_if or raise condition refers to: changing them can hide other
/// questions or change what other answers raise.
fn referenced(bank: &Bank) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for q in bank.questions() {
        out.extend(q.show_if.iter().chain(&q.show_if_any).map(|c| c.question.as_str()));
        for r in q.options.iter().flat_map(|o| &o.raises) {
            out.extend(r.when.iter().chain(&r.unless).map(|c| c.question.as_str()));
        }
    }
    out
}

fn riskier_option_never_lowers_the_score(bank: &Bank, answers: &Answers, plan: &Plan, pick: usize) {
    // Questions that no condition depends on: changing them changes only their own raises.
    let referenced = referenced(bank);
    let candidates: Vec<_> = bank
        .questions()
        .filter(|q| matches!(q.kind, Kind::Single | Kind::YesNo) && !referenced.contains(&q.id.as_str()))
        .collect();
    if candidates.is_empty() {
        return;
    }
    let q = candidates[pick % candidates.len()];
    for a in &q.options {
        for b in &q.options {
            if a.id == b.id || !dominates(bank, answers, a, b) {
                continue;
            }
            let mut with_b = answers.clone();
            with_b.insert(q.id.clone(), Answer::Choice(b.id.clone()));
            let mut with_a = answers.clone();
            with_a.insert(q.id.clone(), Answer::Choice(a.id.clone()));
            let (rb, ra) = (evaluate(bank, &with_b, plan), evaluate(bank, &with_a, plan));
            assert!(ra.inherent_score >= rb.inherent_score, "{}: {} lowered inherent score vs {}", q.id, a.id, b.id);
            assert!(ra.residual_score >= rb.residual_score, "{}: {} lowered residual score vs {}", q.id, a.id, b.id);
        }
    }
}

fn order_never_matters(bank: &Bank, answers: &Answers, plan: &Plan, seed: u64) {
    // Insert the same answers in a scrambled order, one at a time, as a user would.
    let mut items: Vec<_> = answers.iter().collect();
    let len = items.len().max(1);
    for i in 0..items.len() {
        let j = (seed as usize).wrapping_mul(31).wrapping_add(i * 17) % len;
        items.swap(i, j);
    }
    let mut scrambled = Answers::new();
    for (q, a) in items {
        scrambled.insert(q.clone(), a.clone());
    }
    assert_eq!(evaluate(bank, answers, plan), evaluate(bank, &scrambled, plan));
    // The counterfactuals too.
    assert_eq!(explain(bank, answers, plan), explain(bank, &scrambled, plan));
}

/// Planned measures never yield an approval: what is approved with them is approved without.
fn planned_only_never_approves(bank: &Bank, answers: &Answers, plan: &Plan) {
    let r = evaluate(bank, answers, plan);
    if r.decision.outcome != Outcome::Approved {
        return;
    }
    let without: Plan =
        plan.iter().filter(|(_, i)| i.status != Status::Planned).map(|(k, v)| (k.clone(), v.clone())).collect();
    assert_eq!(
        evaluate(bank, answers, &without).decision.outcome,
        Outcome::Approved,
        "approved only thanks to planned measures"
    );
    assert!(r.decision.conditions.is_empty() && !r.decision.provisional);
}

/// A measure put in place never worsens the decision.
fn a_measure_in_place_never_worsens_the_decision(bank: &Bank, answers: &Answers, plan: &Plan, pick: usize) {
    let before = evaluate(bank, answers, plan).decision.outcome;
    let sid = bank.safeguards[pick % bank.safeguards.len()].id.clone();
    let mut more = plan.clone();
    more.insert(sid.clone(), PlanItem { status: Status::InPlace, ..Default::default() });
    let after = evaluate(bank, answers, &more).decision.outcome;
    assert!(after.rank() >= before.rank(), "{sid} in place: {before:?} -> {after:?}");
}

/// Adding an answer that only puts a safeguard in place (it raises nothing, requires nothing,
/// crosses no red line) never worsens the decision, unless it contradicts another answer (then
/// the contradiction is reported, which keeps the decision below approval).
fn an_implementing_answer_never_worsens_the_decision(bank: &Bank, answers: &Answers, plan: &Plan, pick: usize) {
    let candidates: Vec<(&str, &str, Kind)> = bank
        .questions()
        .filter(|q| !answers.contains_key(&q.id) && matches!(q.kind, Kind::Single | Kind::YesNo | Kind::Multi))
        .flat_map(|q| {
            q.options
                .iter()
                .filter(|o| {
                    !o.implements.is_empty()
                        && o.raises.is_empty()
                        && o.requires.is_empty()
                        && o.red_line.is_none()
                        && o.find_out.is_none()
                })
                .map(move |o| (q.id.as_str(), o.id.as_str(), q.kind))
        })
        .collect();
    if candidates.is_empty() {
        return;
    }
    let (qid, oid, kind) = candidates[pick % candidates.len()];
    let before = evaluate(bank, answers, plan);
    let mut more = answers.clone();
    let answer =
        if kind == Kind::Multi { Answer::Multi(vec![oid.to_string()]) } else { Answer::Choice(oid.to_string()) };
    more.insert(qid.to_string(), answer);
    let after = evaluate(bank, &more, plan);
    if before.decision.outcome == Outcome::NotAssessed || after.contradictions.len() > before.contradictions.len() {
        return;
    }
    assert!(
        after.decision.outcome.rank() >= before.decision.outcome.rank(),
        "{qid} = {oid}: {:?} -> {:?}",
        before.decision.outcome,
        after.decision.outcome
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn real_bank_scores_stay_in_bounds((a, p) in (answer_sets(real()), plans(real()))) {
        check_bounds(&evaluate(real(), &a, &p));
    }

    #[test]
    fn real_bank_adding_a_safeguard_never_raises_a_risk((a, p, pick) in (answer_sets(real()), plans(real()), any::<usize>())) {
        adding_a_safeguard_never_raises(real(), &a, &p, pick);
    }

    #[test]
    fn real_bank_riskier_option_never_lowers_the_score((a, p, pick) in (answer_sets(real()), plans(real()), any::<usize>())) {
        riskier_option_never_lowers_the_score(real(), &a, &p, pick);
    }

    #[test]
    fn real_bank_order_of_answering_never_matters((a, p, seed) in (answer_sets(real()), plans(real()), any::<u64>())) {
        order_never_matters(real(), &a, &p, seed);
    }

    #[test]
    fn real_bank_planned_measures_never_yield_approved((a, p) in (answer_sets(real()), plans(real()))) {
        planned_only_never_approves(real(), &a, &p);
    }

    #[test]
    fn real_bank_a_measure_in_place_never_worsens_the_decision((a, p, pick) in (answer_sets(real()), plans(real()), any::<usize>())) {
        a_measure_in_place_never_worsens_the_decision(real(), &a, &p, pick);
    }

    #[test]
    fn real_bank_an_implementing_answer_never_worsens_the_decision((a, p, pick) in (answer_sets(real()), plans(real()), any::<usize>())) {
        an_implementing_answer_never_worsens_the_decision(real(), &a, &p, pick);
    }

    #[test]
    fn mini_bank_properties((a, p, pick) in (answer_sets(&mini()), plans(&mini()), any::<usize>())) {
        let bank = mini();
        check_bounds(&evaluate(&bank, &a, &p));
        adding_a_safeguard_never_raises(&bank, &a, &p, pick);
        riskier_option_never_lowers_the_score(&bank, &a, &p, pick);
        order_never_matters(&bank, &a, &p, pick as u64);
        planned_only_never_approves(&bank, &a, &p);
        a_measure_in_place_never_worsens_the_decision(&bank, &a, &p, pick);
        an_implementing_answer_never_worsens_the_decision(&bank, &a, &p, pick);
    }
}

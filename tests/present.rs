//! What the views show of a report (src/domain/present.rs): the order of the raised risks, the
//! rows of the action plan, the findings cited and the progress per section, on answer sets
//! spread over the real bank.

use std::collections::BTreeSet;

use biodpia::domain::answers::{Answer, Answers, Plan, PlanItem, Status};
use biodpia::domain::engine::{evaluate, Report};
use biodpia::domain::model::{Bank, Kind, PRINCIPLES};
use biodpia::domain::present;

fn bank() -> &'static Bank {
    biodpia::bank::bank()
}

/// Every question answered with option `pick(question index, number of options)`; text
/// questions answered when `text` is true. Multiple choice takes that option and the next.
fn answers(pick: impl Fn(usize, usize) -> usize, text: bool) -> Answers {
    let mut a = Answers::new();
    for (i, q) in bank().questions().enumerate() {
        let n = q.options.len();
        let answer = match q.kind {
            Kind::Text if text => Answer::Text(format!("text {i}")),
            Kind::Table if text => {
                let c = &q.columns[0];
                let v = if c.options.is_empty() { format!("row {i}") } else { c.options[0].id.clone() };
                Answer::Table(vec![[(c.id.clone(), v)].into_iter().collect()])
            }
            Kind::Text | Kind::Table => continue,
            Kind::Multi => {
                let mut v: Vec<String> =
                    [pick(i, n), (pick(i, n) + 1) % n].iter().map(|&j| q.options[j].id.clone()).collect();
                v.dedup();
                Answer::Multi(v)
            }
            _ => Answer::Choice(q.options[pick(i, n)].id.clone()),
        };
        a.insert(q.id.clone(), answer);
    }
    a
}

/// A spread of answer sets: first options, last options, every third question left open, and
/// option picks that vary from question to question.
fn cases() -> Vec<(Answers, Plan)> {
    let mut plan = Plan::new();
    let safeguards = &bank().safeguards;
    plan.insert(safeguards[0].id.clone(), PlanItem { status: Status::InPlace, ..Default::default() });
    plan.insert(safeguards[1].id.clone(), PlanItem { status: Status::Planned, ..Default::default() });
    plan.insert(
        safeguards[2].id.clone(),
        PlanItem { status: Status::NotPlanned, owner: "x".into(), ..Default::default() },
    );
    let mut out = vec![
        (Answers::new(), Plan::new()),
        (answers(|_, _| 0, true), Plan::new()),
        (answers(|_, n| n - 1, false), plan.clone()),
        (answers(|i, n| (i * 7 + 3) % n, true), plan.clone()),
        (answers(|i, n| (i * 5 + 1) % n, false), Plan::new()),
    ];
    let mut gaps = answers(|i, n| (i * 3) % n, true);
    let keys: Vec<String> = gaps.keys().cloned().collect();
    for k in keys.iter().step_by(3) {
        gaps.remove(k);
    }
    out.push((gaps, plan));
    out
}

#[test]
fn raised_risks_are_listed_worst_first_each_once() {
    for (answers, plan) in cases() {
        let r = evaluate(bank(), &answers, &plan);
        let raised = r.raised_worst_first();
        let ids: Vec<&str> = raised.iter().map(|x| x.risk.as_str()).collect();
        let expected: BTreeSet<&str> = r.risks.iter().filter(|x| x.is_raised()).map(|x| x.risk.as_str()).collect();
        assert_eq!(ids.iter().copied().collect::<BTreeSet<_>>(), expected);
        assert_eq!(ids.len(), expected.len());
        for w in raised.windows(2) {
            let key =
                |x: &biodpia::domain::engine::RiskResult| (x.planned.level(), x.residual.level(), x.inherent.level());
            assert!(key(w[0]) >= key(w[1]), "{} before {}", w[0].risk, w[1].risk);
            if key(w[0]) == key(w[1]) {
                let at = |id: &str| bank().risk_index(id).unwrap();
                assert!(at(&w[0].risk) < at(&w[1].risk), "ties in bank order");
            }
        }
    }
}

#[test]
fn cited_findings_are_those_of_the_reasons_given_in_bank_order() {
    let b = bank();
    let mut some = false;
    for (answers, plan) in cases() {
        let r = evaluate(b, &answers, &plan);
        let cited = r.cited_findings(b);
        some |= !cited.is_empty();
        let positions: Vec<usize> =
            cited.iter().map(|f| b.findings.iter().position(|x| x.id == f.id).unwrap()).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "bank order, each once");
        // Exactly the findings behind the raises, red lines and recommendations.
        let mut expected = BTreeSet::new();
        let causes = r.risks.iter().flat_map(|x| x.raised_by.iter().map(|(c, _)| c)).chain(&r.red_lines);
        for c in causes {
            expected.extend(b.question(&c.question).unwrap().option(&c.option).unwrap().findings.iter().cloned());
        }
        for rec in &r.recommendations {
            expected.extend(b.safeguard(&rec.safeguard).unwrap().findings.iter().cloned());
        }
        assert_eq!(cited.iter().map(|f| f.id.clone()).collect::<BTreeSet<_>>(), expected);
    }
    assert!(some, "some case cites findings");
}

#[test]
fn action_plan_lists_recommendations_then_what_is_in_place() {
    let b = bank();
    let mut by_answers = false;
    let mut by_plan = false;
    for (answers, plan) in cases() {
        let r: Report = evaluate(b, &answers, &plan);
        let rows = r.plan_rows(b, &plan);
        let n = r.recommendations.len();
        // The recommendations first, in their priority order, each with its reason.
        for (row, rec) in rows.iter().zip(&r.recommendations) {
            assert_eq!(row.safeguard.id, rec.safeguard);
            assert_eq!(row.recommendation, Some(rec));
            assert!(!row.in_place_by_answers);
        }
        // Then every safeguard in place, in bank order, by plan or by answers.
        let rest: Vec<&str> = rows[n..].iter().map(|x| x.safeguard.id.as_str()).collect();
        let in_place: Vec<&str> =
            b.safeguards.iter().map(|s| s.id.as_str()).filter(|id| r.in_place.iter().any(|x| x == id)).collect();
        assert_eq!(rest, in_place);
        for row in &rows[n..] {
            assert_eq!(row.recommendation, None);
            let planned_in_place = plan.get(&row.safeguard.id).is_some_and(|p| p.status == Status::InPlace);
            assert_eq!(row.in_place_by_answers, !planned_in_place, "{}", row.safeguard.id);
            by_answers |= row.in_place_by_answers;
            by_plan |= planned_in_place;
        }
        let ids: BTreeSet<&str> = rows.iter().map(|x| x.safeguard.id.as_str()).collect();
        assert_eq!(ids.len(), rows.len(), "each safeguard once");
    }
    assert!(by_answers && by_plan, "the cases cover both kinds of safeguards in place");
}

#[test]
fn the_measures_are_grouped_under_the_eight_principles_of_the_template() {
    let b = bank();
    let mut empty_principle = false;
    for (answers, plan) in cases() {
        let r: Report = evaluate(b, &answers, &plan);
        let rows = r.plan_rows(b, &plan);
        let groups = r.principle_rows(b, &plan);
        // The eight rows of 2.3.a, in the template's order, whatever the answers.
        let principles: Vec<&str> = groups.iter().map(|g| g.principle).collect();
        assert_eq!(principles, PRINCIPLES);
        // Every row of the plan under exactly its safeguard's principle, in the plan's order.
        for g in &groups {
            assert!(g.measures.iter().all(|m| m.safeguard.principle == g.principle), "{}", g.principle);
            let expected: Vec<&str> =
                rows.iter().filter(|x| x.safeguard.principle == g.principle).map(|x| x.safeguard.id.as_str()).collect();
            let got: Vec<&str> = g.measures.iter().map(|x| x.safeguard.id.as_str()).collect();
            assert_eq!(got, expected, "{}", g.principle);
            empty_principle |= g.measures.is_empty();
        }
        assert_eq!(groups.iter().map(|g| g.measures.len()).sum::<usize>(), rows.len(), "each row once");
    }
    assert!(empty_principle, "the cases cover a principle with no measure");
}

#[test]
fn every_principle_has_a_safeguard_in_the_bank() {
    // A 2.3.a row that no measure could ever fill would be a gap in the bank.
    for p in PRINCIPLES {
        assert!(bank().safeguards.iter().any(|s| s.principle == p), "no safeguard supports {p}");
    }
}

#[test]
fn progress_counts_every_visible_question_once() {
    let b = bank();
    for (answers, plan) in cases() {
        let r = evaluate(b, &answers, &plan);
        let sections = r.section_progress(b, &answers);
        assert_eq!(sections.len(), b.sections.len());
        let total = present::total(&sections);
        // The navigation and the progress bar count the same questions as the engine.
        assert_eq!(total.total, r.visible.len());
        assert_eq!(total.answered, r.answered);
        // What is open is the choice questions the verdict still waits for (Report::unanswered),
        // plus the free-text and table questions left empty.
        let open_texts = r
            .visible
            .iter()
            .filter(|id| matches!(b.question(id).unwrap().kind, Kind::Text | Kind::Table))
            .filter(|id| answers.get(id.as_str()).is_none_or(|a| a.is_empty()))
            .count();
        assert_eq!(total.total - total.answered, r.unanswered.len() + open_texts);
        for (s, p) in b.sections.iter().zip(&sections) {
            let shown = s.questions.iter().filter(|q| r.visible.contains(&q.id)).count();
            assert_eq!(p.total, shown, "{}", s.id);
            assert!(p.answered <= p.total);
            assert_eq!(p.complete(), p.answered == p.total);
        }
    }
}

/// The archive door of the DPO review (tests/fixtures/exports), imported under the current
/// bank: most required measures planned with owner and date, one not planned at all.
fn archive_door() -> biodpia::persist::assessment::Assessment {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exports/archive_door_2026.11.2.json");
    biodpia::persist::transfer::import(bank(), &std::fs::read(path).unwrap()).expect("imports").0
}

fn view_of(a: &biodpia::persist::assessment::Assessment) -> (Report, biodpia::domain::engine::Explanation) {
    let r = evaluate(bank(), &a.answers, &a.plan);
    let x = biodpia::domain::engine::explain(bank(), &a.answers, &a.plan);
    (r, x)
}

#[test]
fn the_decision_lists_unplanned_conditions_first_and_what_would_change_it() {
    use biodpia::domain::engine::Outcome;
    use biodpia::domain::present::WhyLever;
    let a = archive_door();
    let (r, x) = view_of(&a);
    let v = r.decision_view(bank(), &x);
    assert_eq!(v.outcome, Outcome::MeasuresNotPlanned);
    // Every condition of the decision, the unplanned ones (which block approval) first, each
    // group in the engine's order.
    assert_eq!(v.conditions.len(), r.decision.conditions.len());
    let unplanned: Vec<&str> = r.decision.not_planned().map(|c| c.safeguard.as_str()).collect();
    let first: Vec<&str> = v.conditions[..unplanned.len()].iter().map(|c| c.safeguard.as_str()).collect();
    assert_eq!(first, unplanned);
    assert!(v.conditions[unplanned.len()..].iter().all(|c| c.status == Status::Planned));
    assert!(unplanned.contains(&"s_access_control"));
    // Each with the recommendation that says why it is required.
    assert!(v.conditions.iter().all(|c| c.recommendation.is_some_and(|r| r.safeguard == c.safeguard)));
    // Not a consultation, no red line; the contradiction between the UAVG 29 answer and the
    // alternative offered to everyone is a point to resolve.
    assert!(v.art36.is_empty() && v.red_lines.is_empty());
    assert_eq!(v.contradictions, &r.contradictions[..]);
    assert!(v
        .contradictions
        .iter()
        .any(|c| c.first.question == "q_uavg29_without_biometrics" && c.second.question == "q_alternative_offered"));
    // Until the planned measures are in place, the breach risk stays high.
    assert!(v.until_planned.iter().any(|x| x.risk == "r_breach"), "{:?}", v.until_planned);
    // What would change it: every required measure in place gives a conditional approval at
    // best (a contradiction is open); planned measures alone never change this outcome, so
    // they are not named.
    assert!(v.why.iter().all(|w| w.changes || matches!(w.lever, WhyLever::Instead { .. } | WhyLever::Without { .. })));
    assert!(
        v.why.iter().any(|w| matches!(w.lever, WhyLever::Required(_)) && w.outcome == Outcome::ConditionallyApproved),
        "{:?}",
        v.why
    );
    assert!(!v.why.iter().any(|w| matches!(w.lever, WhyLever::Planned(_))));
}

#[test]
fn a_consultation_names_the_risks_that_stay_high_and_a_conditional_approval_none_blocking() {
    use biodpia::domain::answers::PlanItem;
    use biodpia::domain::engine::Outcome;
    // Without its action plan the archive door is a case for prior consultation.
    let mut a = archive_door();
    a.plan = Plan::new();
    let (r, x) = view_of(&a);
    let v = r.decision_view(bank(), &x);
    assert_eq!(v.outcome, Outcome::Consultation);
    let high: Vec<&str> = v.art36.iter().map(|x| x.risk.as_str()).collect();
    assert_eq!(
        high.iter().copied().collect::<BTreeSet<_>>(),
        r.decision.high_risks.iter().map(String::as_str).collect()
    );
    assert!(!high.is_empty());
    assert!(v.art36.windows(2).all(|w| w[0].planned.level() >= w[1].planned.level()), "worst first");
    assert!(v.until_planned.is_empty());
    // Every required measure planned, with owner and date: conditionally approved, the
    // conditions carry the plan's owner and due date and nothing blocks.
    for c in &r.decision.conditions {
        a.plan.insert(
            c.safeguard.clone(),
            PlanItem { status: Status::Planned, owner: "FG".into(), due: "2027-01-31".into() },
        );
    }
    let (r, x) = view_of(&a);
    let v = r.decision_view(bank(), &x);
    assert_eq!(v.outcome, Outcome::ConditionallyApproved);
    assert!(!v.conditions.is_empty());
    assert!(v.conditions.iter().all(|c| c.status == Status::Planned && c.owner == "FG" && c.due == "2027-01-31"));
    assert!(v.art36.is_empty());
}

#[test]
fn a_rejection_shows_its_red_lines_and_no_conditions() {
    use biodpia::domain::engine::Outcome;
    let mut rejected = false;
    for (answers, plan) in cases() {
        let r = evaluate(bank(), &answers, &plan);
        let x = biodpia::domain::engine::explain(bank(), &answers, &plan);
        rejected |= r.decision.outcome == Outcome::Rejected;
        let v = r.decision_view(bank(), &x);
        assert_eq!(v.outcome, r.decision.outcome);
        match v.outcome {
            Outcome::Rejected => {
                assert_eq!(v.red_lines, &r.red_lines[..]);
                assert!(!v.red_lines.is_empty());
                assert!(v.conditions.is_empty() && v.art36.is_empty());
            }
            Outcome::NotAssessed => {
                assert!(v.why.is_empty() && v.contradictions.is_empty() && v.conditions.is_empty());
            }
            Outcome::Approved => assert!(v.conditions.is_empty() && v.why.is_empty()),
            _ => assert!(v.red_lines.is_empty()),
        }
        // Never more lines than the caps allow.
        assert!(v.why.len() <= biodpia::domain::engine::MAX_DRIVERS + present::MAX_MEASURES + 2);
    }
    assert!(rejected, "the cases include a rejection");
}

#[test]
fn an_approval_names_the_measures_it_rests_on_and_the_risks_it_accepts() {
    use biodpia::domain::engine::{Level, Outcome};
    // The bank vault of the DPO review (templates on each employee's card, UAVG 29), with the
    // one question the bank gained since answered.
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exports/bank_vault_2026.11.2.json");
    let mut a = biodpia::persist::transfer::import(bank(), &std::fs::read(path).unwrap()).expect("imports").0;
    a.answers.insert("q_competent_authority".into(), Answer::Choice("ap".into()));
    let (r, x) = view_of(&a);
    let v = r.decision_view(bank(), &x);
    assert_eq!(v.outcome, Outcome::Approved);
    assert!(v.conditions.is_empty() && v.why.is_empty() && v.red_lines.is_empty() && v.art36.is_empty());
    // Every measure named is in place and lowers a raised risk; the template on the card is one.
    assert!(v.rests_on.contains(&"s_template_user_held"), "{:?}", v.rests_on);
    for s in &v.rests_on {
        assert!(r.in_place.iter().any(|x| x == s), "{s} in place");
        assert!(
            r.risks.iter().any(|x| x.is_raised() && x.lowered_by.iter().any(|l| l == s)),
            "{s} lowers a raised risk"
        );
    }
    let order: Vec<usize> =
        v.rests_on.iter().map(|s| bank().safeguards.iter().position(|x| x.id == *s).unwrap()).collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "bank order");
    // The risks accepted: those still medium with everything in place (a fingerprint cannot be
    // reissued, so a breach stays significant), none high.
    assert!(!v.accepted.is_empty());
    assert!(v.accepted.iter().all(|x| x.planned.level() == Level::Medium));
    let expected = r.risks.iter().filter(|x| x.is_raised() && x.planned.level() >= Level::Medium).count();
    assert_eq!(v.accepted.len(), expected);
    // A rejection or a consultation names neither.
    let mut b = archive_door();
    b.plan = Plan::new();
    let (r, x) = view_of(&b);
    let v = r.decision_view(bank(), &x);
    assert!(v.rests_on.is_empty() && v.accepted.is_empty());
}

//! The calibration set: realistic cases against the real question bank. Each file in
//! tests/scenarios/ describes a deployment, states in `[case]` what kind of case it is and the
//! decision or guidance behind its expectation, and in `[expect]` the decision and band a DPO
//! would sign. Enforcement cases are the decisions of the fact sheets; well-designed
//! deployments must come out approved or conditionally approved with a low or medium residual
//! risk.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use biodpia::domain::answers::{check, Answer, Answers, Plan, PlanItem, Status};
use biodpia::domain::engine::{evaluate, explain, Outcome, Priority, Report};
use biodpia::domain::model::{Bank, Kind};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    case: Case,
    expect: Expect,
    answers: BTreeMap<String, toml::Value>,
    #[serde(default)]
    plan: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// "enforcement" (a decision of the fact sheets), "well_designed" or "variant".
    kind: String,
    /// The decision or guidance behind the expectation, with its date and reference.
    basis: String,
    /// The bank's findings this case calibrates (must exist in the bank).
    #[serde(default)]
    findings: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    /// `Outcome::key()`.
    decision: String,
    band: String,
    /// Questions whose answers are red lines, in any order.
    #[serde(default)]
    red_lines: Vec<String>,
    dpia_required: bool,
    #[serde(default)]
    complete: bool,
    /// Safeguards that must be recommended as "must".
    #[serde(default)]
    must: Vec<String>,
    /// Safeguards that must not be recommended at all (their precondition is ruled out).
    #[serde(default)]
    not_recommended: Vec<String>,
    /// Contradictions expected, as "q_a.option / q_b.option" (first / second).
    #[serde(default)]
    contradictions: Vec<String>,
    /// Questions that must not be asked in this case.
    #[serde(default)]
    hidden: Vec<String>,
}

fn to_answers(bank: &Bank, file: &str, raw: &BTreeMap<String, toml::Value>) -> Answers {
    let mut out = Answers::new();
    for (q, v) in raw {
        let question = bank.question(q).unwrap_or_else(|| panic!("{file}: unknown question {q}"));
        let answer = match (question.kind, v) {
            (Kind::Multi, toml::Value::Array(items)) => {
                Answer::Multi(items.iter().map(|i| i.as_str().expect("option id").to_string()).collect())
            }
            (Kind::Text, toml::Value::String(s)) => Answer::Text(s.clone()),
            (_, toml::Value::String(s)) => Answer::Choice(s.clone()),
            _ => panic!("{file}: {q}: wrong value type"),
        };
        check(bank, q, &answer).unwrap_or_else(|e| panic!("{file}: {q}: {e:?}"));
        out.insert(q.clone(), answer);
    }
    out
}

fn to_plan(file: &str, raw: &BTreeMap<String, String>) -> Plan {
    raw.iter()
        .map(|(s, status)| {
            let status = match status.as_str() {
                "in_place" => Status::InPlace,
                "planned" => Status::Planned,
                "not_planned" => Status::NotPlanned,
                other => panic!("{file}: {s}: unknown status {other}"),
            };
            (s.clone(), PlanItem { status, owner: "Owner".into(), due: "2027-01-31".into() })
        })
        .collect()
}

struct Checked {
    file: String,
    kind: String,
    expected: (String, String),
    got: (String, String),
    problems: Vec<String>,
}

fn load(path: &Path) -> (String, Scenario) {
    let file = path.file_name().unwrap().to_string_lossy().to_string();
    let text = std::fs::read_to_string(path).unwrap();
    let sc: Scenario = toml::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
    (file, sc)
}

fn check_scenario(path: &Path) -> Checked {
    let bank = biodpia::bank::bank();
    let (file, sc) = load(path);
    let answers = to_answers(bank, &file, &sc.answers);
    let plan = to_plan(&file, &sc.plan);
    let mut problems = Vec::new();
    for s in plan.keys() {
        if bank.safeguard(s).is_none() {
            problems.push(format!("unknown safeguard {s}"));
        }
    }
    for f in &sc.case.findings {
        if bank.finding(f).is_none() {
            problems.push(format!("unknown finding {f}"));
        }
    }
    if !["enforcement", "well_designed", "variant"].contains(&sc.case.kind.as_str()) {
        problems.push(format!("unknown kind {}", sc.case.kind));
    }
    if sc.case.basis.trim().len() < 20 {
        problems.push("basis must name the decision or guidance behind the expectation".into());
    }
    let r = evaluate(bank, &answers, &plan);
    let outcome = r.decision.outcome.key();
    if Outcome::from_key(&sc.expect.decision).is_none() {
        problems.push(format!("unknown decision {}", sc.expect.decision));
    }
    if outcome != sc.expect.decision {
        problems.push(format!("decision {outcome} (expected {})", sc.expect.decision));
    }
    let band = Report::band(r.residual_score).key();
    if band != sc.expect.band {
        problems.push(format!("band {band} at score {} (expected {})", r.residual_score, sc.expect.band));
    }
    let mut got: Vec<&str> = r.red_lines.iter().map(|c| c.question.as_str()).collect();
    got.sort_unstable();
    got.dedup();
    let mut want: Vec<&str> = sc.expect.red_lines.iter().map(String::as_str).collect();
    want.sort_unstable();
    if got != want {
        problems.push(format!("red lines {got:?} (expected {want:?})"));
    }
    if r.screening.required != sc.expect.dpia_required {
        problems.push(format!("dpia_required {}", r.screening.required));
    }
    if sc.expect.complete && !r.complete() {
        problems.push(format!("unanswered: {:?}", r.unanswered));
    }
    for m in &sc.expect.must {
        if !r.recommendations.iter().any(|x| x.safeguard == *m && x.priority == Priority::Must) {
            problems.push(format!("{m} not recommended as must"));
        }
    }
    for m in &sc.expect.not_recommended {
        if r.recommendations.iter().any(|x| x.safeguard == *m) {
            problems.push(format!("{m} recommended although ruled out"));
        }
    }
    let mut contradictions: Vec<String> = r
        .contradictions
        .iter()
        .map(|c| format!("{}.{} / {}.{}", c.first.question, c.first.option, c.second.question, c.second.option))
        .collect();
    contradictions.sort();
    let mut want = sc.expect.contradictions.clone();
    want.sort();
    if contradictions != want {
        problems.push(format!("contradictions {contradictions:?} (expected {want:?})"));
    }
    for q in &sc.expect.hidden {
        if r.visible.contains(q) {
            problems.push(format!("{q} is asked"));
        }
    }
    if let Some(dir) = std::env::var_os("BIODPIA_SCENARIO_EXPORT") {
        // Each case as an export file, for loading into the built widget (screenshots of the
        // results as a DPO reads them): `BIODPIA_SCENARIO_EXPORT=/tmp/x cargo test --test scenarios`.
        let mut a = biodpia::persist::assessment::Assessment::new(&bank.version, "Scenario");
        a.title = file.trim_end_matches(".toml").to_string();
        a.answers = answers.clone();
        a.plan = plan.clone();
        let path = Path::new(&dir).join(format!("{}.json", a.title));
        std::fs::create_dir_all(&dir).and_then(|_| std::fs::write(&path, biodpia::persist::transfer::export(&a))).unwrap();
    }
    if std::env::var_os("BIODPIA_SCENARIO_REPORT").is_some() {
        // For reading a case as a DPO would: `BIODPIA_SCENARIO_REPORT=1 cargo test --test
        // scenarios -- --nocapture`.
        println!("\n== {file}: {outcome} (provisional {}), band {band}", r.decision.provisional);
        for x in r.risks.iter().filter(|x| x.is_raised()) {
            let p = |p: biodpia::domain::engine::Position| format!("{}{}", p.likelihood, p.severity);
            println!("  risk {:<22} {} -> {} -> {}", x.risk, p(x.inherent), p(x.residual), p(x.planned));
        }
        let x = explain(bank, &answers, &plan);
        for rec in &r.recommendations {
            println!(
                "  {:?} {} req {:?} effect {:?} with {:?}",
                rec.priority,
                rec.safeguard,
                rec.required_by.iter().map(|c| format!("{}.{}", c.question, c.option)).collect::<Vec<_>>(),
                rec.effect
                    .iter()
                    .map(|(id, b, a)| format!("{id} {:?}->{:?}", b.level(), a.level()))
                    .collect::<Vec<_>>(),
                x.outcome_with(&rec.safeguard)
            );
        }
        for c in &r.decision.conditions {
            println!("  condition {} {:?}", c.safeguard, c.status);
        }
        for d in &x.drivers {
            println!("  driver {:?} -> {:?} {}", d.lever, d.outcome, d.planned_score);
        }
        for w in &x.what_if {
            println!("  what-if {:?} -> {:?}", w.lever, w.outcome);
        }
        for c in &r.contradictions {
            println!(
                "  contradiction {}.{} / {}.{}",
                c.first.question, c.first.option, c.second.question, c.second.option
            );
        }
    }
    if !problems.is_empty() {
        let risks: Vec<String> = r
            .risks
            .iter()
            .filter(|x| x.is_raised())
            .map(|x| format!("{} {:?}->{:?}->{:?}", x.risk, x.inherent, x.residual, x.planned))
            .collect();
        let musts: Vec<&str> =
            r.recommendations.iter().filter(|x| x.priority == Priority::Must).map(|x| x.safeguard.as_str()).collect();
        problems.push(format!("risks: {}; musts: {musts:?}", risks.join(", ")));
    }
    Checked {
        file,
        kind: sc.case.kind,
        expected: (sc.expect.decision, sc.expect.band),
        got: (outcome.to_string(), band.to_string()),
        problems,
    }
}

fn scenario_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_scenario_has_its_expected_outcome() {
    let checked: Vec<Checked> = scenario_files().iter().map(|f| check_scenario(f)).collect();
    // The calibration table, printed for the record (`cargo test --test scenarios -- --nocapture`).
    for c in &checked {
        println!(
            "{:<45} {:<14} expected {:<24} {:<9} got {:<24} {}",
            c.file, c.kind, c.expected.0, c.expected.1, c.got.0, c.got.1
        );
    }
    let failures: Vec<String> = checked
        .iter()
        .filter(|c| !c.problems.is_empty())
        .map(|c| format!("{}: {}", c.file, c.problems.join("; ")))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_calibration_set_is_large_enough_and_covers_every_enforcement_decision() {
    let bank = biodpia::bank::bank();
    let cases: Vec<(String, Scenario)> = scenario_files().iter().map(|f| load(f)).collect();
    assert!(cases.len() >= 20, "at least 20 cases, found {}", cases.len());
    let good: Vec<&str> = cases
        .iter()
        .filter(|(_, s)| s.case.kind == "well_designed")
        .map(|(f, s)| {
            assert!(
                ["approved", "conditionally_approved"].contains(&s.expect.decision.as_str())
                    && ["low", "medium"].contains(&s.expect.band.as_str()),
                "{f}: a well-designed deployment must be expected approved or conditionally approved, low or medium"
            );
            f.as_str()
        })
        .collect();
    assert!(good.len() >= 8, "at least 8 well-designed deployments, found {good:?}");
    // Every enforcement decision in the bank is calibrated by at least one case (decisions
    // under non-EU law that the bank cites for comparison only are not).
    let covered: Vec<&str> = cases
        .iter()
        .filter(|(_, s)| s.case.kind == "enforcement")
        .flat_map(|(_, s)| s.case.findings.iter().map(String::as_str))
        .collect();
    let missing: Vec<&str> = bank
        .findings
        .iter()
        .filter(|f| f.kind == "decision" && !f.comparison_only)
        .map(|f| f.id.as_str())
        .filter(|f| !covered.contains(f))
        .collect();
    assert!(missing.is_empty(), "enforcement decisions without a calibration case: {missing:?}");
}

#[test]
fn what_would_change_a_decision_is_never_another_fact_of_the_case() {
    // "With fewer than 100 people the decision would be ..." is no advice for an airport: the
    // bank marks the answers that describe the case (`fact = true`) and explain() leaves them.
    let bank = biodpia::bank::bank();
    let mut facts_raise = 0;
    for path in scenario_files() {
        let (file, sc) = load(&path);
        let answers = to_answers(bank, &file, &sc.answers);
        let plan = to_plan(&file, &sc.plan);
        let r = evaluate(bank, &answers, &plan);
        facts_raise += r
            .risks
            .iter()
            .flat_map(|x| &x.raised_by)
            .filter(|(c, _)| bank.question(&c.question).is_some_and(|q| q.fact))
            .count();
        for d in explain(bank, &answers, &plan).drivers {
            if let biodpia::domain::engine::Lever::Answer { cause, .. } = &d.lever {
                assert!(!bank.question(&cause.question).unwrap().fact, "{file}: proposes another {}", cause.question);
            }
        }
    }
    assert!(facts_raise > 0, "facts of the cases raise risks, so the rule is exercised");
}

#[test]
fn of_two_measure_sets_that_give_the_same_outcome_only_the_smaller_is_named() {
    use biodpia::domain::present::WhyLever;
    // The lab's iris access after its measures: 5 planned, 2 of them required; with either
    // set in place it would be approved, so "why" names the 2 required ones only.
    let bank = biodpia::bank::bank();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios/07_lab_iris_access_after_measures.toml");
    let (file, sc) = load(&path);
    let (answers, plan) = (to_answers(bank, &file, &sc.answers), to_plan(&file, &sc.plan));
    let (r, x) = (evaluate(bank, &answers, &plan), explain(bank, &answers, &plan));
    assert_eq!(r.decision.outcome, Outcome::ConditionallyApproved);
    assert!(x.what_if.len() == 2 && x.what_if.iter().all(|w| w.outcome == Outcome::Approved), "{:?}", x.what_if);
    let v = r.decision_view(bank, &x);
    let groups: Vec<&WhyLever> =
        v.why.iter().map(|w| &w.lever).filter(|l| matches!(l, WhyLever::Planned(_) | WhyLever::Required(_))).collect();
    assert_eq!(groups, vec![&WhyLever::Required(r.decision.conditions.len())]);
}

//! Realistic scenarios against the real question bank. Each file in tests/scenarios/ states
//! its expected outcome in `[expect]` and says why in its header comment.

use std::collections::BTreeMap;
use std::path::Path;

use biodpia::domain::answers::{check, Answer, Answers, Plan, PlanItem, Status};
use biodpia::domain::engine::{evaluate, Report};
use biodpia::domain::model::{Bank, Kind};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    expect: Expect,
    answers: BTreeMap<String, toml::Value>,
    #[serde(default)]
    plan: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    verdict: String,
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
            (s.clone(), PlanItem { status, ..Default::default() })
        })
        .collect()
}

fn check_scenario(path: &Path) -> Result<(), String> {
    let bank = biodpia::bank::bank();
    let file = path.file_name().unwrap().to_string_lossy().to_string();
    let text = std::fs::read_to_string(path).unwrap();
    let sc: Scenario = toml::from_str(&text).map_err(|e| format!("{file}: {e}"))?;
    let answers = to_answers(bank, &file, &sc.answers);
    let plan = to_plan(&file, &sc.plan);
    for s in plan.keys() {
        assert!(bank.safeguard(s).is_some(), "{file}: unknown safeguard {s}");
    }
    let r = evaluate(bank, &answers, &plan);
    let mut problems = Vec::new();
    if r.verdict.key() != sc.expect.verdict {
        problems.push(format!("verdict {} (expected {})", r.verdict.key(), sc.expect.verdict));
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
        let ok = r
            .recommendations
            .iter()
            .any(|x| x.safeguard == *m && x.priority == biodpia::domain::engine::Priority::Must);
        if !ok {
            problems.push(format!("{m} not recommended as must"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        let risks: Vec<String> = r
            .risks
            .iter()
            .filter(|x| x.is_raised())
            .map(|x| format!("{} {:?}->{:?}", x.risk, x.inherent, x.residual))
            .collect();
        Err(format!("{file}: {}\n  risks: {}", problems.join("; "), risks.join(", ")))
    }
}

#[test]
fn every_scenario_has_its_expected_outcome() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let failures: Vec<String> = files.iter().filter_map(|f| check_scenario(f).err()).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(files.len() >= 6, "at least six scenarios, found {}", files.len());
}

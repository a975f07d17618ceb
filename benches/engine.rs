//! Native engine benchmark (issue 4: recomputing the whole result for a fully answered bank
//! stays under 1 ms). Run with `cargo bench --bench engine` or `make bench`; it prints figures
//! and never fails on them.
//!
//! "Fully answered": every question of the embedded bank answered with its riskiest option
//! (red line first, then the largest likelihood x severity raised), every option that raises
//! something on a multiple-choice question, and text on text questions. That maximises the
//! engine's work: most follow-up questions are shown, most risks are raised, and nearly every
//! safeguard is weighed.
//!
//! With BIODPIA_BENCH_SEED=<file>, it also writes the localStorage entries (a JSON object of
//! key -> value) that hold this assessment as the widget's open assessment in the "default"
//! namespace, written through the widget's own storage code; bench/browser.mjs seeds a
//! browser with them to time the results page.

use std::hint::black_box;
use std::time::{Duration, Instant};

use biodpia::domain::answers::{Answer, Answers, Plan, PlanItem, Status};
use biodpia::domain::engine;
use biodpia::domain::model::{AnswerOption, Bank, ColumnKind, Kind};
use biodpia::persist::assessment::Assessment;

const ITERATIONS: usize = 1000;

fn riskiness(o: &AnswerOption) -> (bool, u32, bool, usize) {
    let raised: u32 = o.raises.iter().map(|r| r.likelihood as u32 * r.severity as u32).sum();
    (o.red_line.is_some(), raised, o.dpia_required, o.wp248.len())
}

/// Every question answered with its riskiest option(s).
fn riskiest_answers(bank: &Bank) -> Answers {
    let mut answers = Answers::new();
    for q in bank.questions() {
        let answer = match q.kind {
            Kind::Text => Answer::Text("Described for the benchmark.".into()),
            Kind::Multi => {
                let mut chosen: Vec<String> = q
                    .options
                    .iter()
                    .filter(|o| !o.raises.is_empty() || o.red_line.is_some())
                    .map(|o| o.id.clone())
                    .collect();
                if chosen.is_empty() {
                    chosen = q.options.iter().take(1).map(|o| o.id.clone()).collect();
                }
                Answer::Multi(chosen)
            }
            Kind::Single | Kind::YesNo => {
                let Some(best) = q.options.iter().max_by_key(|o| riskiness(o)) else { continue };
                Answer::Choice(best.id.clone())
            }
            // One filled row: a table is counted as answered, never scored.
            Kind::Table => Answer::Table(vec![q
                .columns
                .iter()
                .map(|c| {
                    let value = match c.kind {
                        ColumnKind::Text => "Benchmark".to_string(),
                        ColumnKind::Choice => c.options.first().map(|o| o.id.clone()).unwrap_or_default(),
                    };
                    (c.id.clone(), value)
                })
                .collect()]),
        };
        answers.insert(q.id.clone(), answer);
    }
    answers
}

struct Stats {
    median: Duration,
    min: Duration,
    p95: Duration,
    mean: Duration,
}

fn time(iterations: usize, mut f: impl FnMut()) -> Stats {
    for _ in 0..iterations.min(50) {
        f(); // warm up caches and the allocator
    }
    let mut samples: Vec<Duration> = (0..iterations)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    let mean = samples.iter().sum::<Duration>() / iterations as u32;
    samples.sort();
    Stats { median: samples[iterations / 2], min: samples[0], p95: samples[iterations * 95 / 100], mean }
}

fn us(d: Duration) -> String {
    format!("{:.1} µs", d.as_secs_f64() * 1e6)
}

fn print(label: &str, s: &Stats) {
    println!(
        "  {label:<50} median {:>10}  min {:>10}  p95 {:>10}  mean {:>10}",
        us(s.median),
        us(s.min),
        us(s.p95),
        us(s.mean)
    );
}

fn main() {
    let bank = biodpia::bank::bank();
    let answers = riskiest_answers(bank);
    let empty_plan = Plan::new();
    let report = engine::evaluate(bank, &answers, &empty_plan);
    let raised = report.risks.iter().filter(|r| r.is_raised()).count();
    println!(
        "engine: bank {} ({} questions, {} risks, {} safeguards); {} answers, {} visible, {} answered, {} of {} risks raised, {} recommendations, score {}",
        bank.version,
        bank.questions().count(),
        bank.risks.len(),
        bank.safeguards.len(),
        answers.len(),
        report.visible.len(),
        report.answered,
        raised,
        bank.risks.len(),
        report.recommendations.len(),
        report.residual_score,
    );

    // Every safeguard in the action plan, alternately planned and in place: the most work
    // for residual, planned and recommendation effects.
    let full_plan: Plan = bank
        .safeguards
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let status = if i % 2 == 0 { Status::Planned } else { Status::InPlace };
            (s.id.clone(), PlanItem { status, ..PlanItem::default() })
        })
        .collect();

    println!("engine: {ITERATIONS} iterations each (native, release)");
    let s = time(ITERATIONS, || {
        black_box(engine::evaluate(black_box(bank), black_box(&answers), black_box(&empty_plan)));
    });
    print("evaluate, fully answered, empty plan", &s);
    let worst = s.median;
    let s = time(ITERATIONS, || {
        black_box(engine::evaluate(black_box(bank), black_box(&answers), black_box(&full_plan)));
    });
    print("evaluate, fully answered, every safeguard planned", &s);
    let s = time(ITERATIONS, || {
        black_box(engine::evaluate(black_box(bank), black_box(&Answers::new()), black_box(&empty_plan)));
    });
    print("evaluate, nothing answered", &s);
    let s = time(100, || {
        black_box(engine::visible_questions(black_box(bank), black_box(&answers)));
    });
    print("visible_questions, fully answered", &s);
    // What would change the decision: run where it is shown (results, summary), not on every
    // change. The riskiest answers are rejected (only red-line answers are tried); the archive
    // door of the calibration set (consultation) tries every contributing answer.
    let s = time(20, || {
        black_box(engine::explain(black_box(bank), black_box(&answers), black_box(&empty_plan)));
    });
    print("explain, fully answered (rejected)", &s);
    let door = scenario_answers(bank, "tests/scenarios/28_municipality_archive_door.toml");
    let s = time(20, || {
        black_box(engine::explain(black_box(bank), black_box(&door), black_box(&empty_plan)));
    });
    print("explain, archive door (consultation)", &s);

    let embedded = biodpia::domain::compact::encode(bank);
    let s = time(100, || {
        black_box(biodpia::domain::compact::decode(black_box(&embedded)));
    });
    print(&format!("decode embedded bank ({} bytes)", embedded.len()), &s);
    // For comparison: the same bank as JSON, as it was embedded before the compact form.
    let json = serde_json::to_string(bank).expect("bank serialises");
    let s = time(100, || {
        black_box(serde_json::from_str::<Bank>(black_box(&json)).expect("parses"));
    });
    print(&format!("parse the same bank from JSON ({} bytes)", json.len()), &s);

    let verdict = if worst < Duration::from_millis(1) { "within" } else { "OVER" };
    println!("engine: full recompute median {} ({verdict} the 1 ms target)", us(worst));

    if let Some(path) = std::env::var_os("BIODPIA_BENCH_SEED") {
        match seed(bank, &answers) {
            Ok(json) => {
                std::fs::write(&path, json).expect("write BIODPIA_BENCH_SEED");
                println!("engine: wrote the seeded localStorage to {}", path.to_string_lossy());
            }
            Err(e) => println!("engine: could not build the seeded localStorage: {e}"),
        }
    }
}

/// The answers of a calibration case (tests/scenarios/*.toml).
fn scenario_answers(bank: &Bank, path: &str) -> Answers {
    let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).expect("scenario");
    let doc: toml::Table = text.parse().expect("scenario TOML");
    let mut out = Answers::new();
    for (q, v) in doc["answers"].as_table().expect("[answers]") {
        let Some(question) = bank.question(q) else { continue };
        let answer = match (question.kind, v) {
            (Kind::Multi, toml::Value::Array(items)) => {
                Answer::Multi(items.iter().filter_map(|i| i.as_str()).map(str::to_string).collect())
            }
            (Kind::Text, toml::Value::String(t)) => Answer::Text(t.clone()),
            (_, toml::Value::String(c)) => Answer::Choice(c.clone()),
            _ => continue,
        };
        out.insert(q.clone(), answer);
    }
    out
}

/// localStorage entries that make `answers` the widget's open assessment, written by the
/// widget's own storage code (so the bench follows any change of key layout or format).
fn seed(bank: &Bank, answers: &Answers) -> Result<String, String> {
    use biodpia::storage::{Library, MemStore};
    let lib = Library::new(MemStore::default(), "default");
    let mut next = 0;
    let opened = lib
        .open(bank, "", 1_700_000_000_000, "2026-01-01T00:00:00.000Z", &mut || {
            next += 1;
            format!("bench-{next}")
        })
        .map_err(|e| format!("open: {e:?}"))?;
    let mut a: Assessment = opened.assessment;
    a.title = "Benchmark: fully answered".into();
    a.answers = answers.clone();
    a.updated = "2026-01-01T00:00:00.000Z".into();
    lib.save(bank, &opened.id, &a).map_err(|e| format!("save: {e:?}"))?;
    lib.set_current(bank, &opened.id);
    serde_json::to_string(&lib.store().snapshot()).map_err(|e| e.to_string())
}

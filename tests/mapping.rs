//! docs/edpb-template-mapping.md (issue 15 item 2): every field of the EDPB DPIA template has a
//! source in biodpia, and every source it names exists: a question of the bank, a result of
//! the engine (`report.<field>`), a field of the saved assessment (`assessment.<field>`) or a
//! file of the repository; and the table names, per field, the same sources as the outline
//! that the documents render (`report::outline::FIELDS`), so that the doc cannot drift.

use std::collections::BTreeSet;
use std::path::Path;

use biodpia::domain::engine::evaluate;
use biodpia::persist::assessment::Assessment;
use biodpia::report::outline;

/// The EDPB template's fields, numbered as in its table of contents
/// (../shared/research/findings-2026.md, section 2.2). Written out here, not taken from the
/// outline, so that a field dropped from the outline fails.
const TEMPLATE_FIELDS: &[&str] = &[
    "0.1", "0.2", "0.3", "0.4", "0.5", "1.1.a", "1.1.b", "1.1.c", "1.1.d", "1.2", "1.3", "1.4", "2.1.a", "2.1.b",
    "2.2.a", "2.2.b", "2.3.a", "2.3.b", "2.3.c", "2.3.d", "2.3.e", "3.1", "3.2", "3.3", "4.1.a", "4.1.b", "4.1.c",
    "4.2.a", "4.2.b", "4.2.c", "5.1", "5.2", "6",
];

const DOC: &str = "docs/edpb-template-mapping.md";

/// The rows of the mapping table: field number and the sources in backticks.
fn rows(text: &str) -> Vec<(String, Vec<String>)> {
    text.lines()
        .filter(|l| l.starts_with('|'))
        .map(|l| l.trim().trim_matches('|').split('|').map(str::trim).collect::<Vec<_>>())
        .filter(|cells| cells.len() == 3 && cells[0] != "Field" && !cells[0].starts_with("---"))
        .map(|cells| {
            let sources = cells[2].split('`').skip(1).step_by(2).map(str::to_string).collect();
            (cells[0].to_string(), sources)
        })
        .collect()
}

/// The field paths of a value's `{:#?}` form ("risks.residual", "decision.outcome"): each
/// named field under the names of the fields it is nested in; items of lists add no name.
fn debug_paths(pretty: &str) -> BTreeSet<String> {
    let mut stack: Vec<Option<String>> = Vec::new();
    let mut out = BTreeSet::new();
    for line in pretty.lines() {
        let depth = (line.len() - line.trim_start().len()) / 4;
        stack.truncate(depth);
        let t = line.trim_start();
        let name = t.split_once(": ").map(|(n, _)| n).filter(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        stack.push(name.map(str::to_string));
        if name.is_some() {
            out.insert(stack.iter().flatten().cloned().collect::<Vec<_>>().join("."));
        }
    }
    out
}

/// The field paths of a JSON value (objects only; a list's items are read as one).
fn json_paths(v: &serde_json::Value, prefix: &str, out: &mut BTreeSet<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                let p = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                out.insert(p.clone());
                json_paths(x, &p, out);
            }
        }
        serde_json::Value::Array(items) => {
            for x in items {
                json_paths(x, prefix, out);
            }
        }
        _ => {}
    }
}

/// The engine's results and the saved fields, from an assessment in which every list the
/// report has is filled: the DPO review's archive door.
fn known_paths() -> (BTreeSet<String>, BTreeSet<String>) {
    let bank = biodpia::bank::bank();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exports/archive_door_2026.11.2.json");
    let (a, _) = biodpia::persist::transfer::import(bank, &std::fs::read(path).unwrap()).unwrap();
    let report = evaluate(bank, &a.answers, &a.plan);
    let results = debug_paths(&format!("{report:#?}"));
    let mut saved = BTreeSet::new();
    json_paths(&serde_json::to_value(Assessment::default()).unwrap(), "", &mut saved);
    json_paths(&serde_json::to_value(&a).unwrap(), "", &mut saved);
    (results, saved)
}

#[test]
fn every_template_field_has_a_source_and_every_source_exists() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(DOC)).unwrap();
    let rows = rows(&text);
    let bank = biodpia::bank::bank();
    let (results, saved) = known_paths();
    let mut problems = Vec::new();
    let numbers: Vec<&str> = rows.iter().map(|(n, _)| n.as_str()).collect();
    for f in TEMPLATE_FIELDS {
        if !numbers.contains(f) {
            problems.push(format!("template field {f} is not in the table"));
        }
    }
    for (field, sources) in &rows {
        if !TEMPLATE_FIELDS.contains(&field.as_str()) {
            problems.push(format!("{field}: not a field of the template"));
        }
        if numbers.iter().filter(|n| *n == field).count() > 1 {
            problems.push(format!("{field}: listed twice"));
        }
        if sources.is_empty() {
            problems.push(format!("{field}: no source"));
        }
        for s in sources {
            let known = if let Some(path) = s.strip_prefix("report.") {
                results.contains(path)
            } else if let Some(path) = s.strip_prefix("assessment.") {
                saved.contains(path)
            } else if s.starts_with("q_") {
                bank.question(s).is_some()
            } else {
                s.contains('/') && Path::new(env!("CARGO_MANIFEST_DIR")).join(s).is_file()
            };
            if !known {
                problems.push(format!("{field}: `{s}` is not a question, result, saved field or file"));
            }
        }
    }
    problems.dedup();
    assert!(problems.is_empty(), "{DOC}:\n  {}", problems.join("\n  "));
}

/// The differences between the doc's table and the outline, field by field.
fn drift(rows: &[(String, Vec<String>)]) -> Vec<String> {
    let mut problems = Vec::new();
    for def in &outline::FIELDS {
        let code: Vec<String> = outline::sources(def).into_iter().map(str::to_string).collect();
        match rows.iter().find(|(n, _)| n == def.number) {
            None => problems.push(format!("{}: in the outline, not in the doc", def.number)),
            Some((_, doc)) if *doc != code => {
                problems.push(format!("{}: the doc says {doc:?}, the outline {code:?}", def.number))
            }
            Some(_) => {}
        }
    }
    for (n, _) in rows {
        if outline::field(n).is_none() {
            problems.push(format!("{n}: in the doc, not in the outline"));
        }
    }
    problems
}

#[test]
fn the_doc_and_the_outline_name_the_same_sources_per_field() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(DOC)).unwrap();
    let problems = drift(&rows(&text));
    assert!(problems.is_empty(), "{DOC} and src/report/outline.rs:\n  {}", problems.join("\n  "));
    // Every template field is a field of the outline, in the template's order.
    let numbers: Vec<&str> = outline::FIELDS.iter().map(|f| f.number).collect();
    assert_eq!(numbers, TEMPLATE_FIELDS);
}

#[test]
fn the_drift_check_catches_a_source_added_removed_or_moved() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(DOC)).unwrap();
    let good = rows(&text);
    assert!(drift(&good).is_empty());
    let mut added = good.clone();
    added[0].1.push("q_description".into());
    assert_eq!(drift(&added).len(), 1);
    let mut removed = good.clone();
    removed.iter_mut().find(|(n, _)| n == "2.3.e").unwrap().1.pop();
    assert!(drift(&removed)[0].starts_with("2.3.e:"));
    let mut reordered = good.clone();
    reordered.iter_mut().find(|(n, _)| n == "1.2").unwrap().1.reverse();
    assert_eq!(drift(&reordered).len(), 1, "the order is the printed order");
    let mut unknown = good;
    unknown.push(("7.1".into(), vec!["q_parties".into()]));
    assert_eq!(drift(&unknown), vec!["7.1: in the doc, not in the outline".to_string()]);
}

#[test]
fn the_checks_catch_what_they_are_for() {
    let (results, saved) = known_paths();
    // The parser finds nested results and saved fields, and not made-up ones.
    for p in
        ["decision.outcome", "decision.conditions", "risks.residual", "screening.criteria", "recommendations.effect"]
    {
        assert!(results.contains(p), "{p} in {results:?}");
    }
    assert!(!results.contains("decision.verdict") && !results.contains("outcome"));
    for p in ["title", "plan", "signoff.dpo_advice", "versions", "revision"] {
        assert!(saved.contains(p), "{p} in {saved:?}");
    }
    assert!(!saved.contains("signoff.dpo_adivce"));
    // A row without a source, and one in another shape, are read as they are.
    let rows = rows("| Field | Template heading | Source |\n|---|---|---|\n| 0.1 | Controller | |\n| 0.2 | P | `q_parties`, `report.risks` |");
    assert_eq!(rows, vec![("0.1".into(), vec![]), ("0.2".into(), vec!["q_parties".into(), "report.risks".into()])]);
}

//! The question bank in questions/: parses, cross-checks, both languages, coverage.

use std::path::Path;

use biodpia::domain::load::load_dir;
use biodpia::domain::validate::{unreferenced_findings, validate};

fn root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("questions")
}

#[test]
fn bank_is_valid_and_every_problem_is_reported() {
    let bank = match load_dir(&root()) {
        Ok(b) => b,
        Err(errors) => {
            let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            panic!("bank does not parse:\n{}", list.join("\n"));
        }
    };
    let errors = validate(&bank);
    let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{} problem(s):\n{}", errors.len(), list.join("\n"));
}

#[test]
fn every_finding_is_cited_somewhere() {
    let bank = load_dir(&root()).expect("bank parses");
    let missing = unreferenced_findings(&bank);
    assert!(missing.is_empty(), "findings no question or safeguard cites: {missing:?}");
}

#[test]
fn embedded_bank_equals_the_files() {
    let from_files = load_dir(&root()).expect("bank parses");
    let embedded = biodpia::bank::bank();
    assert_eq!(embedded.version, from_files.version);
    assert_eq!(embedded.questions().count(), from_files.questions().count());
    assert_eq!(embedded.findings.len(), from_files.findings.len());
}

//! The question bank in questions/: parses, cross-checks, both languages, coverage.

use std::path::Path;

use biodpia::domain::load::{load_all, load_dir};
use biodpia::domain::model::Text;
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
fn embedded_bank_and_languages_equal_the_files() {
    let (mut from_files, locales) = load_all(&root()).expect("bank parses");
    from_files.risks.iter_mut().for_each(|x| x.file.clear());
    from_files.provisions.iter_mut().for_each(|x| x.file.clear());
    from_files.findings.iter_mut().for_each(|x| x.file.clear());
    from_files.safeguards.iter_mut().for_each(|x| x.file.clear());
    from_files.sections.iter_mut().for_each(|x| x.file.clear());
    assert_eq!(biodpia::bank::bank(), &from_files);
    let codes: Vec<&str> = biodpia::i18n::LANGS.iter().map(|l| l.code).collect();
    assert_eq!(codes, locales.languages.iter().map(|l| l.code.as_str()).collect::<Vec<_>>());
    for lang in &locales.languages {
        let loaded = biodpia::i18n::Lang::parse(&lang.code).expect("language is built in");
        assert_eq!(loaded.code(), lang.code);
        for (i, text) in lang.texts.iter().enumerate() {
            assert_eq!(loaded.text(Text(i as u32)), text, "{}: text {i} ({})", lang.code, locales.text_keys[i]);
        }
    }
}

#[test]
fn a_system_that_both_matches_and_analyses_raises_what_each_does_alone() {
    // Issue 12: a system doing 1:1 verification and behaviour analysis had no true answer.
    let bank = biodpia::bank::bank();
    let q = bank.question("q_processing_type").unwrap();
    let both = q.option("matching_and_analysis").expect("the option exists");
    for alone in ["template_matching", "feature_analysis"] {
        let o = q.option(alone).unwrap();
        for r in &o.raises {
            assert!(both.raises.contains(r), "{alone}: {r:?}");
        }
        for p in &o.provisions {
            assert!(both.provisions.contains(p), "{alone}: {p}");
        }
        for w in &o.wp248 {
            assert!(both.wp248.contains(w), "{alone}: {w}");
        }
    }
}

//! The compact binary form of the embedded bank (src/domain/compact.rs): it reads back exactly
//! what was written, the widget's embedded copy equals questions/, and damaged bytes are
//! refused without a panic.

use std::path::Path;

use biodpia::domain::compact::{decode, encode};
use biodpia::domain::load::load_and_validate;
use biodpia::domain::model::*;

fn load(dir: &str) -> Bank {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    match load_and_validate(&root) {
        Ok(b) => b,
        Err(errors) => panic!("{dir} does not load: {:?}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>()),
    }
}

/// The bank as the widget sees it: the `file` fields exist only for build-time messages.
fn without_files(mut b: Bank) -> Bank {
    b.risks.iter_mut().for_each(|x| x.file.clear());
    b.provisions.iter_mut().for_each(|x| x.file.clear());
    b.findings.iter_mut().for_each(|x| x.file.clear());
    b.safeguards.iter_mut().for_each(|x| x.file.clear());
    b.sections.iter_mut().for_each(|x| x.file.clear());
    b
}

/// A text's number in the language files (the texts themselves are not in the compact form):
/// distinct, repeated and large numbers.
fn text(en: &str, nl: &str) -> Text {
    Text((en.len() as u32) << 16 | nl.len() as u32)
}

/// A small bank that uses every variant: each kind and trigger, options present and absent,
/// empty, repeated and non-ASCII strings, extreme numbers.
fn every_variant() -> Bank {
    let option = |id: &str| AnswerOption {
        id: id.into(),
        label: None,
        raises: vec![],
        findings: vec![],
        provisions: vec![],
        implements: vec![],
        requires: vec![],
        red_line: None,
        find_out: None,
        wp248: vec![],
        dpia_required: false,
        exclusive: false,
        contradicts: vec![],
        contradiction: None,
        reasons: None,
    };
    let question = |id: &str, kind: Kind| Question {
        id: id.into(),
        kind,
        text: text("Question?", "Vraag?"),
        help: None,
        show_if: vec![],
        show_if_any: vec![],
        max_len: None,
        fact: false,
        options: vec![],
        columns: vec![],
        max_rows: None,
    };
    Bank {
        version: "2026.1 β".into(),
        title: text("", ""),
        risks: vec![Risk {
            id: "r1".into(),
            title: text("Same", "Same"),
            description: text("Ünïcödé — “quotes” \\ \" \n new line", "Čeština 中文 🙂"),
            floor_likelihood: 0,
            floor_severity: 255,
            file: String::new(),
        }],
        provisions: vec![Provision {
            id: "p1".into(),
            label: text("GDPR Art. 9(1)", "art. 9 lid 1 AVG"),
            title: text("Same", "Zelfde"),
            source: "https://example.org/a?b=c&d".into(),
            file: String::new(),
        }],
        findings: vec![
            Finding {
                id: "f1".into(),
                authority: text("AP", "AP"),
                country: "NL".into(),
                date: "2024-05-16".into(),
                date_kind: DateKind::Announced,
                date_note: Some(text("note", "noot")),
                subject: text("r1", "r1 nl"),
                reference: None,
                kind: "fine".into(),
                comparison_only: true,
                amount: Some(text("€ 30.5 million", "€ 30,5 miljoen")),
                orders: None,
                provisions: vec!["p1".into(), "p1".into()],
                key_findings: vec![text("a", "b"), text("a", "b"), text("", "")],
                appeal: Some(Text(u32::MAX)),
                source: "https://example.org/".into(),
                file: String::new(),
            },
            Finding {
                id: "f2".into(),
                authority: text("CNIL", "CNIL"),
                country: "FR".into(),
                date: "2022-10".into(),
                date_kind: DateKind::Decision,
                date_note: None,
                subject: text("s", "s"),
                reference: Some(text("SAN-2022-019", "SAN-2022-019")),
                kind: "fine".into(),
                comparison_only: false,
                amount: None,
                orders: Some(text("delete", "wissen")),
                provisions: vec![],
                key_findings: vec![],
                appeal: None,
                source: "https://example.org/".into(),
                file: String::new(),
            },
        ],
        safeguards: vec![
            Safeguard {
                id: "s1".into(),
                title: text("S", "S"),
                explanation: text("E", "U"),
                lowers: vec![
                    Lowering { risk: "r1".into(), likelihood: 2, severity: 0 },
                    Lowering { risk: "r1".into(), likelihood: 0, severity: 1 },
                ],
                trigger: Trigger::Effect,
                findings: vec!["f1".into()],
                provisions: vec!["p1".into()],
                not_applicable_when: vec![Clause { question: "q2".into(), any_of: vec!["no".into()], none_of: vec![] }],
                alternatives: vec!["s3".into()],
                file: String::new(),
            },
            Safeguard {
                id: "s2".into(),
                title: text("S2", "S2"),
                explanation: text("E", "U"),
                lowers: vec![],
                trigger: Trigger::RedLine,
                findings: vec![],
                provisions: vec![],
                not_applicable_when: vec![],
                alternatives: vec![],
                file: String::new(),
            },
            Safeguard {
                id: "s3".into(),
                title: text("S3", "S3"),
                explanation: text("E", "U"),
                lowers: vec![],
                trigger: Trigger::HighResidual,
                findings: vec![],
                provisions: vec![],
                not_applicable_when: vec![],
                alternatives: vec![],
                file: String::new(),
            },
        ],
        sections: vec![
            Section {
                id: "a".into(),
                title: text("A", "A"),
                intro: text("", "x"),
                questions: vec![
                    Question {
                        help: Some(text("help", "hulp")),
                        options: vec![
                            AnswerOption {
                                label: Some(text("Yes, always", "Ja, altijd")),
                                raises: vec![
                                    Raise {
                                        risk: "r1".into(),
                                        likelihood: 4,
                                        severity: 4,
                                        when: vec![],
                                        unless: vec![],
                                    },
                                    Raise {
                                        risk: "r1".into(),
                                        likelihood: 1,
                                        severity: 2,
                                        when: vec![Clause {
                                            question: "q0".into(),
                                            any_of: vec!["x".into()],
                                            none_of: vec![],
                                        }],
                                        unless: vec![Clause {
                                            question: "q0".into(),
                                            any_of: vec![],
                                            none_of: vec!["y".into()],
                                        }],
                                    },
                                ],
                                findings: vec!["f1".into(), "f2".into()],
                                provisions: vec!["p1".into()],
                                implements: vec!["s1".into()],
                                requires: vec!["s2".into(), "s3".into()],
                                red_line: Some(text("stop", "stop")),
                                find_out: Some(text("ask", "vraag")),
                                wp248: vec!["sensitive".into(), "large_scale".into()],
                                dpia_required: true,
                                ..option("yes")
                            },
                            option("no"),
                            option("unsure"),
                        ],
                        ..question("q1", Kind::Single)
                    },
                    Question { options: vec![option("yes"), option("no")], ..question("q2", Kind::YesNo) },
                ],
                file: String::new(),
            },
            Section {
                id: "b".into(),
                title: text("B", "B"),
                intro: text("", ""),
                questions: vec![
                    Question {
                        show_if: vec![
                            Clause { question: "q1".into(), any_of: vec!["yes".into()], none_of: vec![] },
                            Clause { question: "q2".into(), any_of: vec![], none_of: vec!["no".into()] },
                        ],
                        show_if_any: vec![
                            Clause { question: "q1".into(), any_of: vec!["no".into()], none_of: vec![] },
                            Clause { question: "q2".into(), any_of: vec!["yes".into()], none_of: vec![] },
                        ],
                        options: vec![
                            AnswerOption {
                                contradicts: vec![Clause {
                                    question: "q1".into(),
                                    any_of: vec!["no".into(), "unsure".into()],
                                    none_of: vec![],
                                }],
                                contradiction: Some(text("Does not fit", "Past niet")),
                                reasons: Some("q5".into()),
                                ..option("a")
                            },
                            AnswerOption { exclusive: true, ..option("b") },
                        ],
                        ..question("q3", Kind::Multi)
                    },
                    Question { max_len: Some(0), fact: true, ..question("q4", Kind::Text) },
                    Question { max_len: Some(u32::MAX), ..question("q5", Kind::Text) },
                    Question { max_len: Some(5000), ..question("q6", Kind::Text) },
                    Question {
                        columns: vec![
                            Column {
                                id: "name".into(),
                                kind: ColumnKind::Text,
                                header: text("Name", "Naam"),
                                max_len: Some(120),
                                options: vec![],
                            },
                            Column {
                                id: "role".into(),
                                kind: ColumnKind::Choice,
                                header: text("Role", "Rol"),
                                max_len: None,
                                options: vec![
                                    ColumnOption {
                                        id: "controller".into(),
                                        label: text("Controller", "Verwerkingsverantwoordelijke"),
                                    },
                                    ColumnOption { id: "processor".into(), label: text("Processor", "Verwerker") },
                                ],
                            },
                        ],
                        max_rows: Some(7),
                        ..question("q7", Kind::Table)
                    },
                ],
                file: String::new(),
            },
        ],
    }
}

#[test]
fn the_real_bank_reads_back_exactly() {
    let bank = without_files(load("questions"));
    assert_eq!(decode(&encode(&bank)).as_ref(), Some(&bank));
}

#[test]
fn the_embedded_bank_is_the_bank_in_questions() {
    let files = without_files(load("questions"));
    assert!(biodpia::bank::bank() == &files, "the widget's embedded bank differs from questions/");
    let compact = encode(&files);
    assert_eq!(biodpia::bank::embedded_len(), compact.len());
}

#[test]
fn every_variant_reads_back_exactly() {
    let bank = every_variant();
    assert_eq!(decode(&encode(&bank)).as_ref(), Some(&bank));
    let empty = Bank::default();
    assert_eq!(decode(&encode(&empty)), Some(empty));
}

#[test]
fn file_names_are_not_embedded() {
    let bank = load("tests/fixtures/mini");
    assert!(bank.sections.iter().all(|s| !s.file.is_empty()), "the loader records file names");
    let decoded = decode(&encode(&bank)).expect("decodes");
    assert_eq!(decoded, without_files(bank));
    let bytes = encode(&decoded);
    assert!(!bytes.windows(5).any(|w| w == b".toml"), "a file name was embedded");
}

#[test]
fn repeated_strings_are_stored_once_and_smaller_than_json() {
    let bank = without_files(load("questions"));
    let bytes = encode(&bank);
    let json = serde_json::to_string(&bank).unwrap();
    assert!(bytes.len() < json.len() * 4 / 5, "compact {} bytes vs JSON {} bytes", bytes.len(), json.len());
    // A risk id is cited by many options but stored once.
    let id = bank.risks[0].id.as_bytes();
    let count = bytes.windows(id.len()).filter(|w| *w == id).count();
    assert_eq!(count, 1, "{} stored {count} times", bank.risks[0].id);
}

#[test]
fn damaged_bytes_are_refused_without_panicking() {
    let good = encode(&every_variant());
    // Every truncation.
    for n in 0..good.len() {
        assert_eq!(decode(&good[..n]), None, "truncated to {n} bytes");
    }
    // Trailing bytes.
    let mut longer = good.clone();
    longer.push(0);
    assert_eq!(decode(&longer), None);
    // Another magic.
    let mut magic = good.clone();
    magic[3] = b'1';
    assert_eq!(decode(&magic), None);
    // Any single byte changed: refused or read as some bank, never a panic.
    for i in 0..good.len() {
        for v in [0x00, 0x01, 0x7f, 0x80, 0xff, good[i] ^ 0x40] {
            let mut bad = good.clone();
            bad[i] = v;
            let _ = decode(&bad);
        }
    }
    // A huge length in the header allocates nothing and is refused.
    let mut huge = b"BDB2".to_vec();
    huge.extend_from_slice(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
    assert_eq!(decode(&huge), None);
}

#[test]
#[should_panic(expected = "NUL")]
fn a_nul_character_fails_the_build() {
    let mut bank = every_variant();
    bank.risks[0].id = "a\0b".into();
    encode(&bank);
}

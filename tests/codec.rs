//! The saved formats (src/persist/) read with serde_json on generated, damaged and hostile
//! documents: arbitrary bytes never panic, deep nesting is refused without overflowing the
//! stack, the 2 MiB cap holds to the byte, lone surrogates are refused, what serde_json calls
//! "not JSON" is reported as such with its position, and what is written reads back.

mod common;

use common::json_value;
use proptest::prelude::*;
use serde_json::{json, Value};

use biodpia::domain::answers::Answer;
use biodpia::domain::model::Kind;
use biodpia::persist::assessment::{self, Assessment, ReadError, MAX_BYTES};
use biodpia::persist::codec::Problem;
use biodpia::persist::library::{self, Entry, Index, MAX_INDEX_BYTES};

fn bank() -> &'static biodpia::domain::model::Bank {
    biodpia::bank::bank()
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    for depth in [200, 100_000] {
        let doc = format!(r#"{{"format": 2, "title": {}1{}}}"#, "[".repeat(depth), "]".repeat(depth));
        assert!(matches!(assessment::read(doc.as_bytes()), Err(ReadError::NotJson { line: 1, .. })), "{depth}");
        let doc = format!(r#"{{"format": 1, "x": {}}}"#, "{\"a\":".repeat(depth) + "1" + &"}".repeat(depth));
        assert!(matches!(library::parse_index(doc.as_bytes()), Err(ReadError::NotJson { .. })), "{depth}");
    }
    // Nesting that serde_json accepts is read (unknown fields are skipped whatever they hold).
    let doc = format!(r#"{{"format": 2, "extra": {}1{}}}"#, "[".repeat(100), "]".repeat(100));
    assert!(assessment::read(doc.as_bytes()).is_ok());
}

#[test]
fn the_size_cap_holds_to_the_byte() {
    let head = r#"{"format": 2, "title": "t", "pad": ""#;
    let tail = "\"}";
    let pad = MAX_BYTES - head.len() - tail.len();
    let doc = format!("{head}{}{tail}", "x".repeat(pad));
    assert_eq!(doc.len(), MAX_BYTES);
    assert_eq!(assessment::read(doc.as_bytes()).unwrap().title, "t");
    let over = format!("{head}{}{tail}", "x".repeat(pad + 1));
    assert_eq!(assessment::read(over.as_bytes()), Err(ReadError::TooLarge { bytes: MAX_BYTES + 1, max: MAX_BYTES }));
    let index = format!(r#"{{"format": 1, "pad": "{}"}}"#, "x".repeat(MAX_INDEX_BYTES));
    assert!(matches!(library::parse_index(index.as_bytes()), Err(ReadError::TooLarge { .. })));
}

#[test]
fn lone_surrogates_and_bad_utf8_are_not_json() {
    for bad in [
        r#"{"format": 2, "title": "\ud800"}"#,
        r#"{"format": 2, "title": "\udc00 x"}"#,
        r#"{"format": 2, "title": "\ud800\u0041"}"#,
    ] {
        assert!(matches!(assessment::read(bad.as_bytes()), Err(ReadError::NotJson { line: 1, .. })), "{bad}");
    }
    // A pair is one character.
    let pair = r#"{"format": 2, "title": "\ud83d\ude42"}"#;
    assert_eq!(assessment::read(pair.as_bytes()).unwrap().title, "🙂");
    // Invalid UTF-8, with where it is.
    let mut bytes = b"{\"format\": 2,\n \"title\": \"".to_vec();
    bytes.extend([0xC3, 0x28, b'"', b'}']);
    assert!(matches!(assessment::read(&bytes), Err(ReadError::NotJson { line: 2, .. })));
}

#[test]
fn what_is_not_an_assessment_or_index_says_so() {
    for other in ["[1,2,3]", "\"text\"", "42", "null", "{}", r#"{"name":"other tool"}"#, "[2, \"t\"]"] {
        assert_eq!(assessment::read(other.as_bytes()), Err(ReadError::NotAnAssessment), "{other}");
        assert_eq!(library::parse_index(other.as_bytes()), Err(ReadError::NotAnAssessment), "{other}");
    }
    assert_eq!(library::parse_index(br#"{"format": null}"#), Err(ReadError::NotAnAssessment));
    assert_eq!(
        library::parse_index(br#"{"format": 2}"#),
        Err(ReadError::NewerFormat { found: 2, supported: library::INDEX_FORMAT })
    );
    assert!(matches!(assessment::read(b"{\"format\": 2} x"), Err(ReadError::NotJson { .. })), "trailing characters");
    assert!(matches!(
        library::parse_index(br#"{"format": 1, "items": [{"id": "a", "id": "b"}]}"#),
        Err(ReadError::Invalid { problem: Problem::Duplicate, .. })
    ));
}

#[test]
fn index_entries_are_bounded_and_round_trip() {
    let mut a = Assessment::new(&bank().version, "");
    a.title = "\u{1}".repeat(1_000_000);
    a.updated = "9".repeat(10_000);
    a.bank_version = "v".repeat(10_000);
    let e = library::entry(bank(), "abc", &a);
    let mut index = Index::new();
    index.upsert(e.clone());
    let json = index.to_json();
    assert!(json.len() < library::MAX_ENTRY_BYTES + 60, "{} bytes", json.len());
    assert_eq!(e.title.chars().count(), assessment::MAX_META_LEN);
    assert_eq!(library::parse_index(json.as_bytes()).unwrap(), index);
    // Invalid ids and second entries of one id are left out.
    let doc = r#"{"format":1,"current":"a","items":[{"id":"a","title":"1"},{"id":"A/b"},{"id":"a","title":"2"}]}"#;
    let parsed = library::parse_index(doc.as_bytes()).unwrap();
    assert_eq!(parsed.items, vec![Entry { id: "a".into(), title: "1".into(), ..Entry::default() }]);
}

/// serde_json's own verdict on a document: not JSON, or JSON of some kind.
fn serde_says(bytes: &[u8]) -> Result<Value, serde_json::Error> {
    serde_json::from_slice(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
}

fn agrees_with_serde_json(bytes: &[u8]) -> Result<(), TestCaseError> {
    let ours = assessment::read(bytes);
    let blank = bytes.iter().all(u8::is_ascii_whitespace);
    match serde_says(bytes) {
        _ if bytes.len() > MAX_BYTES => prop_assert!(matches!(ours, Err(ReadError::TooLarge { .. })), "too large"),
        _ if blank => prop_assert_eq!(ours, Err(ReadError::Empty)),
        // serde_json gives invalid UTF-8 another position than the editor's column we give.
        Err(_) if std::str::from_utf8(bytes).is_err() => {
            prop_assert!(matches!(ours, Err(ReadError::NotJson { .. })), "not UTF-8")
        }
        Err(e) => prop_assert_eq!(ours, Err(ReadError::NotJson { line: e.line(), column: e.column() })),
        Ok(v) if !v.is_object() || v.get("format").is_none() => prop_assert_eq!(ours, Err(ReadError::NotAnAssessment)),
        Ok(_) => {
            if let Ok(a) = ours {
                // Whatever reads writes and reads back unchanged.
                prop_assert_eq!(assessment::read(assessment::write(&a).as_bytes()), Ok(a));
            }
        }
    }
    Ok(())
}

/// Assessment-like documents: a plausible format and any value in every field.
fn document() -> impl Strategy<Value = String> {
    (prop_oneof![Just(json!(1)), Just(json!(2)), json_value()], json_value(), json_value(), json_value(), any::<bool>())
        .prop_map(|(format, answers, plan, signoff, pretty)| {
            let v = json!({ "format": format, "answers": answers, "plan": plan, "signoff": signoff });
            if pretty {
                serde_json::to_string_pretty(&v).unwrap()
            } else {
                v.to_string()
            }
        })
}

/// A written assessment, cut and with bytes changed.
fn damaged() -> impl Strategy<Value = Vec<u8>> {
    let text = first_text();
    (any::<prop::sample::Index>(), proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4))
        .prop_map(move |(cut, flips)| {
            let mut a = Assessment::new(&bank().version, "Org \"quoted\" \\ 🙂");
            a.title = "Titel — «x»".into();
            a.answers.insert(text.clone(), Answer::Text("line\nbreak \u{202E} rtl".into()));
            let mut bytes = assessment::write(&a).into_bytes();
            bytes.truncate(cut.index(bytes.len() + 1));
            for (at, b) in flips {
                if !bytes.is_empty() {
                    let i = at.index(bytes.len());
                    bytes[i] = b;
                }
            }
            bytes
        })
}

fn first_text() -> String {
    bank().questions().find(|q| q.kind == Kind::Text).unwrap().id.clone()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_and_agree_with_serde_json(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
        agrees_with_serde_json(&bytes)?;
        let _ = library::parse_index(&bytes);
    }

    #[test]
    fn generated_documents_agree_with_serde_json(doc in document()) {
        agrees_with_serde_json(doc.as_bytes())?;
    }

    #[test]
    fn damaged_documents_never_panic_and_agree_with_serde_json(bytes in damaged()) {
        agrees_with_serde_json(&bytes)?;
        let _ = library::parse_index(&bytes);
    }

    #[test]
    fn any_json_value_as_an_index_never_panics(v in json_value()) {
        let doc = json!({ "format": 1, "current": "x", "items": v }).to_string();
        if let Ok(index) = library::parse_index(doc.as_bytes()) {
            prop_assert_eq!(library::parse_index(index.to_json().as_bytes()), Ok(index));
        }
    }
}

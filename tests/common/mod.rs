//! Shared by several test files: generators for the property tests of the saved formats
//! (tests/codec.rs, tests/import.rs), a table answer, a copy of a fixture folder.

use proptest::prelude::*;
use serde_json::Value;

/// Any JSON value, leaning on the keys and strings of the saved formats.
#[allow(dead_code)]
pub fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (0u64..4).prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
        prop_oneof![Just("choice"), Just("multi"), Just("text"), Just("in_place"), Just("kind_changed")]
            .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            proptest::collection::btree_map(
                prop_oneof![
                    "\\PC{0,6}",
                    Just("format".to_string()),
                    Just("title".to_string()),
                    Just("answers".to_string()),
                    Just("plan".to_string()),
                    Just("signoff".to_string()),
                    Just("retired".to_string()),
                    Just("choice".to_string()),
                    Just("multi".to_string()),
                    Just("status".to_string()),
                    Just("question".to_string()),
                    Just("answer".to_string()),
                    Just("reason".to_string()),
                ],
                inner,
                0..5
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A table answer to `q` with `rows` rows, every cell filled: a text cell with `text` (cut to
/// the column's length), a choice cell with the options in turn.
#[allow(dead_code)]
pub fn table_answer(q: &biodpia::domain::model::Question, rows: usize, text: &str) -> biodpia::domain::answers::Answer {
    use biodpia::domain::model::ColumnKind;
    let rows = (0..rows)
        .map(|i| {
            q.columns
                .iter()
                .map(|c| {
                    let v = match c.kind {
                        ColumnKind::Text => format!("{text} {i}").chars().take(c.max_len()).collect(),
                        ColumnKind::Choice => c.options[i % c.options.len()].id.clone(),
                    };
                    (c.id.clone(), v)
                })
                .collect()
        })
        .collect();
    biodpia::domain::answers::Answer::Table(rows)
}

/// Copies folder `from` into `to`, with every file and folder below it.
#[allow(dead_code)]
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// The errors of the (broken) bank in `dir`, which is removed; panics when the bank is valid.
#[allow(dead_code)]
pub fn bank_errors(case: &str, dir: &std::path::Path) -> Vec<String> {
    let result = biodpia::domain::load::load_and_validate(dir);
    let _ = std::fs::remove_dir_all(dir);
    match result {
        Ok(_) => panic!("{case}: a broken bank was accepted"),
        Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
    }
}

/// Asserts that one of `errors` names `file`, `id` and `words`.
#[allow(dead_code)]
pub fn assert_names(errors: &[String], file: &str, id: &str, words: &str) {
    assert!(
        errors.iter().any(|e| e.contains(file) && e.contains(id) && e.contains(words)),
        "no error naming {file}, {id} and `{words}` in {errors:#?}"
    );
}

/// Rendered HTML as text: without markup and bidi isolates, with yew's escapes undone (the SSR
/// tests, tests/render.rs and tests/handover_render.rs).
#[allow(dead_code)]
pub fn plain(html: &str) -> String {
    let mut out = String::new();
    let mut tag = false;
    for ch in html.chars() {
        match ch {
            '<' => tag = true,
            '>' => tag = false,
            '\u{2068}' | '\u{2069}' => {}
            c if !tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&#x27;", "'").replace("&quot;", "\"").replace("&amp;", "&")
}

//! Table questions (issue 15): the bank format and its checks, `answers::check` and the
//! edits of the table input, progress, and the saved format (round trip, migration of a
//! format 3 file, an import with too many rows or too long cells).
//!
//! The bank is the mini bank with one table section added (`03_t.toml`, in a temporary copy).

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use common::assert_names;
use serde_json::json;

use biodpia::domain::answers::{check, edit_table, Answer, AnswerError, Row, TableEdit};
use biodpia::domain::engine;
use biodpia::domain::load::load_and_validate;
use biodpia::domain::model::{Bank, ColumnKind, Kind};
use biodpia::persist::assessment::{self, Assessment, RetiredReason, FORMAT_VERSION};
use biodpia::persist::transfer::{self, Unit};

const STRUCTURE: &str = r#"[section]
id = "parties"

[[question]]
id = "q_parties"
kind = "table"
max_rows = 3

[[question.column]]
id = "name"
kind = "text"
max_len = 10

[[question.column]]
id = "role"
kind = "choice"

[[question.column.option]]
id = "controller"

[[question.column.option]]
id = "processor"
"#;

const EN: &str = r#"[section]
title = "Parties"
intro = "Who takes part."

[question.q_parties]
text = "Who processes the data?"
help = "One row per party."

[question.q_parties.column.name]
header = "Name"

[question.q_parties.column.role]
header = "Role"

[question.q_parties.column.role.option.controller]
label = "Controller"

[question.q_parties.column.role.option.processor]
label = "Processor"
"#;

const NL: &str = r#"[section]
title = "Partijen"
intro = "Wie er meedoen."

[question.q_parties]
text = "Wie verwerkt de gegevens?"
help = "Eén rij per partij."

[question.q_parties.column.name]
header = "Naam"

[question.q_parties.column.role]
header = "Rol"

[question.q_parties.column.role.option.controller]
label = "Verwerkingsverantwoordelijke"

[question.q_parties.column.role.option.processor]
label = "Verwerker"
"#;

/// The mini bank with the table section, in a fresh folder named by `case`, with `edit`
/// applied to (structure, en, nl) first; returns the folder.
fn folder(case: &str, edit: impl Fn(&mut [String; 3])) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    // Tests run in parallel: every folder is new.
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("biodpia-table-{}-{case}-{n}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    common::copy_dir(&src, &dir);
    let mut files = [STRUCTURE.to_string(), EN.to_string(), NL.to_string()];
    edit(&mut files);
    fs::write(dir.join("sections/03_t.toml"), &files[0]).unwrap();
    fs::write(dir.join("locales/en/sections/03_t.toml"), &files[1]).unwrap();
    fs::write(dir.join("locales/nl/sections/03_t.toml"), &files[2]).unwrap();
    dir
}

fn bank() -> Bank {
    let dir = folder("ok", |_| {});
    let bank = load_and_validate(&dir).unwrap_or_else(|e| panic!("{e:#?}"));
    let _ = fs::remove_dir_all(&dir);
    bank
}

/// The errors of the table bank broken by `edit`.
fn broken(case: &str, edit: impl Fn(&mut [String; 3])) -> Vec<String> {
    let dir = folder(case, |f| {
        let before = f.clone();
        edit(f);
        assert_ne!(&before, f, "{case}: the edit changed nothing");
    });
    common::bank_errors(case, &dir)
}

fn row(cells: &[(&str, &str)]) -> Row {
    cells.iter().map(|(c, v)| (c.to_string(), v.to_string())).collect()
}

fn table(rows: &[&[(&str, &str)]]) -> Answer {
    Answer::Table(rows.iter().map(|r| row(r)).collect())
}

// ---------------------------------------------------------------------------------------------
// The bank format

#[test]
fn a_table_question_reads_with_its_columns_options_and_texts() {
    let b = bank();
    let q = b.question("q_parties").unwrap();
    assert_eq!(q.kind, Kind::Table);
    assert_eq!(q.max_rows(), 3);
    let ids: Vec<&str> = q.columns.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["name", "role"]);
    assert_eq!((q.columns[0].kind, q.columns[0].max_len()), (ColumnKind::Text, 10));
    assert_eq!(q.columns[1].kind, ColumnKind::Choice);
    let opts: Vec<&str> = q.columns[1].options.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(opts, ["controller", "processor"]);
    // Headers and labels are texts of their own, numbered apart.
    let texts = [q.text, q.columns[0].header, q.columns[1].header, q.columns[1].options[0].label];
    for (i, a) in texts.iter().enumerate() {
        assert!(texts[i + 1..].iter().all(|b| a != b), "text {i} shares a number");
    }
    // The compact form the widget embeds keeps all of it.
    let mut plain = b.clone();
    for s in &mut plain.sections {
        s.file.clear();
    }
    for x in &mut plain.risks {
        x.file.clear();
    }
    for x in &mut plain.provisions {
        x.file.clear();
    }
    for x in &mut plain.findings {
        x.file.clear();
    }
    for x in &mut plain.safeguards {
        x.file.clear();
    }
    use biodpia::domain::compact::{decode, encode};
    assert_eq!(decode(&encode(&plain)).as_ref(), Some(&plain));
}

#[test]
fn a_table_without_columns_is_refused() {
    let e = broken("no-columns", |f| f[0] = f[0].split("[[question.column]]").next().unwrap().to_string());
    assert_names(&e, "03_t.toml", "q_parties", "at least one column");
}

#[test]
fn a_choice_column_needs_two_options() {
    let e = broken("one-option", |f| {
        f[0] = f[0].replace("[[question.column.option]]\nid = \"processor\"\n", "");
        f[1] = f[1].replace("[question.q_parties.column.role.option.processor]\nlabel = \"Processor\"\n", "");
        f[2] = f[2].replace("[question.q_parties.column.role.option.processor]\nlabel = \"Verwerker\"\n", "");
    });
    assert_names(&e, "03_t.toml", "q_parties.column.role", "at least two options");
}

#[test]
fn a_text_column_has_no_options_and_a_positive_length() {
    let e = broken("text-options", |f| f[0] = f[0].replace("kind = \"choice\"", "kind = \"text\""));
    assert_names(&e, "03_t.toml", "q_parties.column.role", "a text column has no options");
    let e = broken("zero-len", |f| f[0] = f[0].replace("max_len = 10", "max_len = 0"));
    assert_names(&e, "03_t.toml", "q_parties.column.name", "max_len must be positive");
    let e = broken("choice-len", |f| f[0] = f[0].replace("kind = \"choice\"", "kind = \"choice\"\nmax_len = 5"));
    assert_names(&e, "03_t.toml", "q_parties.column.role", "text columns only");
}

#[test]
fn max_rows_is_1_to_100() {
    for (case, n) in [("rows0", "0"), ("rows101", "101")] {
        let e = broken(case, |f| f[0] = f[0].replace("max_rows = 3", &format!("max_rows = {n}")));
        assert_names(&e, "03_t.toml", "q_parties", "max_rows must be 1..=100");
    }
}

#[test]
fn duplicate_and_badly_named_columns_are_refused() {
    let e = broken("dup-column", |f| f[0] = f[0].replace("id = \"role\"", "id = \"name\""));
    assert_names(&e, "03_t.toml", "q_parties.column.name", "duplicate column id");
    let e = broken("bad-column", |f| {
        f[0] = f[0].replace("id = \"name\"", "id = \"Name\"");
        f[1] = f[1].replace("column.name]", "column.Name]");
        f[2] = f[2].replace("column.name]", "column.Name]");
    });
    assert_names(&e, "03_t.toml", "q_parties.column.Name", "snake_case");
    let e = broken("dup-option", |f| f[0] = f[0].replace("id = \"processor\"", "id = \"controller\""));
    assert_names(&e, "03_t.toml", "q_parties.column.role.controller", "duplicate option id");
}

#[test]
fn columns_belong_to_tables_and_conditions_cannot_test_a_table() {
    let e = broken("columns-on-text", |f| f[0] = f[0].replace("kind = \"table\"", "kind = \"text\""));
    assert_names(&e, "03_t.toml", "q_parties", "columns and max_rows apply to table questions only");
    let e = broken("show-if-table", |f| {
        f[0].push_str(
            "\n[[question]]\nid = \"q_after\"\nkind = \"text\"\nshow_if = [ { question = \"q_parties\", any_of = [\"controller\"] } ]\n",
        );
        f[1].push_str("\n[question.q_after]\ntext = \"After\"\n");
        f[2].push_str("\n[question.q_after]\ntext = \"Daarna\"\n");
    });
    assert_names(&e, "03_t.toml", "q_after", "cannot test the table question `q_parties`");
}

#[test]
fn every_language_has_every_header_and_label() {
    let e = broken("no-header-nl", |f| f[2] = f[2].replace("[question.q_parties.column.role]\nheader = \"Rol\"\n", ""));
    assert_names(&e, "locales/nl/sections/03_t.toml", "question.q_parties.column.role", "header: missing");
    let e = broken("no-label-en", |f| f[1] = f[1].replace("label = \"Processor\"", ""));
    assert_names(&e, "locales/en/sections/03_t.toml", "question.q_parties.column.role.option.processor", "label");
    let e = broken("stale-nl", |f| f[2].push_str("\n[question.q_parties.column.gone]\nheader = \"Weg\"\n"));
    assert_names(&e, "locales/nl/sections/03_t.toml", "question.q_parties.column.gone", "not in English");
    let e = broken("empty-nl", |f| f[2] = f[2].replace("header = \"Naam\"", "header = \" \""));
    assert_names(&e, "locales/nl/sections/03_t.toml", "question.q_parties.column.name", "empty");
}

// ---------------------------------------------------------------------------------------------
// Answers

#[test]
fn check_accepts_a_table_that_fits_and_names_what_does_not() {
    let b = bank();
    let ok = table(&[&[("name", "Acme BV"), ("role", "processor")], &[("name", "Gemeente")], &[]]);
    assert_eq!(check(&b, "q_parties", &ok), Ok(()));
    assert_eq!(check(&b, "q_parties", &Answer::Table(vec![])), Ok(()));

    let four = Answer::Table(vec![Row::new(); 4]);
    assert_eq!(
        check(&b, "q_parties", &four),
        Err(AnswerError::TooManyRows { question: "q_parties".into(), max: 3, len: 4 })
    );
    let long = table(&[&[("name", "Ĳsselmonde!")]]);
    assert_eq!(
        check(&b, "q_parties", &long),
        Err(AnswerError::TooLong { question: "q_parties".into(), max: 10, len: 11 })
    );
    // Ten characters of two bytes each fit.
    assert_eq!(check(&b, "q_parties", &table(&[&[("name", "éééééééééé")]])), Ok(()));
    let option = table(&[&[("role", "owner")]]);
    assert_eq!(
        check(&b, "q_parties", &option),
        Err(AnswerError::UnknownOption { question: "q_parties".into(), option: "owner".into() })
    );
    let column = table(&[&[("phone", "0301234567")]]);
    assert_eq!(
        check(&b, "q_parties", &column),
        Err(AnswerError::UnknownColumn { question: "q_parties".into(), column: "phone".into() })
    );
    assert_eq!(
        check(&b, "q_parties", &Answer::Text("Acme".into())),
        Err(AnswerError::WrongKind { question: "q_parties".into() })
    );
    assert_eq!(check(&b, "q_notes", &ok), Err(AnswerError::WrongKind { question: "q_notes".into() }));
}

#[test]
fn edits_add_remove_and_set_cells() {
    let a = edit_table(None, &TableEdit::AddRow);
    assert_eq!(a, Answer::Table(vec![Row::new()]));
    assert!(a.is_empty(), "a row with nothing filled in answers nothing");
    assert!(!a.is_cleared(), "but it is kept, so that it can be filled in");
    let a = edit_table(Some(&a), &TableEdit::SetCell(0, "name".into(), "Acme".into()));
    let a = edit_table(Some(&a), &TableEdit::AddRow);
    let a = edit_table(Some(&a), &TableEdit::SetCell(1, "role".into(), "processor".into()));
    assert_eq!(a, table(&[&[("name", "Acme")], &[("role", "processor")]]));
    assert!(!a.is_empty());
    // An emptied cell is removed; an edit beyond the rows changes nothing.
    let a = edit_table(Some(&a), &TableEdit::SetCell(0, "name".into(), String::new()));
    assert_eq!(edit_table(Some(&a), &TableEdit::SetCell(5, "name".into(), "x".into())), a);
    assert_eq!(edit_table(Some(&a), &TableEdit::RemoveRow(5)), a);
    let a = edit_table(Some(&a), &TableEdit::RemoveRow(0));
    assert_eq!(a, table(&[&[("role", "processor")]]));
    let a = edit_table(Some(&a), &TableEdit::RemoveRow(0));
    assert!(a.is_cleared());
    // An edit of another kind of answer starts a table.
    assert_eq!(edit_table(Some(&Answer::Text("x".into())), &TableEdit::AddRow), Answer::Table(vec![Row::new()]));
}

#[test]
fn a_filled_in_table_counts_as_answered_and_is_never_scored() {
    let b = bank();
    let mut answers = biodpia::domain::answers::Answers::new();
    let progress = |answers: &biodpia::domain::answers::Answers| {
        let r = engine::evaluate(&b, answers, &Default::default());
        (r.section_progress(&b, answers)[2], r.inherent_score)
    };
    let (p, score) = progress(&answers);
    assert_eq!((p.answered, p.total), (0, 1));
    answers.insert("q_parties".into(), Answer::Table(vec![Row::new(), row(&[("name", "  ")])]));
    assert_eq!(progress(&answers).0.answered, 0, "blank rows answer nothing");
    answers.insert("q_parties".into(), table(&[&[("role", "controller")]]));
    let (p, with_table) = progress(&answers);
    assert_eq!(p.answered, 1);
    assert_eq!(with_table, score, "a table raises no risk");
    // Unanswered, it is not among the choices still open.
    let r = engine::evaluate(&b, &Default::default(), &Default::default());
    assert!(!r.unanswered.iter().any(|q| q == "q_parties"), "{:?}", r.unanswered);
}

// ---------------------------------------------------------------------------------------------
// Saved and exported

fn with_table(b: &Bank) -> Assessment {
    let mut a = Assessment::new(&b.version, "Gemeente Utrecht");
    a.answers.insert(
        "q_parties".into(),
        table(&[&[("name", "Acme “BV”"), ("role", "processor")], &[("name", "Ĳssel 🙂\n")], &[]]),
    );
    a.answers.insert("q_notes".into(), Answer::Text("notes".into()));
    a
}

#[test]
fn a_table_answer_survives_save_and_export_exactly() {
    let b = bank();
    let a = with_table(&b);
    let saved = assessment::write(&a);
    assert!(saved.contains(r#""q_parties":{"table":[{"name":"Acme “BV”","role":"processor"},"#), "{saved}");
    assert_eq!(assessment::read(saved.as_bytes()).unwrap(), a);
    let (back, m) = transfer::import(&b, transfer::export(&a).as_bytes()).unwrap();
    assert_eq!(back, a);
    assert!(m.is_empty(), "{m:?}");
}

#[test]
fn a_format_3_file_reads_as_the_current_format_unchanged() {
    assert_eq!(FORMAT_VERSION, 5);
    let b = bank();
    let old = json!({
        "format": 3,
        "bank_version": b.version,
        "title": "Oud",
        "answers": { "q_notes": { "text": "kept" }, "q_mode": { "choice": "verify" } },
        "plan": { "s_alternative": { "status": "planned", "owner": "FG" } },
        "id": "a-1",
        "revision": 2
    });
    let (a, m) = transfer::import(&b, old.to_string().as_bytes()).unwrap();
    assert_eq!(a.format, FORMAT_VERSION);
    assert_eq!(a.answers["q_notes"], Answer::Text("kept".into()));
    assert_eq!(a.answers["q_mode"], Answer::Choice("verify".into()));
    assert_eq!((a.id.as_str(), a.revision, a.title.as_str()), ("a-1", 2, "Oud"));
    assert!(m.is_empty(), "{m:?}");
    // Written again, it is a format 5 file that reads back the same.
    assert!(assessment::write(&a).starts_with(r#"{"format":5,"#));
    assert_eq!(assessment::read(assessment::write(&a).as_bytes()).unwrap(), a);
}

#[test]
fn formats_3_and_4_read_through_both_migrations() {
    // Format 3 -> 4 (the decision record: the old "partly" is the option it meant) -> 5
    // (tables: nothing to change).
    let b = bank();
    let v3 = json!({ "format": 3, "bank_version": b.version, "signoff": { "dpo_advice_followed": "partly" } });
    let a = assessment::read(v3.to_string().as_bytes()).unwrap();
    assert_eq!((a.format, a.signoff.dpo_advice_followed.as_str()), (FORMAT_VERSION, "partly_reasons"));
    // A format 4 file keeps its decision record, and takes a table after it.
    let v4 = json!({
        "format": 4,
        "bank_version": b.version,
        "signoff": { "decision": "conditionally_approved", "decided_by": "J. de Vries", "dpo_name": "A. Bakker" },
        "answers": { "q_notes": { "text": "kept" } }
    });
    let (mut a, m) = transfer::import(&b, v4.to_string().as_bytes()).unwrap();
    assert!(m.is_empty(), "{m:?}");
    assert_eq!(a.format, FORMAT_VERSION);
    assert_eq!(
        (a.signoff.decision.as_str(), a.signoff.decided_by.as_str(), a.signoff.dpo_name.as_str()),
        ("conditionally_approved", "J. de Vries", "A. Bakker")
    );
    a.answers.insert("q_parties".into(), table(&[&[("name", "Acme")]]));
    let (back, _) = transfer::import(&b, transfer::export(&a).as_bytes()).unwrap();
    assert_eq!(back, a);
}

#[test]
fn a_widget_of_format_4_is_not_given_a_table_it_would_misread() {
    // The table answer is what makes a format 5 file: it is not an answer of format 4.
    let b = bank();
    let mut file: serde_json::Value = serde_json::from_str(&assessment::write(&with_table(&b))).unwrap();
    assert_eq!(file["format"], 5);
    assert!(file["answers"]["q_parties"]["table"].is_array());
    file["format"] = json!(6);
    let err = transfer::import(&b, file.to_string().as_bytes()).unwrap_err();
    assert!(format!("{err:?}").contains("NewerFormat"), "{err:?}");
}

#[test]
fn an_import_with_too_many_rows_or_too_long_cells_is_shortened_and_named() {
    let b = bank();
    let rows: Vec<serde_json::Value> =
        (0..7).map(|i| json!({ "name": format!("Partij nummer {i}"), "role": "controller" })).collect();
    let file = json!({ "format": 5, "bank_version": b.version, "answers": { "q_parties": { "table": rows } } });
    let (a, m) = transfer::import(&b, file.to_string().as_bytes()).unwrap();
    let Answer::Table(kept) = &a.answers["q_parties"] else { panic!("{:?}", a.answers) };
    assert_eq!(kept.len(), 3, "the rows after the third are left out");
    assert_eq!(kept[2]["name"], "Partij num", "cells cut to the column's 10 characters");
    assert_eq!(check(&b, "q_parties", &a.answers["q_parties"]), Ok(()));
    let named: Vec<(&str, usize, usize, Unit)> =
        m.shortened.iter().map(|s| (s.field.as_str(), s.len, s.max, s.unit)).collect();
    assert_eq!(
        named,
        [
            ("answers.q_parties[0].name", 15, 10, Unit::Characters),
            ("answers.q_parties[1].name", 15, 10, Unit::Characters),
            ("answers.q_parties[2].name", 15, 10, Unit::Characters),
            ("answers.q_parties", 7, 3, Unit::Rows),
        ]
    );
    // A hostile column name is named, but not in full.
    let key = "k".repeat(5000);
    let file = json!({ "format": 5, "bank_version": "older", "answers": { "q_parties": { "table": [ { key.clone(): "x".repeat(300) } ] } } });
    let (a, m) = transfer::import(&b, file.to_string().as_bytes()).unwrap();
    assert_eq!(m.shortened.len(), 1);
    assert!(m.shortened[0].field.len() < 100, "{}", m.shortened[0].field);
    // A column the table does not have: the answer is kept aside, never dropped.
    assert!(!a.answers.contains_key("q_parties"));
    assert_eq!(a.retired.len(), 1);
    assert_eq!((a.retired[0].question.as_str(), a.retired[0].reason), ("q_parties", RetiredReason::KindChanged));
}

#[test]
fn a_damaged_table_in_a_file_is_refused_with_the_field_named() {
    let b = bank();
    for (table, what) in [
        (json!("Acme"), "a text for rows"),
        (json!([["Acme", "processor"]]), "a list for a row"),
        (json!([{ "name": 3 }]), "a number for a cell"),
    ] {
        let file = json!({ "format": 5, "answers": { "q_parties": { "table": table } } });
        let err = transfer::import(&b, file.to_string().as_bytes()).unwrap_err();
        assert!(format!("{err:?}").contains("answers.q_parties"), "{what}: {err:?}");
    }
}

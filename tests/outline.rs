//! The report's outline (src/report/outline.rs, issue 15 items 1 and 7): the EDPB DPIA
//! template's numbering and headings in order, in EN and NL; every field filled or said not to
//! be asked; every answer printed once (in the body, in annex A or in the FRIA annex), never
//! lost and never twice in the body.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use biodpia::domain::answers::Answer;
use biodpia::domain::engine::evaluate;
use biodpia::domain::model::{ColumnKind, Kind};
use biodpia::i18n::{template, Lang};
use biodpia::persist::assessment::Assessment;
use biodpia::report::outline::{self, Entry, Outline, Place, FIELDS, NUMBERS};

fn l(code: &str) -> Lang {
    Lang::parse(code).expect("language is built in")
}

/// Every question of the bank answered (the first option, every option of a multi question
/// but an exclusive "none", a text, two filled rows of a table), so that every question the
/// answers show is answered; `deployer` answers the AI Act deployer question.
fn fully_answered(deployer: &str) -> Assessment {
    let bank = biodpia::bank::bank();
    let mut a = Assessment::default();
    for q in bank.questions() {
        let answer = match q.kind {
            Kind::Text => Answer::Text(format!("Answer to {}.", q.id)),
            Kind::Table => common::table_answer(q, 2, "Row"),
            Kind::Multi => Answer::Multi(
                q.options
                    .iter()
                    .filter(|o| !matches!(o.id.as_str(), "none" | "none_considered"))
                    .map(|o| o.id.clone())
                    .take(2)
                    .collect(),
            ),
            _ => Answer::Choice(q.options.first().map(|o| o.id.clone()).unwrap_or_default()),
        };
        a.answers.insert(q.id.clone(), answer);
    }
    a.answers.insert("q_ai_deployer_type".into(), Answer::Choice(deployer.into()));
    // Answers that show the questions behind them (the first option hides some).
    for (q, o) in [("q_uses_vendor", "yes"), ("q_ai_emotion", "yes")] {
        a.answers.insert(q.into(), Answer::Choice(o.into()));
    }
    a.answers.insert("q_modality".into(), Answer::Multi(vec!["face".into()]));
    biodpia::persist::record::reconcile(&mut a);
    a
}

fn fixture(name: &str) -> Assessment {
    let bank = biodpia::bank::bank();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exports").join(name);
    biodpia::persist::transfer::import(bank, &std::fs::read(path).unwrap()).unwrap().0
}

/// Where each question appears in the outline: (printed in the body, referred to, in annex A,
/// in the FRIA annex).
#[derive(Default, Debug, PartialEq)]
struct Seen {
    body: usize,
    see: usize,
    remaining: usize,
    fria: usize,
}

fn seen(o: &Outline) -> BTreeMap<String, Seen> {
    let mut out: BTreeMap<String, Seen> = BTreeMap::new();
    for node in &o.nodes {
        for e in node.content.iter().flat_map(|c| &c.entries) {
            let s = out.entry(e.question().id.clone()).or_default();
            match e {
                Entry::See(..) => s.see += 1,
                _ => s.body += 1,
            }
        }
    }
    for e in &o.remaining {
        out.entry(e.question().id.clone()).or_default().remaining += 1;
    }
    for item in o.fria.iter().flat_map(|f| &f.items) {
        out.entry(item.question.id.clone()).or_default().fria += 1;
    }
    out
}

#[test]
fn the_outline_has_the_template_numbering_in_order() {
    let bank = biodpia::bank::bank();
    let a = Assessment::default();
    let report = evaluate(bank, &a.answers, &a.plan);
    let o = Outline::new(bank, &report, &a);
    let numbers: Vec<&str> = o.nodes.iter().map(|n| n.number).collect();
    assert_eq!(numbers, NUMBERS);
    let sections: Vec<&str> = o.nodes.iter().filter(|n| n.is_section()).map(|n| n.number).collect();
    assert_eq!(sections, ["0", "1", "2", "3", "4", "5", "6"]);
    // Each heading follows its parent: "2.3.e" comes after "2.3", which comes after "2".
    for (i, n) in numbers.iter().enumerate() {
        if let Some((parent, _)) = n.rsplit_once('.') {
            let at = numbers.iter().position(|x| *x == parent).unwrap_or_else(|| panic!("{n}: no {parent}"));
            assert!(at < i, "{n} after {parent}");
        }
    }
    // The fields are the outline's headings with content, in the same order; groups have none.
    let with_content: Vec<&str> = o.nodes.iter().filter(|n| n.content.is_some()).map(|n| n.number).collect();
    assert_eq!(with_content, FIELDS.iter().map(|f| f.number).collect::<Vec<_>>());
    for group in ["1", "1.1", "2.1", "2.2", "2.3", "4.1", "4.2"] {
        assert!(o.nodes.iter().find(|n| n.number == group).unwrap().content.is_none(), "{group}");
    }
    // The lettered sub-fields of the mapping table.
    for n in
        ["1.1.a", "1.1.d", "2.1.a", "2.1.b", "2.2.a", "2.2.b", "2.3.a", "2.3.e", "4.1.a", "4.1.c", "4.2.a", "4.2.c"]
    {
        assert!(outline::field(n).is_some(), "{n}");
    }
    assert_eq!(o.section("2").count(), 13);
    assert_eq!(o.section("6").map(|n| n.number).collect::<Vec<_>>(), ["6"]);
}

#[test]
fn every_heading_is_there_in_english_and_in_dutch() {
    let (en, nl) = (l("en"), l("nl"));
    for n in NUMBERS {
        let (e, d) = (outline::heading(en, n), outline::heading(nl, n));
        assert!(!e.is_empty() && !d.is_empty(), "{n}: heading in both languages");
        assert_ne!(e, d, "{n}: the Dutch heading is Dutch");
        assert!(!d.contains("GDPR") && !d.contains("DPO") && !d.contains("Art."), "{n}: {d}");
        assert_eq!(outline::title(nl, n), format!("{n} {d}"));
    }
    assert_eq!(outline::heading(en, "2.3.e"), "Security (GDPR Art. 32)");
    assert_eq!(outline::heading(nl, "2.3.e"), "Beveiliging (art. 32 AVG)");
    assert_eq!(outline::heading(nl, "2.1"), "Rechtmatigheid");
    assert_eq!(outline::heading(nl, "3"), "Noodzakelijkheid en evenredigheid");
    assert_eq!(outline::heading(nl, "2.3.b"), "Rechten van betrokkenen");
    assert_eq!(outline::heading(en, "7"), "", "not a number of the template");
    assert!(!template::strings(nl).not_asked.is_empty());
}

#[test]
fn every_answer_is_printed_once_and_none_is_lost() {
    let bank = biodpia::bank::bank();
    let cases = [
        ("all answered, FRIA owed", fully_answered("public_body")),
        ("all answered, no FRIA", fully_answered("private_other")),
        ("archive door", fixture("archive_door_2026.11.2.json")),
        ("bank vault", fixture("bank_vault_2026.11.2.json")),
    ];
    for (name, a) in &cases {
        let report = evaluate(bank, &a.answers, &a.plan);
        let o = Outline::new(bank, &report, a);
        let seen = seen(&o);
        for id in &report.visible {
            let s = seen.get(id).unwrap_or_else(|| panic!("{name}: {id} is asked but not in the outline"));
            assert_eq!(s.body + s.remaining + s.fria, 1, "{name}: {id} printed once: {s:?}");
            assert!(s.remaining == 0 || s.see == 0, "{name}: {id} in annex A and referred to");
            let place = o.place(id).unwrap();
            match place {
                Place::Field(n) => assert!(s.body == 1 && outline::field(n).unwrap().questions.contains(&id.as_str())),
                Place::Remaining => {
                    assert!(s.remaining == 1 && FIELDS.iter().all(|f| !f.questions.contains(&id.as_str())))
                }
                Place::Fria => assert_eq!(s.fria, 1),
            }
        }
        // Nothing the answers do not ask is printed.
        for id in seen.keys() {
            assert!(report.visible.contains(id), "{name}: {id} is not asked but printed");
        }
        // A reference points to the earlier field that prints it.
        let numbers: Vec<&str> = o.nodes.iter().map(|n| n.number).collect();
        for node in &o.nodes {
            for e in node.content.iter().flat_map(|c| &c.entries) {
                if let Entry::See(q, at) = e {
                    assert_eq!(o.place(&q.id), Some(Place::Field(at)), "{name}: {} in {}", q.id, node.number);
                    let (i, j) = (numbers.iter().position(|n| n == at), numbers.iter().position(|n| *n == node.number));
                    assert!(i < j, "{name}: {} refers forward to {at}", node.number);
                }
            }
        }
    }
    // The fully answered assessment answers everything it asks: no field of it is left
    // "not answered", and the FRIA annex takes the FRIA questions out of annex A.
    let a = &cases[0].1;
    let report = evaluate(bank, &a.answers, &a.plan);
    let o = Outline::new(bank, &report, a);
    assert!(o.fria.is_some());
    assert!(o.place("q_fria_harms") == Some(Place::Fria));
    let unanswered: Vec<&str> = o
        .nodes
        .iter()
        .flat_map(|n| n.content.iter().flat_map(|c| &c.entries))
        .chain(&o.remaining)
        .filter_map(|e| matches!(e, Entry::NotAnswered(_)).then(|| e.question().id.as_str()))
        .collect();
    assert!(unanswered.is_empty(), "{unanswered:?}");
    assert!(o.remaining.iter().any(|e| e.question().id == "q_ai_role"), "AI Act answers go to annex A");
    // The DPO's advice is the record's, in 5.1.
    let dpo = o.nodes.iter().find(|n| n.number == "5.1").unwrap().content.as_ref().unwrap();
    assert!(dpo.entries.iter().any(|e| matches!(e, Entry::InRecord(q) if q.id == "q_gov_dpo_summary")));
    let b = &cases[1].1;
    let report = evaluate(bank, &b.answers, &b.plan);
    let o = Outline::new(bank, &report, b);
    assert!(o.fria.is_none());
    assert!(o.place("q_fria_harms").is_none(), "not asked without a FRIA");
}

#[test]
fn a_field_is_filled_or_says_it_is_not_asked() {
    let bank = biodpia::bank::bank();
    // Nothing answered: the questions shown are "not answered"; a field none of whose questions
    // is shown, and that has no block, is marked "not asked".
    let a = Assessment::default();
    let report = evaluate(bank, &a.answers, &a.plan);
    let o = Outline::new(bank, &report, &a);
    let mut not_asked = Vec::new();
    for node in &o.nodes {
        let Some(c) = &node.content else { continue };
        let def = outline::field(node.number).unwrap();
        let shown = def.questions.iter().filter(|q| report.visible.iter().any(|v| v == *q)).count();
        assert_eq!(c.entries.len(), shown, "{}", node.number);
        assert_eq!(c.not_asked(), shown == 0 && def.blocks.is_empty(), "{}", node.number);
        assert!(c.entries.iter().all(|e| matches!(e, Entry::NotAnswered(_) | Entry::See(..) | Entry::InRecord(_))));
        if c.not_asked() {
            not_asked.push(node.number);
        }
    }
    // With no answer given, 2.1.b's follow-up questions are hidden but the exception itself is
    // asked; a field whose questions only follow from earlier answers is not asked.
    assert!(!not_asked.contains(&"2.1.b"));
    // Answering shows a question and fills the field.
    let mut b = Assessment::default();
    b.answers.insert("q_art9_exception".into(), Answer::Choice("explicit_consent".into()));
    let rb = evaluate(bank, &b.answers, &b.plan);
    let ob = Outline::new(bank, &rb, &b);
    let lawful = ob.nodes.iter().find(|n| n.number == "2.1.b").unwrap().content.as_ref().unwrap();
    assert!(matches!(lawful.entries[0], Entry::Answered(q, _) if q.id == "q_art9_exception"));
    assert!(
        lawful.entries.len()
            > o.nodes.iter().find(|n| n.number == "2.1.b").unwrap().content.as_ref().unwrap().entries.len(),
        "the follow-up questions on consent are asked now"
    );
    // A blank text and a table without text count as not answered.
    let mut c = Assessment::default();
    c.answers.insert("q_description".into(), Answer::Text("  ".into()));
    let q = bank.question("q_data_items").unwrap();
    let empty_row = q
        .columns
        .iter()
        .map(|c| (c.id.clone(), if c.kind == ColumnKind::Choice { String::new() } else { " ".into() }))
        .collect();
    c.answers.insert("q_data_items".into(), Answer::Table(vec![empty_row]));
    let rc = evaluate(bank, &c.answers, &c.plan);
    let oc = Outline::new(bank, &rc, &c);
    for (field, id) in [("1.2", "q_description"), ("1.1.a", "q_data_items")] {
        let entries = &oc.nodes.iter().find(|n| n.number == field).unwrap().content.as_ref().unwrap().entries;
        assert!(entries.iter().any(|e| matches!(e, Entry::NotAnswered(q) if q.id == id)), "{field}: {id}");
    }
}

#[test]
fn data_subject_rights_are_printed_in_the_templates_five_rows() {
    // 2.3.b's questions are exactly those of the five rows, in their order, each once.
    let rows: Vec<&str> = outline::RIGHTS.iter().flat_map(|(_, ids)| ids.iter().copied()).collect();
    assert_eq!(outline::field(outline::RIGHTS_FIELD).unwrap().questions, rows.as_slice());
    let bank = biodpia::bank::bank();
    for id in &rows {
        assert!(bank.question(id).is_some(), "{id} is a question of the bank");
    }
    let a = fully_answered("deployer");
    let report = evaluate(bank, &a.answers, &a.plan);
    let o = Outline::new(bank, &report, &a);
    let node = o.nodes.iter().find(|n| n.number == outline::RIGHTS_FIELD).unwrap();
    let groups = node.groups();
    let keys: Vec<Option<&str>> = groups.iter().map(|g| g.key).collect();
    assert_eq!(keys, outline::RIGHTS.iter().map(|(k, _)| Some(*k)).collect::<Vec<_>>());
    // Each asked question under its own row; together, every entry of the field once.
    for (g, (_, ids)) in groups.iter().zip(outline::RIGHTS) {
        assert!(g.entries.iter().all(|e| ids.contains(&e.question().id.as_str())), "{:?}", g.key);
    }
    let n: usize = groups.iter().map(|g| g.entries.len()).sum();
    assert_eq!(n, node.content.as_ref().unwrap().entries.len());
    assert!(groups.iter().all(|g| !g.entries.is_empty()), "a fully answered assessment asks about every right");
    // Every row has its heading in both languages, with its articles.
    for lang in ["en", "nl"] {
        let tp = template::strings(l(lang));
        for (key, _) in outline::RIGHTS {
            let name = tp.right(key);
            assert!(name != key && name.contains(if lang == "en" { "GDPR" } else { "AVG" }), "{lang}: {name}");
        }
    }
    // Any other field is one row without a heading.
    let other = o.nodes.iter().find(|n| n.number == "2.3.e").unwrap();
    assert!(matches!(other.groups().as_slice(), [g] if g.key.is_none()));
}

#[test]
fn every_principle_of_2_3_a_has_its_name_and_article_in_both_languages() {
    for lang in ["en", "nl"] {
        let tp = template::strings(l(lang));
        for p in biodpia::domain::model::PRINCIPLES {
            let name = tp.principle(p);
            assert!(
                name != p && name.contains(if lang == "en" { "GDPR Art. 5(" } else { "art. 5 lid " }),
                "{lang}: {name}"
            );
        }
    }
}

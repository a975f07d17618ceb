//! The summary as a Word document (src/report/): the .docx is a valid zip of well-formed XML
//! parts, holds what the summary holds (the decision, every risk, every measure of the action
//! plan with status and owner, the sign-off) in English and Dutch, and any text a user typed
//! is escaped, with the characters XML 1.0 does not allow dropped.

mod cases;

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use biodpia::domain::answers::{Answer, PlanItem, Status};
use biodpia::domain::engine::{self, Report};
use biodpia::domain::fria;
use biodpia::i18n::{self, summary, Get, Lang};
use biodpia::persist::assessment::Assessment;
use biodpia::report::names::{risk_title, safeguard_title, signoff_lines, signoff_value, status_text};
use biodpia::report::ooxml;

fn l(code: &str) -> Lang {
    Lang::parse(code).expect("language is built in")
}

/// Every choice question answered with its riskiest option, a description, every recommended
/// measure planned with its own owner and due date except the last (not planned, no owner),
/// and a full sign-off.
fn filled() -> Assessment {
    let bank = biodpia::bank::bank();
    let mut a = Assessment::new(&bank.version, "Gemeente Voorbeeld");
    a.title = "Toegang met vingerafdruk".into();
    cases::answer_riskiest(&mut a);
    a.answers.insert("q_description".into(), Answer::Text("Templates stay on the badge.\nSecond line.".into()));
    let report = evaluate(&a);
    let n = report.recommendations.len();
    for (i, r) in report.recommendations.iter().enumerate().take(n - 1) {
        let item = PlanItem { status: Status::Planned, owner: format!("Owner-{i}"), due: "2027-01-15".into() };
        a.plan.insert(r.safeguard.clone(), item);
    }
    a.signoff = cases::full_signoff();
    biodpia::persist::record::derive(biodpia::bank::bank(), &mut a);
    a
}

/// A scenario of tests/scenarios/ (answers and plan), each planned measure with an owner
/// ("Owner-<id>") and a due date.
fn scenario(file: &str) -> Assessment {
    let bank = biodpia::bank::bank();
    let text = std::fs::read_to_string(format!("{}/tests/scenarios/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let raw: toml::Table = toml::from_str(&text).unwrap();
    let mut a = Assessment::new(&bank.version, "Gemeente Voorbeeld");
    a.title = file.to_string();
    for (q, v) in raw["answers"].as_table().unwrap() {
        let answer = match v {
            toml::Value::Array(xs) => Answer::Multi(xs.iter().map(|x| x.as_str().unwrap().to_string()).collect()),
            x => Answer::Choice(x.as_str().unwrap().to_string()),
        };
        a.answers.insert(q.clone(), answer);
    }
    for (sid, v) in raw["plan"].as_table().unwrap() {
        let (status, owner, due) = match v.as_str().unwrap() {
            "planned" => (Status::Planned, format!("Owner-{sid}"), "2027-02-01".to_string()),
            "in_place" => (Status::InPlace, String::new(), String::new()),
            _ => (Status::NotPlanned, String::new(), String::new()),
        };
        a.plan.insert(sid.clone(), PlanItem { status, owner, due });
    }
    a
}

fn evaluate(a: &Assessment) -> Report {
    engine::evaluate(biodpia::bank::bank(), &a.answers, &a.plan)
}

fn docx(lang: Lang, a: &Assessment) -> Vec<u8> {
    biodpia::report::docx(biodpia::bank::bank(), lang, a, &evaluate(a), "2026-12-03")
}

/// Every part of the archive by name, read back with the `zip` crate (CRC checked on read).
fn parts(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a valid zip");
    let mut out = BTreeMap::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap_or_else(|e| panic!("{}: {e}", f.name()));
        out.insert(f.name().to_string(), s);
    }
    out
}

/// The paragraphs of a WordprocessingML part as text (runs joined, `<w:br/>` as a line feed),
/// and its table rows as the texts of their cells; fails if the part is not well-formed XML.
struct Text {
    paragraphs: Vec<String>,
    rows: Vec<Vec<String>>,
    /// The paragraphs with their style id.
    styled: Vec<(String, String)>,
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn para_text(p: roxmltree::Node) -> String {
    let mut s = String::new();
    for n in p.descendants() {
        match (n.tag_name().namespace(), n.tag_name().name()) {
            (Some(W), "t") => s.push_str(n.text().unwrap_or("")),
            (Some(W), "br") => s.push('\n'),
            (Some(W), "tab") => s.push('\t'),
            _ => {}
        }
    }
    s
}

fn read(xml: &str) -> Text {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("document.xml is not well-formed: {e}"));
    let is = |n: &roxmltree::Node, name: &str| n.tag_name().namespace() == Some(W) && n.tag_name().name() == name;
    let mut text = Text { paragraphs: Vec::new(), rows: Vec::new(), styled: Vec::new() };
    for n in doc.descendants() {
        if is(&n, "p") {
            let t = para_text(n);
            let style = n
                .descendants()
                .find(|x| is(x, "pStyle"))
                .and_then(|x| x.attribute((W, "val")))
                .unwrap_or("Normal")
                .to_string();
            text.styled.push((style, t.clone()));
            text.paragraphs.push(t);
        } else if is(&n, "tr") {
            let cells = n.children().filter(|c| is(c, "tc"));
            text.rows.push(
                cells
                    .map(|c| c.children().filter(|p| is(p, "p")).map(para_text).collect::<Vec<_>>().join("\n"))
                    .collect(),
            );
        }
    }
    text
}

fn document(lang: Lang, a: &Assessment) -> (BTreeMap<String, String>, Text) {
    let parts = parts(&docx(lang, a));
    let text = read(&parts["word/document.xml"]);
    (parts, text)
}

#[test]
fn a_usual_report_is_small() {
    let n = docx(l("en"), &filled()).len();
    eprintln!("filled report: {n} bytes");
    assert!(n < 400_000, "{n} bytes");
    // BIODPIA_DOCX_DIR=<dir>: the documents written there too, to open them by hand.
    if let Ok(dir) = std::env::var("BIODPIA_DOCX_DIR") {
        for code in ["en", "nl"] {
            std::fs::write(format!("{dir}/filled-{code}.docx"), docx(l(code), &filled())).unwrap();
            let a = scenario("29_municipality_archive_door_planned.toml");
            std::fs::write(format!("{dir}/conditions-{code}.docx"), docx(l(code), &a)).unwrap();
        }
    }
}

#[test]
fn the_docx_is_a_zip_of_well_formed_parts_that_word_needs() {
    let parts = parts(&docx(l("en"), &filled()));
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/numbering.xml",
        "word/settings.xml",
        "word/header1.xml",
        "word/footer1.xml",
        "docProps/core.xml",
    ] {
        let xml = parts.get(name).unwrap_or_else(|| panic!("{name} missing"));
        roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    // Every part but the content types is declared in it, and every relationship's target exists.
    let types = &parts["[Content_Types].xml"];
    for name in parts.keys().filter(|n| !n.ends_with(".rels") && *n != "[Content_Types].xml") {
        assert!(types.contains(&format!("PartName=\"/{name}\"")), "{name} has no content type");
    }
    let rels = roxmltree::Document::parse(&parts["word/_rels/document.xml.rels"]).unwrap();
    let mut links = 0;
    for r in rels.descendants().filter(|n| n.has_tag_name("Relationship")) {
        let target = r.attribute("Target").unwrap();
        if r.attribute("TargetMode") == Some("External") {
            assert!(target.starts_with("https://"), "{target}");
            links += 1;
        } else {
            assert!(parts.contains_key(&format!("word/{target}")), "word/{target} missing");
        }
    }
    assert!(links > 0, "the findings' sources are links");
    // The title is the document's title.
    let core = roxmltree::Document::parse(&parts["docProps/core.xml"]).unwrap();
    let title = core.descendants().find(|n| n.has_tag_name("title")).and_then(|n| n.text());
    assert_eq!(title, Some("Toegang met vingerafdruk"));
}

#[test]
fn it_holds_the_decision_every_risk_every_measure_and_the_signoff_in_english_and_dutch() {
    let bank = biodpia::bank::bank();
    let a = filled();
    let r = evaluate(&a);
    assert!(r.raised_worst_first().len() >= 3 && r.recommendations.len() >= 3, "a case with something to show");
    for lang in [l("en"), l("nl")] {
        let t = i18n::strings(lang);
        let s = summary::strings(lang);
        let (_, doc) = document(lang, &a);
        let has = |x: &str| doc.paragraphs.iter().any(|p| p == x);
        let heading = |style: &str, x: &str| doc.styled.iter().any(|(st, p)| st == style && p == x);
        // The cover and the decision.
        assert!(doc.styled.iter().any(|(st, p)| st == "Title" && p == s.doc_title), "{lang:?}: title");
        assert!(has("Toegang met vingerafdruk"), "{lang:?}: the assessment's title");
        assert!(has(s.outcome_label), "{lang:?}: the outcome is named");
        let (outcome, body) = t.outcome(r.decision.outcome);
        assert!(has(outcome) && has(body), "{lang:?}: the decision {outcome}");
        // Every section of the template is a Word heading, numbered as in the summary, and the
        // annexes after them.
        for n in ["0", "1", "2", "3", "4", "5", "6"] {
            assert!(heading("Heading1", &biodpia::report::outline::title(lang, n)), "{lang:?}: section {n}");
        }
        for h in [
            format!("{} A. {}", s.annex, biodpia::i18n::template::strings(lang).remaining),
            format!("{} B. {}", s.annex, t.findings_cited),
        ] {
            assert!(heading("Heading1", &h), "{lang:?}: heading {h}");
        }
        // Every raised risk, worst first, in the risk table (4.1.c) and with why it arises (3.1).
        for (i, risk) in r.raised_worst_first().iter().enumerate() {
            let title = risk_title(bank, lang, &risk.risk);
            assert!(
                doc.rows.iter().any(|row| row[0] == (i + 1).to_string() && row[1] == title),
                "{lang:?}: risk row {title}"
            );
            assert!(heading("BdLabel", &format!("{}. {title}", i + 1)), "{lang:?}: why {title}");
        }
        // Every measure of the action plan with its status, owner and due date.
        for row in r.plan_rows(bank, &a.plan) {
            let title = row.safeguard.title.get(lang);
            let item = a.plan.get(&row.safeguard.id).cloned().unwrap_or_default();
            let status = if row.in_place_by_answers { s.in_place_by_answers } else { status_text(t, item.status) };
            assert!(
                doc.rows.iter().any(|x| x.len() == 5
                    && x[1] == title
                    && x[2] == status
                    && x[3] == item.owner
                    && x[4] == t.date(&item.due)),
                "{lang:?}: plan row {title} / {status} / {}",
                item.owner
            );
        }
        assert!(doc.rows.iter().any(|x| x.len() == 5 && x[2] == t.status_not_planned && x[3].is_empty()));
        // The decision record: every line, each value in its row as the summary shows it.
        let lines = signoff_lines(bank, lang, &a, r.decision.outcome);
        assert!(lines.len() >= 6);
        for line in &lines {
            let value = signoff_value(bank, lang, line.field, a.signoff.get(line.field));
            assert!(
                doc.rows.iter().any(|x| x.len() == 3 && x[0] == line.label && x[1].starts_with(&value)),
                "{lang:?}: sign-off {} / {value}",
                line.label
            );
        }
        for value in ["Jan Jansen, director", "Petra de Vries, CISO", "Budget reasons"] {
            assert!(doc.rows.iter().any(|x| x.len() == 3 && x[1].starts_with(value)), "{lang:?}: {value}");
        }
        assert!(doc.rows.iter().any(|x| x.len() == 3 && x[1].starts_with(&t.date("2027-03-31"))));
        // Line breaks in free text stay line breaks.
        assert!(doc.rows.iter().any(|x| x.len() == 3 && x[1].starts_with("Advice line one.\nAdvice line two.")));
        assert!(has("Templates stay on the badge.\nSecond line."), "{lang:?}: description");
        // The findings cited, each with its source as a link.
        for f in r.cited_findings(bank) {
            assert!(has(&format!("{}: {}", t.source, f.source)), "{lang:?}: source of {}", f.id);
        }
        assert!(has(s.disclaimer));
    }
    // The Dutch document is in Dutch: its spelling language too.
    let (parts, nl) = document(l("nl"), &a);
    assert!(parts["word/styles.xml"].contains("w:val=\"nl-NL\""));
    assert!(nl.paragraphs.iter().any(|p| p == summary::strings(l("nl")).outcome_label));
    assert!(!nl.paragraphs.iter().any(|p| p == summary::strings(l("en")).outcome_label));
}

#[test]
fn the_decision_lists_its_conditions_with_status_owner_and_due_date() {
    let bank = biodpia::bank::bank();
    let a = scenario("29_municipality_archive_door_planned.toml");
    let r = evaluate(&a);
    let explanation = engine::explain(bank, &a.answers, &a.plan);
    let view = r.decision_view(bank, &explanation);
    assert!(view.conditions.iter().any(|c| c.status == Status::Planned));
    assert!(view.conditions.iter().any(|c| c.status == Status::NotPlanned), "one measure not even planned");
    for lang in [l("en"), l("nl")] {
        let t = i18n::strings(lang);
        let (_, doc) = document(lang, &a);
        assert!(doc.paragraphs.iter().any(|p| p == t.outcome(r.decision.outcome).0), "{lang:?}: the decision");
        for c in &view.conditions {
            let title = safeguard_title(bank, lang, &c.safeguard);
            let (status, owner, due) = if c.status == Status::Planned {
                (t.status_planned, c.owner.clone(), t.date(&c.due))
            } else {
                (t.decision_blocking, t.decision_no_owner.to_string(), t.decision_no_due.to_string())
            };
            assert!(
                doc.rows.iter().any(|x| x.len() == 4
                    && x[0].starts_with(&title)
                    && x[1] == status
                    && x[2] == owner
                    && x[3] == due),
                "{lang:?}: condition {title} / {status} / {owner} / {due}"
            );
        }
    }
}

#[test]
fn a_table_answer_is_a_word_table_with_its_column_headers() {
    let bank = biodpia::bank::bank();
    let mut a = filled();
    let row = |name: &str, role: &str| -> biodpia::domain::answers::Row {
        let contact = if name.is_empty() { " " } else { "dpo@example.org" };
        [("name", name), ("role", role), ("contact", contact)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    let rows = vec![row("Gemeente <Voorbeeld>", "controller"), row("", ""), row("Vendor BV", "processor")];
    a.answers.insert("q_parties".into(), Answer::Table(rows));
    assert!(evaluate(&a).visible.iter().any(|q| q == "q_parties"));
    let q = bank.question("q_parties").unwrap();
    for lang in [l("en"), l("nl")] {
        let (_, doc) = document(lang, &a);
        let heads: Vec<String> = q.columns.iter().map(|c| c.header.get(lang).to_string()).collect();
        let role = |id: &str| q.columns[1].option(id).unwrap().label.get(lang).to_string();
        let at = doc.rows.iter().position(|r| *r == heads).expect("the header row");
        assert_eq!(
            doc.rows[at + 1],
            ["Gemeente <Voorbeeld>".to_string(), role("controller"), "dpo@example.org".into()]
        );
        // The empty row is left out, as the summary leaves it out.
        assert_eq!(doc.rows[at + 2], ["Vendor BV".to_string(), role("processor"), "dpo@example.org".into()]);
        // Printed under 0.1; 0.2, which lists it too, refers to it, as the summary does.
        let see = biodpia::i18n::template::strings(lang).see_field("0.1");
        assert_eq!(doc.paragraphs.iter().filter(|p| **p == see).count(), 1, "{lang:?}: {see}");
        assert_eq!(doc.rows.iter().filter(|r| **r == heads).count(), 1, "{lang:?}: the table, once");
    }
}

#[test]
fn the_fria_annex_is_there_exactly_where_a_fria_is_owed() {
    let bank = biodpia::bank::bank();
    let mut a = Assessment::new(&bank.version, "Gemeente Voorbeeld");
    let choice = |x: &str| Answer::Choice(x.to_string());
    for (q, o) in [
        ("q_modality", Answer::Multi(vec!["face".into()])),
        ("q_identification_mode", choice("identification_1ton")),
        ("q_context", choice("public_space")),
        ("q_data_subjects", Answer::Multi(vec!["visitors".into()])),
        ("q_ai_remote_id", choice("post")),
        (fria::DEPLOYER_QUESTION, choice("public_body")),
        ("q_fria_persons", Answer::Text("Visitors & staff <of> the town hall.".into())),
    ] {
        a.answers.insert(q.to_string(), o);
    }
    let r = evaluate(&a);
    let annex = r.fria_annex(bank, &a.answers).expect("a FRIA is owed");
    for lang in [l("en"), l("nl")] {
        let s = summary::strings(lang);
        let (_, doc) = document(lang, &a);
        let heading = format!("{} C. {}", s.annex, s.fria_title);
        assert!(doc.styled.iter().any(|(st, p)| st == "Heading1" && *p == heading), "{lang:?}: {heading}");
        for item in &annex.items {
            assert!(doc.paragraphs.iter().any(|p| p == item.question.text.get(lang)), "{lang:?}: point {}", item.point);
        }
        assert!(doc.paragraphs.iter().any(|p| p == "Visitors & staff <of> the town hall."));
    }
    // Not owed: no annex C.
    a.answers.insert(fria::DEPLOYER_QUESTION.into(), choice(fria::NOT_OWED_BY));
    assert!(evaluate(&a).fria_annex(bank, &a.answers).is_none());
    let s = summary::strings(l("en"));
    let (_, doc) = document(l("en"), &a);
    assert!(!doc.paragraphs.iter().any(|p| p.starts_with(&format!("{} C.", s.annex))));
}

#[test]
fn an_empty_assessment_gives_a_document_too() {
    let a = Assessment::new(&biodpia::bank::bank().version, "");
    for lang in [l("en"), l("nl")] {
        let s = summary::strings(lang);
        let (parts, doc) = document(lang, &a);
        assert!(doc.paragraphs.iter().any(|p| p == s.untitled));
        assert!(doc.paragraphs.iter().any(|p| p == s.no_risks));
        assert!(parts["docProps/core.xml"].contains(&format!("<dc:title>{}</dc:title>", s.untitled)));
    }
}

#[test]
fn hostile_text_is_escaped_and_characters_xml_forbids_are_dropped() {
    let hostile =
        "<w:p>&amp; \"quoted\" 'single' </w:t></w:r>]]> \u{0}\u{1}\u{8}\u{b}\u{c}\u{1f}\u{fffe}\u{ffff}\u{202e}end";
    let kept = "<w:p>&amp; \"quoted\" 'single' </w:t></w:r>]]> \u{202e}end";
    assert_eq!(
        ooxml::escape(kept),
        "&lt;w:p&gt;&amp;amp; &quot;quoted&quot; &apos;single&apos; &lt;/w:t&gt;&lt;/w:r&gt;]]&gt; \u{202e}end"
    );
    let mut a = filled();
    a.title = hostile.to_string();
    a.organisation = hostile.to_string();
    let first = evaluate(&a).recommendations[0].safeguard.clone();
    a.plan.insert(first, PlanItem { status: Status::Planned, owner: hostile.into(), due: "<2027>".into() });
    a.signoff.dpo_advice = hostile.into();
    // A million characters of text, with markup and tabs in it, in the description.
    let big: String = "a<b>&c\t\"d\"\n".repeat(1_000_000 / 12);
    a.answers.insert("q_description".into(), Answer::Text(big.clone()));
    let bytes = docx(l("en"), &a);
    let parts = parts(&bytes);
    for (name, xml) in &parts {
        roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let doc = read(&parts["word/document.xml"]);
    assert!(doc.paragraphs.iter().any(|p| p == kept), "the title, as typed less the forbidden characters");
    assert!(doc.rows.iter().any(|x| x.len() == 5 && x[3] == kept), "the owner");
    assert!(doc.rows.iter().any(|x| x.len() == 3 && x[1].starts_with(kept)), "the DPO advice");
    assert!(doc.paragraphs.contains(&big), "the million characters, whole");
    let core = roxmltree::Document::parse(&parts["docProps/core.xml"]).unwrap();
    assert_eq!(core.descendants().find(|n| n.has_tag_name("title")).and_then(|n| n.text()), Some(kept));
    let header = read(&parts["word/header1.xml"]);
    assert!(header.paragraphs[0].contains(kept));
    // Stored, not compressed: every character escaped or a tab or line break costs its markup.
    assert!(bytes.len() > 1_000_000 && bytes.len() < 12_000_000, "{} bytes", bytes.len());
}

#[test]
fn crc32_and_the_archive_match_the_standard() {
    // The check value of CRC-32 (IEEE): "123456789".
    assert_eq!(biodpia::report::zip::crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(biodpia::report::zip::crc32(b""), 0);
    let bytes = biodpia::report::zip::write(&[("a.txt", b"hello"), ("dir/b.xml", b"<x/>")], "2026-12-03");
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
    assert_eq!(archive.len(), 2);
    let f = archive.by_name("dir/b.xml").unwrap();
    let modified = f.last_modified().unwrap();
    assert_eq!((modified.year(), modified.month(), modified.day()), (2026, 12, 3));
    drop(f);
    let mut s = String::new();
    archive.by_name("a.txt").unwrap().read_to_string(&mut s).unwrap();
    assert_eq!(s, "hello");
}

#[test]
fn the_document_follows_the_edpb_template_with_its_numbering_and_headings() {
    use biodpia::report::outline::{self, NUMBERS};
    let a = filled();
    for lang in [l("en"), l("nl")] {
        let (_, doc) = document(lang, &a);
        // Every heading of the template, in its order, at its level: the sections as Heading 1
        // (which starts a page), "0.1" and "1.1" as Heading 2, "1.1.a" as Heading 3; then the
        // annexes, also Heading 1.
        let headings: Vec<(String, String)> =
            doc.styled.iter().filter(|(st, _)| st.starts_with("Heading") && st != "Heading4").cloned().collect();
        // Under 2.3.b, the template's five rows of rights as Heading 4, in order.
        let tp = biodpia::i18n::template::strings(lang);
        let rights: Vec<&str> = doc.styled.iter().filter(|(st, _)| st == "Heading4").map(|(_, t)| t.as_str()).collect();
        let names: Vec<&str> = outline::RIGHTS.iter().map(|(k, _)| tp.right(k)).collect();
        assert_eq!(rights, names, "{lang:?}");
        let at = |t: &str| doc.styled.iter().position(|(_, x)| x == t).unwrap();
        assert!(at(&outline::title(lang, "2.3.b")) < at(names[0]) && at(names[4]) < at(&outline::title(lang, "2.3.c")));
        let expected: Vec<(String, String)> =
            NUMBERS.iter().map(|n| (format!("Heading{}", outline::depth(n)), outline::title(lang, n))).collect();
        let template: Vec<(String, String)> = headings.iter().take(expected.len()).cloned().collect();
        assert_eq!(template, expected, "{lang:?}");
        let s = summary::strings(lang);
        let after: Vec<&str> =
            headings[expected.len()..].iter().filter(|(st, _)| st == "Heading1").map(|(_, p)| p.as_str()).collect();
        assert_eq!(
            after,
            [
                format!("{} A. {}", s.annex, biodpia::i18n::template::strings(lang).remaining),
                format!("{} B. {}", s.annex, i18n::strings(lang).findings_cited)
            ],
            "{lang:?}: the annexes after section 6"
        );
        assert!(doc.paragraphs.iter().any(|p| p == "2.3.e Beveiliging (art. 32 AVG)") == (lang == l("nl")));
    }
    // A section starts a page: the style of Heading 1 breaks before it.
    let (parts, _) = document(l("en"), &a);
    let styles = roxmltree::Document::parse(&parts["word/styles.xml"]).unwrap();
    let h1 = styles.descendants().find(|n| n.attribute((W, "styleId")) == Some("Heading1")).unwrap();
    assert!(h1.descendants().any(|n| n.has_tag_name((W, "pageBreakBefore"))));
}

#[test]
fn the_decision_says_why_and_the_signed_version_carries_its_fingerprint() {
    let bank = biodpia::bank::bank();
    // The DPO review's archive door: a decision with answers that would change it.
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exports/archive_door_2026.11.2.json");
    let (mut a, _) = biodpia::persist::transfer::import(bank, &std::fs::read(path).unwrap()).unwrap();
    let r = evaluate(&a);
    let explanation = engine::explain(bank, &a.answers, &a.plan);
    let view = r.decision_view(bank, &explanation);
    assert!(!view.why.is_empty(), "the archive door has reasons to give");
    for lang in [l("en"), l("nl")] {
        let t = i18n::strings(lang);
        let (_, doc) = document(lang, &a);
        assert!(doc.paragraphs.iter().any(|p| p == t.decision_why), "{lang:?}: the heading of the why lines");
        for w in &view.why {
            let line = biodpia::report::names::why_line(bank, lang, &r, w);
            assert!(doc.paragraphs.contains(&line), "{lang:?}: {line}");
        }
        // The cover states the controller's decision as the record holds it: not taken yet.
        let line = biodpia::report::names::decision_line(bank, lang, &a, r.decision.outcome);
        assert!(line.starts_with(summary::strings(lang).decision_unset));
        assert!(doc.paragraphs.contains(&line), "{lang:?}: {line}");
    }
    // Signed: the version, who signed and when, and the whole fingerprint.
    for (f, v) in [
        (biodpia::persist::assessment::SignOffField::Decision, "conditionally_approved"),
        (biodpia::persist::assessment::SignOffField::DecisionDate, "2027-03-01"),
        (biodpia::persist::assessment::SignOffField::DecidedBy, "A. Bakker"),
    ] {
        biodpia::persist::record::set_field(biodpia::bank::bank(), &mut a, f, v);
    }
    biodpia::persist::version::sign(bank, &mut a, "A. Bakker", "2027-03-01T10:00:00Z")
        .expect("the decision is recorded");
    let v = a.versions.last().unwrap().clone();
    for lang in [l("en"), l("nl")] {
        let t = i18n::strings(lang);
        let (_, doc) = document(lang, &a);
        let signed = biodpia::report::names::signed_line(lang, &v);
        assert!(doc.paragraphs.contains(&signed), "{lang:?}: {signed}");
        let fp = format!("{} {}", t.fingerprint_label, v.fingerprint_grouped());
        assert!(doc.paragraphs.contains(&fp), "{lang:?}: {fp}");
        assert!(doc.paragraphs.contains(&t.fingerprint_note.to_string()));
        let decided = biodpia::report::names::decision_line(bank, lang, &a, evaluate(&a).decision.outcome);
        assert!(decided.contains("A. Bakker") && decided.contains(&t.date("2027-03-01")), "{decided}");
        assert!(doc.paragraphs.contains(&decided), "{lang:?}: {decided}");
    }
}

/// Issue 16: a revision after a signed version carries the annex "changes since version 1",
/// before annex A, with each changed answer in a row: the question, its answer then and now.
#[test]
fn the_changes_since_the_signed_version_are_an_annex_before_annex_a() {
    use biodpia::domain::model::Kind;
    use biodpia::report::names::option_label;
    let bank = biodpia::bank::bank();
    let mut a = filled();
    use biodpia::persist::assessment::SignOffField as F;
    for (f, v) in
        [(F::Decision, "conditionally_approved"), (F::DecisionDate, "2027-03-01"), (F::DecidedBy, "A. Bakker")]
    {
        a.signoff.set(f, v);
    }
    biodpia::persist::version::sign(bank, &mut a, "A. Bakker", "2027-03-01T10:00:00Z")
        .expect("the decision is recorded");
    let s = summary::strings(l("en"));
    let (_, signed) = document(l("en"), &a);
    assert!(!signed.paragraphs.iter().any(|p| p == &s.changes_since(1)), "version 1 itself: nothing to compare");
    a.start_revision();
    let q = bank
        .questions()
        .find(|q| {
            q.kind == Kind::Single && q.options.len() >= 2 && matches!(a.answers.get(&q.id), Some(Answer::Choice(_)))
        })
        .unwrap();
    let Some(Answer::Choice(before)) = a.answers.get(&q.id).cloned() else { unreachable!() };
    let after = q.options.iter().find(|o| o.id != before).unwrap();
    a.answers.insert(q.id.clone(), Answer::Choice(after.id.clone()));
    for lang in [l("en"), l("nl")] {
        let s = summary::strings(lang);
        let (_, doc) = document(lang, &a);
        let title = s.changes_since(1);
        let at = doc
            .styled
            .iter()
            .position(|(st, p)| st == "Heading1" && *p == title)
            .unwrap_or_else(|| panic!("{lang:?}: {title}"));
        let annex_a = doc
            .styled
            .iter()
            .position(|(st, p)| st == "Heading1" && p.starts_with(&format!("{} A.", s.annex)))
            .unwrap();
        assert!(at < annex_a, "{lang:?}: before annex A");
        let row = vec![
            q.text.get(lang).to_string(),
            option_label(q.option(&before).unwrap(), lang),
            option_label(after, lang),
        ];
        assert!(doc.rows.contains(&row), "{lang:?}: {row:?}");
        assert!(doc
            .rows
            .iter()
            .any(|r| r == &[s.changes_item.to_string(), s.changes_version(1), s.changes_now.to_string()]));
    }
}

/// Issue 16: the review comments are an annex after section 6 and before the change annex and
/// annex A, as in the printed summary: each target's threads in bank order, with who wrote each
/// comment and when, its evaluation, its text, the replies, and whether the thread is resolved;
/// comments on what the form no longer has last. Without comments there is no such annex.
#[test]
fn the_review_comments_are_an_annex_after_section_6_in_english_and_dutch() {
    use biodpia::persist::review::{add_comment, Draft, Evaluation, Target};
    use biodpia::report::names::{comment_by, target_title};
    use biodpia::report::outline::{self, NUMBERS};
    let bank = biodpia::bank::bank();
    let mut a = filled();
    let q = bank.questions().nth(1).unwrap().id.clone();
    let risk = evaluate(&a).raised_worst_first()[0].risk.clone();
    let draft = |text: &str, evaluation, resolves| Draft { text: text.into(), evaluation, resolves };
    let on_q = Target::Question(q.clone());
    add_comment(
        &mut a,
        "c2",
        "E. de Vries (FG)",
        "2026-12-02T09:00:00Z",
        Target::Risk(risk.clone()),
        "",
        draft("Likelihood too low.", Some(Evaluation::ToCorrect), None),
    )
    .unwrap();
    add_comment(
        &mut a,
        "c1",
        "E. de Vries (FG)",
        "2026-12-01T09:00:00Z",
        on_q.clone(),
        "",
        draft("Name the retention period.", Some(Evaluation::ToImprove), None),
    )
    .unwrap();
    add_comment(
        &mut a,
        "c3",
        "P. Jansen",
        "2026-12-03T09:00:00Z",
        on_q.clone(),
        "c1",
        draft("Added: 30 days.", None, Some(true)),
    )
    .unwrap();
    a.review.comments.push(biodpia::persist::review::Comment {
        on: Target::Question("q_removed_long_ago".into()),
        ..a.review.comments[0].clone()
    });
    a.review.comments.last_mut().unwrap().id = "c4".into();
    a.review.comments.last_mut().unwrap().text = "On a question that is gone.".into();
    for lang in [l("en"), l("nl")] {
        let t = i18n::review::strings(lang);
        let s = summary::strings(lang);
        let (_, doc) = document(lang, &a);
        let h1: Vec<&str> = doc.styled.iter().filter(|(st, _)| st == "Heading1").map(|(_, p)| p.as_str()).collect();
        let six =
            h1.iter().position(|p| *p == outline::title(lang, NUMBERS.iter().rfind(|n| !n.contains('.')).unwrap()));
        let annex = h1.iter().position(|p| *p == t.part_title).unwrap_or_else(|| panic!("{lang:?}: {}", t.part_title));
        assert_eq!(Some(annex - 1), six, "{lang:?}: right after section 6: {h1:?}");
        assert!(h1[annex + 1].starts_with(&format!("{} A.", s.annex)), "{lang:?}: before annex A");
        let at = doc.styled.iter().position(|(st, p)| st == "Heading1" && p == t.part_title).unwrap();
        let rest = &doc.styled[at..];
        let find = |style: &str, text: &str| {
            rest.iter()
                .position(|(st, p)| st == style && p == text)
                .unwrap_or_else(|| panic!("{lang:?}: {style} {text}"))
        };
        assert_eq!(
            rest[2].1,
            t.counts(2, 1),
            "{lang:?}: the risk's and the orphan's threads open, the question's resolved"
        );
        // The question before the risk (bank order), though its comment is older.
        let on_question = find("Heading2", &format!("{}: {}", t.on_question, target_title(bank, lang, &on_q)));
        let on_risk =
            find("Heading2", &format!("{}: {}", t.on_risk, biodpia::report::names::risk_title(bank, lang, &risk)));
        let orphans = find("Heading2", t.orphans_title);
        assert!(on_question < on_risk && on_risk < orphans, "{lang:?}");
        let c = |id: &str| a.review.comments.iter().find(|c| c.id == id).unwrap();
        let first = find("ListBullet", &format!("{} · {}", comment_by(lang, c("c1"), str::to_string), t.to_improve));
        let reply = find("ListBullet", &comment_by(lang, c("c3"), str::to_string));
        assert_eq!(rest[first - 1], ("BdLabel".to_string(), t.resolved.to_string()), "{lang:?}: the thread's state");
        assert_eq!(rest[first + 1].1, "Name the retention period.");
        assert!(first < reply && reply < on_risk);
        assert_eq!(rest[reply + 1].1, "Added: 30 days.");
        assert_eq!(rest[reply + 2].1, t.marked_resolved);
        let risk_comment =
            find("ListBullet", &format!("{} · {}", comment_by(lang, c("c2"), str::to_string), t.to_correct));
        assert_eq!(rest[risk_comment - 1].1, t.open);
        assert!(rest[orphans..]
            .iter()
            .any(|(_, p)| *p == format!("{}: {}", t.on_question, t.orphan("q_removed_long_ago"))));
        assert!(rest[orphans..].iter().any(|(_, p)| p == "On a question that is gone."));
        // The date in the language's words.
        assert!(comment_by(lang, c("c1"), str::to_string).contains(&i18n::strings(lang).date("2026-12-01")));
        // No comments, no annex.
        let (_, plain) = document(lang, &filled());
        assert!(!plain.paragraphs.iter().any(|p| p == t.part_title), "{lang:?}");
    }
}

/// The risk map reads only as a whole: its intro and every paragraph of its table are kept
/// with the next, so Word and LibreOffice put it on one page. Other tables (the action plan,
/// the risk table) run on over pages, their rows repeated under the header.
#[test]
fn the_risk_map_is_kept_on_one_page_with_its_intro_and_other_tables_may_break() {
    let a = filled();
    for lang in [l("en"), l("nl")] {
        let parts = parts(&docx(lang, &a));
        let xml = &parts["word/document.xml"];
        let doc = roxmltree::Document::parse(xml).unwrap();
        let is = |n: &roxmltree::Node, name: &str| n.tag_name().namespace() == Some(W) && n.tag_name().name() == name;
        let keeps = |p: &roxmltree::Node| {
            p.children().filter(|c| is(c, "pPr")).any(|pr| pr.children().any(|c| is(&c, "keepNext")))
        };
        let tables: Vec<_> = doc.descendants().filter(|n| is(n, "tbl")).collect();
        let is_map = |t: &roxmltree::Node| {
            let first = t.descendants().find(|n| is(n, "tc")).map(para_text).unwrap_or_default();
            first.contains(" \\ ")
        };
        let maps: Vec<_> = tables.iter().filter(|t| is_map(t)).collect();
        assert_eq!(maps.len(), 1, "{lang:?}: one risk map");
        let map = maps[0];
        let paras: Vec<_> = map.descendants().filter(|n| is(n, "p")).collect();
        assert!(paras.len() > 20, "{lang:?}: a header and four rows of five cells");
        for p in &paras {
            assert!(keeps(p), "{lang:?}: map paragraph {:?} is kept with the next", para_text(*p));
        }
        let intro = map.prev_sibling_element().expect("the map has an intro before it");
        assert_eq!(para_text(intro), summary::strings(lang).heatmap_intro, "{lang:?}");
        assert!(keeps(&intro), "{lang:?}: the intro is kept with the map");
        let others: Vec<_> = tables.iter().filter(|t| !is_map(t)).collect();
        assert!(others.len() >= 2, "{lang:?}: the risk table and the action plan at least");
        for t in others {
            for p in t.descendants().filter(|n| is(n, "p")) {
                assert!(!keeps(&p), "{lang:?}: {:?} may break to the next page", para_text(p));
            }
        }
    }
}

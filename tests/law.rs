//! The law as the bank states it: dates, red lines and coverage of the fact sheets.
//!
//! - Every date that stands in a sentence about the AI Act, or about when something applies, is
//!   one the fact sheet gives (tests/fixtures/law/ai_act_dates.toml, each with its source), in
//!   every text of the bank and of the UI, in every language.
//! - Every finding cited on a red line is a decision or a court ruling.
//! - Every decision of the fact sheets is cited by the bank, or the committed list
//!   (tests/fixtures/law/decisions.toml) says why it is left out.
//! - A finding known only by its announcement or press date says so where it is shown, with
//!   its date note; the Dutch screening step is the "Pre-scan DPIA".
//! - The scraping red line for choosing a vendor rests on the GDPR and says what Art. 5(1)(e)
//!   settles; the emotion prohibition speaks of emotions (intentions only in the definition);
//!   the Art. 35(4) list is asked where the AP is the competent authority.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use biodpia::domain::load::load_dir;
use biodpia::domain::model::Bank;
use serde::Deserialize;

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bank() -> Bank {
    load_dir(&manifest().join("questions")).expect("bank parses")
}

// ---------------------------------------------------------------------------------------------
// Collecting every text

/// Every string of the bank, named by the ids on its path ("q_ai_role/help/nl").
fn bank_texts(bank: &Bank) -> Vec<(String, String)> {
    fn walk(v: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
        match v {
            serde_json::Value::String(s) => out.push((path.to_string(), s.clone())),
            serde_json::Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(x, &format!("{path}[{i}]"), out);
                }
            }
            serde_json::Value::Object(m) => {
                let here = match m.get("id").and_then(|x| x.as_str()) {
                    Some(id) => id.to_string(),
                    None => path.to_string(),
                };
                for (k, x) in m {
                    if k != "id" && k != "file" {
                        walk(x, &format!("{here}/{k}"), out);
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(bank).expect("the bank serialises"), "bank", &mut out);
    out
}

/// The string literals of a Rust source file (enough for the UI string tables: no raw strings).
fn string_literals(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = src.chars().peekable();
    let mut prev = ' ';
    while let Some(c) = chars.next() {
        if c == '\'' && chars.peek() == Some(&'"') {
            // The char literal '"'.
            chars.next();
            chars.next();
            prev = '\'';
            continue;
        }
        if c == '/' && chars.peek() == Some(&'/') {
            for c in chars.by_ref() {
                if c == '\n' {
                    break;
                }
            }
            prev = '\n';
            continue;
        }
        if c == '"' && prev != '\\' {
            let mut s = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        if let Some(n) = chars.next() {
                            s.push(if n == 'n' { '\n' } else { n });
                        }
                    }
                    '"' => break,
                    _ => s.push(c),
                }
            }
            out.push(s);
            prev = '"';
            continue;
        }
        prev = c;
    }
    out
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(rd) = fs::read_dir(dir) {
        let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                files_under(&p, out);
            } else {
                out.push(p);
            }
        }
    }
}

/// Every UI text: the string literals of src/i18n, and every line of any locale catalogue file
/// (questions/locales, locales, src/i18n data files), whatever their format.
fn ui_texts() -> Vec<(String, String)> {
    let root = manifest();
    let mut files = Vec::new();
    for dir in ["src/i18n", "questions/locales", "locales"] {
        files_under(&root.join(dir), &mut files);
    }
    let mut out = Vec::new();
    for f in files {
        let Ok(text) = fs::read_to_string(&f) else { continue };
        let name = f.strip_prefix(&root).unwrap_or(&f).display().to_string();
        if f.extension().is_some_and(|x| x == "rs") {
            out.extend(string_literals(&text).into_iter().map(|s| (name.clone(), s)));
        } else {
            out.extend(text.lines().map(|l| (name.clone(), l.to_string())));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Date expressions

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DateFile {
    date: Vec<DateRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DateRule {
    date: String,
    what: String,
    source: String,
    #[serde(default)]
    not_with: Vec<String>,
    #[serde(default)]
    unconfirmed: bool,
}

fn date_rules() -> Vec<DateRule> {
    let path = manifest().join("tests/fixtures/law/ai_act_dates.toml");
    let text = fs::read_to_string(&path).expect("tests/fixtures/law/ai_act_dates.toml");
    toml::from_str::<DateFile>(&text).expect("ai_act_dates.toml parses").date
}

/// A date as (year, month, day); day 0 when only month and year are given.
type Ymd = (u32, u32, u32);

fn month(word: &str) -> Option<u32> {
    const NAMES: [&[&str]; 12] = [
        &["january", "januari", "jan"],
        &["february", "februari", "feb"],
        &["march", "maart", "mar", "mrt"],
        &["april", "apr"],
        &["may", "mei"],
        &["june", "juni", "jun"],
        &["july", "juli", "jul"],
        &["august", "augustus", "aug"],
        &["september", "sep", "sept"],
        &["october", "oktober", "oct", "okt"],
        &["november", "nov"],
        &["december", "dec"],
    ];
    let w = word.trim_end_matches('.').to_lowercase();
    NAMES.iter().position(|names| names.contains(&w.as_str())).map(|i| i as u32 + 1)
}

fn year(word: &str) -> Option<u32> {
    (word.len() == 4).then(|| word.parse::<u32>().ok()).flatten().filter(|y| (1900..=2100).contains(y))
}

fn iso(word: &str) -> Option<Ymd> {
    let p: Vec<&str> = word.split('-').collect();
    if p.len() != 3 || p[1].len() != 2 || p[2].len() != 2 {
        return None;
    }
    Some((year(p[0])?, p[1].parse().ok()?, p[2].parse().ok()?))
}

/// Every date expression in a text: "2 December 2027", "2 december 2027", "December 2027",
/// "2 Dec 2027", "2027-12-02".
fn dates_in(text: &str) -> Vec<Ymd> {
    let words: Vec<&str> = text.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if let Some(d) = iso(w) {
            out.push(d);
            continue;
        }
        let (Some(m), Some(y)) = (month(w), words.get(i + 1).and_then(|n| year(n))) else { continue };
        let day = i.checked_sub(1).and_then(|j| words[j].parse::<u32>().ok()).filter(|d| (1..=31).contains(d));
        out.push((y, m, day.unwrap_or(0)));
    }
    out
}

/// Sentences: split at ". " before a capital, except after abbreviations ("Art."). A ";" does
/// not end a sentence: "high-risk ...; obligations from 2 August 2026" is one statement.
fn sentences(text: &str) -> Vec<String> {
    const ABBREV: [&str; 24] = [
        "art", "arts", "para", "paras", "no", "nr", "p", "pp", "e.g", "i.e", "etc", "vs", "cf", "ch", "kap", "sec",
        "reg", "doc", "n", "stcrt", "bijv", "incl", "ca", "s",
    ];
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..chars.len() {
        let c = chars[i];
        let boundary = match c {
            '.' | '?' | '!' => {
                let next_is_capital = chars.get(i + 1).is_some_and(|c| c.is_whitespace())
                    && chars.get(i + 2).is_some_and(|c| c.is_uppercase());
                let word: String = chars[start..i]
                    .iter()
                    .rev()
                    .take_while(|c| !c.is_whitespace() && **c != '(')
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                next_is_capital && !ABBREV.contains(&word.to_lowercase().as_str())
            }
            _ => false,
        };
        if boundary {
            out.push(chars[start..=i].iter().collect());
            start = i + 1;
        }
    }
    if start < chars.len() {
        out.push(chars[start..].iter().collect());
    }
    out
}

const AI_ACT_WORDS: [&str; 15] = [
    "ai act",
    "ai-verordening",
    "annex iii",
    "bijlage iii",
    "2024/1689",
    "2026/1744",
    "omnibus",
    "high-risk",
    "hoog risico",
    "prohibited ai practice",
    "verboden ai-praktijk",
    "ai literacy",
    "ai-geletterdheid",
    "fundamental rights impact",
    "effectbeoordeling op het gebied van grondrechten",
];

const APPLY_WORDS: [&str; 11] = [
    "apply",
    "applies",
    "applied",
    "applicable",
    "in force",
    "van toepassing",
    "gelden",
    "geldt",
    "golden",
    "in werking",
    "toepasselijk",
];

fn ymd(rule: &DateRule) -> Ymd {
    iso(&rule.date).unwrap_or_else(|| panic!("ai_act_dates.toml: `{}` is not YYYY-MM-DD", rule.date))
}

fn show(d: Ymd) -> String {
    if d.2 == 0 {
        format!("{:04}-{:02}", d.0, d.1)
    } else {
        format!("{:04}-{:02}-{:02}", d.0, d.1, d.2)
    }
}

/// The problems with the dates in one text; empty when every date near the AI Act or an
/// application word is one the fact sheet gives.
fn date_problems(rules: &[DateRule], text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for sentence in sentences(text) {
        let lower = sentence.to_lowercase();
        let about_ai_act = AI_ACT_WORDS.iter().any(|w| lower.contains(w));
        let about_application = APPLY_WORDS.iter().any(|w| lower.contains(w));
        if !about_ai_act && !about_application {
            continue;
        }
        for d in dates_in(&sentence) {
            let matching: Vec<&DateRule> = rules
                .iter()
                .filter(|r| {
                    let (y, m, day) = ymd(r);
                    y == d.0 && m == d.1 && (d.2 == 0 || day == d.2)
                })
                .collect();
            if matching.is_empty() {
                out.push(format!("{}: a date the fact sheet does not give, in \"{}\"", show(d), sentence.trim()));
                continue;
            }
            for r in &matching {
                if r.unconfirmed {
                    out.push(format!("{}: UNCONFIRMED ({}), in \"{}\"", show(d), r.what, sentence.trim()));
                }
                if let Some(w) = r.not_with.iter().find(|w| lower.contains(w.as_str())) {
                    out.push(format!(
                        "{}: is only the date of \"{}\", not with \"{w}\", in \"{}\"",
                        show(d),
                        r.what,
                        sentence.trim()
                    ));
                }
            }
        }
    }
    out
}

#[test]
fn the_date_list_is_sound() {
    let rules = date_rules();
    assert!(rules.len() >= 8, "the list holds the AI Act's dates");
    let mut seen = HashSet::new();
    for r in &rules {
        let (y, m, d) = ymd(r);
        assert!((1..=12).contains(&m) && (1..=31).contains(&d), "{}: not a real date", r.date);
        assert!(y >= 2016, "{}", r.date);
        assert!(!r.what.trim().is_empty() && !r.source.trim().is_empty(), "{}: needs `what` and `source`", r.date);
        assert!(seen.insert(&r.date), "{} is listed twice", r.date);
    }
    let annex_iii = rules.iter().find(|r| r.date == "2027-12-02").expect("the Annex III date 2 December 2027");
    assert!(annex_iii.what.contains("Annex III") && !annex_iii.unconfirmed);
}

#[test]
fn the_date_scanner_finds_stale_unknown_and_unconfirmed_dates() {
    let rules = date_rules();
    // The texts the bank had before the Omnibus.
    let old = [
        "Remote biometric identification is high-risk under Annex III point 1, with obligations from 2 August 2026.",
        "Emotieherkenning heeft een hoog risico volgens bijlage III, punt 1 (verplichtingen vanaf 2 augustus 2026).",
        "Sommige praktijken zijn verboden (art. 5); ander gebruik heeft een hoog risico volgens bijlage III, punt 1, met verplichtingen die gelden vanaf 2 augustus 2026.",
    ];
    for t in old {
        assert_eq!(date_problems(&rules, t).len(), 1, "not caught: {t}");
    }
    // A date the fact sheet does not give, in either language and format.
    assert_eq!(date_problems(&rules, "The AI Act applies from 1 March 2027.").len(), 1);
    assert_eq!(date_problems(&rules, "De AI-verordening geldt vanaf 2027-03-01.").len(), 1);
    assert_eq!(date_problems(&rules, "Under the AI Act, from March 2027 deployers must act.").len(), 1);
    // An UNCONFIRMED date.
    assert_eq!(date_problems(&rules, "Regulation (EU) 2026/1744 entered into force on 27 July 2026.").len(), 1);
    // Correct statements pass.
    let good = [
        "The obligations for high-risk systems under Annex III apply from 2 December 2027.",
        "Art. 50(3) of the AI Act has applied since 2 August 2026. The Annex III obligations apply from 2 December 2027.",
        "De verboden van art. 5 AI-verordening gelden sinds 2 februari 2025; bijlage III geldt vanaf 2 december 2027.",
        "The AP decided on 16 May 2024 and published the decision on 3 September 2024.",
    ];
    for t in good {
        assert!(date_problems(&rules, t).is_empty(), "wrongly flagged: {t}: {:?}", date_problems(&rules, t));
    }
}

#[test]
fn no_bank_or_ui_text_states_an_application_date_the_fact_sheet_does_not_give() {
    let rules = date_rules();
    let bank = bank();
    let texts: Vec<(String, String)> = bank_texts(&bank).into_iter().chain(ui_texts()).collect();
    assert!(texts.len() > 1000, "all texts collected ({})", texts.len());
    let problems: Vec<String> = texts
        .iter()
        .flat_map(|(at, t)| date_problems(&rules, t).into_iter().map(move |p| format!("{at}: {p}")))
        .collect();
    assert!(problems.is_empty(), "{} date problem(s):\n{}", problems.len(), problems.join("\n"));
    let nl_annex_iii = texts.iter().filter(|(_, t)| t.contains("2 december 2027")).count();
    assert!(nl_annex_iii >= 3, "the Dutch texts give the Annex III date ({nl_annex_iii})");
}

// ---------------------------------------------------------------------------------------------
// Red lines

#[test]
fn every_finding_cited_on_a_red_line_is_a_decision_or_court_ruling() {
    let bank = bank();
    let mut red_lines = 0;
    let mut wrong = Vec::new();
    for q in bank.questions() {
        for o in q.options.iter().filter(|o| o.red_line.is_some()) {
            red_lines += 1;
            for f in &o.findings {
                let finding = bank.finding(f).unwrap_or_else(|| panic!("{}.{}: unknown finding {f}", q.id, o.id));
                if finding.kind != "decision" && finding.kind != "court" {
                    wrong.push(format!("{}.{} cites {f}, a {}", q.id, o.id, finding.kind));
                }
            }
        }
    }
    assert!(red_lines >= 10, "the bank has its red lines ({red_lines})");
    assert!(wrong.is_empty(), "red lines resting on something other than a decision or ruling:\n{}", wrong.join("\n"));
}

#[test]
fn settlements_list_no_provisions_found_violated() {
    let bank = bank();
    for f in bank.findings.iter().filter(|f| f.kind == "settlement" || f.kind == "guidance") {
        assert!(f.provisions.is_empty(), "{}: a {} finds no provision violated", f.id, f.kind);
    }
}

// ---------------------------------------------------------------------------------------------
// Coverage of the fact sheets' decisions

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DecisionFile {
    decision: Vec<Decision>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Decision {
    sheet: String,
    what: String,
    #[serde(default)]
    finding: Option<String>,
    #[serde(default)]
    left_out: Option<String>,
}

#[test]
fn every_fact_sheet_decision_is_cited_or_its_omission_explained() {
    let path = manifest().join("tests/fixtures/law/decisions.toml");
    let text = fs::read_to_string(&path).expect("tests/fixtures/law/decisions.toml");
    let list = toml::from_str::<DecisionFile>(&text).expect("decisions.toml parses").decision;
    let bank = bank();
    let mut problems = Vec::new();
    let mut left_out = Vec::new();
    for d in &list {
        match (&d.finding, &d.left_out) {
            (Some(f), None) => {
                if bank.finding(f).is_none() {
                    problems.push(format!("{} ({}): the bank has no finding `{f}`", d.what, d.sheet));
                }
            }
            (None, Some(why)) if !why.trim().is_empty() => left_out.push(format!("{} ({}): {why}", d.what, d.sheet)),
            _ => problems.push(format!("{} ({}): give exactly one of `finding` and `left_out`", d.what, d.sheet)),
        }
    }
    // The list is the fact sheets' side: every finding of the bank comes from it.
    let listed: HashSet<&str> = list.iter().filter_map(|d| d.finding.as_deref()).collect();
    for f in &bank.findings {
        if !listed.contains(f.id.as_str()) {
            problems.push(format!("{}: in the bank but not in decisions.toml (which fact-sheet item is it?)", f.id));
        }
    }
    eprintln!("Fact-sheet decisions the bank does not cite ({}):\n  {}", left_out.len(), left_out.join("\n  "));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(list.len() >= 30, "the list covers both fact sheets ({})", list.len());
}

// ---------------------------------------------------------------------------------------------
// Issue 13, item 4(e): the date a finding shows, and item 6: the Dutch name of the screening step

/// One finding's entry as the results page and the summary render it.
#[derive(yew::Properties, PartialEq)]
struct EntryProps {
    lang: biodpia::i18n::Lang,
    id: &'static str,
}

#[yew::function_component]
fn Entry(props: &EntryProps) -> yew::Html {
    use biodpia::ui::cite::{finding_details, finding_heading, FindingClasses};
    let f = biodpia::bank::bank().finding(props.id).expect("finding");
    let classes = FindingClasses { amount: "", key_findings: "", appeal: "", source: "" };
    yew::html! {
        <>
            <p>{ finding_heading(props.lang, f) }</p>
            { finding_details(biodpia::i18n::strings(props.lang), props.lang, f, &classes) }
        </>
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[tokio::test]
async fn a_finding_known_only_by_its_announcement_or_press_date_says_so_and_shows_its_note() {
    use biodpia::domain::model::DateKind;
    use biodpia::i18n::{strings, Get, Lang};
    let bank = biodpia::bank::bank();
    // The two the issue names: only the date on which they were made public is known.
    for id in ["f_dsb_clearview_2023", "f_cnil_clearview_2023_penalty"] {
        assert_eq!(bank.finding(id).unwrap().date_kind, DateKind::Announced, "{id}");
    }
    for lang in [Lang::parse("en").unwrap(), Lang::parse("nl").unwrap()] {
        let t = strings(lang);
        for f in &bank.findings {
            let id: &'static str = &f.id;
            let html = yew::ServerRenderer::<Entry>::with_props(move || EntryProps { lang, id })
                .hydratable(false)
                .render()
                .await;
            let date = t.date(&f.date);
            let (announced, reported) = (format!("{} {date}", t.date_announced), format!("{} {date}", t.date_reported));
            assert!(html.contains(&esc(&date)), "{lang:?} {id}: its date");
            assert_eq!(html.contains(&esc(&announced)), f.date_kind == DateKind::Announced, "{lang:?} {id}: {html}");
            assert_eq!(html.contains(&esc(&reported)), f.date_kind == DateKind::Reported, "{lang:?} {id}");
            if let Some(note) = f.date_note {
                assert!(html.contains(&esc(note.get(lang))), "{lang:?} {id}: the date note is shown");
            }
        }
    }
}

#[test]
fn the_dutch_screening_step_is_the_pre_scan_dpia_as_in_the_governments_model() {
    use biodpia::i18n::{strings, Get, Lang};
    let nl = Lang::parse("nl").unwrap();
    let bank = biodpia::bank::bank();
    let screening = bank.sections.iter().find(|s| s.id == "screening").expect("screening section");
    assert_eq!(screening.title.get(nl), "Pre-scan DPIA");
    assert_eq!(strings(nl).screening, "Pre-scan DPIA");
    // Neither the old label nor the unconfirmed "voortoets" (findings-2026.md §8) is used.
    let root = manifest().join("questions/locales/nl");
    let mut files = Vec::new();
    files_under(&root, &mut files);
    for f in files {
        let text = fs::read_to_string(&f).unwrap().to_lowercase();
        for word in ["voorselectie", "voortoets"] {
            assert!(!text.contains(word), "{}: \"{word}\"", f.display());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Issue 13, items 4(a), 4(b) and 4(f): statements no further than their sources

#[test]
fn choosing_a_scraped_face_database_is_a_red_line_grounded_in_the_gdpr() {
    use biodpia::i18n::{Get, Lang};
    let bank = biodpia::bank::bank();
    let o = bank.question("q_ai_scraping").unwrap().option("vendor_database").unwrap();
    // The AP (using Clearview is unlawful) and IMY (the Swedish police sanctioned for using it).
    for f in ["f_ap_clearview_2024", "f_imy_police_2021"] {
        assert!(o.findings.iter().any(|x| x == f), "{f}");
    }
    assert!(o.provisions.iter().any(|p| p == "gdpr_9_1") && o.provisions.iter().any(|p| p == "ai_act_5_1_e"));
    // The text says what Art. 5(1)(e) does and does not settle, and that the red line rests on
    // the GDPR.
    let (en, nl) = (Lang::parse("en").unwrap(), Lang::parse("nl").unwrap());
    let red = o.red_line.unwrap();
    assert!(red.get(en).contains("does not say") && red.get(en).contains("rests on the GDPR"), "{}", red.get(en));
    assert!(red.get(nl).contains("zegt niet") && red.get(nl).contains("AVG"), "{}", red.get(nl));
}

#[test]
fn the_emotion_prohibition_is_stated_for_emotions_and_recital_18_exclusions_are_named() {
    use biodpia::i18n::{Get, Lang};
    let bank = biodpia::bank::bank();
    let en = Lang::parse("en").unwrap();
    let setting = bank.question("q_ai_emotion_setting").unwrap();
    // Intentions are in the definition (Art. 3(39)) but not in the prohibition (Art. 5(1)(f)).
    let help = setting.help.unwrap().get(en);
    assert!(help.contains("intentions") && help.contains("legal advice"), "{help}");
    let red = setting.option("work_edu_other").unwrap().red_line.unwrap().get(en);
    assert!(red.contains("emotions") && !red.contains("intention"), "{red}");
    assert!(red.contains("fatigue") && red.contains("recital 18"), "{red}");
}

#[test]
fn the_art_35_4_list_is_asked_where_the_ap_is_the_competent_authority() {
    let bank = biodpia::bank::bank();
    let list = bank.question("q_ap_list").unwrap();
    assert_eq!(list.show_if.len(), 1);
    assert_eq!(list.show_if[0].question, "q_competent_authority");
    assert_eq!(list.show_if[0].any_of, ["ap", "unsure"]);
    let asked = |o: &str| {
        let a: biodpia::domain::answers::Answers =
            [("q_competent_authority".to_string(), biodpia::domain::answers::Answer::Choice(o.into()))].into();
        biodpia::domain::engine::visible_questions(bank, &a).iter().any(|q| q.id == "q_ap_list")
    };
    assert!(asked("ap") && asked("unsure") && !asked("other_authority"));
}

//! A broken question file fails with the file and the id named. Each case copies the mini
//! bank into a temporary folder, breaks one thing, and checks the message.

use std::fs;
use std::path::{Path, PathBuf};

use biodpia::domain::load::load_and_validate;
use common::{assert_names, copy_dir};

mod common;

/// A fresh copy of the mini bank with `file` edited by `edit`; returns every error message.
fn broken(case: &str, file: &str, edit: impl Fn(String) -> String) -> Vec<String> {
    broken_files(case, &[(file, &edit)])
}

/// As [`broken`], with several files edited.
fn broken_files(case: &str, edits: &[(&str, &dyn Fn(String) -> String)]) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    let dir: PathBuf = std::env::temp_dir().join(format!("biodpia-broken-{}-{case}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    copy_dir(&src, &dir);
    for (file, edit) in edits {
        let path = dir.join(file);
        let text = fs::read_to_string(&path).unwrap_or_default();
        let changed = edit(text.clone());
        assert_ne!(changed, text, "{case}: the edit of {file} changed nothing");
        if changed.is_empty() {
            fs::remove_file(&path).unwrap();
        } else {
            fs::write(&path, changed).unwrap();
        }
    }
    common::bank_errors(case, &dir)
}

#[test]
fn the_unbroken_mini_bank_is_valid() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    assert!(load_and_validate(&src).is_ok());
}

#[test]
fn toml_syntax_error_names_the_file() {
    let e = broken("syntax", "sections/01_a.toml", |t| t.replacen("[[question]]", "[[question]", 1));
    assert_names(&e, "01_a.toml", "", "not valid");
}

#[test]
fn unknown_field_is_refused() {
    let e = broken("field", "sections/01_a.toml", |t| {
        t.replacen("kind = \"single\"", "kind = \"single\"\nrequird = true", 1)
    });
    assert_names(&e, "01_a.toml", "", "requird");
}

#[test]
fn duplicate_question_id() {
    let e = broken("dup", "sections/02_b.toml", |t| t.replacen("id = \"q_scraping\"", "id = \"q_mode\"", 1));
    assert_names(&e, "02_b.toml", "q_mode", "duplicate id");
}

#[test]
fn unknown_risk_finding_provision_and_safeguard() {
    let e = broken("refs", "sections/01_a.toml", |t| {
        t.replacen("risk = \"r_breach\", likelihood = 2", "risk = \"r_nope\", likelihood = 2", 1)
            .replacen("findings = [\"f_ap_clearview_2024\"]", "findings = [\"f_nope\"]", 1)
            .replacen("implements = [\"s_encryption_logging\"]", "implements = [\"s_nope\"]", 1)
    });
    assert_names(&e, "01_a.toml", "q_mode.verify", "unknown risk `r_nope`");
    assert_names(&e, "01_a.toml", "q_mode.identify", "unknown finding `f_nope`");
    assert_names(&e, "01_a.toml", "q_encrypted.yes", "unknown safeguard `s_nope`");
    let e = broken("prov", "findings/f.toml", |t| {
        t.replacen("provisions = [\"gdpr_9_1\"]", "provisions = [\"gdpr_99\"]", 1)
    });
    assert_names(&e, "f.toml", "f_ap_clearview_2024", "unknown provision `gdpr_99`");
}

#[test]
fn empty_or_missing_dutch_text() {
    let e = broken("nl", "locales/nl/sections/02_b.toml", |t| t.replacen("text = \"Gescraped?\"", "text = \" \"", 1));
    assert_names(&e, "locales/nl/sections/02_b.toml", "question.q_scraping", "text: text is empty");
    let e = broken("nl-gone", "locales/nl/sections/02_b.toml", |t| t.replacen("text = \"Gescraped?\"\n", "", 1));
    assert_names(&e, "locales/nl/sections/02_b.toml", "question.q_scraping", "text: missing (English has it)");
}

#[test]
fn show_if_must_refer_to_an_earlier_question() {
    let e = broken("order", "sections/01_a.toml", |t| {
        t.replacen("question = \"q_mode\", none_of", "question = \"q_scraping\", none_of", 1)
    });
    assert_names(&e, "01_a.toml", "q_encrypted", "not an earlier question");
    let e =
        broken("option", "sections/01_a.toml", |t| t.replacen("none_of = [\"unsure\"]", "none_of = [\"maybe\"]", 1));
    assert_names(&e, "01_a.toml", "q_encrypted", "no option `maybe`");
    let e = broken("any-order", "sections/01_a.toml", |t| {
        t.replacen(
            "show_if = [ { question = \"q_mode\", none_of = [\"unsure\"] } ]",
            "show_if_any = [ { question = \"q_mode\", any_of = [\"verify\"] }, { question = \"q_scraping\", any_of = [\"yes\"] } ]",
            1,
        )
    });
    assert_names(
        &e,
        "01_a.toml",
        "q_encrypted",
        "show_if_any refers to `q_scraping`, which is not an earlier question",
    );
}

#[test]
fn risk_without_a_reason_is_refused() {
    let e =
        broken("why", "sections/02_b.toml", |t| t.replacen("provisions = [\"ai_act_5_1_e\"]\nred_line", "red_line", 1));
    assert_names(&e, "02_b.toml", "q_scraping.yes", "cites no finding or provision");
}

#[test]
fn unsure_needs_find_out_and_a_raise() {
    let e =
        broken("unsure", "locales/en/sections/01_a.toml", |t| t.replacen("find_out = \"Ask the vendor.\"\n", "", 1));
    assert_names(&e, "01_a.toml", "q_mode.unsure", "needs `find_out`");
}

#[test]
fn yesno_needs_exactly_yes_no_unsure() {
    let e = broken("yesno", "sections/02_b.toml", |t| t.replacen("id = \"no\"", "id = \"nah\"", 1));
    assert_names(&e, "02_b.toml", "q_scraping", "exactly the options yes, no, unsure");
}

#[test]
fn bad_dates_levels_and_urls() {
    let e = broken("date", "findings/f.toml", |t| t.replacen("2024-05-16", "2024-02-30", 1));
    assert_names(&e, "f.toml", "f_ap_clearview_2024", "real YYYY-MM-DD date");
    let e = broken("level", "sections/01_a.toml", |t| {
        t.replacen("likelihood = 3, severity = 4", "likelihood = 5, severity = 4", 1)
    });
    assert_names(&e, "01_a.toml", "q_mode.identify", "likelihood must be 1..=4");
    let e = broken("url", "provisions/p.toml", |t| {
        t.replacen("https://eur-lex.europa.eu/eli/reg/2016/679/oj", "eur-lex", 1)
    });
    assert_names(&e, "p.toml", "gdpr_9_1", "not a URL");
}

#[test]
fn every_problem_is_reported_at_once() {
    let e = broken_files(
        "many",
        &[
            ("locales/nl/sections/01_a.toml", &|t: String| t.replacen("text = \"Modus?\"", "text = \"\"", 1)),
            ("sections/01_a.toml", &|t: String| {
                t.replacen("risk = \"r_breach\", likelihood = 2", "risk = \"r_x\", likelihood = 2", 1)
            }),
        ],
    );
    assert_names(&e, "locales/nl/sections/01_a.toml", "question.q_mode", "text is empty");
    assert_names(&e, "01_a.toml", "q_mode.verify", "unknown risk `r_x`");
}

// ---------------------------------------------------------------------------------------------
// Languages (questions/locales/<lang>/)

#[test]
fn an_inline_text_in_a_structure_file_points_to_the_conversion_script() {
    let e = broken("inline", "sections/01_a.toml", |t| {
        t.replacen("kind = \"single\"", "kind = \"single\"\nhelp = { en = \"Help\", nl = \"Hulp\" }", 1)
    });
    assert_names(&e, "sections/01_a.toml", "", "scripts/split-locales.py");
}

#[test]
fn a_text_for_an_entry_the_structure_lacks_is_refused() {
    let e = broken("stale", "locales/nl/sections/01_a.toml", |t| t + "\n[question.q_gone]\ntext = \"Weg?\"\n");
    assert_names(&e, "locales/nl/sections/01_a.toml", "question.q_gone", "not in English");
    let e = broken("stale-en", "locales/en/risks/r.toml", |t| t.replacen("[risk.r_breach]", "[risk.r_breech]", 1));
    assert_names(&e, "locales/en/risks/r.toml", "risk.r_breach", "title: text missing");
    assert_names(&e, "locales/en/risks/r.toml", "risk.r_breech", "no such text in questions/risks/r.toml");
}

#[test]
fn a_red_line_text_needs_the_structure_flag() {
    let e = broken("flag", "sections/02_b.toml", |t| t.replacen("red_line = true\n", "", 1));
    assert_names(
        &e,
        "locales/en/sections/02_b.toml",
        "question.q_scraping.option.yes",
        "does not say `red_line = true`",
    );
}

#[test]
fn a_missing_ui_string_names_the_file_and_key() {
    let e = broken("ui", "locales/nl/ui.toml", |t| t.replacen("next = \"Volgende\"\n", "", 1));
    assert_names(&e, "locales/nl/ui.toml", "general.next", "missing (English has it)");
    let e = broken("ui-extra", "locales/nl/ui.toml", |t| t.replacen("next = \"Volgende\"", "nxt = \"Volgende\"", 1));
    assert_names(&e, "locales/nl/ui.toml", "general.nxt", "not in English");
}

#[test]
fn placeholders_must_match_english() {
    let e = broken("ph", "locales/nl/ui.toml", |t| t.replacen("{answered} van {total}", "{beantwoord} van {total}", 1));
    assert_names(
        &e,
        "locales/nl/ui.toml",
        "general.answered_of",
        "placeholders {beantwoord}, {total} differ from English",
    );
    let e =
        broken("ph-brace", "locales/nl/ui.toml", |t| t.replacen("{answered} van {total}", "{answered} van {total", 1));
    assert_names(&e, "locales/nl/ui.toml", "general.answered_of", "not closed");
}

#[test]
fn plural_forms_follow_the_languages_rule() {
    let e = broken("plural", "locales/nl/ui.toml", |t| {
        t.replacen("chars_left = { one = \"Nog {count} teken\", other", "chars_left = { other", 1)
    });
    assert_names(&e, "locales/nl/ui.toml", "general.chars_left", "plural form `one` missing");
    let e = broken("plural-cat", "locales/nl/ui.toml", |t| {
        t.replacen("chars_left = { one = ", "chars_left = { few = \"x {count}\", one = ", 1)
    });
    assert_names(
        &e,
        "locales/nl/ui.toml",
        "general.chars_left",
        "`few` is not a category of the plural rule `one_other`",
    );
    let e = broken("rule", "locales/nl/language.toml", |t| t.replacen("one_other", "slavic", 1));
    assert_names(&e, "locales/nl/language.toml", "language.plural", "unknown plural rule `slavic`");
}

#[test]
fn a_language_folder_needs_its_language_file() {
    let e = broken("nolang", "locales/nl/language.toml", |_| String::new());
    assert_names(&e, "locales/nl/language.toml", "", "cannot read file");
}

#[test]
fn a_settlement_lists_no_provision_found_violated() {
    let e = broken("settlement", "findings/f.toml", |t| t.replacen("kind = \"decision\"", "kind = \"settlement\"", 1));
    assert_names(&e, "f.toml", "f_ap_clearview_2024", "a settlement finds no provision violated");
}

#[test]
fn a_red_line_rests_only_on_decisions_and_court_rulings() {
    let to_guidance = |t: String| {
        t.replacen("kind = \"decision\"", "kind = \"guidance\"", 1).replacen("provisions = [\"gdpr_9_1\"]\n", "", 1)
    };
    let cite_on_red_line =
        |t: String| t.replacen("red_line = true", "findings = [\"f_ap_clearview_2024\"]\nred_line = true", 1);
    let e = broken_files("red-line", &[("findings/f.toml", &to_guidance), ("sections/02_b.toml", &cite_on_red_line)]);
    assert_names(&e, "02_b.toml", "q_scraping.yes", "only decisions and court rulings support a red line");
    // The same citation of a decision is accepted.
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    let dir = std::env::temp_dir().join(format!("biodpia-redline-ok-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    copy_dir(&src, &dir);
    let path = dir.join("sections/02_b.toml");
    fs::write(&path, cite_on_red_line(fs::read_to_string(&path).unwrap())).unwrap();
    let result = load_and_validate(&dir);
    let _ = fs::remove_dir_all(&dir);
    assert!(result.is_ok(), "{:?}", result.err());
}

#[test]
fn a_raise_condition_may_only_look_back() {
    // To a later question: refused (conditions only look back, so no cycle can form).
    let e = broken("later", "sections/02_b.toml", |t| {
        t.replacen("when = [ { question = \"q_mode\"", "when = [ { question = \"q_purposes\"", 1)
    });
    assert_names(&e, "02_b.toml", "q_reach.everyone", "`q_purposes`, which is not an earlier question");
    // To its own question: the smallest cycle, refused the same way.
    let e = broken("self", "sections/02_b.toml", |t| {
        t.replacen(
            "unless = [ { question = \"q_mode\", any_of = [\"verify\"]",
            "unless = [ { question = \"q_alternative\", any_of = [\"yes\"]",
            1,
        )
    });
    assert_names(&e, "02_b.toml", "q_alternative.no", "raise of `r_unlawful`: `unless` refers to `q_alternative`");
    // To an option that does not exist.
    let e =
        broken("option", "sections/02_b.toml", |t| t.replacen("any_of = [\"identify\"]", "any_of = [\"identfy\"]", 1));
    assert_names(&e, "02_b.toml", "q_reach.everyone", "`q_mode` has no option `identfy`");
    // Both any_of and none_of in one clause.
    let e = broken("both", "sections/02_b.toml", |t| {
        t.replacen("any_of = [\"identify\"] }", "any_of = [\"identify\"], none_of = [\"verify\"] }", 1)
    });
    assert_names(&e, "02_b.toml", "q_reach.everyone", "exactly one of any_of / none_of");
}

#[test]
fn a_contradiction_refers_to_an_earlier_answer_and_says_what_to_resolve() {
    let e = broken("conflict", "sections/02_b.toml", |t| {
        t.replacen("contradicts = [ { question = \"q_reach\"", "contradicts = [ { question = \"q_purposes\"", 1)
    });
    assert_names(
        &e,
        "02_b.toml",
        "q_alternative.yes",
        "contradicts refers to `q_purposes`, which is not an earlier question",
    );
    // Its text is in every language: missing in Dutch, the Dutch file and key are named.
    let e = broken("conflict-text", "locales/nl/sections/02_b.toml", |t| {
        t.replacen(
            "contradiction = \"Iedereen die passeert wordt gescand, dus niemand kan het alternatief kiezen.\"\n",
            "",
            1,
        )
    });
    assert_names(&e, "locales/nl/sections/02_b.toml", "question.q_alternative.option.yes", "contradiction");
    // Without the flag, the structure says nothing about a text to show.
    let e = broken("conflict-none", "sections/02_b.toml", |t| t.replacen("contradiction = true\n", "", 1));
    assert_names(&e, "02_b.toml", "q_alternative.yes", "`contradicts` needs `contradiction = true`");
}

#[test]
fn exclusive_only_on_multi_questions() {
    let e = broken("exclusive", "sections/02_b.toml", |t| {
        t.replacen("id = \"enrolled\"\n", "id = \"enrolled\"\nexclusive = true\n", 1)
    });
    assert_names(&e, "02_b.toml", "q_reach.enrolled", "multi questions only");
}

#[test]
fn a_safeguard_context_names_a_real_question_and_option() {
    let e = broken("na", "safeguards/s.toml", |t| t.replacen("question = \"q_reach\"", "question = \"q_rach\"", 1));
    assert_names(&e, "s.toml", "s_alternative", "not_applicable_when refers to `q_rach`, which is not a question");
    let e =
        broken("na-option", "safeguards/s.toml", |t| t.replacen("any_of = [\"everyone\"]", "any_of = [\"all\"]", 1));
    assert_names(&e, "s.toml", "s_alternative", "`q_reach` has no option `all`");
}

#[test]
fn an_alternative_is_another_real_safeguard_against_the_same_risk() {
    fn with(alt: &'static str) -> impl Fn(String) -> String {
        move |t: String| {
            t.replacen("id = \"s_alternative\"\n", &format!("id = \"s_alternative\"\nalternatives = [\"{alt}\"]\n"), 1)
        }
    }
    let e = broken("alt-missing", "safeguards/s.toml", with("s_nothing"));
    assert_names(&e, "s.toml", "s_alternative", "alternatives names `s_nothing`, which is not a safeguard");
    let e = broken("alt-self", "safeguards/s.toml", with("s_alternative"));
    assert_names(&e, "s.toml", "s_alternative", "a safeguard is not its own alternative");
    // Encryption lowers only the breach risk; the alternative lowers unlawfulness and surveillance.
    let e = broken("alt-unrelated", "safeguards/s.toml", with("s_encryption_logging"));
    assert_names(&e, "s.toml", "s_alternative", "alternative `s_encryption_logging` lowers none of the same risks");
}

#[test]
fn reasons_name_a_text_question_shown_with_the_option() {
    let with = |rq: &'static str| {
        move |t: String| t.replacen("id = \"no\"\n", &format!("id = \"no\"\nreasons = \"{rq}\"\n"), 1)
    };
    // A text question, but not shown when the answer is chosen: the reasons could never be given.
    let e = broken("reasons-hidden", "sections/01_a.toml", with("q_notes"));
    assert_names(&e, "01_a.toml", "q_encrypted.no", "reasons: `q_notes` is not shown when this option is chosen");
    let e = broken("reasons-kind", "sections/01_a.toml", with("q_mode"));
    assert_names(&e, "01_a.toml", "q_encrypted.no", "reasons: `q_mode` is not a text question");
    let e = broken("reasons-missing", "sections/01_a.toml", with("q_nowhere"));
    assert_names(&e, "01_a.toml", "q_encrypted.no", "reasons: `q_nowhere` is not a question of the bank");
    // Shown with the option: valid.
    let dir = std::env::temp_dir().join(format!("biodpia-reasons-ok-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini"), &dir);
    let edit = |file: &str, f: &dyn Fn(String) -> String| {
        let path = dir.join(file);
        fs::write(&path, f(fs::read_to_string(&path).unwrap())).unwrap();
    };
    edit("sections/01_a.toml", &with("q_notes"));
    edit("sections/02_b.toml", &|t: String| {
        t.replacen(
            "id = \"q_notes\"\nkind = \"text\"\n",
            "id = \"q_notes\"\nkind = \"text\"\nshow_if = [ { question = \"q_encrypted\", any_of = [\"no\"] } ]\n",
            1,
        )
    });
    let bank = load_and_validate(&dir).expect("reasons shown with the option are valid");
    let no = bank.question("q_encrypted").unwrap().option("no").unwrap();
    assert_eq!(no.reasons.as_deref(), Some("q_notes"));
}

#[test]
fn a_safeguard_without_a_known_principle_is_named() {
    let e = broken("principle", "safeguards/s.toml", |t| {
        t.replacen("principle = \"fairness\"", "principle = \"fairnes\"", 1)
    });
    assert_names(&e, "s.toml", "s_alternative", "principle `fairnes` is not one of");
    let e = broken("no-principle", "safeguards/s.toml", |t| t.replacen("principle = \"fairness\"\n", "", 1));
    assert_names(&e, "s.toml", "s_alternative", "no `principle`");
}

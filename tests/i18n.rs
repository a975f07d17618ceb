//! Language files as the browser gets them (src/i18n): a file that is damaged or of another
//! build is refused with a reason, and the message names the language and the one shown.
//! (Fetching, 404 and network failures in the browser: tests/e2e/lang.test.mjs.)

use biodpia::i18n::{embedded_file, parse, Lang, LangInfo, LangProblem, LoadError, LANGS};
use serde_json::Value;

fn nl() -> &'static LangInfo {
    LangInfo::find("nl").expect("Dutch is built in")
}

fn file(info: &'static LangInfo) -> Value {
    serde_json::from_str(embedded_file(info)).expect("the build writes JSON")
}

fn refused(info: &'static LangInfo, v: &Value) -> LoadError {
    match parse(info, &v.to_string()) {
        Ok(_) => panic!("accepted a changed file: {v}"),
        Err(e) => e,
    }
}

#[test]
fn every_built_language_file_reads_and_is_named_by_its_content() {
    for info in LANGS.iter() {
        let json = embedded_file(info);
        assert!(parse(info, json).is_ok(), "{}", info.code);
        assert!(
            info.file.starts_with(&format!("lang-{}-", info.code)) && info.file.ends_with(".json"),
            "{}",
            info.file
        );
        let hash = &info.file[info.file.len() - 17..info.file.len() - 5];
        assert!(hash.chars().all(|c| c.is_ascii_hexdigit()), "{}", info.file);
    }
    // Different content, different names (so a cached old file is never used by a new build).
    assert_ne!(LANGS[0].file, nl().file);
}

#[test]
fn damaged_files_are_refused() {
    let json = embedded_file(nl());
    for cut in [0, 1, json.len() / 2, json.len() - 2] {
        assert!(matches!(parse(nl(), &json[..cut]), Err(LoadError::NotJson(_))), "cut at {cut}");
    }
    assert!(matches!(parse(nl(), "<!doctype html><title>Not found</title>"), Err(LoadError::NotJson(_))));
    assert!(matches!(parse(nl(), "{\"format\":1}"), Err(LoadError::NotJson(_))));
}

#[test]
fn files_of_another_language_format_or_build_are_refused() {
    let good = file(nl());
    let change = |f: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        f(&mut v);
        v
    };
    assert_eq!(refused(nl(), &change(&|v| v["schema"] = "0123456789abcdef".into())), LoadError::Mismatch("build"));
    assert_eq!(refused(nl(), &change(&|v| v["format"] = 2.into())), LoadError::Mismatch("format"));
    assert_eq!(refused(nl(), &change(&|v| v["lang"] = "en".into())), LoadError::Mismatch("language"));
    // The English file under Dutch's name.
    assert_eq!(refused(nl(), &file(LangInfo::reference())), LoadError::Mismatch("language"));
    let texts = |v: &mut Value| v["texts"].as_array_mut().unwrap().pop();
    assert_eq!(refused(nl(), &change(&|v| drop(texts(v)))), LoadError::Mismatch("number of texts"));
    let more_texts = |v: &mut Value| v["texts"].as_array_mut().unwrap().push("extra".into());
    assert_eq!(refused(nl(), &change(&more_texts)), LoadError::Mismatch("number of texts"));
    let fewer_ui = |v: &mut Value| drop(v["ui"].as_array_mut().unwrap().pop());
    assert_eq!(refused(nl(), &change(&fewer_ui)), LoadError::Mismatch("number of strings"));
    let more_ui = |v: &mut Value| v["ui"].as_array_mut().unwrap().push("extra".into());
    assert_eq!(refused(nl(), &change(&more_ui)), LoadError::Mismatch("number of strings"));
    assert!(matches!(refused(nl(), &change(&|v| v["ui"][0] = 7.into())), LoadError::NotJson(_)));
}

#[test]
fn the_message_names_the_language_and_what_is_shown() {
    let en = Lang::reference();
    let nl_lang = Lang::get(nl());
    let cases = [
        (LoadError::Http(404), "the server answered 404"),
        (LoadError::Network("Failed to fetch".into()), "the server could not be reached"),
        (LoadError::NotJson("EOF".into()), "the file is damaged"),
        (LoadError::Mismatch("build"), "another version of the tool"),
    ];
    for (error, reason) in cases {
        let m = LangProblem { lang: nl(), error }.message(en);
        assert!(m.contains("Nederlands") && m.contains(reason) && m.contains("in English"), "{m}");
        assert!(m.contains("unchanged"), "{m}");
    }
    // In Dutch when the widget stays in Dutch (a failed switch to another language).
    let m = LangProblem { lang: LangInfo::reference(), error: LoadError::Http(500) }.message(nl_lang);
    assert!(m.contains("English") && m.contains("de server antwoordde 500") && m.contains("Nederlands"), "{m}");
}

#[test]
fn every_language_names_itself_and_says_loading_and_unavailable() {
    for info in LANGS.iter() {
        for (what, s) in [("name", info.name), ("loading", info.loading), ("unavailable", info.unavailable)] {
            assert!(!s.trim().is_empty(), "{}: {what}", info.code);
        }
    }
    assert!(nl().loading.contains("geladen"));
}

#[test]
fn dates_are_written_as_each_language_writes_them() {
    let en = biodpia::i18n::strings(Lang::parse("en").unwrap());
    let nl = biodpia::i18n::strings(Lang::parse("nl").unwrap());
    assert_eq!(en.date("2027-03-01"), "1 March 2027");
    assert_eq!(nl.date("2027-03-01"), "1 maart 2027");
    assert_eq!(nl.date("2026-12-15"), "15 december 2026");
    assert_eq!(en.date("2028-02-29"), "29 February 2028", "a leap day");
    // Not a calendar date: shown as typed, never guessed at.
    for typed in ["2027-02-29", "2027-13-01", "2027-04-31", "Q3 2027", "", "27-03-01", "2027-3-1"] {
        assert_eq!(nl.date(typed), typed);
    }
}

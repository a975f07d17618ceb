//! Every user-visible string, as data: `questions/locales/<lang>/ui.toml` (the widget's own
//! strings) and the bank texts in `questions/locales/<lang>/`. build.rs checks every language
//! against English, writes one file per language and generates the typed access included here
//! ([`Ui`] and its tables: a missing key or a wrong placeholder name is a compile error).
//!
//! The view-facing API:
//! - [`Lang`]: one loaded language (`Copy`, compared by code). `strings(lang)` (and
//!   `manager::strings`, `summary::strings`, `method::strings`) give its UI strings as
//!   `&'static` structs: plain strings are fields (`t.next`), strings with placeholders are
//!   methods with named arguments (`t.answered_of(answered, total)`), plurals take the number
//!   first (`t.provisional(count)`).
//! - bank texts: `q.text.get(lang)` ([`Get`], for [`Text`] and `Option<Text>` users alike).
//! - `lang.quote(s)`, `lang.date_locale()`, `lang.code()`, `lang.info().name`; [`LANGS`] lists
//!   every language for the language menu.
//!
//! Loading: the wasm holds no texts but each language's name, loading and unavailable message
//! ([`LangInfo`]) and its file's content-hashed name. In the browser a language is fetched
//! from the widget's own folder when first needed ([`load`], src/i18n/fetch.rs) and checked
//! ([`parse`]: format, language, schema digest, counts); native builds (tests, SSR) embed the
//! files and read them on first use ([`Lang::get`]).

#[cfg(target_arch = "wasm32")]
mod fetch;
pub mod manager;
pub mod method;
pub mod review;
pub mod summary;
pub mod template;

#[cfg(target_arch = "wasm32")]
pub use fetch::{load, url as file_url};

use std::fmt::Display;
use std::sync::Mutex;

use serde::Deserialize;

use crate::domain::answers::Status;
use crate::domain::engine::{Level, Outcome, Priority};
use crate::domain::model::Text;
pub use crate::domain::plural::PluralRule;

include!(concat!(env!("OUT_DIR"), "/i18n.rs"));

/// The strings of table `[general]`: used everywhere.
pub type Strings = GeneralStrings;

/// A language the build knows (a folder in `questions/locales/`), before it is loaded.
#[derive(Debug, PartialEq, Eq)]
pub struct LangInfo {
    /// BCP 47 code, for `lang` attributes and `?lang=`.
    pub code: &'static str,
    /// The language's own name, for the language menu.
    pub name: &'static str,
    pub plural: PluralRule,
    /// Opening and closing quotation marks.
    pub quotes: [&'static str; 2],
    /// Locale for dates (`Intl.DateTimeFormat`).
    pub date_locale: &'static str,
    /// Shown while the language file loads.
    pub loading: &'static str,
    /// Shown when no language file could be loaded at all.
    pub unavailable: &'static str,
    /// The language file's name in the built folder (content-hashed).
    pub file: &'static str,
}

impl LangInfo {
    /// The reference language (English): the fallback.
    pub fn reference() -> &'static LangInfo {
        &LANGS[0]
    }

    /// Finds a language by code, any case, region ignored unless the build has that region
    /// ("nl-BE" is Dutch; "pt-BR" is Brazilian Portuguese if there is a `pt-BR` folder).
    pub fn find(code: &str) -> Option<&'static LangInfo> {
        let code = code.trim();
        let base = code.split(['-', '_']).next().unwrap_or("");
        LANGS
            .iter()
            .find(|l| l.code.eq_ignore_ascii_case(&code.replace('_', "-")))
            .or_else(|| LANGS.iter().find(|l| l.code.eq_ignore_ascii_case(base)))
    }
}

/// One language, loaded: its UI strings and bank texts.
pub struct Catalogue {
    pub info: &'static LangInfo,
    pub ui: Ui,
    texts: Vec<&'static str>,
}

/// A loaded language. Cheap to copy; two are equal when they are the same language.
#[derive(Clone, Copy)]
pub struct Lang(&'static Catalogue);

impl PartialEq for Lang {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0.info, other.0.info)
    }
}
impl Eq for Lang {}

impl std::fmt::Debug for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Lang({})", self.code())
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Default for Lang {
    fn default() -> Self {
        Lang::reference()
    }
}

impl Lang {
    pub fn code(self) -> &'static str {
        self.0.info.code
    }
    pub fn info(self) -> &'static LangInfo {
        self.0.info
    }
    pub fn ui(self) -> &'static Ui {
        &self.0.ui
    }
    /// A bank text in this language.
    pub fn text(self, t: Text) -> &'static str {
        self.0.texts.get(t.0 as usize).copied().unwrap_or("")
    }
    /// `s` in this language's quotation marks, isolated (U+2068 .. U+2069), so that a user's
    /// text with its own direction marks (an unterminated U+202E) never reverses the sentence
    /// around it.
    pub fn quote(self, s: &str) -> String {
        let [open, close] = self.0.info.quotes;
        format!("{open}{}{close}", isolate(s))
    }
    pub fn date_locale(self) -> &'static str {
        self.0.info.date_locale
    }

    /// The language if it is loaded already (in the browser: fetched before; natively: always).
    pub fn loaded(info: &'static LangInfo) -> Option<Lang> {
        #[cfg(not(target_arch = "wasm32"))]
        return Some(Lang::get(info));
        #[cfg(target_arch = "wasm32")]
        return cached(info).map(Lang);
    }

    /// Reads a language file for `info` (see [`parse`]) and keeps it for the page's life.
    pub fn install(info: &'static LangInfo, json: &str) -> Result<Lang, LoadError> {
        if let Some(c) = cached(info) {
            return Ok(Lang(c));
        }
        parse(info, json).map(|c| Lang(remember(c)))
    }

    /// The reference language (English), native builds only (the browser loads it, [`load`]).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn reference() -> Lang {
        Lang::get(LangInfo::reference())
    }

    /// A language by code (see [`LangInfo::find`]), loaded; native builds only.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn parse(code: &str) -> Option<Lang> {
        LangInfo::find(code).map(Lang::get)
    }

    /// The language, read from the language file embedded in the native build once and kept.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn get(info: &'static LangInfo) -> Lang {
        // build.rs wrote and checked this file in the same build.
        Lang::install(info, embedded_file(info)).expect("embedded language file reads")
    }
}

/// The language file of `info` as this build wrote it (native builds only: tests, tools).
#[cfg(not(target_arch = "wasm32"))]
pub fn embedded_file(info: &'static LangInfo) -> &'static str {
    EMBEDDED[LANGS.iter().position(|l| std::ptr::eq(l, info)).unwrap_or(0)]
}

static CACHE: Mutex<Vec<&'static Catalogue>> = Mutex::new(Vec::new());

fn cached(info: &'static LangInfo) -> Option<&'static Catalogue> {
    CACHE.lock().ok()?.iter().copied().find(|c| std::ptr::eq(c.info, info))
}

/// Keeps a loaded language for the rest of the page's life (each language is loaded once).
fn remember(c: Catalogue) -> &'static Catalogue {
    if let Some(c) = cached(c.info) {
        return c;
    }
    let c: &'static Catalogue = Box::leak(Box::new(c));
    if let Ok(mut v) = CACHE.lock() {
        v.push(c);
    }
    c
}

/// Why a language file could not be loaded or was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The server answered with this HTTP status (404: the file is not in the folder).
    Http(u16),
    /// No answer (offline, blocked); the browser's message.
    Network(String),
    /// Not the JSON a build writes (truncated, or not a language file at all).
    NotJson(String),
    /// A language file of another language, format or build.
    Mismatch(&'static str),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Http(status) => write!(f, "HTTP {status}"),
            LoadError::Network(e) => write!(f, "no answer: {e}"),
            LoadError::NotJson(e) => write!(f, "not a language file: {e}"),
            LoadError::Mismatch(what) => write!(f, "not this build's language file: {what}"),
        }
    }
}

impl LoadError {
    /// The reason, for [`GeneralStrings::lang_failed`], in the language `t` is of.
    pub fn reason(&self, t: &GeneralStrings) -> String {
        match self {
            LoadError::Http(status) => t.lang_reason_http(status),
            LoadError::Network(_) => t.lang_reason_network.to_string(),
            LoadError::NotJson(_) => t.lang_reason_damaged.to_string(),
            LoadError::Mismatch(_) => t.lang_reason_other_build.to_string(),
        }
    }
}

/// A language that could not be loaded, and why: the message names it and the language shown
/// instead ([`GeneralStrings::lang_failed`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LangProblem {
    pub lang: &'static LangInfo,
    pub error: LoadError,
}

impl LangProblem {
    /// The whole message in `shown` (the language the widget shows now).
    pub fn message(&self, shown: Lang) -> String {
        let t = strings(shown);
        t.lang_failed(self.lang.name, self.error.reason(t), shown.info().name)
    }
}

#[derive(Deserialize)]
struct File {
    format: u32,
    lang: String,
    schema: String,
    ui: Vec<String>,
    texts: Vec<String>,
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// Reads a language file (as build.rs writes it) for `info`.
pub fn parse(info: &'static LangInfo, json: &str) -> Result<Catalogue, LoadError> {
    let f: File = serde_json::from_str(json).map_err(|e| LoadError::NotJson(e.to_string()))?;
    if f.format != FORMAT {
        return Err(LoadError::Mismatch("format"));
    }
    if f.lang != info.code {
        return Err(LoadError::Mismatch("language"));
    }
    if f.schema != SCHEMA {
        return Err(LoadError::Mismatch("build"));
    }
    if f.texts.len() != TEXT_COUNT {
        return Err(LoadError::Mismatch("number of texts"));
    }
    let mut r = Reader { items: f.ui.into_iter(), rule: info.plural };
    let ui = Ui::read(&mut r).ok_or(LoadError::Mismatch("number of strings"))?;
    if r.items.next().is_some() {
        return Err(LoadError::Mismatch("number of strings"));
    }
    Ok(Catalogue { info, ui, texts: f.texts.into_iter().map(leak).collect() })
}

/// The UI strings of a language file, in the generated structs' order.
struct Reader {
    items: std::vec::IntoIter<String>,
    rule: PluralRule,
}

impl Reader {
    fn text(&mut self) -> Option<&'static str> {
        self.items.next().map(leak)
    }
    fn plural(&mut self) -> Option<Plural> {
        let n = self.rule.categories().len();
        let forms: Vec<&'static str> = (0..n).map(|_| self.text()).collect::<Option<_>>()?;
        Some(Plural { forms: Box::leak(forms.into_boxed_slice()), rule: self.rule })
    }
}

/// The forms of a text that depends on a number.
struct Plural {
    forms: &'static [&'static str],
    rule: PluralRule,
}

impl Plural {
    fn pick(&self, n: usize) -> &'static str {
        let i = self.rule.form(n as u64).min(self.forms.len().saturating_sub(1));
        self.forms.get(i).copied().unwrap_or("")
    }
}

/// Fills named placeholders: `{answered}` by the argument named "answered".
fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after.find('}').map(|end| (end, &after[..end])) {
            Some((end, name)) if args.iter().any(|(n, _)| *n == name) => {
                let (_, v) = args.iter().find(|(n, _)| *n == name).expect("found above");
                out.push_str(&v.to_string());
                rest = &after[end + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A bank text in a language: `q.text.get(lang)`.
pub trait Get {
    fn get(&self, lang: Lang) -> &'static str;
}

impl Get for Text {
    fn get(&self, lang: Lang) -> &'static str {
        lang.text(*self)
    }
}

/// The `[general]` strings of a language.
pub fn strings(lang: Lang) -> &'static Strings {
    &lang.0.ui.general
}

impl GeneralStrings {
    pub fn level(&self, l: Level) -> &'static str {
        match l {
            Level::Low => self.level_low,
            Level::Medium => self.level_medium,
            Level::High => self.level_high,
            Level::VeryHigh => self.level_very_high,
        }
    }
    /// A status of the action plan, as the plan's select and the report name it.
    pub fn status(&self, s: Status) -> &'static str {
        match s {
            Status::InPlace => self.status_in_place,
            Status::Partial => self.status_partial,
            Status::Planned => self.status_planned,
            Status::NotPlanned => self.status_not_planned,
        }
    }
    pub fn priority(&self, p: Priority) -> &'static str {
        match p {
            Priority::Must => self.must,
            Priority::Should => self.should,
        }
    }
    /// Title and body of a decision outcome.
    pub fn outcome(&self, o: Outcome) -> (&'static str, &'static str) {
        match o {
            Outcome::NotAssessed => (self.outcome_not_assessed, self.outcome_not_assessed_body),
            Outcome::Rejected => (self.outcome_rejected, self.outcome_rejected_body),
            Outcome::Consultation => (self.outcome_consultation, self.outcome_consultation_body),
            Outcome::MeasuresNotPlanned => (self.outcome_measures_not_planned, self.outcome_measures_not_planned_body),
            Outcome::ConditionallyApproved => {
                (self.outcome_conditionally_approved, self.outcome_conditionally_approved_body)
            }
            Outcome::Approved => (self.outcome_approved, self.outcome_approved_body),
        }
    }
    /// A decision outcome as the end of a sentence ("the decision would be: approved").
    pub fn outcome_short(&self, o: Outcome) -> &'static str {
        match o {
            Outcome::NotAssessed => self.outcome_short_not_assessed,
            Outcome::Rejected => self.outcome_short_rejected,
            Outcome::Consultation => self.outcome_short_consultation,
            Outcome::MeasuresNotPlanned => self.outcome_short_measures_not_planned,
            Outcome::ConditionallyApproved => self.outcome_short_conditionally_approved,
            Outcome::Approved => self.outcome_short_approved,
        }
    }
    /// The name of a WP248 criterion id (the id itself if unknown).
    pub fn wp248<'a>(&self, id: &'a str) -> &'a str {
        crate::domain::model::WP248_CRITERIA.iter().position(|c| *c == id).map(|i| self.wp248_names[i]).unwrap_or(id)
    }

    /// A calendar date ("2027-03-01") as the language writes it ("1 March 2027", "1 maart
    /// 2027"); anything else (a date typed otherwise, "Q3") as it was typed.
    pub fn date(&self, iso: &str) -> String {
        let t = iso.trim();
        let mut parts = t.splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return iso.to_string();
        };
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
            return iso.to_string();
        }
        let (year, month, day): (u32, u32, u32) =
            (y.parse().unwrap_or(0), m.parse().unwrap_or(0), d.parse().unwrap_or(0));
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return iso.to_string();
        }
        self.date_pattern(day, self.month_names[month as usize - 1], year)
    }

    /// "negligible" .. "maximum" for a level 1..=4.
    pub fn pos(&self, v: u8) -> &'static str {
        self.pos_names[(v.clamp(1, 4) - 1) as usize]
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_by_name_in_any_order() {
        assert_eq!(fill("{a} of {b} answered", &[("b", &10), ("a", &3)]), "3 of 10 answered");
        assert_eq!(fill("no placeholder", &[("a", &1)]), "no placeholder");
        assert_eq!(fill("{a}{a} {x}", &[("a", &1)]), "11 {x}");
    }

    #[test]
    fn plural_forms_follow_the_rule() {
        let p = Plural { forms: &["one", "other"], rule: PluralRule::OneOther };
        assert_eq!([p.pick(0), p.pick(1), p.pick(2)], ["other", "one", "other"]);
        let p = Plural { forms: &["one", "other"], rule: PluralRule::ZeroOneOther };
        assert_eq!([p.pick(0), p.pick(1), p.pick(2)], ["one", "one", "other"]);
    }
}

/// `s` isolated (U+2068 FIRST STRONG ISOLATE .. U+2069 POP DIRECTIONAL ISOLATE): a user's text
/// set inside a sentence of the widget keeps its own direction marks (an unterminated U+202E)
/// to itself. [`Lang::quote`] also puts it in quotation marks; in markup, `<bdi>` does the same.
pub fn isolate(s: &str) -> String {
    format!("\u{2068}{s}\u{2069}")
}

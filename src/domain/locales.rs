//! The languages of the widget as data (native only: build script and tests).
//!
//! Every folder `questions/locales/<lang>/` is one language: `language.toml` (its own name,
//! plural rule, quotation marks, date locale), `ui.toml` (the widget's own strings) and, for each
//! structure file of the bank, a catalogue of the same name with its texts
//! (`locales/nl/sections/01_screening.toml`: `[question.q_modality] text = "..."`).
//! English ([`REFERENCE`]) is the reference: every other language has exactly its keys, the same
//! placeholders and list lengths, and the plural forms its own rule needs. Every problem is
//! reported with the file and key named.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::fs;
use std::path::Path;

use serde::Deserialize;

use super::load::{display, parse};
use super::model::Text;
use super::plural::PluralRule;
use super::validate::BankError;

/// The reference language, and the fallback when another language cannot be loaded.
pub const REFERENCE: &str = "en";

/// Where a bank text lives in each language's catalogue: `file` is the structure file's path
/// below `questions/` (`sections/01_screening.toml`), `table` the entry (`question.q_mode`,
/// `question.q_mode.option.unsure`, `risk.r_breach`, `section`, `bank`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextKey {
    pub file: String,
    pub table: String,
    pub field: String,
    /// The position in a list of texts (`key_findings`).
    pub index: Option<usize>,
}

impl fmt::Display for TextKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.index {
            Some(i) => write!(f, "{}.{}[{}]", self.table, self.field, i),
            None => write!(f, "{}.{}", self.table, self.field),
        }
    }
}

/// One UI string's shape, as the reference language defines it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UiShape {
    /// A plain text; the placeholders it takes, in order of first use.
    Plain(Vec<String>),
    /// Plural forms; the placeholders (including `count`), in order of first use.
    Plural(Vec<String>),
    /// A list of plain texts of this length.
    List(usize),
}

/// A UI string in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UiValue {
    Plain(String),
    /// One form per category of the language's plural rule, in [`PluralRule::categories`] order.
    Plural(Vec<String>),
    List(Vec<String>),
}

/// A table of `ui.toml`: the strings of one part of the widget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UiGroup<T> {
    pub name: String,
    pub entries: Vec<(String, T)>,
}

/// One language, checked.
#[derive(Clone, Debug)]
pub struct Language {
    pub code: String,
    pub name: String,
    pub plural: PluralRule,
    pub quotes: (String, String),
    pub date_locale: String,
    /// Shown while the language file loads (the only texts the wasm holds, with the name).
    pub loading: String,
    /// Shown when no language file at all could be loaded (not even English).
    pub unavailable: String,
    /// The UI strings, in the reference language's order.
    pub ui: Vec<UiGroup<UiValue>>,
    /// The bank texts, by [`Text`] index.
    pub texts: Vec<String>,
}

/// Every language, the reference first.
#[derive(Clone, Debug)]
pub struct Locales {
    pub languages: Vec<Language>,
    /// The shape of every UI string (the reference language's).
    pub ui: Vec<UiGroup<UiShape>>,
    /// Where each bank text lives, by [`Text`] index.
    pub text_keys: Vec<TextKey>,
}

// ---------------------------------------------------------------------------------------------
// Reading files

fn read_table(root: &Path, path: &Path, errors: &mut Vec<BankError>) -> Option<toml::Table> {
    parse::<toml::Table>(root, path, errors).map(|(t, _)| t)
}

/// The language folders under `root/locales`, the reference first, then by code.
pub fn language_codes(root: &Path) -> Vec<String> {
    let mut codes: Vec<String> = fs::read_dir(root.join("locales"))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| e.path().is_dir())
                .filter_map(|e| e.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    codes.sort_by_key(|c| (c != REFERENCE, c.clone()));
    codes
}

/// One language's bank text catalogues, by structure file (`sections/01_a.toml`). A missing
/// catalogue is an error unless the structure file has no texts at all (reported later, per key).
pub struct Catalogues {
    lang: String,
    files: HashMap<String, toml::Table>,
}

impl Catalogues {
    pub fn read(root: &Path, lang: &str, structure_files: &[String], errors: &mut Vec<BankError>) -> Catalogues {
        let mut files = HashMap::new();
        for rel in structure_files {
            let path = root.join("locales").join(lang).join(rel);
            if path.exists() {
                if let Some(t) = read_table(root, &path, errors) {
                    files.insert(rel.clone(), t);
                }
            }
        }
        Catalogues { lang: lang.to_string(), files }
    }

    fn file_name(&self, root: &Path, rel: &str) -> String {
        display(root, &root.join("locales").join(&self.lang).join(rel))
    }

    fn lookup(&self, key: &TextKey) -> Option<&toml::Value> {
        let mut t = self.files.get(&key.file)?;
        for part in key.table.split('.') {
            t = t.get(part)?.as_table()?;
        }
        let v = t.get(&key.field)?;
        match key.index {
            Some(i) => v.as_array()?.get(i),
            None => Some(v),
        }
    }
}

/// Numbers the bank's texts while `load` builds the bank: each call takes the next [`Text`]
/// index and records where that text lives; the reference language decides whether an
/// optional text exists.
pub struct Numbering<'a> {
    root: &'a Path,
    reference: &'a Catalogues,
    pub keys: Vec<TextKey>,
    pub errors: Vec<BankError>,
}

impl<'a> Numbering<'a> {
    pub fn new(root: &'a Path, reference: &'a Catalogues) -> Self {
        Numbering { root, reference, keys: Vec::new(), errors: Vec::new() }
    }

    fn key(file: &str, table: &str, field: &str, index: Option<usize>) -> TextKey {
        TextKey { file: file.to_string(), table: table.to_string(), field: field.to_string(), index }
    }

    fn push(&mut self, key: TextKey) -> Text {
        self.keys.push(key);
        Text((self.keys.len() - 1) as u32)
    }

    fn err(&mut self, key: &TextKey, msg: &str) {
        let name = self.reference.file_name(self.root, &key.file);
        self.errors.push(BankError::new(&name, &key.table, format!("{}: {msg}", key.field)));
    }

    /// A text every entry has.
    pub fn req(&mut self, file: &str, table: &str, field: &str) -> Text {
        let key = Self::key(file, table, field, None);
        if self.reference.lookup(&key).is_none() {
            self.err(&key, "text missing");
        }
        self.push(key)
    }

    /// An optional text: present if the reference language has it.
    pub fn opt(&mut self, file: &str, table: &str, field: &str) -> Option<Text> {
        let key = Self::key(file, table, field, None);
        self.reference.lookup(&key)?;
        Some(self.push(key))
    }

    /// A text whose presence the structure file states (`red_line = true`).
    pub fn flagged(&mut self, file: &str, table: &str, field: &str, on: bool) -> Option<Text> {
        let key = Self::key(file, table, field, None);
        match (on, self.reference.lookup(&key).is_some()) {
            (true, _) => Some(self.req(file, table, field)),
            (false, true) => {
                let msg = format!("there is a text, but questions/{file} does not say `{field} = true` for this entry");
                self.err(&key, &msg);
                None
            }
            (false, false) => None,
        }
    }

    /// A list of texts (`key_findings`); its length is the reference language's.
    pub fn list(&mut self, file: &str, table: &str, field: &str) -> Vec<Text> {
        let key = Self::key(file, table, field, None);
        let n = match self.reference.lookup(&key) {
            None => 0,
            Some(v) => match v.as_array() {
                Some(a) => a.len(),
                None => {
                    self.err(&key, "must be a list of texts: [\"...\", \"...\"]");
                    0
                }
            },
        };
        (0..n).map(|i| self.push(Self::key(file, table, field, Some(i)))).collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Checks

/// The placeholders of a text (`{answered}`), in order of first use, or the reason it is malformed.
pub fn placeholders(s: &str) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find(['{', '}']) {
        if rest[i..].starts_with('}') {
            return Err("has a `}` that closes no placeholder".into());
        }
        let after = &rest[i + 1..];
        let Some(end) = after.find('}') else {
            return Err("has a `{` that is not closed".into());
        };
        let name = &after[..end];
        let ok = name.starts_with(|c: char| c.is_ascii_lowercase())
            && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !ok {
            return Err(format!(
                "`{{{name}}}` is not a placeholder (braces are for placeholders such as {{count}} only)"
            ));
        }
        if !out.iter().any(|n| n == name) {
            out.push(name.to_string());
        }
        rest = &after[end + 1..];
    }
    Ok(out)
}

fn set(v: &[String]) -> BTreeSet<&str> {
    v.iter().map(|s| s.as_str()).collect()
}

fn list_names(v: &BTreeSet<&str>) -> String {
    if v.is_empty() {
        "none".to_string()
    } else {
        v.iter().map(|n| format!("{{{n}}}")).collect::<Vec<_>>().join(", ")
    }
}

const RUST_KEYWORDS: &[&str] = &[
    "as", "async", "await", "box", "break", "const", "continue", "crate", "do", "dyn", "else", "enum", "extern",
    "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut",
    "override", "priv", "pub", "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

fn is_key(k: &str) -> bool {
    k.starts_with(|c: char| c.is_ascii_lowercase())
        && k.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !RUST_KEYWORDS.contains(&k)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageFile {
    language: LanguageHead,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageHead {
    name: String,
    plural: String,
    quotes: [String; 2],
    date_locale: String,
    loading: String,
    unavailable: String,
}

struct Ctx<'a> {
    file: String,
    errors: &'a mut Vec<BankError>,
}

impl Ctx<'_> {
    fn err(&mut self, key: &str, msg: impl Into<String>) {
        self.errors.push(BankError::new(&self.file, key, msg));
    }
}

/// A plural table's forms, checked against the rule; None (with errors) if malformed.
fn plural_forms(cx: &mut Ctx, key: &str, t: &toml::Table, rule: PluralRule, rule_name: &str) -> Option<Vec<String>> {
    let cats = rule.categories();
    let mut ok = true;
    for k in t.keys() {
        if !cats.contains(&k.as_str()) {
            cx.err(
                key,
                format!("plural form `{k}` is not a category of the plural rule `{rule_name}` ({})", cats.join(", ")),
            );
            ok = false;
        }
    }
    let mut forms = Vec::new();
    for c in cats {
        match t.get(*c).map(|v| v.as_str()) {
            Some(Some(s)) => forms.push(s.to_string()),
            Some(None) => {
                cx.err(key, format!("plural form `{c}` must be a text"));
                ok = false;
            }
            None => {
                cx.err(
                    key,
                    format!("plural form `{c}` missing (the plural rule `{rule_name}` needs {})", cats.join(", ")),
                );
                ok = false;
            }
        }
    }
    ok.then_some(forms)
}

/// Reads one value of ui.toml; `shape` is the reference's (None while reading the reference).
fn ui_value(
    cx: &mut Ctx,
    key: &str,
    v: &toml::Value,
    rule: PluralRule,
    rule_name: &str,
    shape: Option<&UiShape>,
) -> Option<(UiValue, UiShape)> {
    let (value, shape_here) = match v {
        toml::Value::String(s) => {
            let ph = placeholders(s).map_err(|e| cx.err(key, e)).ok()?;
            (UiValue::Plain(s.clone()), UiShape::Plain(ph))
        }
        toml::Value::Array(a) => {
            let mut items = Vec::new();
            for (i, x) in a.iter().enumerate() {
                match x.as_str() {
                    Some(s) if placeholders(s).is_ok_and(|p| p.is_empty()) => items.push(s.to_string()),
                    Some(_) => cx.err(key, format!("item {} of a list may not have placeholders or braces", i + 1)),
                    None => cx.err(key, format!("item {} of a list must be a text", i + 1)),
                }
            }
            if items.len() != a.len() {
                return None;
            }
            let n = items.len();
            (UiValue::List(items), UiShape::List(n))
        }
        toml::Value::Table(t) => {
            let forms = plural_forms(cx, key, t, rule, rule_name)?;
            let mut names: Vec<String> = Vec::new();
            for (c, f) in rule.categories().iter().zip(&forms) {
                match placeholders(f) {
                    Ok(p) => names.extend(p.into_iter().filter(|n| !names.contains(n)).collect::<Vec<_>>()),
                    Err(e) => {
                        cx.err(key, format!("plural form `{c}` {e}"));
                        return None;
                    }
                }
            }
            if !forms.last().is_some_and(|f| placeholders(f).is_ok_and(|p| p.iter().any(|n| n == "count"))) {
                cx.err(key, "the plural form `other` must show the number as {count}");
                return None;
            }
            let want: BTreeSet<&str> = set(&names).into_iter().filter(|n| *n != "count").collect();
            for (c, f) in rule.categories().iter().zip(&forms) {
                let here = placeholders(f).unwrap_or_default();
                if set(&here).into_iter().filter(|n| *n != "count").collect::<BTreeSet<_>>() != want {
                    cx.err(key, format!("plural form `{c}` lacks some of the placeholders {}", list_names(&want)));
                    return None;
                }
            }
            (UiValue::Plural(forms), UiShape::Plural(names))
        }
        _ => {
            cx.err(
                key,
                "must be a text, a list of texts, or a table of plural forms { one = \"...\", other = \"...\" }",
            );
            return None;
        }
    };
    let texts: Vec<&String> = match &value {
        UiValue::Plain(s) => vec![s],
        UiValue::Plural(f) | UiValue::List(f) => f.iter().collect(),
    };
    if texts.iter().any(|s| s.trim().is_empty()) {
        cx.err(key, "text is empty");
        return None;
    }
    if let Some(shape) = shape {
        let same = match (shape, &shape_here) {
            (UiShape::Plain(a), UiShape::Plain(b)) => {
                if set(a) != set(b) {
                    cx.err(
                        key,
                        format!("placeholders {} differ from English ({})", list_names(&set(b)), list_names(&set(a))),
                    );
                }
                true
            }
            (UiShape::Plural(a), UiShape::Plural(_)) => {
                let UiValue::Plural(forms) = &value else { unreachable!() };
                let want: BTreeSet<&str> = set(a).into_iter().filter(|n| *n != "count").collect();
                for (c, f) in rule.categories().iter().zip(forms) {
                    let names = placeholders(f).unwrap_or_default();
                    let have: BTreeSet<&str> = set(&names).into_iter().filter(|n| *n != "count").collect();
                    if have != want {
                        cx.err(
                            key,
                            format!(
                                "plural form `{c}`: placeholders {} differ from English ({}; {{count}} may be left out)",
                                list_names(&have),
                                list_names(&want)
                            ),
                        );
                    }
                }
                true
            }
            (UiShape::List(a), UiShape::List(b)) => {
                if a != b {
                    cx.err(key, format!("list has {b} items, English has {a}"));
                }
                true
            }
            _ => false,
        };
        if !same {
            let what = |s: &UiShape| match s {
                UiShape::Plain(_) => "a text",
                UiShape::Plural(_) => "plural forms",
                UiShape::List(_) => "a list",
            };
            cx.err(key, format!("is {} here but {} in English", what(&shape_here), what(shape)));
            return None;
        }
    }
    Some((value, shape_here))
}

/// Reads a language's ui.toml. With `reference` (the reference's shapes) checks it against them.
fn read_ui(
    root: &Path,
    lang: &str,
    rule: PluralRule,
    rule_name: &str,
    reference: Option<&[UiGroup<UiShape>]>,
    errors: &mut Vec<BankError>,
) -> Option<(Vec<UiGroup<UiValue>>, Vec<UiGroup<UiShape>>)> {
    let path = root.join("locales").join(lang).join("ui.toml");
    let table = read_table(root, &path, errors)?;
    let before = errors.len();
    let mut cx = Ctx { file: display(root, &path), errors };
    let mut values = Vec::new();
    let mut shapes = Vec::new();
    match reference {
        None => {
            for (g, v) in &table {
                let Some(t) = v.as_table() else {
                    cx.err(g, "must be a table ([name]) of strings");
                    continue;
                };
                if !is_key(g) {
                    cx.err(g, "a table name is lower-case letters, digits and _ (and no Rust keyword)");
                }
                let mut group_v = UiGroup { name: g.clone(), entries: Vec::new() };
                let mut group_s = UiGroup { name: g.clone(), entries: Vec::new() };
                for (k, v) in t {
                    let key = format!("{g}.{k}");
                    if !is_key(k) {
                        cx.err(&key, "a key is lower-case letters, digits and _ (and no Rust keyword)");
                        continue;
                    }
                    if let Some((val, shape)) = ui_value(&mut cx, &key, v, rule, rule_name, None) {
                        group_v.entries.push((k.clone(), val));
                        group_s.entries.push((k.clone(), shape));
                    }
                }
                values.push(group_v);
                shapes.push(group_s);
            }
        }
        Some(reference) => {
            for g in reference {
                let Some(t) = table.get(&g.name).and_then(|v| v.as_table()) else {
                    cx.err(&g.name, "table missing (English has it)");
                    continue;
                };
                let mut group_v = UiGroup { name: g.name.clone(), entries: Vec::new() };
                for (k, shape) in &g.entries {
                    let key = format!("{}.{k}", g.name);
                    match t.get(k) {
                        None => cx.err(&key, "missing (English has it)"),
                        Some(v) => {
                            if let Some((val, _)) = ui_value(&mut cx, &key, v, rule, rule_name, Some(shape)) {
                                group_v.entries.push((k.clone(), val));
                            }
                        }
                    }
                }
                for k in t.keys() {
                    if !g.entries.iter().any(|(e, _)| e == k) {
                        cx.err(&format!("{}.{k}", g.name), "not in English (a typo, or a string no longer used?)");
                    }
                }
                values.push(group_v);
            }
            for g in table.keys() {
                if !reference.iter().any(|r| &r.name == g) {
                    cx.err(g, "table not in English");
                }
            }
        }
    }
    (errors.len() == before).then_some((values, shapes))
}

fn read_language_head(root: &Path, lang: &str, errors: &mut Vec<BankError>) -> Option<(LanguageHead, PluralRule)> {
    let path = root.join("locales").join(lang).join("language.toml");
    let name = display(root, &path);
    if !path.exists() {
        errors.push(BankError::new(&name, "", "cannot read file: missing (every language folder needs one)"));
        return None;
    }
    let head = parse::<LanguageFile>(root, &path, errors)?.0.language;
    let rules: Vec<&str> = PluralRule::ALL.iter().map(|(n, _)| *n).collect();
    let Some(rule) = PluralRule::parse(&head.plural) else {
        errors.push(BankError::new(
            &name,
            "language.plural",
            format!("unknown plural rule `{}` (known: {})", head.plural, rules.join(", ")),
        ));
        return None;
    };
    for (k, v) in [
        ("name", &head.name),
        ("date_locale", &head.date_locale),
        ("loading", &head.loading),
        ("unavailable", &head.unavailable),
        ("quotes", &head.quotes[0]),
        ("quotes", &head.quotes[1]),
    ] {
        if v.trim().is_empty() {
            errors.push(BankError::new(&name, &format!("language.{k}"), "is empty"));
        }
    }
    Some((head, rule))
}

/// Every leaf key (`question.q_mode.text`) of a catalogue, with its table path.
fn leaves(t: &toml::Table, prefix: &str, out: &mut Vec<(String, String)>) {
    for (k, v) in t {
        match v {
            toml::Value::Table(sub) => {
                let p = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                leaves(sub, &p, out);
            }
            _ => out.push((prefix.to_string(), k.clone())),
        }
    }
}

/// Checks one language's bank catalogues against the numbered keys and returns its texts.
fn bank_texts(
    root: &Path,
    cat: &Catalogues,
    keys: &[TextKey],
    reference: bool,
    errors: &mut Vec<BankError>,
) -> Vec<String> {
    let mut texts = Vec::with_capacity(keys.len());
    for key in keys {
        let file = cat.file_name(root, &key.file);
        let id = &key.table;
        let what = match key.index {
            Some(i) => format!("{}[{}]", key.field, i),
            None => key.field.clone(),
        };
        match cat.lookup(key) {
            Some(toml::Value::String(s)) => {
                if s.trim().is_empty() {
                    errors.push(BankError::new(&file, id, format!("{what}: text is empty")));
                }
                texts.push(s.clone());
            }
            Some(_) => {
                errors.push(BankError::new(&file, id, format!("{what}: must be a text")));
                texts.push(String::new());
            }
            None => {
                if !reference {
                    errors.push(BankError::new(&file, id, format!("{what}: missing (English has it)")));
                }
                texts.push(String::new());
            }
        }
        if key.index.is_some() && !reference {
            let ref_len =
                keys.iter().filter(|k| k.file == key.file && k.table == key.table && k.field == key.field).count();
            let here = cat.lookup(&TextKey { index: None, ..key.clone() }).and_then(|v| v.as_array()).map(|a| a.len());
            if key.index == Some(0) && here.is_some_and(|n| n != ref_len) {
                errors.push(BankError::new(
                    &file,
                    id,
                    format!("{}: has {} texts, English has {ref_len}", key.field, here.unwrap()),
                ));
            }
        }
    }
    // Keys that no structure entry has: stale texts or typos in an id.
    let mut expected: HashMap<&str, Vec<(String, String)>> = HashMap::new();
    for k in keys {
        expected.entry(k.file.as_str()).or_default().push((k.table.clone(), k.field.clone()));
    }
    let mut files: Vec<&String> = cat.files.keys().collect();
    files.sort();
    for rel in files {
        let mut found = Vec::new();
        leaves(&cat.files[rel], "", &mut found);
        let want = expected.get(rel.as_str()).map(|v| v.as_slice()).unwrap_or(&[]);
        for (table, field) in found {
            if !want.iter().any(|(t, f)| *t == table && *f == field) {
                let msg = if reference {
                    format!("{field}: no such text in questions/{rel} (a typo in the id, a removed entry, or a field that is not a text)")
                } else {
                    format!("{field}: not in English (a typo in the id, or a removed entry?)")
                };
                errors.push(BankError::new(&cat.file_name(root, rel), &table, msg));
            }
        }
    }
    texts
}

/// Reads and checks every language, given the bank's text keys (numbered from the reference
/// language's catalogues by `load`).
pub fn read_all(
    root: &Path,
    structure_files: &[String],
    text_keys: Vec<TextKey>,
    errors: &mut Vec<BankError>,
) -> Option<Locales> {
    let codes = language_codes(root);
    if codes.first().map(|c| c.as_str()) != Some(REFERENCE) {
        errors.push(BankError::new(
            &display(root, &root.join("locales").join(REFERENCE)),
            "",
            "the reference language folder is missing (English: language.toml, ui.toml and the bank texts)",
        ));
        return None;
    }
    let before = errors.len();
    let mut languages = Vec::new();
    let mut ui_shapes: Option<Vec<UiGroup<UiShape>>> = None;
    for code in &codes {
        let folder = display(root, &root.join("locales").join(code));
        let valid = code.len() >= 2
            && code.split('-').enumerate().all(|(i, p)| {
                !p.is_empty()
                    && p.chars().all(|c| c.is_ascii_alphanumeric())
                    && (i > 0 || p.chars().all(|c| c.is_ascii_lowercase()))
            });
        if !valid {
            errors.push(BankError::new(
                &folder,
                "",
                "a language folder is named by its BCP 47 code, such as `de` or `pt-BR`",
            ));
            continue;
        }
        let Some((head, rule)) = read_language_head(root, code, errors) else { continue };
        let ui = read_ui(root, code, rule, &head.plural, ui_shapes.as_deref(), errors);
        let cat = Catalogues::read(root, code, structure_files, errors);
        let texts = bank_texts(root, &cat, &text_keys, code == REFERENCE, errors);
        let Some((ui, shapes)) = ui else { continue };
        if code == REFERENCE {
            ui_shapes = Some(shapes);
        }
        let [open, close] = head.quotes;
        languages.push(Language {
            code: code.clone(),
            name: head.name,
            plural: rule,
            quotes: (open, close),
            date_locale: head.date_locale,
            loading: head.loading,
            unavailable: head.unavailable,
            ui,
            texts,
        });
    }
    if errors.len() != before {
        return None;
    }
    Some(Locales { languages, ui: ui_shapes?, text_keys })
}

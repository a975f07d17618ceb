//! Parses and cross-checks the question bank in `questions/` (structure files and every language
//! in `questions/locales/`), then writes into `$OUT_DIR`:
//!
//! - `bank.bin`: the language-neutral structure in the compact binary form of
//!   src/domain/compact.rs (read back by src/bank.rs);
//! - `lang-<code>-<hash>.json`: one file per language, its UI strings and bank texts, named by
//!   its content (src/i18n fetches it in the browser; scripts/manifest.mjs copies the files the
//!   wasm names into the built folder; native builds embed them for the tests);
//! - `i18n.rs`: typed access to the UI strings, generated from the reference language's
//!   `ui.toml` (a key the code uses but the catalogue lacks, or a placeholder passed under the
//!   wrong name, does not compile), and the list of languages.
//!
//! A broken bank or language fails the build here, naming the file and id, never in a browser.

use std::collections::hash_map::DefaultHasher;
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/domain/mod.rs"]
mod domain;

use domain::locales::{Language, Locales, UiShape, UiValue};

/// The language file format; src/i18n checks it.
const FORMAT: u32 = 1;

fn main() {
    // BIODPIA_QUESTIONS points at another bank folder (tests of broken banks and of a third
    // language use it).
    println!("cargo:rerun-if-env-changed=BIODPIA_QUESTIONS");
    let root = match std::env::var_os("BIODPIA_QUESTIONS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("questions"),
    };
    println!("cargo:rerun-if-changed={}", root.display());
    for_each_dir(&root, &mut |d| println!("cargo:rerun-if-changed={}", d.display()));
    println!("cargo:rerun-if-changed=src/domain");
    let (bank, locales) = match domain::load::load_all(&root) {
        Ok(x) => x,
        Err(errors) => {
            eprintln!("\nThe question bank in {} has {} problem(s):", root.display(), errors.len());
            for e in &errors {
                eprintln!("  {e}");
            }
            eprintln!("Fix them and build again (see questions/README.md).\n");
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));

    // The structure: compact form (src/domain/compact.rs), read back by src/bank.rs. Not packed:
    // with the texts in the language files it is 24 kB, and gzip on the wire does as well as a
    // packer would (ARCHITECTURE.md, "Dependencies").
    let compact = domain::compact::encode(&bank);
    let mut plain = bank.clone();
    clear_files(&mut plain);
    let back = domain::compact::decode(&compact);
    assert!(back.as_ref() == Some(&plain), "the compact bank does not read back as written");
    std::fs::write(out.join("bank.bin"), compact).expect("write bank.bin");

    // One file per language, and the code that reads them.
    let schema = schema(&locales);
    let mut files = Vec::new();
    for lang in &locales.languages {
        let json = language_file(lang, &schema);
        let name = format!("lang-{}-{}.json", lang.code, &hex(&json)[..12]);
        std::fs::write(out.join(&name), &json).expect("write language file");
        files.push(name);
    }
    std::fs::write(out.join("i18n.rs"), generate(&locales, &schema, &files)).expect("write i18n.rs");
}

fn for_each_dir(dir: &Path, f: &mut dyn FnMut(&Path)) {
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            if e.path().is_dir() {
                f(&e.path());
                for_each_dir(&e.path(), f);
            }
        }
    }
}

fn clear_files(bank: &mut domain::model::Bank) {
    bank.risks.iter_mut().for_each(|x| x.file.clear());
    bank.provisions.iter_mut().for_each(|x| x.file.clear());
    bank.findings.iter_mut().for_each(|x| x.file.clear());
    bank.safeguards.iter_mut().for_each(|x| x.file.clear());
    bank.sections.iter_mut().for_each(|x| x.file.clear());
}

fn hex(data: &str) -> String {
    let mut h = DefaultHasher::new();
    data.hash(&mut h);
    let a = h.finish();
    0xb10d_u16.hash(&mut h);
    format!("{a:016x}{:016x}", h.finish())
}

/// A digest of everything a language file's layout depends on (the UI keys and shapes, the bank
/// text keys), so that the widget refuses a file of another build.
fn schema(l: &Locales) -> String {
    let mut s = String::new();
    for g in &l.ui {
        for (k, shape) in &g.entries {
            let _ = writeln!(s, "{}.{k} {shape:?}", g.name);
        }
    }
    for k in &l.text_keys {
        let _ = writeln!(s, "{} {k}", k.file);
    }
    hex(&s)[..16].to_string()
}

/// `{"format":1,"lang":"nl","schema":"...","ui":[...],"texts":[...]}`: the UI strings in the
/// order of the generated structs (a plural as its forms in the rule's category order), then
/// the bank texts by number. One string per line, so that a diff of two builds reads well.
fn language_file(lang: &Language, schema: &str) -> String {
    let mut ui: Vec<&str> = Vec::new();
    for g in &lang.ui {
        for (_, v) in &g.entries {
            match v {
                UiValue::Plain(s) => ui.push(s),
                UiValue::Plural(forms) | UiValue::List(forms) => ui.extend(forms.iter().map(|s| s.as_str())),
            }
        }
    }
    let list = |items: &[&str]| items.iter().map(|s| serde_json::to_string(s).unwrap()).collect::<Vec<_>>().join(",\n");
    let texts: Vec<&str> = lang.texts.iter().map(|s| s.as_str()).collect();
    format!(
        "{{\"format\":{FORMAT},\"lang\":{},\"schema\":\"{schema}\",\n\"ui\":[\n{}\n],\n\"texts\":[\n{}\n]}}\n",
        serde_json::to_string(&lang.code).unwrap(),
        list(&ui),
        list(&texts)
    )
}

fn camel(s: &str) -> String {
    s.split('_').map(|p| p[..1].to_uppercase() + &p[1..]).collect()
}

fn rust_str(s: &str) -> String {
    format!("{s:?}")
}

/// Rust doc comment quoting a reference text.
fn doc(out: &mut String, indent: &str, s: &str) {
    let _ = writeln!(out, "{indent}/// English: {}", s.replace('\n', " "));
}

fn generate(l: &Locales, schema: &str, files: &[String]) -> String {
    let reference = &l.languages[0];
    let mut o = String::new();
    o.push_str("// Generated by build.rs from questions/locales/*/{language,ui}.toml. Do not edit.\n\n");
    let mut top_fields = String::new();
    let mut top_read = String::new();
    for (g, gv) in l.ui.iter().zip(&reference.ui) {
        let name = format!("{}Strings", camel(&g.name));
        let _ = writeln!(o, "/// The strings of table `[{}]` in `ui.toml`.", g.name);
        let _ = writeln!(o, "pub struct {name} {{");
        let mut methods = String::new();
        let mut read = String::new();
        for ((k, shape), (_, v)) in g.entries.iter().zip(&gv.entries) {
            match (shape, v) {
                (UiShape::Plain(ph), UiValue::Plain(en)) if ph.is_empty() => {
                    doc(&mut o, "    ", en);
                    let _ = writeln!(o, "    pub {k}: &'static str,");
                    let _ = writeln!(read, "            {k}: r.text()?,");
                }
                (UiShape::Plain(ph), UiValue::Plain(en)) => {
                    let _ = writeln!(o, "    {k}: &'static str,");
                    let _ = writeln!(read, "            {k}: r.text()?,");
                    doc(&mut methods, "    ", en);
                    let params: Vec<String> = ph.iter().map(|p| format!("{p}: impl std::fmt::Display")).collect();
                    let args: Vec<String> = ph.iter().map(|p| format!("({p:?}, &{p})")).collect();
                    let _ = writeln!(
                        methods,
                        "    pub fn {k}(&self, {}) -> String {{\n        fill(self.{k}, &[{}])\n    }}",
                        params.join(", "),
                        args.join(", ")
                    );
                }
                (UiShape::Plural(ph), UiValue::Plural(forms)) => {
                    let _ = writeln!(o, "    {k}: Plural,");
                    let _ = writeln!(read, "            {k}: r.plural()?,");
                    doc(&mut methods, "    ", forms.last().map(|s| s.as_str()).unwrap_or(""));
                    let others: Vec<&String> = ph.iter().filter(|p| *p != "count").collect();
                    let mut params = vec!["count: usize".to_string()];
                    params.extend(others.iter().map(|p| format!("{p}: impl std::fmt::Display")));
                    let mut args = vec!["(\"count\", &count)".to_string()];
                    args.extend(others.iter().map(|p| format!("({p:?}, &{p})")));
                    let _ = writeln!(
                        methods,
                        "    pub fn {k}(&self, {}) -> String {{\n        fill(self.{k}.pick(count), &[{}])\n    }}",
                        params.join(", "),
                        args.join(", ")
                    );
                }
                (UiShape::List(n), UiValue::List(items)) => {
                    doc(&mut o, "    ", &items.join(" | "));
                    let _ = writeln!(o, "    pub {k}: [&'static str; {n}],");
                    let items: Vec<&str> = (0..*n).map(|_| "r.text()?").collect();
                    let _ = writeln!(read, "            {k}: [{}],", items.join(", "));
                }
                _ => unreachable!("the reference language defines the shapes"),
            }
        }
        o.push_str("}\n\n");
        let _ = writeln!(
            o,
            "impl {name} {{\n{methods}\n    fn read(r: &mut Reader) -> Option<Self> {{\n        Some({name} {{\n{read}        }})\n    }}\n}}\n"
        );
        let _ = writeln!(top_fields, "    pub {}: {name},", g.name);
        let _ = writeln!(top_read, "            {}: {name}::read(r)?,", g.name);
    }
    let _ =
        writeln!(o, "/// Every UI string of one language, by table of `ui.toml`.\npub struct Ui {{\n{top_fields}}}\n");
    let _ = writeln!(
        o,
        "impl Ui {{\n    fn read(r: &mut Reader) -> Option<Self> {{\n        Some(Ui {{\n{top_read}        }})\n    }}\n}}\n"
    );
    let _ = writeln!(o, "/// Digest of the language files' layout: a file of another build is refused.");
    let _ = writeln!(o, "pub const SCHEMA: &str = {};\n", rust_str(schema));
    let _ = writeln!(o, "/// The file format version of the language files.\npub const FORMAT: u32 = {FORMAT};\n");
    let _ = writeln!(o, "/// The number of bank texts in every language file.");
    let _ = writeln!(o, "pub const TEXT_COUNT: usize = {};\n", l.text_keys.len());
    let _ = writeln!(o, "/// Every language (questions/locales/*), the reference language first.");
    let _ = writeln!(o, "pub static LANGS: [LangInfo; {}] = [", l.languages.len());
    for (lang, file) in l.languages.iter().zip(files) {
        let _ = writeln!(
            o,
            "    LangInfo {{ code: {}, name: {}, plural: PluralRule::{:?}, quotes: [{}, {}], date_locale: {}, loading: {}, unavailable: {}, file: {} }},",
            rust_str(&lang.code),
            rust_str(&lang.name),
            lang.plural,
            rust_str(&lang.quotes.0),
            rust_str(&lang.quotes.1),
            rust_str(&lang.date_locale),
            rust_str(&lang.loading),
            rust_str(&lang.unavailable),
            rust_str(file)
        );
    }
    o.push_str("];\n\n");
    let _ = writeln!(o, "/// The language files, in the order of [`LANGS`]: embedded in native builds only (tests,");
    let _ = writeln!(o, "/// SSR); the browser fetches them.");
    let _ = writeln!(o, "#[cfg(not(target_arch = \"wasm32\"))]");
    let _ = writeln!(o, "static EMBEDDED: [&str; {}] = [", l.languages.len());
    for file in files {
        let _ = writeln!(o, "    include_str!(concat!(env!(\"OUT_DIR\"), \"/{file}\")),");
    }
    o.push_str("];\n");
    o
}

//! Reads the TOML question bank from `questions/` (native only: build script and tests): the
//! structure files, and every language's texts in `questions/locales/` (`super::locales`).

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::locales::{self, Catalogues, Locales, Numbering, REFERENCE};
use super::model::*;
use super::validate::BankError;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BankFile {
    bank: BankHead,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BankHead {
    version: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RiskFile {
    #[serde(default)]
    risk: Vec<Risk>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProvisionFile {
    #[serde(default)]
    provision: Vec<Provision>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FindingFile {
    #[serde(default)]
    finding: Vec<Finding>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SafeguardFile {
    #[serde(default)]
    safeguard: Vec<Safeguard>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionFile {
    section: SectionHead,
    #[serde(default)]
    question: Vec<Question>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionHead {
    id: String,
}

/// The `.toml` files of a folder, sorted by name; a missing folder is an empty list.
fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "toml")).collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

pub(super) fn display(root: &Path, path: &Path) -> String {
    let base = root.parent().unwrap_or(root);
    path.strip_prefix(base).unwrap_or(path).display().to_string()
}

pub(super) fn parse<T: for<'de> Deserialize<'de>>(
    root: &Path,
    path: &Path,
    errors: &mut Vec<BankError>,
) -> Option<(T, String)> {
    let name = display(root, path);
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            errors.push(BankError::new(&name, "", format!("cannot read file: {e}")));
            return None;
        }
    };
    match toml::from_str::<T>(&text) {
        Ok(v) => Some((v, name)),
        Err(e) => {
            let mut msg = format!("not valid: {}", e.to_string().trim());
            if text.contains("en = \"") {
                msg.push_str(
                    "\n    (texts live in questions/locales/<lang>/ now: run `python3 scripts/split-locales.py` to move inline { en = ..., nl = ... } texts there)",
                );
            }
            errors.push(BankError::new(&name, "", msg));
            None
        }
    }
}

/// The structure files below `root`, as paths relative to it, in build order.
pub fn structure_files(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    if root.join("bank.toml").exists() {
        out.push("bank.toml".to_string());
    }
    for folder in ["risks", "provisions", "findings", "safeguards", "sections"] {
        for p in toml_files(&root.join(folder)) {
            out.push(format!("{folder}/{}", p.file_name().unwrap_or_default().to_string_lossy()));
        }
    }
    out
}

/// Gives every text of the bank its number and records where it lives (see [`Numbering`]).
/// One walk, in the order of the bank's fields: the compact form stores the numbers.
fn number_texts(bank: &mut Bank, n: &mut Numbering, rel: &dyn Fn(&str) -> String) {
    bank.title = n.req("bank.toml", "bank", "title");
    for r in &mut bank.risks {
        let (f, t) = (rel(&r.file), format!("risk.{}", r.id));
        r.title = n.req(&f, &t, "title");
        r.description = n.req(&f, &t, "description");
    }
    for p in &mut bank.provisions {
        let (f, t) = (rel(&p.file), format!("provision.{}", p.id));
        p.label = n.req(&f, &t, "label");
        p.title = n.req(&f, &t, "title");
    }
    for x in &mut bank.findings {
        let (f, t) = (rel(&x.file), format!("finding.{}", x.id));
        x.authority = n.req(&f, &t, "authority");
        x.date_note = n.opt(&f, &t, "date_note");
        x.subject = n.req(&f, &t, "subject");
        x.reference = n.opt(&f, &t, "reference");
        x.amount = n.opt(&f, &t, "amount");
        x.orders = n.opt(&f, &t, "orders");
        x.key_findings = n.list(&f, &t, "key_findings");
        x.appeal = n.opt(&f, &t, "appeal");
    }
    for s in &mut bank.safeguards {
        let (f, t) = (rel(&s.file), format!("safeguard.{}", s.id));
        s.title = n.req(&f, &t, "title");
        s.explanation = n.req(&f, &t, "explanation");
    }
    for sec in &mut bank.sections {
        let f = rel(&sec.file);
        sec.title = n.req(&f, "section", "title");
        sec.intro = n.req(&f, "section", "intro");
        for q in &mut sec.questions {
            let t = format!("question.{}", q.id);
            q.text = n.req(&f, &t, "text");
            q.help = n.opt(&f, &t, "help");
            for o in &mut q.options {
                let t = format!("question.{}.option.{}", q.id, o.id);
                o.label = n.opt(&f, &t, "label");
                o.red_line = n.flagged(&f, &t, "red_line", o.red_line.is_some());
                o.contradiction = n.flagged(&f, &t, "contradiction", o.contradiction.is_some());
                o.find_out = n.opt(&f, &t, "find_out");
            }
            for c in &mut q.columns {
                let t = format!("question.{}.column.{}", q.id, c.id);
                c.header = n.req(&f, &t, "header");
                for o in &mut c.options {
                    o.label = n.req(&f, &format!("{t}.option.{}", o.id), "label");
                }
            }
        }
    }
}

/// Reads every file under `root` (the `questions/` folder) into a [`Bank`], recording each
/// item's file so that validation errors can name it, and every language's texts. Returns
/// every problem at once.
pub fn load_files(root: &Path) -> Result<(Bank, Locales), Vec<BankError>> {
    let (bank, errors) = read_structure(root);
    if !errors.is_empty() {
        return Err(errors);
    }
    let (bank, locales, errors) = with_texts(root, bank);
    match locales {
        Some(l) if errors.is_empty() => Ok((bank, l)),
        _ => Err(errors),
    }
}

/// The structure files, texts not yet numbered.
fn read_structure(root: &Path) -> (Bank, Vec<BankError>) {
    let mut errors = Vec::new();
    let mut bank = Bank::default();

    if let Some((f, _)) = parse::<BankFile>(root, &root.join("bank.toml"), &mut errors) {
        bank.version = f.bank.version;
    }
    for path in toml_files(&root.join("risks")) {
        if let Some((f, name)) = parse::<RiskFile>(root, &path, &mut errors) {
            bank.risks.extend(f.risk.into_iter().map(|mut r| {
                r.file = name.clone();
                r
            }));
        }
    }
    for path in toml_files(&root.join("provisions")) {
        if let Some((f, name)) = parse::<ProvisionFile>(root, &path, &mut errors) {
            bank.provisions.extend(f.provision.into_iter().map(|mut p| {
                p.file = name.clone();
                p
            }));
        }
    }
    for path in toml_files(&root.join("findings")) {
        if let Some((f, name)) = parse::<FindingFile>(root, &path, &mut errors) {
            bank.findings.extend(f.finding.into_iter().map(|mut x| {
                x.file = name.clone();
                x
            }));
        }
    }
    for path in toml_files(&root.join("safeguards")) {
        if let Some((f, name)) = parse::<SafeguardFile>(root, &path, &mut errors) {
            bank.safeguards.extend(f.safeguard.into_iter().map(|mut s| {
                s.file = name.clone();
                s
            }));
        }
    }
    for path in toml_files(&root.join("sections")) {
        if let Some((f, name)) = parse::<SectionFile>(root, &path, &mut errors) {
            bank.sections.push(Section {
                id: f.section.id,
                title: Text::default(),
                intro: Text::default(),
                questions: f.question,
                file: name,
            });
        }
    }
    (bank, errors)
}

/// Numbers the bank's texts and reads every language; the bank comes back even when a language
/// has problems, so that its own checks can run too.
fn with_texts(root: &Path, mut bank: Bank) -> (Bank, Option<Locales>, Vec<BankError>) {
    let mut errors = Vec::new();
    let files = structure_files(root);
    let reference = Catalogues::read(root, REFERENCE, &files, &mut errors);
    let mut numbering = Numbering::new(root, &reference);
    let base = display(root, root);
    let rel = |file: &str| file.strip_prefix(&base).unwrap_or(file).trim_start_matches('/').to_string();
    number_texts(&mut bank, &mut numbering, &rel);
    errors.append(&mut numbering.errors);
    let keys = std::mem::take(&mut numbering.keys);
    let locales = locales::read_all(root, &files, keys, &mut errors);
    (bank, locales, errors)
}

/// Reads the bank (see [`load_files`]), without the cross-checks of `validate`.
pub fn load_dir(root: &Path) -> Result<Bank, Vec<BankError>> {
    load_files(root).map(|(bank, _)| bank)
}

/// Loads and validates the bank and every language; the result is ready to embed. Every
/// problem is reported at once: the structure's and every language's.
pub fn load_all(root: &Path) -> Result<(Bank, Locales), Vec<BankError>> {
    let (bank, structure_errors) = read_structure(root);
    if !structure_errors.is_empty() {
        return Err(structure_errors);
    }
    let (bank, locales, mut errors) = with_texts(root, bank);
    errors.extend(super::validate::validate(&bank));
    match locales {
        Some(l) if errors.is_empty() => Ok((bank, l)),
        _ => Err(errors),
    }
}

/// Loads and validates (the bank and every language); returns the bank.
pub fn load_and_validate(root: &Path) -> Result<Bank, Vec<BankError>> {
    load_all(root).map(|(bank, _)| bank)
}

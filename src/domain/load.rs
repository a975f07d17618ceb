//! Reads the TOML question bank from `questions/` (native only: build script and tests).

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

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
    title: Text,
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
    title: Text,
    intro: Text,
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

fn display(root: &Path, path: &Path) -> String {
    let base = root.parent().unwrap_or(root);
    path.strip_prefix(base).unwrap_or(path).display().to_string()
}

fn parse<T: for<'de> Deserialize<'de>>(root: &Path, path: &Path, errors: &mut Vec<BankError>) -> Option<(T, String)> {
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
            errors.push(BankError::new(&name, "", format!("not valid: {}", e.to_string().trim())));
            None
        }
    }
}

/// Reads every file under `root` (the `questions/` folder) into a [`Bank`], recording each
/// item's file so that validation errors can name it. Returns every parse error at once.
pub fn load_dir(root: &Path) -> Result<Bank, Vec<BankError>> {
    let mut errors = Vec::new();
    let mut bank = Bank::default();

    if let Some((f, _)) = parse::<BankFile>(root, &root.join("bank.toml"), &mut errors) {
        bank.version = f.bank.version;
        bank.title = f.bank.title;
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
                title: f.section.title,
                intro: f.section.intro,
                questions: f.question,
                file: name,
            });
        }
    }
    if errors.is_empty() {
        Ok(bank)
    } else {
        Err(errors)
    }
}

/// Loads and validates; the result is ready to embed.
pub fn load_and_validate(root: &Path) -> Result<Bank, Vec<BankError>> {
    let bank = load_dir(root)?;
    let errors = super::validate::validate(&bank);
    if errors.is_empty() {
        Ok(bank)
    } else {
        Err(errors)
    }
}

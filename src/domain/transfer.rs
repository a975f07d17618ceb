//! Moving assessments between question-bank versions and between browsers: migration, export
//! and import. Pure: the UI reads the file and stores the result.
//!
//! Answers the current bank does not ask (a removed question, an option no longer offered, a
//! question that changed kind) are moved to `Assessment::retired`, never dropped: the UI shows
//! them under "No longer asked" and every export carries them.

use super::answers::{self, AnswerError};
use super::assessment::{self, Assessment, ReadError, Retired, RetiredReason, FORMAT_VERSION};
use super::model::Bank;

/// What [`migrate`] changed, for the message after an import or an update of the bank.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Migration {
    /// The bank version the assessment was made under, when it is not the current one.
    pub from_bank: Option<String>,
    /// Answers moved to `retired` now: question id and why.
    pub retired: Vec<(String, RetiredReason)>,
    /// Retired answers that the current bank asks (and accepts) again, restored as answers.
    pub restored: Vec<String>,
    /// Text answers longer than their question now allows. Kept in full; shortening them is
    /// left to the user.
    pub too_long: Vec<String>,
}

impl Migration {
    /// True when nothing needed changing.
    pub fn is_empty(&self) -> bool {
        self.from_bank.is_none() && self.retired.is_empty() && self.restored.is_empty() && self.too_long.is_empty()
    }
}

/// Brings an assessment to the current bank: answers it does not accept are moved to
/// `retired` (with the bank version they were given under); retired answers it accepts again
/// are restored, unless the question has been answered since. Idempotent, and nothing the
/// assessment held is lost.
pub fn migrate(bank: &Bank, mut a: Assessment) -> (Assessment, Migration) {
    let mut m = Migration {
        from_bank: (a.bank_version != bank.version).then(|| a.bank_version.clone()),
        ..Migration::default()
    };
    let mut kept = Vec::with_capacity(a.retired.len());
    for r in std::mem::take(&mut a.retired) {
        let fits = matches!(answers::check(bank, &r.question, &r.answer), Ok(()) | Err(AnswerError::TooLong { .. }));
        if fits && !a.answers.contains_key(&r.question) {
            m.restored.push(r.question.clone());
            a.answers.insert(r.question, r.answer);
        } else {
            kept.push(r);
        }
    }
    a.retired = kept;
    let given: Vec<String> = a.answers.keys().cloned().collect();
    for q in given {
        let reason = match answers::check(bank, &q, &a.answers[&q]) {
            Ok(()) => continue,
            Err(AnswerError::TooLong { .. }) => {
                m.too_long.push(q);
                continue;
            }
            Err(AnswerError::UnknownQuestion(_)) => RetiredReason::QuestionRemoved,
            Err(AnswerError::UnknownOption { .. }) => RetiredReason::UnknownOption,
            Err(AnswerError::WrongKind { .. }) => RetiredReason::KindChanged,
        };
        if let Some(answer) = a.answers.remove(&q) {
            m.retired.push((q.clone(), reason));
            a.retired.push(Retired { question: q, answer, bank_version: a.bank_version.clone(), reason });
        }
    }
    a.bank_version = bank.version.clone();
    a.format = FORMAT_VERSION;
    (a, m)
}

/// Why an import was refused. Nothing is saved when it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file is not a readable assessment (too large, not JSON, wrong shape, newer format).
    Read(ReadError),
    /// The file says it was made under the current bank, yet answers questions the bank does not
    /// have: it was not made by this widget (or was edited by hand).
    UnknownQuestions { bank_version: String, ids: Vec<String> },
}

impl From<ReadError> for ImportError {
    fn from(e: ReadError) -> Self {
        ImportError::Read(e)
    }
}

/// Reads an exported assessment and brings it to the current bank. Never panics, whatever the
/// bytes. Answers to unknown question ids are refused when the file claims the current bank
/// version, and kept as "no longer asked" when it was made under another one.
pub fn import(bank: &Bank, bytes: &[u8]) -> Result<(Assessment, Migration), ImportError> {
    let a = assessment::read(bytes)?;
    if a.bank_version == bank.version {
        let ids: Vec<String> = a.answers.keys().filter(|q| bank.question(q).is_none()).cloned().collect();
        if !ids.is_empty() {
            return Err(ImportError::UnknownQuestions { bank_version: a.bank_version, ids });
        }
    }
    Ok(migrate(bank, a))
}

/// The export file's content: the whole assessment (answers, free text, action plan, sign-off,
/// retired answers, bank version), indented so that it reads and diffs well.
pub fn export(a: &Assessment) -> String {
    indent(&assessment::write(a))
}

/// Compact JSON indented exactly as `serde_json::to_string_pretty` writes it (two spaces,
/// `": "` after a key, `{}` and `[]` when empty). Cheaper in the wasm than a second, pretty
/// copy of the assessment's serializer.
fn indent(json: &str) -> String {
    fn newline(out: &mut String, depth: usize) {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    }
    let mut out = String::with_capacity(json.len() * 2);
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut chars = json.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                if let Some(&close @ ('}' | ']')) = chars.peek() {
                    chars.next();
                    out.push(close);
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

/// A file name for an export: `biodpia-<title>-<date>.json`, the title reduced to lower-case
/// ASCII letters, digits and hyphens (at most 60), or `assessment` when nothing is left.
pub fn file_name(a: &Assessment, date: &str) -> String {
    let mut slug = String::new();
    for c in a.title.chars() {
        // Capitals by hand (ASCII, Latin-1, the Kelvin and Ångström signs, İ): `to_lowercase`
        // would add Unicode's case tables to the wasm.
        let c = match c {
            'a'..='z' | '0'..='9' => c,
            'A'..='Z' => c.to_ascii_lowercase(),
            'à'..='å' | 'À'..='Å' | '\u{212B}' => 'a',
            'è'..='ë' | 'È'..='Ë' => 'e',
            'ì'..='ï' | 'Ì'..='Ï' | 'İ' => 'i',
            'ò'..='ö' | 'Ò'..='Ö' => 'o',
            'ù'..='ü' | 'Ù'..='Ü' => 'u',
            '\u{212A}' => 'k',
            _ => '-',
        };
        if c == '-' && (slug.is_empty() || slug.ends_with('-')) {
            continue;
        }
        slug.push(c);
        if slug.len() >= 60 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "assessment" } else { slug };
    let date: String = date.chars().filter(|c| c.is_ascii_digit() || *c == '-').take(10).collect();
    if date.is_empty() {
        format!("biodpia-{slug}.json")
    } else {
        format!("biodpia-{slug}-{date}.json")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answers::{Answer, PlanItem, Status};

    /// The export is byte for byte what `serde_json::to_string_pretty` writes, whatever the texts.
    #[test]
    fn export_is_serde_jsons_pretty_form() {
        let mut a = Assessment::new("2026.1", "");
        assert_eq!(export(&a), serde_json::to_string_pretty(&a).unwrap(), "empty maps and lists");
        let tricky = [
            "",
            "plain",
            "quote \" and \\ backslash",
            "{[:,]}",
            "\\\"",
            "\n\t\r\u{1}\u{7f}",
            "é 🙂 \u{2028}",
            "\"{\\\"a\\\": [1, 2]}\"",
        ];
        for (i, t) in tricky.iter().enumerate() {
            a.title = t.to_string();
            a.organisation = format!("{t}{t}");
            a.answers.insert(format!("q{i}{t}"), Answer::Text(t.to_string()));
            a.answers.insert(format!("m{i}"), Answer::Multi(vec![t.to_string(), "x".into()]));
            a.answers.insert(format!("e{i}"), Answer::Multi(vec![]));
            a.plan
                .insert(t.to_string(), PlanItem { status: Status::Planned, owner: t.to_string(), due: String::new() });
            a.retired.push(Retired {
                question: t.to_string(),
                answer: Answer::Choice(t.to_string()),
                bank_version: String::new(),
                reason: RetiredReason::KindChanged,
            });
            a.signoff.dpo_advice = t.repeat(3);
            assert_eq!(export(&a), serde_json::to_string_pretty(&a).unwrap(), "{t:?}");
        }
    }
}

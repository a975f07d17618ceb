//! Moving assessments between question-bank versions and between browsers: migration, export
//! and import. Pure: the UI reads the file and stores the result.
//!
//! Answers the current bank does not ask (a removed question, an option no longer offered, a
//! question that changed kind) are moved to `Assessment::retired`, never dropped: the UI shows
//! them under "No longer asked" and every export carries them.

use super::assessment::{
    self, clamp_chars, Assessment, FieldKind, ReadError, Retired, RetiredReason, SignOffField, FORMAT_VERSION,
    MAX_ADVICE_LEN, MAX_META_LEN,
};
use super::codec::Problem;
use super::library::MAX_STAMP_LEN;
use super::review::MAX_COMMENT_LEN;
use super::version::{self, VersionError};
use crate::domain::answers::{self, Answer, AnswerError};
use crate::domain::model::{Bank, ColumnKind};

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
    /// Fields of an import that were longer than the form allows, shortened to its limit.
    pub shortened: Vec<Shortened>,
}

/// A field of an import shortened to the form's limit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shortened {
    /// A path such as `title`, `signoff.dpo_advice` or `answers.q_purpose`.
    pub field: String,
    /// Its length in the file and now, in characters (rows for a table answer).
    pub len: usize,
    pub max: usize,
    /// What `len` and `max` count.
    pub unit: Unit,
}

/// What a [`Shortened`] length counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Characters,
    /// The rows of a table answer (the rows after the last allowed one were left out).
    Rows,
}

/// Most rows of a table answer to a question the current bank does not ask (validation keeps
/// every table's `max_rows` at or below it).
pub const MAX_ROWS_ANY: usize = crate::domain::model::MAX_ROWS as usize;

impl Migration {
    /// True when nothing needed changing.
    pub fn is_empty(&self) -> bool {
        self.from_bank.is_none()
            && self.retired.is_empty()
            && self.restored.is_empty()
            && self.too_long.is_empty()
            && self.shortened.is_empty()
    }
}

/// Brings an assessment to the current bank: answers it does not accept are moved to
/// `retired` (with the bank version they were given under); retired answers it accepts again
/// are restored, unless the question has been answered since. Idempotent, and nothing the
/// assessment held is lost.
pub fn migrate(bank: &Bank, mut a: Assessment) -> (Assessment, Migration) {
    // The answers the decision record gives, only to the questions this bank asks: a linked
    // question it does not have keeps its value in the record alone (not "no longer asked").
    super::record::derive(bank, &mut a);
    let mut m = Migration {
        from_bank: (a.bank_version != bank.version).then(|| a.bank_version.clone()),
        ..Migration::default()
    };
    let mut kept = Vec::with_capacity(a.retired.len());
    for r in std::mem::take(&mut a.retired) {
        let fits = matches!(
            answers::check(bank, &r.question, &r.answer),
            Ok(()) | Err(AnswerError::TooLong { .. } | AnswerError::TooManyRows { .. })
        );
        // An answer the decision record holds is never restored over it (`record::reconcile`).
        let record = r.reason == RetiredReason::Superseded || super::record::is_linked(&r.question);
        if fits && !record && !a.answers.contains_key(&r.question) {
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
            Err(AnswerError::TooLong { .. } | AnswerError::TooManyRows { .. }) => {
                m.too_long.push(q);
                continue;
            }
            Err(AnswerError::UnknownQuestion(_)) => RetiredReason::QuestionRemoved,
            Err(AnswerError::UnknownOption { .. }) => RetiredReason::UnknownOption,
            // A column the table no longer has: the answer's form changed.
            Err(AnswerError::WrongKind { .. } | AnswerError::UnknownColumn { .. }) => RetiredReason::KindChanged,
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
    /// A signed version in the file does not match its fingerprint, or is damaged: the file was
    /// changed after it was signed.
    Version(VersionError),
}

impl From<VersionError> for ImportError {
    fn from(e: VersionError) -> Self {
        ImportError::Version(e)
    }
}

impl From<ReadError> for ImportError {
    fn from(e: ReadError) -> Self {
        ImportError::Read(e)
    }
}

/// Reads an exported assessment and brings it to the current bank. Never panics, whatever the
/// bytes. Answers to unknown question ids are refused when the file claims the current bank
/// version, and kept as "no longer asked" when it was made under another one. Every text
/// longer than the form allows (title, organisation, sign-off, action plan, text answers) is
/// shortened to that limit and named in `Migration::shortened`, so that an import never holds
/// more than a user could type (nothing saved is changed by an import: it is added).
pub fn import(bank: &Bank, bytes: &[u8]) -> Result<(Assessment, Migration), ImportError> {
    let mut a = assessment::read(bytes)?;
    // The record's answers to questions this bank does not ask are no answers in the file.
    super::record::derive(bank, &mut a);
    if a.bank_version == bank.version {
        let ids: Vec<String> = a.answers.keys().filter(|q| bank.question(q).is_none()).cloned().collect();
        if !ids.is_empty() {
            return Err(ImportError::UnknownQuestions { bank_version: a.bank_version, ids });
        }
    }
    if !a.id.is_empty() && !super::library::valid_id(&a.id) {
        let e = ReadError::Invalid { field: "id".into(), problem: Problem::NotAllowed, line: 0, column: 0 };
        return Err(ImportError::Read(e));
    }
    // Signed versions are checked as they are in the file: nothing of them is shortened.
    version::check_all(&a)?;
    let shortened = fit_to_form(bank, &mut a);
    // The answers the record holds follow its shortened fields.
    super::record::derive(bank, &mut a);
    let (a, mut m) = migrate(bank, a);
    m.shortened = shortened;
    Ok((a, m))
}

/// Shortens every text of `a` that is longer than the form lets a user type, and says which.
fn fit_to_form(bank: &Bank, a: &mut Assessment) -> Vec<Shortened> {
    let mut out = Vec::new();
    // Table rows left out (told after the texts: `fit` holds `out` until then).
    let mut cut = Vec::new();
    let mut fit = |field: &dyn Fn() -> String, text: &mut String, max: usize| {
        // Bytes first: a text of at most `max` bytes has at most `max` characters.
        if text.len() > max {
            let len = text.chars().count();
            if len > max {
                *text = clamp_chars(text, max);
                out.push(Shortened { field: field(), len, max, unit: Unit::Characters });
            }
        }
    };
    fit(&|| "title".into(), &mut a.title, MAX_META_LEN);
    fit(&|| "organisation".into(), &mut a.organisation, MAX_META_LEN);
    fit(&|| "bank_version".into(), &mut a.bank_version, MAX_STAMP_LEN);
    fit(&|| "updated".into(), &mut a.updated, MAX_STAMP_LEN);
    for f in SignOffField::ALL {
        let max = match f.kind() {
            FieldKind::Name => MAX_META_LEN,
            FieldKind::Text => MAX_ADVICE_LEN,
            FieldKind::Date | FieldKind::Choice(_) => MAX_STAMP_LEN,
        };
        fit(&|| format!("signoff.{}", f.name()), a.signoff.slot(f), max);
    }
    for (id, item) in a.plan.iter_mut() {
        fit(&|| format!("plan.{id}.owner"), &mut item.owner, MAX_META_LEN);
        fit(&|| format!("plan.{id}.due"), &mut item.due, MAX_STAMP_LEN);
    }
    // The answers the decision record holds follow its fields (derived again after this).
    for (id, answer) in a.answers.iter_mut().filter(|(id, _)| !super::record::is_linked(id)) {
        // Unknown questions (from another bank version) get the default limit.
        let max = bank.question(id).map_or(crate::domain::model::DEFAULT_MAX_LEN as usize, |q| q.max_len());
        match answer {
            Answer::Text(t) => fit(&|| format!("answers.{id}"), t, max),
            Answer::Choice(c) => fit(&|| format!("answers.{id}"), c, MAX_META_LEN),
            Answer::Multi(v) => {
                for c in v.iter_mut() {
                    fit(&|| format!("answers.{id}"), c, MAX_META_LEN);
                }
            }
            Answer::Table(rows) => {
                let q = bank.question(id);
                let max_rows = q.map_or(MAX_ROWS_ANY, |q| q.max_rows());
                if rows.len() > max_rows {
                    let field = format!("answers.{id}");
                    cut.push(Shortened { field, len: rows.len(), max: max_rows, unit: Unit::Rows });
                    rows.truncate(max_rows);
                }
                for (i, row) in rows.iter_mut().enumerate() {
                    for (column, value) in row.iter_mut() {
                        let max = q.and_then(|q| q.column(column)).map_or(MAX_META_LEN, |c| match c.kind {
                            ColumnKind::Text => c.max_len(),
                            ColumnKind::Choice => MAX_META_LEN,
                        });
                        fit(&|| format!("answers.{id}[{i}].{}", clamp_chars(column, 60)), value, max);
                    }
                }
            }
        }
    }
    for (i, r) in a.retired.iter_mut().enumerate() {
        let max = crate::domain::model::DEFAULT_MAX_LEN as usize;
        match &mut r.answer {
            Answer::Text(t) => fit(&|| format!("retired[{i}].answer"), t, max),
            Answer::Choice(c) => fit(&|| format!("retired[{i}].answer"), c, MAX_META_LEN),
            Answer::Multi(v) => {
                for c in v.iter_mut() {
                    fit(&|| format!("retired[{i}].answer"), c, MAX_META_LEN);
                }
            }
            Answer::Table(rows) => {
                if rows.len() > MAX_ROWS_ANY {
                    let field = format!("retired[{i}].answer");
                    cut.push(Shortened { field, len: rows.len(), max: MAX_ROWS_ANY, unit: Unit::Rows });
                    rows.truncate(MAX_ROWS_ANY);
                }
                for value in rows.iter_mut().flat_map(|r| r.values_mut()) {
                    fit(&|| format!("retired[{i}].answer"), value, MAX_META_LEN);
                }
            }
        }
        fit(&|| format!("retired[{i}].bank_version"), &mut r.bank_version, MAX_STAMP_LEN);
    }
    fit(&|| "updated_by".into(), &mut a.updated_by, MAX_META_LEN);
    for (i, c) in a.review.comments.iter_mut().enumerate() {
        fit(&|| format!("review.comments[{i}].id"), &mut c.id, MAX_STAMP_LEN);
        fit(&|| format!("review.comments[{i}].reply_to"), &mut c.reply_to, MAX_STAMP_LEN);
        fit(&|| format!("review.comments[{i}].author"), &mut c.author, MAX_META_LEN);
        fit(&|| format!("review.comments[{i}].at"), &mut c.at, MAX_STAMP_LEN);
        fit(&|| format!("review.comments[{i}].text"), &mut c.text, MAX_COMMENT_LEN);
    }
    for (i, p) in a.review.proposals.iter_mut().enumerate() {
        fit(&|| format!("review.proposals[{i}].by"), &mut p.by, MAX_META_LEN);
        fit(&|| format!("review.proposals[{i}].at"), &mut p.at, MAX_STAMP_LEN);
    }
    out.append(&mut cut);
    out
}

/// The export file's content: the whole assessment (answers, free text, action plan, sign-off,
/// retired answers, bank version), indented so that it reads and diffs well.
pub fn export(a: &Assessment) -> String {
    serde_json::to_string_pretty(a).unwrap_or_default()
}

/// A file name for an export: `biodpia-<title>-<date>.json`, the title reduced to lower-case
/// ASCII letters, digits and hyphens (at most 60), or `assessment` when nothing is left.
pub fn file_name(a: &Assessment, date: &str) -> String {
    named(a, date, "json")
}

/// The file name of the summary as a Word document: `biodpia-<title>-<date>.docx`, the title
/// reduced as for [`file_name`].
pub fn docx_file_name(a: &Assessment, date: &str) -> String {
    named(a, date, "docx")
}

fn named(a: &Assessment, date: &str, extension: &str) -> String {
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
        format!("biodpia-{slug}.{extension}")
    } else {
        format!("biodpia-{slug}-{date}.{extension}")
    }
}

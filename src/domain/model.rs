//! The question bank as data: sections, questions, options, risks, safeguards, findings.
//!
//! These types are shared by `build.rs` (which reads them from TOML and validates them) and by
//! the widget (which reads the validated, embedded compact form). They carry no behaviour beyond
//! lookups, and no language: texts are [`Text`] indices into the language files.

use serde::{Deserialize, Serialize};

/// A text of the bank, in whatever language: an index into a language's list of bank texts.
///
/// The structure files in `questions/` hold no text; every language has its texts in
/// `questions/locales/<lang>/`, and `load` numbers them in one order for all languages (the
/// widget looks them up with `crate::i18n::Get`). Whether an optional text exists (`help`,
/// `red_line`, ...) is structure, the same in every language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Text(pub u32);

/// `red_line = true` in a structure file: the answer is a red line, its text is in the locales.
fn flag<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Text>, D::Error> {
    Ok(bool::deserialize(d)?.then_some(Text::default()))
}

/// The whole bank, as embedded in the widget.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Bank {
    pub version: String,
    #[serde(skip)]
    pub title: Text,
    pub risks: Vec<Risk>,
    pub provisions: Vec<Provision>,
    pub findings: Vec<Finding>,
    pub safeguards: Vec<Safeguard>,
    pub sections: Vec<Section>,
}

/// A risk to the rights and freedoms of data subjects.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub id: String,
    #[serde(skip)]
    pub title: Text,
    #[serde(skip)]
    pub description: Text,
    /// Residual likelihood never drops below this (1..=4), unless inherent is lower.
    pub floor_likelihood: u8,
    /// Residual severity never drops below this (1..=4), unless inherent is lower.
    pub floor_severity: u8,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub file: String,
}

/// An article, guideline or statute the bank cites.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provision {
    pub id: String,
    /// Short citation in each language's style ("GDPR Art. 9(1)", "art. 9 lid 1 AVG").
    #[serde(skip)]
    pub label: Text,
    #[serde(skip)]
    pub title: Text,
    pub source: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub file: String,
}

/// Which date a finding's `date` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// The date of the decision or ruling itself.
    #[default]
    Decision,
    /// Only the date on which it was announced or made public is known.
    Announced,
    /// Only the date of press reports about it is known.
    Reported,
}

/// An enforcement decision, court ruling, settlement or guidance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub id: String,
    #[serde(skip)]
    pub authority: Text,
    pub country: String,
    /// ISO date, YYYY-MM-DD; YYYY-MM or YYYY where only the month or year is known.
    pub date: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub date_kind: DateKind,
    #[serde(skip)]
    pub date_note: Option<Text>,
    #[serde(skip)]
    pub subject: Text,
    /// The reference as published, where there is one.
    #[serde(skip)]
    pub reference: Option<Text>,
    /// decision | court | settlement | guidance
    pub kind: String,
    /// Outside EU and EEA law (Australia, Canada, the US): cited for comparison only.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub comparison_only: bool,
    #[serde(skip)]
    pub amount: Option<Text>,
    #[serde(skip)]
    pub orders: Option<Text>,
    /// Provisions found violated (empty for settlements and guidance).
    #[serde(default)]
    pub provisions: Vec<String>,
    #[serde(skip)]
    pub key_findings: Vec<Text>,
    /// Appeal or objection and its outcome, where known.
    #[serde(skip)]
    pub appeal: Option<Text>,
    pub source: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub file: String,
}

/// How far a safeguard in place lowers one risk, in steps of the four-level scale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lowering {
    pub risk: String,
    #[serde(default)]
    pub likelihood: u8,
    #[serde(default)]
    pub severity: u8,
}

/// When a safeguard is recommended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Trigger {
    /// Whenever it would lower a raised risk, or an answer requires it.
    #[default]
    Effect,
    /// Only when an answer is a red line (e.g. "do not proceed").
    RedLine,
    /// Only when a high residual risk remains (e.g. Art. 36 prior consultation).
    HighResidual,
}

/// A measure that lowers risks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Safeguard {
    pub id: String,
    #[serde(skip)]
    pub title: Text,
    #[serde(skip)]
    pub explanation: Text,
    #[serde(default)]
    pub lowers: Vec<Lowering>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub trigger: Trigger,
    #[serde(default)]
    pub findings: Vec<String>,
    #[serde(default)]
    pub provisions: Vec<String>,
    /// The measure cannot apply when every clause holds (human review of a match that only
    /// opens a door; consent measures where the ground is not consent): it is then never
    /// recommended, whatever requires it. Clauses as in `show_if`, on any question.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_applicable_when: Vec<Clause>,
    /// Other measures that achieve the same (EDPB Opinion 11/2024: the template held by the
    /// person, or centrally stored encrypted with a key only the person holds): one of them in
    /// place, or planned while this one is not, is enough. Read in both directions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub file: String,
}

fn is_default<T: Default + PartialEq>(t: &T) -> bool {
    *t == T::default()
}

/// One wizard step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    #[serde(skip)]
    pub title: Text,
    #[serde(skip)]
    pub intro: Text,
    pub questions: Vec<Question>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub file: String,
}

/// The kind of control a question needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Single,
    Multi,
    YesNo,
    Text,
    /// A small table the user adds rows to (`columns`, `max_rows`).
    Table,
}

/// The kind of a table column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColumnKind {
    /// Free text of at most `max_len` characters.
    Text,
    /// One of the column's options (or nothing yet).
    Choice,
}

/// One column of a table question. Texts: `[question.<q>.column.<id>]` with `header`, and
/// `[question.<q>.column.<id>.option.<o>]` with `label`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub id: String,
    pub kind: ColumnKind,
    #[serde(skip)]
    pub header: Text,
    /// Maximum characters of a text cell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_len: Option<u32>,
    #[serde(default, rename = "option", skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ColumnOption>,
}

/// An option of a choice column: only an id and its label (a cell raises nothing).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnOption {
    pub id: String,
    #[serde(skip)]
    pub label: Text,
}

/// Longest text cell of a table by default, in characters.
pub const DEFAULT_CELL_LEN: u32 = 200;
/// Most rows of a table by default.
pub const DEFAULT_MAX_ROWS: u32 = 20;
/// The most `max_rows` may be.
pub const MAX_ROWS: u32 = 100;

impl Column {
    pub fn max_len(&self) -> usize {
        self.max_len.unwrap_or(DEFAULT_CELL_LEN) as usize
    }
    pub fn option(&self, id: &str) -> Option<&ColumnOption> {
        self.options.iter().find(|o| o.id == id)
    }
}

/// A clause of a `show_if` condition on an earlier question's answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    pub question: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub any_of: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub none_of: Vec<String>,
}

/// A risk an answer raises to at least these levels (1..=4), in a context: the raise counts
/// only when every `when` clause holds and no `unless` clause does. Clauses refer to earlier
/// questions, as in `show_if`. Several raises of one risk on one option scale it with the
/// context (the highest that applies wins).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Raise {
    pub risk: String,
    pub likelihood: u8,
    pub severity: u8,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<Clause>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unless: Vec<Clause>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    #[serde(skip)]
    pub text: Text,
    #[serde(skip)]
    pub help: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub show_if: Vec<Clause>,
    /// Also shown only when at least one of these clauses holds (none: no such condition).
    /// "Emotion recognition or biometric categorisation": one clause per earlier question.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub show_if_any: Vec<Clause>,
    /// Maximum characters of a text answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_len: Option<u32>,
    /// `fact = true`: the answer describes the case as it is (who is processed, how many, in
    /// what setting, for what purpose), not a design choice, so "what would change the
    /// decision" never proposes another answer to it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fact: bool,
    #[serde(default, rename = "option", alias = "options", skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<AnswerOption>,
    /// The columns of a table question, in the order shown.
    #[serde(default, rename = "column", skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<Column>,
    /// Most rows of a table question (default [`DEFAULT_MAX_ROWS`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_rows: Option<u32>,
}

pub const DEFAULT_MAX_LEN: u32 = 5000;

impl Question {
    pub fn max_len(&self) -> usize {
        self.max_len.unwrap_or(DEFAULT_MAX_LEN) as usize
    }
    pub fn max_rows(&self) -> usize {
        self.max_rows.unwrap_or(DEFAULT_MAX_ROWS) as usize
    }
    pub fn column(&self, id: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.id == id)
    }
    pub fn option(&self, id: &str) -> Option<&AnswerOption> {
        self.options.iter().find(|o| o.id == id)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    pub id: String,
    #[serde(skip)]
    pub label: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub raises: Vec<Raise>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provisions: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub implements: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<String>,
    /// `red_line = true`: this answer alone means "do not proceed as designed".
    #[serde(default, deserialize_with = "flag", skip_serializing)]
    pub red_line: Option<Text>,
    #[serde(skip)]
    pub find_out: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wp248: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub dpia_required: bool,
    /// In a multi question: this option ("none of these") excludes every other.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exclusive: bool,
    /// Answers to earlier questions that cannot be true together with this one (each clause
    /// as in `show_if`): shown as points to resolve, with both answers named, never scored.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contradicts: Vec<Clause>,
    /// `contradiction = true`: what does not fit and how to resolve it is in the locales;
    /// required with `contradicts`.
    #[serde(default, deserialize_with = "flag", skip_serializing)]
    pub contradiction: Option<Text>,
    /// A departure from advice (the DPO's advice not or partly followed) whose reasons are
    /// recorded in this text question, which is shown when the option is chosen: while it is
    /// unanswered the option's raises count; once the reasons are given they do not, and the
    /// answer is a documented deviation (`engine::Report::deviations`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasons: Option<String>,
}

/// The nine WP248 rev.01 criteria for "likely high risk".
pub const WP248_CRITERIA: [&str; 9] = [
    "evaluation",
    "automated_decision",
    "systematic_monitoring",
    "sensitive",
    "large_scale",
    "matching",
    "vulnerable",
    "innovative",
    "prevents_rights",
];

impl Bank {
    pub fn risk(&self, id: &str) -> Option<&Risk> {
        self.risks.iter().find(|r| r.id == id)
    }
    pub fn provision(&self, id: &str) -> Option<&Provision> {
        self.provisions.iter().find(|p| p.id == id)
    }
    pub fn finding(&self, id: &str) -> Option<&Finding> {
        self.findings.iter().find(|f| f.id == id)
    }
    pub fn safeguard(&self, id: &str) -> Option<&Safeguard> {
        self.safeguards.iter().find(|s| s.id == id)
    }
    /// The measures that achieve what `id` achieves ("one of them is enough"): those it names
    /// and those that name it, in bank order.
    pub fn alternatives(&self, id: &str) -> Vec<&str> {
        let named = self.safeguard(id).map(|s| s.alternatives.as_slice()).unwrap_or_default();
        self.safeguards
            .iter()
            .filter(|s| s.id != id && (named.contains(&s.id) || s.alternatives.iter().any(|a| a == id)))
            .map(|s| s.id.as_str())
            .collect()
    }
    /// All questions in wizard order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|q| q.id == id)
    }
    /// Index of a risk in `risks`, used by the engine's dense arrays.
    pub fn risk_index(&self, id: &str) -> Option<usize> {
        self.risks.iter().position(|r| r.id == id)
    }
}

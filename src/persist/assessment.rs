//! One assessment as saved and exported: answers, action plan, sign-off, bank version.

use serde::{Deserialize, Serialize};

pub use super::codec::ReadError;
use super::codec::{self, Format, Problem};
use super::review::Review;
use super::version::Version;
use crate::domain::answers::{Answer, Answers, Plan};

/// Version of the saved/exported format. Bump when the shape changes; older formats are
/// migrated on load, newer ones are refused with a message (so that an older widget never
/// silently drops a field it does not know).
///
/// 1: the first format. 2: adds `retired` (answers the current bank no longer asks) and
/// `signoff.dpo_advice_reasons`; a format 1 file reads as format 2 with both empty.
/// 3: adds the review (`id`, `updated_by`, `revision`, `versions`, `review`: see
/// `persist::review` and `persist::version`); an older file reads as format 3 with no id (it
/// takes the id it is stored under), revision 1, no signed version and no comments.
/// 4: answers may be tables (`{"table": [{"column": "value"}, ...]}`, see
/// `domain::answers::Answer`); a format 3 file has none and reads as format 4 unchanged. A
/// widget that knows only format 3 refuses a format 4 file rather than misread a table.
pub const FORMAT_VERSION: u32 = 4;

/// The sign-off block of the summary (as in the ICO template). Every field is optional when
/// read.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SignOff {
    pub measures_approved_by: String,
    pub residual_risk_accepted_by: String,
    pub dpo_advice: String,
    /// "yes", "no", "partly" or empty.
    pub dpo_advice_followed: String,
    /// Why the DPO's advice was not (fully) followed (the ICO template asks for reasons).
    pub dpo_advice_reasons: String,
    pub review_date: String,
}

/// Longest title, organisation or name the summary accepts, in characters.
pub const MAX_META_LEN: usize = 200;
/// Longest DPO advice or reasons text, in characters.
pub const MAX_ADVICE_LEN: usize = 5000;

/// The first `max` characters of `s`.
pub fn clamp_chars(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

/// A field of the sign-off block, as the summary edits it: one at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignOffField {
    MeasuresApprovedBy,
    ResidualRiskAcceptedBy,
    DpoAdvice,
    DpoAdviceFollowed,
    DpoAdviceReasons,
    ReviewDate,
}

impl SignOffField {
    /// The longest value the field takes, in characters (the form's `maxlength` too).
    pub fn max_len(self) -> usize {
        match self {
            SignOffField::DpoAdvice | SignOffField::DpoAdviceReasons => MAX_ADVICE_LEN,
            SignOffField::ReviewDate => 10,
            SignOffField::DpoAdviceFollowed => 6,
            SignOffField::MeasuresApprovedBy | SignOffField::ResidualRiskAcceptedBy => MAX_META_LEN,
        }
    }
}

impl SignOff {
    pub fn get(&self, field: SignOffField) -> &str {
        match field {
            SignOffField::MeasuresApprovedBy => &self.measures_approved_by,
            SignOffField::ResidualRiskAcceptedBy => &self.residual_risk_accepted_by,
            SignOffField::DpoAdvice => &self.dpo_advice,
            SignOffField::DpoAdviceFollowed => &self.dpo_advice_followed,
            SignOffField::DpoAdviceReasons => &self.dpo_advice_reasons,
            SignOffField::ReviewDate => &self.review_date,
        }
    }

    /// Sets one field from the form: capped at its `max_len`, `dpo_advice_followed` one of
    /// "yes", "no", "partly" or empty, `review_date` an ISO date (YYYY-MM-DD) or empty. The other
    /// fields keep their stored value in full (an imported long text is never cut because
    /// another field was edited).
    pub fn set(&mut self, field: SignOffField, value: &str) {
        let value = match field {
            SignOffField::DpoAdviceFollowed if !matches!(value, "yes" | "no" | "partly") => String::new(),
            SignOffField::ReviewDate => {
                let iso = value.len() == 10
                    && value
                        .bytes()
                        .enumerate()
                        .all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
                if iso {
                    value.to_string()
                } else {
                    String::new()
                }
            }
            _ => clamp_chars(value, field.max_len()),
        };
        *match field {
            SignOffField::MeasuresApprovedBy => &mut self.measures_approved_by,
            SignOffField::ResidualRiskAcceptedBy => &mut self.residual_risk_accepted_by,
            SignOffField::DpoAdvice => &mut self.dpo_advice,
            SignOffField::DpoAdviceFollowed => &mut self.dpo_advice_followed,
            SignOffField::DpoAdviceReasons => &mut self.dpo_advice_reasons,
            SignOffField::ReviewDate => &mut self.review_date,
        } = value;
    }
}

/// Saved and exported as a JSON object with these fields, in this order; `format` is required
/// when read, every other field optional (unknown fields are ignored, a field given twice is
/// refused).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Assessment {
    pub format: u32,
    pub title: String,
    pub organisation: String,
    /// Version of the question bank the answers were given under.
    pub bank_version: String,
    #[serde(deserialize_with = "codec::unique_map")]
    pub answers: Answers,
    #[serde(deserialize_with = "codec::unique_map")]
    pub plan: Plan,
    pub signoff: SignOff,
    /// Last change, ISO 8601, set by the UI (the core has no clock).
    pub updated: String,
    /// Answers to questions the current bank no longer asks (or no longer accepts in this
    /// form), kept as they were given; see `transfer::migrate`.
    pub retired: Vec<Retired>,
    /// Identity of the assessment across browsers and files: importing a file with the same id
    /// merges it into this assessment (`persist::merge`). Made once, never changed; empty in
    /// files of formats 1 and 2 (the assessment then takes the id it is stored under).
    pub id: String,
    /// Who saved it last: the name typed once per browser (empty when none was given).
    pub updated_by: String,
    /// The revision being worked on, from 1. When the last signed version has this number,
    /// the assessment is frozen (read-only) until a new revision is started.
    pub revision: u32,
    /// The signed versions, oldest first, each frozen with its fingerprint.
    pub versions: Vec<Version>,
    /// Comments, evaluations and proposed changes of the review.
    pub review: Review,
}

impl Default for Assessment {
    fn default() -> Self {
        Assessment::new("", "")
    }
}

/// An answer kept aside because the current question bank no longer asks for it: the question
/// was removed, one of its chosen options was, or it changed kind. Never dropped; the UI lists
/// these under "No longer asked", and they travel with every export. `question`, `answer` and
/// `reason` are required when read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Retired {
    pub question: String,
    pub answer: Answer,
    /// The bank version the answer was given under.
    #[serde(default)]
    pub bank_version: String,
    pub reason: RetiredReason,
}

/// Why an answer was retired. Saved as `"question_removed"`, `"unknown_option"` or
/// `"kind_changed"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RetiredReason {
    /// The question is not in the current bank.
    QuestionRemoved,
    /// The question remains, but an option chosen is not (or no longer) offered.
    UnknownOption,
    /// The question remains, but asks for another kind of answer (choice, multiple, text).
    KindChanged,
}

impl Assessment {
    pub fn new(bank_version: &str, organisation: &str) -> Self {
        Assessment {
            format: FORMAT_VERSION,
            title: String::new(),
            organisation: organisation.to_string(),
            bank_version: bank_version.to_string(),
            answers: Answers::new(),
            plan: Plan::new(),
            signoff: SignOff::default(),
            updated: String::new(),
            retired: Vec::new(),
            id: String::new(),
            updated_by: String::new(),
            revision: 1,
            versions: Vec::new(),
            review: Review::default(),
        }
    }

    /// True when the revision being worked on has been signed: nothing in it may change until
    /// [`Assessment::start_revision`] (comments may still be added).
    pub fn frozen(&self) -> bool {
        self.versions.last().is_some_and(|v| v.number == self.revision)
    }

    /// Starts a new revision after the last signed version (no-op when not frozen). The
    /// signed versions stay as they are.
    pub fn start_revision(&mut self) {
        if self.frozen() {
            self.revision += 1;
        }
    }

    /// Gives an assessment without id (one made before format 3, or new) the id it is stored
    /// under, so that every copy exported from here carries the same id.
    pub fn adopt_id(&mut self, stored_as: &str) {
        if self.id.is_empty() {
            self.id = stored_as.to_string();
        }
    }

    /// A new assessment with the same content (title, answers, plan, sign-off): its own id
    /// (taken when it is stored), revision 1, no signed versions and no review.
    pub fn duplicate(&self) -> Assessment {
        Assessment { id: String::new(), revision: 1, versions: Vec::new(), review: Review::default(), ..self.clone() }
    }

    /// This assessment started over: no answers, plan, sign-off or title, the same id and
    /// organisation, its signed versions and its review kept (a reset never loses a signed
    /// version or a comment), in the revision after the last signed one.
    pub fn reset(&self, bank_version: &str) -> Assessment {
        Assessment {
            id: self.id.clone(),
            revision: self.versions.last().map_or(1, |v| v.number + 1),
            versions: self.versions.clone(),
            review: self.review.clone(),
            ..Assessment::new(bank_version, &self.organisation)
        }
    }

    /// The last signed version, if any.
    pub fn last_signed(&self) -> Option<&Version> {
        self.versions.last()
    }
}

/// Largest assessment we read (free texts are capped far below this).
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// Parses a saved or exported assessment (any format up to [`FORMAT_VERSION`]). Never panics,
/// whatever the bytes. It does not look at the question bank: see `transfer::migrate`.
///
/// The document is checked first (`NotJson` with the line and column of the problem), then
/// its `format` (`NotAnAssessment` without one, `NewerFormat`), then the whole assessment
/// (`Invalid` names the field). Unknown fields are ignored; a field or key given twice is
/// refused.
pub fn read(bytes: &[u8]) -> Result<Assessment, ReadError> {
    let mut a: Assessment = codec::read(bytes, MAX_BYTES, |format| match format {
        Format::Absent => Err(ReadError::NotAnAssessment),
        Format::Number(n) if n > FORMAT_VERSION as u64 => {
            Err(ReadError::NewerFormat { found: n, supported: FORMAT_VERSION })
        }
        Format::Number(n) if n >= 1 => Ok(()),
        Format::Number(_) => {
            Err(ReadError::Invalid { field: "format".into(), problem: Problem::NotAllowed, line: 0, column: 0 })
        }
        Format::Other => {
            Err(ReadError::Invalid { field: "format".into(), problem: Problem::WrongType, line: 0, column: 0 })
        }
    })?;
    // Older formats are read as this one: every field added since has a default.
    a.format = FORMAT_VERSION;
    Ok(a)
}

/// Serialises for storage: compact JSON (fields in declaration order, maps by key).
pub fn write(a: &Assessment) -> String {
    serde_json::to_string(a).unwrap_or_default()
}

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
/// 4: the sign-off becomes the decision record (`SignOff`: the controller's decision, its date,
/// who decided, the DPO's name and the date of the advice, who accepted or overruled it, the
/// views of data subjects, who reviewed the consultation responses and keeps the DPIA under
/// review); `dpo_advice_followed` takes the answer ids of `q_gov_dpo_followed`, and the answers
/// to that question and to `q_gov_dpo_summary` are the record's (`record::reconcile`: an older
/// answer fills an empty field, one that contradicts the record is kept under "no longer
/// asked").
/// 5: answers may be tables (`{"table": [{"column": "value"}, ...]}`, see
/// `domain::answers::Answer`); a format 4 file has none and reads as format 5 unchanged (after
/// the decision record's own reading of format 3 files). A widget that knows only format 4
/// refuses a format 5 file rather than misread a table.
pub const FORMAT_VERSION: u32 = 5;

/// The decision record that closes the report (the ICO template's sign-off table and the EDPB
/// template's conclusion): the controller's decision, the DPO's advice and what was done with
/// it, the views of data subjects (Art. 35(9) GDPR), who reviews it and when. Every field is
/// optional when read, and the record is the one place each of these is kept: the questions
/// that asked the same (`q_gov_dpo_followed`, `q_gov_dpo_summary`) take their answer from here
/// (`persist::record`).
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SignOff {
    pub measures_approved_by: String,
    pub residual_risk_accepted_by: String,
    pub dpo_advice: String,
    /// The answer ids of `q_gov_dpo_followed` (`record::FOLLOWED`) or empty; files before
    /// format 4 said "yes", "partly" or "no" (read as "followed", "partly_reasons",
    /// "not_followed").
    pub dpo_advice_followed: String,
    /// Why the DPO's advice was not (fully) followed (the ICO template asks for reasons).
    pub dpo_advice_reasons: String,
    pub review_date: String,
    /// The controller's decision: an `engine::Outcome` key of the four outcomes
    /// (`record::DECISIONS`), or empty while the controller has not decided (the report then
    /// shows the engine's outcome as proposed).
    pub decision: String,
    /// The conditions of a conditional approval, and notes on the decision.
    pub decision_conditions: String,
    /// ISO date (YYYY-MM-DD) or empty.
    pub decision_date: String,
    pub decided_by: String,
    pub decided_by_role: String,
    pub dpo_name: String,
    /// ISO date (YYYY-MM-DD) or empty.
    pub dpo_advice_date: String,
    /// Who accepted or overruled the DPO's advice.
    pub dpo_advice_decided_by: String,
    /// What data subjects or their representatives said and how it was weighed, or why their
    /// views were not sought (whether they were sought is the answer to `q_gov_views`).
    pub views_summary: String,
    pub consultation_reviewed_by: String,
    pub kept_under_review_by: String,
}

/// Longest title, organisation or name the summary accepts, in characters.
pub const MAX_META_LEN: usize = 200;
/// Longest DPO advice or reasons text, in characters.
pub const MAX_ADVICE_LEN: usize = 5000;

/// The first `max` characters of `s`.
pub fn clamp_chars(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

/// A field of the decision record, as the summary edits it: one at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignOffField {
    MeasuresApprovedBy,
    ResidualRiskAcceptedBy,
    DpoAdvice,
    DpoAdviceFollowed,
    DpoAdviceReasons,
    ReviewDate,
    Decision,
    DecisionConditions,
    DecisionDate,
    DecidedBy,
    DecidedByRole,
    DpoName,
    DpoAdviceDate,
    DpoAdviceDecidedBy,
    ViewsSummary,
    ConsultationReviewedBy,
    KeptUnderReviewBy,
}

/// How a field's value is checked when it is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// A name or role: one line, at most [`MAX_META_LEN`] characters.
    Name,
    /// A text of several lines, at most [`MAX_ADVICE_LEN`] characters.
    Text,
    /// An ISO date or empty.
    Date,
    /// One of a fixed list of values or empty.
    Choice(&'static [&'static str]),
}

impl SignOffField {
    pub const ALL: [SignOffField; 17] = [
        SignOffField::Decision,
        SignOffField::DecisionConditions,
        SignOffField::DecidedBy,
        SignOffField::DecidedByRole,
        SignOffField::DecisionDate,
        SignOffField::MeasuresApprovedBy,
        SignOffField::ResidualRiskAcceptedBy,
        SignOffField::DpoName,
        SignOffField::DpoAdvice,
        SignOffField::DpoAdviceDate,
        SignOffField::DpoAdviceFollowed,
        SignOffField::DpoAdviceReasons,
        SignOffField::DpoAdviceDecidedBy,
        SignOffField::ViewsSummary,
        SignOffField::ConsultationReviewedBy,
        SignOffField::KeptUnderReviewBy,
        SignOffField::ReviewDate,
    ];

    pub fn kind(self) -> FieldKind {
        use SignOffField as F;
        match self {
            F::DpoAdvice | F::DpoAdviceReasons | F::DecisionConditions | F::ViewsSummary => FieldKind::Text,
            F::ReviewDate | F::DecisionDate | F::DpoAdviceDate => FieldKind::Date,
            F::DpoAdviceFollowed => FieldKind::Choice(&super::record::FOLLOWED),
            F::Decision => FieldKind::Choice(&super::record::DECISIONS),
            F::MeasuresApprovedBy
            | F::ResidualRiskAcceptedBy
            | F::DecidedBy
            | F::DecidedByRole
            | F::DpoName
            | F::DpoAdviceDecidedBy
            | F::ConsultationReviewedBy
            | F::KeptUnderReviewBy => FieldKind::Name,
        }
    }

    /// The field's name in the saved JSON (`signoff.<name>`).
    pub fn name(self) -> &'static str {
        use SignOffField as F;
        match self {
            F::MeasuresApprovedBy => "measures_approved_by",
            F::ResidualRiskAcceptedBy => "residual_risk_accepted_by",
            F::DpoAdvice => "dpo_advice",
            F::DpoAdviceFollowed => "dpo_advice_followed",
            F::DpoAdviceReasons => "dpo_advice_reasons",
            F::ReviewDate => "review_date",
            F::Decision => "decision",
            F::DecisionConditions => "decision_conditions",
            F::DecisionDate => "decision_date",
            F::DecidedBy => "decided_by",
            F::DecidedByRole => "decided_by_role",
            F::DpoName => "dpo_name",
            F::DpoAdviceDate => "dpo_advice_date",
            F::DpoAdviceDecidedBy => "dpo_advice_decided_by",
            F::ViewsSummary => "views_summary",
            F::ConsultationReviewedBy => "consultation_reviewed_by",
            F::KeptUnderReviewBy => "kept_under_review_by",
        }
    }

    /// The longest value the field takes, in characters (the form's `maxlength` too).
    pub fn max_len(self) -> usize {
        match self.kind() {
            FieldKind::Text => MAX_ADVICE_LEN,
            FieldKind::Date => 10,
            FieldKind::Choice(values) => values.iter().map(|v| v.len()).max().unwrap_or(0),
            FieldKind::Name => MAX_META_LEN,
        }
    }
}

/// True for a calendar-shaped ISO date, YYYY-MM-DD.
pub fn is_iso_date(value: &str) -> bool {
    value.len() == 10
        && value.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
}

impl SignOff {
    pub fn get(&self, field: SignOffField) -> &str {
        let s = self;
        use SignOffField as F;
        match field {
            F::MeasuresApprovedBy => &s.measures_approved_by,
            F::ResidualRiskAcceptedBy => &s.residual_risk_accepted_by,
            F::DpoAdvice => &s.dpo_advice,
            F::DpoAdviceFollowed => &s.dpo_advice_followed,
            F::DpoAdviceReasons => &s.dpo_advice_reasons,
            F::ReviewDate => &s.review_date,
            F::Decision => &s.decision,
            F::DecisionConditions => &s.decision_conditions,
            F::DecisionDate => &s.decision_date,
            F::DecidedBy => &s.decided_by,
            F::DecidedByRole => &s.decided_by_role,
            F::DpoName => &s.dpo_name,
            F::DpoAdviceDate => &s.dpo_advice_date,
            F::DpoAdviceDecidedBy => &s.dpo_advice_decided_by,
            F::ViewsSummary => &s.views_summary,
            F::ConsultationReviewedBy => &s.consultation_reviewed_by,
            F::KeptUnderReviewBy => &s.kept_under_review_by,
        }
    }

    /// The field's stored value, to change in place (`transfer` shortens an import's texts).
    pub(super) fn slot(&mut self, field: SignOffField) -> &mut String {
        let s = self;
        use SignOffField as F;
        match field {
            F::MeasuresApprovedBy => &mut s.measures_approved_by,
            F::ResidualRiskAcceptedBy => &mut s.residual_risk_accepted_by,
            F::DpoAdvice => &mut s.dpo_advice,
            F::DpoAdviceFollowed => &mut s.dpo_advice_followed,
            F::DpoAdviceReasons => &mut s.dpo_advice_reasons,
            F::ReviewDate => &mut s.review_date,
            F::Decision => &mut s.decision,
            F::DecisionConditions => &mut s.decision_conditions,
            F::DecisionDate => &mut s.decision_date,
            F::DecidedBy => &mut s.decided_by,
            F::DecidedByRole => &mut s.decided_by_role,
            F::DpoName => &mut s.dpo_name,
            F::DpoAdviceDate => &mut s.dpo_advice_date,
            F::DpoAdviceDecidedBy => &mut s.dpo_advice_decided_by,
            F::ViewsSummary => &mut s.views_summary,
            F::ConsultationReviewedBy => &mut s.consultation_reviewed_by,
            F::KeptUnderReviewBy => &mut s.kept_under_review_by,
        }
    }

    /// Sets one field from the form: capped at its `max_len`, a choice one of its values
    /// (the older "yes", "partly", "no" of `dpo_advice_followed` read as their new values) or
    /// empty, a date an ISO date (YYYY-MM-DD) or empty. The other fields keep their stored
    /// value in full (an imported long text is never cut because another field was edited).
    pub fn set(&mut self, field: SignOffField, value: &str) {
        let value = match field.kind() {
            FieldKind::Choice(values) => {
                let value =
                    if field == SignOffField::DpoAdviceFollowed { super::record::followed_now(value) } else { value };
                if values.contains(&value) {
                    value.to_string()
                } else {
                    String::new()
                }
            }
            FieldKind::Date if is_iso_date(value) => value.to_string(),
            FieldKind::Date => String::new(),
            FieldKind::Name | FieldKind::Text => clamp_chars(value, field.max_len()),
        };
        *self.slot(field) = value;
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

/// Why an answer was retired. Saved as `"question_removed"`, `"unknown_option"`,
/// `"kind_changed"` or `"superseded"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RetiredReason {
    /// The question is not in the current bank.
    QuestionRemoved,
    /// The question remains, but an option chosen is not (or no longer) offered.
    UnknownOption,
    /// The question remains, but asks for another kind of answer (choice, multiple, text).
    KindChanged,
    /// The answer is now the decision record's, which says otherwise (a file from before
    /// format 4 with both; see `record::reconcile`).
    Superseded,
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
    // Older formats are read as this one: every field added since has a default, and the
    // answers the decision record holds are taken from it.
    a.format = FORMAT_VERSION;
    super::record::reconcile(&mut a);
    Ok(a)
}

/// Serialises for storage: compact JSON (fields in declaration order, maps by key).
pub fn write(a: &Assessment) -> String {
    serde_json::to_string(a).unwrap_or_default()
}

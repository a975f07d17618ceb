//! One assessment as saved and exported: answers, action plan, sign-off, bank version.

use serde::{Deserialize, Serialize};

use super::answers::{Answers, Plan};

/// Version of the saved/exported format. Bump when the shape changes; older formats are
/// migrated on load, newer ones are refused with a message.
pub const FORMAT_VERSION: u32 = 1;

/// The sign-off block of the summary (as in the ICO template).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct SignOff {
    pub measures_approved_by: String,
    pub residual_risk_accepted_by: String,
    pub dpo_advice: String,
    /// "yes", "no", "partly" or empty.
    pub dpo_advice_followed: String,
    pub review_date: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub format: u32,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub organisation: String,
    /// Version of the question bank the answers were given under.
    #[serde(default)]
    pub bank_version: String,
    #[serde(default)]
    pub answers: Answers,
    #[serde(default)]
    pub plan: Plan,
    #[serde(default)]
    pub signoff: SignOff,
    /// Last change, ISO 8601, set by the UI (the core has no clock).
    #[serde(default)]
    pub updated: String,
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
        }
    }
}

/// Why a saved or imported assessment could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    TooLarge { bytes: usize, max: usize },
    NotJson(String),
    WrongShape(String),
    NewerFormat(u32),
}

/// Largest assessment we read (free texts are capped far below this).
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// Parses a saved or exported assessment. Never panics, whatever the bytes.
pub fn read(bytes: &[u8]) -> Result<Assessment, ReadError> {
    if bytes.len() > MAX_BYTES {
        return Err(ReadError::TooLarge { bytes: bytes.len(), max: MAX_BYTES });
    }
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| ReadError::NotJson(e.to_string()))?;
    let format = value.get("format").and_then(|f| f.as_u64()).ok_or_else(|| {
        ReadError::WrongShape("no `format` number: this is not a biodpia assessment".into())
    })?;
    if format > FORMAT_VERSION as u64 {
        return Err(ReadError::NewerFormat(format.min(u32::MAX as u64) as u32));
    }
    serde_json::from_value(value).map_err(|e| ReadError::WrongShape(e.to_string()))
}

/// Serialises for storage or export.
pub fn write(a: &Assessment) -> String {
    serde_json::to_string(a).expect("assessment serialises")
}

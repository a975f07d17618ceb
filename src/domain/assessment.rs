//! One assessment as saved and exported: answers, action plan, sign-off, bank version.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::answers::{Answer, Answers, Plan};

/// Version of the saved/exported format. Bump when the shape changes; older formats are
/// migrated on load, newer ones are refused with a message (so that an older widget never
/// silently drops a field it does not know).
///
/// 1: the first format. 2: adds `retired` (answers the current bank no longer asks) and
/// `signoff.dpo_advice_reasons`; a format 1 file reads as format 2 with both empty.
pub const FORMAT_VERSION: u32 = 2;

/// The sign-off block of the summary (as in the ICO template).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
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

impl SignOff {
    /// This sign-off with every field within its limit, `dpo_advice_followed` one of "yes",
    /// "no", "partly" or empty, and `review_date` an ISO date (YYYY-MM-DD) or empty.
    /// Applies an edit from the form: fields the user changed are clamped and checked, fields
    /// left as they were keep their stored value in full (an imported long text is never cut
    /// because another field was edited).
    pub fn edited(&self, edit: &SignOff) -> SignOff {
        let c = edit.clamped();
        let keep = |old: &String, new: &String, clamped: String| if old == new { old.clone() } else { clamped };
        SignOff {
            measures_approved_by: keep(&self.measures_approved_by, &edit.measures_approved_by, c.measures_approved_by),
            residual_risk_accepted_by: keep(&self.residual_risk_accepted_by, &edit.residual_risk_accepted_by, c.residual_risk_accepted_by),
            dpo_advice: keep(&self.dpo_advice, &edit.dpo_advice, c.dpo_advice),
            dpo_advice_followed: keep(&self.dpo_advice_followed, &edit.dpo_advice_followed, c.dpo_advice_followed),
            dpo_advice_reasons: keep(&self.dpo_advice_reasons, &edit.dpo_advice_reasons, c.dpo_advice_reasons),
            review_date: keep(&self.review_date, &edit.review_date, c.review_date),
        }
    }

    pub fn clamped(&self) -> SignOff {
        let followed = match self.dpo_advice_followed.as_str() {
            f @ ("yes" | "no" | "partly") => f.to_string(),
            _ => String::new(),
        };
        let date = &self.review_date;
        let iso = date.len() == 10
            && date.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
        SignOff {
            measures_approved_by: clamp_chars(&self.measures_approved_by, MAX_META_LEN),
            residual_risk_accepted_by: clamp_chars(&self.residual_risk_accepted_by, MAX_META_LEN),
            dpo_advice: clamp_chars(&self.dpo_advice, MAX_ADVICE_LEN),
            dpo_advice_followed: followed,
            dpo_advice_reasons: clamp_chars(&self.dpo_advice_reasons, MAX_ADVICE_LEN),
            review_date: if iso { date.clone() } else { String::new() },
        }
    }
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
    /// Answers to questions the current bank no longer asks (or no longer accepts in this
    /// form), kept as they were given; see `transfer::migrate`.
    #[serde(default)]
    pub retired: Vec<Retired>,
}

/// An answer kept aside because the current question bank no longer asks for it: the question
/// was removed, one of its chosen options was, or it changed kind. Never dropped; the UI lists
/// these under "No longer asked", and they travel with every export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Retired {
    pub question: String,
    pub answer: Answer,
    /// The bank version the answer was given under.
    #[serde(default)]
    pub bank_version: String,
    pub reason: RetiredReason,
}

/// Why an answer was retired.
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
        }
    }
}

/// Why a saved or imported assessment could not be used. Every variant names what is wrong in
/// terms a user can act on; `field` is a path such as `answers.q_purpose` or `signoff.review_date`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Larger than [`MAX_BYTES`]; refused before parsing.
    TooLarge { bytes: usize, max: usize },
    /// Empty, or only white space.
    Empty,
    /// Not JSON at all (`line` and `column` are 1-based, as in a text editor).
    NotJson { line: usize, column: usize, detail: String },
    /// JSON, but not an object with a `format` number: some other file.
    NotAnAssessment,
    /// An assessment whose field `field` has the wrong shape.
    WrongShape { field: String, detail: String },
    /// Written by a newer version of the widget than this one.
    NewerFormat { found: u64, supported: u32 },
}

/// Largest assessment we read (free texts are capped far below this).
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// Parses a saved or exported assessment (any format up to [`FORMAT_VERSION`]). Never panics,
/// whatever the bytes. It does not look at the question bank: see `transfer::migrate`.
///
/// Typed parsing only (no `serde_json::Value`, which would add its own deserializer and number
/// formatting to the wasm): the fields are first read as raw JSON text, then as the assessment.
pub fn read(bytes: &[u8]) -> Result<Assessment, ReadError> {
    if bytes.len() > MAX_BYTES {
        return Err(ReadError::TooLarge { bytes: bytes.len(), max: MAX_BYTES });
    }
    // Editors on Windows like to start UTF-8 files with a byte order mark.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    let text = json_object(bytes)?;
    let fields = fields(text).ok_or(ReadError::NotAnAssessment)?;
    let format = match fields.get("format") {
        Some(f) => f.get().parse::<u64>().ok().filter(|f| *f >= 1).ok_or_else(|| ReadError::WrongShape {
            field: "format".into(),
            detail: format!("expected a whole number from 1 to {FORMAT_VERSION}, found {}", f.get()),
        })?,
        None => return Err(ReadError::NotAnAssessment),
    };
    if format > FORMAT_VERSION as u64 {
        return Err(ReadError::NewerFormat { found: format, supported: FORMAT_VERSION });
    }
    let mut a: Assessment = match serde_json::from_str(text) {
        Ok(a) => a,
        Err(e) => {
            let (field, detail) = locate(&fields).unwrap_or_else(|| (String::new(), detail(e)));
            return Err(ReadError::WrongShape { field, detail });
        }
    };
    // Older formats are read as this one: every field added since has a default.
    a.format = FORMAT_VERSION;
    Ok(a)
}

/// The text of a JSON document that is an object: [`ReadError::NotJson`] when `bytes` are not
/// JSON (with the line and column of the problem), [`ReadError::NotAnAssessment`] when they
/// are JSON but not an object.
pub(crate) fn json_object(bytes: &[u8]) -> Result<&str, ReadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let before = &bytes[..e.valid_up_to()];
        let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        ReadError::NotJson {
            line: before.iter().filter(|b| **b == b'\n').count() + 1,
            column: before.len() - line_start + 1,
            detail: "invalid UTF-8".into(),
        }
    })?;
    serde_json::from_str::<AnyJson>(text).map_err(|e| ReadError::NotJson {
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    })?;
    if text.trim_start().starts_with('{') {
        Ok(text)
    } else {
        Err(ReadError::NotAnAssessment)
    }
}

/// Any JSON value, read in full (strings too, which `IgnoredAny` only skips), so that a syntax
/// error is reported at the line and column a full parse gives.
struct AnyJson;

impl<'de> Deserialize<'de> for AnyJson {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AnyJson)
    }
}

impl<'de> serde::de::Visitor<'de> for AnyJson {
    type Value = AnyJson;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<AnyJson, E> {
        Ok(AnyJson)
    }
    fn visit_i64<E>(self, _: i64) -> Result<AnyJson, E> {
        Ok(AnyJson)
    }
    fn visit_u64<E>(self, _: u64) -> Result<AnyJson, E> {
        Ok(AnyJson)
    }
    fn visit_f64<E>(self, _: f64) -> Result<AnyJson, E> {
        Ok(AnyJson)
    }
    fn visit_str<E>(self, _: &str) -> Result<AnyJson, E> {
        Ok(AnyJson)
    }
    fn visit_unit<E>(self) -> Result<AnyJson, E> {
        Ok(AnyJson)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<AnyJson, A::Error> {
        while seq.next_element::<AnyJson>()?.is_some() {}
        Ok(AnyJson)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<AnyJson, A::Error> {
        while map.next_entry::<AnyJson, AnyJson>()?.is_some() {}
        Ok(AnyJson)
    }
}

/// Raw JSON text by key, for a JSON object (the last of duplicate keys wins); None otherwise.
type Fields<'a> = BTreeMap<String, &'a RawValue>;

fn fields(json: &str) -> Option<Fields<'_>> {
    serde_json::from_str(json).ok()
}

/// An error's message without the position (positions in a fragment would mislead).
fn detail(e: serde_json::Error) -> String {
    let s = e.to_string();
    let at = format!(" at line {} column {}", e.line(), e.column());
    match s.strip_suffix(&*at) {
        Some(message) if e.line() > 0 => message.to_string(),
        _ => s,
    }
}

/// `T` read from a JSON fragment, the error without position.
fn check<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, String> {
    serde_json::from_str::<T>(json).map_err(detail)
}

/// A one-field JSON object `{key: value}` (`value` is JSON text); with a current `format`
/// before it when asked (unless `key` is `format` itself).
fn object_of(key: &str, value: &RawValue, with_format: bool) -> String {
    let format = if with_format && key != "format" { format!("\"format\":{FORMAT_VERSION},") } else { String::new() };
    let key = to_json(key);
    format!("{{{format}{key}:{}}}", value.get())
}

/// Finds the field that made an assessment fail to parse: tries every field on its own (all
/// have defaults) and, inside `answers`, `plan` and `retired`, every entry.
fn locate(obj: &Fields) -> Option<(String, String)> {
    // The first field of `T` (a struct whose fields all have defaults) that fails on its own.
    fn field_of<T: serde::de::DeserializeOwned>(prefix: &str, v: &RawValue) -> Option<(String, String)> {
        let Some(obj) = fields(v.get()) else {
            return check::<T>(v.get()).err().map(|e| (prefix.into(), e));
        };
        for (k, x) in &obj {
            if let Err(e) = check::<T>(&object_of(k, x, false)) {
                return Some((format!("{prefix}.{k}"), e));
            }
        }
        check::<T>(v.get()).err().map(|e| (prefix.into(), e))
    }
    for (k, v) in obj {
        let Err(err) = check::<Assessment>(&object_of(k, v, true)) else {
            continue;
        };
        let found = match k.as_str() {
            "answers" => fields(v.get()).and_then(|m| {
                m.iter().find_map(|(q, a)| check::<Answer>(a.get()).err().map(|e| (format!("answers.{q}"), e)))
            }),
            "plan" => fields(v.get()).and_then(|m| {
                m.iter().find_map(|(s, item)| field_of::<super::answers::PlanItem>(&format!("plan.{s}"), item))
            }),
            "signoff" => field_of::<SignOff>("signoff", v),
            "retired" => serde_json::from_str::<Vec<&RawValue>>(v.get()).ok().and_then(|items| {
                items.iter().enumerate().find_map(|(i, r)| check::<Retired>(r.get()).err().map(|e| (format!("retired[{i}]"), e)))
            }),
            _ => None,
        };
        return Some(found.unwrap_or_else(|| (k.clone(), err)));
    }
    None
}

/// Serialises for storage.
pub fn write(a: &Assessment) -> String {
    to_json(a)
}

/// Compact JSON of a value that always serialises (string keys, no floats). Not `.expect()`:
/// that would format the error with `Debug`, which adds code to the wasm.
pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| unreachable!("serialises to JSON"))
}

//! One assessment as saved and exported: answers, action plan, sign-off, bank version.

use super::answers::{Answer, Answers, Plan, PlanItem};
use super::json::{self, Reader};

/// Version of the saved/exported format. Bump when the shape changes; older formats are
/// migrated on load, newer ones are refused with a message (so that an older widget never
/// silently drops a field it does not know).
///
/// 1: the first format. 2: adds `retired` (answers the current bank no longer asks) and
/// `signoff.dpo_advice_reasons`; a format 1 file reads as format 2 with both empty.
pub const FORMAT_VERSION: u32 = 2;

/// The sign-off block of the summary (as in the ICO template). Every field is optional when
/// read.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize), serde(default))]
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

/// Saved and exported as a JSON object with these fields, in this order (`write`); `format` is
/// required when read, every other field optional. The serde derives here and on the types
/// inside are for native tests only, which compare `read` and `write` with serde_json.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize))]
pub struct Assessment {
    pub format: u32,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub title: String,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub organisation: String,
    /// Version of the question bank the answers were given under.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub bank_version: String,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub answers: Answers,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub plan: Plan,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub signoff: SignOff,
    /// Last change, ISO 8601, set by the UI (the core has no clock).
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub updated: String,
    /// Answers to questions the current bank no longer asks (or no longer accepts in this
    /// form), kept as they were given; see `transfer::migrate`.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub retired: Vec<Retired>,
}

/// An answer kept aside because the current question bank no longer asks for it: the question
/// was removed, one of its chosen options was, or it changed kind. Never dropped; the UI lists
/// these under "No longer asked", and they travel with every export. `question`, `answer` and
/// `reason` are required when read.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize))]
pub struct Retired {
    pub question: String,
    pub answer: Answer,
    /// The bank version the answer was given under.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub bank_version: String,
    pub reason: RetiredReason,
}

/// Why an answer was retired. Saved as `"question_removed"`, `"unknown_option"` or
/// `"kind_changed"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize), serde(rename_all = "snake_case"))]
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
/// Read with `json` (no serde in the wasm), exactly as serde_json and the serde derives read it
/// before: the document is checked first (`NotJson` with the line and column of the problem),
/// its fields are read as raw JSON text (for `format`, and to name the field that is wrong),
/// then the whole assessment. Unknown fields are ignored; a duplicated field is refused.
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
    let fields = json::members(text).ok_or(ReadError::NotAnAssessment)?;
    let format = match fields.get("format") {
        Some(f) => f.parse::<u64>().ok().filter(|f| *f >= 1).ok_or_else(|| ReadError::WrongShape {
            field: "format".into(),
            detail: format!("expected a whole number from 1 to {FORMAT_VERSION}, found {f}"),
        })?,
        None => return Err(ReadError::NotAnAssessment),
    };
    if format > FORMAT_VERSION as u64 {
        return Err(ReadError::NewerFormat { found: format, supported: FORMAT_VERSION });
    }
    let mut a = match json::read(text, read_assessment) {
        Ok(a) => a,
        Err(e) => {
            let (field, detail) = locate(&fields).unwrap_or((String::new(), e.message));
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
    json::check(text).map_err(|e| {
        let (line, column) = e.position(text).unwrap_or((0, 0));
        ReadError::NotJson { line, column, detail: e.describe(text) }
    })?;
    if text.trim_start().starts_with('{') {
        Ok(text)
    } else {
        Err(ReadError::NotAnAssessment)
    }
}

/// Raw JSON text by key, for a JSON object (the last of duplicate keys wins).
type Fields<'a> = std::collections::BTreeMap<String, &'a str>;

/// `T` read by `read` from a JSON fragment; the error's message (positions in a fragment
/// would mislead).
fn check<T>(json: &str, read: fn(&mut Reader) -> json::Result<T>) -> Result<T, String> {
    json::read(json, read).map_err(|e| e.message)
}

/// A one-field JSON object `{key: value}` (`value` is JSON text); with a current `format`
/// before it when asked (unless `key` is `format` itself).
fn object_of(key: &str, value: &str, with_format: bool) -> String {
    let mut out = String::from("{");
    if with_format && key != "format" {
        out.push_str(&format!("\"format\":{FORMAT_VERSION},"));
    }
    json::string(&mut out, key);
    out.push(':');
    out.push_str(value);
    out.push('}');
    out
}

/// Finds the field that made an assessment fail to parse: tries every field on its own (all
/// have defaults) and, inside `answers`, `plan` and `retired`, every entry.
fn locate(obj: &Fields) -> Option<(String, String)> {
    // The first field of `T` (a struct whose fields all have defaults) that fails on its own.
    fn field_of<T>(prefix: &str, v: &str, read: fn(&mut Reader) -> json::Result<T>) -> Option<(String, String)> {
        let Some(obj) = json::members(v) else {
            return check(v, read).err().map(|e| (prefix.into(), e));
        };
        for (k, x) in &obj {
            if let Err(e) = check(&object_of(k, x, false), read) {
                return Some((format!("{prefix}.{k}"), e));
            }
        }
        check(v, read).err().map(|e| (prefix.into(), e))
    }
    for (k, v) in obj {
        let Err(err) = check(&object_of(k, v, true), read_assessment) else {
            continue;
        };
        let found = match k.as_str() {
            "answers" => json::members(v).and_then(|m| {
                m.iter().find_map(|(q, a)| check(a, Answer::read).err().map(|e| (format!("answers.{q}"), e)))
            }),
            "plan" => json::members(v)
                .and_then(|m| m.iter().find_map(|(s, item)| field_of(&format!("plan.{s}"), item, PlanItem::read))),
            "signoff" => field_of("signoff", v, SignOff::read),
            "retired" => json::elements(v).and_then(|items| {
                items
                    .iter()
                    .enumerate()
                    .find_map(|(i, r)| check(r, Retired::read).err().map(|e| (format!("retired[{i}]"), e)))
            }),
            _ => None,
        };
        return Some(found.unwrap_or_else(|| (k.clone(), err)));
    }
    None
}

/// The fields of [`Assessment`] in their order (as saved).
const FIELDS: [&str; 9] =
    ["format", "title", "organisation", "bank_version", "answers", "plan", "signoff", "updated", "retired"];

fn read_assessment(r: &mut Reader) -> json::Result<Assessment> {
    let mut a = Assessment::new("", "");
    // Only `format` is required.
    r.structure("struct Assessment", &FIELDS, 1, &mut |r, i| {
        match i {
            0 => a.format = r.uint(u32::MAX as u64, "u32")? as u32,
            1 => a.title = r.string()?,
            2 => a.organisation = r.string()?,
            3 => a.bank_version = r.string()?,
            4 => a.answers = r.map_of(Answer::read)?,
            5 => a.plan = r.map_of(PlanItem::read)?,
            6 => a.signoff = SignOff::read(r)?,
            7 => a.updated = r.string()?,
            _ => a.retired = r.seq_of(Retired::read)?,
        }
        Ok(())
    })?;
    Ok(a)
}

impl SignOff {
    const FIELDS: [&'static str; 6] = [
        "measures_approved_by",
        "residual_risk_accepted_by",
        "dpo_advice",
        "dpo_advice_followed",
        "dpo_advice_reasons",
        "review_date",
    ];

    fn fields(&self) -> [&String; 6] {
        [
            &self.measures_approved_by,
            &self.residual_risk_accepted_by,
            &self.dpo_advice,
            &self.dpo_advice_followed,
            &self.dpo_advice_reasons,
            &self.review_date,
        ]
    }

    fn read(r: &mut Reader) -> json::Result<SignOff> {
        let mut f: [String; 6] = Default::default();
        r.structure("struct SignOff", &SignOff::FIELDS, 0, &mut |r, i| {
            f[i] = r.string()?;
            Ok(())
        })?;
        let [measures_approved_by, residual_risk_accepted_by, dpo_advice, dpo_advice_followed, dpo_advice_reasons, review_date] =
            f;
        Ok(SignOff {
            measures_approved_by,
            residual_risk_accepted_by,
            dpo_advice,
            dpo_advice_followed,
            dpo_advice_reasons,
            review_date,
        })
    }
}

impl RetiredReason {
    const ALL: [RetiredReason; 3] =
        [RetiredReason::QuestionRemoved, RetiredReason::UnknownOption, RetiredReason::KindChanged];
    const NAMES: [&'static str; 3] = ["question_removed", "unknown_option", "kind_changed"];
}

impl Retired {
    fn read(r: &mut Reader) -> json::Result<Retired> {
        let mut x = Retired {
            question: String::new(),
            answer: Answer::Multi(Vec::new()),
            bank_version: String::new(),
            reason: RetiredReason::QuestionRemoved,
        };
        // `bank_version` is optional.
        r.structure("struct Retired", &["question", "answer", "bank_version", "reason"], 0b1011, &mut |r, i| {
            match i {
                0 => x.question = r.string()?,
                1 => x.answer = Answer::read(r)?,
                2 => x.bank_version = r.string()?,
                _ => x.reason = RetiredReason::ALL[r.variant(&RetiredReason::NAMES, None)?],
            }
            Ok(())
        })?;
        Ok(x)
    }
}

/// Serialises for storage: compact JSON, byte for byte what serde_json wrote for the same
/// assessment (fields in declaration order, maps by key).
pub fn write(a: &Assessment) -> String {
    let mut out = String::with_capacity(1024);
    let mut o = json::Object::new(&mut out);
    o.key("format").push_str(&a.format.to_string());
    o.str("title", &a.title);
    o.str("organisation", &a.organisation);
    o.str("bank_version", &a.bank_version);
    let answers = o.key("answers");
    let mut m = json::Object::new(answers);
    for (q, answer) in &a.answers {
        answer.write(m.key(q));
    }
    m.end();
    let mut m = json::Object::new(o.key("plan"));
    for (s, item) in &a.plan {
        item.write(m.key(s));
    }
    m.end();
    let mut s = json::Object::new(o.key("signoff"));
    for (name, value) in SignOff::FIELDS.iter().zip(a.signoff.fields()) {
        s.str(name, value);
    }
    s.end();
    o.str("updated", &a.updated);
    json::array(o.key("retired"), &a.retired, |out, r| {
        let mut o = json::Object::new(out);
        o.str("question", &r.question);
        r.answer.write(o.key("answer"));
        o.str("bank_version", &r.bank_version);
        o.str("reason", RetiredReason::NAMES[r.reason as usize]);
        o.end();
    });
    o.end();
    out
}

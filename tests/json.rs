//! The widget's own JSON code (src/domain/json.rs, used by `assessment::read`/`write` and
//! `library::parse_index`/`Index::to_json`) against serde_json, which the widget used before and
//! which the native tests keep as the reference: on generated documents (valid assessments and
//! indexes, the same damaged, with duplicate keys, structs written as arrays, odd numbers and
//! escapes), on arbitrary bytes, on deep nesting and on very long input, both must give the same
//! result, down to the error, the field it names and the line and column. The two differences
//! in messages that json.rs documents (how a float and an unprintable character are shown) are
//! the only ones allowed.

use std::fmt::Debug;

use proptest::prelude::*;
use serde_json::Value;

use biodpia::domain::answers::{Answer, PlanItem, Status};
use biodpia::domain::assessment::{self, Assessment, ReadError, Retired, RetiredReason, SignOff, MAX_BYTES};
use biodpia::domain::json;
use biodpia::domain::library::{self, Entry, Index};

/// The reader as it was with serde_json and the serde derives (the code that src/domain/json.rs
/// replaced, unchanged but for paths): the reference the widget's own JSON code is compared with.
mod reference {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Serialize};
    use serde_json::value::RawValue;

    use biodpia::domain::answers::{Answer, PlanItem};
    use biodpia::domain::assessment::{Assessment, ReadError, Retired, SignOff, FORMAT_VERSION, MAX_BYTES};
    use biodpia::domain::library::{valid_id, Index, INDEX_FORMAT, MAX_INDEX_BYTES};

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
    pub fn json_object(bytes: &[u8]) -> Result<&str, ReadError> {
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
    pub struct AnyJson;

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
        let format =
            if with_format && key != "format" { format!("\"format\":{FORMAT_VERSION},") } else { String::new() };
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
                "plan" => fields(v.get())
                    .and_then(|m| m.iter().find_map(|(s, item)| field_of::<PlanItem>(&format!("plan.{s}"), item))),
                "signoff" => field_of::<SignOff>("signoff", v),
                "retired" => serde_json::from_str::<Vec<&RawValue>>(v.get()).ok().and_then(|items| {
                    items
                        .iter()
                        .enumerate()
                        .find_map(|(i, r)| check::<Retired>(r.get()).err().map(|e| (format!("retired[{i}]"), e)))
                }),
                _ => None,
            };
            return Some(found.unwrap_or_else(|| (k.clone(), err)));
        }
        None
    }

    pub fn parse_index(bytes: &[u8]) -> Result<Index, ReadError> {
        if bytes.len() > MAX_INDEX_BYTES {
            return Err(ReadError::TooLarge { bytes: bytes.len(), max: MAX_INDEX_BYTES });
        }
        // Typed parsing (no `serde_json::Value`): the format first, then the whole index.
        #[derive(Deserialize)]
        struct Probe {
            format: Option<u64>,
        }
        let text = json_object(bytes)?;
        let probe: Option<Probe> = serde_json::from_str(text).ok();
        let format = probe.and_then(|p| p.format).ok_or(ReadError::NotAnAssessment)?;
        if format > INDEX_FORMAT as u64 {
            return Err(ReadError::NewerFormat { found: format, supported: INDEX_FORMAT });
        }
        let mut index: Index = serde_json::from_str(text)
            .map_err(|e| ReadError::WrongShape { field: "index".into(), detail: e.to_string() })?;
        index.items.retain(|e| valid_id(&e.id));
        let mut seen = std::collections::BTreeSet::new();
        index.items.retain(|e| seen.insert(e.id.clone()));
        Ok(index)
    }

    /// Compact JSON of a value that always serialises.
    pub fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
        serde_json::to_string(value).unwrap()
    }
}

// ---------------------------------------------------------------------------------------
// Comparing results

/// True when our message and serde_json's say the same. They may differ only where json.rs
/// says: a float shown as written in the file (same value), a string with characters outside
/// ASCII shown otherwise.
fn same_message(ours: &str, serde: &str) -> bool {
    if ours == serde {
        return true;
    }
    // Both cut into: before, payload, after.
    fn split<'a>(s: &'a str, open: &str, close: &str) -> Option<(&'a str, &'a str, &'a str)> {
        let start = s.find(open)? + open.len();
        let end = start + s[start..].rfind(close)?;
        Some((&s[..start], &s[start..end], &s[end..]))
    }
    if let (Some((b1, p1, a1)), Some((b2, p2, a2))) =
        (split(ours, "floating point `", "`"), split(serde, "floating point `", "`"))
    {
        let (x, y): (f64, f64) = match (p1.parse(), p2.parse()) {
            (Ok(x), Ok(y)) => (x, y),
            _ => return false,
        };
        return b1 == b2 && a1 == a2 && (x == y || (x - y).abs() <= 1e-15 * x.abs().max(y.abs()));
    }
    // Ours shows every non-ASCII character as it is (an ASCII one as serde does).
    if let (Some((b1, p1, a1)), Some((b2, _, a2))) =
        (split(ours, "string \"", "\", expected"), split(serde, "string \"", "\", expected"))
    {
        return b1 == b2 && a1 == a2 && !p1.is_ascii();
    }
    false
}

fn agree<T: PartialEq + Debug>(
    ours: Result<T, ReadError>,
    serde: Result<T, ReadError>,
    input: &[u8],
) -> Result<(), TestCaseError> {
    let text = String::from_utf8_lossy(input);
    match (&ours, &serde) {
        (
            Err(ReadError::WrongShape { field: f1, detail: d1 }),
            Err(ReadError::WrongShape { field: f2, detail: d2 }),
        ) => {
            prop_assert_eq!(f1, f2, "field, for {}", text);
            prop_assert!(same_message(d1, d2), "detail {:?} vs serde's {:?}, for {}", d1, d2, text);
        }
        (
            Err(ReadError::NotJson { line: l1, column: c1, detail: d1 }),
            Err(ReadError::NotJson { line: l2, column: c2, detail: d2 }),
        ) => {
            prop_assert_eq!((l1, c1), (l2, c2), "position, for {}", text);
            prop_assert_eq!(d1, d2, "for {}", text);
        }
        _ => prop_assert_eq!(ours, serde, "for {}", text),
    }
    Ok(())
}

/// The assessment and the index read from `input` exactly as serde_json read them.
fn check_both(input: &[u8]) -> Result<(), TestCaseError> {
    agree(assessment::read(input), reference::read(input), input)?;
    agree(library::parse_index(input), reference::parse_index(input), input)
}

// ---------------------------------------------------------------------------------------
// Generated documents, written as text so that they can hold what `serde_json::Value` cannot:
// duplicate keys, numbers exactly as written, escapes of any kind.

#[derive(Clone, Debug)]
enum J {
    /// `null`, `true`, `false` or a number, as written.
    Lit(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

/// How a document is written: white space, and how strings are escaped.
#[derive(Clone, Copy, Debug)]
struct Style {
    pretty: bool,
    /// Escape every non-ASCII character as `\uXXXX` (surrogate pairs above U+FFFF), `/` as `\/`.
    escape_all: bool,
}

fn write_str(out: &mut String, s: &str, style: Style) {
    if !style.escape_all {
        out.push_str(&serde_json::to_string(s).unwrap());
        return;
    }
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '/' => out.push_str("\\/"),
            ' '..='~' => out.push(c),
            _ => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{u:04X}"));
                }
            }
        }
    }
    out.push('"');
}

fn write_j(out: &mut String, j: &J, style: Style, depth: usize) {
    let newline = |out: &mut String, depth: usize| {
        if style.pretty {
            out.push('\n');
            out.push_str(&"  ".repeat(depth));
        }
    };
    match j {
        J::Lit(s) => out.push_str(s),
        J::Str(s) => write_str(out, s, style),
        J::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, depth + 1);
                write_j(out, item, style, depth + 1);
            }
            if !items.is_empty() {
                newline(out, depth);
            }
            out.push(']');
        }
        J::Obj(members) => {
            out.push('{');
            for (i, (k, v)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, depth + 1);
                write_str(out, k, style);
                out.push_str(if style.pretty { ": " } else { ":" });
                write_j(out, v, style, depth + 1);
            }
            if !members.is_empty() {
                newline(out, depth);
            }
            out.push('}');
        }
    }
}

fn text_of(j: &J, style: Style) -> String {
    let mut out = String::new();
    write_j(&mut out, j, style, 0);
    out
}

fn from_value(v: &Value) -> J {
    match v {
        Value::Null => J::Lit("null".into()),
        Value::Bool(b) => J::Lit(b.to_string()),
        Value::Number(n) => J::Lit(n.to_string()),
        Value::String(s) => J::Str(s.clone()),
        Value::Array(a) => J::Arr(a.iter().map(from_value).collect()),
        Value::Object(m) => J::Obj(m.iter().map(|(k, v)| (k.clone(), from_value(v))).collect()),
    }
}

/// Every name the formats use (fields, variants), so that generated keys and strings hit them.
const NAMES: &[&str] = &[
    "format",
    "title",
    "organisation",
    "bank_version",
    "answers",
    "plan",
    "signoff",
    "updated",
    "retired",
    "choice",
    "multi",
    "text",
    "status",
    "owner",
    "due",
    "in_place",
    "planned",
    "not_planned",
    "measures_approved_by",
    "residual_risk_accepted_by",
    "dpo_advice",
    "dpo_advice_followed",
    "dpo_advice_reasons",
    "review_date",
    "question",
    "answer",
    "reason",
    "question_removed",
    "unknown_option",
    "kind_changed",
    "current",
    "items",
    "id",
    "verdict",
    "provisional",
];

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (0u64..4).prop_map(|n| n.to_string()),
        1 => any::<u64>().prop_map(|n| n.to_string()),
        1 => any::<i64>().prop_map(|n| n.to_string()),
        1 => any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| format!("{f:?}")),
        1 => any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| format!("{f:e}")),
        1 => (any::<bool>(), 0u32..400, "[1-9][0-9]{0,25}").prop_map(|(neg, e, d)| format!("{d}e{}{e}", if neg { "-" } else { "+" })),
        1 => proptest::sample::select(vec![
            "-0", "0.0", "-0.0", "1.0", "2.0", "1e0", "2E+0", "1.5", "4294967295", "4294967296", "18446744073709551615",
            "18446744073709551616", "-9223372036854775808", "-9223372036854775809", "1.7976931348623157e308",
            "1.7976931348623158e308", "1.7976931348623159e308", "17976931348623157e292", "1e309", "0e999999",
            "1e-400", "1e99999999999", "0e99999999999", "1e-99999999999", "123456789012345678901234567890",
            "1844674407370955161.5", "18446744073709551616.0001e-5", "0.000000000000000000000000000001",
        ])
        .prop_map(String::from),
    ]
}

fn string() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => proptest::sample::select(NAMES).prop_map(String::from),
        1 => "[a-z_]{0,8}",
        1 => ".{0,10}",
        1 => "[\\x00-\\x1f\"\\\\/\\u{7f}\\u{e9}\\u{2028}\\u{1F642}]{0,6}",
    ]
}

fn json_value() -> impl Strategy<Value = J> {
    let leaf = prop_oneof![
        1 => prop_oneof![Just("null"), Just("true"), Just("false")].prop_map(|s| J::Lit(s.into())),
        2 => number().prop_map(J::Lit),
        3 => string().prop_map(J::Str),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(J::Arr),
            proptest::collection::vec((string(), inner), 0..6).prop_map(J::Obj),
        ]
    })
}

/// Damage to a document: applied at the `at`-th node (in document order), `what` says how.
fn damage(j: &mut J, at: &mut usize, what: u8, other: &J) -> bool {
    if *at == 0 {
        match (what, &mut *j) {
            // A struct written as an array of its fields' values (serde accepts that).
            (0, J::Obj(m)) => *j = J::Arr(m.iter().map(|(_, v)| v.clone()).collect()),
            // A key repeated, with another value or the same.
            (1, J::Obj(m)) if !m.is_empty() => {
                let (k, v) = m[m.len() / 2].clone();
                m.push((k, if other.is_lit() { v } else { other.clone() }));
            }
            (2, J::Obj(m)) if !m.is_empty() => {
                m.remove(0);
            }
            (3, J::Arr(a)) => a.push(other.clone()),
            (4, J::Obj(m)) => m.push(("extra".into(), other.clone())),
            _ => *j = other.clone(),
        }
        return true;
    }
    *at -= 1;
    match j {
        J::Arr(a) => a.iter_mut().any(|x| damage(x, at, what, other)),
        J::Obj(m) => m.iter_mut().any(|(_, x)| damage(x, at, what, other)),
        _ => false,
    }
}

impl J {
    fn is_lit(&self) -> bool {
        matches!(self, J::Lit(_))
    }
}

fn style() -> impl Strategy<Value = Style> {
    (any::<bool>(), prop::bool::weighted(0.2)).prop_map(|(pretty, escape_all)| Style { pretty, escape_all })
}

fn bank() -> &'static biodpia::domain::model::Bank {
    biodpia::bank::bank()
}

/// A valid assessment: answers of every kind to the bank's questions (and to unknown ones),
/// plan, sign-off, retired answers, texts with anything in them.
fn valid_assessment() -> impl Strategy<Value = Assessment> {
    let qs: Vec<String> = bank().questions().map(|q| q.id.clone()).take(12).chain(["q_gone".to_string()]).collect();
    let answer = prop_oneof![
        string().prop_map(Answer::Choice),
        proptest::collection::vec(string(), 0..3).prop_map(Answer::Multi),
        ".{0,30}".prop_map(Answer::Text),
    ];
    let status = prop_oneof![Just(Status::InPlace), Just(Status::Planned), Just(Status::NotPlanned)];
    let reason = prop_oneof![
        Just(RetiredReason::QuestionRemoved),
        Just(RetiredReason::UnknownOption),
        Just(RetiredReason::KindChanged)
    ];
    (
        (1u32..=2, string(), ".{0,20}", string(), ".{0,12}"),
        proptest::collection::btree_map(proptest::sample::select(qs), answer.clone(), 0..5),
        proptest::collection::btree_map(string(), (status, string(), string()), 0..3),
        proptest::collection::vec(string(), 6),
        proptest::collection::vec((string(), answer, string(), reason), 0..3),
    )
        .prop_map(|((format, title, organisation, bank_version, updated), answers, plan, signoff, retired)| {
            Assessment {
                format,
                title,
                organisation,
                bank_version,
                answers,
                plan: plan.into_iter().map(|(k, (status, owner, due))| (k, PlanItem { status, owner, due })).collect(),
                signoff: SignOff {
                    measures_approved_by: signoff[0].clone(),
                    residual_risk_accepted_by: signoff[1].clone(),
                    dpo_advice: signoff[2].clone(),
                    dpo_advice_followed: signoff[3].clone(),
                    dpo_advice_reasons: signoff[4].clone(),
                    review_date: signoff[5].clone(),
                },
                updated,
                retired: retired
                    .into_iter()
                    .map(|(question, answer, bank_version, reason)| Retired { question, answer, bank_version, reason })
                    .collect(),
            }
        })
}

fn valid_index() -> impl Strategy<Value = Index> {
    let entry = (("[a-z0-9-]{0,12}", string(), string(), string()), (any::<bool>(), string(), any::<usize>()))
        .prop_map(|((id, title, updated, verdict), (provisional, bank_version, retired))| Entry {
            id,
            title,
            updated,
            verdict,
            provisional,
            bank_version,
            retired,
        });
    (0u32..=2, string(), proptest::collection::vec(entry, 0..4)).prop_map(|(format, current, items)| Index {
        format,
        current,
        items,
    })
}

/// A document: a valid assessment or index, or any JSON object with a `format`, maybe damaged.
fn document() -> impl Strategy<Value = String> {
    let base = prop_oneof![
        2 => valid_assessment().prop_map(|a| from_value(&serde_json::to_value(a).unwrap())),
        1 => valid_index().prop_map(|i| from_value(&serde_json::to_value(i).unwrap())),
        1 => (number(), proptest::collection::vec((string(), json_value()), 0..6)).prop_map(|(f, mut m)| {
            m.insert(0, ("format".to_string(), J::Lit(f)));
            J::Obj(m)
        }),
        1 => json_value(),
    ];
    (base, proptest::collection::vec((any::<prop::sample::Index>(), 0u8..6, json_value()), 0..3), style()).prop_map(
        |(mut j, damages, style)| {
            for (at, what, other) in damages {
                let mut at = at.index(64);
                damage(&mut j, &mut at, what, &other);
            }
            text_of(&j, style)
        },
    )
}

/// Text close to JSON, often broken: tokens, white space and string pieces.
fn near_json() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        proptest::sample::select(vec![
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"",
            "\\",
            "\\u",
            "\\ud83d",
            "\\ude42",
            "\\u00e9",
            "\\x",
            "null",
            "nul",
            "true",
            "tru",
            "false",
            "-",
            "0",
            "01",
            "1.",
            ".5",
            "1e",
            "1e+",
            "2",
            "\"format\"",
            "\"answers\"",
            " ",
            "\n",
            "\t",
            "\r",
            "\u{c}",
            "\u{0}",
            "é",
            "🙂",
            "\u{feff}",
        ])
        .prop_map(String::from),
        number(),
    ];
    proptest::collection::vec(token, 0..24).prop_map(|t| t.concat())
}

// ---------------------------------------------------------------------------------------
// Properties

/// `text` with up to three edits (a character removed or a piece of JSON inserted) and maybe
/// cut short.
fn edited(text: &str, cut: Option<prop::sample::Index>, edits: &[(prop::sample::Index, bool, String)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for (at, remove, piece) in edits {
        let i = at.index(chars.len() + 1);
        if *remove && i < chars.len() {
            chars.remove(i);
        } else {
            chars.splice(i..i, piece.chars());
        }
    }
    if let Some(cut) = cut {
        chars.truncate(cut.index(chars.len() + 1));
    }
    chars.into_iter().collect()
}

proptest! {
    // 1500 cases each, or PROPTEST_CASES.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(1500),
        ..ProptestConfig::default()
    })]

    #[test]
    fn documents_read_as_serde_json_read_them(doc in document()) {
        check_both(doc.as_bytes())?;
    }

    #[test]
    fn damaged_documents_read_as_serde_json_read_them(
        doc in document(),
        cut in proptest::option::weighted(0.3, any::<prop::sample::Index>()),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<bool>(), near_json()), 1..4),
    ) {
        check_both(edited(&doc, cut, &edits).as_bytes())?;
    }

    #[test]
    fn near_json_reads_as_serde_json_reads_it(s in near_json()) {
        check_both(s.as_bytes())?;
        check_both(format!("{{\"format\":2,\"title\":{s}}}").as_bytes())?;
        check_both(format!("{{\"format\":1,\"items\":[{s}]}}").as_bytes())?;
    }

    #[test]
    fn arbitrary_bytes_never_panic_and_read_as_serde_json_reads_them(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
        check_both(&bytes)?;
        let text = String::from_utf8_lossy(&bytes);
        let _ = json::members(&text);
        let _ = json::elements(&text);
        let _ = json::read(&text, json::Reader::skip);
    }

    /// Any JSON: accepted (or refused) as serde_json does; strings unescaped to the same text;
    /// objects' members by key the same raw text as serde_json's `RawValue`s.
    #[test]
    fn json_values_are_checked_and_unescaped_as_serde_json_does(v in json_value(), style in style()) {
        let text = text_of(&v, style);
        let serde = serde_json::from_str::<reference::AnyJson>(&text).map(drop).map_err(|e| e.to_string());
        let ours = json::check(&text).map_err(|e| e.describe(&text));
        prop_assert_eq!(&ours, &serde, "{}", text);
        if ours.is_err() {
            // Fields are only ever taken from checked documents.
            return Ok(());
        }
        if let J::Str(s) = &v {
            prop_assert_eq!(json::read(&text, json::Reader::string).unwrap(), s.clone());
        }
        let raw: Option<std::collections::BTreeMap<String, &serde_json::value::RawValue>> = serde_json::from_str(&text).ok();
        let raw = raw.map(|m| m.into_iter().map(|(k, v)| (k, v.get())).collect());
        prop_assert_eq!(json::members(&text), raw);
        let raw: Option<Vec<&serde_json::value::RawValue>> = serde_json::from_str(&text).ok();
        prop_assert_eq!(json::elements(&text), raw.map(|v| v.into_iter().map(|x| x.get()).collect()));
    }

    /// What the widget writes is byte for byte what serde_json wrote, and reads back.
    #[test]
    fn writes_are_serde_jsons_and_read_back(a in valid_assessment(), i in valid_index(), s in ".{0,40}") {
        let written = assessment::write(&a);
        prop_assert_eq!(&written, &serde_json::to_string(&a).unwrap());
        prop_assert_eq!(i.to_json(), serde_json::to_string(&i).unwrap());
        let mut out = String::new();
        json::string(&mut out, &s);
        prop_assert_eq!(&out, &serde_json::to_string(&s).unwrap());
        prop_assert_eq!(json::read(&out, json::Reader::string).unwrap(), s);
        let back = assessment::read(written.as_bytes()).unwrap();
        prop_assert_eq!(back, Assessment { format: assessment::FORMAT_VERSION, ..a });
    }
}

// ---------------------------------------------------------------------------------------
// Examples

#[test]
fn messages_name_the_problem_as_serde_json_did() {
    let shape = |s: &str| match assessment::read(s.as_bytes()) {
        Err(ReadError::WrongShape { field, detail }) => (field, detail),
        other => panic!("{s}: {other:?}"),
    };
    let cases = [
        (r#"{"format":2,"title":"a","title":"b"}"#, "", "duplicate field `title`"),
        (r#"{"format":2,"title":5}"#, "title", "invalid type: integer `5`, expected a string"),
        (r#"{"format":2,"title":1.5e3}"#, "title", "invalid type: floating point `1.5e3`, expected a string"),
        (r#"{"format":2,"answers":[]}"#, "answers", "invalid type: sequence, expected a map"),
        (
            r#"{"format":2,"answers":{"q":"yes"}}"#,
            "answers.q",
            "unknown variant `yes`, expected one of `choice`, `multi`, `text`",
        ),
        (
            r#"{"format":2,"answers":{"q":"choice"}}"#,
            "answers.q",
            "invalid type: unit variant, expected newtype variant",
        ),
        (r#"{"format":2,"answers":{"q":{"choice":"a","text":"b"}}}"#, "answers.q", "expected value"),
        (
            r#"{"format":2,"plan":{"s":{"status":"maybe"}}}"#,
            "plan.s.status",
            "unknown variant `maybe`, expected one of `in_place`, `planned`, `not_planned`",
        ),
        (r#"{"format":2,"signoff":"yes"}"#, "signoff", "invalid type: string \"yes\", expected struct SignOff"),
        (r#"{"format":2,"retired":[{"question":"q"}]}"#, "retired[0]", "missing field `answer`"),
        (
            r#"{"format":2,"retired":[["q"]]}"#,
            "retired[0]",
            "invalid length 1, expected struct Retired with 4 elements",
        ),
    ];
    for (input, field, detail) in cases {
        assert_eq!(shape(input), (field.to_string(), detail.to_string()), "{input}");
        assert!(matches!(reference::read(input.as_bytes()), Err(ReadError::WrongShape { .. })), "{input}");
    }
    // Not JSON: serde_json's message, line and column.
    let not_json = |s: &str| match assessment::read(s.as_bytes()) {
        Err(ReadError::NotJson { line, column, detail }) => (line, column, detail),
        other => panic!("{s}: {other:?}"),
    };
    assert_eq!(not_json("{\n  \"format\": 2,\n}"), (3, 1, "trailing comma at line 3 column 1".to_string()));
    assert_eq!(
        not_json("{\"a\": \"\\ud83d x\"}"),
        (1, 14, "unexpected end of hex escape at line 1 column 14".to_string())
    );
    assert_eq!(not_json("[1e400]"), (1, 6, "number out of range at line 1 column 6".to_string()));
    for s in ["{\n  \"format\": 2,\n}", "{\"a\": \"\\ud83d x\"}", "[1e400]"] {
        check_both(s.as_bytes()).unwrap();
    }
    // The index: serde_json's message with its position.
    assert_eq!(
        library::parse_index(br#"{"format":1,"items":[{"id":"a","id":"b"}]}"#),
        Err(ReadError::WrongShape { field: "index".into(), detail: "duplicate field `id` at line 1 column 35".into() })
    );
    check_both(br#"{"format":1,"items":[{"id":"a","id":"b"}]}"#).unwrap();
}

#[test]
fn non_bmp_characters_and_control_characters_round_trip() {
    // A surrogate pair on input is one character; a lone surrogate is refused.
    assert_eq!(json::read(r#""\ud83d\ude42 \u00e9\/""#, json::Reader::string).unwrap(), "🙂 é/");
    for lone in [r#""\ud83d""#, r#""\ude42""#, r#""\ud83d\u0041""#] {
        let e = json::check(lone).unwrap_err();
        assert!(e.message.contains("surrogate") || e.message.contains("hex escape"), "{lone}: {e:?}");
        check_both(lone.as_bytes()).unwrap();
    }
    let all: String = (0u32..0x80).filter_map(char::from_u32).chain(['\u{2028}', '🙂', '\u{10FFFF}']).collect();
    let mut out = String::new();
    json::string(&mut out, &all);
    assert_eq!(out, serde_json::to_string(&all).unwrap());
    assert_eq!(json::read(&out, json::Reader::string).unwrap(), all);
}

/// Nesting deeper than serde_json's limit (127) is refused at the same place, without
/// recursing further, on a stack far smaller than a browser's.
#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let mut docs = Vec::new();
    for n in [126, 127, 128, 200_000] {
        docs.push(format!("{}{}", "[".repeat(n), "]".repeat(n)));
        docs.push(format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n)));
        docs.push(format!("{{\"format\":2,\"x\":{}{}}}", "[{\"b\":".repeat(n / 2), "1}]".repeat(n / 2)));
        docs.push("[".repeat(n));
    }
    let ours = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn({
            let docs = docs.clone();
            move || docs.iter().map(|d| json::check(d).map_err(|e| e.describe(d))).collect::<Vec<_>>()
        })
        .unwrap()
        .join()
        .expect("no stack overflow");
    assert_eq!(ours[0], Ok(()));
    assert_eq!(ours[4], Ok(()), "127 levels are read");
    assert_eq!(ours[8], Err("recursion limit exceeded at line 1 column 128".to_string()));
    for doc in &docs {
        check_both(doc.as_bytes()).unwrap();
    }
}

/// Input as long as the widget reads (2 MiB): one string, one number, long runs of digits in
/// every part of a number, many small values.
#[test]
fn very_long_input_reads_as_serde_json_reads_it() {
    let n = MAX_BYTES - 64;
    let docs = [
        format!("{{\"format\":2,\"title\":\"{}\"}}", "é".repeat(n / 2 - 16)),
        format!("{{\"format\":2,\"x\":{}}}", "1".repeat(n)),
        format!("{{\"format\":2,\"x\":0.{}1}}", "0".repeat(n)),
        format!("{{\"format\":2,\"x\":1.{}e-5}}", "9".repeat(n)),
        format!("{{\"format\":2,\"x\":1e{}}}", "9".repeat(n)),
        format!("{{\"format\":2,\"x\":0e{}}}", "9".repeat(n)),
        format!("{{\"format\":2,\"x\":[{}0]}}", "0,".repeat(n / 2 - 16)),
        format!(
            "{{\"format\":2,\"answers\":{{{}\"q\":{{\"text\":\"x\"}}}}}}",
            "\"q\":{\"text\":\"x\"},".repeat(n / 20)
        ),
        "\"".repeat(n),
    ];
    for doc in &docs {
        check_both(doc.as_bytes()).unwrap();
    }
}

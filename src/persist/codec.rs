//! Reading the saved formats with serde_json, and what can go wrong: a small error enum with
//! the field path and position, which `i18n` turns into a sentence (no serde text reaches a
//! user).

use std::fmt;

use serde::de::{self, DeserializeOwned, MapAccess, Visitor};

/// Why a saved or imported document could not be used. Every variant names what is wrong in
/// terms a user can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Larger than the limit for this kind of document; refused before parsing.
    TooLarge { bytes: usize, max: usize },
    /// Empty, or only white space.
    Empty,
    /// Not JSON at all (`line` and `column` are 1-based, as in a text editor).
    NotJson { line: usize, column: usize },
    /// JSON, but not an object with a `format` field: some other file.
    NotAnAssessment,
    /// A field is not what the format says. `field` is a path such as `answers.q_purpose`,
    /// `plan.s_x.status`, `retired[0].reason` or `signoff.review_date`; `line` and `column`
    /// are where the problem is found (0 when not known).
    Invalid { field: String, problem: Problem, line: usize, column: usize },
    /// Written by a newer version of the widget than this one.
    NewerFormat { found: u64, supported: u32 },
}

/// What is wrong with a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A value of the wrong kind (text where a list belongs, ...).
    WrongType,
    /// A value of the right kind that the format does not allow (an unknown status, a format
    /// number below 1, ...).
    NotAllowed,
    /// A required field is absent.
    Missing,
    /// A key given twice in one object.
    Duplicate,
}

/// Longest piece of a key shown in a field path (a hostile file may have megabyte keys).
const MAX_SEGMENT_CHARS: usize = 60;

/// The head of a document: it is a JSON object and what its `format` field holds. Read first,
/// so that "not an assessment" and "newer format" are told before any other problem.
pub(crate) enum Format {
    /// No `format` field.
    Absent,
    /// A whole number.
    Number(u64),
    /// Something else (text, a fraction, a negative number, null, ...).
    Other,
}

/// Parses `bytes` (at most `max` of them) as a JSON object: first its `format` (which
/// `check_format` judges), then the whole document as `T`. Never panics, whatever the bytes.
pub(crate) fn read<T: DeserializeOwned>(
    bytes: &[u8],
    max: usize,
    check_format: impl FnOnce(Format) -> Result<(), ReadError>,
) -> Result<T, ReadError> {
    if bytes.len() > max {
        return Err(ReadError::TooLarge { bytes: bytes.len(), max });
    }
    // Editors on Windows like to start UTF-8 files with a byte order mark.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    // UTF-8 first: serde_json does not check the strings it skips.
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let before = &bytes[..e.valid_up_to()];
        let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        ReadError::NotJson {
            line: before.iter().filter(|b| **b == b'\n').count() + 1,
            column: before.len() - line_start + 1,
        }
    })?;
    let mut de = serde_json::Deserializer::from_str(text);
    let head = de::Deserializer::deserialize_any(&mut de, HeadVisitor).and_then(|h| de.end().map(|()| h));
    match head {
        Ok(Some(format)) => check_format(format)?,
        Ok(None) => return Err(ReadError::NotAnAssessment),
        Err(e) => return Err(not_json(&e)),
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| invalid(e.path(), e.inner()))?;
    de.end().map_err(|e| not_json(&e))?;
    Ok(value)
}

/// Parses JSON text the widget wrote itself (a signed version's content, a field's value) as
/// `T`; `None` when it is not that. Through the same deserializer as [`read`], so that the
/// Wasm holds one copy of each type's reading code.
pub(crate) fn parse<T: DeserializeOwned>(text: &str) -> Option<T> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).ok()?;
    de.end().ok().map(|()| value)
}

fn not_json(e: &serde_json::Error) -> ReadError {
    ReadError::NotJson { line: e.line(), column: e.column() }
}

/// A data error at `path`. serde's standard messages ("missing field `x`", "duplicate field
/// `x`", "unknown variant ...", "invalid value ...") tell the kind; the rest is a wrong type.
/// The text is known to be JSON (the first pass read all of it), so what serde_json reports as
/// a syntax error here is a value of the wrong kind too: an enum (an answer) given a number or a
/// list, for one, is "expected value" to serde_json.
fn invalid(path: &serde_path_to_error::Path, e: &serde_json::Error) -> ReadError {
    if e.is_eof() {
        return not_json(e);
    }
    let mut field = String::new();
    for segment in path {
        match segment {
            serde_path_to_error::Segment::Seq { index } => field.push_str(&format!("[{index}]")),
            serde_path_to_error::Segment::Map { key } => push_key(&mut field, key),
            // The variant of an answer (`choice`, `multi`, `text`) is part of its value.
            serde_path_to_error::Segment::Enum { .. } => {}
            serde_path_to_error::Segment::Unknown => push_key(&mut field, "?"),
        }
    }
    let message = e.to_string();
    let named = |prefix: &str| message.strip_prefix(prefix).and_then(|rest| rest.split('`').next());
    let problem = if let Some(name) = named("missing field `") {
        push_key(&mut field, name);
        Problem::Missing
    } else if let Some(name) = named("duplicate field `") {
        push_key(&mut field, name);
        Problem::Duplicate
    } else if message.starts_with("unknown variant") || message.starts_with("invalid value") {
        Problem::NotAllowed
    } else {
        Problem::WrongType
    };
    ReadError::Invalid { field, problem, line: e.line(), column: e.column() }
}

fn push_key(path: &mut String, key: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    let mut chars = key.chars();
    path.extend(chars.by_ref().take(MAX_SEGMENT_CHARS));
    if chars.next().is_some() {
        path.push('…');
    }
}

struct HeadVisitor;

/// Any JSON value, read in full: `None` when it is not an object, else its `format`.
impl<'de> Visitor<'de> for HeadVisitor {
    type Value = Option<Format>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        SkipVisitor.visit_seq(seq).map(|_| None)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut format = Format::Absent;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            // A second `format` is refused by the full read, which names it.
            if key == "format" && matches!(format, Format::Absent) {
                format = match map.next_value::<Skip>()?.0 {
                    Some(n) => Format::Number(n),
                    None => Format::Other,
                };
            } else {
                map.next_value::<Skip>()?;
            }
        }
        Ok(Some(format))
    }
}

/// Any JSON value, read as serde_json reads a `Value` (strings checked in full, at most 127
/// levels deep) and dropped, keeping only whether it was a whole number (for `format`).
/// serde's `IgnoredAny` would skip strings unchecked and nest without limit.
struct Skip(Option<u64>);

struct SkipVisitor;

impl<'de> Visitor<'de> for SkipVisitor {
    type Value = Skip;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_u64<E>(self, n: u64) -> Result<Skip, E> {
        Ok(Skip(Some(n)))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Skip, E> {
        Ok(Skip(None))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Skip, E> {
        Ok(Skip(None))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Skip, E> {
        Ok(Skip(None))
    }
    fn visit_str<E>(self, _: &str) -> Result<Skip, E> {
        Ok(Skip(None))
    }
    fn visit_unit<E>(self) -> Result<Skip, E> {
        Ok(Skip(None))
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Skip, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(Skip(None))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Skip, A::Error> {
        while map.next_entry::<Skip, Skip>()?.is_some() {}
        Ok(Skip(None))
    }
}

impl<'de> de::Deserialize<'de> for Skip {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(SkipVisitor)
    }
}

/// A JSON object read into a `BTreeMap`, refusing a key given twice (serde's own map would keep
/// the last one and silently drop the other). For `#[serde(deserialize_with)]`.
pub(crate) fn unique_map<'de, D, V>(d: D) -> Result<std::collections::BTreeMap<String, V>, D::Error>
where
    D: de::Deserializer<'de>,
    V: de::Deserialize<'de>,
{
    struct M<V>(std::marker::PhantomData<V>);
    impl<'de, V: de::Deserialize<'de>> Visitor<'de> for M<V> {
        type Value = std::collections::BTreeMap<String, V>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = std::collections::BTreeMap::new();
            while let Some(key) = map.next_key::<String>()? {
                if out.contains_key(&key) {
                    return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
                }
                let value = map.next_value()?;
                out.insert(key, value);
            }
            Ok(out)
        }
    }
    d.deserialize_map(M(std::marker::PhantomData))
}

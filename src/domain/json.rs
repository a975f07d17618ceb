//! Just enough JSON for the saved and exported assessment and the library index, in plain Rust:
//! a pull reader and a writer. It replaces serde_json and the derived serde code in the widget
//! (the Wasm is 15 kB gzip smaller without them).
//!
//! The reader follows serde_json 1.0 (as the widget used it before) step by step, so that the
//! same bytes are accepted and refused, with the same messages at the same line and column:
//! [`check`] reads any JSON value as serde_json's `deserialize_any` does (at most 127 nested
//! arrays and objects, numbers that overflow an `f64` refused, strings with their escapes and
//! surrogate pairs checked); the typed methods of [`Reader`] (`string`, `uint`, `structure`,
//! `variant`, ...) read a document `check` accepted as serde's derived `Deserialize` would
//! (fields by name, duplicates refused, unknown fields skipped, an array of fields in order
//! accepted for a struct). Two things are shown differently in messages: a float is written as
//! it is in the file (serde_json rewrites it, e.g. `1e5` as `100000.0`), and an unprintable
//! character in a string as `\u{..}` only for ASCII controls (serde uses Rust's `Debug`).
//! `tests/json.rs` compares both with serde_json on generated documents.
//!
//! The writer ([`string`], [`Object`]) writes compact JSON byte for byte as
//! `serde_json::to_string` does.
//!
//! It builds no tree (values are read where they are found, skipped when not needed), recurses
//! no deeper than the document nests (refused past 127 levels) and panics on no input; callers
//! still cap the size of what they read (`assessment::MAX_BYTES`, `library::MAX_INDEX_BYTES`).

use std::collections::BTreeMap;

/// Deepest nesting of arrays and objects read, as serde_json: the 128th level is refused.
const MAX_DEPTH: u8 = 128;

const EOF_LIST: &str = "EOF while parsing a list";
const EOF_OBJECT: &str = "EOF while parsing an object";
const EOF_STRING: &str = "EOF while parsing a string";
const EOF_VALUE: &str = "EOF while parsing a value";
const EXPECTED_COLON: &str = "expected `:`";
const EXPECTED_LIST_COMMA_OR_END: &str = "expected `,` or `]`";
const EXPECTED_OBJECT_COMMA_OR_END: &str = "expected `,` or `}`";
const EXPECTED_IDENT: &str = "expected ident";
const EXPECTED_VALUE: &str = "expected value";
const INVALID_ESCAPE: &str = "invalid escape";
const INVALID_NUMBER: &str = "invalid number";
const NUMBER_OUT_OF_RANGE: &str = "number out of range";
const CONTROL_CHARACTER: &str = "control character (\\u0000-\\u001F) found while parsing a string";
const KEY_MUST_BE_A_STRING: &str = "key must be a string";
const LONE_SURROGATE: &str = "lone leading surrogate in hex escape";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING_CHARACTERS: &str = "trailing characters";
const UNEXPECTED_END_OF_HEX_ESCAPE: &str = "unexpected end of hex escape";
const RECURSION_LIMIT: &str = "recursion limit exceeded";

/// Why a document could not be read: what is wrong and, when known, the byte offset serde_json
/// would report it at (see [`Error::position`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub message: String,
    at: Option<usize>,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    fn new(message: String) -> Self {
        Error { message, at: None }
    }

    /// Line and column (1-based line; the column counts bytes, as serde_json does) of the error
    /// in `text`, the document it was read from; None when it has no position.
    pub fn position(&self, text: &str) -> Option<(usize, usize)> {
        let s = text.as_bytes();
        let i = self.at?.min(s.len());
        let line_start = s[..i].iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1);
        Some((1 + s[..line_start].iter().filter(|b| **b == b'\n').count(), i - line_start))
    }

    /// The message, with " at line L column C" when it has a position (serde_json's `Display`).
    pub fn describe(&self, text: &str) -> String {
        match self.position(text) {
            Some((line, column)) => format!("{} at line {line} column {column}", self.message),
            None => self.message.clone(),
        }
    }
}

/// A number as read: its value when it is an integer that fits, else a float (whose value no
/// caller needs; messages show its text).
enum Num {
    U64(u64),
    I64(i64),
    F64,
}

/// Reads a struct field's or an enum variant's value: `f(reader, index)`.
pub type Field<'f, 'a> = &'f mut dyn FnMut(&mut Reader<'a>, usize) -> Result<()>;

/// Reads one JSON document from the start of `text`.
pub struct Reader<'a> {
    text: &'a str,
    i: usize,
    depth: u8,
}

/// Checks that `text` is one JSON value (with white space around it), reading every string in
/// full. The error has the position serde_json gives it.
pub fn check(text: &str) -> Result<()> {
    read(text, |r| r.any(&mut String::new()))
}

/// Reads `text` with `f`, then checks that nothing but white space follows.
pub fn read<'a, T>(text: &'a str, f: impl FnOnce(&mut Reader<'a>) -> Result<T>) -> Result<T> {
    let mut r = Reader { text, i: 0, depth: MAX_DEPTH };
    let value = f(&mut r)?;
    match r.ws() {
        Some(_) => Err(r.peek_error(TRAILING_CHARACTERS)),
        None => Ok(value),
    }
}

/// The members of the JSON object `text` (a document [`check`] accepts) as raw JSON text by
/// key, the last of duplicate keys winning; None when `text` is not an object.
pub fn members(text: &str) -> Option<BTreeMap<String, &str>> {
    read(text, |r| {
        let mut out = BTreeMap::new();
        r.map("a map", &mut |r| {
            let mut first = true;
            while r.has_next_key(&mut first)? {
                let key = r.key()?;
                r.colon()?;
                out.insert(key, r.raw()?);
            }
            Ok(())
        })?;
        Ok(out)
    })
    .ok()
}

/// The elements of the JSON array `text` (a document [`check`] accepts) as raw JSON text;
/// None when `text` is not an array.
pub fn elements(text: &str) -> Option<Vec<&str>> {
    read(text, |r| {
        let mut out = Vec::new();
        r.seq("a sequence", &mut |r| {
            let mut first = true;
            while r.has_next_element(&mut first)? {
                out.push(r.raw()?);
            }
            Ok(())
        })?;
        Ok(out)
    })
    .ok()
}

/// `unknown variant `x`, expected one of `a`, `b`, `c`` (serde's wording).
fn unknown_variant(found: &str, names: &[&str]) -> Error {
    let mut m = format!("unknown variant `{found}`, expected ");
    if names.len() > 2 {
        m.push_str("one of ");
    }
    for (i, n) in names.iter().enumerate() {
        if i > 0 {
            m.push_str(if names.len() == 2 { " or " } else { ", " });
        }
        m.push('`');
        m.push_str(n);
        m.push('`');
    }
    Error::new(m)
}

/// Exact `1e288` to `1e308`: below `1e288` no `u64` significand overflows an `f64`.
const POW10_288: [f64; 21] = [
    1e288, 1e289, 1e290, 1e291, 1e292, 1e293, 1e294, 1e295, 1e296, 1e297, 1e298, 1e299, 1e300, 1e301, 1e302, 1e303,
    1e304, 1e305, 1e306, 1e307, 1e308,
];

/// True when `a * 10 + b` would overflow `u64` (serde_json's test).
fn overflows(a: u64, b: u64) -> bool {
    a >= u64::MAX / 10 && (a > u64::MAX / 10 || b > u64::MAX % 10)
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.i).copied()
    }

    fn peek_or_null(&self) -> u8 {
        self.peek().unwrap_or(0)
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.i += 1;
        Some(b)
    }

    /// An error at the byte just read.
    fn error(&self, message: &str) -> Error {
        Error { message: message.into(), at: Some(self.i) }
    }

    /// An error at the byte about to be read.
    fn peek_error(&self, message: &str) -> Error {
        Error { message: message.into(), at: Some((self.i + 1).min(self.text.len())) }
    }

    /// Gives an error without a position the current one (serde_json's `fix_position`).
    fn fix(&self, e: Error) -> Error {
        match e.at {
            None => Error { at: Some(self.i), ..e },
            Some(_) => e,
        }
    }

    /// Skips white space; the next byte, not read.
    fn ws(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.i += 1;
        }
        self.peek()
    }

    fn ident(&mut self, rest: &[u8]) -> Result<()> {
        for expected in rest {
            match self.next() {
                None => return Err(self.error(EOF_VALUE)),
                Some(b) if b != *expected => return Err(self.error(EXPECTED_IDENT)),
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// One level deeper into an array or object (the `[` or `{` not yet read).
    fn enter(&mut self) -> Result<()> {
        self.depth = self.depth.saturating_sub(1);
        if self.depth == 0 {
            return Err(self.peek_error(RECURSION_LIMIT));
        }
        self.i += 1;
        Ok(())
    }

    // ---- numbers (serde_json's `parse_integer` and what follows it, without float_roundtrip)

    fn integer(&mut self, positive: bool) -> Result<Num> {
        match self.next() {
            None => Err(self.error(EOF_VALUE)),
            Some(b'0') => match self.peek_or_null() {
                b'0'..=b'9' => Err(self.peek_error(INVALID_NUMBER)),
                _ => self.number(positive, 0),
            },
            Some(c @ b'1'..=b'9') => {
                let mut significand = (c - b'0') as u64;
                while let c @ b'0'..=b'9' = self.peek_or_null() {
                    let digit = (c - b'0') as u64;
                    if overflows(significand, digit) {
                        return self.long_integer(significand);
                    }
                    self.i += 1;
                    significand = significand * 10 + digit;
                }
                self.number(positive, significand)
            }
            Some(_) => Err(self.error(INVALID_NUMBER)),
        }
    }

    fn number(&mut self, positive: bool, significand: u64) -> Result<Num> {
        match self.peek_or_null() {
            b'.' => self.decimal(significand, 0),
            b'e' | b'E' => self.exponent(significand, 0),
            _ if positive => Ok(Num::U64(significand)),
            // `-0` and what does not fit an i64 are floats.
            _ => match (significand as i64).wrapping_neg() {
                neg if neg < 0 => Ok(Num::I64(neg)),
                _ => Ok(Num::F64),
            },
        }
    }

    fn long_integer(&mut self, significand: u64) -> Result<Num> {
        let mut exponent: i32 = 0;
        loop {
            match self.peek_or_null() {
                b'0'..=b'9' => {
                    self.i += 1;
                    exponent = exponent.saturating_add(1);
                }
                b'.' => return self.decimal(significand, exponent),
                b'e' | b'E' => return self.exponent(significand, exponent),
                _ => return self.float(significand, exponent),
            }
        }
    }

    fn decimal(&mut self, mut significand: u64, exponent_before: i32) -> Result<Num> {
        self.i += 1;
        let mut exponent_after: i32 = 0;
        let mut digits = false;
        while let c @ b'0'..=b'9' = self.peek_or_null() {
            let digit = (c - b'0') as u64;
            if overflows(significand, digit) {
                // Further digits cannot change the value.
                while let b'0'..=b'9' = self.peek_or_null() {
                    self.i += 1;
                }
                return match self.peek_or_null() {
                    b'e' | b'E' => self.exponent(significand, exponent_before.saturating_add(exponent_after)),
                    _ => self.float(significand, exponent_before.saturating_add(exponent_after)),
                };
            }
            self.i += 1;
            significand = significand * 10 + digit;
            exponent_after = exponent_after.saturating_sub(1);
            digits = true;
        }
        if !digits {
            return Err(match self.peek() {
                Some(_) => self.peek_error(INVALID_NUMBER),
                None => self.peek_error(EOF_VALUE),
            });
        }
        let exponent = exponent_before.saturating_add(exponent_after);
        match self.peek_or_null() {
            b'e' | b'E' => self.exponent(significand, exponent),
            _ => self.float(significand, exponent),
        }
    }

    fn exponent(&mut self, significand: u64, starting: i32) -> Result<Num> {
        self.i += 1;
        let positive = match self.peek_or_null() {
            b'+' => {
                self.i += 1;
                true
            }
            b'-' => {
                self.i += 1;
                false
            }
            _ => true,
        };
        let mut exp = match self.next() {
            None => return Err(self.error(EOF_VALUE)),
            Some(c @ b'0'..=b'9') => (c - b'0') as i32,
            Some(_) => return Err(self.error(INVALID_NUMBER)),
        };
        while let c @ b'0'..=b'9' = self.peek_or_null() {
            self.i += 1;
            let digit = (c - b'0') as i32;
            if exp >= i32::MAX / 10 && (exp > i32::MAX / 10 || digit > i32::MAX % 10) {
                // An exponent beyond i32: infinity (refused) or zero.
                if significand != 0 && positive {
                    return Err(self.error(NUMBER_OUT_OF_RANGE));
                }
                while let b'0'..=b'9' = self.peek_or_null() {
                    self.i += 1;
                }
                return Ok(Num::F64);
            }
            exp = exp * 10 + digit;
        }
        let exponent = if positive { starting.saturating_add(exp) } else { starting.saturating_sub(exp) };
        self.float(significand, exponent)
    }

    /// serde_json's `f64_from_parts`, of which only the refusal matters here: a positive
    /// exponent that makes the (approximate) value infinite.
    fn float(&self, significand: u64, exponent: i32) -> Result<Num> {
        let infinite = significand != 0
            && exponent >= 288
            && (exponent > 308 || (significand as f64 * POW10_288[(exponent - 288) as usize]).is_infinite());
        if infinite {
            return Err(self.error(NUMBER_OUT_OF_RANGE));
        }
        Ok(Num::F64)
    }

    // ---- strings

    /// The rest of a string whose opening quote has been read, unescaped into `out`.
    fn string_into(&mut self, out: &mut String) -> Result<()> {
        let bytes = self.text.as_bytes();
        let mut start = self.i;
        loop {
            while let Some(&b) = bytes.get(self.i) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            match bytes.get(self.i) {
                None => return Err(self.error(EOF_STRING)),
                Some(b'"') => {
                    out.push_str(&self.text[start..self.i]);
                    self.i += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    out.push_str(&self.text[start..self.i]);
                    self.i += 1;
                    self.escape(out)?;
                    start = self.i;
                }
                Some(_) => {
                    self.i += 1;
                    return Err(self.error(CONTROL_CHARACTER));
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<()> {
        let c = match self.next() {
            None => return Err(self.error(EOF_STRING)),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\x08',
            Some(b'f') => '\x0c',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let n = self.hex4()?;
                let code = match n {
                    0xDC00..=0xDFFF => return Err(self.error(LONE_SURROGATE)),
                    0xD800..=0xDBFF => {
                        // A leading surrogate: a trailing one must follow as `\uDC00`..`\uDFFF`.
                        for expected in [b'\\', b'u'] {
                            match self.next() {
                                None => return Err(self.error(EOF_STRING)),
                                Some(b) if b != expected => return Err(self.error(UNEXPECTED_END_OF_HEX_ESCAPE)),
                                Some(_) => {}
                            }
                        }
                        let n2 = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&n2) {
                            return Err(self.error(LONE_SURROGATE));
                        }
                        ((((n - 0xD800) as u32) << 10) | (n2 - 0xDC00) as u32) + 0x1_0000
                    }
                    _ => n as u32,
                };
                char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
            }
            Some(_) => return Err(self.error(INVALID_ESCAPE)),
        };
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u16> {
        let Some(digits) = self.text.as_bytes().get(self.i..self.i + 4) else {
            self.i = self.text.len();
            return Err(self.error(EOF_STRING));
        };
        self.i += 4;
        let mut n = 0u16;
        for d in digits {
            let v = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err(self.error(INVALID_ESCAPE)),
            };
            n = n << 4 | v as u16;
        }
        Ok(n)
    }

    // ---- structure

    /// An `invalid type` error for the value about to be read, which is read to name it
    /// (serde_json's `peek_invalid_type`).
    fn invalid_type(&mut self, expected: &str) -> Error {
        let start = self.i;
        let found = match self.peek_or_null() {
            b'n' | b't' | b'f' => {
                let (rest, name): (&[u8], _) = match self.peek_or_null() {
                    b'n' => (b"ull", "null"),
                    b't' => (b"rue", "boolean `true`"),
                    _ => (b"alse", "boolean `false`"),
                };
                self.i += 1;
                if let Err(e) = self.ident(rest) {
                    return e;
                }
                name.to_string()
            }
            b'-' | b'0'..=b'9' => match self.signed() {
                Ok(n) => self.describe_number(n, start),
                Err(e) => return e,
            },
            b'"' => {
                self.i += 1;
                let mut s = String::new();
                if let Err(e) = self.string_into(&mut s) {
                    return e;
                }
                let mut found = String::from("string \"");
                for c in s.chars() {
                    match c {
                        '"' => found.push_str("\\\""),
                        '\\' => found.push_str("\\\\"),
                        '\n' => found.push_str("\\n"),
                        '\r' => found.push_str("\\r"),
                        '\t' => found.push_str("\\t"),
                        '\0' => found.push_str("\\0"),
                        '\x01'..='\x1f' | '\x7f' => found.push_str(&format!("\\u{{{:x}}}", c as u32)),
                        c => found.push(c),
                    }
                }
                found.push('"');
                found
            }
            b'[' => "sequence".into(),
            b'{' => "map".into(),
            _ => return self.peek_error(EXPECTED_VALUE),
        };
        self.fix(Error::new(format!("invalid type: {found}, expected {expected}")))
    }

    /// A number, its sign included (the first byte is `-` or a digit).
    fn signed(&mut self) -> Result<Num> {
        let positive = self.peek() != Some(b'-');
        if !positive {
            self.i += 1;
        }
        self.integer(positive)
    }

    /// How serde names a number in a message (a float as written in the file).
    fn describe_number(&self, n: Num, start: usize) -> String {
        match n {
            Num::U64(n) => format!("integer `{n}`"),
            Num::I64(n) => format!("integer `{n}`"),
            Num::F64 => format!("floating point `{}`", &self.text[start..self.i]),
        }
    }

    /// Any value, read as serde_json's `deserialize_any` reads it (`scratch` holds strings).
    fn any(&mut self, scratch: &mut String) -> Result<()> {
        match self.ws() {
            None => Err(self.peek_error(EOF_VALUE)),
            Some(b'n') => {
                self.i += 1;
                self.ident(b"ull")
            }
            Some(b't') => {
                self.i += 1;
                self.ident(b"rue")
            }
            Some(b'f') => {
                self.i += 1;
                self.ident(b"alse")
            }
            Some(b'-' | b'0'..=b'9') => self.signed().map(drop),
            Some(b'"') => {
                self.i += 1;
                scratch.clear();
                self.string_into(scratch)
            }
            Some(b'[') => self.seq("", &mut |r| {
                let mut first = true;
                while r.has_next_element(&mut first)? {
                    r.any(scratch)?;
                }
                Ok(())
            }),
            Some(b'{') => self.map("", &mut |r| {
                let mut first = true;
                while r.has_next_key(&mut first)? {
                    r.i += 1;
                    scratch.clear();
                    r.string_into(scratch)?;
                    r.colon()?;
                    r.any(scratch)?;
                }
                Ok(())
            }),
            Some(_) => Err(self.peek_error(EXPECTED_VALUE)),
        }
    }

    /// The raw text of the next value (after white space), skipped.
    fn raw(&mut self) -> Result<&'a str> {
        self.ws();
        let start = self.i;
        self.skip()?;
        Ok(&self.text[start..self.i])
    }

    /// Skips a value (an unknown field's).
    pub fn skip(&mut self) -> Result<()> {
        self.any(&mut String::new())
    }

    /// An array read by `visit`, which calls [`Reader::has_next_element`] before each element;
    /// anything else is an `invalid type` (expected `expected`).
    pub fn seq(&mut self, expected: &str, visit: &mut dyn FnMut(&mut Self) -> Result<()>) -> Result<()> {
        let r = match self.ws() {
            None => return Err(self.peek_error(EOF_VALUE)),
            Some(b'[') => self.in_seq(visit),
            Some(_) => Err(self.invalid_type(expected)),
        };
        r.map_err(|e| self.fix(e))
    }

    fn in_seq(&mut self, visit: &mut dyn FnMut(&mut Self) -> Result<()>) -> Result<()> {
        self.enter()?;
        let ret = visit(self);
        self.depth += 1;
        let end = match self.ws() {
            Some(b']') => {
                self.i += 1;
                Ok(())
            }
            Some(b',') => {
                self.i += 1;
                match self.ws() {
                    Some(b']') => Err(self.peek_error(TRAILING_COMMA)),
                    _ => Err(self.peek_error(TRAILING_CHARACTERS)),
                }
            }
            Some(_) => Err(self.peek_error(TRAILING_CHARACTERS)),
            None => Err(self.peek_error(EOF_LIST)),
        };
        ret.and(end)
    }

    /// An object read by `visit`, which calls [`Reader::has_next_key`], [`Reader::key`] and
    /// [`Reader::colon`] before each value; anything else is an `invalid type`.
    pub fn map(&mut self, expected: &str, visit: &mut dyn FnMut(&mut Self) -> Result<()>) -> Result<()> {
        let r = match self.ws() {
            None => return Err(self.peek_error(EOF_VALUE)),
            Some(b'{') => self.in_map(visit),
            Some(_) => Err(self.invalid_type(expected)),
        };
        r.map_err(|e| self.fix(e))
    }

    fn in_map(&mut self, visit: &mut dyn FnMut(&mut Self) -> Result<()>) -> Result<()> {
        self.enter()?;
        let ret = visit(self);
        self.depth += 1;
        let end = match self.ws() {
            Some(b'}') => {
                self.i += 1;
                Ok(())
            }
            Some(b',') => Err(self.peek_error(TRAILING_COMMA)),
            Some(_) => Err(self.peek_error(TRAILING_CHARACTERS)),
            None => Err(self.peek_error(EOF_OBJECT)),
        };
        ret.and(end)
    }

    /// Inside an array: true when an element follows (its comma read).
    pub fn has_next_element(&mut self, first: &mut bool) -> Result<bool> {
        match self.ws() {
            None => Err(self.peek_error(EOF_LIST)),
            Some(b']') => Ok(false),
            Some(_) if *first => {
                *first = false;
                Ok(true)
            }
            Some(b',') => {
                self.i += 1;
                match self.ws() {
                    Some(b']') => Err(self.peek_error(TRAILING_COMMA)),
                    Some(_) => Ok(true),
                    None => Err(self.peek_error(EOF_VALUE)),
                }
            }
            Some(_) => Err(self.peek_error(EXPECTED_LIST_COMMA_OR_END)),
        }
    }

    /// Inside an object: true when a key follows (its comma read).
    pub fn has_next_key(&mut self, first: &mut bool) -> Result<bool> {
        match self.ws() {
            None => Err(self.peek_error(EOF_OBJECT)),
            Some(b'}') => Ok(false),
            Some(b) if *first => {
                *first = false;
                match b {
                    b'"' => Ok(true),
                    _ => Err(self.peek_error(KEY_MUST_BE_A_STRING)),
                }
            }
            Some(b',') => {
                self.i += 1;
                match self.ws() {
                    Some(b'"') => Ok(true),
                    Some(b'}') => Err(self.peek_error(TRAILING_COMMA)),
                    Some(_) => Err(self.peek_error(KEY_MUST_BE_A_STRING)),
                    None => Err(self.peek_error(EOF_VALUE)),
                }
            }
            Some(_) => Err(self.peek_error(EXPECTED_OBJECT_COMMA_OR_END)),
        }
    }

    /// The key that [`Reader::has_next_key`] found.
    pub fn key(&mut self) -> Result<String> {
        self.i += 1;
        let mut key = String::new();
        self.string_into(&mut key)?;
        Ok(key)
    }

    /// The `:` between a key and its value.
    pub fn colon(&mut self) -> Result<()> {
        match self.ws() {
            Some(b':') => {
                self.i += 1;
                Ok(())
            }
            Some(_) => Err(self.peek_error(EXPECTED_COLON)),
            None => Err(self.peek_error(EOF_OBJECT)),
        }
    }

    // ---- typed values, as serde's `Deserialize` implementations read them

    /// A string.
    pub fn string(&mut self) -> Result<String> {
        let r = match self.ws() {
            None => return Err(self.peek_error(EOF_VALUE)),
            Some(b'"') => {
                self.i += 1;
                let mut s = String::new();
                self.string_into(&mut s).map(|()| s)
            }
            Some(_) => Err(self.invalid_type("a string")),
        };
        r.map_err(|e| self.fix(e))
    }

    /// `true` or `false`.
    pub fn boolean(&mut self) -> Result<bool> {
        let r = match self.ws() {
            None => return Err(self.peek_error(EOF_VALUE)),
            Some(b't') => {
                self.i += 1;
                self.ident(b"rue").map(|()| true)
            }
            Some(b'f') => {
                self.i += 1;
                self.ident(b"alse").map(|()| false)
            }
            Some(_) => Err(self.invalid_type("a boolean")),
        };
        r.map_err(|e| self.fix(e))
    }

    /// A whole number from 0 to `max`; `name` is the Rust type (`u32`, `u64`, `usize`).
    pub fn uint(&mut self, max: u64, name: &str) -> Result<u64> {
        let start = self.ws();
        let from = self.i;
        let r = match start {
            None => return Err(self.peek_error(EOF_VALUE)),
            Some(b'-' | b'0'..=b'9') => match self.signed()? {
                Num::U64(n) if n <= max => Ok(n),
                Num::U64(n) => Err(Error::new(format!("invalid value: integer `{n}`, expected {name}"))),
                Num::I64(n) => Err(Error::new(format!("invalid value: integer `{n}`, expected {name}"))),
                Num::F64 => {
                    Err(Error::new(format!("invalid type: {}, expected {name}", self.describe_number(Num::F64, from))))
                }
            },
            Some(_) => Err(self.invalid_type(name)),
        };
        r.map_err(|e| self.fix(e))
    }

    /// An object of `V`s read by `f`, by key (a `BTreeMap`: the last of duplicate keys wins).
    pub fn map_of<V>(&mut self, mut f: impl FnMut(&mut Self) -> Result<V>) -> Result<BTreeMap<String, V>> {
        let mut out = BTreeMap::new();
        self.map("a map", &mut |r| {
            let mut first = true;
            while r.has_next_key(&mut first)? {
                let key = r.key()?;
                r.colon()?;
                out.insert(key, f(r)?);
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// An array of `T`s read by `f` (a `Vec`).
    pub fn seq_of<T>(&mut self, mut f: impl FnMut(&mut Self) -> Result<T>) -> Result<Vec<T>> {
        let mut out = Vec::new();
        self.seq("a sequence", &mut |r| {
            let mut first = true;
            while r.has_next_element(&mut first)? {
                out.push(f(r)?);
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// `null`, or what `f` reads (an `Option`).
    pub fn option<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<Option<T>> {
        if self.ws() == Some(b'n') {
            self.i += 1;
            self.ident(b"ull")?;
            return Ok(None);
        }
        f(self).map(Some)
    }

    /// A struct with the fields `names` (in declaration order), as serde's derive reads one:
    /// an object (unknown keys skipped, a duplicate refused, a missing field in `required`, a
    /// bit per field, refused) or an array of the fields in order. `set(reader, i)` reads the
    /// value of field `i`; fields it is not called for keep their default. `expected` is
    /// serde's name for it (`struct SignOff`).
    pub fn structure(&mut self, expected: &str, names: &[&str], required: u32, set: Field<'_, 'a>) -> Result<()> {
        let r = match self.ws() {
            None => return Err(self.peek_error(EOF_VALUE)),
            Some(b'[') => self.in_seq(&mut |r| {
                let mut first = true;
                for i in 0..names.len() {
                    if r.has_next_element(&mut first)? {
                        set(r, i)?;
                    } else if required >> i & 1 == 1 {
                        let n = names.len();
                        let s = if n == 1 { "" } else { "s" };
                        return Err(Error::new(format!("invalid length {i}, expected {expected} with {n} element{s}")));
                    }
                }
                Ok(())
            }),
            Some(b'{') => self.in_map(&mut |r| {
                let (mut first, mut seen) = (true, 0u32);
                while r.has_next_key(&mut first)? {
                    let key = r.key()?;
                    match names.iter().position(|n| *n == key) {
                        Some(i) if seen >> i & 1 == 1 => {
                            return Err(Error::new(format!("duplicate field `{key}`")));
                        }
                        Some(i) => {
                            r.colon()?;
                            set(r, i)?;
                            seen |= 1 << i;
                        }
                        None => {
                            r.colon()?;
                            r.skip()?;
                        }
                    }
                }
                match (0..names.len()).find(|i| (required & !seen) >> i & 1 == 1) {
                    Some(i) => Err(Error::new(format!("missing field `{}`", names[i]))),
                    None => Ok(()),
                }
            }),
            Some(_) => Err(self.invalid_type(expected)),
        };
        r.map_err(|e| self.fix(e))
    }

    /// An enum in serde's default (externally tagged) form: `"name"` for a unit variant,
    /// `{"name": value}` for one with a value. `names` are the variants; `content`, when given,
    /// reads a variant's value (all variants have one), else all are unit variants (read from
    /// `"name"`, or `{"name": null}` as serde_json also accepts). The variant's index.
    pub fn variant(&mut self, names: &[&str], content: Option<Field<'_, 'a>>) -> Result<usize> {
        match self.ws() {
            Some(b'{') => {
                self.enter()?;
                let ret = self.variant_content(names, content);
                self.depth += 1;
                let i = ret?;
                match self.ws() {
                    Some(b'}') => {
                        self.i += 1;
                        Ok(i)
                    }
                    Some(_) => Err(self.error(EXPECTED_VALUE)),
                    None => Err(self.error(EOF_OBJECT)),
                }
            }
            Some(b'"') => {
                let i = self.variant_name(names)?;
                match content {
                    None => Ok(i),
                    Some(_) => Err(Error::new("invalid type: unit variant, expected newtype variant".into())),
                }
            }
            Some(_) => Err(self.peek_error(EXPECTED_VALUE)),
            None => Err(self.peek_error(EOF_VALUE)),
        }
    }

    fn variant_content(&mut self, names: &[&str], content: Option<Field<'_, 'a>>) -> Result<usize> {
        match self.ws() {
            Some(b'"') => {}
            Some(b'}') => return Err(self.peek_error(EXPECTED_VALUE)),
            Some(_) => return Err(self.peek_error(KEY_MUST_BE_A_STRING)),
            None => return Err(self.peek_error(EOF_OBJECT)),
        }
        let i = self.variant_name(names)?;
        self.colon()?;
        match content {
            Some(f) => f(self, i)?,
            // serde_json reads a unit variant's value as `()`: null.
            None => {
                let r = match self.ws() {
                    None => return Err(self.peek_error(EOF_VALUE)),
                    Some(b'n') => {
                        self.i += 1;
                        self.ident(b"ull")
                    }
                    Some(_) => Err(self.invalid_type("unit")),
                };
                r.map_err(|e| self.fix(e))?;
            }
        }
        Ok(i)
    }

    /// A variant's name (a string, its quote next), as its index in `names`.
    fn variant_name(&mut self, names: &[&str]) -> Result<usize> {
        let name = self.key()?;
        names.iter().position(|n| *n == name).ok_or_else(|| self.fix(unknown_variant(&name, names)))
    }
}

// ---- writing

/// Writes `s` as a JSON string, escaped as serde_json escapes it: `"`, `\` and the control
/// characters U+0000 to U+001F (`\b`, `\t`, `\n`, `\f`, `\r` or `\u00XX`); everything else,
/// non-ASCII included, as it is.
pub fn string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escaped = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\x08' => "\\b",
            b'\t' => "\\t",
            b'\n' => "\\n",
            b'\x0c' => "\\f",
            b'\r' => "\\r",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if escaped.is_empty() {
            out.push_str("\\u00");
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 0xf) as usize] as char);
        } else {
            out.push_str(escaped);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// A JSON object being written: `{`, then `"key":value` pairs separated by commas, then `}`.
pub struct Object<'o> {
    out: &'o mut String,
    first: bool,
}

impl<'o> Object<'o> {
    pub fn new(out: &'o mut String) -> Self {
        out.push('{');
        Object { out, first: true }
    }

    /// Writes `"key":` and returns the output for the value.
    pub fn key(&mut self, key: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        string(self.out, key);
        self.out.push(':');
        self.out
    }

    /// A string member.
    pub fn str(&mut self, key: &str, value: &str) {
        string(self.key(key), value);
    }

    pub fn end(self) {
        self.out.push('}');
    }
}

/// Writes a JSON array: `[`, each item written by `f`, separated by commas, `]`.
pub fn array<T>(out: &mut String, items: impl IntoIterator<Item = T>, mut f: impl FnMut(&mut String, T)) {
    out.push('[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        f(out, item);
    }
    out.push(']');
}

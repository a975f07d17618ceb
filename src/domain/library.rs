//! The list of assessments kept in one browser: an index with, for each assessment, what the
//! list shows (title, last change, verdict) and which one is open. Pure; `storage.rs` keeps it
//! in localStorage beside one key per assessment. The index is a cache: the assessments'
//! own keys are the truth, and the storage code rebuilds the index from them when it is
//! missing or unreadable.

use super::assessment::{Assessment, ReadError};
use super::engine;
use super::json::{self, Reader};
use super::model::Bank;

/// Version of the index's shape.
pub const INDEX_FORMAT: u32 = 1;

/// Largest index we read.
pub const MAX_INDEX_BYTES: usize = 1024 * 1024;

/// One assessment in the list. Stored as a JSON object with these fields, every one optional
/// when read (the serde derives here are for native tests only, which compare with serde_json).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize), serde(default))]
pub struct Entry {
    pub id: String,
    pub title: String,
    /// Last change, ISO 8601 (as `Assessment::updated`).
    pub updated: String,
    /// `engine::Outcome::key()`. Indexes written before the four outcomes hold the old verdict
    /// keys ("do_not_proceed", "prior_consultation", "proceed"); `Outcome::from_key` reads both.
    pub verdict: String,
    /// True while questions are still open (the verdict is provisional).
    pub provisional: bool,
    pub bank_version: String,
    /// How many answers are kept as "no longer asked".
    pub retired: usize,
}

/// The list, and which assessment is open. Stored as a JSON object with these fields, every one
/// optional when read.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize), serde(default))]
pub struct Index {
    pub format: u32,
    /// Id of the assessment opened last; empty when none.
    pub current: String,
    pub items: Vec<Entry>,
}

/// The list entry for an assessment, with its decision from the engine.
pub fn entry(bank: &Bank, id: &str, a: &Assessment) -> Entry {
    let decision = engine::decide(bank, &a.answers, &a.plan);
    Entry {
        id: id.to_string(),
        title: a.title.clone(),
        updated: a.updated.clone(),
        verdict: decision.outcome.key().to_string(),
        provisional: decision.provisional,
        bank_version: a.bank_version.clone(),
        retired: a.retired.len(),
    }
}

/// True for the ids this widget makes: 1 to 40 lower-case ASCII letters, digits and hyphens.
/// Keys are built from ids, so nothing else is accepted from storage.
pub fn valid_id(id: &str) -> bool {
    (1..=40).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// An id from a time in milliseconds and a random number: base 36, sortable by creation.
pub fn make_id(now_ms: u64, random: u64) -> String {
    fn base36(mut n: u64, out: &mut Vec<u8>) {
        const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        let start = out.len();
        loop {
            out.push(DIGITS[(n % 36) as usize]);
            n /= 36;
            if n == 0 {
                break;
            }
        }
        out[start..].reverse();
    }
    let mut out = Vec::new();
    base36(now_ms, &mut out);
    out.push(b'-');
    base36(random % 36u64.pow(6), &mut out);
    // ASCII digits and letters, one char per byte (no `from_utf8(..).expect`, whose error
    // formatting would add code to the wasm).
    out.into_iter().map(char::from).collect()
}

/// Parses a stored index. Never panics; entries with an invalid id are left out. Read with
/// `json` as serde_json read it before: a `format` (a whole number) is required, unknown fields
/// are ignored, a duplicated field is refused.
pub fn parse_index(bytes: &[u8]) -> Result<Index, ReadError> {
    if bytes.len() > MAX_INDEX_BYTES {
        return Err(ReadError::TooLarge { bytes: bytes.len(), max: MAX_INDEX_BYTES });
    }
    // The format first (`null`, absent or not a whole number: not an index), then the index.
    let text = super::assessment::json_object(bytes)?;
    let probe = json::read(text, |r| {
        r.option(|r| {
            let mut format = None;
            r.structure("struct Probe", &["format"], 0, &mut |r, _| {
                format = r.option(|r| r.uint(u64::MAX, "u64"))?;
                Ok(())
            })?;
            Ok(format)
        })
    });
    let format = probe.ok().flatten().flatten().ok_or(ReadError::NotAnAssessment)?;
    if format > INDEX_FORMAT as u64 {
        return Err(ReadError::NewerFormat { found: format, supported: INDEX_FORMAT });
    }
    let mut index = json::read(text, Index::read)
        .map_err(|e| ReadError::WrongShape { field: "index".into(), detail: e.describe(text) })?;
    index.items.retain(|e| valid_id(&e.id));
    let mut seen = std::collections::BTreeSet::new();
    index.items.retain(|e| seen.insert(e.id.clone()));
    Ok(index)
}

const ENTRY_FIELDS: [&str; 7] = ["id", "title", "updated", "verdict", "provisional", "bank_version", "retired"];

impl Entry {
    fn read(r: &mut Reader) -> json::Result<Entry> {
        let mut e = Entry::default();
        r.structure("struct Entry", &ENTRY_FIELDS, 0, &mut |r, i| {
            match i {
                0 => e.id = r.string()?,
                1 => e.title = r.string()?,
                2 => e.updated = r.string()?,
                3 => e.verdict = r.string()?,
                4 => e.provisional = r.boolean()?,
                5 => e.bank_version = r.string()?,
                _ => e.retired = r.uint(usize::MAX as u64, "usize")? as usize,
            }
            Ok(())
        })?;
        Ok(e)
    }

    fn write(&self, out: &mut String) {
        let mut o = json::Object::new(out);
        o.str("id", &self.id);
        o.str("title", &self.title);
        o.str("updated", &self.updated);
        o.str("verdict", &self.verdict);
        o.key("provisional").push_str(if self.provisional { "true" } else { "false" });
        o.str("bank_version", &self.bank_version);
        o.key("retired").push_str(&self.retired.to_string());
        o.end();
    }
}

impl Index {
    pub fn new() -> Self {
        Index { format: INDEX_FORMAT, current: String::new(), items: Vec::new() }
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.items.iter().find(|e| e.id == id)
    }

    /// Adds an entry, or replaces the one with the same id in place.
    pub fn upsert(&mut self, entry: Entry) {
        match self.items.iter_mut().find(|e| e.id == entry.id) {
            Some(e) => *e = entry,
            None => self.items.push(entry),
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<Entry> {
        let i = self.items.iter().position(|e| e.id == id)?;
        if self.current == id {
            self.current.clear();
        }
        Some(self.items.remove(i))
    }

    /// The entries, most recently changed first (ties by id, newest first).
    pub fn by_recent(&self) -> Vec<&Entry> {
        let mut v: Vec<&Entry> = self.items.iter().collect();
        super::sort::sort_by(&mut v, |a, b| b.updated.cmp(&a.updated).then_with(|| b.id.cmp(&a.id)));
        v
    }

    fn read(r: &mut Reader) -> json::Result<Index> {
        let mut index = Index::default();
        r.structure("struct Index", &["format", "current", "items"], 0, &mut |r, i| {
            match i {
                0 => index.format = r.uint(u32::MAX as u64, "u32")? as u32,
                1 => index.current = r.string()?,
                _ => index.items = r.seq_of(Entry::read)?,
            }
            Ok(())
        })?;
        Ok(index)
    }

    /// Compact JSON, byte for byte what serde_json wrote for the same index.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        let mut o = json::Object::new(&mut out);
        o.key("format").push_str(&self.format.to_string());
        o.str("current", &self.current);
        json::array(o.key("items"), &self.items, |out, e| e.write(out));
        o.end();
        out
    }
}

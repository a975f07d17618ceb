//! The list of assessments kept in one browser: an index with, for each assessment, what the
//! list shows (title, last change, verdict) and which one is open. Pure; `storage.rs` keeps it
//! in localStorage beside one key per assessment. The index is a cache: the assessments'
//! own keys are the truth, and the storage code rebuilds the index from them when it is
//! missing or unreadable.

use serde::{Deserialize, Serialize};

use super::assessment::{clamp_chars, Assessment, MAX_META_LEN};
use super::codec::{self, Format, ReadError};
use crate::domain::engine;
use crate::domain::model::Bank;

/// Version of the index's shape.
pub const INDEX_FORMAT: u32 = 1;

/// Largest index we read. `storage.rs` never writes a larger one (an assessment whose entry
/// would not fit is not added), and every entry is bounded ([`MAX_ENTRY_BYTES`]).
pub const MAX_INDEX_BYTES: usize = 1024 * 1024;

/// Longest version or time stamp copied into an entry, in characters.
pub const MAX_STAMP_LEN: usize = 40;

/// Upper bound of one entry's JSON: every character of a capped title escaped as `\uXXXX`,
/// plus the other capped fields and the keys.
pub const MAX_ENTRY_BYTES: usize = 6 * MAX_META_LEN + 6 * 3 * MAX_STAMP_LEN + 200;

/// One assessment in the list. Stored as a JSON object with these fields, every one optional
/// when read. Every text is bounded (see [`entry`]): the full title stays in the assessment.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Entry {
    pub id: String,
    /// At most `MAX_META_LEN` characters.
    pub title: String,
    /// Last change, ISO 8601 (as `Assessment::updated`).
    pub updated: String,
    /// `engine::Outcome::key()` when the entry was written. Indexes written before the four
    /// outcomes hold the old verdict keys ("do_not_proceed", "prior_consultation", "proceed"),
    /// which `Outcome::from_key` still reads; the storage code recomputes such entries. A key
    /// this version does not know at all is shown as no decision until the next save.
    pub verdict: String,
    /// True while questions are still open (the verdict is provisional).
    pub provisional: bool,
    pub bank_version: String,
    /// How many answers are kept as "no longer asked".
    pub retired: usize,
}

/// The list, and which assessment is open. Stored as a JSON object with these fields, every one
/// optional when read except `format`.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Index {
    pub format: u32,
    /// Id of the assessment opened last; empty when none.
    pub current: String,
    pub items: Vec<Entry>,
}

/// The list entry for an assessment, with its decision from the engine. Its texts are capped,
/// so that an entry never holds more than [`MAX_ENTRY_BYTES`] whatever the assessment holds.
pub fn entry(bank: &Bank, id: &str, a: &Assessment) -> Entry {
    entry_with(id, a, &engine::decide(bank, &a.answers, &a.plan))
}

/// The list entry for an assessment whose decision is known (the open one: the report's).
pub fn entry_with(id: &str, a: &Assessment, decision: &engine::Decision) -> Entry {
    Entry {
        id: id.to_string(),
        title: clamp_chars(&a.title, MAX_META_LEN),
        updated: clamp_chars(&a.updated, MAX_STAMP_LEN),
        verdict: decision.outcome.key().to_string(),
        provisional: decision.provisional,
        bank_version: clamp_chars(&a.bank_version, MAX_STAMP_LEN),
        retired: a.retired.len(),
    }
}

/// The list as shown: the stored entries in their order, with the open assessment's entry as
/// it is now in memory (its stored entry may be a change behind: it keeps its place and its
/// last-change stamp), or first when it is not stored (storage unavailable, or not yet saved).
pub fn with_open(stored: &[Entry], open: Entry) -> Vec<Entry> {
    let mut out = stored.to_vec();
    match out.iter_mut().find(|e| e.id == open.id) {
        Some(e) => {
            let updated = std::mem::take(&mut e.updated);
            *e = Entry { updated, ..open };
        }
        None => out.insert(0, Entry { updated: String::new(), ..open }),
    }
    out
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

/// Parses a stored index. Never panics; entries with an invalid id are left out, and so are
/// the second and later entries of one id. A `format` (a whole number) is required, unknown
/// fields are ignored, a field given twice is refused.
pub fn parse_index(bytes: &[u8]) -> Result<Index, ReadError> {
    let mut index: Index = codec::read(bytes, MAX_INDEX_BYTES, |format| match format {
        Format::Number(n) if n > INDEX_FORMAT as u64 => {
            Err(ReadError::NewerFormat { found: n, supported: INDEX_FORMAT })
        }
        Format::Number(_) => Ok(()),
        Format::Absent | Format::Other => Err(ReadError::NotAnAssessment),
    })?;
    index.items.retain(|e| valid_id(&e.id));
    let mut seen = std::collections::BTreeSet::new();
    index.items.retain(|e| seen.insert(e.id.clone()));
    Ok(index)
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
        crate::domain::order::sort_by(&mut v, |a, b| b.updated.cmp(&a.updated).then_with(|| b.id.cmp(&a.id)));
        v
    }

    /// Compact JSON, as stored.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

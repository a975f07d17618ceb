//! The question bank embedded at build time (validated JSON written by `build.rs`).

use std::sync::OnceLock;

use crate::domain::model::Bank;

const BANK_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/bank.json"));

/// The embedded bank, parsed once on first use.
pub fn bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    // build.rs validated and wrote this JSON from the same types, so it always parses.
    BANK.get_or_init(|| serde_json::from_str(BANK_JSON).expect("embedded bank.json"))
}

/// Size in bytes of the embedded JSON (for the benchmark).
pub fn embedded_len() -> usize {
    BANK_JSON.len()
}

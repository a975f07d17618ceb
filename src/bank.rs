//! The question bank's structure, embedded at build time: `build.rs` validates questions/*.toml
//! and writes it in the compact binary form of [`crate::domain::compact`] (no texts: those are
//! in the language files, src/i18n).

use std::sync::OnceLock;

use crate::domain::compact;
use crate::domain::model::Bank;

const BANK_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bank.bin"));

/// The embedded bank, decoded once on first use.
pub fn bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    // build.rs validated the bank and wrote these bytes with the same code, so they decode.
    BANK.get_or_init(|| compact::decode(BANK_BIN).expect("embedded bank decodes"))
}

/// Size in bytes of the embedded bank, for the benchmark and tests.
pub fn embedded_len() -> usize {
    BANK_BIN.len()
}

//! The question bank embedded at build time: `build.rs` validates questions/*.toml, writes it
//! in the compact binary form of [`crate::domain::compact`] and packs that with
//! [`crate::domain::pack`].

use std::sync::OnceLock;

use crate::domain::model::Bank;
use crate::domain::{compact, pack};

const BANK_PACK: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bank.pack"));

/// Upper bound on the unpacked bank, in bytes (it is about 256 kB).
const MAX_UNPACKED: usize = 16 << 20;

/// The embedded bank, unpacked and decoded once on first use.
pub fn bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    // build.rs validated the bank and wrote these bytes with the same code, so they decode.
    BANK.get_or_init(|| {
        let compact = pack::unpack_parts(BANK_PACK, MAX_UNPACKED).expect("embedded bank unpacks");
        compact::decode(&compact).expect("embedded bank decodes")
    })
}

/// Size in bytes of the embedded (packed) bank, for the benchmark and tests.
pub fn embedded_len() -> usize {
    BANK_PACK.len()
}

//! Parses and cross-checks the TOML question bank in `questions/`, then embeds it in the
//! compact binary form of src/domain/compact.rs, packed by src/domain/pack.rs. A broken bank
//! fails the build here, naming the file and id, never in a browser.

use std::path::Path;

#[allow(dead_code)]
#[path = "src/domain/mod.rs"]
mod domain;

fn main() {
    // BIODPIA_QUESTIONS points at another bank folder (tests of broken banks use it).
    println!("cargo:rerun-if-env-changed=BIODPIA_QUESTIONS");
    let root = match std::env::var_os("BIODPIA_QUESTIONS") {
        Some(dir) => std::path::PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("questions"),
    };
    println!("cargo:rerun-if-changed={}", root.display());
    println!("cargo:rerun-if-changed=src/domain");
    match domain::load::load_and_validate(&root) {
        Ok(bank) => {
            // The compact binary form (src/domain/compact.rs), packed (src/domain/pack.rs),
            // read back by src/bank.rs. bank.bin is kept unpacked for the benchmark's figures.
            let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
            let compact = domain::compact::encode(&bank);
            let parts = domain::compact::parts(&compact).expect("encode writes the compact form");
            std::fs::write(out.join("bank.pack"), domain::pack::pack_parts(&parts)).expect("write bank.pack");
            std::fs::write(out.join("bank.bin"), compact).expect("write bank.bin");
        }
        Err(errors) => {
            eprintln!("\nThe question bank in questions/ has {} problem(s):", errors.len());
            for e in &errors {
                eprintln!("  {e}");
            }
            eprintln!("Fix them and build again (see questions/README.md).\n");
            std::process::exit(1);
        }
    }
}

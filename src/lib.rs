//! biodpia: a Data Protection Impact Assessment widget for biometric processing that runs
//! entirely in the browser.
//!
//! `domain` is the pure core (model, answers, engine, validation); `persist` the saved and
//! exported formats (serde_json); `report` the summary as a .docx; `bank` embeds the validated question bank; `i18n` loads the languages (one file each, fetched when shown); `storage`
//! is the only code that touches localStorage; `ui` renders state with Yew.

pub mod bank;
pub mod domain;
pub mod i18n;
pub mod persist;
pub mod report;
pub mod storage;
pub mod ui;

pub use domain::{answers, engine, model};

// Talc instead of the standard library's dlmalloc in the browser: smaller and faster there
// (docs/architecture-reference.md, "Dependencies and their measured cost").
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

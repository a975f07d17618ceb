//! The report as a file to edit: the summary as a Word document ([`docx`]), the annex of changes
//! since a signed version as text ([`changes`]), and the names of
//! things both the summary's views and the document use ([`names`]). Pure (no yew, no
//! browser): tested natively (`tests/docx.rs`).

pub mod changes;
pub mod docx;
pub mod names;
pub mod ooxml;
pub mod outline;
pub mod zip;

pub use docx::docx;

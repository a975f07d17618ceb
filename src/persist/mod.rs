//! What is saved and exported, and how: the assessment (`assessment`), moving it between
//! browsers and question-bank versions (`transfer`), and the index of assessments kept in one
//! browser (`library`), all read and written as JSON with serde_json (`codec` turns its errors
//! into a field path a user can act on). Pure: `storage.rs` keeps these in localStorage.

pub mod assessment;
pub mod codec;
pub mod library;
pub mod transfer;

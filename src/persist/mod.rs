//! What is saved and exported, and how: the assessment (`assessment`), moving it between
//! browsers and question-bank versions (`transfer`), and the index of assessments kept in one
//! browser (`library`), all read and written as JSON with serde_json (`codec` turns its errors
//! into a field path a user can act on). The review travels in the same file: comments,
//! evaluations and proposed changes (`review`), signed versions with their fingerprint
//! (`version`; recording the decision, `record`, is what signs one), merging a reviewed file into the assessment it came from (`merge`) and what
//! changed since the last signed version (`changes`). Pure: `storage.rs` keeps these in
//! localStorage.

pub mod assessment;
pub mod changes;
pub mod codec;
pub mod library;
pub mod merge;
pub mod record;
pub mod review;
pub mod transfer;
pub mod version;

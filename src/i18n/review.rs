//! Strings of the review comments (src/ui/review.rs, src/ui/summary/review.rs): table
//! `[review]` of `questions/locales/<lang>/ui.toml`.

use super::Lang;
pub use super::ReviewStrings;
use crate::persist::review::{CommentError, Evaluation, Target};

pub fn strings(lang: Lang) -> &'static ReviewStrings {
    &lang.ui().review
}

impl ReviewStrings {
    /// "Acceptable", "To improve", "To correct".
    pub fn evaluation(&self, e: Evaluation) -> &'static str {
        match e {
            Evaluation::Acceptable => self.acceptable,
            Evaluation::ToImprove => self.to_improve,
            Evaluation::ToCorrect => self.to_correct,
        }
    }

    /// "Question", "Section", "Risk", "Measure".
    pub fn kind(&self, t: &Target) -> &'static str {
        match t {
            Target::Question(_) => self.on_question,
            Target::Section(_) => self.on_section,
            Target::Risk(_) => self.on_risk,
            Target::Measure(_) => self.on_measure,
        }
    }

    /// Why a comment (`reply`: a reply) was not added, as a sentence.
    pub fn comment_error(&self, e: &CommentError, reply: bool) -> String {
        match e {
            CommentError::Empty if reply => self.err_reply_empty.to_string(),
            CommentError::Empty => self.err_empty.to_string(),
            CommentError::ReasonMissing => self.err_reason.to_string(),
            CommentError::TooLong { len, max } => self.err_too_long(len, max),
            CommentError::UnknownThread | CommentError::DuplicateId => self.err_not_added.to_string(),
        }
    }
}

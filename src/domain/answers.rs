//! What the user has answered, and the action plan they keep beside it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::model::{Bank, Kind, Question};

/// One answer. Choice ids refer to the question's options. Saved as `{"choice": "id"}`,
/// `{"multi": ["id", ...]}` or `{"text": "..."}` (see `persist::assessment`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Answer {
    Choice(String),
    Multi(Vec<String>),
    Text(String),
}

impl Answer {
    /// The chosen option ids (empty for text).
    pub fn chosen(&self) -> Vec<&str> {
        match self {
            Answer::Choice(c) => vec![c.as_str()],
            Answer::Multi(v) => v.iter().map(String::as_str).collect(),
            Answer::Text(_) => vec![],
        }
    }

    /// True when nothing is answered (an empty multi choice or blank text).
    pub fn is_empty(&self) -> bool {
        match self {
            Answer::Choice(c) => c.is_empty(),
            Answer::Multi(v) => v.is_empty(),
            Answer::Text(t) => t.trim().is_empty(),
        }
    }
}

/// Answers by question id. A map, so the order of answering never matters.
pub type Answers = BTreeMap<String, Answer>;

/// Status of a safeguard in the action plan. Saved as `"in_place"`, `"planned"` or
/// `"not_planned"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    InPlace,
    Planned,
    #[default]
    NotPlanned,
}

/// One line of the action plan. Saved as `{"status": .., "owner": .., "due": ..}`, every field
/// optional.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanItem {
    pub status: Status,
    pub owner: String,
    /// ISO date or empty.
    pub due: String,
}

/// Action plan by safeguard id.
pub type Plan = BTreeMap<String, PlanItem>;

/// Why an answer was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    UnknownQuestion(String),
    UnknownOption { question: String, option: String },
    WrongKind { question: String },
    TooLong { question: String, max: usize, len: usize },
}

/// Checks an answer against its question before it is stored.
pub fn check(bank: &Bank, question: &str, answer: &Answer) -> Result<(), AnswerError> {
    let q: &Question = bank.question(question).ok_or_else(|| AnswerError::UnknownQuestion(question.into()))?;
    let kind_ok = matches!(
        (q.kind, answer),
        (Kind::Single | Kind::YesNo, Answer::Choice(_))
            | (Kind::Multi, Answer::Multi(_))
            | (Kind::Text, Answer::Text(_))
    );
    if !kind_ok {
        return Err(AnswerError::WrongKind { question: question.into() });
    }
    if let Answer::Text(t) = answer {
        let len = t.chars().count();
        if len > q.max_len() {
            return Err(AnswerError::TooLong { question: question.into(), max: q.max_len(), len });
        }
    }
    for o in answer.chosen() {
        if q.option(o).is_none() {
            return Err(AnswerError::UnknownOption { question: question.into(), option: o.into() });
        }
    }
    Ok(())
}

//! What the user has answered, and the action plan they keep beside it.

use std::collections::BTreeMap;

use super::json::{self, Reader};
use super::model::{Bank, Kind, Question};

/// One answer. Choice ids refer to the question's options. Saved as `{"choice": "id"}`,
/// `{"multi": ["id", ...]}` or `{"text": "..."}` (see `assessment`). The serde derives are for
/// native tests only, which compare the widget's own JSON code with serde_json.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize), serde(rename_all = "lowercase"))]
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

    /// Reads an answer as serde's derive for this enum did.
    pub(crate) fn read(r: &mut Reader) -> json::Result<Answer> {
        let mut answer = Answer::Multi(Vec::new());
        r.variant(
            &["choice", "multi", "text"],
            Some(&mut |r, i| {
                answer = match i {
                    0 => Answer::Choice(r.string()?),
                    1 => Answer::Multi(r.seq_of(Reader::string)?),
                    _ => Answer::Text(r.string()?),
                };
                Ok(())
            }),
        )?;
        Ok(answer)
    }

    pub(crate) fn write(&self, out: &mut String) {
        let mut o = json::Object::new(out);
        match self {
            Answer::Choice(c) => o.str("choice", c),
            Answer::Multi(v) => json::array(o.key("multi"), v, |out, s| json::string(out, s)),
            Answer::Text(t) => o.str("text", t),
        }
        o.end();
    }
}

/// Answers by question id. A map, so the order of answering never matters.
pub type Answers = BTreeMap<String, Answer>;

/// Status of a safeguard in the action plan. Saved as `"in_place"`, `"planned"` or
/// `"not_planned"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize), serde(rename_all = "snake_case"))]
pub enum Status {
    InPlace,
    Planned,
    #[default]
    NotPlanned,
}

impl Status {
    const ALL: [Status; 3] = [Status::InPlace, Status::Planned, Status::NotPlanned];
    const NAMES: [&'static str; 3] = ["in_place", "planned", "not_planned"];

    fn read(r: &mut Reader) -> json::Result<Status> {
        Ok(Status::ALL[r.variant(&Status::NAMES, None)?])
    }

    fn name(self) -> &'static str {
        Status::NAMES[self as usize]
    }
}

/// One line of the action plan. Saved as `{"status": .., "owner": .., "due": ..}`, every field
/// optional.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize))]
pub struct PlanItem {
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub status: Status,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub owner: String,
    /// ISO date or empty.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub due: String,
}

impl PlanItem {
    pub(crate) fn read(r: &mut Reader) -> json::Result<PlanItem> {
        let mut item = PlanItem::default();
        r.structure("struct PlanItem", &["status", "owner", "due"], 0, &mut |r, i| {
            match i {
                0 => item.status = Status::read(r)?,
                1 => item.owner = r.string()?,
                _ => item.due = r.string()?,
            }
            Ok(())
        })?;
        Ok(item)
    }

    pub(crate) fn write(&self, out: &mut String) {
        let mut o = json::Object::new(out);
        o.str("status", self.status.name());
        o.str("owner", &self.owner);
        o.str("due", &self.due);
        o.end();
    }
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

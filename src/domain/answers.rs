//! What the user has answered, and the action plan they keep beside it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::model::{Bank, ColumnKind, Kind, Question};

/// One row of a table answer: cell values by column id (a text, or a choice column's option
/// id). A column without a value is empty; so a column the bank adds later is empty in the
/// rows given before.
pub type Row = BTreeMap<String, String>;

/// One answer. Choice ids refer to the question's options. Saved as `{"choice": "id"}`,
/// `{"multi": ["id", ...]}`, `{"text": "..."}` or `{"table": [{"column": "value", ...}, ...]}`
/// (see `persist::assessment`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Answer {
    Choice(String),
    Multi(Vec<String>),
    Text(String),
    Table(Vec<Row>),
}

/// One edit of a table answer, as the table input sends it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableEdit {
    /// A new, empty row at the end.
    AddRow,
    /// Row `i` (from 0) removed.
    RemoveRow(usize),
    /// Row, column id, new value.
    SetCell(usize, String, String),
}

/// The table answer `before` (if it is one) with `edit` applied. A row beyond the table is
/// left alone; an empty value removes the cell (rows stay small, and a row of empty cells is
/// still a row until it is removed).
pub fn edit_table(before: Option<&Answer>, edit: &TableEdit) -> Answer {
    let mut rows = match before {
        Some(Answer::Table(rows)) => rows.clone(),
        _ => Vec::new(),
    };
    match edit {
        TableEdit::AddRow => rows.push(Row::new()),
        TableEdit::RemoveRow(i) => {
            if *i < rows.len() {
                rows.remove(*i);
            }
        }
        TableEdit::SetCell(i, column, value) => {
            if let Some(row) = rows.get_mut(*i) {
                if value.is_empty() {
                    row.remove(column);
                } else {
                    row.insert(column.clone(), value.clone());
                }
            }
        }
    }
    Answer::Table(rows)
}

impl Answer {
    /// The chosen option ids (empty for text).
    pub fn chosen(&self) -> Vec<&str> {
        match self {
            Answer::Choice(c) => vec![c.as_str()],
            Answer::Multi(v) => v.iter().map(String::as_str).collect(),
            Answer::Text(_) | Answer::Table(_) => vec![],
        }
    }

    /// True when nothing is answered (an empty multi choice, blank text, a table with no cell
    /// filled in).
    pub fn is_empty(&self) -> bool {
        match self {
            Answer::Choice(c) => c.is_empty(),
            Answer::Multi(v) => v.is_empty(),
            Answer::Text(t) => t.trim().is_empty(),
            Answer::Table(rows) => rows.iter().all(|r| r.values().all(|v| v.trim().is_empty())),
        }
    }

    /// True when there is nothing to keep: [`Answer::is_empty`], except that a table keeps its
    /// rows (a row just added is empty until it is filled in).
    pub fn is_cleared(&self) -> bool {
        match self {
            Answer::Table(rows) => rows.is_empty(),
            other => other.is_empty(),
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
    UnknownOption {
        question: String,
        option: String,
    },
    WrongKind {
        question: String,
    },
    TooLong {
        question: String,
        max: usize,
        len: usize,
    },
    /// A table answer with more rows than the question allows.
    TooManyRows {
        question: String,
        max: usize,
        len: usize,
    },
    /// A table row names a column the question does not have.
    UnknownColumn {
        question: String,
        column: String,
    },
}

/// Checks an answer against its question before it is stored.
pub fn check(bank: &Bank, question: &str, answer: &Answer) -> Result<(), AnswerError> {
    let q: &Question = bank.question(question).ok_or_else(|| AnswerError::UnknownQuestion(question.into()))?;
    let kind_ok = matches!(
        (q.kind, answer),
        (Kind::Single | Kind::YesNo, Answer::Choice(_))
            | (Kind::Multi, Answer::Multi(_))
            | (Kind::Text, Answer::Text(_))
            | (Kind::Table, Answer::Table(_))
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
    if let Answer::Table(rows) = answer {
        check_table(q, rows)?;
    }
    for o in answer.chosen() {
        if q.option(o).is_none() {
            return Err(AnswerError::UnknownOption { question: question.into(), option: o.into() });
        }
    }
    Ok(())
}

/// The rows of a table answer: their number, their columns, the options of choice cells and
/// the length of text cells.
fn check_table(q: &Question, rows: &[Row]) -> Result<(), AnswerError> {
    let question = || q.id.clone();
    if rows.len() > q.max_rows() {
        return Err(AnswerError::TooManyRows { question: question(), max: q.max_rows(), len: rows.len() });
    }
    for (column, value) in rows.iter().flatten() {
        let Some(c) = q.column(column) else {
            return Err(AnswerError::UnknownColumn { question: question(), column: column.clone() });
        };
        match c.kind {
            ColumnKind::Choice if !value.is_empty() && c.option(value).is_none() => {
                return Err(AnswerError::UnknownOption { question: question(), option: value.clone() });
            }
            ColumnKind::Text if value.len() > c.max_len() && value.chars().count() > c.max_len() => {
                let len = value.chars().count();
                return Err(AnswerError::TooLong { question: question(), max: c.max_len(), len });
            }
            _ => {}
        }
    }
    Ok(())
}

//! The one reducer: applies user actions to the assessment and recomputes the report through
//! the engine. No side effects here (storage and printing live in effects in `app.rs`).

use std::rc::Rc;

use yew::Reducible;

use crate::domain::answers::{self, Answer, AnswerError, PlanItem};
use crate::domain::engine::{self, Report};
use crate::domain::model::Bank;
use crate::i18n::Lang;
use crate::persist::assessment::{self, Assessment, SignOff};

/// Where the user is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Section(usize),
    Results,
    /// The printable summary with the assessment details and sign-off (src/ui/summary.rs).
    Summary,
    /// The list of assessments in this browser: new, open, rename, duplicate, delete, export,
    /// import (src/ui/manager.rs).
    Assessments,
}

/// An assessment detail the summary edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Meta {
    Title,
    Organisation,
}

/// A message shown in the banner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    StorageCorrupt,
    StorageFull,
    StorageUnavailable,
}

pub struct State {
    pub bank: &'static Bank,
    pub lang: Lang,
    /// Storage id of the open assessment (see `storage.rs`; empty when nothing is stored).
    pub id: String,
    pub assessment: Assessment,
    pub report: Rc<Report>,
    pub step: Step,
    pub notice: Option<Notice>,
    /// The last refused answer (e.g. text too long), shown beside its question.
    pub refused: Option<AnswerError>,
}

pub enum Action {
    SetLang(Lang),
    Answer(String, Answer),
    /// Adds or removes one option of a multiple-choice question.
    Toggle(String, String, bool),
    SetPlan(String, PlanItem),
    Goto(Step),
    Next,
    Back,
    Notice(Option<Notice>),
    Reset,
    /// Sets the title or organisation (capped at `assessment::MAX_META_LEN` characters).
    SetMeta(Meta, String),
    /// Replaces the sign-off block (see `SignOff::clamped`).
    SetSignOff(SignOff),
    /// Switches to another stored assessment (id and content change together, so autosave
    /// never writes one assessment under another's id), at its first section.
    Open(String, Assessment),
}

impl State {
    pub fn new(bank: &'static Bank, lang: Lang, assessment: Assessment) -> Self {
        let report = Rc::new(engine::evaluate(bank, &assessment.answers, &assessment.plan));
        State { bank, lang, id: String::new(), assessment, report, step: Step::Section(0), notice: None, refused: None }
    }

    /// A copy to change, without the last refusal.
    fn copy(&self) -> State {
        State {
            bank: self.bank,
            lang: self.lang,
            id: self.id.clone(),
            assessment: self.assessment.clone(),
            report: self.report.clone(),
            step: self.step,
            notice: self.notice,
            refused: None,
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let action = match action {
            // A toggle is the multiple-choice answer it leads to.
            Action::Toggle(q, option, on) => {
                let mut chosen: Vec<String> = self
                    .assessment
                    .answers
                    .get(&q)
                    .map(|a| a.chosen().into_iter().map(String::from).collect())
                    .unwrap_or_default();
                chosen.retain(|o| *o != option);
                if on {
                    chosen.push(option);
                }
                // Keep the bank's option order so that saved answers are stable.
                if let Some(question) = self.bank.question(&q) {
                    chosen.sort_by_key(|o| question.options.iter().position(|x| x.id == *o));
                }
                Action::Answer(q, Answer::Multi(chosen))
            }
            other => other,
        };
        let last = self.bank.sections.len().saturating_sub(1);
        let mut next = self.copy();
        let a = &mut next.assessment;
        // A signed revision is never changed: editing it starts the next revision (the signed
        // version stays in `versions`, read-only).
        if matches!(action, Action::Answer(..) | Action::SetPlan(..) | Action::SetMeta(..) | Action::SetSignOff(_)) {
            a.start_revision();
        }
        // Whether the assessment changed (then the report is recomputed).
        let edited = match action {
            Action::Answer(q, answer) => match answers::check(self.bank, &q, &answer) {
                Ok(()) => {
                    if answer.is_empty() {
                        a.answers.remove(&q);
                    } else {
                        a.answers.insert(q, answer);
                    }
                    true
                }
                Err(e) => {
                    next.refused = Some(e);
                    false
                }
            },
            Action::SetPlan(s, item) => {
                a.plan.insert(s, item);
                true
            }
            Action::SetMeta(field, value) => {
                let value = assessment::clamp_chars(&value, assessment::MAX_META_LEN);
                match field {
                    Meta::Title => a.title = value,
                    Meta::Organisation => a.organisation = value,
                }
                true
            }
            Action::SetSignOff(signoff) => {
                a.signoff = a.signoff.edited(&signoff);
                true
            }
            Action::Open(id, assessment) => {
                *a = assessment;
                next.id = id;
                next.step = Step::Section(0);
                true
            }
            Action::Reset => {
                *a = self.assessment.reset(&self.bank.version);
                next.step = Step::Section(0);
                true
            }
            Action::SetLang(lang) => {
                next.lang = lang;
                false
            }
            Action::Goto(step) => {
                next.step = step;
                false
            }
            Action::Next => {
                next.step = match self.step {
                    Step::Section(i) if i < last => Step::Section(i + 1),
                    Step::Section(_) => Step::Results,
                    Step::Results | Step::Summary => Step::Summary,
                    Step::Assessments => Step::Section(0),
                };
                false
            }
            Action::Back => {
                next.step = match self.step {
                    Step::Section(i) => Step::Section(i.saturating_sub(1)),
                    Step::Results => Step::Section(last),
                    Step::Summary => Step::Results,
                    Step::Assessments => Step::Section(0),
                };
                false
            }
            Action::Notice(notice) => {
                next.notice = notice;
                false
            }
            // Turned into an answer above.
            Action::Toggle(..) => false,
        };
        if edited {
            next.report = Rc::new(engine::evaluate(self.bank, &next.assessment.answers, &next.assessment.plan));
        }
        Rc::new(next)
    }
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        // The report is derived from the assessment, so it needs no comparison.
        std::ptr::eq(self.bank, other.bank)
            && self.lang == other.lang
            && self.id == other.id
            && self.assessment == other.assessment
            && self.step == other.step
            && self.notice == other.notice
            && self.refused == other.refused
    }
}

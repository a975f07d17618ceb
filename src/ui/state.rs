//! The one reducer: applies user actions to the assessment and recomputes the report through
//! the engine. No side effects here (storage and printing live in effects in `app.rs`).

use std::rc::Rc;

use yew::Reducible;

use crate::domain::answers::{self, Answer, AnswerError, PlanItem};
use crate::domain::assessment::Assessment;
use crate::domain::engine::{self, Report};
use crate::domain::model::{Bank, Lang};

/// Where the user is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Section(usize),
    Results,
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
}

impl State {
    pub fn new(bank: &'static Bank, lang: Lang, assessment: Assessment) -> Self {
        let report = Rc::new(engine::evaluate(bank, &assessment.answers, &assessment.plan));
        State { bank, lang, assessment, report, step: Step::Section(0), notice: None, refused: None }
    }

    fn with_assessment(&self, assessment: Assessment) -> State {
        let report = Rc::new(engine::evaluate(self.bank, &assessment.answers, &assessment.plan));
        State {
            bank: self.bank,
            lang: self.lang,
            assessment,
            report,
            step: self.step,
            notice: self.notice,
            refused: None,
        }
    }

    fn with_step(&self, step: Step) -> State {
        State {
            bank: self.bank,
            lang: self.lang,
            assessment: self.assessment.clone(),
            report: self.report.clone(),
            step,
            notice: self.notice,
            refused: None,
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let last = self.bank.sections.len().saturating_sub(1);
        let next = match action {
            Action::SetLang(lang) => State { lang, ..self.with_step(self.step) },
            Action::Answer(q, a) => match answers::check(self.bank, &q, &a) {
                Ok(()) => {
                    let mut assessment = self.assessment.clone();
                    if a.is_empty() {
                        assessment.answers.remove(&q);
                    } else {
                        assessment.answers.insert(q, a);
                    }
                    self.with_assessment(assessment)
                }
                Err(e) => State { refused: Some(e), ..self.with_step(self.step) },
            },
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
                return self.reduce(Action::Answer(q, Answer::Multi(chosen)));
            }
            Action::SetPlan(s, item) => {
                let mut assessment = self.assessment.clone();
                assessment.plan.insert(s, item);
                self.with_assessment(assessment)
            }
            Action::Goto(step) => self.with_step(step),
            Action::Next => self.with_step(match self.step {
                Step::Section(i) if i < last => Step::Section(i + 1),
                _ => Step::Results,
            }),
            Action::Back => self.with_step(match self.step {
                Step::Section(i) => Step::Section(i.saturating_sub(1)),
                Step::Results => Step::Section(last),
            }),
            Action::Notice(notice) => State { notice, ..self.with_step(self.step) },
            Action::Reset => {
                let fresh = Assessment::new(&self.bank.version, &self.assessment.organisation);
                State { step: Step::Section(0), ..self.with_assessment(fresh) }
            }
        };
        Rc::new(next)
    }
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        // The report is derived from the assessment, so it needs no comparison.
        std::ptr::eq(self.bank, other.bank)
            && self.lang == other.lang
            && self.assessment == other.assessment
            && self.step == other.step
            && self.notice == other.notice
            && self.refused == other.refused
    }
}

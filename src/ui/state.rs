//! The one reducer: applies user actions to the assessment and recomputes the report through
//! the engine. No side effects here (storage and printing live in effects in `app.rs`).

use std::rc::Rc;

use yew::Reducible;

use crate::domain::answers::{self, Answer, AnswerError, Status, TableEdit};
use crate::domain::engine::{self, Report};
use crate::domain::model::Bank;
use crate::i18n::{Lang, LangProblem};
use crate::persist::assessment::{self, Assessment, SignOffField};
use crate::persist::record;
use crate::persist::review::{self, DecideError, Draft, Target};
use crate::persist::version;

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

/// A field of a safeguard's line in the action plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanField {
    /// `in_place`, `planned` or `not_planned` (anything else: not planned).
    Status,
    /// At most `assessment::MAX_META_LEN` characters.
    Owner,
    /// An ISO date or empty.
    Due,
}

pub struct State {
    pub bank: &'static Bank,
    pub lang: Lang,
    /// Storage id of the open assessment (see `storage.rs`; empty when nothing is stored).
    pub id: String,
    /// Shared with the views: a new `Rc` exactly when the assessment changed.
    pub assessment: Rc<Assessment>,
    /// A new `Rc` exactly when the report changed, so views compare it by address.
    pub report: Rc<Report>,
    pub step: Step,
    pub notice: Option<Notice>,
    /// A language that could not be loaded (at start or on a switch), until dismissed.
    pub lang_problem: Option<LangProblem>,
    /// The last refused answer (e.g. text too long), shown beside its question.
    pub refused: Option<AnswerError>,
    /// How often a print button was pressed: the hidden print copy of the summary is brought
    /// up to date, then the browser prints (`ui::summary::PrintCopy`).
    pub print_requests: u32,
    /// The signed version the summary shows (and prints) instead of the working revision.
    pub shown_version: Option<u32>,
    /// The last proposed change that could not be accepted: its id and why (shown beside it).
    pub decide_refused: Option<(String, DecideError)>,
    /// The reviewer's name, typed once per browser (saved by `persistence::use_reviewer`).
    pub reviewer: String,
}

/// A comment as a review form sends it (`review::add_comment`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewComment {
    /// Unique (time and a random part, `storage::random_id`).
    pub id: String,
    /// ISO 8601, taken by the button.
    pub at: String,
    pub author: String,
    pub on: Target,
    /// The first comment of the thread answered; empty for a new thread.
    pub reply_to: String,
    pub draft: Draft,
}

// `Open` carries a whole assessment: rare, and boxing it would only move the copy.
#[allow(clippy::large_enum_variant)]
pub enum Action {
    /// Shows the widget in a loaded language (src/ui/app.rs loads it first) and clears the
    /// message about a language that failed.
    SetLang(Lang),
    /// A language could not be loaded (`Some`: the message; `None`: dismissed).
    LangProblem(Option<LangProblem>),
    Answer(String, Answer),
    /// Adds or removes one option of a multiple-choice question.
    Toggle(String, String, bool),
    /// One edit of a table question's rows (add, remove, one cell).
    EditTable(String, TableEdit),
    /// One field of a safeguard's line in the action plan: safeguard id, field, new value.
    SetPlanField(String, PlanField, String),
    Goto(Step),
    Next,
    Back,
    Notice(Option<Notice>),
    Reset,
    /// Sets the title or organisation (capped at `assessment::MAX_META_LEN` characters).
    SetMeta(Meta, String),
    /// One field of the sign-off block (checked and capped by `SignOff::set`).
    SetSignOffField(SignOffField, String),
    /// Print the summary (see `State::print_requests`).
    Print,
    /// Switches to another stored assessment (id and content change together, so autosave
    /// never writes one assessment under another's id), at its first section.
    Open(String, Assessment),
    /// Records the decision: signs and freezes the revision (`version::sign`, by who decided,
    /// at this ISO 8601 time, taken by the button). Nothing happens when it cannot be signed.
    Sign(String),
    /// Starts the revision after a signed one (the signed version stays as it is).
    StartRevision,
    /// Shows a signed version on the summary (`None`: the working revision again).
    ShowVersion(Option<u32>),
    /// Accepts a proposed change by its id (`review::accept`: the value is checked as an
    /// import would; a refusal is kept in `decide_refused`).
    Accept(String),
    /// Rejects a proposed change by its id (`review::reject`).
    Reject(String),
    /// Sets the reviewer's name (trimmed, capped at `assessment::MAX_META_LEN` characters).
    SetReviewer(String),
    /// Adds a review comment, reply or change of resolution. Allowed on a signed revision too:
    /// comments are not part of the signed content (`version::Content`), so they never start a
    /// new revision. A comment the core refuses changes nothing (the form checks first).
    Comment(Box<NewComment>),
}

impl State {
    pub fn new(bank: &'static Bank, lang: Lang, assessment: Assessment) -> Self {
        let report = Rc::new(engine::evaluate(bank, &assessment.answers, &assessment.plan));
        State {
            bank,
            lang,
            id: String::new(),
            assessment: Rc::new(assessment),
            report,
            step: Step::Section(0),
            notice: None,
            lang_problem: None,
            refused: None,
            print_requests: 0,
            shown_version: None,
            decide_refused: None,
            reviewer: String::new(),
        }
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
            lang_problem: self.lang_problem.clone(),
            refused: None,
            print_requests: self.print_requests,
            shown_version: self.shown_version,
            decide_refused: None,
            reviewer: self.reviewer.clone(),
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let action = match action {
            // A toggle is the multiple-choice answer it leads to.
            Action::Toggle(q, option, on) => {
                let before = self.assessment.answers.get(&q).map(Answer::chosen).unwrap_or_default();
                let chosen = |id: &str| if id == option { on } else { before.contains(&id) };
                // In the bank's option order, so that saved answers are stable (an unknown
                // question is refused by `answers::check` below).
                let options = self.bank.question(&q).map(|x| &x.options[..]).unwrap_or_default();
                let chosen = options.iter().map(|o| o.id.as_str()).filter(|id| chosen(id)).map(String::from).collect();
                Action::Answer(q, Answer::Multi(chosen))
            }
            // So is an edit of a table: the table it leads to.
            Action::EditTable(q, edit) => {
                let rows = answers::edit_table(self.assessment.answers.get(&q), &edit);
                Action::Answer(q, rows)
            }
            other => other,
        };
        let last = self.bank.sections.len().saturating_sub(1);
        let mut next = self.copy();
        // What changed: nothing of the assessment, the assessment but not what the engine reads
        // (owner, due date, details, sign-off), or what the engine reads.
        let mut changed = Changed::Nothing;
        // A signed revision is never changed: editing it starts the next revision (the signed
        // version stays in `versions`, read-only).
        let edits = matches!(
            action,
            Action::Answer(..) | Action::SetPlanField(..) | Action::SetMeta(..) | Action::SetSignOffField(..)
        );
        if edits && next.assessment.frozen() {
            Rc::make_mut(&mut next.assessment).start_revision();
        }
        match action {
            Action::Answer(q, answer) => match answers::check(self.bank, &q, &answer) {
                Ok(()) => {
                    let a = Rc::make_mut(&mut next.assessment);
                    // An answer the decision record holds is set there (and derived from it).
                    let linked = record::set_answer(self.bank, a, &q, &answer);
                    if !linked && answer.is_cleared() {
                        a.answers.remove(&q);
                    } else if !linked {
                        a.answers.insert(q, answer);
                    }
                    changed = Changed::Inputs;
                }
                Err(e) => next.refused = Some(e),
            },
            Action::SetPlanField(s, field, value) => {
                let item = Rc::make_mut(&mut next.assessment).plan.entry(s).or_default();
                changed = Changed::Assessment;
                match field {
                    PlanField::Status => {
                        item.status = Status::from_key(&value);
                        changed = Changed::Inputs;
                    }
                    PlanField::Owner => item.owner = assessment::clamp_chars(&value, assessment::MAX_META_LEN),
                    PlanField::Due => item.due = value,
                }
            }
            Action::SetMeta(field, value) => {
                let value = assessment::clamp_chars(&value, assessment::MAX_META_LEN);
                let a = Rc::make_mut(&mut next.assessment);
                match field {
                    Meta::Title => a.title = value,
                    Meta::Organisation => a.organisation = value,
                }
                changed = Changed::Assessment;
            }
            Action::SetSignOffField(field, value) => {
                record::set_field(self.bank, Rc::make_mut(&mut next.assessment), field, &value);
                // A field that is a question's answer (`record::LINKED`) is read by the engine.
                let linked = record::LINKED.iter().any(|&(_, f)| f == field);
                changed = if linked { Changed::Inputs } else { Changed::Assessment };
            }
            Action::Sign(at) => {
                if version::can_sign(&self.assessment).is_ok() {
                    let a = Rc::make_mut(&mut next.assessment);
                    let by = a.signoff.decided_by.trim().to_string();
                    let _ = version::sign(self.bank, a, &by, &at);
                    changed = Changed::Assessment;
                }
            }
            Action::StartRevision => {
                if self.assessment.frozen() {
                    Rc::make_mut(&mut next.assessment).start_revision();
                    changed = Changed::Assessment;
                }
            }
            Action::Accept(id) | Action::Reject(id) if self.assessment.frozen() => {
                next.decide_refused = Some((id, DecideError::Frozen));
            }
            Action::Accept(id) => {
                let mut a = (*self.assessment).clone();
                match review::accept(self.bank, &mut a, &id) {
                    Ok(()) => {
                        next.assessment = Rc::new(a);
                        changed = Changed::Inputs;
                    }
                    Err(e) => next.decide_refused = Some((id, e)),
                }
            }
            Action::Reject(id) => {
                let mut a = (*self.assessment).clone();
                match review::reject(&mut a, &id) {
                    Ok(()) => {
                        next.assessment = Rc::new(a);
                        changed = Changed::Assessment;
                    }
                    Err(e) => next.decide_refused = Some((id, e)),
                }
            }
            Action::ShowVersion(n) => {
                next.shown_version = n.filter(|n| self.assessment.versions.iter().any(|v| v.number == *n));
            }
            Action::Open(id, assessment) => {
                next.shown_version = None;
                next.assessment = Rc::new(assessment);
                next.id = id;
                next.step = Step::Section(0);
                changed = Changed::Inputs;
            }
            Action::Reset => {
                next.shown_version = None;
                next.assessment = Rc::new(self.assessment.reset(&self.bank.version));
                next.step = Step::Section(0);
                changed = Changed::Inputs;
            }
            Action::SetLang(lang) => {
                next.lang = lang;
                next.lang_problem = None;
            }
            Action::LangProblem(problem) => next.lang_problem = problem,
            Action::Goto(step) => {
                next.step = step;
                next.shown_version = None;
            }
            Action::Next => {
                next.step = match self.step {
                    Step::Section(i) if i < last => Step::Section(i + 1),
                    Step::Section(_) => Step::Results,
                    Step::Results | Step::Summary => Step::Summary,
                    Step::Assessments => Step::Section(0),
                };
            }
            Action::Back => {
                next.step = match self.step {
                    Step::Section(i) => Step::Section(i.saturating_sub(1)),
                    Step::Results => Step::Section(last),
                    Step::Summary => Step::Results,
                    Step::Assessments => Step::Section(0),
                };
            }
            Action::SetReviewer(name) => next.reviewer = assessment::clamp_chars(name.trim(), assessment::MAX_META_LEN),
            Action::Comment(c) => {
                let NewComment { id, at, author, on, reply_to, draft } = *c;
                let mut a = (*next.assessment).clone();
                if review::add_comment(&mut a, &id, &author, &at, on, &reply_to, draft).is_ok() {
                    next.assessment = Rc::new(a);
                    changed = Changed::Assessment;
                }
            }
            Action::Notice(notice) => next.notice = notice,
            Action::Print => next.print_requests = self.print_requests.wrapping_add(1),
            // Turned into an answer above.
            Action::Toggle(..) | Action::EditTable(..) => {}
        }
        if changed == Changed::Nothing && *self == next {
            // Nothing to show differently (e.g. the language or step chosen again): no render.
            return self;
        }
        if changed == Changed::Inputs {
            let report = engine::evaluate(self.bank, &next.assessment.answers, &next.assessment.plan);
            // Same report, same `Rc`: views that show only the report are not rendered again.
            if report != *self.report {
                next.report = Rc::new(report);
            }
        }
        Rc::new(next)
    }
}

/// What an action changed (see `Reducible::reduce`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Changed {
    Nothing,
    /// The assessment, but nothing the engine reads.
    Assessment,
    /// What the engine reads: answers or the status of a plan line.
    Inputs,
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
            && self.lang_problem == other.lang_problem
            && self.refused == other.refused
            && self.print_requests == other.print_requests
            && self.shown_version == other.shown_version
            && self.decide_refused == other.decide_refused
            && self.reviewer == other.reviewer
    }
}

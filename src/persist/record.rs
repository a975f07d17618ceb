//! The decision record as the one source of truth: the questions of the bank that ask what the
//! record holds (whether the DPO's advice was followed, the advice itself) take their answer
//! from the record, so that the wizard, the risk table, the annex of answers and the record
//! always say the same. Editing either edits the record; the answer is derived from it in the
//! same step ([`set_answer`], [`derive`]), and a file that says otherwise is read with the
//! record winning ([`reconcile`]). Also: the controller's decision the engine proposes.

use super::assessment::{Assessment, Retired, RetiredReason, SignOff, SignOffField};
use crate::domain::answers::Answer;
use crate::domain::engine::Outcome;
use crate::domain::model::Bank;

/// The question whose answer is [`SignOff::dpo_advice_followed`].
pub const FOLLOWED_QUESTION: &str = "q_gov_dpo_followed";
/// The question whose answer is [`SignOff::dpo_advice`].
pub const ADVICE_QUESTION: &str = "q_gov_dpo_summary";
/// The question whose answer is [`SignOff::dpo_advice_reasons`]: with it answered, advice not
/// (fully) followed is a documented deviation (`reasons` of the options of
/// [`FOLLOWED_QUESTION`]), not a risk.
pub const REASONS_QUESTION: &str = "q_gov_dpo_reasons";
/// The question that says whose views were sought (Art. 35(9) GDPR); the record shows its answer
/// beside [`SignOff::views_summary`] and keeps no copy of it.
pub const VIEWS_QUESTION: &str = "q_gov_views";

/// The values of `dpo_advice_followed`: the option ids of [`FOLLOWED_QUESTION`], in the bank's
/// order (`tests/decision_record.rs` checks the two against each other).
pub const FOLLOWED: [&str; 4] = ["followed", "partly_reasons", "not_followed", "pending"];

/// The controller's decisions: the keys of the four outcomes of the EDPB template, from best to
/// worst.
pub const DECISIONS: [&str; 4] = ["approved", "conditionally_approved", "consultation", "rejected"];

/// The questions whose answer is a field of the record.
pub const LINKED: [(&str, SignOffField); 3] = [
    (FOLLOWED_QUESTION, SignOffField::DpoAdviceFollowed),
    (ADVICE_QUESTION, SignOffField::DpoAdvice),
    (REASONS_QUESTION, SignOffField::DpoAdviceReasons),
];

/// The record field a question's answer is, if any.
pub fn linked_field(question: &str) -> Option<SignOffField> {
    LINKED.iter().find(|(q, _)| *q == question).map(|&(_, f)| f)
}

/// True when the question takes its answer from the record (the review compares the record's
/// field, not the answer).
pub fn is_linked(question: &str) -> bool {
    linked_field(question).is_some()
}

/// A `dpo_advice_followed` value as it is written now: the values of files before format 4
/// ("yes", "partly", "no") as the answer ids they meant; any other value unchanged.
pub fn followed_now(value: &str) -> &str {
    match value {
        "yes" => "followed",
        "partly" => "partly_reasons",
        "no" => "not_followed",
        other => other,
    }
}

/// The answer a record field gives its question (`None`: not answered).
fn answer_of(field: SignOffField, value: &str) -> Option<Answer> {
    if value.trim().is_empty() {
        return None;
    }
    match field {
        SignOffField::DpoAdviceFollowed => FOLLOWED.contains(&value).then(|| Answer::Choice(value.to_string())),
        _ => Some(Answer::Text(value.to_string())),
    }
}

/// The record value an answer gives (empty for an answer of another kind).
fn value_of(field: SignOffField, answer: &Answer) -> String {
    match (field, answer) {
        (SignOffField::DpoAdviceFollowed, Answer::Choice(c)) => followed_now(c).to_string(),
        (SignOffField::DpoAdviceFollowed, _) => String::new(),
        (_, Answer::Text(t)) => t.clone(),
        _ => String::new(),
    }
}

/// Writes the answers of the linked questions from the record, for the questions `bank` asks: a
/// linked question the bank does not have gets no answer (not even a retired one); its value is
/// kept in the record only.
pub fn derive(bank: &Bank, a: &mut Assessment) {
    derive_where(a, |q| bank.question(q).is_some());
}

/// [`derive`] for the questions `asks` names.
fn derive_where(a: &mut Assessment, asks: impl Fn(&str) -> bool) {
    for (q, field) in LINKED {
        match answer_of(field, a.signoff.get(field)).filter(|_| asks(q)) {
            Some(answer) => {
                a.answers.insert(q.to_string(), answer);
            }
            None => {
                a.answers.remove(q);
            }
        }
    }
}

/// Sets the answer of a question: a linked question sets its record field (checked as the form
/// checks it), then its answer is derived again. Returns false (nothing done) for a question that
/// is not linked.
pub fn set_answer(bank: &Bank, a: &mut Assessment, question: &str, answer: &Answer) -> bool {
    let Some(field) = linked_field(question) else { return false };
    let value = if answer.is_empty() { String::new() } else { value_of(field, answer) };
    a.signoff.set(field, &value);
    derive(bank, a);
    true
}

/// Sets a record field and derives the answers that follow from it (only those `bank` asks).
pub fn set_field(bank: &Bank, a: &mut Assessment, field: SignOffField, value: &str) {
    a.signoff.set(field, value);
    derive(bank, a);
}

/// Makes a read assessment say one thing: the older values of `dpo_advice_followed` become the
/// answer ids; an answer to a linked question fills its record field when that is empty (files
/// from before format 4 kept them apart), and an answer that contradicts a filled field is kept
/// in `retired` (reason `Superseded`, so nothing is lost); then the answers are derived from the
/// record, for every linked question (reading knows no bank: `transfer::migrate` then drops the
/// answers of those the bank does not ask, which stay in the record). Idempotent.
pub fn reconcile(a: &mut Assessment) {
    let followed = followed_now(&a.signoff.dpo_advice_followed).to_string();
    a.signoff.dpo_advice_followed = followed;
    for (q, field) in LINKED {
        let Some(answer) = a.answers.get(q).cloned() else { continue };
        let given = value_of(field, &answer);
        let current = a.signoff.get(field).to_string();
        if current.trim().is_empty() {
            if field == SignOffField::DpoAdviceFollowed && !FOLLOWED.contains(&given.as_str()) {
                // Not a value the record takes: kept as the answer it was, under "no longer asked".
                retire(a, q, answer);
            } else {
                // Set as stored, not through the form's cap: an answer is never shortened here.
                set_raw(&mut a.signoff, field, given);
            }
        } else if answer_of(field, &current).as_ref() != Some(&answer) {
            retire(a, q, answer);
        }
    }
    derive_where(a, |_| true);
}

fn set_raw(s: &mut SignOff, field: SignOffField, value: String) {
    match field {
        SignOffField::DpoAdvice => s.dpo_advice = value,
        SignOffField::DpoAdviceFollowed => s.dpo_advice_followed = value,
        other => s.set(other, &value),
    }
}

fn retire(a: &mut Assessment, q: &str, answer: Answer) {
    let r = Retired {
        question: q.to_string(),
        answer,
        bank_version: a.bank_version.clone(),
        reason: RetiredReason::Superseded,
    };
    if !a.retired.contains(&r) {
        a.retired.push(r);
    }
}

/// The decision the engine's outcome proposes to the controller; `None` when it proposes none
/// (too little answered, or required measures not even planned).
pub fn proposed(outcome: Outcome) -> Option<&'static str> {
    match outcome {
        Outcome::Approved | Outcome::ConditionallyApproved | Outcome::Consultation | Outcome::Rejected => {
            Some(outcome.key())
        }
        Outcome::NotAssessed | Outcome::MeasuresNotPlanned => None,
    }
}

/// The decision as the report states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decided {
    /// The controller has not decided; the engine proposes this outcome (or none).
    Proposed(Option<Outcome>),
    /// The controller's decision, the same as the engine's outcome.
    Recorded(Outcome),
    /// The controller's decision, which differs from the engine's outcome (the second).
    Differs(Outcome, Outcome),
}

/// What the report says of the decision, given the record and the engine's outcome.
pub fn decided(s: &SignOff, outcome: Outcome) -> Decided {
    match Outcome::from_key(&s.decision).filter(|_| DECISIONS.contains(&s.decision.as_str())) {
        None => Decided::Proposed(proposed(outcome).and_then(Outcome::from_key)),
        Some(d) if d == outcome => Decided::Recorded(d),
        Some(d) => Decided::Differs(d, outcome),
    }
}

/// True when the decision is recorded: the decision, its date and who took it. Signing a
/// version needs it (`version::sign`).
pub fn decision_recorded(s: &SignOff) -> bool {
    DECISIONS.contains(&s.decision.as_str()) && !s.decision_date.is_empty() && !s.decided_by.trim().is_empty()
}

/// True when the DPO's advice was partly or not followed and no reasons are recorded (the ICO
/// template asks for them).
pub fn reasons_missing(s: &SignOff) -> bool {
    matches!(s.dpo_advice_followed.as_str(), "partly_reasons" | "not_followed")
        && s.dpo_advice_reasons.trim().is_empty()
}

/// True when the DPO's advice was partly or not followed and the reasons are recorded: a
/// documented deviation (the engine raises no risk for it).
pub fn deviation_documented(s: &SignOff) -> bool {
    matches!(s.dpo_advice_followed.as_str(), "partly_reasons" | "not_followed")
        && !s.dpo_advice_reasons.trim().is_empty()
}

//! The fundamental rights impact assessment (FRIA) of AI Act Art. 27, as amended by Regulation
//! (EU) 2026/1744: whether the deployer owes one and from when, and what the FRIA annex of the
//! summary shows (findings-2026.md §1.5, §6.6).
//!
//! A FRIA is owed before the first use of a high-risk system of Annex III (point 2 excepted) by
//! bodies governed by public law, by private entities providing public services, and by
//! deployers of the systems of Annex III points 5(b) and 5(c) (Art. 27(1)); for Annex III
//! systems from 2 December 2027 (Art. 113 as amended). A private company that uses an Annex III
//! point 1 biometric system and provides no public service owes none. Whether the system is
//! high-risk under Annex III is the bank's classification: [`DEPLOYER_QUESTION`] is shown exactly
//! where the answers make it so (its `show_if_any`, the same clauses as the Art. 26 duties).

use std::collections::BTreeSet;

use super::answers::{Answer, Answers};
use super::engine::Report;
use super::model::{AnswerOption, Bank, Question, Section};

/// The screening question: which kind of deployer the organisation is.
pub const DEPLOYER_QUESTION: &str = "q_ai_deployer_type";

/// The options of [`DEPLOYER_QUESTION`] whose deployers owe a FRIA (Art. 27(1)): a body governed
/// by public law, a private entity providing public services, a deployer of an Annex III point
/// 5(b) or 5(c) system.
pub const OWED_BY: [&str; 3] = ["public_body", "public_service", "annex_iii_5bc"];

/// The option of a private deployer that owes no FRIA.
pub const NOT_OWED_BY: &str = "private_other";

/// From when Art. 27 applies to Annex III systems (Art. 113, third paragraph, point (c)(i), as
/// amended by Regulation (EU) 2026/1744). The fact sheet gives no other date for it.
pub const APPLIES_FROM: &str = "2027-12-02";

/// The measure recommended where a FRIA is owed, and nowhere else.
pub const SAFEGUARD: &str = "s_fria";

/// Whether this deployer owes a FRIA for this system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Duty {
    /// The answers do not make the system high-risk under Annex III (or do not say so yet):
    /// Art. 27 does not apply.
    NotHighRisk,
    /// High-risk, and which kind of deployer the organisation is has not been answered yet.
    Open,
    /// High-risk, and the organisation does not know which kind of deployer it is: a point to
    /// find out (listed with the other "unsure" answers), never read as "no".
    FindOut,
    /// High-risk, but a private deployer providing no public service and no Annex III point
    /// 5(b)/(c) use: no FRIA (the GDPR DPIA is still owed).
    NotOwed,
    /// Owed before the first use, from [`APPLIES_FROM`], by this kind of deployer (one of
    /// [`OWED_BY`]).
    Owed(&'static str),
}

impl Duty {
    /// From when the FRIA is owed (only where it is).
    pub fn applies_from(self) -> Option<&'static str> {
        matches!(self, Duty::Owed(_)).then_some(APPLIES_FROM)
    }
}

/// The Art. 27(1) points, each with the FRIA question that asks it and the parts of the DPIA
/// that cover related points (answered questions, and parts of the summary).
const ITEMS: [(char, &str, &[&str], &[Part]); 6] = [
    ('a', "q_fria_process", &["q_description", "q_purpose_text", "q_purpose_category", "q_context"], &[]),
    // The DPIA asks nothing about the period and frequency of use.
    ('b', "q_fria_period", &[], &[]),
    ('c', "q_fria_persons", &["q_data_subjects", "q_children", "q_scale"], &[]),
    ('d', "q_fria_harms", &["q_accuracy_testing"], &[Part::Risks]),
    ('e', "q_fria_oversight", &["q_ai_oversight", "q_match_consequence", "q_reviewer_training"], &[]),
    ('f', "q_fria_remedies", &["q_tr_complaints", "q_tr_contest", "q_sec_breach", "q_gov_review"], &[Part::ActionPlan]),
];

/// A part of the summary a FRIA item can refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The risks to the rights and freedoms of the people concerned, and why they arise.
    Risks,
    /// The action plan: the measures recommended and in place.
    ActionPlan,
}

/// A part of the DPIA that covers a point of a FRIA item, which the FRIA may refer to
/// (Art. 27(4) as amended).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reference<'a> {
    /// An answered question, as listed in the annex of all answers under its section
    /// (`number`, from 1, in bank order).
    Answer { number: usize, section: &'a Section, question: &'a Question },
    /// A part of the summary (listed only when it has content).
    Part(Part),
}

/// One point of Art. 27(1), as the FRIA annex shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Item<'a> {
    /// The letter of the point: 'a' ..= 'f'.
    pub point: char,
    pub question: &'a Question,
    /// The answer given in the FRIA questions; `None` when not filled in.
    pub answer: Option<&'a str>,
    /// The parts of this DPIA that cover related points, in document order; empty when none
    /// does.
    pub covered_by: Vec<Reference<'a>>,
}

/// The FRIA annex of the summary, shown only where a FRIA is owed.
#[derive(Clone, Debug, PartialEq)]
pub struct Annex<'a> {
    /// The answer that makes it owed (the kind of deployer).
    pub owed_by: &'a AnswerOption,
    /// From when it is owed (ISO date).
    pub applies_from: &'static str,
    pub items: Vec<Item<'a>>,
}

impl Report {
    /// Whether this deployer owes a FRIA, given these answers (see [`Duty`]).
    pub fn fria(&self, answers: &Answers) -> Duty {
        if !self.visible.iter().any(|q| q == DEPLOYER_QUESTION) {
            return Duty::NotHighRisk;
        }
        match answers.get(DEPLOYER_QUESTION) {
            Some(Answer::Choice(c)) if c == "unsure" => Duty::FindOut,
            Some(Answer::Choice(c)) if c == NOT_OWED_BY => Duty::NotOwed,
            Some(Answer::Choice(c)) => OWED_BY.iter().find(|o| *o == c).map_or(Duty::Open, |o| Duty::Owed(o)),
            _ => Duty::Open,
        }
    }

    /// The FRIA annex: `None` unless a FRIA is owed. Each Art. 27(1) point with its answer and
    /// the answered DPIA questions (and summary parts with content) that cover related points.
    pub fn fria_annex<'a>(&'a self, bank: &'a Bank, answers: &'a Answers) -> Option<Annex<'a>> {
        let Duty::Owed(by) = self.fria(answers) else { return None };
        let owed_by = bank.question(DEPLOYER_QUESTION)?.option(by)?;
        let visible: BTreeSet<&str> = self.visible.iter().map(String::as_str).collect();
        let answered = |id: &str| visible.contains(id) && answers.get(id).is_some_and(|a| !a.is_empty());
        let has_content = |p: &Part| match p {
            Part::Risks => self.risks.iter().any(|r| r.is_raised()),
            Part::ActionPlan => !self.recommendations.is_empty() || !self.in_place.is_empty(),
        };
        let items = ITEMS
            .iter()
            .filter_map(|(point, id, questions, parts)| {
                let question = bank.question(id)?;
                let answer = match answers.get(*id) {
                    Some(Answer::Text(t)) if !t.trim().is_empty() => Some(t.as_str()),
                    _ => None,
                };
                let mut covered_by: Vec<Reference> =
                    parts.iter().filter(|p| has_content(p)).map(|p| Reference::Part(*p)).collect();
                for (i, section) in bank.sections.iter().enumerate() {
                    for q in section.questions.iter().filter(|q| questions.contains(&q.id.as_str()) && answered(&q.id))
                    {
                        covered_by.push(Reference::Answer { number: i + 1, section, question: q });
                    }
                }
                Some(Item { point: *point, question, answer, covered_by })
            })
            .collect();
        Some(Annex { owed_by, applies_from: APPLIES_FROM, items })
    }
}

/// The FRIA questions, in the order of Art. 27(1) (for the bank's consistency tests).
pub fn questions() -> impl Iterator<Item = &'static str> {
    ITEMS.iter().map(|(_, id, _, _)| *id)
}

/// The DPIA questions an item refers to (for the bank's consistency tests).
pub fn references() -> impl Iterator<Item = &'static str> {
    ITEMS.iter().flat_map(|(_, _, refs, _)| refs.iter().copied())
}

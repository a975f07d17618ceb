//! What the views show of a report, decided here once: the order of the raised risks, the rows
//! of the action plan, the findings cited, the progress per section and the parts of the
//! decision. The results page, the summary and the navigation only render these (views never
//! order, filter or count).

use std::collections::BTreeSet;

use super::answers::{Answers, Plan, Status};
use super::engine::{
    Cause, Condition, Contradiction, Explanation, Lever, Outcome, Recommendation, Report, RiskResult, MAX_DRIVERS,
};
use super::model::{Bank, Finding, Kind, Safeguard, PRINCIPLES};

/// One line of the action plan.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlanRow<'a> {
    pub safeguard: &'a Safeguard,
    /// Why the tool recommends it; `None` for a safeguard listed because it is in place.
    pub recommendation: Option<&'a Recommendation>,
    /// In place by the answers (not by the action plan), so its status is not edited here.
    pub in_place_by_answers: bool,
}

/// One row of the EDPB template's 2.3.a: a principle (a key of [`PRINCIPLES`]) and the rows of
/// the action plan whose safeguard supports it, in the plan's order (none: the report says so).
#[derive(Clone, Debug, PartialEq)]
pub struct PrincipleRow<'a> {
    pub principle: &'static str,
    pub measures: Vec<PlanRow<'a>>,
}

/// How far a part of the wizard is answered: `answered` of `total` visible questions. Every kind
/// counts, free text too (the systematic description is part of a DPIA); a question counts as
/// answered when its answer is not empty.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
}

impl Progress {
    pub fn complete(self) -> bool {
        self.answered == self.total
    }
}

impl Report {
    /// The raised risks, worst first: by level with the planned safeguards, then residual, then
    /// inherent; bank order breaks ties. Their position (from 1) is the number the summary's
    /// risk map and risk table give them.
    pub fn raised_worst_first(&self) -> Vec<&RiskResult> {
        let mut raised: Vec<&RiskResult> = self.risks.iter().filter(|r| r.is_raised()).collect();
        super::order::sort_by_key(&mut raised, |r| {
            std::cmp::Reverse((r.planned.level(), r.residual.level(), r.inherent.level()))
        });
        raised
    }

    /// The findings cited by the raised risks, the red lines and the recommended safeguards, in
    /// bank order, each once.
    pub fn cited_findings<'b>(&self, bank: &'b Bank) -> Vec<&'b Finding> {
        let mut ids: BTreeSet<&str> = BTreeSet::new();
        let causes = self.risks.iter().flat_map(|r| r.raised_by.iter().map(|(c, _)| c)).chain(self.red_lines.iter());
        for c in causes {
            if let Some(o) = bank.question(&c.question).and_then(|q| q.option(&c.option)) {
                ids.extend(o.findings.iter().map(String::as_str));
            }
        }
        for r in &self.recommendations {
            if let Some(s) = bank.safeguard(&r.safeguard) {
                ids.extend(s.findings.iter().map(String::as_str));
            }
        }
        bank.findings.iter().filter(|f| ids.contains(f.id.as_str())).collect()
    }

    /// The rows of the action plan: the recommended safeguards in priority order, then the
    /// safeguards in place (by the action plan or by the answers) in bank order.
    pub fn plan_rows<'a>(&'a self, bank: &'a Bank, plan: &Plan) -> Vec<PlanRow<'a>> {
        let recommended = self.recommendations.iter().filter_map(|r| {
            Some(PlanRow {
                safeguard: bank.safeguard(&r.safeguard)?,
                recommendation: Some(r),
                in_place_by_answers: false,
            })
        });
        let in_place = bank
            .safeguards
            .iter()
            .filter(|s| self.in_place.contains(&s.id) && !self.recommendations.iter().any(|r| r.safeguard == s.id))
            .map(|s| PlanRow {
                safeguard: s,
                recommendation: None,
                in_place_by_answers: plan.get(&s.id).is_none_or(|p| p.status != Status::InPlace),
            });
        recommended.chain(in_place).collect()
    }

    /// The eight rows of 2.3.a, in the template's order: each principle with the action plan's
    /// rows ([`Report::plan_rows`]) whose safeguard supports it. Every plan row is in exactly one.
    pub fn principle_rows<'a>(&'a self, bank: &'a Bank, plan: &Plan) -> Vec<PrincipleRow<'a>> {
        let rows = self.plan_rows(bank, plan);
        PRINCIPLES
            .iter()
            .map(|&principle| PrincipleRow {
                principle,
                measures: rows.iter().filter(|r| r.safeguard.principle == principle).copied().collect(),
            })
            .collect()
    }

    /// The progress of every section of the bank, in bank order (see [`Progress`]).
    pub fn section_progress(&self, bank: &Bank, answers: &Answers) -> Vec<Progress> {
        let visible: BTreeSet<&str> = self.visible.iter().map(String::as_str).collect();
        bank.sections
            .iter()
            .map(|s| {
                let shown = s.questions.iter().filter(|q| visible.contains(q.id.as_str()));
                shown.fold(Progress::default(), |p, q| Progress {
                    answered: p.answered + answers.get(&q.id).is_some_and(|a| !a.is_empty()) as usize,
                    total: p.total + 1,
                })
            })
            .collect()
    }
}

/// The progress of the whole wizard: the sum of the sections'.
pub fn total(sections: &[Progress]) -> Progress {
    sections
        .iter()
        .fold(Progress::default(), |t, p| Progress { answered: t.answered + p.answered, total: t.total + p.total })
}

/// The decision as the views show it (`ui::decision::Decision`): what it rests on and what
/// would change it, each part empty when it does not apply to the outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionView<'a> {
    pub outcome: Outcome,
    /// Required measures not yet in place (conditional approval, measures not planned,
    /// consultation): those not even planned first, as they block approval; then the planned
    /// ones; each group in the order of the recommendations.
    pub conditions: Vec<ConditionRow<'a>>,
    /// Consultation: the risks that stay high or very high with every measure in place and
    /// planned (the Art. 36(1) reason), worst first.
    pub art36: Vec<&'a RiskResult>,
    /// Conditional approval or measures not planned: the risks that stay high until the planned
    /// measures are in place, worst first.
    pub until_planned: Vec<&'a RiskResult>,
    /// Rejection: the red lines crossed.
    pub red_lines: &'a [Cause],
    /// Approval (conditional or not): the measures in place that lower a raised risk, in bank
    /// order (what the approval rests on).
    pub rests_on: Vec<&'a str>,
    /// Approval (conditional or not): the raised risks still medium or higher with the
    /// measures in place and planned, worst first (what is accepted by signing).
    pub accepted: Vec<&'a RiskResult>,
    /// Answers that cannot both be true (any outcome but "not assessed").
    pub contradictions: &'a [Contradiction],
    /// Answers that depart from advice (any outcome but "not assessed"), first in "why this
    /// decision": with their reasons recorded (a documented deviation, which raises nothing),
    /// or without them, with the risks the answer then raises.
    pub deviations: Vec<DeviationRow<'a>>,
    /// Why this decision: the driving answers (at most [`MAX_DRIVERS`]), then single measures
    /// that would change the outcome (at most [`MAX_MEASURES`]), then the planned and the
    /// required measures together, where they would change it.
    pub why: Vec<Why<'a>>,
}

/// A departure from advice as "why this decision" names it.
#[derive(Clone, Debug, PartialEq)]
pub struct DeviationRow<'a> {
    pub cause: &'a Cause,
    pub documented: bool,
    /// The risks this answer raises (none when its reasons are recorded), in bank order.
    pub risks: Vec<&'a str>,
}

/// A condition with the recommendation behind it: the answers that require the measure, or
/// what it changes (a measure no answer requires is a must because it lowers a high risk).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ConditionRow<'a> {
    pub condition: &'a Condition,
    pub recommendation: Option<&'a Recommendation>,
}

impl std::ops::Deref for ConditionRow<'_> {
    type Target = Condition;
    fn deref(&self) -> &Condition {
        self.condition
    }
}

/// Most single measures "why this decision" names.
pub const MAX_MEASURES: usize = 3;

/// One line of "why this decision": what would change the outcome, or (when nothing would)
/// lower the score.
#[derive(Clone, Debug, PartialEq)]
pub struct Why<'a> {
    pub lever: WhyLever<'a>,
    pub outcome: Outcome,
    /// The outcome differs from the current one; otherwise only the score would (`score`).
    pub changes: bool,
    pub score: u8,
}

#[derive(Clone, Debug, PartialEq)]
pub enum WhyLever<'a> {
    /// A single-choice or yes/no answer given as `instead`.
    Instead { cause: &'a Cause, instead: &'a str },
    /// A multiple-choice answer without this option.
    Without { cause: &'a Cause },
    /// This recommended measure in place.
    Measure(&'a str),
    /// Every planned measure in place (how many).
    Planned(usize),
    /// Every required measure in place (how many).
    Required(usize),
}

impl Report {
    /// The decision's parts for the view, with the explanation computed by `engine::explain`
    /// for the same answers and plan.
    pub fn decision_view<'a>(&'a self, bank: &Bank, explanation: &'a Explanation) -> DecisionView<'a> {
        let d = &self.decision;
        let outcome = d.outcome;
        let has_conditions =
            matches!(outcome, Outcome::ConditionallyApproved | Outcome::MeasuresNotPlanned | Outcome::Consultation);
        let row = |c| ConditionRow {
            condition: c,
            recommendation: self.recommendations.iter().find(|r| r.safeguard == c.safeguard),
        };
        let mut conditions: Vec<ConditionRow> =
            if has_conditions { d.conditions.iter().map(row).collect() } else { Vec::new() };
        super::order::sort_by_key(&mut conditions, |c| c.status.is_planned());
        let risks = |ids: &[String]| {
            let mut v: Vec<&RiskResult> = ids.iter().filter_map(|id| self.risk(id)).collect();
            super::order::sort_by_key(&mut v, |r| std::cmp::Reverse((r.planned.level(), r.residual.level())));
            v
        };
        let art36 = if outcome == Outcome::Consultation { risks(&d.high_risks) } else { Vec::new() };
        let until_planned = if matches!(outcome, Outcome::ConditionallyApproved | Outcome::MeasuresNotPlanned) {
            risks(&d.high_until_planned)
        } else {
            Vec::new()
        };
        let red_lines: &[Cause] = if outcome == Outcome::Rejected { &self.red_lines } else { &[] };
        let approval = matches!(outcome, Outcome::Approved | Outcome::ConditionallyApproved);
        let lowering: BTreeSet<&str> =
            self.risks.iter().filter(|r| r.is_raised()).flat_map(|r| r.lowered_by.iter().map(String::as_str)).collect();
        let mut rests_on: Vec<&str> = if approval {
            self.in_place.iter().map(String::as_str).filter(|id| lowering.contains(id)).collect()
        } else {
            Vec::new()
        };
        super::order::sort_by_key(&mut rests_on, |id| bank.safeguards.iter().position(|s| s.id == *id));
        let accepted: Vec<&RiskResult> = if approval {
            self.raised_worst_first()
                .into_iter()
                .filter(|r| r.planned.level() >= super::engine::Level::Medium)
                .collect()
        } else {
            Vec::new()
        };
        let contradictions: &[Contradiction] = if outcome == Outcome::NotAssessed { &[] } else { &self.contradictions };
        let deviations: Vec<DeviationRow> = if outcome == Outcome::NotAssessed {
            Vec::new()
        } else {
            self.deviations
                .iter()
                .map(|d| DeviationRow {
                    cause: &d.cause,
                    documented: d.documented,
                    risks: self
                        .risks
                        .iter()
                        .filter(|r| r.raised_by.iter().any(|(c, _)| *c == d.cause))
                        .map(|r| r.risk.as_str())
                        .collect(),
                })
                .collect()
        };

        let line = |lever, o: Outcome, score| Why { lever, outcome: o, changes: o != outcome, score };
        let mut why: Vec<Why> = Vec::new();
        for w in explanation.drivers.iter().take(MAX_DRIVERS) {
            let Lever::Answer { cause, instead } = &w.lever else { continue };
            let multi = bank.question(&cause.question).is_some_and(|q| q.kind == Kind::Multi);
            let lever = match instead.first() {
                Some(i) if !multi => WhyLever::Instead { cause, instead: i },
                _ => WhyLever::Without { cause },
            };
            why.push(line(lever, w.outcome, w.planned_score));
        }
        // A measure's own line only where it changes the outcome (the engine lists only those).
        for (s, o) in explanation.outcome_with.iter().take(MAX_MEASURES) {
            why.push(line(WhyLever::Measure(s), *o, 0));
        }
        // The planned and the required measures together, where they would change the
        // outcome ("with the planned measures the decision would stay the same" says nothing
        // new); when both give the same outcome, only the smaller set.
        let groups: Vec<(usize, &super::engine::WhatIf)> = explanation
            .what_if
            .iter()
            .filter_map(|w| match &w.lever {
                Lever::Planned(ids) | Lever::Required(ids) if w.outcome != outcome => Some((ids.len(), w)),
                _ => None,
            })
            .collect();
        for (i, &(n, w)) in groups.iter().enumerate() {
            let smaller_elsewhere = groups
                .iter()
                .enumerate()
                .any(|(j, &(m, x))| j != i && x.outcome == w.outcome && (m < n || (m == n && j < i)));
            if smaller_elsewhere {
                continue;
            }
            let lever = if matches!(w.lever, Lever::Planned(_)) { WhyLever::Planned(n) } else { WhyLever::Required(n) };
            why.push(line(lever, w.outcome, w.planned_score));
        }
        DecisionView {
            outcome,
            conditions,
            art36,
            until_planned,
            red_lines,
            rests_on,
            accepted,
            contradictions,
            deviations,
            why,
        }
    }
}

//! What the views show of a report, decided here once: the order of the raised risks, the rows
//! of the action plan, the findings cited and the progress per section. The results page, the
//! summary and the navigation only render these (views never order, filter or count).

use std::collections::BTreeSet;

use super::answers::{Answers, Plan, Status};
use super::engine::{Recommendation, Report, RiskResult};
use super::model::{Bank, Finding, Safeguard};

/// One line of the action plan.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlanRow<'a> {
    pub safeguard: &'a Safeguard,
    /// Why the tool recommends it; `None` for a safeguard listed because it is in place.
    pub recommendation: Option<&'a Recommendation>,
    /// In place by the answers (not by the action plan), so its status is not edited here.
    pub in_place_by_answers: bool,
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
        raised.sort_by_key(|r| std::cmp::Reverse((r.planned.level(), r.residual.level(), r.inherent.level())));
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

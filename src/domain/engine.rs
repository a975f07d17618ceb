//! The risk model: from answers and action plan to inherent and residual risk, score, band,
//! red lines, verdict and prioritised safeguards. Pure and deterministic; see
//! docs/methodology.md for the method in prose.

use std::collections::BTreeSet;

use super::answers::{Answers, Plan, Status};
use super::model::{Bank, Kind, Question, Trigger};

/// Likelihood and severity, each 1 (negligible) ..= 4 (maximum).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub likelihood: u8,
    pub severity: u8,
}

impl Position {
    pub const NEGLIGIBLE: Position = Position { likelihood: 1, severity: 1 };

    /// Risk level 1..=4 from the likelihood x severity matrix:
    ///
    /// ```text
    ///              severity 1  2  3  4
    /// likelihood 1          1  1  2  3
    ///            2          1  2  3  3
    ///            3          2  3  3  4
    ///            4          3  3  4  4
    /// ```
    /// A maximal severity is at least "high" however unlikely, because biometric harm is
    /// often irreversible; both dimensions must be high for "very high".
    pub fn level(self) -> Level {
        const M: [[u8; 4]; 4] = [[1, 1, 2, 3], [1, 2, 3, 3], [2, 3, 3, 4], [3, 3, 4, 4]];
        let l = self.likelihood.clamp(1, 4) as usize - 1;
        let s = self.severity.clamp(1, 4) as usize - 1;
        Level::from_u8(M[l][s])
    }

    /// likelihood x severity, 1..=16.
    pub fn product(self) -> u8 {
        self.likelihood * self.severity
    }
}

/// A risk level or score band.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Low = 1,
    Medium = 2,
    High = 3,
    VeryHigh = 4,
}

impl Level {
    pub fn from_u8(v: u8) -> Level {
        match v {
            0 | 1 => Level::Low,
            2 => Level::Medium,
            3 => Level::High,
            _ => Level::VeryHigh,
        }
    }
    /// Key for translations and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Level::Low => "low",
            Level::Medium => "medium",
            Level::High => "high",
            Level::VeryHigh => "very_high",
        }
    }
}

/// An answer that contributed: question id and option id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cause {
    pub question: String,
    pub option: String,
}

/// One risk, assessed.
#[derive(Clone, Debug, PartialEq)]
pub struct RiskResult {
    pub risk: String,
    /// From answers alone.
    pub inherent: Position,
    /// After the safeguards in place.
    pub residual: Position,
    /// After the safeguards in place and those planned in the action plan.
    pub planned: Position,
    /// Answers that raised this risk (with their own raise).
    pub raised_by: Vec<(Cause, Position)>,
    /// Safeguards in place (or planned) that lower this risk.
    pub lowered_by: Vec<String>,
}

impl RiskResult {
    pub fn is_raised(&self) -> bool {
        !self.raised_by.is_empty()
    }
}

/// Must, should, could.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    Must,
    Should,
    Could,
}

impl Priority {
    pub fn key(self) -> &'static str {
        match self {
            Priority::Must => "must",
            Priority::Should => "should",
            Priority::Could => "could",
        }
    }
}

/// A safeguard the tool recommends.
#[derive(Clone, Debug, PartialEq)]
pub struct Recommendation {
    pub safeguard: String,
    pub priority: Priority,
    /// Answers that make it a must.
    pub required_by: Vec<Cause>,
    /// Risk id, current residual and residual with this safeguard added, for each risk it lowers.
    pub effect: Vec<(String, Position, Position)>,
    /// Already planned in the action plan (not yet in place).
    pub planned: bool,
}

/// The overall conclusion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// A red line is crossed: the processing must not go ahead as designed.
    DoNotProceed,
    /// High residual risk remains even with planned measures: Art. 36 prior consultation.
    PriorConsultation,
    /// Proceed, with the listed must safeguards in place first.
    ProceedWithSafeguards,
}

impl Verdict {
    pub fn key(self) -> &'static str {
        match self {
            Verdict::DoNotProceed => "do_not_proceed",
            Verdict::PriorConsultation => "prior_consultation",
            Verdict::ProceedWithSafeguards => "proceed",
        }
    }
}

/// Screening under Art. 35(1), 35(3)(b), 35(4) and WP248.
#[derive(Clone, Debug, PartialEq)]
pub struct Screening {
    pub required: bool,
    /// Distinct WP248 criteria met, in the canonical order.
    pub criteria: Vec<String>,
    /// Answers that alone make a DPIA mandatory.
    pub mandatory_by: Vec<Cause>,
}

/// Everything the results page and the summary show. Recomputed from scratch on every change.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub visible: Vec<String>,
    pub answered: usize,
    /// Visible choice questions not yet answered.
    pub unanswered: Vec<String>,
    pub risks: Vec<RiskResult>,
    pub inherent_score: u8,
    pub residual_score: u8,
    pub planned_score: u8,
    pub red_lines: Vec<Cause>,
    pub screening: Screening,
    pub verdict: Verdict,
    pub recommendations: Vec<Recommendation>,
    /// "Unsure" answers: what to find out.
    pub find_out: Vec<Cause>,
    /// Safeguards in place, from answers or the action plan.
    pub in_place: Vec<String>,
}

impl Report {
    pub fn complete(&self) -> bool {
        self.unanswered.is_empty()
    }
    pub fn band(score: u8) -> Level {
        match score {
            0..=24 => Level::Low,
            25..=49 => Level::Medium,
            50..=74 => Level::High,
            _ => Level::VeryHigh,
        }
    }
    pub fn risk(&self, id: &str) -> Option<&RiskResult> {
        self.risks.iter().find(|r| r.risk == id)
    }
}

/// Which questions are shown, given the answers. A question is shown when every clause of its
/// `show_if` holds; a clause on a hidden question never holds (its answer is kept but ignored).
pub fn visible_questions<'b>(bank: &'b Bank, answers: &Answers) -> Vec<&'b Question> {
    let mut shown: Vec<&Question> = Vec::new();
    let mut shown_ids: BTreeSet<&str> = BTreeSet::new();
    for q in bank.questions() {
        let ok = q.show_if.iter().all(|c| {
            if !shown_ids.contains(c.question.as_str()) {
                return false;
            }
            let chosen: Vec<&str> = answers.get(&c.question).map(|a| a.chosen()).unwrap_or_default();
            if !c.any_of.is_empty() {
                chosen.iter().any(|o| c.any_of.iter().any(|x| x == o))
            } else {
                !chosen.is_empty() && !chosen.iter().any(|o| c.none_of.iter().any(|x| x == o))
            }
        });
        if ok {
            shown_ids.insert(&q.id);
            shown.push(q);
        }
    }
    shown
}

/// Overall score 0..=100 from risk positions. The band is set by the worst risk level W
/// (low 0-24, medium 25-49, high 50-74, very high 75-100), so one very high risk can never be
/// averaged away; within the band the mean of likelihood x severity over all risks places the
/// score: `score = 25 (W - 1) + round(width * sum(L*S) / (16 N))`, width 24 (25 for very high).
pub fn score(positions: &[Position]) -> u8 {
    if positions.is_empty() {
        return 0;
    }
    let worst = positions.iter().map(|p| p.level() as u8).max().unwrap_or(1);
    let sum: u32 = positions.iter().map(|p| p.product() as u32).sum();
    let n = positions.len() as u32;
    let width: u32 = if worst == 4 { 25 } else { 24 };
    let within = (width * sum * 2 + 16 * n) / (32 * n); // rounded width * sum / (16 n)
    (25 * (worst as u32 - 1) + within.min(width)) as u8
}

fn apply(inherent: Position, floor: Position, down_l: u8, down_s: u8) -> Position {
    // Never below the floor, but a floor never raises a risk above its inherent level.
    let fl = floor.likelihood.min(inherent.likelihood);
    let fs = floor.severity.min(inherent.severity);
    Position {
        likelihood: inherent.likelihood.saturating_sub(down_l).max(fl).max(1),
        severity: inherent.severity.saturating_sub(down_s).max(fs).max(1),
    }
}

/// Per-risk lowering sums for a set of safeguards, indexed like `bank.risks`.
fn lowering(bank: &Bank, safeguards: &BTreeSet<&str>) -> Vec<(u8, u8)> {
    let mut down = vec![(0u8, 0u8); bank.risks.len()];
    for s in bank.safeguards.iter().filter(|s| safeguards.contains(s.id.as_str())) {
        for l in &s.lowers {
            if let Some(i) = bank.risk_index(&l.risk) {
                down[i].0 = down[i].0.saturating_add(l.likelihood);
                down[i].1 = down[i].1.saturating_add(l.severity);
            }
        }
    }
    down
}

fn residuals(bank: &Bank, inherent: &[Position], locked: &[Position], safeguards: &BTreeSet<&str>) -> Vec<Position> {
    let down = lowering(bank, safeguards);
    // Stopping or redesigning (a red-line safeguard) is the only measure that may lower a
    // risk an answer raised to a red line.
    let redesign = bank.safeguards.iter().any(|s| s.trigger == Trigger::RedLine && safeguards.contains(s.id.as_str()));
    bank.risks
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut floor = Position { likelihood: r.floor_likelihood, severity: r.floor_severity };
            if !redesign {
                floor.likelihood = floor.likelihood.max(locked[i].likelihood);
                floor.severity = floor.severity.max(locked[i].severity);
            }
            apply(inherent[i], floor, down[i].0, down[i].1)
        })
        .collect()
}

/// Assesses a set of answers and an action plan against the bank.
pub fn evaluate(bank: &Bank, answers: &Answers, plan: &Plan) -> Report {
    let visible = visible_questions(bank, answers);
    let nrisks = bank.risks.len();
    let mut inherent = vec![Position::NEGLIGIBLE; nrisks];
    // Positions raised by red-line answers: no safeguard but a redesign lowers them.
    let mut locked = vec![Position::NEGLIGIBLE; nrisks];
    let mut raised_by: Vec<Vec<(Cause, Position)>> = vec![Vec::new(); nrisks];
    let mut implemented: BTreeSet<&str> = BTreeSet::new();
    let mut required: Vec<(&str, Cause)> = Vec::new();
    let mut red_lines = Vec::new();
    let mut criteria: BTreeSet<&str> = BTreeSet::new();
    let mut mandatory_by = Vec::new();
    let mut find_out = Vec::new();
    let mut answered = 0;
    let mut unanswered = Vec::new();

    for q in &visible {
        let answer = answers.get(&q.id).filter(|a| !a.is_empty());
        match answer {
            Some(_) => answered += 1,
            None if q.kind != Kind::Text => unanswered.push(q.id.clone()),
            None => {}
        }
        let Some(answer) = answer else { continue };
        for oid in answer.chosen() {
            let Some(o) = q.option(oid) else { continue };
            let cause = Cause { question: q.id.clone(), option: o.id.clone() };
            for r in &o.raises {
                if let Some(i) = bank.risk_index(&r.risk) {
                    // The highest raise wins, per dimension: order-independent.
                    inherent[i].likelihood = inherent[i].likelihood.max(r.likelihood);
                    inherent[i].severity = inherent[i].severity.max(r.severity);
                    if o.red_line.is_some() {
                        locked[i].likelihood = locked[i].likelihood.max(r.likelihood);
                        locked[i].severity = locked[i].severity.max(r.severity);
                    }
                    raised_by[i].push((cause.clone(), Position { likelihood: r.likelihood, severity: r.severity }));
                }
            }
            implemented.extend(o.implements.iter().map(String::as_str));
            required.extend(o.requires.iter().map(|s| (s.as_str(), cause.clone())));
            if o.red_line.is_some() {
                red_lines.push(cause.clone());
            }
            criteria.extend(o.wp248.iter().map(String::as_str));
            if o.dpia_required {
                mandatory_by.push(cause.clone());
            }
            if o.find_out.is_some() {
                find_out.push(cause.clone());
            }
        }
    }

    let mut in_place = implemented.clone();
    let mut with_planned = implemented.clone();
    for (id, item) in plan {
        if bank.safeguard(id).is_none() {
            continue;
        }
        match item.status {
            Status::InPlace => {
                in_place.insert(id.as_str());
                with_planned.insert(id.as_str());
            }
            Status::Planned => {
                with_planned.insert(id.as_str());
            }
            Status::NotPlanned => {}
        }
    }
    let residual = residuals(bank, &inherent, &locked, &in_place);
    let planned = residuals(bank, &inherent, &locked, &with_planned);

    let risks: Vec<RiskResult> = bank
        .risks
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let lowered_by = bank
                .safeguards
                .iter()
                .filter(|s| with_planned.contains(s.id.as_str()))
                .filter(|s| s.lowers.iter().any(|l| l.risk == r.id))
                .filter(|_| !raised_by[i].is_empty())
                .map(|s| s.id.clone())
                .collect();
            RiskResult {
                risk: r.id.clone(),
                inherent: inherent[i],
                residual: residual[i],
                planned: planned[i],
                raised_by: std::mem::take(&mut raised_by[i]),
                lowered_by,
            }
        })
        .collect();

    let verdict = if !red_lines.is_empty() {
        Verdict::DoNotProceed
    } else if planned.iter().any(|p| p.level() >= Level::High) {
        Verdict::PriorConsultation
    } else {
        Verdict::ProceedWithSafeguards
    };

    let recommendations = recommend(bank, &inherent, &locked, &residual, &in_place, &with_planned, &required, verdict);

    let criteria: Vec<String> =
        super::model::WP248_CRITERIA.iter().filter(|c| criteria.contains(**c)).map(|c| c.to_string()).collect();
    let screening = Screening { required: criteria.len() >= 2 || !mandatory_by.is_empty(), criteria, mandatory_by };

    Report {
        visible: visible.iter().map(|q| q.id.clone()).collect(),
        answered,
        unanswered,
        inherent_score: score(&inherent),
        residual_score: score(&residual),
        planned_score: score(&planned),
        risks,
        red_lines,
        screening,
        verdict,
        recommendations,
        find_out,
        in_place: in_place.iter().map(|s| s.to_string()).collect(),
    }
}

#[allow(clippy::too_many_arguments)]
fn recommend(
    bank: &Bank,
    inherent: &[Position],
    locked: &[Position],
    residual: &[Position],
    in_place: &BTreeSet<&str>,
    with_planned: &BTreeSet<&str>,
    required: &[(&str, Cause)],
    verdict: Verdict,
) -> Vec<Recommendation> {
    let mut out = Vec::new();
    for s in &bank.safeguards {
        if in_place.contains(s.id.as_str()) {
            continue;
        }
        let required_by: Vec<Cause> = required.iter().filter(|(id, _)| *id == s.id).map(|(_, c)| c.clone()).collect();
        let mut with = in_place.clone();
        with.insert(s.id.as_str());
        let after = residuals(bank, inherent, locked, &with);
        let effect: Vec<(String, Position, Position)> = bank
            .risks
            .iter()
            .enumerate()
            .filter(|(i, _)| after[*i] != residual[*i])
            .map(|(i, r)| (r.id.clone(), residual[i], after[i]))
            .collect();
        let worst_lowered = effect.iter().map(|(_, before, _)| before.level()).max().unwrap_or(Level::Low);
        let priority = match s.trigger {
            Trigger::RedLine if verdict == Verdict::DoNotProceed => Some(Priority::Must),
            Trigger::HighResidual if verdict == Verdict::PriorConsultation => Some(Priority::Must),
            Trigger::RedLine | Trigger::HighResidual => None,
            Trigger::Effect if !required_by.is_empty() => Some(Priority::Must),
            Trigger::Effect if effect.is_empty() => None,
            Trigger::Effect => Some(match worst_lowered {
                Level::High | Level::VeryHigh => Priority::Must,
                Level::Medium => Priority::Should,
                Level::Low => Priority::Could,
            }),
        };
        if let Some(priority) = priority {
            out.push(Recommendation {
                safeguard: s.id.clone(),
                priority,
                required_by,
                planned: with_planned.contains(s.id.as_str()),
                effect,
            });
        }
    }
    // Must before should before could; within a priority, the biggest total reduction first;
    // then bank order (the sort is stable).
    out.sort_by_key(|r| {
        let gain: i32 = r.effect.iter().map(|(_, b, a)| b.product() as i32 - a.product() as i32).sum();
        (r.priority, -gain)
    });
    out
}

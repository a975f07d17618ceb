//! The risk model: from answers and action plan to inherent and residual risk, score, band,
//! red lines, the decision (the four outcomes of the EDPB DPIA template), prioritised
//! safeguards, contradictions between answers, and what would change the decision. Pure and
//! deterministic; see docs/methodology.md for the method in prose.

use std::collections::BTreeSet;

use super::answers::{Answer, Answers, Plan, PlanItem, Status};
use super::model::{Bank, Clause, Kind, Question, Raise, Safeguard, Trigger};

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

impl Cause {
    fn new(question: &str, option: &str) -> Cause {
        Cause { question: question.to_string(), option: option.to_string() }
    }
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
    /// Answers that raised this risk (with their own raise), in context: a raise whose
    /// `when`/`unless` conditions do not hold is not listed.
    pub raised_by: Vec<(Cause, Position)>,
    /// Safeguards in place (or planned) that lower this risk.
    pub lowered_by: Vec<String>,
}

impl RiskResult {
    pub fn is_raised(&self) -> bool {
        !self.raised_by.is_empty()
    }
}

/// Must or should. A measure that changes no risk level and that no answer requires is not
/// recommended at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    /// An answer requires it, it lowers a high or very high risk by a level, or the outcome
    /// calls for it (stop or redesign; prior consultation).
    Must,
    /// It lowers a medium risk to low.
    Should,
}

impl Priority {
    pub fn key(self) -> &'static str {
        match self {
            Priority::Must => "must",
            Priority::Should => "should",
        }
    }
}

/// A safeguard the tool recommends.
#[derive(Clone, Debug, PartialEq)]
pub struct Recommendation {
    pub safeguard: String,
    pub priority: Priority,
    /// Answers that require it.
    pub required_by: Vec<Cause>,
    /// What it changes, risk by risk: risk id, level-changing position without it and with it.
    /// For a measure not yet planned "without" is the position the plan leads to; for a
    /// planned one it is that position with this measure taken out of the plan. Only risks
    /// whose level changes are listed (no "high -> high").
    pub effect: Vec<(String, Position, Position)>,
    /// Already planned in the action plan (not yet in place).
    pub planned: bool,
    /// The outcome with this measure in place as well, when that differs from the current one.
    pub outcome_with: Option<Outcome>,
}

/// The conclusion, as the four outcomes of the EDPB DPIA template (2026, section 6), plus the
/// two states in which no conclusion can be drawn yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Too few questions answered to draw any conclusion (no red line either).
    NotAssessed,
    /// A red line is crossed: the processing must be abandoned or redesigned.
    Rejected,
    /// A high residual risk remains with every measure in place and planned: Art. 36 prior
    /// consultation of the supervisory authority before the processing starts.
    Consultation,
    /// A required measure is not even planned: neither approval nor conditional approval is
    /// possible until it is.
    MeasuresNotPlanned,
    /// May proceed only once the listed conditions are met (measures planned but not in
    /// place, questions still open, answers that contradict each other).
    ConditionallyApproved,
    /// Every required measure is in place, no high residual risk, nothing open.
    Approved,
}

impl Outcome {
    pub const ALL: [Outcome; 6] = [
        Outcome::NotAssessed,
        Outcome::Rejected,
        Outcome::Consultation,
        Outcome::MeasuresNotPlanned,
        Outcome::ConditionallyApproved,
        Outcome::Approved,
    ];

    /// Key for translations, CSS classes and the assessments index.
    pub fn key(self) -> &'static str {
        match self {
            Outcome::NotAssessed => "not_assessed",
            Outcome::Rejected => "rejected",
            Outcome::Consultation => "consultation",
            Outcome::MeasuresNotPlanned => "measures_not_planned",
            Outcome::ConditionallyApproved => "conditionally_approved",
            Outcome::Approved => "approved",
        }
    }

    /// Reads a key, including the verdict keys stored before the four outcomes
    /// ("do_not_proceed", "prior_consultation", "proceed": the last meant "proceed with the
    /// listed safeguards", which is a conditional approval).
    pub fn from_key(key: &str) -> Option<Outcome> {
        match key {
            "do_not_proceed" => Some(Outcome::Rejected),
            "prior_consultation" => Some(Outcome::Consultation),
            "proceed" => Some(Outcome::ConditionallyApproved),
            k => Outcome::ALL.into_iter().find(|o| o.key() == k),
        }
    }

    /// Order from worst to best (rejected 0 .. approved 4); `None` when nothing is assessed.
    pub fn rank(self) -> Option<u8> {
        match self {
            Outcome::NotAssessed => None,
            Outcome::Rejected => Some(0),
            Outcome::Consultation => Some(1),
            Outcome::MeasuresNotPlanned => Some(2),
            Outcome::ConditionallyApproved => Some(3),
            Outcome::Approved => Some(4),
        }
    }
}

/// A required measure not yet in place, with its line of the action plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Condition {
    pub safeguard: String,
    pub status: Status,
    pub owner: String,
    pub due: String,
}

/// The decision and everything it rests on.
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    pub outcome: Outcome,
    /// Choice questions are still open: the outcome may change (never "approved" then).
    pub provisional: bool,
    /// Every "must" measure not yet in place (planned or not), in the order of the
    /// recommendations, with owner and due date from the action plan.
    pub conditions: Vec<Condition>,
    /// Risks still high or very high with the measures in place and planned (Art. 36).
    pub high_risks: Vec<String>,
    /// Risks high or very high with the measures in place only (planned ones bring them down).
    pub high_until_planned: Vec<String>,
}

impl Decision {
    /// Conditions whose measure is not even planned.
    pub fn not_planned(&self) -> impl Iterator<Item = &Condition> {
        self.conditions.iter().filter(|c| c.status != Status::Planned)
    }
}

/// A WP248 criterion met, and the answers that meet it (the screening question itself, or an
/// answer elsewhere, such as employees counting as vulnerable data subjects).
#[derive(Clone, Debug, PartialEq)]
pub struct Criterion {
    pub id: String,
    pub by: Vec<Cause>,
}

/// Screening under Art. 35(1), 35(3)(b), 35(4) and WP248.
#[derive(Clone, Debug, PartialEq)]
pub struct Screening {
    pub required: bool,
    /// Distinct WP248 criteria met, in the canonical order.
    pub criteria: Vec<Criterion>,
    /// Answers that alone make a DPIA mandatory.
    pub mandatory_by: Vec<Cause>,
}

/// Two answers that cannot both be true: a point to resolve, never scored.
#[derive(Clone, Debug, PartialEq)]
pub struct Contradiction {
    /// The earlier answer (or, for an exclusive option, the exclusive one).
    pub first: Cause,
    /// The answer that declares the conflict.
    pub second: Cause,
    /// Declared in the bank (`second`'s option has a `contradiction` text saying what to
    /// resolve); false when an exclusive option ("none of these") is chosen with another.
    pub declared: bool,
}

/// What a counterfactual changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Lever {
    /// This answer, given instead as `instead` (option ids; for a multi question, the remaining
    /// choice).
    Answer { cause: Cause, instead: Vec<String> },
    /// These measures in place.
    Measures(Vec<String>),
}

/// "With this lever the decision would be `outcome`", computed by re-evaluating.
#[derive(Clone, Debug, PartialEq)]
pub struct WhatIf {
    pub lever: Lever,
    pub outcome: Outcome,
    pub planned_score: u8,
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
    pub decision: Decision,
    pub recommendations: Vec<Recommendation>,
    /// "Unsure" answers: what to find out.
    pub find_out: Vec<Cause>,
    /// Safeguards in place, from answers or the action plan.
    pub in_place: Vec<String>,
    /// Answers that contradict each other.
    pub contradictions: Vec<Contradiction>,
    /// The answers that drive the decision most: each with the answer that would improve the
    /// outcome most and the outcome it would give (when no single answer would change the
    /// outcome: those that would lower the score most); best first, at most five; none for an
    /// approval.
    pub drivers: Vec<WhatIf>,
    /// The outcome with measures put in place: all planned ones, and all required ones.
    pub what_if: Vec<WhatIf>,
}

/// Most drivers a report names.
pub const MAX_DRIVERS: usize = 5;

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
    pub fn outcome(&self) -> Outcome {
        self.decision.outcome
    }
}

/// Whether a clause holds: its question is shown and its answer has one of `any_of`, or is
/// answered with none of `none_of`. A clause on a hidden or unanswered question never holds.
fn holds(c: &Clause, answers: &Answers, shown: &BTreeSet<&str>) -> bool {
    if !shown.contains(c.question.as_str()) {
        return false;
    }
    let chosen: Vec<&str> = answers.get(&c.question).map(|a| a.chosen()).unwrap_or_default();
    if !c.any_of.is_empty() {
        chosen.iter().any(|o| c.any_of.iter().any(|x| x == o))
    } else {
        !chosen.is_empty() && !chosen.iter().any(|o| c.none_of.iter().any(|x| x == o))
    }
}

/// Whether a raise counts in this context: every `when` clause holds, no `unless` clause does.
fn applies(r: &Raise, answers: &Answers, shown: &BTreeSet<&str>) -> bool {
    r.when.iter().all(|c| holds(c, answers, shown)) && !r.unless.iter().any(|c| holds(c, answers, shown))
}

/// Which questions are shown, given the answers. A question is shown when every clause of its
/// `show_if` holds; a clause on a hidden question never holds (its answer is kept but ignored).
pub fn visible_questions<'b>(bank: &'b Bank, answers: &Answers) -> Vec<&'b Question> {
    let mut shown: Vec<&Question> = Vec::new();
    let mut shown_ids: BTreeSet<&str> = BTreeSet::new();
    for q in bank.questions() {
        if q.show_if.iter().all(|c| holds(c, answers, &shown_ids)) {
            shown_ids.insert(&q.id);
            shown.push(q);
        }
    }
    shown
}

/// The raises of an option that count given the answers (for tests and explanations).
pub fn applicable_raises<'b>(
    bank: &Bank,
    answers: &Answers,
    option: &'b super::model::AnswerOption,
) -> Vec<&'b Raise> {
    let visible = visible_questions(bank, answers);
    let shown: BTreeSet<&str> = visible.iter().map(|q| q.id.as_str()).collect();
    option.raises.iter().filter(|r| applies(r, answers, &shown)).collect()
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

/// The parts of an evaluation that measures act on.
struct Base<'b> {
    bank: &'b Bank,
    inherent: Vec<Position>,
    /// Positions raised by red-line answers: no safeguard but a redesign lowers them.
    locked: Vec<Position>,
}

impl Base<'_> {
    fn residuals(&self, safeguards: &BTreeSet<&str>) -> Vec<Position> {
        let bank = self.bank;
        let mut down = vec![(0u8, 0u8); bank.risks.len()];
        for s in bank.safeguards.iter().filter(|s| safeguards.contains(s.id.as_str())) {
            for l in &s.lowers {
                if let Some(i) = bank.risk_index(&l.risk) {
                    down[i].0 = down[i].0.saturating_add(l.likelihood);
                    down[i].1 = down[i].1.saturating_add(l.severity);
                }
            }
        }
        // Stopping or redesigning (a red-line safeguard) is the only measure that may lower a
        // risk an answer raised to a red line.
        let redesign =
            bank.safeguards.iter().any(|s| s.trigger == Trigger::RedLine && safeguards.contains(s.id.as_str()));
        bank.risks
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let mut floor = Position { likelihood: r.floor_likelihood, severity: r.floor_severity };
                if !redesign {
                    floor.likelihood = floor.likelihood.max(self.locked[i].likelihood);
                    floor.severity = floor.severity.max(self.locked[i].severity);
                }
                apply(self.inherent[i], floor, down[i].0, down[i].1)
            })
            .collect()
    }
}

fn any_high(positions: &[Position]) -> bool {
    positions.iter().any(|p| p.level() >= Level::High)
}

/// Assesses a set of answers and an action plan against the bank, with the counterfactuals
/// that say what drives the decision and what would change it.
pub fn evaluate(bank: &Bank, answers: &Answers, plan: &Plan) -> Report {
    let mut report = assess(bank, answers, plan);
    if report.decision.outcome == Outcome::NotAssessed {
        return report;
    }
    let now = (report.decision.outcome.rank(), report.planned_score);
    let better = |r: &Report| {
        let rank = r.decision.outcome.rank();
        rank > now.0 || (rank == now.0 && r.planned_score < now.1)
    };

    // Drivers: each contributing answer, given otherwise.
    let mut drivers: Vec<WhatIf> = Vec::new();
    for q in visible_questions(bank, answers) {
        let Some(answer) = answers.get(&q.id).filter(|a| !a.is_empty()) else { continue };
        for oid in answer.chosen() {
            let Some(o) = q.option(oid) else { continue };
            if o.raises.is_empty() && o.red_line.is_none() && o.requires.is_empty() {
                continue;
            }
            let mut best: Option<(Vec<String>, Report)> = None;
            for instead in alternatives(q, answer, oid) {
                let mut changed = answers.clone();
                changed.insert(q.id.clone(), instead_answer(q, &instead));
                let r = assess(bank, &changed, plan);
                let key = |r: &Report| (r.decision.outcome.rank(), std::cmp::Reverse(r.planned_score));
                if better(&r) && best.as_ref().is_none_or(|(_, b)| key(&r) > key(b)) {
                    best = Some((instead, r));
                }
            }
            if let Some((instead, r)) = best {
                drivers.push(WhatIf {
                    lever: Lever::Answer { cause: Cause::new(&q.id, oid), instead },
                    outcome: r.decision.outcome,
                    planned_score: r.planned_score,
                });
            }
        }
    }
    // Answers that would change the outcome, best first (the sort is stable, so ties keep the
    // order of the questions); only when none would, those that would lower the score most.
    // An approval has nothing left to improve.
    if drivers.iter().any(|w| w.outcome.rank() > now.0) {
        drivers.retain(|w| w.outcome.rank() > now.0);
    }
    if report.decision.outcome == Outcome::Approved {
        drivers.clear();
    }
    drivers.sort_by_key(|w| (std::cmp::Reverse(w.outcome.rank()), w.planned_score));
    drivers.truncate(MAX_DRIVERS);
    report.drivers = drivers;

    // Measures: each recommended one alone, then all planned ones, then all required ones.
    let with_in_place = |ids: &[&str]| {
        let mut p = plan.clone();
        for id in ids {
            let item = p.entry(id.to_string()).or_insert_with(PlanItem::default);
            item.status = Status::InPlace;
        }
        assess(bank, answers, &p)
    };
    let outcome = report.decision.outcome;
    for rec in &mut report.recommendations {
        let r = with_in_place(&[rec.safeguard.as_str()]);
        rec.outcome_with = (r.decision.outcome != outcome).then_some(r.decision.outcome);
    }
    let planned: Vec<&str> =
        plan.iter().filter(|(_, i)| i.status == Status::Planned).map(|(id, _)| id.as_str()).collect();
    let required: Vec<&str> = report.decision.conditions.iter().map(|c| c.safeguard.as_str()).collect();
    let mut what_if = Vec::new();
    for ids in [planned, required] {
        if ids.is_empty() || what_if.iter().any(|w: &WhatIf| w.lever == Lever::Measures(to_strings(&ids))) {
            continue;
        }
        let r = with_in_place(&ids);
        what_if.push(WhatIf {
            lever: Lever::Measures(to_strings(&ids)),
            outcome: r.decision.outcome,
            planned_score: r.planned_score,
        });
    }
    report.what_if = what_if;
    report
}

/// The decision alone, without the counterfactuals (for the assessments list).
pub fn decide(bank: &Bank, answers: &Answers, plan: &Plan) -> Decision {
    assess(bank, answers, plan).decision
}

/// The report without the counterfactuals: `drivers` and `what_if` empty, no
/// `outcome_with`. Everything else is as [`evaluate`] gives it.
pub fn assess_only(bank: &Bank, answers: &Answers, plan: &Plan) -> Report {
    assess(bank, answers, plan)
}

fn to_strings(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

/// Other answers to `q` than choosing `oid`: every other option (not "unsure") of a single or
/// yes/no question; for a multi question, the same choice without `oid` (or, if nothing would
/// be left, its exclusive "none of these" option).
fn alternatives(q: &Question, answer: &Answer, oid: &str) -> Vec<Vec<String>> {
    match q.kind {
        Kind::Text => Vec::new(),
        Kind::Single | Kind::YesNo => {
            q.options.iter().filter(|o| o.id != oid && o.id != "unsure").map(|o| vec![o.id.clone()]).collect()
        }
        Kind::Multi => {
            let rest: Vec<String> = answer.chosen().into_iter().filter(|c| *c != oid).map(str::to_string).collect();
            if !rest.is_empty() {
                vec![rest]
            } else {
                q.options.iter().filter(|o| o.exclusive && o.id != oid).map(|o| vec![o.id.clone()]).collect()
            }
        }
    }
}

fn instead_answer(q: &Question, instead: &[String]) -> Answer {
    match q.kind {
        Kind::Multi => Answer::Multi(instead.to_vec()),
        _ => Answer::Choice(instead.first().cloned().unwrap_or_default()),
    }
}

/// One evaluation, without counterfactuals.
fn assess(bank: &Bank, answers: &Answers, plan: &Plan) -> Report {
    let visible = visible_questions(bank, answers);
    let shown: BTreeSet<&str> = visible.iter().map(|q| q.id.as_str()).collect();
    let nrisks = bank.risks.len();
    let mut base = Base { bank, inherent: vec![Position::NEGLIGIBLE; nrisks], locked: vec![Position::NEGLIGIBLE; nrisks] };
    let mut raised_by: Vec<Vec<(Cause, Position)>> = vec![Vec::new(); nrisks];
    let mut implemented: BTreeSet<&str> = BTreeSet::new();
    let mut required: Vec<(&str, Cause)> = Vec::new();
    let mut red_lines = Vec::new();
    let mut criteria: Vec<(&str, Cause)> = Vec::new();
    let mut mandatory_by = Vec::new();
    let mut find_out = Vec::new();
    let mut contradictions = Vec::new();
    let mut answered = 0;
    let mut unanswered = Vec::new();
    let mut choice_questions = 0;

    for q in &visible {
        let answer = answers.get(&q.id).filter(|a| !a.is_empty());
        if q.kind != Kind::Text {
            choice_questions += 1;
        }
        match answer {
            Some(_) => answered += 1,
            None if q.kind != Kind::Text => unanswered.push(q.id.clone()),
            None => {}
        }
        let Some(answer) = answer else { continue };
        let chosen = answer.chosen();
        for &oid in &chosen {
            let Some(o) = q.option(oid) else { continue };
            let cause = Cause::new(&q.id, &o.id);
            for r in o.raises.iter().filter(|r| applies(r, answers, &shown)) {
                if let Some(i) = bank.risk_index(&r.risk) {
                    // The highest raise wins, per dimension: order-independent.
                    let p = &mut base.inherent[i];
                    p.likelihood = p.likelihood.max(r.likelihood);
                    p.severity = p.severity.max(r.severity);
                    if o.red_line.is_some() {
                        let l = &mut base.locked[i];
                        l.likelihood = l.likelihood.max(r.likelihood);
                        l.severity = l.severity.max(r.severity);
                    }
                    raised_by[i].push((cause.clone(), Position { likelihood: r.likelihood, severity: r.severity }));
                }
            }
            implemented.extend(o.implements.iter().map(String::as_str));
            required.extend(o.requires.iter().map(|s| (s.as_str(), cause.clone())));
            if o.red_line.is_some() {
                red_lines.push(cause.clone());
            }
            criteria.extend(o.wp248.iter().map(|c| (c.as_str(), cause.clone())));
            if o.dpia_required {
                mandatory_by.push(cause.clone());
            }
            if o.find_out.is_some() {
                find_out.push(cause.clone());
            }
            if o.exclusive {
                for &other in chosen.iter().filter(|c| **c != oid) {
                    let second = Cause::new(&q.id, other);
                    contradictions.push(Contradiction { first: cause.clone(), second, declared: false });
                }
            }
            for c in o.contradicts.iter().filter(|c| holds(c, answers, &shown)) {
                // Name the earlier answer as given: the options the clause matched (any_of), or
                // everything chosen (none_of).
                let theirs = answers.get(&c.question).map(|a| a.chosen()).unwrap_or_default();
                let matched = theirs.into_iter().filter(|x| c.any_of.is_empty() || c.any_of.iter().any(|y| y == x));
                for x in matched {
                    let first = Cause::new(&c.question, x);
                    contradictions.push(Contradiction { first, second: cause.clone(), declared: true });
                }
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
    let residual = base.residuals(&in_place);
    let planned = base.residuals(&with_planned);

    // The outcome as far as it does not depend on the recommendations.
    let barely = answered_choices(choice_questions, unanswered.len()) * 2 < choice_questions;
    let pre = if !red_lines.is_empty() {
        Outcome::Rejected
    } else if barely {
        Outcome::NotAssessed
    } else if any_high(&planned) {
        Outcome::Consultation
    } else {
        Outcome::Approved
    };

    let not_applicable = |s: &Safeguard| {
        !s.not_applicable_when.is_empty() && s.not_applicable_when.iter().all(|c| holds(c, answers, &shown))
    };
    let ctx = Ctx { base: &base, in_place: &in_place, with_planned: &with_planned, planned: &planned };
    let recommendations = recommend(&ctx, &required, pre, &not_applicable);

    let ids = |ps: &[Position]| -> Vec<String> {
        bank.risks.iter().zip(ps).filter(|(_, p)| p.level() >= Level::High).map(|(r, _)| r.id.clone()).collect()
    };
    let conditions: Vec<Condition> = recommendations
        .iter()
        .filter(|r| r.priority == Priority::Must)
        .map(|r| {
            let item = plan.get(&r.safeguard).cloned().unwrap_or_default();
            let status = if r.planned { Status::Planned } else { Status::NotPlanned };
            Condition { safeguard: r.safeguard.clone(), status, owner: item.owner, due: item.due }
        })
        .collect();
    let provisional = !unanswered.is_empty();
    let outcome = match pre {
        Outcome::Approved if conditions.iter().any(|c| c.status != Status::Planned) => Outcome::MeasuresNotPlanned,
        Outcome::Approved
            if !conditions.is_empty() || any_high(&residual) || provisional || !contradictions.is_empty() =>
        {
            Outcome::ConditionallyApproved
        }
        o => o,
    };
    let high_risks = ids(&planned);
    let high_until_planned = ids(&residual).into_iter().filter(|r| !high_risks.contains(r)).collect();
    let decision = Decision { outcome, provisional, conditions, high_risks, high_until_planned };

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
                inherent: base.inherent[i],
                residual: residual[i],
                planned: planned[i],
                raised_by: std::mem::take(&mut raised_by[i]),
                lowered_by,
            }
        })
        .collect();

    let criteria: Vec<Criterion> = super::model::WP248_CRITERIA
        .iter()
        .filter_map(|c| {
            let by: Vec<Cause> = criteria.iter().filter(|(id, _)| id == c).map(|(_, cause)| cause.clone()).collect();
            (!by.is_empty()).then(|| Criterion { id: c.to_string(), by })
        })
        .collect();
    let screening = Screening { required: criteria.len() >= 2 || !mandatory_by.is_empty(), criteria, mandatory_by };

    Report {
        visible: visible.iter().map(|q| q.id.clone()).collect(),
        answered,
        unanswered,
        inherent_score: score(&base.inherent),
        residual_score: score(&residual),
        planned_score: score(&planned),
        risks,
        red_lines,
        screening,
        decision,
        recommendations,
        find_out,
        in_place: in_place.iter().map(|s| s.to_string()).collect(),
        contradictions,
        drivers: Vec::new(),
        what_if: Vec::new(),
    }
}

fn answered_choices(choice_questions: usize, unanswered: usize) -> usize {
    choice_questions - unanswered
}

struct Ctx<'a, 'b> {
    base: &'a Base<'b>,
    in_place: &'a BTreeSet<&'b str>,
    with_planned: &'a BTreeSet<&'b str>,
    /// Positions with every measure in place and planned: where the plan leads.
    planned: &'a [Position],
}

fn recommend(
    ctx: &Ctx,
    required: &[(&str, Cause)],
    pre: Outcome,
    not_applicable: &dyn Fn(&Safeguard) -> bool,
) -> Vec<Recommendation> {
    let bank = ctx.base.bank;
    let mut out = Vec::new();
    for s in &bank.safeguards {
        if ctx.in_place.contains(s.id.as_str()) || not_applicable(s) {
            continue;
        }
        let required_by: Vec<Cause> = required.iter().filter(|(id, _)| *id == s.id).map(|(_, c)| c.clone()).collect();
        let planned = ctx.with_planned.contains(s.id.as_str());
        // What the measure changes: for a planned one, the plan without it against the plan;
        // for another, the plan against the plan with it.
        let mut set = ctx.with_planned.clone();
        let (before, after) = if planned {
            set.remove(s.id.as_str());
            (ctx.base.residuals(&set), ctx.planned.to_vec())
        } else {
            set.insert(s.id.as_str());
            (ctx.planned.to_vec(), ctx.base.residuals(&set))
        };
        let effect: Vec<(String, Position, Position)> = bank
            .risks
            .iter()
            .enumerate()
            .filter(|(i, _)| after[*i].level() < before[*i].level())
            .map(|(i, r)| (r.id.clone(), before[i], after[i]))
            .collect();
        let lowers_high = effect.iter().any(|(_, b, _)| b.level() >= Level::High);
        let priority = match s.trigger {
            Trigger::RedLine if pre == Outcome::Rejected => Some(Priority::Must),
            Trigger::HighResidual if pre == Outcome::Consultation => Some(Priority::Must),
            Trigger::RedLine | Trigger::HighResidual => None,
            Trigger::Effect if !required_by.is_empty() || lowers_high => Some(Priority::Must),
            Trigger::Effect if !effect.is_empty() => Some(Priority::Should),
            Trigger::Effect => None,
        };
        if let Some(priority) = priority {
            out.push(Recommendation {
                safeguard: s.id.clone(),
                priority,
                required_by,
                planned,
                effect,
                outcome_with: None,
            });
        }
    }
    // Must before should; within a priority, the biggest total reduction first; then bank
    // order (the sort is stable).
    out.sort_by_key(|r| {
        let gain: i32 = r.effect.iter().map(|(_, b, a)| b.product() as i32 - a.product() as i32).sum();
        (r.priority, -gain)
    });
    out
}

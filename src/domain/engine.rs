//! The risk model: from answers and action plan to inherent and residual risk, score, band,
//! red lines, the decision (the four outcomes of the EDPB DPIA template), prioritised
//! safeguards, contradictions between answers, and what would change the decision. Pure and
//! deterministic; see docs/methodology.md for the method in prose.

use std::collections::BTreeSet;

use super::answers::{Answer, Answers, Plan, Status};
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
    /// Other recommended measures any one of which is enough in its place (`alternatives` in
    /// the bank); empty when an answer requires this one itself.
    pub alternatives: Vec<String>,
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
    /// Measures that meet the condition as well as this one ("one of them is enough").
    pub alternatives: Vec<String>,
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
        self.conditions.iter().filter(|c| !c.status.is_planned())
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

/// An answer that departs from advice (an option with `reasons` in the bank: the DPO's advice
/// not or partly followed), and whether its reasons are recorded. With reasons it raises
/// nothing: a documented deviation. Without, its raises count.
#[derive(Clone, Debug, PartialEq)]
pub struct Deviation {
    pub cause: Cause,
    pub documented: bool,
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
    /// Every measure planned in the action plan in place (these ids).
    Planned(Vec<String>),
    /// Every required ("must") measure in place (these ids).
    Required(Vec<String>),
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
    /// Answers that depart from advice, in wizard order, each with whether its reasons are
    /// recorded.
    pub deviations: Vec<Deviation>,
}

/// Why the decision is what it is, and what would change it: computed by evaluating the
/// assessment again with one answer or some measures changed ([`explain`]).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Explanation {
    /// The answers that drive the decision most: each with the answer that would improve the
    /// outcome most and the outcome it would give (when no single answer would change the
    /// outcome: those that would lower the score most; for a rejection, only answers that
    /// would lift it); best first, at most five; none for an approval.
    pub drivers: Vec<WhatIf>,
    /// The outcome with measures put in place: all planned ones ([`Lever::Planned`]), then
    /// all required ones ([`Lever::Required`], left out when it is the same set).
    pub what_if: Vec<WhatIf>,
    /// For each recommended measure whose being in place would change the outcome: that outcome.
    pub outcome_with: Vec<(String, Outcome)>,
}

impl Explanation {
    /// The outcome with this measure in place as well, when it differs from the current one.
    pub fn outcome_with(&self, safeguard: &str) -> Option<Outcome> {
        self.outcome_with.iter().find(|(s, _)| s == safeguard).map(|(_, o)| *o)
    }
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

/// The answers as given, with at most one of them replaced (a counterfactual), so that
/// re-evaluating never copies the whole set.
#[derive(Clone, Copy)]
struct Given<'a> {
    answers: &'a Answers,
    replace: Option<(&'a str, &'a Answer)>,
}

impl<'a> Given<'a> {
    fn all(answers: &'a Answers) -> Self {
        Given { answers, replace: None }
    }
    fn get(&self, q: &str) -> Option<&'a Answer> {
        match self.replace {
            Some((id, a)) if id == q => Some(a),
            _ => self.answers.get(q),
        }
    }
}

type Shown<'b> = BTreeSet<&'b str>;

/// Whether a clause holds: its question is shown and its answer has one of `any_of`, or is
/// answered with none of `none_of`. A clause on a hidden or unanswered question never holds.
fn holds(c: &Clause, given: &Given, shown: &Shown) -> bool {
    if !shown.contains(c.question.as_str()) {
        return false;
    }
    let chosen: Vec<&str> = given.get(&c.question).map(|a| a.chosen()).unwrap_or_default();
    if !c.any_of.is_empty() {
        chosen.iter().any(|o| c.any_of.iter().any(|x| x == o))
    } else {
        !chosen.is_empty() && !chosen.iter().any(|o| c.none_of.iter().any(|x| x == o))
    }
}

/// Whether a raise counts in this context: every `when` clause holds, no `unless` clause does.
fn applies(r: &Raise, given: &Given, shown: &Shown) -> bool {
    r.when.iter().all(|c| holds(c, given, shown)) && !r.unless.iter().any(|c| holds(c, given, shown))
}

fn shown_questions<'b>(bank: &'b Bank, given: &Given) -> (Vec<&'b Question>, Shown<'b>) {
    let mut shown: Vec<&Question> = Vec::new();
    let mut ids: Shown = BTreeSet::new();
    for q in bank.questions() {
        let any = q.show_if_any.is_empty() || q.show_if_any.iter().any(|c| holds(c, given, &ids));
        if any && q.show_if.iter().all(|c| holds(c, given, &ids)) {
            ids.insert(&q.id);
            shown.push(q);
        }
    }
    (shown, ids)
}

/// Which questions are shown, given the answers. A question is shown when every clause of its
/// `show_if` holds and, if it has a `show_if_any`, at least one of those; a clause on a hidden question never holds (its answer is kept but ignored).
pub fn visible_questions<'b>(bank: &'b Bank, answers: &Answers) -> Vec<&'b Question> {
    shown_questions(bank, &Given::all(answers)).0
}

/// The raises of an option that count given the answers (for tests and explanations).
pub fn applicable_raises<'b>(bank: &Bank, answers: &Answers, option: &'b super::model::AnswerOption) -> Vec<&'b Raise> {
    let given = Given::all(answers);
    let (_, shown) = shown_questions(bank, &given);
    option.raises.iter().filter(|r| applies(r, &given, &shown)).collect()
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

fn any_high(positions: &[Position]) -> bool {
    positions.iter().any(|p| p.level() >= Level::High)
}

/// An answer, by reference into the bank.
type Ans<'b> = (&'b Question, &'b super::model::AnswerOption);

fn cause(a: &Ans) -> Cause {
    Cause::new(&a.0.id, &a.1.id)
}

/// A recommendation, by reference into the bank.
struct Rec<'b> {
    safeguard: &'b Safeguard,
    priority: Priority,
    required_by: Vec<Ans<'b>>,
    /// Risk index, position without and with the measure, for each risk whose level changes.
    effect: Vec<(usize, Position, Position)>,
    planned: bool,
}

/// One evaluation, with everything borrowed from the bank: the counterfactuals run this many
/// times, so it allocates little and builds no strings.
struct Core<'b> {
    bank: &'b Bank,
    visible: Vec<&'b Question>,
    answered: usize,
    unanswered: Vec<&'b str>,
    inherent: Vec<Position>,
    locked: Vec<Position>,
    raised_by: Vec<Vec<(Ans<'b>, Position)>>,
    red_lines: Vec<Ans<'b>>,
    criteria: Vec<(&'b str, Ans<'b>)>,
    mandatory_by: Vec<Ans<'b>>,
    find_out: Vec<Ans<'b>>,
    /// First, second, declared.
    contradictions: Vec<(Ans<'b>, Ans<'b>, bool)>,
    /// Departures from advice, with whether their reasons are recorded.
    deviations: Vec<(Ans<'b>, bool)>,
    in_place: BTreeSet<&'b str>,
    with_planned: BTreeSet<&'b str>,
    residual: Vec<Position>,
    planned: Vec<Position>,
    /// Steps of the measures in place and planned, per risk.
    planned_steps: Vec<(u8, u8)>,
    recs: Vec<Rec<'b>>,
    outcome: Outcome,
    provisional: bool,
}

/// Per-risk sums of the steps of a set of safeguards.
fn steps(bank: &Bank, set: &BTreeSet<&str>) -> Vec<(u8, u8)> {
    let mut down = vec![(0u8, 0u8); bank.risks.len()];
    for s in bank.safeguards.iter().filter(|s| set.contains(s.id.as_str())) {
        for l in &s.lowers {
            if let Some(i) = bank.risk_index(&l.risk) {
                down[i].0 = down[i].0.saturating_add(l.likelihood);
                down[i].1 = down[i].1.saturating_add(l.severity);
            }
        }
    }
    down
}

impl<'b> Core<'b> {
    fn floor(&self, i: usize, redesign: bool) -> Position {
        let r = &self.bank.risks[i];
        let mut floor = Position { likelihood: r.floor_likelihood, severity: r.floor_severity };
        // Stopping or redesigning (a red-line safeguard) is the only measure that may lower a
        // risk an answer raised to a red line.
        if !redesign {
            floor.likelihood = floor.likelihood.max(self.locked[i].likelihood);
            floor.severity = floor.severity.max(self.locked[i].severity);
        }
        floor
    }

    fn redesign(&self, set: &BTreeSet<&str>) -> bool {
        self.bank.safeguards.iter().any(|s| s.trigger == Trigger::RedLine && set.contains(s.id.as_str()))
    }

    fn residuals(&self, set: &BTreeSet<&str>) -> Vec<Position> {
        let down = steps(self.bank, set);
        let redesign = self.redesign(set);
        (0..self.bank.risks.len())
            .map(|i| apply(self.inherent[i], self.floor(i, redesign), down[i].0, down[i].1))
            .collect()
    }

    /// What a measure changes against where the plan leads: for a planned one, the plan
    /// without it against the plan; for another, the plan against the plan with it. Only the
    /// risks it lowers are recomputed (all of them when it lifts the red-line lock).
    fn effect(&self, s: &Safeguard, planned: bool) -> Vec<(usize, Position, Position)> {
        let other = if s.trigger == Trigger::RedLine {
            let mut set = self.with_planned.clone();
            if planned {
                set.remove(s.id.as_str());
            } else {
                set.insert(s.id.as_str());
            }
            self.residuals(&set)
        } else {
            let redesign = self.redesign(&self.with_planned);
            let mut p = self.planned.clone();
            for l in &s.lowers {
                if let Some(i) = self.bank.risk_index(&l.risk) {
                    let (dl, ds) = self.planned_steps[i];
                    let (dl, ds) = if planned {
                        (dl.saturating_sub(l.likelihood), ds.saturating_sub(l.severity))
                    } else {
                        (dl.saturating_add(l.likelihood), ds.saturating_add(l.severity))
                    };
                    p[i] = apply(self.inherent[i], self.floor(i, redesign), dl, ds);
                }
            }
            p
        };
        let (before, after) = if planned { (&other, &self.planned) } else { (&self.planned, &other) };
        (0..self.bank.risks.len())
            .filter(|&i| after[i].level() < before[i].level())
            .map(|i| (i, before[i], after[i]))
            .collect()
    }
}

/// The evaluation itself: answers (possibly one replaced), the action plan, and measures to
/// count as in place on top of it.
fn core<'b>(bank: &'b Bank, given: &Given, plan: &Plan, extra: &[&str]) -> Core<'b> {
    let (visible, shown) = shown_questions(bank, given);
    let n = bank.risks.len();
    let mut c = Core {
        bank,
        visible: Vec::new(),
        answered: 0,
        unanswered: Vec::new(),
        inherent: vec![Position::NEGLIGIBLE; n],
        locked: vec![Position::NEGLIGIBLE; n],
        raised_by: vec![Vec::new(); n],
        red_lines: Vec::new(),
        criteria: Vec::new(),
        mandatory_by: Vec::new(),
        find_out: Vec::new(),
        contradictions: Vec::new(),
        deviations: Vec::new(),
        in_place: BTreeSet::new(),
        with_planned: BTreeSet::new(),
        residual: Vec::new(),
        planned: Vec::new(),
        planned_steps: Vec::new(),
        recs: Vec::new(),
        outcome: Outcome::NotAssessed,
        provisional: false,
    };
    let mut implemented: BTreeSet<&'b str> = BTreeSet::new();
    let mut required: Vec<(&'b str, Ans<'b>)> = Vec::new();
    let mut choice_questions = 0;

    for &q in &visible {
        let answer = given.get(&q.id).filter(|a| !a.is_empty());
        // Free text and tables describe the case; only choices are scored (and must be made).
        let choice = !matches!(q.kind, Kind::Text | Kind::Table);
        if choice {
            choice_questions += 1;
        }
        match answer {
            Some(_) => c.answered += 1,
            None if choice => c.unanswered.push(&q.id),
            None => {}
        }
        let Some(answer) = answer else { continue };
        let chosen: Vec<&super::model::AnswerOption> =
            answer.chosen().into_iter().filter_map(|o| q.option(o)).collect();
        for &o in &chosen {
            let a: Ans = (q, o);
            // A departure from advice with its reasons recorded is a documented deviation: its
            // raises do not count.
            let documented =
                o.reasons.as_deref().map(|rq| shown.contains(rq) && given.get(rq).is_some_and(|x| !x.is_empty()));
            if let Some(d) = documented {
                c.deviations.push((a, d));
            }
            let raises = o.raises.iter().filter(|_| documented != Some(true));
            for r in raises.filter(|r| applies(r, given, &shown)) {
                if let Some(i) = bank.risk_index(&r.risk) {
                    // The highest raise wins, per dimension: order-independent.
                    let p = &mut c.inherent[i];
                    p.likelihood = p.likelihood.max(r.likelihood);
                    p.severity = p.severity.max(r.severity);
                    if o.red_line.is_some() {
                        let l = &mut c.locked[i];
                        l.likelihood = l.likelihood.max(r.likelihood);
                        l.severity = l.severity.max(r.severity);
                    }
                    c.raised_by[i].push((a, Position { likelihood: r.likelihood, severity: r.severity }));
                }
            }
            implemented.extend(o.implements.iter().map(String::as_str));
            required.extend(o.requires.iter().map(|s| (s.as_str(), a)));
            if o.red_line.is_some() {
                c.red_lines.push(a);
            }
            c.criteria.extend(o.wp248.iter().map(|w| (w.as_str(), a)));
            if o.dpia_required {
                c.mandatory_by.push(a);
            }
            if o.find_out.is_some() {
                c.find_out.push(a);
            }
            if o.exclusive {
                for &other in chosen.iter().filter(|x| x.id != o.id) {
                    c.contradictions.push((a, (q, other), false));
                }
            }
            for cl in o.contradicts.iter().filter(|cl| holds(cl, given, &shown)) {
                let Some(tq) = bank.question(&cl.question) else { continue };
                // Name the earlier answer as given: the options the clause matched (any_of),
                // or everything chosen (none_of).
                let theirs = given.get(&cl.question).map(|x| x.chosen()).unwrap_or_default();
                for x in theirs.into_iter().filter(|x| cl.any_of.is_empty() || cl.any_of.iter().any(|y| y == x)) {
                    if let Some(to) = tq.option(x) {
                        c.contradictions.push(((tq, to), a, true));
                    }
                }
            }
        }
    }

    c.in_place = implemented.clone();
    c.with_planned = implemented;
    for (id, item) in plan {
        let Some(s) = bank.safeguard(id) else { continue };
        match item.status {
            Status::InPlace => {
                c.in_place.insert(&s.id);
                c.with_planned.insert(&s.id);
            }
            // Partly in place is not in place: it counts as planned.
            Status::Planned | Status::Partial => {
                c.with_planned.insert(&s.id);
            }
            Status::NotPlanned => {}
        }
    }
    for id in extra {
        if let Some(s) = bank.safeguard(id) {
            c.in_place.insert(&s.id);
            c.with_planned.insert(&s.id);
        }
    }
    c.residual = c.residuals(&c.in_place);
    c.planned = c.residuals(&c.with_planned);
    c.planned_steps = steps(bank, &c.with_planned);

    // The outcome as far as it does not depend on the recommendations.
    let barely = (choice_questions - c.unanswered.len()) * 2 < choice_questions;
    let pre = if !c.red_lines.is_empty() {
        Outcome::Rejected
    } else if barely {
        Outcome::NotAssessed
    } else if any_high(&c.planned) {
        Outcome::Consultation
    } else {
        Outcome::Approved
    };

    let mut recs = Vec::new();
    for s in &bank.safeguards {
        let not_applicable =
            !s.not_applicable_when.is_empty() && s.not_applicable_when.iter().all(|cl| holds(cl, given, &shown));
        if c.in_place.contains(s.id.as_str()) || not_applicable {
            continue;
        }
        let required_by: Vec<Ans> = required.iter().filter(|(id, _)| *id == s.id).map(|(_, a)| *a).collect();
        let planned = c.with_planned.contains(s.id.as_str());
        let effect = c.effect(s, planned);
        // An alternative in place, or planned while this one is not, does what this one would.
        let served = bank
            .alternatives(&s.id)
            .into_iter()
            .any(|a| c.in_place.contains(a) || (!planned && c.with_planned.contains(a)));
        let lowers_high = !served && effect.iter().any(|(_, b, _)| b.level() >= Level::High);
        let priority = match s.trigger {
            Trigger::RedLine if pre == Outcome::Rejected => Some(Priority::Must),
            Trigger::HighResidual if pre == Outcome::Consultation => Some(Priority::Must),
            Trigger::RedLine | Trigger::HighResidual => None,
            Trigger::Effect if !required_by.is_empty() || lowers_high => Some(Priority::Must),
            Trigger::Effect if !effect.is_empty() => Some(Priority::Should),
            Trigger::Effect => None,
        };
        if let Some(priority) = priority {
            recs.push(Rec { safeguard: s, priority, required_by, effect, planned });
        }
    }
    // Must before should; within a priority, the biggest total reduction first; then bank
    // order (the sort is stable).
    super::order::sort_by_key(&mut recs, |r| {
        let gain: i32 = r.effect.iter().map(|(_, b, a)| b.product() as i32 - a.product() as i32).sum();
        (r.priority, -gain)
    });
    c.recs = recs;

    c.provisional = !c.unanswered.is_empty();
    let mut musts = c.recs.iter().filter(|r| r.priority == Priority::Must);
    c.outcome = match pre {
        Outcome::Approved if musts.clone().any(|r| !r.planned) => Outcome::MeasuresNotPlanned,
        Outcome::Approved
            if musts.next().is_some() || any_high(&c.residual) || c.provisional || !c.contradictions.is_empty() =>
        {
            Outcome::ConditionallyApproved
        }
        o => o,
    };
    c.visible = visible;
    c
}

impl<'b> Core<'b> {
    /// Other recommendations that could replace `r`: musts that no answer requires, among its
    /// alternatives (none when an answer requires `r` itself).
    fn replacements(&self, r: &Rec<'b>) -> Vec<&'b str> {
        if !r.required_by.is_empty() {
            return Vec::new();
        }
        let alts = self.bank.alternatives(&r.safeguard.id);
        self.recs
            .iter()
            .filter(|o| o.priority == Priority::Must && o.required_by.is_empty())
            .map(|o| o.safeguard.id.as_str())
            .filter(|id| alts.contains(id))
            .collect()
    }

    /// The "must" recommendations, one per group of alternatives (the first of a group in
    /// recommendation order), each with the others that would do instead.
    fn conditions(&self) -> Vec<(&Rec<'b>, Vec<&'b str>)> {
        let mut out: Vec<(&Rec<'b>, Vec<&'b str>)> = Vec::new();
        for r in self.recs.iter().filter(|r| r.priority == Priority::Must) {
            let id = r.safeguard.id.as_str();
            if out.iter().any(|(_, alts)| alts.contains(&id)) {
                continue;
            }
            out.push((r, self.replacements(r)));
        }
        out
    }

    fn report(&self, plan: &Plan) -> Report {
        let bank = self.bank;
        let causes = |v: &[Ans]| v.iter().map(cause).collect::<Vec<_>>();
        let ids = |ps: &[Position]| -> Vec<String> {
            bank.risks.iter().zip(ps).filter(|(_, p)| p.level() >= Level::High).map(|(r, _)| r.id.clone()).collect()
        };
        let recommendations: Vec<Recommendation> = self
            .recs
            .iter()
            .map(|r| Recommendation {
                safeguard: r.safeguard.id.clone(),
                priority: r.priority,
                required_by: causes(&r.required_by),
                effect: r.effect.iter().map(|(i, b, a)| (bank.risks[*i].id.clone(), *b, *a)).collect(),
                planned: r.planned,
                alternatives: self.replacements(r).into_iter().map(str::to_string).collect(),
            })
            .collect();
        let conditions: Vec<Condition> = self
            .conditions()
            .into_iter()
            .map(|(r, alts)| {
                let item = plan.get(&r.safeguard.id).cloned().unwrap_or_default();
                // Planned or partially implemented, as the plan says; else not planned.
                let status = match item.status {
                    s if r.planned && s.is_planned() => s,
                    _ if r.planned => Status::Planned,
                    _ => Status::NotPlanned,
                };
                Condition {
                    safeguard: r.safeguard.id.clone(),
                    alternatives: alts.into_iter().map(str::to_string).collect(),
                    status,
                    owner: item.owner,
                    due: item.due,
                }
            })
            .collect();
        let high_risks = ids(&self.planned);
        let high_until_planned = ids(&self.residual).into_iter().filter(|r| !high_risks.contains(r)).collect();
        let decision = Decision {
            outcome: self.outcome,
            provisional: self.provisional,
            conditions,
            high_risks,
            high_until_planned,
        };

        let risks: Vec<RiskResult> = bank
            .risks
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let raised = !self.raised_by[i].is_empty();
                let lowered_by = bank
                    .safeguards
                    .iter()
                    .filter(|s| raised && self.with_planned.contains(s.id.as_str()))
                    .filter(|s| s.lowers.iter().any(|l| l.risk == r.id))
                    .map(|s| s.id.clone())
                    .collect();
                RiskResult {
                    risk: r.id.clone(),
                    inherent: self.inherent[i],
                    residual: self.residual[i],
                    planned: self.planned[i],
                    raised_by: self.raised_by[i].iter().map(|(a, p)| (cause(a), *p)).collect(),
                    lowered_by,
                }
            })
            .collect();

        let criteria: Vec<Criterion> = super::model::WP248_CRITERIA
            .iter()
            .filter_map(|c| {
                let by: Vec<Cause> = self.criteria.iter().filter(|(id, _)| id == c).map(|(_, a)| cause(a)).collect();
                (!by.is_empty()).then(|| Criterion { id: c.to_string(), by })
            })
            .collect();
        let screening = Screening {
            required: criteria.len() >= 2 || !self.mandatory_by.is_empty(),
            criteria,
            mandatory_by: causes(&self.mandatory_by),
        };

        Report {
            visible: self.visible.iter().map(|q| q.id.clone()).collect(),
            answered: self.answered,
            unanswered: self.unanswered.iter().map(|s| s.to_string()).collect(),
            inherent_score: score(&self.inherent),
            residual_score: score(&self.residual),
            planned_score: score(&self.planned),
            risks,
            red_lines: causes(&self.red_lines),
            screening,
            decision,
            recommendations,
            find_out: causes(&self.find_out),
            in_place: self.in_place.iter().map(|s| s.to_string()).collect(),
            contradictions: self
                .contradictions
                .iter()
                .map(|(a, b, declared)| Contradiction { first: cause(a), second: cause(b), declared: *declared })
                .collect(),
            deviations: self.deviations.iter().map(|(a, d)| Deviation { cause: cause(a), documented: *d }).collect(),
        }
    }
}

/// Assesses a set of answers and an action plan against the bank: risks, score, decision,
/// measures, contradictions. Fast enough to run on every change; what would change the
/// decision is [`explain`].
pub fn evaluate(bank: &Bank, answers: &Answers, plan: &Plan) -> Report {
    core(bank, &Given::all(answers), plan, &[]).report(plan)
}

/// The decision alone (for the assessments list).
pub fn decide(bank: &Bank, answers: &Answers, plan: &Plan) -> Decision {
    evaluate(bank, answers, plan).decision
}

/// Why this decision, and what would change it: the assessment evaluated again with each
/// contributing answer given otherwise, and with measures put in place.
pub fn explain(bank: &Bank, answers: &Answers, plan: &Plan) -> Explanation {
    let given = Given::all(answers);
    let base = core(bank, &given, plan, &[]);
    let mut out = Explanation::default();
    if base.outcome == Outcome::NotAssessed {
        return out;
    }
    let now = (base.outcome.rank(), std::cmp::Reverse(score(&base.planned)));
    let key = |c: &Core| (c.outcome.rank(), std::cmp::Reverse(score(&c.planned)));
    // A rejection is lifted only by removing every red line: by changing a red-line answer, or
    // an answer that a red-line question's show_if depends on.
    let lifts: BTreeSet<&str> = base
        .red_lines
        .iter()
        .flat_map(|(q, _)| {
            std::iter::once(q.id.as_str()).chain(q.show_if.iter().chain(&q.show_if_any).map(|c| c.question.as_str()))
        })
        .collect();

    // Drivers: each contributing answer, given otherwise.
    let mut drivers: Vec<WhatIf> = Vec::new();
    if base.outcome != Outcome::Approved {
        for &q in &base.visible {
            if q.fact || (base.outcome == Outcome::Rejected && !lifts.contains(q.id.as_str())) {
                continue;
            }
            let Some(answer) = answers.get(&q.id).filter(|a| !a.is_empty()) else { continue };
            for oid in answer.chosen() {
                let Some(o) = q.option(oid) else { continue };
                if o.raises.is_empty() && o.red_line.is_none() && o.requires.is_empty() {
                    continue;
                }
                let mut best: Option<(Vec<String>, Outcome, u8)> = None;
                for instead in alternatives(q, answer, oid) {
                    let replaced = instead_answer(q, &instead);
                    let c = core(bank, &Given { answers, replace: Some((&q.id, &replaced)) }, plan, &[]);
                    let k = key(&c);
                    if k > now && best.as_ref().is_none_or(|(_, o, s)| k > (o.rank(), std::cmp::Reverse(*s))) {
                        best = Some((instead, c.outcome, score(&c.planned)));
                    }
                }
                if let Some((instead, outcome, planned_score)) = best {
                    let lever = Lever::Answer { cause: Cause::new(&q.id, oid), instead };
                    drivers.push(WhatIf { lever, outcome, planned_score });
                }
            }
        }
    }
    // Answers that would change the outcome, best first (the sort is stable, so ties keep the
    // order of the questions); only when none would, those that would lower the score most.
    if base.outcome == Outcome::Rejected || drivers.iter().any(|w| w.outcome.rank() > now.0) {
        drivers.retain(|w| w.outcome.rank() > now.0);
    }
    super::order::sort_by_key(&mut drivers, |w| (std::cmp::Reverse(w.outcome.rank()), w.planned_score));
    drivers.truncate(MAX_DRIVERS);
    out.drivers = drivers;

    // Measures: each recommended one alone, then all planned ones, then all required ones.
    for r in &base.recs {
        let c = core(bank, &given, plan, &[r.safeguard.id.as_str()]);
        if c.outcome != base.outcome {
            out.outcome_with.push((r.safeguard.id.clone(), c.outcome));
        }
    }
    let planned: Vec<&str> = plan.iter().filter(|(_, i)| i.status.is_planned()).map(|(id, _)| id.as_str()).collect();
    // One measure per group of alternatives: one of them is enough.
    let required: Vec<&str> = base.conditions().into_iter().map(|(r, _)| r.safeguard.id.as_str()).collect();
    let same = |a: &[&str], b: &[&str]| a.len() == b.len() && a.iter().all(|x| b.contains(x));
    let skip_required = same(&planned, &required);
    for (ids, planned_set) in [(planned, true), (required, false)] {
        if ids.is_empty() || (!planned_set && skip_required) {
            continue;
        }
        let c = core(bank, &given, plan, &ids);
        let owned = ids.iter().map(|s| s.to_string()).collect();
        let lever = if planned_set { Lever::Planned(owned) } else { Lever::Required(owned) };
        out.what_if.push(WhatIf { lever, outcome: c.outcome, planned_score: score(&c.planned) });
    }
    out
}

/// Other answers to `q` than choosing `oid`: every other option (not "unsure") of a single or
/// yes/no question; for a multi question, the same choice without `oid` (or, if nothing would
/// be left, its exclusive "none of these" option).
fn alternatives(q: &Question, answer: &Answer, oid: &str) -> Vec<Vec<String>> {
    match q.kind {
        Kind::Text | Kind::Table => Vec::new(),
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

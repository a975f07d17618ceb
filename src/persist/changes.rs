//! What changed between a signed version and a later revision (or the next signed version),
//! per part of the report: the answers, section by section in bank order; the risks (their
//! positions as the engine concluded); the measures of the action plan; the engine's verdict and
//! the recorded decision. Data for the annex "changes since version N"; views only render it.

use std::collections::{BTreeMap, BTreeSet};

use super::assessment::{Assessment, SignOff};
use super::review::signoff_fields;
use super::version::{Content, Results, RiskLevels};
use crate::domain::answers::{Answer, PlanItem};
use crate::domain::engine::Report;
use crate::domain::model::Bank;

/// The differences between two versions of an assessment. Empty lists mean "unchanged".
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Changes {
    /// The signed version compared with.
    pub since: u32,
    /// Title and organisation.
    pub meta: Vec<FieldChange>,
    /// Changed answers, by section in bank order; answers to questions the bank no longer has
    /// come last, under the section id "".
    pub sections: Vec<SectionChanges>,
    /// Risks whose position changed, in bank order (risks the bank no longer has last).
    pub risks: Vec<RiskChange>,
    /// Action plan lines that changed, in bank order.
    pub measures: Vec<MeasureChange>,
    /// The engine's verdict key, before and after, when it changed.
    pub verdict: Option<(String, String)>,
    /// Fields of the sign-off and decision record that changed.
    pub decision: Vec<FieldChange>,
}

/// A text field before and after (non-text values as their JSON).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionChanges {
    pub section: String,
    pub answers: Vec<AnswerChange>,
}

/// An answer given, changed or removed (`None`: not answered).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerChange {
    pub question: String,
    pub before: Option<Answer>,
    pub after: Option<Answer>,
}

/// A risk's positions before and after (`None`: not raised).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RiskChange {
    pub risk: String,
    pub before: Option<RiskLevels>,
    pub after: Option<RiskLevels>,
}

/// An action plan line before and after (`None`: not in the plan).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeasureChange {
    pub safeguard: String,
    pub before: Option<PlanItem>,
    pub after: Option<PlanItem>,
}

impl Changes {
    /// True when nothing differs.
    pub fn is_empty(&self) -> bool {
        self.meta.is_empty()
            && self.sections.is_empty()
            && self.risks.is_empty()
            && self.measures.is_empty()
            && self.verdict.is_none()
            && self.decision.is_empty()
    }

    /// How many answers changed.
    pub fn answers(&self) -> usize {
        self.sections.iter().map(|s| s.answers.len()).sum()
    }
}

/// The changes from `before` to `after`.
pub fn between(bank: &Bank, before: &Content, after: &Content) -> Changes {
    let mut c = Changes { since: before.number, ..Changes::default() };
    for (field, b, a) in
        [("title", &before.title, &after.title), ("organisation", &before.organisation, &after.organisation)]
    {
        if b != a {
            c.meta.push(FieldChange { field: field.into(), before: b.clone(), after: a.clone() });
        }
    }

    let answer = |content: &Content, q: &str| content.answers.get(q).filter(|a| !a.is_empty()).cloned();
    let mut seen = BTreeSet::new();
    for s in &bank.sections {
        let answers: Vec<AnswerChange> = s
            .questions
            .iter()
            .inspect(|q| {
                seen.insert(q.id.as_str());
            })
            .filter_map(|q| changed(answer(before, &q.id), answer(after, &q.id), &q.id))
            .collect();
        if !answers.is_empty() {
            c.sections.push(SectionChanges { section: s.id.clone(), answers });
        }
    }
    let others: BTreeSet<&str> =
        before.answers.keys().chain(after.answers.keys()).map(String::as_str).filter(|q| !seen.contains(q)).collect();
    let answers: Vec<AnswerChange> =
        others.into_iter().filter_map(|q| changed(answer(before, q), answer(after, q), q)).collect();
    if !answers.is_empty() {
        c.sections.push(SectionChanges { section: String::new(), answers });
    }

    c.risks = in_bank_order(bank.risks.iter().map(|r| r.id.as_str()), &before.results.risks, &after.results.risks)
        .into_iter()
        .map(|(risk, before, after)| RiskChange { risk, before, after })
        .collect();
    let plan = |content: &Content| -> BTreeMap<String, PlanItem> {
        content.plan.iter().filter(|(_, i)| **i != PlanItem::default()).map(|(k, v)| (k.clone(), v.clone())).collect()
    };
    c.measures = in_bank_order(bank.safeguards.iter().map(|s| s.id.as_str()), &plan(before), &plan(after))
        .into_iter()
        .map(|(safeguard, before, after)| MeasureChange { safeguard, before, after })
        .collect();

    c.verdict = verdict_change(&before.results, &after.results);
    c.decision = signoff_changes(&before.signoff, &after.signoff);
    c
}

fn changed(before: Option<Answer>, after: Option<Answer>, q: &str) -> Option<AnswerChange> {
    (before != after).then(|| AnswerChange { question: q.to_string(), before, after })
}

/// The keys of `before` and `after` whose values differ, in the order of `order`, then the
/// others by key.
fn in_bank_order<'o, V: Clone + PartialEq>(
    order: impl Iterator<Item = &'o str>,
    before: &BTreeMap<String, V>,
    after: &BTreeMap<String, V>,
) -> Vec<(String, Option<V>, Option<V>)> {
    let mut keys: Vec<&str> = order.collect();
    let known: BTreeSet<&str> = keys.iter().copied().collect();
    let mut rest: Vec<&str> =
        before.keys().chain(after.keys()).map(String::as_str).filter(|k| !known.contains(k)).collect();
    crate::domain::order::sort_by(&mut rest, |a, b| a.cmp(b));
    rest.dedup();
    keys.extend(rest);
    keys.into_iter()
        .filter_map(|k| {
            let (b, a) = (before.get(k), after.get(k));
            (b != a).then(|| (k.to_string(), b.cloned(), a.cloned()))
        })
        .collect()
}

fn verdict_change(before: &Results, after: &Results) -> Option<(String, String)> {
    (before.verdict != after.verdict).then(|| (before.verdict.clone(), after.verdict.clone()))
}

/// The sign-off fields that differ, in the order the sign-off declares them, as text.
fn signoff_changes(before: &SignOff, after: &SignOff) -> Vec<FieldChange> {
    let text = |json: String| super::codec::parse::<String>(&json).unwrap_or(json);
    signoff_fields(before)
        .into_iter()
        .zip(signoff_fields(after))
        .filter(|((_, x), (_, y))| x != y)
        .map(|((field, before), (_, after))| FieldChange { field, before: text(before), after: text(after) })
        .collect()
}

/// The working revision of `a` as content (with the engine's `report` of it), to compare with a
/// signed version.
pub fn working(a: &Assessment, report: &Report) -> Content {
    Content::of(a, report, a.revision, "", "")
}

/// The changes of the working revision since the last signed version; `None` when nothing was
/// signed yet or the working revision is the signed one.
pub fn since_last_signed(bank: &Bank, a: &Assessment, report: &Report) -> Option<Changes> {
    if a.frozen() {
        return None;
    }
    let last = a.last_signed()?.content()?;
    Some(between(bank, &last, &working(a, report)))
}

/// The changes signed version `number` made to the version before it; `None` for the first
/// version (or an unknown number).
pub fn of_version(bank: &Bank, a: &Assessment, number: u32) -> Option<Changes> {
    let at = a.versions.iter().position(|v| v.number == number)?;
    let before = a.versions.get(at.checked_sub(1)?)?.content()?;
    Some(between(bank, &before, &a.versions[at].content()?))
}

//! The annex "changes since version N" as text (issue 16 item 4), shared by the summary's view
//! (`ui::summary::changes`) and the Word document: what `persist::changes` found, in the bank's
//! words, part by part (title and organisation, answers by section, risks, measures, the
//! conclusion and the decision record), each a table of item, before and after. Pure.

use crate::domain::answers::{Answer, PlanItem};
use crate::domain::engine::{Outcome, Report};
use crate::domain::model::Bank;
use crate::i18n::{isolate, manager, strings, summary, Get, Lang};
use crate::persist::assessment::{Assessment, SignOffField};
use crate::persist::changes::{self, Changes, FieldChange};
use crate::persist::version::RiskLevels;

use super::names;

/// The annex of one assessment as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annex {
    /// "Annex: changes since version 1", or "... in version 2 since version 1".
    pub title: String,
    pub intro: String,
    /// The column headers: item, the version compared with, now (or this version).
    pub heads: [String; 3],
    /// "Nothing has changed since version 1." when nothing differs (and no parts).
    pub none: Option<String>,
    pub parts: Vec<Part>,
}

/// One part of the report that changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub title: &'static str,
    /// The answers come in a group per section (its title as heading); the others in one group.
    pub groups: Vec<Group>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub heading: Option<String>,
    /// Item, before, after.
    pub rows: Vec<[String; 3]>,
}

/// The annex for `a` as shown (the working revision with the engine's `report` of it, or a
/// signed version): on a working revision after a signed version, the changes since that
/// version (`changes::since_last_signed`); on a signed version after the first, those since
/// the one before (`changes::of_version`). `None` when there is nothing to compare with.
pub fn annex(bank: &Bank, lang: Lang, a: &Assessment, report: &Report) -> Option<Annex> {
    let s = summary::strings(lang);
    let c = if a.frozen() {
        changes::of_version(bank, a, a.revision)?
    } else {
        changes::since_last_signed(bank, a, report)?
    };
    let (title, after) = if a.frozen() {
        (s.changes_in_version(a.revision, c.since), s.changes_version(a.revision))
    } else {
        (s.changes_since(c.since), s.changes_now.to_string())
    };
    let heads = [s.changes_item.to_string(), s.changes_version(c.since), after];
    let none = c.is_empty().then(|| s.changes_none(c.since));
    Some(Annex {
        title,
        intro: s.changes_intro(c.since),
        heads,
        none,
        parts: parts(bank, lang, a, report.decision.outcome, &c),
    })
}

fn parts(bank: &Bank, lang: Lang, a: &Assessment, outcome: Outcome, c: &Changes) -> Vec<Part> {
    let t = strings(lang);
    let s = summary::strings(lang);
    let or_empty = |v: &str| if v.trim().is_empty() { t.proposal_empty.to_string() } else { v.to_string() };
    let one = |rows: Vec<[String; 3]>| vec![Group { heading: None, rows }];
    let mut out = Vec::new();
    let mut part = |title: &'static str, groups: Vec<Group>| {
        if groups.iter().any(|g| !g.rows.is_empty()) {
            out.push(Part { title, groups });
        }
    };

    let meta = c
        .meta
        .iter()
        .map(|f| {
            let name = if f.field == "title" { t.field_title } else { t.field_organisation };
            [name.to_string(), or_empty(&f.before), or_empty(&f.after)]
        })
        .collect();
    part(s.changes_meta, one(meta));

    let answers = c
        .sections
        .iter()
        .map(|sc| {
            let heading = bank
                .sections
                .iter()
                .find(|x| x.id == sc.section)
                .map(|x| x.title.get(lang).to_string())
                .unwrap_or_else(|| manager::strings(lang).no_longer_asked.to_string());
            let rows = sc
                .answers
                .iter()
                .map(|ch| {
                    let q = bank.question(&ch.question);
                    let text = |v: &Option<Answer>| match v {
                        Some(x) => names::answer_text(q, x, lang),
                        None => s.not_answered.to_string(),
                    };
                    let name = q.map(|q| q.text.get(lang).to_string()).unwrap_or_else(|| isolate(&ch.question));
                    [name, text(&ch.before), text(&ch.after)]
                })
                .collect();
            Group { heading: Some(heading), rows }
        })
        .collect();
    part(s.changes_answers, answers);

    let levels = |v: &Option<RiskLevels>| match v {
        None => s.changes_not_raised.to_string(),
        Some(l) => format!(
            "{}: {} · {}: {}",
            t.residual,
            t.level(RiskLevels::position(l.residual).level()),
            t.with_planned,
            t.level(RiskLevels::position(l.planned).level())
        ),
    };
    let risks =
        c.risks.iter().map(|r| [names::risk_title(bank, lang, &r.risk), levels(&r.before), levels(&r.after)]).collect();
    part(s.changes_risks, one(risks));

    let measure = |v: &Option<PlanItem>| match v {
        None => s.changes_not_in_plan.to_string(),
        Some(i) => names::measure_text(lang, i),
    };
    let measures = c
        .measures
        .iter()
        .map(|m| [names::safeguard_title(bank, lang, &m.safeguard), measure(&m.before), measure(&m.after)])
        .collect();
    part(s.changes_measures, one(measures));

    let verdict =
        |key: &str| Outcome::from_key(key).map(|o| t.outcome(o).0.to_string()).unwrap_or_else(|| key.to_string());
    let lines = names::signoff_lines(bank, lang, a, outcome);
    let record = |f: &FieldChange| {
        let field = SignOffField::ALL.into_iter().find(|x| x.name() == f.field);
        let label = field
            .and_then(|x| lines.iter().find(|l| l.field == x))
            .map(|l| l.label.to_string())
            .unwrap_or_else(|| isolate(&f.field));
        let value = |v: &str| match field {
            Some(x) if !v.trim().is_empty() => names::signoff_value(bank, lang, x, v),
            _ => or_empty(v),
        };
        [label, value(&f.before), value(&f.after)]
    };
    let mut decision: Vec<[String; 3]> =
        c.verdict.iter().map(|(b, after)| [s.changes_verdict.to_string(), verdict(b), verdict(after)]).collect();
    decision.extend(c.decision.iter().map(record));
    part(s.changes_decision, one(decision));
    out
}

//! The annex "changes since version N" (issue 16 item 4): a row of the document table of its
//! own, after the decision record and before the answers. On a working revision after a signed
//! version it lists what differs from that version (`changes::since_last_signed`); on a signed
//! version after the first, what it changed since the one before (`changes::of_version`). Per
//! part: title and organisation, the answers by section (in bank order), the risks whose
//! positions changed, the measures of the action plan, the verdict and the decision record.
//! Nothing when there is no signed version to compare with.

use yew::prelude::*;

use crate::domain::engine::{Outcome, Report};
use crate::domain::model::Bank;
use crate::i18n::{manager, strings, summary, Get, Lang};
use crate::persist::assessment::{Assessment, SignOffField};
use crate::persist::changes::{self, Changes, FieldChange};
use crate::persist::version::RiskLevels;
use crate::report::names;
use crate::ui::Shared;

#[derive(Properties, PartialEq)]
pub struct ChangesProps {
    pub lang: Lang,
    pub assessment: Shared<Assessment>,
    pub report: Shared<Report>,
}

/// The annex, or nothing (see the module's documentation).
#[function_component]
pub fn ChangesAnnex(props: &ChangesProps) -> Html {
    let bank = crate::bank::bank();
    let lang = props.lang;
    let a = &*props.assessment;
    let found = if a.frozen() {
        changes::of_version(bank, a, a.revision)
    } else {
        changes::since_last_signed(bank, a, &props.report)
    };
    let Some(c) = found else { return html! {} };
    let s = summary::strings(lang);
    let (title, after) = if a.frozen() {
        (s.changes_in_version(a.revision, c.since), s.changes_version(a.revision))
    } else {
        (s.changes_since(c.since), s.changes_now.to_string())
    };
    html! {
        <tr class="bd-sum-row" data-testid="summary-changes"><td class="bd-sum-doc-body">
            <section aria-labelledby="bd-sum-h-changes" class="bd-sum-part bd-sum-annex bd-sum-changes">
                <div class="bd-sum-head">
                    <h3 id="bd-sum-h-changes">{ title }</h3>
                    <p class="bd-muted">{ s.changes_intro(c.since) }</p>
                </div>
                { body(bank, lang, a, props.report.decision.outcome, &c, &after) }
            </section>
        </td></tr>
    }
}

/// The parts that changed, each a table of what, before (version `c.since`) and `after`.
fn body(bank: &Bank, lang: Lang, a: &Assessment, outcome: Outcome, c: &Changes, after: &str) -> Html {
    let t = strings(lang);
    let s = summary::strings(lang);
    if c.is_empty() {
        return html! { <p data-testid="changes-none">{ s.changes_none(c.since) }</p> };
    }
    let before = s.changes_version(c.since);
    let heads = [s.changes_item, before.as_str(), after];
    let table = |rows: Html| {
        html! {
            <table class="bd-sum-table bd-sum-changes-table">
                <colgroup><col class="bd-sum-col-item" /><col /><col /></colgroup>
                <thead><tr>for h in heads { <th scope="col">{ h }</th> }</tr></thead>
                <tbody>{ rows }</tbody>
            </table>
        }
    };
    let row = |item: String, b: String, after: String| {
        html! {
            <tr>
                <th scope="row">{ item }</th>
                <td><bdi>{ b }</bdi></td>
                <td><bdi>{ after }</bdi></td>
            </tr>
        }
    };
    let empty = || t.proposal_empty.to_string();
    let meta = (!c.meta.is_empty()).then(|| {
        table(html! {
            for f in &c.meta {
                { row(if f.field == "title" { t.field_title } else { t.field_organisation }.to_string(), or(&f.before, empty), or(&f.after, empty)) }
            }
        })
    });
    let answers = c.sections.iter().map(|sc| {
        let section = bank.sections.iter().find(|x| x.id == sc.section);
        let heading = section.map(|x| x.title.get(lang).to_string()).unwrap_or_else(|| manager::strings(lang).no_longer_asked.to_string());
        let rows = html! {
            for ch in &sc.answers {
                { {
                    let q = bank.question(&ch.question);
                    let text = |v: &Option<crate::domain::answers::Answer>| match v {
                        Some(x) => names::answer_text(q, x, lang),
                        None => s.not_answered.to_string(),
                    };
                    let name = q.map(|q| q.text.get(lang).to_string()).unwrap_or_else(|| crate::i18n::isolate(&ch.question));
                    row(name, text(&ch.before), text(&ch.after))
                } }
            }
        };
        html! {
            <>
                <h5>{ heading }</h5>
                { table(rows) }
            </>
        }
    });
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
    let risks = (!c.risks.is_empty()).then(|| {
        table(html! {
            for r in &c.risks { { row(names::risk_title(bank, lang, &r.risk), levels(&r.before), levels(&r.after)) } }
        })
    });
    let measure = |v: &Option<crate::domain::answers::PlanItem>| match v {
        None => s.changes_not_in_plan.to_string(),
        Some(i) => names::measure_text(lang, i),
    };
    let measures = (!c.measures.is_empty()).then(|| {
        table(html! {
            for m in &c.measures { { row(names::safeguard_title(bank, lang, &m.safeguard), measure(&m.before), measure(&m.after)) } }
        })
    });
    let verdict =
        |key: &str| Outcome::from_key(key).map(|o| t.outcome(o).0.to_string()).unwrap_or_else(|| key.to_string());
    let lines = names::signoff_lines(bank, lang, a, outcome);
    let record = |f: &FieldChange| {
        let field = SignOffField::ALL.into_iter().find(|x| x.name() == f.field);
        let label = field
            .and_then(|x| lines.iter().find(|l| l.field == x))
            .map(|l| l.label.to_string())
            .unwrap_or_else(|| crate::i18n::isolate(&f.field));
        let value = |v: &str| match field {
            Some(x) if !v.is_empty() => names::signoff_value(bank, lang, x, v),
            _ => or(v, empty),
        };
        row(label, value(&f.before), value(&f.after))
    };
    let decision = (c.verdict.is_some() || !c.decision.is_empty()).then(|| {
        table(html! {
            <>
                if let Some((b, after)) = &c.verdict { { row(s.changes_verdict.to_string(), verdict(b), verdict(after)) } }
                for f in &c.decision { { record(f) } }
            </>
        })
    });
    let part = |title: &'static str, body: Option<Html>| {
        body.map(|b| {
            html! {
                <div class="bd-sum-changes-part">
                    <h4 class="bd-sum-changes-h">{ title }</h4>
                    { b }
                </div>
            }
        })
    };
    let answers: Vec<Html> = answers.collect();
    let answers = (!answers.is_empty()).then(|| html! { <>{ for answers }</> });
    html! {
        <>
            { for part(s.changes_meta, meta) }
            { for part(s.changes_answers, answers) }
            { for part(s.changes_risks, risks) }
            { for part(s.changes_measures, measures) }
            { for part(s.changes_decision, decision) }
        </>
    }
}

/// `v`, or what `empty` says for an empty value.
fn or(v: &str, empty: impl Fn() -> String) -> String {
    if v.trim().is_empty() {
        empty()
    } else {
        v.to_string()
    }
}

//! The plan of 4.2.c (editable on screen: status, owner, due date) and what to find out.

use yew::prelude::*;

use super::controls::{self, field, hidden_label};
use super::table_head;
use crate::domain::answers::{PlanItem, Status};
use crate::domain::engine::Report;
use crate::domain::present::PlanRow;
use crate::i18n::{strings, summary, Get, Lang};
use crate::persist::assessment::{Assessment, MAX_META_LEN};
use crate::ui::cite::{self, cause_line, cause_option, cause_text, Anchors};
use crate::ui::state::{Action, PlanField};
use crate::ui::{on_value, Dispatch, Shared};

#[derive(Properties)]
pub struct ActionPlanProps {
    pub lang: Lang,
    pub report: Shared<Report>,
    /// Only its action plan is read (and compared).
    pub assessment: Shared<Assessment>,
    pub editable: bool,
    pub dispatch: Dispatch,
}

impl PartialEq for ActionPlanProps {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && self.report == other.report
            && self.editable == other.editable
            && self.dispatch == other.dispatch
            && self.assessment.plan == other.assessment.plan
    }
}

/// Every recommended safeguard, then those in place, with status, owner and due date.
#[function_component]
pub fn ActionPlan(props: &ActionPlanProps) -> Html {
    let bank = crate::bank::bank();
    let lang = props.lang;
    let t = strings(lang);
    let s = summary::strings(lang);
    let rows = props.report.plan_rows(bank, &props.assessment.plan);
    let body = if rows.is_empty() {
        html! { <p>{ s.no_actions }</p> }
    } else {
        html! {
            <table class="bd-sum-table bd-sum-plan">
                { table_head(
                    &["bd-sum-col-prio", "", "bd-sum-col-status", "bd-sum-col-owner", "bd-sum-col-due"],
                    &[s.priority, s.safeguard, t.status, t.owner, t.due],
                ) }
                for row in &rows { { plan_row(props, row) } }
            </table>
        }
    };
    html! {
        <div class="bd-sum-plan-part">
            <p class="bd-muted bd-sum-small">{ s.action_plan_intro }</p>
            { body }
        </div>
    }
}

/// One safeguard of the action plan: priority, title, status, owner and due date, and below
/// them why.
fn plan_row(props: &ActionPlanProps, row: &PlanRow) -> Html {
    let bank = crate::bank::bank();
    let lang = props.lang;
    let t = strings(lang);
    let s = summary::strings(lang);
    let g = row.safeguard;
    let sid = g.id.as_str();
    let title = g.title.get(lang);
    let item = props.assessment.plan.get(sid).cloned().unwrap_or_default();
    let editable = props.editable && !row.in_place_by_answers;
    let on = |field: PlanField| {
        let sid = sid.to_string();
        move |v| Action::SetPlanField(sid.clone(), field, v)
    };
    let control = |what: &'static str, id: String, control: Html| {
        editable.then(|| html! { <>{ hidden_label(&id, what, title) }{ control }</> })
    };
    let PlanItem { status, owner, due } = &item;
    let status_cell = if row.in_place_by_answers {
        html! { <span class="bd-sum-line">{ s.in_place_by_answers }</span> }
    } else {
        let id = format!("bd-sum-plan-{sid}-status");
        let options = Status::ALL.map(|x| (x.key(), t.status(x)));
        let select =
            controls::select(id.clone(), &options, status.key(), on_value(&props.dispatch, on(PlanField::Status)));
        field(control(t.status, id, select), t.status(*status))
    };
    let owner_id = format!("bd-sum-plan-{sid}-owner");
    let owner_input = controls::text_input(
        owner_id.clone(),
        None,
        owner,
        MAX_META_LEN,
        on_value(&props.dispatch, on(PlanField::Owner)),
    );
    let due_id = format!("bd-sum-plan-{sid}-due");
    let due_input = controls::date_input(due_id.clone(), due, on_value(&props.dispatch, on(PlanField::Due)));
    let rec = row.recommendation;
    let effect = rec.filter(|r| !r.effect.is_empty()).map(|r| {
        html! {
            <>
                <p class="bd-sum-small bd-sum-label">{ t.effect }</p>
                <ul class="bd-sum-small">
                    for (rid, before, after) in &r.effect {
                        <li>{ crate::report::names::effect_line(bank, lang, rid, *before, *after) }</li>
                    }
                </ul>
            </>
        }
    });
    let required = rec.filter(|r| !r.required_by.is_empty()).map(|r| {
        html! {
            <>
                <p class="bd-sum-small bd-sum-label">{ t.required_by }</p>
                <ul class="bd-sum-small">
                    for c in &r.required_by { <li>{ cause_line(bank, lang, c) }</li> }
                </ul>
            </>
        }
    });
    html! {
        <tbody class="bd-sum-plan-item">
            <tr data-testid="summary-plan-row" class="bd-sum-plan-row">
                // data-label: the column name above each cell when the table is stacked on a narrow screen.
                <td data-label={s.priority}>{ rec.map(|r| t.priority(r.priority)).unwrap_or("—") }</td>
                <td><p class="bd-sum-plan-title">{ title }</p></td>
                <td data-label={t.status}>{ status_cell }</td>
                <td data-label={t.owner}>{ field(control(t.owner, owner_id, owner_input), owner) }</td>
                <td data-label={t.due}>{ field(control(t.due, due_id, due_input), &t.date(due)) }</td>
            </tr>
            <tr class="bd-sum-plan-detail">
                <td></td>
                <td colspan="4">
                    <p class="bd-sum-small bd-muted">{ g.explanation.get(lang) }</p>
                    { for effect }
                    { for required }
                    { for rec.map(|r| cite::or_instead(bank, lang, "bd-sum-small", &r.alternatives)) }
                    { cite::reasons(bank, lang, &g.provisions, &g.findings, Anchors::Summary) }
                </td>
            </tr>
        </tbody>
    }
}

/// What the "unsure" answers leave to find out.
pub(super) fn find_out(lang: Lang, report: &Report) -> Html {
    let bank = crate::bank::bank();
    let t = strings(lang);
    let body = if report.find_out.is_empty() {
        html! { <p>{ t.nothing_to_find_out }</p> }
    } else {
        html! {
            <ul class="bd-sum-findout">
                for c in &report.find_out {
                    <li>
                        <p class="bd-sum-q">{ cause_text(bank, lang, c).0 }</p>
                        <p>{ cause_option(bank, c).and_then(|o| o.find_out.as_ref()).map(|f| f.get(lang)).unwrap_or("") }</p>
                    </li>
                }
            </ul>
        }
    };
    html! {
        <div class="bd-sum-findout-part">
            <p class="bd-sum-label">{ t.find_out }</p>
            { body }
        </div>
    }
}

//! Proposed changes (issue 16 item 2): what the other side of the review changed in a file
//! merged here (`persist::merge`), each accepted or rejected by the author one by one: the list
//! on the results page ([`Proposals`]) and, in the wizard, those at their question
//! ([`AtQuestion`]). Order, values and counts come from `persist::review` (`proposal_rows`,
//! `pending_on`); accepting goes through `review::accept` (`Action::Accept`), which checks the
//! value as an import would, and a refusal is shown as a sentence.

use yew::prelude::*;

use super::state::Action;
use super::{button, send, Button, Dispatch, Shared, BTN, PRIMARY};
use crate::domain::engine::Outcome;
use crate::domain::model::Bank;
use crate::i18n::{strings, Get, Lang};
use crate::persist::assessment::Assessment;
use crate::persist::review::{self, DecideError, Field, Proposal, ProposalRow, Value};
use crate::report::names;

/// The last accept that was refused: the proposal's id and why.
pub type Refusal = Option<(String, DecideError)>;

#[derive(Properties, PartialEq)]
pub struct ProposalsProps {
    pub lang: Lang,
    pub assessment: Shared<Assessment>,
    /// The engine's outcome (names the decision record's rows as the summary does).
    pub outcome: Outcome,
    pub refused: Refusal,
    pub dispatch: Dispatch,
}

/// The pending proposals, in field order, each with who proposed it, the value now and the
/// value proposed, and its Accept and Reject buttons. Nothing when none is pending.
#[function_component]
pub fn Proposals(props: &ProposalsProps) -> Html {
    let bank = crate::bank::bank();
    let lang = props.lang;
    let t = strings(lang);
    let a = &*props.assessment;
    let rows = review::proposal_rows(bank, a);
    if rows.is_empty() {
        return html! {};
    }
    html! {
        <section class="bd-card bd-proposals" aria-labelledby="bd-proposals-title" data-testid="proposals">
            <h3 id="bd-proposals-title">{ t.proposals }</h3>
            <p>{ t.proposals_intro(rows.len()) }</p>
            if a.frozen() { <p class="bd-muted" data-testid="proposal-frozen">{ t.proposal_frozen }</p> }
            <ul class="bd-proposal-list">
                for row in rows.iter() {
                    <li data-testid="proposal" data-field={row.proposal.field.clone()}>
                        { proposal(bank, lang, a, props.outcome, row, &props.refused, &props.dispatch, true) }
                    </li>
                }
            </ul>
        </section>
    }
}

#[derive(Properties)]
pub struct AtQuestionProps {
    pub lang: Lang,
    /// Only the pending proposals on `question` and that question's answer are compared.
    pub assessment: Shared<Assessment>,
    pub question: &'static str,
    pub refused: Refusal,
    pub dispatch: Dispatch,
}

impl AtQuestionProps {
    fn field(&self) -> String {
        format!("answers.{}", self.question)
    }
}

impl PartialEq for AtQuestionProps {
    fn eq(&self, other: &Self) -> bool {
        let field = self.field();
        self.lang == other.lang
            && self.question == other.question
            && self.refused == other.refused
            && self.dispatch == other.dispatch
            && self.assessment.frozen() == other.assessment.frozen()
            && review::pending_on(&self.assessment.review, &field)
                == review::pending_on(&other.assessment.review, &field)
            && self.assessment.answers.get(self.question) == other.assessment.answers.get(other.question)
    }
}

/// The pending proposals on one question, under it in the wizard. Nothing when there are none.
#[function_component]
pub fn AtQuestion(props: &AtQuestionProps) -> Html {
    let bank = crate::bank::bank();
    let lang = props.lang;
    let a = &*props.assessment;
    let field = props.field();
    let here = review::pending_on(&a.review, &field);
    if here.is_empty() {
        return html! {};
    }
    let rows: Vec<ProposalRow> =
        review::proposal_rows(bank, a).into_iter().filter(|r| r.proposal.field == field).collect();
    html! {
        <div class="bd-proposals bd-proposals-here" data-testid="proposal-here">
            for row in rows.iter() {
                { proposal(bank, lang, a, Outcome::NotAssessed, row, &props.refused, &props.dispatch, false) }
            }
        </div>
    }
}

/// One proposal: what it changes (with the field named when `named`), by whom and when, now ->
/// proposed, and its buttons (disabled on a signed revision).
#[allow(clippy::too_many_arguments)]
fn proposal(
    bank: &Bank,
    lang: Lang,
    a: &Assessment,
    outcome: Outcome,
    row: &ProposalRow,
    refused: &Refusal,
    dispatch: &Dispatch,
    named: bool,
) -> Html {
    let t = strings(lang);
    let p: &Proposal = row.proposal;
    let label = field_label(bank, lang, a, outcome, row.field);
    let date = p.at.get(..10).map(|d| t.date(d)).unwrap_or_default();
    let by = match (p.by.trim().is_empty(), date.is_empty()) {
        (false, false) => t.proposal_by(&p.by, &date),
        (false, true) => t.proposal_by_name(&p.by),
        (true, false) => t.proposal_by_date(&date),
        (true, true) => t.proposal_anon.to_string(),
    };
    let error = refused.as_ref().filter(|(id, _)| *id == p.id).map(|(_, e)| decide_error(lang, e));
    let sr = format!(": {label}");
    let (id, id2) = (p.id.clone(), p.id.clone());
    let frozen = a.frozen();
    html! {
        <div class="bd-proposal">
            if named { <p class="bd-proposal-field"><strong>{ label.clone() }</strong></p> }
            else { <p class="bd-proposal-field"><strong>{ t.proposal_here }</strong></p> }
            <p class="bd-muted">{ by }</p>
            <dl class="bd-proposal-values">
                <dt>{ t.proposal_now }</dt>
                <dd data-testid="proposal-now"><bdi>{ value_text(bank, lang, row.field, &row.now) }</bdi></dd>
                <dt>{ t.proposal_new }</dt>
                <dd data-testid="proposal-new"><bdi>{ value_text(bank, lang, row.field, &row.proposed) }</bdi></dd>
            </dl>
            if let Some(e) = error { <p class="bd-error" role="alert" data-testid="proposal-error">{ e }</p> }
            <div class="bd-actions">
                { button(
                    Button { class: PRIMARY, testid: Some("accept"), disabled: frozen, label: t.accept, sr: Some(&sr), ..Default::default() },
                    send(dispatch, move || Action::Accept(id.clone())),
                ) }
                { button(
                    Button { class: BTN, testid: Some("reject"), disabled: frozen, label: t.reject, sr: Some(&sr), ..Default::default() },
                    send(dispatch, move || Action::Reject(id2.clone())),
                ) }
            </div>
        </div>
    }
}

/// The field as the form names it: the question, the measure, the decision record's row.
fn field_label(bank: &Bank, lang: Lang, a: &Assessment, outcome: Outcome, field: Field) -> String {
    let t = strings(lang);
    match field {
        Field::Title => t.field_title.to_string(),
        Field::Organisation => t.field_organisation.to_string(),
        Field::Answer(q) => bank
            .question(q)
            .map(|q| q.text.get(lang).to_string())
            .unwrap_or_else(|| t.field_unknown(crate::i18n::isolate(q))),
        Field::Measure(s) => names::safeguard_title(bank, lang, s),
        Field::SignOff(f) => names::signoff_lines(bank, lang, a, outcome)
            .into_iter()
            .find(|l| l.field == f)
            .map(|l| l.label.to_string())
            .unwrap_or_else(|| t.field_unknown(f.name())),
        Field::Unknown(name) => t.field_unknown(crate::i18n::isolate(name)),
    }
}

/// A value in the bank's words: options by their labels, a plan line by its status, owner and
/// date, a record's choice by its label and a date as the language writes it.
fn value_text(bank: &Bank, lang: Lang, field: Field, v: &Value) -> String {
    let t = strings(lang);
    match v {
        Value::Empty => t.proposal_empty.to_string(),
        Value::Text(s) => match field {
            Field::SignOff(f) => names::signoff_value(bank, lang, f, s),
            _ => s.clone(),
        },
        Value::Answer(answer) => {
            let q = match field {
                Field::Answer(q) => bank.question(q),
                _ => None,
            };
            names::answer_text(q, answer, lang)
        }
        Value::Measure(item) => names::measure_text(lang, item),
        Value::Other(json) => json.clone(),
    }
}

/// Why a proposal could not be accepted, as a sentence.
pub fn decide_error(lang: Lang, e: &DecideError) -> String {
    let t = strings(lang);
    match e {
        DecideError::NotPending => t.err_decide_not_pending.to_string(),
        DecideError::Frozen => t.proposal_frozen.to_string(),
        DecideError::Field(_) => t.err_decide_value.to_string(),
    }
}

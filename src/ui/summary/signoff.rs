//! Part 6 of the summary: the decision record (as the ICO sign-off table and the EDPB template
//! ask), editable on screen, a table in print.

use yew::prelude::*;

use super::annex::chosen_labels;
use super::controls::{self, field};
use super::{part, table_head};
use crate::domain::engine::Outcome;
use crate::i18n::{strings, summary, Lang};
use crate::persist::assessment::{Assessment, FieldKind, SignOffField};
use crate::persist::record::{self, Decided};
use crate::ui::cite::option_label;
use crate::ui::state::Action;
use crate::ui::{on_value, Dispatch, Shared};

#[derive(Properties)]
pub struct SignOffProps {
    pub lang: Lang,
    /// Only its decision record and the answer to `record::VIEWS_QUESTION` are read (and
    /// compared).
    pub assessment: Shared<Assessment>,
    /// The engine's outcome, proposed as the decision.
    pub outcome: Outcome,
    pub editable: bool,
    pub dispatch: Dispatch,
}

impl PartialEq for SignOffProps {
    fn eq(&self, other: &Self) -> bool {
        let views = |p: &Self| p.assessment.answers.get(record::VIEWS_QUESTION).cloned();
        self.lang == other.lang
            && self.outcome == other.outcome
            && self.editable == other.editable
            && self.dispatch == other.dispatch
            && self.assessment.signoff == other.assessment.signoff
            && views(self) == views(other)
    }
}

/// One row of the record: its field, label, note and whether it has a signature line.
struct Row {
    field: SignOffField,
    label: &'static str,
    note: String,
    signed: bool,
}

/// The id of a field's control (the first six as they were before the decision record).
fn control_id(f: SignOffField) -> String {
    use SignOffField as F;
    let short = match f {
        F::MeasuresApprovedBy => "measures",
        F::ResidualRiskAcceptedBy => "residual",
        F::DpoAdvice => "advice",
        F::DpoAdviceFollowed => "followed",
        F::DpoAdviceReasons => "reasons",
        F::ReviewDate => "review",
        other => return format!("bd-sum-so-{}", other.name().replace('_', "-")),
    };
    format!("bd-sum-so-{short}")
}

#[function_component]
pub fn SignOffPart(props: &SignOffProps) -> Html {
    let lang = props.lang;
    let t = strings(lang);
    let s = summary::strings(lang);
    let so = &props.assessment.signoff;
    let bank = crate::bank::bank();
    use SignOffField as F;

    let decided = record::decided(so, props.outcome);
    let decision_note = match decided {
        Decided::Proposed(Some(o)) => s.decision_proposed(t.outcome_short(o)),
        Decided::Proposed(None) => s.decision_none_proposed.to_string(),
        Decided::Recorded(_) => s.decision_note.to_string(),
        Decided::Differs(_, o) => s.decision_differs(t.outcome_short(o)),
    };
    let views = bank.question(record::VIEWS_QUESTION).map(|q| {
        let labels = props.assessment.answers.get(&q.id).map(|a| chosen_labels(q, a, lang)).unwrap_or_default();
        let answer = if labels.is_empty() { s.not_answered.to_string() } else { labels.join("; ") };
        s.views_sought(&answer)
    });
    let reasons_note = if record::reasons_missing(so) {
        format!("{} {}", s.dpo_reasons_note, s.reasons_missing)
    } else {
        s.dpo_reasons_note.to_string()
    };
    let row = |field, label, note: &str, signed| Row { field, label, note: note.to_string(), signed };
    let rows = [
        row(F::Decision, s.decision, &decision_note, false),
        row(F::DecisionConditions, s.decision_conditions, s.decision_conditions_note, false),
        row(F::DecidedBy, s.decided_by, "", true),
        row(F::DecidedByRole, s.decided_by_role, "", false),
        row(F::DecisionDate, s.decision_date, "", false),
        row(F::MeasuresApprovedBy, s.measures_approved_by, s.measures_note, true),
        row(F::ResidualRiskAcceptedBy, s.residual_accepted_by, s.residual_note, true),
        row(F::DpoName, s.dpo_name, "", true),
        row(F::DpoAdvice, s.dpo_advice, s.dpo_advice_note, false),
        row(F::DpoAdviceDate, s.dpo_advice_date, "", false),
        row(F::DpoAdviceFollowed, s.dpo_followed, "", false),
        row(F::DpoAdviceReasons, s.dpo_reasons, &reasons_note, false),
        row(F::DpoAdviceDecidedBy, s.dpo_decided_by, "", true),
        row(F::ViewsSummary, s.views, &views.unwrap_or_default(), false),
        row(F::ConsultationReviewedBy, s.consultation_reviewed_by, "", true),
        row(F::KeptUnderReviewBy, s.kept_under_review_by, "", false),
        row(F::ReviewDate, s.review_date, s.review_note, false),
    ];

    // The labels of a choice field's values: the decision as the outcomes are named, whether the
    // advice was followed as the bank's question names its options (the same words wherever
    // that status is shown).
    let followed_question = bank.question(record::FOLLOWED_QUESTION);
    let label_of = |f: SignOffField, v: &str| -> String {
        match f {
            F::Decision => Outcome::from_key(v).map(|o| t.outcome(o).0.to_string()).unwrap_or_default(),
            _ => followed_question
                .and_then(|q| q.option(record::followed_now(v)))
                .map(|o| option_label(o, lang))
                .unwrap_or_else(|| v.to_string()),
        }
    };
    let render = |r: Row| {
        let f = r.field;
        let id = control_id(f);
        let value = so.get(f);
        let set = move |v| Action::SetSignOffField(f, v);
        let kind = f.kind();
        let control = props.editable.then(|| match kind {
            FieldKind::Name => {
                controls::text_input(id.clone(), None, value, f.max_len(), on_value(&props.dispatch, set))
            }
            FieldKind::Text => controls::text_area(id.clone(), value, f.max_len(), on_value(&props.dispatch, set)),
            FieldKind::Date => controls::date_input(id.clone(), value, on_value(&props.dispatch, set)),
            FieldKind::Choice(values) => {
                let unset = if f == F::Decision { s.decision_unset } else { s.followed_unset };
                let labels: Vec<(String, String)> = std::iter::once(("".to_string(), unset.to_string()))
                    .chain(values.iter().map(|v| (v.to_string(), label_of(f, v))))
                    .collect();
                controls::select(id.clone(), &labels, value, on_value(&props.dispatch, set))
            }
        });
        let shown = match kind {
            FieldKind::Choice(_) if value.is_empty() => String::new(),
            FieldKind::Choice(_) => label_of(f, value),
            FieldKind::Date => t.date(value),
            FieldKind::Name | FieldKind::Text => value.to_string(),
        };
        let long = kind == FieldKind::Text;
        html! {
            // Rows with free text may run over a page break; the others are kept whole.
            <tr class={if long { "bd-sum-so-long" } else { "bd-sum-so-short" }} data-field={f.name()}>
                <th scope="row"><label for={id.clone()}>{ r.label }</label></th>
                <td>
                    { field(control, &shown) }
                    if !r.note.is_empty() { <p class="bd-sum-small bd-muted">{ r.note }</p> }
                </td>
                <td class="bd-sum-sign">
                    if r.signed { <span class="bd-sum-line bd-sum-blank"></span> }
                </td>
            </tr>
        }
    };
    let body = html! {
        <table data-testid="summary-signoff" class="bd-sum-table bd-sum-signoff">
            { table_head(&["bd-sum-col-item", "", "bd-sum-col-sign"], &[s.item, s.name_and_notes, s.signature_date]) }
            <tbody>
                for r in rows { { render(r) } }
            </tbody>
        </table>
    };
    part("bd-sum-part bd-sum-signoff-part", "bd-sum-h-signoff", "6.", s.signoff, s.signoff_intro, body)
}

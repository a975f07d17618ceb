//! The decision record (as the ICO sign-off table and the EDPB template ask), editable on screen,
//! a table in print: its DPO lines in 5.1, its lines on the views of data subjects in 5.2, the
//! controller's lines in 6 (`report::names::record_fields`).

use yew::prelude::*;

use super::controls::{self, field};
use super::table_head;
use crate::domain::engine::Outcome;
use crate::i18n::{summary, Lang};
use crate::persist::assessment::{Assessment, FieldKind, SignOffField};
use crate::persist::record;
use crate::report::names::{record_lines, signoff_choice, signoff_value, SignOffLine};
use crate::report::outline::Block;
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
    /// Which lines: the block of the outline they fill.
    pub block: Block,
    pub editable: bool,
    pub dispatch: Dispatch,
}

impl PartialEq for SignOffProps {
    fn eq(&self, other: &Self) -> bool {
        let views = |p: &Self| p.assessment.answers.get(record::VIEWS_QUESTION).cloned();
        self.lang == other.lang
            && self.outcome == other.outcome
            && self.block == other.block
            && self.editable == other.editable
            && self.dispatch == other.dispatch
            && self.assessment.signoff == other.assessment.signoff
            && views(self) == views(other)
    }
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
    let s = summary::strings(lang);
    let so = &props.assessment.signoff;
    let bank = crate::bank::bank();
    let rows = record_lines(bank, lang, &props.assessment, props.outcome, props.block);
    let render = |r: SignOffLine| {
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
                let unset = if f == SignOffField::Decision { s.decision_unset } else { s.followed_unset };
                let labels: Vec<(String, String)> = std::iter::once(("".to_string(), unset.to_string()))
                    .chain(values.iter().map(|v| (v.to_string(), signoff_choice(bank, lang, f, v))))
                    .collect();
                controls::select(id.clone(), &labels, value, on_value(&props.dispatch, set))
            }
        });
        let shown = signoff_value(bank, lang, f, value);
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
    html! {
        <table data-testid="summary-signoff" data-block={format!("{:?}", props.block)} class="bd-sum-table bd-sum-signoff">
            { table_head(&["bd-sum-col-item", "", "bd-sum-col-sign"], &[s.item, s.name_and_notes, s.signature_date]) }
            <tbody>
                for r in rows { { render(r) } }
            </tbody>
        </table>
    }
}

//! Part 6 of the summary: the sign-off block (as in the ICO template), editable on screen.

use yew::prelude::*;

use super::controls::{self, field};
use super::{part, table_head};
use crate::i18n::{summary, Lang};
use crate::persist::assessment::{Assessment, SignOffField};
use crate::report::names::{signoff_lines, signoff_value, SignOffLine};
use crate::ui::state::Action;
use crate::ui::{on_value, Dispatch, Shared};

/// How a sign-off value is edited.
#[derive(Clone, Copy, PartialEq)]
enum Control {
    Text,
    Area,
    Followed,
    Date,
}

#[derive(Properties)]
pub struct SignOffProps {
    pub lang: Lang,
    /// Only its sign-off block is read (and compared).
    pub assessment: Shared<Assessment>,
    pub editable: bool,
    pub dispatch: Dispatch,
}

impl PartialEq for SignOffProps {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && self.editable == other.editable
            && self.dispatch == other.dispatch
            && self.assessment.signoff == other.assessment.signoff
    }
}

#[function_component]
pub fn SignOffPart(props: &SignOffProps) -> Html {
    let s = summary::strings(props.lang);
    let so = &props.assessment.signoff;
    let row = |line: SignOffLine| {
        let SignOffLine { field: f, label, note, signed } = line;
        let (id, kind) = match f {
            SignOffField::MeasuresApprovedBy => ("bd-sum-so-measures", Control::Text),
            SignOffField::ResidualRiskAcceptedBy => ("bd-sum-so-residual", Control::Text),
            SignOffField::DpoAdvice => ("bd-sum-so-advice", Control::Area),
            SignOffField::DpoAdviceFollowed => ("bd-sum-so-followed", Control::Followed),
            SignOffField::DpoAdviceReasons => ("bd-sum-so-reasons", Control::Area),
            SignOffField::ReviewDate => ("bd-sum-so-review", Control::Date),
        };
        let value = so.get(f);
        let set = move |v| Action::SetSignOffField(f, v);
        let control = props.editable.then(|| match kind {
            Control::Text => {
                controls::text_input(id.to_string(), None, value, f.max_len(), on_value(&props.dispatch, set))
            }
            Control::Area => controls::text_area(id.to_string(), value, f.max_len(), on_value(&props.dispatch, set)),
            Control::Followed => {
                let options = ["", "yes", "partly", "no"].map(|v| (v, s.followed(v)));
                controls::select(id.to_string(), &options, value, on_value(&props.dispatch, set))
            }
            Control::Date => controls::date_input(id.to_string(), value, on_value(&props.dispatch, set)),
        });
        let shown = signoff_value(s, so, f);
        html! {
            // Rows with free text may run over a page break; the others are kept whole.
            <tr class={if kind == Control::Area { "bd-sum-so-long" } else { "bd-sum-so-short" }}>
                <th scope="row"><label for={id}>{ label }</label></th>
                <td>
                    { field(control, shown) }
                    <p class="bd-sum-small bd-muted">{ note }</p>
                </td>
                <td class="bd-sum-sign">
                    if signed { <span class="bd-sum-line bd-sum-blank"></span> }
                </td>
            </tr>
        }
    };
    let body = html! {
        <table data-testid="summary-signoff" class="bd-sum-table bd-sum-signoff">
            { table_head(&["bd-sum-col-item", "", "bd-sum-col-sign"], &[s.item, s.name_and_notes, s.signature_date]) }
            <tbody>
                for line in signoff_lines(s) { { row(line) } }
            </tbody>
        </table>
    };
    part("bd-sum-part bd-sum-signoff-part", "bd-sum-h-signoff", "6.", s.signoff, s.signoff_intro, body)
}

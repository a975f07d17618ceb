//! Template section 5, involvement of interested parties: the DPO's advice and whether it was
//! followed (5.1) and the views of data subjects (5.2), as the decision record holds them
//! (`persist::record`, the one source of truth), editable on screen.

use yew::prelude::*;

use super::fields::{self, PartProps};
use super::signoff::SignOffPart;
use crate::report::outline::{Block, Outline};

#[function_component]
pub fn Parties(props: &PartProps) -> Html {
    let lang = props.lang;
    let o = Outline::new(crate::bank::bank(), &props.report, &props.assessment);
    fields::section(lang, &o, "5", |block| match block {
        Block::DpoRecord | Block::ViewsRecord => html! {
            <SignOffPart {lang} assessment={props.assessment.clone()} outcome={props.report.decision.outcome} {block}
                editable={props.editable} dispatch={props.dispatch.clone()} />
        },
        _ => html! {},
    })
}

//! Template section 1, the systematic description of the processing: the data, purposes, uses,
//! context (1.1.a-d), the functional description (1.2), the means and assets (1.3) and codes of
//! conduct (1.4). Only answers fill it.

use yew::prelude::*;

use super::fields::{self, PartProps};
use crate::report::outline::Outline;

#[function_component]
pub fn SystematicDescription(props: &PartProps) -> Html {
    let o = Outline::new(crate::bank::bank(), &props.report, &props.assessment);
    fields::section(props.lang, &o, "1", |_| html! {})
}

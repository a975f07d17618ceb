//! Template section 6, conclusion and decision: the outcome of the assessment with its
//! conditions and why (`ui::decision::Decision`, from `Report::decision_view` and
//! `engine::explain`), the controller's lines of the decision record (editable on screen) and
//! the signed version with its fingerprint.

use yew::prelude::*;

use super::fields::{self, PartProps};
use super::signoff::SignOffPart;
use crate::i18n::summary;
use crate::report::outline::{Block, Outline};
use crate::ui::cite::Anchors;
use crate::ui::decision::{use_explanation, Decision};
use crate::ui::signing::VersionBlock;

#[function_component]
pub fn Conclusion(props: &PartProps) -> Html {
    let lang = props.lang;
    let explanation = use_explanation(&props.assessment);
    let o = Outline::new(crate::bank::bank(), &props.report, &props.assessment);
    fields::section(lang, &o, "6", |block| match block {
        Block::Decision => html! {
            <Decision {lang} report={props.report.clone()} explanation={explanation.clone()} anchors={Anchors::Summary} />
        },
        Block::DecisionRecord => html! {
            <>
                <p class="bd-sum-record-title">{ summary::strings(lang).signoff }</p>
                <p class="bd-muted bd-sum-small">{ summary::strings(lang).signoff_intro }</p>
                <SignOffPart {lang} assessment={props.assessment.clone()} outcome={props.report.decision.outcome} {block}
                    editable={props.editable} dispatch={props.dispatch.clone()} />
            </>
        },
        Block::SignedVersion => html! {
            <VersionBlock {lang} assessment={props.assessment.clone()} dispatch={props.dispatch.clone()} />
        },
        _ => html! {},
    })
}

//! The annex "changes since version N" (issue 16 item 4): a row of the document table of its
//! own, after the decision record and the review part, before the answers. What it says is
//! `report::changes::annex` (shared with the Word document); nothing when there is no signed
//! version to compare with.

use yew::prelude::*;

use crate::domain::engine::Report;
use crate::i18n::Lang;
use crate::persist::assessment::Assessment;
use crate::report::changes::annex;
use crate::ui::Shared;

#[derive(Properties, PartialEq)]
pub struct ChangesProps {
    pub lang: Lang,
    pub assessment: Shared<Assessment>,
    pub report: Shared<Report>,
}

/// The annex, or nothing.
#[function_component]
pub fn ChangesAnnex(props: &ChangesProps) -> Html {
    let Some(annex) = annex(crate::bank::bank(), props.lang, &props.assessment, &props.report) else {
        return html! {};
    };
    let table = |rows: &[[String; 3]]| {
        html! {
            <table class="bd-sum-table bd-sum-changes-table">
                <colgroup><col class="bd-sum-col-item" /><col /><col /></colgroup>
                <thead><tr>for h in annex.heads.iter() { <th scope="col">{ h }</th> }</tr></thead>
                <tbody>
                    for [item, before, after] in rows.iter() {
                        <tr>
                            <th scope="row">{ item }</th>
                            <td><bdi>{ before }</bdi></td>
                            <td><bdi>{ after }</bdi></td>
                        </tr>
                    }
                </tbody>
            </table>
        }
    };
    html! {
        <tr class="bd-sum-row" data-testid="summary-changes"><td class="bd-sum-doc-body">
            <section aria-labelledby="bd-sum-h-changes" class="bd-sum-part bd-sum-annex bd-sum-changes">
                <div class="bd-sum-head">
                    <h3 id="bd-sum-h-changes">{ &annex.title }</h3>
                    <p class="bd-muted">{ &annex.intro }</p>
                </div>
                if let Some(none) = &annex.none { <p data-testid="changes-none">{ none }</p> }
                for part in annex.parts.iter() {
                    <div class="bd-sum-changes-part">
                        <h4 class="bd-sum-changes-h">{ part.title }</h4>
                        for g in part.groups.iter() {
                            if let Some(h) = &g.heading { <h5>{ h }</h5> }
                            { table(&g.rows) }
                        }
                    </div>
                }
            </section>
        </td></tr>
    }
}

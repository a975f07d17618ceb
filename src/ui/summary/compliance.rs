//! Template section 2, the analysis of compliance: lawfulness (2.1), minimisation, retention and
//! quality (2.2), and the measures supporting compliance (2.3), with the measures recommended and
//! in place and their status in the template's words (2.3.a).

use yew::prelude::*;

use super::fields::{self, PartProps};
use super::table_head;
use crate::i18n::{strings, summary, template, Get};
use crate::report::outline::{Block, Outline};

#[function_component]
pub fn Compliance(props: &PartProps) -> Html {
    let bank = crate::bank::bank();
    let lang = props.lang;
    let t = strings(lang);
    let s = summary::strings(lang);
    let tp = template::strings(lang);
    let (report, a) = (&*props.report, &*props.assessment);
    let o = Outline::new(bank, report, a);
    fields::section(lang, &o, "2", |b| match b {
        Block::Measures => {
            let rows = report.plan_rows(bank, &a.plan);
            html! {
                <>
                    <p class="bd-muted bd-sum-small">{ tp.measures_intro }</p>
                    if rows.is_empty() {
                        <p>{ s.no_actions }</p>
                    } else {
                        <table class="bd-sum-table bd-sum-measures">
                            { table_head(&["", "bd-sum-col-status"], &[s.safeguard, t.status]) }
                            <tbody>
                                for row in &rows {
                                    <tr>
                                        <td>{ row.safeguard.title.get(lang) }</td>
                                        <td>{ if row.in_place_by_answers { s.in_place_by_answers } else {
                                            t.status(a.plan.get(&row.safeguard.id).map(|p| p.status).unwrap_or_default()) } }</td>
                                    </tr>
                                }
                            </tbody>
                        </table>
                    }
                </>
            }
        }
        _ => html! {},
    })
}

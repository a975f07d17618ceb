//! Template section 2, the analysis of compliance: lawfulness (2.1), minimisation, retention and
//! quality (2.2), and the measures supporting compliance (2.3), with the measures recommended and
//! in place under the eight principles of the template's 2.3.a, with their status in the
//! template's words.

use yew::prelude::*;

use super::fields::{self, PartProps};
use super::table_head;
use crate::domain::present::PlanRow;
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
            let status = |row: &PlanRow| {
                if row.in_place_by_answers {
                    s.in_place_by_answers
                } else {
                    t.status(a.plan.get(&row.safeguard.id).map(|p| p.status).unwrap_or_default())
                }
            };
            html! {
                <>
                    <p class="bd-muted bd-sum-small">{ tp.measures_intro }</p>
                    <table class="bd-sum-table bd-sum-measures">
                        { table_head(&["", "bd-sum-col-status"], &[s.safeguard, t.status]) }
                        for p in report.principle_rows(bank, &a.plan) {
                            <tbody class="bd-sum-group">
                                <tr><th scope="colgroup" colspan="2">{ tp.principle(p.principle) }</th></tr>
                                if p.measures.is_empty() {
                                    <tr><td colspan="2" class="bd-muted">{ tp.principle_none }</td></tr>
                                }
                                for row in &p.measures {
                                    <tr>
                                        <td>{ row.safeguard.title.get(lang) }</td>
                                        <td>{ status(row) }</td>
                                    </tr>
                                }
                            </tbody>
                        }
                    </table>
                </>
            }
        }
        _ => html! {},
    })
}

//! Parts 2 and 3 of the summary: the risk map and the risk table, with why each risk arises.

use yew::prelude::*;

use super::cover::level_tag;
use super::{part, table_head, RISKS_PART};
use crate::domain::engine::Report;
use crate::i18n::{strings, summary, Get, Lang};
use crate::ui::cite::{self, cause_line, cause_option, Anchors};
use crate::ui::heatmap::{heat_map, MapRisk};
use crate::ui::Shared;

#[derive(Properties, PartialEq)]
pub struct RisksProps {
    pub lang: Lang,
    pub report: Shared<Report>,
}

#[function_component]
pub fn Risks(props: &RisksProps) -> Html {
    let bank = crate::bank::bank();
    let lang = props.lang;
    let t = strings(lang);
    let s = summary::strings(lang);
    let raised = props.report.raised_worst_first();
    // Numbered worst first, as in the table below.
    let map: Vec<MapRisk> = raised
        .iter()
        .enumerate()
        .map(|(i, r)| MapRisk {
            number: i + 1,
            title: bank.risk(&r.risk).map(|x| x.title.get(lang).to_string()).unwrap_or_else(|| r.risk.clone()),
            inherent: r.inherent,
            residual: r.residual,
            planned: r.planned,
        })
        .collect();
    let table = if raised.is_empty() {
        html! { <p>{ s.no_risks }</p> }
    } else {
        html! {
            <>
                <table class="bd-sum-table bd-sum-risks">
                    { table_head(
                        &["bd-sum-col-num", "", "bd-sum-col-pos", "bd-sum-col-pos", "bd-sum-col-pos"],
                        &[s.number, t.risk, t.inherent, t.residual, t.with_planned],
                    ) }
                    <tbody>
                        for (r, m) in raised.iter().zip(&map) {
                            <tr class="bd-sum-risk">
                                <td class="bd-sum-num">{ m.number }</td>
                                <td><a href={format!("#bd-sum-why-{}", r.risk)} class="bd-sum-risk-title">{ &m.title }</a></td>
                                for p in [r.inherent, r.residual, r.planned] {
                                    <td class="bd-sum-pos">
                                        { level_tag(t, p.level()) }
                                        <span class="bd-sum-pos-detail">
                                            { format!("{} {} · {} {}", t.likelihood, p.likelihood, t.severity, p.severity) }
                                        </span>
                                    </td>
                                }
                            </tr>
                        }
                    </tbody>
                </table>
                // Why each risk arises, in full width below the overview table.
                for (r, m) in raised.iter().zip(&map) {
                    <div id={format!("bd-sum-why-{}", r.risk)} class="bd-sum-why">
                        <p class="bd-sum-why-title">{ format!("{}. {}", m.number, m.title) }</p>
                        <p class="bd-sum-small bd-muted">{ bank.risk(&r.risk).map(|x| x.description.get(lang)).unwrap_or("") }</p>
                        <p class="bd-sum-label">{ t.raised_by }</p>
                        <ul class="bd-sum-small">
                            for (c, _) in &r.raised_by {
                                <li>
                                    { cause_line(bank, lang, c) }
                                    if let Some(o) = cause_option(bank, c) {
                                        { cite::reasons(bank, lang, &o.provisions, &o.findings, Anchors::Summary) }
                                    }
                                </li>
                            }
                        </ul>
                        if !r.lowered_by.is_empty() {
                            <p class="bd-sum-label">{ t.lowered_by }</p>
                            <ul class="bd-sum-small">
                                for x in &r.lowered_by {
                                    <li>{ bank.safeguard(x).map(|g| g.title.get(lang)).unwrap_or(x) }</li>
                                }
                            </ul>
                        }
                    </div>
                }
            </>
        }
    };
    html! {
        <>
            { part("bd-sum-part bd-sum-map", "bd-sum-h-map", "2.", s.heatmap, s.heatmap_intro,
                heat_map(lang, &map)) }
            { part("bd-sum-part", "bd-sum-h-risks", RISKS_PART, s.risk_table, "", table) }
        </>
    }
}

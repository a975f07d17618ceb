//! Template section 4, risk assessment and management: the risks of non-default events (4.1.a),
//! the method (4.1.b), the risk map and the risk table (4.1.c), the measures and what they lower
//! (4.2.a), the residual risk (4.2.b) and the plan with status, owner and due date, editable on
//! screen, and what is left to find out (4.2.c).

use yew::prelude::*;

use super::cover::level_tag;
use super::fields::{self, PartProps};
use super::{plan, table_head};
use crate::domain::engine::Report;
use crate::i18n::{method, strings, summary, template, Get};
use crate::report::names::{effect_line, risk_title};
use crate::report::outline::{effect_rows, event_risks, Block, Outline};
use crate::ui::heatmap::{heat_map, MapRisk};

#[function_component]
pub fn RiskManagement(props: &PartProps) -> Html {
    let bank = crate::bank::bank();
    let lang = props.lang;
    let t = strings(lang);
    let s = summary::strings(lang);
    let tp = template::strings(lang);
    let (report, a) = (&*props.report, &*props.assessment);
    let o = Outline::new(bank, report, a);
    let raised = report.raised_worst_first();
    // Numbered worst first, as in the table and in 3.1.
    let map: Vec<MapRisk> = raised
        .iter()
        .enumerate()
        .map(|(i, r)| MapRisk {
            number: i + 1,
            title: risk_title(bank, lang, &r.risk),
            inherent: r.inherent,
            residual: r.residual,
            planned: r.planned,
        })
        .collect();
    let version = if bank.version.is_empty() { a.bank_version.clone() } else { bank.version.clone() };
    fields::section(lang, &o, "4", |b| match b {
        Block::EventRisks => {
            let events = event_risks(&raised);
            html! {
                if events.is_empty() {
                    <p>{ tp.no_event_risks }</p>
                } else {
                    <p>{ tp.event_risks_intro }</p>
                    <ul>
                        for (n, r) in events {
                            <li>{ format!("{n}. {} ", risk_title(bank, lang, &r.risk)) }{ level_tag(t, r.inherent.level()) }</li>
                        }
                    </ul>
                }
            }
        }
        Block::Method => html! {
            <div class="bd-sum-method bd-sum-small">
                for p in method::strings(lang).paragraphs.iter().take(4) { <p>{ *p }</p> }
                <p class="bd-muted">{ tp.method_source(&version) }</p>
            </div>
        },
        Block::RiskMap => html! {
            <>
                <p class="bd-muted bd-sum-small">{ s.heatmap_intro }</p>
                { heat_map(lang, &map) }
            </>
        },
        Block::RiskTable if raised.is_empty() => html! { <p>{ s.no_risks }</p> },
        Block::RiskTable => html! {
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
        },
        Block::Effects => {
            let rows = report.plan_rows(bank, &a.plan);
            let rows = effect_rows(&rows);
            html! {
                if rows.is_empty() {
                    <p>{ s.no_actions }</p>
                } else {
                    <p class="bd-muted bd-sum-small">{ tp.effects_intro }</p>
                    <table class="bd-sum-table bd-sum-effects">
                        { table_head(&["", "", "bd-sum-col-status"], &[s.safeguard, t.effect, t.status]) }
                        <tbody>
                            for row in rows {
                                <tr>
                                    <td>{ row.safeguard.title.get(lang) }</td>
                                    <td><ul class="bd-sum-small">
                                        for (rid, before, after) in row.recommendation.map(|r| r.effect.as_slice()).unwrap_or_default() {
                                            <li>{ effect_line(bank, lang, rid, *before, *after) }</li>
                                        }
                                    </ul></td>
                                    <td>{ t.status(a.plan.get(&row.safeguard.id).map(|p| p.status).unwrap_or_default()) }</td>
                                </tr>
                            }
                        </tbody>
                    </table>
                }
            }
        }
        Block::Residual => html! {
            <div data-testid="summary-score" class="bd-sum-scores">
                <p class="bd-muted bd-sum-small">{ tp.residual_intro }</p>
                <div class="bd-sum-score-side">
                    for (label, score) in [(t.inherent_score, report.inherent_score), (t.residual_score, report.residual_score), (t.planned_score, report.planned_score)] {
                        <span>
                            { label }{ ": " }<strong>{ format!("{score}/100") }</strong>{ " " }
                            { level_tag(t, Report::band(score)) }
                        </span>
                    }
                </div>
                if report.decision.high_risks.is_empty() {
                    <p>{ tp.residual_none }</p>
                } else {
                    <p>{ tp.residual_high }</p>
                    <ul>
                        for id in &report.decision.high_risks { <li>{ risk_title(bank, lang, id) }</li> }
                    </ul>
                }
            </div>
        },
        Block::Plan => html! {
            <plan::ActionPlan {lang} report={props.report.clone()} assessment={props.assessment.clone()}
                editable={props.editable} dispatch={props.dispatch.clone()} />
        },
        Block::FindOut => plan::find_out(lang, report),
        _ => html! {},
    })
}

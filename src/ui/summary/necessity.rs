//! Template section 3, necessity and proportionality: the impacts of the processing as designed
//! on rights and freedoms (3.1: each raised risk with the answers behind it, red lines,
//! contradictions), necessity (3.2) and proportionality (3.3).

use yew::prelude::*;

use super::fields::{self, PartProps};
use crate::i18n::{strings, Get};
use crate::report::names::risk_title;
use crate::report::outline::{Block, Outline};
use crate::ui::cite::{self, cause_line, cause_option, cause_text, Anchors};

#[function_component]
pub fn Necessity(props: &PartProps) -> Html {
    let bank = crate::bank::bank();
    let lang = props.lang;
    let t = strings(lang);
    let (report, a) = (&*props.report, &*props.assessment);
    let o = Outline::new(bank, report, a);
    let raised = report.raised_worst_first();
    fields::section(lang, &o, "3", |b| match b {
        Block::RiskCauses if raised.is_empty() => html! { <p>{ crate::i18n::summary::strings(lang).no_risks }</p> },
        Block::RiskCauses => html! {
            for (i, r) in raised.iter().enumerate() {
                <div id={format!("bd-sum-why-{}", r.risk)} class="bd-sum-why">
                    <p class="bd-sum-why-title">{ format!("{}. {}", i + 1, risk_title(bank, lang, &r.risk)) }</p>
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
        },
        Block::RedLines if !report.red_lines.is_empty() => html! {
            <div class="bd-sum-redlines">
                <p class="bd-sum-label">{ t.red_lines }</p>
                <ul>
                    for c in &report.red_lines {
                        <li>
                            <p>{ cause_line(bank, lang, c) }</p>
                            <p>{ cause_option(bank, c).and_then(|o| o.red_line.as_ref()).map(|r| r.get(lang)).unwrap_or("") }</p>
                            if let Some(o) = cause_option(bank, c) {
                                { cite::reasons(bank, lang, &o.provisions, &o.findings, Anchors::Summary) }
                            }
                        </li>
                    }
                </ul>
            </div>
        },
        Block::Contradictions if !report.contradictions.is_empty() => html! {
            <div class="bd-sum-conflicts">
                <p class="bd-sum-label">{ t.decision_conflicts }</p>
                <ul class="bd-sum-small">
                    for c in &report.contradictions {
                        <li>{ cause_line(bank, lang, &c.first) }{ " · " }{ cause_line(bank, lang, &c.second) }
                            if !c.declared { { " · " }{ t.decision_exclusive(lang.quote(&cause_text(bank, lang, &c.first).1)) } }
                        </li>
                    }
                </ul>
            </div>
        },
        _ => html! {},
    })
}

//! Template section 0, overview of the processing: the controller and processors (0.1, 0.2), the
//! name (0.3), the planning (0.4) and the DPIA technical sheet (0.5: screening, versions).

use yew::prelude::*;

use super::fields::{self, PartProps};
use crate::i18n::{strings, summary, template};
use crate::report::outline::{Block, Outline};
use crate::ui::cite::{self, cause_line};

#[function_component]
pub fn Overview(props: &PartProps) -> Html {
    let bank = crate::bank::bank();
    let lang = props.lang;
    let t = strings(lang);
    let s = summary::strings(lang);
    let tp = template::strings(lang);
    let (report, a) = (&*props.report, &*props.assessment);
    let o = Outline::new(bank, report, a);
    let dash = |v: &str| if v.trim().is_empty() { "—".to_string() } else { v.trim().to_string() };
    fields::section(lang, &o, "0", |b| match b {
        Block::Organisation => html! {
            <dl class="bd-sum-meta"><dt>{ s.organisation_label }</dt><dd>{ dash(&a.organisation) }</dd></dl>
        },
        Block::Name => html! {
            <dl class="bd-sum-meta">
                <dt>{ s.title_label }</dt><dd>{ if a.title.trim().is_empty() { s.untitled.to_string() } else { a.title.clone() } }</dd>
                <dt>{ tp.revision }</dt><dd>{ a.revision }</dd>
            </dl>
        },
        Block::Screening => html! {
            <div class="bd-sum-screening">
                <p class="bd-sum-label">{ t.screening }</p>
                <p>{ if report.screening.required { t.dpia_required } else { t.dpia_not_indicated } }</p>
                if !report.screening.mandatory_by.is_empty() {
                    <p class="bd-sum-label">{ t.mandatory_because }</p>
                    <ul class="bd-sum-small">
                        for c in &report.screening.mandatory_by { <li>{ cause_line(bank, lang, c) }</li> }
                    </ul>
                }
                if !report.screening.criteria.is_empty() {
                    <div class="bd-sum-criteria">
                        <p>{ t.wp248_met_by }</p>
                        { cite::criteria_list(bank, lang, &report.screening.criteria) }
                    </div>
                }
            </div>
        },
        Block::Versions => html! {
            <div class="bd-sum-versions-log">
                <p class="bd-sum-label">{ tp.version_log }</p>
                if a.versions.is_empty() {
                    <p>{ tp.no_versions }</p>
                } else {
                    <ul>
                        for v in &a.versions {
                            <li>{ crate::ui::signing::signed_line(lang, v) }{ " · " }
                                <code class="bd-fingerprint">{ v.fingerprint.get(..16).unwrap_or(&v.fingerprint).to_string() }</code></li>
                        }
                    </ul>
                }
                <dl class="bd-sum-meta">
                    <dt>{ tp.last_change }</dt><dd>{ dash(&t.date(a.updated.get(..10).unwrap_or(&a.updated))) }</dd>
                </dl>
            </div>
        },
        _ => html! {},
    })
}

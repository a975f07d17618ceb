//! How a template section of the outline (`report::outline`) is rendered: its headings (h3 for a
//! section, h4 for "2.1", h5 for "2.1.a"), under each field the answers mapped to it and then
//! its blocks, which the section's component renders. Used by every section component.

use yew::prelude::*;

use super::cover::free_text;
use crate::domain::answers::Answer;
use crate::domain::model::Question;
use crate::i18n::{summary, template, Get, Lang};
use crate::persist::assessment::Assessment;
use crate::report::names::chosen_labels;
use crate::report::outline::{self, Block, Entry, Outline};
use crate::ui::Shared;

/// The props of a template section: what it reads is compared (see [`reads`]).
#[derive(Properties, Clone)]
pub struct PartProps {
    pub lang: Lang,
    pub report: Shared<crate::domain::engine::Report>,
    pub assessment: Shared<Assessment>,
    #[prop_or_default]
    pub editable: bool,
    pub dispatch: crate::ui::Dispatch,
}

/// What the sections read of an assessment: the answers, the plan, the decision record, the
/// details and the versions (not the review, which they never show).
fn reads(a: &Assessment) -> impl PartialEq + '_ {
    (&a.answers, &a.plan, &a.signoff, &a.title, &a.organisation, a.revision, &a.versions, &a.updated)
}

impl PartialEq for PartProps {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && self.editable == other.editable
            && self.dispatch == other.dispatch
            // The report's `Rc` changes exactly when its value does (`state::State`).
            && self.report == other.report
            && (self.assessment == other.assessment || reads(&self.assessment) == reads(&other.assessment))
    }
}

/// The id of a heading ("bd-sum-h-2-3-e").
pub fn heading_id(number: &str) -> String {
    format!("bd-sum-h-{}", number.replace('.', "-"))
}

/// A heading of the outline, at its depth.
fn heading(lang: Lang, number: &'static str) -> Html {
    let id = heading_id(number);
    let text = outline::title(lang, number);
    match outline::depth(number) {
        1 => html! { <h3 {id} class="bd-sum-tpl-section">{ text }</h3> },
        2 => html! { <h4 {id}>{ text }</h4> },
        _ => html! { <h5 {id}>{ text }</h5> },
    }
}

/// An answer as the report prints it: text as written, a table as a table, the chosen options.
pub fn answer(lang: Lang, q: &Question, a: &Answer) -> Html {
    match a {
        Answer::Text(x) => free_text(x),
        Answer::Table(rows) => crate::ui::table::printed(q, rows, lang),
        x @ Answer::Multi(_) => html! {
            <ul>
                for l in chosen_labels(q, x, lang) { <li>{ l }</li> }
            </ul>
        },
        x => html! { <span>{ chosen_labels(q, x, lang).join(", ") }</span> },
    }
}

/// One question under a field (or in the annex of the remaining answers).
pub fn entry(lang: Lang, e: &Entry) -> Html {
    let s = summary::strings(lang);
    let tp = template::strings(lang);
    let q = e.question();
    let value = match e {
        Entry::Answered(q, a) => answer(lang, q, a),
        Entry::NotAnswered(_) => html! { <span class="bd-muted">{ s.not_answered }</span> },
        Entry::InRecord(_) => html! { <span class="bd-muted">{ tp.in_record }</span> },
        Entry::See(_, at) => html! { <span class="bd-muted">{ tp.see_field(at) }</span> },
    };
    html! {
        <div class="bd-sum-qa" data-question={q.id.clone()}>
            <dt class="bd-sum-q">{ q.text.get(lang) }</dt>
            <dd>{ value }</dd>
        </div>
    }
}

/// A template section ("0" to "6") of `o`: each heading, each field's answers, then its blocks
/// as `block` renders them.
pub fn section(lang: Lang, o: &Outline, number: &str, block: impl Fn(Block) -> Html) -> Html {
    let tp = template::strings(lang);
    html! {
        <section aria-labelledby={heading_id(number)} class="bd-sum-part bd-sum-tpl" data-section={number.to_string()}>
            for node in o.section(number) {
                { heading(lang, node.number) }
                if let Some(c) = &node.content {
                    <div class="bd-sum-field" data-field={node.number}>
                        if c.not_asked() {
                            <p class="bd-muted" data-testid="not-asked">{ tp.not_asked }</p>
                        }
                        for g in node.groups() {
                            if let Some(key) = g.key {
                                <h6 class="bd-sum-group-head">{ tp.right(key) }</h6>
                                if g.entries.is_empty() {
                                    <p class="bd-muted">{ tp.right_none }</p>
                                }
                            }
                            if !g.entries.is_empty() {
                                <dl class="bd-sum-answers">
                                    for e in g.entries { { entry(lang, e) } }
                                </dl>
                            }
                        }
                        for b in c.blocks { { block(*b) } }
                    </div>
                }
            }
        </section>
    }
}

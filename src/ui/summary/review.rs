//! The summary's annex "review comments" (after section 6): the review comments (issue 16 item 1), every thread by what it is
//! about, in bank order (`persist::review::by_target`), open or resolved, with the replies; then
//! the comments on what the form no longer has (`persist::review::orphans`). Printed; a row of
//! the document table of its own, and nothing at all while the assessment has no comment.

use yew::prelude::*;

use super::part;
use crate::i18n::review::strings;
use crate::i18n::Lang;
use crate::persist::assessment::Assessment;
use crate::persist::review::{self, Thread};
use crate::report::names::target_title;
use crate::ui::review::{comment, state_badge};
use crate::ui::Shared;

#[derive(Properties)]
pub struct ReviewPartProps {
    pub lang: Lang,
    /// Only its comments are read (and compared).
    pub assessment: Shared<Assessment>,
}

impl PartialEq for ReviewPartProps {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && (self.assessment == other.assessment
                || self.assessment.review.comments == other.assessment.review.comments)
    }
}

fn threads(lang: Lang, list: &[Thread]) -> Html {
    let t = strings(lang);
    html! {
        <ol class="bd-sum-threads">
            for th in list {
                <li class="bd-sum-thread" data-testid="summary-thread" data-state={if th.resolved { "resolved" } else { "open" }}>
                    <p class="bd-thread-state">{ state_badge(t, th.resolved) }</p>
                    <ol class="bd-comments">
                        for c in std::iter::once(th.first).chain(th.replies.iter().copied()) {
                            <li class="bd-comment">{ comment(t, lang, c) }</li>
                        }
                    </ol>
                </li>
            }
        </ol>
    }
}

#[function_component]
pub fn ReviewPart(props: &ReviewPartProps) -> Html {
    let lang = props.lang;
    let bank = crate::bank::bank();
    let t = strings(lang);
    let r = &props.assessment.review;
    let all = review::threads(r, None);
    if all.is_empty() {
        return html! {};
    }
    let open = all.iter().filter(|th| !th.resolved).count();
    let by_target = review::by_target(bank, r);
    let orphans = review::orphans(bank, r);
    let body = html! {
        <>
            <p class="bd-sum-small" data-testid="summary-review-counts">{ t.counts(open, all.len() - open) }</p>
            for (target, list) in &by_target {
                <section class="bd-sum-review-target" data-testid="summary-review-target"
                    data-target={target.id().to_string()}>
                    <h4>{ format!("{}: {}", t.kind(target), target_title(bank, lang, target)) }</h4>
                    { threads(lang, list) }
                </section>
            }
            if !orphans.is_empty() {
                <section class="bd-sum-review-target" data-testid="summary-review-orphans">
                    <h4>{ t.orphans_title }</h4>
                    for th in &orphans {
                        <p class="bd-sum-small">{ format!("{}: {}", t.kind(&th.first.on), t.orphan(th.first.on.id())) }</p>
                        { threads(lang, std::slice::from_ref(th)) }
                    }
                </section>
            }
        </>
    };
    html! {
        <tr class="bd-sum-row" data-testid="summary-review"><td class="bd-sum-doc-body">
            { part("bd-sum-part bd-sum-review", "bd-sum-h-review", "", t.part_title, t.part_intro, body) }
        </td></tr>
    }
}

//! The reviewer's comments and evaluations in the views (issue 16 item 1): [`ReviewThread`], the
//! threads on one question, section, risk or measure, collapsed behind a button that counts the
//! open ones, with the forms to comment (with an optional evaluation), reply, mark resolved and
//! reopen. The rules are `persist::review`'s (`add_comment`, `check_draft`, `threads`,
//! `status`); the name typed once per browser is `State::reviewer`.
//!
//! Comments can be added to a signed (frozen) revision too: a reviewer comments on the signed
//! version, and comments are not part of the signed content (`persist::version::Content`), so
//! they change no fingerprint and start no revision.

use yew::prelude::*;

use super::state::{Action, NewComment};
use super::{Dispatch, Shared, BTN, PRIMARY};
use crate::i18n::review::{strings, ReviewStrings};
use crate::i18n::{isolate, Lang};
use crate::persist::assessment::{Assessment, MAX_META_LEN};
use crate::persist::review::{self, Comment, CommentError, Draft, Evaluation, Target, Thread, MAX_COMMENT_LEN};

#[derive(Properties)]
pub struct ReviewProps {
    pub lang: Lang,
    pub target: Target,
    /// What the target is called (a question's text, a risk's title), for screen readers.
    pub about: &'static str,
    /// Only the comments on `target` and whether it is frozen are read (and compared).
    pub assessment: Shared<Assessment>,
    /// The name typed once per browser (`State::reviewer`).
    pub reviewer: AttrValue,
    pub dispatch: Dispatch,
    /// Opened when first rendered (made by the collapsed button of [`slot`]).
    #[prop_or_default]
    pub open: bool,
}

/// Rendered again only when the comments on its own target change (an answer does not).
impl PartialEq for ReviewProps {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && self.target == other.target
            && std::ptr::eq(self.about, other.about)
            && self.reviewer == other.reviewer
            && self.dispatch == other.dispatch
            && self.open == other.open
            && self.assessment.frozen() == other.assessment.frozen()
            && (self.assessment == other.assessment
                || review::comments_on(&self.assessment.review, &self.target)
                    .eq(review::comments_on(&other.assessment.review, &other.target)))
    }
}

/// Why the last press of a form's button sent nothing.
#[derive(Clone, Debug, PartialEq)]
enum Refusal {
    /// No name typed yet.
    NoName,
    Comment(CommentError),
}

/// A form's last refusal: which form (`""` the new comment, else the thread's first comment id).
type Refused = UseStateHandle<Option<(String, Refusal)>>;

/// The `data-target` and element id part of a target: `question-q_purpose`.
fn dom_key(t: &Target) -> String {
    let kind = match t {
        Target::Question(_) => "question",
        Target::Section(_) => "section",
        Target::Risk(_) => "risk",
        Target::Measure(_) => "measure",
    };
    format!("{kind}-{}", t.id())
}

fn value_of(node: &NodeRef) -> String {
    node.get()
        .and_then(|n| js_sys::Reflect::get(&n, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

fn set_value(node: &NodeRef, value: &str) {
    if let Some(n) = node.get() {
        let _ = js_sys::Reflect::set(&n, &"value".into(), &value.into());
    }
}

fn focus(node: &NodeRef) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// What every button of one thread view needs to send a comment.
#[derive(Clone)]
struct Sender {
    dispatch: Dispatch,
    target: Target,
    name: NodeRef,
    refused: Refused,
}

impl Sender {
    /// Sends what the form holds: the text of `text`, the evaluation chosen in `evaluation`
    /// (a new comment), and `resolves`; refused (with the reason, and focus on the field to
    /// fix) without a name or when `review::check_draft` refuses it.
    fn on_press(
        &self,
        reply_to: String,
        text: NodeRef,
        evaluation: Option<NodeRef>,
        resolves: Option<bool>,
    ) -> Callback<MouseEvent> {
        let s = self.clone();
        Callback::from(move |_| {
            let author = value_of(&s.name).trim().to_string();
            if author.is_empty() {
                s.refused.set(Some((reply_to.clone(), Refusal::NoName)));
                focus(&s.name);
                return;
            }
            let chosen = evaluation.as_ref().map(value_of).unwrap_or_default();
            let evaluation_chosen = Evaluation::ALL.into_iter().find(|e| e.key() == chosen);
            let draft = Draft { text: value_of(&text), evaluation: evaluation_chosen, resolves };
            if let Err(e) = review::check_draft(&draft) {
                s.refused.set(Some((reply_to.clone(), Refusal::Comment(e))));
                focus(&text);
                return;
            }
            s.dispatch.dispatch(Action::SetReviewer(author.clone()));
            s.dispatch.dispatch(Action::Comment(Box::new(NewComment {
                id: crate::storage::random_id(),
                at: crate::storage::now_iso(),
                author,
                on: s.target.clone(),
                reply_to: reply_to.clone(),
                draft,
            })));
            s.refused.set(None);
            set_value(&text, "");
            if let Some(e) = &evaluation {
                set_value(e, "");
            }
        })
    }
}

/// The targets whose (empty) threads were asked for in a view: see [`slot`].
#[derive(Clone, PartialEq)]
pub struct Asked(UseStateHandle<Vec<Target>>);

/// What [`slot`] needs to remember which collapsed buttons were pressed (once per view).
#[hook]
pub fn use_asked() -> Asked {
    Asked(use_state_eq(Vec::new))
}

/// The review threads of one target, as cheaply as possible: a target without comments gets
/// only the collapsed button (plain markup, no component), which creates the [`ReviewThread`],
/// open, when pressed; a target with comments (or asked for) gets the component.
pub fn slot(asked: &Asked, props: ReviewProps) -> Html {
    let wanted = asked.0.contains(&props.target);
    if wanted || review::comments_on(&props.assessment.review, &props.target).next().is_some() {
        return html! { <ReviewThread open={wanted} ..props /> };
    }
    let onclick = {
        let (asked, target) = (asked.0.clone(), props.target.clone());
        Callback::from(move |_| {
            let mut v = (*asked).clone();
            v.push(target.clone());
            asked.set(v);
        })
    };
    let t = strings(props.lang);
    collapsed(dom_key(&props.target), toggle(t, t.toggle_empty.to_string(), None, false, None, props.about, onclick))
}

/// The collapsed block: the toggle, and an empty place where the open block has its body (Yew
/// matches children without keys from the end: without it, closing would replace the button
/// that has the focus).
fn collapsed(key: String, toggle: Html) -> Html {
    html! { <div class="bd-review bd-noprint" data-testid="review" data-target={key}>{ toggle }{ Html::default() }</div> }
}

/// The button that opens and closes the threads on a target, labelled with their count.
fn toggle(
    t: &ReviewStrings,
    label: String,
    evaluation: Option<Evaluation>,
    open: bool,
    controls: Option<String>,
    about: &str,
    onclick: Callback<MouseEvent>,
) -> Html {
    html! {
        <button type="button" class="bd-btn bd-review-toggle" data-testid="review-toggle"
            aria-expanded={open.to_string()} aria-controls={controls} {onclick}>
            { label }
            if let Some(e) = evaluation { { " " }{ badge(t, e) } }
            <span class="bd-sr">{ format!(" ({} {})", t.about, about) }</span>
        </button>
    }
}

/// The threads on one target, collapsed behind a button with the count of open ones.
#[function_component]
pub fn ReviewThread(props: &ReviewProps) -> Html {
    let lang = props.lang;
    let t = strings(lang);
    let open = use_state_eq(|| props.open);
    let refused: Refused = use_state_eq(|| None);
    let name = use_node_ref();
    let text = use_node_ref();
    let evaluation = use_node_ref();
    // Focus goes to the new comment's field when the threads open.
    {
        let text = text.clone();
        use_effect_with(*open, move |open| {
            if *open {
                focus(&text);
            }
        });
    }
    let key = dom_key(&props.target);
    let body_id = format!("bd-rv-{key}");
    let review = &props.assessment.review;
    let status = review::status(review, &props.target);
    let label = if status.open > 0 {
        t.toggle_open(status.open)
    } else if status.resolved > 0 {
        t.toggle_resolved(status.resolved)
    } else {
        t.toggle_empty.to_string()
    };
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let toggle = toggle(t, label, status.evaluation, *open, (*open).then(|| body_id.clone()), props.about, ontoggle);
    if !*open {
        return collapsed(key, toggle);
    }
    let sender = Sender {
        dispatch: props.dispatch.clone(),
        target: props.target.clone(),
        name: name.clone(),
        refused: refused.clone(),
    };
    let error_here = |form: &str| match &*refused {
        Some((f, Refusal::Comment(e))) if f == form => Some(e.clone()),
        _ => None,
    };
    let no_name = matches!(&*refused, Some((_, Refusal::NoName)));
    let name_id = format!("bd-rv-{key}-name");
    let name_help = format!("{name_id}-help");
    let name_error = format!("{name_id}-error");
    let onname = super::on_value::<Event>(&props.dispatch, Action::SetReviewer);
    let threads = review::threads(review, Some(&props.target));
    let text_id = format!("bd-rv-{key}-text");
    let new_error = error_here("");
    html! {
        <div class="bd-review bd-review-open bd-noprint" data-testid="review" data-target={key.clone()}>
            { toggle }
            <div class="bd-review-body" id={body_id}>
                if props.assessment.frozen() { <p class="bd-muted bd-review-frozen">{ t.frozen_note }</p> }
                for th in threads.iter() {
                    { thread(t, lang, &key, th, &sender, error_here(&th.first.id)) }
                }
                <div class="bd-review-new">
                    <div class="bd-review-field">
                        <label for={name_id.clone()}>{ t.name_label }</label>
                        <input id={name_id} type="text" autocomplete="name" maxlength={MAX_META_LEN.to_string()}
                            value={props.reviewer.clone()} ref={name} onchange={onname} data-testid="review-name"
                            aria-invalid={no_name.then_some("true")}
                            aria-describedby={if no_name { format!("{name_help} {name_error}") } else { name_help.clone() }} />
                        <p class="bd-muted bd-review-hint" id={name_help}>{ t.name_hint }</p>
                        if no_name { <p class="bd-error" role="alert" id={name_error} data-testid="review-error">{ t.name_missing }</p> }
                    </div>
                    <div class="bd-review-field">
                        <label for={text_id.clone()}>{ t.comment_label }</label>
                        { text_area(t, &text_id, &text, Some(t.comment_hint), new_error.as_ref(), false) }
                    </div>
                    <div class="bd-review-field">
                        <label for={format!("bd-rv-{key}-eval")}>{ t.evaluation_label }</label>
                        <select id={format!("bd-rv-{key}-eval")} ref={evaluation.clone()} data-testid="review-evaluation">
                            <option value="">{ t.evaluation_none }</option>
                            for e in Evaluation::ALL { <option value={e.key()}>{ t.evaluation(e) }</option> }
                        </select>
                    </div>
                    <div class="bd-review-buttons">
                        <button type="button" class={PRIMARY} data-testid="review-add"
                            onclick={sender.on_press(String::new(), text.clone(), Some(evaluation.clone()), None)}>{ t.add }</button>
                    </div>
                </div>
            </div>
        </div>
    }
}

/// A text area of a review form, with its hint and its refusal (if any) as its description.
fn text_area(
    t: &ReviewStrings,
    id: &str,
    node: &NodeRef,
    hint: Option<&'static str>,
    error: Option<&CommentError>,
    reply: bool,
) -> Html {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described: Vec<&str> =
        [hint.map(|_| hint_id.as_str()), error.map(|_| error_id.as_str())].into_iter().flatten().collect();
    html! {
        <>
            if let Some(h) = hint { <p class="bd-muted bd-review-hint" id={hint_id.clone()}>{ h }</p> }
            <textarea id={id.to_string()} ref={node.clone()} rows="3" maxlength={MAX_COMMENT_LEN.to_string()}
                data-testid={if reply { "review-reply-text" } else { "review-text" }}
                aria-invalid={error.map(|_| "true")}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))} />
            if let Some(e) = error {
                <p class="bd-error" role="alert" id={error_id} data-testid="review-error">{ t.comment_error(e, reply) }</p>
            }
        </>
    }
}

/// An evaluation as a badge ("To correct").
fn badge(t: &ReviewStrings, e: Evaluation) -> Html {
    html! { <span class={format!("bd-eval bd-eval-{}", e.key())} data-testid="evaluation">{ t.evaluation(e) }</span> }
}

/// One comment: who and when, its evaluation, its text, a change of resolution.
pub fn comment(t: &ReviewStrings, lang: Lang, c: &Comment) -> Html {
    html! {
        <>
            <p class="bd-comment-head">
                <span class="bd-comment-by">{ crate::report::names::comment_by(lang, c, isolate) }</span>
                if let Some(e) = c.evaluation { { " " }{ badge(t, e) } }
            </p>
            if !c.text.is_empty() { <p class="bd-comment-text">{ c.text.clone() }</p> }
            if let Some(r) = c.resolves {
                <p class="bd-muted bd-comment-resolves">{ if r { t.marked_resolved } else { t.reopened } }</p>
            }
        </>
    }
}

/// A thread's state as a badge ("Open", "Resolved").
pub fn state_badge(t: &ReviewStrings, resolved: bool) -> Html {
    html! {
        <span class={if resolved { "bd-badge bd-thread-resolved" } else { "bd-badge bd-thread-open" }} data-testid="thread-state">
            { if resolved { t.resolved } else { t.open } }
        </span>
    }
}

/// One thread with its reply form and the button that resolves or reopens it.
fn thread(t: &ReviewStrings, lang: Lang, key: &str, th: &Thread, sender: &Sender, error: Option<CommentError>) -> Html {
    let first = th.first;
    let reply_id = format!("bd-rv-{key}-reply-{}", first.id);
    // A reply whose first comment is missing is shown alone, and answered as its own thread.
    let root = if first.reply_to.is_empty() { first.id.clone() } else { first.reply_to.clone() };
    let reply_text = NodeRef::default();
    html! {
        <article class={if th.resolved { "bd-thread bd-thread-is-resolved" } else { "bd-thread" }} data-testid="thread"
            data-state={if th.resolved { "resolved" } else { "open" }} key={first.id.clone()}>
            <p class="bd-thread-state">{ state_badge(t, th.resolved) }</p>
            <ol class="bd-comments">
                for c in std::iter::once(first).chain(th.replies.iter().copied()) {
                    <li class="bd-comment" data-testid="comment">{ comment(t, lang, c) }</li>
                }
            </ol>
            if first.reply_to.is_empty() {
                <div class="bd-review-field">
                    <label for={reply_id.clone()}>{ t.reply_label }</label>
                    { text_area(t, &reply_id, &reply_text, None, error.as_ref(), true) }
                </div>
                <div class="bd-review-buttons">
                    <button type="button" class={BTN} data-testid="review-reply"
                        onclick={sender.on_press(root.clone(), reply_text.clone(), None, None)}>{ t.reply }</button>
                    <button type="button" class={BTN} data-testid={if th.resolved { "review-reopen" } else { "review-resolve" }}
                        onclick={sender.on_press(root, reply_text.clone(), None, Some(!th.resolved))}>
                        { if th.resolved { t.reopen } else { t.resolve } }
                    </button>
                </div>
            }
        </article>
    }
}

//! The Yew user interface: views that render [`state::State`]. They compute no risk: every
//! number and verdict comes from `domain::engine` through the reducer.
//!
//! Only [`App`] and the summary are components; the other views are plain functions that `App`
//! calls (each component type costs its own copy of Yew's component code in the Wasm), with
//! their state and effects in `App`'s hooks. The helpers below exist for the same reason: one
//! out-of-line copy of a button's markup, one closure type per kind of event.

pub mod app;
pub mod cite;
pub mod doc;
pub mod heatmap;
pub mod manager;
pub mod method;
pub mod mount;
pub mod questions;
pub mod results;
pub mod state;
pub mod summary;

pub use app::{App, Config};

use yew::prelude::*;

use crate::domain::answers::{Answer, PlanItem, Status};
use crate::i18n::Lang;

/// A `<button type="button">`; what is not given is left out of the markup.
#[derive(Default)]
pub struct Button<'a> {
    /// `bd-btn`, `bd-btn bd-primary`, ... (none when empty).
    pub class: &'static str,
    pub testid: Option<&'static str>,
    pub id: Option<String>,
    pub disabled: bool,
    pub node_ref: Option<&'a NodeRef>,
    pub aria_current: Option<&'static str>,
    pub label: &'a str,
    /// Text for screen readers only, after the label (e.g. which assessment it acts on).
    pub sr: Option<&'a str>,
}

pub const BTN: &str = "bd-btn";
pub const PRIMARY: &str = "bd-btn bd-primary";
pub const DANGER: &str = "bd-btn bd-danger";

/// Renders a [`Button`] (kept out of line: one copy of the markup code for every button).
#[inline(never)]
pub fn button(b: Button<'_>, onclick: Callback<MouseEvent>) -> Html {
    html! {
        <button type="button" class={b.class} id={b.id} data-testid={b.testid} disabled={b.disabled}
            ref={b.node_ref.cloned().unwrap_or_default()} aria-current={b.aria_current} {onclick}>
            { b.label }
            if let Some(sr) = b.sr { <span class="bd-sr">{ sr }</span> }
        </button>
    }
}

/// A card: `<section>` labelled by its `<h3>` (with id `id`), then `body`.
#[inline(never)]
pub fn card(
    class: &'static str,
    id: &'static str,
    title: &'static str,
    testid: Option<&'static str>,
    body: Html,
) -> Html {
    html! {
        <section {class} aria-labelledby={id} data-testid={testid}>
            <h3 {id}>{ title }</h3>
            { body }
        </section>
    }
}

/// What a control's `change` event edits.
pub enum Edit {
    /// The language select.
    Lang,
    /// An option of a question: question id, option id, multiple choice.
    Choice(String, String, bool),
    /// A field of a safeguard's action plan: safeguard id, the plan item as rendered, which field.
    Plan(String, PlanItem, PlanField),
}

/// A field of a safeguard's action plan.
#[derive(Clone, Copy)]
pub enum PlanField {
    Status,
    Owner,
    Due,
}

/// The `change` handler of a control (one closure type for all of them).
pub fn on_change(state: &UseReducerHandle<state::State>, edit: Edit) -> Callback<Event> {
    use state::Action;
    let state = state.clone();
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let select = || e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        let action = match &edit {
            Edit::Lang => match Lang::parse(&select()) {
                Some(l) => Action::SetLang(l),
                None => return,
            },
            Edit::Choice(q, o, true) => Action::Toggle(q.clone(), o.clone(), input.checked()),
            Edit::Choice(q, o, false) => Action::Answer(q.clone(), Answer::Choice(o.clone())),
            Edit::Plan(sid, item, field) => {
                let mut item = item.clone();
                match field {
                    PlanField::Status => {
                        item.status = match select().as_str() {
                            "in_place" => Status::InPlace,
                            "planned" => Status::Planned,
                            _ => Status::NotPlanned,
                        }
                    }
                    PlanField::Owner => item.owner = input.value().chars().take(200).collect(),
                    PlanField::Due => item.due = input.value(),
                }
                Action::SetPlan(sid.clone(), item)
            }
        };
        state.dispatch(action);
    })
}

/// What a navigation button does.
#[derive(Clone, Copy)]
pub enum Nav {
    Goto(state::Step),
    Back,
    Next,
    DismissNotice,
}

/// The click handler of a navigation button (one closure type for all of them).
pub fn send(state: &UseReducerHandle<state::State>, nav: Nav) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_| {
        state.dispatch(match nav {
            Nav::Goto(step) => state::Action::Goto(step),
            Nav::Back => state::Action::Back,
            Nav::Next => state::Action::Next,
            Nav::DismissNotice => state::Action::Notice(None),
        })
    })
}

/// Focuses `node` after the first render and after every render in which `key` changed,
/// unless `key` is 0 (headings when a step opens, the Undo button when it appears). One hook,
/// so that the effect code exists once in the Wasm.
#[hook]
pub fn use_focus(node: &NodeRef, key: usize) {
    let node = node.clone();
    use_effect_with(key, move |key| {
        if *key != 0 {
            if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// Mounts one widget into every host element on the page (see [`mount`]: `[data-biodpia]`
/// elements, in the shadow root that web/embed.js prepared, or `#biodpia` on the widget's own
/// page), reading the options `data-lang`, `data-org`, `data-namespace`, `data-theme`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    mount::start();
}

#[cfg(not(target_arch = "wasm32"))]
pub fn start() {
    eprintln!("biodpia is a browser widget: build it with `trunk build` (see README.md).");
}

//! The Yew user interface: function components that render [`state::State`]. They compute no
//! risk and decide nothing: every number, verdict, order and count comes from `domain` (the
//! engine, and `domain::present` for what the views show of a report).
//!
//! Each component takes the smallest props it needs (a question and its answer, not the whole
//! state), compared cheaply (bank items and shared values by address, see [`Ref`] and
//! [`Shared`]), so that Yew renders again only what changed: an answer renders its question,
//! the live risk indicator and the navigation counters again, not the rest of the app.

pub mod actions;
pub mod app;
pub mod cite;
pub mod decision;
pub mod heatmap;
pub mod manager;
pub mod messages;
pub mod method;
pub mod mount;
pub mod persistence;
pub mod platform;
pub mod proposals;
pub mod questions;
pub mod results;
pub mod review;
pub mod signing;
pub mod state;
pub mod summary;
pub mod table;
pub mod widget;

pub use app::{App, Config};

use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

use state::{Action, State};

/// Sends actions to the one reducer (stable across renders, so it never counts as a change of
/// props).
pub type Dispatch = UseReducerDispatcher<State>;

/// A bank item, compared by address (the bank is one `&'static` value).
pub struct Ref<T: 'static>(pub &'static T);

impl<T> Clone for Ref<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Ref<T> {}
impl<T> PartialEq for Ref<T> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}
impl<T> Deref for Ref<T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.0
    }
}

/// A value the reducer shares with the views, compared by address: the reducer makes a new
/// `Rc` exactly when the value changed (see `state::State`).
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}
impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}
impl<T> From<&Rc<T>> for Shared<T> {
    fn from(rc: &Rc<T>) -> Self {
        Shared(rc.clone())
    }
}

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

/// Renders a [`Button`].
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

/// A click handler that sends `action`.
pub fn send(dispatch: &Dispatch, action: impl Fn() -> Action + 'static) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_| dispatch.dispatch(action()))
}

/// An `input` or `change` handler that sends what `action` makes of the new value of the
/// input, textarea or select that fired it.
pub fn on_value<E: AsRef<Event> + 'static>(
    dispatch: &Dispatch,
    action: impl Fn(String) -> Action + 'static,
) -> Callback<E> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: E| {
        let value = e
            .as_ref()
            .target()
            .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        dispatch.dispatch(action(value));
    })
}

/// Focuses `node` after the first render and after every render in which `key` changed,
/// unless `key` is 0 (headings when a step opens, the Undo button when it appears).
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

/// Opens the browser's print dialog (nothing natively).
pub fn print() {
    #[cfg(target_arch = "wasm32")]
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
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

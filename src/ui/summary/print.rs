//! The hidden print copy of the summary on every step but the summary itself, so that printing
//! from anywhere prints the summary. It is brought up to date when it is needed, not on every
//! answer:
//! - before the browser prints (`beforeprint`, which Ctrl+P, the browser's menu and
//!   `window.print()` fire; Yew renders in a microtask, which runs before the print layout);
//! - when a print button asks (`State::print_requests`): brought up to date, then printed;
//! - when the browser is idle for a while after a change (a fallback for browsers that lay out
//!   the printout before running that microtask).

use std::cell::{Cell, RefCell};

use yew::prelude::*;

use crate::i18n::Lang;

use super::Summary;
use crate::domain::engine::Report;
use crate::persist::assessment::Assessment;
use crate::ui::{Dispatch, Shared};

/// How long the copy may lag behind after the last change before it is brought up to date
/// when the browser is idle, in milliseconds.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub const IDLE_AFTER_MS: u32 = 2000;

#[derive(Properties, PartialEq, Clone)]
pub struct PrintCopyProps {
    pub lang: Lang,
    pub assessment: Shared<Assessment>,
    pub report: Shared<Report>,
    /// `State::print_requests`: when it changes, the copy is brought up to date and printed.
    pub requests: u32,
    /// False on the summary step, whose own summary prints.
    pub active: bool,
    pub dispatch: Dispatch,
}

/// What the copy shows.
#[derive(Clone, PartialEq)]
struct Snapshot {
    lang: Lang,
    assessment: Shared<Assessment>,
    report: Shared<Report>,
}

impl Snapshot {
    fn of(p: &PrintCopyProps) -> Snapshot {
        Snapshot { lang: p.lang, assessment: p.assessment.clone(), report: p.report.clone() }
    }
}

/// What the listeners and timers share with the component.
#[derive(Default)]
struct Lazy {
    /// The summary as it is rendered (`None` until first needed).
    shown: RefCell<Option<Snapshot>>,
    /// The current assessment, for the listeners.
    latest: RefCell<Option<Snapshot>>,
    /// Bring `shown` up to date at the next render.
    due: Cell<bool>,
    /// The print request last handled.
    request: Cell<u32>,
}

#[function_component]
pub fn PrintCopy(props: &PrintCopyProps) -> Html {
    let lazy = use_memo((), |_| Lazy { request: Cell::new(props.requests), ..Lazy::default() });
    let refresh = use_force_update();
    let now = Snapshot::of(props);
    lazy.latest.replace(Some(now.clone()));
    let requested = lazy.request.replace(props.requests) != props.requests;
    if props.active && (requested || lazy.due.take()) {
        lazy.shown.replace(Some(now.clone()));
    }

    // Before printing: render now (the print layout waits for the render's microtask).
    {
        let (lazy, refresh) = (lazy.clone(), refresh.clone());
        use_effect_with((), move |_| {
            #[cfg(target_arch = "wasm32")]
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "beforeprint", move |_| {
                    if *lazy.shown.borrow() != *lazy.latest.borrow() {
                        lazy.due.set(true);
                        refresh.force_update();
                    }
                })
            });
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (lazy, refresh);
            move || {
                #[cfg(target_arch = "wasm32")]
                drop(listener);
            }
        });
    }

    // After a change, once the browser has been idle for a while.
    {
        let stale = props.active && lazy.shown.borrow().as_ref() != Some(&now);
        let (lazy, refresh) = (lazy.clone(), refresh.clone());
        use_effect_with((now.clone(), stale), move |(_, stale)| {
            #[cfg(target_arch = "wasm32")]
            let timer = stale.then(|| {
                gloo::timers::callback::Timeout::new(IDLE_AFTER_MS, move || {
                    idle(move || {
                        lazy.due.set(true);
                        refresh.force_update();
                    })
                })
            });
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (stale, lazy, refresh);
            move || {
                #[cfg(target_arch = "wasm32")]
                drop(timer);
            }
        });
    }

    // A print button: print once the copy is rendered (effects run after the whole render).
    use_effect_with(props.requests, move |_| {
        if requested {
            crate::ui::print();
        }
    });

    if !props.active {
        return Html::default();
    }
    let shown = lazy.shown.borrow().clone();
    match shown {
        Some(s) => html! {
            <Summary lang={s.lang} assessment={s.assessment} report={s.report} print_copy=true
                dispatch={props.dispatch.clone()} />
        },
        None => Html::default(),
    }
}

/// Runs `f` when the browser is next idle (`requestIdleCallback`, or at once without it).
#[cfg(target_arch = "wasm32")]
fn idle(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let callback = Closure::once_into_js(f);
    let window = web_sys::window();
    let request = window.as_ref().and_then(|w| js_sys::Reflect::get(w, &"requestIdleCallback".into()).ok());
    match request.and_then(|r| r.dyn_into::<js_sys::Function>().ok()) {
        Some(request) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &1000.into());
            let _ = request.call2(window.as_ref().unwrap(), &callback, &options);
        }
        None => {
            let _ = callback.unchecked_ref::<js_sys::Function>().call0(&wasm_bindgen::JsValue::NULL);
        }
    }
}

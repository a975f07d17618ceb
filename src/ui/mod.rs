//! The Yew user interface: function components that render [`state::State`]. They compute no
//! risk: every number and verdict comes from `domain::engine` through the reducer.

pub mod app;
pub mod cite;
pub mod questions;
pub mod results;
pub mod state;

pub use app::{App, Config};

use crate::domain::model::Lang;

/// Mounts the widget into the first `[data-biodpia]` element (or `#biodpia`), reading its
/// options from data attributes: `data-lang`, `data-org`, `data-namespace`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(root) = document
        .query_selector("[data-biodpia]")
        .ok()
        .flatten()
        .or_else(|| document.get_element_by_id("biodpia"))
    else {
        return;
    };
    let attr = |name: &str| root.get_attribute(name).unwrap_or_default();
    let browser_lang = web_sys::window()
        .and_then(|w| w.navigator().language())
        .and_then(|l| Lang::parse(&l));
    let lang = Lang::parse(&attr("data-lang")).or(browser_lang).unwrap_or_default();
    let namespace = Some(attr("data-namespace"))
        .filter(|n| !n.is_empty() && n.len() <= 64)
        .unwrap_or_else(|| "default".to_string());
    let config = Config { lang, organisation: attr("data-org"), namespace };
    yew::Renderer::<App>::with_root_and_props(root, config).render();
}

#[cfg(not(target_arch = "wasm32"))]
pub fn start() {
    let _ = Lang::default();
    eprintln!("biodpia is a browser widget: build it with `trunk build` (see README.md).");
}

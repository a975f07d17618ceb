//! The Yew user interface: function components that render [`state::State`]. They compute no
//! risk: every number and verdict comes from `domain::engine` through the reducer.

pub mod app;
pub mod cite;
pub mod heatmap;
pub mod manager;
pub mod method;
pub mod mount;
pub mod questions;
pub mod results;
pub mod state;
pub mod summary;

pub use app::{App, Config};

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

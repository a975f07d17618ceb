//! The pure core: question model, answers, conditions, scoring and recommendations.
//! Nothing here imports yew, web-sys, gloo or js-sys; it runs natively under `cargo test`.

pub mod answers;
pub mod compact;
pub mod engine;
pub mod fria;
pub mod model;
pub mod order;
pub mod plural;
pub mod present;
pub mod validate;

#[cfg(not(target_arch = "wasm32"))]
pub mod load;
#[cfg(not(target_arch = "wasm32"))]
pub mod locales;

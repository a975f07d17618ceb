//! The only code that touches localStorage. Keys are namespaced and versioned:
//! `biodpia/<namespace>/v1/current`. Unreadable data is moved aside, never overwritten.

use crate::domain::assessment::{self, Assessment, ReadError};

/// What loading found.
pub enum Loaded {
    /// Nothing saved yet.
    Empty,
    Found(Assessment),
    /// Saved data could not be read; it was copied to `kept_as` untouched.
    Corrupt { kept_as: String, error: ReadError },
    /// No localStorage (private mode, blocked by policy).
    Unavailable,
}

/// Why a save failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveError {
    QuotaExceeded,
    Unavailable,
}

pub fn key(namespace: &str) -> String {
    format!("biodpia/{namespace}/v{}/current", assessment::FORMAT_VERSION)
}

#[cfg(target_arch = "wasm32")]
fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

#[cfg(target_arch = "wasm32")]
pub fn load(namespace: &str) -> Loaded {
    let Some(store) = local() else { return Loaded::Unavailable };
    let k = key(namespace);
    match store.get_item(&k) {
        Ok(None) => Loaded::Empty,
        Err(_) => Loaded::Unavailable,
        Ok(Some(raw)) => match assessment::read(raw.as_bytes()) {
            Ok(a) => Loaded::Found(a),
            Err(error) => {
                // Keep the unreadable data under a new key and remove it from the live key, so
                // the next save cannot overwrite it.
                let kept_as = format!("{k}/unreadable-{}", js_sys::Date::now() as u64);
                if store.set_item(&kept_as, &raw).is_ok() {
                    let _ = store.remove_item(&k);
                }
                Loaded::Corrupt { kept_as, error }
            }
        },
    }
}

#[cfg(target_arch = "wasm32")]
pub fn save(namespace: &str, a: &Assessment) -> Result<(), SaveError> {
    let store = local().ok_or(SaveError::Unavailable)?;
    // setItem is atomic: on QuotaExceededError the previous value stays intact.
    store.set_item(&key(namespace), &assessment::write(a)).map_err(|_| SaveError::QuotaExceeded)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn load(_namespace: &str) -> Loaded {
    Loaded::Unavailable
}

#[cfg(not(target_arch = "wasm32"))]
pub fn save(_namespace: &str, _a: &Assessment) -> Result<(), SaveError> {
    Err(SaveError::Unavailable)
}

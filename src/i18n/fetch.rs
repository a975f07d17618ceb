//! Fetching a language file in the browser, from the widget's own folder.
//!
//! The folder is the one the wasm-bindgen JS module was loaded from (its `import.meta.url`),
//! which is the built folder in both embeddings: the widget's own page (also what an iframe
//! shows) and the script include (web/embed.js imports the module from the folder it lives in),
//! whatever the host page's URL. Same origin as the module, so `connect-src 'self'` allows it.
//!
//! The loaders (web/boot.js, web/embed.js) start the download of the language a widget starts
//! in before the wasm is instantiated, and leave it in `globalThis.biodpiaPrefetch` (a `Map`
//! from URL to the `fetch()` promise); [`fetch_text`] takes it from there (once) instead of
//! starting its own, so the file arrives while the wasm compiles.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{Lang, LangInfo, LoadError};

#[wasm_bindgen]
extern "C" {
    /// `import.meta.url` of the wasm-bindgen JS module (the generated glue code reads it).
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static MODULE_URL: js_sys::JsString;
}

/// The URL of a file in the widget's folder.
pub fn url(file: &str) -> Option<String> {
    let base: String = MODULE_URL.with(|u| u.into());
    web_sys::Url::new_with_base(file, &base).ok().map(|u| u.href())
}

/// Loads a language: at once if it was loaded before, else its file is fetched and checked
/// ([`super::parse`]). Each language is fetched at most once per page that succeeds.
pub async fn load(info: &'static LangInfo) -> Result<Lang, LoadError> {
    if let Some(lang) = Lang::loaded(info) {
        return Ok(lang);
    }
    let text = fetch_text(info.file).await?;
    Lang::install(info, &text)
}

fn js_error(e: JsValue) -> LoadError {
    let text = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "fetch failed".to_string());
    LoadError::Network(text)
}

async fn fetch_text(file: &str) -> Result<String, LoadError> {
    let window = web_sys::window().ok_or_else(|| LoadError::Network("no window".to_string()))?;
    let url = url(file).ok_or_else(|| LoadError::Network(format!("no URL for {file}")))?;
    let request = prefetched(&url).unwrap_or_else(|| window.fetch_with_str(&url));
    let response = JsFuture::from(request).await.map_err(js_error)?;
    let response: web_sys::Response = response.dyn_into().map_err(js_error)?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    let text = JsFuture::from(response.text().map_err(js_error)?).await.map_err(js_error)?;
    // A body that is not text (it always is for `text()`) reads as damaged.
    Ok(text.as_string().unwrap_or_default())
}

/// The download of `url` a loader started already (see the module's comment), taken: a later
/// load of the same file (after a failure) fetches it again.
fn prefetched(url: &str) -> Option<js_sys::Promise> {
    let map: js_sys::Map = js_sys::Reflect::get(&js_sys::global(), &"biodpiaPrefetch".into()).ok()?.dyn_into().ok()?;
    let key = JsValue::from_str(url);
    let promise = map.get(&key).dyn_into::<js_sys::Promise>().ok()?;
    map.delete(&key);
    Some(promise)
}

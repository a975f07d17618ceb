//! Browser glue of the storage views, each with what it does outside a browser (nothing):
//! downloads, dates in the user's locale, `<dialog>` methods, focus inside a shadow root.

use yew::prelude::*;

use crate::i18n::Lang;

/// Offers `bytes` as a download named `name` of type `mime` (Blob, object URL, `<a download>`;
/// no network): the assessment as .json, the summary as .docx.
pub fn download(name: &str, mime: &str, bytes: &[u8]) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let run = || -> Option<()> {
            let doc = web_sys::window()?.document()?;
            let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
            let bag = web_sys::BlobPropertyBag::new();
            bag.set_type(mime);
            let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &bag).ok()?;
            let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
            let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
            a.set_href(&url);
            a.set_download(name);
            let body = doc.body()?;
            let _ = body.append_child(&a);
            a.click();
            a.remove();
            // Revoked later: revoking at once can cancel the download in some browsers.
            gloo::timers::callback::Timeout::new(60_000, move || {
                let _ = web_sys::Url::revoke_object_url(&url);
            })
            .forget();
            Some(())
        };
        let _ = run();
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (name, mime, bytes);
    }
}

pub fn format_time(iso: &str, lang: Lang) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
        if iso.is_empty() || d.get_time().is_nan() {
            return iso.to_string();
        }
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into());
        let _ = js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into());
        String::from(d.to_locale_string(lang.date_locale(), &opts))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = lang;
        iso.replace('T', " ").chars().take(16).collect()
    }
}

/// Calls a method without arguments on an element (`showModal`, `close`), so no extra web-sys
/// feature is needed.
pub fn call(el: &web_sys::Element, method: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Ok(f) = js_sys::Reflect::get(el, &method.into()) {
            if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                let _ = f.call0(el);
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (el, method);
    }
}

/// Focuses the element with this id inside `root` (works inside a shadow root, where
/// `document.getElementById` would not find it).
pub fn focus_within(root: &NodeRef, id: Option<String>) {
    let (Some(root), Some(id)) = (root.cast::<web_sys::Element>(), id) else { return };
    if let Ok(Some(el)) = root.query_selector(&format!("#{id}")) {
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = el.focus();
        }
    }
}

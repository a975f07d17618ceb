//! Mounting the widget into a page: which elements, with which options.
//!
//! Two ways in (README "Embedding"):
//! * **Script include** (`web/embed.js`): the host page has `<div data-biodpia ...>` elements;
//!   embed.js gives each an open shadow root holding the stylesheet and an empty
//!   `[data-biodpia-mount]` element, then starts the wasm. One widget renders into each mount
//!   point, with the options read from the host element's data attributes only.
//! * **Own page** (`index.html`, also what an iframe shows): `<div id="biodpia"
//!   data-url-options>` without a shadow root. The widget renders into it directly, and because
//!   of `data-url-options` the page's query string can give the options
//!   (`index.html?lang=nl&org=Gemeente%20X&namespace=hr&theme=dark`) so an iframe can set them.
//!
//! Options: `lang` (`en`/`nl`, else the browser's language), `org` (organisation name for a
//! new assessment), `namespace` (separate localStorage key, `[A-Za-z0-9_.-]{1,64}`), `theme`
//! (`light`/`dark`; purely CSS: `[data-theme]` on the host element, see style/app.css).

use super::widget::Options;
use crate::i18n::LangInfo;

/// The built-in theme presets (style/app.css "embedding and theming").
pub const THEMES: &[&str] = &["light", "dark"];

/// The longest organisation name taken from an option.
pub const MAX_ORG_CHARS: usize = 200;

/// A valid storage namespace, or `None`.
pub fn namespace(value: &str) -> Option<String> {
    let v = value.trim();
    let ok =
        !v.is_empty() && v.len() <= 64 && v.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    ok.then(|| v.to_string())
}

/// A known theme preset, or `None`.
pub fn theme(value: &str) -> Option<&'static str> {
    let v = value.trim().to_ascii_lowercase();
    THEMES.iter().copied().find(|t| *t == v)
}

/// Builds the widget's options from named options (`lang`, `org`, `namespace`); `get`
/// returns an option's raw value. Invalid values fall back to the defaults. The language is
/// only chosen here; src/ui/widget.rs loads it.
pub fn config(get: &dyn Fn(&str) -> Option<String>, browser_lang: Option<&'static LangInfo>) -> Options {
    let lang = get("lang").and_then(|l| LangInfo::find(l.trim())).or(browser_lang).unwrap_or(LangInfo::reference());
    let organisation: String = get("org")
        .map(|o| o.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
        .chars()
        .take(MAX_ORG_CHARS)
        .collect();
    let namespace = get("namespace").and_then(|n| namespace(&n)).unwrap_or_else(|| "default".to_string());
    Options { lang, organisation, namespace }
}

/// Renders one widget into every host element on the page: each `[data-biodpia]` element
/// (into the mount point of its shadow root when embed.js prepared one), or else `#biodpia`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use wasm_bindgen::JsCast;

    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let browser_lang = window.navigator().language().and_then(|l| LangInfo::find(&l));
    let mut hosts: Vec<web_sys::Element> = Vec::new();
    if let Ok(list) = document.query_selector_all("[data-biodpia]") {
        hosts.extend((0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()));
    }
    if hosts.is_empty() {
        hosts.extend(document.get_element_by_id("biodpia"));
    }
    for host in hosts {
        mount(&window, &host, browser_lang);
    }
}

#[cfg(target_arch = "wasm32")]
fn mount(window: &web_sys::Window, host: &web_sys::Element, browser_lang: Option<&'static LangInfo>) {
    if host.has_attribute("data-biodpia-mounted") {
        return;
    }
    let shadow = host.shadow_root();
    let root = match &shadow {
        // A shadow root without our mount point belongs to someone else: leave it alone.
        Some(shadow) => match shadow.query_selector("[data-biodpia-mount]") {
            Ok(Some(el)) => el,
            _ => return,
        },
        None => host.clone(),
    };
    // Only the widget's own page reads the query string; a host page's URL is not ours.
    let params = (shadow.is_none() && host.has_attribute("data-url-options"))
        .then(|| window.location().search().ok())
        .flatten()
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok());
    let get = |name: &str| {
        host.get_attribute(&format!("data-{name}"))
            .filter(|v| !v.trim().is_empty())
            .or_else(|| params.as_ref()?.get(name))
    };
    if !host.has_attribute("data-theme") {
        if let Some(t) = get("theme").and_then(|t| theme(&t)) {
            let _ = host.set_attribute("data-theme", t);
        }
    }
    let config = config(&get, browser_lang);
    let _ = host.set_attribute("data-biodpia-mounted", "");
    yew::Renderer::<super::widget::Widget>::with_root_and_props(root, config).render();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    }

    #[test]
    fn reads_every_option() {
        let c = config(&opts(&[("lang", "nl-NL"), ("org", "  Gemeente \n X "), ("namespace", "hr-2025")]), None);
        assert_eq!(c.lang.code, "nl");
        assert_eq!(c.organisation, "Gemeente X");
        assert_eq!(c.namespace, "hr-2025");
    }

    #[test]
    fn falls_back_to_browser_language_then_default() {
        let nl = LangInfo::find("nl");
        assert_eq!(config(&opts(&[("lang", "fr")]), nl).lang.code, "nl");
        assert_eq!(config(&opts(&[]), None).lang, LangInfo::reference());
        assert_eq!(config(&opts(&[("lang", "EN")]), nl).lang.code, "en");
    }

    #[test]
    fn invalid_namespaces_use_the_default() {
        for bad in ["", "   ", "a/b", "../x", "naam met spaties", &"x".repeat(65), "ümlaut"] {
            assert_eq!(config(&opts(&[("namespace", bad)]), None).namespace, "default", "{bad:?}");
        }
        assert_eq!(namespace(&"x".repeat(64)).as_deref(), Some(&*"x".repeat(64)));
        assert_eq!(namespace(" team.a_1 ").as_deref(), Some("team.a_1"));
    }

    #[test]
    fn organisation_is_capped() {
        let long = "é".repeat(MAX_ORG_CHARS + 50);
        assert_eq!(config(&opts(&[("org", &long)]), None).organisation.chars().count(), MAX_ORG_CHARS);
    }

    #[test]
    fn only_known_themes() {
        assert_eq!(theme("Dark"), Some("dark"));
        assert_eq!(theme(" light "), Some("light"));
        assert_eq!(theme("\" onload=x"), None);
        assert_eq!(theme(""), None);
    }
}

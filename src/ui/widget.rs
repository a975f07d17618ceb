//! The widget before its language is there: the language file the widget starts in is fetched
//! (src/i18n/fetch.rs) while an accessible loading message shows (`role="status"`,
//! `aria-busy`, in the requested language: [`LangInfo::loading`] is in the wasm). A file that
//! fails to load or is refused gives English and a message naming the language
//! ([`LangProblem`]); if even English fails, [`LangInfo::unavailable`] says so. Storage is not
//! opened before a language is there, so nothing saved is touched on the way.

use yew::prelude::*;

use super::app::{App, Config};
use crate::i18n::{Lang, LangInfo, LangProblem};

/// The options a host page gives (src/ui/mount.rs), with the language not loaded yet.
#[derive(Properties, PartialEq, Clone)]
pub struct Options {
    pub lang: &'static LangInfo,
    #[prop_or_default]
    pub organisation: String,
    #[prop_or_else(|| "default".to_string())]
    pub namespace: String,
}

/// Where loading the first language stands.
#[derive(Clone, PartialEq)]
enum Loading {
    Waiting,
    Ready(Lang, Option<LangProblem>),
    /// Not even English could be loaded (only in the browser: native builds embed them).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Failed,
}

/// Loads the requested language (English instead if that fails), then renders the [`App`].
#[function_component]
pub fn Widget(options: &Options) -> Html {
    let loading = use_state(|| match Lang::loaded(options.lang) {
        Some(lang) => Loading::Ready(lang, None),
        None => Loading::Waiting,
    });
    {
        let loading = loading.clone();
        let wanted = options.lang;
        use_effect_with((), move |_| {
            if *loading == Loading::Waiting {
                start(wanted, move |l| loading.set(l));
            }
        });
    }
    match &*loading {
        Loading::Ready(lang, problem) => {
            let config = Config {
                lang: *lang,
                organisation: options.organisation.clone(),
                namespace: options.namespace.clone(),
                lang_problem: problem.clone(),
            };
            html! { <App ..config /> }
        }
        Loading::Waiting => html! {
            <div class="bd-app bd-loading" lang={options.lang.code} role="status" aria-busy="true"
                data-testid="loading">
                <p>{ options.lang.loading }</p>
            </div>
        },
        Loading::Failed => html! {
            <div class="bd-app bd-loading" lang={options.lang.code} role="alert" data-testid="unavailable">
                <p>{ options.lang.unavailable }</p>
            </div>
        },
    }
}

#[cfg(target_arch = "wasm32")]
fn start(wanted: &'static LangInfo, done: impl FnOnce(Loading) + 'static) {
    use crate::i18n::load;
    yew::platform::spawn_local(async move {
        let result = match load(wanted).await {
            Ok(lang) => Loading::Ready(lang, None),
            Err(error) => {
                log(wanted, &error);
                let english = LangInfo::reference();
                if std::ptr::eq(wanted, english) {
                    Loading::Failed
                } else {
                    match load(english).await {
                        Ok(lang) => Loading::Ready(lang, Some(LangProblem { lang: wanted, error })),
                        Err(e) => {
                            log(english, &e);
                            Loading::Failed
                        }
                    }
                }
            }
        };
        done(result);
    });
}

/// Natively every language is embedded, so `Lang::loaded` never leaves the widget waiting.
#[cfg(not(target_arch = "wasm32"))]
fn start(_: &'static LangInfo, _: impl FnOnce(Loading) + 'static) {}

/// The technical reason, for the administrator (the message on screen says it in words).
#[cfg(target_arch = "wasm32")]
pub fn log(lang: &'static LangInfo, error: &crate::i18n::LoadError) {
    let url = crate::i18n::file_url(lang.file).unwrap_or_default();
    web_sys::console::warn_1(&format!("biodpia: language {} ({url}): {error}", lang.code).into());
}

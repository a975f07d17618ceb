//! The risk method in short, so that a DPO can see how the verdict and score are worked out.

use yew::prelude::*;

use crate::i18n::method::strings;
use crate::i18n::Lang;

/// The method as a collapsed card.
pub fn method(lang: Lang) -> Html {
    let t = strings(lang);
    html! {
        <details class="bd-card bd-method" data-testid="method">
            <summary><h3 class="bd-inline">{ t.title }</h3></summary>
            for p in t.paragraphs.iter().copied() { <p>{ p }</p> }
        </details>
    }
}

//! The risk method in short, so that a DPO can see how the verdict and score are worked out.

use yew::virtual_dom::AttributeOrProperty::Static as S;

use super::doc::Doc;
use crate::i18n::method::strings;
use crate::i18n::Lang;

/// The method as a collapsed card (a plain function: it has no state of its own).
pub fn method(d: &mut Doc, lang: Lang) {
    let t = strings(lang);
    d.open_static("details", &[("class", S("bd-card bd-method")), ("data-testid", S("method"))]);
    d.open("summary", "");
    d.leaf("h3", "bd-inline", t.title);
    d.close();
    for p in t.paragraphs {
        d.leaf("p", "", p);
    }
    d.close();
}

//! The risk method in short, as shown in the widget (the full text is docs/methodology.md):
//! table `[method]` of `questions/locales/<lang>/ui.toml`.

use super::Lang;
pub use super::MethodStrings;

pub fn strings(lang: Lang) -> &'static MethodStrings {
    &lang.ui().method
}

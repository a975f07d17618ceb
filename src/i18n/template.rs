//! Strings of the EDPB DPIA template's outline (src/report/outline.rs): its section and field
//! headings and what a field says when nothing fills it; table `[template]` of
//! `questions/locales/<lang>/ui.toml`.

use super::Lang;
pub use super::TemplateStrings;

pub fn strings(lang: Lang) -> &'static TemplateStrings {
    &lang.ui().template
}

//! Strings of the assessments list, export and import, autosave and two-tab messages
//! (src/ui/manager.rs): table `[manager]` of `questions/locales/<lang>/ui.toml`. Verdict titles
//! and "Dismiss" come from the main [`super::Strings`].

use super::Lang;
pub use super::ManagerStrings;

pub fn strings(lang: Lang) -> &'static ManagerStrings {
    &lang.ui().manager
}

//! Strings of the printable summary (src/ui/summary.rs) and the risk map (src/ui/heatmap.rs):
//! table `[summary]` of `questions/locales/<lang>/ui.toml`. General terms (verdict, levels,
//! status, likelihood, severity...) come from the main [`super::Strings`].

use super::Lang;
pub use super::SummaryStrings;

pub fn strings(lang: Lang) -> &'static SummaryStrings {
    &lang.ui().summary
}

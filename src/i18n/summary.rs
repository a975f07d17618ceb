//! Strings of the printable summary (src/ui/summary.rs) and the risk map (src/ui/heatmap.rs):
//! table `[summary]` of `questions/locales/<lang>/ui.toml`. General terms (verdict, levels,
//! status, likelihood, severity...) come from the main [`super::Strings`].

use super::Lang;
pub use super::SummaryStrings;

pub fn strings(lang: Lang) -> &'static SummaryStrings {
    &lang.ui().summary
}

impl SummaryStrings {
    /// The label of a `SignOff::dpo_advice_followed` value.
    pub fn followed(&self, value: &str) -> &'static str {
        match value {
            "yes" => self.followed_yes,
            "partly" => self.followed_partly,
            "no" => self.followed_no,
            _ => self.followed_unset,
        }
    }
}

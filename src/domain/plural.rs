//! Plural rules: which form of a text a number takes. A language names its rule in
//! `questions/locales/<lang>/language.toml` (`plural = "one_other"`); a text that depends on a
//! number then has one form per category of that rule, in its `ui.toml`:
//! `{ one = "{count} question", other = "{count} questions" }`.
//!
//! The rules are those of the Unicode CLDR plural rules for integers. `load` checks that every
//! plural text has exactly its language's categories.

/// A plural rule for whole numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralRule {
    /// "one" for 1, "other" for every other number (English, Dutch, German, Swedish, ...).
    OneOther,
    /// "one" for 0 and 1, "other" for the rest (French, Portuguese as spoken in Brazil).
    ZeroOneOther,
    /// One form for every number (Japanese, Chinese, ...).
    Other,
}

impl PluralRule {
    /// Every rule, with its name in language.toml.
    pub const ALL: [(&'static str, PluralRule); 3] = [
        ("one_other", PluralRule::OneOther),
        ("zero_one_other", PluralRule::ZeroOneOther),
        ("other", PluralRule::Other),
    ];

    pub fn parse(name: &str) -> Option<PluralRule> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, r)| *r)
    }

    /// The categories a plural text must have, in the order the language file stores them.
    pub fn categories(self) -> &'static [&'static str] {
        match self {
            PluralRule::OneOther | PluralRule::ZeroOneOther => &["one", "other"],
            PluralRule::Other => &["other"],
        }
    }

    /// The index into [`Self::categories`] of the form for `n`.
    pub fn form(self, n: u64) -> usize {
        match self {
            PluralRule::OneOther => usize::from(n != 1),
            PluralRule::ZeroOneOther => usize::from(n > 1),
            PluralRule::Other => 0,
        }
    }
}

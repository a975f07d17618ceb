//! Strings of the EDPB DPIA template's outline (src/report/outline.rs): its section and field
//! headings and what a field says when nothing fills it; table `[template]` of
//! `questions/locales/<lang>/ui.toml`.

use super::Lang;
pub use super::TemplateStrings;

pub fn strings(lang: Lang) -> &'static TemplateStrings {
    &lang.ui().template
}

impl TemplateStrings {
    /// The name of a principle of 2.3.a (a key of `domain::model::PRINCIPLES`) with its
    /// article; the key itself for an unknown one (the bank's validation refuses those).
    pub fn principle<'k>(&self, key: &'k str) -> &'k str {
        match key {
            "fairness" => self.principle_fairness,
            "transparency" => self.principle_transparency,
            "purpose_limitation" => self.principle_purpose_limitation,
            "data_minimisation" => self.principle_data_minimisation,
            "accuracy" => self.principle_accuracy,
            "storage_limitation" => self.principle_storage_limitation,
            "integrity_confidentiality" => self.principle_integrity_confidentiality,
            "accountability" => self.principle_accountability,
            other => other,
        }
    }

    /// The name of a row of 2.3.b (a key of `report::outline::RIGHTS`) with its articles.
    pub fn right<'k>(&self, key: &'k str) -> &'k str {
        match key {
            "information" => self.right_information,
            "access_portability" => self.right_access_portability,
            "rectification_erasure" => self.right_rectification_erasure,
            "objection_restriction" => self.right_objection_restriction,
            "automated_decisions" => self.right_automated_decisions,
            other => other,
        }
    }
}

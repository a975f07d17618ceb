//! How the report names things in a language, as plain text: an answer option, an answer that
//! raised something, a finding, a provision, a status, a sign-off line. Pure (no yew): the
//! summary's views (`ui::cite`, `ui::summary`) and the .docx export ([`super::docx`]) both use
//! these, so that the two documents say the same thing in the same words.

use crate::domain::answers::{Answer, Status};
use crate::domain::engine::{Cause, Report};
use crate::domain::model::{AnswerOption, Bank, DateKind, Finding, Kind, Question};
use crate::i18n::{strings, Get, Lang, Strings, SummaryStrings};
use crate::persist::assessment::{SignOff, SignOffField};

/// Id of the section whose text answers are the systematic description.
pub const DESCRIPTION_SECTION: &str = "description";

/// The label of an option; yes/no/unsure options without their own label get the standard one.
pub fn option_label(o: &AnswerOption, lang: Lang) -> String {
    let t = strings(lang);
    match (&o.label, o.id.as_str()) {
        (Some(l), _) => l.get(lang).to_string(),
        (None, "yes") => t.yes.to_string(),
        (None, "no") => t.no.to_string(),
        (None, _) => t.unsure.to_string(),
    }
}

/// The labels of the options an answer chose (unknown ids are shown as they are).
pub fn chosen_labels(q: &Question, a: &Answer, lang: Lang) -> Vec<String> {
    a.chosen()
        .into_iter()
        .map(|id| q.option(id).map(|o| option_label(o, lang)).unwrap_or_else(|| id.to_string()))
        .collect()
}

/// The answer option behind a cause, if the bank still has it.
pub fn cause_option<'b>(bank: &'b Bank, c: &Cause) -> Option<&'b AnswerOption> {
    bank.question(&c.question).and_then(|q| q.option(&c.option))
}

/// The question text and the chosen option's label of an answer that raised something
/// (ids as they are when the bank no longer has them).
pub fn cause_text(bank: &Bank, lang: Lang, c: &Cause) -> (String, String) {
    let q = bank.question(&c.question);
    let text = q.map(|q| q.text.get(lang).to_string()).unwrap_or_else(|| c.question.clone());
    let option = cause_option(bank, c).map(|o| option_label(o, lang)).unwrap_or_else(|| c.option.clone());
    (text, option)
}

/// A finding's date as it must be read: the decision date as it is, an announcement or press
/// date said to be one ("announced 10 May 2023"), as the language writes dates.
pub fn finding_date(t: &Strings, f: &Finding) -> String {
    match f.date_kind {
        DateKind::Decision => t.date(&f.date),
        DateKind::Announced => format!("{} {}", t.date_announced, t.date(&f.date)),
        DateKind::Reported => format!("{} {}", t.date_reported, t.date(&f.date)),
    }
}

/// "Autoriteit Persoonsgegevens (AP) (NL), 2024-05-16: Clearview AI", in the page's language.
pub fn finding_heading(lang: Lang, f: &Finding) -> String {
    let date = finding_date(strings(lang), f);
    format!("{} ({}), {}: {}", f.authority.get(lang), f.country, date, f.subject.get(lang))
}

/// A finding's heading, or its id when the bank no longer has it.
pub fn finding_short(bank: &Bank, lang: Lang, id: &str) -> String {
    bank.finding(id).map(|f| finding_heading(lang, f)).unwrap_or_else(|| id.to_string())
}

/// "GDPR Art. 9(1)", "art. 9 lid 1 AVG".
pub fn provision_short(bank: &Bank, lang: Lang, id: &str) -> String {
    bank.provision(id).map(|p| p.label.get(lang).to_string()).unwrap_or_else(|| id.to_string())
}

/// A safeguard's title, or its id when the bank no longer has it.
pub fn safeguard_title(bank: &Bank, lang: Lang, id: &str) -> String {
    bank.safeguard(id).map(|s| s.title.get(lang).to_string()).unwrap_or_else(|| id.to_string())
}

/// A risk's title, or its id when the bank no longer has it.
pub fn risk_title(bank: &Bank, lang: Lang, id: &str) -> String {
    bank.risk(id).map(|r| r.title.get(lang).to_string()).unwrap_or_else(|| id.to_string())
}

/// The name of a status of the action plan.
pub fn status_text(t: &Strings, s: Status) -> &'static str {
    match s {
        Status::InPlace => t.status_in_place,
        Status::Planned => t.status_planned,
        Status::NotPlanned => t.status_not_planned,
    }
}

/// The text questions of the description section that are shown: the systematic description.
pub fn description<'b: 'r, 'r>(bank: &'b Bank, report: &'r Report) -> impl Iterator<Item = &'b Question> + 'r {
    let questions =
        bank.sections.iter().find(|x| x.id == DESCRIPTION_SECTION).into_iter().flat_map(|s| s.questions.iter());
    questions.filter(move |q| q.kind == Kind::Text && report.visible.contains(&q.id))
}

/// One line of the sign-off block (as in the ICO template).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SignOffLine {
    pub field: SignOffField,
    pub label: &'static str,
    pub note: &'static str,
    /// Has a line for a signature and date.
    pub signed: bool,
}

/// The lines of the sign-off block, in order.
pub fn signoff_lines(s: &SummaryStrings) -> [SignOffLine; 6] {
    use SignOffField as F;
    let line = |field, label, note, signed| SignOffLine { field, label, note, signed };
    [
        line(F::MeasuresApprovedBy, s.measures_approved_by, s.measures_note, true),
        line(F::ResidualRiskAcceptedBy, s.residual_accepted_by, s.residual_note, true),
        line(F::DpoAdvice, s.dpo_advice, s.dpo_advice_note, true),
        line(F::DpoAdviceFollowed, s.dpo_followed, "", false),
        line(F::DpoAdviceReasons, s.dpo_reasons, s.dpo_reasons_note, false),
        line(F::ReviewDate, s.review_date, s.review_note, false),
    ]
}

/// A sign-off value as the document shows it: "Partly" for `partly`, the others as written.
pub fn signoff_value<'a>(s: &SummaryStrings, so: &'a SignOff, field: SignOffField) -> &'a str {
    let value = so.get(field);
    match field {
        SignOffField::DpoAdviceFollowed if !value.is_empty() => s.followed(value),
        _ => value,
    }
}

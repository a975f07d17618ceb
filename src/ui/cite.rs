//! Citations: how a finding or provision is named wherever the widget gives a reason.

use super::doc::Doc;
use crate::domain::engine::Cause;
use crate::domain::model::{AnswerOption, Bank, DateKind, Finding};
use crate::i18n::{strings, Get, Lang, Strings};

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
/// date said to be one ("announced 2023-05-10").
pub fn finding_date(t: &Strings, f: &Finding) -> String {
    match f.date_kind {
        DateKind::Decision => f.date.clone(),
        DateKind::Announced => format!("{} {}", t.date_announced, f.date),
        DateKind::Reported => format!("{} {}", t.date_reported, f.date),
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

/// An inline list of provisions and findings, each with its title as a tooltip.
#[inline(never)]
pub fn reasons(d: &mut Doc, bank: &Bank, lang: Lang, provisions: &[String], findings: &[String]) {
    d.open("ul", "bd-cites");
    for p in provisions {
        let title = bank.provision(p).map(|x| x.title.get(lang)).unwrap_or_default();
        d.open_attrs("li", &["class", "title"], &["bd-cite bd-cite-law", title]);
        d.string(provision_short(bank, lang, p));
        d.close();
    }
    for f in findings {
        d.open("li", "bd-cite bd-cite-finding");
        d.open_attrs("a", &["href"], &[&format!("#bd-f-{f}")]);
        d.string(finding_short(bank, lang, f));
        d.close();
        d.close();
    }
    d.close();
}

/// The classes of a finding's entry: the results page and the summary's annex differ only in
/// these.
pub struct FindingClasses {
    pub amount: &'static str,
    pub key_findings: &'static str,
    pub appeal: &'static str,
    pub source: &'static str,
}

/// The body of a finding's entry, after its reference: what its date is (if noted), that it is
/// cited for comparison only (if so), the amount (if any), the key findings, the appeal (if
/// known) and the source link.
#[inline(never)]
pub fn finding_details(d: &mut Doc, t: &Strings, lang: Lang, f: &'static Finding, classes: &FindingClasses) {
    d.group();
    if let Some(n) = &f.date_note {
        d.leaf("p", classes.appeal, n.get(lang));
    }
    d.close();
    d.group();
    if f.comparison_only {
        d.leaf("p", classes.appeal, t.comparison_only);
    }
    d.close();
    d.group();
    if let Some(a) = &f.amount {
        d.leaf("p", classes.amount, a.get(lang));
    }
    d.close();
    d.open("ul", classes.key_findings);
    for k in &f.key_findings {
        d.leaf("li", "", k.get(lang));
    }
    d.close();
    d.group();
    if let Some(a) = &f.appeal {
        d.open("p", classes.appeal);
        d.text(t.appeal);
        d.text(": ");
        d.text(a.get(lang));
        d.close();
    }
    d.close();
    d.open("p", classes.source);
    d.text(t.source);
    d.text(": ");
    d.open_attrs("a", &["href", "rel", "target"], &[&f.source, "noreferrer noopener", "_blank"]);
    d.text(&f.source);
    d.close();
    d.close();
}

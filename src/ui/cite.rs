//! Citations: how an answer, a finding or a provision is named wherever the widget gives a
//! reason (results page and summary).

use yew::prelude::*;

use crate::domain::engine::{Cause, Criterion};
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

/// "Question → **answer**" of a cause.
pub fn cause_line(bank: &Bank, lang: Lang, c: &Cause) -> Html {
    let (q, o) = cause_text(bank, lang, c);
    html! { <>{ q }{ " → " }<strong>{ o }</strong></> }
}

/// The WP248 criteria met, each with the answers that meet it (several are met by answers
/// outside the screening question: employees are vulnerable data subjects, for one).
pub fn criteria_list(bank: &Bank, lang: Lang, criteria: &[Criterion]) -> Html {
    let t = strings(lang);
    html! {
        <ul data-testid="wp248">
            for c in criteria {
                <li>
                    <strong>{ t.wp248(&c.id) }</strong>{ ": " }
                    for (i, by) in c.by.iter().enumerate() {
                        if i > 0 { { "; " } }
                        { cause_line(bank, lang, by) }
                    }
                </li>
            }
        </ul>
    }
}

/// "Or instead: A; B" under a measure that others can replace (`alternatives`); nothing when
/// none can.
pub fn or_instead(bank: &Bank, lang: Lang, class: &'static str, alternatives: &[String]) -> Html {
    if alternatives.is_empty() {
        return Html::default();
    }
    let t = strings(lang);
    let title = |id: &String| bank.safeguard(id).map(|s| s.title.get(lang).to_string()).unwrap_or_else(|| id.clone());
    html! {
        <p class={class} data-testid="or-instead">
            { t.or_instead }{ ": " }{ alternatives.iter().map(title).collect::<Vec<_>>().join("; ") }
        </p>
    }
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

/// Where a list of citations links its findings to: the results page's list or the summary's
/// annex.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Anchors {
    Results,
    Summary,
}

/// An inline list of provisions and findings; findings link to their entry (`anchors`). On the
/// results page each provision has its title as a tooltip. Nothing when there are none.
pub fn reasons(bank: &Bank, lang: Lang, provisions: &[String], findings: &[String], anchors: Anchors) -> Html {
    if provisions.is_empty() && findings.is_empty() {
        return Html::default();
    }
    let results = anchors == Anchors::Results;
    let (class, prefix) = if results { ("bd-cites", "#bd-f-") } else { ("bd-sum-cites", "#bd-sum-f-") };
    let title = |p: &str| results.then(|| bank.provision(p).map(|x| x.title.get(lang)).unwrap_or_default().to_string());
    html! {
        <ul {class}>
            for p in provisions {
                <li class={results.then_some("bd-cite bd-cite-law")} title={title(p)}>{ provision_short(bank, lang, p) }</li>
            }
            for f in findings {
                <li class={results.then_some("bd-cite bd-cite-finding")}>
                    <a href={format!("{prefix}{f}")}>{ finding_short(bank, lang, f) }</a>
                </li>
            }
        </ul>
    }
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
pub fn finding_details(t: &Strings, lang: Lang, f: &'static Finding, classes: &FindingClasses) -> Html {
    let class = |c: &'static str| (!c.is_empty()).then_some(c);
    html! {
        <>
            if let Some(n) = &f.date_note { <p class={class(classes.appeal)}>{ n.get(lang) }</p> }
            if f.comparison_only { <p class={class(classes.appeal)}>{ t.comparison_only }</p> }
            if let Some(a) = &f.amount { <p class={class(classes.amount)}>{ a.get(lang) }</p> }
            <ul class={class(classes.key_findings)}>
                for k in &f.key_findings { <li>{ k.get(lang) }</li> }
            </ul>
            if let Some(a) = &f.appeal { <p class={class(classes.appeal)}>{ t.appeal }{ ": " }{ a.get(lang) }</p> }
            <p class={class(classes.source)}>
                { t.source }{ ": " }
                <a href={f.source.clone()} rel="noreferrer noopener" target="_blank">{ &f.source }</a>
            </p>
        </>
    }
}

//! Citations: how an answer, a finding or a provision is named wherever the widget gives a
//! reason (results page and summary).

use yew::prelude::*;

use crate::domain::engine::Cause;
use crate::domain::model::{AnswerOption, Bank, Finding, Lang};
use crate::i18n::{strings, Strings};

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

/// "AP (NL) 2024-05-16: Clearview AI".
pub fn finding_short(bank: &Bank, id: &str) -> String {
    match bank.finding(id) {
        Some(f) => format!("{} ({}) {}: {}", f.authority, f.country, f.date, f.subject),
        None => id.to_string(),
    }
}

/// "AP (NL), 2024-05-16: Clearview AI", the heading of a finding's entry.
pub fn finding_title(f: &Finding) -> String {
    format!("{} ({}), {}: {}", f.authority, f.country, f.date, f.subject)
}

/// "GDPR Art. 9(1)".
pub fn provision_short(bank: &Bank, id: &str) -> String {
    bank.provision(id).map(|p| p.label.clone()).unwrap_or_else(|| id.to_string())
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
                <li class={results.then_some("bd-cite bd-cite-law")} title={title(p)}>{ provision_short(bank, p) }</li>
            }
            for f in findings {
                <li class={results.then_some("bd-cite bd-cite-finding")}>
                    <a href={format!("{prefix}{f}")}>{ finding_short(bank, f) }</a>
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

/// The body of a finding's entry, after its reference: the amount (if any), the key findings,
/// the appeal status and the source link.
pub fn finding_details(t: &Strings, lang: Lang, f: &'static Finding, classes: &FindingClasses) -> Html {
    let class = |c: &'static str| (!c.is_empty()).then_some(c);
    html! {
        <>
            if let Some(a) = &f.amount { <p class={class(classes.amount)}>{ a.get(lang) }</p> }
            <ul class={class(classes.key_findings)}>
                for k in &f.key_findings { <li>{ k.get(lang) }</li> }
            </ul>
            <p class={class(classes.appeal)}>{ t.appeal }{ ": " }{ f.appeal.get(lang) }</p>
            <p class={class(classes.source)}>
                { t.source }{ ": " }
                <a href={f.source.clone()} rel="noreferrer noopener" target="_blank">{ &f.source }</a>
            </p>
        </>
    }
}

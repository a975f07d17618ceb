//! Citations: how an answer, a finding or a provision is named wherever the widget gives a
//! reason (results page and summary).

use yew::prelude::*;

use crate::domain::engine::{Cause, Criterion};
use crate::domain::model::{Bank, Finding};
use crate::i18n::{strings, Get, Lang, Strings};
pub use crate::report::names::{
    cause_option, cause_text, finding_date, finding_heading, finding_short, option_label, provision_short,
};

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
    let title = |id: &String| crate::report::names::safeguard_title(bank, lang, id);
    html! {
        <p class={class} data-testid="or-instead">
            { t.or_instead }{ ": " }{ alternatives.iter().map(title).collect::<Vec<_>>().join("; ") }
        </p>
    }
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

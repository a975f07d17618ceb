//! Citations: how a finding or provision is named wherever the widget gives a reason.

use yew::prelude::*;

use crate::domain::model::{Bank, Lang};

/// "AP (NL) 2024-05-16: Clearview AI".
pub fn finding_short(bank: &Bank, id: &str) -> String {
    match bank.finding(id) {
        Some(f) => format!("{} ({}) {}: {}", f.authority, f.country, f.date, f.subject),
        None => id.to_string(),
    }
}

/// "GDPR Art. 9(1)".
pub fn provision_short(bank: &Bank, id: &str) -> String {
    bank.provision(id).map(|p| p.label.clone()).unwrap_or_else(|| id.to_string())
}

/// An inline list of provisions and findings, each with its title as a tooltip.
pub fn reasons(bank: &Bank, lang: Lang, provisions: &[String], findings: &[String]) -> Html {
    let items = provisions
        .iter()
        .map(|p| {
            let title = bank.provision(p).map(|x| x.title.get(lang).to_string()).unwrap_or_default();
            html! { <li class="bd-cite bd-cite-law" title={title}>{ provision_short(bank, p) }</li> }
        })
        .chain(findings.iter().map(|f| {
            html! { <li class="bd-cite bd-cite-finding"><a href={format!("#bd-f-{f}")}>{ finding_short(bank, f) }</a></li> }
        }));
    html! { <ul class="bd-cites">{ for items }</ul> }
}

//! Every user-visible UI string, in English and Dutch. Components never hard-code text: they
//! take a `&'static Strings` from [`strings`]. Bank content (questions, findings) carries its own
//! translations in `questions/`.

pub mod manager;
pub mod method;
pub mod summary;

use crate::domain::engine::{Level, Outcome, Priority};
use crate::domain::model::Lang;

/// The UI strings of one language. A missing field is a compile error, so both languages are
/// always complete.
pub struct Strings {
    pub app_title: &'static str,
    pub app_tagline: &'static str,
    pub language: &'static str,
    pub sections: &'static str,
    pub results: &'static str,
    pub summary: &'static str,
    pub back: &'static str,
    pub next: &'static str,
    pub see_results: &'static str,
    pub answered_of: &'static str,
    pub live_risk: &'static str,
    pub live_not_started: &'static str,
    pub score: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub unsure: &'static str,
    pub chars_left: &'static str,
    pub text_too_long: &'static str,
    pub why_this_matters: &'static str,
    pub verdict: &'static str,
    /// Title and body of each decision outcome, in the order of `Outcome::ALL`.
    pub outcomes: [(&'static str, &'static str); 6],
    /// `{}`: questions with answer options still unanswered (free-text questions do not
    /// count: the verdict does not depend on them, while the progress bar counts them).
    pub provisional: &'static str,
    pub screening: &'static str,
    pub dpia_required: &'static str,
    pub dpia_not_indicated: &'static str,
    pub wp248_met: &'static str,
    pub mandatory_because: &'static str,
    pub red_lines: &'static str,
    pub risks: &'static str,
    pub risk: &'static str,
    pub inherent: &'static str,
    pub residual: &'static str,
    pub with_planned: &'static str,
    pub likelihood: &'static str,
    pub severity: &'static str,
    pub raised_by: &'static str,
    pub lowered_by: &'static str,
    pub safeguards: &'static str,
    pub recommended_safeguards: &'static str,
    pub effect: &'static str,
    pub required_by: &'static str,
    pub find_out: &'static str,
    pub findings_cited: &'static str,
    pub source: &'static str,
    pub appeal: &'static str,
    /// Before a finding's date when only its announcement date is known.
    pub date_announced: &'static str,
    /// Before a finding's date when only the date of press reports is known.
    pub date_reported: &'static str,
    /// On a finding outside EU law (Australia, Canada, the US).
    pub comparison_only: &'static str,
    pub print: &'static str,
    pub level_low: &'static str,
    pub level_medium: &'static str,
    pub level_high: &'static str,
    pub level_very_high: &'static str,
    pub pos_names: [&'static str; 4],
    pub must: &'static str,
    pub should: &'static str,
    pub storage_corrupt: &'static str,
    pub storage_full: &'static str,
    pub storage_unavailable: &'static str,
    pub dismiss: &'static str,
    pub bank_version: &'static str,
    pub skip_to_content: &'static str,
    pub progress_label: &'static str,
    pub complete: &'static str,
    pub nothing_to_find_out: &'static str,
    pub no_recommendations: &'static str,
    pub answer: &'static str,
    pub status: &'static str,
    pub status_in_place: &'static str,
    pub status_planned: &'static str,
    pub status_not_planned: &'static str,
    pub owner: &'static str,
    pub due: &'static str,
    pub inherent_score: &'static str,
    pub residual_score: &'static str,
    pub planned_score: &'static str,
    pub band: &'static str,
    /// Names of the WP248 criteria, in the order of `model::WP248_CRITERIA`.
    pub wp248_names: [&'static str; 9],
}

pub static EN: Strings = Strings {
    app_title: "Biometrics DPIA",
    app_tagline: "Data protection impact assessment for face, fingerprint, iris and voice recognition. Your answers stay in this browser.",
    language: "Language",
    sections: "Sections",
    results: "Results",
    summary: "Summary",
    back: "Back",
    next: "Next",
    see_results: "See results",
    answered_of: "{} of {} answered",
    live_risk: "Current risk",
    live_not_started: "not assessed yet",
    score: "Score",
    yes: "Yes",
    no: "No",
    unsure: "Unsure",
    chars_left: "{} characters left",
    text_too_long: "This text is longer than {} characters; it was not saved. Shorten it.",
    why_this_matters: "Why this matters",
    verdict: "Decision",
    outcomes: [
        ("Not assessed yet", "Too few questions are answered to draw a conclusion. Answer at least half of the questions with answer options; a red line is shown as soon as an answer crosses one."),
        ("Rejected: the processing must not go ahead as designed", "At least one answer crosses a red line that no safeguard can offset. Abandon the processing, or redesign it so that no red line is crossed, and assess it again."),
        ("Consultation of the supervisory authority required (GDPR Art. 36)", "A high residual risk remains even with every measure in place and planned. The processing may not start until you have consulted the supervisory authority (in the Netherlands the Autoriteit Persoonsgegevens) under GDPR Art. 36, unless further measures bring the risk down."),
        ("Not yet approvable: required measures are not planned", "No red line is crossed and the planned measures leave no high residual risk, but at least one required measure is not even planned. The processing cannot be approved, not even conditionally, until every required measure has an owner and a due date in the action plan."),
        ("Conditionally approved", "The processing may proceed only once the conditions listed are met: every required measure in place, the open questions answered and the contradictions resolved. A planned measure counts once it is in place."),
        ("Approved", "No red line is crossed, every required measure is in place and no high residual risk remains. The processing may proceed; review this assessment when the processing or its risks change."),
    ],
    provisional: "Provisional: {} question(s) with answer options still open.",
    screening: "Screening",
    dpia_required: "A DPIA is required (GDPR Art. 35).",
    dpia_not_indicated: "Your answers do not yet show that a DPIA is mandatory; biometric identification usually requires one.",
    wp248_met: "WP248 criteria met",
    mandatory_because: "Mandatory because",
    red_lines: "Red lines",
    risks: "Risks",
    risk: "Risk",
    inherent: "Inherent",
    residual: "Residual",
    with_planned: "With planned measures",
    likelihood: "Likelihood",
    severity: "Severity",
    raised_by: "Raised by your answers",
    lowered_by: "Lowered by safeguards",
    safeguards: "Safeguards",
    recommended_safeguards: "Recommended safeguards",
    effect: "Effect",
    required_by: "Required because of",
    find_out: "To find out",
    findings_cited: "Regulator findings cited",
    source: "Source",
    appeal: "Appeal",
    date_announced: "announced",
    date_reported: "reported",
    comparison_only: "For comparison only: not EU law.",
    print: "Print / save as PDF",
    level_low: "Low",
    level_medium: "Medium",
    level_high: "High",
    level_very_high: "Very high",
    pos_names: ["negligible", "limited", "significant", "maximum"],
    must: "Must",
    should: "Should",
    storage_corrupt: "Your saved assessment in this browser could not be read. It has been kept aside unchanged, and a new assessment was started.",
    storage_full: "This browser's storage is full: your latest change was not saved. Export your assessment now.",
    storage_unavailable: "This browser does not allow saving. Your answers will be lost when you close the page.",
    dismiss: "Dismiss",
    bank_version: "Question bank version",
    skip_to_content: "Skip to content",
    progress_label: "Progress",
    complete: "complete",
    nothing_to_find_out: "Nothing left to find out.",
    no_recommendations: "No further safeguards to recommend.",
    answer: "Answer",
    status: "Status",
    status_in_place: "In place",
    status_planned: "Planned",
    status_not_planned: "Not planned",
    owner: "Owner",
    due: "Due date",
    inherent_score: "Before safeguards",
    residual_score: "With safeguards in place",
    planned_score: "With planned measures",
    band: "Band",
    wp248_names: [
        "evaluation or scoring",
        "automated decisions with legal or similar effect",
        "systematic monitoring",
        "sensitive or highly personal data",
        "large scale",
        "matching or combining datasets",
        "vulnerable data subjects",
        "innovative technology",
        "prevents exercising a right or using a service",
    ],
};

pub static NL: Strings = Strings {
    app_title: "DPIA biometrie",
    app_tagline: "Gegevensbeschermingseffectbeoordeling voor gezichts-, vingerafdruk-, iris- en stemherkenning. Uw antwoorden blijven in deze browser.",
    language: "Taal",
    sections: "Onderdelen",
    results: "Uitkomst",
    summary: "Samenvatting",
    back: "Vorige",
    next: "Volgende",
    see_results: "Naar de uitkomst",
    answered_of: "{} van {} beantwoord",
    live_risk: "Huidig risico",
    live_not_started: "nog niet beoordeeld",
    score: "Score",
    yes: "Ja",
    no: "Nee",
    unsure: "Weet ik niet",
    chars_left: "Nog {} tekens",
    text_too_long: "Deze tekst is langer dan {} tekens en is niet opgeslagen. Kort de tekst in.",
    why_this_matters: "Waarom dit belangrijk is",
    verdict: "Besluit",
    outcomes: [
        ("Nog niet beoordeeld", "Er zijn te weinig vragen beantwoord om een conclusie te trekken. Beantwoord ten minste de helft van de meerkeuzevragen; een rode lijn wordt getoond zodra een antwoord die overschrijdt."),
        ("Afgewezen: de verwerking mag in deze vorm niet doorgaan", "Ten minste één antwoord overschrijdt een rode lijn die geen waarborg kan compenseren. Zie af van de verwerking, of ontwerp haar opnieuw zodat geen rode lijn meer wordt overschreden, en beoordeel haar dan opnieuw."),
        ("Voorafgaande raadpleging van de toezichthouder vereist (art. 36 AVG)", "Ook met alle genomen en geplande maatregelen blijft een hoog restrisico bestaan. De verwerking mag pas beginnen nadat u de toezichthouder (in Nederland de Autoriteit Persoonsgegevens) op grond van art. 36 AVG heeft geraadpleegd, tenzij aanvullende maatregelen het risico verlagen."),
        ("Nog niet goed te keuren: vereiste maatregelen zijn niet gepland", "Er wordt geen rode lijn overschreden en met de geplande maatregelen blijft geen hoog restrisico over, maar ten minste één vereiste maatregel is niet eens gepland. De verwerking kan niet worden goedgekeurd, ook niet onder voorwaarden, totdat elke vereiste maatregel een eigenaar en een uiterste datum in het actieplan heeft."),
        ("Goedgekeurd onder voorwaarden", "De verwerking mag pas doorgaan als aan de genoemde voorwaarden is voldaan: elke vereiste maatregel genomen, de open vragen beantwoord en de tegenstrijdigheden opgelost. Een geplande maatregel telt mee zodra die is genomen."),
        ("Goedgekeurd", "Er wordt geen rode lijn overschreden, elke vereiste maatregel is genomen en er blijft geen hoog restrisico over. De verwerking mag doorgaan; beoordeel deze DPIA opnieuw als de verwerking of de risico's veranderen."),
    ],
    provisional: "Voorlopig: nog {} vraag/vragen met antwoordkeuzes open.",
    screening: "Pre-scan DPIA",
    dpia_required: "Een DPIA is verplicht (art. 35 AVG).",
    dpia_not_indicated: "Uw antwoorden tonen nog niet aan dat een DPIA verplicht is; voor biometrische identificatie is een DPIA meestal wel verplicht.",
    wp248_met: "Criteria uit WP248 waaraan is voldaan",
    mandatory_because: "Verplicht omdat",
    red_lines: "Rode lijnen",
    risks: "Risico's",
    risk: "Risico",
    inherent: "Inherent risico",
    residual: "Restrisico",
    with_planned: "Met geplande maatregelen",
    likelihood: "Waarschijnlijkheid",
    severity: "Ernst",
    raised_by: "Verhoogd door uw antwoorden",
    lowered_by: "Verlaagd door waarborgen",
    safeguards: "Waarborgen",
    recommended_safeguards: "Aanbevolen waarborgen",
    effect: "Effect",
    required_by: "Vereist vanwege",
    find_out: "Uit te zoeken",
    findings_cited: "Aangehaalde besluiten van toezichthouders",
    source: "Bron",
    appeal: "Bezwaar en beroep",
    date_announced: "bekendgemaakt",
    date_reported: "gemeld",
    comparison_only: "Alleen ter vergelijking: geen EU-recht.",
    print: "Afdrukken / opslaan als pdf",
    level_low: "Laag",
    level_medium: "Middel",
    level_high: "Hoog",
    level_very_high: "Zeer hoog",
    pos_names: ["verwaarloosbaar", "beperkt", "aanzienlijk", "maximaal"],
    must: "Noodzakelijk",
    should: "Gewenst",
    storage_corrupt: "Uw opgeslagen beoordeling in deze browser kon niet worden gelezen. Die is ongewijzigd apart gezet en er is een nieuwe beoordeling gestart.",
    storage_full: "De opslag van deze browser is vol: uw laatste wijziging is niet opgeslagen. Exporteer uw beoordeling nu.",
    storage_unavailable: "Deze browser staat opslaan niet toe. Uw antwoorden gaan verloren als u de pagina sluit.",
    dismiss: "Sluiten",
    bank_version: "Versie vragenlijst",
    skip_to_content: "Naar de inhoud",
    progress_label: "Voortgang",
    complete: "afgerond",
    nothing_to_find_out: "Niets meer uit te zoeken.",
    no_recommendations: "Geen verdere waarborgen aan te bevelen.",
    answer: "Antwoord",
    status: "Status",
    status_in_place: "Genomen",
    status_planned: "Gepland",
    status_not_planned: "Niet gepland",
    owner: "Eigenaar",
    due: "Uiterste datum",
    inherent_score: "Zonder waarborgen",
    residual_score: "Met genomen waarborgen",
    planned_score: "Met geplande maatregelen",
    band: "Niveau",
    wp248_names: [
        "evaluatie of scoretoekenning",
        "geautomatiseerde besluitvorming met rechtsgevolg of vergelijkbaar wezenlijk gevolg",
        "stelselmatige monitoring",
        "gevoelige of zeer persoonlijke gegevens",
        "grootschalige verwerking",
        "koppelen of combineren van datasets",
        "kwetsbare betrokkenen",
        "innovatieve technologie",
        "verhindert de uitoefening van een recht of het gebruik van een dienst",
    ],
};

/// The strings for a language.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::Nl => &NL,
    }
}

/// Fills `{}` placeholders in order.
pub fn fill(template: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len() + 8);
    let mut parts = template.split("{}");
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for (i, part) in parts.enumerate() {
        if let Some(a) = args.get(i) {
            out.push_str(&a.to_string());
        }
        out.push_str(part);
    }
    out
}

impl Strings {
    pub fn level(&self, l: Level) -> &'static str {
        match l {
            Level::Low => self.level_low,
            Level::Medium => self.level_medium,
            Level::High => self.level_high,
            Level::VeryHigh => self.level_very_high,
        }
    }
    pub fn priority(&self, p: Priority) -> &'static str {
        match p {
            Priority::Must => self.must,
            Priority::Should => self.should,
        }
    }
    /// Title and body of a decision outcome.
    pub fn outcome(&self, o: Outcome) -> (&'static str, &'static str) {
        let i = Outcome::ALL.iter().position(|x| *x == o).unwrap_or(0);
        self.outcomes[i]
    }
    /// The name of a WP248 criterion id (the id itself if unknown).
    pub fn wp248<'a>(&self, id: &'a str) -> &'a str {
        crate::domain::model::WP248_CRITERIA.iter().position(|c| *c == id).map(|i| self.wp248_names[i]).unwrap_or(id)
    }

    /// "negligible" .. "maximum" for a level 1..=4.
    pub fn pos(&self, v: u8) -> &'static str {
        self.pos_names[(v.clamp(1, 4) - 1) as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_in_order() {
        assert_eq!(fill("{} of {} answered", &[&3, &10]), "3 of 10 answered");
        assert_eq!(fill("no placeholder", &[&1]), "no placeholder");
    }
}

//! The risk method in short, as shown in the widget (the full text is docs/methodology.md).

use crate::domain::model::Lang;

pub struct MethodStrings {
    pub title: &'static str,
    pub paragraphs: [&'static str; 8],
}

pub static EN: MethodStrings = MethodStrings {
    title: "How this result is worked out",
    paragraphs: [
        "Each risk to the people concerned has a likelihood and a severity on four levels (negligible, limited, significant, maximum), as in the CNIL PIA method. Each answer can raise risks to at least a given level, in its context: some raises count only together with other answers (1:N identification is surveillance of a population when thousands are searched or bystanders are captured, not for 40 people who present themselves at one door). The highest raise that applies counts, so the order of answering never matters. The answers behind each risk, and the articles and regulator decisions they rest on, are listed with the risk.",
        "Safeguards in place lower likelihood or severity by set steps, down to a floor that no measure removes (a leaked face or fingerprint cannot be replaced). Inherent risk is before safeguards, residual risk with the safeguards in place, and the third column adds the safeguards you mark as planned in the action plan.",
        "Likelihood and severity together give a level: low, medium, high or very high. Maximum severity is at least high, however unlikely.",
        "The score (0-100) takes its band from the worst risk, so one very high risk can never be averaged away: low 0-24, medium 25-49, high 50-74, very high 75-100. Within the band it grows with the average of all risks.",
        "Red lines no score can offset: a practice prohibited by the EU AI Act (Art. 5(1)(e)-(h)), no exception to the GDPR Art. 9(1) prohibition, or an exception whose own test fails. Risks raised by a red line cannot be mitigated except by redesign.",
        "The decision uses the four outcomes of the EDPB DPIA template: rejected (a red line is crossed); consultation of the supervisory authority under GDPR Art. 36 (a high risk remains with the measures in place and planned); conditionally approved (every required measure in place or planned, with the conditions listed: measures not yet in place with owner and due date, open questions, contradictions); approved (every required measure in place, no high risk, nothing open). Planned measures never give more than a conditional approval, and a required measure that is not even planned blocks both approvals until it is planned. With fewer than half of the questions answered there is no decision yet.",
        "Measures are recommended only where they help: as must (an answer requires it, or it lowers a high or very high risk by a level) or should (it lowers a medium risk to low), each with what it changes and the decision it would give; never where the answers rule out their precondition, such as human review for a door that only opens or stays shut.",
        "Answers that cannot both be true are shown as points to resolve, with both answers named, and are not scored. The answers that drive the decision most are named with the answer that would change it, worked out by evaluating the assessment again.",
    ],
};

pub static NL: MethodStrings = MethodStrings {
    title: "Hoe deze uitkomst tot stand komt",
    paragraphs: [
        "Elk risico voor de betrokkenen heeft een waarschijnlijkheid en een ernst op vier niveaus (verwaarloosbaar, beperkt, aanzienlijk, maximaal), zoals in de PIA-methode van de CNIL. Elk antwoord kan risico's verhogen tot ten minste een bepaald niveau, in zijn context: sommige verhogingen tellen alleen samen met andere antwoorden (1:N-identificatie is surveillance van een bevolking als duizenden mensen worden doorzocht of omstanders worden vastgelegd, niet bij 40 mensen die zich bij één deur melden). De hoogste verhoging die van toepassing is, telt, dus de volgorde waarin u antwoordt, maakt nooit uit. Bij elk risico staan de antwoorden die het verhogen en de artikelen en besluiten van toezichthouders waarop zij steunen.",
        "Genomen waarborgen verlagen waarschijnlijkheid of ernst met vaste stappen, tot een ondergrens die geen maatregel wegneemt (een gelekt gezicht of een gelekte vingerafdruk is niet te vervangen). Het inherente risico is zonder waarborgen, het restrisico met de genomen waarborgen, en de derde kolom telt ook de waarborgen mee die u in het actieplan als gepland markeert.",
        "Waarschijnlijkheid en ernst samen geven een niveau: laag, middel, hoog of zeer hoog. Maximale ernst geeft altijd ten minste het niveau hoog, hoe onwaarschijnlijk ook.",
        "De score (0-100) ontleent zijn niveau aan het zwaarste risico, zodat één zeer hoog risico nooit kan worden weggemiddeld: laag 0-24, middel 25-49, hoog 50-74, zeer hoog 75-100. Binnen dat niveau stijgt de score met het gemiddelde van alle risico's.",
        "Rode lijnen die geen score kan compenseren: een door de AI-verordening verboden praktijk (art. 5 lid 1 onder e tot en met h), geen uitzondering op het verbod van art. 9 lid 1 AVG, of een uitzondering waarvan de eigen toets niet slaagt. De risico's die door een rode lijn ontstaan, zijn alleen door een nieuw ontwerp te verlagen.",
        "Het besluit kent de vier uitkomsten van het DPIA-model van de EDPB: afgewezen (er wordt een rode lijn overschreden); voorafgaande raadpleging van de toezichthouder op grond van art. 36 AVG (met de genomen en geplande maatregelen blijft een hoog risico over); goedgekeurd onder voorwaarden (elke vereiste maatregel is genomen of gepland, met de voorwaarden erbij: maatregelen die nog niet zijn genomen met eigenaar en uiterste datum, open vragen, tegenstrijdigheden); goedgekeurd (elke vereiste maatregel genomen, geen hoog risico, niets meer open). Geplande maatregelen leveren nooit meer op dan een goedkeuring onder voorwaarden, en een vereiste maatregel die niet eens is gepland, blokkeert beide vormen van goedkeuring totdat die is gepland. Is minder dan de helft van de vragen beantwoord, dan is er nog geen besluit.",
        "Maatregelen worden alleen aanbevolen waar ze helpen: als noodzakelijk (een antwoord vereist ze, of ze verlagen een hoog of zeer hoog risico met een niveau) of gewenst (ze verlagen een middelgroot risico naar laag), elk met wat ze veranderen en het besluit dat ze zouden opleveren; nooit waar de antwoorden hun voorwaarde uitsluiten, zoals menselijke controle bij een deur die alleen open gaat of dicht blijft.",
        "Antwoorden die niet allebei waar kunnen zijn, worden getoond als punten om op te lossen, met beide antwoorden erbij, en tellen niet mee in de score. De antwoorden die het besluit het sterkst bepalen, worden genoemd met het antwoord dat het besluit zou veranderen, uitgerekend door de beoordeling opnieuw te doorlopen.",
    ],
};

pub fn strings(lang: Lang) -> &'static MethodStrings {
    match lang {
        Lang::En => &EN,
        Lang::Nl => &NL,
    }
}

//! The risk method in short, as shown in the widget (the full text is docs/methodology.md).

use crate::domain::model::Lang;

pub struct MethodStrings {
    pub title: &'static str,
    pub paragraphs: [&'static str; 6],
}

pub static EN: MethodStrings = MethodStrings {
    title: "How this result is worked out",
    paragraphs: [
        "Each risk to the people concerned has a likelihood and a severity on four levels (negligible, limited, significant, maximum), as in the CNIL PIA method. Each answer can raise risks to at least a given level; the highest raise counts, so the order of answering never matters. The answers behind each risk, and the articles and regulator decisions they rest on, are listed with the risk.",
        "Safeguards in place lower likelihood or severity by set steps, down to a floor that no measure removes (a leaked face or fingerprint cannot be replaced). Inherent risk is before safeguards, residual risk with the safeguards in place, and the third column adds the safeguards you mark as planned in the action plan.",
        "Likelihood and severity together give a level: low, medium, high or very high. Maximum severity is at least high, however unlikely.",
        "The score (0-100) takes its band from the worst risk, so one very high risk can never be averaged away: low 0-24, medium 25-49, high 50-74, very high 75-100. Within the band it grows with the average of all risks.",
        "Red lines no score can offset: a practice prohibited by the EU AI Act (Art. 5(1)(e)-(h)) or no exception to the GDPR Art. 9(1) prohibition. A red line means: do not proceed as designed, and risks raised by it cannot be mitigated except by redesign. Otherwise, if a high risk remains with the safeguards in place and planned, GDPR Art. 36 requires prior consultation of the supervisory authority.",
        "Safeguards are recommended as must (an answer requires it, or it lowers a high or very high risk), should (it lowers a medium risk) or could (it lowers only low risks), each with its effect per risk.",
    ],
};

pub static NL: MethodStrings = MethodStrings {
    title: "Hoe deze uitkomst tot stand komt",
    paragraphs: [
        "Elk risico voor de betrokkenen heeft een waarschijnlijkheid en een ernst op vier niveaus (verwaarloosbaar, beperkt, aanzienlijk, maximaal), zoals in de PIA-methode van de CNIL. Elk antwoord kan risico's verhogen tot ten minste een bepaald niveau; de hoogste verhoging telt, dus de volgorde waarin u antwoordt, maakt nooit uit. Bij elk risico staan de antwoorden die het verhogen en de artikelen en besluiten van toezichthouders waarop die steunen.",
        "Genomen waarborgen verlagen waarschijnlijkheid of ernst met vaste stappen, tot een ondergrens die geen maatregel wegneemt (een gelekt gezicht of een gelekte vingerafdruk is niet te vervangen). Het inherente risico is zonder waarborgen, het restrisico met de genomen waarborgen, en de derde kolom telt ook de waarborgen mee die u in het actieplan als gepland markeert.",
        "Waarschijnlijkheid en ernst samen geven een niveau: laag, middel, hoog of zeer hoog. Maximale ernst geeft altijd ten minste het niveau hoog, hoe onwaarschijnlijk ook.",
        "De score (0-100) ontleent zijn niveau aan het zwaarste risico, zodat één zeer hoog risico nooit kan worden weggemiddeld: laag 0-24, middel 25-49, hoog 50-74, zeer hoog 75-100. Binnen dat niveau stijgt de score met het gemiddelde van alle risico's.",
        "Rode lijnen die geen score kan compenseren: een door de AI-verordening verboden praktijk (art. 5 lid 1 onder e tot en met h) of geen uitzondering op het verbod van art. 9 lid 1 AVG. Een rode lijn betekent: niet uitvoeren zoals ontworpen, en de risico's die erdoor ontstaan zijn alleen door een nieuw ontwerp te verlagen. Blijft anders met de genomen en geplande waarborgen een hoog risico over, dan vereist art. 36 AVG voorafgaande raadpleging van de toezichthouder.",
        "Waarborgen worden aanbevolen als noodzakelijk (een antwoord vereist ze, of ze verlagen een hoog of zeer hoog risico), gewenst (ze verlagen een risico van niveau middel) of optioneel (ze verlagen alleen lage risico's), elk met het effect per risico.",
    ],
};

pub fn strings(lang: Lang) -> &'static MethodStrings {
    match lang {
        Lang::En => &EN,
        Lang::Nl => &NL,
    }
}

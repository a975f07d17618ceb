//! Strings of the assessments list, export and import, autosave and two-tab messages
//! (src/ui/manager.rs), in English and Dutch. `{}` placeholders are filled in order with
//! [`super::fill`]. Verdict titles and "Dismiss" come from the main [`super::Strings`].

use crate::domain::model::Lang;

pub struct ManagerStrings {
    /// Header button and heading of the list.
    pub assessments: &'static str,
    pub intro: &'static str,
    /// "{} assessments in this browser".
    pub count: &'static str,
    pub list_caption: &'static str,
    pub col_title: &'static str,
    pub col_updated: &'static str,
    pub col_verdict: &'static str,
    pub col_actions: &'static str,
    pub untitled: &'static str,
    /// Marks the open assessment in the list.
    pub open_now: &'static str,
    pub provisional: &'static str,
    /// "{} answers no longer asked".
    pub retired_count: &'static str,
    pub never_changed: &'static str,
    pub new: &'static str,
    pub open: &'static str,
    pub rename: &'static str,
    /// Label of the inline title field: "New title for {}".
    pub rename_label: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
    pub duplicate: &'static str,
    pub delete: &'static str,
    pub export: &'static str,
    pub export_now: &'static str,
    pub import_heading: &'static str,
    pub import_label: &'static str,
    pub import_help: &'static str,
    /// "Copy of {}".
    pub copy_of: &'static str,

    pub delete_title: &'static str,
    /// "{} will be removed from this browser..." (title).
    pub delete_body: &'static str,
    pub delete_confirm: &'static str,
    /// "{} was deleted." (title).
    pub deleted: &'static str,
    pub undo: &'static str,
    /// "{} is back." (title).
    pub restored: &'static str,
    pub created: &'static str,
    /// "{} was created as a copy." (title).
    pub duplicated: &'static str,
    /// "Renamed to {}." (title).
    pub renamed: &'static str,

    /// "{} was imported as a new assessment." (title).
    pub imported: &'static str,
    /// "It was made with question bank version {}; it now follows version {}."
    pub migrated: &'static str,
    /// "{} answer(s) to questions that are no longer asked ..." (count).
    pub retired_kept: &'static str,
    /// "{} answer(s) that were no longer asked are asked again ..." (count).
    pub restored_answers: &'static str,
    /// "{} text answer(s) are longer than ..." (count).
    pub too_long_kept: &'static str,
    pub open_imported: &'static str,

    /// "The file is too large ({} MB) ... at most {} MB".
    pub err_too_large: &'static str,
    pub err_empty: &'static str,
    /// "... not JSON (line {}, column {})".
    pub err_not_json: &'static str,
    pub err_not_assessment: &'static str,
    /// "... the field {} has a value of the wrong kind." (field path, quoted).
    pub err_wrong_type: &'static str,
    /// "... the field {} has a value this tool does not accept." (field path).
    pub err_not_allowed: &'static str,
    /// "... the required field {} is missing." (field path).
    pub err_missing: &'static str,
    /// "... the field {} appears more than once." (field path).
    pub err_duplicate: &'static str,
    /// "The problem is at line {}, column {}."
    pub err_position: &'static str,
    /// "{} field(s) ... were shortened: {}." (count, list of `shortened_item`).
    pub shortened: &'static str,
    /// "{} ({} characters; at most {})" (field path, length, limit).
    pub shortened_item: &'static str,
    /// "... file format {} ... up to format {}".
    pub err_newer: &'static str,
    /// "... question bank version {} does not contain: {}".
    pub err_unknown_questions: &'static str,
    /// "... signed version {} ... does not match its fingerprint ..." (number).
    pub err_version_tampered: &'static str,
    /// "... signed version {} ... damaged ..." (number).
    pub err_version_damaged: &'static str,
    pub err_read_file: &'static str,
    pub nothing_imported: &'static str,
    pub err_storage_full: &'static str,
    pub err_unavailable: &'static str,

    /// "... kept aside unchanged under the key {}".
    pub unreadable: &'static str,
    /// "Saved data ... could not be read ... under: {}" (keys).
    pub kept_aside_at_start: &'static str,
    /// "The list ... kept aside under {} and rebuilt ...".
    pub index_rebuilt: &'static str,
    pub missing: &'static str,

    pub conflict_title: &'static str,
    pub conflict_deleted_title: &'static str,
    pub conflict_body: &'static str,
    pub conflict_load: &'static str,
    pub conflict_keep: &'static str,
    pub conflict_keep_deleted: &'static str,
    pub conflict_accept_delete: &'static str,
    pub conflict_loaded: &'static str,
    pub conflict_kept: &'static str,
    /// The other tab's version could not be read: "... kept aside under {}".
    pub conflict_unreadable: &'static str,

    pub no_longer_asked: &'static str,
    /// "... the current question bank (version {}) ...".
    pub no_longer_asked_intro: &'static str,
    pub reason_removed: &'static str,
    pub reason_option: &'static str,
    pub reason_kind: &'static str,
    /// "given under question bank version {}".
    pub given_under: &'static str,
    pub answer_given: &'static str,
}

pub static EN: ManagerStrings = ManagerStrings {
    assessments: "Assessments",
    intro: "Your assessments are saved in this browser only, on this device, and every change is saved as you go. Export an assessment to keep a copy, to move it to another computer or to send it to a colleague.",
    count: "{} assessment(s) in this browser.",
    list_caption: "Assessments saved in this browser, most recently changed first",
    col_title: "Title",
    col_updated: "Last change",
    col_verdict: "Verdict",
    col_actions: "Actions",
    untitled: "Untitled assessment",
    open_now: "open now",
    provisional: "provisional",
    retired_count: "{} answer(s) no longer asked",
    never_changed: "not yet changed",
    new: "New assessment",
    open: "Open",
    rename: "Rename",
    rename_label: "New title for {}",
    save: "Save",
    cancel: "Cancel",
    duplicate: "Duplicate",
    delete: "Delete",
    export: "Export",
    export_now: "Export this assessment",
    import_heading: "Import",
    import_label: "Import an assessment (.json file)",
    import_help: "Choose a file exported from this tool. It is added as a new assessment; nothing already saved is changed.",
    copy_of: "Copy of {}",

    delete_title: "Delete this assessment?",
    delete_body: "{} will be removed from this browser. You can undo this for a few seconds. To keep a copy, export it first.",
    delete_confirm: "Delete",
    deleted: "{} was deleted.",
    undo: "Undo",
    restored: "{} is back.",
    created: "A new assessment was started.",
    duplicated: "{} was created as a copy.",
    renamed: "Renamed to {}.",

    imported: "{} was imported as a new assessment.",
    migrated: "It was made with question bank version {}; it now follows version {}.",
    retired_kept: "{} answer(s) to questions that are no longer asked in this form were kept; you will find them under “No longer asked” in the results.",
    restored_answers: "{} answer(s) to questions that are asked again were restored.",
    too_long_kept: "{} text answer(s) are longer than the question now allows; they were kept in full. Shorten them when you next edit them.",
    open_imported: "Open it",

    err_too_large: "This file is too large ({} MB). An assessment export is at most {} MB, so this is not one.",
    err_empty: "This file is empty.",
    err_not_json: "This is not an assessment export: the file is not JSON (the problem is at line {}, column {}).",
    err_not_assessment: "This JSON file is not an assessment exported from this tool: it has no “format” field.",
    err_wrong_type: "This file looks like an assessment export but is damaged or was edited: the field {} has a value of the wrong kind.",
    err_not_allowed: "This file looks like an assessment export but is damaged or was edited: the field {} has a value this tool does not accept.",
    err_missing: "This file looks like an assessment export but is damaged or was edited: the required field {} is missing.",
    err_duplicate: "This file looks like an assessment export but is damaged or was edited: the field {} appears more than once.",
    err_position: "The problem is at line {}, column {}.",
    shortened: "{} field(s) were longer than this tool allows and were shortened: {}. The file itself is unchanged.",
    shortened_item: "{} ({} characters; at most {})",
    err_newer: "This file was exported by a newer version of this tool (file format {}; this version reads up to format {}). Ask for the tool to be updated, then import the file again.",
    err_unknown_questions: "This file answers questions that question bank version {} does not contain: {}. It was not exported from this tool, or it was edited.",
    err_version_tampered: "Signed version {} in this file does not match its fingerprint: it was changed after it was signed. The file was not used.",
    err_version_damaged: "Signed version {} in this file is damaged or out of order. The file was not used.",
    err_read_file: "The browser could not read this file.",
    nothing_imported: "Nothing was imported and nothing saved was changed.",
    err_storage_full: "This browser's storage is full, so this was not done and nothing saved was changed. Export assessments you no longer need here, delete them, and try again.",
    err_unavailable: "This browser does not allow saving, so this was not done.",

    unreadable: "This assessment could not be read. It was kept aside unchanged in this browser's storage under the key “{}” and removed from the list.",
    kept_aside_at_start: "Saved data in this browser could not be read. It was kept aside unchanged in this browser's storage under: {}.",
    index_rebuilt: "The list of your assessments could not be read. It was kept aside unchanged under “{}” and rebuilt from the saved assessments.",
    missing: "This assessment no longer exists in this browser; it may have been deleted in another tab.",

    conflict_title: "This assessment was changed in another tab or window.",
    conflict_deleted_title: "This assessment was deleted in another tab or window.",
    conflict_body: "So that neither change is lost without you knowing, changes you make here are not saved until you choose.",
    conflict_load: "Load the other tab's version",
    conflict_keep: "Keep mine (overwrite the other)",
    conflict_keep_deleted: "Keep it (save it again)",
    conflict_accept_delete: "Accept the deletion",
    conflict_loaded: "The version from the other tab is loaded.",
    conflict_kept: "Your version is saved. The other tab will show a warning.",
    conflict_unreadable: "The other tab's version could not be read. It was kept aside unchanged under the key “{}”; your version is still open here.",

    no_longer_asked: "No longer asked",
    no_longer_asked_intro: "These answers were given to questions that the current question bank (version {}) no longer asks in this form. They are kept with the assessment and in every export, but do not count in the results.",
    reason_removed: "question removed",
    reason_option: "option no longer offered",
    reason_kind: "question changed",
    given_under: "given under question bank version {}",
    answer_given: "Answer given",
};

pub static NL: ManagerStrings = ManagerStrings {
    assessments: "Beoordelingen",
    intro: "Uw beoordelingen worden alleen in deze browser op dit apparaat bewaard, en elke wijziging wordt direct opgeslagen. Exporteer een beoordeling als u er een kopie van wilt bewaren, haar op een andere computer wilt gebruiken of naar een collega wilt sturen.",
    count: "{} beoordeling(en) in deze browser.",
    list_caption: "Beoordelingen in deze browser, meest recent gewijzigde eerst",
    col_title: "Titel",
    col_updated: "Laatst gewijzigd",
    col_verdict: "Oordeel",
    col_actions: "Acties",
    untitled: "Beoordeling zonder titel",
    open_now: "nu geopend",
    provisional: "voorlopig",
    retired_count: "{} antwoord(en) niet meer gevraagd",
    never_changed: "nog niet gewijzigd",
    new: "Nieuwe beoordeling",
    open: "Openen",
    rename: "Naam wijzigen",
    rename_label: "Nieuwe titel voor {}",
    save: "Opslaan",
    cancel: "Annuleren",
    duplicate: "Dupliceren",
    delete: "Verwijderen",
    export: "Exporteren",
    export_now: "Deze beoordeling exporteren",
    import_heading: "Importeren",
    import_label: "Beoordeling importeren (.json-bestand)",
    import_help: "Kies een bestand dat met dit hulpmiddel is geëxporteerd. Het wordt als nieuwe beoordeling toegevoegd; wat al is opgeslagen, blijft ongewijzigd.",
    copy_of: "Kopie van {}",

    delete_title: "Deze beoordeling verwijderen?",
    delete_body: "{} wordt uit deze browser verwijderd. U kunt dit een paar seconden ongedaan maken. Wilt u een kopie bewaren, exporteer de beoordeling dan eerst.",
    delete_confirm: "Verwijderen",
    deleted: "{} is verwijderd.",
    undo: "Ongedaan maken",
    restored: "{} is teruggezet.",
    created: "Er is een nieuwe beoordeling gestart.",
    duplicated: "{} is als kopie aangemaakt.",
    renamed: "Naam gewijzigd in {}.",

    imported: "{} is als nieuwe beoordeling geïmporteerd.",
    migrated: "De beoordeling is gemaakt met versie {} van de vragenlijst en volgt nu versie {}.",
    retired_kept: "{} antwoord(en) op vragen die niet meer in deze vorm worden gesteld, zijn bewaard; u vindt ze bij de uitkomst onder ‘Niet meer gevraagd’.",
    restored_answers: "{} antwoord(en) op vragen die weer worden gesteld, zijn teruggezet.",
    too_long_kept: "{} tekstantwoord(en) zijn langer dan de vraag nu toestaat; ze zijn volledig bewaard. Kort ze in wanneer u ze weer bewerkt.",
    open_imported: "Openen",

    err_too_large: "Dit bestand is te groot ({} MB). Een geëxporteerde beoordeling is hooguit {} MB, dus dit is er geen.",
    err_empty: "Dit bestand is leeg.",
    err_not_json: "Dit is geen geëxporteerde beoordeling: het bestand is geen JSON (het probleem zit op regel {}, positie {}).",
    err_not_assessment: "Dit JSON-bestand is geen beoordeling die met dit hulpmiddel is geëxporteerd: het veld ‘format’ ontbreekt.",
    err_wrong_type: "Dit bestand lijkt een geëxporteerde beoordeling, maar is beschadigd of bewerkt: het veld {} heeft een waarde van de verkeerde soort.",
    err_not_allowed: "Dit bestand lijkt een geëxporteerde beoordeling, maar is beschadigd of bewerkt: het veld {} heeft een waarde die dit hulpmiddel niet accepteert.",
    err_missing: "Dit bestand lijkt een geëxporteerde beoordeling, maar is beschadigd of bewerkt: het verplichte veld {} ontbreekt.",
    err_duplicate: "Dit bestand lijkt een geëxporteerde beoordeling, maar is beschadigd of bewerkt: het veld {} komt meer dan één keer voor.",
    err_position: "Het probleem zit op regel {}, positie {}.",
    shortened: "{} veld(en) waren langer dan dit hulpmiddel toestaat en zijn ingekort: {}. Het bestand zelf is niet gewijzigd.",
    shortened_item: "{} ({} tekens; hooguit {})",
    err_newer: "Dit bestand is geëxporteerd met een nieuwere versie van dit hulpmiddel (bestandsformaat {}; deze versie leest tot en met formaat {}). Laat het hulpmiddel bijwerken en importeer het bestand daarna opnieuw.",
    err_unknown_questions: "Dit bestand bevat antwoorden op vragen die niet in versie {} van de vragenlijst staan: {}. Het is niet met dit hulpmiddel geëxporteerd, of het is bewerkt.",
    err_version_tampered: "Ondertekende versie {} in dit bestand klopt niet met haar vingerafdruk: ze is na ondertekening gewijzigd. Het bestand is niet gebruikt.",
    err_version_damaged: "Ondertekende versie {} in dit bestand is beschadigd of staat niet op volgorde. Het bestand is niet gebruikt.",
    err_read_file: "De browser kon dit bestand niet lezen.",
    nothing_imported: "Er is niets geïmporteerd en niets wat al was opgeslagen, is gewijzigd.",
    err_storage_full: "De opslag van deze browser is vol. Dit is daarom niet uitgevoerd en er is niets gewijzigd. Exporteer beoordelingen die u hier niet meer nodig hebt, verwijder ze en probeer het opnieuw.",
    err_unavailable: "Deze browser staat opslaan niet toe. Dit is daarom niet uitgevoerd.",

    unreadable: "Deze beoordeling kon niet worden gelezen. Ze is ongewijzigd apart gezet in de opslag van deze browser onder de sleutel ‘{}’ en uit de lijst gehaald.",
    kept_aside_at_start: "Opgeslagen gegevens in deze browser konden niet worden gelezen. Ze zijn ongewijzigd apart gezet in de opslag van deze browser onder: {}.",
    index_rebuilt: "De lijst met uw beoordelingen kon niet worden gelezen. Die is ongewijzigd apart gezet onder ‘{}’ en opnieuw opgebouwd uit de opgeslagen beoordelingen.",
    missing: "Deze beoordeling bestaat niet meer in deze browser; misschien is ze in een ander tabblad verwijderd.",

    conflict_title: "Deze beoordeling is in een ander tabblad of venster gewijzigd.",
    conflict_deleted_title: "Deze beoordeling is in een ander tabblad of venster verwijderd.",
    conflict_body: "Om te voorkomen dat een van beide wijzigingen ongemerkt verloren gaat, worden wijzigingen die u hier maakt pas opgeslagen als u een keuze hebt gemaakt.",
    conflict_load: "Versie uit het andere tabblad laden",
    conflict_keep: "Mijn versie houden (de andere overschrijven)",
    conflict_keep_deleted: "Bewaren (opnieuw opslaan)",
    conflict_accept_delete: "Verwijdering accepteren",
    conflict_loaded: "De versie uit het andere tabblad is geladen.",
    conflict_kept: "Uw versie is opgeslagen. Het andere tabblad krijgt een waarschuwing.",
    conflict_unreadable: "De versie uit het andere tabblad kon niet worden gelezen. Die is ongewijzigd apart gezet onder de sleutel ‘{}’; uw versie blijft hier geopend.",

    no_longer_asked: "Niet meer gevraagd",
    no_longer_asked_intro: "Deze antwoorden zijn gegeven op vragen die de huidige vragenlijst (versie {}) niet meer in deze vorm stelt. Ze blijven bij de beoordeling en gaan mee in elke export, maar tellen niet mee in de uitkomst.",
    reason_removed: "vraag vervallen",
    reason_option: "antwoordmogelijkheid vervallen",
    reason_kind: "vraag gewijzigd",
    given_under: "gegeven bij versie {} van de vragenlijst",
    answer_given: "Gegeven antwoord",
};

/// The strings for a language.
pub fn strings(lang: Lang) -> &'static ManagerStrings {
    match lang {
        Lang::En => &EN,
        Lang::Nl => &NL,
    }
}

//! How the report names things in a language, as plain text: an answer option, an answer that
//! raised something, a finding, a provision, a status, a sign-off line. Pure (no yew): the
//! summary's views (`ui::cite`, `ui::summary`) and the .docx export ([`super::docx`]) both use
//! these, so that the two documents say the same thing in the same words.

use crate::domain::answers::{Answer, PlanItem, Row, Status};
use crate::domain::engine::{Cause, Outcome, Report};
use crate::domain::fria::{Part, Reference};
use crate::domain::model::{AnswerOption, Bank, Column, ColumnKind, DateKind, Finding, Kind, Question};
use crate::i18n::{strings, summary, Get, Lang, Strings};
use crate::persist::assessment::{Assessment, FieldKind, SignOffField};
use crate::persist::record::{self, Decided};

/// Id of the section whose text answers are the systematic description.
pub const DESCRIPTION_SECTION: &str = "description";

/// The numbers of the parts that other parts refer to (the FRIA annex).
pub const RISKS_PART: &str = "3.";
pub const PLAN_PART: &str = "4.";

/// One part of the DPIA a FRIA item refers to, as a line of text.
pub fn fria_reference(lang: Lang, r: &Reference) -> String {
    let s = summary::strings(lang);
    match r {
        Reference::Answer { number, section, question } => {
            s.fria_ref_answer(number, section.title.get(lang), question.text.get(lang))
        }
        Reference::Part(Part::Risks) => format!("{RISKS_PART} {}", s.risk_table),
        Reference::Part(Part::ActionPlan) => format!("{PLAN_PART} {}", s.action_plan),
    }
}

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

/// A table answer as the documents show it: each row that holds any text, as the texts of its
/// cells in column order (a choice by its label; an id the column does not offer as it is).
pub fn table_cells(q: &Question, rows: &[Row], lang: Lang) -> Vec<Vec<String>> {
    let value = |c: &Column, row: &Row| {
        let v = row.get(&c.id).map(String::as_str).unwrap_or_default();
        match c.kind {
            ColumnKind::Choice => c.option(v).map_or(v.to_string(), |o| o.label.get(lang).to_string()),
            ColumnKind::Text => v.to_string(),
        }
    };
    rows.iter()
        .filter(|r| r.values().any(|v| !v.trim().is_empty()))
        .map(|row| q.columns.iter().map(|c| value(c, row)).collect())
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

/// An answer as one line of text: options by their labels, table rows as their cells (`None`
/// for the question: a question the bank no longer has, whose ids are shown as they are).
pub fn answer_text(q: Option<&Question>, a: &Answer, lang: Lang) -> String {
    match (q, a) {
        (_, Answer::Text(s)) => s.clone(),
        (Some(q), Answer::Table(rows)) => {
            table_cells(q, rows, lang).into_iter().map(|cells| cells.join(" / ")).collect::<Vec<_>>().join("; ")
        }
        (None, Answer::Table(rows)) => rows
            .iter()
            .map(|row| row.values().map(String::as_str).collect::<Vec<_>>().join(" / "))
            .collect::<Vec<_>>()
            .join("; "),
        (Some(q), a) => chosen_labels(q, a, lang).join(", "),
        (None, a) => a.chosen().join(", "),
    }
}

/// A line of the action plan as one line of text: status, owner, due date.
pub fn measure_text(lang: Lang, item: &PlanItem) -> String {
    let t = strings(lang);
    let mut parts = vec![status_text(t, item.status).to_string()];
    if !item.owner.trim().is_empty() {
        parts.push(format!("{}: {}", t.owner, item.owner.trim()));
    }
    if !item.due.is_empty() {
        parts.push(format!("{}: {}", t.due, t.date(&item.due)));
    }
    parts.join(" · ")
}

/// The name of a status of the action plan.
pub fn status_text(t: &Strings, s: Status) -> &'static str {
    t.status(s)
}

/// The text and table questions of the description section that are shown: the systematic
/// description.
pub fn description<'b: 'r, 'r>(bank: &'b Bank, report: &'r Report) -> impl Iterator<Item = &'b Question> + 'r {
    let questions =
        bank.sections.iter().find(|x| x.id == DESCRIPTION_SECTION).into_iter().flat_map(|s| s.questions.iter());
    questions.filter(move |q| matches!(q.kind, Kind::Text | Kind::Table) && report.visible.contains(&q.id))
}

/// One row of the decision record (as the ICO sign-off table and the EDPB template ask): its
/// field, label, note and whether it has a signature line.
#[derive(Clone, Debug, PartialEq)]
pub struct SignOffLine {
    pub field: SignOffField,
    pub label: &'static str,
    pub note: String,
    pub signed: bool,
}

/// The rows of the decision record of `a`, in order, with the notes its state calls for (the
/// engine's `outcome` proposed as the decision, the views of data subjects as answered, reasons
/// missing).
pub fn signoff_lines(bank: &Bank, lang: Lang, a: &Assessment, outcome: Outcome) -> Vec<SignOffLine> {
    use SignOffField as F;
    let t = strings(lang);
    let s = summary::strings(lang);
    let so = &a.signoff;
    let decision_note = match record::decided(so, outcome) {
        Decided::Proposed(Some(o)) => s.decision_proposed(t.outcome_short(o)),
        Decided::Proposed(None) => s.decision_none_proposed.to_string(),
        Decided::Recorded(_) => s.decision_note.to_string(),
        Decided::Differs(_, o) => s.decision_differs(t.outcome_short(o)),
    };
    let views = bank.question(record::VIEWS_QUESTION).map(|q| {
        let labels = a.answers.get(&q.id).map(|x| chosen_labels(q, x, lang)).unwrap_or_default();
        let answer = if labels.is_empty() { s.not_answered.to_string() } else { labels.join("; ") };
        s.views_sought(&answer)
    });
    let reasons_note = if record::reasons_missing(so) {
        format!("{} {}", s.dpo_reasons_note, s.reasons_missing)
    } else {
        s.dpo_reasons_note.to_string()
    };
    let row = |field, label, note: &str, signed| SignOffLine { field, label, note: note.to_string(), signed };
    vec![
        row(F::Decision, s.decision, &decision_note, false),
        row(F::DecisionConditions, s.decision_conditions, s.decision_conditions_note, false),
        row(F::DecidedBy, s.decided_by, "", true),
        row(F::DecidedByRole, s.decided_by_role, "", false),
        row(F::DecisionDate, s.decision_date, "", false),
        row(F::MeasuresApprovedBy, s.measures_approved_by, s.measures_note, true),
        row(F::ResidualRiskAcceptedBy, s.residual_accepted_by, s.residual_note, true),
        row(F::DpoName, s.dpo_name, "", true),
        row(F::DpoAdvice, s.dpo_advice, s.dpo_advice_note, false),
        row(F::DpoAdviceDate, s.dpo_advice_date, "", false),
        row(F::DpoAdviceFollowed, s.dpo_followed, "", false),
        row(F::DpoAdviceReasons, s.dpo_reasons, &reasons_note, false),
        row(F::DpoAdviceDecidedBy, s.dpo_decided_by, "", true),
        row(F::ViewsSummary, s.views, &views.unwrap_or_default(), false),
        row(F::ConsultationReviewedBy, s.consultation_reviewed_by, "", true),
        row(F::KeptUnderReviewBy, s.kept_under_review_by, "", false),
        row(F::ReviewDate, s.review_date, s.review_note, false),
    ]
}

/// The label of a value of a choice field of the record: the decision as the outcomes are
/// named, whether the advice was followed as the bank's question names its options (the same
/// words wherever that status is shown).
pub fn signoff_choice(bank: &Bank, lang: Lang, field: SignOffField, value: &str) -> String {
    match field {
        SignOffField::Decision => {
            Outcome::from_key(value).map(|o| strings(lang).outcome(o).0.to_string()).unwrap_or_default()
        }
        _ => bank
            .question(record::FOLLOWED_QUESTION)
            .and_then(|q| q.option(record::followed_now(value)))
            .map(|o| option_label(o, lang))
            .unwrap_or_else(|| value.to_string()),
    }
}

/// A value of the record as the document shows it: a choice by its label, a date as the
/// language writes it, text as written.
pub fn signoff_value(bank: &Bank, lang: Lang, field: SignOffField, value: &str) -> String {
    match field.kind() {
        FieldKind::Choice(_) if value.is_empty() => String::new(),
        FieldKind::Choice(_) => signoff_choice(bank, lang, field, value),
        FieldKind::Date => strings(lang).date(value),
        FieldKind::Name | FieldKind::Text => value.to_string(),
    }
}

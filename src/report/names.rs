//! How the report names things in a language, as plain text: an answer option, an answer that
//! raised something, a finding, a provision, a status, a sign-off line. Pure (no yew): the
//! summary's views (`ui::cite`, `ui::summary`) and the .docx export ([`super::docx`]) both use
//! these, so that the two documents say the same thing in the same words.

use crate::domain::answers::{Answer, PlanItem, Row, Status};
use crate::domain::engine::{Cause, Outcome, Position, Report};
use crate::domain::fria::{Part, Reference};
use crate::domain::model::{AnswerOption, Bank, Column, ColumnKind, DateKind, Finding, Question};
use crate::i18n::{review, strings, summary, Get, Lang, Strings};
use crate::persist::assessment::{Assessment, FieldKind, SignOffField};
use crate::persist::record::{self, Decided};
use crate::persist::review::{Comment, Target};
use crate::report::outline::{self, Block, Outline, Place};

/// The fields of the template that the FRIA annex refers to for the risks and for the plan.
pub const RISKS_FIELD: &str = "3.1";
pub const PLAN_FIELD: &str = "4.2.c";

/// One part of the DPIA a FRIA item refers to, as a line of text: the field of the template
/// that prints the answer (or annex A), or the field of the risks or the plan.
pub fn fria_reference(lang: Lang, o: &Outline, r: &Reference) -> String {
    let s = summary::strings(lang);
    match r {
        Reference::Answer { question, .. } => {
            let part = match o.place(&question.id) {
                Some(Place::Field(n)) => outline::title(lang, n),
                _ => format!("{} A ({})", s.annex, crate::i18n::template::strings(lang).remaining),
            };
            s.fria_ref_answer(&part, question.text.get(lang))
        }
        Reference::Part(Part::Risks) => outline::title(lang, RISKS_FIELD),
        Reference::Part(Part::ActionPlan) => outline::title(lang, PLAN_FIELD),
    }
}

/// The lines of the decision record a block of the outline holds: the DPO's (5.1), those on the
/// views of data subjects (5.2), the controller's (6).
pub fn record_fields(block: Block) -> &'static [SignOffField] {
    use SignOffField as F;
    match block {
        Block::DpoRecord => &[
            F::DpoName,
            F::DpoAdvice,
            F::DpoAdviceDate,
            F::DpoAdviceFollowed,
            F::DpoAdviceReasons,
            F::DpoAdviceDecidedBy,
        ],
        Block::ViewsRecord => &[F::ViewsSummary, F::ConsultationReviewedBy],
        Block::DecisionRecord => &[
            F::Decision,
            F::DecisionConditions,
            F::DecidedBy,
            F::DecidedByRole,
            F::DecisionDate,
            F::MeasuresApprovedBy,
            F::ResidualRiskAcceptedBy,
            F::KeptUnderReviewBy,
            F::ReviewDate,
        ],
        _ => &[],
    }
}

/// The lines of the decision record that `block` holds, in the record's order (see
/// [`signoff_lines`]).
pub fn record_lines(bank: &Bank, lang: Lang, a: &Assessment, outcome: Outcome, block: Block) -> Vec<SignOffLine> {
    let fields = record_fields(block);
    signoff_lines(bank, lang, a, outcome).into_iter().filter(|l| fields.contains(&l.field)).collect()
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

/// What a review comment is about, by name in `lang` (a question's text, a section's, risk's or
/// measure's title), or "No longer in the form: <id>" when the bank no longer has it.
pub fn target_title(bank: &Bank, lang: Lang, t: &Target) -> String {
    let found = match t {
        Target::Question(id) => bank.question(id).map(|q| q.text.get(lang)),
        Target::Section(id) => bank.sections.iter().find(|s| &s.id == id).map(|s| s.title.get(lang)),
        Target::Risk(id) => bank.risk(id).map(|r| r.title.get(lang)),
        Target::Measure(id) => bank.safeguard(id).map(|s| s.title.get(lang)),
    };
    found.map(str::to_string).unwrap_or_else(|| review::strings(lang).orphan(t.id()))
}

/// Who wrote a comment and when ("A. Jansen, 3 December 2026"), the name passed through `name`
/// (the views isolate it), "(no name)" without one.
pub fn comment_by(lang: Lang, c: &Comment, name: impl Fn(&str) -> String) -> String {
    let t = review::strings(lang);
    let who = if c.author.trim().is_empty() { t.unnamed.to_string() } else { name(&c.author) };
    t.by(who, strings(lang).date(c.at.get(..10).unwrap_or(&c.at)))
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
    } else if record::deviation_documented(so) {
        format!("{} {}", s.dpo_reasons_note, s.reasons_recorded)
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

/// The controller's decision as the cover states it, from the decision record: the decision,
/// its date and who took it; or that it is not taken yet, with the outcome the assessment
/// proposes.
pub fn decision_line(bank: &Bank, lang: Lang, a: &Assessment, outcome: Outcome) -> String {
    let t = strings(lang);
    let s = summary::strings(lang);
    let so = &a.signoff;
    match record::decided(so, outcome) {
        Decided::Proposed(Some(o)) => format!("{}. {}", s.decision_unset, s.decision_proposed(t.outcome_short(o))),
        Decided::Proposed(None) => format!("{}. {}", s.decision_unset, s.decision_none_proposed),
        Decided::Recorded(_) | Decided::Differs(..) => {
            let parts = [
                signoff_value(bank, lang, SignOffField::Decision, &so.decision),
                signoff_value(bank, lang, SignOffField::DecisionDate, &so.decision_date),
                so.decided_by.trim().to_string(),
            ];
            let line = parts.into_iter().filter(|x| !x.is_empty()).collect::<Vec<_>>().join(" · ");
            match record::decided(so, outcome) {
                Decided::Differs(_, o) => format!("{line}. {}", s.decision_differs(t.outcome_short(o))),
                _ => line,
            }
        }
    }
}

/// "Version 1 signed on 1 March 2027 by A. Bakker".
pub fn signed_line(lang: Lang, v: &crate::persist::version::Version) -> String {
    let t = strings(lang);
    let date = t.date(v.signed_at.get(..10).unwrap_or(&v.signed_at));
    t.version_signed(v.number, &date, &v.signed_by)
}

/// One "why this decision" line (`present::Why`): what would change and what it would give.
pub fn why_line(bank: &Bank, lang: Lang, report: &Report, w: &crate::domain::present::Why) -> String {
    use crate::domain::present::WhyLever;
    let t = strings(lang);
    let lever = match &w.lever {
        WhyLever::Instead { cause, instead } => {
            let label = bank
                .question(&cause.question)
                .and_then(|q| q.option(instead))
                .map(|o| option_label(o, lang))
                .unwrap_or_else(|| instead.to_string());
            t.why_instead(lang.quote(&label))
        }
        WhyLever::Without { cause } => t.why_without(lang.quote(&cause_text(bank, lang, cause).1)),
        WhyLever::Measure(s) => t.why_measure(lang.quote(&safeguard_title(bank, lang, s))),
        WhyLever::Planned(n) => t.why_planned(*n),
        WhyLever::Required(n) => t.why_required(*n),
    };
    let result =
        if w.changes { t.why_outcome(t.outcome_short(w.outcome)) } else { t.why_score(report.planned_score, w.score) };
    t.why_line(lever, result)
}

/// What "why this decision" says of a departure from advice (`present::DeviationRow`): its
/// reasons are recorded (a documented deviation, which raises no risk), or they are not and the
/// answer raises these risks.
pub fn deviation_line(bank: &Bank, lang: Lang, d: &crate::domain::present::DeviationRow) -> String {
    let t = strings(lang);
    if d.documented {
        t.deviation_documented.to_string()
    } else if d.risks.is_empty() {
        t.deviation_no_reasons.to_string()
    } else {
        let risks: Vec<String> = d.risks.iter().map(|r| lang.quote(&risk_title(bank, lang, r))).collect();
        t.deviation_no_reasons_risk(risks.join(", "))
    }
}

/// What a measure changes for one risk: "Breach of irrevocable biometric data: High → Medium".
pub fn effect_line(bank: &Bank, lang: Lang, risk: &str, before: Position, after: Position) -> String {
    let t = strings(lang);
    format!("{}: {} → {}", risk_title(bank, lang, risk), t.level(before.level()), t.level(after.level()))
}

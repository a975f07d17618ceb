//! The summary as an editable Word document (.docx): the same outline, numbering, headings and
//! words as the summary the widget shows and prints (`ui::summary`): the cover (title,
//! organisation, date, bank version, the controller's decision, the assessment's outcome,
//! scores), then the EDPB template's sections 0 to 6 as `report::outline` gives them (each a
//! Heading 1 that starts a page, its fields Heading 2 and 3), with the answers under each field
//! and its blocks: screening and versions, the measures, the risks and why they arise, the method,
//! the risk map (as a table) and table, the plan with status, owner and due date, what to find
//! out, the decision record's lines, the decision with "why this decision", the signed version
//! with its fingerprint; then the annex "review comments" where there are comments, the annex "changes since version N" where a signed version
//! precedes the one written, annex A the remaining answers, annex B the findings cited with
//! their sources, annex C the FRIA where one is owed.
//!
//! Everything shown comes from the engine's [`Report`], `domain::present` and the outline;
//! names of things from [`super::names`], as the views use them.

use super::names::{
    cause_option, cause_text, chosen_labels, comment_by, decision_line, deviation_line, effect_line, finding_heading,
    finding_short, fria_reference, option_label, provision_short, record_lines, risk_title, safeguard_title,
    signed_line, signoff_value, status_text, table_cells, target_title, why_line,
};
use super::ooxml::{self, Body, Run, Style};
use super::outline::{self, Block, Entry, Outline};
use crate::domain::answers::{Answer, Row};
use crate::domain::engine::{Cause, Explanation, Outcome, Report, RiskResult};
use crate::domain::model::{Bank, Finding, Question};
use crate::domain::present::{PlanRow, WhyLever};
use crate::i18n::{strings, summary, template, Get, Lang};
use crate::persist::assessment::{Assessment, FieldKind};
use crate::persist::review;
use crate::persist::version::{self, Standing};

/// The .docx file of the summary of `a` (whose report is `report`) in `lang`, dated `date`
/// (YYYY-MM-DD, as the summary is: today in the browser).
pub fn docx(bank: &Bank, lang: Lang, a: &Assessment, report: &Report, date: &str) -> Vec<u8> {
    let s = summary::strings(lang);
    let title = if a.title.trim().is_empty() { s.untitled.to_string() } else { a.title.trim().to_string() };
    let version = if bank.version.is_empty() { a.bank_version.clone() } else { bank.version.clone() };
    let body = body(bank, lang, a, report, &title, date, &version);
    let t = strings(lang);
    let organisation = a.organisation.trim();
    let running: Vec<String> = [s.running_prefix.to_string(), title.clone(), organisation.to_string(), t.date(date)]
        .into_iter()
        .filter(|x| !x.is_empty())
        .collect();
    // Only a real date (the language writes it differently from YYYY-MM-DD).
    let created = (!date.is_empty() && t.date(date) != date).then_some(date);
    let locale = lang.date_locale();
    let parts: [(&str, String); 10] = [
        ("[Content_Types].xml", ooxml::CONTENT_TYPES.to_string()),
        ("_rels/.rels", ooxml::PACKAGE_RELS.to_string()),
        ("docProps/core.xml", ooxml::core(&title, s.doc_title, locale, created)),
        ("word/document.xml", body.document()),
        ("word/_rels/document.xml.rels", body.relationships()),
        ("word/styles.xml", ooxml::styles(locale)),
        ("word/numbering.xml", ooxml::NUMBERING.to_string()),
        ("word/settings.xml", ooxml::SETTINGS.to_string()),
        ("word/header1.xml", ooxml::header(&running.join(" · "))),
        ("word/footer1.xml", ooxml::footer(s.page)),
    ];
    let files: Vec<(&str, &[u8])> = parts.iter().map(|(n, x)| (*n, x.as_bytes())).collect();
    super::zip::write(&files, date)
}

/// The document's body: the cover, the template's sections, the annexes.
fn body(bank: &Bank, lang: Lang, a: &Assessment, report: &Report, title: &str, date: &str, version: &str) -> Body {
    let mut b = Body::default();
    cover(&mut b, bank, lang, a, report, title, date, version);
    let o = Outline::new(bank, report, a);
    let explanation = crate::domain::engine::explain(bank, &a.answers, &a.plan);
    let raised = report.raised_worst_first();
    for node in &o.nodes {
        b.heading(node.depth(), &outline::title(lang, node.number));
        let Some(c) = &node.content else { continue };
        if c.not_asked() {
            b.text(Style::Small, template::strings(lang).not_asked);
        }
        for g in node.groups() {
            if let Some(key) = g.key {
                let tp = template::strings(lang);
                b.text(Style::Heading4, tp.right(key));
                if g.entries.is_empty() {
                    b.text(Style::Small, tp.right_none);
                }
            }
            for e in g.entries {
                entry(&mut b, lang, e);
            }
        }
        for block in c.blocks {
            self::block(&mut b, bank, lang, a, report, &explanation, &raised, version, *block);
        }
    }
    annex_review(&mut b, bank, lang, a);
    annex_changes(&mut b, bank, lang, a, report);
    annex_answers(&mut b, bank, lang, &o);
    annex_findings(&mut b, lang, &report.cited_findings(bank));
    b.text(Style::Small, summary::strings(lang).disclaimer);
    annex_fria(&mut b, lang, &o);
    b
}

/// One question under a field: its text, then the answer (or why it is not here).
fn entry(b: &mut Body, lang: Lang, e: &Entry) {
    let s = summary::strings(lang);
    let tp = template::strings(lang);
    let q = e.question();
    b.text(Style::Label, q.text.get(lang));
    match e {
        Entry::Answered(q, x) => answer(b, lang, q, x),
        Entry::NotAnswered(_) => b.text(Style::Small, s.not_answered),
        Entry::InRecord(_) => b.text(Style::Small, tp.in_record),
        Entry::See(_, at) => b.text(Style::Small, &tp.see_field(at)),
    }
}

/// An answer: text as written, a table as a Word table, the chosen options.
fn answer(b: &mut Body, lang: Lang, q: &Question, x: &Answer) {
    match x {
        Answer::Text(x) => b.text(Style::Normal, x),
        Answer::Table(rows) => answer_table(b, lang, q, rows),
        x @ Answer::Multi(_) => {
            for l in chosen_labels(q, x, lang) {
                b.text(Style::Bullet, &l);
            }
        }
        x => b.text(Style::Normal, &chosen_labels(q, x, lang).join(", ")),
    }
}

/// A block of the outline, as the summary's section components render it.
#[allow(clippy::too_many_arguments)]
fn block(
    b: &mut Body,
    bank: &Bank,
    lang: Lang,
    a: &Assessment,
    report: &Report,
    explanation: &Explanation,
    raised: &[&RiskResult],
    version: &str,
    block: Block,
) {
    let t = strings(lang);
    let s = summary::strings(lang);
    let tp = template::strings(lang);
    let dash = |v: &str| if v.trim().is_empty() { "—".to_string() } else { v.trim().to_string() };
    match block {
        Block::Organisation => meta(b, &[(s.organisation_label, dash(&a.organisation))]),
        Block::Name => {
            let title = if a.title.trim().is_empty() { s.untitled.to_string() } else { a.title.trim().to_string() };
            meta(b, &[(s.title_label, title), (tp.revision, a.revision.to_string())])
        }
        Block::Screening => screening(b, bank, lang, report),
        Block::Versions => {
            b.text(Style::Label, tp.version_log);
            if a.versions.is_empty() {
                b.text(Style::Normal, tp.no_versions);
            }
            for v in &a.versions {
                b.text(Style::Bullet, &format!("{} · {}", signed_line(lang, v), v.fingerprint_grouped()));
            }
            meta(b, &[(tp.last_change, dash(&t.date(a.updated.get(..10).unwrap_or(&a.updated))))]);
        }
        Block::Measures => {
            b.text(Style::Small, tp.measures_intro);
            b.table(&[6638, 3000], &[s.safeguard, t.status], |b| {
                for p in report.principle_rows(bank, &a.plan) {
                    b.row(false, |r| r.cell(2, |b| b.text(Style::Label, tp.principle(p.principle))));
                    if p.measures.is_empty() {
                        b.row(false, |r| r.cell(2, |b| b.text(Style::Small, tp.principle_none)));
                    }
                    for row in &p.measures {
                        b.row(false, |r| {
                            r.cell(1, |b| b.text(Style::Normal, row.safeguard.title.get(lang)));
                            r.cell(1, |b| b.text(Style::Normal, &plan_status(lang, a, row)));
                        });
                    }
                }
            });
        }
        Block::RiskCauses => risk_causes(b, bank, lang, raised),
        Block::RedLines => red_lines(b, bank, lang, report),
        Block::Contradictions if !report.contradictions.is_empty() => {
            b.text(Style::Label, t.decision_conflicts);
            for c in &report.contradictions {
                cause(b, bank, lang, Style::Bullet, &c.first);
                cause(b, bank, lang, Style::Normal, &c.second);
            }
        }
        Block::Contradictions => {}
        Block::EventRisks => {
            let events = outline::event_risks(raised);
            if events.is_empty() {
                b.text(Style::Normal, tp.no_event_risks);
            } else {
                b.text(Style::Normal, tp.event_risks_intro);
                for (n, r) in events {
                    let line = format!("{n}. {}: ", risk_title(bank, lang, &r.risk));
                    b.para(Style::Bullet, &[Run::Text(&line), Run::Bold(t.level(r.inherent.level()))]);
                }
            }
        }
        Block::Method => {
            for p in crate::i18n::method::strings(lang).paragraphs.iter().take(4) {
                b.text(Style::Small, p);
            }
            b.text(Style::Small, &tp.method_source(version));
        }
        Block::RiskMap => risk_map(b, lang, raised),
        Block::RiskTable => risk_table(b, bank, lang, raised),
        Block::Effects => {
            let rows = report.plan_rows(bank, &a.plan);
            let rows = outline::effect_rows(&rows);
            if rows.is_empty() {
                b.text(Style::Normal, s.no_actions);
                return;
            }
            b.text(Style::Small, tp.effects_intro);
            b.table(&[3200, 3938, 2500], &[s.safeguard, t.effect, t.status], |b| {
                for row in rows {
                    b.row(false, |r| {
                        r.cell(1, |b| b.text(Style::Normal, row.safeguard.title.get(lang)));
                        r.cell(1, |b| {
                            for (rid, before, after) in
                                row.recommendation.map(|x| x.effect.as_slice()).unwrap_or_default()
                            {
                                b.text(Style::SmallBullet, &effect_line(bank, lang, rid, *before, *after));
                            }
                        });
                        r.cell(1, |b| b.text(Style::Normal, &plan_status(lang, a, row)));
                    });
                }
            });
        }
        Block::Residual => {
            b.text(Style::Small, tp.residual_intro);
            scores(b, lang, report);
            if report.decision.high_risks.is_empty() {
                b.text(Style::Normal, tp.residual_none);
            } else {
                b.text(Style::Normal, tp.residual_high);
                for id in &report.decision.high_risks {
                    b.text(Style::Bullet, &risk_title(bank, lang, id));
                }
            }
        }
        Block::Plan => plan(b, bank, lang, a, report),
        Block::FindOut => find_out(b, bank, lang, report),
        Block::DpoRecord | Block::ViewsRecord => record(b, bank, lang, a, report, block),
        Block::DecisionRecord => {
            b.text(Style::Label, s.signoff);
            b.text(Style::Small, s.signoff_intro);
            record(b, bank, lang, a, report, block);
        }
        Block::Decision => decision(b, bank, lang, report, explanation),
        Block::SignedVersion => signed_version(b, lang, a),
    }
}

/// Label and value lines, as a two-column table without a header.
fn meta(b: &mut Body, lines: &[(&str, String)]) {
    b.table(&[3900, 5738], &[], |b| {
        for (label, value) in lines {
            b.row(false, |r| {
                r.cell(1, |b| b.para(Style::Normal, &[Run::Bold(label)]));
                r.cell(1, |b| b.text(Style::Normal, value));
            });
        }
    });
}

/// The status of a line of the plan in the template's words, or "in place (according to the
/// answers)".
fn plan_status(lang: Lang, a: &Assessment, row: &PlanRow) -> String {
    if row.in_place_by_answers {
        return summary::strings(lang).in_place_by_answers.to_string();
    }
    status_text(strings(lang), a.plan.get(&row.safeguard.id).map(|p| p.status).unwrap_or_default()).to_string()
}

/// The three scores with their bands.
fn scores(b: &mut Body, lang: Lang, report: &Report) {
    let t = strings(lang);
    for (label, score) in [
        (t.inherent_score, report.inherent_score),
        (t.residual_score, report.residual_score),
        (t.planned_score, report.planned_score),
    ] {
        b.para(
            Style::Normal,
            &[
                Run::Text(label),
                Run::Text(": "),
                Run::Bold(&format!("{score}/100")),
                Run::Text(" "),
                Run::Text(t.level(Report::band(score))),
            ],
        );
    }
}

/// "Question → answer", the answer in bold.
fn cause(b: &mut Body, bank: &Bank, lang: Lang, style: Style, c: &Cause) {
    let (q, o) = cause_text(bank, lang, c);
    b.para(style, &[Run::Text(&q), Run::Text(" → "), Run::Bold(&o)]);
}

/// The provisions and findings a reason rests on, in one small line; nothing when none.
fn reasons(b: &mut Body, bank: &Bank, lang: Lang, provisions: &[String], findings: &[String]) {
    let names: Vec<String> = provisions
        .iter()
        .map(|p| provision_short(bank, lang, p))
        .chain(findings.iter().map(|f| finding_short(bank, lang, f)))
        .collect();
    if !names.is_empty() {
        b.text(Style::Small, &names.join("; "));
    }
}

/// A table answer as a Word table: the question's column headers, then the rows with text.
fn answer_table(b: &mut Body, lang: Lang, q: &Question, rows: &[Row]) {
    let heads: Vec<&str> = q.columns.iter().map(|c| c.header.get(lang)).collect();
    let n = heads.len().max(1);
    b.table(&vec![ooxml::TEXT_WIDTH / n as u32; n], &heads, |b| {
        for row in table_cells(q, rows, lang) {
            b.row(false, |r| {
                for cell in &row {
                    r.cell(1, |b| b.text(Style::Normal, cell));
                }
            });
        }
    });
}

/// A list of risks, each with its level with the planned measures (`planned`) or those in place.
fn risk_list(b: &mut Body, bank: &Bank, lang: Lang, risks: &[&RiskResult], planned: bool) {
    let t = strings(lang);
    for r in risks {
        let level = t.level(if planned { r.planned.level() } else { r.residual.level() });
        b.para(Style::Bullet, &[Run::Text(&risk_title(bank, lang, &r.risk)), Run::Text(": "), Run::Bold(level)]);
    }
}

#[allow(clippy::too_many_arguments)]
fn cover(
    b: &mut Body,
    bank: &Bank,
    lang: Lang,
    a: &Assessment,
    report: &Report,
    title: &str,
    date: &str,
    version: &str,
) {
    let t = strings(lang);
    let s = summary::strings(lang);
    b.text(Style::Title, s.doc_title);
    b.text(Style::Subtitle, s.doc_subtitle);
    b.text(Style::Name, title);
    let dash = |v: String| if v.is_empty() { "—".to_string() } else { v };
    meta(
        b,
        &[
            (s.organisation_label, dash(a.organisation.trim().to_string())),
            (s.date_label, dash(t.date(date))),
            (s.bank_version_label, version.to_string()),
        ],
    );
    // The controller's decision (the decision record), then the outcome the assessment gives.
    b.text(Style::Label, s.decision);
    b.text(Style::Verdict, &decision_line(bank, lang, a, report.decision.outcome));
    let (verdict_title, verdict_body) = t.outcome(report.decision.outcome);
    b.text(Style::Label, s.outcome_label);
    b.para(Style::Normal, &[Run::Bold(verdict_title)]);
    b.text(Style::Normal, verdict_body);
    if !report.complete() {
        b.para(Style::Normal, &[Run::Bold(&t.provisional(report.unanswered.len()))]);
    }
    b.text(Style::Label, s.scores);
    scores(b, lang, report);
}

/// 0.5: whether a DPIA is required, why, and the WP248 criteria met.
fn screening(b: &mut Body, bank: &Bank, lang: Lang, report: &Report) {
    let t = strings(lang);
    b.text(Style::Label, t.screening);
    b.text(Style::Normal, if report.screening.required { t.dpia_required } else { t.dpia_not_indicated });
    if !report.screening.mandatory_by.is_empty() {
        b.text(Style::Label, t.mandatory_because);
        for c in &report.screening.mandatory_by {
            cause(b, bank, lang, Style::SmallBullet, c);
        }
    }
    if !report.screening.criteria.is_empty() {
        b.text(Style::Normal, t.wp248_met_by);
        for c in &report.screening.criteria {
            let by: Vec<String> =
                c.by.iter()
                    .map(|x| {
                        let (q, o) = cause_text(bank, lang, x);
                        format!("{q} → {o}")
                    })
                    .collect();
            b.para(Style::Bullet, &[Run::Bold(t.wp248(&c.id)), Run::Text(": "), Run::Text(&by.join("; "))]);
        }
    }
}

/// 3.1: the answers that cross a red line, with what it means and what it rests on.
fn red_lines(b: &mut Body, bank: &Bank, lang: Lang, report: &Report) {
    if report.red_lines.is_empty() {
        return;
    }
    b.text(Style::Label, strings(lang).red_lines);
    for c in &report.red_lines {
        cause(b, bank, lang, Style::Bullet, c);
        if let Some(o) = cause_option(bank, c) {
            if let Some(r) = &o.red_line {
                b.text(Style::Normal, r.get(lang));
            }
            reasons(b, bank, lang, &o.provisions, &o.findings);
        }
    }
}

/// 6: the outcome in the EDPB template's wording and what it rests on
/// (`Report::decision_view`), with "why this decision" (`engine::explain`).
fn decision(b: &mut Body, bank: &Bank, lang: Lang, report: &Report, explanation: &Explanation) {
    let t = strings(lang);
    let s = summary::strings(lang);
    let view = report.decision_view(bank, explanation);
    let (verdict_title, verdict_body) = t.outcome(view.outcome);
    b.text(Style::Label, s.outcome_label);
    b.text(Style::Verdict, verdict_title);
    b.text(Style::Normal, verdict_body);
    if !report.complete() {
        b.para(Style::Normal, &[Run::Bold(&t.provisional(report.unanswered.len()))]);
    }
    if !view.red_lines.is_empty() {
        b.text(Style::Label, t.red_lines);
        b.text(Style::Normal, t.decision_red_line_intro);
        for c in view.red_lines {
            cause(b, bank, lang, Style::Bullet, c);
        }
    }
    if !view.art36.is_empty() {
        b.text(Style::Label, t.decision_art36);
        b.text(Style::Normal, t.decision_art36_intro);
        risk_list(b, bank, lang, &view.art36, true);
    }
    if !view.conditions.is_empty() {
        let heading =
            if view.outcome == Outcome::Consultation { t.decision_required_open } else { t.decision_conditions };
        b.text(Style::Label, heading);
        b.text(Style::Small, t.decision_conditions_intro);
        b.table(&[4638, 1800, 1800, 1400], &[s.safeguard, t.status, t.owner, t.due], |b| {
            for c in &view.conditions {
                b.row(false, |r| {
                    r.cell(1, |b| {
                        b.para(Style::Normal, &[Run::Bold(&safeguard_title(bank, lang, &c.safeguard))]);
                        if !c.alternatives.is_empty() {
                            let names: Vec<String> =
                                c.alternatives.iter().map(|x| safeguard_title(bank, lang, x)).collect();
                            b.text(Style::Small, &format!("{}: {}", t.or_instead, names.join("; ")));
                        }
                    });
                    r.cell(1, |b| {
                        let status = if c.status.is_planned() { t.status(c.status) } else { t.decision_blocking };
                        b.text(Style::Normal, status)
                    });
                    r.cell(1, |b| {
                        b.text(Style::Normal, if c.owner.is_empty() { t.decision_no_owner } else { &c.owner })
                    });
                    r.cell(1, |b| {
                        b.text(
                            Style::Normal,
                            &if c.due.is_empty() { t.decision_no_due.to_string() } else { t.date(&c.due) },
                        )
                    });
                });
            }
        });
    }
    if !view.until_planned.is_empty() {
        b.text(Style::Normal, t.decision_until_planned);
        risk_list(b, bank, lang, &view.until_planned, false);
    }
    if !view.rests_on.is_empty() {
        b.text(Style::Normal, t.decision_rests_on);
        for id in &view.rests_on {
            b.text(Style::Bullet, &safeguard_title(bank, lang, id));
        }
    }
    if !view.accepted.is_empty() {
        b.text(Style::Normal, t.decision_accepted);
        risk_list(b, bank, lang, &view.accepted, true);
    }
    if !view.contradictions.is_empty() {
        b.text(Style::Label, t.decision_conflicts);
        b.text(Style::Small, t.decision_conflicts_intro);
        for c in view.contradictions {
            cause(b, bank, lang, Style::Bullet, &c.first);
            cause(b, bank, lang, Style::Normal, &c.second);
        }
    }
    if !view.why.is_empty() || !view.deviations.is_empty() {
        b.text(Style::Label, t.decision_why);
        b.text(Style::Small, t.decision_why_intro);
        for d in &view.deviations {
            let (q, o) = cause_text(bank, lang, d.cause);
            let line =
                [Run::Text(t.decision_deviation), Run::Text(": "), Run::Text(&q), Run::Text(" → "), Run::Bold(&o)];
            b.para(Style::Bullet, &line);
            b.text(Style::Normal, &deviation_line(bank, lang, d));
        }
        for w in &view.why {
            if let WhyLever::Instead { cause: c, .. } | WhyLever::Without { cause: c } = &w.lever {
                let (q, o) = cause_text(bank, lang, c);
                b.para(
                    Style::Bullet,
                    &[
                        Run::Text(t.decision_your_answer),
                        Run::Text(": "),
                        Run::Text(&q),
                        Run::Text(" → "),
                        Run::Bold(&o),
                    ],
                );
                b.text(Style::Normal, &why_line(bank, lang, report, w));
            } else {
                b.text(Style::Bullet, &why_line(bank, lang, report, w));
            }
        }
    }
}

/// 6: the signed version with its full fingerprint, or the draft revision and the signed
/// version it follows (as `ui::signing::VersionBlock` prints it).
fn signed_version(b: &mut Body, lang: Lang, a: &Assessment) {
    let t = strings(lang);
    match version::standing(a) {
        Standing::Signed(v) => {
            b.para(Style::Normal, &[Run::Bold(&signed_line(lang, v))]);
            b.para(
                Style::Normal,
                &[Run::Text(t.fingerprint_label), Run::Text(" "), Run::Bold(&v.fingerprint_grouped())],
            );
            b.text(Style::Small, t.fingerprint_note);
        }
        Standing::Draft { revision, after: Some(v) } => {
            b.para(Style::Normal, &[Run::Bold(&t.draft_revision(revision))]);
            b.para(
                Style::Normal,
                &[
                    Run::Text(&t.draft_after(v.number)),
                    Run::Text(" "),
                    Run::Text(t.fingerprint_label),
                    Run::Text(" "),
                    Run::Bold(&v.fingerprint_grouped()),
                ],
            );
        }
        Standing::Draft { after: None, .. } => {}
    }
}

/// 4.1.c: the risk map as a table, likelihood 4 (top) to 1 against severity 1 to 4, each cell
/// with its level and the numbers of the risks in it (○ before safeguards, ● with those in
/// place, ◌ with the planned ones too where that differs).
fn risk_map(b: &mut Body, lang: Lang, raised: &[&RiskResult]) {
    let t = strings(lang);
    let s = summary::strings(lang);
    let heads: Vec<String> = std::iter::once(format!("{} \\ {}", t.likelihood, t.severity))
        .chain((1..=4).map(|v| format!("{v} {}", t.pos(v))))
        .collect();
    let heads: Vec<&str> = heads.iter().map(String::as_str).collect();
    // The map reads only as a whole: its intro and its rows stay on one page.
    b.kept_together(|b| {
        b.text(Style::Small, s.heatmap_intro);
        b.table(&[1838, 1950, 1950, 1950, 1950], &heads, |b| {
            for likelihood in (1..=4u8).rev() {
                b.row(false, |r| {
                    r.cell(1, |b| b.para(Style::Normal, &[Run::Bold(&format!("{likelihood} {}", t.pos(likelihood)))]));
                    for severity in 1..=4u8 {
                        let cell = crate::domain::engine::Position { likelihood, severity };
                        let mut marks = Vec::new();
                        for (i, x) in raised.iter().enumerate() {
                            if x.inherent == cell {
                                marks.push(format!("○{}", i + 1));
                            }
                            if x.residual == cell {
                                marks.push(format!("●{}", i + 1));
                            }
                            // Where it differs from the residual one, as the summary's map.
                            if x.planned != x.residual && x.planned == cell {
                                marks.push(format!("◌{}", i + 1));
                            }
                        }
                        r.cell(1, |b| {
                            b.text(Style::Small, t.level(cell.level()));
                            if !marks.is_empty() {
                                b.para(Style::Normal, &[Run::Bold(&marks.join(" "))]);
                            }
                        });
                    }
                });
            }
        });
    });
    let mut key = format!("○ {} · ● {}", s.heatmap_key_inherent, s.heatmap_key_residual);
    if raised.iter().any(|r| r.planned != r.residual) {
        key.push_str(&format!(" · ◌ {}", s.heatmap_key_planned));
    }
    b.text(Style::Small, &key);
}

/// 4.1.c: the risk table, numbered worst first as the map.
fn risk_table(b: &mut Body, bank: &Bank, lang: Lang, raised: &[&RiskResult]) {
    let t = strings(lang);
    let s = summary::strings(lang);
    if raised.is_empty() {
        b.text(Style::Normal, s.no_risks);
        return;
    }
    b.table(&[600, 3238, 1934, 1933, 1933], &[s.number, t.risk, t.inherent, t.residual, t.with_planned], |b| {
        for (i, r) in raised.iter().enumerate() {
            b.row(false, |row| {
                row.cell(1, |b| b.text(Style::Normal, &(i + 1).to_string()));
                row.cell(1, |b| b.para(Style::Normal, &[Run::Bold(&risk_title(bank, lang, &r.risk))]));
                for p in [r.inherent, r.residual, r.planned] {
                    row.cell(1, |b| {
                        b.para(Style::Normal, &[Run::Bold(t.level(p.level()))]);
                        b.text(
                            Style::Small,
                            &format!("{} {} · {} {}", t.likelihood, p.likelihood, t.severity, p.severity),
                        );
                    });
                }
            });
        }
    });
}

/// 3.1: each raised risk and the answers that raise it, with the safeguards that lower it.
fn risk_causes(b: &mut Body, bank: &Bank, lang: Lang, raised: &[&RiskResult]) {
    let t = strings(lang);
    if raised.is_empty() {
        b.text(Style::Normal, summary::strings(lang).no_risks);
    }
    for (i, r) in raised.iter().enumerate() {
        b.para(Style::Label, &[Run::Bold(&format!("{}. {}", i + 1, risk_title(bank, lang, &r.risk)))]);
        if let Some(risk) = bank.risk(&r.risk) {
            b.text(Style::Small, risk.description.get(lang));
        }
        b.text(Style::Label, t.raised_by);
        for (c, _) in &r.raised_by {
            cause(b, bank, lang, Style::Bullet, c);
            if let Some(o) = cause_option(bank, c) {
                reasons(b, bank, lang, &o.provisions, &o.findings);
            }
        }
        if !r.lowered_by.is_empty() {
            b.text(Style::Label, t.lowered_by);
            for x in &r.lowered_by {
                b.text(Style::Bullet, &safeguard_title(bank, lang, x));
            }
        }
    }
}

/// 4.2.c: every recommended safeguard, then those in place, with status, owner and due date,
/// and under each why.
fn plan(b: &mut Body, bank: &Bank, lang: Lang, a: &Assessment, report: &Report) {
    let t = strings(lang);
    let s = summary::strings(lang);
    b.text(Style::Small, s.action_plan_intro);
    let rows = report.plan_rows(bank, &a.plan);
    if rows.is_empty() {
        b.text(Style::Normal, s.no_actions);
        return;
    }
    b.table(&[1700, 2838, 2000, 1550, 1550], &[s.priority, s.safeguard, t.status, t.owner, t.due], |b| {
        for row in &rows {
            let g = row.safeguard;
            let item = a.plan.get(&g.id).cloned().unwrap_or_default();
            let rec = row.recommendation;
            b.row(false, |r| {
                r.cell(1, |b| b.text(Style::Normal, rec.map(|x| t.priority(x.priority)).unwrap_or("—")));
                r.cell(1, |b| b.para(Style::Normal, &[Run::Bold(g.title.get(lang))]));
                r.cell(1, |b| b.text(Style::Normal, &plan_status(lang, a, row)));
                r.cell(1, |b| b.text(Style::Normal, &item.owner));
                r.cell(1, |b| b.text(Style::Normal, &t.date(&item.due)));
            });
            b.row(true, |r| {
                r.cell(1, |_| {});
                r.cell(4, |b| {
                    b.text(Style::Small, g.explanation.get(lang));
                    if let Some(rec) = rec {
                        if !rec.effect.is_empty() {
                            b.text(Style::Label, t.effect);
                            for (rid, before, after) in &rec.effect {
                                b.text(Style::SmallBullet, &effect_line(bank, lang, rid, *before, *after));
                            }
                        }
                        if !rec.required_by.is_empty() {
                            b.text(Style::Label, t.required_by);
                            for c in &rec.required_by {
                                cause(b, bank, lang, Style::SmallBullet, c);
                            }
                        }
                        if !rec.alternatives.is_empty() {
                            let names: Vec<String> =
                                rec.alternatives.iter().map(|x| safeguard_title(bank, lang, x)).collect();
                            b.text(Style::Small, &format!("{}: {}", t.or_instead, names.join("; ")));
                        }
                    }
                    reasons(b, bank, lang, &g.provisions, &g.findings);
                });
            });
        }
    });
}

/// 4.2.c: what the "unsure" answers leave to find out.
fn find_out(b: &mut Body, bank: &Bank, lang: Lang, report: &Report) {
    let t = strings(lang);
    b.text(Style::Label, t.find_out);
    if report.find_out.is_empty() {
        b.text(Style::Normal, t.nothing_to_find_out);
        return;
    }
    for c in &report.find_out {
        b.para(Style::Bullet, &[Run::Bold(&cause_text(bank, lang, c).0)]);
        if let Some(f) = cause_option(bank, c).and_then(|o| o.find_out.as_ref()) {
            b.text(Style::Normal, f.get(lang));
        }
    }
}

/// The lines of the decision record that `block` holds (5.1, 5.2, 6), with their values and
/// room for signatures.
fn record(b: &mut Body, bank: &Bank, lang: Lang, a: &Assessment, report: &Report, block: Block) {
    let s = summary::strings(lang);
    b.table(&[3000, 4438, 2200], &[s.item, s.name_and_notes, s.signature_date], |b| {
        for line in record_lines(bank, lang, a, report.decision.outcome, block) {
            let value = signoff_value(bank, lang, line.field, a.signoff.get(line.field));
            // Rows with free text may run over a page break; the others are kept whole.
            b.row(line.field.kind() == FieldKind::Text, |r| {
                r.cell(1, |b| b.para(Style::Normal, &[Run::Bold(line.label)]));
                r.cell(1, |b| {
                    if !value.is_empty() {
                        b.text(Style::Normal, &value);
                    }
                    if !line.note.is_empty() {
                        b.text(Style::Small, &line.note);
                    }
                });
                r.cell(1, |_| {});
            });
        }
    });
}

/// Annex A: the answers no field of the template takes, by section of the questionnaire.
fn annex_answers(b: &mut Body, bank: &Bank, lang: Lang, o: &Outline) {
    let s = summary::strings(lang);
    let tp = template::strings(lang);
    b.heading(1, &format!("{} A. {}", s.annex, tp.remaining));
    b.text(Style::Small, tp.remaining_intro);
    if o.remaining.is_empty() {
        b.text(Style::Normal, tp.no_remaining);
    }
    for (number, section, entries) in o.remaining_by_section(bank) {
        b.heading(2, &tp.remaining_section(number, section.title.get(lang)));
        for e in entries {
            entry(b, lang, e);
        }
    }
}

/// The annex "review comments" after section 6, only when the assessment has comments (as the
/// summary's `ui::summary::review`): every thread by what it is about in bank order
/// (`persist::review::by_target`), its state, each comment with who and when, its evaluation,
/// its text and a change of resolution; then the comments on what the form no longer has.
fn annex_review(b: &mut Body, bank: &Bank, lang: Lang, a: &Assessment) {
    let r = &a.review;
    let all = review::threads(r, None);
    if all.is_empty() {
        return;
    }
    let t = crate::i18n::review::strings(lang);
    b.heading(1, t.part_title);
    b.text(Style::Small, t.part_intro);
    let open = all.iter().filter(|th| !th.resolved).count();
    b.text(Style::Small, &t.counts(open, all.len() - open));
    for (target, list) in review::by_target(bank, r) {
        b.heading(2, &format!("{}: {}", t.kind(&target), target_title(bank, lang, &target)));
        threads(b, lang, &list);
    }
    let orphans = review::orphans(bank, r);
    if !orphans.is_empty() {
        b.heading(2, t.orphans_title);
        for th in &orphans {
            b.text(Style::Small, &format!("{}: {}", t.kind(&th.first.on), t.orphan(th.first.on.id())));
            threads(b, lang, std::slice::from_ref(th));
        }
    }
}

/// Review threads: each its state, then its comments oldest first.
fn threads(b: &mut Body, lang: Lang, list: &[review::Thread]) {
    let t = crate::i18n::review::strings(lang);
    for th in list {
        b.text(Style::Label, if th.resolved { t.resolved } else { t.open });
        for c in std::iter::once(th.first).chain(th.replies.iter().copied()) {
            let by = comment_by(lang, c, str::to_string);
            match c.evaluation {
                Some(e) => b.para(Style::Bullet, &[Run::Text(&by), Run::Text(" · "), Run::Bold(t.evaluation(e))]),
                None => b.text(Style::Bullet, &by),
            }
            if !c.text.is_empty() {
                b.text(Style::Normal, &c.text);
            }
            if let Some(resolves) = c.resolves {
                b.text(Style::Small, if resolves { t.marked_resolved } else { t.reopened });
            }
        }
    }
}

/// The annex "changes since version N" where a signed version precedes the one written
/// (`super::changes::annex`, as the summary shows it): per part a table of item, before, after.
fn annex_changes(b: &mut Body, bank: &Bank, lang: Lang, a: &Assessment, report: &Report) {
    let Some(annex) = super::changes::annex(bank, lang, a, report) else { return };
    b.heading(1, &annex.title);
    b.text(Style::Small, &annex.intro);
    if let Some(none) = &annex.none {
        b.text(Style::Normal, none);
    }
    let heads: Vec<&str> = annex.heads.iter().map(String::as_str).collect();
    for part in &annex.parts {
        b.heading(2, part.title);
        for g in &part.groups {
            if let Some(h) = &g.heading {
                b.heading(3, h);
            }
            b.table(&[3212, 3213, 3213], &heads, |b| {
                for [item, before, after] in &g.rows {
                    b.row(false, |row| {
                        row.cell(1, |b| b.para(Style::Normal, &[Run::Bold(item)]));
                        row.cell(1, |b| b.text(Style::Normal, before));
                        row.cell(1, |b| b.text(Style::Normal, after));
                    });
                }
            });
        }
    }
}

/// Annex C: the fundamental rights impact assessment (AI Act Art. 27), only where
/// `Report::fria_annex` says one is owed, as that function gives it.
fn annex_fria(b: &mut Body, lang: Lang, o: &Outline) {
    let Some(annex) = &o.fria else { return };
    let t = strings(lang);
    let s = summary::strings(lang);
    b.heading(1, &format!("{} C. {}", s.annex, s.fria_title));
    b.text(Style::Small, s.fria_intro);
    b.text(Style::Normal, &s.fria_owed(option_label(annex.owed_by, lang), t.date(annex.applies_from)));
    for item in &annex.items {
        b.text(Style::Label, item.question.text.get(lang));
        match item.answer {
            Some(x) => b.text(Style::Normal, x),
            None => b.text(Style::Small, s.not_filled_in),
        }
        if item.covered_by.is_empty() {
            b.text(Style::Small, s.fria_not_covered);
        } else {
            b.text(Style::Label, s.fria_covered_by);
            for r in &item.covered_by {
                b.text(Style::SmallBullet, &fria_reference(lang, o, r));
            }
        }
    }
    b.text(Style::Small, s.fria_template);
}

/// Annex B: every finding the summary cites, with its details and source.
fn annex_findings(b: &mut Body, lang: Lang, findings: &[&Finding]) {
    let t = strings(lang);
    let s = summary::strings(lang);
    b.heading(1, &format!("{} B. {}", s.annex, t.findings_cited));
    b.text(Style::Small, s.findings_intro);
    if findings.is_empty() {
        b.text(Style::Normal, s.no_findings);
        return;
    }
    for (i, f) in findings.iter().enumerate() {
        b.heading(3, &format!("{}. {}", i + 1, finding_heading(lang, f)));
        if let Some(r) = &f.reference {
            b.text(Style::Small, &format!("{}: {}", s.reference, r.get(lang)));
        }
        if let Some(n) = &f.date_note {
            b.text(Style::Small, n.get(lang));
        }
        if f.comparison_only {
            b.text(Style::Small, t.comparison_only);
        }
        if let Some(a) = &f.amount {
            b.text(Style::Small, a.get(lang));
        }
        for k in &f.key_findings {
            b.text(Style::SmallBullet, k.get(lang));
        }
        if let Some(a) = &f.appeal {
            b.text(Style::Small, &format!("{}: {}", t.appeal, a.get(lang)));
        }
        b.para(Style::Small, &[Run::Text(t.source), Run::Text(": "), Run::Link(&f.source, &f.source)]);
    }
}

//! The report's outline: the EDPB DPIA template (version 1.0, 2026; findings-2026.md section
//! 2.2), section by section, with its numbering (0 to 6, the fields 0.1 ... 6 and the lettered
//! sub-fields 1.1.a ... 4.2.c), and what fills each field: the answers to the questions mapped
//! to it and the blocks the engine and the saved assessment give (screening, risks, action
//! plan, decision record). Pure (no yew): the summary view, its print and the .docx all render
//! this one outline, and `tests/mapping.rs` checks that docs/edpb-template-mapping.md names the
//! same sources per field ([`sources`]).
//!
//! Every answered question is printed once: under the first field that maps it, as a reference
//! ("see 1.2") under any later one, and, if no field maps it, in the annex of the remaining
//! answers (or, for the FRIA questions where a FRIA is owed, in the FRIA annex). A question the
//! answers do not ask is left out; a field none of whose questions is asked and that has no
//! block says so ([`Content::not_asked`]).

use std::collections::BTreeMap;

use crate::domain::answers::Answer;
use crate::domain::engine::Report;
use crate::domain::engine::RiskResult;
use crate::domain::fria::Annex;
use crate::domain::model::{Bank, Kind, Question, Section};
use crate::domain::present::PlanRow;
use crate::i18n::{template, Lang};
use crate::persist::assessment::Assessment;
use crate::persist::record;

/// What the engine or the saved assessment contributes to a field, rendered by the views and the
/// .docx in their own way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Block {
    /// 0.1: the organisation named as the controller.
    Organisation,
    /// 0.3: the assessment's title and revision.
    Name,
    /// 0.5: the signed versions (the version log) and the date of the last change.
    Versions,
    /// 0.5: whether a DPIA is required, the WP248 criteria met and by which answers.
    Screening,
    /// 2.3.a: the measures recommended and in place, with the template's statuses.
    Measures,
    /// 3.1: each raised risk and the answers that raise it.
    RiskCauses,
    /// 3.1: the answers that make the processing unlawful as designed.
    RedLines,
    /// 3.1: answers that contradict each other.
    Contradictions,
    /// 4.1.a: the raised risks of non-default events ([`EVENT_RISKS`]).
    EventRisks,
    /// 4.1.b: how likelihood, severity, levels and priorities are set.
    Method,
    /// 4.1.c: the risk map (inherent, residual, with the planned measures).
    RiskMap,
    /// 4.1.c: the risk table, numbered worst first as in the map.
    RiskTable,
    /// 4.2.a: what each recommended measure lowers, and its status.
    Effects,
    /// 4.2.b: the scores and the risks that stay high.
    Residual,
    /// 4.2.c: the action plan (status, owner, due date; editable on screen).
    Plan,
    /// 4.2.c: what the "unsure" answers leave to find out.
    FindOut,
    /// 5.1: the DPO lines of the decision record.
    DpoRecord,
    /// 5.2: the lines of the decision record on the views of data subjects.
    ViewsRecord,
    /// 6: the outcome with its conditions and why (`Report::decision_view`).
    Decision,
    /// 6: the controller's lines of the decision record.
    DecisionRecord,
    /// 6: the signed version with its fingerprint, or the draft it is.
    SignedVersion,
}

impl Block {
    /// The results (`report.`), saved fields (`assessment.`) and files it is made from, as
    /// docs/edpb-template-mapping.md names them.
    pub fn sources(self) -> &'static [&'static str] {
        use Block::*;
        match self {
            Organisation => &["assessment.organisation"],
            Name => &["assessment.title", "assessment.revision"],
            Versions => &["assessment.versions", "assessment.updated"],
            Screening => &["report.screening.required", "report.screening.criteria", "report.screening.mandatory_by"],
            Measures => &["report.recommendations", "report.in_place", "assessment.plan"],
            RiskCauses => &["report.risks.raised_by"],
            RedLines => &["report.red_lines"],
            Contradictions => &["report.contradictions"],
            EventRisks => &["report.risks.inherent"],
            Method => &["docs/methodology.md", "report.recommendations.priority"],
            RiskMap | RiskTable => &["report.risks.inherent", "report.risks.residual", "report.risks.planned"],
            Effects => &["report.recommendations.effect", "assessment.plan"],
            Residual => &[
                "report.inherent_score",
                "report.residual_score",
                "report.planned_score",
                "report.decision.high_risks",
            ],
            Plan => &["assessment.plan", "report.decision.conditions"],
            FindOut => &["report.find_out"],
            DpoRecord => &[
                "assessment.signoff.dpo_name",
                "assessment.signoff.dpo_advice",
                "assessment.signoff.dpo_advice_date",
                "assessment.signoff.dpo_advice_followed",
                "assessment.signoff.dpo_advice_reasons",
                "assessment.signoff.dpo_advice_decided_by",
            ],
            ViewsRecord => &["assessment.signoff.views_summary", "assessment.signoff.consultation_reviewed_by"],
            Decision => &["report.decision.outcome", "report.decision.conditions", "report.decision.provisional"],
            DecisionRecord => &[
                "assessment.signoff.decision",
                "assessment.signoff.decision_conditions",
                "assessment.signoff.decided_by",
                "assessment.signoff.decided_by_role",
                "assessment.signoff.decision_date",
                "assessment.signoff.measures_approved_by",
                "assessment.signoff.residual_risk_accepted_by",
                "assessment.signoff.kept_under_review_by",
                "assessment.signoff.review_date",
            ],
            SignedVersion => &["assessment.versions"],
        }
    }
}

/// The risks of events outside the processing as designed (illegitimate access, undesired
/// disclosure): the template's 4.1.a, next to the risks by design of 3.1.
pub const EVENT_RISKS: [&str; 2] = ["r_breach", "r_disclosure"];

/// One field of the template: its number, the questions that fill it (in the order printed)
/// and the blocks after them.
pub struct FieldDef {
    pub number: &'static str,
    pub questions: &'static [&'static str],
    pub blocks: &'static [Block],
}

const fn f(number: &'static str, questions: &'static [&'static str], blocks: &'static [Block]) -> FieldDef {
    FieldDef { number, questions, blocks }
}

/// The template's headings in order: sections ("0"), groups ("1.1") and fields. A heading with
/// a [`FieldDef`] is a field; "6" is both a section and its one field.
pub const NUMBERS: [&str; 45] = [
    "0", "0.1", "0.2", "0.3", "0.4", "0.5", "1", "1.1", "1.1.a", "1.1.b", "1.1.c", "1.1.d", "1.2", "1.3", "1.4", "2",
    "2.1", "2.1.a", "2.1.b", "2.2", "2.2.a", "2.2.b", "2.3", "2.3.a", "2.3.b", "2.3.c", "2.3.d", "2.3.e", "3", "3.1",
    "3.2", "3.3", "4", "4.1", "4.1.a", "4.1.b", "4.1.c", "4.2", "4.2.a", "4.2.b", "4.2.c", "5", "5.1", "5.2", "6",
];

/// The fields of the template and what fills them. docs/edpb-template-mapping.md is this table
/// in words (`tests/mapping.rs`).
pub const FIELDS: [FieldDef; 33] = {
    use Block::*;
    [
        f("0.1", &["q_parties", "q_controller_location", "q_competent_authority"], &[Organisation]),
        f("0.2", &["q_parties", "q_uses_vendor", "q_vendor_location", "q_vendor_agreement"], &[]),
        f("0.3", &[], &[Name]),
        f("0.4", &["q_project_stage", "q_planning"], &[]),
        f(
            "0.5",
            &[
                "q_wp248_criteria",
                "q_large_scale",
                "q_ap_list",
                "q_gov_timing",
                "q_gov_dpia_specific",
                "q_gov_new_tools",
                "q_screening_conclusion",
            ],
            &[Screening, Versions],
        ),
        f(
            "1.1.a",
            &[
                "q_data_items",
                "q_modality",
                "q_unique_identification",
                "q_identification_mode",
                "q_data_subjects",
                "q_children",
                "q_raw_images",
            ],
            &[],
        ),
        f("1.1.b", &["q_purpose_text", "q_purpose_category"], &[]),
        f("1.1.c", &["q_sharing", "q_sec_vendor_own_use", "q_vendor_agreement"], &[]),
        f(
            "1.1.d",
            &["q_context", "q_scale", "q_data_subjects", "q_recipients", "q_vendor_location", "q_sec_transfers"],
            &[],
        ),
        f("1.2", &["q_description", "q_image_source", "q_template_location", "q_recipients", "q_retention"], &[]),
        f("1.3", &["q_assets", "q_processing_type", "q_template_location"], &[]),
        f("1.4", &["q_codes_of_conduct"], &[]),
        f("2.1.a", &["q_art6_basis", "q_basis_documented"], &[]),
        f(
            "2.1.b",
            &[
                "q_art9_exception",
                "q_made_public_check",
                "q_consent_dependence",
                "q_consent_refusal",
                "q_national_law",
                "q_national_law_text",
                "q_public_interest_necessity",
                "q_public_interest_justification",
                "q_uavg29_purpose",
                "q_uavg29_without_biometrics",
                "q_uavg29_justification",
                "q_le_strict_necessity",
            ],
            &[],
        ),
        f("2.2.a", &["q_data_items", "q_recipients", "q_minimisation", "q_retention", "q_retention_justified"], &[]),
        f("2.2.b", &["q_accuracy_testing", "q_threshold"], &[]),
        f("2.3.a", &["q_gov_training", "q_gov_review"], &[Measures]),
        f(
            "2.3.b",
            &[
                "q_tr_notice_timing",
                "q_tr_retention_info",
                "q_tr_signage",
                "q_tr_indirect_sources",
                "q_tr_access_procedure",
                "q_tr_request_obstacles",
                "q_tr_identity_check",
                "q_tr_erasure",
                "q_tr_objection",
                "q_tr_contest",
                "q_tr_complaints",
                "q_tr_children",
                "q_tr_notice_text",
                "q_match_consequence",
                "q_reviewer_training",
            ],
            &[],
        ),
        f(
            "2.3.c",
            &[
                "q_consent_form",
                "q_consent_withdrawal",
                "q_vendor_agreement",
                "q_vendor_location",
                "q_sec_transfers",
                "q_sec_eu_representative",
            ],
            &[],
        ),
        f("2.3.d", &["q_template_location", "q_raw_images", "q_minimisation", "q_sec_template_protection"], &[]),
        f(
            "2.3.e",
            &[
                "q_sec_template_protection",
                "q_sec_copies",
                "q_sec_encryption",
                "q_sec_logging",
                "q_sec_search_access",
                "q_sec_shared_system",
                "q_sec_private_tools",
                "q_external_search_tools",
                "q_sec_breach",
                "q_sec_vendor_breach",
                "q_sec_records",
                "q_sec_notes",
            ],
            &[],
        ),
        f("3.1", &[], &[RiskCauses, RedLines, Contradictions]),
        f("3.2", &["q_alternatives_considered", "q_alternative_sufficient", "q_alternative_offered"], &[]),
        f("3.3", &["q_targeting", "q_proportionality_documented", "q_proportionality_text"], &[]),
        f("4.1.a", &["q_sec_breach", "q_sec_copies", "q_sec_vendor_breach"], &[EventRisks]),
        f("4.1.b", &[], &[Method]),
        f("4.1.c", &[], &[RiskMap, RiskTable]),
        f("4.2.a", &[], &[Effects]),
        f("4.2.b", &[], &[Residual]),
        f("4.2.c", &[], &[Plan, FindOut]),
        f("5.1", &["q_gov_dpo_advice", "q_gov_dpo_followed", "q_gov_dpo_reasons", "q_gov_dpo_summary"], &[DpoRecord]),
        f("5.2", &["q_gov_views"], &[ViewsRecord]),
        f(
            "6",
            &["q_gov_signoff", "q_gov_prior_consultation", "q_gov_decision"],
            &[Decision, DecisionRecord, SignedVersion],
        ),
    ]
};

/// The field definition of `number`, if it is a field.
pub fn field(number: &str) -> Option<&'static FieldDef> {
    FIELDS.iter().find(|f| f.number == number)
}

/// Every source of a field as the mapping doc names it: its questions, then its blocks'
/// sources (each once).
pub fn sources(def: &FieldDef) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = def.questions.to_vec();
    for b in def.blocks {
        for s in b.sources() {
            if !out.contains(s) {
                out.push(s);
            }
        }
    }
    out
}

/// The number of the template section a heading belongs to ("2" for "2.3.e").
pub fn section_of(number: &str) -> &str {
    number.split('.').next().unwrap_or(number)
}

/// How deep a heading sits: 1 for a section, 2 for "0.1" or "1.1", 3 for "1.1.a".
pub fn depth(number: &str) -> u8 {
    number.split('.').count() as u8
}

/// One question under a field.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Entry<'a> {
    /// Asked and answered.
    Answered(&'a Question, &'a Answer),
    /// Asked, not (yet) answered.
    NotAnswered(&'a Question),
    /// Its answer is a text line of the decision record (the DPO's advice), which the field's
    /// record block prints (`persist::record::LINKED`).
    InRecord(&'a Question),
    /// Printed under an earlier field (this number).
    See(&'a Question, &'static str),
}

impl<'a> Entry<'a> {
    pub fn question(&self) -> &'a Question {
        match *self {
            Entry::Answered(q, _) | Entry::NotAnswered(q) | Entry::InRecord(q) | Entry::See(q, _) => q,
        }
    }
}

/// What fills a field.
#[derive(Clone, Debug, PartialEq)]
pub struct Content<'a> {
    pub entries: Vec<Entry<'a>>,
    pub blocks: &'static [Block],
}

impl Content<'_> {
    /// True when none of the field's questions is asked for this processing and no block fills
    /// it: the documents say so rather than leave it empty.
    pub fn not_asked(&self) -> bool {
        self.entries.is_empty() && self.blocks.is_empty()
    }
}

/// A heading of the outline and, for a field, what fills it.
#[derive(Clone, Debug, PartialEq)]
pub struct Node<'a> {
    pub number: &'static str,
    pub content: Option<Content<'a>>,
}

impl Node<'_> {
    pub fn depth(&self) -> u8 {
        depth(self.number)
    }

    /// True for the heading of a template section (a new printed page).
    pub fn is_section(&self) -> bool {
        self.depth() == 1
    }
}

/// Where the documents print a question's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Under this field of the template.
    Field(&'static str),
    /// In the annex of the remaining answers.
    Remaining,
    /// In the FRIA annex.
    Fria,
}

/// The report as the template orders it.
#[derive(Clone, Debug, PartialEq)]
pub struct Outline<'a> {
    /// Every heading in template order ([`NUMBERS`]).
    pub nodes: Vec<Node<'a>>,
    /// The asked questions no field maps, in bank order: annex A.
    pub remaining: Vec<Entry<'a>>,
    /// The FRIA annex, where one is owed (annex C).
    pub fria: Option<Annex<'a>>,
    places: BTreeMap<&'a str, Place>,
}

impl<'a> Outline<'a> {
    /// The outline of `a`, whose report is `report`.
    pub fn new(bank: &'a Bank, report: &'a Report, a: &'a Assessment) -> Outline<'a> {
        let visible = |id: &str| report.visible.iter().any(|v| v == id);
        let mut places: BTreeMap<&'a str, Place> = BTreeMap::new();
        let mut nodes = Vec::new();
        for number in NUMBERS {
            let content = field(number).map(|def| {
                let mut entries = Vec::new();
                for id in def.questions {
                    let Some(q) = bank.question(id).filter(|q| visible(&q.id)) else { continue };
                    let entry = match places.get(q.id.as_str()) {
                        Some(Place::Field(first)) => Entry::See(q, first),
                        // The DPO's advice (a text) is printed once, as the record's line; a
                        // linked choice is printed as answered, which is the record's value
                        // (`record::derive`).
                        _ if record::is_linked(&q.id)
                            && q.kind == Kind::Text
                            && def.blocks.contains(&Block::DpoRecord) =>
                        {
                            Entry::InRecord(q)
                        }
                        _ => match a.answers.get(&q.id).filter(|x| !x.is_empty()) {
                            Some(x) => Entry::Answered(q, x),
                            None => Entry::NotAnswered(q),
                        },
                    };
                    places.entry(q.id.as_str()).or_insert(Place::Field(number));
                    entries.push(entry);
                }
                Content { entries, blocks: def.blocks }
            });
            nodes.push(Node { number, content });
        }
        let fria = report.fria_annex(bank, &a.answers);
        if let Some(annex) = &fria {
            for item in &annex.items {
                places.entry(item.question.id.as_str()).or_insert(Place::Fria);
            }
        }
        let mut remaining = Vec::new();
        for q in bank.questions().filter(|q| visible(&q.id)) {
            if places.contains_key(q.id.as_str()) {
                continue;
            }
            places.insert(q.id.as_str(), Place::Remaining);
            remaining.push(match a.answers.get(&q.id).filter(|x| !x.is_empty()) {
                Some(x) => Entry::Answered(q, x),
                None => Entry::NotAnswered(q),
            });
        }
        Outline { nodes, remaining, fria, places }
    }

    /// Where a question's answer is printed; `None` for a question not asked.
    pub fn place(&self, question: &str) -> Option<Place> {
        self.places.get(question).copied()
    }

    /// Annex A by section of the questionnaire: each section (numbered from 1) that has a
    /// remaining answer, with those answers in bank order.
    pub fn remaining_by_section(&self, bank: &'a Bank) -> Vec<(usize, &'a Section, Vec<&Entry<'a>>)> {
        bank.sections
            .iter()
            .enumerate()
            .map(|(i, sec)| {
                let entries: Vec<&Entry<'a>> =
                    self.remaining.iter().filter(|e| sec.questions.iter().any(|q| q.id == e.question().id)).collect();
                (i + 1, sec, entries)
            })
            .filter(|(_, _, e)| !e.is_empty())
            .collect()
    }

    /// The nodes of one template section ("0" to "6"), its heading first.
    pub fn section(&self, number: &str) -> impl Iterator<Item = &Node<'a>> + '_ {
        let number = number.to_string();
        self.nodes.iter().filter(move |n| section_of(n.number) == number)
    }
}

/// The risks of non-default events among the raised ones (`raised`, worst first as the risk
/// table numbers them), each with its number in that table (4.1.a).
pub fn event_risks<'r>(raised: &[&'r RiskResult]) -> Vec<(usize, &'r RiskResult)> {
    raised
        .iter()
        .enumerate()
        .filter(|(_, r)| EVENT_RISKS.contains(&r.risk.as_str()))
        .map(|(i, r)| (i + 1, *r))
        .collect()
}

/// The rows of the plan whose recommendation lowers a risk (4.2.a), in the plan's order.
pub fn effect_rows<'r, 'p>(rows: &'r [PlanRow<'p>]) -> Vec<&'r PlanRow<'p>> {
    rows.iter().filter(|r| r.recommendation.is_some_and(|x| !x.effect.is_empty())).collect()
}

/// The heading of a template number in `lang` (without the number).
pub fn heading(lang: Lang, number: &str) -> &'static str {
    let s = template::strings(lang);
    match number {
        "0" => s.s0,
        "0.1" => s.f0_1,
        "0.2" => s.f0_2,
        "0.3" => s.f0_3,
        "0.4" => s.f0_4,
        "0.5" => s.f0_5,
        "1" => s.s1,
        "1.1" => s.f1_1,
        "1.1.a" => s.f1_1_a,
        "1.1.b" => s.f1_1_b,
        "1.1.c" => s.f1_1_c,
        "1.1.d" => s.f1_1_d,
        "1.2" => s.f1_2,
        "1.3" => s.f1_3,
        "1.4" => s.f1_4,
        "2" => s.s2,
        "2.1" => s.f2_1,
        "2.1.a" => s.f2_1_a,
        "2.1.b" => s.f2_1_b,
        "2.2" => s.f2_2,
        "2.2.a" => s.f2_2_a,
        "2.2.b" => s.f2_2_b,
        "2.3" => s.f2_3,
        "2.3.a" => s.f2_3_a,
        "2.3.b" => s.f2_3_b,
        "2.3.c" => s.f2_3_c,
        "2.3.d" => s.f2_3_d,
        "2.3.e" => s.f2_3_e,
        "3" => s.s3,
        "3.1" => s.f3_1,
        "3.2" => s.f3_2,
        "3.3" => s.f3_3,
        "4" => s.s4,
        "4.1" => s.f4_1,
        "4.1.a" => s.f4_1_a,
        "4.1.b" => s.f4_1_b,
        "4.1.c" => s.f4_1_c,
        "4.2" => s.f4_2,
        "4.2.a" => s.f4_2_a,
        "4.2.b" => s.f4_2_b,
        "4.2.c" => s.f4_2_c,
        "5" => s.s5,
        "5.1" => s.f5_1,
        "5.2" => s.f5_2,
        "6" => s.s6,
        _ => "",
    }
}

/// "2.3.e Security (GDPR Art. 32)": the number and the heading, as both documents print it.
pub fn title(lang: Lang, number: &str) -> String {
    format!("{number} {}", heading(lang, number))
}

//! Signed versions: recording the decision freezes what the assessment says, with a
//! fingerprint (SHA-256) of its content, kept in the browser and in every export. Editing
//! afterwards starts a new revision; the signed versions stay as they were, and a version whose
//! content no longer matches its fingerprint (a file changed by hand) is refused on import.
//!
//! The content is stored as the exact JSON text that was fingerprinted ([`Json`]), never
//! re-serialised: fields that later versions of the widget add to the format do not change the
//! fingerprint of a version signed before them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::assessment::{Assessment, Retired, SignOff};
use super::codec;
use super::review::{sha256_hex, Json, ProposalStatus};
use crate::domain::answers::{Answers, Plan};
use crate::domain::engine::{self, Position, Report};
use crate::domain::model::Bank;

/// One signed version. Every field is required when read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version {
    /// 1 for the first signed version, then 2, 3, ...
    pub number: u32,
    /// When and by whom it was signed (also inside `content`, where the fingerprint covers
    /// them; [`Version::check`] compares the two).
    pub signed_at: String,
    pub signed_by: String,
    /// SHA-256 of `content`'s JSON text, lower-case hex (64 characters).
    pub fingerprint: String,
    /// The frozen [`Content`], as the JSON text that was fingerprinted.
    pub content: Json,
}

/// What a signed version freezes: what the report says, and what the engine concluded from it
/// then (so that a later change of the question bank does not change what was signed). Every
/// field optional when read.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Content {
    pub number: u32,
    pub signed_at: String,
    pub signed_by: String,
    pub title: String,
    pub organisation: String,
    pub bank_version: String,
    pub answers: Answers,
    pub plan: Plan,
    pub signoff: SignOff,
    pub retired: Vec<Retired>,
    pub results: Results,
}

/// The engine's conclusion, as signed.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Results {
    /// `engine::Verdict::key()`.
    pub verdict: String,
    pub inherent_score: u8,
    pub residual_score: u8,
    pub planned_score: u8,
    /// The risks the answers raised, by risk id; a risk not listed was not raised.
    pub risks: BTreeMap<String, RiskLevels>,
}

/// A risk's positions, each `[likelihood, severity]` (1..=4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RiskLevels {
    pub inherent: [u8; 2],
    pub residual: [u8; 2],
    pub planned: [u8; 2],
}

impl RiskLevels {
    /// Position `[likelihood, severity]` as the engine's [`Position`].
    pub fn position(p: [u8; 2]) -> Position {
        Position { likelihood: p[0], severity: p[1] }
    }
}

impl Results {
    pub fn of(report: &Report) -> Results {
        let pair = |p: Position| [p.likelihood, p.severity];
        Results {
            verdict: report.decision.outcome.key().to_string(),
            inherent_score: report.inherent_score,
            residual_score: report.residual_score,
            planned_score: report.planned_score,
            risks: report
                .risks
                .iter()
                .filter(|r| r.is_raised())
                .map(|r| {
                    let levels =
                        RiskLevels { inherent: pair(r.inherent), residual: pair(r.residual), planned: pair(r.planned) };
                    (r.risk.clone(), levels)
                })
                .collect(),
        }
    }
}

impl Content {
    /// The content of `a` as it is now, with the engine's `report` of it (number, time and
    /// signer as given).
    pub fn of(a: &Assessment, report: &Report, number: u32, signed_at: &str, signed_by: &str) -> Content {
        Content {
            number,
            signed_at: signed_at.to_string(),
            signed_by: signed_by.to_string(),
            title: a.title.clone(),
            organisation: a.organisation.clone(),
            bank_version: a.bank_version.clone(),
            answers: a.answers.clone(),
            plan: a.plan.clone(),
            signoff: a.signoff.clone(),
            retired: a.retired.clone(),
            results: Results::of(report),
        }
    }

    /// An assessment holding this content (to show or print a signed version read-only): the
    /// id, versions and review of `of`, frozen at this version.
    pub fn assessment(&self, of: &Assessment) -> Assessment {
        Assessment {
            title: self.title.clone(),
            organisation: self.organisation.clone(),
            bank_version: self.bank_version.clone(),
            answers: self.answers.clone(),
            plan: self.plan.clone(),
            signoff: self.signoff.clone(),
            retired: self.retired.clone(),
            updated: self.signed_at.clone(),
            updated_by: self.signed_by.clone(),
            revision: self.number,
            versions: of.versions.iter().filter(|v| v.number <= self.number).cloned().collect(),
            ..of.clone()
        }
    }

    /// True when `a` says what this content says (title, organisation, answers, plan,
    /// sign-off): nothing has been changed since it was signed.
    pub fn same_as(&self, a: &Assessment) -> bool {
        self.title == a.title
            && self.organisation == a.organisation
            && self.answers == a.answers
            && self.plan == a.plan
            && self.signoff == a.signoff
    }
}

/// What is wrong with a signed version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VersionError {
    /// Its content does not match its fingerprint: it was changed after it was signed.
    Tampered { number: u32 },
    /// Its content is not a version's content, or says another number, time or signer than
    /// the version.
    Damaged { number: u32 },
    /// Numbers not 1, 2, 3, ... in order, or a version after the revision being worked on.
    OutOfOrder { number: u32 },
}

impl Version {
    /// The content, once its fingerprint and its header are checked.
    pub fn check(&self) -> Result<Content, VersionError> {
        let number = self.number;
        if sha256_hex(self.content.text().as_bytes()) != self.fingerprint {
            return Err(VersionError::Tampered { number });
        }
        let c: Content = codec::parse(self.content.text()).ok_or(VersionError::Damaged { number })?;
        if c.number != number || c.signed_at != self.signed_at || c.signed_by != self.signed_by {
            return Err(VersionError::Damaged { number });
        }
        Ok(c)
    }

    /// The content without checking it (for a version already checked on its way in).
    pub fn content(&self) -> Option<Content> {
        codec::parse(self.content.text())
    }

    /// The fingerprint as printed: eight groups of eight hex digits.
    pub fn fingerprint_grouped(&self) -> String {
        let mut out = String::new();
        for (i, c) in self.fingerprint.chars().enumerate() {
            if i > 0 && i % 8 == 0 {
                out.push(' ');
            }
            out.push(c);
        }
        out
    }
}

/// Checks every signed version of `a`: fingerprints, headers, and numbers 1, 2, 3, ... up to
/// the revision being worked on.
pub fn check_all(a: &Assessment) -> Result<(), VersionError> {
    for (i, v) in a.versions.iter().enumerate() {
        if v.number as usize != i + 1 || v.number > a.revision {
            return Err(VersionError::OutOfOrder { number: v.number });
        }
        v.check()?;
    }
    Ok(())
}

pub use super::record::decision_recorded;

/// Why a version could not be signed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignError {
    /// This revision is signed already.
    AlreadySigned,
    /// The decision is not recorded (see [`decision_recorded`]).
    NoDecision,
    /// Changes proposed by a reviewer wait for a decision.
    PendingProposals(usize),
}

/// What the revision being worked on is, for the views.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing<'a> {
    /// Signed and frozen: this version.
    Signed(&'a Version),
    /// Being worked on, after the last signed version (if any).
    Draft { revision: u32, after: Option<&'a Version> },
}

/// Whether `a`'s revision is signed, or a draft after which signed version.
pub fn standing(a: &Assessment) -> Standing<'_> {
    match a.last_signed() {
        Some(v) if a.frozen() => Standing::Signed(v),
        after => Standing::Draft { revision: a.revision, after },
    }
}

/// Whether the revision being worked on can be signed now, and if not, why.
pub fn can_sign(a: &Assessment) -> Result<(), SignError> {
    if a.frozen() {
        return Err(SignError::AlreadySigned);
    }
    if !decision_recorded(&a.signoff) {
        return Err(SignError::NoDecision);
    }
    let pending = a.review.proposals.iter().filter(|p| p.status == ProposalStatus::Pending).count();
    if pending > 0 {
        return Err(SignError::PendingProposals(pending));
    }
    Ok(())
}

/// Records the decision: freezes the revision being worked on as signed version `revision`,
/// by `by` at `at` (ISO 8601). Returns the new version's number.
pub fn sign(bank: &Bank, a: &mut Assessment, by: &str, at: &str) -> Result<u32, SignError> {
    can_sign(a)?;
    let number = a.versions.last().map_or(1, |v| v.number + 1).max(a.revision);
    let report = engine::evaluate(bank, &a.answers, &a.plan);
    let content = Content::of(a, &report, number, at, by);
    let text = serde_json::to_string(&content).unwrap_or_default();
    let fingerprint = sha256_hex(text.as_bytes());
    // serde_json's own output is JSON, so this always holds; if it did not, nothing is signed.
    let Some(content) = Json::from_text(text) else { return Err(SignError::NoDecision) };
    a.versions.push(Version { number, signed_at: at.to_string(), signed_by: by.to_string(), fingerprint, content });
    a.revision = number;
    Ok(number)
}

/// How a signed version reads under the bank this widget has (the views re-evaluate its
/// answers with today's engine and bank).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Signed under this bank version.
    SameBank,
    /// Signed under another bank version (`signed`); `results_differ` when today's engine
    /// concludes otherwise from the signed answers than what was signed (`Content::results`).
    BankChanged { signed: String, now: String, results_differ: bool },
}

/// Whether `content` was signed under `bank`'s version, and if not, whether today's conclusion
/// from its answers differs from the signed one.
pub fn reading(bank: &Bank, content: &Content) -> Reading {
    if content.bank_version == bank.version {
        return Reading::SameBank;
    }
    let now = Results::of(&engine::evaluate(bank, &content.answers, &content.plan));
    Reading::BankChanged {
        signed: content.bank_version.clone(),
        now: bank.version.clone(),
        results_differ: now != content.results,
    }
}

//! Review without a server: a file of the same assessment (same `id`), reviewed elsewhere,
//! merged into the copy in this browser. The reviewer's comments and evaluations are added
//! (a comment is one record with its own id, so a comment already here is not added twice),
//! signed versions the file has and this copy does not are added, and every field the
//! reviewer changed becomes a proposed change that the author accepts or rejects one by one.
//! Nothing here is overwritten: a merge changes this copy's answers never, its comments and
//! versions only by adding.
//!
//! Which fields did the reviewer change? A file carries `review.base`: the fingerprint of each
//! field as its sender last received it from the other side. A field whose value differs from
//! that base was changed by the sender; one that matches it was not (the difference, if any, is
//! a change made here since, which stays). A change already proposed, accepted or rejected is
//! not proposed again, and a file that holds exactly what this copy last received (its own
//! `base`) proposes nothing.
//!
//! A file of another assessment, a damaged or foreign file, and a signed version that does not
//! match its fingerprint are refused and change nothing; so is a file with nothing new (an
//! older copy, or one merged before).

use std::collections::BTreeSet;

use super::assessment::Assessment;
use super::review::{fields, fingerprints, proposal_id, value_fingerprint, Json, Proposal, ProposalStatus};
use super::transfer::{self, ImportError, Migration};
use crate::domain::model::Bank;

/// What a merge added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    /// The assessment with the file merged in (to be saved by the caller).
    pub assessment: Assessment,
    /// Comments added.
    pub comments: usize,
    /// Proposed changes added (pending).
    pub proposals: usize,
    /// Signed versions added, by number.
    pub versions: Vec<u32>,
    /// Ids of comments the file has with another content than here: the comment here is kept
    /// as it is (the file was edited by hand, or made by a faulty copy).
    pub kept: Vec<String>,
    /// The file was saved before this copy was last changed.
    pub older: bool,
    /// What bringing the file to the current bank changed.
    pub migration: Migration,
}

/// Why a file was not merged. Nothing is changed when it is not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeError {
    /// Not a readable assessment (damaged, foreign, newer format, unknown questions) or a
    /// signed version in it does not match its fingerprint.
    Import(ImportError),
    /// The file has no assessment id: exported by a version of the widget before review
    /// (import it as a new assessment instead).
    NoId,
    /// The file is of another assessment.
    OtherAssessment { title: String },
    /// The file's signed version `number` is not the one signed here: the two copies were
    /// signed apart.
    Diverged { number: u32 },
    /// Everything in the file is here already. `older`: the file was saved before this copy
    /// was last changed.
    NothingNew { older: bool },
}

impl From<ImportError> for MergeError {
    fn from(e: ImportError) -> Self {
        MergeError::Import(e)
    }
}

/// Reads a file (as an import does: checked, shortened to the form's limits, brought to the
/// current bank, signed versions checked) and merges it into `local`.
pub fn merge(bank: &Bank, local: &Assessment, bytes: &[u8]) -> Result<Merged, MergeError> {
    let (incoming, migration) = transfer::import(bank, bytes)?;
    let mut m = merge_assessments(local, &incoming)?;
    m.migration = migration;
    Ok(m)
}

/// Merges an assessment read from a file into `local` (see the module's documentation).
pub fn merge_assessments(local: &Assessment, incoming: &Assessment) -> Result<Merged, MergeError> {
    if incoming.id.is_empty() {
        return Err(MergeError::NoId);
    }
    if incoming.id != local.id {
        return Err(MergeError::OtherAssessment { title: incoming.title.clone() });
    }
    let older = !incoming.updated.is_empty() && !local.updated.is_empty() && incoming.updated < local.updated;
    let mut a = local.clone();

    let mut versions = Vec::new();
    for v in &incoming.versions {
        match a.versions.iter().find(|l| l.number == v.number) {
            Some(l) if l.fingerprint == v.fingerprint => {}
            Some(_) => return Err(MergeError::Diverged { number: v.number }),
            None => {
                versions.push(v.number);
                a.versions.push(v.clone());
            }
        }
    }
    crate::domain::order::sort_by_key(&mut a.versions, |v| v.number);
    if let Some(last) = a.versions.last().filter(|_| !versions.is_empty()) {
        if a.revision <= last.number {
            let same = last.content().is_some_and(|c| c.same_as(&a));
            a.revision = if same { last.number } else { last.number + 1 };
        }
    }

    let mut comments = 0;
    let mut kept = Vec::new();
    for c in &incoming.review.comments {
        match a.review.comments.iter().find(|l| l.id == c.id) {
            None => {
                a.review.comments.push(c.clone());
                comments += 1;
            }
            Some(l) if l == c => {}
            Some(_) => kept.push(c.id.clone()),
        }
    }

    let theirs = fields(incoming);
    let ours = fields(local);
    let their_base = &incoming.review.base;
    // The very state received here before (the same file again, or the file this copy was
    // made from) proposes nothing.
    let received_before = fingerprints(incoming) == local.review.base;
    let keys: BTreeSet<&String> =
        if received_before { BTreeSet::new() } else { theirs.keys().chain(their_base.keys()).collect() };
    let mut proposals = 0;
    for key in keys {
        let value = theirs.get(key).map(String::as_str);
        // Not changed by the sender since it last received this field.
        if value.map(value_fingerprint).as_ref() == their_base.get(key) {
            continue;
        }
        if value == ours.get(key).map(String::as_str) {
            continue;
        }
        let id = proposal_id(key, value);
        if a.review.proposals.iter().any(|p| p.id == id) {
            continue;
        }
        a.review.proposals.push(Proposal {
            id,
            field: key.clone(),
            value: value.and_then(|v| Json::from_text(v.to_string())),
            by: incoming.updated_by.clone(),
            at: incoming.updated.clone(),
            status: ProposalStatus::Pending,
        });
        proposals += 1;
    }

    if comments == 0 && proposals == 0 && versions.is_empty() {
        return Err(MergeError::NothingNew { older });
    }
    a.review.base = fingerprints(incoming);
    Ok(Merged { assessment: a, comments, proposals, versions, kept, older, migration: Migration::default() })
}

/// A file that looks like the receiver's own earlier export ([`own_earlier`]): merging it would
/// propose `undo` changes that take back what was changed here after it was exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OwnEarlier {
    pub undo: usize,
}

/// Whether a file of this assessment looks like this side's own earlier export, to be said
/// before it is merged: merging such a file proposes, for every field changed here since it was
/// exported, to set it back (the file holds the old value, and its sender, this side, had
/// changed it from the base). `name` is the name typed in this browser.
///
/// What a file holds that tells who sent it: `updated_by` (the name typed in the sending
/// browser, set on export; empty when none was typed, and two people may type the same name)
/// and `review.base` (what its sender last received from the other side). A file from the
/// other side carries as base what it received from here, which is not what this side last
/// received, unless nothing changed in between; this side's own export carries this side's
/// base. So a file is taken as this side's own when it is older than this copy and would
/// propose changes, and either its base is this copy's base, or it was saved under the name
/// typed here. Neither is proof (an own export from before a later merge has an older base, and
/// has only the name to go by): the user is told it "looks like" their own and chooses.
pub fn own_earlier(local: &Assessment, incoming: &Assessment, name: &str) -> Option<OwnEarlier> {
    let m = merge_assessments(local, incoming).ok()?;
    let name = name.trim();
    let same_sender = !name.is_empty() && incoming.updated_by.trim() == name;
    let same_base = incoming.review.base == local.review.base;
    (m.older && m.proposals > 0 && (same_base || same_sender)).then_some(OwnEarlier { undo: m.proposals })
}

/// A file imported as a separate copy (the user's choice when this browser has its assessment
/// already): a new assessment, with the identity `new_id` (the id it is stored under), so that
/// files of the original are never merged into it, nor its files into the original. Its
/// comments, proposals and signed versions stay as they are: a signed version's fingerprint
/// covers its content (`version::Content`), which does not hold the assessment id, so every
/// fingerprint still verifies. A copy of a signed assessment is thus a new assessment whose
/// history holds the original's signed versions, as signed (the same numbers, signers and
/// fingerprints: they attest to what was signed, not to which copy keeps it); what is signed in
/// the copy afterwards is its own. What the file holds is its base, as for [`received`].
pub fn separate_copy(a: &mut Assessment, new_id: &str) {
    a.id = new_id.to_string();
    a.review.base = fingerprints(a);
}

/// An imported file that becomes a new assessment in this browser: what it holds is what the
/// other side has, so that is its base for the next merge. An assessment without id (a file of
/// an older format) takes `new_id`.
pub fn received(a: &mut Assessment, new_id: &str) {
    if a.id.is_empty() {
        a.id = new_id.to_string();
    }
    a.review.base = fingerprints(a);
}

/// Pending proposals, for a caller that has no bank at hand (see `review::pending` for the
/// ordered list).
pub fn pending_count(a: &Assessment) -> usize {
    a.review.proposals.iter().filter(|p| p.status == ProposalStatus::Pending).count()
}

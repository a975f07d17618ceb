//! Review without a server (src/persist/{review,merge,version,changes}.rs): comments and
//! evaluations, the hand-over by file with proposed changes, signed versions with their
//! fingerprint, and what changed since a signed version. Unit tests of each rule, then property
//! tests of the merge: idempotent, the same in either order, never losing a comment or an answer.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;

use biodpia::domain::answers::{Answer, PlanItem, Status};
use biodpia::domain::model::{Bank, Kind, Question};
use biodpia::persist::assessment::{self, Assessment, SignOffField, FORMAT_VERSION};
use biodpia::persist::changes;
use biodpia::persist::merge::{self, MergeError};
use biodpia::persist::review::{
    self, add_comment, CommentError, DecideError, Draft, Evaluation, ProposalStatus, Target,
};
use biodpia::persist::transfer::{self, ImportError};
use biodpia::persist::version::{self, SignError, VersionError};

fn bank() -> &'static Bank {
    biodpia::bank::bank()
}

/// The bank's single-choice questions with at least two options.
fn choice_questions() -> Vec<&'static Question> {
    bank().questions().filter(|q| matches!(q.kind, Kind::Single | Kind::YesNo) && q.options.len() >= 2).collect()
}

fn choice(q: &Question, i: usize) -> Answer {
    Answer::Choice(q.options[i % q.options.len()].id.clone())
}

/// An author's assessment with the first `n` choice questions answered (first option).
/// Records the controller's decision (what signing needs: decision, date, who decided).
fn decide(a: &mut Assessment, who: &str) {
    for (f, v) in [
        (SignOffField::Decision, "conditionally_approved"),
        (SignOffField::DecisionDate, "2026-12-03"),
        (SignOffField::DecidedBy, who),
        (SignOffField::ResidualRiskAcceptedBy, who),
    ] {
        a.signoff.set(f, v);
    }
}

fn authored(n: usize) -> Assessment {
    let mut a = Assessment::new(&bank().version, "Gemeente Utrecht");
    a.id = "m1abc-author".into();
    a.title = "Toegangscontrole".into();
    a.updated = "2026-12-01T09:00:00.000Z".into();
    a.updated_by = "Anna (projectleider)".into();
    for q in choice_questions().into_iter().take(n) {
        a.answers.insert(q.id.clone(), choice(q, 0));
    }
    a
}

/// What the other side gets: the export, imported and taken in as a new assessment.
fn hand_over(a: &Assessment) -> Assessment {
    let (mut b, _) = transfer::import(bank(), transfer::export(a).as_bytes()).expect("own export imports");
    merge::received(&mut b, "");
    b
}

fn comment(a: &mut Assessment, id: &str, who: &str, at: &str, on: Target, text: &str, e: Option<Evaluation>) {
    let draft = Draft { text: text.into(), evaluation: e, resolves: None };
    add_comment(a, id, who, at, on, "", draft).expect("comment is added");
}

fn merged(local: &Assessment, file: &Assessment) -> Result<merge::Merged, MergeError> {
    merge::merge(bank(), local, transfer::export(file).as_bytes())
}

fn q(i: usize) -> &'static Question {
    choice_questions()[i]
}

#[test]
fn format_2_files_read_as_the_current_format_without_review() {
    let a = assessment::read(br#"{"format": 2, "title": "Oud", "answers": {}}"#).unwrap();
    assert_eq!(a.format, FORMAT_VERSION);
    assert!(FORMAT_VERSION >= 4, "format 3 added the review, format 4 the decision record");
    assert_eq!((a.id.as_str(), a.revision, a.versions.len()), ("", 1, 0));
    assert!(a.review.comments.is_empty() && a.review.proposals.is_empty() && a.review.base.is_empty());
    assert!(!a.frozen());
}

#[test]
fn export_then_import_keeps_the_review_and_the_signed_versions() {
    let mut a = authored(5);
    comment(&mut a, "c1", "Dirk (FG)", "2026-12-02T10:00:00Z", Target::Question(q(0).id.clone()), "Waarom?", None);
    decide(&mut a, "Directie");
    version::sign(bank(), &mut a, "Directie", "2026-12-03T10:00:00Z").unwrap();
    let (b, _) = transfer::import(bank(), transfer::export(&a).as_bytes()).unwrap();
    assert_eq!(b, a);
    // The export of the import is the same file, byte for byte: the signed content is kept as
    // the text that was fingerprinted.
    assert_eq!(transfer::export(&b), transfer::export(&a));
    assert!(b.frozen());
    version::check_all(&b).unwrap();
}

#[test]
fn an_evaluation_to_improve_or_correct_needs_a_reason() {
    let mut a = authored(2);
    let on = Target::Question(q(0).id.clone());
    for e in [Evaluation::ToImprove, Evaluation::ToCorrect] {
        let draft = Draft { text: "  ".into(), evaluation: Some(e), resolves: None };
        assert_eq!(add_comment(&mut a, "x", "D", "t", on.clone(), "", draft), Err(CommentError::ReasonMissing));
    }
    let ok = Draft { text: String::new(), evaluation: Some(Evaluation::Acceptable), resolves: None };
    add_comment(&mut a, "x", "D", "t", on.clone(), "", ok).unwrap();
    assert_eq!(add_comment(&mut a, "y", "D", "t", on.clone(), "", Draft::default()), Err(CommentError::Empty));
    let again = Draft { text: "again".into(), ..Draft::default() };
    assert_eq!(add_comment(&mut a, "x", "D", "t", on.clone(), "", again), Err(CommentError::DuplicateId));
    let long = Draft { text: "a".repeat(review::MAX_COMMENT_LEN + 1), ..Draft::default() };
    assert!(matches!(add_comment(&mut a, "z", "D", "t", on.clone(), "", long), Err(CommentError::TooLong { .. })));
    let orphan_reply = Draft { text: "hm".into(), ..Draft::default() };
    assert_eq!(add_comment(&mut a, "w", "D", "t", on, "nope", orphan_reply), Err(CommentError::UnknownThread));
}

#[test]
fn threads_replies_resolution_and_status() {
    let mut a = authored(2);
    let on = Target::Question(q(0).id.clone());
    let risk = Target::Risk(bank().risks[0].id.clone());
    comment(
        &mut a,
        "c2",
        "Dirk",
        "2026-12-02T10:00:02Z",
        on.clone(),
        "Onderbouw de bewaartermijn.",
        Some(Evaluation::ToCorrect),
    );
    comment(&mut a, "c1", "Dirk", "2026-12-02T10:00:01Z", risk.clone(), "Prima.", Some(Evaluation::Acceptable));
    let reply = |a: &mut Assessment, id: &str, at: &str, text: &str, resolves: Option<bool>| {
        let d = Draft { text: text.into(), evaluation: None, resolves };
        // The target given is ignored for a reply: it is the thread's.
        add_comment(a, id, "Anna", at, risk.clone(), "c2", d).unwrap();
    };
    reply(&mut a, "c4", "2026-12-02T11:00:00Z", "", Some(true));
    reply(&mut a, "c3", "2026-12-02T10:30:00Z", "Aangepast: 30 dagen.", None);

    let all = review::threads(&a.review, None);
    assert_eq!(all.iter().map(|t| t.first.id.as_str()).collect::<Vec<_>>(), ["c1", "c2"], "oldest first");
    let t = &review::threads(&a.review, Some(&on))[0];
    assert_eq!(t.replies.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["c3", "c4"]);
    assert_eq!(t.replies[0].on, on, "a reply is on its thread's target");
    assert!(t.resolved);
    assert_eq!(t.evaluation, Some(Evaluation::ToCorrect));
    // Resolved threads no longer count towards the target's evaluation.
    assert_eq!(review::status(&a.review, &on), review::Status { evaluation: None, open: 0, resolved: 1 });
    assert_eq!(review::status(&a.review, &risk).evaluation, Some(Evaluation::Acceptable));
    assert_eq!(review::open_threads(&a.review), 1);
    // Opened again.
    reply(&mut a, "c5", "2026-12-03T09:00:00Z", "Toch niet.", Some(false));
    assert_eq!(review::status(&a.review, &on).evaluation, Some(Evaluation::ToCorrect));
    assert_eq!(review::open_threads(&a.review), 2);
}

#[test]
fn comments_on_what_the_bank_no_longer_has_are_kept_and_listed() {
    let mut a = authored(1);
    comment(&mut a, "c1", "D", "t1", Target::Question("q_removed_long_ago".into()), "Oud.", None);
    comment(&mut a, "c2", "D", "t2", Target::Section(bank().sections[0].id.clone()), "Nieuw.", None);
    let orphans = review::orphans(bank(), &a.review);
    assert_eq!(orphans.iter().map(|t| t.first.id.as_str()).collect::<Vec<_>>(), ["c1"]);
    // A reply whose thread is not in the file is shown as a thread of its own.
    let (mut b, _) = transfer::import(bank(), transfer::export(&a).as_bytes()).unwrap();
    b.review.comments[0].reply_to = "not-here".into();
    assert_eq!(review::threads(&b.review, None).len(), 2);
}

/// Author -> DPO -> author, then a second round.
#[test]
fn round_trip_author_dpo_author() {
    let mut author = authored(6);
    let mut dpo = hand_over(&author);
    assert_eq!(dpo.id, author.id);

    // The DPO evaluates, comments and changes two answers.
    dpo.updated_by = "Dirk (FG)".into();
    dpo.updated = "2026-12-02T10:00:00.000Z".into();
    comment(
        &mut dpo,
        "d1",
        "Dirk (FG)",
        "2026-12-02T10:00:00Z",
        Target::Question(q(0).id.clone()),
        "Dit klopt niet.",
        Some(Evaluation::ToCorrect),
    );
    dpo.answers.insert(q(0).id.clone(), choice(q(0), 1));
    dpo.answers.remove(&q(1).id);
    // Meanwhile the author changed another answer.
    author.answers.insert(q(2).id.clone(), choice(q(2), 1));
    author.updated = "2026-12-02T12:00:00.000Z".into();

    let m = merged(&author, &dpo).unwrap();
    assert_eq!((m.comments, m.proposals, m.versions.len()), (1, 2, 0));
    assert!(m.older, "the author changed an answer after the DPO saved the file");
    let mut a = m.assessment;
    assert_eq!(a.answers, author.answers, "a merge never changes an answer");
    let pending = review::pending(bank(), &a.review);
    let fields: Vec<&str> = pending.iter().map(|p| p.field.as_str()).collect();
    let (f0, f1) = (format!("answers.{}", q(0).id), format!("answers.{}", q(1).id));
    assert_eq!(fields, [f0.as_str(), f1.as_str()], "only what the DPO changed, in bank order");
    assert_eq!(pending[0].by, "Dirk (FG)");
    assert!(pending[1].value.is_none(), "the DPO removed that answer");

    // The author accepts one and rejects the other.
    let (accept, refuse) = (pending[0].id.clone(), pending[1].id.clone());
    review::accept(bank(), &mut a, &accept).unwrap();
    review::reject(&mut a, &refuse).unwrap();
    assert_eq!(a.answers[&q(0).id], choice(q(0), 1));
    assert_eq!(a.answers[&q(1).id], choice(q(1), 0));
    assert_eq!(review::accept(bank(), &mut a, &accept), Err(DecideError::NotPending));

    // The same file again: nothing new, nothing changes; the rejected change is not proposed again.
    assert_eq!(merged(&a, &dpo), Err(MergeError::NothingNew { older: true }));

    // Second round: the author replies and sends it back; the DPO sees the author's own change
    // (and the rejection), not its own changes again.
    let thread = "d1";
    let d = Draft { text: "Aangepast.".into(), evaluation: None, resolves: Some(true) };
    add_comment(&mut a, "a1", "Anna", "2026-12-03T09:00:00Z", Target::Question(String::new()), thread, d).unwrap();
    a.updated = "2026-12-03T09:00:00.000Z".into();
    a.updated_by = "Anna".into();
    let m = merged(&dpo, &a).unwrap();
    assert_eq!(m.comments, 1);
    let back: BTreeSet<String> = m.assessment.review.proposals.iter().map(|p| p.field.clone()).collect();
    assert_eq!(back, BTreeSet::from([format!("answers.{}", q(1).id), format!("answers.{}", q(2).id)]));
    assert!(review::threads(&m.assessment.review, None)[0].resolved);
}

#[test]
fn the_file_a_copy_was_made_from_proposes_nothing_when_imported_again() {
    let author = authored(4);
    let mut dpo = hand_over(&author);
    dpo.answers.insert(q(0).id.clone(), choice(q(0), 1));
    dpo.updated = "2026-12-04T10:00:00.000Z".into();
    assert_eq!(merged(&dpo, &author), Err(MergeError::NothingNew { older: true }));
}

#[test]
fn files_that_cannot_be_merged_change_nothing_and_say_why() {
    let author = authored(3);
    let other = Assessment { id: "zzz-other".into(), title: "Andere".into(), ..authored(3) };
    assert_eq!(merged(&author, &other), Err(MergeError::OtherAssessment { title: "Andere".into() }));
    let no_id = Assessment { id: String::new(), ..authored(3) };
    assert_eq!(merged(&author, &no_id), Err(MergeError::NoId));
    let bad_id = transfer::export(&author).replace("m1abc-author", "../../evil");
    assert!(matches!(merge::merge(bank(), &author, bad_id.as_bytes()), Err(MergeError::Import(ImportError::Read(_)))));
    let export = transfer::export(&author);
    for damaged in [&export.as_bytes()[..export.len() / 2], b"[]", b"{\"x\": 1}", b"\xff\xfe"] {
        assert!(matches!(merge::merge(bank(), &author, damaged), Err(MergeError::Import(_))));
    }
}

#[test]
fn an_older_copy_with_nothing_new_is_recognised() {
    let mut author = authored(3);
    let old = author.clone();
    comment(
        &mut author,
        "a1",
        "Anna",
        "2026-12-05T10:00:00Z",
        Target::Section(bank().sections[0].id.clone()),
        "Notitie.",
        None,
    );
    author.updated = "2026-12-05T10:00:00.000Z".into();
    assert_eq!(merged(&author, &old), Err(MergeError::NothingNew { older: true }));
}

#[test]
fn a_comment_changed_by_hand_in_the_file_is_not_taken() {
    let mut author = authored(2);
    comment(&mut author, "a1", "Anna", "t", Target::Question(q(0).id.clone()), "Origineel.", None);
    let mut dpo = hand_over(&author);
    dpo.review.comments[0].text = "Vervalst.".into();
    comment(&mut dpo, "d1", "Dirk", "t2", Target::Question(q(0).id.clone()), "Nieuw.", None);
    let m = merged(&author, &dpo).unwrap();
    assert_eq!(m.kept, ["a1"]);
    assert_eq!(m.comments, 1);
    assert_eq!(m.assessment.review.comments[0].text, "Origineel.");
}

fn signed(n: usize) -> Assessment {
    let mut a = authored(n);
    decide(&mut a, "Directie");
    version::sign(bank(), &mut a, "B. de Vries (directie)", "2026-12-10T10:00:00Z").unwrap();
    a
}

#[test]
fn signing_needs_the_decision_and_no_pending_proposals_and_freezes() {
    let mut a = authored(4);
    assert_eq!(version::sign(bank(), &mut a, "X", "t"), Err(SignError::NoDecision));
    decide(&mut a, "Directie");
    let mut dpo = hand_over(&a);
    dpo.answers.insert(q(0).id.clone(), choice(q(0), 1));
    let mut a = merged(&a, &dpo).unwrap().assessment;
    assert_eq!(version::sign(bank(), &mut a, "X", "t"), Err(SignError::PendingProposals(1)));
    let id = a.review.proposals[0].id.clone();
    review::reject(&mut a, &id).unwrap();

    assert_eq!(version::sign(bank(), &mut a, "Directie", "2026-12-10T10:00:00Z"), Ok(1));
    assert!(a.frozen());
    assert_eq!(version::sign(bank(), &mut a, "X", "t"), Err(SignError::AlreadySigned));
    let v = &a.versions[0];
    assert_eq!(v.fingerprint.len(), 64);
    assert_eq!(v.fingerprint, review::sha256_hex(v.content.text().as_bytes()));
    assert_eq!(v.fingerprint_grouped().split(' ').count(), 8);
    let content = v.check().unwrap();
    assert_eq!(content.answers, a.answers);
    assert_eq!(
        content.results.verdict,
        biodpia::domain::engine::evaluate(bank(), &a.answers, &a.plan).decision.outcome.key()
    );
    // Comments may still be added to a signed version; proposals wait for a new revision.
    comment(&mut a, "late", "Dirk", "t", Target::Question(q(1).id.clone()), "Voor volgend jaar.", None);
    dpo.answers.insert(q(1).id.clone(), choice(q(1), 1));
    let mut a = merged(&a, &dpo).unwrap().assessment;
    let id = review::pending(bank(), &a.review)[0].id.clone();
    assert_eq!(review::accept(bank(), &mut a, &id), Err(DecideError::Frozen));
    a.start_revision();
    assert!(!a.frozen());
    assert_eq!(a.revision, 2);
    review::accept(bank(), &mut a, &id).unwrap();
    assert_eq!(a.versions[0].check().unwrap(), content, "the signed version stays as it was");
    // A signed version shown read-only.
    let shown = content.assessment(&a);
    assert!(shown.frozen());
    assert_eq!(shown.answers, content.answers);
}

#[test]
fn sha256_is_the_standard_one() {
    // FIPS 180-2, appendix B.1.
    assert_eq!(review::sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

#[test]
fn a_signed_version_changed_in_the_file_is_detected() {
    let a = signed(4);
    let export = transfer::export(&a);
    let import = |text: &str| transfer::import(bank(), text.as_bytes()).map(|_| ());
    assert_eq!(import(&export), Ok(()));
    // Inside the signed content: the organisation, an answer, or a single space.
    let content = a.versions[0].content.text().to_string();
    let tamper = |from: &str, to: &str| {
        assert!(content.contains(from), "{from}");
        export.replacen(&content, &content.replacen(from, to, 1), 1)
    };
    let tampered = Err(ImportError::Version(VersionError::Tampered { number: 1 }));
    assert_eq!(import(&tamper("Gemeente Utrecht", "Gemeente Zeist")), tampered);
    assert_eq!(
        import(&tamper(&format!("\"{}\"", q(0).options[0].id), &format!("\"{}\"", q(0).options[1].id))),
        tampered
    );
    assert_eq!(import(&tamper(",", ", ")), tampered);
    // The fingerprint itself.
    let fp = &a.versions[0].fingerprint;
    let other = format!("{}{}", if fp.starts_with('0') { '1' } else { '0' }, &fp[1..]);
    assert_eq!(import(&export.replace(fp.as_str(), &other)), tampered);
    // The header outside the content.
    let header = export.replacen("\"signed_by\": \"B. de Vries (directie)\"", "\"signed_by\": \"Iemand anders\"", 1);
    assert_ne!(header, export);
    assert_eq!(import(&header), Err(ImportError::Version(VersionError::Damaged { number: 1 })));
    // A merge of a tampered file changes nothing.
    let mut local = a.clone();
    local.start_revision();
    assert!(matches!(
        merge::merge(bank(), &local, tamper("Gemeente Utrecht", "Gemeente Zeist").as_bytes()),
        Err(MergeError::Import(ImportError::Version(VersionError::Tampered { number: 1 })))
    ));
}

#[test]
fn versions_signed_apart_are_refused() {
    let base = authored(3);
    let mut one = hand_over(&base);
    decide(&mut one, "A");
    version::sign(bank(), &mut one, "A", "t1").unwrap();
    let mut two = base.clone();
    decide(&mut two, "B");
    version::sign(bank(), &mut two, "B", "t2").unwrap();
    assert_eq!(merged(&two, &one), Err(MergeError::Diverged { number: 1 }));
}

#[test]
fn a_version_signed_on_the_other_side_is_added() {
    let mut author = authored(3);
    decide(&mut author, "Directie");
    let mut other = hand_over(&author);
    version::sign(bank(), &mut other, "Directie", "2026-12-10T10:00:00Z").unwrap();
    let m = merged(&author, &other).unwrap();
    assert_eq!(m.versions, [1]);
    assert!(m.assessment.frozen(), "the same content, now signed");
    author.answers.insert(q(0).id.clone(), choice(q(0), 1));
    let m = merged(&author, &other).unwrap();
    assert_eq!((m.assessment.revision, m.assessment.frozen()), (2, false), "local changes go on in revision 2");
}

#[test]
fn changes_since_the_last_signed_version() {
    let mut a = signed(8);
    assert!(changes::since_last_signed(bank(), &a, &biodpia::domain::engine::evaluate(bank(), &a.answers, &a.plan))
        .is_none());
    a.start_revision();
    let report = |a: &Assessment| biodpia::domain::engine::evaluate(bank(), &a.answers, &a.plan);
    let c = changes::since_last_signed(bank(), &a, &report(&a)).unwrap();
    assert!(c.is_empty(), "{c:?}");
    assert_eq!(c.since, 1);

    a.answers.insert(q(0).id.clone(), choice(q(0), 1));
    a.answers.remove(&q(7).id);
    let s = bank().safeguards[0].id.clone();
    a.plan.insert(s.clone(), PlanItem { status: Status::Planned, owner: "ICT".into(), due: "2027-03-01".into() });
    a.signoff.dpo_advice = "Akkoord onder voorwaarden.".into();
    a.title = "Toegangscontrole 2027".into();
    let c = changes::since_last_signed(bank(), &a, &report(&a)).unwrap();
    assert_eq!(c.answers(), 2);
    let section_of =
        |qid: &str| bank().sections.iter().find(|s| s.questions.iter().any(|q| q.id == qid)).unwrap().id.clone();
    assert_eq!(c.sections[0].section, section_of(&q(0).id), "sections in bank order");
    let all: Vec<_> = c.sections.iter().flat_map(|s| &s.answers).collect();
    assert_eq!(all[0].question, q(0).id);
    assert_eq!((all[0].before.clone(), all[0].after.clone()), (Some(choice(q(0), 0)), Some(choice(q(0), 1))));
    let removed = all.iter().find(|x| x.question == q(7).id).unwrap();
    assert_eq!(removed.after, None);
    assert_eq!(c.measures.len(), 1);
    assert_eq!((c.measures[0].safeguard.as_str(), c.measures[0].before.is_none()), (s.as_str(), true));
    assert_eq!(c.decision.len(), 1);
    assert_eq!(
        (c.decision[0].field.as_str(), c.decision[0].after.as_str()),
        ("dpo_advice", "Akkoord onder voorwaarden.")
    );
    assert_eq!(c.meta.len(), 1);
    // Risks and verdict follow the engine: compare with its own results before and after.
    let before = a.versions[0].content().unwrap().results;
    let after = version::Results::of(&report(&a));
    let moved: Vec<&String> =
        bank().risks.iter().map(|r| &r.id).filter(|r| before.risks.get(*r) != after.risks.get(*r)).collect();
    assert_eq!(c.risks.iter().map(|r| &r.risk).collect::<Vec<_>>(), moved);
    assert_eq!(c.verdict.is_some(), before.verdict != after.verdict);

    // Signed again: the changes of version 2 are those of the revision.
    let a2 = {
        let mut a2 = a.clone();
        version::sign(bank(), &mut a2, "Directie", "2027-01-10T10:00:00Z").unwrap();
        a2
    };
    let of2 = changes::of_version(bank(), &a2, 2).unwrap();
    assert_eq!(of2, c);
    assert!(changes::of_version(bank(), &a2, 1).is_none());
}

#[test]
fn accepting_a_proposal_checks_the_value_against_the_bank() {
    let author = authored(2);
    let mut dpo = hand_over(&author);
    dpo.answers.insert(q(0).id.clone(), Answer::Choice("no_such_option".into()));
    // An import under the current bank refuses nothing here: the unknown option is moved to
    // "no longer asked" by migration, so the proposal is the removal of the answer.
    let m = merged(&author, &dpo).unwrap();
    let p = &m.assessment.review.proposals[0];
    assert!(p.value.is_none());
    // A proposal edited by hand into an unknown option is refused on accept and stays pending.
    let mut a = m.assessment.clone();
    a.review.proposals[0].value = review::Json::from_text(r#"{"choice":"no_such_option"}"#.into());
    let id = a.review.proposals[0].id.clone();
    assert!(matches!(review::accept(bank(), &mut a, &id), Err(DecideError::Field(review::FieldError::Answer(_)))));
    assert_eq!(a.review.proposals[0].status, ProposalStatus::Pending);
}

#[test]
fn sign_off_fields_take_part_in_the_review() {
    let author = authored(1);
    let mut dpo = hand_over(&author);
    dpo.signoff.dpo_advice = "Niet doen zonder afweging.".into();
    dpo.signoff.dpo_advice_followed = "not_followed".into();
    let m = merged(&author, &dpo).unwrap();
    let mut a = m.assessment;
    // Two proposals, on the record's fields: the answers the record holds are not proposed
    // apart from it.
    let ids: Vec<String> = review::pending(bank(), &a.review).iter().map(|p| p.id.clone()).collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(ids.iter().all(|id| id.starts_with("signoff.")), "{ids:?}");
    for id in ids {
        review::accept(bank(), &mut a, &id).unwrap();
    }
    assert_eq!(a.signoff, dpo.signoff);
    // The questions that ask the same follow the record.
    assert_eq!(a.answers["q_gov_dpo_followed"], Answer::Choice("not_followed".into()));
    assert_eq!(a.answers["q_gov_dpo_summary"], Answer::Text("Niet doen zonder afweging.".into()));
}

// ---------------------------------------------------------------------------------------
// Properties

/// An edit: for each of the first 12 choice questions, keep (None), change to option `i`
/// (Some(Some(i))) or remove the answer (Some(None)).
fn edits() -> impl Strategy<Value = Vec<Option<Option<usize>>>> {
    proptest::collection::vec(proptest::option::of(proptest::option::of(0usize..4)), 12)
}

fn apply(a: &mut Assessment, edits: &[Option<Option<usize>>]) {
    for (i, e) in edits.iter().enumerate() {
        match e {
            None => {}
            Some(None) => {
                a.answers.remove(&q(i).id);
            }
            Some(Some(o)) => {
                a.answers.insert(q(i).id.clone(), choice(q(i), *o));
            }
        }
    }
}

/// Comments by `who`: each on one of the first questions, some with an evaluation.
fn comments() -> impl Strategy<Value = Vec<(usize, Option<usize>)>> {
    proptest::collection::vec((0usize..12, proptest::option::of(0usize..3)), 0..4)
}

fn add_comments(a: &mut Assessment, who: &str, list: &[(usize, Option<usize>)]) {
    for (n, (i, e)) in list.iter().enumerate() {
        let evaluation = e.map(|e| Evaluation::ALL[e]);
        let on = Target::Question(q(*i).id.clone());
        comment(
            a,
            &format!("{who}-{n}"),
            who,
            &format!("2026-12-0{}T10:00:0{n}Z", 2 + n % 5),
            on,
            "Reden.",
            evaluation,
        );
    }
}

fn comment_ids(a: &Assessment) -> BTreeSet<String> {
    a.review.comments.iter().map(|c| c.id.clone()).collect()
}
fn proposal_ids(a: &Assessment) -> BTreeSet<String> {
    a.review.proposals.iter().map(|p| p.id.clone()).collect()
}

/// The answers `reviewer` changed relative to `sent`.
fn changed_by(sent: &Assessment, reviewer: &Assessment) -> BTreeMap<String, Option<Answer>> {
    let keys: BTreeSet<&String> = sent.answers.keys().chain(reviewer.answers.keys()).collect();
    keys.into_iter()
        .filter(|k| sent.answers.get(*k) != reviewer.answers.get(*k))
        .map(|k| (k.clone(), reviewer.answers.get(k).cloned()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Author -> reviewer -> author, with edits on both sides: the merge keeps every comment of
    /// both, changes no answer, proposes exactly what the reviewer changed (where it differs from
    /// the author's answer), and merging the same file again changes nothing.
    #[test]
    fn merge_loses_nothing_and_is_idempotent(
        start in edits(), theirs in edits(), mine in edits(),
        their_comments in comments(), my_comments in comments(),
    ) {
        let mut author = authored(12);
        apply(&mut author, &start);
        let mut reviewer = hand_over(&author);
        reviewer.updated_by = "Dirk".into();
        apply(&mut reviewer, &theirs);
        add_comments(&mut reviewer, "dirk", &their_comments);
        let reviewer_changed = changed_by(&author, &reviewer);
        apply(&mut author, &mine);
        add_comments(&mut author, "anna", &my_comments);

        match merged(&author, &reviewer) {
            Err(MergeError::NothingNew { .. }) => {
                prop_assert!(their_comments.is_empty());
                for (q, v) in &reviewer_changed {
                    prop_assert_eq!(author.answers.get(q), v.as_ref(), "{} proposed nowhere", q);
                }
            }
            Err(e) => prop_assert!(false, "{:?}", e),
            Ok(m) => {
                let a = &m.assessment;
                prop_assert_eq!(&a.answers, &author.answers);
                prop_assert!(comment_ids(a).is_superset(&comment_ids(&author)));
                prop_assert!(comment_ids(a).is_superset(&comment_ids(&reviewer)));
                prop_assert_eq!(a.review.comments.len(), author.review.comments.len() + their_comments.len());
                let proposed: BTreeMap<String, Option<Answer>> = a.review.proposals.iter()
                    .filter_map(|p| p.field.strip_prefix("answers.").map(|q| (q.to_string(), p.value.as_ref().map(|v| serde_json::from_str(v.text()).unwrap()))))
                    .collect();
                let expected: BTreeMap<String, Option<Answer>> = reviewer_changed.iter()
                    .filter(|(q, v)| author.answers.get(*q) != v.as_ref())
                    .map(|(q, v)| (q.clone(), v.clone()))
                    .collect();
                prop_assert_eq!(proposed, expected);
                prop_assert_eq!(merged(a, &reviewer), Err(MergeError::NothingNew { older: false }));

                // Accepting every proposal takes the reviewer's answers, and keeps the author's own.
                let mut all = a.clone();
                for p in review::pending(bank(), &a.review) {
                    review::accept(bank(), &mut all, &p.id).unwrap();
                }
                for (q, v) in &reviewer_changed {
                    prop_assert_eq!(all.answers.get(q), v.as_ref());
                }
                for (q, v) in &author.answers {
                    if !reviewer_changed.contains_key(q) {
                        prop_assert_eq!(all.answers.get(q), Some(v));
                    }
                }
            }
        }
    }

    /// Two reviewers of the same export, merged in either order: the same comments, the same
    /// proposals, the same answers.
    #[test]
    fn two_reviews_merge_the_same_in_either_order(
        e1 in edits(), e2 in edits(), c1 in comments(), c2 in comments(),
    ) {
        let author = authored(12);
        let mut r1 = hand_over(&author);
        apply(&mut r1, &e1);
        add_comments(&mut r1, "r1", &c1);
        let mut r2 = hand_over(&author);
        apply(&mut r2, &e2);
        add_comments(&mut r2, "r2", &c2);
        let step = |a: &Assessment, f: &Assessment| match merged(a, f) {
            Ok(m) => m.assessment,
            Err(MergeError::NothingNew { .. }) => a.clone(),
            Err(e) => panic!("{e:?}"),
        };
        let one = step(&step(&author, &r1), &r2);
        let two = step(&step(&author, &r2), &r1);
        prop_assert_eq!(comment_ids(&one), comment_ids(&two));
        prop_assert_eq!(proposal_ids(&one), proposal_ids(&two));
        prop_assert_eq!(&one.answers, &two.answers);
        prop_assert_eq!(&one.versions, &two.versions);
    }

    /// Whatever a file holds, a merge never panics, and what it refuses changes nothing.
    #[test]
    fn damaged_files_never_panic(cut in any::<prop::sample::Index>(), flip in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let a = signed(6);
        let mut other = hand_over(&a);
        comment(&mut other, "x1", "X", "t", Target::Question(q(0).id.clone()), "Tekst.", None);
        let mut bytes = transfer::export(&other).into_bytes();
        let i = flip.index(bytes.len());
        bytes[i] = byte;
        bytes.truncate(cut.index(bytes.len() + 1).max(i + 1));
        let _ = merge::merge(bank(), &a, &bytes);
    }
}

#[test]
fn editing_a_signed_revision_starts_the_next_one_and_a_reset_keeps_the_signed_versions() {
    use biodpia::ui::state::{Action, State};
    use std::rc::Rc;
    use yew::Reducible;

    let mut a = signed(3);
    comment(&mut a, "c1", "Dirk", "t", Target::Question(q(0).id.clone()), "Goed.", Some(Evaluation::Acceptable));
    let s = Rc::new(State::new(bank(), biodpia::i18n::Lang::parse("nl").unwrap(), a.clone()));
    let s = s.reduce(Action::Answer(q(0).id.clone(), choice(q(0), 1)));
    assert_eq!((s.assessment.revision, s.assessment.frozen()), (2, false));
    assert_eq!(s.assessment.versions, a.versions, "the signed version is untouched");
    assert_eq!(s.assessment.answers[&q(0).id], choice(q(0), 1));
    let s = s.reduce(Action::Reset);
    assert!(s.assessment.answers.is_empty());
    assert_eq!((s.assessment.id.as_str(), s.assessment.revision), (a.id.as_str(), 2));
    assert_eq!(s.assessment.versions, a.versions);
    assert_eq!(s.assessment.review, a.review);
    // A copy is another assessment.
    let copy = a.duplicate();
    assert!(copy.id.is_empty() && copy.versions.is_empty() && copy.review.comments.is_empty());
    assert_eq!((copy.answers, copy.revision), (a.answers.clone(), 1));
}

/// Issue 16 item 4: a signed version read under another bank version says so, and whether
/// today's conclusion from its answers differs from the signed one.
#[test]
fn a_version_signed_under_another_bank_is_recognised() {
    let a = signed(6);
    let content = a.versions[0].check().unwrap();
    assert_eq!(version::reading(bank(), &content), version::Reading::SameBank);
    let mut older = content.clone();
    older.bank_version = "2025.1.0".into();
    assert_eq!(
        version::reading(bank(), &older),
        version::Reading::BankChanged { signed: "2025.1.0".into(), now: bank().version.clone(), results_differ: false }
    );
    // What was signed then concluded otherwise than today's bank does.
    older.results.residual_score = older.results.residual_score.wrapping_add(7);
    assert!(matches!(version::reading(bank(), &older), version::Reading::BankChanged { results_differ: true, .. }));
}

/// Issue 16 item 2: the pending proposals as the views show them: in field order, each with the
/// field's value now and the value proposed, read as the field's kind.
#[test]
fn proposal_rows_give_the_value_now_and_the_value_proposed() {
    let mut a = authored(4);
    let mut dpo = hand_over(&a);
    dpo.title = "Toegangscontrole (FG)".into();
    dpo.answers.insert(q(2).id.clone(), choice(q(2), 1));
    dpo.answers.remove(&q(1).id);
    let s = bank().safeguards[0].id.clone();
    dpo.plan.insert(s.clone(), PlanItem { status: Status::Planned, owner: "CISO".into(), due: "2027-01-01".into() });
    dpo.signoff.set(SignOffField::DpoName, "Dirk");
    dpo.updated_by = "Dirk (FG)".into();
    dpo.updated = "2026-12-02T10:00:00.000Z".into();
    a = merged(&a, &dpo).unwrap().assessment;
    let rows = review::proposal_rows(bank(), &a);
    let fields: Vec<review::Field> = rows.iter().map(|r| r.field).collect();
    // Title first, then the answers in bank order, the plan, the decision record.
    assert_eq!(
        fields,
        vec![
            review::Field::Title,
            review::Field::Answer(q(1).id.as_str()),
            review::Field::Answer(q(2).id.as_str()),
            review::Field::Measure(s.as_str()),
            review::Field::SignOff(SignOffField::DpoName),
        ]
    );
    use review::Value;
    assert_eq!(rows[0].now, Value::Text("Toegangscontrole".into()));
    assert_eq!(rows[0].proposed, Value::Text("Toegangscontrole (FG)".into()));
    assert_eq!((&rows[1].now, &rows[1].proposed), (&Value::Answer(choice(q(1), 0)), &Value::Empty), "a removal");
    assert_eq!(rows[2].proposed, Value::Answer(choice(q(2), 1)));
    assert_eq!(rows[3].now, Value::Empty);
    assert!(matches!(&rows[3].proposed, Value::Measure(p) if p.owner == "CISO"));
    assert_eq!((&rows[4].now, &rows[4].proposed), (&Value::Empty, &Value::Text("Dirk".into())));
    assert!(rows.iter().all(|r| r.proposal.by == "Dirk (FG)"));
    assert_eq!(review::pending_on(&a.review, &format!("answers.{}", q(2).id)).len(), 1);
    assert!(review::has_pending_on(&a.review, &q(2).id) && review::has_pending_on(&a.review, &q(1).id));
    assert!(!review::has_pending_on(&a.review, &q(0).id), "no proposal on that question");
    assert!(!review::has_pending_on(&a.review, &s), "a measure is not a question");
    // Decided ones leave the list.
    let id = rows[2].proposal.id.clone();
    review::accept(bank(), &mut a, &id).unwrap();
    assert_eq!(a.answers.get(&q(2).id), Some(&choice(q(2), 1)));
    assert_eq!(review::proposal_rows(bank(), &a).len(), 4);
    assert!(review::pending_on(&a.review, &format!("answers.{}", q(2).id)).is_empty());
    assert!(!review::has_pending_on(&a.review, &q(2).id), "accepted: no longer pending");
}

#[test]
fn the_threads_by_target_follow_the_bank_and_leave_the_orphans_apart() {
    let b = bank();
    let (s0, s1) = (&b.sections[0], &b.sections[1]);
    let (q0, q1) = (&s0.questions[0], &s1.questions[0]);
    let (risk, measure) = (&b.risks[1], &b.safeguards[0]);
    let mut a = authored(0);
    // Added in an order unlike the bank's.
    let at = |m: u32| format!("2026-12-01T09:{m:02}:00Z");
    comment(&mut a, "m", "Dirk", &at(0), Target::Measure(measure.id.clone()), "Owner?", Some(Evaluation::ToImprove));
    comment(&mut a, "q1", "Dirk", &at(1), Target::Question(q1.id.clone()), "Fine.", Some(Evaluation::Acceptable));
    comment(&mut a, "gone", "Dirk", &at(2), Target::Risk("r_removed".into()), "Old.", None);
    comment(&mut a, "r", "Dirk", &at(3), Target::Risk(risk.id.clone()), "Too low.", Some(Evaluation::ToCorrect));
    comment(&mut a, "q0", "Dirk", &at(4), Target::Question(q0.id.clone()), "Why?", None);
    comment(&mut a, "s1", "Dirk", &at(5), Target::Section(s1.id.clone()), "Complete.", None);
    comment(&mut a, "q0b", "Dirk", &at(6), Target::Question(q0.id.clone()), "And?", None);
    let reply = Draft { text: "Done.".into(), evaluation: None, resolves: Some(true) };
    add_comment(&mut a, "q0-re", "Anna", &at(7), Target::Section(String::new()), "q0", reply).unwrap();

    let got: Vec<(Target, Vec<&str>)> = review::by_target(b, &a.review)
        .into_iter()
        .map(|(t, ths)| (t, ths.iter().map(|th| th.first.id.as_str()).collect()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Target::Question(q0.id.clone()), vec!["q0", "q0b"]),
            (Target::Section(s1.id.clone()), vec!["s1"]),
            (Target::Question(q1.id.clone()), vec!["q1"]),
            (Target::Risk(risk.id.clone()), vec!["r"]),
            (Target::Measure(measure.id.clone()), vec!["m"]),
        ]
    );
    let orphans: Vec<&str> = review::orphans(b, &a.review).iter().map(|t| t.first.id.as_str()).collect();
    assert_eq!(orphans, ["gone"]);
    // Every target of the bank once, sections before their questions.
    let targets = review::targets(b);
    assert_eq!(targets.len(), b.sections.len() + b.questions().count() + b.risks.len() + b.safeguards.len());
    assert_eq!(targets.iter().collect::<BTreeSet<_>>().len(), targets.len());
    assert!(review::by_target(b, &authored(0).review).is_empty());

    // The comments a view of one target compares: its threads and their replies only.
    let on_q0 = Target::Question(q0.id.clone());
    let ids: Vec<&str> = review::comments_on(&a.review, &on_q0).map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["q0", "q0b", "q0-re"]);
}

#[test]
fn a_draft_is_checked_before_it_is_sent_as_the_core_would() {
    let d = |text: &str, evaluation, resolves| Draft { text: text.into(), evaluation, resolves };
    assert_eq!(review::check_draft(&d(" ", None, None)), Err(CommentError::Empty));
    assert_eq!(review::check_draft(&d(" ", Some(Evaluation::ToCorrect), None)), Err(CommentError::ReasonMissing));
    assert_eq!(review::check_draft(&d("", Some(Evaluation::ToImprove), None)), Err(CommentError::ReasonMissing));
    assert_eq!(review::check_draft(&d("", Some(Evaluation::Acceptable), None)), Ok(()));
    assert_eq!(review::check_draft(&d("", None, Some(true))), Ok(()));
    let long = "x".repeat(review::MAX_COMMENT_LEN + 1);
    assert_eq!(
        review::check_draft(&d(&long, None, None)),
        Err(CommentError::TooLong { len: review::MAX_COMMENT_LEN + 1, max: review::MAX_COMMENT_LEN })
    );
    // add_comment refuses the same drafts.
    let mut a = authored(0);
    let on = Target::Question(q(0).id.clone());
    let r = add_comment(&mut a, "x", "Dirk", "t", on, "", d(" ", Some(Evaluation::ToCorrect), None));
    assert_eq!(r, Err(CommentError::ReasonMissing));
    assert!(a.review.comments.is_empty());
}

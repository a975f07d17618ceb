//! The review inside an assessment: comments and evaluations on a question, section, risk or
//! measure, replies and resolution, and the changes a reviewer proposed to the answers, which
//! the author accepts or rejects one by one. Pure; saved and exported with the assessment.
//!
//! Every comment is a separate, immutable record with its own id (a reply or a "resolved" is a
//! comment too), so that two copies of an assessment merge by adding what is missing: nothing
//! is ever edited in place, and so nothing is overwritten (see `persist::merge`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};

use super::assessment::{clamp_chars, Assessment, SignOff, SignOffField, MAX_ADVICE_LEN, MAX_META_LEN};
use super::codec;
use crate::domain::answers::{self, Answer, AnswerError, PlanItem};
use crate::domain::model::Bank;

/// What a comment is about, by the bank's stable ids. Saved as `{"question": "q_purpose"}`,
/// `{"section": ..}`, `{"risk": ..}` or `{"measure": ..}` (a safeguard id).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    Question(String),
    Section(String),
    Risk(String),
    Measure(String),
}

impl Target {
    /// The id of the question, section, risk or safeguard.
    pub fn id(&self) -> &str {
        match self {
            Target::Question(id) | Target::Section(id) | Target::Risk(id) | Target::Measure(id) => id,
        }
    }

    /// True when the bank has what this target names (a comment on something the bank no
    /// longer has is kept, and listed apart).
    pub fn exists(&self, bank: &Bank) -> bool {
        match self {
            Target::Question(id) => bank.question(id).is_some(),
            Target::Section(id) => bank.sections.iter().any(|s| &s.id == id),
            Target::Risk(id) => bank.risk_index(id).is_some(),
            Target::Measure(id) => bank.safeguard(id).is_some(),
        }
    }
}

/// A reviewer's evaluation, as in the CNIL's PIA tool. Saved as `"acceptable"`,
/// `"to_improve"` or `"to_correct"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Evaluation {
    Acceptable,
    ToImprove,
    ToCorrect,
}

impl Evaluation {
    pub const ALL: [Evaluation; 3] = [Evaluation::Acceptable, Evaluation::ToImprove, Evaluation::ToCorrect];

    /// Key for translations and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Evaluation::Acceptable => "acceptable",
            Evaluation::ToImprove => "to_improve",
            Evaluation::ToCorrect => "to_correct",
        }
    }

    /// "To improve" and "to correct" need a reason.
    pub fn needs_reason(self) -> bool {
        self != Evaluation::Acceptable
    }
}

/// One comment. `id` and `on` are required when read, every other field optional.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    /// Unique across every copy of the assessment (time and a random part, as made by the UI).
    pub id: String,
    pub on: Target,
    /// The first comment of the thread this one answers; empty for a first comment.
    #[serde(default)]
    pub reply_to: String,
    /// The name typed once per browser.
    #[serde(default)]
    pub author: String,
    /// When, ISO 8601 (set by the UI: the core has no clock).
    #[serde(default)]
    pub at: String,
    #[serde(default)]
    pub text: String,
    /// The evaluation this comment gives, if any; its text is the reason.
    #[serde(default)]
    pub evaluation: Option<Evaluation>,
    /// `Some(true)` marks the thread resolved, `Some(false)` opens it again.
    #[serde(default)]
    pub resolves: Option<bool>,
}

/// A change to one field that the other side of the review made, waiting for a decision.
/// Saved as an object with these fields; `id` and `field` are required when read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    /// `<field>@<fingerprint of the value>`: the same change proposed twice is one proposal.
    pub id: String,
    /// Which field: `title`, `organisation`, `answers.<question>`, `plan.<safeguard>` or
    /// `signoff.<field>`.
    pub field: String,
    /// The proposed value, as saved in the assessment; absent when the proposal is to remove
    /// the answer (or to empty the field).
    #[serde(default)]
    pub value: Option<Json>,
    /// Who made the change (the `updated_by` of the file it came in) and when the file was
    /// saved.
    #[serde(default)]
    pub by: String,
    #[serde(default)]
    pub at: String,
    #[serde(default)]
    pub status: ProposalStatus,
}

/// Saved as `"pending"`, `"accepted"` or `"rejected"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalStatus {
    #[default]
    Pending,
    Accepted,
    Rejected,
}

/// A JSON value kept exactly as written (a signed version's content, a proposed value).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Json(pub Box<RawValue>);

impl Json {
    /// The value's JSON text.
    pub fn text(&self) -> &str {
        self.0.get()
    }
    /// `None` when `text` is not JSON.
    pub fn from_text(text: String) -> Option<Json> {
        RawValue::from_string(text).ok().map(Json)
    }
}

impl PartialEq for Json {
    fn eq(&self, other: &Json) -> bool {
        self.text() == other.text()
    }
}
impl Eq for Json {}

/// The review part of an assessment. Every field optional when read.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Review {
    /// Comments in the order they were added (or merged).
    pub comments: Vec<Comment>,
    pub proposals: Vec<Proposal>,
    /// Field -> fingerprint of its value as the other side of the review last had it (set when
    /// a file is imported or merged). A file carries it, so that the receiver can tell the
    /// fields its sender changed from those it did not.
    #[serde(deserialize_with = "codec::unique_map")]
    pub base: BTreeMap<String, String>,
}

/// Longest comment, in characters (as the DPO's advice).
pub const MAX_COMMENT_LEN: usize = MAX_ADVICE_LEN;

/// SHA-256 of `bytes`, lower-case hex (64 characters).
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 15) as usize] as char);
    }
    out
}

/// The short fingerprint of a field's value used in `base` and proposal ids: the first 16 hex
/// digits of its SHA-256.
pub fn value_fingerprint(json: &str) -> String {
    let mut h = sha256_hex(json.as_bytes());
    h.truncate(16);
    h
}

/// The fields of an assessment that a review can propose to change, each with its value as
/// compact JSON: `title`, `organisation`, `answers.<q>`, `plan.<s>`, `signoff.<field>` (every
/// field the sign-off has, so fields added to it later take part without change here). Empty
/// values (a blank text, an empty answer, a plan line left at its default) are left out: an
/// empty field and an absent one are the same thing to a reader.
pub fn fields(a: &Assessment) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut put = |key: String, json: String| {
        if json != "\"\"" {
            out.insert(key, json);
        }
    };
    put("title".into(), to_json(&a.title));
    put("organisation".into(), to_json(&a.organisation));
    for (q, answer) in &a.answers {
        // An answer the decision record holds is compared as the record's field.
        if !answer.is_empty() && !super::record::is_linked(q) {
            put(format!("answers.{q}"), to_json(answer));
        }
    }
    for (s, item) in &a.plan {
        if *item != PlanItem::default() {
            put(format!("plan.{s}"), to_json(item));
        }
    }
    for (name, value) in signoff_fields(&a.signoff) {
        put(format!("signoff.{name}"), value);
    }
    out
}

/// The fingerprints of [`fields`], as `Review::base` keeps them.
pub fn fingerprints(a: &Assessment) -> BTreeMap<String, String> {
    fields(a).into_iter().map(|(k, v)| (k, value_fingerprint(&v))).collect()
}

fn to_json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

/// The sign-off's fields by name, each as compact JSON, in the order the sign-off declares
/// them.
pub fn signoff_fields(s: &SignOff) -> Vec<(String, String)> {
    codec::parse::<Pairs>(&to_json(s)).map(|p| p.0).unwrap_or_default()
}

/// A JSON object's members in the order written, each value as its JSON text.
struct Pairs(Vec<(String, String)>);

impl<'de> Deserialize<'de> for Pairs {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Pairs;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Pairs, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Box<RawValue>>()? {
                    out.push((k, v.get().to_string()));
                }
                Ok(Pairs(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// Why a field could not be set from a proposed value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// Not a field this version knows.
    UnknownField(String),
    /// The value is not of the field's kind.
    BadValue(String),
    /// The bank does not accept this answer (unknown question or option, another kind).
    Answer(AnswerError),
}

/// Sets one of the [`fields`] from its JSON (`None`: removes the answer or plan line, empties
/// the text). The value is checked as an import would check it.
pub fn set_field(bank: &Bank, a: &mut Assessment, field: &str, value: Option<&str>) -> Result<(), FieldError> {
    let bad = || FieldError::BadValue(field.to_string());
    let text = |v: Option<&str>, max: usize| -> Result<String, FieldError> {
        match v {
            None => Ok(String::new()),
            Some(v) => codec::parse::<String>(v).map(|s| clamp_chars(&s, max)).ok_or_else(bad),
        }
    };
    if field == "title" {
        a.title = text(value, MAX_META_LEN)?;
    } else if field == "organisation" {
        a.organisation = text(value, MAX_META_LEN)?;
    } else if let Some(q) = field.strip_prefix("answers.").filter(|q| super::record::is_linked(q)) {
        let answer = match value {
            None => Answer::Text(String::new()),
            Some(v) => codec::parse(v).ok_or_else(bad)?,
        };
        super::record::set_answer(bank, a, q, &answer);
    } else if let Some(q) = field.strip_prefix("answers.") {
        match value {
            None => {
                a.answers.remove(q);
            }
            Some(v) => {
                let answer: Answer = codec::parse(v).ok_or_else(bad)?;
                match answers::check(bank, q, &answer) {
                    Ok(()) | Err(AnswerError::TooLong { .. }) => {}
                    Err(e) => return Err(FieldError::Answer(e)),
                }
                a.answers.insert(q.to_string(), answer);
            }
        }
    } else if let Some(s) = field.strip_prefix("plan.") {
        match value {
            None => {
                a.plan.remove(s);
            }
            Some(v) => {
                let item: PlanItem = codec::parse(v).ok_or_else(bad)?;
                a.plan.insert(s.to_string(), item);
            }
        }
    } else if let Some(name) = field.strip_prefix("signoff.") {
        let mut pairs = signoff_fields(&a.signoff);
        let Some(i) = pairs.iter().position(|(k, _)| k == name) else {
            return Err(FieldError::UnknownField(field.to_string()));
        };
        match value {
            Some(v) => pairs[i].1 = v.to_string(),
            None => {
                pairs.remove(i);
            }
        }
        let mut json = String::from("{");
        for (i, (k, v)) in pairs.iter().enumerate() {
            if i > 0 {
                json.push(',');
            }
            json.push_str(&to_json(k));
            json.push(':');
            json.push_str(v);
        }
        json.push('}');
        let mut signoff: SignOff = codec::parse(&json).ok_or_else(bad)?;
        // The changed field is checked and capped as the form does it; the others stay as
        // they are.
        use super::assessment::SignOffField as F;
        for f in F::ALL {
            if signoff.get(f) != a.signoff.get(f) {
                let value = signoff.get(f).to_string();
                signoff.set(f, &value);
            }
        }
        a.signoff = signoff;
        super::record::derive(bank, a);
    } else {
        return Err(FieldError::UnknownField(field.to_string()));
    }
    Ok(())
}

/// The proposal id for a value of a field (`None`: removal).
pub fn proposal_id(field: &str, value: Option<&str>) -> String {
    match value {
        Some(v) => format!("{field}@{}", value_fingerprint(v)),
        None => format!("{field}@-"),
    }
}

/// Why a comment was not added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommentError {
    /// Neither text, nor evaluation, nor a change of resolution.
    Empty,
    /// "To improve" and "to correct" need a reason.
    ReasonMissing,
    /// The thread answered does not exist.
    UnknownThread,
    /// A comment with this id exists.
    DuplicateId,
    /// Longer than [`MAX_COMMENT_LEN`] characters.
    TooLong { len: usize, max: usize },
}

/// A comment as the form gives it; [`add_comment`] adds id, author and time.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Draft {
    pub text: String,
    pub evaluation: Option<Evaluation>,
    pub resolves: Option<bool>,
}

/// What [`add_comment`] checks of the form alone (empty, reason missing, too long), so that a
/// form can say what is wrong before it sends anything.
pub fn check_draft(draft: &Draft) -> Result<(), CommentError> {
    let text = draft.text.trim();
    let len = text.chars().count();
    if len > MAX_COMMENT_LEN {
        return Err(CommentError::TooLong { len, max: MAX_COMMENT_LEN });
    }
    if text.is_empty() && draft.evaluation.is_none() && draft.resolves.is_none() {
        return Err(CommentError::Empty);
    }
    if text.is_empty() && draft.evaluation.is_some_and(Evaluation::needs_reason) {
        return Err(CommentError::ReasonMissing);
    }
    Ok(())
}

/// Adds a first comment on `on` (`reply_to` empty) or a reply to a thread (`reply_to` its first
/// comment's id, `on` is then taken from the thread).
pub fn add_comment(
    a: &mut Assessment,
    id: &str,
    author: &str,
    at: &str,
    on: Target,
    reply_to: &str,
    draft: Draft,
) -> Result<(), CommentError> {
    check_draft(&draft)?;
    let text = draft.text.trim().to_string();
    if a.review.comments.iter().any(|c| c.id == id) {
        return Err(CommentError::DuplicateId);
    }
    let on = if reply_to.is_empty() {
        on
    } else {
        match a.review.comments.iter().find(|c| c.id == reply_to && c.reply_to.is_empty()) {
            Some(root) => root.on.clone(),
            None => return Err(CommentError::UnknownThread),
        }
    };
    a.review.comments.push(Comment {
        id: id.to_string(),
        on,
        reply_to: reply_to.to_string(),
        author: clamp_chars(author.trim(), MAX_META_LEN),
        at: at.to_string(),
        text,
        evaluation: draft.evaluation,
        resolves: draft.resolves,
    });
    Ok(())
}

/// A comment and its replies, as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Thread<'a> {
    pub first: &'a Comment,
    /// Oldest first.
    pub replies: Vec<&'a Comment>,
    /// Marked resolved by its last comment that says either way.
    pub resolved: bool,
    /// The last evaluation given in the thread.
    pub evaluation: Option<Evaluation>,
}

fn by_time(a: &&Comment, b: &&Comment) -> std::cmp::Ordering {
    a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id))
}

/// The threads of the review, oldest first, those on `on` only when given. A reply whose
/// thread is missing (its first comment was not in the file) is shown as a thread of its own,
/// so that no comment is ever hidden.
pub fn threads<'a>(review: &'a Review, on: Option<&Target>) -> Vec<Thread<'a>> {
    let roots: Vec<&Comment> = review.comments.iter().filter(|c| c.reply_to.is_empty()).collect();
    let mut firsts: Vec<&Comment> = review
        .comments
        .iter()
        .filter(|c| c.reply_to.is_empty() || !roots.iter().any(|r| r.id == c.reply_to))
        .filter(|c| on.is_none_or(|t| &c.on == t))
        .collect();
    crate::domain::order::sort_by(&mut firsts, by_time);
    firsts
        .into_iter()
        .map(|first| {
            let mut replies: Vec<&Comment> = if first.reply_to.is_empty() {
                review.comments.iter().filter(|c| c.reply_to == first.id).collect()
            } else {
                Vec::new()
            };
            crate::domain::order::sort_by(&mut replies, by_time);
            let all = || std::iter::once(first).chain(replies.iter().copied());
            let resolved = all().filter_map(|c| c.resolves).next_back().unwrap_or(false);
            let evaluation = all().filter_map(|c| c.evaluation).next_back();
            Thread { first, replies, resolved, evaluation }
        })
        .collect()
}

/// What the review says about one target: its latest evaluation among open threads (a
/// resolved thread no longer counts), and how many threads are open and resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Status {
    pub evaluation: Option<Evaluation>,
    pub open: usize,
    pub resolved: usize,
}

/// The review status of `on`.
pub fn status(review: &Review, on: &Target) -> Status {
    let mut s = Status::default();
    let mut latest: Option<(&str, &str, Evaluation)> = None;
    for t in threads(review, Some(on)) {
        if t.resolved {
            s.resolved += 1;
            continue;
        }
        s.open += 1;
        let all = std::iter::once(t.first).chain(t.replies.iter().copied());
        for c in all {
            if let Some(e) = c.evaluation {
                if latest.is_none_or(|(at, id, _)| (c.at.as_str(), c.id.as_str()) > (at, id)) {
                    latest = Some((&c.at, &c.id, e));
                }
            }
        }
    }
    s.evaluation = latest.map(|(_, _, e)| e);
    s
}

/// Threads still open, over the whole assessment.
pub fn open_threads(review: &Review) -> usize {
    threads(review, None).iter().filter(|t| !t.resolved).count()
}

/// Comments on something the bank no longer has (a removed question, risk or safeguard):
/// kept and listed apart.
pub fn orphans<'a>(bank: &Bank, review: &'a Review) -> Vec<Thread<'a>> {
    threads(review, None).into_iter().filter(|t| !t.first.on.exists(bank)).collect()
}

/// Proposals waiting for a decision, in field order (title, organisation, answers in bank
/// order, plan, sign-off).
pub fn pending<'a>(bank: &Bank, review: &'a Review) -> Vec<&'a Proposal> {
    let order: BTreeMap<&str, usize> = bank.questions().enumerate().map(|(i, q)| (q.id.as_str(), i)).collect();
    let rank = |p: &Proposal| -> (u8, usize, String) {
        let f = p.field.as_str();
        if f == "title" {
            (0, 0, String::new())
        } else if f == "organisation" {
            (1, 0, String::new())
        } else if let Some(q) = f.strip_prefix("answers.") {
            (2, order.get(q).copied().unwrap_or(usize::MAX), q.to_string())
        } else if let Some(s) = f.strip_prefix("plan.") {
            (3, bank.safeguards.iter().position(|x| x.id == s).unwrap_or(usize::MAX), s.to_string())
        } else {
            (4, 0, f.to_string())
        }
    };
    let mut v: Vec<&Proposal> = review.proposals.iter().filter(|p| p.status == ProposalStatus::Pending).collect();
    crate::domain::order::sort_by_key(&mut v, |p| (rank(p), p.id.clone()));
    v
}

/// Why a proposal could not be accepted or rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecideError {
    /// No pending proposal with this id.
    NotPending,
    /// The assessment is signed: start a new revision first.
    Frozen,
    /// The value cannot be set (see [`FieldError`]); the proposal stays pending.
    Field(FieldError),
}

/// Accepts a pending proposal: its value replaces the field's.
pub fn accept(bank: &Bank, a: &mut Assessment, id: &str) -> Result<(), DecideError> {
    decide(a, id, |a, p| set_field(bank, a, &p.field, p.value.as_ref().map(Json::text)), ProposalStatus::Accepted)
}

/// Rejects a pending proposal: the field keeps its value, and the same change is not
/// proposed again by a later merge.
pub fn reject(a: &mut Assessment, id: &str) -> Result<(), DecideError> {
    decide(a, id, |_, _| Ok(()), ProposalStatus::Rejected)
}

fn decide(
    a: &mut Assessment,
    id: &str,
    apply: impl FnOnce(&mut Assessment, &Proposal) -> Result<(), FieldError>,
    status: ProposalStatus,
) -> Result<(), DecideError> {
    if a.frozen() {
        return Err(DecideError::Frozen);
    }
    let i = a
        .review
        .proposals
        .iter()
        .position(|p| p.id == id && p.status == ProposalStatus::Pending)
        .ok_or(DecideError::NotPending)?;
    let p = a.review.proposals[i].clone();
    apply(a, &p).map_err(DecideError::Field)?;
    a.review.proposals[i].status = status;
    Ok(())
}

/// What a proposal's field is, for the views: `title`, `organisation`, an answer, a line of
/// the action plan, a field of the decision record, or one this version does not know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field<'a> {
    Title,
    Organisation,
    Answer(&'a str),
    Measure(&'a str),
    SignOff(SignOffField),
    Unknown(&'a str),
}

impl<'a> Field<'a> {
    /// The field a proposal's `field` names.
    pub fn of(name: &'a str) -> Field<'a> {
        if name == "title" {
            Field::Title
        } else if name == "organisation" {
            Field::Organisation
        } else if let Some(q) = name.strip_prefix("answers.") {
            Field::Answer(q)
        } else if let Some(s) = name.strip_prefix("plan.") {
            Field::Measure(s)
        } else if let Some(f) =
            name.strip_prefix("signoff.").and_then(|n| SignOffField::ALL.into_iter().find(|f| f.name() == n))
        {
            Field::SignOff(f)
        } else {
            Field::Unknown(name)
        }
    }
}

/// A value of a field, read from its JSON (`Empty`: not answered, not in the plan, blank).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Empty,
    Text(String),
    Answer(Answer),
    Measure(PlanItem),
    /// JSON this version cannot read as the field's kind, as it is.
    Other(String),
}

impl Value {
    /// The value of `field` given as JSON (`None`: empty).
    pub fn of(field: Field<'_>, json: Option<&str>) -> Value {
        let Some(json) = json else { return Value::Empty };
        let read = match field {
            Field::Title | Field::Organisation | Field::SignOff(_) => codec::parse::<String>(json).map(Value::Text),
            Field::Answer(_) => codec::parse::<Answer>(json).map(Value::Answer),
            Field::Measure(_) => codec::parse::<PlanItem>(json).map(Value::Measure),
            Field::Unknown(_) => None,
        };
        match read {
            Some(Value::Text(t)) if t.is_empty() => Value::Empty,
            Some(Value::Answer(a)) if a.is_empty() => Value::Empty,
            Some(v) => v,
            None => Value::Other(json.to_string()),
        }
    }
}

/// A pending proposal as the views show it: which field, its value now and the value proposed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProposalRow<'a> {
    pub proposal: &'a Proposal,
    pub field: Field<'a>,
    pub now: Value,
    pub proposed: Value,
}

/// The pending proposals of `a` in the order of [`pending`], each with the field's value now
/// (an answer held by the decision record as the record's field, as [`fields`] compares it).
pub fn proposal_rows<'a>(bank: &Bank, a: &'a Assessment) -> Vec<ProposalRow<'a>> {
    let now = fields(a);
    pending(bank, &a.review)
        .into_iter()
        .map(|p| {
            let field = Field::of(&p.field);
            ProposalRow {
                proposal: p,
                field,
                now: Value::of(field, now.get(&p.field).map(String::as_str)),
                proposed: Value::of(field, p.value.as_ref().map(Json::text)),
            }
        })
        .collect()
}

/// The targets of a bank in the order the report follows: each section, then its questions, in
/// wizard order; then the risks and the safeguards (measures) in bank order.
pub fn targets(bank: &Bank) -> Vec<Target> {
    let mut out = Vec::new();
    for s in &bank.sections {
        out.push(Target::Section(s.id.clone()));
        out.extend(s.questions.iter().map(|q| Target::Question(q.id.clone())));
    }
    out.extend(bank.risks.iter().map(|r| Target::Risk(r.id.clone())));
    out.extend(bank.safeguards.iter().map(|s| Target::Measure(s.id.clone())));
    out
}

/// Every thread of the review by target, in the order of [`targets`] (targets without a
/// comment left out), threads oldest first; comments on what the bank no longer has are not
/// here but in [`orphans`].
pub fn by_target<'a>(bank: &Bank, review: &'a Review) -> Vec<(Target, Vec<Thread<'a>>)> {
    let all = threads(review, None);
    if all.is_empty() {
        return Vec::new();
    }
    targets(bank)
        .into_iter()
        .filter_map(|t| {
            let on: Vec<Thread<'a>> = all.iter().filter(|th| th.first.on == t).cloned().collect();
            (!on.is_empty()).then_some((t, on))
        })
        .collect()
}

/// The pending proposals for one field (`answers.<q>`, ...), oldest first.
pub fn pending_on<'a>(review: &'a Review, field: &str) -> Vec<&'a Proposal> {
    review.proposals.iter().filter(|p| p.status == ProposalStatus::Pending && p.field == field).collect()
}

/// Whether a proposal on question `question`'s answer is pending (what the wizard asks before
/// it shows the proposals at a question; no allocation).
pub fn has_pending_on(review: &Review, question: &str) -> bool {
    review
        .proposals
        .iter()
        .any(|p| p.status == ProposalStatus::Pending && p.field.strip_prefix("answers.") == Some(question))
}

/// The comments on one target, in the order saved: what a view showing that target's threads
/// compares, so that it renders again only when they change.
pub fn comments_on<'a>(review: &'a Review, on: &'a Target) -> impl Iterator<Item = &'a Comment> + 'a {
    let roots: Vec<&str> =
        review.comments.iter().filter(|c| c.reply_to.is_empty() && &c.on == on).map(|c| c.id.as_str()).collect();
    review.comments.iter().filter(move |c| &c.on == on || roots.contains(&c.reply_to.as_str()))
}

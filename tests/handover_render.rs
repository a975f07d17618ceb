//! The hand-over views of issue 16, rendered natively with yew's server renderer and driven
//! through the real reducer: proposed changes on the results page (accepted, rejected, refused
//! on a signed revision), the summary's annex "changes since version N", and the warning on a
//! version signed under another question bank. English and Dutch.

use biodpia::domain::answers::Answer;
use biodpia::domain::model::{Kind, Question};
use biodpia::i18n::{self, summary as sum, Get, Lang};
use biodpia::persist::assessment::{Assessment, SignOffField};
use biodpia::persist::review::{DecideError, ProposalStatus};
use biodpia::persist::{merge, transfer, version};
use biodpia::ui::results::Results;
use biodpia::ui::state::{Action, State};
use biodpia::ui::summary::Summary;
use biodpia::ui::Shared;
use std::rc::Rc;
use yew::prelude::*;
use yew::Reducible;

mod common;
use common::plain;

fn l(code: &str) -> Lang {
    Lang::parse(code).expect("language is built in")
}

fn bank() -> &'static biodpia::domain::model::Bank {
    biodpia::bank::bank()
}

/// The first single-choice question with at least two labelled options.
fn question() -> &'static Question {
    bank()
        .questions()
        .find(|q| q.kind == Kind::Single && q.options.len() >= 2 && q.options.iter().all(|o| o.label.is_some()))
        .unwrap()
}

fn label(q: &Question, i: usize, lang: Lang) -> String {
    q.options[i].label.as_ref().unwrap().get(lang).to_string()
}

/// The author's assessment with `question()` answered with option 0, merged with the DPO's file
/// that answers it with option 1.
fn merged() -> Assessment {
    let q = question();
    let mut a = Assessment::new(&bank().version, "Gemeente Utrecht");
    a.id = "m1-author".into();
    a.title = "Toegang".into();
    a.updated = "2026-12-01T09:00:00.000Z".into();
    a.answers.insert(q.id.clone(), Answer::Choice(q.options[0].id.clone()));
    let (mut dpo, _) = transfer::import(bank(), transfer::export(&a).as_bytes()).unwrap();
    merge::received(&mut dpo, "");
    dpo.answers.insert(q.id.clone(), Answer::Choice(q.options[1].id.clone()));
    dpo.updated = "2026-12-02T09:00:00.000Z".into();
    dpo.updated_by = "Dirk (FG)".into();
    merge::merge(bank(), &a, transfer::export(&dpo).as_bytes()).unwrap().assessment
}

#[derive(Properties, PartialEq)]
struct Props {
    lang: Lang,
    assessment: Assessment,
    refused: Option<(String, DecideError)>,
}

/// The state the widget would have with this assessment (and refusal).
#[hook]
fn use_state_of(props: &Props) -> UseReducerHandle<State> {
    let (lang, a, refused) = (props.lang, props.assessment.clone(), props.refused.clone());
    use_reducer(move || {
        let mut s = State::new(bank(), lang, a);
        s.decide_refused = refused;
        s
    })
}

#[function_component]
fn ResultsOf(props: &Props) -> Html {
    let s = use_state_of(props);
    html! {
        <Results lang={props.lang} report={Shared::from(&s.report)} assessment={Shared::from(&s.assessment)}
            heading={NodeRef::default()} decide_refused={s.decide_refused.clone()} dispatch={s.dispatcher()} />
    }
}

#[function_component]
fn SummaryOf(props: &Props) -> Html {
    let s = use_state_of(props);
    html! {
        <Summary lang={props.lang} assessment={Shared::from(&s.assessment)} report={Shared::from(&s.report)}
            print_copy={true} dispatch={s.dispatcher()} />
    }
}

fn props_of(lang: Lang, state: &State) -> Props {
    Props { lang, assessment: (*state.assessment).clone(), refused: state.decide_refused.clone() }
}

async fn results(lang: Lang, state: &Rc<State>) -> String {
    let props = props_of(lang, state);
    yew::ServerRenderer::<ResultsOf>::with_props(move || props).hydratable(false).render().await
}

async fn summary(lang: Lang, state: &Rc<State>) -> String {
    let props = props_of(lang, state);
    yew::ServerRenderer::<SummaryOf>::with_props(move || props).hydratable(false).render().await
}

/// Records the decision (what signing needs).
fn decide(a: &mut Assessment) {
    for (f, v) in [
        (SignOffField::Decision, "approved"),
        (SignOffField::DecisionDate, "2027-03-01"),
        (SignOffField::DecidedBy, "A"),
    ] {
        a.signoff.set(f, v);
    }
}

fn state(a: Assessment, lang: Lang) -> Rc<State> {
    Rc::new(State::new(bank(), lang, a))
}

#[tokio::test]
async fn proposals_are_listed_in_the_banks_words_and_accepted_or_rejected() {
    let q = question();
    for lang in [l("en"), l("nl")] {
        let t = i18n::strings(lang);
        let s = state(merged(), lang);
        let html = plain(&results(lang, &s).await);
        assert!(html.contains(t.proposals), "{lang:?}: the list");
        assert!(html.contains(&t.proposals_intro(1)));
        assert!(html.contains(q.text.get(lang)), "the question named");
        assert!(html.contains(&label(q, 0, lang)) && html.contains(&label(q, 1, lang)), "now and proposed, as labels");
        assert!(html.contains(&t.proposal_by("Dirk (FG)", t.date("2026-12-02"))));
        assert!(html.contains(t.accept) && html.contains(t.reject));

        // Accept: the answer is the proposed one, the list is gone.
        let id = s.assessment.review.proposals[0].id.clone();
        let accepted = s.clone().reduce(Action::Accept(id.clone()));
        assert_eq!(accepted.assessment.answers.get(&q.id), Some(&Answer::Choice(q.options[1].id.clone())));
        assert_eq!(accepted.assessment.review.proposals[0].status, ProposalStatus::Accepted);
        assert_ne!(accepted.report, s.report, "the engine ran again");
        assert!(!plain(&results(lang, &accepted).await).contains(t.proposals));
        // Reject: the answer stays.
        let rejected = s.clone().reduce(Action::Reject(id.clone()));
        assert_eq!(rejected.assessment.answers.get(&q.id), Some(&Answer::Choice(q.options[0].id.clone())));
        assert_eq!(rejected.assessment.review.proposals[0].status, ProposalStatus::Rejected);
        // Twice: refused, said beside it.
        let again = rejected.clone().reduce(Action::Accept(id.clone()));
        assert_eq!(again.decide_refused, Some((id.clone(), DecideError::NotPending)));
        assert_eq!(again.assessment, rejected.assessment);
    }
}

#[tokio::test]
async fn a_signed_revision_refuses_a_decision_on_a_proposal_and_says_why() {
    let lang = l("en");
    let t = i18n::strings(lang);
    let mut a = merged();
    let id = a.review.proposals[0].id.clone();
    // Signed with the proposal rejected, then a new file proposes again: on the frozen revision.
    biodpia::persist::review::reject(&mut a, &id).unwrap();
    decide(&mut a);
    version::sign(bank(), &mut a, "A", "2027-03-01T10:00:00Z").unwrap();
    a.review.proposals[0].status = ProposalStatus::Pending;
    let s = state(a, lang);
    let refused = s.clone().reduce(Action::Accept(id.clone()));
    assert_eq!(refused.decide_refused, Some((id, DecideError::Frozen)));
    assert_eq!(refused.assessment, s.assessment, "nothing changed");
    let html = plain(&results(lang, &refused).await);
    assert!(html.contains(t.proposal_frozen));
    assert!(html.matches(t.proposal_frozen).count() >= 2, "the note and the refusal beside the proposal");
}

/// A signed version 1, then revision 2 with the answer changed: the annex lists the change.
fn revised() -> Assessment {
    let q = question();
    let mut a = merged();
    let id = a.review.proposals[0].id.clone();
    biodpia::persist::review::reject(&mut a, &id).unwrap();
    decide(&mut a);
    version::sign(bank(), &mut a, "A", "2027-03-01T10:00:00Z").unwrap();
    a.start_revision();
    a.answers.insert(q.id.clone(), Answer::Choice(q.options[1].id.clone()));
    a
}

#[tokio::test]
async fn the_summary_prints_the_changes_since_the_signed_version() {
    let q = question();
    for lang in [l("en"), l("nl")] {
        let s = sum::strings(lang);
        let html = plain(&summary(lang, &state(revised(), lang)).await);
        let at = html.find(&s.changes_since(1)).unwrap_or_else(|| panic!("{lang:?}: the annex"));
        let annex = &html[at..];
        assert!(annex.contains(s.changes_answers));
        assert!(annex.contains(q.text.get(lang)));
        assert!(annex.contains(&label(q, 0, lang)) && annex.contains(&label(q, 1, lang)), "version 1 and now");
        assert!(annex.find(s.changes_answers) < annex.find(&format!("{} A.", s.annex)), "before the answers annex");

        // Version 1 itself (signed, frozen): nothing to compare with, no annex.
        let mut signed = revised();
        signed.answers = signed.versions[0].content().unwrap().answers;
        signed.revision = 1;
        assert!(!plain(&summary(lang, &state(signed, lang)).await).contains(&s.changes_since(1)));
        // Version 2 signed: its changes since version 1.
        let mut two = revised();
        version::sign(bank(), &mut two, "A", "2027-04-01T10:00:00Z").unwrap();
        let html = plain(&summary(lang, &state(two, lang)).await);
        assert!(html.contains(&s.changes_in_version(2, 1)), "{lang:?}");
    }
}

#[tokio::test]
async fn a_version_signed_under_another_bank_says_so() {
    for lang in [l("en"), l("nl")] {
        let t = i18n::strings(lang);
        let mut a = merged();
        let id = a.review.proposals[0].id.clone();
        biodpia::persist::review::reject(&mut a, &id).unwrap();
        decide(&mut a);
        let same = {
            let mut b = a.clone();
            version::sign(bank(), &mut b, "A", "2027-03-01T10:00:00Z").unwrap();
            b
        };
        let warning = t.bank_changed("2025.1.0", &bank().version);
        assert!(!plain(&summary(lang, &state(same, lang)).await).contains(&warning), "same bank: no warning");
        a.bank_version = "2025.1.0".into();
        version::sign(bank(), &mut a, "A", "2027-03-01T10:00:00Z").unwrap();
        let html = plain(&summary(lang, &state(a, lang)).await);
        assert!(html.contains(&warning), "{lang:?}: {}", &html[..html.len().min(300)]);
    }
}

/// Every reason a file is not merged is its own sentence naming the problem, in English and
/// Dutch (what the merge offer's message says; `ui::messages::merge_error`).
#[test]
fn every_merge_refusal_is_a_sentence_naming_the_problem() {
    use biodpia::persist::merge::MergeError;
    use biodpia::persist::transfer::ImportError;
    use biodpia::persist::version::VersionError;
    use biodpia::ui::messages::merge_error;
    for lang in [l("en"), l("nl")] {
        let m = i18n::manager::strings(lang);
        let errors = [
            MergeError::NothingNew { older: false },
            MergeError::NothingNew { older: true },
            MergeError::Diverged { number: 3 },
            MergeError::OtherAssessment { title: "Camera's".into() },
            MergeError::NoId,
            MergeError::Import(ImportError::Version(VersionError::Tampered { number: 2 })),
        ];
        let sentences: Vec<String> = errors.iter().map(|e| merge_error(m, lang, "Toegang", e)).collect();
        for (e, s) in errors.iter().zip(&sentences) {
            assert!(s.ends_with('.') && s.len() > 30, "{lang:?} {e:?}: {s}");
            let named = match e {
                MergeError::NothingNew { .. } => s.contains("Toegang"),
                MergeError::Diverged { number }
                | MergeError::Import(ImportError::Version(VersionError::Tampered { number })) => {
                    s.contains(&number.to_string())
                }
                MergeError::OtherAssessment { title } => s.contains(title.as_str()) && s.contains("Toegang"),
                _ => true,
            };
            assert!(named, "{lang:?} {e:?}: {s}");
        }
        let distinct: std::collections::BTreeSet<&String> = sentences.iter().collect();
        assert_eq!(distinct.len(), sentences.len(), "{lang:?}: one sentence per reason");
    }
}

/// Issue 16 gaps: a separate copy says it has an identity of its own (and, when it holds signed
/// versions, that they keep their fingerprints, in the right plural); a plain import says
/// neither; the warning on one's own earlier export counts the changes, in the right plural.
/// English and Dutch.
#[test]
fn a_separate_copy_and_an_own_earlier_export_are_said_in_words() {
    use biodpia::persist::transfer::Migration;
    use biodpia::ui::messages::Message;
    for lang in [l("en"), l("nl")] {
        let m = i18n::manager::strings(lang);
        let msg =
            |copy| Message::Imported { id: "x".into(), title: "Toegang".into(), migration: Migration::default(), copy };
        let plain = msg(None).paragraphs(lang);
        assert_eq!(plain, [m.imported(lang.quote("Toegang"))], "{lang:?}");
        let copy = msg(Some(0)).paragraphs(lang);
        assert_eq!(copy, [m.imported_copy(lang.quote("Toegang"))], "{lang:?}: no signed version, no word on it");
        assert_ne!(copy, plain);
        let one = msg(Some(1)).paragraphs(lang);
        let three = msg(Some(3)).paragraphs(lang);
        assert_eq!((one.len(), three.len()), (2, 2), "{lang:?}");
        assert!(!one[1].contains('1') && three[1].contains('3'), "{lang:?}: {one:?} {three:?}");
        assert_ne!(one[1].replace('1', ""), three[1].replace('3', ""), "{lang:?}: singular and plural differ");
        let (once, twice) = (m.offer_own(1), m.offer_own(2));
        assert!(once.contains(" 1 ") && twice.contains(" 2 "), "{lang:?}: {once} / {twice}");
        assert_ne!(once.replace(" 1 ", " "), twice.replace(" 2 ", " "), "{lang:?}: singular and plural differ");
    }
}

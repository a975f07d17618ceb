//! The review comments in the views (src/ui/review.rs, src/ui/summary/review.rs), rendered
//! natively with yew's server renderer, and the reducer actions that add comments: collapsed by
//! default with the count of open threads, comments allowed on a signed revision without
//! starting a new one, the results page's plan controls read-only on a signed revision, and the
//! summary's annex of review comments in bank order with the orphans.

use std::rc::Rc;

use biodpia::domain::answers::Answer;
use biodpia::domain::model::Kind;
use biodpia::i18n::{Get, Lang};
use biodpia::persist::assessment::{Assessment, SignOffField};
use biodpia::persist::review::{self, Draft, Evaluation, Target};
use biodpia::persist::version;
use biodpia::ui::questions::SectionView;
use biodpia::ui::results::Results;
use biodpia::ui::state::{Action, NewComment, State, Step};
use biodpia::ui::summary::Summary;
use biodpia::ui::{Ref, Shared};
use yew::prelude::*;
use yew::Reducible;

fn l(code: &str) -> Lang {
    Lang::parse(code).expect("language is built in")
}

fn bank() -> &'static biodpia::domain::model::Bank {
    biodpia::bank::bank()
}

/// The first choice question of the first section, answered.
fn first_question() -> &'static biodpia::domain::model::Question {
    bank().sections[0]
        .questions
        .iter()
        .find(|q| matches!(q.kind, Kind::Single | Kind::YesNo) && q.show_if.is_empty() && q.show_if_any.is_empty())
        .expect("a choice question always shown")
}

fn comment(a: &mut Assessment, id: &str, at: &str, on: Target, text: &str, e: Option<Evaluation>) {
    let draft = Draft { text: text.into(), evaluation: e, resolves: None };
    review::add_comment(a, id, "Dirk (FG)", at, on, "", draft).expect("added");
}

fn resolve(a: &mut Assessment, id: &str, at: &str, root: &str) {
    let draft = Draft { text: String::new(), evaluation: None, resolves: Some(true) };
    review::add_comment(a, id, "Anna", at, Target::Section(String::new()), root, draft).expect("resolved");
}

/// An assessment whose decision is recorded, so that it can be signed; every single choice
/// answered with the option that raises the most (so that measures are recommended).
fn decided() -> Assessment {
    let mut a = Assessment::new(&bank().version, "Gemeente Utrecht");
    for q in bank().questions().filter(|q| matches!(q.kind, Kind::Single | Kind::YesNo)) {
        let worst =
            q.options.iter().max_by_key(|o| o.raises.iter().map(|r| r.likelihood * r.severity).max().unwrap_or(0));
        if let Some(o) = worst {
            a.answers.insert(q.id.clone(), Answer::Choice(o.id.clone()));
        }
    }
    for (f, v) in [
        (SignOffField::Decision, "conditionally_approved"),
        (SignOffField::DecisionDate, "2026-12-03"),
        (SignOffField::DecidedBy, "A. Bakker"),
        (SignOffField::ResidualRiskAcceptedBy, "A. Bakker"),
    ] {
        a.signoff.set(f, v);
    }
    a
}

fn signed() -> Assessment {
    let mut a = decided();
    version::sign(bank(), &mut a, "A. Bakker", "2026-12-03T10:00:00.000Z").expect("signs");
    assert!(a.frozen());
    a
}

#[derive(Properties, PartialEq)]
struct Props {
    lang: Lang,
    assessment: Assessment,
    step: Step,
}

/// The wizard's first section, the results page or the summary of an assessment, through the
/// real reducer state.
#[function_component]
fn Harness(props: &Props) -> Html {
    let (lang, a, step) = (props.lang, props.assessment.clone(), props.step);
    let state = use_reducer(move || {
        let mut s = State::new(bank(), lang, a);
        s.step = step;
        s
    });
    let heading = use_node_ref();
    let (assessment, report) = (Shared::from(&state.assessment), Shared::from(&state.report));
    let dispatch = state.dispatcher();
    match state.step {
        Step::Section(i) => html! {
            <SectionView index={i} section={Ref(&bank().sections[i])} last={false} lang={state.lang} {assessment} {report}
                refused={None} {heading} reviewer={AttrValue::from("Dirk (FG)")} {dispatch} />
        },
        Step::Results => html! {
            <Results lang={state.lang} {report} {assessment} {heading} {dispatch} />
        },
        _ => html! { <Summary lang={state.lang} {assessment} {report} print_copy={true} {dispatch} /> },
    }
}

async fn render(lang: Lang, a: &Assessment, step: Step) -> String {
    let assessment = a.clone();
    yew::ServerRenderer::<Harness>::with_props(move || Props { lang, assessment, step })
        .hydratable(false)
        .render()
        .await
}

#[tokio::test]
async fn a_question_shows_its_open_threads_collapsed_and_an_unreviewed_one_a_plain_button() {
    let q = first_question();
    let mut a = decided();
    comment(&mut a, "c1", "2026-12-01T09:00:00Z", Target::Question(q.id.clone()), "Why?", Some(Evaluation::ToCorrect));
    comment(&mut a, "c2", "2026-12-01T09:01:00Z", Target::Question(q.id.clone()), "Source?", None);
    resolve(&mut a, "c3", "2026-12-01T10:00:00Z", "c2");
    for (lang, open, empty, eval) in
        [("en", "1 open comment", "Review", "To correct"), ("nl", "1 open opmerking", "Beoordeling", "Te corrigeren")]
    {
        let html = render(l(lang), &a, Step::Section(0)).await;
        let target = format!("data-target=\"question-{}\"", q.id);
        let at = html.find(&target).unwrap_or_else(|| panic!("{lang}: no review of the question"));
        let block = &html[at..at + html[at..].find("</div>").unwrap()];
        assert!(block.contains(open), "{lang}: the open count: {block}");
        assert!(block.contains(eval), "{lang}: the open thread's evaluation: {block}");
        assert!(block.contains("aria-expanded=\"false\""), "{lang}: collapsed by default");
        assert!(!html.contains("data-testid=\"review-text\""), "{lang}: no form while collapsed");
        assert!(!html.contains("Why?"), "{lang}: no thread while collapsed");
        // The section itself has no comment: a plain button.
        let section = format!("data-target=\"section-{}\"", bank().sections[0].id);
        let at = html.find(&section).expect("the section's review");
        let end = at + html[at..].find("</div>").unwrap();
        assert!(html[at..end].contains(empty), "{lang}: the section's button");
    }
}

#[tokio::test]
async fn a_signed_revision_keeps_its_questions_and_plan_read_only_but_not_its_review() {
    let a = signed();
    let html = render(l("en"), &a, Step::Section(0)).await;
    let locks: Vec<&str> = html
        .match_indices("<fieldset")
        .map(|(i, _)| &html[i..i + html[i..].find('>').unwrap()])
        .filter(|tag| tag.contains("class=\"bd-section-fields\""))
        .collect();
    assert!(!locks.is_empty() && locks.iter().all(|t| t.contains("disabled")), "questions read-only: {locks:?}");
    // The review threads are outside the disabled fieldsets.
    let q = first_question();
    let review = html.find(&format!("data-target=\"question-{}\"", q.id)).unwrap();
    let before = &html[..review];
    let lock = before.rfind("class=\"bd-section-fields\"").unwrap();
    assert!(
        before[lock..].matches("</fieldset>").count() == 2,
        "the question's fieldset and its lock closed before its review"
    );

    // The results page: every plan control disabled when signed, none when not.
    let frozen = render(l("en"), &a, Step::Results).await;
    let open = render(l("en"), &decided(), Step::Results).await;
    let controls = |html: &str| html.matches("id=\"bd-plan-").count();
    let disabled = |html: &str| {
        html.match_indices("id=\"bd-plan-")
            .filter(|(i, _)| html[*i..*i + html[*i..].find('>').unwrap()].contains("disabled"))
            .count()
    };
    assert!(controls(&frozen) >= 3, "the plan has controls");
    assert_eq!(disabled(&frozen), controls(&frozen), "all disabled on a signed revision");
    assert_eq!(disabled(&open), 0, "none disabled on a draft");
}

#[test]
fn a_comment_on_a_signed_revision_is_added_without_starting_a_new_revision() {
    let q = first_question();
    let state = Rc::new(State::new(bank(), l("en"), signed()));
    let fingerprint = state.assessment.versions[0].fingerprint.clone();
    let new = |id: &str, text: &str, e: Option<Evaluation>| {
        Action::Comment(Box::new(NewComment {
            id: id.into(),
            at: "2026-12-04T08:00:00.000Z".into(),
            author: "Dirk (FG)".into(),
            on: Target::Question(q.id.clone()),
            reply_to: String::new(),
            draft: Draft { text: text.into(), evaluation: e, resolves: None },
        }))
    };
    let next = state.clone().reduce(new("c1", "Bron?", Some(Evaluation::ToImprove)));
    assert_eq!(next.assessment.review.comments.len(), 1);
    assert_eq!(next.assessment.review.comments[0].author, "Dirk (FG)");
    assert!(next.assessment.frozen(), "still the signed revision");
    assert_eq!(next.assessment.revision, state.assessment.revision);
    assert!(version::check_all(&next.assessment).is_ok(), "the signed version still checks");
    assert_eq!(next.assessment.versions[0].fingerprint, fingerprint);
    // A refused comment (to correct without a reason) changes nothing: the same state.
    let same = next.clone().reduce(new("c2", "  ", Some(Evaluation::ToCorrect)));
    assert!(Rc::ptr_eq(&same, &next), "nothing changed, nothing rendered");
    // The reviewer's name: trimmed and capped.
    let named = same.reduce(Action::SetReviewer(format!("  {}  ", "x".repeat(300))));
    assert_eq!(named.reviewer.chars().count(), 200);
}

#[tokio::test]
async fn the_summary_lists_every_thread_in_bank_order_with_the_orphans_and_nothing_without_comments() {
    let b = bank();
    let (s0, s1) = (&b.sections[0], &b.sections[1]);
    let q1 = &s1.questions[0];
    let risk = &b.risks[0];
    let measure = &b.safeguards[0];
    let mut a = decided();
    // Added in the reverse of bank order: the part follows the bank, not the order of adding.
    comment(
        &mut a,
        "m",
        "2026-12-01T09:00:00Z",
        Target::Measure(measure.id.clone()),
        "Owner?",
        Some(Evaluation::ToImprove),
    );
    comment(
        &mut a,
        "r",
        "2026-12-01T09:01:00Z",
        Target::Risk(risk.id.clone()),
        "Too low.",
        Some(Evaluation::ToCorrect),
    );
    comment(
        &mut a,
        "q",
        "2026-12-01T09:02:00Z",
        Target::Question(q1.id.clone()),
        "Fine.",
        Some(Evaluation::Acceptable),
    );
    comment(&mut a, "s", "2026-12-01T09:03:00Z", Target::Section(s0.id.clone()), "Complete.", None);
    comment(&mut a, "o", "2026-12-01T09:04:00Z", Target::Question("q_gone".into()), "Old question.", None);
    resolve(&mut a, "s-done", "2026-12-02T09:00:00Z", "s");

    for (lang, title, counts, resolved, orphans) in [
        ("en", "Annex: review comments", "4 open, 1 resolved", "Resolved", "Comments on items this form no longer has"),
        (
            "nl",
            "Bijlage: opmerkingen bij de beoordeling",
            "4 open, 1 opgelost",
            "Opgelost",
            "Opmerkingen bij onderdelen die dit formulier niet meer heeft",
        ),
    ] {
        let lang = l(lang);
        let html = render(lang, &a, Step::Summary).await;
        assert!(html.contains(title), "{title}");
        assert!(html.contains(counts), "{counts}");
        assert!(html.contains(resolved));
        let pos = |s: &str| html.find(s).unwrap_or_else(|| panic!("missing {s}"));
        let order = [
            pos(&format!("data-target=\"{}\"", s0.id)),
            pos(&format!("data-target=\"{}\"", q1.id)),
            pos(&format!("data-target=\"{}\"", risk.id)),
            pos(&format!("data-target=\"{}\"", measure.id)),
            pos(orphans),
        ];
        assert!(order.windows(2).all(|w| w[0] < w[1]), "bank order, then the orphans: {order:?}");
        assert!(html.contains(&q1.text.get(lang).replace('\'', "&#x27;")) || html.contains(q1.text.get(lang)));
        assert!(html.contains("q_gone"), "the orphan's id");
        // After the template's section 6 (the decision), before the annexes.
        assert!(pos("bd-sum-h-6") < pos("bd-sum-h-review") && pos("bd-sum-h-review") < pos("bd-sum-h-answers"));
    }
    let none = render(l("en"), &decided(), Step::Summary).await;
    assert!(!none.contains("summary-review"), "no part without comments");
}

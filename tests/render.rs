//! Components rendered natively to HTML with yew's server renderer.

use biodpia::domain::answers::Answer;
use biodpia::i18n::{Get, Lang};
use biodpia::persist::assessment::Assessment;
use biodpia::ui::results::Results;
use biodpia::ui::state::{State, Step};
use biodpia::ui::{App, Config, Shared};
use yew::prelude::*;

mod common;
use common::plain;

fn l(code: &str) -> Lang {
    Lang::parse(code).expect("language is built in")
}

async fn render_app(lang: Lang) -> String {
    yew::ServerRenderer::<App>::with_props(move || Config {
        lang,
        organisation: "Gemeente X".into(),
        namespace: "test".into(),
        lang_problem: None,
    })
    .hydratable(false)
    .render()
    .await
}

async fn render_results(lang: Lang, answers: &[(&str, &str)]) -> String {
    let mut a = Assessment::new(&biodpia::bank::bank().version, "Org");
    for (q, o) in answers {
        a.answers.insert(q.to_string(), Answer::Choice(o.to_string()));
    }
    render_assessment(lang, &a).await
}

#[tokio::test]
async fn wizard_renders_first_section_in_both_languages() {
    let bank = biodpia::bank::bank();
    let first = &bank.sections[0];
    let en = render_app(l("en")).await;
    assert!(en.contains(&first.title.get(l("en"))), "English section title missing");
    assert!(en.contains(&first.questions[0].text.get(l("en"))));
    assert!(en.contains("lang=\"en\""));
    let nl = render_app(l("nl")).await;
    assert!(nl.contains(&first.title.get(l("nl"))), "Dutch section title missing");
    assert!(nl.contains(&first.questions[0].text.get(l("nl"))));
    assert!(nl.contains(biodpia::i18n::strings(l("nl")).next));
    // Nothing answered yet: no score is claimed.
    assert!(en.contains(biodpia::i18n::strings(l("en")).live_not_started));
    assert!(!en.contains(&format!("{} 2/100", biodpia::i18n::strings(l("en")).score)));
    // Every section is listed in the navigation.
    for s in &bank.sections {
        assert!(en.contains(&s.title.get(l("en"))), "nav lacks {}", s.id);
    }
}

#[tokio::test]
async fn every_control_has_a_label() {
    let html = render_app(l("en")).await;
    for id in html
        .split("<input ")
        .skip(1)
        .filter_map(|rest| rest.split("id=\"").nth(1))
        .map(|s| s.split('"').next().unwrap())
    {
        assert!(html.contains(&format!("for=\"{id}\"")), "input {id} has no label");
    }
}

#[tokio::test]
async fn results_show_verdict_risks_and_reasons() {
    let bank = biodpia::bank::bank();
    // Pick, for every single-choice question, the option that raises the most risk.
    let worst: Vec<(&str, &str)> = bank
        .questions()
        .filter(|q| !q.options.is_empty() && q.kind != biodpia::domain::model::Kind::Multi)
        .map(|q| {
            let o = q
                .options
                .iter()
                .max_by_key(|o| o.raises.iter().map(|r| r.likelihood * r.severity).max().unwrap_or(0))
                .unwrap();
            (q.id.as_str(), o.id.as_str())
        })
        .collect();
    let html = render_results(l("en"), &worst).await;
    let mut answers = biodpia::domain::answers::Answers::new();
    for (q, o) in &worst {
        answers.insert(q.to_string(), Answer::Choice(o.to_string()));
    }
    let report = biodpia::domain::engine::evaluate(bank, &answers, &Default::default());
    let (title, _) = biodpia::i18n::strings(l("en")).outcome(report.decision.outcome);
    assert!(html.contains(title), "verdict `{title}` not shown");
    for r in report.risks.iter().filter(|r| r.is_raised()) {
        assert!(html.contains(&bank.risk(&r.risk).unwrap().title.get(l("en"))), "risk {} not listed", r.risk);
    }
    for rec in &report.recommendations {
        assert!(
            html.contains(&bank.safeguard(&rec.safeguard).unwrap().title.get(l("en"))),
            "safeguard {} not shown",
            rec.safeguard
        );
    }
    assert!(html.contains(&format!(">{}<", report.residual_score)));
    // The method is explained beside the result.
    assert!(html.contains(biodpia::i18n::method::strings(l("en")).title));

    let nl = render_results(l("nl"), &worst).await;
    assert!(nl.contains(biodpia::i18n::strings(l("nl")).outcome(report.decision.outcome).0));
    assert!(nl.contains(biodpia::i18n::method::strings(l("nl")).title));
}

#[derive(Properties, PartialEq)]
struct WithAssessment {
    lang: Lang,
    assessment: Assessment,
}

/// The results page of an assessment (through the real reducer state).
#[function_component]
fn AssessmentResults(props: &WithAssessment) -> Html {
    let bank = biodpia::bank::bank();
    let (lang, a) = (props.lang, props.assessment.clone());
    let state = use_reducer(move || {
        let mut s = State::new(bank, lang, a);
        s.step = Step::Results;
        s
    });
    let heading = use_node_ref();
    html! {
        <Results lang={state.lang} report={Shared::from(&state.report)} assessment={Shared::from(&state.assessment)}
            {heading} dispatch={state.dispatcher()} />
    }
}

async fn render_assessment(lang: Lang, a: &Assessment) -> String {
    let assessment = a.clone();
    yew::ServerRenderer::<AssessmentResults>::with_props(move || WithAssessment { lang, assessment })
        .hydratable(false)
        .render()
        .await
}

fn archive_door() -> Assessment {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exports/archive_door_2026.11.2.json");
    biodpia::persist::transfer::import(biodpia::bank::bank(), &std::fs::read(path).unwrap()).expect("imports").0
}

#[tokio::test]
async fn the_decision_names_its_conditions_contradictions_and_what_would_change_it() {
    let bank = biodpia::bank::bank();
    let a = archive_door();
    let report = biodpia::domain::engine::evaluate(bank, &a.answers, &a.plan);
    for code in ["en", "nl"] {
        let lang = l(code);
        let t = biodpia::i18n::strings(lang);
        let raw = render_assessment(lang, &a).await;
        let html = plain(&raw);
        assert!(html.contains(t.outcome(report.decision.outcome).0), "{code}: outcome");
        // Each condition with its line of the action plan; the unplanned one blocks approval.
        assert!(html.contains(t.decision_conditions), "{code}");
        for c in &report.decision.conditions {
            assert!(html.contains(bank.safeguard(&c.safeguard).unwrap().title.get(lang)), "{code}: {}", c.safeguard);
        }
        assert!(
            html.contains("Facilitair bedrijf") && html.contains(&t.date("2027-03-01")),
            "{code}: owner and due date"
        );
        assert!(html.contains(t.decision_blocking), "{code}: blocking");
        // Why the unplanned access control is required: the vendor staff's access.
        let access = bank.question("q_sec_search_access").unwrap();
        let why = format!(
            "{}: {} → {}",
            t.required_by,
            access.text.get(lang),
            biodpia::ui::cite::option_label(access.option("vendor_staff").unwrap(), lang)
        );
        assert!(html.contains(&why), "{code}: {why}");
        // The contradiction names both answers and says what to resolve.
        assert!(html.contains(t.decision_conflicts), "{code}");
        let c = &report.contradictions[0];
        for cause in [&c.first, &c.second] {
            assert!(
                html.contains(bank.question(&cause.question).unwrap().text.get(lang)),
                "{code}: {}",
                cause.question
            );
        }
        let text = bank.question(&c.second.question).unwrap().option(&c.second.option).unwrap().contradiction.unwrap();
        assert!(html.contains(text.get(lang)), "{code}: what to resolve");
        // Why: what would change the decision, in this language's words.
        assert!(html.contains(t.decision_why), "{code}");
        let changed = t.outcome_short(biodpia::domain::engine::Outcome::ConditionallyApproved);
        let line = t.why_outcome(changed);
        assert!(html.contains(&line), "{code}: a what-if `{line}`");
        // Each WP248 criterion met is shown with the answers that meet it (issue 12: they are
        // derived from all answers, not only the ones ticked in the screening question).
        let wp248 = raw.split("data-testid=\"wp248\"").nth(1).and_then(|x| x.split("</ul>").next()).map(plain);
        let wp248 = wp248.unwrap_or_else(|| panic!("{code}: no WP248 list"));
        assert!(!report.screening.criteria.is_empty());
        for c in &report.screening.criteria {
            assert!(wp248.contains(t.wp248(&c.id)), "{code}: {}", c.id);
            for by in &c.by {
                assert!(
                    wp248.contains(bank.question(&by.question).unwrap().text.get(lang)),
                    "{code}: {} by {}",
                    c.id,
                    by.question
                );
            }
        }
        // The red line card is gone: no red line here.
        assert!(!html.contains(t.decision_red_line_intro));
    }
}

#[tokio::test]
async fn a_rejection_shows_the_red_line_with_its_reasons() {
    let bank = biodpia::bank::bank();
    let mut a = archive_door();
    // Emotion recognition at work: prohibited by the AI Act, a red line.
    a.answers.insert("q_ai_emotion".into(), Answer::Choice("yes".into()));
    a.answers.insert("q_ai_emotion_setting".into(), Answer::Choice("work_edu_other".into()));
    let report = biodpia::domain::engine::evaluate(bank, &a.answers, &a.plan);
    assert_eq!(report.decision.outcome, biodpia::domain::engine::Outcome::Rejected, "{:?}", report.red_lines);
    let html = plain(&render_assessment(l("nl"), &a).await);
    let t = biodpia::i18n::strings(l("nl"));
    assert!(html.contains(t.decision_red_line_intro));
    let o = bank.question("q_ai_emotion_setting").unwrap().option("work_edu_other").unwrap();
    assert!(html.contains(o.red_line.unwrap().get(l("nl"))));
    for p in &o.provisions {
        assert!(html.contains(bank.provision(p).unwrap().label.get(l("nl"))), "provision {p}");
    }
    assert!(!html.contains(t.decision_conditions));
}

//! Components rendered natively to HTML with yew's server renderer.

use biodpia::domain::answers::Answer;
use biodpia::i18n::{Get, Lang};
use biodpia::persist::assessment::Assessment;
use biodpia::ui::results::Results;
use biodpia::ui::state::{State, Step};
use biodpia::ui::{App, Config, Shared};
use yew::prelude::*;

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

#[derive(Properties, PartialEq)]
struct WithState {
    lang: Lang,
    answers: Vec<(String, String)>,
}

#[function_component]
fn ResultsHarness(props: &WithState) -> Html {
    let bank = biodpia::bank::bank();
    let answers = props.answers.clone();
    let lang = props.lang;
    let state = use_reducer(move || {
        let mut a = Assessment::new(&bank.version, "Org");
        for (q, o) in answers {
            a.answers.insert(q, Answer::Choice(o));
        }
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

async fn render_results(lang: Lang, answers: &[(&str, &str)]) -> String {
    let answers: Vec<(String, String)> = answers.iter().map(|(q, o)| (q.to_string(), o.to_string())).collect();
    yew::ServerRenderer::<ResultsHarness>::with_props(move || WithState { lang, answers })
        .hydratable(false)
        .render()
        .await
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

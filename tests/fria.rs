//! The fundamental rights impact assessment (AI Act Art. 27 as amended by Regulation (EU)
//! 2026/1744; issue 13, item 3) on the real bank: who owes one and from when
//! (`domain::fria`), the screening question and the FRIA questions shown only where they
//! apply, the measure `s_fria` recommended only where a FRIA is owed, the FRIA annex of the
//! printed summary (rendered natively, as in tests/summary_render.rs) and its answers kept by
//! an export and import.

use biodpia::domain::answers::{Answer, Answers, Plan};
use biodpia::domain::engine::{evaluate, visible_questions, Cause, Priority, Report};
use biodpia::domain::fria::{self, Duty, Part, Reference, APPLIES_FROM, DEPLOYER_QUESTION, OWED_BY};
use biodpia::domain::model::{Bank, Kind};
use biodpia::i18n::{self, summary as sum, Get, Lang};
use biodpia::persist::assessment::Assessment;
use biodpia::persist::transfer;
use biodpia::report::outline;
use biodpia::ui::state::{State, Step};
use biodpia::ui::summary::Summary;
use biodpia::ui::Shared;
use yew::prelude::*;

fn bank() -> &'static Bank {
    biodpia::bank::bank()
}

fn l(code: &str) -> Lang {
    Lang::parse(code).expect("language is built in")
}

fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs
        .iter()
        .map(|(q, o)| {
            let question = bank().question(q).unwrap_or_else(|| panic!("no question {q}"));
            let a = match question.kind {
                Kind::Multi => Answer::Multi(o.split(',').map(str::to_string).collect()),
                Kind::Text => Answer::Text(o.to_string()),
                _ => Answer::Choice(o.to_string()),
            };
            (q.to_string(), a)
        })
        .collect()
}

fn report(a: &Answers) -> Report {
    evaluate(bank(), a, &Plan::new())
}

fn shown(a: &Answers) -> Vec<String> {
    visible_questions(bank(), a).iter().map(|q| q.id.clone()).collect()
}

/// A shop with real-time remote identification of its customers: high-risk under Annex III
/// point 1.
const SHOP: [(&str, &str); 7] = [
    ("q_modality", "face"),
    ("q_identification_mode", "identification_1ton"),
    ("q_context", "retail"),
    ("q_data_subjects", "customers"),
    ("q_ai_remote_id", "realtime"),
    ("q_ai_emotion", "no"),
    ("q_ai_categorisation", "none"),
];

fn shop(deployer: &str) -> Answers {
    let mut pairs = SHOP.to_vec();
    pairs.push((DEPLOYER_QUESTION, deployer));
    answers(&pairs)
}

/// A municipality that checks entitlement to a service by emotion recognition is not a case;
/// one that identifies visitors to its offices (post remote identification) is.
fn municipality() -> Answers {
    let mut a = answers(&[
        ("q_modality", "face"),
        ("q_identification_mode", "identification_1ton"),
        ("q_context", "public_space"),
        ("q_data_subjects", "visitors"),
        ("q_ai_remote_id", "post"),
        ("q_ai_emotion", "no"),
        ("q_ai_categorisation", "none"),
        ("q_ai_oversight", "yes"),
        ("q_tr_complaints", "yes"),
        (DEPLOYER_QUESTION, "public_body"),
        ("q_fria_process", "Identifying visitors after an incident at the town hall."),
        ("q_fria_period", "From 2028, after each reported incident."),
        ("q_fria_persons", "Visitors & staff <of> the town hall."),
        ("q_fria_harms", "Wrong matches for people with darker skin."),
        ("q_fria_oversight", "Two trained officers confirm every match."),
        ("q_fria_remedies", "Complaints desk; the system is suspended by the privacy board."),
    ]);
    a.insert("q_description".into(), Answer::Text("Town hall cameras.".into()));
    a
}

#[test]
fn the_deployer_type_is_asked_exactly_where_the_system_is_high_risk_under_annex_iii() {
    // One classification for every Annex III duty: the screening uses the clauses of Art. 26.
    let deployer = bank().question(DEPLOYER_QUESTION).unwrap();
    assert_eq!(deployer.show_if_any, bank().question("q_ai_oversight").unwrap().show_if_any);
    assert!(deployer.fact, "the kind of deployer describes the case, it is no design choice");
    let cases: [(&[(&str, &str)], bool); 6] = [
        (&[("q_ai_emotion", "no"), ("q_ai_categorisation", "none")], false),
        (&[("q_ai_emotion", "yes"), ("q_ai_categorisation", "none")], true),
        (&[("q_ai_emotion", "no"), ("q_ai_categorisation", "other_traits")], true),
        (&SHOP, true),
        (
            &[
                ("q_identification_mode", "verification_1to1"),
                ("q_ai_verification_only", "yes"),
                ("q_ai_emotion", "no"),
                ("q_ai_categorisation", "none"),
            ],
            false,
        ),
        (&[("q_identification_mode", "identification_1ton"), ("q_ai_remote_id", "no")], false),
    ];
    for (pairs, high_risk) in cases {
        let mut pairs = pairs.to_vec();
        pairs.push((DEPLOYER_QUESTION, "public_body"));
        let a = answers(&pairs);
        assert_eq!(shown(&a).iter().any(|q| q == DEPLOYER_QUESTION), high_risk, "{pairs:?}");
        // An answer kept from earlier (or imported) does not make a FRIA owed on its own.
        let duty = report(&a).fria(&a);
        assert_eq!(duty == Duty::NotHighRisk, !high_risk, "{pairs:?}: {duty:?}");
    }
}

#[test]
fn a_fria_is_owed_by_public_bodies_public_services_and_annex_iii_5b_5c_deployers_from_2_december_2027() {
    // The options of the bank are the deployer types of the rule, and nothing else.
    let q = bank().question(DEPLOYER_QUESTION).unwrap();
    let ids: Vec<&str> = q.options.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, [&OWED_BY[..], &[fria::NOT_OWED_BY, "unsure"]].concat());
    for o in OWED_BY {
        let a = shop(o);
        let duty = report(&a).fria(&a);
        assert_eq!(duty, Duty::Owed(o));
        assert_eq!(duty.applies_from(), Some("2027-12-02"), "{o}");
    }
    // The date is the fact sheet's date for Art. 27 (tests/fixtures/law/ai_act_dates.toml).
    let dates =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/law/ai_act_dates.toml")).unwrap();
    let entry = dates.split("[[date]]").find(|d| d.contains("Art. 27 FRIA")).expect("the Art. 27 date is listed");
    assert!(entry.contains(&format!("date = \"{APPLIES_FROM}\"")), "{entry}");
    // The texts say the same date, in both languages.
    let help = q.help.unwrap();
    assert!(help.get(l("en")).contains("from 2 December 2027"));
    assert!(help.get(l("nl")).contains("vanaf 2 december 2027"));
}

#[test]
fn a_private_shop_using_annex_iii_point_1_biometrics_owes_no_fria() {
    let a = shop(fria::NOT_OWED_BY);
    let r = report(&a);
    assert_eq!(r.fria(&a), Duty::NotOwed);
    assert_eq!(r.fria(&a).applies_from(), None);
    assert!(r.fria_annex(bank(), &a).is_none());
    assert!(!r.recommendations.iter().any(|x| x.safeguard == fria::SAFEGUARD), "no FRIA measure for a shop");
    let ids = shown(&a);
    for q in fria::questions() {
        assert!(!ids.iter().any(|x| x == q), "{q} asked of a shop");
    }
    // It still owes the DPIA: the Art. 26 duties are asked all the same.
    assert!(ids.iter().any(|x| x == "q_ai_oversight"));
}

#[test]
fn not_knowing_the_kind_of_deployer_is_a_point_to_find_out_not_a_no() {
    let a = shop("unsure");
    let r = report(&a);
    assert_eq!(r.fria(&a), Duty::FindOut);
    assert!(
        r.find_out.contains(&Cause { question: DEPLOYER_QUESTION.into(), option: "unsure".into() }),
        "{:?}",
        r.find_out
    );
    let o = bank().question(DEPLOYER_QUESTION).unwrap().option("unsure").unwrap();
    assert!(o.find_out.unwrap().get(l("en")).contains("FRIA"));
    assert!(o.find_out.unwrap().get(l("nl")).contains("FRIA"));
    // Not yet answered: open, and the decision stays provisional.
    let a = answers(&SHOP);
    let r = report(&a);
    assert_eq!(r.fria(&a), Duty::Open);
    assert!(r.unanswered.iter().any(|q| q == DEPLOYER_QUESTION));
    assert!(r.decision.provisional);
}

#[test]
fn the_fria_measure_is_recommended_where_a_fria_is_owed_and_nowhere_else() {
    // In the bank: only the owing deployer types require it.
    for q in bank().questions() {
        for o in &q.options {
            let owes = q.id == DEPLOYER_QUESTION && OWED_BY.contains(&o.id.as_str());
            assert_eq!(o.requires.iter().any(|s| s == fria::SAFEGUARD), owes, "{}.{}", q.id, o.id);
        }
    }
    let s = bank().safeguard(fria::SAFEGUARD).unwrap();
    assert!(s.lowers.is_empty(), "s_fria lowers no risk, so no risk alone brings it up");
    assert!(s.provisions.iter().any(|p| p == "ai_act_27") && s.provisions.iter().any(|p| p == "ai_act_27_4"));
    for o in OWED_BY {
        let r = report(&shop(o));
        let rec = r.recommendations.iter().find(|x| x.safeguard == fria::SAFEGUARD).unwrap_or_else(|| panic!("{o}"));
        assert_eq!(rec.priority, Priority::Must, "{o}");
        assert_eq!(rec.required_by, [Cause { question: DEPLOYER_QUESTION.into(), option: o.into() }]);
    }
    let not_owed = [
        shop(fria::NOT_OWED_BY),
        shop("unsure"),
        answers(&SHOP),
        // Not high-risk: a public body's fingerprint time clock.
        answers(&[
            ("q_modality", "fingerprint"),
            ("q_ai_emotion", "no"),
            ("q_ai_categorisation", "none"),
            (DEPLOYER_QUESTION, "public_body"),
        ]),
    ];
    for a in &not_owed {
        let r = report(a);
        assert!(!r.recommendations.iter().any(|x| x.safeguard == fria::SAFEGUARD), "{a:?}");
    }
}

#[test]
fn the_fria_questions_are_free_text_asked_only_where_a_fria_is_owed() {
    let ids: Vec<&str> = fria::questions().collect();
    assert_eq!(ids.len(), 6, "Art. 27(1)(a) to (f)");
    // Exactly these questions depend on the deployer type, all on the owing types.
    let in_bank: Vec<&str> = bank()
        .questions()
        .filter(|q| q.show_if.iter().any(|c| c.question == DEPLOYER_QUESTION))
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(in_bank, ids);
    for id in &ids {
        let q = bank().question(id).unwrap();
        assert_eq!(q.kind, Kind::Text, "{id}");
        assert_eq!(q.show_if.len(), 1);
        assert_eq!(q.show_if[0].any_of, OWED_BY, "{id}");
    }
    for (a, asked) in [
        (shop("public_service"), true),
        (shop("annex_iii_5bc"), true),
        (shop(fria::NOT_OWED_BY), false),
        (shop("unsure"), false),
        (answers(&SHOP), false),
    ] {
        let visible = shown(&a);
        for id in &ids {
            assert_eq!(visible.iter().any(|x| x == id), asked, "{id} for {:?}", a.get(DEPLOYER_QUESTION));
        }
    }
    // Every DPIA question an item refers to exists.
    for id in fria::references() {
        assert!(bank().question(id).is_some(), "{id}");
    }
}

#[test]
fn the_annex_holds_the_answers_and_refers_to_the_dpia_parts_that_cover_an_item() {
    let a = municipality();
    let r = report(&a);
    let annex = r.fria_annex(bank(), &a).expect("owed by a public body");
    assert_eq!(annex.owed_by.id, "public_body");
    assert_eq!(annex.applies_from, APPLIES_FROM);
    let points: String = annex.items.iter().map(|i| i.point).collect();
    assert_eq!(points, "abcdef");
    assert_eq!(annex.items[0].answer, Some("Identifying visitors after an incident at the town hall."));
    let refs = |point: char| -> Vec<String> {
        annex
            .items
            .iter()
            .find(|i| i.point == point)
            .unwrap()
            .covered_by
            .iter()
            .map(|r| match r {
                Reference::Answer { question, .. } => question.id.clone(),
                Reference::Part(p) => format!("{p:?}"),
            })
            .collect()
    };
    // Only answered questions are referred to.
    assert_eq!(refs('a'), ["q_description", "q_context"]);
    assert!(refs('b').is_empty(), "the DPIA does not ask for the period and frequency of use");
    assert_eq!(refs('c'), ["q_data_subjects"]);
    assert_eq!(refs('d'), ["Risks"]);
    assert_eq!(refs('e'), ["q_ai_oversight"]);
    assert_eq!(refs('f'), ["ActionPlan", "q_tr_complaints"]);
    // The section number is the one annex A gives.
    let Reference::Answer { number, section, .. } = annex.items[0].covered_by[0] else { panic!() };
    assert_eq!(bank().sections[number - 1].id, section.id);
    assert!(matches!(annex.items[3].covered_by[0], Reference::Part(Part::Risks)));
    // An unanswered item stays in the annex, without an answer.
    let mut b = a.clone();
    b.remove("q_fria_period");
    let r = report(&b);
    let annex = r.fria_annex(bank(), &b).unwrap();
    assert_eq!(annex.items[1].answer, None);
    assert_eq!(annex.items.len(), 6);
}

#[derive(Properties, PartialEq)]
struct Props {
    lang: Lang,
    assessment: Assessment,
}

#[function_component]
fn Harness(props: &Props) -> Html {
    let (lang, assessment) = (props.lang, props.assessment.clone());
    let state = use_reducer(move || {
        let mut s = State::new(bank(), lang, assessment);
        s.step = Step::Summary;
        s
    });
    html! {
        <Summary lang={state.lang} assessment={Shared::from(&state.assessment)} report={Shared::from(&state.report)}
            dispatch={state.dispatcher()} />
    }
}

async fn render(lang: Lang, answers: &Answers) -> String {
    let mut assessment = Assessment::new(&bank().version, "Gemeente Voorbeeld");
    assessment.answers = answers.clone();
    yew::ServerRenderer::<Harness>::with_props(move || Props { lang, assessment }).hydratable(false).render().await
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[tokio::test]
async fn the_summary_prints_the_fria_annex_where_one_is_owed_in_english_and_dutch() {
    let a = municipality();
    for (code, may, date) in [("en", "may refer to", "2 December 2027"), ("nl", "mag de FRIA", "2 december 2027")] {
        let lang = l(code);
        let s = sum::strings(lang);
        let html = render(lang, &a).await;
        let annex =
            html.split("data-testid=\"summary-fria\"").nth(1).unwrap_or_else(|| panic!("{code}: no FRIA annex"));
        assert!(annex.contains(&esc(s.fria_title)), "{code}");
        assert!(annex.contains(&format!("{} C.", s.annex)), "{code}: numbered after annexes A and B");
        assert!(annex.contains(may), "{code}: Art. 27(4) as amended says 'may'");
        assert!(!annex.contains("shall complement") && !annex.contains("moet aanvullen"));
        assert!(annex.contains(date), "{code}: from when");
        let deployer = bank().question(DEPLOYER_QUESTION).unwrap().option("public_body").unwrap();
        assert!(annex.contains(&esc(deployer.label.unwrap().get(lang))), "{code}: owed because");
        // Every item with its question and answer (escaped), in the order of Art. 27(1).
        let mut at = 0;
        for id in fria::questions() {
            let q = bank().question(id).unwrap().text.get(lang);
            let pos = annex[at..].find(&esc(q)).unwrap_or_else(|| panic!("{code}: {id}")) + at;
            at = pos;
            let Some(Answer::Text(answer)) = a.get(id) else { panic!() };
            assert!(annex.contains(&esc(answer)), "{code}: answer to {id}");
        }
        // The cross-references, to the field of the template that prints the answer, and to
        // the risks (3.1) by their heading.
        let data_subjects = bank().question("q_data_subjects").unwrap();
        let line = s.fria_ref_answer(outline::title(lang, "1.1.a"), data_subjects.text.get(lang));
        assert!(annex.contains(&esc(&line)), "{code}: {line}");
        assert!(annex.contains(&esc(&outline::title(lang, "3.1"))), "{code}: the risks");
        assert!(annex.contains(&esc(s.fria_not_covered)), "{code}: point (b) is covered nowhere");
        // No AI Office template, as far as the fact sheet knows (stated with its limits).
        assert!(annex.contains(&esc(s.fria_template)), "{code}");
        assert!(s.fria_template.contains(if code == "en" { "early June 2026" } else { "begin juni 2026" }));
        assert!(s.fria_template.contains(if code == "en" { "not confirmed" } else { "niet bevestigd" }));
        // The measure is in the action plan.
        let title = bank().safeguard(fria::SAFEGUARD).unwrap().title.get(lang);
        assert!(html.contains(&esc(title)), "{code}: s_fria in the plan");
        assert!(i18n::strings(lang).date(APPLIES_FROM) == date);
    }
}

#[tokio::test]
async fn the_summary_of_a_private_shop_has_no_fria_annex() {
    for code in ["en", "nl"] {
        let lang = l(code);
        let html = render(lang, &shop(fria::NOT_OWED_BY)).await;
        assert!(html.contains("data-testid=\"summary\""), "{code}: the summary renders");
        assert!(!html.contains("data-testid=\"summary-fria\""), "{code}: no FRIA annex for a shop");
        assert!(!html.contains(&esc(sum::strings(lang).fria_title)), "{code}");
    }
}

#[test]
fn the_fria_answers_are_exported_and_imported_with_the_assessment() {
    let mut a = Assessment::new(&bank().version, "Gemeente Voorbeeld");
    a.answers = municipality();
    let file = transfer::export(&a);
    for id in fria::questions() {
        assert!(file.contains(&format!("\"{id}\"")), "{id} exported");
    }
    let (back, migration) = transfer::import(bank(), file.as_bytes()).expect("own export imports");
    assert!(migration.is_empty(), "{migration:?}");
    assert_eq!(back.answers, a.answers);
    let (before, after) = (report(&a.answers), report(&back.answers));
    assert_eq!(before.fria_annex(bank(), &a.answers), after.fria_annex(bank(), &back.answers));
}

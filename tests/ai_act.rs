//! The AI Act duties a deployer has now or soon (issue 13, item 2), on the real bank: Art. 50(3)
//! (people exposed to emotion recognition or biometric categorisation are told, since
//! 2 August 2026) and the Art. 26 duties for a high-risk system under Annex III point 1 (human
//! oversight, logs, informing workers, post remote identification; from 2 December 2027).
//! Each is asked exactly where it applies (`show_if_any`: one clause per kind of system), and
//! each answer that raises a risk or requires a measure cites the article.

use biodpia::domain::answers::{Answer, Answers, Plan};
use biodpia::domain::engine::{evaluate, visible_questions, Priority};
use biodpia::domain::model::Bank;
use biodpia::i18n::{Get, Lang};

fn bank() -> &'static Bank {
    biodpia::bank::bank()
}

fn answers(pairs: &[(&str, &str)]) -> Answers {
    let bank = bank();
    pairs
        .iter()
        .map(|(q, o)| {
            let question = bank.question(q).unwrap_or_else(|| panic!("no question {q}"));
            let a = match question.kind {
                biodpia::domain::model::Kind::Multi => Answer::Multi(o.split(',').map(str::to_string).collect()),
                biodpia::domain::model::Kind::Text => Answer::Text(o.to_string()),
                _ => Answer::Choice(o.to_string()),
            };
            (q.to_string(), a)
        })
        .collect()
}

fn shown(pairs: &[(&str, &str)]) -> Vec<String> {
    visible_questions(bank(), &answers(pairs)).iter().map(|q| q.id.clone()).collect()
}

const NO_AI: &[(&str, &str)] = &[("q_ai_emotion", "no"), ("q_ai_categorisation", "none")];
const DUTIES: [&str; 4] = ["q_ai_oversight", "q_ai_logs", "q_ai_monitoring", "q_ai_persons_informed"];

#[test]
fn the_art_50_3_notice_is_asked_only_for_emotion_recognition_or_categorisation() {
    let q = "q_ai_exposure_notice";
    assert!(!shown(NO_AI).contains(&q.to_string()), "asked without emotion recognition or categorisation");
    assert!(!shown(&[]).contains(&q.to_string()), "asked before either is answered");
    assert!(shown(&[("q_ai_emotion", "yes"), ("q_ai_categorisation", "none")]).contains(&q.to_string()));
    assert!(shown(&[("q_ai_emotion", "no"), ("q_ai_categorisation", "other_traits")]).contains(&q.to_string()));
    assert!(shown(&[("q_ai_emotion", "yes"), ("q_ai_categorisation", "other_traits")]).contains(&q.to_string()));
    // Categorising by prohibited traits is a red line; the notice is not what is at stake.
    assert!(!shown(&[("q_ai_emotion", "no"), ("q_ai_categorisation", "prohibited_traits")]).contains(&q.to_string()));
}

#[test]
fn no_notice_raises_covert_processing_requires_the_notice_and_cites_art_50_3() {
    let bank = bank();
    let q = bank.question("q_ai_exposure_notice").unwrap();
    for o in ["general_notice_only", "not_informed"] {
        let opt = q.option(o).unwrap();
        assert!(opt.provisions.iter().any(|p| p == "ai_act_50_3"), "{o} cites Art. 50(3)");
        let r = evaluate(
            bank,
            &answers(&[("q_ai_emotion", "yes"), ("q_ai_categorisation", "none"), (&q.id, o)]),
            &Plan::new(),
        );
        assert!(r.risk("r_covert").unwrap().is_raised(), "{o} raises r_covert");
        let rec = r.recommendations.iter().find(|x| x.safeguard == "s_ai_exposure_notice").expect("notice recommended");
        assert_eq!(rec.priority, Priority::Must);
        assert!(rec.required_by.iter().any(|c| c.question == q.id && c.option == o));
    }
    // Informed: the measure is in place, nothing is raised by this answer.
    let r = evaluate(
        bank,
        &answers(&[("q_ai_emotion", "yes"), ("q_ai_categorisation", "none"), (&q.id, "informed")]),
        &Plan::new(),
    );
    assert!(r.in_place.iter().any(|s| s == "s_ai_exposure_notice"), "in place: {:?}", r.in_place);
    assert!(!r.recommendations.iter().any(|x| x.safeguard == "s_ai_exposure_notice"));
}

#[test]
fn the_law_enforcement_exception_outside_law_enforcement_is_a_point_to_resolve() {
    let base = [
        ("q_context", "retail"),
        ("q_ai_emotion", "yes"),
        ("q_ai_categorisation", "none"),
        ("q_ai_exposure_notice", "law_enforcement_exception"),
    ];
    let r = evaluate(bank(), &answers(&base), &Plan::new());
    assert!(
        r.contradictions.iter().any(|c| c.second.question == "q_ai_exposure_notice" && c.first.question == "q_context"),
        "{:?}",
        r.contradictions
    );
    let mut police = base;
    police[0] = ("q_context", "law_enforcement");
    let r = evaluate(bank(), &answers(&police), &Plan::new());
    assert!(r.contradictions.iter().all(|c| c.second.question != "q_ai_exposure_notice"));
}

#[test]
fn the_art_26_duties_are_asked_only_for_a_high_risk_system() {
    let one_to_many = [("q_identification_mode", "identification_1ton")];
    let cases: &[(&[(&str, &str)], bool)] = &[
        (NO_AI, false),
        (&[("q_ai_emotion", "yes"), ("q_ai_categorisation", "none")], true),
        (&[("q_ai_emotion", "no"), ("q_ai_categorisation", "other_traits")], true),
        (
            &[
                ("q_identification_mode", "identification_1ton"),
                ("q_ai_remote_id", "realtime"),
                ("q_ai_emotion", "no"),
                ("q_ai_categorisation", "none"),
            ],
            true,
        ),
        (
            &[
                ("q_identification_mode", "identification_1ton"),
                ("q_ai_remote_id", "post"),
                ("q_ai_emotion", "no"),
                ("q_ai_categorisation", "none"),
            ],
            true,
        ),
        // Presenting oneself at a terminal is not remote identification.
        (
            &[
                ("q_identification_mode", "identification_1ton"),
                ("q_ai_remote_id", "no"),
                ("q_ai_emotion", "no"),
                ("q_ai_categorisation", "none"),
            ],
            false,
        ),
        // 1:1 verification only: outside Annex III point 1.
        (
            &[
                ("q_identification_mode", "verification_1to1"),
                ("q_ai_verification_only", "yes"),
                ("q_ai_emotion", "no"),
                ("q_ai_categorisation", "none"),
            ],
            false,
        ),
        (&one_to_many, false),
    ];
    for (pairs, high_risk) in cases {
        let ids = shown(pairs);
        for d in DUTIES {
            assert_eq!(ids.contains(&d.to_string()), *high_risk, "{d} for {pairs:?}");
        }
        // Informing workers: only where the system is used on employees.
        assert!(!ids.contains(&"q_ai_workers_informed".to_string()), "workers without employees: {pairs:?}");
        let mut with_staff = pairs.to_vec();
        with_staff.push(("q_data_subjects", "employees,visitors"));
        assert_eq!(shown(&with_staff).contains(&"q_ai_workers_informed".to_string()), *high_risk, "{pairs:?}");
    }
}

#[test]
fn art_26_10_is_asked_for_post_remote_identification_in_law_enforcement_only() {
    let q = "q_ai_post_rbi_authorisation".to_string();
    let base = |mode: &'static str, context: &'static str| {
        shown(&[("q_identification_mode", "identification_1ton"), ("q_ai_remote_id", mode), ("q_context", context)])
    };
    assert!(base("post", "law_enforcement").contains(&q));
    assert!(!base("post", "retail").contains(&q));
    assert!(!base("realtime", "law_enforcement").contains(&q));
}

#[test]
fn each_duty_cites_its_article_and_its_measure_is_a_must_when_missing() {
    let bank = bank();
    let high_risk = [("q_ai_emotion", "yes"), ("q_ai_categorisation", "none"), ("q_data_subjects", "employees")];
    let post = [
        ("q_identification_mode", "identification_1ton"),
        ("q_ai_remote_id", "post"),
        ("q_context", "law_enforcement"),
    ];
    // Question, answer, provision, measure, the answers that make it asked.
    type Case<'a> = (&'a str, &'a str, &'a str, &'a str, &'a [(&'a str, &'a str)]);
    let cases: [Case; 7] = [
        ("q_ai_oversight", "no", "ai_act_26_2", "s_ai_oversight", &high_risk),
        ("q_ai_monitoring", "no", "ai_act_26_5", "s_ai_monitoring", &high_risk),
        ("q_ai_persons_informed", "no", "ai_act_26_11", "s_ai_inform_persons", &high_risk),
        ("q_ai_logs", "no", "ai_act_26_6", "s_ai_logs", &high_risk),
        ("q_ai_workers_informed", "no", "ai_act_26_7", "s_ai_inform_workers", &high_risk),
        ("q_ai_post_rbi_authorisation", "not_authorised", "ai_act_26_10", "s_ai_post_rbi_authorisation", &post),
        ("q_ai_post_rbi_authorisation", "untargeted", "ai_act_26_10", "s_ai_post_rbi_authorisation", &post),
    ];
    for (q, o, provision, safeguard, context) in cases {
        let question = bank.question(q).unwrap();
        for opt in &question.options {
            if !opt.raises.is_empty() || !opt.requires.is_empty() {
                assert!(opt.provisions.iter().any(|p| p == provision), "{q}.{}: cites {provision}", opt.id);
            }
        }
        assert!(bank.safeguard(safeguard).unwrap().provisions.iter().any(|p| p == provision), "{safeguard}");
        let mut pairs = context.to_vec();
        pairs.push((q, o));
        let r = evaluate(bank, &answers(&pairs), &Plan::new());
        let rec = r
            .recommendations
            .iter()
            .find(|x| x.safeguard == safeguard)
            .unwrap_or_else(|| panic!("{q}.{o}: {safeguard}"));
        assert_eq!(rec.priority, Priority::Must, "{q}.{o}");
    }
}

#[test]
fn the_new_ai_act_measures_are_never_proposed_where_no_answer_requires_them() {
    // They lower no risk by themselves: a fingerprint time clock with a poor notice and no
    // AI functions gets no AI Act measure.
    let r = evaluate(
        bank(),
        &answers(&[
            ("q_modality", "fingerprint"),
            ("q_tr_notice_timing", "not_informed"),
            ("q_gov_training", "no_training"),
            ("q_ai_emotion", "no"),
            ("q_ai_categorisation", "none"),
            ("q_data_subjects", "employees"),
        ]),
        &Plan::new(),
    );
    for s in [
        "s_ai_exposure_notice",
        "s_ai_oversight",
        "s_ai_logs",
        "s_ai_monitoring",
        "s_ai_inform_workers",
        "s_ai_inform_persons",
        "s_ai_post_rbi_authorisation",
    ] {
        assert!(!r.recommendations.iter().any(|x| x.safeguard == s), "{s} proposed");
    }
}

#[test]
fn the_articles_carry_the_dates_of_the_fact_sheet() {
    // findings-2026.md §1.3: Art. 50 from 2 August 2026, Art. 26 for Annex III systems from
    // 2 December 2027 (tests/law.rs checks that no other date is stated).
    let bank = bank();
    let (en, nl) = (Lang::parse("en").unwrap(), Lang::parse("nl").unwrap());
    for (id, en_date, nl_date) in [
        ("ai_act_50_3", "2 August 2026", "2 augustus 2026"),
        ("ai_act_26_2", "2 December 2027", "2 december 2027"),
        ("ai_act_26_5", "2 December 2027", "2 december 2027"),
        ("ai_act_26_11", "2 December 2027", "2 december 2027"),
        ("ai_act_26_6", "2 December 2027", "2 december 2027"),
        ("ai_act_26_7", "2 December 2027", "2 december 2027"),
        ("ai_act_26_10", "2 December 2027", "2 december 2027"),
        ("ai_act_27", "2 December 2027", "2 december 2027"),
    ] {
        let p = bank.provision(id).unwrap();
        assert!(p.title.get(en).contains(en_date), "{id} en: {}", p.title.get(en));
        assert!(p.title.get(nl).contains(nl_date), "{id} nl: {}", p.title.get(nl));
    }
    // Art. 4 as amended: the softened wording, and no date (from when it applies is unconfirmed).
    let art4 = bank.provision("ai_act_4").unwrap();
    assert!(art4.title.get(en).contains("2026/1744") && art4.title.get(en).contains("no particular level"));
    assert!(bank
        .question("q_gov_training")
        .unwrap()
        .options
        .iter()
        .all(|o| o.provisions.iter().any(|p| p == "ai_act_4")));
}

#[test]
fn informing_the_people_decided_about_is_owed_only_where_the_system_decides_about_them() {
    // Art. 26(11) (findings-2026.md §6.5): deployers of Annex III systems that make or assist
    // decisions about natural persons inform those persons.
    let bank = bank();
    let high_risk = [("q_ai_emotion", "yes"), ("q_ai_categorisation", "none")];
    let with = |o: &'static str| {
        let mut pairs = high_risk.to_vec();
        pairs.push(("q_ai_persons_informed", o));
        evaluate(bank, &answers(&pairs), &Plan::new())
    };
    let required = |r: &biodpia::domain::engine::Report| {
        r.recommendations.iter().any(|x| x.safeguard == "s_ai_inform_persons" && !x.required_by.is_empty())
    };
    let (no, none, yes) = (with("no"), with("no_decisions"), with("yes"));
    assert!(required(&no), "not informed: the measure is required");
    assert!(no.risk("r_covert").unwrap().raised_by.iter().any(|(c, _)| c.question == "q_ai_persons_informed"));
    for (r, what) in [(&none, "no decisions"), (&yes, "informed")] {
        assert!(!required(r), "{what}: nothing required");
        assert!(!r.risk("r_covert").unwrap().raised_by.iter().any(|(c, _)| c.question == "q_ai_persons_informed"));
    }
    assert!(yes.in_place.iter().any(|s| s == "s_ai_inform_persons"), "informed: the measure is in place");
    // Monitoring (Art. 26(5)) in place when answered yes.
    let mut pairs = high_risk.to_vec();
    pairs.push(("q_ai_monitoring", "yes"));
    assert!(evaluate(bank, &answers(&pairs), &Plan::new()).in_place.iter().any(|s| s == "s_ai_monitoring"));
}

//! The printable summary (src/ui/summary.rs) and its risk map (src/ui/heatmap.rs), rendered
//! natively with yew's server renderer, plus the reducer actions that edit it.

mod cases;

use std::rc::Rc;

use biodpia::domain::answers::{Answer, PlanItem, Status};
use biodpia::domain::engine::{self, Outcome, Position, Report};
use biodpia::domain::model::Kind;
use biodpia::i18n::{self, summary as sum};
use biodpia::i18n::{Get, Lang};
use biodpia::persist::assessment::{Assessment, SignOff, SignOffField, MAX_ADVICE_LEN, MAX_META_LEN};
use biodpia::persist::{record, transfer};
use biodpia::ui::cite::option_label;
use biodpia::ui::heatmap::{self, MapRisk, MarkerKind};
use biodpia::ui::state::{Action, Meta, PlanField, State, Step};
use biodpia::ui::summary::Summary;
use biodpia::ui::Shared;
use yew::prelude::*;
use yew::Reducible;

fn l(code: &str) -> Lang {
    Lang::parse(code).expect("language is built in")
}

#[derive(Properties, PartialEq)]
struct Props {
    lang: Lang,
    assessment: Assessment,
    print_copy: bool,
}

#[function_component]
fn Harness(props: &Props) -> Html {
    let bank = biodpia::bank::bank();
    let (lang, assessment) = (props.lang, props.assessment.clone());
    let state = use_reducer(move || {
        let mut s = State::new(bank, lang, assessment);
        s.step = Step::Summary;
        s
    });
    html! {
        <Summary lang={state.lang} assessment={Shared::from(&state.assessment)} report={Shared::from(&state.report)}
            print_copy={props.print_copy} dispatch={state.dispatcher()} />
    }
}

async fn render(lang: Lang, assessment: &Assessment, print_copy: bool) -> String {
    let assessment = assessment.clone();
    yew::ServerRenderer::<Harness>::with_props(move || Props { lang, assessment, print_copy })
        .hydratable(false)
        .render()
        .await
}

/// Text as yew writes it into HTML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A 20,000-character text with paragraphs, an unbroken 300-character token, characters
/// that must be escaped, and an end marker.
fn long_text() -> String {
    let mut s = String::new();
    let mut n = 0;
    while s.chars().count() < 19_950 {
        n += 1;
        s.push_str(&format!("Paragraph {n}: templates are kept on the badge & matched <locally> on the reader."));
        s.push_str(if n % 5 == 0 { "\n\n" } else { " " });
        if n == 3 {
            s.push_str(&"x".repeat(300));
            s.push(' ');
        }
    }
    let s: String = s.chars().take(19_950).collect();
    let s = format!("{s}{}", " END-OF-THE-LONG-DESCRIPTION");
    format!("{s}{}", "z".repeat(20_000 - s.chars().count()))
}

/// Every choice question answered with its riskiest option, the description texts filled in,
/// an answer on a question that these answers hide, an action plan line and a full sign-off.
fn filled() -> (Assessment, String, &'static str) {
    let bank = biodpia::bank::bank();
    let mut a = Assessment::new(&bank.version, "Gemeente Voorbeeld");
    a.title = "Toegang met vingerafdruk".into();
    cases::answer_riskiest(&mut a);
    let long = long_text();
    a.answers.insert("q_description".into(), Answer::Text(long.clone()));
    a.answers.insert("q_purpose_text".into(), Answer::Text("Purpose line one.\nPurpose line two.".into()));
    // An answer to a question these answers hide: kept, but never shown.
    let report = engine::evaluate(bank, &a.answers, &a.plan);
    let hidden = bank
        .questions()
        .find(|q| !report.visible.contains(&q.id) && !q.show_if.is_empty())
        .expect("some follow-up question is hidden by these answers");
    let answer = match hidden.kind {
        Kind::Text => Answer::Text("HIDDEN-ANSWER-TEXT".into()),
        Kind::Multi => Answer::Multi(vec![hidden.options[0].id.clone()]),
        _ => Answer::Choice(hidden.options[0].id.clone()),
    };
    a.answers.insert(hidden.id.clone(), answer);
    let first = report.recommendations[0].safeguard.clone();
    a.plan.insert(first, PlanItem { status: Status::Planned, owner: "Owner-Alpha".into(), due: "2026-12-15".into() });
    a.signoff = cases::full_signoff();
    // The answers the record holds follow it, as every change and every read makes them.
    biodpia::persist::record::derive(biodpia::bank::bank(), &mut a);
    (a, long, hidden.text.get(l("en")))
}

fn report(a: &Assessment) -> Report {
    engine::evaluate(biodpia::bank::bank(), &a.answers, &a.plan)
}

#[tokio::test]
async fn summary_shows_everything_a_dpo_signs() {
    let bank = biodpia::bank::bank();
    let (a, long, hidden_question) = filled();
    let r = report(&a);
    assert!(!r.recommendations.is_empty() && !r.cited_findings(bank).is_empty());
    for lang in [l("en"), l("nl")] {
        let t = i18n::strings(lang);
        let s = sum::strings(lang);
        let followed = bank.question("q_gov_dpo_followed").unwrap();
        let partly = biodpia::ui::cite::option_label(followed.option("partly_reasons").unwrap(), lang);
        for print_copy in [false, true] {
            let html = render(lang, &a, print_copy).await;
            let has = |x: &str| html.contains(x) || html.contains(&esc(x));
            assert!(has(t.outcome(r.decision.outcome).0), "{lang:?}: verdict");
            assert!(html.contains(&format!(">{}<", r.residual_score)), "{lang:?}: score");
            for rec in &r.recommendations {
                let title = bank.safeguard(&rec.safeguard).unwrap().title.get(lang);
                assert!(has(title), "{lang:?}: safeguard {title}");
            }
            for f in r.cited_findings(bank) {
                assert!(has(f.authority.get(lang)) && has(f.subject.get(lang)), "{lang:?}: finding {}", f.id);
                assert!(has(&f.source), "{lang:?}: source link of {}", f.id);
            }
            for risk in r.risks.iter().filter(|x| x.is_raised()) {
                assert!(has(bank.risk(&risk.risk).unwrap().title.get(lang)), "{lang:?}: risk {}", risk.risk);
            }
            // The DPIA technical sheet (0.5) lists each WP248 criterion met with the answers that
            // meet it, as the results page does (not only names the user did not tick).
            assert!(!r.screening.criteria.is_empty());
            let cover = html.split("data-testid=\"wp248\"").nth(1).expect("criteria list in 0.5");
            let cover = &cover[..cover.find("</ul>").unwrap()];
            for c in &r.screening.criteria {
                assert!(cover.contains(&esc(t.wp248(&c.id))), "{lang:?}: criterion {}", c.id);
                for by in &c.by {
                    let q = bank.question(&by.question).unwrap().text.get(lang);
                    assert!(cover.contains(&esc(q)), "{lang:?}: {} met by {}", c.id, by.question);
                }
            }
            for label in [
                s.measures_approved_by,
                s.residual_accepted_by,
                s.dpo_advice,
                s.dpo_followed,
                s.dpo_reasons,
                s.review_date,
            ] {
                assert!(has(label), "{lang:?}: sign-off label {label}");
            }
            for value in [
                "Jan Jansen, director",
                "Petra de Vries, CISO",
                "Advice line one.\nAdvice line two.",
                "Budget reasons",
                &t.date("2027-03-31"),
                &partly,
            ] {
                assert!(has(value), "{lang:?}: sign-off value {value:?}");
            }
            assert!(
                has("Owner-Alpha") && has(&t.date("2026-12-15")) && has(t.status_planned),
                "{lang:?}: action plan line"
            );
            assert!(
                has("Toegang met vingerafdruk") && has("Gemeente Voorbeeld") && has(&bank.version),
                "{lang:?}: header details"
            );
            // The whole 20,000-character text, line breaks and all, escaped, exactly once
            // (under 1.2; nothing repeats it).
            assert_eq!(long.chars().count(), 20_000);
            assert_eq!(html.matches(&esc(&long)).count(), 1, "{lang:?}: the long description, once");
            assert!(!html.contains("<locally>"), "free text is escaped");
            assert!(has("Purpose line one.\nPurpose line two."));
            // Hidden questions and their answers stay out.
            assert!(!html.contains("HIDDEN-ANSWER-TEXT"));
            if lang == l("en") {
                assert!(!has(hidden_question), "hidden question {hidden_question:?} is not listed");
            }
            // Every visible question is listed with its text.
            for q in bank.questions().filter(|q| r.visible.contains(&q.id)) {
                assert!(has(q.text.get(lang)), "{lang:?}: question {}", q.id);
            }
            // The risk map: an image with a title and a description, two markers per risk.
            assert!(html.contains(r#"role="img""#) && html.contains("<title") && html.contains("<desc"));
            let raised = r.risks.iter().filter(|x| x.is_raised()).count();
            let markers: Vec<&str> =
                html.split("<g data-risk=\"").skip(1).map(|m| m.split('>').next().unwrap()).collect();
            assert_eq!(
                markers.iter().filter(|m| m.contains("bd-hm-inherent")).count(),
                raised,
                "{lang:?}: hollow markers"
            );
            assert_eq!(
                markers.iter().filter(|m| m.contains("bd-hm-residual")).count(),
                raised,
                "{lang:?}: filled markers"
            );
            // The running header is in the document table's header (repeated on every page).
            assert!(html.contains("<thead class=\"bd-sum-doc-head\">"));
            if print_copy {
                for tag in ["<input", "<select", "<textarea", "<button"] {
                    assert!(!html.contains(tag), "{lang:?}: the print copy has no {tag}");
                }
                assert!(html.contains("bd-print-copy"));
            } else {
                for tag in ["<input", "<select", "<textarea"] {
                    for rest in html.split(tag).skip(1) {
                        let id = rest.split("id=\"").nth(1).and_then(|x| x.split('"').next()).unwrap_or("");
                        assert!(
                            !id.is_empty() && html.contains(&format!("for=\"{id}\"")),
                            "{lang:?}: control {id:?} has a label"
                        );
                    }
                }
                assert!(has(t.print), "{lang:?}: print button");
            }
        }
    }
}

#[tokio::test]
async fn empty_assessment_still_renders_a_signable_summary() {
    let bank = biodpia::bank::bank();
    let a = Assessment::new(&bank.version, "");
    let html = render(l("nl"), &a, true).await;
    let s = sum::strings(l("nl"));
    assert!(html.contains(s.untitled));
    assert!(html.contains(s.not_answered));
    assert!(html.contains(s.measures_approved_by));
    let open = biodpia::engine::evaluate(bank, &a.answers, &a.plan).unanswered.len();
    assert!(open > 1);
    assert!(html.contains(&i18n::strings(l("nl")).provisional(open)), "the plural form for {open} open questions");
}

#[test]
fn risk_map_places_markers_in_their_cells_without_overlap() {
    // Likelihood 4 is the top row, severity 4 the right column.
    let top_right = heatmap::cell_origin(Position { likelihood: 4, severity: 4 });
    let bottom_left = heatmap::cell_origin(Position { likelihood: 1, severity: 1 });
    assert!(top_right.1 < bottom_left.1 && top_right.0 > bottom_left.0);
    // Up to 20 risks all in one cell (40 markers).
    for n in [1usize, 6, 7, 12, 20] {
        let same = Position { likelihood: 3, severity: 3 };
        let risks: Vec<MapRisk> = (1..=n)
            .map(|i| MapRisk { number: i, title: format!("r{i}"), inherent: same, residual: same, planned: same })
            .collect();
        let markers = heatmap::layout(&risks);
        assert_eq!(markers.len(), 2 * n);
        for (i, m) in markers.iter().enumerate() {
            let (x0, y0) = heatmap::cell_origin(m.position);
            assert!(m.x - m.r >= x0 && m.x + m.r <= x0 + heatmap::CELL_W, "n={n}: marker {i} inside horizontally");
            assert!(
                m.y - m.r >= y0 + 16.0 && m.y + m.r <= y0 + heatmap::CELL_H,
                "n={n}: marker {i} inside, below the label"
            );
            for o in &markers[..i] {
                let d = ((m.x - o.x).powi(2) + (m.y - o.y).powi(2)).sqrt();
                assert!(d >= m.r + o.r, "n={n}: markers overlap");
            }
        }
        // A risk's hollow and filled markers sit side by side, hollow first.
        assert_eq!(markers[0].kind, MarkerKind::Inherent);
        assert_eq!((markers[1].kind, markers[1].number), (MarkerKind::Residual, 1));
    }
    let moved = MapRisk {
        number: 1,
        title: "r".into(),
        inherent: Position { likelihood: 4, severity: 4 },
        residual: Position { likelihood: 2, severity: 3 },
        planned: Position { likelihood: 2, severity: 3 },
    };
    let m = heatmap::layout(&[moved]);
    let cell = |p: Position| heatmap::cell_origin(p);
    let inside = |m: &heatmap::Marker, p: Position| {
        let (x0, y0) = cell(p);
        m.x > x0 && m.x < x0 + heatmap::CELL_W && m.y > y0 && m.y < y0 + heatmap::CELL_H
    };
    let inh = m.iter().find(|x| x.kind == MarkerKind::Inherent).unwrap();
    let res = m.iter().find(|x| x.kind == MarkerKind::Residual).unwrap();
    assert!(
        inside(inh, Position { likelihood: 4, severity: 4 }) && inside(res, Position { likelihood: 2, severity: 3 })
    );
}

#[derive(Properties, PartialEq)]
struct MapProps {
    lang: Lang,
    risks: Vec<MapRisk>,
}

#[function_component]
fn MapHarness(props: &MapProps) -> Html {
    heatmap::heat_map(props.lang, &props.risks)
}

#[tokio::test]
async fn risk_map_shows_the_position_with_planned_measures_where_it_differs() {
    let p = |likelihood, severity| Position { likelihood, severity };
    let risk = |planned| MapRisk { number: 1, title: "r".into(), inherent: p(4, 4), residual: p(3, 3), planned };
    // Planned measures that change nothing: two markers, as before.
    assert!(heatmap::layout(&[risk(p(3, 3))]).iter().all(|m| m.kind != MarkerKind::Planned));
    let m = heatmap::layout(&[risk(p(1, 3))]);
    assert_eq!(m.len(), 3);
    let planned = m.iter().find(|x| x.kind == MarkerKind::Planned).expect("a third marker");
    assert_eq!((planned.number, planned.position), (1, p(1, 3)));
    // The printed map says it, in its key, legend and description, in both languages.
    for code in ["en", "nl"] {
        let lang = l(code);
        let s = sum::strings(lang);
        let render = |planned| {
            yew::LocalServerRenderer::<MapHarness>::with_props(MapProps { lang, risks: vec![risk(planned)] }).render()
        };
        let html = render(p(1, 3)).await;
        assert!(html.contains("bd-hm-planned"), "{code}: planned marker");
        assert!(html.contains(&esc(s.heatmap_key_planned)), "{code}: key");
        let html = render(p(3, 3)).await;
        assert!(!html.contains("bd-hm-planned") && !html.contains(&esc(s.heatmap_key_planned)), "{code}: none");
    }
}

#[test]
fn reducer_edits_details_and_sign_off_within_limits() {
    let bank = biodpia::bank::bank();
    let state = Rc::new(State::new(bank, l("en"), Assessment::new(&bank.version, "Host org")));
    let state = state.reduce(Action::SetMeta(Meta::Title, "é".repeat(MAX_META_LEN + 50)));
    assert_eq!(state.assessment.title.chars().count(), MAX_META_LEN);
    let state = state.reduce(Action::SetMeta(Meta::Organisation, "Gemeente Y".into()));
    assert_eq!(state.assessment.organisation, "Gemeente Y");
    let state = [
        (SignOffField::MeasuresApprovedBy, "x".repeat(MAX_META_LEN + 1)),
        (SignOffField::DpoAdvice, "a".repeat(MAX_ADVICE_LEN + 1)),
        (SignOffField::DpoAdviceFollowed, "maybe".into()),
        (SignOffField::ReviewDate, "31-03-2027".into()),
    ]
    .into_iter()
    .fold(state, |s, (f, v)| s.reduce(Action::SetSignOffField(f, v)));
    let so = state.assessment.signoff.clone();
    assert_eq!(so.measures_approved_by.len(), MAX_META_LEN);
    assert_eq!(so.dpo_advice.len(), MAX_ADVICE_LEN);
    assert_eq!(so.dpo_advice_followed, "", "only the options of q_gov_dpo_followed are kept");
    assert_eq!(so.review_date, "", "only ISO dates are kept");
    let state = state
        .reduce(Action::SetSignOffField(SignOffField::DpoAdviceFollowed, "no".into()))
        .reduce(Action::SetSignOffField(SignOffField::ReviewDate, "2027-03-31".into()));
    assert_eq!(state.assessment.signoff.dpo_advice, so.dpo_advice, "the other fields are kept");
    assert_eq!(
        (state.assessment.signoff.dpo_advice_followed.as_str(), state.assessment.signoff.review_date.as_str()),
        ("not_followed", "2027-03-31"),
        "the older value \"no\" is read as the option it meant"
    );
    // The sign-off survives saving and reading back (older saves without the reasons field too).
    let json = biodpia::persist::assessment::write(&state.assessment);
    // The owner of a plan line is capped like the other names; the status is read.
    let sid = bank.safeguards[0].id.clone();
    let planned = state
        .clone()
        .reduce(Action::SetPlanField(sid.clone(), PlanField::Owner, "o".repeat(MAX_META_LEN + 9)))
        .reduce(Action::SetPlanField(sid.clone(), PlanField::Status, "planned".into()));
    assert_eq!(planned.assessment.plan[&sid].owner.len(), MAX_META_LEN);
    assert_eq!(planned.assessment.plan[&sid].status, Status::Planned);
    assert_eq!(biodpia::persist::assessment::read(json.as_bytes()).unwrap().signoff, state.assessment.signoff);
    let old = json.replace(",\"dpo_advice_reasons\":\"\"", "");
    assert!(!old.contains("dpo_advice_reasons"));
    assert_eq!(biodpia::persist::assessment::read(old.as_bytes()).unwrap().signoff.dpo_advice_reasons, "");

    // Results -> Summary with Next, back with Back.
    let state = state.reduce(Action::Goto(Step::Results)).reduce(Action::Next);
    assert_eq!(state.step, Step::Summary);
    assert_eq!(state.reduce(Action::Back).step, Step::Results);
}

#[test]
fn editing_one_sign_off_field_never_cuts_another_imported_long_text() {
    use biodpia::persist::assessment::MAX_ADVICE_LEN;
    let long = "a".repeat(MAX_ADVICE_LEN + 500);
    let stored = SignOff { dpo_advice: long.clone(), ..Default::default() };
    let mut after = stored.clone();
    after.set(SignOffField::ReviewDate, "2027-01-31");
    assert_eq!(after.dpo_advice, long, "untouched field kept in full");
    assert_eq!(after.review_date, "2027-01-31");
    // A field the user does change is still checked.
    after.set(SignOffField::ReviewDate, "31-01-2027");
    assert_eq!(after.review_date, "");
    after.set(SignOffField::DpoAdvice, &long);
    assert_eq!(after.dpo_advice.chars().count(), SignOffField::DpoAdvice.max_len());
}

// ---------------------------------------------------------------------------------------
// The decision record (issue 15 item 3)

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exports").join(name)).unwrap()
}

/// The label of an option of `q_gov_dpo_followed` in `lang`.
fn followed_label(option: &str, lang: Lang) -> String {
    let q = biodpia::bank::bank().question(record::FOLLOWED_QUESTION).unwrap();
    option_label(q.option(option).unwrap(), lang)
}

/// The text of the first element after `from` in `html` (">text<").
fn next_text(html: &str, from: usize) -> String {
    let rest = &html[from..];
    let mut i = 0;
    while let Some(open) = rest[i..].find('>') {
        let start = i + open + 1;
        let end = start + rest[start..].find('<').unwrap_or(rest.len() - start);
        let text = rest[start..end].trim();
        if !text.is_empty() && !text.starts_with('\u{2192}') {
            return text.to_string();
        }
        i = end;
    }
    String::new()
}

#[tokio::test]
async fn the_dpo_advice_status_is_the_same_wherever_it_is_shown() {
    let bank = biodpia::bank::bank();
    // The DPO's walk-through: the wizard said "not yet received", the sign-off "partly".
    let (a, _) = transfer::import(bank, &fixture("archive_door_format3_dpo_partly.json")).unwrap();
    let q = bank.question(record::FOLLOWED_QUESTION).unwrap();
    for lang in [l("en"), l("nl")] {
        let html = render(lang, &a, true).await;
        let partly = esc(&followed_label("partly_reasons", lang));
        let pending = esc(&followed_label("pending", lang));
        // The record's row prints its status.
        let row = html.find("data-field=\"dpo_advice_followed\"").expect("the record has the row");
        let line = &html[row..row + html[row..].find("</tr>").unwrap()];
        assert!(line.contains(&format!(">{partly}<")), "{lang:?}: record row {line}");
        // Every place that names the question (the annex of answers, a risk's causes) gives the
        // same status right after it.
        let text = esc(q.text.get(lang));
        let places: Vec<usize> = html.match_indices(&text).map(|(i, _)| i + text.len()).collect();
        assert!(!places.is_empty(), "{lang:?}: the annex lists the question");
        for at in places {
            assert_eq!(next_text(&html, at), partly, "{lang:?}: after the question at {at}");
        }
        // The advice itself is printed once, in the record (the annex of answers refers to it).
        assert_eq!(html.matches(&esc(&a.signoff.dpo_advice)).count(), 1, "{lang:?}: the advice, once");
        assert!(html.contains(&esc(biodpia::i18n::template::strings(lang).in_record)), "{lang:?}");
        // And the contradicting old status appears nowhere in the report.
        assert!(!html.contains(&format!(">{pending}<")), "{lang:?}: \"{pending}\" is not printed");
    }
}

#[tokio::test]
async fn the_record_prints_the_decision_its_proposal_and_dates_as_the_language_writes_them() {
    let bank = biodpia::bank::bank();
    let (mut a, _) = transfer::import(bank, &fixture("archive_door_format3_dpo_partly.json")).unwrap();
    let outcome = engine::evaluate(bank, &a.answers, &a.plan).decision.outcome;
    assert_eq!(outcome, Outcome::MeasuresNotPlanned, "the archive door still has a measure not planned");
    for lang in [l("en"), l("nl")] {
        let t = i18n::strings(lang);
        let s = sum::strings(lang);
        let html = render(lang, &a, true).await;
        assert!(html.contains(&esc(s.signoff)) && html.contains(&esc(s.decision)), "{lang:?}");
        assert!(html.contains(&esc(s.decision_none_proposed)), "{lang:?}: no proposal while measures are unplanned");
        // The review date of the old file, as the language writes it.
        let date = t.date("2027-12-01");
        assert_eq!(date, if lang == l("en") { "1 December 2027" } else { "1 december 2027" });
        assert!(html.contains(&format!(">{date}<")), "{lang:?}: {date}");
        assert!(!html.contains(">2027-12-01<"), "{lang:?}: no ISO date printed");
    }
    // The controller approves although the assessment says otherwise: the report says so.
    for (f, v) in [
        (SignOffField::Decision, "approved"),
        (SignOffField::DecisionDate, "2027-03-01"),
        (SignOffField::DecidedBy, "Mr. A. Bakker"),
        (SignOffField::DecidedByRole, "Gemeentesecretaris"),
        (SignOffField::DpoName, "Drs. K. Smit"),
        (SignOffField::DpoAdviceDate, "2026-11-12"),
        (SignOffField::DpoAdviceDecidedBy, "College van B en W"),
        (SignOffField::ViewsSummary, "De OR stemde in."),
        (SignOffField::ConsultationReviewedBy, "P. Jansen"),
        (SignOffField::KeptUnderReviewBy, "Team Informatiebeveiliging"),
    ] {
        record::set_field(biodpia::bank::bank(), &mut a, f, v);
    }
    a.answers.insert(record::VIEWS_QUESTION.into(), Answer::Multi(vec!["works_council".into()]));
    let views = bank.question(record::VIEWS_QUESTION).unwrap();
    for lang in [l("en"), l("nl")] {
        let t = i18n::strings(lang);
        let s = sum::strings(lang);
        let html = render(lang, &a, true).await;
        assert!(html.contains(&format!(">{}<", esc(t.outcome(Outcome::Approved).0))), "{lang:?}: the decision");
        let differs = s.decision_differs(t.outcome_short(outcome));
        assert!(html.contains(&esc(&differs)), "{lang:?}: {differs}");
        assert!(html.contains(&format!(">{}<", t.date("2027-03-01"))), "{lang:?}: decision date");
        assert!(html.contains(&format!(">{}<", t.date("2026-11-12"))), "{lang:?}: date of the advice");
        for v in ["Mr. A. Bakker", "Gemeentesecretaris", "Drs. K. Smit", "P. Jansen", "Team Informatiebeveiliging"] {
            assert!(html.contains(&format!(">{v}<")), "{lang:?}: {v}");
        }
        let council = option_label(views.option("works_council").unwrap(), lang);
        assert!(html.contains(&esc(&s.views_sought(&council))), "{lang:?}: whose views were sought");
    }
    // Reasons missing are named.
    record::set_field(biodpia::bank::bank(), &mut a, SignOffField::DpoAdviceReasons, "");
    let html = render(l("nl"), &a, true).await;
    assert!(html.contains(&esc(sum::strings(l("nl")).reasons_missing)));
}

/// Renders the summary on screen (not the print copy) showing signed version `shown`, or the
/// working revision.
async fn render_shown(lang: Lang, assessment: &Assessment, shown: Option<u32>) -> String {
    #[derive(Properties, PartialEq)]
    struct P {
        lang: Lang,
        assessment: Assessment,
        shown: Option<u32>,
    }
    #[function_component]
    fn H(props: &P) -> Html {
        let bank = biodpia::bank::bank();
        let (lang, assessment) = (props.lang, props.assessment.clone());
        let state = use_reducer(move || State::new(bank, lang, assessment));
        html! {
            <Summary lang={state.lang} assessment={Shared::from(&state.assessment)} report={Shared::from(&state.report)}
                shown={props.shown} dispatch={state.dispatcher()} />
        }
    }
    let assessment = assessment.clone();
    yew::ServerRenderer::<H>::with_props(move || P { lang, assessment, shown }).hydratable(false).render().await
}

#[tokio::test]
async fn a_signed_version_is_read_only_with_its_fingerprint_and_stays_printable() {
    let bank = biodpia::bank::bank();
    let (mut a, _) = transfer::import(bank, &fixture("archive_door_format3_dpo_partly.json")).unwrap();
    for (f, v) in [
        (SignOffField::Decision, "consultation"),
        (SignOffField::DecisionDate, "2027-03-01"),
        (SignOffField::DecidedBy, "A. Bakker"),
    ] {
        record::set_field(biodpia::bank::bank(), &mut a, f, v);
    }
    let working = render_shown(l("en"), &a, None).await;
    assert!(
        working.contains("bd-sum-so-decision") && working.contains("data-testid=\"sign\""),
        "a draft is editable and signable"
    );
    biodpia::persist::version::sign(bank, &mut a, "A. Bakker", "2027-03-01T10:00:00Z").unwrap();
    let fp = a.versions[0].fingerprint_grouped();
    for lang in [l("en"), l("nl")] {
        let t = i18n::strings(lang);
        for html in [render_shown(lang, &a, None).await, render(lang, &a, true).await] {
            assert!(html.contains(&fp), "{lang:?}: the fingerprint is shown and printed");
            assert!(html.contains(&esc(&t.version_signed(1, t.date("2027-03-01"), "A. Bakker"))), "{lang:?}");
            assert!(
                html.contains(&esc(&t.version_running(1, &a.versions[0].fingerprint[..8]))),
                "{lang:?}: running header"
            );
            assert!(!html.contains("id=\"bd-sum-so-decision\""), "{lang:?}: read-only");
            assert!(!html.contains("data-testid=\"summary-title\""), "{lang:?}: no details form");
        }
    }
    // Revision 2 changes the decision maker; version 1 still shows (and prints) as signed.
    a.start_revision();
    record::set_field(biodpia::bank::bank(), &mut a, SignOffField::DecidedBy, "B. de Vries");
    let draft = render_shown(l("en"), &a, None).await;
    let t = i18n::strings(l("en"));
    assert!(
        draft.contains(&esc(&t.draft_revision(2))) && draft.contains(&fp),
        "the draft names the version it follows"
    );
    assert!(draft.contains("B. de Vries") && draft.contains("id=\"bd-sum-so-decided-by\""));
    let old = render_shown(l("en"), &a, Some(1)).await;
    assert!(old.contains("A. Bakker") && !old.contains("B. de Vries"), "version 1 as signed");
    assert!(old.contains(&esc(&t.viewing_version(1))) && !old.contains("id=\"bd-sum-so-decided-by\""));
}

// ---------------------------------------------------------------------------------------
// The EDPB DPIA template (issue 15 items 1 and 7)

#[tokio::test]
async fn the_summary_follows_the_edpb_template_section_by_section() {
    use biodpia::report::outline::{self, Entry, Outline, NUMBERS};
    let bank = biodpia::bank::bank();
    let (mut a, _, _) = filled();
    // The archive door's answers: a decision with answers that would change it.
    let (door, _) = transfer::import(bank, &fixture("archive_door_2026.11.2.json")).unwrap();
    a.answers = door.answers;
    a.plan = door.plan;
    biodpia::persist::record::derive(biodpia::bank::bank(), &mut a);
    let r = report(&a);
    let o = Outline::new(bank, &r, &a);
    let why = engine::explain(bank, &a.answers, &a.plan);
    assert!(!r.decision_view(bank, &why).why.is_empty());
    for lang in [l("en"), l("nl")] {
        for print_copy in [false, true] {
            let html = render(lang, &a, print_copy).await;
            // Every heading of the template, in its order.
            let mut at = 0;
            for n in NUMBERS {
                let h = format!(">{}<", esc(&outline::title(lang, n)));
                at += html[at..].find(&h).unwrap_or_else(|| panic!("{lang:?}: {h} after byte {at}"));
            }
            // The cover, then each section in a row of its own (a printed page each), then the
            // annexes.
            let rows: Vec<&str> = html.split("<tr class=\"bd-sum-row\"").skip(1).collect();
            assert!(rows[0].contains("bd-sum-cover") && !rows[0].contains("data-section="));
            for (i, row) in rows[1..8].iter().enumerate() {
                assert_eq!(row.matches("data-section=").count(), 1, "{lang:?}: row {}", i + 1);
                assert!(row.contains(&format!("data-section=\"{i}\"")), "{lang:?}: section {i} in row {}", i + 1);
            }
            assert!(rows[8].contains("bd-sum-h-answers") && rows[8].contains("bd-sum-h-findings"));
            // The DPO's lines of the record in 5.1, the views in 5.2, the controller's in 6; the
            // decision with why in 6; the signed-version block after it.
            for (field, row) in [
                ("dpo_advice", 6),
                ("dpo_advice_followed", 6),
                ("views_summary", 6),
                ("decision", 7),
                ("review_date", 7),
            ] {
                let needle = format!("data-field=\"{field}\"");
                assert_eq!(html.matches(&needle).count(), 1, "{lang:?}: {field} once");
                assert!(rows[row].contains(&needle), "{lang:?}: {field} in section {}", row - 1);
            }
            assert!(rows[7].contains("data-testid=\"sum-decision\"") && rows[7].contains("data-testid=\"sum-why\""));
            // Every question asked is printed once where the outline puts it; a later field
            // that takes it too refers to it.
            for id in &r.visible {
                let refs = o
                    .nodes
                    .iter()
                    .flat_map(|n| n.content.iter().flat_map(|c| &c.entries))
                    .filter(|e| matches!(e, Entry::See(q, _) if q.id == *id))
                    .count();
                let printed = html.matches(&format!("data-question=\"{id}\"")).count();
                let fria = o.fria.iter().flat_map(|f| &f.items).filter(|i| i.question.id == *id).count();
                assert_eq!(printed + fria, 1 + refs, "{lang:?}: {id}");
            }
            // A field left empty by the answers says so.
            let not_asked = o.nodes.iter().filter(|n| n.content.as_ref().is_some_and(|c| c.not_asked())).count();
            assert_eq!(html.matches("data-testid=\"not-asked\"").count(), not_asked, "{lang:?}");
        }
    }
}

#[tokio::test]
async fn the_results_and_the_print_say_why_advice_not_followed_is_or_is_not_a_risk() {
    let bank = biodpia::bank::bank();
    let (mut a, _) = transfer::import(bank, &fixture("archive_door_2026.11.2.json")).unwrap();
    record::set_field(bank, &mut a, SignOffField::DpoAdviceFollowed, "not_followed");
    for lang in [l("en"), l("nl")] {
        let t = i18n::strings(lang);
        let html = render(lang, &a, true).await;
        assert!(html.contains(&esc(t.decision_deviation)), "{lang:?}: the deviation is named");
        assert!(!html.contains(&esc(t.deviation_documented)), "{lang:?}: not documented yet");
        let risk = bank.risk("r_unlawful").unwrap().title.get(lang);
        assert!(html.contains(&esc(&t.deviation_no_reasons_risk(lang.quote(risk)))), "{lang:?}: and why it is a risk");
    }
    record::set_field(bank, &mut a, SignOffField::DpoAdviceReasons, "Budget: centrale opslag tot 2028.");
    for lang in [l("en"), l("nl")] {
        let html = render(lang, &a, true).await;
        assert!(html.contains(&esc(i18n::strings(lang).deviation_documented)), "{lang:?}: a documented deviation");
        assert!(html.contains(&esc(sum::strings(lang).reasons_recorded)), "{lang:?}: the record says so");
    }
}

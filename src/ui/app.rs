//! The root component: loads the saved assessment, saves every change, lays out header,
//! section navigation and the current step.

use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static as S;

use super::doc::Doc;
use super::manager;
use super::state::{Notice, State, Step};
use super::summary::Summary;
use super::{Button, Nav, BTN};
use crate::domain::engine::Report;
use crate::i18n::{strings, Get, Lang, LANGS};

/// Options the host page gives through data attributes.
#[derive(Properties, PartialEq, Clone)]
pub struct Config {
    pub lang: Lang,
    #[prop_or_default]
    pub organisation: String,
    #[prop_or_else(|| "default".to_string())]
    pub namespace: String,
}

/// The state the widget starts with: the assessment storage opened (see `manager::boot`).
fn initial(config: &Config, boot: &manager::Boot) -> State {
    let mut state = State::new(crate::bank::bank(), config.lang, boot.assessment.clone());
    state.id = boot.id.clone();
    state.notice = boot.notice;
    state
}

#[function_component]
pub fn App(config: &Config) -> Html {
    let boot = {
        let (namespace, organisation) = (config.namespace.clone(), config.organisation.clone());
        use_memo((), move |_| manager::boot(&namespace, &organisation))
    };
    let state = use_reducer(|| initial(config, &boot));
    // The skip link moves focus itself: inside a host page's shadow root (web/embed.js) a
    // "#bd-main" fragment would not find the element and would change the host page's URL.
    let main_ref = use_node_ref();
    let onskip = {
        let main_ref = main_ref.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            if let Some(main) = main_ref.cast::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        })
    };
    let t = strings(state.lang);
    let bank = state.bank;

    // Autosave every change (a failed save leaves the stored copy as it was), watch other
    // tabs, and hold the messages of src/ui/manager.rs.
    let persistence = manager::use_persistence(&state, &config.namespace, &config.organisation, boot.message.clone());
    // Focus moves to the heading of a wizard section, the results or the list when that step
    // opens, for keyboard and screen reader users (the summary focuses its own heading).
    let heading = use_node_ref();
    let opened = match state.step {
        Step::Section(i) => i + 1,
        Step::Results => usize::MAX,
        Step::Assessments => usize::MAX - 1,
        Step::Summary => 0,
    };
    super::use_focus(&heading, opened);

    let report = &state.report;
    let mut doc = Doc::new();
    let d = &mut doc;
    d.open_attrs("div", &["class", "data-testid", "lang"], &["bd-app", "app", state.lang.code()]);
    d.add(html! { <a class="bd-skip" href="#bd-main" onclick={onskip}>{ t.skip_to_content }</a> });
    d.open("header", "bd-header");
    d.open("div", "bd-brand");
    d.leaf("h1", "", t.app_title);
    d.leaf("p", "bd-tagline", t.app_tagline);
    d.close();
    d.open("div", "bd-header-tools");
    d.add(super::button(
        Button {
            class: BTN,
            testid: Some("nav-assessments"),
            aria_current: (state.step == Step::Assessments).then_some("page"),
            label: crate::i18n::manager::strings(state.lang).assessments,
            ..Default::default()
        },
        super::send(&state, Nav::Goto(Step::Assessments)),
    ));
    d.open("div", "bd-lang");
    d.open_static("label", &[("for", S("bd-lang"))]);
    d.text(t.language);
    d.close();
    let onchange = super::on_change(&state, super::Edit::Lang);
    d.add(html! {
        <select id="bd-lang" data-testid="lang" {onchange}>
            { for LANGS.iter().map(|l| html! {
                <option value={l.code} lang={l.code} selected={state.lang.code() == l.code}>{ l.name }</option>
            }) }
        </select>
    });
    d.close();
    d.open_static(
        "div",
        &[("class", S("bd-live")), ("role", S("status")), ("aria-live", S("polite")), ("data-testid", S("live-risk"))],
    );
    d.leaf("span", "bd-live-label", t.live_risk);
    d.group();
    if report.answered == 0 {
        d.leaf("span", "bd-live-score", t.live_not_started);
    } else {
        super::results::level_badge(d, t, Report::band(report.residual_score));
        d.leaf_string("span", "bd-live-score", format!("{} {}/100", t.score, report.residual_score));
    }
    d.close();
    d.close();
    d.close();
    d.close();

    d.group();
    if let Some(n) = state.notice {
        let text = match n {
            Notice::StorageCorrupt => t.storage_corrupt,
            Notice::StorageFull => t.storage_full,
            Notice::StorageUnavailable => t.storage_unavailable,
        };
        d.open_static("div", &[("class", S("bd-notice")), ("role", S("alert")), ("data-testid", S("notice"))]);
        d.leaf("p", "", text);
        d.group();
        if n == Notice::StorageFull {
            d.add(manager::export_current(&state, &persistence));
        }
        d.close();
        d.add(super::button(
            Button { class: BTN, label: t.dismiss, ..Default::default() },
            super::send(&state, Nav::DismissNotice),
        ));
        d.close();
    }
    d.close();
    d.add(manager::messages(&state, &persistence));

    d.open("div", "bd-layout");
    d.open_attrs("nav", &["class", "aria-label"], &["bd-nav bd-noprint", t.sections]);
    let total = report.visible.len();
    d.open("div", "bd-progress");
    d.open_static("label", &[("for", S("bd-progress"))]);
    d.text(t.progress_label);
    d.close();
    d.open_attrs(
        "progress",
        &["id", "max", "value"],
        &["bd-progress", &total.to_string(), &report.answered.to_string()],
    );
    d.close();
    d.leaf_string("span", "", t.answered_of(report.answered, total));
    d.close();
    d.open("ol", "");
    d.group();
    for (i, s) in bank.sections.iter().enumerate() {
        let visible: Vec<&String> =
            s.questions.iter().map(|q| &q.id).filter(|id| report.visible.contains(id)).collect();
        let done = visible
            .iter()
            .filter(|id| state.assessment.answers.get(id.as_str()).is_some_and(|a| !a.is_empty()))
            .count();
        let complete = done == visible.len();
        let mut p = Doc::new();
        p.open("span", "bd-nav-progress");
        p.string(format!("{done}/{}", visible.len()));
        p.group();
        if complete {
            p.leaf_string("span", "bd-sr", format!(" {}", t.complete));
            p.open_static("span", &[("aria-hidden", S("true"))]);
            p.text(" ✓");
            p.close();
        }
        nav_item(d, &state, Step::Section(i), "bd-nav-item", complete, None, s.title.get(state.lang), p.finish());
    }
    d.close();
    nav_item(d, &state, Step::Results, "bd-nav-item bd-nav-results", false, Some("nav-results"), t.results, html! {});
    // Also `bd-nav-results`: tests count the section entries as `.bd-nav-item:not(.bd-nav-results)`.
    nav_item(
        d,
        &state,
        Step::Summary,
        "bd-nav-item bd-nav-results bd-nav-summary",
        false,
        Some("nav-summary"),
        t.summary,
        html! {},
    );
    d.close();
    d.close();

    let main = match state.step {
        Step::Section(i) => super::questions::section_view(&state, i, &heading),
        Step::Results => {
            html! { <>{ super::results::results(&state, &heading) }{ manager::no_longer_asked(&state) }</> }
        }
        Step::Assessments => manager::manager(&state, &persistence, &heading),
        Step::Summary => html! { <Summary state={state.clone()} /> },
    };
    // On every other step a hidden copy of the summary is in the DOM, so printing from
    // anywhere prints the summary (the print stylesheet shows only `.bd-summary`).
    let print_copy = (state.step != Step::Summary).then(|| html! { <Summary state={state.clone()} print_copy=true /> });
    d.add(html! { <main id="bd-main" class="bd-main" tabindex="-1" ref={main_ref}>{ main }{ for print_copy }</main> });
    d.close();
    d.close();
    doc.finish()
}

/// One entry of the section navigation: `class`, then `bd-current` when it is the open step
/// and `bd-done` when `done`.
#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn nav_item(
    d: &mut Doc,
    state: &UseReducerHandle<State>,
    step: Step,
    class: &'static str,
    done: bool,
    testid: Option<&'static str>,
    title: &str,
    progress: Html,
) {
    let current = state.step == step;
    let mut class = class.to_string();
    if current {
        class.push_str(" bd-current");
    }
    if done {
        class.push_str(" bd-done");
    }
    d.open_attrs("li", &["class"], &[&class]);
    d.add(html! {
        <button type="button" data-testid={testid} onclick={super::send(state, Nav::Goto(step))} aria-current={current.then_some("step")}>
            <span class="bd-nav-title">{ title }</span>
            { progress }
        </button>
    });
    d.close();
}

//! The root component: loads the saved assessment, saves every change, lays out header,
//! section navigation and the current step.

use yew::prelude::*;

use super::manager;
use super::summary::Summary;
use super::state::{Notice, State, Step};
use super::{Button, Nav, BTN};
use crate::domain::engine::Report;
use crate::domain::model::Lang;
use crate::i18n::{self, strings};

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
    let persistence =
        manager::use_persistence(&state, &config.namespace, &config.organisation, boot.message.clone());
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

    let notice = state.notice.map(|n| {
        let text = match n {
            Notice::StorageCorrupt => t.storage_corrupt,
            Notice::StorageFull => t.storage_full,
            Notice::StorageUnavailable => t.storage_unavailable,
        };
        html! {
            <div class="bd-notice" role="alert" data-testid="notice">
                <p>{ text }</p>
                if n == Notice::StorageFull { { manager::export_current(&state, &persistence) } }
                { super::button(Button { class: BTN, label: t.dismiss, ..Default::default() }, super::send(&state, Nav::DismissNotice)) }
            </div>
        }
    });

    let lang_switch = {
        let onchange = super::on_change(&state, super::Edit::Lang);
        html! {
            <div class="bd-lang">
                <label for="bd-lang">{ t.language }</label>
                <select id="bd-lang" data-testid="lang" {onchange}>
                    <option value="en" lang="en" selected={state.lang == Lang::En}>{ "English" }</option>
                    <option value="nl" lang="nl" selected={state.lang == Lang::Nl}>{ "Nederlands" }</option>
                </select>
            </div>
        }
    };

    let report = &state.report;
    let live = html! {
        <div class="bd-live" role="status" aria-live="polite" data-testid="live-risk">
            <span class="bd-live-label">{ t.live_risk }</span>
            if report.answered == 0 {
                <span class="bd-live-score">{ t.live_not_started }</span>
            } else {
                { super::results::level_badge(t, Report::band(report.residual_score)) }
                <span class="bd-live-score">{ format!("{} {}/100", t.score, report.residual_score) }</span>
            }
        </div>
    };

    let nav_items = bank.sections.iter().enumerate().map(|(i, s)| {
        let visible: Vec<&String> = s
            .questions
            .iter()
            .map(|q| &q.id)
            .filter(|id| report.visible.contains(id))
            .collect();
        let done = visible
            .iter()
            .filter(|id| state.assessment.answers.get(id.as_str()).is_some_and(|a| !a.is_empty()))
            .count();
        let complete = done == visible.len();
        let progress = html! {
            <span class="bd-nav-progress">
                { format!("{done}/{}", visible.len()) }
                if complete { <span class="bd-sr">{ format!(" {}", t.complete) }</span><span aria-hidden="true">{ " ✓" }</span> }
            </span>
        };
        nav_item(&state, Step::Section(i), "bd-nav-item", complete, None, s.title.get(state.lang), progress)
    });
    let total = report.visible.len();
    let progress = html! {
        <div class="bd-progress">
            <label for="bd-progress">{ t.progress_label }</label>
            <progress id="bd-progress" max={total.to_string()} value={report.answered.to_string()} />
            <span>{ i18n::fill(t.answered_of, &[&report.answered, &total]) }</span>
        </div>
    };

    let main = match state.step {
        Step::Section(i) => super::questions::section_view(&state, i, &heading),
        Step::Results => html! { <>{ super::results::results(&state, &heading) }{ manager::no_longer_asked(&state) }</> },
        Step::Assessments => manager::manager(&state, &persistence, &heading),
        Step::Summary => html! { <Summary state={state.clone()} /> },
    };
    // On every other step a hidden copy of the summary is in the DOM, so printing from
    // anywhere prints the summary (the print stylesheet shows only `.bd-summary`).
    let print_copy = (state.step != Step::Summary).then(|| html! { <Summary state={state.clone()} print_copy=true /> });

    html! {
        <div class="bd-app" data-testid="app" lang={state.lang.code()}>
            <a class="bd-skip" href="#bd-main" onclick={onskip}>{ t.skip_to_content }</a>
            <header class="bd-header">
                <div class="bd-brand">
                    <h1>{ t.app_title }</h1>
                    <p class="bd-tagline">{ t.app_tagline }</p>
                </div>
                <div class="bd-header-tools">
                    { super::button(Button {
                        class: BTN,
                        testid: Some("nav-assessments"),
                        aria_current: (state.step == Step::Assessments).then_some("page"),
                        label: crate::i18n::manager::strings(state.lang).assessments,
                        ..Default::default()
                    }, super::send(&state, Nav::Goto(Step::Assessments))) }
                    { lang_switch }{ live }
                </div>
            </header>
            { for notice }
            { manager::messages(&state, &persistence) }
            <div class="bd-layout">
                <nav class="bd-nav bd-noprint" aria-label={t.sections}>
                    { progress }
                    <ol>
                        { for nav_items }
                        { nav_item(&state, Step::Results, "bd-nav-item bd-nav-results", false, Some("nav-results"), t.results, html! {}) }
                        // Also `bd-nav-results`: tests count the section entries as `.bd-nav-item:not(.bd-nav-results)`.
                        { nav_item(&state, Step::Summary, "bd-nav-item bd-nav-results bd-nav-summary", false, Some("nav-summary"), t.summary, html! {}) }
                    </ol>
                </nav>
                <main id="bd-main" class="bd-main" tabindex="-1" ref={main_ref}>{ main }{ for print_copy }</main>
            </div>
        </div>
    }
}

/// One entry of the section navigation: `class`, then `bd-current` when it is the open step
/// and `bd-done` when `done`.
#[inline(never)]
fn nav_item(
    state: &UseReducerHandle<State>,
    step: Step,
    class: &'static str,
    done: bool,
    testid: Option<&'static str>,
    title: &str,
    progress: Html,
) -> Html {
    let current = state.step == step;
    let mut class = class.to_string();
    if current {
        class.push_str(" bd-current");
    }
    if done {
        class.push_str(" bd-done");
    }
    html! {
        <li {class}>
            <button type="button" data-testid={testid} onclick={super::send(state, Nav::Goto(step))} aria-current={current.then_some("step")}>
                <span class="bd-nav-title">{ title }</span>
                { progress }
            </button>
        </li>
    }
}

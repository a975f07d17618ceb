//! The root component: loads the saved assessment, saves every change, lays out header,
//! section navigation and the current step.

use yew::prelude::*;

use super::manager::{self, ExportCurrent, Manager, Messages, NoLongerAsked};
use super::questions::SectionView;
use super::results::Results;
use super::summary::Summary;
use super::state::{Action, Notice, State, Step};
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

    let notice = state.notice.map(|n| {
        let text = match n {
            Notice::StorageCorrupt => t.storage_corrupt,
            Notice::StorageFull => t.storage_full,
            Notice::StorageUnavailable => t.storage_unavailable,
        };
        let ondismiss = {
            let state = state.clone();
            Callback::from(move |_| state.dispatch(Action::Notice(None)))
        };
        html! {
            <div class="bd-notice" role="alert" data-testid="notice">
                <p>{ text }</p>
                if n == Notice::StorageFull { <ExportCurrent state={state.clone()} persistence={persistence.clone()} /> }
                <button type="button" class="bd-btn" onclick={ondismiss}>{ t.dismiss }</button>
            </div>
        }
    });

    let lang_switch = {
        let onchange = {
            let state = state.clone();
            Callback::from(move |e: Event| {
                let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
                if let Some(l) = Lang::parse(&sel.value()) {
                    state.dispatch(Action::SetLang(l));
                }
            })
        };
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
    let band = Report::band(report.residual_score);
    let live = html! {
        <div class="bd-live" role="status" aria-live="polite" data-testid="live-risk">
            <span class="bd-live-label">{ t.live_risk }</span>
            if report.answered == 0 {
                <span class="bd-live-score">{ t.live_not_started }</span>
            } else {
                <span class={classes!("bd-badge", format!("bd-level-{}", band.key()))}>{ t.level(band) }</span>
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
        let current = state.step == Step::Section(i);
        let onclick = {
            let state = state.clone();
            Callback::from(move |_| state.dispatch(Action::Goto(Step::Section(i))))
        };
        let complete = done == visible.len();
        html! {
            <li class={classes!("bd-nav-item", current.then_some("bd-current"), complete.then_some("bd-done"))}>
                <button type="button" {onclick} aria-current={current.then_some("step")}>
                    <span class="bd-nav-title">{ s.title.get(state.lang) }</span>
                    <span class="bd-nav-progress">
                        { format!("{done}/{}", visible.len()) }
                        if complete { <span class="bd-sr">{ format!(" {}", t.complete) }</span><span aria-hidden="true">{ " ✓" }</span> }
                    </span>
                </button>
            </li>
        }
    });
    let results_current = state.step == Step::Results;
    let onresults = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Goto(Step::Results)))
    };
    let summary_current = state.step == Step::Summary;
    let onsummary = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Goto(Step::Summary)))
    };
    let assessments_current = state.step == Step::Assessments;
    let onassessments = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Goto(Step::Assessments)))
    };
    let total = report.visible.len();
    let progress = html! {
        <div class="bd-progress">
            <label for="bd-progress">{ t.progress_label }</label>
            <progress id="bd-progress" max={total.to_string()} value={report.answered.to_string()} />
            <span>{ i18n::fill(t.answered_of, &[&report.answered, &total]) }</span>
        </div>
    };

    let main = match state.step {
        Step::Section(i) => html! { <SectionView index={i} state={state.clone()} /> },
        Step::Results => html! {
            <><Results state={state.clone()} /><NoLongerAsked state={state.clone()} persistence={persistence.clone()} /></>
        },
        Step::Assessments => html! { <Manager state={state.clone()} persistence={persistence.clone()} /> },
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
                    <button type="button" class="bd-btn" data-testid="nav-assessments" onclick={onassessments}
                        aria-current={assessments_current.then_some("page")}>{ crate::i18n::manager::strings(state.lang).assessments }</button>
                    { lang_switch }{ live }
                </div>
            </header>
            { for notice }
            <Messages state={state.clone()} persistence={persistence.clone()} />
            <div class="bd-layout">
                <nav class="bd-nav bd-noprint" aria-label={t.sections}>
                    { progress }
                    <ol>
                        { for nav_items }
                        <li class={classes!("bd-nav-item", "bd-nav-results", results_current.then_some("bd-current"))}>
                            <button type="button" data-testid="nav-results" onclick={onresults} aria-current={results_current.then_some("step")}>
                                <span class="bd-nav-title">{ t.results }</span>
                            </button>
                        </li>
                        // Also `bd-nav-results`: tests count the section entries as `.bd-nav-item:not(.bd-nav-results)`.
                        <li class={classes!("bd-nav-item", "bd-nav-results", "bd-nav-summary", summary_current.then_some("bd-current"))}>
                            <button type="button" data-testid="nav-summary" onclick={onsummary} aria-current={summary_current.then_some("step")}>
                                <span class="bd-nav-title">{ t.summary }</span>
                            </button>
                        </li>
                    </ol>
                </nav>
                <main id="bd-main" class="bd-main" tabindex="-1" ref={main_ref}>{ main }{ for print_copy }</main>
            </div>
        </div>
    }
}

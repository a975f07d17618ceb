//! The root component: loads the saved assessment, saves every change, lays out header,
//! section navigation and the current step. Its own markup is the frame; everything in it is a
//! component with its own props (header tools, live risk, navigation, the step, the print copy).

use yew::prelude::*;

use super::actions::Ctx;
use super::manager::{ExportCurrent, Manager, NoLongerAsked};
use super::messages::Messages;
use super::persistence;
use super::questions::SectionView;
use super::results::Results;
use super::state::{Action, Notice, State, Step};
use super::summary::{PrintCopy, Summary};
use super::{Button, Dispatch, Ref, Shared, BTN};
use crate::domain::engine::Report;
use crate::domain::present::{self, Progress};
use crate::i18n::{strings, Get, Lang, LangInfo, LangProblem, Strings, LANGS};

/// Options the host page gives through data attributes, with the language loaded
/// (src/ui/start.rs).
#[derive(Properties, PartialEq, Clone)]
pub struct Config {
    pub lang: Lang,
    #[prop_or_default]
    pub organisation: String,
    #[prop_or_else(|| "default".to_string())]
    pub namespace: String,
    /// The language the host asked for could not be loaded: the widget shows `lang` instead.
    #[prop_or_default]
    pub lang_problem: Option<LangProblem>,
}

/// The state the widget starts with: the assessment storage opened (see `manager::boot`).
fn initial(config: &Config, boot: &persistence::Boot) -> State {
    let mut state = State::new(crate::bank::bank(), config.lang, boot.assessment.clone());
    state.id = boot.id.clone();
    state.notice = boot.notice;
    state.lang_problem = config.lang_problem.clone();
    state.reviewer = boot.reviewer.clone();
    state
}

#[function_component]
pub fn App(config: &Config) -> Html {
    let boot = {
        let (namespace, organisation) = (config.namespace.clone(), config.organisation.clone());
        use_memo((), move |_| persistence::boot(&namespace, &organisation))
    };
    let state = use_reducer(|| initial(config, &boot));
    let dispatch = state.dispatcher();
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
    let lang = state.lang;
    let t = strings(lang);
    let bank = state.bank;

    // Autosave every change (a failed save leaves the stored copy as it was), watch other
    // tabs, and hold the messages of src/ui/persistence.rs.
    let persistence = persistence::use_persistence(&state, &config.namespace, &config.organisation, &boot);
    let ctx = Ctx { state: state.clone(), p: persistence };
    persistence::use_reviewer(&state, &config.namespace, &boot);
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
    super::summary::use_print_title(super::summary::print_title(lang, &state.assessment));

    let report = Shared::from(&state.report);
    let assessment = Shared::from(&state.assessment);
    let progress = {
        let deps = (report.clone(), assessment.clone());
        use_memo(deps, |(r, a)| r.section_progress(bank, &a.answers))
    };
    let total = present::total(&progress);

    let notice = state.notice.map(|n| {
        let text = match n {
            Notice::StorageCorrupt => t.storage_corrupt,
            Notice::StorageFull => t.storage_full,
            Notice::StorageUnavailable => t.storage_unavailable,
        };
        html! {
            <div class="bd-notice" role="alert" data-testid="notice">
                <p>{ text }</p>
                if n == Notice::StorageFull { <ExportCurrent ..ctx.clone() /> }
                { super::button(Button { class: BTN, label: t.dismiss, ..Default::default() },
                    super::send(&dispatch, || Action::Notice(None))) }
            </div>
        }
    });

    let lang_problem = state.lang_problem.as_ref().map(|p| {
        html! {
            <div class="bd-notice" role="alert" data-testid="lang-problem">
                <p>{ p.message(lang) }</p>
                { super::button(Button { class: BTN, label: t.dismiss, ..Default::default() },
                    super::send(&dispatch, || Action::LangProblem(None))) }
            </div>
        }
    });

    let reviewer = AttrValue::from(state.reviewer.clone());
    let main = match state.step {
        Step::Section(i) => html! {
            <SectionView index={i} section={Ref(&bank.sections[i])} last={i + 1 == bank.sections.len()} {lang}
                assessment={assessment.clone()} report={report.clone()} refused={state.refused.clone()}
                decide_refused={state.decide_refused.clone()} heading={heading.clone()} reviewer={reviewer.clone()}
                dispatch={dispatch.clone()} />
        },
        Step::Results => html! {
            <>
                <Results {lang} report={report.clone()} assessment={assessment.clone()} heading={heading.clone()}
                    decide_refused={state.decide_refused.clone()} reviewer={reviewer.clone()} dispatch={dispatch.clone()} />
                <NoLongerAsked {lang} assessment={assessment.clone()} />
            </>
        },
        Step::Assessments => html! { <Manager ctx={ctx.clone()} heading={heading.clone()} /> },
        Step::Summary => html! {
            <Summary {lang} assessment={assessment.clone()} report={report.clone()} shown={state.shown_version}
                dispatch={dispatch.clone()} />
        },
    };

    html! {
        <div class="bd-app" data-testid="app" lang={lang.code()}>
            <a class="bd-skip" href="#bd-main" onclick={onskip}>{ t.skip_to_content }</a>
            <Header {lang} assessments={state.step == Step::Assessments} answered={total.answered}
                score={state.report.residual_score} dispatch={dispatch.clone()} />
            { for notice }
            { for lang_problem }
            <Messages ..ctx.clone() />
            <div class="bd-layout">
                <Nav {lang} step={state.step} progress={Shared(progress)} {total} dispatch={dispatch.clone()} />
                <main id="bd-main" class="bd-main" tabindex="-1" ref={main_ref}>
                    { main }
                    // On every other step a hidden copy of the summary is in the DOM, so printing
                    // from anywhere prints the summary (the print stylesheet shows only `.bd-summary`).
                    <PrintCopy {lang} {assessment} {report} requests={state.print_requests}
                        active={state.step != Step::Summary} {dispatch} />
                </main>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    /// The assessments list is open.
    pub assessments: bool,
    /// Questions answered so far.
    pub answered: usize,
    /// The residual score.
    pub score: u8,
    pub dispatch: Dispatch,
}

/// The widget's name and tagline, the assessments button, the language select and the live
/// risk indicator.
#[function_component]
fn Header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let t = strings(lang);
    let onchange = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(info) = LangInfo::find(&select.value()) {
                switch(info, lang, select, dispatch.clone());
            }
        })
    };
    html! {
        <header class="bd-header">
            <div class="bd-brand">
                <h1>{ t.app_title }</h1>
                <p class="bd-tagline">{ t.app_tagline }</p>
            </div>
            <div class="bd-header-tools">
            { super::button(
                Button {
                    class: BTN,
                    testid: Some("nav-assessments"),
                    aria_current: props.assessments.then_some("page"),
                    label: crate::i18n::manager::strings(lang).assessments,
                    ..Default::default()
                },
                super::send(&props.dispatch, || Action::Goto(Step::Assessments)),
            ) }
            <div class="bd-lang">
                <label for="bd-lang">{ t.language }</label>
                <select id="bd-lang" data-testid="lang" {onchange}>
                    for l in LANGS.iter() {
                        <option value={l.code} lang={l.code} selected={lang.code() == l.code}>{ l.name }</option>
                    }
                </select>
            </div>
            { live_risk(t, props.answered, props.score) }
            </div>
        </header>
    }
}

/// Shows the widget in another language: at once if it is loaded, else after its file is
/// fetched (answers and everything else stay as they are). A file that fails leaves the
/// widget in `current`, with a message naming the language.
fn switch(info: &'static LangInfo, current: Lang, select: web_sys::HtmlSelectElement, dispatch: Dispatch) {
    if let Some(l) = Lang::loaded(info) {
        dispatch.dispatch(Action::SetLang(l));
        return;
    }
    #[cfg(target_arch = "wasm32")]
    yew::platform::spawn_local(async move {
        let _ = select.set_attribute("aria-busy", "true");
        let result = crate::i18n::load(info).await;
        let _ = select.remove_attribute("aria-busy");
        match result {
            Ok(l) => dispatch.dispatch(Action::SetLang(l)),
            Err(error) => {
                super::widget::log(info, &error);
                // The menu shows the language the widget is in.
                select.set_value(current.code());
                dispatch.dispatch(Action::LangProblem(Some(LangProblem { lang: info, error })));
            }
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (current, select);
}

/// The live risk indicator: the residual score and its band as the answers stand.
fn live_risk(t: &Strings, answered: usize, score: u8) -> Html {
    html! {
        <div class="bd-live" role="status" aria-live="polite" data-testid="live-risk">
            <span class="bd-live-label">{ t.live_risk }</span>
            if answered == 0 {
                <span class="bd-live-score">{ t.live_not_started }</span>
            } else {
                { super::results::level_badge(t, Report::band(score)) }
                <span class="bd-live-score">{ format!("{} {}/100", t.score, score) }</span>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub lang: Lang,
    pub step: Step,
    /// Per section, in bank order.
    pub progress: Shared<Vec<Progress>>,
    pub total: Progress,
    pub dispatch: Dispatch,
}

/// The progress bar and the navigation: every section with its progress, results, summary.
#[function_component]
fn Nav(props: &NavProps) -> Html {
    let lang = props.lang;
    let t = strings(lang);
    let bank = crate::bank::bank();
    let total = props.total;
    let item = |step: Step, class: &'static str, testid: Option<&'static str>, title: &'static str, progress| {
        nav_item(t, &props.dispatch, step, class, testid, title, progress, props.step == step)
    };
    html! {
        <nav class="bd-nav bd-noprint" aria-label={t.sections}>
            <div class="bd-progress">
                <label for="bd-progress">{ t.progress_label }</label>
                <progress id="bd-progress" max={total.total.to_string()} value={total.answered.to_string()} />
                <span>{ t.answered_of(total.answered, total.total) }</span>
            </div>
            <ol>
                for (i, (s, p)) in bank.sections.iter().zip(props.progress.iter()).enumerate() {
                    { item(Step::Section(i), "bd-nav-item", None, s.title.get(lang), Some(*p)) }
                }
                { item(Step::Results, "bd-nav-item bd-nav-results", Some("nav-results"), t.results, None) }
                // Also `bd-nav-results`: tests count the section entries as `.bd-nav-item:not(.bd-nav-results)`.
                { item(Step::Summary, "bd-nav-item bd-nav-results bd-nav-summary", Some("nav-summary"), t.summary, None) }
            </ol>
        </nav>
    }
}

/// One entry of the navigation: `class`, then `bd-current` when it is the open step and
/// `bd-done` when the section is complete; `progress` is a section's (none for results and
/// summary).
#[allow(clippy::too_many_arguments)]
fn nav_item(
    t: &Strings,
    dispatch: &Dispatch,
    step: Step,
    class: &'static str,
    testid: Option<&'static str>,
    title: &'static str,
    progress: Option<Progress>,
    current: bool,
) -> Html {
    let complete = progress.is_some_and(Progress::complete);
    let class = classes!(class, current.then_some("bd-current"), complete.then_some("bd-done"));
    html! {
        <li {class}>
            <button type="button" data-testid={testid} onclick={super::send(dispatch, move || Action::Goto(step))}
                aria-current={current.then_some("step")}>
                <span class="bd-nav-title">{ title }</span>
                if let Some(p) = progress {
                    <span class="bd-nav-progress">
                        { format!("{}/{}", p.answered, p.total) }
                        if complete {
                            <span class="bd-sr">{ format!(" {}", t.complete) }</span>
                            <span aria-hidden="true">{ " ✓" }</span>
                        }
                    </span>
                }
            </button>
        </li>
    }
}

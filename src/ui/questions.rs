//! One wizard section: its questions, by kind, with hints on why an answer matters.

use yew::prelude::*;

use super::cite::{self, option_label};
use super::state::{Action, State};
use super::{on_change, Button, Edit, Nav, BTN, PRIMARY};
use crate::domain::answers::{Answer, AnswerError};
use crate::domain::model::{Kind, Lang, Question};
use crate::i18n::{self, strings};

/// Why the chosen options matter: red line, what to find out, which articles and findings.
fn consequences(q: &Question, answer: Option<&Answer>, lang: Lang) -> Html {
    let bank = crate::bank::bank();
    let t = strings(lang);
    let Some(answer) = answer else { return html! {} };
    let notes = answer.chosen().into_iter().filter_map(|id| q.option(id)).filter(|o| {
        !o.raises.is_empty() || o.red_line.is_some() || o.find_out.is_some()
    });
    let items: Vec<Html> = notes
        .map(|o| {
            html! {
                <div class="bd-why">
                    if let Some(r) = &o.red_line {
                        <p class="bd-redline"><strong>{ t.red_lines }{ ": " }</strong>{ r.get(lang) }</p>
                    }
                    if let Some(f) = &o.find_out {
                        <p class="bd-findout"><strong>{ t.find_out }{ ": " }</strong>{ f.get(lang) }</p>
                    }
                    if !o.provisions.is_empty() || !o.findings.is_empty() {
                        <p class="bd-why-label">{ t.why_this_matters }</p>
                        { cite::reasons(bank, lang, &o.provisions, &o.findings) }
                    }
                </div>
            }
        })
        .collect();
    html! { <>{ for items }</> }
}

/// One question, keyed by its id; `error` is the last refused answer (shown if it is this
/// question's).
pub fn question_view(
    q: &'static Question,
    answer: Option<&Answer>,
    lang: Lang,
    error: Option<&AnswerError>,
    state: &UseReducerHandle<State>,
) -> Html {
    let t = strings(lang);
    let qid = q.id.clone();
    let help = q.help.as_ref().map(|h| html! { <p class="bd-help" id={format!("bd-{}-help", q.id)}>{ h.get(lang) }</p> });
    let described = q.help.as_ref().map(|_| format!("bd-{}-help", q.id));
    let body = match q.kind {
        Kind::Single | Kind::YesNo | Kind::Multi => {
            let multi = q.kind == Kind::Multi;
            let chosen: Vec<String> = answer
                .map(|a| a.chosen().into_iter().map(String::from).collect())
                .unwrap_or_default();
            let options = q.options.iter().map(|o| {
                let input_id = format!("bd-{}-{}", q.id, o.id);
                let checked = chosen.contains(&o.id);
                let onchange = on_change(state, Edit::Choice(qid.clone(), o.id.clone(), multi));
                html! {
                    <div class="bd-option">
                        <input type={if multi { "checkbox" } else { "radio" }} id={input_id.clone()}
                            name={format!("bd-{}", q.id)} value={o.id.clone()} {checked} {onchange} />
                        <label for={input_id}>{ option_label(o, lang) }</label>
                    </div>
                }
            });
            html! {
                <fieldset class="bd-q" id={format!("bd-q-{}", q.id)} aria-describedby={described}>
                    <legend>{ q.text.get(lang) }</legend>
                    { for help }
                    <div class={if multi { "bd-options bd-multi" } else { "bd-options" }}>{ for options }</div>
                    { consequences(q, answer, lang) }
                </fieldset>
            }
        }
        Kind::Text => {
            let value = match answer {
                Some(Answer::Text(s)) => s.clone(),
                _ => String::new(),
            };
            let max = q.max_len();
            let left = max.saturating_sub(value.chars().count());
            let oninput = {
                let state = state.clone();
                Callback::from(move |e: InputEvent| {
                    let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
                    state.dispatch(Action::Answer(qid.clone(), Answer::Text(area.value())));
                })
            };
            let error = match error {
                Some(AnswerError::TooLong { question, max, .. }) if *question == q.id => Some(html! {
                    <p class="bd-error" role="alert">{ i18n::fill(t.text_too_long, &[max]) }</p>
                }),
                _ => None,
            };
            let input_id = format!("bd-{}", q.id);
            html! {
                <div class="bd-q bd-q-text" id={format!("bd-q-{}", q.id)}>
                    <label class="bd-legend" for={input_id.clone()}>{ q.text.get(lang) }</label>
                    { for help }
                    <textarea id={input_id} rows="6" maxlength={max.to_string()} value={value}
                        aria-describedby={described} {oninput} />
                    <p class="bd-counter" aria-live="polite">{ i18n::fill(t.chars_left, &[&left]) }</p>
                    { for error }
                </div>
            }
        }
    };
    html! { <div class="bd-question" key={q.id.clone()}>{ body }</div> }
}

/// Wizard section `index`; `heading` is its `<h2>` (focused by `App` when the step opens).
pub fn section_view(state: &UseReducerHandle<State>, index: usize, heading: &NodeRef) -> Html {
    let bank = state.bank;
    let lang = state.lang;
    let t = strings(lang);
    let section = &bank.sections[index];
    let visible: Vec<&'static crate::domain::model::Question> = section
        .questions
        .iter()
        .filter(|q| state.report.visible.contains(&q.id))
        .collect();
    let questions = visible
        .into_iter()
        .map(|q| question_view(q, state.assessment.answers.get(&q.id), lang, state.refused.as_ref(), state));
    let last = index + 1 == bank.sections.len();
    html! {
        <section key="section" class="bd-section" aria-labelledby="bd-section-title">
            <h2 id="bd-section-title" tabindex="-1" ref={heading.clone()}>{ section.title.get(lang) }</h2>
            <p class="bd-intro">{ section.intro.get(lang) }</p>
            { for questions }
            <div class="bd-actions">
                if index > 0 {
                    { super::button(Button { class: BTN, label: t.back, ..Default::default() }, super::send(state, Nav::Back)) }
                }
                { super::button(
                    Button { class: PRIMARY, testid: Some("next"), label: if last { t.see_results } else { t.next }, ..Default::default() },
                    super::send(state, Nav::Next),
                ) }
            </div>
        </section>
    }
}

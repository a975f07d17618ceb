//! One wizard section: its questions, by kind, with hints on why an answer matters.

use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static as S;

use super::cite::{self, option_label};
use super::doc::Doc;
use super::state::{Action, State};
use super::{on_change, Button, Edit, Nav, BTN, PRIMARY};
use crate::domain::answers::{Answer, AnswerError};
use crate::domain::model::{Kind, Question};
use crate::i18n::{strings, Get, Lang};

/// Why the chosen options matter: red line, what to find out, which articles and findings
/// (one group, empty without an answer).
#[inline(never)]
fn consequences(d: &mut Doc, q: &'static Question, answer: Option<&Answer>, lang: Lang) {
    let bank = crate::bank::bank();
    let t = strings(lang);
    d.group();
    let chosen = answer.map(Answer::chosen).unwrap_or_default();
    let notes = chosen
        .into_iter()
        .filter_map(|id| q.option(id))
        .filter(|o| !o.raises.is_empty() || o.red_line.is_some() || o.find_out.is_some());
    for o in notes {
        d.open("div", "bd-why");
        for (class, label, text) in [("bd-redline", t.red_lines, &o.red_line), ("bd-findout", t.find_out, &o.find_out)]
        {
            d.group();
            if let Some(text) = text {
                d.open("p", class);
                d.open("strong", "");
                d.text(label);
                d.text(": ");
                d.close();
                d.text(text.get(lang));
                d.close();
            }
            d.close();
        }
        d.group();
        if !o.provisions.is_empty() || !o.findings.is_empty() {
            d.leaf("p", "bd-why-label", t.why_this_matters);
            cite::reasons(d, bank, lang, &o.provisions, &o.findings);
        }
        d.close();
        d.close();
    }
    d.close();
}

/// The help text of a question, if it has one (one group).
#[inline(never)]
fn help(d: &mut Doc, q: &'static Question, lang: Lang) {
    d.group();
    if let Some(h) = &q.help {
        d.open_attrs("p", &["class", "id"], &["bd-help", &format!("bd-{}-help", q.id)]);
        d.text(h.get(lang));
        d.close();
    }
    d.close();
}

/// One question, keyed by its id; `error` is the last refused answer (shown if it is this
/// question's).
pub fn question_view(
    d: &mut Doc,
    q: &'static Question,
    answer: Option<&Answer>,
    lang: Lang,
    error: Option<&AnswerError>,
    state: &UseReducerHandle<State>,
) {
    let t = strings(lang);
    let qid = q.id.clone();
    let described = q.help.as_ref().map(|_| format!("bd-{}-help", q.id)).unwrap_or_default();
    let block_id = format!("bd-q-{}", q.id);
    d.open("div", "bd-question");
    d.key(&q.id);
    match q.kind {
        Kind::Single | Kind::YesNo | Kind::Multi => {
            let multi = q.kind == Kind::Multi;
            let chosen: Vec<String> =
                answer.map(|a| a.chosen().into_iter().map(String::from).collect()).unwrap_or_default();
            d.open_attrs("fieldset", &["class", "id", "aria-describedby"], &["bd-q", &block_id, &described]);
            d.leaf("legend", "", q.text.get(lang));
            help(d, q, lang);
            d.open("div", if multi { "bd-options bd-multi" } else { "bd-options" });
            for o in &q.options {
                let input_id = format!("bd-{}-{}", q.id, o.id);
                let checked = chosen.contains(&o.id);
                let onchange = on_change(state, Edit::Choice(qid.clone(), o.id.clone(), multi));
                d.add(html! {
                    <div class="bd-option">
                        <input type={if multi { "checkbox" } else { "radio" }} id={input_id.clone()}
                            name={format!("bd-{}", q.id)} value={o.id.clone()} {checked} {onchange} />
                        <label for={input_id}>{ option_label(o, lang) }</label>
                    </div>
                });
            }
            d.close();
            consequences(d, q, answer, lang);
            d.close();
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
            let input_id = format!("bd-{}", q.id);
            d.open_attrs("div", &["class", "id"], &["bd-q bd-q-text", &block_id]);
            d.open_attrs("label", &["class", "for"], &["bd-legend", &input_id]);
            d.text(q.text.get(lang));
            d.close();
            help(d, q, lang);
            let described = (!described.is_empty()).then_some(described);
            d.add(html! {
                <textarea id={input_id} rows="6" maxlength={max.to_string()} value={value}
                    aria-describedby={described} {oninput} />
            });
            d.open_static("p", &[("class", S("bd-counter")), ("aria-live", S("polite"))]);
            d.string(t.chars_left(left));
            d.close();
            d.group();
            if let Some(AnswerError::TooLong { question, max, .. }) = error {
                if *question == q.id {
                    d.open_static("p", &[("class", S("bd-error")), ("role", S("alert"))]);
                    d.string(t.text_too_long(max));
                    d.close();
                }
            }
            d.close();
            d.close();
        }
    }
    d.close();
}

/// Wizard section `index`; `heading` is its `<h2>` (focused by `App` when the step opens).
pub fn section_view(state: &UseReducerHandle<State>, index: usize, heading: &NodeRef) -> Html {
    let bank = state.bank;
    let lang = state.lang;
    let t = strings(lang);
    let section = &bank.sections[index];
    let last = index + 1 == bank.sections.len();
    let mut doc = Doc::new();
    let d = &mut doc;
    d.open_static("section", &[("class", S("bd-section")), ("aria-labelledby", S("bd-section-title"))]);
    d.key("section");
    d.add(html! { <h2 id="bd-section-title" tabindex="-1" ref={heading.clone()}>{ section.title.get(lang) }</h2> });
    d.leaf("p", "bd-intro", section.intro.get(lang));
    d.group();
    for q in section.questions.iter().filter(|q| state.report.visible.contains(&q.id)) {
        question_view(d, q, state.assessment.answers.get(&q.id), lang, state.refused.as_ref(), state);
    }
    d.close();
    d.open("div", "bd-actions");
    d.group();
    if index > 0 {
        d.add(super::button(Button { class: BTN, label: t.back, ..Default::default() }, super::send(state, Nav::Back)));
    }
    d.close();
    d.add(super::button(
        Button {
            class: PRIMARY,
            testid: Some("next"),
            label: if last { t.see_results } else { t.next },
            ..Default::default()
        },
        super::send(state, Nav::Next),
    ));
    d.close();
    d.close();
    doc.finish()
}

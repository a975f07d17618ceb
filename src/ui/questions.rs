//! One wizard section: its questions, by kind, with hints on why an answer matters.

use yew::prelude::*;

use super::cite::{self, option_label, Anchors};
use super::review::{self as rv, ReviewProps};
use super::state::Action;
use super::{Button, Dispatch, Ref, Shared, BTN, PRIMARY};
use crate::domain::answers::{Answer, AnswerError};
use crate::domain::engine::Report;
use crate::domain::model::{Kind, Question, Section};
use crate::i18n::{strings, Get, Lang};
use crate::persist::assessment::Assessment;
use crate::persist::review::Target;

#[derive(Properties, PartialEq)]
pub struct SectionProps {
    /// Position of the section in the bank (from 0).
    pub index: usize,
    pub section: Ref<Section>,
    pub last: bool,
    pub lang: Lang,
    pub assessment: Shared<Assessment>,
    /// Which questions are shown (`Report::visible`).
    pub report: Shared<Report>,
    /// The last refused answer.
    pub refused: Option<AnswerError>,
    /// The last proposed change that could not be accepted.
    #[prop_or_default]
    pub decide_refused: super::proposals::Refusal,
    /// The section's `<h2>` (focused by `App` when the step opens).
    pub heading: NodeRef,
    /// The reviewer's name (`State::reviewer`), for the review threads.
    pub reviewer: AttrValue,
    pub dispatch: Dispatch,
}

/// Wizard section `index`: its visible questions, each a [`QuestionView`] (rendered again only
/// when its own answer changes) with its review threads (`ReviewThread`, rendered again only when
/// its own comments change).
#[function_component]
pub fn SectionView(props: &SectionProps) -> Html {
    let lang = props.lang;
    let t = strings(lang);
    let section = props.section.0;
    let visible = section.questions.iter().filter(|q| props.report.visible.contains(&q.id));
    let frozen = props.assessment.frozen();
    let asked = rv::use_asked();
    let review = &props.assessment.review;
    let thread = |target: Target, about: &'static str| {
        let (assessment, reviewer, dispatch) =
            (props.assessment.clone(), props.reviewer.clone(), props.dispatch.clone());
        rv::slot(&asked, ReviewProps { lang, target, about, assessment, reviewer, dispatch, open: false })
    };
    let back = (props.index > 0).then(|| {
        super::button(
            Button { class: BTN, label: t.back, ..Default::default() },
            super::send(&props.dispatch, || Action::Back),
        )
    });
    html! {
        <section class="bd-section" aria-labelledby="bd-section-title" key="section">
            <h2 id="bd-section-title" tabindex="-1" ref={props.heading.clone()}>{ section.title.get(lang) }</h2>
            <p class="bd-intro">{ section.intro.get(lang) }</p>
            { thread(Target::Section(section.id.clone()), section.title.get(lang)) }
            // A signed revision is read-only (every control in the questions' fieldsets is
            // disabled) until the next revision is started; its review threads stay open to
            // comments, which are not part of the signed content.
            <super::signing::FrozenBanner {lang} assessment={props.assessment.clone()} dispatch={props.dispatch.clone()} />
            <div class="bd-section-questions">
                for q in visible {
                    <div class="bd-question-block" key={q.id.clone()}>
                        <fieldset class="bd-section-fields" role="none" disabled={frozen}>
                            <QuestionView question={Ref(q)} assessment={props.assessment.clone()} {lang}
                                error={props.refused.clone().filter(|e| refused_here(e, q))} dispatch={props.dispatch.clone()} />
                        </fieldset>
                        if crate::persist::review::has_pending_on(review, &q.id) {
                            <super::proposals::AtQuestion {lang} assessment={props.assessment.clone()} question={q.id.as_str()}
                                refused={props.decide_refused.clone()} dispatch={props.dispatch.clone()} />
                        }
                        { thread(Target::Question(q.id.clone()), q.text.get(lang)) }
                    </div>
                }
            </div>
            <div class="bd-actions">
                { for back }
                { super::button(
                    Button {
                        class: PRIMARY,
                        testid: Some("next"),
                        label: if props.last { t.see_results } else { t.next },
                        ..Default::default()
                    },
                    super::send(&props.dispatch, || Action::Next),
                ) }
            </div>
        </section>
    }
}

/// Whether a refused answer is shown beside question `q` (a text that was too long, a table
/// with too many rows).
fn refused_here(e: &AnswerError, q: &Question) -> bool {
    matches!(e, AnswerError::TooLong { question, .. } | AnswerError::TooManyRows { question, .. } if *question == q.id)
}

#[derive(Properties)]
pub struct QuestionProps {
    pub question: Ref<Question>,
    /// Only this question's answer is read (and compared).
    pub assessment: Shared<Assessment>,
    pub lang: Lang,
    /// The last refused answer, if it was this question's.
    pub error: Option<AnswerError>,
    pub dispatch: Dispatch,
}

impl QuestionProps {
    fn answer(&self) -> Option<&Answer> {
        self.assessment.answers.get(&self.question.id)
    }
}

/// A question is rendered again when its own answer changes, not when another's does.
impl PartialEq for QuestionProps {
    fn eq(&self, other: &Self) -> bool {
        self.question == other.question
            && self.lang == other.lang
            && self.error == other.error
            && self.dispatch == other.dispatch
            && self.answer() == other.answer()
    }
}

/// One question: a fieldset of options, or a labelled text area.
#[function_component]
pub fn QuestionView(props: &QuestionProps) -> Html {
    let q = props.question.0;
    let lang = props.lang;
    let answer = props.answer();
    let described = q.help.as_ref().map(|_| format!("bd-{}-help", q.id));
    let help = q.help.as_ref().map(|h| html! { <p class="bd-help" id={described.clone()}>{ h.get(lang) }</p> });
    // A question whose answer is the decision record's says so: both are one value.
    let in_record = crate::persist::record::is_linked(&q.id).then(|| {
        html! { <p class="bd-help bd-muted" data-testid="in-record">{ crate::i18n::strings(lang).in_record }</p> }
    });
    let help = match (help, in_record) {
        (None, None) => None,
        (help, in_record) => Some(html! { <>{ for help }{ for in_record }</> }),
    };
    let block_id = format!("bd-q-{}", q.id);
    let body = match q.kind {
        Kind::Single | Kind::YesNo | Kind::Multi => {
            let multi = q.kind == Kind::Multi;
            let chosen = answer.map(Answer::chosen).unwrap_or_default();
            html! {
                <fieldset class="bd-q" id={block_id} aria-describedby={described}>
                    <legend>{ q.text.get(lang) }</legend>
                    { for help }
                    <div class={if multi { "bd-options bd-multi" } else { "bd-options" }}>
                        for o in &q.options {
                            { option(props, q, &o.id, option_label(o, lang), multi, chosen.contains(&o.id.as_str())) }
                        }
                    </div>
                    { consequences(q, answer, lang) }
                </fieldset>
            }
        }
        Kind::Text => text(props, q, answer, block_id, described, help),
        Kind::Table => {
            let rows = match answer {
                Some(Answer::Table(rows)) => rows.clone(),
                _ => Vec::new(),
            };
            html! {
                <super::table::TableInput question={props.question} {rows} {lang} {described} {help}
                    error={props.error.clone()} dispatch={props.dispatch.clone()} />
            }
        }
    };
    html! { <div class="bd-question">{ body }</div> }
}

/// One option of a choice question: a radio button or a checkbox with its label.
fn option(
    props: &QuestionProps,
    q: &'static Question,
    option: &str,
    label: String,
    multi: bool,
    checked: bool,
) -> Html {
    let input_id = format!("bd-{}-{}", q.id, option);
    let onchange = {
        let (dispatch, qid, oid) = (props.dispatch.clone(), q.id.clone(), option.to_string());
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
            dispatch.dispatch(if multi {
                Action::Toggle(qid.clone(), oid.clone(), on)
            } else {
                Action::Answer(qid.clone(), Answer::Choice(oid.clone()))
            })
        })
    };
    html! {
        <div class="bd-option">
            <input type={if multi { "checkbox" } else { "radio" }} id={input_id.clone()}
                name={format!("bd-{}", q.id)} value={option.to_string()} {checked} {onchange} />
            <label for={input_id}>{ label }</label>
        </div>
    }
}

/// A free-text question: label, help, text area, characters left and a refusal.
fn text(
    props: &QuestionProps,
    q: &'static Question,
    answer: Option<&Answer>,
    block_id: String,
    described: Option<String>,
    help: Option<Html>,
) -> Html {
    let t = strings(props.lang);
    let value = match answer {
        Some(Answer::Text(s)) => s.clone(),
        _ => String::new(),
    };
    let max = q.max_len();
    let left = max.saturating_sub(value.chars().count());
    let qid = q.id.clone();
    let oninput = super::on_value::<InputEvent>(&props.dispatch, move |v| Action::Answer(qid.clone(), Answer::Text(v)));
    let input_id = format!("bd-{}", q.id);
    let error = match &props.error {
        Some(AnswerError::TooLong { max, .. }) => {
            Some(html! { <p class="bd-error" role="alert">{ t.text_too_long(max) }</p> })
        }
        _ => None,
    };
    html! {
        <div class="bd-q bd-q-text" id={block_id}>
            <label class="bd-legend" for={input_id.clone()}>{ q.text.get(props.lang) }</label>
            { for help }
            <textarea id={input_id} rows="6" maxlength={max.to_string()} {value} aria-describedby={described} {oninput} />
            <p class="bd-counter" aria-live="polite">{ t.chars_left(left) }</p>
            { for error }
        </div>
    }
}

/// Why the chosen options matter: red line, what to find out, which articles and findings.
fn consequences(q: &'static Question, answer: Option<&Answer>, lang: Lang) -> Html {
    let bank = crate::bank::bank();
    let t = strings(lang);
    let chosen = answer.map(Answer::chosen).unwrap_or_default();
    let notes = chosen
        .into_iter()
        .filter_map(|id| q.option(id))
        .filter(|o| !o.raises.is_empty() || o.red_line.is_some() || o.find_out.is_some());
    let note = |class: &'static str, label: &'static str, text: &Option<crate::domain::model::Text>| {
        text.as_ref().map(|x| html! { <p {class}><strong>{ label }{ ": " }</strong>{ x.get(lang) }</p> })
    };
    html! {
        <>
        for o in notes {
            <div class="bd-why">
                { for note("bd-redline", t.red_lines, &o.red_line) }
                { for note("bd-findout", t.find_out, &o.find_out) }
                if !o.provisions.is_empty() || !o.findings.is_empty() {
                    <p class="bd-why-label">{ t.why_this_matters }</p>
                    { cite::reasons(bank, lang, &o.provisions, &o.findings, Anchors::Results) }
                }
            </div>
        }
        </>
    }
}

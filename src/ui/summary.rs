//! The summary a DPO can sign and file: cover with verdict and score, systematic description,
//! risk map, risk table with explanations, action plan, open points, sign-off block (as in
//! the ICO template), all answers by section and the findings cited.
//!
//! The same component is the `Step::Summary` screen (with editable details, action plan and
//! sign-off) and, on every other step, a hidden print-only copy (`print_copy`), so that
//! printing from anywhere (button, menu or Ctrl+P) always outputs this summary: the print
//! stylesheet hides everything but `.bd-summary`. Nothing depends on timing or on a
//! `beforeprint` handler re-rendering in time.
//!
//! Print layout: the document is one table whose `<thead>` holds the running header (title,
//! organisation, date, question bank version); Chromium and Firefox repeat a table header
//! on every printed page. Page numbers come from an `@page` margin box in style/app.css.

use std::collections::BTreeSet;

use yew::prelude::*;

use super::cite::{cause_text, option_label};
use super::heatmap::{HeatMap, MapRisk};
use super::results::cited_findings;
use super::state::{Action, Meta, State, Step};
use crate::domain::answers::{Answer, PlanItem, Status};
use crate::domain::assessment::{SignOff, MAX_ADVICE_LEN, MAX_META_LEN};
use crate::domain::engine::{Cause, Level, Position, Report};
use crate::domain::model::{Bank, Kind, Lang, Question};
use crate::i18n::{self, strings, summary, Strings};

/// Id of the section whose text answers are the systematic description.
pub const DESCRIPTION_SECTION: &str = "description";

/// Today's date, YYYY-MM-DD, from the browser's clock (empty natively).
fn today() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let d = js_sys::Date::new_0();
        format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        String::new()
    }
}

/// The date the summary carries: today, or (natively) the date of the last change.
pub fn summary_date(updated: &str) -> String {
    let d = today();
    if !d.is_empty() {
        return d;
    }
    updated.get(..10).unwrap_or(updated).to_string()
}


/// The labels of the options an answer chose (unknown ids are shown as they are).
fn chosen_labels(q: &Question, a: &Answer, lang: Lang) -> Vec<String> {
    a.chosen()
        .into_iter()
        .map(|id| q.option(id).map(|o| option_label(o, lang)).unwrap_or_else(|| id.to_string()))
        .collect()
}


/// Provisions and findings, inline; findings link to their entry in the annex.
fn cites(bank: &Bank, provisions: &[String], findings: &[String]) -> Html {
    if provisions.is_empty() && findings.is_empty() {
        return html! {};
    }
    let items = provisions
        .iter()
        .map(|p| html! { <li>{ super::cite::provision_short(bank, p) }</li> })
        .chain(findings.iter().map(|f| {
            html! { <li><a href={format!("#bd-sum-f-{f}")}>{ super::cite::finding_short(bank, f) }</a></li> }
        }));
    html! { <ul class="bd-sum-cites">{ for items }</ul> }
}

fn cause_cites(bank: &Bank, c: &Cause) -> Html {
    match super::cite::cause_option(bank, c) {
        Some(o) => cites(bank, &o.provisions, &o.findings),
        None => html! {},
    }
}

fn level_tag(t: &Strings, l: Level) -> Html {
    html! { <span class={classes!("bd-sum-level", format!("bd-sum-level-{}", l.key()))}>{ t.level(l) }</span> }
}

fn position_cell(t: &Strings, p: Position) -> Html {
    html! {
        <td class="bd-sum-pos">
            { level_tag(t, p.level()) }
            <span class="bd-sum-pos-detail">{ format!("{} {} · {} {}", t.likelihood, p.likelihood, t.severity, p.severity) }</span>
        </td>
    }
}

fn status_text(t: &Strings, s: Status) -> &'static str {
    match s {
        Status::InPlace => t.status_in_place,
        Status::Planned => t.status_planned,
        Status::NotPlanned => t.status_not_planned,
    }
}

/// Free text as the user wrote it: line breaks kept, long words wrapped.
fn free_text(text: &str) -> Html {
    html! { <div class="bd-sum-text">{ text }</div> }
}

/// An editable value: on screen the control, in print the value on a filled line.
fn field(editable: bool, control: Html, value: &str) -> Html {
    html! {
        <>
            if editable { <div class="bd-sum-edit">{ control }</div> }
            <div class={classes!("bd-sum-printed", editable.then_some("bd-sum-print-only"))}>
                <span class="bd-sum-line">{ value }</span>
            </div>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub state: UseReducerHandle<State>,
    /// The hidden copy rendered on the other steps for printing: no controls, no focus.
    #[prop_or_default]
    pub print_copy: bool,
}

#[function_component]
pub fn Summary(props: &SummaryProps) -> Html {
    let state = &props.state;
    let bank = state.bank;
    let lang = state.lang;
    let t = strings(lang);
    let s = summary::strings(lang);
    let report: &Report = &state.report;
    let a = &state.assessment;
    let editable = !props.print_copy;

    let heading = use_node_ref();
    {
        // Keyed on `editable`: the hidden print copy may be reused as the screen view when the
        // user opens this step, and focus must move then too.
        let heading = heading.clone();
        use_effect_with(editable, move |focus| {
            if *focus {
                if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
        });
    }

    let date = summary_date(&a.updated);
    let title = if a.title.trim().is_empty() { s.untitled.to_string() } else { a.title.clone() };
    let organisation = a.organisation.trim().to_string();
    let version = if bank.version.is_empty() { a.bank_version.clone() } else { bank.version.clone() };

    use_print_title({
        let mut parts = vec![s.running_prefix.to_string(), title.clone()];
        if !organisation.is_empty() {
            parts.push(organisation.clone());
        }
        parts.push(date.clone());
        parts.join(" - ")
    });

    // ---------------------------------------------------------------- controls
    let dispatch = |f: fn(String) -> Action| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            state.dispatch(f(input.value()));
        })
    };
    let details = editable.then(|| {
        html! {
            <section class="bd-card bd-sum-details bd-noprint" aria-labelledby="bd-sum-details">
                <h3 id="bd-sum-details">{ s.details }</h3>
                <p class="bd-muted">{ s.details_hint }</p>
                <div class="bd-sum-form">
                    <label for="bd-sum-title">{ s.title_label }</label>
                    <input id="bd-sum-title" data-testid="summary-title" type="text" maxlength={MAX_META_LEN.to_string()}
                        value={a.title.clone()} oninput={dispatch(|v| Action::SetMeta(Meta::Title, v))} />
                    <label for="bd-sum-org">{ s.organisation_label }</label>
                    <input id="bd-sum-org" data-testid="summary-org" type="text" maxlength={MAX_META_LEN.to_string()}
                        value={a.organisation.clone()} oninput={dispatch(|v| Action::SetMeta(Meta::Organisation, v))} />
                </div>
            </section>
        }
    });
    let onprint = Callback::from(|_: MouseEvent| {
        #[cfg(target_arch = "wasm32")]
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let onback = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Goto(Step::Results)))
    };
    let toolbar = editable.then(|| {
        html! {
            <div class="bd-sum-toolbar bd-noprint">
                <h2 id="bd-summary-title" tabindex="-1" ref={heading.clone()}>{ s.open_summary }</h2>
                <p class="bd-muted">{ s.print_hint }</p>
                <div class="bd-sum-buttons">
                    <button type="button" class="bd-btn" onclick={onback.clone()}>{ s.back_to_results }</button>
                    <button type="button" class="bd-btn bd-primary" data-testid="summary-print" onclick={onprint.clone()}>{ t.print }</button>
                </div>
            </div>
        }
    });

    // ---------------------------------------------------------------- cover
    let (verdict_title, verdict_body) = t.verdict(report.verdict);
    let band = Report::band(report.residual_score);
    let red_lines = (!report.red_lines.is_empty()).then(|| {
        html! {
            <div class="bd-sum-redlines">
                <p class="bd-sum-label">{ t.red_lines }</p>
                <ul>{ for report.red_lines.iter().map(|c| {
                    let (q, o) = cause_text(bank, lang, c);
                    let why = super::cite::cause_option(bank, c).and_then(|o| o.red_line.as_ref())
                        .map(|r| r.get(lang).to_string()).unwrap_or_default();
                    html! { <li><p>{ q }{ " → " }<strong>{ o }</strong></p><p>{ why }</p>{ cause_cites(bank, c) }</li> }
                }) }</ul>
            </div>
        }
    });
    let screening = html! {
        <div class="bd-sum-screening">
            <p class="bd-sum-label">{ t.screening }</p>
            <p>{ if report.screening.required { t.dpia_required } else { t.dpia_not_indicated } }</p>
            if !report.screening.criteria.is_empty() {
                <p>{ t.wp248_met }{ ": " }{ report.screening.criteria.iter().map(|c| t.wp248(c)).collect::<Vec<_>>().join("; ") }</p>
            }
        </div>
    };
    let cover = html! {
        <section class="bd-sum-cover" aria-labelledby="bd-sum-doc-title">
            <p class="bd-sum-doctitle" id="bd-sum-doc-title">{ s.doc_title }</p>
            <p class="bd-sum-docsub">{ s.doc_subtitle }</p>
            <p class="bd-sum-title" data-testid="summary-doc-title">{ &title }</p>
            <dl class="bd-sum-meta">
                <dt>{ s.organisation_label }</dt><dd>{ if organisation.is_empty() { "—".to_string() } else { organisation.clone() } }</dd>
                <dt>{ s.date_label }</dt><dd>{ if date.is_empty() { "—".to_string() } else { date.clone() } }</dd>
                <dt>{ s.bank_version_label }</dt><dd>{ &version }</dd>
            </dl>
            <div class={classes!("bd-sum-verdict", format!("bd-sum-verdict-{}", report.verdict.key()))} data-testid="summary-verdict">
                <p class="bd-sum-label">{ t.verdict }</p>
                <p class="bd-sum-verdict-title">{ verdict_title }</p>
                <p>{ verdict_body }</p>
                if !report.complete() {
                    <p class="bd-sum-provisional">{ i18n::fill(t.provisional, &[&report.unanswered.len()]) }</p>
                }
            </div>
            <div class="bd-sum-scores" data-testid="summary-score">
                <p class="bd-sum-label">{ s.scores }</p>
                <div class="bd-sum-score-main">
                    <span class="bd-sum-score-num">{ report.residual_score }</span><span class="bd-sum-score-max">{ "/100" }</span>
                    { level_tag(t, band) }
                    <span class="bd-sum-score-what">{ t.residual_score }</span>
                </div>
                <div class="bd-sum-score-side">
                    <span>{ t.inherent_score }{ ": " }<strong>{ format!("{}/100", report.inherent_score) }</strong>{ " " }{ level_tag(t, Report::band(report.inherent_score)) }</span>
                    <span>{ t.planned_score }{ ": " }<strong>{ format!("{}/100", report.planned_score) }</strong>{ " " }{ level_tag(t, Report::band(report.planned_score)) }</span>
                </div>
            </div>
            { screening }
            { red_lines }
        </section>
    };

    // ---------------------------------------------------------------- description
    let description_section = bank.sections.iter().find(|x| x.id == DESCRIPTION_SECTION);
    let description_items = description_section
        .into_iter()
        .flat_map(|sec| sec.questions.iter())
        .filter(|q| q.kind == Kind::Text && report.visible.contains(&q.id))
        .map(|q| {
            let text = match a.answers.get(&q.id) {
                Some(Answer::Text(x)) if !x.trim().is_empty() => free_text(x),
                _ => html! { <p class="bd-muted">{ s.not_filled_in }</p> },
            };
            html! { <div class="bd-sum-qa"><p class="bd-sum-q">{ q.text.get(lang) }</p>{ text }</div> }
        });

    // ---------------------------------------------------------------- risks
    // Worst first (as on the results page): by planned, residual, inherent level; then bank order.
    let mut raised: Vec<_> = report.risks.iter().filter(|r| r.is_raised()).collect();
    crate::domain::sort::sort_by_key(&mut raised, |r| std::cmp::Reverse((r.planned.level(), r.residual.level(), r.inherent.level())));
    let map_risks: Vec<MapRisk> = raised
        .iter()
        .enumerate()
        .map(|(i, r)| MapRisk {
            number: i + 1,
            title: bank.risk(&r.risk).map(|x| x.title.get(lang).to_string()).unwrap_or_else(|| r.risk.clone()),
            inherent: r.inherent,
            residual: r.residual,
        })
        .collect();
    let risk_rows = raised.iter().enumerate().map(|(i, r)| {
        let title = bank.risk(&r.risk).map(|x| x.title.get(lang)).unwrap_or(&r.risk);
        html! {
            <tr class="bd-sum-risk">
                <td class="bd-sum-num">{ i + 1 }</td>
                <td><a class="bd-sum-risk-title" href={format!("#bd-sum-why-{}", r.risk)}>{ title }</a></td>
                { position_cell(t, r.inherent) }
                { position_cell(t, r.residual) }
                { position_cell(t, r.planned) }
            </tr>
        }
    });
    // Why each risk arises, in full width below the overview table.
    let risk_why = raised.iter().enumerate().map(|(i, r)| {
        let risk = bank.risk(&r.risk);
        let title = risk.map(|x| x.title.get(lang)).unwrap_or(&r.risk);
        html! {
            <div class="bd-sum-why" id={format!("bd-sum-why-{}", r.risk)}>
                <p class="bd-sum-why-title">{ format!("{}. {title}", i + 1) }</p>
                <p class="bd-sum-small bd-muted">{ risk.map(|x| x.description.get(lang)).unwrap_or("") }</p>
                <p class="bd-sum-label">{ t.raised_by }</p>
                <ul class="bd-sum-small">{ for r.raised_by.iter().map(|(c, _)| {
                    let (q, o) = cause_text(bank, lang, c);
                    html! { <li>{ q }{ " → " }<strong>{ o }</strong>{ cause_cites(bank, c) }</li> }
                }) }</ul>
                if !r.lowered_by.is_empty() {
                    <p class="bd-sum-label">{ t.lowered_by }</p>
                    <ul class="bd-sum-small">{ for r.lowered_by.iter().map(|x| html! {
                        <li>{ bank.safeguard(x).map(|g| g.title.get(lang)).unwrap_or(x) }</li>
                    }) }</ul>
                }
            </div>
        }
    });

    // ---------------------------------------------------------------- action plan
    // Filled with `extend`, not `collect`: collecting into a set sorts with the standard
    // library's stable sort, about 4 KB of wasm for these two sets alone.
    let mut recommended: BTreeSet<&str> = BTreeSet::new();
    recommended.extend(report.recommendations.iter().map(|r| r.safeguard.as_str()));
    let mut from_answers: BTreeSet<&str> = BTreeSet::new();
    from_answers.extend(
        report.in_place.iter().map(String::as_str).filter(|id| a.plan.get(*id).is_none_or(|p| p.status != Status::InPlace)),
    );
    // Recommendations in priority order, then what is in place (by plan or answers), bank order.
    let mut plan_rows: Vec<(&str, Option<&crate::domain::engine::Recommendation>)> =
        report.recommendations.iter().map(|r| (r.safeguard.as_str(), Some(r))).collect();
    plan_rows.extend(
        bank.safeguards
            .iter()
            .map(|g| g.id.as_str())
            .filter(|id| !recommended.contains(id) && report.in_place.iter().any(|x| x == id))
            .map(|id| (id, None)),
    );
    let plan_rows_html = plan_rows.iter().map(|(sid, rec)| {
        let g = bank.safeguard(sid);
        let title = g.map(|x| x.title.get(lang)).unwrap_or(sid);
        let item: PlanItem = a.plan.get(*sid).cloned().unwrap_or_default();
        let by_answers = from_answers.contains(sid) && rec.is_none();
        let sid_s = sid.to_string();
        let set = {
            let state = state.clone();
            let sid = sid_s.clone();
            move |item: PlanItem| state.dispatch(Action::SetPlan(sid.clone(), item))
        };
        let onstatus = {
            let (set, item) = (set.clone(), item.clone());
            Callback::from(move |e: Event| {
                let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
                let status = match sel.value().as_str() {
                    "in_place" => Status::InPlace,
                    "planned" => Status::Planned,
                    _ => Status::NotPlanned,
                };
                set(PlanItem { status, ..item.clone() });
            })
        };
        let onowner = {
            let (set, item) = (set.clone(), item.clone());
            Callback::from(move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                set(PlanItem { owner: input.value().chars().take(MAX_META_LEN).collect(), ..item.clone() });
            })
        };
        let ondue = {
            let (set, item) = (set.clone(), item.clone());
            Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                set(PlanItem { due: input.value(), ..item.clone() });
            })
        };
        let (status_id, owner_id, due_id) =
            (format!("bd-sum-plan-{sid}-status"), format!("bd-sum-plan-{sid}-owner"), format!("bd-sum-plan-{sid}-due"));
        let status_cell = if by_answers {
            html! { <span class="bd-sum-line">{ s.in_place_by_answers }</span> }
        } else {
            field(
                editable,
                html! {
                    <>
                        <label class="bd-sr" for={status_id.clone()}>{ format!("{}: {title}", t.status) }</label>
                        <select id={status_id} onchange={onstatus}>
                            <option value="not_planned" selected={item.status == Status::NotPlanned}>{ t.status_not_planned }</option>
                            <option value="planned" selected={item.status == Status::Planned}>{ t.status_planned }</option>
                            <option value="in_place" selected={item.status == Status::InPlace}>{ t.status_in_place }</option>
                        </select>
                    </>
                },
                status_text(t, item.status),
            )
        };
        let owner_cell = field(
            editable && !by_answers,
            html! {
                <>
                    <label class="bd-sr" for={owner_id.clone()}>{ format!("{}: {title}", t.owner) }</label>
                    <input id={owner_id} type="text" maxlength={MAX_META_LEN.to_string()} value={item.owner.clone()} oninput={onowner} />
                </>
            },
            &item.owner,
        );
        let due_cell = field(
            editable && !by_answers,
            html! {
                <>
                    <label class="bd-sr" for={due_id.clone()}>{ format!("{}: {title}", t.due) }</label>
                    <input id={due_id} type="date" value={item.due.clone()} onchange={ondue} />
                </>
            },
            &item.due,
        );
        let effect = rec.map(|r| &r.effect).filter(|e| !e.is_empty()).map(|e| {
            html! {
                <>
                    <p class="bd-sum-small bd-sum-label">{ t.effect }</p>
                    <ul class="bd-sum-small">{ for e.iter().map(|(rid, before, after)| {
                        let name = bank.risk(rid).map(|x| x.title.get(lang)).unwrap_or(rid);
                        html! { <li>{ format!("{name}: {} → {}", t.level(before.level()), t.level(after.level())) }</li> }
                    }) }</ul>
                </>
            }
        });
        let required = rec.map(|r| &r.required_by).filter(|r| !r.is_empty()).map(|r| {
            html! {
                <>
                    <p class="bd-sum-small bd-sum-label">{ t.required_by }</p>
                    <ul class="bd-sum-small">{ for r.iter().map(|c| {
                        let (q, o) = cause_text(bank, lang, c);
                        html! { <li>{ q }{ " → " }<strong>{ o }</strong></li> }
                    }) }</ul>
                </>
            }
        });
        html! {
            <tbody class="bd-sum-plan-item">
                <tr class="bd-sum-plan-row" data-testid="summary-plan-row">
                    // data-label: the column name above each cell when the table is stacked on a narrow screen.
                    <td data-label={s.priority}>{ rec.map(|r| t.priority(r.priority)).unwrap_or("—") }</td>
                    <td><p class="bd-sum-plan-title">{ title }</p></td>
                    <td data-label={t.status}>{ status_cell }</td>
                    <td data-label={t.owner}>{ owner_cell }</td>
                    <td data-label={t.due}>{ due_cell }</td>
                </tr>
                <tr class="bd-sum-plan-detail">
                    <td />
                    <td colspan="4">
                        <p class="bd-sum-small bd-muted">{ g.map(|x| x.explanation.get(lang)).unwrap_or("") }</p>
                        { for effect }
                        { for required }
                        { g.map(|x| cites(bank, &x.provisions, &x.findings)).unwrap_or_default() }
                    </td>
                </tr>
            </tbody>
        }
    });

    // ---------------------------------------------------------------- find out
    let find_out = report.find_out.iter().map(|c| {
        let (q, _) = cause_text(bank, lang, c);
        let what = super::cite::cause_option(bank, c).and_then(|o| o.find_out.as_ref())
            .map(|f| f.get(lang).to_string()).unwrap_or_default();
        html! { <li><p class="bd-sum-q">{ q }</p><p>{ what }</p></li> }
    });

    // ---------------------------------------------------------------- sign-off
    let so = a.signoff.clone();
    let set_so = |f: fn(&mut SignOff, String)| {
        let state = state.clone();
        let so = so.clone();
        move |v: String| {
            let mut next = so.clone();
            f(&mut next, v);
            state.dispatch(Action::SetSignOff(next));
        }
    };
    let text_input = |id: &'static str, value: &str, max: usize, set: Box<dyn Fn(String)>| -> Html {
        let set = std::rc::Rc::new(set);
        let oninput = Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            set(input.value());
        });
        html! { <input id={id} type="text" maxlength={max.to_string()} value={value.to_string()} {oninput} /> }
    };
    let text_area = |id: &'static str, value: &str, set: Box<dyn Fn(String)>| -> Html {
        let set = std::rc::Rc::new(set);
        let oninput = Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            set(area.value());
        });
        html! { <textarea id={id} rows="4" maxlength={MAX_ADVICE_LEN.to_string()} value={value.to_string()} {oninput} /> }
    };
    let onfollowed = {
        let set = set_so(|x, v| x.dpo_advice_followed = v);
        Callback::from(move |e: Event| {
            let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
            set(sel.value());
        })
    };
    let onreview = {
        let set = set_so(|x, v| x.review_date = v);
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            set(input.value());
        })
    };
    let followed_options = ["", "yes", "partly", "no"].map(|v| {
        html! { <option value={v} selected={so.dpo_advice_followed == v}>{ s.followed(v) }</option> }
    });
    // Rows with free text may run over a page break; the others are kept whole.
    let signoff_row = |label_id: &'static str, label: &str, note: &str, body: Html, sign: bool| -> Html {
        let long = matches!(label_id, "bd-sum-so-advice" | "bd-sum-so-reasons");
        html! {
            <tr class={if long { "bd-sum-so-long" } else { "bd-sum-so-short" }}>
                <th scope="row"><label for={label_id}>{ label }</label></th>
                <td>{ body }<p class="bd-sum-small bd-muted">{ note }</p></td>
                <td class="bd-sum-sign">if sign { <span class="bd-sum-line bd-sum-blank" /> }</td>
            </tr>
        }
    };
    let followed_value = if so.dpo_advice_followed.is_empty() { String::new() } else { s.followed(&so.dpo_advice_followed).to_string() };
    let signoff = html! {
        <table class="bd-sum-table bd-sum-signoff" data-testid="summary-signoff">
            <colgroup><col class="bd-sum-col-item" /><col /><col class="bd-sum-col-sign" /></colgroup>
            <thead><tr><th scope="col">{ s.item }</th><th scope="col">{ s.name_and_notes }</th><th scope="col">{ s.signature_date }</th></tr></thead>
            <tbody>
                { signoff_row("bd-sum-so-measures", s.measures_approved_by, s.measures_note,
                    field(editable, text_input("bd-sum-so-measures", &so.measures_approved_by, MAX_META_LEN, Box::new(set_so(|x, v| x.measures_approved_by = v))), &so.measures_approved_by), true) }
                { signoff_row("bd-sum-so-residual", s.residual_accepted_by, s.residual_note,
                    field(editable, text_input("bd-sum-so-residual", &so.residual_risk_accepted_by, MAX_META_LEN, Box::new(set_so(|x, v| x.residual_risk_accepted_by = v))), &so.residual_risk_accepted_by), true) }
                { signoff_row("bd-sum-so-advice", s.dpo_advice, s.dpo_advice_note,
                    field(editable, text_area("bd-sum-so-advice", &so.dpo_advice, Box::new(set_so(|x, v| x.dpo_advice = v))), &so.dpo_advice), true) }
                { signoff_row("bd-sum-so-followed", s.dpo_followed, "",
                    field(editable, html! { <select id="bd-sum-so-followed" onchange={onfollowed}>{ for followed_options }</select> }, &followed_value), false) }
                { signoff_row("bd-sum-so-reasons", s.dpo_reasons, s.dpo_reasons_note,
                    field(editable, text_area("bd-sum-so-reasons", &so.dpo_advice_reasons, Box::new(set_so(|x, v| x.dpo_advice_reasons = v))), &so.dpo_advice_reasons), false) }
                { signoff_row("bd-sum-so-review", s.review_date, s.review_note,
                    field(editable, html! { <input id="bd-sum-so-review" type="date" value={so.review_date.clone()} onchange={onreview} /> }, &so.review_date), false) }
            </tbody>
        </table>
    };

    // ---------------------------------------------------------------- answers
    let answers = bank.sections.iter().enumerate().map(|(i, sec)| {
        let items = sec.questions.iter().filter(|q| report.visible.contains(&q.id)).map(|q| {
            let answer = a.answers.get(&q.id).filter(|x| !x.is_empty());
            let body = match answer {
                None => html! { <span class="bd-muted">{ s.not_answered }</span> },
                Some(Answer::Text(_)) if sec.id == DESCRIPTION_SECTION => html! { <span class="bd-muted">{ s.see_description }</span> },
                Some(Answer::Text(x)) => free_text(x),
                Some(x @ Answer::Multi(_)) => html! {
                    <ul>{ for chosen_labels(q, x, lang).into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                },
                Some(x) => html! { <span>{ chosen_labels(q, x, lang).join(", ") }</span> },
            };
            html! { <div class="bd-sum-qa"><dt class="bd-sum-q">{ q.text.get(lang) }</dt><dd>{ body }</dd></div> }
        });
        html! {
            <section class="bd-sum-answers-section">
                <h4>{ format!("{}. {}", i + 1, sec.title.get(lang)) }</h4>
                <dl>{ for items }</dl>
            </section>
        }
    });

    // ---------------------------------------------------------------- findings
    let findings = cited_findings(bank, report);
    let findings_html = findings.iter().map(|f| {
        html! {
            <li id={format!("bd-sum-f-{}", f.id)} class="bd-sum-finding" data-testid="summary-finding">
                <p class="bd-sum-finding-title">{ format!("{} ({}), {}: {}", f.authority, f.country, f.date, f.subject) }</p>
                if !f.reference.is_empty() { <p class="bd-sum-small">{ s.reference }{ ": " }{ &f.reference }</p> }
                if let Some(x) = &f.amount { <p class="bd-sum-small">{ x.get(lang) }</p> }
                <ul class="bd-sum-small">{ for f.key_findings.iter().map(|k| html! { <li>{ k.get(lang) }</li> }) }</ul>
                <p class="bd-sum-small">{ t.appeal }{ ": " }{ f.appeal.get(lang) }</p>
                <p class="bd-sum-small bd-sum-url">{ t.source }{ ": " }<a href={f.source.clone()} rel="noreferrer noopener" target="_blank">{ &f.source }</a></p>
            </li>
        }
    });

    let running = html! {
        <div class="bd-sum-running">
            <span class="bd-sum-running-title">{ format!("{} · {}", s.running_prefix, title) }</span>
            <span class="bd-sum-running-meta">{
                [organisation.clone(), date.clone(), format!("{} {}", s.bank_version_label, version)]
                    .into_iter().filter(|x| !x.is_empty()).collect::<Vec<_>>().join(" · ")
            }</span>
        </div>
    };

    html! {
        <section class={classes!("bd-summary", props.print_copy.then_some("bd-print-copy"))}
            aria-labelledby={editable.then_some("bd-summary-title")} data-testid={if editable { "summary" } else { "summary-print-copy" }}>
            { for toolbar }
            { for details }
            <table class="bd-sum-doc" role="presentation">
                <thead class="bd-sum-doc-head"><tr><td>{ running }</td></tr></thead>
                <tbody><tr><td class="bd-sum-doc-body">
                    { cover }
                    <section class="bd-sum-part bd-sum-description" aria-labelledby="bd-sum-h-description">
                        <div class="bd-sum-head">
                            <h3 id="bd-sum-h-description">{ format!("1. {}", s.description) }</h3>
                            <p class="bd-muted">{ s.description_intro }</p>
                        </div>
                        { for description_items }
                    </section>
                    <section class="bd-sum-part bd-sum-map" aria-labelledby="bd-sum-h-map">
                        <div class="bd-sum-head">
                            <h3 id="bd-sum-h-map">{ format!("2. {}", s.heatmap) }</h3>
                            <p class="bd-muted">{ s.heatmap_intro }</p>
                        </div>
                        <HeatMap {lang} risks={map_risks} />
                    </section>
                    <section class="bd-sum-part" aria-labelledby="bd-sum-h-risks">
                        <h3 id="bd-sum-h-risks">{ format!("3. {}", s.risk_table) }</h3>
                        if raised.is_empty() {
                            <p>{ s.no_risks }</p>
                        } else {
                            <table class="bd-sum-table bd-sum-risks">
                                <colgroup><col class="bd-sum-col-num" /><col /><col class="bd-sum-col-pos" /><col class="bd-sum-col-pos" /><col class="bd-sum-col-pos" /></colgroup>
                                <thead><tr>
                                    <th scope="col">{ s.number }</th><th scope="col">{ t.risk }</th>
                                    <th scope="col">{ t.inherent }</th><th scope="col">{ t.residual }</th><th scope="col">{ t.with_planned }</th>
                                </tr></thead>
                                <tbody>{ for risk_rows }</tbody>
                            </table>
                            { for risk_why }
                        }
                    </section>
                    <section class="bd-sum-part" aria-labelledby="bd-sum-h-plan">
                        <div class="bd-sum-head">
                            <h3 id="bd-sum-h-plan">{ format!("4. {}", s.action_plan) }</h3>
                            <p class="bd-muted">{ s.action_plan_intro }</p>
                        </div>
                        if plan_rows.is_empty() {
                            <p>{ s.no_actions }</p>
                        } else {
                            <table class="bd-sum-table bd-sum-plan">
                                <colgroup><col class="bd-sum-col-prio" /><col /><col class="bd-sum-col-status" /><col class="bd-sum-col-owner" /><col class="bd-sum-col-due" /></colgroup>
                                <thead><tr>
                                    <th scope="col">{ s.priority }</th><th scope="col">{ s.safeguard }</th>
                                    <th scope="col">{ t.status }</th><th scope="col">{ t.owner }</th><th scope="col">{ t.due }</th>
                                </tr></thead>
                                { for plan_rows_html }
                            </table>
                        }
                    </section>
                    <section class="bd-sum-part" aria-labelledby="bd-sum-h-findout">
                        <h3 id="bd-sum-h-findout">{ format!("5. {}", t.find_out) }</h3>
                        if report.find_out.is_empty() { <p>{ t.nothing_to_find_out }</p> }
                        else { <ul class="bd-sum-findout">{ for find_out }</ul> }
                    </section>
                    <section class="bd-sum-part bd-sum-signoff-part" aria-labelledby="bd-sum-h-signoff">
                        <div class="bd-sum-head">
                            <h3 id="bd-sum-h-signoff">{ format!("6. {}", s.signoff) }</h3>
                            <p class="bd-muted">{ s.signoff_intro }</p>
                        </div>
                        { signoff }
                    </section>
                    <section class="bd-sum-part bd-sum-annex" aria-labelledby="bd-sum-h-answers">
                        <div class="bd-sum-head">
                            <h3 id="bd-sum-h-answers">{ format!("{} A. {}", s.annex, s.answers) }</h3>
                            <p class="bd-muted">{ s.answers_intro }</p>
                        </div>
                        { for answers }
                    </section>
                    <section class="bd-sum-part bd-sum-annex" aria-labelledby="bd-sum-h-findings">
                        <div class="bd-sum-head">
                            <h3 id="bd-sum-h-findings">{ format!("{} B. {}", s.annex, t.findings_cited) }</h3>
                            <p class="bd-muted">{ s.findings_intro }</p>
                        </div>
                        if findings.is_empty() { <p>{ s.no_findings }</p> }
                        else { <ol class="bd-sum-findings">{ for findings_html }</ol> }
                    </section>
                    <p class="bd-sum-disclaimer">{ s.disclaimer }</p>
                </td></tr></tbody>
            </table>
        </section>
    }
}

/// While the browser prints, the page title is the summary's ("DPIA - title - organisation -
/// date"), so that "Save as PDF" proposes a meaningful file name; restored afterwards.
#[hook]
fn use_print_title(title: String) {
    use_effect_with(title, |title| {
        #[cfg(target_arch = "wasm32")]
        {
            use std::cell::RefCell;
            use std::rc::Rc;
            let saved: Rc<RefCell<Option<String>>> = Rc::default();
            let listeners = web_sys::window().map(|w| {
                let (before_title, before_saved) = (title.clone(), saved.clone());
                let before = gloo::events::EventListener::new(&w, "beforeprint", move |_| {
                    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                        before_saved.replace(Some(doc.title()));
                        doc.set_title(&before_title);
                    }
                });
                let after_saved = saved.clone();
                let after = gloo::events::EventListener::new(&w, "afterprint", move |_| {
                    if let (Some(doc), Some(old)) = (web_sys::window().and_then(|w| w.document()), after_saved.take()) {
                        doc.set_title(&old);
                    }
                });
                (before, after)
            });
            move || {
                if let (Some(doc), Some(old)) = (web_sys::window().and_then(|w| w.document()), saved.take()) {
                    doc.set_title(&old);
                }
                drop(listeners);
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = title;
            || ()
        }
    });
}

//! The input of a table question: rows the user adds, edits cell by cell and removes.

use yew::prelude::*;

use super::state::Action;
use super::{Button, Dispatch, Ref, BTN};
use crate::domain::answers::{AnswerError, Row, TableEdit};
use crate::domain::model::{Column, ColumnKind, Question};
use crate::i18n::{strings, Get, Lang};

#[derive(Properties, PartialEq)]
pub struct TableInputProps {
    pub question: Ref<Question>,
    /// The rows answered so far.
    pub rows: Vec<Row>,
    pub lang: Lang,
    /// The id of the question's help text, if it has one.
    pub described: Option<String>,
    pub help: Option<Html>,
    /// The last refused answer, if it was this question's.
    pub error: Option<AnswerError>,
    pub dispatch: Dispatch,
}

/// Where the keyboard focus goes after the rows changed.
#[derive(Clone, Copy, PartialEq)]
enum Focus {
    /// The first cell of the row just added.
    NewRow,
    /// The "Add a row" button (after a row was removed, its button is gone).
    Add,
}

/// A table question: a fieldset with the question as legend, a table with one labelled control
/// per cell ("Name, row 2") and a remove button per row, and "Add a row" (disabled at
/// `max_rows`). Each edit is one [`TableEdit`], so nothing of the rows is captured at render
/// time.
#[function_component]
pub fn TableInput(props: &TableInputProps) -> Html {
    let q = props.question.0;
    let lang = props.lang;
    let t = strings(lang);
    let new_row = use_node_ref();
    let add = use_node_ref();
    let pending = use_mut_ref(|| None::<Focus>);
    {
        let (new_row, add, pending) = (new_row.clone(), add.clone(), pending.clone());
        use_effect_with(props.rows.len(), move |_| {
            let node = match pending.borrow_mut().take() {
                Some(Focus::NewRow) => new_row,
                Some(Focus::Add) => add,
                None => return,
            };
            if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let rows = props.rows.len();
    let max = q.max_rows();
    let edit = |edit: TableEdit, focus: Option<Focus>| {
        let (dispatch, qid, pending) = (props.dispatch.clone(), q.id.clone(), pending.clone());
        Callback::from(move |_: MouseEvent| {
            if focus.is_some() {
                *pending.borrow_mut() = focus;
            }
            dispatch.dispatch(Action::EditTable(qid.clone(), edit.clone()));
        })
    };
    let error = match &props.error {
        Some(AnswerError::TooLong { max, .. }) => Some(t.text_too_long(max)),
        Some(AnswerError::TooManyRows { max, .. }) => Some(t.table_full(max)),
        _ => None,
    };
    html! {
        <fieldset class="bd-q bd-q-table" id={format!("bd-q-{}", q.id)} aria-describedby={props.described.clone()}>
            <legend>{ q.text.get(lang) }</legend>
            { for props.help.clone() }
            if rows == 0 {
                <p class="bd-muted">{ t.table_empty }</p>
            } else {
                <div class="bd-table-wrap">
                    <table class="bd-table" data-testid={format!("table-{}", q.id)}>
                        <thead>
                            <tr>
                                for c in &q.columns { <th scope="col">{ c.header.get(lang) }</th> }
                                <th scope="col"><span class="bd-sr">{ t.table_actions }</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            for (i, row) in props.rows.iter().enumerate() {
                                <tr key={i}>
                                    for (j, c) in q.columns.iter().enumerate() {
                                        <td>{ cell(props, c, i, row, (j == 0 && i + 1 == rows).then_some(&new_row)) }</td>
                                    }
                                    <td class="bd-table-act">
                                        <button type="button" class={BTN} aria-label={t.table_remove_row(i + 1)}
                                            onclick={edit(TableEdit::RemoveRow(i), Some(Focus::Add))}>{ t.table_remove }</button>
                                    </td>
                                </tr>
                            }
                        </tbody>
                    </table>
                </div>
            }
            <div class="bd-table-foot">
                { super::button(
                    Button {
                        class: BTN,
                        testid: Some("table-add"),
                        disabled: rows >= max,
                        node_ref: Some(&add),
                        label: t.table_add_row,
                        ..Default::default()
                    },
                    edit(TableEdit::AddRow, Some(Focus::NewRow)),
                ) }
                <p class="bd-counter" aria-live="polite">{ t.table_rows(rows, max) }</p>
            </div>
            if let Some(e) = error { <p class="bd-error" role="alert">{ e }</p> }
        </fieldset>
    }
}

/// One cell: a text input or a select, labelled "column, row n" for screen readers.
fn cell(props: &TableInputProps, c: &'static Column, i: usize, row: &Row, node: Option<&NodeRef>) -> Html {
    let q = props.question.0;
    let lang = props.lang;
    let t = strings(lang);
    let label = t.table_cell(c.header.get(lang), i + 1);
    let id = format!("bd-{}-{}-{}", q.id, i, c.id);
    let value = row.get(&c.id).cloned().unwrap_or_default();
    let (qid, cid) = (q.id.clone(), c.id.clone());
    let to = move |v: String| Action::EditTable(qid.clone(), TableEdit::SetCell(i, cid.clone(), v));
    let node = node.cloned().unwrap_or_default();
    match c.kind {
        ColumnKind::Text => html! {
            <input type="text" {id} ref={node} aria-label={label} maxlength={c.max_len().to_string()} {value}
                oninput={super::on_value::<InputEvent>(&props.dispatch, to)} />
        },
        ColumnKind::Choice => html! {
            <select {id} ref={node} aria-label={label} onchange={super::on_value::<Event>(&props.dispatch, to)}>
                <option value="" selected={value.is_empty()}>{ t.table_choose }</option>
                for o in &c.options {
                    <option value={o.id.clone()} selected={o.id == value}>{ o.label.get(lang) }</option>
                }
            </select>
        },
    }
}

/// A table answer as the summary prints it: the column headers, then each row with its texts
/// and the labels of its choices (an id the column does not offer is shown as it is).
pub fn printed(q: &Question, rows: &[Row], lang: Lang) -> Html {
    html! {
        <table class="bd-sum-table bd-sum-answer-table" data-testid={format!("summary-table-{}", q.id)}>
            <thead>
                <tr>
                    for c in &q.columns { <th scope="col">{ c.header.get(lang) }</th> }
                </tr>
            </thead>
            <tbody>
                for row in crate::report::names::table_cells(q, rows, lang) {
                    <tr>
                        for cell in row { <td>{ cell }</td> }
                    </tr>
                }
            </tbody>
        </table>
    }
}

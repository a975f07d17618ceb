//! The summary's form controls. On screen an editable value is its control; in print it is the
//! value on a filled line (the print stylesheet hides the controls).

use yew::prelude::*;

/// An editable value: `control` on screen (when the summary is editable), `printed` in print.
pub fn field(control: Option<Html>, printed: &str) -> Html {
    let line = html! { <span class="bd-sum-line">{ printed }</span> };
    match control {
        Some(control) => html! {
            <>
                <div class="bd-sum-edit">{ control }</div>
                <div class="bd-sum-printed bd-sum-print-only">{ line }</div>
            </>
        },
        None => html! { <div class="bd-sum-printed">{ line }</div> },
    }
}

/// A text input that reports every keystroke.
pub fn text_input(
    id: String,
    testid: Option<&'static str>,
    value: &str,
    max: usize,
    oninput: Callback<InputEvent>,
) -> Html {
    html! {
        <input {id} data-testid={testid} type="text" maxlength={max.to_string()} value={value.to_string()} {oninput} />
    }
}

/// A text area that reports every keystroke.
pub fn text_area(id: String, value: &str, max: usize, oninput: Callback<InputEvent>) -> Html {
    html! { <textarea {id} rows="4" maxlength={max.to_string()} value={value.to_string()} {oninput} /> }
}

/// A date input.
pub fn date_input(id: String, value: &str, onchange: Callback<Event>) -> Html {
    html! { <input {id} type="date" value={value.to_string()} {onchange} /> }
}

/// A select of `options` (value, label) with `selected` chosen.
pub fn select<S: AsRef<str>>(id: String, options: &[(S, S)], selected: &str, onchange: Callback<Event>) -> Html {
    html! {
        <select {id} {onchange}>
            for (value, label) in options.iter().map(|(v, l)| (v.as_ref(), l.as_ref())) {
                <option value={value.to_string()} selected={value == selected}>{ label.to_string() }</option>
            }
        </select>
    }
}

/// The hidden label of a control in a table row, naming it and its row ("Owner: Access logging").
pub fn hidden_label(id: &str, what: &str, row: &str) -> Html {
    html! { <label class="bd-sr" for={id.to_string()}>{ format!("{what}: {row}") }</label> }
}

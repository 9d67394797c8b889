//! A labelled input of a form laid out in fields (title, dates, outcome): the label above
//! the input, tied to it by the input's id.

use leptos::prelude::*;

/// One labelled text or date input, bound to `value`.
#[component]
pub fn Field(
    /// The input's visible label.
    label: &'static str,
    /// The input's id, unique on the page: it ties the label to the input.
    field: &'static str,
    /// The text typed (for a date, `YYYY-MM-DD` or "").
    value: RwSignal<String>,
    /// The input's type: "text" or "date".
    #[prop(default = "text")]
    kind: &'static str,
    /// The most characters the input takes.
    #[prop(optional)]
    maxlength: Option<u32>,
    /// Whether the form cannot be sent while it is empty.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=field>{label}</label>
            <input id=field type=kind maxlength=maxlength required=required bind:value=value/>
        </div>
    }
}

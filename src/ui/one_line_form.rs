//! The one-line form for a single text: a new member or team, a team's or ladder's name, an
//! offer of help, a pasted link. A label, a text input and its button, on one line.

use leptos::prelude::*;

/// A labelled text input and its submit button (the `inline-form` look). Enter or the button
/// submits; the page does not reload.
#[component]
pub fn OneLineForm(
    /// The input's visible label.
    label: &'static str,
    /// The input's id, unique on the page: it ties the label to the input.
    #[prop(into)]
    field: String,
    /// The text typed.
    value: RwSignal<String>,
    /// The submit button's text.
    button: &'static str,
    /// What submitting does.
    on_submit: impl Fn() + 'static,
    /// Whether the button is the page's main action.
    #[prop(optional)]
    primary: bool,
    /// The most characters the input takes (none for a pasted link).
    #[prop(optional)]
    maxlength: Option<u32>,
    /// The form's accessible name, where the label alone would not say what it is for.
    #[prop(optional)]
    name: Option<&'static str>,
) -> impl IntoView {
    // One copy of the form in the WebAssembly, not one for each caller's closure type.
    form(
        label,
        field,
        value,
        button,
        Box::new(on_submit),
        primary,
        maxlength,
        name,
    )
}

#[allow(clippy::too_many_arguments)]
fn form(
    label: &'static str,
    field: String,
    value: RwSignal<String>,
    button: &'static str,
    on_submit: Box<dyn Fn()>,
    primary: bool,
    maxlength: Option<u32>,
    name: Option<&'static str>,
) -> impl IntoView {
    view! {
        <form
            class="inline-form"
            aria-label=name
            on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                on_submit();
            }
        >
            <label for=field.clone()>{label}</label>
            <input id=field type="text" autocomplete="off" maxlength=maxlength bind:value=value/>
            <button type="submit" class:primary=primary>{button}</button>
        </form>
    }
}

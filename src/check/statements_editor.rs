//! Rewording, adding and removing a check's statements, while nobody has answered.

use crate::domain::check::{Check, Condition, Statement, MAX_TEXT};
use crate::domain::{CheckCommand, Id};
use crate::state::AppState;
use leptos::prelude::*;

/// The three conditions as select options, `current` chosen.
fn condition_options(current: Condition) -> impl IntoView {
    Condition::ALL
        .into_iter()
        .map(|c| view! { <option value=c.key() selected=c == current>{c.label()}</option> })
        .collect_view()
}

/// The editor of check `id`'s statements, folded away.
#[component]
pub fn StatementsEditor(
    /// The open check, with no answer yet.
    id: Id,
) -> impl IntoView {
    let state = AppState::expect();
    let check = StoredValue::new(id);
    let statements = Memo::new(move |_| {
        state.ws.with(|ws| {
            ws.get::<Check>(&check.get_value())
                .map(|c| c.statements.clone())
                .unwrap_or_default()
        })
    });
    let text = RwSignal::new(String::new());
    let condition = RwSignal::new(Condition::Safety);
    let reversed = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let cmd = CheckCommand::AddStatement {
            id: check.get_value(),
            text: text.get_untracked(),
            condition: condition.get_untracked(),
            reversed: reversed.get_untracked(),
        };
        if state.dispatch(cmd) {
            text.set(String::new());
            reversed.set(false);
        }
    };
    view! {
        <details class="edit-statements">
            <summary>{move || format!("Edit the statements ({})", statements.with(Vec::len))}</summary>
            <p class="hint">"Once someone has answered, the statements stay as they were asked."</p>
            <ol class="statement-list">
                // Rows by position, so an edit keeps the row (and the keyboard focus) in place.
                <For each=move || 0..statements.with(Vec::len) key=|i| *i let:i>
                    <StatementRow check=check.get_value() index=i statements=statements/>
                </For>
            </ol>
            <form class="statement-add" on:submit=add aria-label="Add a statement">
                <label>
                    "New statement "
                    <input
                        type="text"
                        maxlength=MAX_TEXT.to_string()
                        bind:value=text
                    />
                </label>
                <label>
                    "Condition "
                    <select on:change=move |ev| {
                        if let Some(c) = Condition::from_key(&event_target_value(&ev)) {
                            condition.set(c);
                        }
                    }>
                        {condition_options(Condition::Safety)}
                    </select>
                </label>
                <label class="check-label">
                    <input
                        type="checkbox"
                        prop:checked=move || reversed.get()
                        on:change=move |ev| reversed.set(event_target_checked(&ev))
                    />
                    " Negatively worded (reverse its scale)"
                </label>
                <button type="submit">"Add statement"</button>
            </form>
        </details>
    }
}

/// One statement: its words, condition and direction change as they are edited.
#[component]
fn StatementRow(
    /// The check it belongs to.
    check: Id,
    /// Its position in the check.
    index: usize,
    /// The check's statements as stored.
    statements: Memo<Vec<Statement>>,
) -> impl IntoView {
    let state = AppState::expect();
    let check = StoredValue::new(check);
    let current = Memo::new(move |_| statements.with(|l| l.get(index).cloned()));
    let edit = move |text: Option<String>, condition: Option<Condition>, reversed: Option<bool>| {
        let Some(old) = current.get_untracked() else {
            return false;
        };
        state.dispatch(CheckCommand::EditStatement {
            id: check.get_value(),
            statement: old.id.clone(),
            text: text.unwrap_or(old.text),
            condition: condition.unwrap_or(old.condition),
            reversed: reversed.unwrap_or(old.reversed),
        })
    };
    let remove = move |_| {
        if let Some(s) = current.get_untracked() {
            state.dispatch(CheckCommand::RemoveStatement {
                id: check.get_value(),
                statement: s.id,
            });
        }
    };
    let text = move || current.with(|s| s.as_ref().map(|s| s.text.clone()).unwrap_or_default());
    let condition =
        move || current.with(|s| s.as_ref().map(|s| s.condition.key()).unwrap_or_default());
    view! {
        <li class="statement-row">
            <input
                type="text"
                aria-label=move || format!("Statement {}", index + 1)
                maxlength=MAX_TEXT.to_string()
                prop:value=text
                on:change=move |ev| {
                    if !edit(Some(event_target_value(&ev)), None, None) {
                        // Refused (left empty): the field shows the statement as it stands.
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        input.set_value(&text());
                    }
                }
            />
            <select
                aria-label=move || format!("Condition of statement {}", index + 1)
                prop:value=condition
                on:change=move |ev| {
                    edit(None, Condition::from_key(&event_target_value(&ev)), None);
                }
            >
                {condition_options(Condition::Safety)}
            </select>
            <label class="check-label">
                <input
                    type="checkbox"
                    prop:checked=move || current.with(|s| s.as_ref().is_some_and(|s| s.reversed))
                    on:change=move |ev| {
                        edit(None, None, Some(event_target_checked(&ev)));
                    }
                />
                " Reversed"
            </label>
            <button on:click=remove aria-label=move || format!("Remove statement {}", index + 1)>"Remove"</button>
        </li>
    }
}

use crate::domain::roster::Member;
use crate::domain::Command;
use crate::state::AppState;
use leptos::prelude::*;

/// One roster entry, with rename in place and remove (undoable).
#[component]
pub fn MemberRow(
    /// The member as stored when the row was rendered.
    member: Member,
) -> impl IntoView {
    let state = AppState::expect();
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(member.name.clone());
    let id = member.meta.id.clone();
    let name = member.name.clone();

    let save = {
        let id = id.clone();
        move || {
            if state.dispatch(Command::RenameMember {
                id: id.clone(),
                name: draft.get_untracked(),
            }) {
                editing.set(false);
            }
        }
    };
    let remove = {
        let id = id.clone();
        let name = name.clone();
        move |_| {
            state.dispatch_undoable(
                Command::RemoveMember { id: id.clone() },
                format!("Removed {name} from the team."),
            );
        }
    };
    let save_on_submit = save.clone();
    let field_id = format!("rename-{id}");
    let field_label = format!("New name for {name}");
    view! {
        <li class="roster-row">
            <Show
                when=move || editing.get()
                fallback={
                    let name = name.clone();
                    let remove = remove.clone();
                    move || {
                        let rename_label = format!("Rename {name}");
                        let remove_label = format!("Remove {name}");
                        let remove = remove.clone();
                        view! {
                            <span class="member-name">{name.clone()}</span>
                            <span class="row-actions">
                                <button aria-label=rename_label on:click=move |_| editing.set(true)>
                                    "Rename"
                                </button>
                                <button class="danger" aria-label=remove_label on:click=remove>
                                    "Remove"
                                </button>
                            </span>
                        }
                    }
                }
            >
                {
                    let save = save_on_submit.clone();
                    let field_id = field_id.clone();
                    let field_label = field_label.clone();
                    view! {
                        <form
                            class="inline-form"
                            on:submit=move |ev| {
                                ev.prevent_default();
                                save();
                            }
                        >
                            <label class="visually-hidden" for=field_id.clone()>
                                {field_label}
                            </label>
                            <input
                                id=field_id
                                type="text"
                                maxlength="80"
                                autofocus
                                prop:value=move || draft.get()
                                on:input=move |ev| draft.set(event_target_value(&ev))
                                on:keydown=move |ev| {
                                    if ev.key() == "Escape" {
                                        editing.set(false);
                                    }
                                }
                            />
                            <button type="submit" class="primary">"Save"</button>
                            <button type="button" on:click=move |_| editing.set(false)>
                                "Cancel"
                            </button>
                        </form>
                    }
                }
            </Show>
        </li>
    }
}

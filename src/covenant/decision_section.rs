//! Decision rights of the terms being edited, as a DACI table: a driver and an approver
//! chosen from the team, contributors and informed ticked.

use super::terms_document::DACI;
use super::terms_editor::new_id;
use crate::domain::covenant::{DecisionRight, Terms};
use crate::domain::roster::Member;
use crate::domain::Id;
use crate::state::AppState;
use crate::ui::FigureTable;
use crate::ui::{chosen_id, member_options};
use leptos::prelude::*;

/// The team's members, by id and name, as they are now.
fn roster() -> Vec<(Id, String)> {
    let state = AppState::expect();
    state.ws.with_untracked(|ws| {
        ws.live::<Member>()
            .map(|m| (m.meta.id.clone(), m.name.clone()))
            .collect()
    })
}

/// One member, or nobody yet.
fn one_member(
    label: String,
    selected: Option<Id>,
    on_change: impl Fn(Option<Id>) + 'static,
) -> impl IntoView {
    let state = AppState::expect();
    view! {
        <select aria-label=label on:change=move |ev| on_change(chosen_id(&ev))>
            {member_options(state, "Nobody yet", selected)}
        </select>
    }
}

/// Any number of members, ticked (a multiple select needs Ctrl+click, which few know).
fn some_members(
    label: String,
    selected: Vec<Id>,
    on_change: impl Fn(Id, bool) + Clone + 'static,
) -> impl IntoView {
    let people = roster();
    let empty = people.is_empty();
    view! {
        <fieldset class="member-checks">
            <legend class="visually-hidden">{label}</legend>
            {empty.then(|| view! { <span class="hint">"Add the team first."</span> })}
            {people
                .into_iter()
                .map(|(id, name)| {
                    let on = selected.contains(&id);
                    let change = on_change.clone();
                    view! {
                        <label class="check">
                            <input
                                type="checkbox"
                                prop:checked=on
                                on:change=move |ev| change(id.clone(), event_target_checked(&ev))
                            />
                            {name}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// Adds or removes `id` in `list`.
fn tick(list: &mut Vec<Id>, id: Id, on: bool) {
    list.retain(|x| x != &id);
    if on {
        list.push(id);
    }
}

/// The DACI table of the terms.
#[component]
pub fn DecisionSection(
    /// The terms being edited (a draft, or an amendment).
    terms: RwSignal<Terms>,
) -> impl IntoView {
    // Rows re-render when decisions are added or removed, not as a decision is typed.
    let shape = Memo::new(move |_| {
        terms.with(|t| {
            t.decision_rights
                .iter()
                .map(|d| d.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let rows = move || {
        let _rows = shape.with(Vec::len);
        terms
            .with_untracked(|t| t.decision_rights.clone())
            .into_iter()
            .enumerate()
            .map(|(i, d)| {
                let name = move || {
                    terms
                        .with(|t| t.decision_rights.get(i).map(|d| d.decision.trim().to_owned()))
                        .filter(|d| !d.is_empty())
                        .unwrap_or_else(|| format!("decision {}", i + 1))
                };
                let first = name();
                let edit = move |f: &dyn Fn(&mut DecisionRight)| {
                    terms.update(|t| {
                        if let Some(d) = t.decision_rights.get_mut(i) {
                            f(d)
                        }
                    })
                };
                view! {
                    <tr>
                        <td>
                            <input
                                type="text"
                                aria-label=format!("Decision {}", i + 1)
                                prop:value=d.decision.clone()
                                on:input=move |ev| {
                                    let v = event_target_value(&ev);
                                    edit(&|d| d.decision = v.clone())
                                }
                            />
                        </td>
                        <td>
                            {one_member(format!("Driver of {first}"), d.driver.clone(), move |v| edit(&|d| d.driver = v.clone()))}
                        </td>
                        <td>
                            {one_member(format!("Approver of {first}"), d.approver.clone(), move |v| edit(&|d| d.approver = v.clone()))}
                        </td>
                        <td>
                            {some_members(format!("Contributors to {first}"), d.contributors.clone(), move |id, on| {
                                edit(&|d| tick(&mut d.contributors, id.clone(), on))
                            })}
                        </td>
                        <td>
                            {some_members(format!("Informed of {first}"), d.informed.clone(), move |id, on| {
                                edit(&|d| tick(&mut d.informed, id.clone(), on))
                            })}
                        </td>
                        <td>
                            <button
                                type="button"
                                class="danger"
                                aria-label=move || format!("Remove {}", name())
                                on:click=move |_| terms.update(|t| {
                                    if i < t.decision_rights.len() {
                                        t.decision_rights.remove(i);
                                    }
                                })
                            >
                                "Remove"
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="terms-section" aria-label="Decision rights">
            <h3>"Decision rights"</h3>
            <p class="hint">"DACI: the Driver moves it forward, the Approver decides, Contributors are consulted, the Informed hear of it."</p>
            <p class="scroll-hint">"On a narrow screen, scroll the table sideways to see every role."</p>
            <FigureTable
                name="Decision rights"
                quiet_caption=true
                class="daci"
                heads=[DACI.as_slice(), &[""]].concat()
            >
                {rows}
            </FigureTable>
            <button
                type="button"
                on:click=move |ev| {
                    terms.update(|t| t.decision_rights.push(DecisionRight { id: new_id(), ..Default::default() }));
                    crate::browser::focus_new_row(&ev, "tbody tr");
                }
            >
                "Add a decision"
            </button>
        </section>
    }
}

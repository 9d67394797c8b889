//! Group: cards about the same situation are stacked into one group, placed, voted and
//! climbed as one item. Select cards and press Group (keyboard and screen friendly), or drag
//! a card onto another.

use super::common::{short, WorkshopBoard};
use crate::domain::{Id, WorkshopCommand};
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn GroupPhase() -> impl IntoView {
    let state = AppState::expect();
    let board = WorkshopBoard::expect();
    let selected = RwSignal::new(Vec::<Id>::new());
    let dragging = RwSignal::new(None::<Id>);
    let group = move |_| {
        let list = selected.get_untracked();
        let Some((onto, rest)) = list.split_first() else {
            return;
        };
        for card in rest {
            state.dispatch(WorkshopCommand::Group {
                card: card.clone(),
                onto: onto.clone(),
            });
        }
        selected.set(Vec::new());
    };
    let rows = move || {
        let items = board.items();
        if items.is_empty() {
            return view! { <p>"No cards yet: go back to Write."</p> }.into_any();
        }
        view! {
            <ul class="group-list">
                {items
                    .into_iter()
                    .map(|(c, stacked)| {
                        let cid = c.meta.id.clone();
                        let (c1, c2, c3, c4) = (cid.clone(), cid.clone(), cid.clone(), cid.clone());
                        let s = short(&c.text);
                        let grouped = !stacked.is_empty();
                        view! {
                            <li
                                class="group-item"
                                draggable="true"
                                on:dragstart=move |_| dragging.set(Some(c1.clone()))
                                on:dragend=move |_| dragging.set(None)
                                on:dragover=move |ev: web_sys::DragEvent| ev.prevent_default()
                                on:drop=move |ev: web_sys::DragEvent| {
                                    ev.prevent_default();
                                    if let Some(from) = dragging.get_untracked().filter(|f| f != &c2) {
                                        state.dispatch(WorkshopCommand::Group { card: from, onto: c2.clone() });
                                    }
                                    dragging.set(None);
                                }
                            >
                                <label class="check">
                                    <input
                                        type="checkbox"
                                        aria-label=format!("Select “{s}”")
                                        prop:checked=move || selected.with(|l| l.contains(&c3))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            selected.update(|l| {
                                                l.retain(|x| x != &c4);
                                                if on {
                                                    l.push(c4.clone());
                                                }
                                            });
                                        }
                                    />
                                    <span class="item-text">{c.text.clone()}</span>
                                </label>
                                {grouped.then(|| view! {
                                    <ul class="stacked" aria-label=format!("Grouped with “{s}”")>
                                        {stacked.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
                                    </ul>
                                    <button aria-label=format!("Ungroup “{s}”") on:click=move |_| {
                                        state.dispatch(WorkshopCommand::Ungroup { card: cid.clone() });
                                    }>"Ungroup"</button>
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section aria-label="Group">
            <p class="hint">"Select two or more cards about the same situation and press Group, or drag a card onto another. The first card you select names the group."</p>
            <div class="row-actions">
                <button class="primary" disabled=move || selected.with(|l| l.len() < 2) on:click=group>
                    {move || match selected.with(Vec::len) {
                        0 | 1 => "Group".to_owned(),
                        n => format!("Group {n} cards"),
                    }}
                </button>
            </div>
            {rows}
        </section>
    }
}

//! Who signed which version of the covenant, and the form to sign the wording in force.

use crate::domain::covenant::{Covenant, SignatureState};
use crate::domain::iso::format_date;
use crate::domain::roster::Member;
use crate::domain::{CovenantCommand, Id};
use crate::state::AppState;
use crate::ui::{chosen_id, member_options};
use leptos::prelude::*;

/// The signatures of an active covenant and the signing form.
#[component]
pub fn Signatures(
    /// The covenant as stored.
    covenant: Covenant,
) -> impl IntoView {
    let state = AppState::expect();
    let id = covenant.meta.id.clone();
    let signer = RwSignal::new(None::<Id>);
    let typed = RwSignal::new(String::new());
    let sign = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(member) = signer.get_untracked() else {
            return;
        };
        if state.dispatch(CovenantCommand::Sign {
            id: id.clone(),
            member,
            typed_name: typed.get_untracked(),
        }) {
            typed.set(String::new());
        }
    };
    let signatures = covenant
        .signature_states()
        .into_iter()
        .map(|(s, st)| {
            let renew = st != SignatureState::Current;
            let who = state
                .ws
                .with_untracked(|ws| ws.get::<Member>(&s.member).map(|m| m.name.clone()))
                .unwrap_or_else(|| s.typed_name.clone());
            view! {
                <li class=if renew { "signature renew" } else { "signature" }>
                    {format!(
                        "{who}: signed version {} on {}{}",
                        s.version,
                        format_date(&s.at.date_naive()),
                        match st {
                            SignatureState::Current => "",
                            SignatureState::Renew => ", needs renewal: the wording has changed",
                            SignatureState::NotVerified => ", not verified: its fingerprint matches no version's wording",
                        }
                    )}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="sig-h">
            <h3 id="sig-h">"Signatures"</h3>
            <ul class="signatures" aria-label="Signatures">{signatures}</ul>
            <form class="inline-form" on:submit=sign aria-label="Sign the covenant">
                <label>
                    "Member "
                    <select on:change=move |ev| signer.set(chosen_id(&ev))>
                        {member_options(state, "Choose…", None)}
                    </select>
                </label>
                <label>
                    "Type your name to sign "
                    <input type="text" bind:value=typed/>
                </label>
                <button type="submit" class="primary">"Sign"</button>
            </form>
        </section>
    }
}

//! The team's rhythm on the Team page: how often it meets and reviews, its practice period
//! and its break weeks. Every field saves as it is changed.

use crate::browser;
use crate::domain::calendar::retro_event;
use crate::domain::iso::{format_date, parse_date};
use crate::domain::rhythm::{Rhythm, RhythmSettings};
use crate::domain::Command;
use crate::state::AppState;
use crate::ui::{download_calendar, Notices};
use leptos::prelude::*;

/// The rhythm settings (no props: it reads and changes the workspace's one rhythm).
#[component]
pub fn RhythmForm() -> impl IntoView {
    let state = AppState::expect();
    let notices = Notices::expect();
    let rhythm = Memo::new(move |_| state.ws.with(Rhythm::of));
    let set = move |edit: &dyn Fn(&mut RhythmSettings)| {
        let mut r = rhythm.get_untracked();
        edit(&mut r);
        state.dispatch(Command::SetRhythm(r));
    };
    // A number field: saved when it reads as a whole number (the domain keeps it in bounds).
    let number = move |id: &'static str,
                       label: &'static str,
                       get: fn(&RhythmSettings) -> u32,
                       put: fn(&mut RhythmSettings, u32)| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input
                    id=id
                    type="number"
                    min="1"
                    inputmode="numeric"
                    prop:value=move || rhythm.with(get).to_string()
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
                            set(&|r| put(r, n));
                        }
                    }
                />
            </div>
        }
    };
    let break_day = RwSignal::new(String::new());
    let add_break = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match parse_date(&break_day.get_untracked()) {
            Some(d) => {
                set(&|r| r.breaks.push(d));
                break_day.set(String::new());
            }
            None => notices.error("Choose a day in the week off first."),
        }
    };
    let remove_break = move |monday: chrono::NaiveDate| {
        let mut r = rhythm.get_untracked();
        r.breaks.retain(|d| *d != monday);
        state.dispatch_undoable(
            Command::SetRhythm(r),
            format!("The break week of {} is removed.", format_date(&monday)),
        );
    };
    view! {
        <section class="rhythm" aria-labelledby="rhythm-title">
            <h2 id="rhythm-title">"Our rhythm"</h2>
            <p class="hint">
                "Change takes two to three months of deliberate practice: weekly retros, check-ins, "
                "and a covenant reviewed from experience. The home page follows this rhythm."
            </p>
            <div class="field-row">
                {number("retro-weeks", "Retro every … weeks", |r| r.retro_weeks, |r, n| r.retro_weeks = n)}
                {number("review-months", "Covenant review every … months", |r| r.review_months, |r, n| r.review_months = n)}
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="practice-start">"Practice period starts on"</label>
                    <input
                        id="practice-start"
                        type="date"
                        prop:value=move || rhythm.with(|r| r.practice_start.as_ref().map(format_date).unwrap_or_default())
                        on:change=move |ev| {
                            let d = parse_date(&event_target_value(&ev));
                            set(&|r| r.practice_start = d);
                        }
                    />
                </div>
                {number("practice-weeks", "Practice period length in weeks", |r| r.practice_weeks, |r, n| r.practice_weeks = n)}
            </div>
            <h3>"Break weeks"</h3>
            <p class="hint">"A week off (holidays) does not break the Momentum streak, and no retro falls in it."</p>
            <form class="inline-form" on:submit=add_break>
                <label for="break-day">"A day of the week off"</label>
                <input id="break-day" type="date" bind:value=break_day/>
                <button type="submit">"Add break week"</button>
            </form>
            {move || {
                let breaks = rhythm.with(|r| r.breaks.clone());
                if breaks.is_empty() {
                    return view! { <p class="hint">"No break weeks."</p> }.into_any();
                }
                view! {
                    <ul class="roster" aria-label="Break weeks">
                        {breaks
                            .into_iter()
                            .map(|monday| {
                                let date = format_date(&monday);
                                view! {
                                    <li class="roster-row">
                                        <span class="member-name">{format!("Week of {date}")}</span>
                                        <button
                                            aria-label=format!("Remove the break week of {date}")
                                            on:click=move |_| remove_break(monday)
                                        >
                                            "Remove"
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
            <button on:click=move |_| {
                let e = state.ws.with_untracked(|ws| retro_event(ws, browser::today()));
                download_calendar(notices, "climb-next-retro.ics", std::slice::from_ref(&e));
            }>"Add the next retro to a calendar"</button>
        </section>
    }
}

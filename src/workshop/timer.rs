//! The phase timer: set, start, pause, add a minute; a countdown, and a sound and a visual cue
//! at zero (the sound can be muted). The rules are in [`PhaseTimer`].

use super::common::WorkshopBoard;
use crate::domain::workshop::Phase;
use crate::domain::workshop_room::{clock_text, PhaseTimer};
use crate::domain::Id;
use crate::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "
export function beep() {
  const Ctx = window.AudioContext || window.webkitAudioContext;
  if (!Ctx) return;
  const ctx = new Ctx();
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.frequency.value = 880;
  gain.gain.setValueAtTime(0.2, ctx.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.8);
  osc.connect(gain).connect(ctx.destination);
  osc.start();
  osc.stop(ctx.currentTime + 0.8);
  osc.onended = () => ctx.close();
}
")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn beep() -> Result<(), JsValue>;
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The storage key of a board's phase timer.
pub fn timer_key(board: &Id) -> String {
    format!("climb.timer.{board}")
}

/// The phase timer of a board: its end time is stored, so it survives a reload and a
/// presenter window (`controls: false`) shows the same countdown.
#[component]
pub fn Timer(
    /// The phase the timer runs for: a new phase sets it afresh to its value.
    phase: Signal<Phase>,
    /// Whether to show the buttons (not in a presenter window).
    #[prop(default = true)]
    controls: bool,
) -> impl IntoView {
    let state = AppState::expect();
    let key = StoredValue::new(timer_key(&WorkshopBoard::expect().id()));
    let read = move || {
        let text = state.store().get(&key.get_value()).ok().flatten();
        PhaseTimer::read(text.as_deref(), phase.get_untracked())
    };
    let timer = RwSignal::new(read());
    let now = RwSignal::new(now_ms());
    let minutes = RwSignal::new(timer.get_untracked().minutes.to_string());
    // Writes go to storage at once: that is what survives a reload and what the presenter
    // window reads.
    let change = move |f: &dyn Fn(&mut PhaseTimer)| {
        let mut t = timer.get_untracked();
        f(&mut t);
        let _ = state.store().set(&key.get_value(), &t.to_json());
        timer.set(t);
    };
    let tick = move || {
        now.set(now_ms());
        // Another window (or the phase) may have changed the timer.
        let mut t = read();
        let beep_now = controls && t.settle(now_ms());
        if beep_now {
            let _ = state.store().set(&key.get_value(), &t.to_json());
            if !t.muted {
                let _ = beep();
            }
        }
        if t != timer.get_untracked() {
            timer.set(t);
        }
    };
    if let Ok(handle) = set_interval_with_handle(tick, std::time::Duration::from_millis(250)) {
        on_cleanup(move || handle.clear());
    }
    let up = move || timer.with(|t| t.is_up(now.get()));
    let set = move |_| {
        let m = minutes.get_untracked().trim().parse::<u32>().unwrap_or(5);
        change(&|t| t.set(m));
        minutes.set(timer.get_untracked().minutes.to_string());
    };
    view! {
        <section class="timer" class:time-up=up aria-label="Phase timer">
            <p class="timer-clock" role="timer" aria-label="Time left">
                {move || clock_text(timer.with(|t| t.left(now.get())))}
            </p>
            {move || up().then(|| view! { <p class="timer-alert" role="alert">"Time is up"</p> })}
            {controls.then(|| view! {
                <div class="row-actions">
                    <label>
                        "Minutes "
                        <input type="number" min="1" max="120" bind:value=minutes/>
                    </label>
                    <button on:click=set>"Set"</button>
                    <button class="primary" on:click=move |_| change(&|t| t.start_pause(now_ms()))>
                        {move || if timer.with(PhaseTimer::running) { "Pause" } else { "Start" }}
                    </button>
                    <button on:click=move |_| change(&|t| t.add_minute(now_ms()))>"+1 minute"</button>
                    <label>
                        <input
                            type="checkbox"
                            prop:checked=move || timer.with(|t| t.muted)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                change(&|t| t.muted = on);
                            }
                        />
                        " Mute sound"
                    </label>
                </div>
            })}
        </section>
    }
}

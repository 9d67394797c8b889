//! The phase timer: set, start, pause, add a minute; a countdown, and a sound and a visual cue
//! at zero (the sound can be muted).

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

/// "m:ss" for a number of milliseconds left (rounded up, so 0:00 means time is up).
pub fn clock_text(ms: f64) -> String {
    let secs = (ms.max(0.0) / 1000.0).ceil() as u64;
    format!("{}:{:02}", secs / 60, secs % 60)
}

#[component]
pub fn Timer() -> impl IntoView {
    let minutes = RwSignal::new(5u32);
    let left = RwSignal::new(5.0 * 60_000.0);
    // When running: the moment the countdown reaches zero.
    let deadline = RwSignal::new(None::<f64>);
    let muted = RwSignal::new(false);
    let up = RwSignal::new(false);

    let tick = move || {
        if let Some(end) = deadline.get_untracked() {
            let rest = end - now_ms();
            if rest <= 0.0 {
                deadline.set(None);
                left.set(0.0);
                up.set(true);
                if !muted.get_untracked() {
                    let _ = beep();
                }
            } else {
                left.set(rest);
            }
        }
    };
    if let Ok(handle) = set_interval_with_handle(tick, std::time::Duration::from_millis(250)) {
        on_cleanup(move || handle.clear());
    }

    let set = move || {
        deadline.set(None);
        up.set(false);
        left.set(f64::from(minutes.get_untracked()) * 60_000.0);
    };
    let start_pause = move |_| match deadline.get_untracked() {
        Some(end) => {
            left.set((end - now_ms()).max(0.0));
            deadline.set(None);
        }
        None => {
            if left.get_untracked() <= 0.0 {
                set();
            }
            up.set(false);
            deadline.set(Some(now_ms() + left.get_untracked()));
        }
    };
    let add_minute = move |_| {
        up.set(false);
        match deadline.get_untracked() {
            Some(end) => deadline.set(Some(end + 60_000.0)),
            None => left.update(|l| *l = l.max(0.0) + 60_000.0),
        }
    };

    view! {
        <section class="timer" class:time-up=move || up.get() aria-label="Phase timer">
            <p class="timer-clock" role="timer" aria-label="Time left">
                {move || clock_text(left.get())}
            </p>
            {move || up.get().then(|| view! { <p class="timer-alert" role="alert">"Time is up"</p> })}
            <div class="row-actions">
                <label>
                    "Minutes "
                    <input
                        type="number"
                        min="1"
                        max="120"
                        prop:value=move || minutes.get().to_string()
                        on:change=move |ev| {
                            if let Ok(m) = event_target_value(&ev).parse::<u32>() {
                                minutes.set(m.clamp(1, 120));
                            }
                        }
                    />
                </label>
                <button on:click=move |_| set()>"Set"</button>
                <button class="primary" on:click=start_pause>
                    {move || if deadline.get().is_some() { "Pause" } else { "Start" }}
                </button>
                <button on:click=add_minute>"+1 minute"</button>
                <label>
                    <input
                        type="checkbox"
                        prop:checked=move || muted.get()
                        on:change=move |ev| muted.set(event_target_checked(&ev))
                    />
                    " Mute sound"
                </label>
            </div>
        </section>
    }
}

//! A debounce timer: what is scheduled on it runs once things have been quiet for a while
//! (the autosave after typing, a draft's save after an edit).

use leptos::prelude::*;
use std::time::Duration;

/// Runs the last thing scheduled on it, once no other was scheduled for the delay. `Copy`:
/// an arena handle, like a signal.
#[derive(Clone, Copy)]
pub struct Debounce(StoredValue<Waiting, LocalStorage>);

/// The timer waiting, and how many things were scheduled so far.
#[derive(Default)]
struct Waiting {
    timer: Option<TimeoutHandle>,
    scheduled: u64,
}

impl Default for Debounce {
    fn default() -> Self {
        Debounce(StoredValue::new_local(Waiting::default()))
    }
}

impl Debounce {
    /// Runs `f` after `delay`, unless something else is scheduled (or the timer cancelled)
    /// first. Returns `false` when the browser gave no timer, so the caller can act at once.
    pub fn schedule(&self, delay: Duration, f: impl FnOnce() + 'static) -> bool {
        self.cancel();
        let mine = self.0.try_with_value(|w| w.scheduled).unwrap_or(0);
        let this = *self;
        // Clearing the timer is not all: a timer whose clearing the page missed (a test's
        // fake clock, a callback already queued) must still not run what was replaced.
        let run = move || {
            let latest = this.0.try_with_value(|w| w.scheduled);
            // Gone with its component: nothing newer can have been scheduled.
            if latest.is_none_or(|n| n == mine) {
                f();
            }
        };
        match set_timeout_with_handle(run, delay) {
            Ok(h) => {
                let _ = self.0.try_update_value(|w| w.timer = Some(h));
                true
            }
            Err(_) => false,
        }
    }

    /// Drops what is waiting, if anything.
    pub fn cancel(&self) {
        let _ = self.0.try_update_value(|w| {
            w.scheduled = w.scheduled.wrapping_add(1);
            if let Some(h) = w.timer.take() {
                h.clear();
            }
        });
    }
}

//! A debounce timer: what is scheduled on it runs once things have been quiet for a while
//! (the autosave after typing, a draft's save after an edit).

use leptos::prelude::*;
use std::time::Duration;

/// Runs the last thing scheduled on it, once no other was scheduled for the delay. `Copy`:
/// an arena handle, like a signal.
#[derive(Clone, Copy)]
pub struct Debounce(StoredValue<Option<TimeoutHandle>, LocalStorage>);

impl Default for Debounce {
    fn default() -> Self {
        Debounce(StoredValue::new_local(None))
    }
}

impl Debounce {
    /// Runs `f` after `delay`, unless something else is scheduled (or the timer cancelled)
    /// first. Returns `false` when the browser gave no timer, so the caller can act at once.
    pub fn schedule(&self, delay: Duration, f: impl FnOnce() + 'static) -> bool {
        self.cancel();
        match set_timeout_with_handle(f, delay) {
            Ok(h) => {
                // Gone with its component: the timer runs once, and nothing can cancel it.
                let _ = self.0.try_set_value(Some(h));
                true
            }
            Err(_) => false,
        }
    }

    /// Drops what is waiting, if anything.
    pub fn cancel(&self) {
        let _ = self.0.try_update_value(|t| {
            if let Some(h) = t.take() {
                h.clear();
            }
        });
    }
}

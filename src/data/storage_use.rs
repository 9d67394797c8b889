//! How much of the browser's storage Climb uses, and whether the browser keeps it.

use crate::domain::quota::{Usage, LOCAL_STORAGE_CHARS};
use crate::state::AppState;
use leptos::prelude::*;

/// Storage use against the browser's limit, a warning near it, and persistence.
#[component]
pub fn StorageUse() -> impl IntoView {
    let state = AppState::expect();
    let usage = Memo::new(move |_| {
        // Measured again after every save.
        state.save.track();
        Usage::of(state.store().used_chars(), LOCAL_STORAGE_CHARS)
    });
    view! {
        <p data-testid="storage-use">
            {move || {
                let u = usage.get();
                if u.used > u.limit {
                    format!("Climb uses {}.", u.text())
                } else {
                    format!("Climb uses {} of the storage browsers allow a site.", u.text())
                }
            }}
        </p>
        {move || usage.get().near_full().then(|| view! {
            <p class="warning" role="alert">
                "Storage is nearly full. Export the workspace, then delete boards you no longer "
                "need; when storage is full, changes stay in this tab only."
            </p>
        })}
        <p>
            {move || match state.persisted.get() {
                Some(true) => "Persistent storage is on: the browser will not clear Climb's data to free space.",
                Some(false) => "Persistent storage is off: the browser may clear Climb's data when space runs low. Export regularly.",
                None => "This browser does not say whether it keeps Climb's data: export regularly.",
            }}
        </p>
    }
}

//! The empty state every list shows when it has nothing in it.

use leptos::prelude::*;

/// What a list shows when it has nothing in it: what belongs here and how to start.
#[component]
pub fn EmptyState(
    /// A short headline ("No team members yet").
    #[prop(into)]
    title: String,
    /// One or two sentences on what to do next.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="empty">
            <p class="empty-title">{title}</p>
            <div class="empty-body">{children()}</div>
        </div>
    }
}

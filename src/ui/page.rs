//! The frame of each tool's main page: its heading and the one-paragraph lede that says
//! what the page is for, above the page's own content.

use leptos::prelude::*;

/// A page with its `<h1>` and lede.
#[component]
pub fn Page(
    /// The page's heading.
    title: &'static str,
    /// One or two sentences on what the page is for.
    lede: &'static str,
    /// A class for the page's own styles, beside `page`.
    #[prop(optional)]
    class: &'static str,
    /// The page's content.
    children: Children,
) -> impl IntoView {
    view! {
        <section class=format!("page {class}")>
            <h1>{title}</h1>
            <p class="lede">{lede}</p>
            {children()}
        </section>
    }
}

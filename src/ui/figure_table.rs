//! A table of figures or roles with its column headings, which scrolls sideways on a narrow
//! screen (focusable, so it scrolls by keyboard too).

use leptos::prelude::*;

/// A table in its scroll region.
/// - `name`: what the table holds: its caption, which names it for screen readers (the
///   region is "`name` table", so it never shares a name with the section around it).
/// - `quiet_caption`: the caption only for screen readers, where a heading already says it.
/// - `class`: the table's class, for its layout.
/// - `heads`: the column headings; an empty one heads a column of buttons ("Actions" for
///   screen readers).
/// - `children`: the rows.
#[component]
pub fn FigureTable(
    #[prop(into)] name: String,
    #[prop(optional)] quiet_caption: bool,
    class: &'static str,
    heads: Vec<&'static str>,
    children: Children,
) -> impl IntoView {
    let heads = heads
        .into_iter()
        .map(|h| match h {
            "" => view! { <th scope="col"><span class="visually-hidden">"Actions"</span></th> }
                .into_any(),
            h => view! { <th scope="col">{h}</th> }.into_any(),
        })
        .collect_view();
    let region = format!("{name} table");
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=region>
            <table class=class>
                <caption class:visually-hidden=quiet_caption>{name}</caption>
                <thead>
                    <tr>{heads}</tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}

//! Where the keyboard focus goes after a change redraws or opens part of the page: none of
//! these panic, and each waits for the next frame, when the page shows what changed.

use wasm_bindgen::JsCast;

/// Once the page has drawn what `ev` opened, puts the focus on the first `field` inside the
/// clicked element's closest `within` (e.g. the form a button opens in its goal's card).
pub fn focus_in(ev: &web_sys::Event, within: &'static str, field: &'static str) {
    let Some(holder) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|b| b.closest(within).ok().flatten())
    else {
        return;
    };
    leptos::prelude::request_animation_frame(move || {
        if let Some(f) = holder
            .query_selector(field)
            .ok()
            .flatten()
            .and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = f.focus();
        }
    });
}

/// The id of the element matching `selector` that holds the keyboard focus, if any.
pub fn focused_within(selector: &str) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let holder = doc.active_element()?.closest(selector).ok()??;
    Some(holder.id())
}

/// Once the page has drawn, puts the focus on the element whose id is `id` (focusable, e.g.
/// by `tabindex="-1"`): `always`, or only if the focus was lost (it is then on the page's
/// body), as when a change redraws the part of the page that held it.
pub fn focus_after_draw(id: String, always: bool) {
    leptos::prelude::request_animation_frame(move || {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let lost = match (doc.active_element(), doc.body()) {
            (Some(a), Some(b)) => a.is_same_node(Some(b.as_ref())),
            _ => true,
        };
        if always || lost {
            if let Some(el) = doc
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        }
    });
}

/// Once the page has drawn the row a click added (the last match of `rows` in the clicked
/// button's `<section>`), puts the focus in its first field: a keyboard user types into the
/// new row at once, and their spaces never press "Add" again.
pub fn focus_new_row(ev: &web_sys::MouseEvent, rows: &'static str) {
    focus_in_row(ev, rows, Row::Last, &["input, textarea, select"]);
}

/// Which row of a list [`focus_in_row`] puts the focus in.
pub enum Row {
    /// The last one (a row just added).
    Last,
    /// The row at this place, from 0 (a row just moved there).
    At(usize),
}

/// Once the page has drawn what a click changed, puts the focus in a row of the clicked
/// button's `<section>` (the rows are the matches of `rows`): on the first enabled match of
/// the first of `fields` that has one (a moved row keeps the focus on its move button).
pub fn focus_in_row(
    ev: &web_sys::MouseEvent,
    rows: &'static str,
    row: Row,
    fields: &'static [&'static str],
) {
    let section = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|b| b.closest("section").ok().flatten());
    let Some(section) = section else { return };
    leptos::prelude::request_animation_frame(move || {
        let Ok(list) = section.query_selector_all(rows) else {
            return;
        };
        let index = match row {
            Row::Last => list.length().saturating_sub(1),
            Row::At(i) => u32::try_from(i).unwrap_or(u32::MAX),
        };
        let Some(row) = list
            .item(index)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let field = fields
            .iter()
            .find_map(|f| row.query_selector(f).ok().flatten())
            .and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(f) = field {
            let _ = f.focus();
        }
    });
}

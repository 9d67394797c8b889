//! The keys of tabs as the ARIA pattern has them: a `tablist`'s arrow keys (and Home, End)
//! move between its tabs, choosing the one they land on. (Every tab stays in the Tab order:
//! a reactive `tabindex` on each would cost more of the size budget than it gives.)

use wasm_bindgen::JsCast;

/// A `role="tablist"`'s `on:keydown`: moves to (and chooses) the next or previous tab, the first or the last.
pub fn tab_keys(ev: web_sys::KeyboardEvent) {
    let Some(list) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Ok(tabs) = list.query_selector_all("[role=tab]") else {
        return;
    };
    let n = tabs.length();
    let target = ev.target();
    let Some(at) = (0..n).find(|&i| {
        tabs.item(i)
            .is_some_and(|t| t.is_same_node(target.as_ref().and_then(|t| t.dyn_ref())))
    }) else {
        return;
    };
    let next = match ev.key().as_str() {
        "ArrowRight" => (at + 1) % n,
        "ArrowLeft" => (at + n - 1) % n,
        "Home" => 0,
        "End" => n - 1,
        _ => return,
    };
    if let Some(tab) = tabs
        .item(next)
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    {
        ev.prevent_default();
        let _ = tab.focus();
        tab.click();
    }
}

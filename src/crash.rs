//! If a panic ever slips through (the release build aborts on panic, so the app is dead
//! after it), the page says so at once and offers Reload, instead of a dead page that still
//! claims "Saved". Built with plain DOM calls: nothing here may depend on the app's state,
//! and the Reload link works without WebAssembly.

use wasm_bindgen::JsCast;

/// The id of the message, so it is shown once however many panics follow.
const ID: &str = "climb-crash";

/// Installs the panic hook. Call first thing at start-up.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let _ = show(&info.to_string());
    }));
}

fn el(doc: &web_sys::Document, tag: &str, text: &str) -> Option<web_sys::Element> {
    let e = doc.create_element(tag).ok()?;
    e.set_text_content(Some(text));
    Some(e)
}

/// Shows the message over the page; `detail` goes under "Technical details".
pub fn show(detail: &str) -> Option<()> {
    let window = web_sys::window()?;
    let doc = window.document()?;
    if doc.get_element_by_id(ID).is_some() {
        return Some(());
    }
    // The save indicator must not claim "Saved" for an app that no longer runs.
    let states = doc.query_selector_all("[data-testid=save-state]").ok()?;
    for i in 0..states.length() {
        if let Some(n) = states.item(i) {
            n.set_text_content(Some("Stopped: reload"));
            if let Some(e) = n.dyn_ref::<web_sys::Element>() {
                let _ = e.set_attribute("class", "save-state not-saved");
            }
        }
    }
    // Nothing under the message can be used any more: the app behind it no longer runs.
    for sel in ["header", "main", ".notices"] {
        if let Ok(Some(e)) = doc.query_selector(sel) {
            let _ = e.set_attribute("inert", "");
        }
    }
    let panel = doc.create_element("div").ok()?;
    panel.set_id(ID);
    panel.set_attribute("role", "alertdialog").ok()?;
    panel
        .set_attribute("aria-labelledby", "climb-crash-title")
        .ok()?;
    panel
        .set_attribute("aria-describedby", "climb-crash-text")
        .ok()?;
    let title = el(&doc, "h2", "Climb stopped unexpectedly")?;
    title.set_id("climb-crash-title");
    let text = el(
        &doc,
        "p",
        "What was saved is safe. Changes of the last moment may not be saved. Reload to go on.",
    )?;
    text.set_id("climb-crash-text");
    // A link to this page (without its fragment) reloads it, with or without WebAssembly.
    let reload = el(&doc, "a", "Reload")?;
    let location = window.location();
    let here = format!(
        "{}{}",
        location.pathname().unwrap_or_else(|_| "/".into()),
        location.search().unwrap_or_default()
    );
    reload.set_attribute("href", &here).ok()?;
    reload.set_attribute("class", "button primary").ok()?;
    let details = doc.create_element("details").ok()?;
    let summary = el(&doc, "summary", "Technical details")?;
    let pre = el(&doc, "pre", detail)?;
    details.append_child(&summary).ok()?;
    details.append_child(&pre).ok()?;
    for child in [&title, &text, &reload, &details] {
        panel.append_child(child).ok()?;
    }
    doc.body()?.append_child(&panel).ok()?;
    if let Some(r) = reload.dyn_ref::<web_sys::HtmlElement>() {
        let _ = r.focus();
    }
    Some(())
}

//! Small wrappers around browser APIs that the UI needs (clock, randomness, files, events).
//! None of them panic: a missing API degrades to doing nothing.

use chrono::{DateTime, Local, NaiveDate, Utc};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

mod focus;
pub use focus::{focus_after_draw, focus_in, focus_in_row, focus_new_row, focused_within, Row};

/// The current instant.
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Today in the browser's local calendar.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// A seed for the domain's id generator.
pub fn random_seed() -> u64 {
    let hi = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let lo = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (hi << 32) ^ lo ^ (js_sys::Date::now() as u64)
}

/// A fresh id from the browser's cryptographic randomness (a response id to the safety
/// check: it must not be guessable, since it links one person's answers). Falls back to
/// [`random_seed`] where the browser has no `crypto`.
pub fn random_id() -> crate::domain::Id {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        let mut rng = crate::domain::Rng::new(random_seed());
        return crate::domain::Id::random(&mut rng);
    }
    crate::domain::Id(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Removes the element with this id, if present.
pub fn remove_element(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.remove();
    }
}

/// Offers `text` as a file download. Returns an error message when the browser refuses.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), String> {
    let fail = |e: JsValue| format!("{e:?}");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "no anchor element")?;
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    // Revoking at once can cancel the download in some browsers; let the click finish first.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000);
    }
    Ok(())
}

/// Calls `f` whenever the page is hidden or being unloaded: the last moment to save.
pub fn on_page_hide(f: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let f = std::rc::Rc::new(f);
    let g = f.clone();
    let on_visibility = Closure::<dyn Fn()>::new(move || {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .map(|d| d.visibility_state() == web_sys::VisibilityState::Hidden)
            .unwrap_or(false);
        if hidden {
            g();
        }
    });
    let on_pagehide = Closure::<dyn Fn()>::new(move || f());
    if let Some(d) = window.document() {
        let _ = d.add_event_listener_with_callback(
            "visibilitychange",
            on_visibility.as_ref().unchecked_ref(),
        );
    }
    let _ =
        window.add_event_listener_with_callback("pagehide", on_pagehide.as_ref().unchecked_ref());
    // These listeners live as long as the page.
    on_visibility.forget();
    on_pagehide.forget();
}

/// Registers the service worker at `url`, where the browser supports one (secure contexts
/// only). Failure only means no offline use, so it is ignored.
pub fn register_service_worker(url: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let supported = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .map(|v| !v.is_undefined())
        .unwrap_or(false);
    if supported {
        // An existing registration is not checked for a new release by `register`; `update`
        // does that at once, so the next load after a release installs it. Failures (offline)
        // are caught, so they are not reported as unhandled rejections.
        let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
        let update = Closure::<dyn FnMut(JsValue)>::new(|reg: JsValue| {
            let promise = js_sys::Reflect::get(&reg, &JsValue::from_str("update"))
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                .and_then(|f| f.call0(&reg).ok())
                .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
            if let Some(p) = promise {
                let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
                let _ = p.catch(&ignore);
                ignore.forget();
            }
        });
        let _ = navigator
            .service_worker()
            .register(url)
            .then2(&update, &ignore);
        update.forget();
        ignore.forget();
    }
}

/// Calls a method of `navigator.storage` that returns a promise of a boolean (`persist`,
/// `persisted`); `done` gets the answer, or `None` where the browser has no such thing.
fn storage_manager_call(method: &str, done: impl FnOnce(Option<bool>) + 'static) {
    let promise = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("storage")).ok())
        .filter(|s| !s.is_undefined())
        .and_then(|s| {
            let f = js_sys::Reflect::get(&s, &JsValue::from_str(method)).ok()?;
            let f: js_sys::Function = f.dyn_into().ok()?;
            f.call0(&s).ok()?.dyn_into::<js_sys::Promise>().ok()
        });
    let Some(promise) = promise else {
        return done(None);
    };
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let d2 = done.clone();
    let ok = Closure::once(move |v: JsValue| {
        if let Some(f) = done.take() {
            f(v.as_bool());
        }
    });
    let err = Closure::once(move |_: JsValue| {
        if let Some(f) = d2.take() {
            f(None);
        }
    });
    let _ = promise.then2(&ok, &err);
    ok.forget();
    err.forget();
}

/// Asks the browser to keep this site's data even when space runs low.
pub fn persist_storage(done: impl FnOnce(Option<bool>) + 'static) {
    storage_manager_call("persist", done);
}

/// Whether the browser already keeps this site's data (without asking).
pub fn storage_persisted(done: impl FnOnce(Option<bool>) + 'static) {
    storage_manager_call("persisted", done);
}

/// Calls `f` on every `event` of the window (e.g. "storage", "focus") for the page's lifetime.
pub fn on_window_event(event: &str, f: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let cb = Closure::<dyn Fn()>::new(f);
    let _ = window.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
    cb.forget();
}

/// Asks a yes/no question in the browser's own dialog; `false` when dialogs are blocked.
pub fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Copies `text` to the clipboard; `done(true)` once it is there, `done(false)` if refused.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(w) = web_sys::window() else {
        done(false);
        return;
    };
    let promise = w.navigator().clipboard().write_text(text);
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let d2 = done.clone();
    let ok = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        if let Some(f) = done.take() {
            f(true)
        }
    });
    let err = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        if let Some(f) = d2.take() {
            f(false)
        }
    });
    let _ = promise.then2(&ok, &err);
    // Each settles once; the two closures are small and live with the page.
    ok.forget();
    err.forget();
}

/// Reads a picked or dropped file as text; `done` gets the text or a readable error.
pub fn read_file_text(file: &web_sys::File, done: impl FnOnce(Result<String, String>) + 'static) {
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let d2 = done.clone();
    let ok = Closure::<dyn FnMut(JsValue)>::new(move |v: JsValue| {
        if let Some(f) = done.take() {
            f(v.as_string()
                .ok_or_else(|| "the file is not text".to_owned()))
        }
    });
    let err = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
        if let Some(f) = d2.take() {
            f(Err(format!("the browser could not read it ({e:?})")))
        }
    });
    let _ = file.text().then2(&ok, &err);
    ok.forget();
    err.forget();
}

/// Closes every open `<details>` matching `selector`, except the one holding `inside` (the
/// element just clicked, when there is one).
pub fn close_open(selector: &str, inside: Option<web_sys::EventTarget>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(list) = doc.query_selector_all(selector) else {
        return;
    };
    let inside: Option<web_sys::Node> = inside.and_then(|t| t.dyn_into().ok());
    for i in 0..list.length() {
        let Some(node) = list.item(i) else { continue };
        if inside.as_ref().is_some_and(|t| node.contains(Some(t))) {
            continue;
        }
        if let Some(el) = node.dyn_ref::<web_sys::Element>() {
            let _ = el.remove_attribute("open");
        }
    }
}

/// Enters or leaves full screen for the whole page (the board's room view). Browsers may
/// refuse (no user gesture, or not allowed): the room view works without it.
pub fn full_screen(on: bool) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if on {
        // Called through JavaScript to catch the promise a refusal rejects (an unhandled
        // rejection would be a console error).
        let Some(el) = doc.document_element() else {
            return;
        };
        let request = js_sys::Reflect::get(&el, &"requestFullscreen".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(p) = request
            .and_then(|f| f.call0(&el).ok())
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        {
            let ignore = Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|_| {});
            let _ = p.catch(&ignore);
            ignore.forget();
        }
    } else if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    }
}

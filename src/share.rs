//! Share links (and workshop invite and contribution links): data carried in the URL fragment
//! (never sent to any server), compressed with the browser's CompressionStream (deflate-raw)
//! and base64url-encoded.

use crate::domain::exchange::{base64url_decode, base64url_encode, MAX_LINK};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "
export function deflate(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Response(stream).arrayBuffer().then((b) => new Uint8Array(b));
}
export function inflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}
")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn deflate(text: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn inflate(bytes: &[u8]) -> Result<js_sys::Promise, JsValue>;
}

/// The fragment key of a share link: `…/data#share=<data>`.
pub const PREFIX: &str = "#share=";

/// Runs `done` once with the promise's value or error.
fn settle(
    promise: Result<js_sys::Promise, JsValue>,
    done: impl FnOnce(Result<JsValue, String>) + 'static,
) {
    let promise = match promise {
        Ok(p) => p,
        Err(e) => return done(Err(format!("{e:?}"))),
    };
    let done = Rc::new(Cell::new(Some(done)));
    let d2 = done.clone();
    let ok = Closure::<dyn FnMut(JsValue)>::new(move |v| {
        if let Some(f) = done.take() {
            f(Ok(v))
        }
    });
    let err = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
        if let Some(f) = d2.take() {
            f(Err(e
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| "the browser refused".to_owned())))
        }
    });
    let _ = promise.then2(&ok, &err);
    ok.forget();
    err.forget();
}

/// Makes a share link for `json`; an error says why (e.g. too large for a link).
pub fn make_link(json: &str, done: impl FnOnce(Result<String, String>) + 'static) {
    make_link_to("/data", PREFIX, json, done)
}

/// The fragment key of a workshop invite link: `…/boards/<id>/join#invite=<data>`.
pub const INVITE: &str = "#invite=";
/// The fragment key of a contribution link: `…/boards/<id>/workshop#contribution=<data>`.
pub const CONTRIBUTION: &str = "#contribution=";

/// Makes a link to the app's `path` carrying `json` after `prefix` (one of [`PREFIX`],
/// [`INVITE`], [`CONTRIBUTION`]).
pub fn make_link_to(
    path: &str,
    prefix: &'static str,
    json: &str,
    done: impl FnOnce(Result<String, String>) + 'static,
) {
    let path = path.to_owned();
    settle(deflate(json), move |r| {
        done(r.and_then(|v| {
            let bytes = js_sys::Uint8Array::new(&v).to_vec();
            let data = base64url_encode(&bytes);
            if data.len() > MAX_LINK {
                return Err(format!(
                    "it would be {} KB, more than the {} KB a link can safely carry",
                    data.len() / 1024,
                    MAX_LINK / 1024
                ));
            }
            let origin = web_sys::window()
                .and_then(|w| w.location().origin().ok())
                .unwrap_or_default();
            Ok(format!("{origin}{path}{prefix}{data}"))
        }))
    })
}

/// Reads the data of a share link's fragment (after [`PREFIX`]).
pub fn read_link(data: &str, done: impl FnOnce(Result<String, String>) + 'static) {
    let Some(bytes) = base64url_decode(data) else {
        return done(Err(
            "the link is damaged (it has characters a share link never has)".into(),
        ));
    };
    if bytes.len() > MAX_LINK {
        return done(Err("the link is too long".into()));
    }
    settle(inflate(&bytes), move |r| {
        done(
            r.and_then(|v| {
                v.as_string()
                    .ok_or_else(|| "the link holds no text".to_owned())
            })
            .map_err(|_| "the link is damaged or cut off".to_owned()),
        )
    })
}

/// The share data in the current URL, if any; the fragment is cleared so a reload does not
/// offer the same import again.
pub fn take_from_location() -> Option<String> {
    take_fragment(PREFIX)
}

/// The data after `prefix` in the current URL's fragment, if it is there; the fragment is
/// cleared so a reload does not read it again.
pub fn take_fragment(prefix: &str) -> Option<String> {
    let w = web_sys::window()?;
    let hash = w.location().hash().ok()?;
    let data = hash.strip_prefix(prefix)?.to_owned();
    if let Ok(h) = w.history() {
        let path = w.location().pathname().unwrap_or_default();
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&path));
    }
    Some(data)
}

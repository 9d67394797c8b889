//! The app's entry point: the panic hook that shows the crash message, then the app.

fn main() {
    // First of all: a panic shows a message with Reload instead of a dead page.
    climb::crash::install();
    // The static shell in index.html paints before WebAssembly starts; the app replaces it.
    climb::browser::remove_element("boot");
    leptos::mount::mount_to_body(climb::app::App);
    // Offline use after the first visit (see scripts/sw-template.js).
    climb::browser::register_service_worker("/sw.js");
}

/// Panics on purpose, so the end-to-end suite can prove that a panic shows the crash message
/// (`tests/e2e/trust.spec.js`). Harmless to call: it only does what any bug would.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = climbTestPanic)]
pub fn test_panic() {
    panic!("a deliberate panic, to test the crash message");
}

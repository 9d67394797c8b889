fn main() {
    // The static shell in index.html paints before WebAssembly starts; the app replaces it.
    climb::browser::remove_element("boot");
    leptos::mount::mount_to_body(climb::app::App);
    // Offline use after the first visit (see scripts/sw-template.js).
    climb::browser::register_service_worker("/sw.js");
}

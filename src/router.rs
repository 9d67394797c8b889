//! A minimal client-side router: the page is derived from `location.pathname`, links use the
//! History API, and the back button works. Hand-written instead of leptos_router, which cost
//! about 40 KB of first load (the budget is in
//! tests/size-budget.json) for the handful of flat routes Climb needs.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The pages of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Home,
    Boards,
    /// One board, by id.
    Board(crate::domain::Id),
    /// A board run as a workshop.
    Workshop(crate::domain::Id),
    /// Joining a board's workshop from an invite link.
    Join(crate::domain::Id),
    /// A board's presenter window: the workshop's public view, for the projector.
    Present(crate::domain::Id),
    Covenant,
    Goals,
    /// The team's safety, trust and clarity check.
    Check,
    /// Answering a check from an invite link, in one's own browser.
    CheckAnswer,
    Team,
    /// The coach's overview of every team.
    Teams,
    Data,
    NotFound,
}

impl Page {
    /// Reads a page from a URL path; trailing slashes and a query are ignored.
    pub fn parse(path: &str) -> Page {
        let path = path.split(['?', '#']).next().unwrap_or("");
        let path = path.trim_end_matches('/');
        type Make = fn(crate::domain::Id) -> Page;
        let under: [(&str, Make); 3] = [
            ("/workshop", Page::Workshop),
            ("/join", Page::Join),
            ("/present", Page::Present),
        ];
        for (suffix, make) in under {
            if let Some(id) = path
                .strip_prefix("/boards/")
                .and_then(|p| p.strip_suffix(suffix))
            {
                if !id.is_empty() && !id.contains('/') {
                    return make(crate::domain::Id::from(id));
                }
            }
        }
        if let Some(id) = path.strip_prefix("/boards/") {
            if !id.is_empty() && !id.contains('/') {
                return Page::Board(crate::domain::Id::from(id));
            }
        }
        match path {
            "" => Page::Home,
            "/boards" => Page::Boards,
            "/covenant" => Page::Covenant,
            "/goals" => Page::Goals,
            "/check" => Page::Check,
            "/check/answer" => Page::CheckAnswer,
            "/team" => Page::Team,
            "/teams" => Page::Teams,
            "/data" => Page::Data,
            _ => Page::NotFound,
        }
    }

    /// The main-menu entry a page belongs to: a board and its workshop belong to Boards, a
    /// check's answer page to Check, the Teams overview to Team.
    pub fn section(&self) -> Page {
        match self {
            Page::Board(_) | Page::Workshop(_) | Page::Join(_) | Page::Present(_) => Page::Boards,
            Page::CheckAnswer => Page::Check,
            Page::Teams => Page::Team,
            p => p.clone(),
        }
    }
}

/// The current path, shared as context.
#[derive(Clone, Copy)]
pub struct Router {
    path: RwSignal<String>,
}

fn current_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".to_owned())
}

impl Router {
    /// Creates the router and follows the browser's back and forward buttons.
    pub fn start() -> Self {
        let router = Router {
            path: RwSignal::new(current_path()),
        };
        let on_pop = Closure::<dyn Fn()>::new(move || router.path.set(current_path()));
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
        }
        // Lives as long as the page.
        on_pop.forget();
        router
    }

    pub fn expect() -> Self {
        expect_context::<Router>()
    }

    pub fn page(&self) -> Page {
        self.path.with(|p| Page::parse(p))
    }

    pub fn path(&self) -> String {
        self.path.get()
    }

    /// Goes to `href` without reloading; moves focus to the main region for screen readers.
    pub fn navigate(&self, href: &str) {
        if let Some(w) = web_sys::window() {
            if let Ok(h) = w.history() {
                let _ = h.push_state_with_url(&JsValue::NULL, "", Some(href));
            }
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
        self.path.set(href.to_owned());
        if let Some(main) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("main"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = main.focus();
        }
    }
}

/// An in-app link: a real `<a href>` (so it opens in a new tab with a modifier key) that
/// navigates in place on a plain click, marked `aria-current="page"` when active.
#[component]
pub fn Link(
    /// The app path, e.g. "/team".
    #[prop(into)]
    href: String,
    /// Extra class names.
    #[prop(optional)]
    class: &'static str,
    /// A main-menu link: also marked (`aria-current="true"`) on the pages of its section.
    #[prop(optional)]
    menu: bool,
    /// The link's text or content.
    children: Children,
) -> impl IntoView {
    let router = Router::expect();
    let target = Page::parse(&href);
    // "page" on the link to this very page; "true" on a menu link whose section this page is
    // in (Boards, on a board).
    let current = move || {
        let here = router.path.with(|p| Page::parse(p));
        if here == target {
            Some("page")
        } else {
            (menu && here.section() == target).then_some("true")
        }
    };
    view! {
        <a
            href=href.clone()
            class=class
            aria-current=current
            on:click=move |ev: web_sys::MouseEvent| {
                if ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()) {
                    ev.prevent_default();
                    router.navigate(&href);
                }
            }
        >
            {children()}
        </a>
    }
}

//! The shell: header with navigation, save state and undo/redo, the routed pages, notices.

use crate::board::{BoardPage, BoardsPage};
use crate::covenant::CovenantPage;
use crate::data::DataPage;
use crate::goals::GoalsPage;
use crate::home::Home;
use crate::router::{Link, Page, Router};
use crate::state::{AppState, SaveStatus};
use crate::team::TeamPage;
use crate::ui::{Notices, NoticesView};
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let router = Router::start();
    provide_context(router);
    let notices = Notices::new();
    provide_context(notices);
    let state = AppState::start(notices);
    // A board opened from another team (a link, an invite) shows that team.
    state.follow_boards(Signal::derive(move || match router.page() {
        Page::Board(id) | Page::Workshop(id) | Page::Join(id) | Page::Present(id) => Some(id),
        _ => None,
    }));
    provide_context(state);

    // Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (or Ctrl+Y) undo and redo, except while typing, where
    // the text field's own undo applies.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || is_typing(&ev) {
            return;
        }
        match ev.key().to_lowercase().as_str() {
            "z" if ev.shift_key() => state.redo(),
            "z" => state.undo(),
            "y" => state.redo(),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());
    let menu = RwSignal::new(false);
    // The phone menu closes on Escape or a tap outside it.
    let close_menu = window_event_listener(leptos::ev::click, move |ev| {
        use wasm_bindgen::JsCast;
        let in_nav = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("nav").ok().flatten())
            .is_some();
        if !in_nav && menu.get_untracked() {
            menu.set(false);
        }
    });
    let escape_menu = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && menu.get_untracked() {
            menu.set(false);
        }
    });
    on_cleanup(move || {
        close_menu.remove();
        escape_menu.remove();
    });

    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        // A presenter window shows the workshop alone, for the projector.
        <header class="topbar" class:hidden=move || matches!(router.page(), Page::Present(_))>
            <Link href="/" class="brand">
                <span class="brand-mark" aria-hidden="true">"▲"</span>
                "Climb"
            </Link>
            // On a phone the pages fold into a menu, so the header stays one line.
            <nav aria-label="Main" class:open=move || menu.get()>
                <button
                    class="menu-toggle"
                    aria-expanded=move || menu.get().to_string()
                    aria-controls="nav-links"
                    on:click=move |_| menu.update(|m| *m = !*m)
                >
                    "Menu"
                </button>
                <div id="nav-links" class="nav-links" on:click=move |_| menu.set(false)>
                    <Link href="/boards" menu=true>"Boards"</Link>
                    <Link href="/covenant" menu=true>"Covenant"</Link>
                    <Link href="/goals" menu=true>"Micro-goals"</Link>
                    <Link href="/check" menu=true>"Check"</Link>
                    <Link href="/team" menu=true>"Team"</Link>
                    <Link href="/data" menu=true>"Data"</Link>
                </div>
            </nav>
            <div class="topbar-tools">
                <crate::team::TeamSwitcher/>
                <UndoRedo/>
                <SaveIndicator/>
            </div>
        </header>
        <main id="main" tabindex="-1">
            // A page is built afresh when the user switches team, so no choice of people or
            // form keeps the previous team's.
            {move || {
                state.track_switches();
                match router.page() {
                Page::Home => view! { <Home/> }.into_any(),
                Page::Boards => view! { <BoardsPage/> }.into_any(),
                Page::Board(id) => view! { <BoardPage id=id/> }.into_any(),
                Page::Workshop(id) => view! { <crate::workshop::WorkshopPage id=id/> }.into_any(),
                Page::Join(id) => view! { <crate::workshop::JoinPage id=id/> }.into_any(),
                Page::Present(id) => view! { <crate::workshop::PresenterPage id=id/> }.into_any(),
                Page::Covenant => view! { <CovenantPage/> }.into_any(),
                Page::Goals => view! { <GoalsPage/> }.into_any(),
                Page::Check => view! { <crate::check::CheckPage/> }.into_any(),
                Page::CheckAnswer => view! { <crate::check::CheckAnswerPage/> }.into_any(),
                Page::Team => view! { <TeamPage/> }.into_any(),
                Page::Teams => view! { <crate::team::TeamsPage/> }.into_any(),
                Page::Data => view! { <DataPage/> }.into_any(),
                Page::NotFound => view! { <NotFound/> }.into_any(),
                }
            }}
        </main>
        // The projector shows the group's work, not this browser's messages.
        {move || (!matches!(router.page(), Page::Present(_))).then(|| view! { <NoticesView/> })}
    }
}

fn is_typing(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
        .unwrap_or(false)
}

/// Undo and redo buttons, named after what they would revert.
#[component]
fn UndoRedo() -> impl IntoView {
    let state = AppState::expect();
    let undo_name = move || match state.undo_label.get() {
        Some(l) => format!("Undo {l}"),
        None => "Undo".to_owned(),
    };
    let redo_name = move || match state.redo_label.get() {
        Some(l) => format!("Redo {l}"),
        None => "Redo".to_owned(),
    };
    view! {
        <div class="undo-redo">
            <button
                class="icon-button"
                aria-label=undo_name
                title=undo_name
                disabled=move || state.undo_label.get().is_none()
                on:click=move |_| state.undo()
            >
                "↶"
            </button>
            <button
                class="icon-button"
                aria-label=redo_name
                title=redo_name
                disabled=move || state.redo_label.get().is_none()
                on:click=move |_| state.redo()
            >
                "↷"
            </button>
        </div>
    }
}

/// Saved / Saving… / Not saved, with the reason.
#[component]
fn SaveIndicator() -> impl IntoView {
    let state = AppState::expect();
    let text = move || match state.save.get() {
        SaveStatus::Saved => "Saved".to_owned(),
        SaveStatus::Saving => "Saving…".to_owned(),
        SaveStatus::NotSaved(why) => format!("Not saved: {why}"),
    };
    let class = move || match state.save.get() {
        SaveStatus::Saved => "save-state saved",
        SaveStatus::Saving => "save-state saving",
        SaveStatus::NotSaved(_) => "save-state not-saved",
    };
    let failed = move || matches!(state.save.get(), SaveStatus::NotSaved(_));
    view! {
        <p class=class role="status" aria-live="polite" data-testid="save-state">
            {text}
        </p>
        {move || {
            failed().then(|| view! { <button on:click=move |_| state.save_now()>"Retry saving"</button> })
        }}
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Page not found"</h1>
            <p>"There is nothing here. " <Link href="/">"Go to the start page"</Link></p>
        </section>
    }
}

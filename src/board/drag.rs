//! Moving cards by dragging, with pointer events so mouse, pen and touch all work the same
//! way (HTML5 drag and drop does not fire for touch in most mobile browsers).
//!
//! A drop target is any element with `data-drop`; its `data-rung` names the rung (empty for
//! the unplaced tray).

use crate::domain::{BoardCommand, Command, Id};
use crate::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the board is dragging, shared by its cards and lanes.
#[derive(Clone, Copy)]
pub struct Drag {
    /// The card being dragged.
    pub card: RwSignal<Option<Id>>,
    /// The drop target under the pointer: `Some(None)` is the tray.
    pub over: RwSignal<Option<Option<Id>>>,
    /// A card that should take focus once it is rendered again (after a keyboard move).
    pub focus: RwSignal<Option<Id>>,
}

impl Drag {
    pub fn new() -> Self {
        Drag {
            card: RwSignal::new(None),
            over: RwSignal::new(None),
            focus: RwSignal::new(None),
        }
    }

    pub fn expect() -> Self {
        expect_context::<Drag>()
    }

    /// Starts dragging `card` from its handle.
    pub fn start(&self, card: Id, ev: &web_sys::PointerEvent) {
        if ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        if let Some(el) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            // Keep receiving moves even when the pointer leaves the handle.
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        self.card.set(Some(card));
        self.over.set(None);
    }

    /// Tracks the drop target under the pointer.
    pub fn track(&self, ev: &web_sys::PointerEvent) {
        if self.card.get_untracked().is_none() {
            return;
        }
        let target = drop_target_at(ev.client_x(), ev.client_y());
        if self.over.get_untracked() != target {
            self.over.set(target);
        }
    }

    /// Drops the card where the pointer is.
    pub fn finish(&self, state: AppState, ev: &web_sys::PointerEvent) {
        let Some(card) = self.card.get_untracked() else {
            return;
        };
        let target = drop_target_at(ev.client_x(), ev.client_y());
        self.card.set(None);
        self.over.set(None);
        if let Some(to) = target {
            state.dispatch(Command::Board(BoardCommand::MoveCard { id: card, to }));
        }
    }

    pub fn cancel(&self) {
        self.card.set(None);
        self.over.set(None);
    }
}

/// The rung (or the tray, `Some(None)`) under a point of the viewport.
fn drop_target_at(x: i32, y: i32) -> Option<Option<Id>> {
    let doc = web_sys::window()?.document()?;
    let el = doc.element_from_point(x as f32, y as f32)?;
    let zone = el.closest("[data-drop]").ok()??;
    let rung = zone.get_attribute("data-rung").unwrap_or_default();
    Some(if rung.is_empty() {
        None
    } else {
        Some(Id::from(rung.as_str()))
    })
}

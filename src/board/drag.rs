//! Moving cards by dragging, with pointer events so mouse, pen and touch all work the same
//! way (HTML5 drag and drop does not fire for touch in most mobile browsers).
//!
//! A drop target is any element with `data-drop`; its `data-rung` names the rung (empty for
//! the unplaced tray).

use crate::domain::{BoardCommand, Id};
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
    /// A card that should take focus once it is rendered again (after a keyboard move, or
    /// after its editor saved): the keyboard hand-off.
    pub refocus: RwSignal<Option<Id>>,
    /// Pixels per tick the page scrolls while a dragged card is near the top or bottom edge,
    /// and where the pointer was, so a card travels from the tray to the top rung in one drag.
    speed: StoredValue<i32>,
    at: StoredValue<(i32, i32)>,
    ticker: StoredValue<Option<IntervalHandle>, LocalStorage>,
}

/// How close to the window's top or bottom edge (in CSS pixels) a drag starts scrolling. The
/// top zone is deeper: the sticky header covers its first pixels.
const TOP_EDGE: i32 = 110;
const BOTTOM_EDGE: i32 = 70;

/// The scroll speed for a pointer at `y` in a window `height` high: faster nearer the edge.
fn edge_speed(y: i32, height: i32) -> i32 {
    if y < TOP_EDGE {
        -(2 + (TOP_EDGE - y.max(0)) / 4)
    } else if y > height - BOTTOM_EDGE {
        2 + (y.min(height) - (height - BOTTOM_EDGE)) / 3
    } else {
        0
    }
}

impl Drag {
    pub fn new() -> Self {
        Drag {
            card: RwSignal::new(None),
            over: RwSignal::new(None),
            refocus: RwSignal::new(None),
            speed: StoredValue::new(0),
            at: StoredValue::new((0, 0)),
            ticker: StoredValue::new_local(None),
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
        self.at.set_value((ev.client_x(), ev.client_y()));
        self.retarget();
        let height = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0) as i32;
        let speed = edge_speed(ev.client_y(), height);
        self.speed.set_value(speed);
        if speed == 0 {
            self.stop_scrolling();
        } else if self.ticker.with_value(Option::is_none) {
            let this = *self;
            let tick = move || {
                if let Some(w) = web_sys::window() {
                    w.scroll_by_with_x_and_y(0.0, f64::from(this.speed.get_value()));
                }
                this.retarget();
            };
            if let Ok(h) = set_interval_with_handle(tick, std::time::Duration::from_millis(16)) {
                self.ticker.set_value(Some(h));
            }
        }
    }

    /// The drop target under the pointer's last position (the page may have scrolled under it).
    fn retarget(&self) {
        let (x, y) = self.at.get_value();
        let target = drop_target_at(x, y);
        if self.over.get_untracked() != target {
            self.over.set(target);
        }
    }

    fn stop_scrolling(&self) {
        self.ticker.update_value(|t| {
            if let Some(h) = t.take() {
                h.clear();
            }
        });
    }

    /// Drops the card where the pointer is.
    pub fn finish(&self, state: AppState, ev: &web_sys::PointerEvent) {
        let Some(card) = self.card.get_untracked() else {
            return;
        };
        self.stop_scrolling();
        let target = drop_target_at(ev.client_x(), ev.client_y());
        self.card.set(None);
        self.over.set(None);
        if let Some(to) = target {
            state.dispatch(BoardCommand::MoveCard { id: card, to });
        }
    }

    pub fn cancel(&self) {
        self.stop_scrolling();
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

//! The safety check in a real browser (headless Chromium via wasm-bindgen-test): response ids
//! from the browser's cryptographic randomness, and answers saved to localStorage with no
//! order, time of day or response id.
#![cfg(target_arch = "wasm32")]

use climb::domain::check::Check;
use climb::domain::{CheckCommand, Id};
use climb::state::{AppState, SaveStatus};
use climb::storage::WORKSPACE_KEY;
use climb::ui::Notices;
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn with_app<T>(f: impl FnOnce(AppState) -> T) -> T {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.set();
    f(AppState::start(Notices::new()))
}

#[wasm_bindgen_test]
fn response_ids_are_random_hex_and_never_repeat() {
    let ids: std::collections::BTreeSet<Id> =
        (0..200).map(|_| climb::browser::random_id()).collect();
    assert_eq!(ids.len(), 200);
    for id in &ids {
        assert_eq!(id.as_str().len(), 32, "{id}");
        assert!(id.as_str().chars().all(|c| c.is_ascii_hexdigit()), "{id}");
    }
}

#[wasm_bindgen_test]
fn answers_are_saved_without_order_time_or_response_id() {
    storage().clear().unwrap();
    let responses: Vec<Id> = (0..3).map(|_| climb::browser::random_id()).collect();
    with_app(|state| {
        let today = climb::browser::today();
        assert!(state.dispatch(CheckCommand::Open { today, board: None }));
        let check = state
            .ws
            .with_untracked(|ws| ws.live::<Check>().next().cloned())
            .unwrap();
        for (i, r) in responses.iter().enumerate() {
            let answers = check
                .statements
                .iter()
                .map(|s| (s.id.clone(), Some(1 + (i as u8 % 5))))
                .collect();
            assert!(state.dispatch(CheckCommand::Answer {
                id: check.meta.id.clone(),
                response: r.clone(),
                answers,
                today,
            }));
        }
        state.save_now();
        assert_eq!(state.save.get_untracked(), SaveStatus::Saved);
    });
    let text = storage().get_item(WORKSPACE_KEY).unwrap().unwrap();
    for r in &responses {
        assert!(!text.contains(r.as_str()), "a response id is stored");
    }
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let answers = v["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 27);
    let ids: Vec<&str> = answers.iter().map(|a| a["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(
        ids, sorted,
        "answers are stored in id order, not in the order given"
    );
    for a in answers.iter().chain(v["responses"].as_array().unwrap()) {
        assert!(
            a["updatedAt"].as_str().unwrap().ends_with("T00:00:00Z"),
            "{a}"
        );
        assert_eq!(a["versionNonce"], 0);
    }
    storage().clear().unwrap();
}

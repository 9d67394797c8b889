//! Storage in a real browser (headless Chromium via wasm-bindgen-test): round trip, quota,
//! corrupted saved data, storage that is blocked.
#![cfg(target_arch = "wasm32")]

use chrono::{TimeZone, Utc};
use climb::domain::exchange::to_storage_json;
use climb::domain::roster::Member;
use climb::domain::{Command, History, Rng, Workspace};
use climb::state::{AppState, SaveStatus};
use climb::storage::{Loaded, LocalStore, StorageError, BACKUP_PREFIX, WORKSPACE_KEY};
use climb::ui::Notices;
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap()
}

fn clear() {
    let s = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    s.clear().unwrap();
}

fn workspace_with(names: &[&str]) -> Workspace {
    let mut ws = Workspace::default();
    let mut h = History::default();
    let mut rng = Rng::new(3);
    for n in names {
        h.apply(
            &mut ws,
            &Command::AddMember { name: (*n).into() },
            now(),
            &mut rng,
        )
        .unwrap();
    }
    ws
}

/// What another tab of this build saves: this tab's team (the first team of a browser is
/// one, see `first_team` in state/start.rs) with `names` on it.
fn workspace_in(state: AppState, names: &[&str]) -> Workspace {
    let team = state.team.get_untracked();
    let mut ws = Workspace {
        teams: state.all.with_untracked(|ws| ws.teams.clone()),
        ..Workspace::default()
    };
    // A seed of its own per roster, so two saves do not draw the same ids.
    let mut rng =
        Rng::new(names.iter().map(|n| n.len() as u64 * 7919).sum::<u64>() + names.len() as u64);
    for n in names {
        ws.apply_in(
            team.as_ref(),
            &Command::AddMember { name: (*n).into() },
            now(),
            &mut rng,
        )
        .unwrap();
    }
    ws
}

fn run_js(src: &str) {
    js_sys::Function::new_no_args(src)
        .call0(&JsValue::NULL)
        .unwrap();
}

/// Fills localStorage until the browser refuses more; returns the filler keys.
fn fill_storage() -> Vec<String> {
    let s = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let mut keys = Vec::new();
    // Big pieces first, then ever smaller ones, so that even a tiny write fails afterwards.
    for size in [256 * 1024, 16 * 1024, 1024, 64, 1] {
        let chunk = "x".repeat(size);
        for i in 0..1000 {
            let key = format!("f{size}-{i}");
            if s.set_item(&key, &chunk).is_err() {
                break;
            }
            keys.push(key);
        }
    }
    keys
}

/// The action label of the first notice whose text contains `text`: `None` when there is no
/// such notice, `Some(None)` when it has no action.
fn notice_action(notices: &Notices, text: &str) -> Option<Option<String>> {
    notices
        .list_untracked()
        .into_iter()
        .find(|n| n.text.contains(text))
        .map(|n| n.action.map(|a| a.0))
}

fn with_app<T>(f: impl FnOnce(AppState, Notices) -> T) -> T {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.set();
    let notices = Notices::new();
    let state = AppState::start(notices);
    f(state, notices)
}

#[wasm_bindgen_test]
fn round_trip_through_local_storage() {
    clear();
    let store = LocalStore::open();
    assert!(store.is_available());
    assert!(matches!(store.load(now()).unwrap().0, Loaded::Empty));
    let mut ws = workspace_with(&["Ana", "Ben"]);
    // Settled into a team, it reads back as it was written.
    climb::domain::team_migration::settle(&mut ws);
    store.save(&to_storage_json(&ws, now())).unwrap();
    match LocalStore::open().load(now()).unwrap().0 {
        Loaded::Workspace(r, _) => {
            assert_eq!(r.workspace, ws);
            assert!(r.warnings.is_empty());
        }
        other => panic!("expected a workspace, got {other:?}"),
    }
    clear();
}

#[wasm_bindgen_test]
fn app_state_saves_a_command_and_a_new_start_reads_it() {
    clear();
    with_app(|state, _| {
        assert!(state.dispatch(Command::AddMember { name: "Ana".into() }));
        state.save_now();
        assert_eq!(state.save.get_untracked(), SaveStatus::Saved);
    });
    with_app(|state, _| {
        let names: Vec<String> = state
            .ws
            .with_untracked(|ws| ws.live::<Member>().map(|m| m.name.clone()).collect());
        assert_eq!(names, ["Ana"]);
    });
    clear();
}

#[wasm_bindgen_test]
fn quota_exceeded_is_reported_and_keeps_data() {
    clear();
    let store = LocalStore::open();
    let old = to_storage_json(&workspace_with(&["Old"]), now());
    store.save(&old).unwrap();
    let filler = fill_storage();
    assert!(
        !filler.is_empty(),
        "the filler should have stored something"
    );

    let big = workspace_with(&["Ana", "Ben", "Cleo"]);
    let bigger_text = to_storage_json(&big, now()) + &" ".repeat(64 * 1024);
    assert_eq!(store.save(&bigger_text), Err(StorageError::QuotaExceeded));
    assert_eq!(
        store.get(WORKSPACE_KEY).unwrap().as_deref(),
        Some(old.as_str())
    );

    // Through the app: the edit stays in memory, the indicator says why, a notice offers export.
    with_app(|state, notices| {
        for i in 0..200 {
            state.dispatch(Command::AddMember {
                name: format!("Member {i} with a rather long name to use space"),
            });
        }
        state.save_now();
        match state.save.get_untracked() {
            SaveStatus::NotSaved(why) => assert!(why.contains("full"), "{why}"),
            other => panic!("expected NotSaved, got {other:?}"),
        }
        assert_eq!(
            state.ws.with_untracked(|ws| ws.live::<Member>().count()),
            201
        );
        assert_eq!(
            notice_action(&notices, "storage for Climb is full"),
            Some(Some("Export workspace".into())),
            "a quota notice with an export action"
        );
    });
    clear();
}

#[wasm_bindgen_test]
fn corrupted_saved_data_is_preserved_under_a_backup_key() {
    clear();
    let store = LocalStore::open();
    let raw = r#"{"type":"climb.workspace","schemaVersion":2,"members":[{"id":"#;
    store.set(WORKSPACE_KEY, raw).unwrap();
    let backup = match store.load(now()).unwrap().0 {
        Loaded::Unreadable {
            raw: r,
            backup_key: Some(k),
            ..
        } => {
            assert_eq!(r, raw);
            k
        }
        other => panic!("expected Unreadable with a backup, got {other:?}"),
    };
    assert!(backup.starts_with(BACKUP_PREFIX));
    assert_eq!(store.get(&backup).unwrap().as_deref(), Some(raw));
    assert_eq!(store.backup_keys(), vec![backup.clone()]);
    assert_eq!(
        store.get(WORKSPACE_KEY).unwrap().as_deref(),
        Some(raw),
        "loading never rewrites the original"
    );
    // Loading again (a reload) does not copy the same text a second time.
    assert!(matches!(
        store.load(now() + chrono::Duration::seconds(5)).unwrap().0,
        Loaded::Unreadable { backup_key: Some(ref k), .. } if *k == backup
    ));
    assert_eq!(store.backup_keys().len(), 1);
    // Different unreadable text gets a backup of its own.
    store.set(WORKSPACE_KEY, "{oops").unwrap();
    let other = match store.load(now() + chrono::Duration::seconds(9)).unwrap().0 {
        Loaded::Unreadable {
            backup_key: Some(k),
            ..
        } => k,
        other => panic!("expected a second backup, got {other:?}"),
    };
    assert_ne!(other, backup);
    store.remove(&other).unwrap();
    store.set(WORKSPACE_KEY, raw).unwrap();

    // The app starts empty, says so, and its next save leaves the backup in place.
    with_app(|state, notices| {
        assert!(notice_action(&notices, "could not be read").is_some());
        state.dispatch(Command::AddMember { name: "Ana".into() });
        state.save_now();
        assert_eq!(state.save.get_untracked(), SaveStatus::Saved);
    });
    // The app's start found the same text again: still one backup, and it survived the save.
    assert_eq!(store.backup_keys(), vec![backup.clone()]);
    assert_eq!(store.get(&backup).unwrap().as_deref(), Some(raw));
    clear();
}

#[wasm_bindgen_test]
fn newer_schema_is_preserved_not_overwritten_when_backup_fails() {
    clear();
    let store = LocalStore::open();
    let raw = r#"{"type":"climb.workspace","schemaVersion":999,"members":[]}"#;
    store.set(WORKSPACE_KEY, raw).unwrap();
    fill_storage();
    with_app(|state, notices| {
        assert!(matches!(
            state.save.get_untracked(),
            SaveStatus::NotSaved(_)
        ));
        assert_eq!(
            notice_action(&notices, "newer version"),
            Some(Some("Download saved data".into()))
        );
        state.dispatch(Command::AddMember { name: "Ana".into() });
        state.save_now();
    });
    assert_eq!(store.get(WORKSPACE_KEY).unwrap().as_deref(), Some(raw));
    clear();
}

#[wasm_bindgen_test]
fn blocked_storage_does_not_panic() {
    clear();
    run_js(
        "window.__lsOwn = Object.getOwnPropertyDescriptor(window, 'localStorage') || null; \
         Object.defineProperty(window, 'localStorage', { configurable: true, get() { \
         throw new DOMException('The operation is insecure.', 'SecurityError'); } });",
    );
    let store = LocalStore::open();
    assert!(!store.is_available());
    assert!(matches!(
        store.save("{}"),
        Err(StorageError::Unavailable(_))
    ));
    assert!(matches!(
        store.load(now()),
        Err(StorageError::Unavailable(_))
    ));
    assert!(store.backup_keys().is_empty());
    with_app(|state, notices| {
        assert!(matches!(
            state.save.get_untracked(),
            SaveStatus::NotSaved(_)
        ));
        assert!(notice_action(&notices, "does not let Climb save").is_some());
        assert!(state.dispatch(Command::AddMember { name: "Ana".into() }));
        state.save_now();
        assert_eq!(state.ws.with_untracked(|ws| ws.live::<Member>().count()), 1);
    });
    run_js(
        "if (window.__lsOwn) { Object.defineProperty(window, 'localStorage', window.__lsOwn); } \
         else { delete window.localStorage; }",
    );
    assert!(
        LocalStore::open().is_available(),
        "restored for other tests"
    );
}

#[wasm_bindgen_test]
fn missing_storage_does_not_panic() {
    let store = LocalStore::unavailable("test");
    assert!(matches!(store.get("x"), Err(StorageError::Unavailable(_))));
    assert!(matches!(
        store.remove("x"),
        Err(StorageError::Unavailable(_))
    ));
}

fn names(state: AppState) -> Vec<String> {
    let mut n: Vec<String> = state
        .ws
        .with_untracked(|ws| ws.live::<Member>().map(|m| m.name.clone()).collect());
    n.sort();
    n
}

#[wasm_bindgen_test]
fn an_older_tab_merges_what_another_tab_saved_instead_of_overwriting_it() {
    clear();
    with_app(|state, notices| {
        // This tab has an unsaved change when another tab saves a workspace of its own.
        assert!(state.dispatch(Command::AddMember { name: "Ana".into() }));
        let other = workspace_in(state, &["Ben"]);
        LocalStore::open()
            .save(&to_storage_json(&other, now()))
            .unwrap();
        state.save_now();
        assert_eq!(state.save.get_untracked(), SaveStatus::Saved);
        assert_eq!(names(state), ["Ana", "Ben"]);
        assert!(notice_action(&notices, "another tab").is_some());
        // What is stored now holds both.
        match LocalStore::open().load(now()).unwrap().0 {
            Loaded::Workspace(r, _) => {
                let mut stored: Vec<String> = r
                    .workspace
                    .live::<Member>()
                    .map(|m| m.name.clone())
                    .collect();
                stored.sort();
                assert_eq!(stored, ["Ana", "Ben"]);
            }
            other => panic!("expected a workspace, got {other:?}"),
        }

        // Focus (or the storage event) picks up a later save by the other tab.
        let later = workspace_in(state, &["Cleo"]);
        LocalStore::open()
            .save(&to_storage_json(&later, now()))
            .unwrap();
        state.sync_from_other_tabs();
        assert_eq!(names(state), ["Ana", "Ben", "Cleo"]);
    });
    clear();
}

#[wasm_bindgen_test]
fn data_a_newer_tab_saved_that_this_tab_cannot_read_is_never_overwritten() {
    clear();
    with_app(|state, _| {
        assert!(state.dispatch(Command::AddMember { name: "Ana".into() }));
        let newer = r#"{"type":"climb.workspace","schemaVersion":99,"members":[]}"#;
        LocalStore::open().save(newer).unwrap();
        state.save_now();
        assert!(matches!(
            state.save.get_untracked(),
            SaveStatus::NotSaved(_)
        ));
        assert_eq!(
            LocalStore::open().get(WORKSPACE_KEY).unwrap().as_deref(),
            Some(newer)
        );
    });
    clear();
}

#[wasm_bindgen_test]
fn nearly_full_storage_is_announced_once_with_an_export() {
    clear();
    let s = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    // Something else of this site already takes 84 % of what Climb assumes browsers allow.
    s.set_item("other-app", &"x".repeat(4_200_000)).unwrap();
    assert_eq!(
        LocalStore::open().used_chars(),
        "other-app".len() + 4_200_000
    );
    with_app(|state, notices| {
        assert!(state.dispatch(Command::AddMember { name: "Ana".into() }));
        state.save_now();
        assert_eq!(state.save.get_untracked(), SaveStatus::Saved);
        assert_eq!(
            notice_action(&notices, "nearly full"),
            Some(Some("Export workspace".to_owned()))
        );
        let count = || {
            notices
                .list_untracked()
                .iter()
                .filter(|n| n.text.contains("nearly full"))
                .count()
        };
        assert!(state.dispatch(Command::AddMember { name: "Ben".into() }));
        state.save_now();
        assert_eq!(count(), 1, "warned once per tab");
    });
    clear();
    with_app(|state, notices| {
        assert!(state.dispatch(Command::AddMember {
            name: "Cleo".into()
        }));
        state.save_now();
        assert_eq!(
            notice_action(&notices, "nearly full"),
            None,
            "plenty of room"
        );
    });
    clear();
}

#[wasm_bindgen_test]
fn records_kept_unread_survive_saves_and_a_repair_is_backed_up_once() {
    clear();
    let store = LocalStore::open();
    // Records this build cannot read are written back as they are: no backup is needed.
    let raw = r#"{"type":"climb.workspace","schemaVersion":2,"members":[{"id":"m1","name":"Ana"},{"id":"m2","name":[1]}],"goals":"x"}"#;
    store.set(WORKSPACE_KEY, raw).unwrap();
    let (loaded, text) = store.load(now()).unwrap();
    assert_eq!(text.as_deref(), Some(raw));
    match loaded {
        Loaded::Workspace(r, None) => assert_eq!(r.workspace.kept.len(), 2),
        other => panic!("expected a workspace and no backup, got {other:?}"),
    }
    with_app(|state, notices| {
        assert!(notice_action(&notices, "could not be read by this version").is_some());
        state.dispatch(Command::AddMember { name: "Ben".into() });
        state.save_now();
        assert_eq!(state.save.get_untracked(), SaveStatus::Saved);
    });
    let stored = store.get(WORKSPACE_KEY).unwrap().unwrap();
    assert!(stored.contains(r#"{"id":"m2","name":[1]}"#), "{stored}");
    assert!(stored.contains(r#""goals":"x""#), "{stored}");
    assert!(stored.contains("Ben"));
    // Saves and reloads make no backups.
    for i in 0..3 {
        with_app(|state, _| {
            state.dispatch(Command::AddMember {
                name: format!("Guest {i}"),
            });
            state.save_now();
        });
    }
    assert!(store.backup_keys().is_empty(), "{:?}", store.backup_keys());
    // A repair changes what is saved: the text as it was is backed up, once.
    let repaired = r#"{"type":"climb.workspace","schemaVersion":2,"boards":[{"id":"b1","title":"T","rungs":[{"id":"r1","name":"A"}],"line":9}]}"#;
    store.set(WORKSPACE_KEY, repaired).unwrap();
    let backup = match store.load(now()).unwrap().0 {
        Loaded::Workspace(_, Some(k)) => k,
        other => panic!("expected a backup of the repaired text, got {other:?}"),
    };
    assert!(backup.starts_with(BACKUP_PREFIX) && backup.ends_with("~as-saved"));
    assert_eq!(store.get(&backup).unwrap().as_deref(), Some(repaired));
    with_app(|state, _| {
        state.dispatch(Command::AddMember { name: "Cy".into() });
        state.save_now();
    });
    with_app(|state, _| {
        state.dispatch(Command::AddMember { name: "Dee".into() });
        state.save_now();
    });
    assert_eq!(store.backup_keys(), vec![backup]);
    clear();
}

//! Native tests of the envelope, the lenient restore path, migration and merge.

mod common;

use climb::domain::exchange::{
    export_file_name, merge, restore, to_export_json, to_storage_json, RestoreError, SCHEMA_VERSION,
};
use climb::domain::ladder::{Board, Card};
use climb::domain::roster::Member;
use climb::domain::{Command, Id};
use common::{at, Fixture};
use serde_json::{json, Value};

fn sample() -> Fixture {
    let mut f = Fixture::new(42);
    let ana = f.add_member("Ana");
    f.add_member("Ben");
    f.add_member("Cleo");
    f.rename_member(&ana, "Ana Lopez");
    let cleo = f.ws.members[2].meta.id.clone();
    f.run(Command::RemoveMember { id: cleo });
    f
}

#[test]
fn export_then_restore_gives_the_same_workspace_including_tombstones() {
    let f = sample();
    for text in [
        to_export_json(&f.ws, at(99)),
        to_storage_json(&f.ws, at(99)),
    ] {
        let r = restore(&text).unwrap();
        assert_eq!(r.workspace, f.ws);
        assert!(r.warnings.is_empty());
        assert_eq!(r.schema_version, SCHEMA_VERSION);
        assert_eq!(r.exported_at, Some(at(99)));
    }
}

#[test]
fn the_envelope_has_type_versions_and_iso_dates() {
    let f = sample();
    let v: Value = serde_json::from_str(&to_export_json(&f.ws, at(0))).unwrap();
    assert_eq!(v["type"], "climb.workspace");
    assert_eq!(v["schemaVersion"], SCHEMA_VERSION);
    assert_eq!(v["appVersion"], env!("CARGO_PKG_VERSION"));
    assert_eq!(v["exportedAt"], "2026-11-21T09:00:00Z");
    let m = &v["members"][0];
    assert_eq!(m["name"], "Ana Lopez");
    assert_eq!(m["version"], 2);
    assert!(m["versionNonce"].is_u64());
    assert_eq!(m["updatedAt"], "2026-11-21T09:04:00Z");
    assert!(m.get("deleted").is_none(), "live entities omit the flag");
    assert_eq!(v["members"][2]["deleted"], true);
    assert!(
        to_export_json(&f.ws, at(0)).contains("\n  "),
        "export is indented"
    );
}

fn envelope(extra: Value) -> String {
    common::envelope(SCHEMA_VERSION, extra)
}

#[test]
fn missing_fields_get_defaults_and_unknown_fields_are_ignored() {
    let text = envelope(json!({
        "members": [ { "id": "m1", "name": "Ana", "shoeSize": 42 }, { "id": "m2" } ],
        "futureThing": { "a": 1 }
    }));
    let r = restore(&text).unwrap();
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let m = &r.workspace.members;
    assert_eq!(m.len(), 2);
    assert_eq!(m[0].name, "Ana");
    assert_eq!(m[0].meta.version, 1);
    assert_eq!(m[0].meta.version_nonce, 0);
    assert!(!m[0].meta.deleted);
    assert_eq!(m[1].name, "");
    assert!(r.workspace.boards.is_empty());
}

#[test]
fn bad_records_are_kept_verbatim_with_a_warning_and_the_rest_read() {
    let text = envelope(json!({
        "members": [
            { "id": "m1", "name": "Ana" },
            { "name": "no id" },
            "just a string",
            { "id": "", "name": "empty id" },
            { "id": "m2", "name": 7 },
            { "id": "m3", "name": "Ben" }
        ],
        "boards": { "not": "a list" },
        "cards": [ { "id": "c1", "text": "no board" }, { "id": "c2", "boardId": "b1" } ]
    }));
    let r = restore(&text).unwrap();
    let names: Vec<_> = r
        .workspace
        .members
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(names, ["Ana", "Ben"]);
    assert_eq!(r.workspace.cards.len(), 1);
    let w: Vec<String> = r.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(w.len(), 6, "{w:#?}");
    assert!(
        w[0].starts_with("members record 2: missing field `id`"),
        "{}",
        w[0]
    );
    assert!(w[0].ends_with("kept as it is"), "{}", w[0]);
    assert!(w[2].contains("empty id"));
    assert!(w[3].starts_with("members record 5: "));
    assert_eq!(
        w[4],
        "boards: expected a list, found a object; kept as it is"
    );
    assert!(w[5].contains("boardId"));
    // Nothing is lost: every unreadable record and the unreadable collection are kept, and
    // written back exactly as they were.
    let kept = &r.workspace.kept;
    assert_eq!(kept.records.len(), 5, "{kept:#?}");
    assert_eq!(kept.parts.len(), 1);
    let again = to_storage_json(&r.workspace, at(0));
    for raw in [
        r#"{"name":"no id"}"#,
        r#""just a string""#,
        r#"{"id":"","name":"empty id"}"#,
        r#"{"id":"m2","name":7}"#,
        r#""boards":{"not":"a list"}"#,
        r#"{"id":"c1","text":"no board"}"#,
    ] {
        assert!(again.contains(raw), "{raw} is missing from {again}");
    }
    assert_eq!(restore(&again).unwrap().workspace, r.workspace);
}

#[test]
fn a_repeated_id_keeps_the_winning_copy() {
    let text = envelope(json!({ "members": [
        { "id": "m1", "name": "old", "version": 1 },
        { "id": "m1", "name": "new", "version": 3 },
        { "id": "m1", "name": "older", "version": 2 }
    ]}));
    let r = restore(&text).unwrap();
    assert_eq!(r.workspace.members.len(), 1);
    assert_eq!(r.workspace.members[0].name, "new");
}

#[test]
fn unreadable_input_is_refused_with_a_reason() {
    type Check = fn(&RestoreError) -> bool;
    let cases: Vec<(String, Check)> = vec![
        ("".into(), |e| *e == RestoreError::Empty),
        ("   \n".into(), |e| *e == RestoreError::Empty),
        ("hello".into(), |e| matches!(e, RestoreError::NotJson(_))),
        (
            r#"{"type":"climb.workspace","members":[{"id":"#.into(),
            |e| *e == RestoreError::Truncated,
        ),
        (
            "[1,2]".into(),
            |e| matches!(e, RestoreError::WrongType(t) if t == "a JSON array"),
        ),
        (
            r#"{"type":"excalidraw"}"#.into(),
            |e| matches!(e, RestoreError::WrongType(t) if t.contains("excalidraw")),
        ),
        (r#"{"members":[]}"#.into(), |e| {
            matches!(e, RestoreError::WrongType(_))
        }),
        (
            r#"{"type":"climb.workspace","schemaVersion":99}"#.into(),
            |e| *e == RestoreError::NewerSchema { found: 99 },
        ),
        ("[".repeat(100_000), |e| *e == RestoreError::TooDeep),
        (
            " ".repeat(climb::domain::exchange::MAX_BYTES + 1) + "{}",
            |e| matches!(e, RestoreError::TooLarge { .. }),
        ),
    ];
    for (text, check) in cases {
        let err = restore(&text).expect_err("must be refused");
        assert!(check(&err), "unexpected {err:?} for {:.40}", text);
        assert!(!err.to_string().is_empty());
    }
}

#[test]
fn deep_nesting_is_refused_clearly() {
    let deep = |field: &str| {
        format!(
            r#"{{"type":"climb.workspace","members":[{{"id":"x","{field}":{}1{}}},{{"id":"y"}}]}}"#,
            "[".repeat(5000),
            "]".repeat(5000)
        )
    };
    // Anywhere in the file, nesting no Climb file has is refused with a reason that says so,
    // instead of a preview of nothing.
    for text in [
        deep("name"),
        deep("unknownField"),
        format!("{}{}", "[".repeat(5000), "]".repeat(5000)),
    ] {
        let err = restore(&text).unwrap_err();
        assert_eq!(err, RestoreError::TooDeep);
        assert!(err.to_string().contains("64 levels"), "{err}");
    }
    // Brackets inside strings are text, not nesting.
    let text = format!(
        r#"{{"type":"climb.workspace","members":[{{"id":"x","name":"{}"}}]}}"#,
        "[".repeat(5000)
    );
    assert_eq!(restore(&text).unwrap().workspace.members.len(), 1);
}

#[test]
fn schema_1_fixture_migrates() {
    let text = include_str!("fixtures/schema-1.json");
    let r = restore(text).unwrap();
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    assert_eq!(r.schema_version, 1);
    let names: Vec<_> = r
        .workspace
        .live::<Member>()
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(names, ["Ana", "Ben"]);
    assert!(r.workspace.members.iter().all(|m| m.meta.version == 1));
    let board = r.workspace.live::<Board>().next().unwrap();
    assert_eq!(board.title, "Sprint 41 retro");
    assert_eq!(board.date.unwrap().to_string(), "2026-09-30");
    let card = r.workspace.live::<Card>().next().unwrap();
    assert_eq!(card.board_id, board.meta.id);
    // Written back, it is the current schema and reads the same.
    let again = restore(&to_storage_json(&r.workspace, at(0))).unwrap();
    assert_eq!(again.schema_version, SCHEMA_VERSION);
    assert_eq!(again.workspace, r.workspace);
}

#[test]
fn merge_keeps_both_sides_and_the_higher_version() {
    let base = sample();
    let mut a = Fixture::on(base.ws.clone(), 100);
    let mut b = Fixture::on(base.ws.clone(), 200);
    let ana = base.ws.members[0].meta.id.clone();
    let ben = base.ws.members[1].meta.id.clone();
    a.add_member("Dev");
    a.rename_member(&ana, "Ana L.");
    b.add_member("Eve");
    b.run(Command::RemoveMember { id: ben.clone() });

    let ab = merge(&a.ws, &b.ws);
    let ba = merge(&b.ws, &a.ws);
    let mut names: Vec<_> = ab.live::<Member>().map(|m| m.name.clone()).collect();
    names.sort();
    assert_eq!(names, ["Ana L.", "Dev", "Eve"]);
    assert!(ab.get::<Member>(&ben).is_none(), "the deletion travels");
    // Same entities either way; only the order of appended ones differs.
    let sorted = |ws: &climb::domain::Workspace| {
        let mut m = ws.members.clone();
        m.sort_by(|x, y| x.meta.id.cmp(&y.meta.id));
        m
    };
    assert_eq!(sorted(&ab), sorted(&ba));
    assert_eq!(merge(&ab, &b.ws), ab, "merging again changes nothing");
    assert_eq!(merge(&ab, &ab), ab);
}

#[test]
fn equal_versions_are_broken_by_the_nonce() {
    let mut a = Fixture::new(1);
    let id = a.add_member("Ana");
    let mut b = Fixture::on(a.ws.clone(), 2);
    a.rename_member(&id, "From A");
    b.rename_member(&id, "From B");
    let x = merge(&a.ws, &b.ws);
    let y = merge(&b.ws, &a.ws);
    let name = |ws: &climb::domain::Workspace| ws.get::<Member>(&id).unwrap().name.clone();
    assert_eq!(name(&x), name(&y));
    let na = a.ws.members[0].meta.version_nonce;
    let nb = b.ws.members[0].meta.version_nonce;
    assert_eq!(name(&x), if na > nb { "From A" } else { "From B" });
}

#[test]
fn export_file_names_are_dated_slugs() {
    let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    assert_eq!(
        export_file_name(d, "Team Retro!"),
        "2026-11-21-team-retro.climb.json"
    );
    assert_eq!(export_file_name(d, "  ☃  "), "2026-11-21-climb.climb.json");
    assert_eq!(
        export_file_name(d, "Ünïcode & co"),
        "2026-11-21-n-code-co.climb.json"
    );
    let _ = Id::from("unused");
}

#[test]
fn export_indentation_matches_serde_pretty() {
    let f = sample();
    let compact = to_storage_json(&f.ws, at(5));
    let value: Value = serde_json::from_str(&compact).unwrap();
    let indented = climb::domain::exchange::indent_json(&compact);
    assert_eq!(serde_json::from_str::<Value>(&indented).unwrap(), value);
    assert!(indented.starts_with("{\n  \"type\": \"climb.workspace\",\n  \"schemaVersion\": 4,"));
    let tricky = json!({"a": [], "b": {}, "c": "x\\\"y,{[:]}", "d": [1, [2, {"e": null}]]});
    assert_eq!(
        climb::domain::exchange::indent_json(&tricky.to_string()),
        serde_json::to_string_pretty(&tricky).unwrap()
    );
}

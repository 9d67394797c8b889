//! The import path under hostile input: every kept input in `tests/fixtures/import-inputs/`,
//! and a mutation fuzzer over a real export (boards, cards, goals, a covenant, ballots).
//!
//! `cargo test` runs a short fuzz (256 cases). `scripts/fuzz.sh` runs a long one: it sets
//! `CLIMB_FUZZ_CASES` (default there: 100,000). A failing case is shrunk and its seed saved in
//! `tests/proptest-regressions/import_fuzz.txt`, which every later run replays first; keep the
//! input itself in `tests/fixtures/import-inputs/` too.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::NaiveDate;
use climb::domain::exchange::{restore, to_export_json, to_storage_json};
use climb::domain::ladder::Template;
use climb::domain::scrumlr::{from_scrumlr, looks_like_scrumlr};
use climb::domain::workshop::Phase;
use climb::domain::{
    BoardCommand as B, Command, CovenantCommand, GoalCommand, Rng, WorkshopCommand as W,
};
use common::{at, Fixture};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};

/// Reads `text` as Climb would: a Scrumlr export or a Climb file. Returns what restore read,
/// after checking that it writes and reads back unchanged.
fn import(text: &str) -> Result<(), String> {
    if looks_like_scrumlr(text) {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let _ = from_scrumlr(text, today, at(0), &mut Rng::new(1));
    }
    match restore(text) {
        Ok(r) => {
            let again = restore(&to_storage_json(&r.workspace, at(0)))
                .map_err(|e| format!("what was read does not read back: {e}"))?;
            if again.workspace != r.workspace {
                return Err("what was read changed on a second round trip".into());
            }
            Ok(())
        }
        Err(_) => Ok(()),
    }
}

#[test]
fn every_kept_input_imports_or_is_refused_cleanly() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import-inputs");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        import(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        seen += 1;
    }
    assert!(seen >= 10, "the kept inputs are missing ({seen} found)");
}

#[test]
fn a_huge_array_of_empty_records_is_read_without_trouble() {
    let text = format!(
        "{{\"type\":\"climb.workspace\",\"schemaVersion\":2,\"cards\":[{}]}}",
        vec!["{}"; 200_000].join(",")
    );
    let r = restore(&text).unwrap();
    // A card without its board cannot be read; each is skipped and reported.
    assert!(r.workspace.cards.is_empty());
    assert_eq!(r.warnings.len(), 200_000);
}

/// A workspace with every kind of record, exported as a user would.
fn rich_export() -> String {
    let mut f = Fixture::new(42);
    let ana = f.add_member("Ana");
    let ben = f.add_member("Ben");
    let board = f
        .run(Command::Board(B::Create {
            title: "Sprint <42> & \"friends\"".into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 20),
            team: "Platform".into(),
            facilitator: Some(ana.clone()),
            template: Template::Classic,
        }))
        .created()
        .cloned()
        .unwrap();
    let card = f
        .run(Command::Board(B::AddCard {
            board: board.clone(),
            text: "Release slipped — again ✓".into(),
            author: Some(ben.clone()),
            rung: None,
        }))
        .created()
        .cloned()
        .unwrap();
    f.run(Command::Board(B::MoveCardBy {
        id: card.clone(),
        delta: 3,
    }));
    f.run(Command::Workshop(W::Start {
        board: board.clone(),
        participants: vec![ana.clone(), ben.clone()],
    }));
    f.run(Command::Workshop(W::GoTo {
        board: board.clone(),
        phase: Phase::Vote,
    }));
    f.run(Command::Workshop(W::Vote {
        board: board.clone(),
        member: ana.clone(),
        card: card.clone(),
    }));
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    f.run(Command::Goal(GoalCommand::Create {
        outcome: "Ship the fix".into(),
        owner: Some(ben.clone()),
        partner: Some(ana.clone()),
        due: NaiveDate::from_ymd_opt(2026, 11, 28),
        follow_up: None,
        verification: "Green build".into(),
        card: Some(card),
        clause: None,
        today,
    }));
    f.run(Command::Covenant(CovenantCommand::Create {
        title: "Our covenant".into(),
        team: "Platform".into(),
    }));
    f.run(Command::RemoveMember { id: ben });
    to_export_json(&f.ws, at(5))
}

/// One change to the text: the kinds of damage files suffer in transit and by hand-editing.
#[derive(Clone, Debug)]
enum Mutation {
    Replace(usize, char),
    Delete(usize, usize),
    Insert(usize, &'static str),
    Duplicate(usize, usize),
    Truncate(usize),
}

const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "null",
    "true",
    "-1",
    "1e999",
    "0.5",
    "\"\"",
    "\\u0000",
    "\\ud800",
    "[[[[[[[[",
    "{\"id\":",
    "\"deleted\":true",
    "\"version\":4294967295",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<char>()).prop_map(|(i, c)| Mutation::Replace(i, c)),
        (any::<usize>(), 1usize..64).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<usize>(), proptest::sample::select(TOKENS))
            .prop_map(|(i, t)| Mutation::Insert(i, t)),
        (any::<usize>(), 1usize..200).prop_map(|(i, n)| Mutation::Duplicate(i, n)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(text: &str, edits: &[Mutation]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for m in edits {
        let len = chars.len().max(1);
        match *m {
            Mutation::Replace(i, c) => {
                if !chars.is_empty() {
                    chars[i % len] = c;
                }
            }
            Mutation::Delete(i, n) => {
                let start = i % len;
                let end = (start + n).min(chars.len());
                chars.drain(start.min(end)..end);
            }
            Mutation::Insert(i, t) => {
                let at_ = i % (chars.len() + 1);
                chars.splice(at_..at_, t.chars());
            }
            Mutation::Duplicate(i, n) => {
                let start = i % len;
                let end = (start + n).min(chars.len());
                let piece: Vec<char> = chars[start.min(end)..end].to_vec();
                chars.splice(end..end, piece);
            }
            Mutation::Truncate(i) => chars.truncate(i % len),
        }
    }
    chars.into_iter().collect()
}

fn cases() -> u32 {
    std::env::var("CLIMB_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

fn config() -> Config {
    Config {
        cases: cases(),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/proptest-regressions/import_fuzz.txt"
        )))),
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn damaged_exports_never_break_import(edits in proptest::collection::vec(mutation(), 1..8)) {
        thread_local!(static SEED: String = rich_export());
        let text = SEED.with(|s| apply(s, &edits));
        prop_assert_eq!(import(&text), Ok(()));
    }

    #[test]
    fn arbitrary_json_shaped_text_never_breaks_import(
        parts in proptest::collection::vec(proptest::sample::select(TOKENS), 0..64),
        head in proptest::sample::select(&["", "{\"type\":\"climb.workspace\",", "{\"board\":{},\"notes\":"][..]),
    ) {
        let text = format!("{head}{}", parts.concat());
        prop_assert_eq!(import(&text), Ok(()));
    }
}

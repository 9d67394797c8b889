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
use climb::domain::exchange::{merge, restore, to_export_json, to_storage_json};
use climb::domain::import::read_import;
use climb::domain::ladder::Template;
use climb::domain::pages::compute_all;
use climb::domain::workshop::Phase;
use climb::domain::{
    BoardCommand as B, Command, CovenantCommand, GoalCommand, Rng, WorkshopCommand as W,
};
use common::{at, Fixture, NewGoal};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

/// Reads `text` as Climb would, through the real import path (a Scrumlr export or a Climb
/// file) and the storage path; checks that what was read writes and reads back unchanged,
/// then runs everything the pages compute from it, and a round of commands on it, alone and
/// merged into a rich workspace. A panic anywhere fails the case.
fn import(text: &str) -> Result<(), String> {
    let _ = read_import(text, today(), at(0), &mut Rng::new(1));
    match restore(text) {
        Ok(r) => {
            let again = restore(&to_storage_json(&r.workspace, at(0)))
                .map_err(|e| format!("what was read does not read back: {e}"))?;
            if again.workspace != r.workspace {
                return Err("what was read changed on a second round trip".into());
            }
            exercise(&r.workspace);
            RICH.with(|rich| exercise(&merge(rich, &r.workspace)));
            Ok(())
        }
        Err(_) => Ok(()),
    }
}

thread_local!(static RICH: climb::domain::Workspace =
    restore(&rich_export()).unwrap().workspace);

/// Every page's computation, then commands a user could give on the first records of each
/// kind (refusals are fine; panics are not), then every page's computation again.
fn exercise(ws: &climb::domain::Workspace) {
    use climb::domain::covenant::Covenant;
    use climb::domain::goals::Goal;
    use climb::domain::ladder::{Board, Card};
    use climb::domain::merge::{recently_deleted, DeletedKind};
    compute_all(ws, today());
    let mut ws = ws.clone();
    let mut rng = Rng::new(2);
    let board = ws.live::<Board>().next().map(|b| b.meta.id.clone());
    let card = ws.live::<Card>().next().map(|c| c.meta.id.clone());
    let covenant = ws.live::<Covenant>().next().map(|c| c.meta.id.clone());
    let goal = ws.live::<Goal>().next().map(|g| g.meta.id.clone());
    let mut cmds: Vec<Command> = Vec::new();
    if let Some(b) = board {
        let rung = ws
            .get::<Board>(&b)
            .and_then(|x| x.rungs.first())
            .map(|r| r.id.clone());
        cmds.extend([
            Command::Board(B::AddRung {
                board: b.clone(),
                name: "New".into(),
                below: true,
            }),
            Command::Board(B::AddRung {
                board: b.clone(),
                name: "Up".into(),
                below: false,
            }),
            Command::Board(B::MoveLine {
                board: b.clone(),
                line: 0,
            }),
            Command::Board(B::ApplyTemplate {
                board: b.clone(),
                template: Template::FourSteps,
            }),
            Command::Board(B::Duplicate { id: b.clone() }),
            Command::Board(B::AddCard {
                board: b.clone(),
                text: "é".into(),
                author: None,
                rung,
            }),
            Command::Workshop(W::GoTo {
                board: b.clone(),
                phase: Phase::Reveal,
            }),
            Command::Workshop(W::GoTo {
                board: b.clone(),
                phase: Phase::Close,
            }),
        ]);
    }
    if let Some(c) = card {
        cmds.extend([
            Command::Board(B::MoveCardBy {
                id: c.clone(),
                delta: 1,
            }),
            Command::Board(B::MoveCardBy {
                id: c.clone(),
                delta: -1,
            }),
            Command::Board(B::EditCard {
                id: c.clone(),
                text: "edited".into(),
            }),
            Command::Board(B::DeleteCard { id: c }),
        ]);
    }
    if let Some(c) = covenant {
        cmds.extend([
            Command::Covenant(CovenantCommand::StartReview { id: c.clone() }),
            Command::Covenant(CovenantCommand::Reaffirm {
                id: c.clone(),
                learned: "We kept our word".into(),
                next: chrono::NaiveDate::from_ymd_opt(2027, 3, 1).unwrap_or_default(),
                today: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default(),
            }),
            Command::Covenant(CovenantCommand::Activate { id: c }),
        ]);
    }
    if let Some(g) = goal {
        cmds.extend([
            Command::Goal(GoalCommand::MarkMissed {
                id: g.clone(),
                today: today(),
            }),
            Command::Goal(GoalCommand::FromReview {
                id: g.clone(),
                due: None,
                today: today(),
            }),
            Command::Goal(GoalCommand::MarkDone {
                id: g,
                today: today(),
            }),
        ]);
    }
    for d in recently_deleted(&ws, 5) {
        let kind: DeletedKind = d.kind;
        cmds.push(Command::Undelete { kind, id: d.id });
    }
    for (i, cmd) in cmds.iter().enumerate() {
        let _ = ws.apply(cmd, at(10 + i as i64), &mut rng);
    }
    compute_all(&ws, today());
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
    let board = f.add_board(
        "Sprint <42> & \"friends\"",
        NaiveDate::from_ymd_opt(2026, 11, 20),
        "Platform",
        Some(&ana),
    );
    let card = f.add_card(&board, "Release slipped — again ✓", Some(&ben), None);
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
    f.add_goal(NewGoal {
        owner: Some(ben.clone()),
        partner: Some(ana.clone()),
        due: NaiveDate::from_ymd_opt(2026, 11, 28),
        verification: "Green build".into(),
        card: Some(card),
        ..NewGoal::new("Ship the fix", today)
    });
    let cov = f.add_covenant("Our covenant", "Platform");
    let mut terms =
        f.ws.get::<climb::domain::covenant::Covenant>(&cov)
            .unwrap()
            .terms
            .clone();
    terms.review_on = NaiveDate::from_ymd_opt(2026, 12, 21);
    terms
        .escalation
        .push(climb::domain::covenant::EscalationStep {
            id: "e1".into(),
            who: "Ana".into(),
            when: "a week late".into(),
            how: "talk".into(),
        });
    f.run(Command::Covenant(CovenantCommand::EditDraft {
        id: cov.clone(),
        terms: terms.clone(),
    }));
    f.run(Command::Covenant(CovenantCommand::Activate {
        id: cov.clone(),
    }));
    f.run(Command::Covenant(CovenantCommand::Sign {
        id: cov.clone(),
        member: ana.clone(),
        typed_name: "Ana".into(),
    }));
    terms.intent = "Ship together".into();
    f.run(Command::Covenant(CovenantCommand::Amend {
        id: cov,
        terms,
        reason: "Intent".into(),
    }));
    f.run(Command::RemoveMember { id: ben });
    // A shared copy's tally beside the ballots, as after a round trip through a board file.
    let shared = climb::domain::exchange::board_subset(&f.ws, &board);
    f.ws = merge(&f.ws, &shared);
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
    "\"line\":99",
    "\"fingerprint\":\"é\"",
    "\"rung\":\"nowhere\"",
    "\"count\":4294967295",
    "\"people\":4294967295",
    "\"phase\":\"unknown\"",
    "\"rungs\":[]",
    "\"voteLimit\":0",
    "\"closedOn\":\"0001-01-01\"",
    "\"due\":\"9999-12-31\"",
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

//! The merge's properties for every kind of record, tombstones included (the member-only
//! version runs on `main` in `domain_properties`).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use climb::domain::check::{Answer, Check, Response};
use climb::domain::covenant::Covenant;
use climb::domain::exchange::{merge, restore, to_storage_json};
use climb::domain::goals::Goal;
use climb::domain::kept::{Kept, KeptRecord, Raw};
use climb::domain::ladder::{Board, Card};
use climb::domain::rhythm::{Rhythm, RhythmSettings};
use climb::domain::teams::{Membership, SavedLadder, Team};
use climb::domain::workshop::{
    ballot_id, tally_id, Ballot, CardTally, Placement, RungCount, Session, Tally,
};
use climb::domain::{Id, Meta, Workspace};
use common::at;
use proptest::prelude::*;

/// A write: (id number, version, nonce). Contents and tombstone follow from it, as a write's
/// random nonce makes them do in real use.
fn write() -> impl Strategy<Value = (u8, u32, u32)> {
    (0u8..5, 1u32..4, 0u32..3)
}

fn meta(prefix: &str, (id, v, n): (u8, u32, u32)) -> Meta {
    Meta {
        id: Id(format!("{prefix}{id}")),
        version: v,
        version_nonce: n,
        updated_at: at(i64::from(v * 10 + n)),
        deleted: (v + n + u32::from(id)) % 3 == 0,
    }
}

/// The team a write's record belongs to: one of three, so merges meet records of several.
fn team((id, v, _): (u8, u32, u32)) -> Id {
    Id(format!("T{}", (u32::from(id) + v) % 3))
}

fn label((id, v, n): (u8, u32, u32)) -> String {
    format!("{id}.{v}.{n}")
}

fn dedup<T: Clone>(items: Vec<T>, id: impl Fn(&T) -> Id) -> Vec<T> {
    let mut seen = std::collections::BTreeSet::new();
    items.into_iter().filter(|x| seen.insert(id(x))).collect()
}

/// Kept in id order, as the workspace keeps the check's anonymous records.
fn sorted<T: climb::domain::meta::Entity>(mut items: Vec<T>) -> Vec<T> {
    items.sort_by(|a, b| a.id().cmp(b.id()));
    items
}

fn workspace() -> impl Strategy<Value = Workspace> {
    let list = || proptest::collection::vec(write(), 0..6);
    let kinds = (
        list(),
        list(),
        list(),
        list(),
        list(),
        list(),
        list(),
        list(),
    );
    (kinds, (list(), list(), list()), (list(), list(), list())).prop_map(|((b, c, g, v, x, t, k, r), (tm, ms, ld), (ch, an, rs))| Workspace {
        members: Vec::new(),
        checks: dedup(
            ch.into_iter()
                .map(|w| Check {
                    meta: meta("C", w),
                    team_id: Some(team(w)),
                    opened_on: chrono::NaiveDate::from_ymd_opt(2026, 1 + u32::from(w.0), 1),
                    statements: climb::domain::check::default_statements(),
                    threshold: 3 + w.2,
                    closed_on: None,
                    board_id: None,
                })
                .collect(),
            |x| x.meta.id.clone(),
        ),
        // Answers and responses are written once (version 1, no nonce), as the app writes them.
        answers: sorted(dedup(
            an.into_iter()
                .map(|w| Answer {
                    meta: meta("A", (w.0, 1, 0)),
                    check_id: Id(format!("C{}", w.0 % 2)),
                    statement_id: Id::from("default.trust.done"),
                    score: 1 + w.0 % 5,
                })
                .collect(),
            |x| x.meta.id.clone(),
        )),
        responses: sorted(dedup(
            rs.into_iter()
                .map(|w| Response {
                    meta: meta("R", (w.0, 1, 0)),
                    check_id: Id(format!("C{}", w.0 % 2)),
                })
                .collect(),
            |x| x.meta.id.clone(),
        )),
        teams: dedup(
            tm.into_iter()
                .map(|w| Team {
                    meta: meta("T", w),
                    name: label(w),
                    archived: w.2 == 1,
                })
                .collect(),
            |x| x.meta.id.clone(),
        ),
        memberships: dedup(
            ms.into_iter()
                .map(|w| Membership {
                    meta: meta("M", w),
                    team_id: team(w),
                    member_id: Id(format!("m{}", w.1)),
                })
                .collect(),
            |x| x.meta.id.clone(),
        ),
        ladders: dedup(
            ld.into_iter()
                .map(|w| SavedLadder {
                    meta: meta("L", w),
                    team_id: Some(team(w)),
                    name: label(w),
                    rungs: Vec::new(),
                    line: w.2 as usize,
                })
                .collect(),
            |x| x.meta.id.clone(),
        ),
        boards: dedup(
            b.into_iter()
                .map(|w| Board {
                    meta: meta("b", w),
                    title: label(w),
                    date: None,
                    team: String::new(),
                    team_id: Some(team(w)),
                    facilitator: None,
                    rungs: Vec::new(),
                    line: 0,
                    session: (w.1 > 1).then(|| Session {
                        vote_limit: w.2 + 1,
                        ..Session::default()
                    }),
                })
                .collect(),
            |x| x.meta.id.clone(),
        ),
        cards: dedup(
            c.into_iter()
                .map(|w| Card::new(meta("c", w), Id(format!("b{}", w.0)), label(w)))
                .collect(),
            |x| x.meta.id.clone(),
        ),
        goals: dedup(
            g.into_iter()
                .map(|w| Goal {
                    meta: meta("g", w),
                    outcome: label(w),
                    team_id: Some(team(w)),
                    ..serde_json::from_str::<Goal>("{}").unwrap()
                })
                .collect(),
            |x| x.meta.id.clone(),
        ),
        covenants: dedup(
            v.into_iter()
                .map(|w| {
                    let mut c = serde_json::from_str::<Covenant>("{}").unwrap();
                    c.meta = meta("v", w);
                    c.terms.title = label(w);
                    c.team_id = Some(team(w));
                    c
                })
                .collect(),
            |x| x.meta.id.clone(),
        ),
        ballots: dedup(
            x.into_iter()
                .map(|w| Ballot {
                    // A ballot's id derives from its board and member (restore checks it).
                    meta: Meta {
                        id: ballot_id(&Id(format!("b{}", w.0)), &Id(format!("m{}", w.0))),
                        ..meta("x", w)
                    },
                    board_id: Id(format!("b{}", w.0)),
                    member: Id(format!("m{}", w.0)),
                    placements: vec![Placement {
                        card: Id(format!("c{}", w.1)),
                        rung: Id(format!("r{}", w.2)),
                    }],
                    votes: vec![Id(format!("c{}", w.2)); w.1 as usize],
                })
                .collect(),
            |x| x.meta.id.clone(),
        ),
        tallies: dedup(
            t.into_iter()
                .map(|w| Tally {
                    meta: Meta {
                        id: tally_id(&Id(format!("b{}", w.0))),
                        ..meta("t", w)
                    },
                    board_id: Id(format!("b{}", w.0)),
                    people: w.1,
                    cards: vec![CardTally {
                        card: Id(format!("c{}", w.2)),
                        placed: vec![RungCount {
                            rung: Id(format!("r{}", w.1)),
                            count: w.2,
                        }],
                        votes: w.1,
                    }],
                })
                .collect(),
            |x| x.meta.id.clone(),
        ),
        rhythms: dedup(
            r.into_iter()
                .map(|w| Rhythm {
                    meta: meta("r", w),
                    team_id: Some(team(w)),
                    settings: RhythmSettings {
                        retro_weeks: w.1,
                        breaks: vec![chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(); (w.2 % 2) as usize],
                        ..RhythmSettings::default()
                    },
                })
                .collect(),
            |x| x.meta.id.clone(),
        ),
        // Records a newer Climb wrote (a board phase this build does not know), kept verbatim.
        kept: {
            let mut kept = Kept::default();
            for w in k {
                let m = meta("k", w);
                let text = format!(
                    r#"{{"id":"{}","version":{},"versionNonce":{},"title":"{}","line":"high"}}"#,
                    m.id, m.version, m.version_nonce, label(w)
                );
                kept.keep(KeptRecord::new("boards", Raw::new(&text).unwrap(), "x".into()));
            }
            kept
        },
    })
}

/// Entity order aside, the same workspace.
fn canonical(ws: &Workspace) -> String {
    let mut ws = ws.clone();
    ws.boards.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    ws.cards.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    ws.goals.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    ws.covenants.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    ws.ballots.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    ws.tallies.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    ws.rhythms.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    ws.teams.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    ws.memberships.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    ws.ladders.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    ws.checks.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    ws.kept.records.sort_by(|a, b| a.raw.get().cmp(b.raw.get()));
    to_storage_json(&ws, at(0))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_kind_round_trips(ws in workspace()) {
        let back = restore(&to_storage_json(&ws, at(0))).unwrap();
        // Kept records come back with the reason this build gives for them.
        prop_assert_eq!(back.workspace.kept.records.len(), ws.kept.records.len());
        for (a, b) in back.workspace.kept.records.iter().zip(&ws.kept.records) {
            prop_assert_eq!(a.raw.get(), b.raw.get());
        }
        let mut back = back.workspace;
        back.kept = ws.kept.clone();
        prop_assert_eq!(back, ws);
    }

    #[test]
    fn merge_is_commutative_for_every_kind(a in workspace(), b in workspace()) {
        prop_assert_eq!(canonical(&merge(&a, &b)), canonical(&merge(&b, &a)));
    }

    #[test]
    fn merge_is_associative_for_every_kind(a in workspace(), b in workspace(), c in workspace()) {
        prop_assert_eq!(
            canonical(&merge(&merge(&a, &b), &c)),
            canonical(&merge(&a, &merge(&b, &c)))
        );
    }

    #[test]
    fn merge_is_idempotent_for_every_kind(a in workspace(), b in workspace()) {
        let ab = merge(&a, &b);
        prop_assert_eq!(&merge(&ab, &b), &ab);
        prop_assert_eq!(&merge(&ab, &a), &ab);
    }
}

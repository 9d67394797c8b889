//! Native tests of Climb's three promises at the edges: what it cannot read, it keeps; no
//! byte kills the tab; files and links for others never say who placed, voted or wrote what.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::NaiveDate;
use climb::domain::covenant::{covenant_markdown, diff, Covenant, DiffLine, SignatureState};
use climb::domain::exchange::{
    board_subset, for_others, merge, preview, restore, to_storage_json, RestoreError,
};
use climb::domain::import::read_import;
use climb::domain::ladder::{board_markdown, Board, Card};
use climb::domain::merge::{plural, recently_deleted, removal_text, DeletedKind};
use climb::domain::quota::Usage;
use climb::domain::restore::MAX_IMPORTED_VERSION;
use climb::domain::roster::Member;
use climb::domain::workshop::{counts, spread_of, Phase, Tally};
use climb::domain::{
    BoardCommand as B, Command, CovenantCommand as C, Id, Rng, WorkshopCommand as W, Workspace,
};
use common::{at, Fixture, NewGoal};
use serde_json::{json, Value};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

fn board(f: &mut Fixture, title: &str) -> Id {
    f.add_board(title, Some(today()), "Platform", None)
}

fn card(f: &mut Fixture, board: &Id, text: &str) -> Id {
    f.add_card(board, text, None, None)
}

fn envelope(parts: Value) -> String {
    common::envelope(2, parts)
}

// 1. What Climb cannot read, it keeps.

#[test]
fn a_partly_unreadable_workspace_keeps_every_record_through_edits_and_saves() {
    let text = envelope(json!({
        "members": [{ "id": "m1", "name": "Ana" }, { "id": "m2", "name": ["not", "a", "name"] }],
        "boards": [{ "id": "b1", "title": 42 }],
        "goals": "not a list"
    }));
    let r = restore(&text).unwrap();
    assert_eq!(r.workspace.members.len(), 1);
    assert_eq!(r.workspace.kept.len(), 3, "{:#?}", r.workspace.kept);
    // An edit, a save, a reload, another edit, another save: nothing is lost.
    let mut f = Fixture::on(r.workspace, 1);
    f.add_member("Ben");
    let saved = to_storage_json(&f.ws, at(1));
    let mut f = Fixture::on(restore(&saved).unwrap().workspace, 2);
    f.add_member("Cy");
    let saved = to_storage_json(&f.ws, at(2));
    for raw in [
        r#"{"id":"m2","name":["not","a","name"]}"#,
        r#"{"id":"b1","title":42}"#,
        r#""goals":"not a list""#,
    ] {
        assert!(saved.contains(raw), "{raw} is gone from {saved}");
    }
    let back = restore(&saved).unwrap();
    assert_eq!(back.workspace.live::<Member>().count(), 3);
    assert_eq!(back.workspace.kept.len(), 3);
    // Once a readable goal exists, the unreadable list still travels beside it.
    let mut f = Fixture::on(back.workspace, 3);
    f.add_goal(NewGoal::new("Ship it", today()));
    let saved = to_storage_json(&f.ws, at(3));
    assert!(
        saved.contains(r#""goals.unreadable":"not a list""#),
        "{saved}"
    );
    let again = restore(&saved).unwrap().workspace;
    assert_eq!(again.goals.len(), 1);
    assert_eq!(again.kept.len(), 3);
}

#[test]
fn records_a_newer_build_wrote_survive_another_tabs_merge_and_the_next_save() {
    let mut f = Fixture::new(7);
    let b = board(&mut f, "Sprint 43 retro");
    card(&mut f, &b, "Readable");
    let ours = f.ws.clone();
    // Another tab (a newer Climb) saved the same schema with a phase and a tag this build
    // does not know, and a collection it has never heard of.
    let mut v: Value = serde_json::from_str(&to_storage_json(&ours, at(5))).unwrap();
    v["boards"].as_array_mut().unwrap().push(json!({
        "id": "b-new", "version": 2, "title": "Newer board",
        "session": { "phase": "groupSorting", "participants": [] }
    }));
    v["cards"].as_array_mut().unwrap().push(json!({
        "id": "c-new", "boardId": "b-new", "text": "Tagged", "tags": ["futureTag"]
    }));
    v["polls"] = json!([{ "id": "t1", "name": "Platform" }]);
    let theirs = restore(&v.to_string()).unwrap();
    assert_eq!(theirs.workspace.kept.len(), 3);
    let merged = merge(&ours, &theirs.workspace);
    let mut f = Fixture::on(merged, 8);
    f.add_member("Ana");
    let saved = to_storage_json(&f.ws, at(9));
    let back: Value = serde_json::from_str(&saved).unwrap();
    assert!(back["boards"]
        .as_array()
        .unwrap()
        .iter()
        .any(|b| b["session"]["phase"] == "groupSorting"));
    assert!(back["cards"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["tags"][0] == "futureTag"));
    assert_eq!(back["polls"][0]["name"], "Platform");
}

#[test]
fn two_copies_of_a_kept_record_merge_to_the_newer_one_in_any_order() {
    let rec = |v: u32, title: &str| {
        restore(&envelope(json!({ "boards": [
            { "id": "b-new", "version": v, "title": title, "line": "high" }
        ]})))
        .unwrap()
        .workspace
    };
    let (old, new) = (rec(1, "old"), rec(2, "new"));
    for m in [merge(&old, &new), merge(&new, &old)] {
        assert_eq!(m.kept.records.len(), 1);
        assert!(m.kept.records[0].raw.get().contains("\"new\""));
    }
    assert_eq!(merge(&new, &new), new);
    // The download names each record and why it could not be read.
    let file: Value = serde_json::from_str(&new.kept.to_file_json()).unwrap();
    assert_eq!(file["type"], "climb.kept-records");
    assert_eq!(file["records"][0]["collection"], "boards");
    assert_eq!(file["records"][0]["record"]["title"], "new");
}

// 2. A merge never removes anything by surprise.

#[test]
fn a_merge_preview_names_what_it_removes_and_folds_a_boards_cards_into_it() {
    let mut a = Fixture::new(1);
    let b = board(&mut a, "Sprint 42 retro");
    for t in ["One", "Two", "Three"] {
        card(&mut a, &b, t);
    }
    let mut other = Fixture::on(a.ws.clone(), 2);
    other.run(Command::Board(B::Delete { id: b.clone() }));
    let p = preview(&a.ws, &other.ws);
    assert_eq!(p.boards.removed, 1);
    assert_eq!(p.cards.removed, 3);
    assert_eq!(
        p.boards.updated + p.cards.updated,
        0,
        "removals are not updates"
    );
    assert_eq!(p.removals.len(), 1, "{:?}", p.removals);
    assert_eq!(
        removal_text(&p.removals).unwrap(),
        "Removes: board “Sprint 42 retro” and its 3 cards."
    );
    // Nothing to remove: no sentence.
    assert_eq!(removal_text(&preview(&other.ws, &a.ws).removals), None);
}

#[test]
fn recently_deleted_brings_a_board_back_with_the_cards_deleted_with_it() {
    let mut f = Fixture::new(3);
    let b = board(&mut f, "Sprint 42 retro");
    let early = card(&mut f, &b, "Deleted on its own");
    for t in ["One", "Two", "Three"] {
        card(&mut f, &b, t);
    }
    f.run(Command::Board(B::DeleteCard { id: early.clone() }));
    f.run(Command::Board(B::Delete { id: b.clone() }));
    let list = recently_deleted(&f.ws, 10);
    assert_eq!(
        list.len(),
        1,
        "the early card waits for its board: {list:?}"
    );
    assert_eq!(list[0].kind, DeletedKind::Board);
    assert_eq!(list[0].cards, 3);
    f.run(Command::Undelete {
        kind: DeletedKind::Board,
        id: b.clone(),
    });
    let live: Vec<&str> =
        f.ws.live::<Card>()
            .filter(|c| c.board_id == b)
            .map(|c| c.text.as_str())
            .collect();
    assert_eq!(live, ["One", "Two", "Three"]);
    assert!(f.ws.get::<Board>(&b).is_some());
    // The card deleted before the board is listed now, and comes back on its own.
    let list = recently_deleted(&f.ws, 10);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].kind, DeletedKind::Card);
    f.run(Command::Undelete {
        kind: DeletedKind::Card,
        id: early,
    });
    assert_eq!(f.ws.live::<Card>().count(), 4);
    assert!(recently_deleted(&f.ws, 10).is_empty());
    // Bringing back what is not deleted is refused.
    f.refuse(Command::Undelete {
        kind: DeletedKind::Board,
        id: b,
    });
}

#[test]
fn a_member_comes_back_unless_the_name_is_taken_meanwhile() {
    let mut f = Fixture::new(4);
    let ana = f.add_member("Ana");
    f.run(Command::RemoveMember { id: ana.clone() });
    f.add_member("ana");
    let e = f.refuse(Command::Undelete {
        kind: DeletedKind::Member,
        id: ana.clone(),
    });
    assert!(e.to_string().contains("already on the team"));
}

#[test]
fn a_local_edit_beats_a_file_whose_versions_sit_at_the_maximum() {
    let file = envelope(json!({ "members": [
        { "id": "m1", "name": "Ana", "version": u32::MAX, "versionNonce": u32::MAX }
    ]}));
    let read = |text: &str| read_import(text, today(), at(0), &mut Rng::new(1)).unwrap();
    let incoming = read(&file).workspace;
    assert_eq!(incoming.members[0].meta.version, MAX_IMPORTED_VERSION);
    let mut f = Fixture::new(5);
    f.ws = merge(&f.ws, &incoming);
    f.run(Command::RenameMember {
        id: Id::from("m1"),
        name: "Ana Lopez".into(),
    });
    // The same file merged again (and again) never reverts the rename.
    for _ in 0..2 {
        f.ws = merge(&f.ws, &read(&file).workspace);
        assert_eq!(
            f.ws.get::<Member>(&Id::from("m1")).unwrap().name,
            "Ana Lopez"
        );
        // Saved and read back from this browser's storage, the local version stays.
        f.ws = restore(&to_storage_json(&f.ws, at(1))).unwrap().workspace;
    }
}

// 3. No byte kills the tab.

fn covenant_file(fingerprint: &str) -> String {
    envelope(json!({ "covenants": [{
        "id": "cv1", "state": "active",
        "terms": { "title": "Ours", "behaviours": [] },
        "versions": [{ "number": 1, "terms": { "title": "Ours" }, "at": "2026-11-21T09:00:00Z",
                       "fingerprint": fingerprint }],
        "signatures": [{ "member": "m1", "typedName": "Ana", "at": "2026-11-21T09:00:00Z",
                         "version": 1, "fingerprint": fingerprint }]
    }]}))
}

#[test]
fn short_or_multibyte_fingerprints_are_repaired_and_signatures_on_them_not_verified() {
    for fp in ["", "abc", "ééééééééééééééé", "0123456789a€"] {
        let r = restore(&covenant_file(fp)).unwrap();
        let c = r.workspace.covenants[0].clone();
        assert!(
            r.warnings.iter().any(|w| w.reason.contains("fingerprint")),
            "{fp:?}: {:?}",
            r.warnings
        );
        assert_eq!(c.versions[0].fingerprint.len(), 64);
        let md = covenant_markdown(&c, &|id: &Id| id.to_string());
        assert!(md.contains("not verified"), "{md}");
        assert_eq!(c.signature_states()[0].1, SignatureState::NotVerified);
    }
}

#[test]
fn a_signature_whose_fingerprint_is_not_its_versions_wording_is_not_verified() {
    let mut f = Fixture::new(6);
    let ana = f.add_member("Ana");
    let id = f.add_covenant("Ours", "");
    let mut c: Covenant = f.ws.get::<Covenant>(&id).unwrap().clone();
    let mut terms = c.terms.clone();
    terms.review_on = Some(today());
    f.run(Command::Covenant(C::EditDraft {
        id: id.clone(),
        terms,
    }));
    f.run(Command::Covenant(C::Activate { id: id.clone() }));
    f.run(Command::Covenant(C::Sign {
        id: id.clone(),
        member: ana,
        typed_name: "Ana".into(),
    }));
    c = f.ws.get::<Covenant>(&id).unwrap().clone();
    assert_eq!(c.signature_states()[0].1, SignatureState::Current);
    // A file claims the signature covers other wording.
    c.signatures[0].fingerprint = "f".repeat(64);
    assert_eq!(c.signature_states()[0].1, SignatureState::NotVerified);
    assert!(
        c.signature_status()[0].1,
        "not counted as a valid signature"
    );
}

#[test]
fn a_line_above_the_rungs_is_repaired_and_adding_below_it_works() {
    let mut f = Fixture::new(9);
    let b = board(&mut f, "Sprint");
    let mut v: Value = serde_json::from_str(&to_storage_json(&f.ws, at(0))).unwrap();
    v["boards"][0]["line"] = json!(12);
    v["cards"] =
        json!([{ "id": "c1", "boardId": b.as_str(), "rung": "no-such-rung", "text": "x" }]);
    let r = restore(&v.to_string()).unwrap();
    let board = &r.workspace.boards[0];
    assert_eq!(board.line, board.rungs.len());
    assert_eq!(
        r.workspace.cards[0].rung, None,
        "a card on a missing rung goes to the tray"
    );
    assert_eq!(r.warnings.len(), 2, "{:?}", r.warnings);
    let mut f = Fixture::on(r.workspace, 10);
    f.run(Command::Board(B::AddRung {
        board: b.clone(),
        name: "Below".into(),
        below: true,
    }));
    let rungs = f.ws.get::<Board>(&b).unwrap().rungs.len();
    assert_eq!(rungs, 9);
}

#[test]
fn repeated_or_empty_rung_ids_become_unique() {
    let mut f = Fixture::new(11);
    board(&mut f, "Sprint");
    let mut v: Value = serde_json::from_str(&to_storage_json(&f.ws, at(0))).unwrap();
    let first = v["boards"][0]["rungs"][0]["id"].clone();
    v["boards"][0]["rungs"][1]["id"] = first;
    v["boards"][0]["rungs"][2]["id"] = json!("");
    let r = restore(&v.to_string()).unwrap();
    let ids: std::collections::BTreeSet<&Id> =
        r.workspace.boards[0].rungs.iter().map(|r| &r.id).collect();
    assert_eq!(ids.len(), 8);
    // Repaired once, the data reads cleanly.
    let again = restore(&to_storage_json(&r.workspace, at(0))).unwrap();
    assert!(again.warnings.is_empty());
}

#[test]
fn the_diff_of_two_huge_versions_is_bounded() {
    let old: Vec<String> = (0..30_000).map(|i| format!("Escalation {i}: a")).collect();
    let new: Vec<String> = (0..30_000).map(|i| format!("Escalation {i}: b")).collect();
    let d = diff(&old, &new);
    assert!(matches!(d[0], DiffLine::Note(_)), "{:?}", d.first());
    assert_eq!(d.len(), 60_001);
    // Shared lines at both ends are still matched, so a small change in a huge text is exact.
    let mut changed = old.clone();
    changed[15_000] = "changed".into();
    let d = diff(&old, &changed);
    assert_eq!(
        d.iter().filter(|l| matches!(l, DiffLine::Same(_))).count(),
        29_999
    );
    assert!(!d.iter().any(|l| matches!(l, DiffLine::Note(_))));
}

#[test]
fn nesting_and_size_are_refused_with_readable_messages() {
    let deep = format!("{}{}", "[".repeat(3000), "]".repeat(3000));
    assert_eq!(restore(&deep).unwrap_err(), RestoreError::TooDeep);
    let big = RestoreError::TooLarge {
        bytes: 10 * 1024 * 1024 + 400 * 1024,
    };
    assert_eq!(
        big.to_string(),
        "The data is 10.4 MB, more than the 10.0 MB Climb accepts."
    );
    assert_eq!(
        Usage::of(5_300_000, 5_000_000).text(),
        "5.3 MB, more than the about 5.0 MB browsers usually allow"
    );
    assert_eq!(plural(1, "record", "records"), "1 record");
    assert_eq!(plural(2, "record", "records"), "2 records");
}

// 4. Files and links meant for others never say who placed, voted or wrote what.

struct Workshop {
    f: Fixture,
    board: Id,
    people: Vec<Id>,
    cards: Vec<Id>,
}

fn workshop() -> Workshop {
    let mut f = Fixture::new(21);
    let people: Vec<Id> = ["Ana", "Ben", "Cy"]
        .iter()
        .map(|n| f.add_member(n))
        .collect();
    let board = board(&mut f, "Sprint 43 retro");
    f.run(Command::Workshop(W::Start {
        board: board.clone(),
        participants: people.clone(),
    }));
    f.run(Command::Workshop(W::GoTo {
        board: board.clone(),
        phase: Phase::Write,
    }));
    let mut cards = Vec::new();
    for (i, p) in people.iter().enumerate() {
        let c = f
            .run(Command::Workshop(W::Write {
                board: board.clone(),
                member: p.clone(),
                text: format!("Situation {i}"),
                signed: false,
            }))
            .created()
            .cloned()
            .unwrap();
        cards.push(c);
    }
    // One card is written on the board itself, signed by its author.
    let signed = f.add_card(&board, "Signed", Some(&people[0]), None);
    cards.push(signed);
    Workshop {
        f,
        board,
        people,
        cards,
    }
}

impl Workshop {
    fn go(&mut self, phase: Phase) {
        self.f.run(Command::Workshop(W::GoTo {
            board: self.board.clone(),
            phase,
        }));
    }

    fn rung(&self, i: usize) -> Id {
        self.f.ws.get::<Board>(&self.board).unwrap().rungs[i]
            .id
            .clone()
    }
}

/// Every member id that appears in `v` outside the roster and the session's participants.
fn member_ids_outside_roster(v: &Value, people: &[Id]) -> Vec<String> {
    let mut v = v.clone();
    // The roster (members, and since teams their memberships) names people, never acts.
    v["members"] = json!([]);
    v["memberships"] = json!([]);
    for b in v["boards"].as_array_mut().unwrap() {
        b["session"]["participants"] = json!([]);
    }
    let text = v.to_string();
    people
        .iter()
        .filter(|p| text.contains(p.as_str()))
        .map(|p| p.to_string())
        .collect()
}

#[test]
fn a_board_file_after_a_three_person_workshop_carries_counts_and_signed_authors_only() {
    let mut w = workshop();
    w.go(Phase::Place);
    for (i, p) in w.people.clone().iter().enumerate() {
        for c in w.cards.clone() {
            w.f.run(Command::Workshop(W::Place {
                board: w.board.clone(),
                member: p.clone(),
                card: c,
                rung: Some(w.rung(i + 1)),
            }));
        }
    }
    // Before the reveal, a shared file says nothing of the placements.
    let before = board_subset(&w.f.ws, &w.board);
    assert!(before.ballots.is_empty() && before.tallies.is_empty());
    w.go(Phase::Reveal);
    w.go(Phase::Vote);
    for p in w.people.clone() {
        w.f.run(Command::Workshop(W::Vote {
            board: w.board.clone(),
            member: p,
            card: w.cards[1].clone(),
        }));
    }
    // During the vote, the placements travel as counts but the votes do not yet.
    let during = board_subset(&w.f.ws, &w.board);
    assert_eq!(during.tallies.len(), 1);
    assert!(during.tallies[0].cards.iter().all(|c| c.votes == 0));
    w.go(Phase::Climb);

    let shared = board_subset(&w.f.ws, &w.board);
    let v: Value = serde_json::from_str(&to_storage_json(&shared, at(0))).unwrap();
    assert!(v.get("ballots").is_none(), "no ballot travels");
    assert_eq!(
        member_ids_outside_roster(&v, &w.people[1..]),
        Vec::<String>::new(),
        "nobody but the signed author is named: {v}"
    );
    // The signed card keeps its author; workshop cards are anonymous, listed in id order
    // with the day only, so neither order nor time tells whose turn wrote them.
    let cards = v["cards"].as_array().unwrap();
    for c in cards {
        let signed = c["text"] == "Signed";
        assert_eq!(
            c["author"].as_str(),
            signed.then(|| w.people[0].as_str()),
            "{c}"
        );
        if !signed {
            assert!(
                c["updatedAt"].as_str().unwrap().ends_with("T00:00:00Z"),
                "{c}"
            );
        }
    }
    let ids: Vec<&str> = cards.iter().map(|c| c["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    // The counts are the group's picture: the same spread and dots as in the room.
    let t: &Tally = &shared.tallies[0];
    assert_eq!(t.people, 3);
    let here = counts(&w.f.ws, &w.board);
    let there_ws = restore(&to_storage_json(&shared, at(0))).unwrap().workspace;
    let there = counts(&there_ws, &w.board);
    let board = w.f.ws.get::<Board>(&w.board).unwrap();
    for c in &w.cards {
        assert_eq!(spread_of(board, &here, c), spread_of(board, &there, c));
        assert_eq!(here.votes(c), there.votes(c));
    }
    assert_eq!(there.votes(&w.cards[1]), 3);
    // Exported twice, or merged back into the facilitator's browser, the tally changes
    // nothing and counts nobody twice.
    assert_eq!(board_subset(&w.f.ws, &w.board), shared);
    let back = merge(&w.f.ws, &there_ws);
    assert_eq!(counts(&back, &w.board), here);
    // A backup of one's own browser keeps the ballots.
    assert_eq!(w.f.ws.ballots.len(), 3);
    assert!(for_others(&w.f.ws).ballots.is_empty());
}

#[test]
fn a_contribution_carries_its_own_cards_and_ballot_only() {
    let mut w = workshop();
    w.go(Phase::Place);
    w.f.run(Command::Workshop(W::Place {
        board: w.board.clone(),
        member: w.people[1].clone(),
        card: w.cards[0].clone(),
        rung: Some(w.rung(2)),
    }));
    // Ben's browser knows which card it wrote (workshop cards store no author).
    let written = vec![w.cards[1].clone()];
    let part = climb::domain::workshop::contribution(&w.f.ws, &w.board, &w.people[1], &written);
    assert_eq!(part.ballots.len(), 1);
    assert_eq!(part.ballots[0].member, w.people[1]);
    assert_eq!(part.cards.len(), 1, "only Ben's own card");
    assert_eq!(part.cards[0].meta.id, w.cards[1]);
    assert_eq!(part.members.len(), 1);
    assert!(part.tallies.is_empty() && part.kept.is_empty());
}

// 5. Smaller things.

#[test]
fn markdown_keeps_user_text_as_text() {
    let mut f = Fixture::new(31);
    let b = board(&mut f, "Retro <script>alert(1)</script>");
    card(
        &mut f,
        &b,
        "<img src=x onerror=alert(1)> [click](javascript:alert(1))\n## Forged heading\n- forged",
    );
    let ws: &Workspace = &f.ws;
    let md = board_markdown(
        ws.get::<Board>(&b).unwrap(),
        ws.live::<Card>().filter(|c| c.board_id == b),
        &|id: &Id| id.to_string(),
    );
    // Every character HTML or a link needs is escaped: none stands bare.
    let bare = |c: char| {
        let chars: Vec<char> = md.chars().collect();
        (0..chars.len()).any(|i| chars[i] == c && (i == 0 || chars[i - 1] != '\\'))
    };
    for c in ['<', '>', '[', ']'] {
        assert!(!bare(c), "a bare {c} in {md}");
    }
    assert!(
        !md.contains("\n## Forged") && !md.contains("\n- forged"),
        "{md}"
    );
    assert!(md.contains("\\<img src=x onerror=alert(1)\\> \\[click\\](javascript:alert(1))"));
}

#[test]
fn scrumlr_votes_stay_with_their_cards() {
    let text = json!({
        "board": { "name": "Old retro" },
        "columns": [{ "id": "c1", "name": "Bad" }],
        "notes": [
            { "id": "n1", "text": "Flaky deploys", "position": { "column": "c1" } },
            { "id": "n2", "text": "Late reviews", "position": { "column": "c1" } },
            { "id": "n3", "text": "Quiet one", "position": { "column": "c1" } }
        ],
        "votings": [{ "id": "v1", "votes": { "total": 4, "votesPerNote": {
            "n1": { "total": 3 }, "n2": { "total": 1 } } } }]
    })
    .to_string();
    let r = read_import(&text, today(), at(0), &mut Rng::new(3)).unwrap();
    let texts: Vec<&str> = r.workspace.cards.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "[Bad] Flaky deploys (3 votes in Scrumlr)",
            "[Bad] Late reviews (1 vote in Scrumlr)",
            "[Bad] Quiet one"
        ]
    );
}

#[test]
fn a_shown_diff_folds_unchanged_runs_and_is_capped() {
    use climb::domain::covenant::shown_diff;
    let old: Vec<String> = (0..100).map(|i| format!("line {i}")).collect();
    let mut new = old.clone();
    new[50] = "changed".into();
    let shown = shown_diff(diff(&old, &new), 2, 400);
    let text: Vec<String> = shown
        .iter()
        .map(|l| match l {
            DiffLine::Same(t) => format!("= {t}"),
            DiffLine::Removed(t) => format!("- {t}"),
            DiffLine::Added(t) => format!("+ {t}"),
            DiffLine::Note(t) => format!("# {t}"),
        })
        .collect();
    assert_eq!(
        text,
        [
            "# 48 unchanged lines",
            "= line 48",
            "= line 49",
            "- line 50",
            "+ changed",
            "= line 51",
            "= line 52",
            "# 47 unchanged lines"
        ]
    );
    let huge: Vec<String> = (0..30_000).map(|i| format!("x{i}")).collect();
    let shown = shown_diff(diff(&[], &huge), 2, 400);
    assert_eq!(shown.len(), 401);
    assert!(matches!(&shown[400], DiffLine::Note(t) if t.contains("29600 more")));
}

#[test]
fn choosing_an_author_signs_a_card_and_anonymous_forgets_the_author() {
    let mut w = workshop();
    let unsigned = w.cards[0].clone();
    let c = w.f.ws.get::<Card>(&unsigned).unwrap();
    assert!(
        c.author.is_none() && !c.signed,
        "a workshop card is anonymous: no author stored"
    );
    w.f.run(Command::Board(B::SetCardAuthor {
        id: unsigned.clone(),
        author: Some(w.people[0].clone()),
    }));
    assert!(w.f.ws.get::<Card>(&unsigned).unwrap().signed);
    w.f.run(Command::Board(B::SetCardAuthor {
        id: unsigned.clone(),
        author: None,
    }));
    let c = w.f.ws.get::<Card>(&unsigned).unwrap();
    assert!(c.author.is_none() && !c.signed);
}

#[test]
fn a_restored_backup_wins_over_the_deletion_other_tabs_still_hold() {
    let mut f = Fixture::new(41);
    let b = board(&mut f, "Sprint 42 retro");
    card(&mut f, &b, "One");
    let backup = f.ws.clone();
    f.run(Command::Board(B::Delete { id: b.clone() }));
    let other_tab = f.ws.clone();
    // Restoring writes the backup's records as new versions, so a merge with the other tab
    // (which still holds the deletion) keeps the board.
    let change = f.ws.replace_with(&backup, at(50), &mut Rng::new(9));
    assert!(!change.entries.is_empty());
    for merged in [merge(&f.ws, &other_tab), merge(&other_tab, &f.ws)] {
        assert!(merged.get::<Board>(&b).is_some());
        assert_eq!(merged.live::<Card>().count(), 1);
    }
    // Records the backup lacks are deleted by the same change, and it can be undone.
    let mut g = Fixture::new(42);
    board(&mut g, "Only here");
    let empty = Workspace::default();
    g.ws.replace_with(&empty, at(60), &mut Rng::new(1));
    assert_eq!(g.ws.live::<Board>().count(), 0);
}

#[test]
fn many_unreadable_records_restore_in_linear_time() {
    let records: Vec<String> = (0..100_000)
        .map(|i| format!(r#"{{"id":"x{i}","title":{i}}}"#))
        .collect();
    let text = format!(
        r#"{{"type":"climb.workspace","schemaVersion":2,"boards":[{}]}}"#,
        records.join(",")
    );
    let started = std::time::Instant::now();
    let r = restore(&text).unwrap();
    assert_eq!(r.workspace.kept.records.len(), 100_000);
    // A generous bound: the quadratic version took minutes.
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

#[test]
fn a_ballot_whose_id_is_not_its_board_and_member_is_kept_unread() {
    let text = envelope(json!({ "ballots": [
        { "id": "ballot.b1.ana", "boardId": "b1", "member": "ben", "placements": [] },
        { "id": "ballot.b1.ben", "boardId": "b1", "member": "ben", "placements": [] }
    ]}));
    let r = restore(&text).unwrap();
    assert_eq!(r.workspace.ballots.len(), 1);
    assert_eq!(r.workspace.kept.records.len(), 1);
    assert!(r
        .warnings
        .iter()
        .any(|w| w.reason.contains("does not match")));
}

#[test]
fn an_unknown_part_merges_to_the_longer_copy_in_any_order_and_is_written_once() {
    let with = |polls: Value| {
        restore(&envelope(json!({ "polls": polls })))
            .unwrap()
            .workspace
    };
    let (old, new) = (
        with(json!([{"id": "t1"}])),
        with(json!([{"id": "t1"}, {"id": "t2"}])),
    );
    for m in [merge(&old, &new), merge(&new, &old)] {
        let saved = to_storage_json(&m, at(0));
        assert!(
            saved.contains(r#""polls":[{"id":"t1"},{"id":"t2"}]"#),
            "{saved}"
        );
        assert_eq!(saved.matches("\"polls\"").count(), 1);
    }
}

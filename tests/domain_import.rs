//! Native tests of the import preview, opening a file as a separate copy, and absorbing a
//! merge as one undoable change.

mod common;

use climb::domain::exchange::{as_copy, merge, preview};
use climb::domain::goals::Goal;
use climb::domain::ladder::{Board, Card};
use climb::domain::{BoardCommand as B, Command, Id, Rng};
use common::{Fixture, NewGoal};

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

fn board_with_card(f: &mut Fixture) -> (Id, Id) {
    let board = f.add_board("Retro", None, "", None);
    let card = f.add_card(&board, "A card", None, None);
    (board, card)
}

#[test]
fn preview_counts_new_updated_unchanged_kept_and_conflicting() {
    let mut a = Fixture::new(1);
    let (_, card) = board_with_card(&mut a);
    let m1 = a.add_member("Ana");
    let m2 = a.add_member("Ben");
    let m3 = a.add_member("Cleo");
    let mut b = Fixture::on(a.ws.clone(), 2);
    // The file (b): a new member, Ana renamed, Ben renamed; here (a): Ben renamed twice,
    // Cleo renamed once (same version as the file's Cleo rename: a conflict).
    b.add_member("Dev");
    b.rename_member(&m1, "Ana L");
    b.rename_member(&m3, "Cleo B");
    a.rename_member(&m2, "Ben 1");
    a.rename_member(&m2, "Ben 2");
    a.rename_member(&m3, "Cleo A");
    let p = preview(&a.ws, &b.ws);
    assert_eq!(p.members.new, 1);
    assert_eq!(p.members.updated, 1, "Ana");
    assert_eq!(p.members.kept, 1, "Ben is newer here");
    assert_eq!(p.members.conflicting, 1, "Cleo changed on both sides");
    assert_eq!(p.boards.unchanged, 1);
    assert_eq!(p.cards.unchanged, 1);
    let _ = card;
}

#[test]
fn a_separate_copy_gets_fresh_ids_and_keeps_its_links() {
    let mut f = Fixture::new(3);
    let (board, card) = board_with_card(&mut f);
    let goal = f.add_goal(NewGoal {
        card: Some(card.clone()),
        ..NewGoal::new("From the card", today())
    });
    let copy = as_copy(&f.ws, &mut Rng::new(9));
    let b = &copy.boards[0];
    assert_ne!(b.meta.id, board);
    assert_eq!(b.title, "Retro (copy)");
    assert_ne!(copy.cards[0].meta.id, card);
    assert_eq!(
        copy.cards[0].board_id, b.meta.id,
        "the card follows its board"
    );
    assert_ne!(copy.goals[0].meta.id, goal);
    assert_eq!(
        copy.goals[0].card.as_ref(),
        Some(&copy.cards[0].meta.id),
        "and the goal its card"
    );
    // Merged in, the copy sits beside the original.
    let merged = merge(&f.ws, &copy);
    assert_eq!(merged.live::<Board>().count(), 2);
    assert_eq!(merged.live::<Card>().count(), 2);
    assert_eq!(merged.live::<Goal>().count(), 2);
}

#[test]
fn absorbing_a_merge_is_one_undoable_change() {
    let mut a = Fixture::new(4);
    a.add_member("Ana");
    let mut b = Fixture::new(5);
    board_with_card(&mut b);
    b.add_member("Ben");
    let merged = merge(&a.ws, &b.ws);
    let change = a.ws.absorb(&merged);
    // Both made the same first team (its id derives from its name): one copy wins.
    let kinds: Vec<&str> = change
        .entries
        .iter()
        .map(|e| match &e.after {
            climb::domain::workspace::AnyEntity::Team(_) => "team",
            climb::domain::workspace::AnyEntity::Membership(_) => "membership",
            climb::domain::workspace::AnyEntity::Member(_) => "member",
            climb::domain::workspace::AnyEntity::Board(_) => "board",
            climb::domain::workspace::AnyEntity::Card(_) => "card",
            _ => "other",
        })
        .filter(|k| *k != "team")
        .collect();
    assert_eq!(
        kinds.len(),
        4,
        "board, card, Ben and Ben's place on the team: {kinds:?}"
    );
    assert_eq!(a.ws, merged);
    assert!(
        a.ws.absorb(&merged).entries.is_empty(),
        "absorbing twice changes nothing"
    );
    a.history.record(change);
    a.undo();
    assert_eq!(a.ws.live::<Board>().count(), 0);
    assert_eq!(a.ws.live::<Card>().count(), 0);
    assert_eq!(a.ws.live::<climb::domain::roster::Member>().count(), 1);
}

#[test]
fn base64url_round_trips_every_length() {
    use climb::domain::exchange::{base64url_decode, base64url_encode};
    assert_eq!(base64url_encode(b""), "");
    assert_eq!(base64url_encode(b"f"), "Zg");
    assert_eq!(base64url_encode(b"fo"), "Zm8");
    assert_eq!(base64url_encode(b"foo"), "Zm9v");
    assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8", "url-safe alphabet");
    for n in 0..300usize {
        let bytes: Vec<u8> = (0..n).map(|i| (i * 37 % 256) as u8).collect();
        assert_eq!(base64url_decode(&base64url_encode(&bytes)).unwrap(), bytes);
    }
    assert_eq!(base64url_decode("Zm9v\n").unwrap(), b"foo");
    assert_eq!(base64url_decode("Zm9v==").unwrap(), b"foo");
    assert_eq!(base64url_decode("Zm+v"), None, "'+' is not base64url");
}

#[test]
fn a_board_subset_carries_its_cards_people_and_goals() {
    let mut f = Fixture::new(6);
    let ana = f.add_member("Ana");
    f.add_member("Ben");
    let (board, card) = board_with_card(&mut f);
    f.run(Command::Board(B::SetCardOwner {
        id: card.clone(),
        owner: Some(ana.clone()),
    }));
    let (other, _) = board_with_card(&mut f);
    f.add_goal(NewGoal {
        card: Some(card.clone()),
        ..NewGoal::new("Follow up", today())
    });
    let s = climb::domain::exchange::board_subset(&f.ws, &board);
    assert_eq!(s.boards.len(), 1);
    assert_eq!(s.cards.len(), 1);
    assert_eq!(s.goals.len(), 1);
    let names: Vec<&str> = s.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Ana"], "only the people it names");
    assert!(s.boards.iter().all(|b| b.meta.id != other));
}

#[test]
fn a_scrumlr_export_becomes_a_board_with_its_notes_unplaced() {
    use climb::domain::scrumlr::{from_scrumlr, looks_like_scrumlr};
    let text = include_str!("fixtures/scrumlr-board.json");
    assert!(looks_like_scrumlr(text));
    let today = today();
    let ws = from_scrumlr(text, today, common::at(0), &mut Rng::new(1)).unwrap();
    let b = &ws.boards[0];
    assert_eq!(b.title, "Sprint 12 retro (from Scrumlr)");
    assert_eq!(b.rungs.len(), 8);
    let cards: Vec<&str> = ws.cards.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        cards,
        [
            "[Went well] Pairing on the migration",
            "[To improve] Deploys failed twice",
            "<script>alert(1)</script> no owner for on-call"
        ],
        "empty notes are skipped; text stays text"
    );
    assert!(ws
        .cards
        .iter()
        .all(|c| c.rung.is_none() && c.board_id == b.meta.id));
    // It round-trips through the Climb format like anything else.
    let back = climb::domain::exchange::restore(&climb::domain::exchange::to_storage_json(
        &ws,
        common::at(0),
    ))
    .unwrap();
    // Restore settles the board into a team of its own (it came without one).
    let mut settled = ws.clone();
    assert!(climb::domain::team_migration::settle(&mut settled));
    assert_eq!(back.workspace, settled);
    assert_eq!(
        back.workspace.boards[0].team_id,
        Some(back.workspace.teams[0].meta.id.clone())
    );
    assert!(!looks_like_scrumlr(
        &climb::domain::exchange::to_storage_json(&ws, common::at(0))
    ));
    assert!(from_scrumlr("{\"board\":{}}", today, common::at(0), &mut Rng::new(1)).is_err());
}

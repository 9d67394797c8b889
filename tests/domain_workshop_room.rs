//! Native tests of the workshop's seams: turns and the hand-over curtain, anonymous cards,
//! grouping, contribution and invite links, the phase timer, and Set the stage (check-in,
//! small wins, the review's recap).

mod common;

use chrono::NaiveDate;
use climb::domain::exchange::{for_others, merge, restore, to_export_json};
use climb::domain::goals::{Goal, GoalState};
use climb::domain::ladder::{leads, summarize, Board, Card};
use climb::domain::workshop::{ballot_id, contribution, counts, spread_of, Ballot, Phase};
use climb::domain::workshop_remote::{
    invite, read_contribution, read_invite, ContributionError, Joined,
};
use climb::domain::workshop_room::{clock_text, PhaseTimer, Turn};
use climb::domain::workshop_stage::{
    check_in, previous_goals, questions, recap, round, small_wins, CHECK_INS,
};
use climb::domain::{
    BoardCommand as B, Command, DomainError, GoalCommand as G, Id, WorkshopCommand as W, Workspace,
};
use common::{at, Fixture, NewGoal};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

struct Room {
    f: Fixture,
    board: Id,
    people: Vec<Id>,
}

fn room(seed: u64) -> Room {
    let mut f = Fixture::new(seed);
    let people: Vec<Id> = ["Ana", "Ben", "Cy"]
        .iter()
        .map(|n| f.add_member(n))
        .collect();
    let board = new_board(&mut f, "Sprint 43 retro", 20);
    f.run(Command::Workshop(W::Start {
        board: board.clone(),
        participants: people.clone(),
    }));
    let mut r = Room { f, board, people };
    r.go(Phase::Write);
    r
}

fn new_board(f: &mut Fixture, title: &str, d: u32) -> Id {
    f.add_board(title, Some(day(d)), "Platform", None)
}

impl Room {
    fn go(&mut self, phase: Phase) {
        self.f.run(Command::Workshop(W::GoTo {
            board: self.board.clone(),
            phase,
        }));
    }

    fn write(&mut self, who: usize, text: &str, signed: bool) -> Id {
        self.f
            .run(Command::Workshop(W::Write {
                board: self.board.clone(),
                member: self.people[who].clone(),
                text: text.into(),
                signed,
            }))
            .created()
            .cloned()
            .unwrap()
    }

    fn rung(&self, i: usize) -> Id {
        self.f.ws.get::<Board>(&self.board).unwrap().rungs[i]
            .id
            .clone()
    }

    fn place(&mut self, who: usize, card: &Id, rung: usize) -> Result<(), DomainError> {
        let cmd = Command::Workshop(W::Place {
            board: self.board.clone(),
            member: self.people[who].clone(),
            card: card.clone(),
            rung: Some(self.rung(rung)),
        });
        self.f
            .history
            .apply(&mut self.f.ws, &cmd, at(500), &mut self.f.rng)
            .map(|_| ())
    }

    fn vote(&mut self, who: usize, card: &Id) -> Result<(), DomainError> {
        let cmd = Command::Workshop(W::Vote {
            board: self.board.clone(),
            member: self.people[who].clone(),
            card: card.clone(),
        });
        self.f
            .history
            .apply(&mut self.f.ws, &cmd, at(600), &mut self.f.rng)
            .map(|_| ())
    }

    fn card(&self, id: &Id) -> &Card {
        self.f.ws.get::<Card>(id).unwrap()
    }
}

// Turns and the curtain.

#[test]
fn the_picker_and_the_turn_are_one_state_and_every_hand_over_brings_the_curtain() {
    let p: Vec<Id> = ["a", "b", "c"].iter().map(|s| Id::from(*s)).collect();
    let mut t = Turn::default();
    // A phase opens with the first participant, behind the curtain.
    let v = t.view(Phase::Write, &p);
    assert_eq!((v.member.clone(), v.curtain), (Some(p[0].clone()), true));
    t.start(Phase::Write, &p);
    assert!(!t.view(Phase::Write, &p).curtain);
    t.wrote(Id::from("card-1"));
    assert_eq!(t.view(Phase::Write, &p).written, [Id::from("card-1")]);
    // Next participant: the named member changes and the curtain comes down at once.
    assert_eq!(t.next(Phase::Write, &p), Some(p[1].clone()));
    let v = t.view(Phase::Write, &p);
    assert_eq!((v.member, v.curtain), (Some(p[1].clone()), true));
    assert!(
        v.written.is_empty(),
        "the next writer never sees the last one's cards"
    );
    // Choosing someone who already finished shows the curtain too; behind it, they find
    // their own cards again (remembered in this tab only).
    t.start(Phase::Write, &p);
    t.wrote(Id::from("card-2"));
    t.pass_to(Phase::Write, p[0].clone());
    let v = t.view(Phase::Write, &p);
    assert_eq!((v.member, v.curtain), (Some(p[0].clone()), true));
    t.start(Phase::Write, &p);
    assert_eq!(t.view(Phase::Write, &p).written, [Id::from("card-1")]);
    t.pass_to(Phase::Write, p[1].clone());
    t.start(Phase::Write, &p);
    assert_eq!(t.view(Phase::Write, &p).written, [Id::from("card-2")]);
    assert!(Turn::is_last(&Some(p[2].clone()), &p));
    assert!(!Turn::is_last(&Some(p[1].clone()), &p));
    // After the last comes the first again.
    t.pass_to(Phase::Write, p[2].clone());
    assert_eq!(t.next(Phase::Write, &p), Some(p[0].clone()));
    // Place starts with the first participant, not with the last writer.
    t.pass_to(Phase::Write, p[2].clone());
    t.start(Phase::Write, &p);
    let v = t.view(Phase::Place, &p);
    assert_eq!((v.member, v.curtain), (Some(p[0].clone()), true));
    // A participant taken off the list loses the turn to the first one.
    t.pass_to(Phase::Vote, p[1].clone());
    let fewer = vec![p[0].clone(), p[2].clone()];
    assert_eq!(t.view(Phase::Vote, &fewer).member, Some(p[0].clone()));
    // Public phases have no curtain; nobody taking part means no turn.
    assert!(!Turn::default().view(Phase::Reveal, &p).curtain);
    assert_eq!(Turn::default().view(Phase::Write, &[]).member, None);
    assert_eq!(Turn::default().next(Phase::Write, &[]), None);
}

// Anonymous by default.

#[test]
fn a_workshop_card_is_anonymous_unless_signed() {
    let mut r = room(1);
    let anon = r.write(1, "Release slipped", false);
    let signed = r.write(2, "I skipped the review", true);
    assert_eq!(r.card(&anon).author, None, "no author stored at all");
    assert!(!r.card(&anon).signed);
    assert_eq!(r.card(&signed).author, Some(r.people[2].clone()));
    assert!(r.card(&signed).signed);
    // Nothing in the stored workspace ties the anonymous card to Ben.
    let json = climb::domain::exchange::to_storage_json(&r.f.ws, at(0));
    let stored = restore(&json).unwrap().workspace;
    assert_eq!(stored.get::<Card>(&anon).unwrap().author, None);
    // Only the signed card names its author for others.
    let shared = for_others(&r.f.ws);
    assert_eq!(
        shared.get::<Card>(&signed).unwrap().author,
        Some(r.people[2].clone())
    );
    // Writing closes once placements are shown.
    r.go(Phase::Reveal);
    let late = Command::Workshop(W::Write {
        board: r.board.clone(),
        member: r.people[0].clone(),
        text: "late".into(),
        signed: false,
    });
    assert_eq!(r.f.refuse(late), DomainError::WrongPhase(Phase::Reveal));
}

// Grouping.

#[test]
fn a_group_is_placed_voted_and_climbed_as_one_and_can_be_ungrouped() {
    let mut r = room(2);
    let a = r.write(0, "Deploy broke on Friday", false);
    let b = r.write(1, "Friday release failed", false);
    let c = r.write(2, "Rollback took hours", false);
    let d = r.write(2, "Unrelated", false);
    r.go(Phase::Group);
    r.f.run(Command::Workshop(W::Group {
        card: b.clone(),
        onto: a.clone(),
    }));
    // Grouping a card onto a stacked card joins the same group.
    r.f.run(Command::Workshop(W::Group {
        card: c.clone(),
        onto: b.clone(),
    }));
    assert_eq!(r.card(&b).group, Some(a.clone()));
    assert_eq!(r.card(&c).group, Some(a.clone()));
    assert_eq!(
        r.f.refuse(Command::Workshop(W::Group {
            card: c.clone(),
            onto: a.clone()
        })),
        DomainError::SameGroup
    );
    let all: Vec<&Card> = r.f.ws.live::<Card>().collect();
    let items: Vec<&Id> = leads(&all).into_iter().map(|c| &c.meta.id).collect();
    assert_eq!(items, [&a, &d], "two items: the group and the lone card");
    // Every text is kept.
    assert_eq!(r.card(&c).text, "Rollback took hours");

    r.go(Phase::Place);
    assert_eq!(r.place(0, &b, 1), Err(DomainError::Grouped));
    for who in 0..3 {
        r.place(who, &a, 5).unwrap();
    }
    r.go(Phase::Reveal);
    assert_eq!(r.card(&a).rung, Some(r.rung(5)));
    assert_eq!(
        r.card(&b).rung,
        None,
        "stacked cards travel with their group"
    );
    let board = r.f.ws.get::<Board>(&r.board).unwrap().clone();
    let s = spread_of(&board, &counts(&r.f.ws, &r.board), &a);
    assert_eq!(s.total, 3);
    let all: Vec<&Card> = r.f.ws.live::<Card>().collect();
    assert_eq!(
        summarize(&board, all.iter().copied()).placed(),
        1,
        "one item placed"
    );

    r.go(Phase::Vote);
    assert_eq!(r.vote(0, &c), Err(DomainError::Grouped));
    r.vote(0, &a).unwrap();
    assert_eq!(counts(&r.f.ws, &r.board).votes(&a), 1);

    // Climbing the group moves its lead; ungrouping puts every card where the group is.
    r.f.run(Command::Board(B::MoveCardBy {
        id: a.clone(),
        delta: 1,
    }));
    r.f.run(Command::Workshop(W::Ungroup { card: b.clone() }));
    for id in [&a, &b, &c] {
        assert_eq!(r.card(id).rung, Some(r.rung(6)));
        assert_eq!(r.card(id).group, None);
    }
    assert_eq!(
        r.f.refuse(Command::Workshop(W::Ungroup { card: d.clone() })),
        DomainError::NotGrouped
    );
}

#[test]
fn deleting_a_group_lead_leaves_its_cards_in_view_and_undo_brings_the_group_back() {
    let mut r = room(3);
    let a = r.write(0, "Lead", false);
    let b = r.write(1, "Stacked", false);
    r.go(Phase::Group);
    r.f.run(Command::Workshop(W::Group {
        card: b.clone(),
        onto: a.clone(),
    }));
    r.f.run(Command::Board(B::DeleteCard { id: a.clone() }));
    assert_eq!(r.card(&b).group, None, "nothing disappears with its lead");
    r.f.undo();
    assert_eq!(r.card(&b).group, Some(a.clone()));
    // A card stacked under a card that is gone (say, from a file) stands on its own.
    let mut orphan = r.card(&b).clone();
    orphan.group = Some(Id::from("gone"));
    let cards = [&orphan];
    assert_eq!(leads(&cards).len(), 1);
}

// Contributions and invites.

/// A participant's own browser: the invite as the facilitator sends it, read back.
fn joined_copy(r: &Room, seed: u64) -> Fixture {
    let mut f = Fixture::new(seed);
    let json = to_export_json(&invite(&r.f.ws, &r.board), at(0));
    f.ws = restore(&json).unwrap().workspace;
    f
}

fn round_trip(ws: &Workspace) -> Workspace {
    restore(&to_export_json(ws, at(9))).unwrap().workspace
}

#[test]
fn an_invite_carries_the_workshop_and_nothing_private() {
    let mut r = room(4);
    let card = r.write(0, "Shared screen card", false);
    // While the group writes, nobody's card travels: they are hidden until everyone wrote.
    let writing = invite(&r.f.ws, &r.board);
    assert!(writing.cards.is_empty());
    assert_eq!(read_invite(&writing, &r.board).unwrap().1, Phase::Write);
    r.go(Phase::Place);
    r.place(0, &card, 2).unwrap();
    let inv = invite(&r.f.ws, &r.board);
    assert_eq!(
        read_invite(&inv, &r.board).unwrap(),
        ("Sprint 43 retro".into(), Phase::Place)
    );
    assert!(inv.ballots.is_empty(), "no ballot");
    assert!(
        inv.tallies.is_empty(),
        "no placement before Reveal, not even as counts"
    );
    assert_eq!(inv.members.len(), 3, "the roster to pick oneself from");
    assert_eq!(
        inv.cards.len(),
        1,
        "from Group on, the cards everyone wrote"
    );
    assert!(read_invite(&inv, &Id::from("other")).is_err());
    assert!(read_invite(&Workspace::default(), &r.board).is_err());
}

#[test]
fn a_contribution_link_round_trips_adds_once_and_never_replaces() {
    let mut r = room(5);
    let host_card = r.write(0, "Written on the shared screen", false);
    // Ben joins from the invite and works in his own browser, at his own pace.
    let mut ben = joined_copy(&r, 50);
    let mut joined = Joined {
        me: r.people[1].clone(),
        written: Vec::new(),
    };
    for text in ["Ben one", "Ben two", "Ben three"] {
        let id = ben
            .run(Command::Workshop(W::Write {
                board: r.board.clone(),
                member: joined.me.clone(),
                text: text.into(),
                signed: false,
            }))
            .created()
            .cloned()
            .unwrap();
        joined.written.push(id);
    }
    let board = ben.ws.get::<Board>(&r.board).unwrap().clone();
    let cards: Vec<Id> = ben.ws.live::<Card>().map(|c| c.meta.id.clone()).collect();
    for c in &cards {
        ben.run(Command::Workshop(W::Place {
            board: r.board.clone(),
            member: joined.me.clone(),
            card: c.clone(),
            rung: Some(board.rungs[3].id.clone()),
        }));
    }
    for c in cards.iter().take(3) {
        ben.run(Command::Workshop(W::Vote {
            board: r.board.clone(),
            member: joined.me.clone(),
            card: c.clone(),
        }));
    }
    // His browser never moved the board: the facilitator's phase is the facilitator's.
    assert_eq!(ben.ws.get::<Board>(&r.board).unwrap().meta, board.meta);
    // Joined is kept as JSON in his browser; unreadable text counts as not joined.
    assert_eq!(Joined::read(Some(&joined.to_json())), Some(joined.clone()));
    assert_eq!(Joined::read(Some("{not json")), None);

    let part = round_trip(&contribution(
        &ben.ws,
        &r.board,
        &joined.me,
        &joined.written,
    ));
    assert!(part.boards.is_empty() && part.goals.is_empty());
    let s = read_contribution(&r.f.ws, &part, &r.board).unwrap();
    // The invite came during Write: the host's card was not in it, so Ben placed his own.
    assert!(ben.ws.get::<Card>(&host_card).is_none());
    assert_eq!(s.text(), "Ben: 3 cards, placements for 3 cards, 3 votes");
    assert!(s.changes);

    let host_before = r.f.ws.clone();
    let added = merge(&r.f.ws, &part);
    assert_eq!(added.live::<Card>().count(), 4);
    assert_eq!(
        added
            .get::<Ballot>(&ballot_id(&r.board, &joined.me))
            .unwrap()
            .votes
            .len(),
        3
    );
    // The facilitator's own records are as they were.
    assert_eq!(
        added.get::<Board>(&r.board),
        host_before.get::<Board>(&r.board)
    );
    assert_eq!(
        added.get::<Card>(&host_card),
        host_before.get::<Card>(&host_card)
    );
    // The same link twice changes nothing, and says so.
    assert_eq!(merge(&added, &part), added);
    let again = read_contribution(&added, &part, &r.board).unwrap();
    assert!(!again.changes);
    assert_eq!(again.cards, 0);

    // A workspace, a board file or another board's contribution is refused.
    assert_eq!(
        read_contribution(&r.f.ws, &r.f.ws, &r.board),
        Err(ContributionError::NotAContribution)
    );
    assert_eq!(
        read_contribution(&r.f.ws, &invite(&r.f.ws, &r.board), &r.board),
        Err(ContributionError::NotAContribution)
    );
    assert_eq!(
        read_contribution(&r.f.ws, &part, &Id::from("another-board")),
        Err(ContributionError::OtherBoard)
    );
    // Someone else's ballot smuggled in is refused too.
    let mut forged = part.clone();
    forged.ballots[0].member = r.people[2].clone();
    assert_eq!(
        read_contribution(&r.f.ws, &forged, &r.board),
        Err(ContributionError::NotAContribution)
    );
}

#[test]
fn a_participant_who_adds_their_name_contributes_as_a_new_member() {
    let mut r = room(6);
    let mut dee = joined_copy(&r, 60);
    let me = dee.add_member("Dee");
    let card = dee
        .run(Command::Workshop(W::Write {
            board: r.board.clone(),
            member: me.clone(),
            text: "Dee's card".into(),
            signed: true,
        }))
        .created()
        .cloned()
        .unwrap();
    // A signed card travels even without the written list.
    let part = round_trip(&contribution(&dee.ws, &r.board, &me, &[]));
    let s = read_contribution(&r.f.ws, &part, &r.board).unwrap();
    assert_eq!(s.text(), "Dee: 1 card");
    let merged = merge(&r.f.ws, &part);
    assert_eq!(merged.get::<Card>(&card).unwrap().author, Some(me.clone()));
    assert!(merged
        .live::<climb::domain::roster::Member>()
        .any(|m| m.name == "Dee"));
    r.f.ws = merged;
    r.go(Phase::Place);
    assert!(r.f.ws.get::<Board>(&r.board).is_some());
}

// The timer.

#[test]
fn the_timer_survives_a_reload_and_a_new_phase_starts_from_its_value() {
    let mut t = PhaseTimer::new(Phase::Write, 3);
    assert_eq!(clock_text(t.left(0.0)), "3:00");
    t.start_pause(1_000.0);
    // Read back from storage 30 s later, as after a reload: still counting.
    let back = PhaseTimer::read(Some(&t.to_json()), Phase::Write);
    assert_eq!(clock_text(back.left(31_000.0)), "2:30");
    let mut t = back;
    t.start_pause(61_000.0);
    assert_eq!(clock_text(t.left(500_000.0)), "2:00", "paused");
    t.add_minute(0.0);
    assert_eq!(clock_text(t.left(0.0)), "3:00");
    t.start_pause(0.0);
    assert!(!t.settle(100_000.0));
    assert!(t.settle(180_000.0), "time ran out: beep once");
    assert!(!t.settle(181_000.0));
    assert!(t.is_up(181_000.0));
    assert_eq!(clock_text(t.left(200_000.0)), "0:00");
    // The next phase starts from the set value, never 0:00.
    let next = PhaseTimer::read(Some(&t.to_json()), Phase::Place);
    assert_eq!(clock_text(next.left(0.0)), "3:00");
    assert!(!next.running());
    // Starting after time is up starts again from the value.
    t.start_pause(200_000.0);
    assert_eq!(clock_text(t.left(200_000.0)), "3:00");
    // Unreadable or absurd storage gives a fresh timer, not an error.
    for bad in ["", "{", "{\"minutes\":99999,\"leftMs\":-5}", "[1,2]"] {
        let t = PhaseTimer::read(Some(bad), Phase::Vote);
        assert!(t.minutes <= 120 && t.left(0.0) >= 0.0, "{bad}");
    }
}

// Set the stage.

#[test]
fn the_check_in_rotates_by_round_and_the_list_can_be_edited() {
    let defaults = questions(None);
    assert_eq!(defaults.len(), CHECK_INS.len());
    assert_eq!(check_in(&defaults, 0, 0), Some(CHECK_INS[0]));
    assert_eq!(check_in(&defaults, 1, 0), Some(CHECK_INS[1]));
    assert_eq!(
        check_in(&defaults, 1, 1),
        Some(CHECK_INS[2]),
        "another question"
    );
    assert_eq!(check_in(&defaults, CHECK_INS.len(), 0), Some(CHECK_INS[0]));
    let mine = questions(Some("  What made you smile?  \n\n What surprised you?\n"));
    assert_eq!(mine, ["What made you smile?", "What surprised you?"]);
    assert_eq!(
        questions(Some(" \n ")),
        defaults,
        "an emptied list falls back"
    );

    let mut f = Fixture::new(7);
    let first = new_board(&mut f, "One", 6);
    let second = new_board(&mut f, "Two", 20);
    let b1 = f.ws.get::<Board>(&first).unwrap().clone();
    let b2 = f.ws.get::<Board>(&second).unwrap().clone();
    assert_eq!((round(&f.ws, &b1), round(&f.ws, &b2)), (0, 1));
}

#[test]
fn small_wins_and_the_review_recap_count_what_the_retro_decided() {
    let mut f = Fixture::new(8);
    let ana = f.add_member("Ana");
    let prev = new_board(&mut f, "Sprint 42", 6);
    let now = new_board(&mut f, "Sprint 43", 20);
    let mut goals = Vec::new();
    for i in 0..5 {
        let card = f.add_card(&prev, &format!("Card {i}"), None, None);
        let g = f.add_goal(NewGoal {
            owner: Some(ana.clone()),
            due: Some(day(19)),
            card: Some(card),
            ..NewGoal::new(format!("Goal {i}"), day(6))
        });
        goals.push(g);
    }
    // A win between the two retros.
    f.run(Command::Goal(G::MarkDone {
        id: goals[0].clone(),
        today: day(12),
    }));
    // At the retro: done, renegotiated, dropped without a word of why, missed and reviewed.
    f.run(Command::Goal(G::MarkDone {
        id: goals[1].clone(),
        today: day(20),
    }));
    f.run(Command::Goal(G::Renegotiate {
        id: goals[2].clone(),
        outcome: "Goal 2".into(),
        due: Some(day(27)),
        reason: "Decided together at the retro “Sprint 43”.".into(),
        today: day(20),
    }));
    f.run(Command::Goal(G::MarkMissed {
        id: goals[3].clone(),
        today: day(20),
    }));
    f.run(Command::Goal(G::Review {
        id: goals[3].clone(),
        root_cause: "The test environment was down all week".into(),
        corrective_action: "Book the environment at planning".into(),
        review_on: None,
    }));
    let board = f.ws.get::<Board>(&now).unwrap().clone();
    let wins: Vec<&str> = small_wins(&f.ws, &board, day(20))
        .iter()
        .map(|g| g.outcome.as_str())
        .collect();
    assert_eq!(
        wins,
        ["Goal 1", "Goal 0"],
        "goals done since the last retro, newest first"
    );
    let prev_goals = previous_goals(&f.ws, &board);
    assert_eq!(prev_goals.len(), 5);
    let r = recap(&prev_goals, day(20));
    assert_eq!(
        r.text().unwrap(),
        "1 done, 1 renegotiated, 1 reviewed as missed"
    );
    assert_eq!(r.open, 1);
    assert_eq!(
        f.ws.get::<Goal>(&goals[3]).unwrap().state,
        GoalState::Missed
    );
    // The first retro has no wins to show.
    let first = f.ws.get::<Board>(&prev).unwrap().clone();
    assert!(small_wins(&f.ws, &first, day(20)).is_empty());
}

#[test]
fn the_owner_is_named_from_own_it_up_whatever_the_ladder() {
    let mut f = Fixture::new(9);
    let b = new_board(&mut f, "Classic", 1);
    let board = f.ws.get::<Board>(&b).unwrap().clone();
    let own = board.rungs.iter().position(|r| r.name == "Own it").unwrap();
    assert!(!board.names_owner_at(own - 1));
    assert!(board.names_owner_at(own) && board.names_owner_at(board.rungs.len() - 1));
    assert!(!board.names_owner_at(board.rungs.len()));
    // A ladder without "Own it" names the owner from the first rung above the line.
    let mut other = board.clone();
    other.rungs.retain(|r| r.name != "Own it");
    assert!(other.names_owner_at(other.line));
    assert!(!other.names_owner_at(other.line.saturating_sub(1)) || other.line == 0);
}

// Link sizes: what a chat tool has to carry.

/// A share link as the app makes it: raw deflate (the browser's default level), base64url.
fn link_for(path: &str, prefix: &str, json: &str) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 6);
    format!(
        "https://climb.example{path}{prefix}{}",
        climb::domain::exchange::base64url_encode(&packed)
    )
}

/// Card texts as people write them: varied words, 30 to 70 characters.
fn situation(i: usize) -> String {
    const WORDS: [&str; 24] = [
        "release",
        "slipped",
        "tests",
        "flaky",
        "vendor",
        "waiting",
        "review",
        "late",
        "deploy",
        "failed",
        "scope",
        "changed",
        "nobody",
        "owned",
        "the",
        "handover",
        "pipeline",
        "red",
        "again",
        "meeting",
        "ran",
        "over",
        "customer",
        "escalated",
    ];
    let mut words = Vec::new();
    let mut k = i * 7 + 3;
    while words.join(" ").chars().count() < 30 + (i * 13) % 40 {
        words.push(WORDS[k % WORDS.len()]);
        k = (k * 31 + 11) % 1009;
    }
    let mut s = words.join(" ");
    s[..1].make_ascii_uppercase();
    s
}

/// Zoom's in-meeting chat truncates a message at 10,000 bytes, the smallest limit of the
/// chat tools teams use (Teams takes about 28 KB, Slack 40,000 characters).
const CHAT_LIMIT: usize = 10_000;

#[test]
fn a_three_person_twenty_card_contribution_and_a_fifty_card_invite_fit_a_chat_message() {
    let mut r = room(77);
    let mut written = Vec::new();
    for i in 0..20 {
        written.push(r.write(i % 3, &situation(i), false));
    }
    r.go(Phase::Place);
    for who in 0..3 {
        for (i, card) in written.iter().enumerate() {
            r.place(who, card, (i + who) % 6).unwrap();
        }
    }
    r.go(Phase::Vote);
    for who in 0..3 {
        for card in written.iter().skip(who).take(3) {
            r.vote(who, card).unwrap();
        }
    }
    let mine: Vec<Id> = written.iter().skip(1).step_by(3).cloned().collect();
    let part = contribution(&r.f.ws, &r.board, &r.people[1], &mine);
    assert_eq!(part.cards.len(), mine.len());
    let json = to_export_json(&part, at(700));
    let path = format!("/boards/{}/workshop", r.board);
    let link = link_for(&path, "#contribution=", &json);
    println!(
        "contribution, 3 people, 20 cards (Ben: {} cards, 20 placements, 3 votes): json {} B, link {} characters",
        mine.len(),
        json.len(),
        link.len()
    );
    assert!(
        link.len() < CHAT_LIMIT / 2,
        "contribution link {} characters",
        link.len()
    );

    // An invite for a 50-card board: the board, its cards, the roster, nothing private.
    let mut r = room(78);
    for i in 0..50 {
        r.write(i % 3, &situation(i), false);
    }
    r.go(Phase::Place);
    let inv = invite(&r.f.ws, &r.board);
    assert_eq!(inv.cards.len(), 50);
    assert!(inv.ballots.is_empty());
    let json = to_export_json(&inv, at(700));
    let link = link_for(&format!("/boards/{}/join", r.board), "#invite=", &json);
    println!(
        "invite, 50 cards: json {} B, link {} characters",
        json.len(),
        link.len()
    );
    assert!(
        link.len() < CHAT_LIMIT,
        "invite link {} characters",
        link.len()
    );
}

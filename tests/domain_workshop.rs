//! Native tests of workshop mode: phase transitions, private placements and their aggregation
//! (spread, convergence, disagreement), vote limits, and merging participants' contributions.

mod common;

use chrono::NaiveDate;
use climb::domain::exchange::{merge, restore, to_export_json, to_storage_json};
use climb::domain::ladder::{Board, Card};
use climb::domain::workshop::{
    ballot_id, ballots_of, contribution, disputed, most_disputed, previous_board, ranking, spread,
    Ballot, Counts, Phase, DEFAULT_VOTES,
};
use climb::domain::{BoardCommand as B, Command, DomainError, Id, WorkshopCommand as W, Workspace};
use common::{at, Fixture};

fn day(d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, 11, d)
}

struct Room {
    f: Fixture,
    board: Id,
    ana: Id,
    ben: Id,
    cy: Id,
}

impl Room {
    fn new(seed: u64) -> Self {
        let mut f = Fixture::new(seed);
        let ana = f.add_member("Ana");
        let ben = f.add_member("Ben");
        let cy = f.add_member("Cy");
        let board = f.add_board("Sprint 42", day(20), "Platform", Some(&ana));
        let mut room = Room {
            f,
            board,
            ana,
            ben,
            cy,
        };
        let participants = vec![room.ana.clone(), room.ben.clone(), room.cy.clone()];
        room.run(W::Start {
            board: room.board.clone(),
            participants,
        });
        room
    }

    fn run(&mut self, w: W) {
        self.f.run(Command::Workshop(w));
    }

    fn refuse(&mut self, w: W) -> DomainError {
        self.f.refuse(Command::Workshop(w))
    }

    fn board(&self) -> &Board {
        self.f.ws.get::<Board>(&self.board).unwrap()
    }

    fn phase(&self) -> Phase {
        self.board().session.as_ref().unwrap().phase
    }

    fn go(&mut self, phase: Phase) {
        let board = self.board.clone();
        self.run(W::GoTo { board, phase });
    }

    fn rung(&self, name: &str) -> Id {
        let b = self.board();
        b.rungs.iter().find(|r| r.name == name).unwrap().id.clone()
    }

    fn write(&mut self, author: &Id, text: &str) -> Id {
        self.f.add_card(&self.board, text, Some(author), None)
    }

    fn place(&mut self, member: &Id, card: &Id, rung: &str) {
        let rung = Some(self.rung(rung));
        self.run(W::Place {
            board: self.board.clone(),
            member: member.clone(),
            card: card.clone(),
            rung,
        });
    }

    fn vote(&mut self, member: &Id, card: &Id) -> Result<(), DomainError> {
        self.f
            .history
            .apply(
                &mut self.f.ws,
                &Command::Workshop(W::Vote {
                    board: self.board.clone(),
                    member: member.clone(),
                    card: card.clone(),
                }),
                at(100),
                &mut self.f.rng,
            )
            .map(|_| ())
    }

    fn card(&self, id: &Id) -> &Card {
        self.f.ws.get::<Card>(id).unwrap()
    }

    fn ballots(&self) -> Vec<Ballot> {
        ballots_of(&self.f.ws, &self.board).cloned().collect()
    }
}

#[test]
fn phases_run_forward_and_back_in_order() {
    assert_eq!(Phase::SetTheStage.prev(), None);
    assert_eq!(Phase::Close.next(), None);
    let mut p = Phase::SetTheStage;
    let mut seen = vec![p];
    while let Some(n) = p.next() {
        assert_eq!(n.prev(), Some(p));
        seen.push(n);
        p = n;
    }
    assert_eq!(seen, Phase::ALL.to_vec());
    assert_eq!(
        seen.iter().map(|p| p.label()).collect::<Vec<_>>(),
        [
            "Set the stage",
            "Write",
            "Group",
            "Place",
            "Reveal",
            "Vote",
            "Climb",
            "Commit",
            "Close"
        ]
    );

    let mut room = Room::new(1);
    assert_eq!(room.phase(), Phase::SetTheStage);
    room.go(Phase::Write);
    room.go(Phase::Place);
    assert_eq!(room.phase(), Phase::Place);
    room.go(Phase::Write);
    assert_eq!(room.phase(), Phase::Write);
    // A phase change is an undoable change like any other.
    room.f.undo();
    assert_eq!(room.phase(), Phase::Place);
}

#[test]
fn a_board_without_a_session_refuses_workshop_commands() {
    let mut room = Room::new(2);
    let other = room.f.add_board("Plain", day(1), "", None);
    let e = room.refuse(W::GoTo {
        board: other,
        phase: Phase::Write,
    });
    assert_eq!(e, DomainError::NoSession);
}

#[test]
fn placements_are_private_to_the_place_phase_and_to_participants() {
    let mut room = Room::new(3);
    let (ana, ben) = (room.ana.clone(), room.ben.clone());
    room.go(Phase::Write);
    let card = room.write(&ana, "Release slipped a week");
    let rung = Some(room.rung("Excuses"));
    let board = room.board.clone();
    let place = |member: &Id| W::Place {
        board: board.clone(),
        member: member.clone(),
        card: card.clone(),
        rung: rung.clone(),
    };
    room.go(Phase::Place);
    // Only a member of the roster places (in their own browser, whoever joined).
    let stranger = place(&Id::from("not-a-member"));
    assert!(matches!(
        room.refuse(stranger),
        DomainError::NotFound { .. }
    ));

    room.place(&ana, &card, "Excuses");
    room.place(&ben, &card, "Own it");
    // Placing again replaces the participant's own placement.
    room.place(&ana, &card, "Blame others");
    let ballots = room.ballots();
    assert_eq!(ballots.len(), 2);
    let mine = ballots.iter().find(|b| b.member == ana).unwrap();
    assert_eq!(mine.placements.len(), 1);
    assert_eq!(mine.placement(&card), Some(&room.rung("Blame others")));
    assert_eq!(mine.meta.id, ballot_id(&room.board, &ana));
    // Placing changes no card: the board shows nothing until Reveal.
    assert_eq!(room.card(&card).rung, None);
    // Once Reveal has shown the placements, they are closed.
    room.go(Phase::Reveal);
    let late = place(&ana);
    assert_eq!(room.refuse(late), DomainError::WrongPhase(Phase::Reveal));
}

#[test]
fn spread_convergence_and_disagreement() {
    let mut room = Room::new(4);
    let (ana, ben, cy) = (room.ana.clone(), room.ben.clone(), room.cy.clone());
    room.go(Phase::Place);
    let agreed = room.write(&ana, "Flaky tests");
    let split = room.write(&ben, "Late handover");
    let unplaced = room.write(&cy, "Nobody placed this");
    for m in [&ana, &ben, &cy] {
        room.place(m, &agreed, "Excuses");
    }
    room.place(&ana, &split, "Blame others"); // index 1
    room.place(&ben, &split, "Own it"); // index 5
    room.place(&cy, &split, "Find solutions"); // index 6

    let ballots = room.ballots();
    let board = room.board().clone();
    let a = spread(&board, &ballots, &agreed);
    assert_eq!(a.counts, [0, 0, 3, 0, 0, 0, 0, 0]);
    assert_eq!((a.total, a.converged, a.range), (3, Some(2), 0));
    assert!(!a.splits_line && !disputed(&a));
    assert_eq!(a.disagreement, 0);

    let s = spread(&board, &ballots, &split);
    assert_eq!(s.counts, [0, 1, 0, 0, 0, 1, 1, 0]);
    assert_eq!(s.converged, Some(5), "the median placement");
    assert_eq!(s.range, 5);
    assert!(s.splits_line && disputed(&s));
    // Distances from Own it: 4 + 0 + 1 over 3 placements.
    assert_eq!(s.disagreement, 166);

    let none = spread(&board, &ballots, &unplaced);
    assert_eq!((none.total, none.converged), (0, None));

    let all = vec![
        (agreed.clone(), a),
        (split.clone(), s),
        (unplaced.clone(), none),
    ];
    assert_eq!(most_disputed(&all), vec![split.clone()]);

    // With two placements the lower middle is where the group converges.
    room.place(&ana, &unplaced, "Wait and hope");
    room.place(&ben, &unplaced, "Acknowledge reality");
    let two = spread(room.board(), &room.ballots(), &unplaced);
    assert_eq!(two.converged, Some(3));
    assert!(two.splits_line && disputed(&two));

    // Reveal places each card at its convergence and records the move in the climb path.
    room.go(Phase::Reveal);
    assert_eq!(room.card(&agreed).rung, Some(room.rung("Excuses")));
    assert_eq!(room.card(&split).rung, Some(room.rung("Own it")));
    assert_eq!(room.card(&unplaced).rung, Some(room.rung("Wait and hope")));
    assert_eq!(room.card(&split).path.len(), 1);
    assert_eq!(room.card(&split).path[0].from, None);
    // The facilitator overrides with an ordinary move.
    room.f.run(Command::Board(B::MoveCard {
        id: split.clone(),
        to: Some(room.rung("Excuses")),
    }));
    assert_eq!(
        room.card(&split).path_text(room.board()),
        "Unplaced → Own it → Excuses"
    );
}

#[test]
fn votes_respect_the_limit_and_rank_cards() {
    let mut room = Room::new(5);
    let (ana, ben) = (room.ana.clone(), room.ben.clone());
    let one = room.write(&ana, "One");
    let two = room.write(&ben, "Two");
    let three = room.write(&ben, "Three");
    room.go(Phase::Vote);
    assert_eq!(
        room.board().session.as_ref().unwrap().vote_limit,
        DEFAULT_VOTES
    );
    room.vote(&ana, &two).unwrap();
    room.vote(&ana, &two).unwrap();
    room.vote(&ana, &one).unwrap();
    assert_eq!(room.vote(&ana, &three), Err(DomainError::VoteLimit(3)));
    room.run(W::Unvote {
        board: room.board.clone(),
        member: ana.clone(),
        card: two.clone(),
    });
    room.vote(&ana, &three).unwrap();
    room.vote(&ben, &three).unwrap();

    // A lower limit keeps dots already spent but allows no more.
    room.run(W::SetVoteLimit {
        board: room.board.clone(),
        limit: 1,
    });
    assert_eq!(room.vote(&ben, &one), Err(DomainError::VoteLimit(1)));
    room.run(W::SetVoteLimit {
        board: room.board.clone(),
        limit: 0,
    });
    assert_eq!(
        room.board().session.as_ref().unwrap().vote_limit,
        1,
        "at least one dot"
    );

    let ballots = room.ballots();
    let refs: Vec<&Ballot> = ballots.iter().collect();
    let cards: Vec<&Card> = [&one, &two, &three]
        .into_iter()
        .map(|id| room.card(id))
        .collect();
    let ranked: Vec<(&str, u32)> = ranking(&cards, &Counts::from_ballots(refs))
        .into_iter()
        .map(|(c, n)| (c.text.as_str(), n))
        .collect();
    assert_eq!(ranked, [("Three", 2), ("One", 1), ("Two", 1)]);
    // Votes close when Vote ends.
    room.go(Phase::Climb);
    assert_eq!(
        room.vote(&ana, &one),
        Err(DomainError::WrongPhase(Phase::Climb))
    );
}

#[test]
fn answers_are_recorded_per_rung_as_a_card_climbs() {
    let mut room = Room::new(6);
    let ana = room.ana.clone();
    let card = room.write(&ana, "Missed the demo");
    let ack = room.rung("Acknowledge reality");
    let answer = |rung: &Id, text: &str| W::Answer {
        card: card.clone(),
        rung: rung.clone(),
        text: text.into(),
    };
    room.run(answer(&ack, "  The build broke twice.  "));
    room.run(answer(&ack, "The build broke twice on Friday."));
    let own = room.rung("Own it");
    room.run(answer(&own, "Ana"));
    let notes = &room.card(&card).notes;
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0].rung, ack);
    assert_eq!(notes[0].text, "The build broke twice on Friday.");
    assert_eq!((&notes[1].rung, notes[1].text.as_str()), (&own, "Ana"));
    // An empty answer removes it.
    room.run(answer(&own, "   "));
    assert_eq!(room.card(&card).notes.len(), 1);
    let e = room.refuse(answer(&Id::from("nope"), "x"));
    assert_eq!(e, DomainError::NoSuchRung);
}

/// A participant's browser: a copy of the facilitator's workspace where they write and place.
fn participant_copy(room: &Room) -> Fixture {
    let mut f = Fixture::new(900);
    f.ws = restore(&to_export_json(&room.f.ws, at(0)))
        .unwrap()
        .workspace;
    f
}

#[test]
fn contributions_merge_without_duplicates_in_any_order() {
    let mut room = Room::new(7);
    let (ben, cy) = (room.ben.clone(), room.cy.clone());
    room.go(Phase::Write);
    let shared = room.write(&room.ana.clone(), "Written on the shared screen");
    let board = room.board.clone();

    // Ben and Cy each work in their own browser.
    let contribute = |who: &Id, seed: u64, text: &str| -> Workspace {
        let mut f = participant_copy(&room);
        f.rng = climb::domain::Rng::new(seed);
        let card = f.add_card(&board, text, Some(who), None);
        f.run(Command::Workshop(W::GoTo {
            board: board.clone(),
            phase: Phase::Place,
        }));
        let b = f.ws.get::<Board>(&board).unwrap().clone();
        for (i, c) in [&shared, &card].into_iter().enumerate() {
            f.run(Command::Workshop(W::Place {
                board: board.clone(),
                member: who.clone(),
                card: c.clone(),
                rung: Some(b.rungs[i + 2].id.clone()),
            }));
        }
        let part = contribution(&f.ws, &board, who, &[]);
        // Only their own cards and ballot travel; not the board they moved to Place.
        assert!(part.boards.is_empty());
        assert_eq!(part.cards.len(), 1);
        assert_eq!(part.ballots.len(), 1);
        restore(&to_export_json(&part, at(1))).unwrap().workspace
    };
    let from_ben = contribute(&ben, 11, "Ben's card");
    let from_cy = contribute(&cy, 12, "Cy's card");

    let host = room.f.ws.clone();
    let ben_then_cy = merge(&merge(&host, &from_ben), &from_cy);
    let cy_then_ben = merge(&merge(&host, &from_cy), &from_ben);
    assert_eq!(
        to_storage_json(&sorted(&ben_then_cy), at(0)),
        to_storage_json(&sorted(&cy_then_ben), at(0))
    );
    // Importing the same contribution again changes nothing.
    assert_eq!(merge(&ben_then_cy, &from_ben), ben_then_cy);
    assert_eq!(ben_then_cy.cards.len(), 3);
    assert_eq!(ballots_of(&ben_then_cy, &board).count(), 2);
    // The facilitator's board (still in Write) is untouched by the participants' phase moves.
    let b = ben_then_cy.get::<Board>(&board).unwrap();
    assert_eq!(b.session.as_ref().unwrap().phase, Phase::Write);
    let s = spread(b, ballots_of(&ben_then_cy, &board), &shared);
    assert_eq!(s.total, 2);
}

fn sorted(ws: &Workspace) -> Workspace {
    let mut ws = ws.clone();
    ws.cards.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    ws.ballots.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    ws.members.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    ws
}

#[test]
fn the_previous_board_of_the_same_team_is_found_by_date() {
    let mut room = Room::new(8);
    let mk = |room: &mut Room, title: &str, d: u32, team: &str| {
        room.f.add_board(title, day(d), team, None)
    };
    let older = mk(&mut room, "Sprint 40", 6, "Platform");
    let last = mk(&mut room, "Sprint 41", 13, "platform");
    // Another team's board, however its name reads.
    let home = room.f.team.clone().unwrap();
    let mobile = room.f.add_team("Mobile");
    room.f.switch(&mobile);
    mk(&mut room, "Other team", 19, "Platform");
    room.f.switch(&home);
    mk(&mut room, "Later", 27, "Platform");
    let board = room.board().clone();
    assert_eq!(
        previous_board(&room.f.ws, &board).map(|b| &b.meta.id),
        Some(&last)
    );
    let first = room.f.ws.get::<Board>(&older).unwrap().clone();
    assert_eq!(previous_board(&room.f.ws, &first), None);
}

#[test]
fn duplicating_a_board_leaves_the_session_behind() {
    let mut room = Room::new(9);
    let copy = room
        .f
        .run(Command::Board(B::Duplicate {
            id: room.board.clone(),
        }))
        .created()
        .cloned()
        .unwrap();
    assert!(room.f.ws.get::<Board>(&copy).unwrap().session.is_none());
}

//! How each [`WorkshopCommand`] changes the workspace. Every check that can fail runs before
//! the first write (see [`Tx`]).

use super::ladder::{Board, Card};
use super::meta::{Entity, Id};
use super::workshop::{self, Ballot, Phase, RungNote, Session, MAX_VOTES};
use super::workspace::{DomainError, Stored, Tx, WorkshopCommand};

const MAX_ANSWER: usize = 2000;

fn session(tx: &Tx, board: &Id) -> Result<Session, DomainError> {
    tx.get::<Board>(board)?
        .session
        .clone()
        .ok_or(DomainError::NoSession)
}

/// Checks a participant's private action: a live member of the roster (on a shared screen
/// the session's participants; in a participant's own browser, whoever joined), a card of
/// this board that is not stacked in a group, and a session that has not passed `until`.
/// Private actions stay open until the group sees them (placements at Reveal, votes when Vote
/// ends), so a participant in their own browser can write, place and vote at their own pace.
fn check_private(
    tx: &Tx,
    board: &Id,
    member: &Id,
    card: &Id,
    until: Phase,
) -> Result<Session, DomainError> {
    let s = session(tx, board)?;
    if s.phase > until {
        return Err(DomainError::WrongPhase(s.phase));
    }
    tx.get::<super::roster::Member>(member)?;
    let c = tx.get::<Card>(card)?;
    if &c.board_id != board {
        return Err(DomainError::OtherBoard);
    }
    if is_stacked(tx, c) {
        return Err(DomainError::Grouped);
    }
    Ok(s)
}

/// Whether `c` is stacked under a live lead card (one under a card that is gone stands on
/// its own, as [`super::ladder::leads`] shows it).
fn is_stacked(tx: &Tx, c: &Card) -> bool {
    c.group
        .as_ref()
        .and_then(|g| tx.ws().get::<Card>(g))
        .is_some_and(|lead| lead.group.is_none() && lead.board_id == c.board_id)
}

/// The card that leads `card`'s group (the card itself when it is not stacked).
fn lead_of(tx: &Tx, card: &Id) -> Result<Id, DomainError> {
    let c = tx.get::<Card>(card)?;
    Ok(match &c.group {
        Some(g) if is_stacked(tx, c) => g.clone(),
        _ => c.id().clone(),
    })
}

/// The live cards stacked under `lead`.
pub(crate) fn stacked_on(tx: &Tx, lead: &Id) -> Vec<Id> {
    tx.ws()
        .live::<Card>()
        .filter(|c| c.group.as_ref() == Some(lead))
        .map(|c| c.id().clone())
        .collect()
}

/// Changes a participant's ballot, creating it on first use.
fn edit_ballot(tx: &mut Tx, board: &Id, member: &Id, edit: impl FnOnce(&mut Ballot)) {
    let id = workshop::ballot_id(board, member);
    if tx.ws().get::<Ballot>(&id).is_some() {
        // The ballot exists and is live, so the update cannot fail.
        let _ = tx.update::<Ballot>(&id, edit);
    } else if let Some(old) = tx.ws().get_any::<Ballot>(&id).cloned() {
        // A deleted ballot comes back as its next version, emptied first.
        let mut fresh = Ballot {
            placements: Vec::new(),
            votes: Vec::new(),
            ..old
        };
        fresh.meta.deleted = false;
        edit(&mut fresh);
        tx.write_back(fresh.wrap());
    } else {
        let mut fresh = Ballot {
            meta: Default::default(),
            board_id: board.clone(),
            member: member.clone(),
            placements: Vec::new(),
            votes: Vec::new(),
        };
        edit(&mut fresh);
        tx.insert_as(id, |meta| Ballot { meta, ..fresh });
    }
}

/// Moves every card that has placements to the rung the group converges on, recording the
/// move in its climb path.
fn place_converged(tx: &mut Tx, board_id: &Id) -> Result<(), DomainError> {
    let board = tx.get::<Board>(board_id)?.clone();
    let counts = workshop::counts(tx.ws(), board_id);
    let cards: Vec<(Id, Option<Id>)> = tx
        .ws()
        .live::<Card>()
        .filter(|c| &c.board_id == board_id && !is_stacked(tx, c))
        .map(|c| (c.id().clone(), c.rung.clone()))
        .collect();
    let at = tx.now();
    for (id, from) in cards {
        let s = workshop::spread_of(&board, &counts, &id);
        let Some(i) = s.converged else { continue };
        let Some(rung) = board.rungs.get(i) else {
            continue;
        };
        let to = Some(rung.id.clone());
        if to != from {
            tx.update::<Card>(&id, |c| c.move_to(to, at))?;
        }
    }
    Ok(())
}

pub(crate) fn apply(tx: &mut Tx, cmd: &WorkshopCommand) -> Result<String, DomainError> {
    Ok(match cmd {
        WorkshopCommand::Start {
            board,
            participants,
        } => {
            let participants = known_members(tx, participants)?;
            tx.update::<Board>(board, |b| {
                b.session = Some(Session {
                    participants,
                    ..Session::default()
                })
            })?;
            "start the workshop".to_owned()
        }
        WorkshopCommand::SetParticipants {
            board,
            participants,
        } => {
            session(tx, board)?;
            let participants = known_members(tx, participants)?;
            tx.update::<Board>(board, |b| {
                if let Some(s) = b.session.as_mut() {
                    s.participants = participants;
                }
            })?;
            "change the participants".to_owned()
        }
        WorkshopCommand::GoTo { board, phase } => {
            session(tx, board)?;
            if *phase == Phase::Reveal {
                place_converged(tx, board)?;
            }
            tx.update::<Board>(board, |b| {
                if let Some(s) = b.session.as_mut() {
                    s.phase = *phase;
                }
            })?;
            format!("go to {}", phase.label())
        }
        WorkshopCommand::SetVoteLimit { board, limit } => {
            session(tx, board)?;
            let limit = (*limit).clamp(1, MAX_VOTES);
            tx.update::<Board>(board, |b| {
                if let Some(s) = b.session.as_mut() {
                    s.vote_limit = limit;
                }
            })?;
            "change the vote limit".to_owned()
        }
        WorkshopCommand::Place {
            board,
            member,
            card,
            rung,
        } => {
            check_private(tx, board, member, card, Phase::Place)?;
            if let Some(r) = rung {
                tx.get::<Board>(board)?
                    .rung(r)
                    .ok_or(DomainError::NoSuchRung)?;
            }
            edit_ballot(tx, board, member, |b| {
                b.placements.retain(|p| &p.card != card);
                if let Some(r) = rung {
                    b.placements.push(workshop::Placement {
                        card: card.clone(),
                        rung: r.clone(),
                    });
                }
            });
            "place a card".to_owned()
        }
        WorkshopCommand::Vote {
            board,
            member,
            card,
        } => {
            let s = check_private(tx, board, member, card, Phase::Vote)?;
            let spent = tx
                .ws()
                .get::<Ballot>(&workshop::ballot_id(board, member))
                .map_or(0, |b| b.votes.len() as u32);
            if spent >= s.vote_limit {
                return Err(DomainError::VoteLimit(s.vote_limit));
            }
            edit_ballot(tx, board, member, |b| b.votes.push(card.clone()));
            "vote".to_owned()
        }
        WorkshopCommand::Unvote {
            board,
            member,
            card,
        } => {
            check_private(tx, board, member, card, Phase::Vote)?;
            edit_ballot(tx, board, member, |b| {
                if let Some(i) = b.votes.iter().position(|v| v == card) {
                    b.votes.remove(i);
                }
            });
            "take back a vote".to_owned()
        }
        WorkshopCommand::Write {
            board,
            member,
            text,
            signed,
        } => {
            let s = session(tx, board)?;
            if s.phase > Phase::Place {
                return Err(DomainError::WrongPhase(s.phase));
            }
            tx.get::<super::roster::Member>(member)?;
            // An anonymous card stores no author at all: not even this browser can tell later
            // who wrote it.
            let author = signed.then(|| member.clone());
            super::board_commands::add_card(tx, board, text, author, None, *signed)?
        }
        WorkshopCommand::Group { card, onto } => {
            let lead = lead_of(tx, onto)?;
            let board = tx.get::<Card>(&lead)?.board_id.clone();
            if tx.get::<Card>(card)?.board_id != board {
                return Err(DomainError::OtherBoard);
            }
            let moving = lead_of(tx, card)?;
            if moving == lead {
                return Err(DomainError::SameGroup);
            }
            // The card, or the whole group it leads, goes under the new lead.
            let mut ids = stacked_on(tx, &moving);
            ids.push(moving);
            for id in &ids {
                tx.update::<Card>(id, |c| c.group = Some(lead.clone()))?;
            }
            "group cards".to_owned()
        }
        WorkshopCommand::Ungroup { card } => {
            let lead = lead_of(tx, card)?;
            let rung = tx.get::<Card>(&lead)?.rung.clone();
            let ids = stacked_on(tx, &lead);
            if ids.is_empty() {
                return Err(DomainError::NotGrouped);
            }
            for id in &ids {
                tx.update::<Card>(id, |c| {
                    c.group = None;
                    c.rung = rung.clone();
                })?;
            }
            "ungroup cards".to_owned()
        }
        WorkshopCommand::Answer { card, rung, text } => {
            let board_id = tx.get::<Card>(card)?.board_id.clone();
            tx.get::<Board>(&board_id)?
                .rung(rung)
                .ok_or(DomainError::NoSuchRung)?;
            let text = super::typed::trimmed(text, MAX_ANSWER);
            tx.update::<Card>(card, |c| {
                match (
                    c.notes.iter().position(|n| &n.rung == rung),
                    text.is_empty(),
                ) {
                    (Some(i), true) => {
                        c.notes.remove(i);
                    }
                    (Some(i), false) => c.notes[i].text = text,
                    (None, true) => {}
                    (None, false) => c.notes.push(RungNote {
                        rung: rung.clone(),
                        text,
                    }),
                }
            })?;
            "record an answer".to_owned()
        }
    })
}

/// The given members, in order and without repeats; each must be a live member.
fn known_members(tx: &Tx, ids: &[Id]) -> Result<Vec<Id>, DomainError> {
    let mut out: Vec<Id> = Vec::new();
    for id in ids {
        tx.get::<super::roster::Member>(id)?;
        if !out.contains(id) {
            out.push(id.clone());
        }
    }
    Ok(out)
}

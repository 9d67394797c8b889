//! How each [`BoardCommand`] changes the workspace. Every check that can fail runs before the
//! first write (see [`Tx`]).

use super::ladder::{Board, Card, Rung, Template};
use super::meta::{Entity, Id};
use super::workspace::{BoardCommand, DomainError, Tx};

use super::typed::required as clean_text;

const MAX_TITLE: usize = 120;
const MAX_CARD: usize = 1000;

/// Rungs for a template, reusing the ids of `old` rungs with the same name (case-insensitive)
/// so cards on them stay put.
fn template_rungs(tx: &mut Tx, template: Template, old: &[Rung]) -> (Vec<Rung>, usize) {
    let (texts, line) = template.rungs();
    let rungs = texts
        .into_iter()
        .map(|(name, description, prompt)| {
            let id = old
                .iter()
                .find(|r| r.name.eq_ignore_ascii_case(name))
                .map(|r| r.id.clone())
                .unwrap_or_else(|| tx.new_id());
            Rung {
                id,
                name: name.to_owned(),
                description: description.to_owned(),
                prompt: prompt.to_owned(),
            }
        })
        .collect();
    (rungs, line)
}

/// Ids of the live cards on a board, in stored order.
fn card_ids(tx: &Tx, board: &Id) -> Vec<Id> {
    tx.ws()
        .live::<Card>()
        .filter(|c| &c.board_id == board)
        .map(|c| c.id().clone())
        .collect()
}

/// Sends every card on `board` whose rung is not in `keep` to the tray.
fn unplace_missing(tx: &mut Tx, board: &Id, keep: &[Rung]) -> Result<(), DomainError> {
    let orphans: Vec<Id> = tx
        .ws()
        .live::<Card>()
        .filter(|c| &c.board_id == board)
        .filter(|c| {
            c.rung
                .as_ref()
                .is_some_and(|r| !keep.iter().any(|k| &k.id == r))
        })
        .map(|c| c.id().clone())
        .collect();
    for id in orphans {
        tx.update::<Card>(&id, |c| c.rung = None)?;
    }
    Ok(())
}

/// The card's board, for commands that need the rungs.
fn board_of(tx: &Tx, card: &Id) -> Result<Board, DomainError> {
    let board_id = tx.get::<Card>(card)?.board_id.clone();
    tx.get::<Board>(&board_id).cloned()
}

fn move_card(tx: &mut Tx, id: &Id, to: Option<Id>) -> Result<String, DomainError> {
    let board = board_of(tx, id)?;
    if let Some(r) = &to {
        board.rung(r).ok_or(DomainError::NoSuchRung)?;
    }
    let from = tx.get::<Card>(id)?.rung.clone();
    let label = format!("move card to {}", board.place_name(to.as_ref()));
    if from == to {
        return Ok(label);
    }
    let at = tx.now();
    tx.update::<Card>(id, |c| c.move_to(to, at))?;
    Ok(label)
}

pub(crate) fn apply(tx: &mut Tx, cmd: &BoardCommand) -> Result<String, DomainError> {
    Ok(match cmd {
        BoardCommand::Create {
            title,
            date,
            team,
            facilitator,
            template,
        } => {
            let title = clean_text(title, MAX_TITLE).ok_or(DomainError::EmptyName)?;
            let (rungs, line) = template_rungs(tx, *template, &[]);
            let label = format!("create board {title}");
            let team_id = tx.team();
            tx.insert(|meta| Board {
                meta,
                team_id,
                title,
                date: *date,
                team: team.trim().to_owned(),
                facilitator: facilitator.clone(),
                rungs,
                line,
                session: None,
            });
            label
        }
        BoardCommand::CreateFromLadder {
            title,
            date,
            facilitator,
            ladder,
        } => {
            let title = clean_text(title, MAX_TITLE).ok_or(DomainError::EmptyName)?;
            let saved = tx.get::<super::teams::SavedLadder>(ladder)?.clone();
            if saved.rungs.is_empty() {
                return Err(DomainError::LastRung);
            }
            let (rungs, line) = super::teams::ladder_rungs(tx, &saved);
            let label = format!("create board {title}");
            let team_id = saved.team_id.or_else(|| tx.team());
            tx.insert(|meta| Board {
                meta,
                team_id,
                title,
                date: *date,
                team: String::new(),
                facilitator: facilitator.clone(),
                rungs,
                line,
                session: None,
            });
            label
        }
        BoardCommand::Update {
            id,
            title,
            date,
            team,
            facilitator,
        } => {
            let title = clean_text(title, MAX_TITLE).ok_or(DomainError::EmptyName)?;
            tx.update::<Board>(id, |b| {
                b.title = title;
                b.date = *date;
                b.team = team.trim().to_owned();
                b.facilitator = facilitator.clone();
            })?;
            "edit board".to_owned()
        }
        BoardCommand::Duplicate { id } => {
            let original = tx.get::<Board>(id)?.clone();
            let cards: Vec<Card> = tx
                .ws()
                .live::<Card>()
                .filter(|c| &c.board_id == id)
                .cloned()
                .collect();
            let title: String = format!("Copy of {}", original.title)
                .chars()
                .take(MAX_TITLE)
                .collect();
            let label = format!("duplicate {}", original.title);
            // Rung ids are scoped to a board, so the copy keeps them and its cards can too.
            let new_id = tx.insert(|meta| Board {
                meta,
                title,
                session: None,
                ..original
            });
            for c in cards {
                let board_id = new_id.clone();
                tx.insert(|meta| Card {
                    meta,
                    board_id,
                    path: Vec::new(),
                    notes: Vec::new(),
                    group: None,
                    ..c
                });
            }
            label
        }
        BoardCommand::Delete { id } => {
            let title = tx.get::<Board>(id)?.title.clone();
            for card in card_ids(tx, id) {
                tx.delete::<Card>(&card)?;
            }
            tx.delete::<Board>(id)?;
            format!("delete board {title}")
        }
        BoardCommand::ApplyTemplate { board, template } => {
            let old = tx.get::<Board>(board)?.rungs.clone();
            let (rungs, line) = template_rungs(tx, *template, &old);
            unplace_missing(tx, board, &rungs)?;
            tx.update::<Board>(board, |b| {
                b.rungs = rungs;
                b.line = line;
            })?;
            format!("use template {}", template.label())
        }
        BoardCommand::EditRung {
            board,
            rung,
            name,
            description,
            prompt,
        } => {
            let name = clean_text(name, 60).ok_or(DomainError::EmptyName)?;
            let index = tx
                .get::<Board>(board)?
                .rung_index(rung)
                .ok_or(DomainError::NoSuchRung)?;
            tx.update::<Board>(board, |b| {
                let r = &mut b.rungs[index];
                r.name = name;
                r.description = description.trim().to_owned();
                r.prompt = prompt.trim().to_owned();
            })?;
            "edit rung".to_owned()
        }
        BoardCommand::AddRung { board, name, below } => {
            let name = clean_text(name, 60).ok_or(DomainError::EmptyName)?;
            tx.get::<Board>(board)?;
            let id = tx.new_id();
            let label = format!("add rung {name}");
            tx.update::<Board>(board, |b| {
                let rung = Rung {
                    id,
                    name,
                    description: String::new(),
                    prompt: String::new(),
                };
                if *below {
                    b.rungs.insert(b.line, rung);
                    b.line += 1;
                } else {
                    b.rungs.push(rung);
                }
            })?;
            label
        }
        BoardCommand::RemoveRung { board, rung } => {
            let b = tx.get::<Board>(board)?;
            let index = b.rung_index(rung).ok_or(DomainError::NoSuchRung)?;
            if b.rungs.len() == 1 {
                return Err(DomainError::LastRung);
            }
            let label = format!("remove rung {}", b.rungs[index].name);
            let mut rungs = b.rungs.clone();
            rungs.remove(index);
            unplace_missing(tx, board, &rungs)?;
            tx.update::<Board>(board, |b| {
                b.rungs = rungs;
                if index < b.line {
                    b.line -= 1;
                }
            })?;
            label
        }
        BoardCommand::MoveRung { board, rung, delta } => {
            let b = tx.get::<Board>(board)?;
            let index = b.rung_index(rung).ok_or(DomainError::NoSuchRung)?;
            let target = index as i64 + i64::from(*delta);
            if target < 0 || target >= b.rungs.len() as i64 {
                return Err(DomainError::NoRungThere);
            }
            let target = target as usize;
            tx.update::<Board>(board, |b| {
                let r = b.rungs.remove(index);
                b.rungs.insert(target, r);
            })?;
            "reorder rungs".to_owned()
        }
        BoardCommand::MoveLine { board, line } => {
            if *line > tx.get::<Board>(board)?.rungs.len() {
                return Err(DomainError::LineOutside);
            }
            tx.update::<Board>(board, |b| b.line = *line)?;
            "move the line".to_owned()
        }
        BoardCommand::AddCard {
            board,
            text,
            author,
            rung,
        } => add_card(
            tx,
            board,
            text,
            author.clone(),
            rung.as_ref(),
            author.is_some(),
        )?,
        BoardCommand::EditCard { id, text } => {
            let text = clean_text(text, MAX_CARD).ok_or(DomainError::EmptyText)?;
            tx.update::<Card>(id, |c| c.text = text)?;
            "edit card".to_owned()
        }
        BoardCommand::SetCardAuthor { id, author } => {
            tx.update::<Card>(id, |c| {
                c.author = author.clone();
                c.signed = author.is_some();
            })?;
            "change author".to_owned()
        }
        BoardCommand::SetCardOwner { id, owner } => {
            tx.update::<Card>(id, |c| c.owner = owner.clone())?;
            "change owner".to_owned()
        }
        BoardCommand::ToggleCardTag { id, tag } => {
            tx.update::<Card>(id, |c| match c.tags.iter().position(|t| t == tag) {
                Some(i) => {
                    c.tags.remove(i);
                }
                None => {
                    c.tags.push(*tag);
                    c.tags.sort();
                }
            })?;
            format!("toggle {}", tag.label())
        }
        BoardCommand::MoveCard { id, to } => move_card(tx, id, to.clone())?,
        BoardCommand::MoveCardBy { id, delta } => {
            let board = board_of(tx, id)?;
            let from = tx.get::<Card>(id)?.rung.clone();
            let to = board
                .rung_after(from.as_ref(), *delta)
                .ok_or(DomainError::NoRungThere)?;
            move_card(tx, id, Some(to))?
        }
        BoardCommand::DeleteCard { id } => {
            // A group's lead goes alone: the cards stacked under it stand on their own again,
            // where the group was.
            let rung = tx.get::<Card>(id)?.rung.clone();
            for other in super::workshop_commands::stacked_on(tx, id) {
                tx.update::<Card>(&other, |c| {
                    c.group = None;
                    c.rung = rung.clone();
                })?;
            }
            tx.delete::<Card>(id)?;
            "delete card".to_owned()
        }
    })
}

/// Adds a card; `signed` says whether its author chose to put their name on it.
pub(crate) fn add_card(
    tx: &mut Tx,
    board: &Id,
    text: &str,
    author: Option<Id>,
    rung: Option<&Id>,
    signed: bool,
) -> Result<String, DomainError> {
    let text = clean_text(text, MAX_CARD).ok_or(DomainError::EmptyText)?;
    let b = tx.get::<Board>(board)?;
    if let Some(r) = rung {
        b.rung(r).ok_or(DomainError::NoSuchRung)?;
    }
    let label = format!("add card on {}", b.place_name(rung));
    tx.insert(|meta| Card {
        author,
        signed,
        rung: rung.cloned(),
        ..Card::new(meta, board.clone(), text)
    });
    Ok(label)
}

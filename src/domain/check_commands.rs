//! How the safety check's commands change the workspace (see [`super::check`]).

use super::check::{
    anonymous_meta, answer_id, default_statements, question_for, response_id, Answer, Answers,
    Check, Condition, Response, Statement, MAX_STATEMENTS, MAX_TEXT, MAX_THRESHOLD, MIN_THRESHOLD,
};
use super::goals::Goal;
use super::meta::{Entity, Id};
use super::workspace::{DomainError, Tx, Workspace};
use chrono::NaiveDate;

/// Changes to a team's safety checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckCommand {
    /// Opens a check for the team in context, with the statements of its last check (or
    /// Climb's defaults); `board` when it opens that board's workshop.
    Open {
        today: NaiveDate,
        board: Option<Id>,
    },
    /// Adds a statement (only while nobody has answered).
    AddStatement {
        id: Id,
        text: String,
        condition: Condition,
        reversed: bool,
    },
    /// Rewords a statement, or changes its condition or direction (only while nobody has
    /// answered).
    EditStatement {
        id: Id,
        statement: Id,
        text: String,
        condition: Condition,
        reversed: bool,
    },
    RemoveStatement {
        id: Id,
        statement: Id,
    },
    /// How many responses the results wait for: never below [`MIN_THRESHOLD`].
    SetThreshold {
        id: Id,
        threshold: u32,
    },
    /// One person's answers, under a random `response` id that is not stored: the same
    /// response twice is refused, so it counts once.
    Answer {
        id: Id,
        response: Id,
        answers: Answers,
        today: NaiveDate,
    },
    /// Shows the results, which needs the threshold met; no answer is added after.
    Close {
        id: Id,
        today: NaiveDate,
    },
    Delete {
        id: Id,
    },
    /// A micro-goal from a statement, linked back to the check.
    MakeGoal {
        id: Id,
        statement: Id,
        today: NaiveDate,
    },
}

/// How many people answered `check`.
pub fn responses(ws: &Workspace, check: &Id) -> u32 {
    ws.live::<Response>()
        .filter(|r| &r.check_id == check)
        .count() as u32
}

/// Whether this response to `check` is already counted.
pub fn is_counted(ws: &Workspace, check: &Id, response: &Id) -> bool {
    ws.get::<Response>(&response_id(check, response)).is_some()
}

/// The open check of `team`, if there is one.
pub fn open_check<'a>(ws: &'a Workspace, team: Option<&Id>) -> Option<&'a Check> {
    ws.live::<Check>()
        .filter(|c| c.is_open() && c.team_id.as_ref() == team)
        .max_by_key(|c| c.opened_on)
}

/// The outcome of the micro-goal made from statement `s`.
pub fn goal_outcome(s: &Statement) -> String {
    format!("We agree one step and try it: {}", question_for(s))
}

/// Whether statement `s` of `check` is a (live) micro-goal already.
pub fn goal_made(ws: &Workspace, check: &Id, s: &Statement) -> bool {
    let outcome = goal_outcome(s);
    ws.live::<Goal>()
        .any(|g| g.from_check.as_ref() == Some(check) && g.outcome == outcome)
}

const ANSWERED: &str =
    "Someone has answered already: the statements stay as they were asked. Change them in the next check.";

fn cleaned(text: &str) -> Result<String, DomainError> {
    match super::typed::one_line(text, MAX_TEXT) {
        None => Err(DomainError::EmptyText),
        Some(t) => Ok(t),
    }
}

/// The check, open and with no answer yet: what editing its statements needs.
fn editable(tx: &Tx, id: &Id) -> Result<Check, DomainError> {
    let check = tx.get::<Check>(id)?.clone();
    if !check.is_open() {
        return Err(DomainError::Check("This check is closed."));
    }
    if responses(tx.ws(), id) > 0 {
        return Err(DomainError::Check(ANSWERED));
    }
    Ok(check)
}

pub(crate) fn apply(tx: &mut Tx, cmd: &CheckCommand) -> Result<String, DomainError> {
    match cmd {
        CheckCommand::Open { today, board } => {
            let team = tx.team();
            if open_check(tx.ws(), team.as_ref()).is_some() {
                return Err(DomainError::Check(
                    "A check is already open for this team: show its results or delete it first.",
                ));
            }
            // The team's own wording carries over, statement ids included, so the results
            // can compare each statement with last time.
            let last = tx
                .ws()
                .live::<Check>()
                .filter(|c| c.team_id == team)
                .max_by_key(|c| c.opened_on)
                .cloned();
            let (statements, threshold) = match last {
                Some(c) if !c.statements.is_empty() => (c.statements.clone(), c.threshold()),
                _ => (default_statements(), MIN_THRESHOLD),
            };
            tx.insert(|meta| Check {
                meta,
                team_id: team,
                opened_on: Some(*today),
                statements,
                threshold,
                closed_on: None,
                board_id: board.clone(),
            });
            Ok("open a check".to_owned())
        }
        CheckCommand::AddStatement {
            id,
            text,
            condition,
            reversed,
        } => {
            let check = editable(tx, id)?;
            if check.statements.len() >= MAX_STATEMENTS {
                return Err(DomainError::Check("A check holds at most 30 statements."));
            }
            let text = cleaned(text)?;
            let sid = tx.new_id();
            tx.update::<Check>(id, |c| {
                c.statements.push(Statement {
                    id: sid,
                    text,
                    condition: *condition,
                    reversed: *reversed,
                })
            })?;
            Ok("add a statement".to_owned())
        }
        CheckCommand::EditStatement {
            id,
            statement,
            text,
            condition,
            reversed,
        } => {
            let check = editable(tx, id)?;
            let text = cleaned(text)?;
            let old = check.statement(statement).ok_or(DomainError::NotFound {
                kind: "statement",
                id: statement.clone(),
            })?;
            // A new meaning is a new statement: last time's answers no longer compare.
            let reworded = old.text != text || old.condition != *condition;
            let new_id = reworded.then(|| tx.new_id());
            tx.update::<Check>(id, |c| {
                if let Some(s) = c.statements.iter_mut().find(|s| &s.id == statement) {
                    s.text = text;
                    s.condition = *condition;
                    s.reversed = *reversed;
                    if let Some(n) = new_id {
                        s.id = n;
                    }
                }
            })?;
            Ok("change a statement".to_owned())
        }
        CheckCommand::RemoveStatement { id, statement } => {
            let check = editable(tx, id)?;
            if check.statements.len() <= 1 {
                return Err(DomainError::Check(
                    "A check needs at least one statement: add another before removing this one.",
                ));
            }
            tx.update::<Check>(id, |c| c.statements.retain(|s| &s.id != statement))?;
            Ok("remove a statement".to_owned())
        }
        CheckCommand::SetThreshold { id, threshold } => {
            let check = tx.get::<Check>(id)?;
            if !check.is_open() {
                return Err(DomainError::Check("This check is closed."));
            }
            if *threshold < MIN_THRESHOLD {
                return Err(DomainError::Check(
                    "Results need at least 3 responses, so that no one's answers can be told apart.",
                ));
            }
            let t = (*threshold).min(MAX_THRESHOLD);
            tx.update::<Check>(id, |c| c.threshold = t)?;
            Ok(format!("wait for {t} responses"))
        }
        CheckCommand::Answer {
            id,
            response,
            answers,
            today,
        } => {
            let check = tx.get::<Check>(id)?.clone();
            if !check.is_open() {
                return Err(DomainError::Check(
                    "This check is closed: its results are shown, so no answer can be added.",
                ));
            }
            if response.as_str().trim().is_empty() {
                return Err(DomainError::Check("This response has no id."));
            }
            if is_counted(tx.ws(), id, response) {
                return Err(DomainError::Check("This response is already counted."));
            }
            // A response of skips only would count towards the threshold while adding nothing:
            // two of them and one real response would show that one person's answers.
            let given = answers.iter().any(|(sid, score)| {
                score.is_some_and(|s| (1..=5).contains(&s)) && check.statement(sid).is_some()
            });
            if !given {
                return Err(DomainError::Check(
                    "Choose an answer to at least one statement: a response of skips only is not counted.",
                ));
            }
            let rid = response_id(id, response);
            tx.insert_meta(anonymous_meta(rid, *today), |meta| Response {
                meta,
                check_id: id.clone(),
            });
            // Each statement once, its first score; unknown statements and scores outside
            // the scale count as skips.
            let mut seen = std::collections::BTreeSet::new();
            for (sid, score) in answers {
                let Some(score) = score.filter(|s| (1..=5).contains(s)) else {
                    continue;
                };
                if check.statement(sid).is_none() || !seen.insert(sid.clone()) {
                    continue;
                }
                let aid = answer_id(id, response, sid);
                tx.insert_meta(anonymous_meta(aid, *today), |meta| Answer {
                    meta,
                    check_id: id.clone(),
                    statement_id: sid.clone(),
                    score,
                });
            }
            Ok("answer the check".to_owned())
        }
        CheckCommand::Close { id, today } => {
            let check = tx.get::<Check>(id)?;
            if !check.is_open() {
                return Err(DomainError::Check("This check is closed already."));
            }
            if responses(tx.ws(), id) < check.threshold() {
                return Err(DomainError::Check(
                    "Not enough responses yet: the results wait until enough people have answered.",
                ));
            }
            tx.update::<Check>(id, |c| c.closed_on = Some(*today))?;
            Ok("show the results".to_owned())
        }
        CheckCommand::Delete { id } => {
            tx.get::<Check>(id)?;
            tx.delete::<Check>(id)?;
            Ok("delete the check".to_owned())
        }
        CheckCommand::MakeGoal {
            id,
            statement,
            today,
        } => {
            let check = tx.get::<Check>(id)?.clone();
            let s = check.statement(statement).ok_or(DomainError::NotFound {
                kind: "statement",
                id: statement.clone(),
            })?;
            let outcome = goal_outcome(s);
            if goal_made(tx.ws(), id, s) {
                return Err(DomainError::Check(
                    "This statement is a micro-goal already.",
                ));
            }
            let verification = format!("At the next check, “{}” scores higher.", s.text);
            tx.insert(|meta| Goal {
                due: today.checked_add_days(chrono::Days::new(14)),
                follow_up: today.checked_add_days(chrono::Days::new(7)),
                verification,
                from_check: Some(check.id().clone()),
                ..Goal::new(meta, check.team_id.clone(), outcome, *today)
            });
            Ok("add a goal from the check".to_owned())
        }
    }
}

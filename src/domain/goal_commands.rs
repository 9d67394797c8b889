//! How each [`GoalCommand`] changes the workspace. Every check that can fail runs before the
//! first write (see [`Tx`]).

use super::goals::{CheckIn, Goal, GoalState, Offer, OwnerChange, Renegotiation, Review};
use super::meta::Id;
use super::workspace::{DomainError, GoalCommand, Tx};

/// What a goal's texts keep of what was typed.
fn text(raw: &str) -> String {
    super::typed::trimmed(raw, 1000)
}

fn required(raw: &str, err: DomainError) -> Result<String, DomainError> {
    let t = text(raw);
    if t.is_empty() {
        Err(err)
    } else {
        Ok(t)
    }
}

/// The goal, if it is still running; otherwise the transition `to` is refused.
fn active(tx: &Tx, id: &Id, to: &'static str) -> Result<Goal, DomainError> {
    let g = tx.get::<Goal>(id)?;
    if g.state.is_active() {
        Ok(g.clone())
    } else {
        Err(DomainError::Transition { from: g.state, to })
    }
}

/// Ends a running goal as done, missed or dropped (with the reason for dropping).
fn close(
    tx: &mut Tx,
    id: &Id,
    to: GoalState,
    on: chrono::NaiveDate,
    drop_reason: String,
) -> Result<(), DomainError> {
    let verb = match to {
        GoalState::Done => "marked done",
        GoalState::Missed => "marked missed",
        _ => "dropped",
    };
    active(tx, id, verb)?;
    tx.update::<Goal>(id, |g| {
        g.state = to;
        g.closed_on = Some(on);
        g.drop_reason = drop_reason;
    })
}

pub(crate) fn apply(tx: &mut Tx, cmd: &GoalCommand) -> Result<String, DomainError> {
    Ok(match cmd {
        GoalCommand::Create {
            outcome,
            owner,
            partner,
            due,
            follow_up,
            verification,
            card,
            clause,
            today,
        } => {
            let outcome = required(outcome, DomainError::EmptyText)?;
            let label = format!("add goal {outcome}");
            // A goal made from a card belongs to the card's team, whichever team is shown.
            let team_id = card
                .as_ref()
                .and_then(|c| tx.ws().get::<super::ladder::Card>(c))
                .and_then(|c| tx.ws().get::<super::ladder::Board>(&c.board_id))
                .map(|b| b.team_id.clone())
                .unwrap_or_else(|| tx.team());
            tx.insert(|meta| Goal {
                owner: owner.clone(),
                partner: partner.clone(),
                due: *due,
                follow_up: *follow_up,
                verification: text(verification),
                card: card.clone(),
                clause: clause.clone(),
                ..Goal::new(meta, team_id, outcome, *today)
            });
            label
        }
        GoalCommand::Edit {
            id,
            partner,
            follow_up,
            verification,
            clause,
            risk,
        } => {
            active(tx, id, "edited")?;
            tx.update::<Goal>(id, |g| {
                g.partner = partner.clone();
                g.follow_up = *follow_up;
                g.verification = text(verification);
                g.clause = clause.clone();
                g.risk = text(risk);
            })?;
            "edit goal".to_owned()
        }
        GoalCommand::ChangeOwner {
            id,
            owner,
            reason,
            today,
        } => {
            let g = active(tx, id, "handed over")?;
            if &g.owner == owner {
                return Ok("change owner".to_owned());
            }
            let reason = required(reason, DomainError::ReasonRequired)?;
            if let Some(m) = owner {
                tx.get::<super::roster::Member>(m)?;
            }
            tx.update::<Goal>(id, |g| {
                g.history.push(Renegotiation {
                    on: Some(*today),
                    old_outcome: g.outcome.clone(),
                    old_due: g.due,
                    reason,
                    new_outcome: String::new(),
                    new_due: None,
                    owner_change: Some(OwnerChange {
                        from: std::mem::replace(&mut g.owner, owner.clone()),
                        to: owner.clone(),
                    }),
                });
                g.state = GoalState::Renegotiated;
            })?;
            "change owner".to_owned()
        }
        GoalCommand::Renegotiate {
            id,
            outcome,
            due,
            reason,
            today,
        } => {
            let outcome = required(outcome, DomainError::EmptyText)?;
            let reason = required(reason, DomainError::ReasonRequired)?;
            let g = active(tx, id, "renegotiated")?;
            if g.outcome == outcome && g.due == *due {
                return Ok("renegotiate goal".to_owned());
            }
            tx.update::<Goal>(id, |g| {
                g.history.push(Renegotiation {
                    on: Some(*today),
                    new_outcome: outcome.clone(),
                    new_due: *due,
                    old_outcome: std::mem::replace(&mut g.outcome, outcome),
                    old_due: std::mem::replace(&mut g.due, *due),
                    reason,
                    owner_change: None,
                });
                g.state = GoalState::Renegotiated;
            })?;
            "renegotiate goal".to_owned()
        }
        GoalCommand::CheckIn {
            id,
            done,
            next,
            blocker,
            today,
        } => {
            let (done, next, blocker) = (text(done), text(next), text(blocker));
            if done.is_empty() && next.is_empty() && blocker.is_empty() {
                return Err(DomainError::EmptyText);
            }
            active(tx, id, "checked in")?;
            let check_id = tx.new_id();
            tx.update::<Goal>(id, |g| {
                g.check_ins.push(CheckIn {
                    id: check_id,
                    on: Some(*today),
                    done,
                    next,
                    blocker,
                    offers: Vec::new(),
                })
            })?;
            "check in".to_owned()
        }
        GoalCommand::Offer {
            id,
            check_in,
            by,
            text: offer,
        } => {
            let offer = required(offer, DomainError::EmptyText)?;
            let g = tx.get::<Goal>(id)?;
            let index = g.check_ins.iter().position(|c| &c.id == check_in).ok_or(
                DomainError::NotFound {
                    kind: "check-in",
                    id: check_in.clone(),
                },
            )?;
            tx.update::<Goal>(id, |g| {
                g.check_ins[index].offers.push(Offer {
                    by: by.clone(),
                    text: offer,
                })
            })?;
            "offer help".to_owned()
        }
        GoalCommand::MarkDone { id, today } => {
            close(tx, id, GoalState::Done, *today, String::new())?;
            "mark goal done".to_owned()
        }
        GoalCommand::MarkMissed { id, today } => {
            close(tx, id, GoalState::Missed, *today, String::new())?;
            "mark goal missed".to_owned()
        }
        GoalCommand::Drop { id, reason, today } => {
            let reason = required(reason, DomainError::ReasonRequired)?;
            close(tx, id, GoalState::Dropped, *today, reason)?;
            "drop goal".to_owned()
        }
        GoalCommand::Review {
            id,
            root_cause,
            corrective_action,
            review_on,
        } => {
            let g = tx.get::<Goal>(id)?;
            if g.state != GoalState::Missed {
                return Err(DomainError::NotMissed);
            }
            let follow_up_goal = g.review.as_ref().and_then(|r| r.follow_up_goal.clone());
            let review = Review {
                root_cause: text(root_cause),
                corrective_action: text(corrective_action),
                review_on: *review_on,
                follow_up_goal,
            };
            tx.update::<Goal>(id, |g| g.review = Some(review))?;
            "review missed goal".to_owned()
        }
        GoalCommand::FromReview { id, due, today } => {
            let g = tx.get::<Goal>(id)?.clone();
            let review = g.review.clone().ok_or(DomainError::NoCorrectiveAction)?;
            if review.corrective_action.is_empty() {
                return Err(DomainError::NoCorrectiveAction);
            }
            if review.follow_up_goal.is_some() {
                return Err(DomainError::AlreadyFollowedUp);
            }
            let new_id = tx.insert(|meta| Goal {
                owner: g.owner.clone(),
                partner: g.partner.clone(),
                due: *due,
                card: g.card.clone(),
                clause: g.clause.clone(),
                from_goal: Some(id.clone()),
                ..Goal::new(
                    meta,
                    g.team_id.clone(),
                    review.corrective_action.clone(),
                    *today,
                )
            });
            tx.update::<Goal>(id, |g| {
                if let Some(r) = g.review.as_mut() {
                    r.follow_up_goal = Some(new_id);
                }
            })?;
            "goal from corrective action".to_owned()
        }
        GoalCommand::Delete { id } => {
            tx.delete::<Goal>(id)?;
            "delete goal".to_owned()
        }
    })
}

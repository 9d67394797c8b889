//! How each [`CovenantCommand`] changes the workspace. Every check that can fail runs before
//! the first write (see [`Tx`]).

use super::covenant::{
    Clause, Covenant, CovenantState, Review, ReviewOutcome, Signature, Terms, Version,
    STARTER_CLAUSES,
};
use super::roster::Member;
use super::workspace::{CovenantCommand, DomainError, Tx};

fn publish(tx: &Tx, c: &Covenant, terms: Terms, reason: String) -> Version {
    Version {
        number: c.versions.len() as u32 + 1,
        fingerprint: terms.fingerprint(),
        terms,
        reason,
        at: tx.now(),
    }
}

fn refuse_empty_rows(terms: &Terms) -> Result<(), DomainError> {
    let rows = terms.empty_rows();
    if rows.is_empty() {
        Ok(())
    } else {
        Err(DomainError::EmptyRows(rows.join(", ")))
    }
}

pub(crate) fn apply(tx: &mut Tx, cmd: &CovenantCommand) -> Result<String, DomainError> {
    Ok(match cmd {
        CovenantCommand::Create { title, team } => {
            let title = title.trim().to_owned();
            if title.is_empty() {
                return Err(DomainError::EmptyName);
            }
            let label = format!("create covenant {title}");
            let team_id = tx.team();
            tx.insert(|meta| Covenant {
                team_id,
                meta,
                terms: Terms {
                    title,
                    team: team.trim().to_owned(),
                    ..Terms::default()
                },
                state: CovenantState::Draft,
                versions: Vec::new(),
                signatures: Vec::new(),
                reviews: Vec::new(),
            });
            label
        }
        CovenantCommand::EditDraft { id, terms } => {
            if tx.get::<Covenant>(id)?.state != CovenantState::Draft {
                return Err(DomainError::CovenantState(
                    "An active covenant changes only by amendment, with a reason.",
                ));
            }
            tx.update::<Covenant>(id, |c| c.terms = terms.clone())?;
            "edit covenant".to_owned()
        }
        CovenantCommand::AddStarter { id, key } => {
            let (_, title, text) =
                STARTER_CLAUSES
                    .iter()
                    .find(|(k, _, _)| k == key)
                    .ok_or(DomainError::NotFound {
                        kind: "starter clause",
                        id: key.as_str().into(),
                    })?;
            if tx.get::<Covenant>(id)?.state != CovenantState::Draft {
                return Err(DomainError::CovenantState(
                    "Add clauses to an active covenant through an amendment.",
                ));
            }
            let clause = Clause {
                id: tx.new_id(),
                title: (*title).to_owned(),
                text: (*text).to_owned(),
                clarity: [false; 5],
            };
            tx.update::<Covenant>(id, |c| c.terms.behaviours.push(clause))?;
            format!("add clause {title}")
        }
        CovenantCommand::Activate { id } => {
            let c = tx.get::<Covenant>(id)?.clone();
            if c.state != CovenantState::Draft {
                return Err(DomainError::CovenantState(
                    "This covenant is already active.",
                ));
            }
            refuse_empty_rows(&c.terms)?;
            if c.terms.review_on.is_none() {
                return Err(DomainError::ReviewDateRequired);
            }
            let version = publish(tx, &c, c.terms.clone(), "First version".to_owned());
            tx.update::<Covenant>(id, |c| {
                c.versions.push(version);
                c.state = CovenantState::Active;
            })?;
            "activate covenant".to_owned()
        }
        CovenantCommand::Sign {
            id,
            member,
            typed_name,
        } => {
            let name = tx.get::<Member>(member)?.name.clone();
            let c = tx.get::<Covenant>(id)?;
            let Some(current) = c.current().cloned() else {
                return Err(DomainError::CovenantState(
                    "A draft is signed once it is active.",
                ));
            };
            let typed = typed_name.split_whitespace().collect::<Vec<_>>().join(" ");
            if !typed.eq_ignore_ascii_case(&name) {
                return Err(DomainError::NameMismatch);
            }
            let signature = Signature {
                member: member.clone(),
                typed_name: typed,
                at: tx.now(),
                version: current.number,
                fingerprint: current.terms.fingerprint(),
            };
            tx.update::<Covenant>(id, |c| c.signatures.push(signature))?;
            format!("sign as {name}")
        }
        CovenantCommand::Amend { id, terms, reason } => {
            let reason = reason.trim().to_owned();
            if reason.is_empty() {
                return Err(DomainError::ReasonRequired);
            }
            let c = tx.get::<Covenant>(id)?.clone();
            if c.current().is_none() {
                return Err(DomainError::CovenantState(
                    "A draft is edited directly; amendments start once it is active.",
                ));
            }
            refuse_empty_rows(terms)?;
            if terms.review_on.is_none() {
                return Err(DomainError::ReviewDateRequired);
            }
            // A moved review date lies ahead: a date already past would leave the covenant
            // overdue the moment it is amended. (Today by the clock of the change, in UTC.)
            if terms.review_on != c.terms.review_on
                && terms.review_on.is_some_and(|d| d <= tx.now().date_naive())
            {
                return Err(DomainError::NextReviewDate);
            }
            // The review date counts as a change here (an amendment may only move it), though
            // not for signatures.
            if terms.fingerprint_with_date() == c.terms.fingerprint_with_date() {
                return Err(DomainError::NothingChanged);
            }
            // An amendment during a review ends the review, and records it.
            let review = (c.state == CovenantState::UnderReview).then(|| Review {
                at: tx.now(),
                learned: reason.clone(),
                outcome: ReviewOutcome::Amended,
                version: c.versions.len() as u32 + 1,
                next: terms.review_on,
            });
            let version = publish(tx, &c, terms.clone(), reason);
            let label = format!("amend to version {}", version.number);
            tx.update::<Covenant>(id, |c| {
                c.terms = terms.clone();
                c.versions.push(version);
                c.reviews.extend(review);
                c.state = CovenantState::Active;
            })?;
            label
        }
        CovenantCommand::StartReview { id } => {
            if tx.get::<Covenant>(id)?.state != CovenantState::Active {
                return Err(DomainError::CovenantState(
                    "Only an active covenant is reviewed.",
                ));
            }
            tx.update::<Covenant>(id, |c| c.state = CovenantState::UnderReview)?;
            "start review".to_owned()
        }
        CovenantCommand::Reaffirm {
            id,
            learned,
            next,
            today,
        } => {
            let c = tx.get::<Covenant>(id)?;
            if c.state != CovenantState::UnderReview {
                return Err(DomainError::CovenantState(
                    "The covenant is not under review.",
                ));
            }
            let learned = learned.trim().to_owned();
            if learned.is_empty() {
                return Err(DomainError::LearnedRequired);
            }
            if next <= today {
                return Err(DomainError::NextReviewDate);
            }
            let review = Review {
                at: tx.now(),
                learned,
                outcome: ReviewOutcome::Reaffirmed,
                version: c.versions.len() as u32,
                next: Some(*next),
            };
            tx.update::<Covenant>(id, |c| {
                // The terms in force take the new date; the version (the wording) stays.
                c.terms.review_on = Some(*next);
                c.reviews.push(review);
                c.state = CovenantState::Active;
            })?;
            "reaffirm covenant".to_owned()
        }
        CovenantCommand::Delete { id } => {
            tx.delete::<Covenant>(id)?;
            "delete covenant".to_owned()
        }
    })
}

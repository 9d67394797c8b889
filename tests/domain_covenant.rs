//! Native tests of the covenant: clauses, the canonical fingerprint, activation, signatures,
//! amendments with their diff, reviews and the clarity check.

mod common;

use chrono::NaiveDate;
use climb::domain::covenant::{
    diff, Covenant, CovenantState, DiffLine, ReviewOutcome, SignatureState, Terms, CLARITY,
};
use climb::domain::exchange::read_entity;
use climb::domain::{Command, CovenantCommand as C, DomainError, Id};
use common::{assert_reads_back_unchanged, at, Fixture};

fn cmd(c: C) -> Command {
    Command::Covenant(c)
}

fn day(d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, 12, d)
}

fn covenant(f: &Fixture, id: &Id) -> Covenant {
    f.ws.get::<Covenant>(id).unwrap().clone()
}

/// A draft with two starter clauses and a review date.
fn draft(f: &mut Fixture) -> Id {
    let id = f.add_covenant("Platform covenant", "Platform");
    for key in ["own-the-end-result", "walk-the-talk"] {
        f.run(cmd(C::AddStarter {
            id: id.clone(),
            key: key.into(),
        }));
    }
    let mut terms = covenant(f, &id).terms;
    terms.intent = "We hold each other to standards we set together.".into();
    terms.review_on = day(15);
    f.run(cmd(C::EditDraft {
        id: id.clone(),
        terms,
    }));
    id
}

/// Adds Ana; returns the draft, in force with her signature.
fn signed_by_ana(f: &mut Fixture) -> Id {
    let ana = f.add_member("Ana");
    let id = draft(f);
    f.run(cmd(C::Activate { id: id.clone() }));
    f.run(cmd(C::Sign {
        id: id.clone(),
        member: ana,
        typed_name: "Ana".into(),
    }));
    id
}

#[test]
fn starter_clauses_are_added_edited_and_reordered() {
    let mut f = Fixture::new(1);
    let id = draft(&mut f);
    let c = covenant(&f, &id);
    assert_eq!(c.state, CovenantState::Draft);
    let titles: Vec<&str> = c
        .terms
        .behaviours
        .iter()
        .map(|b| b.title.as_str())
        .collect();
    assert_eq!(titles, ["Own the end result", "Walk the talk"]);
    assert!(c.terms.behaviours[1]
        .text
        .starts_with("If we said it is a priority"));
    assert!(matches!(
        f.refuse(cmd(C::AddStarter {
            id: id.clone(),
            key: "nope".into()
        })),
        DomainError::NotFound { .. }
    ));
    let mut terms = c.terms.clone();
    terms.behaviours.swap(0, 1);
    terms.behaviours[0].text = "We do what we say is a priority, or we say otherwise.".into();
    f.run(cmd(C::EditDraft {
        id: id.clone(),
        terms,
    }));
    let c = covenant(&f, &id);
    assert_eq!(c.terms.behaviours[0].title, "Walk the talk");
    assert!(c.terms.behaviours[0].text.starts_with("We do what we say"));
    // The library offers each starter once, even after its wording changed.
    assert!(c.terms.has_starter("Walk the talk"));
    assert!(c.terms.has_starter(" Own the end result "));
    assert!(!c.terms.has_starter("Speak up early"));
}

#[test]
fn the_fingerprint_follows_wording_only() {
    let mut f = Fixture::new(2);
    let ana = f.add_member("Ana");
    let id = draft(&mut f);
    let base = covenant(&f, &id).terms;
    let fp = base.fingerprint();
    assert_eq!(fp.len(), 64);

    // Spacing, clause ids and the clarity checklist are not wording.
    let mut same = base.clone();
    same.intent = "  We hold each other   to standards\n we set together. ".into();
    same.behaviours[0].id = Id::from("another-id");
    same.behaviours[0].clarity = [true; 5];
    assert_eq!(same.fingerprint(), fp);

    // Key order in a stored record does not matter either.
    let json = serde_json::to_string(&covenant(&f, &id)).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut keys: Vec<(String, serde_json::Value)> =
        value.as_object().unwrap().clone().into_iter().collect();
    keys.reverse();
    let reordered = format!(
        "{{{}}}",
        keys.iter()
            .map(|(k, v)| format!("{}:{}", serde_json::to_string(k).unwrap(), v))
            .collect::<Vec<_>>()
            .join(",")
    );
    assert_ne!(reordered, json);
    let back: Covenant = read_entity(&reordered).unwrap();
    assert_eq!(back.terms.fingerprint(), fp);

    // Any change of wording, date or people does.
    let changed = |edit: &dyn Fn(&mut Terms)| {
        let mut t = base.clone();
        edit(&mut t);
        t.fingerprint()
    };
    assert_ne!(changed(&|t| t.intent.push('!')), fp);
    assert_ne!(
        changed(&|t| t.behaviours[1].text = t.behaviours[1].text.replace("do", "make")),
        fp
    );
    assert_ne!(changed(&|t| t.behaviours.swap(0, 1)), fp);
    // The review date is not wording: members sign what the team agrees to.
    assert_eq!(changed(&|t| t.review_on = day(16)), fp);
    assert_ne!(
        {
            let mut t = base.clone();
            t.review_on = day(16);
            t.fingerprint_with_date()
        },
        base.fingerprint_with_date()
    );
    assert_ne!(changed(&|t| t.decision_rights.push(Default::default())), fp);
    let with_driver = changed(&|t| {
        t.decision_rights
            .push(climb::domain::covenant::DecisionRight {
                decision: "Release dates".into(),
                driver: Some(ana.clone()),
                ..Default::default()
            })
    });
    let without_driver = changed(&|t| {
        t.decision_rights
            .push(climb::domain::covenant::DecisionRight {
                decision: "Release dates".into(),
                ..Default::default()
            })
    });
    assert_ne!(with_driver, without_driver);
}

#[test]
fn activation_signing_amending_and_renewal() {
    let mut f = Fixture::new(3);
    let ana = f.add_member("Ana");
    let ben = f.add_member("Ben");
    let id = f.add_covenant("No date yet", "");
    assert_eq!(
        f.refuse(cmd(C::Activate { id: id.clone() })),
        DomainError::ReviewDateRequired
    );
    let id = draft(&mut f);
    assert!(matches!(
        f.refuse(cmd(C::Sign {
            id: id.clone(),
            member: ana.clone(),
            typed_name: "Ana".into()
        })),
        DomainError::CovenantState(_)
    ));
    f.run(cmd(C::Activate { id: id.clone() }));
    let c = covenant(&f, &id);
    assert_eq!(c.state, CovenantState::Active);
    assert_eq!(c.versions.len(), 1);
    assert_eq!(c.current().unwrap().fingerprint, c.terms.fingerprint());

    assert_eq!(
        f.refuse(cmd(C::Sign {
            id: id.clone(),
            member: ana.clone(),
            typed_name: "Anna".into()
        })),
        DomainError::NameMismatch
    );
    f.run(cmd(C::Sign {
        id: id.clone(),
        member: ana.clone(),
        typed_name: " ana ".into(),
    }));
    f.run(cmd(C::Sign {
        id: id.clone(),
        member: ben.clone(),
        typed_name: "Ben".into(),
    }));
    let c = covenant(&f, &id);
    assert!(c
        .signature_status()
        .iter()
        .all(|(s, renew)| !renew && s.version == 1));
    assert_eq!(c.signatures[0].at, at(f.clock - 1));

    // An active covenant changes only by amendment, with a reason.
    let mut terms = c.terms.clone();
    terms.behaviours[1].text = "We do what we call a priority, or we stop calling it one.".into();
    assert!(matches!(
        f.refuse(cmd(C::EditDraft {
            id: id.clone(),
            terms: terms.clone()
        })),
        DomainError::CovenantState(_)
    ));
    assert_eq!(
        f.refuse(cmd(C::Amend {
            id: id.clone(),
            terms: terms.clone(),
            reason: " ".into()
        })),
        DomainError::ReasonRequired
    );
    assert_eq!(
        f.refuse(cmd(C::Amend {
            id: id.clone(),
            terms: c.terms.clone(),
            reason: "no change".into()
        })),
        DomainError::NothingChanged
    );
    f.run(cmd(C::Amend {
        id: id.clone(),
        terms,
        reason: "Clearer wording".into(),
    }));
    let c = covenant(&f, &id);
    assert_eq!(c.versions.len(), 2);
    assert_eq!(c.versions[1].reason, "Clearer wording");
    assert_eq!(
        c.versions[0].terms.behaviours[1].text,
        "If we said it is a priority, we either do it or change what we say.",
        "old versions stay readable"
    );
    let status = c.signature_status();
    assert_eq!(status.len(), 2);
    assert!(status.iter().all(|(_, renew)| *renew), "both need renewal");

    // The diff shows exactly the changed clause.
    let names = |id: &Id| id.to_string();
    let d = diff(
        &c.versions[0].terms.lines(&names),
        &c.versions[1].terms.lines(&names),
    );
    let changes: Vec<&DiffLine> = d
        .iter()
        .filter(|l| !matches!(l, DiffLine::Same(_)))
        .collect();
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert!(matches!(changes[0], DiffLine::Removed(t) if t.contains("If we said")));
    assert!(matches!(changes[1], DiffLine::Added(t) if t.contains("stop calling it one")));

    f.run(cmd(C::Sign {
        id: id.clone(),
        member: ana.clone(),
        typed_name: "Ana".into(),
    }));
    let c = covenant(&f, &id);
    // Each member's signature: the version signed, and whether it needs renewing.
    let status = |member: &Id| {
        let (s, renew) = c
            .signature_status()
            .into_iter()
            .find(|(s, _)| &s.member == member)
            .unwrap();
        (s.version, renew)
    };
    assert_eq!(status(&ana), (2, false));
    assert_eq!(status(&ben), (1, true));
}

#[test]
fn review_cycle_and_review_reminder() {
    let mut f = Fixture::new(4);
    let id = draft(&mut f);
    let today = day(10).unwrap();
    assert!(
        !covenant(&f, &id).review_due(today, 7),
        "a draft has no reminder"
    );
    f.run(cmd(C::Activate { id: id.clone() }));
    assert!(
        covenant(&f, &id).review_due(today, 7),
        "due on the 15th: near"
    );
    assert!(!covenant(&f, &id).review_due(today, 4));
    assert!(covenant(&f, &id).review_due(day(20).unwrap(), 0), "past");
    assert_eq!(covenant(&f, &id).review_overdue(day(15).unwrap()), None);
    assert_eq!(covenant(&f, &id).review_overdue(day(16).unwrap()), day(15));
    assert_eq!(
        covenant(&f, &id)
            .review_reminder(day(16).unwrap(), 14)
            .as_deref(),
        Some("The covenant “Platform covenant” review is overdue since 2026-12-15.")
    );
    assert_eq!(
        covenant(&f, &id)
            .review_reminder(day(10).unwrap(), 14)
            .as_deref(),
        Some("The covenant “Platform covenant” is due for review on 2026-12-15.")
    );
    f.run(cmd(C::StartReview { id: id.clone() }));
    assert_eq!(covenant(&f, &id).state, CovenantState::UnderReview);
    let reaffirm = |learned: &str, next: u32| {
        cmd(C::Reaffirm {
            id: id.clone(),
            learned: learned.into(),
            next: day(next).unwrap(),
            today: day(20).unwrap(),
        })
    };
    assert_eq!(f.refuse(reaffirm("  ", 28)), DomainError::LearnedRequired);
    assert_eq!(
        f.refuse(reaffirm("Handovers work", 20)),
        DomainError::NextReviewDate
    );
    f.run(reaffirm("Handovers work; we still escalate late", 28));
    let c = covenant(&f, &id);
    assert_eq!(c.state, CovenantState::Active);
    // The review is recorded, the due date moves on and the reminder clears.
    assert_eq!(c.reviews.len(), 1);
    assert_eq!(c.reviews[0].outcome, ReviewOutcome::Reaffirmed);
    assert_eq!(
        c.reviews[0].learned,
        "Handovers work; we still escalate late"
    );
    assert_eq!((c.reviews[0].version, c.reviews[0].next), (1, day(28)));
    assert_eq!(c.terms.review_on, day(28));
    assert!(!c.review_due(day(20).unwrap(), 7));
    assert_eq!(c.review_overdue(day(20).unwrap()), None);
    assert_eq!(c.review_reminder(day(20).unwrap(), 7), None);
    assert_eq!(c.versions.len(), 1, "reaffirming publishes no version");
    assert!(matches!(
        f.refuse(reaffirm("again", 29)),
        DomainError::CovenantState(_)
    ));
    // It survives a save and a load.
    let back: Covenant = read_entity(&serde_json::to_string(&c).unwrap()).unwrap();
    assert_eq!(back.reviews, c.reviews);
}

#[test]
fn reaffirming_or_moving_the_date_keeps_signatures_and_an_amended_review_is_recorded() {
    let mut f = Fixture::new(14);
    let id = signed_by_ana(&mut f);
    let current = |f: &Fixture| {
        covenant(f, &id)
            .signature_states()
            .into_iter()
            .map(|(_, st)| st)
            .collect::<Vec<_>>()
    };
    assert_eq!(current(&f), vec![SignatureState::Current]);
    f.run(cmd(C::StartReview { id: id.clone() }));
    f.run(cmd(C::Reaffirm {
        id: id.clone(),
        learned: "It holds".into(),
        next: day(28).unwrap(),
        today: day(20).unwrap(),
    }));
    assert_eq!(
        current(&f),
        vec![SignatureState::Current],
        "a new date is not new wording"
    );

    // An amendment that only moves the date publishes a version; the signature stays. A date
    // already past is refused: the covenant would be overdue at once.
    let mut terms = covenant(&f, &id).terms;
    terms.review_on = NaiveDate::from_ymd_opt(2026, 11, 20);
    assert_eq!(
        f.refuse(cmd(C::Amend {
            id: id.clone(),
            terms: terms.clone(),
            reason: "Review sooner".into(),
        })),
        DomainError::NextReviewDate
    );
    terms.review_on = day(30);
    f.run(cmd(C::Amend {
        id: id.clone(),
        terms: terms.clone(),
        reason: "Review after the holidays".into(),
    }));
    assert_eq!(covenant(&f, &id).versions.len(), 2);
    assert_eq!(current(&f), vec![SignatureState::Current]);
    // The same terms again change nothing.
    assert_eq!(
        f.refuse(cmd(C::Amend {
            id: id.clone(),
            terms: terms.clone(),
            reason: "again".into(),
        })),
        DomainError::NothingChanged
    );

    // An amendment during a review ends it and records it; new wording asks to sign again.
    f.run(cmd(C::StartReview { id: id.clone() }));
    terms.intent.push_str(" We say early when a promise slips.");
    f.run(cmd(C::Amend {
        id: id.clone(),
        terms,
        reason: "We learned to say early when a promise slips".into(),
    }));
    let c = covenant(&f, &id);
    assert_eq!(c.state, CovenantState::Active);
    assert_eq!(c.reviews.len(), 2);
    assert_eq!(c.reviews[1].outcome, ReviewOutcome::Amended);
    assert_eq!(c.reviews[1].version, 3);
    assert_eq!(
        c.reviews[1].learned,
        "We learned to say early when a promise slips"
    );
    assert_eq!(current(&f), vec![SignatureState::Renew]);
}

#[test]
fn signatures_from_files_before_reviews_stay_verified() {
    let mut f = Fixture::new(15);
    let id = signed_by_ana(&mut f);
    // Older builds fingerprinted the wording with the review date.
    let mut c = covenant(&f, &id);
    let old = c.versions[0].terms.fingerprint_with_date();
    assert_ne!(old, c.versions[0].terms.fingerprint());
    c.versions[0].fingerprint = old.clone();
    c.signatures[0].fingerprint = old;
    assert!(c.verified(&c.signatures[0]));
    assert_eq!(c.signature_states()[0].1, SignatureState::Current);
    c.signatures[0].fingerprint = "0".repeat(64);
    assert_eq!(c.signature_states()[0].1, SignatureState::NotVerified);
}

#[test]
fn the_clarity_check_lists_what_is_still_open() {
    let mut f = Fixture::new(5);
    let id = draft(&mut f);
    let mut terms = covenant(&f, &id).terms;
    terms.behaviours[0].clarity = [true; 5];
    terms.behaviours[1].clarity = [true, false, true, false, true];
    terms.metrics.push(climb::domain::covenant::Clause {
        id: Id::from("m1"),
        title: "Fewer surprises".into(),
        text: "No missed commitment goes unmentioned for more than a week".into(),
        clarity: [false; 5],
    });
    let open = terms.unclear();
    assert_eq!(open.len(), 2, "the fully clear clause is not listed");
    assert_eq!(open[0].0, "Walk the talk");
    assert_eq!(open[0].1, [CLARITY[1], CLARITY[3]]);
    assert_eq!(open[1].1.len(), 5);
    // Guidance, never a blocker: it can still be activated.
    f.run(cmd(C::EditDraft {
        id: id.clone(),
        terms,
    }));
    f.run(cmd(C::Activate { id }));
}

#[test]
fn covenants_survive_a_round_trip() {
    let mut f = Fixture::new(6);
    signed_by_ana(&mut f);
    assert_reads_back_unchanged(&f.ws);
}

#[test]
fn empty_rows_are_named_and_refused_at_activation_and_amendment() {
    let mut f = Fixture::new(16);
    let id = draft(&mut f);
    let mut terms = covenant(&f, &id).terms;
    terms.behaviours.push(climb::domain::covenant::Clause {
        id: Id::from("b3"),
        title: "Say early".into(),
        text: "   ".into(),
        clarity: [false; 5],
    });
    terms
        .decision_rights
        .push(climb::domain::covenant::DecisionRight::default());
    terms
        .escalation
        .push(climb::domain::covenant::EscalationStep::default());
    assert_eq!(
        terms.empty_rows(),
        vec!["behaviour 3", "decision 1", "escalation step 1"]
    );
    f.run(cmd(C::EditDraft {
        id: id.clone(),
        terms: terms.clone(),
    }));
    assert_eq!(
        f.refuse(cmd(C::Activate { id: id.clone() })),
        DomainError::EmptyRows("behaviour 3, decision 1, escalation step 1".into())
    );
    assert_eq!(covenant(&f, &id).state, CovenantState::Draft);
    let message = DomainError::EmptyRows("behaviour 3".into()).to_string();
    assert!(message.contains("behaviour 3"), "{message}");

    terms.behaviours.pop();
    terms.decision_rights.clear();
    terms.escalation.clear();
    f.run(cmd(C::EditDraft {
        id: id.clone(),
        terms: terms.clone(),
    }));
    f.run(cmd(C::Activate { id: id.clone() }));
    terms
        .metrics
        .push(climb::domain::covenant::Clause::default());
    assert_eq!(
        f.refuse(cmd(C::Amend {
            id,
            terms,
            reason: "Add a metric".into(),
        })),
        DomainError::EmptyRows("metric 1".into())
    );
}

#[test]
fn a_changed_clause_marks_the_changed_words() {
    use climb::domain::covenant::{changed_words, Piece};
    let p = |t: &str, c: bool| Piece {
        text: t.into(),
        changed: c,
    };
    let (before, after) = changed_words(
        "Behaviour: Walk the talk: We do what we say",
        "Behaviour: Walk the talk: We do   what we promise",
    );
    assert_eq!(
        before,
        vec![
            p("Behaviour: Walk the talk: We do what we ", false),
            p("say", true)
        ]
    );
    assert_eq!(
        after,
        vec![
            p("Behaviour: Walk the talk: We do what we ", false),
            p("promise", true)
        ]
    );
    let (before, after) = changed_words("a b c", "a x b c");
    assert_eq!(before, vec![p("a b c", false)]);
    assert_eq!(after, vec![p("a ", false), p("x ", true), p("b c", false)]);
    let (same, _) = changed_words("a b", "a b");
    assert_eq!(same, vec![p("a b", false)]);
}

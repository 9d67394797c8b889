//! Native tests of micro-goals: state transitions, renegotiation history, check-ins, overdue
//! and stale goals, nudges, focus warnings, momentum across year boundaries, reviews.

mod common;

use chrono::NaiveDate;
use climb::domain::goals::{
    done_per_week, due_group, focus_warnings, streak, week_start, DueGroup, Goal, GoalState, Nudges,
};
use climb::domain::{Command, DomainError, GoalCommand as G, Id};
use common::{assert_reads_back_unchanged, Fixture, NewGoal};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn cmd(g: G) -> Command {
    Command::Goal(g)
}

fn today() -> NaiveDate {
    d(2026, 11, 21)
}

fn create(f: &mut Fixture, outcome: &str, owner: Option<&Id>, due: Option<NaiveDate>) -> Id {
    f.add_goal(NewGoal {
        owner: owner.cloned(),
        due,
        verification: "The PR is merged".into(),
        ..NewGoal::new(outcome, today())
    })
}

fn goal<'a>(f: &'a Fixture, id: &Id) -> &'a Goal {
    f.ws.get::<Goal>(id).unwrap()
}

#[test]
fn a_new_goal_is_open_with_its_terms() {
    let mut f = Fixture::new(1);
    let ana = f.add_member("Ana");
    let id = create(
        &mut f,
        "  Fix the flaky login test ",
        Some(&ana),
        Some(d(2026, 11, 25)),
    );
    let g = goal(&f, &id);
    assert_eq!(g.outcome, "Fix the flaky login test");
    assert_eq!(g.state, GoalState::Open);
    assert_eq!(g.created_on, Some(today()));
    assert_eq!(g.owner.as_ref(), Some(&ana));
    assert_eq!(
        f.refuse(NewGoal::new(" ", today()).command()),
        DomainError::EmptyText
    );
}

#[test]
fn legal_and_illegal_transitions() {
    let mut f = Fixture::new(2);
    let done = create(&mut f, "Done one", None, None);
    f.run(cmd(G::MarkDone {
        id: done.clone(),
        today: today(),
    }));
    assert_eq!(goal(&f, &done).state, GoalState::Done);
    assert_eq!(goal(&f, &done).closed_on, Some(today()));
    for refused in [
        G::MarkMissed {
            id: done.clone(),
            today: today(),
        },
        G::MarkDone {
            id: done.clone(),
            today: today(),
        },
        G::Drop {
            id: done.clone(),
            reason: "no".into(),
            today: today(),
        },
        G::Renegotiate {
            id: done.clone(),
            outcome: "x".into(),
            due: None,
            reason: "y".into(),
            today: today(),
        },
        G::CheckIn {
            id: done.clone(),
            done: "x".into(),
            next: String::new(),
            blocker: String::new(),
            today: today(),
        },
    ] {
        assert!(
            matches!(
                f.refuse(cmd(refused)),
                DomainError::Transition {
                    from: GoalState::Done,
                    ..
                }
            ),
            "done is final"
        );
    }
    let dropped = create(&mut f, "Drop me", None, None);
    assert_eq!(
        f.refuse(cmd(G::Drop {
            id: dropped.clone(),
            reason: "   ".into(),
            today: today()
        })),
        DomainError::ReasonRequired
    );
    f.run(cmd(G::Drop {
        id: dropped.clone(),
        reason: "Priorities changed".into(),
        today: today(),
    }));
    assert_eq!(goal(&f, &dropped).drop_reason, "Priorities changed");
    let e = f.refuse(cmd(G::MarkDone {
        id: dropped,
        today: today(),
    }));
    assert_eq!(
        e.to_string(),
        "A goal that is dropped cannot be marked done."
    );
}

#[test]
fn renegotiation_keeps_what_was_promised_and_why() {
    let mut f = Fixture::new(3);
    let id = create(&mut f, "Ship the export", None, Some(d(2026, 11, 24)));
    assert_eq!(
        f.refuse(cmd(G::Renegotiate {
            id: id.clone(),
            outcome: "Ship the export".into(),
            due: Some(d(2026, 11, 28)),
            reason: "".into(),
            today: today(),
        })),
        DomainError::ReasonRequired
    );
    f.run(cmd(G::Renegotiate {
        id: id.clone(),
        outcome: "Ship the JSON export".into(),
        due: Some(d(2026, 11, 28)),
        reason: "Scope was unclear".into(),
        today: d(2026, 11, 22),
    }));
    let g = goal(&f, &id);
    assert_eq!(g.state, GoalState::Renegotiated);
    assert_eq!(g.outcome, "Ship the JSON export");
    assert_eq!(g.due, Some(d(2026, 11, 28)));
    assert_eq!(g.history.len(), 1);
    let h = &g.history[0];
    assert_eq!(h.old_outcome, "Ship the export");
    assert_eq!(h.old_due, Some(d(2026, 11, 24)));
    assert_eq!(h.reason, "Scope was unclear");
    assert_eq!(h.on, Some(d(2026, 11, 22)));
    // A renegotiated goal still runs and can be done.
    f.run(cmd(G::MarkDone {
        id: id.clone(),
        today: today(),
    }));
    assert_eq!(goal(&f, &id).state, GoalState::Done);
}

#[test]
fn check_ins_and_offers_of_help() {
    let mut f = Fixture::new(4);
    let ben = f.add_member("Ben");
    let id = create(&mut f, "Pair on the release notes", None, None);
    assert_eq!(
        f.refuse(cmd(G::CheckIn {
            id: id.clone(),
            done: " ".into(),
            next: "".into(),
            blocker: "".into(),
            today: today(),
        })),
        DomainError::EmptyText
    );
    f.run(cmd(G::CheckIn {
        id: id.clone(),
        done: "Draft written".into(),
        next: "Review with Ben".into(),
        blocker: "Waiting for the changelog".into(),
        today: today(),
    }));
    let check = goal(&f, &id).check_ins[0].id.clone();
    f.run(cmd(G::Offer {
        id: id.clone(),
        check_in: check,
        by: Some(ben.clone()),
        text: "I can chase the changelog".into(),
    }));
    let c = &goal(&f, &id).check_ins[0];
    assert_eq!(c.on, Some(today()));
    assert_eq!(c.blocker, "Waiting for the changelog");
    assert_eq!(c.offers[0].by.as_ref(), Some(&ben));
    assert_eq!(c.offers[0].text, "I can chase the changelog");
}

#[test]
fn overdue_and_stale_for_given_dates() {
    let mut f = Fixture::new(5);
    let id = create(&mut f, "Write the runbook", None, Some(d(2026, 11, 25)));
    let n = Nudges::default();
    let g = goal(&f, &id).clone();
    assert!(!g.is_overdue(d(2026, 11, 25)), "due today is not overdue");
    assert!(g.is_overdue(d(2026, 11, 26)));
    assert!(
        !g.is_stale(d(2026, 11, 28), &n),
        "7 quiet days is within the cadence"
    );
    assert!(g.is_stale(d(2026, 11, 29), &n), "8 quiet days is stale");
    f.run(cmd(G::CheckIn {
        id: id.clone(),
        done: "Outline".into(),
        next: String::new(),
        blocker: String::new(),
        today: d(2026, 11, 27),
    }));
    let g = goal(&f, &id).clone();
    assert!(
        !g.is_stale(d(2026, 11, 29), &n),
        "a check-in resets the clock"
    );
    // A follow-up date passed without a check-in since is stale too.
    f.run(cmd(G::Edit {
        id: id.clone(),
        partner: None,
        follow_up: Some(d(2026, 11, 28)),
        verification: "Runbook linked from the wiki".into(),
        clause: None,
        risk: String::new(),
    }));
    let g = goal(&f, &id).clone();
    assert!(!g.is_stale(d(2026, 11, 28), &n));
    assert!(g.is_stale(d(2026, 11, 29), &n));
    f.run(cmd(G::MarkDone {
        id: id.clone(),
        today: d(2026, 11, 30),
    }));
    let g = goal(&f, &id).clone();
    assert!(
        !g.is_overdue(d(2026, 12, 30)) && !g.is_stale(d(2026, 12, 30), &n),
        "closed"
    );
}

#[test]
fn nudges_toward_small_goals() {
    let mut f = Fixture::new(6);
    let n = Nudges::default();
    let small = create(&mut f, "Small", None, Some(d(2026, 12, 5)));
    let far = create(&mut f, "Far", None, Some(d(2026, 12, 6)));
    assert!(
        goal(&f, &small).micro_flags(&n).is_empty(),
        "14 days is fine"
    );
    assert_eq!(goal(&f, &far).micro_flags(&n).len(), 1, "15 days is far");
    f.run(cmd(G::Edit {
        id: small.clone(),
        partner: None,
        follow_up: None,
        verification: " ".into(),
        clause: None,
        risk: String::new(),
    }));
    assert!(goal(&f, &small).micro_flags(&n)[0].contains("verify"));
}

#[test]
fn focus_warning_above_the_limit() {
    let mut f = Fixture::new(7);
    let ana = f.add_member("Ana");
    let ben = f.add_member("Ben");
    for i in 0..3 {
        create(&mut f, &format!("Ana {i}"), Some(&ana), None);
    }
    create(&mut f, "Ben 0", Some(&ben), None);
    let n = Nudges::default();
    assert!(
        focus_warnings(f.ws.live::<Goal>(), &n).is_empty(),
        "3 is the limit"
    );
    let fourth = create(&mut f, "Ana 3", Some(&ana), None);
    assert_eq!(
        focus_warnings(f.ws.live::<Goal>(), &n),
        vec![(ana.clone(), 4)]
    );
    f.run(cmd(G::MarkDone {
        id: fourth,
        today: today(),
    }));
    assert!(
        focus_warnings(f.ws.live::<Goal>(), &n).is_empty(),
        "done goals do not count"
    );
}

fn done_on(f: &mut Fixture, on: NaiveDate) {
    let id = create(f, "x", None, None);
    f.run(cmd(G::MarkDone { id, today: on }));
}

#[test]
fn weeks_and_streaks_cross_the_year_boundary() {
    // 2026-01-01 is a Thursday; its week starts on Monday 2025-12-29.
    assert_eq!(week_start(d(2026, 1, 1)), d(2025, 12, 29));
    assert_eq!(week_start(d(2026, 1, 4)), d(2025, 12, 29));
    assert_eq!(week_start(d(2026, 1, 5)), d(2026, 1, 5));

    let mut f = Fixture::new(8);
    done_on(&mut f, d(2025, 12, 17)); // week of 15 Dec
    done_on(&mut f, d(2025, 12, 24)); // week of 22 Dec
    done_on(&mut f, d(2025, 12, 30)); // week of 29 Dec
    done_on(&mut f, d(2026, 1, 2)); // same week
    let today = d(2026, 1, 7); // week of 5 Jan, nothing done yet
    let weeks = done_per_week(f.ws.live::<Goal>(), today, 4);
    assert_eq!(
        weeks,
        vec![
            (d(2025, 12, 15), 1),
            (d(2025, 12, 22), 1),
            (d(2025, 12, 29), 2),
            (d(2026, 1, 5), 0)
        ]
    );
    assert_eq!(
        streak(f.ws.live::<Goal>(), today, &[]),
        3,
        "this week is not over, so the streak still counts"
    );
    done_on(&mut f, d(2026, 1, 6));
    assert_eq!(streak(f.ws.live::<Goal>(), today, &[]), 4);
    assert_eq!(
        streak(f.ws.live::<Goal>(), d(2026, 1, 20), &[]),
        0,
        "a whole week without a done goal ends it"
    );
    // Missed goals never count as momentum.
    let missed = create(&mut f, "missed", None, None);
    f.run(cmd(G::MarkMissed {
        id: missed,
        today: d(2026, 1, 13),
    }));
    assert_eq!(streak(f.ws.live::<Goal>(), d(2026, 1, 14), &[]), 4);
}

#[test]
fn a_break_week_neither_counts_nor_breaks_the_streak() {
    let mut f = Fixture::new(81);
    done_on(&mut f, d(2025, 12, 10)); // week of 8 Dec
    done_on(&mut f, d(2025, 12, 17)); // week of 15 Dec
                                      // Weeks of 22 and 29 Dec: holidays, nothing done.
    done_on(&mut f, d(2026, 1, 6)); // week of 5 Jan
    let today = d(2026, 1, 7);
    assert_eq!(
        streak(f.ws.live::<Goal>(), today, &[]),
        1,
        "without breaks the gap ends it"
    );
    let holidays = [d(2025, 12, 22), d(2025, 12, 29)];
    assert_eq!(streak(f.ws.live::<Goal>(), today, &holidays), 3);
    // A break week in which something was done still counts.
    done_on(&mut f, d(2025, 12, 23));
    assert_eq!(streak(f.ws.live::<Goal>(), today, &holidays), 4);
    // A break only bridges: an ordinary empty week before it still ends the streak.
    assert_eq!(
        streak(f.ws.live::<Goal>(), today, &[d(2025, 12, 29)]),
        4,
        "8, 15, 22 Dec done, 29 Dec a break, 5 Jan done"
    );
    assert_eq!(streak(f.ws.live::<Goal>(), d(2026, 1, 21), &holidays), 0);
}

#[test]
fn due_groups() {
    let mut f = Fixture::new(9);
    let t = d(2026, 11, 18); // a Wednesday
    let over = create(&mut f, "a", None, Some(d(2026, 11, 17)));
    let week = create(&mut f, "b", None, Some(d(2026, 11, 22)));
    let later = create(&mut f, "c", None, Some(d(2026, 11, 23)));
    let none = create(&mut f, "d", None, None);
    let closed = create(&mut f, "e", None, Some(d(2026, 11, 1)));
    f.run(cmd(G::MarkDone {
        id: closed.clone(),
        today: t,
    }));
    let group = |f: &Fixture, id: &Id| due_group(goal(f, id), t);
    assert_eq!(group(&f, &over), DueGroup::Overdue);
    assert_eq!(group(&f, &week), DueGroup::ThisWeek);
    assert_eq!(group(&f, &later), DueGroup::Later);
    assert_eq!(group(&f, &none), DueGroup::NoDate);
    assert_eq!(group(&f, &closed), DueGroup::Closed);
}

#[test]
fn a_missed_goal_gets_a_review_and_its_corrective_action_becomes_a_goal() {
    let mut f = Fixture::new(10);
    let ana = f.add_member("Ana");
    let id = create(&mut f, "Automate the deploy", Some(&ana), None);
    assert_eq!(
        f.refuse(cmd(G::Review {
            id: id.clone(),
            root_cause: "x".into(),
            corrective_action: "y".into(),
            review_on: None,
        })),
        DomainError::NotMissed
    );
    f.run(cmd(G::MarkMissed {
        id: id.clone(),
        today: today(),
    }));
    assert_eq!(
        f.refuse(cmd(G::FromReview {
            id: id.clone(),
            due: None,
            today: today()
        })),
        DomainError::NoCorrectiveAction
    );
    f.run(cmd(G::Review {
        id: id.clone(),
        root_cause: "The pipeline had no owner".into(),
        corrective_action: "Name an owner for the pipeline".into(),
        review_on: Some(d(2026, 12, 1)),
    }));
    let new = f
        .run(cmd(G::FromReview {
            id: id.clone(),
            due: Some(d(2026, 11, 27)),
            today: today(),
        }))
        .created()
        .cloned()
        .unwrap();
    let g = goal(&f, &new);
    assert_eq!(g.outcome, "Name an owner for the pipeline");
    assert_eq!(g.owner.as_ref(), Some(&ana));
    assert_eq!(g.from_goal.as_ref(), Some(&id));
    assert_eq!(
        goal(&f, &id)
            .review
            .as_ref()
            .unwrap()
            .follow_up_goal
            .as_ref(),
        Some(&new),
        "linked both ways"
    );
    assert_eq!(
        f.refuse(cmd(G::FromReview {
            id: id.clone(),
            due: None,
            today: today()
        })),
        DomainError::AlreadyFollowedUp
    );
    // One undo removes the new goal and the link together.
    f.undo();
    assert!(f.ws.get::<Goal>(&new).is_none());
    assert_eq!(goal(&f, &id).review.as_ref().unwrap().follow_up_goal, None);
}

#[test]
fn goals_survive_a_round_trip() {
    let mut f = Fixture::new(11);
    let id = create(&mut f, "Round trip", None, Some(d(2026, 11, 30)));
    f.run(cmd(G::CheckIn {
        id: id.clone(),
        done: "a".into(),
        next: "b".into(),
        blocker: "c".into(),
        today: today(),
    }));
    f.run(cmd(G::Renegotiate {
        id,
        outcome: "Round trip, smaller".into(),
        due: None,
        reason: "Too big".into(),
        today: today(),
    }));
    assert_reads_back_unchanged(&f.ws);
}

#[test]
fn owner_partner_dates_and_links_change_openly() {
    let mut f = Fixture::new(31);
    let ana = f.add_member("Ana");
    let ben = f.add_member("Ben");
    let id = create(&mut f, "Ship the export", Some(&ana), Some(d(2026, 11, 28)));
    // Partner, follow-up, the clause it serves and what could get in the way: plain edits.
    f.run(cmd(G::Edit {
        id: id.clone(),
        partner: Some(ben.clone()),
        follow_up: Some(d(2026, 11, 25)),
        verification: "The file opens in a spreadsheet".into(),
        clause: Some(Id::from("clause-1")),
        risk: "  The vendor API changes; we pin the version.  ".into(),
    }));
    let g = goal(&f, &id);
    assert_eq!(g.partner.as_ref(), Some(&ben));
    assert_eq!(g.clause, Some(Id::from("clause-1")));
    assert_eq!(g.risk, "The vendor API changes; we pin the version.");
    assert!(g.history.is_empty(), "no renegotiation for these");

    // The owner changes only with a reason, and the change is logged.
    assert_eq!(
        f.refuse(cmd(G::ChangeOwner {
            id: id.clone(),
            owner: Some(ben.clone()),
            reason: " ".into(),
            today: d(2026, 11, 23),
        })),
        DomainError::ReasonRequired
    );
    f.run(cmd(G::ChangeOwner {
        id: id.clone(),
        owner: Some(ben.clone()),
        reason: "Ana is on leave".into(),
        today: d(2026, 11, 23),
    }));
    let g = goal(&f, &id);
    assert_eq!(g.owner.as_ref(), Some(&ben));
    assert_eq!(g.state, GoalState::Renegotiated);
    let h = &g.history[0];
    let names = |p: &Option<Id>| match p {
        Some(p) if p == &ana => "Ana".to_owned(),
        Some(p) if p == &ben => "Ben".to_owned(),
        _ => "nobody".to_owned(),
    };
    assert_eq!(
        h.text(&names),
        "2026-11-23: was “Ship the export”, due 2026-11-28; owner Ana → Ben; because Ana is on leave"
    );
    // The same owner again changes nothing; someone not on the team is refused.
    f.run(cmd(G::ChangeOwner {
        id: id.clone(),
        owner: Some(ben.clone()),
        reason: "again".into(),
        today: d(2026, 11, 23),
    }));
    assert_eq!(goal(&f, &id).history.len(), 1);
    assert!(matches!(
        f.refuse(cmd(G::ChangeOwner {
            id: id.clone(),
            owner: Some(Id::from("nobody")),
            reason: "x".into(),
            today: d(2026, 11, 23),
        })),
        DomainError::NotFound { .. }
    ));
    // A renegotiation keeps the old and the new terms.
    f.run(cmd(G::Renegotiate {
        id: id.clone(),
        outcome: "Ship the CSV export".into(),
        due: Some(d(2026, 12, 2)),
        reason: "CSV is what people open".into(),
        today: d(2026, 11, 24),
    }));
    assert_eq!(
        goal(&f, &id).history[1].text(&names),
        "2026-11-24: was “Ship the export”, due 2026-11-28; now “Ship the CSV export”, due 2026-12-02; because CSV is what people open"
    );
}

#[test]
fn the_open_goals_a_member_holds_are_listed_before_they_leave() {
    use climb::domain::goals::{held_goals, Holds};
    let mut f = Fixture::new(32);
    let ana = f.add_member("Ana");
    let ben = f.add_member("Ben");
    let owned = create(&mut f, "Ana's goal", Some(&ana), Some(d(2026, 11, 28)));
    let partnered = create(&mut f, "Ben's goal", Some(&ben), Some(d(2026, 11, 28)));
    f.run(cmd(G::Edit {
        id: partnered.clone(),
        partner: Some(ana.clone()),
        follow_up: None,
        verification: "x".into(),
        clause: None,
        risk: String::new(),
    }));
    let done = create(&mut f, "Done already", Some(&ana), None);
    f.run(cmd(G::MarkDone {
        id: done,
        today: d(2026, 11, 22),
    }));
    let held: Vec<(Id, Holds)> = held_goals(f.ws.live::<Goal>(), &ana)
        .into_iter()
        .map(|(g, h)| (g.meta.id.clone(), h))
        .collect();
    assert_eq!(
        held,
        vec![(owned, Holds::Owner), (partnered, Holds::Partner)]
    );
    assert!(held_goals(f.ws.live::<Goal>(), &Id::from("nobody")).is_empty());
}

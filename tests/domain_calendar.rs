//! Native tests of the calendar files: the RFC 5545 rules that bite (CRLF, folding at 75
//! octets, escaping), stable UIDs and a SEQUENCE that follows renegotiations.

mod common;

use chrono::NaiveDate;
use climb::domain::calendar::{escape_text, fold, goal_events, ics, review_event, Event};
use climb::domain::goals::Goal;
use climb::domain::{Command, GoalCommand as G, Id};
use common::{at, Fixture, NewGoal};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn unfold(text: &str) -> String {
    text.replace("\r\n ", "")
}

#[test]
fn text_is_escaped_and_long_lines_fold_at_75_octets_without_splitting_characters() {
    assert_eq!(
        escape_text("Fix it; then ship, test\\retry\nnext\r\nend"),
        "Fix it\\; then ship\\, test\\\\retry\\nnext\\nend"
    );
    let long = format!("SUMMARY:{}", "Überprüfen wir die Lieferkette 🧗 ".repeat(6));
    let folded = fold(&long);
    for line in folded.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert!(folded.split("\r\n").skip(1).all(|l| l.starts_with(' ')));
    assert_eq!(unfold(&folded), long);
    assert_eq!(fold("SHORT:line"), "SHORT:line");
}

#[test]
fn a_calendar_has_crlf_line_ends_a_reminder_and_all_day_dates() {
    let e = Event {
        uid: "goal-due-g1@climb".into(),
        sequence: 2,
        on: d(12, 4),
        summary: "Due: Quarantine the flaky tests, by Friday".into(),
        description: "Owner: Ana\nPartner: Ben".into(),
        remind_days_before: 1,
    };
    let text = ics(&[e], at(0));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "no bare LF");
    assert!(!text.replace("\r\n", "").contains('\r'), "no bare CR");
    let lines: Vec<&str> = text.split("\r\n").collect();
    for want in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "UID:goal-due-g1@climb",
        "SEQUENCE:2",
        "DTSTAMP:20261121T090000Z",
        "DTSTART;VALUE=DATE:20261204",
        "DTEND;VALUE=DATE:20261205",
        "SUMMARY:Due: Quarantine the flaky tests\\, by Friday",
        "DESCRIPTION:Owner: Ana\\nPartner: Ben",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:-PT15H",
        "END:VALARM",
    ] {
        assert!(lines.contains(&want), "missing {want}\n{text}");
    }
}

#[test]
fn goal_events_keep_their_uid_and_raise_the_sequence_when_renegotiated() {
    let mut f = Fixture::new(41);
    let ana = f.add_member("Ana");
    let id = f.add_goal(NewGoal {
        owner: Some(ana.clone()),
        due: Some(d(11, 28)),
        follow_up: Some(d(11, 25)),
        verification: "In the wiki".into(),
        ..NewGoal::new("Name a release owner", d(11, 21))
    });
    let name = |p: &Option<Id>| {
        if p.as_ref() == Some(&ana) {
            "Ana".to_owned()
        } else {
            String::new()
        }
    };
    let before = goal_events(f.ws.get::<Goal>(&id).unwrap(), &name);
    assert_eq!(before.len(), 2);
    assert_eq!(before[0].uid, format!("goal-due-{id}@climb"));
    assert_eq!(before[0].description, "Owner: Ana\nDone when: In the wiki");
    assert_eq!(before[1].on, d(11, 25));
    f.run(Command::Goal(G::Renegotiate {
        id: id.clone(),
        outcome: "Name a release owner".into(),
        due: Some(d(12, 2)),
        reason: "Holiday".into(),
        today: d(11, 23),
    }));
    let after = goal_events(f.ws.get::<Goal>(&id).unwrap(), &name);
    assert_eq!(after[0].uid, before[0].uid, "the same event, updated");
    assert!(after[0].sequence > before[0].sequence);
    assert_eq!(after[0].on, d(12, 2));
    // A closed goal has nothing left to remind anyone of.
    f.run(Command::Goal(G::MarkDone {
        id: id.clone(),
        today: d(11, 30),
    }));
    assert!(goal_events(f.ws.get::<Goal>(&id).unwrap(), &name).is_empty());
}

#[test]
fn the_covenant_review_is_an_event_whose_sequence_follows_reviews() {
    use climb::domain::covenant::Covenant;
    use climb::domain::CovenantCommand as C;
    let mut f = Fixture::new(42);
    let id = f.add_covenant("Platform covenant", "");
    let mut terms = f.ws.get::<Covenant>(&id).unwrap().terms.clone();
    terms.review_on = Some(d(12, 15));
    f.run(Command::Covenant(C::EditDraft {
        id: id.clone(),
        terms,
    }));
    f.run(Command::Covenant(C::Activate { id: id.clone() }));
    let first = review_event(f.ws.get::<Covenant>(&id).unwrap()).unwrap();
    assert_eq!(first.on, d(12, 15));
    assert_eq!(first.remind_days_before, 7);
    f.run(Command::Covenant(C::StartReview { id: id.clone() }));
    f.run(Command::Covenant(C::Reaffirm {
        id: id.clone(),
        learned: "It holds".into(),
        next: d(12, 30),
        today: d(12, 16),
    }));
    let next = review_event(f.ws.get::<Covenant>(&id).unwrap()).unwrap();
    assert_eq!((next.uid.clone(), next.on), (first.uid.clone(), d(12, 30)));
    assert!(next.sequence > first.sequence);
    assert!(ics(&[next], at(0)).contains("TRIGGER:-P6DT15H"));
}

#[test]
fn the_next_retro_follows_the_rhythm_keeps_its_uid_until_the_next_retro_and_skips_breaks() {
    use climb::domain::calendar::retro_event;
    use climb::domain::rhythm::RhythmSettings;
    let mut f = Fixture::new(43);
    let first = retro_event(&f.ws, d(11, 30));
    assert_eq!(
        (first.uid.as_str(), first.on),
        ("retro-first@climb", d(11, 30))
    );
    let board = |f: &mut Fixture, on| f.add_board("Retro", Some(on), "", None);
    let b1 = board(&mut f, d(11, 30));
    let weekly = retro_event(&f.ws, d(11, 30));
    assert_eq!(weekly.uid, format!("retro-after-{b1}@climb"));
    assert_eq!(weekly.on, d(12, 7), "every week by default");
    f.run(Command::SetRhythm(RhythmSettings {
        retro_weeks: 2,
        breaks: vec![d(12, 16)],
        ..RhythmSettings::default()
    }));
    let moved = retro_event(&f.ws, d(11, 30));
    assert_eq!(moved.uid, weekly.uid, "the same event, moved");
    assert!(moved.sequence > weekly.sequence);
    assert_eq!(
        moved.on,
        d(12, 21),
        "two weeks on falls in the break week of 14 December"
    );
    assert!(unfold(&ics(&[moved], at(0))).contains("We meet every 2 weeks"));
    let b2 = board(&mut f, d(12, 21));
    let after = retro_event(&f.ws, d(12, 21));
    assert_eq!(after.uid, format!("retro-after-{b2}@climb"));
    assert_eq!(after.on, NaiveDate::from_ymd_opt(2027, 1, 4).unwrap());
}

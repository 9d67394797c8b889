//! Native tests of the goals page's groups and of the questions a goal's card asks.

mod common;

use chrono::NaiveDate;
use climb::domain::goal_groups::{goal_groups, source_heading, GoalView, TO_LEARN};
use climb::domain::goals::{Goal, Nudges};
use climb::domain::{Command, GoalCommand as G, Id};
use common::{Fixture, NewGoal};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn create(f: &mut Fixture, outcome: &str, owner: Option<&Id>, due: Option<NaiveDate>) -> Id {
    f.add_goal(NewGoal {
        owner: owner.cloned(),
        due,
        verification: "Seen in the demo".into(),
        ..NewGoal::new(outcome, d(11, 16))
    })
}

fn goals(f: &Fixture) -> Vec<Goal> {
    f.ws.live::<Goal>().cloned().collect()
}

/// Headings with the outcomes under each, for readable assertions.
fn shown(groups: &[(String, Vec<Goal>)]) -> Vec<(String, Vec<String>)> {
    groups
        .iter()
        .map(|(t, gs)| (t.clone(), gs.iter().map(|g| g.outcome.clone()).collect()))
        .collect()
}

#[test]
fn by_due_date_in_fixed_order_with_missed_goals_first() {
    let mut f = Fixture::new(1);
    let today = d(11, 18); // a Wednesday
    create(&mut f, "none", None, None);
    create(&mut f, "later", None, Some(d(11, 30)));
    create(&mut f, "week", None, Some(d(11, 20)));
    create(&mut f, "over", None, Some(d(11, 17)));
    let missed = create(&mut f, "missed", None, Some(d(11, 17)));
    let done = create(&mut f, "done", None, Some(d(11, 19)));
    f.run(Command::Goal(G::MarkMissed { id: missed, today }));
    f.run(Command::Goal(G::MarkDone { id: done, today }));
    let g = goal_groups(&goals(&f), GoalView::ByDue, today, &|_| String::new());
    let s = |t: &str, o: &[&str]| (t.to_owned(), o.iter().map(|x| x.to_string()).collect());
    assert_eq!(
        shown(&g),
        vec![
            s(TO_LEARN, &["missed"]),
            s("Overdue: what's blocking you?", &["over"]),
            s("This week", &["week"]),
            s("Later", &["later"]),
            s("No due date", &["none"]),
        ],
        "the done goal is in no working view"
    );
    let closed = goal_groups(&goals(&f), GoalView::Closed, today, &|_| String::new());
    assert_eq!(
        shown(&closed),
        vec![s("Missed", &["missed"]), s("Done", &["done"])]
    );
}

#[test]
fn by_owner_names_people_through_the_given_namer_and_sorts_by_due_date() {
    let mut f = Fixture::new(2);
    let ana = f.add_member("Ana");
    create(&mut f, "b", Some(&ana), Some(d(11, 30)));
    create(&mut f, "nobody's", None, Some(d(11, 25)));
    create(&mut f, "a", Some(&ana), Some(d(11, 20)));
    let names = |p: &Option<Id>| match p {
        Some(id) if id == &ana => "Ana".to_owned(),
        _ => "No owner".to_owned(),
    };
    let g = goal_groups(&goals(&f), GoalView::ByOwner, d(11, 18), &names);
    assert_eq!(
        shown(&g),
        vec![
            ("Ana".to_owned(), vec!["a".to_owned(), "b".to_owned()]),
            ("No owner".to_owned(), vec!["nobody's".to_owned()]),
        ]
    );
}

#[test]
fn by_source_tells_boards_covenants_checks_reviews_and_direct_goals_apart() {
    let mut f = Fixture::new(3);
    let id = create(&mut f, "direct", None, None);
    let g = f.ws.get::<Goal>(&id).unwrap().clone();
    assert_eq!(source_heading(&g), "Set directly");
    let mut from_check = g.clone();
    from_check.from_check = Some(Id("check.1".into()));
    assert_eq!(source_heading(&from_check), "From a safety check");
    let mut from_card = g.clone();
    from_card.card = Some(Id("card.1".into()));
    assert_eq!(source_heading(&from_card), "From a board");
    let mut from_review = g;
    from_review.from_goal = Some(Id("goal.1".into()));
    assert_eq!(source_heading(&from_review), "From a review");
    let groups = goal_groups(
        &[from_check, from_card],
        GoalView::BySource,
        d(11, 18),
        &|_| String::new(),
    );
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].0, "From a safety check");
}

#[test]
fn a_goal_asks_questions_not_blame() {
    let mut f = Fixture::new(4);
    let id = create(&mut f, "Ship it", None, Some(d(11, 17)));
    let g = f.ws.get::<Goal>(&id).unwrap().clone();
    let nudges = Nudges::default();
    let q = g.questions(d(11, 18), &nudges);
    assert!(
        q.contains(&"Past its due date: what's blocking you?"),
        "{q:?}"
    );
    assert!(q.iter().all(|x| x.ends_with('?')), "{q:?}");
    assert!(
        g.questions(d(11, 16), &nudges).is_empty(),
        "not due yet, just made"
    );
    let mut vague = g.clone();
    vague.verification.clear();
    assert!(vague
        .questions(d(11, 16), &nudges)
        .contains(&"How will anyone know it is done? Add a way to verify it."));
}

#[test]
fn people_are_named_after_they_leave_and_an_empty_place_says_so() {
    use climb::domain::roster::{member_name, name_or};
    let mut f = Fixture::new(5);
    let ana = f.add_member("Ana");
    assert_eq!(name_or(&f.ws, &Some(ana.clone()), "No owner"), "Ana");
    assert_eq!(name_or(&f.ws, &None, "No owner"), "No owner");
    f.run(Command::RemoveMember { id: ana.clone() });
    assert_eq!(
        member_name(&f.ws, &ana),
        "Ana",
        "a goal's history names people as they were"
    );
    assert_eq!(
        member_name(&f.ws, &Id("member.unknown".into())),
        "a former member"
    );
}

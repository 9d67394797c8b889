//! The safety, trust and clarity check: scoring, the threshold, anonymity of what is stored
//! and exported, response links, the trend.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::NaiveDate;
use climb::domain::check::{default_statements, Answer, Check, Condition, Response};
use climb::domain::check_commands::{is_counted, open_check, responses};
use climb::domain::check_links::{invite_json, read_invite, read_reply, reply_json};
use climb::domain::check_results::{
    discussion, latest_line, median, results, scored, trend, visible, ConditionResult, Results, Why,
};
use climb::domain::exchange::{for_others, restore, to_export_json, to_storage_json};
use climb::domain::goals::Goal;
use climb::domain::merge::merge;
use climb::domain::team_view::team_subset;
use climb::domain::{CheckCommand as K, Command, DomainError, Id};
use common::{at, Fixture};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

fn open(f: &mut Fixture, d: u32) -> Id {
    f.run(Command::Check(K::Open {
        today: day(d),
        board: None,
    }))
    .created()
    .cloned()
    .unwrap()
}

fn check(f: &Fixture, id: &Id) -> Check {
    f.ws.get::<Check>(id).unwrap().clone()
}

/// One person answers every statement with `score` (or per statement with `scores`).
fn answer_all(f: &mut Fixture, id: &Id, who: &str, scores: &[Option<u8>]) {
    let c = check(f, id);
    let answers = c
        .statements
        .iter()
        .zip(scores.iter().cycle())
        .map(|(s, a)| (s.id.clone(), *a))
        .collect();
    f.run(Command::Check(K::Answer {
        id: id.clone(),
        response: Id::from(who),
        answers,
        today: day(3),
    }));
}

fn condition(r: &Results, c: Condition) -> &ConditionResult {
    r.conditions.iter().find(|x| x.condition == c).unwrap()
}

fn close(id: &Id, d: u32) -> Command {
    Command::Check(K::Close {
        id: id.clone(),
        today: day(d),
    })
}

/// Three people (a, b, c) answer with `scores`; then the check closes on day `d`.
fn answer_and_close(f: &mut Fixture, id: &Id, scores: &[Option<u8>], d: u32) {
    for who in ["a", "b", "c"] {
        answer_all(f, id, who, scores);
    }
    f.run(close(id, d));
}

#[test]
fn a_reversed_statement_counts_from_the_other_end_and_skips_are_not_scores() {
    assert_eq!(scored(1, true), 5);
    assert_eq!(scored(4, true), 2);
    assert_eq!(scored(4, false), 4);
    assert_eq!(median(&[1, 5, 3]), Some(3.0));
    assert_eq!(median(&[1, 2, 4, 5]), Some(3.0));
    assert_eq!(median(&[]), None);

    let mut f = Fixture::new(1);
    let id = open(&mut f, 1);
    // The third default statement is negatively worded ("I hold back…").
    let c = check(&f, &id);
    let holdback = c.statements[2].clone();
    assert!(holdback.reversed);
    answer_all(&mut f, &id, "r1", &[Some(5)]);
    answer_all(&mut f, &id, "r2", &[Some(4)]);
    // r3 skips the reversed statement (the third) and answers the rest 3.
    answer_all(&mut f, &id, "r3", &[Some(3), Some(3), None]);
    answer_all(&mut f, &id, "r4", &[Some(2)]);
    let r = results(&f.ws, &check(&f, &id)).expect("four responses");
    assert_eq!(r.responses, 4);
    let hb = r
        .statements
        .iter()
        .find(|s| s.statement.id == holdback.id)
        .unwrap();
    // As answered: 5, 4 and 2; scored: 1, 2 and 4.
    assert_eq!(hb.counts, [0, 1, 0, 1, 1]);
    assert_eq!(hb.skipped, 1);
    assert_eq!(hb.mean, Some(7.0 / 3.0));
    assert_eq!(hb.median, Some(2.0));
    let safety = condition(&r, Condition::Safety);
    // Two positive statements (5, 4, 3, 2 each) and the reversed one (1, 2, 4): 11 answers.
    assert_eq!(safety.answers, 11);
    assert_eq!(safety.mean, Some(35.0 / 11.0));
}

#[test]
fn a_statement_too_few_answered_shows_nothing_and_skips_alone_are_not_a_response() {
    let mut f = Fixture::new(13);
    let id = open(&mut f, 1);
    let e = f.refuse(Command::Check(K::Answer {
        id: id.clone(),
        response: Id::from("blank"),
        answers: check(&f, &id)
            .statements
            .iter()
            .map(|s| (s.id.clone(), None))
            .collect(),
        today: day(2),
    }));
    assert!(e.to_string().contains("at least one statement"), "{e}");
    assert_eq!(responses(&f.ws, &id), 0);
    // Only the first person answers the first statement: its one answer must not show.
    answer_all(&mut f, &id, "a", &[Some(1), Some(4)]);
    answer_all(&mut f, &id, "b", &[None, Some(4)]);
    answer_all(&mut f, &id, "c", &[None, Some(4)]);
    let r = results(&f.ws, &check(&f, &id)).unwrap();
    let first = &r.statements[0];
    assert_eq!(first.counts, [0; 5]);
    assert_eq!(first.mean, None);
    assert_eq!(first.skipped, 3);
    assert!(first.hidden, "the screen says why it shows nothing");
    assert!(!r.statements[1].hidden);
    let safety = condition(&r, Condition::Safety);
    // The second statement (three 4s) counts; the first adds nothing to the summary.
    assert_eq!(safety.mean, Some(4.0));
    assert!(discussion(&r)
        .iter()
        .all(|d| d.statement.id != first.statement.id));
}

#[test]
fn results_wait_for_the_threshold_which_can_be_raised_but_not_lowered() {
    let mut f = Fixture::new(2);
    let id = open(&mut f, 1);
    answer_all(&mut f, &id, "a", &[Some(3)]);
    answer_all(&mut f, &id, "b", &[Some(3)]);
    assert_eq!(visible(&f.ws, &check(&f, &id)), Err((2, 3)));
    assert!(results(&f.ws, &check(&f, &id)).is_none());
    let e = f.refuse(close(&id, 3));
    assert!(matches!(e, DomainError::Check(_)));
    let e = f.refuse(Command::Check(K::SetThreshold {
        id: id.clone(),
        threshold: 2,
    }));
    assert!(e.to_string().contains("at least 3"), "{e}");
    f.run(Command::Check(K::SetThreshold {
        id: id.clone(),
        threshold: 4,
    }));
    answer_all(&mut f, &id, "c", &[Some(3)]);
    assert_eq!(visible(&f.ws, &check(&f, &id)), Err((3, 4)));
    answer_all(&mut f, &id, "d", &[Some(3)]);
    assert_eq!(visible(&f.ws, &check(&f, &id)), Ok(4));
    f.run(close(&id, 3));
    // Closed: no answer is added, so no one's answers show in a change of the totals.
    let c = check(&f, &id);
    let e = f.refuse(Command::Check(K::Answer {
        id: id.clone(),
        response: Id::from("late"),
        answers: vec![(c.statements[0].id.clone(), Some(1))],
        today: day(4),
    }));
    assert!(e.to_string().contains("closed"), "{e}");
    // A file cannot lower the threshold either.
    let mut c = check(&f, &id);
    c.threshold = 1;
    assert_eq!(c.threshold(), 3);
}

#[test]
fn the_same_response_twice_counts_once_here_and_after_a_merge() {
    let mut f = Fixture::new(3);
    let id = open(&mut f, 1);
    let c = check(&f, &id);
    let answers: Vec<_> = c
        .statements
        .iter()
        .map(|s| (s.id.clone(), Some(4)))
        .collect();
    let invite = read_invite(&invite_json(&c, "Our team")).unwrap();
    let link = reply_json(&invite, &Id::from("resp-1"), &answers);
    let reply = read_reply(&link).unwrap();
    let cmd = Command::Check(K::Answer {
        id: reply.check.clone(),
        response: reply.response.clone(),
        answers: reply.answers(),
        today: day(2),
    });
    let before_other = f.ws.clone();
    f.run(cmd.clone());
    assert!(is_counted(&f.ws, &id, &Id::from("resp-1")));
    let e = f.refuse(cmd.clone());
    assert!(e.to_string().contains("already counted"), "{e}");
    assert_eq!(responses(&f.ws, &id), 1);
    // A second browser imports the same link: the records are the same, so they merge as one.
    let mut other = Fixture::on(before_other, 99);
    other.clock = 50;
    other.run(cmd);
    let merged = merge(&f.ws, &other.ws);
    assert_eq!(responses(&merged, &id), 1);
    assert_eq!(merged.answers.len(), c.statements.len());
    assert_eq!(merged.answers, f.ws.answers);
}

#[test]
fn nothing_stored_or_exported_names_a_person_or_tells_answers_apart() {
    let mut f = Fixture::new(4);
    let ana = f.add_member("Ana");
    let id = open(&mut f, 1);
    answer_all(&mut f, &id, "first-response-id", &[Some(1), Some(2)]);
    answer_all(&mut f, &id, "second-response-id", &[Some(5)]);
    f.clock += 500;
    answer_all(&mut f, &id, "third-response-id", &[Some(3), None]);
    let stored = to_storage_json(&f.ws, at(900));
    // Ana is on the roster, but no answer, response or check says anything of her.
    let v: serde_json::Value = serde_json::from_str(&stored).unwrap();
    for kind in ["checks", "answers", "responses"] {
        let part = v[kind].to_string();
        assert!(part.len() > 10, "{kind} is written");
        assert!(!part.contains(ana.as_str()), "{kind} names Ana");
    }
    // No response id, member id, nonce or time of day on any answer or response.
    for rid in [
        "first-response-id",
        "second-response-id",
        "third-response-id",
    ] {
        assert!(!stored.contains(rid), "{rid} is stored");
    }
    for a in &f.ws.answers {
        assert_eq!(a.meta.version_nonce, 0);
        assert_eq!(
            a.meta.updated_at,
            day(3).and_hms_opt(0, 0, 0).unwrap().and_utc()
        );
    }
    for r in &f.ws.responses {
        assert_eq!(r.meta.version_nonce, 0);
        assert_eq!(
            r.meta.updated_at,
            day(3).and_hms_opt(0, 0, 0).unwrap().and_utc()
        );
    }
    // No order: both collections are sorted by their (hashed) ids, so the order people
    // answered in cannot be read back, here or after a reload.
    let sorted = |ids: Vec<&Id>| ids.windows(2).all(|w| w[0] < w[1]);
    assert!(sorted(f.ws.answers.iter().map(|a| &a.meta.id).collect()));
    assert!(sorted(f.ws.responses.iter().map(|r| &r.meta.id).collect()));
    let back = restore(&stored).unwrap().workspace;
    assert_eq!(back.answers, f.ws.answers);
    // The first person's answers are not together: the answers of one response do not form
    // a run in the stored order.
    let c = check(&f, &id);
    let first: Vec<Id> = c
        .statements
        .iter()
        .map(|s| climb::domain::check::answer_id(&id, &Id::from("first-response-id"), &s.id))
        .collect();
    let positions: Vec<usize> =
        f.ws.answers
            .iter()
            .enumerate()
            .filter(|(_, a)| first.contains(&a.meta.id))
            .map(|(i, _)| i)
            .collect();
    assert_eq!(positions.len(), c.statements.len());
    assert!(
        positions.windows(2).any(|w| w[1] != w[0] + 1),
        "one response's answers sit together: {positions:?}"
    );
    // An answer record carries one score and nothing else about anyone.
    let one = serde_json::to_value(&f.ws.answers[0]).unwrap();
    let mut keys: Vec<&str> = one
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "checkId",
            "id",
            "score",
            "statementId",
            "updatedAt",
            "version",
            "versionNonce"
        ]
    );
}

#[test]
fn files_for_others_carry_answers_only_once_the_results_are_shown() {
    let mut f = Fixture::new(5);
    let team = f.team.clone().unwrap();
    let id = open(&mut f, 1);
    answer_all(&mut f, &id, "a", &[Some(2)]);
    answer_all(&mut f, &id, "b", &[Some(4)]);
    // Two answers: the file would give both people's answers away.
    let shared = team_subset(&f.ws, &team);
    assert_eq!(shared.checks.len(), 1);
    assert!(shared.answers.is_empty() && shared.responses.is_empty());
    answer_all(&mut f, &id, "c", &[Some(5)]);
    // Enough, but still open: later totals minus these would show the next person's.
    assert!(for_others(&f.ws).answers.is_empty());
    f.run(close(&id, 3));
    let shared = team_subset(&f.ws, &team);
    assert_eq!(shared.responses.len(), 3);
    assert_eq!(shared.answers.len(), f.ws.answers.len());
    // It reads back with the same results.
    let text = to_export_json(&shared, at(10));
    let back = restore(&text).unwrap().workspace;
    assert_eq!(
        results(&back, &check(&f, &id)),
        results(&f.ws, &check(&f, &id))
    );
}

#[test]
fn statements_can_be_reworded_added_and_removed_until_someone_answers() {
    let mut f = Fixture::new(6);
    let id = open(&mut f, 1);
    let c = check(&f, &id);
    assert_eq!(c.statements.len(), 9);
    assert_eq!(
        c.statements
            .iter()
            .filter(|s| s.condition == Condition::Clarity)
            .count(),
        3
    );
    f.run(Command::Check(K::AddStatement {
        id: id.clone(),
        text: "  We   say no to work we cannot do well.  ".into(),
        condition: Condition::Clarity,
        reversed: false,
    }));
    let first = c.statements[0].id.clone();
    f.run(Command::Check(K::EditStatement {
        id: id.clone(),
        statement: first.clone(),
        text: "Mistakes here are treated as information.".into(),
        condition: Condition::Safety,
        reversed: false,
    }));
    f.run(Command::Check(K::RemoveStatement {
        id: id.clone(),
        statement: c.statements[1].id.clone(),
    }));
    let c = check(&f, &id);
    assert_eq!(c.statements.len(), 9);
    assert_eq!(
        c.statements.last().unwrap().text,
        "We say no to work we cannot do well."
    );
    // The last statement stays: a check of nothing could not be answered.
    let mut g = Fixture::new(60);
    let lone = open(&mut g, 1);
    let all = check(&g, &lone).statements;
    for s in &all[1..] {
        g.run(Command::Check(K::RemoveStatement {
            id: lone.clone(),
            statement: s.id.clone(),
        }));
    }
    let e = g.refuse(Command::Check(K::RemoveStatement {
        id: lone.clone(),
        statement: all[0].id.clone(),
    }));
    assert!(e.to_string().contains("at least one statement"), "{e}");
    // Reworded: a new statement, not compared with the old wording's answers.
    assert_eq!(
        c.statements[0].text,
        "Mistakes here are treated as information."
    );
    assert_ne!(c.statements[0].id, first);
    answer_all(&mut f, &id, "a", &[Some(3)]);
    let e = f.refuse(Command::Check(K::RemoveStatement {
        id: id.clone(),
        statement: c.statements[0].id.clone(),
    }));
    assert!(e.to_string().contains("answered"), "{e}");
    // The next check starts from the team's own wording.
    answer_all(&mut f, &id, "b", &[Some(3)]);
    answer_all(&mut f, &id, "c", &[Some(3)]);
    f.run(close(&id, 3));
    let next = open(&mut f, 20);
    assert_eq!(check(&f, &next).statements, c.statements);
    assert_eq!(
        open_check(&f.ws, f.team.as_ref()).map(|c| c.meta.id.clone()),
        Some(next)
    );
}

#[test]
fn low_statements_and_drops_become_questions_and_the_trend_follows_the_team() {
    let mut f = Fixture::new(7);
    let id = open(&mut f, 1);
    let n = check(&f, &id).statements.len();
    // Everything 4, but "If I make a mistake…" (first) 2.
    let mut scores = vec![Some(4); n];
    scores[0] = Some(2);
    scores[2] = Some(2); // reversed: scores 4
    answer_and_close(&mut f, &id, &scores, 3);
    let r = results(&f.ws, &check(&f, &id)).unwrap();
    let d = discussion(&r);
    assert_eq!(d[0].statement.id.as_str(), "default.safety.mistakes");
    assert_eq!(
        d[0].question,
        "What would make it safer to admit a mistake here?"
    );
    assert_eq!(d[0].why, Why::Low);
    assert!(d.len() >= 3);

    // The second check: the clarity statement "I know what is expected…" drops from 4 to 2.
    let second = open(&mut f, 17);
    let mut scores = vec![Some(4); n];
    scores[2] = Some(2);
    scores[6] = Some(2);
    answer_and_close(&mut f, &second, &scores, 17);
    let r = results(&f.ws, &check(&f, &second)).unwrap();
    let d = discussion(&r);
    let drop = d
        .iter()
        .find(|x| x.statement.id.as_str() == "default.clarity.expected")
        .expect("the drop is offered");
    assert_eq!(drop.why, Why::Dropped(-2.0));
    assert_eq!(drop.question, "What do we need to know to own this?");
    let t = trend(&f.ws, f.team.as_ref());
    assert_eq!(t.len(), 2);
    let safety = |i: usize| {
        t[i].means
            .iter()
            .find(|m| m.0 == Condition::Safety)
            .unwrap()
            .1
    };
    assert!(safety(1).unwrap() > safety(0).unwrap());
    let line = latest_line(&f.ws, f.team.as_ref()).unwrap();
    assert_eq!(
        line,
        "Check of 2026-12-17: safety up, trust steady, clarity down"
    );

    // Another team's checks are not in this team's trend.
    let other = f.add_team("Owls");
    f.switch(&other);
    assert!(trend(&f.ws, Some(&other)).is_empty());
    assert!(latest_line(&f.ws, Some(&other)).is_none());
}

#[test]
fn a_statement_becomes_a_goal_or_an_amendment_linked_to_the_check() {
    let mut f = Fixture::new(8);
    let id = open(&mut f, 1);
    let c = check(&f, &id);
    let s = c.statements[0].clone();
    let change = f.run(Command::Check(K::MakeGoal {
        id: id.clone(),
        statement: s.id.clone(),
        today: day(3),
    }));
    let goal = f.ws.get::<Goal>(change.created().unwrap()).unwrap();
    assert_eq!(goal.from_check, Some(id.clone()));
    assert_eq!(goal.team_id, f.team);
    assert!(
        goal.outcome.contains("safer to admit a mistake"),
        "{}",
        goal.outcome
    );
    assert_eq!(goal.due, Some(day(17)));
    let e = f.refuse(Command::Check(K::MakeGoal {
        id: id.clone(),
        statement: s.id.clone(),
        today: day(3),
    }));
    assert!(e.to_string().contains("already"), "{e}");
    let terms = climb::domain::covenant::Terms::default();
    let draft = climb::domain::check_results::amendment(&terms, &c, &s, Id::from("clause-1"));
    assert_eq!(draft.terms.behaviours.len(), 1);
    assert!(
        draft.reason.contains("check of 2026-12-01"),
        "{}",
        draft.reason
    );
    assert!(draft.reason.contains(&s.text));
}

#[test]
fn deleting_a_check_can_be_undone_and_its_answers_stay() {
    let mut f = Fixture::new(9);
    let id = open(&mut f, 1);
    answer_all(&mut f, &id, "a", &[Some(3)]);
    let answers = f.ws.answers.len();
    f.run(Command::Check(K::Delete { id: id.clone() }));
    assert!(f.ws.get::<Check>(&id).is_none());
    assert_eq!(f.ws.answers.len(), answers);
    f.run(Command::Undelete {
        kind: climb::domain::merge::DeletedKind::Check,
        id: id.clone(),
    });
    assert_eq!(responses(&f.ws, &id), 1);
    assert_eq!(f.ws.live::<Response>().count(), 1);
    assert_eq!(f.ws.live::<Answer>().count(), answers);
    // Deleted again, and another check opened: bringing it back would make two open checks.
    f.run(Command::Check(K::Delete { id: id.clone() }));
    open(&mut f, 2);
    let e = f.refuse(Command::Undelete {
        kind: climb::domain::merge::DeletedKind::Check,
        id: id.clone(),
    });
    assert!(e.to_string().contains("Another check is open"), "{e}");
}

#[test]
fn links_that_are_not_checks_are_refused_with_a_reason() {
    for bad in [
        "",
        "{",
        "null",
        "{\"type\":\"climb-check-invite\"}",
        "{\"type\":\"climb-workspace\",\"check\":\"x\",\"statements\":[]}",
        "{\"type\":\"climb-check-invite\",\"check\":\"x\",\"statements\":[{\"id\":\"s\",\"text\":\"t\",\"condition\":\"joy\"}]}",
    ] {
        assert!(read_invite(bad).is_err(), "{bad}");
        assert!(read_reply(bad).is_err(), "{bad}");
    }
    let long = "é".repeat(5000);
    let c = Check {
        statements: vec![climb::domain::check::Statement {
            text: long,
            ..default_statements()[0].clone()
        }],
        ..sample_check()
    };
    let inv = read_invite(&invite_json(&c, "T")).unwrap();
    assert_eq!(inv.statements[0].text.chars().count(), 300);
    // Scores outside the scale and unknown statements count as skips.
    let mut f = Fixture::new(10);
    let id = open(&mut f, 1);
    let s0 = check(&f, &id).statements[0].id.clone();
    // A 9 for the first statement, a 3 for one that does not exist, then `last` for the first.
    let answer = |response: &str, last: u8| {
        Command::Check(K::Answer {
            id: id.clone(),
            response: Id::from(response),
            answers: vec![
                (s0.clone(), Some(9)),
                (Id::from("nope"), Some(3)),
                (s0.clone(), Some(last)),
            ],
            today: day(2),
        })
    };
    f.refuse(answer("x", 0));
    assert_eq!(responses(&f.ws, &id), 0);
    // With one real score among them, only that one is written.
    f.run(answer("y", 2));
    assert_eq!(responses(&f.ws, &id), 1);
    assert_eq!(f.ws.answers.len(), 1);
}

fn sample_check() -> Check {
    let mut f = Fixture::new(11);
    let id = open(&mut f, 1);
    check(&f, &id)
}

#[test]
fn two_checks_of_one_day_compare_in_the_order_they_were_made() {
    let mut f = Fixture::new(12);
    let mut ids = Vec::new();
    for score in [2, 4] {
        let id = open(&mut f, 5);
        answer_and_close(&mut f, &id, &[Some(score)], 5);
        ids.push(id);
    }
    let t = trend(&f.ws, f.team.as_ref());
    assert_eq!(t.iter().map(|p| p.check.clone()).collect::<Vec<_>>(), ids);
    let r = results(&f.ws, &check(&f, &ids[1])).unwrap();
    let trust = condition(&r, Condition::Trust);
    assert_eq!(trust.change, Some(2.0));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// Any text, or a valid invite or response cut or changed anywhere, reads as a link or a
    /// reason: never a panic.
    #[test]
    fn no_link_text_panics(junk in ".{0,200}", cut in 0usize..2000, byte in 0u8..128) {
        let _ = read_invite(&junk);
        let _ = read_reply(&junk);
        let c = sample_check();
        let inv = invite_json(&c, "Team");
        let reply = reply_json(
            &read_invite(&inv).unwrap(),
            &Id::from("r"),
            &c.statements.iter().map(|s| (s.id.clone(), Some(3))).collect(),
        );
        for text in [inv, reply] {
            let chars: Vec<char> = text.chars().collect();
            let at = cut % (chars.len() + 1);
            let cut_text: String = chars[..at].iter().collect();
            let mut changed = chars.clone();
            if let Some(ch) = changed.get_mut(at.min(chars.len().saturating_sub(1))) {
                *ch = char::from(byte);
            }
            let changed: String = changed.into_iter().collect();
            for t in [cut_text, changed] {
                let _ = read_invite(&t);
                if let Ok(r) = read_reply(&t) {
                    // Whatever a response link says, answering with it is a change or a reason.
                    let mut f = Fixture::new(70);
                    let id = open(&mut f, 1);
                    let _ = f.ws.apply(
                        &Command::Check(K::Answer { id, answers: r.answers(), response: r.response, today: day(2) }),
                        at_time(),
                        &mut climb::domain::Rng::new(1),
                    );
                }
            }
        }
    }
}

fn at_time() -> chrono::DateTime<chrono::Utc> {
    at(5)
}

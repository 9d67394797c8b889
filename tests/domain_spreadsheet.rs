//! Native tests of the micro-goals spreadsheet (CSV): quoting of commas, quotes and line
//! breaks, formula guarding, CRLF rows, every goal once, read back with an independent parser.

mod common;

use chrono::NaiveDate;
use climb::domain::spreadsheet::{cell, goals_csv, COLUMNS};
use climb::domain::{Command, GoalCommand as G};
use common::{Fixture, NewGoal};

/// A small RFC 4180 reader written for this test (not the writer's code): rows of cells.
fn parse(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cur) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cur.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cur.push(c),
            (false, '"') if cur.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cur)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "a bare CR ends no row");
                row.push(std::mem::take(&mut cur));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\n') => panic!("rows end in CRLF, not a bare LF"),
            (false, c) => cur.push(c),
        }
    }
    assert!(
        row.is_empty() && cur.is_empty(),
        "the last row ends in CRLF"
    );
    rows
}

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

#[test]
fn cells_are_quoted_only_when_they_must_be() {
    assert_eq!(cell("plain text"), "plain text");
    assert_eq!(cell("a, b"), "\"a, b\"");
    assert_eq!(cell("say \"done\""), "\"say \"\"done\"\"\"");
    assert_eq!(cell("two\nlines"), "\"two\nlines\"");
    assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(cell("+1"), "'+1");
}

#[test]
fn every_goal_is_one_row_with_its_fields_read_back_as_written() {
    let mut f = Fixture::new(7);
    let ana = f.add_member("Ana");
    let ben = f.add_member("Ben");
    let tricky = "Fix the \"flaky\" tests, all of them\nand say so; then rest";
    let a = f.add_goal(NewGoal {
        owner: Some(ana.clone()),
        partner: Some(ben.clone()),
        due: Some(d(11, 28)),
        follow_up: Some(d(11, 25)),
        verification: "=1+1 shows in CI".into(),
        ..NewGoal::new(tricky, d(11, 21))
    });
    f.add_goal(NewGoal {
        owner: Some(ben),
        ..NewGoal::new("Pair on the release notes", d(11, 21))
    });
    f.run(Command::Goal(G::Drop {
        id: a,
        reason: "Superseded, by the new pipeline".into(),
        today: d(11, 23),
    }));
    let csv = goals_csv(&f.ws);
    let text = csv
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark first");
    let rows = parse(text);
    assert_eq!(rows.len(), 3, "a header and one row a goal");
    assert_eq!(rows[0], COLUMNS.map(str::to_owned).to_vec());
    assert!(rows.iter().all(|r| r.len() == COLUMNS.len()));
    let col = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap();
    let first = rows.iter().find(|r| r[col("Outcome")] == tricky).unwrap();
    assert_eq!(first[col("Owner")], "Ana");
    assert_eq!(first[col("Partner")], "Ben");
    assert_eq!(first[col("Due")], "2026-11-28");
    assert_eq!(first[col("Follow-up")], "2026-11-25");
    assert_eq!(first[col("Created")], "2026-11-21");
    assert_eq!(first[col("Closed")], "2026-11-23");
    assert_eq!(
        first[col("How we will know it is done")],
        "'=1+1 shows in CI"
    );
    assert_eq!(
        first[col("Reason dropped")],
        "Superseded, by the new pipeline"
    );
    assert_eq!(first[col("Source")], "Set directly");
    let second = rows
        .iter()
        .find(|r| r[col("Outcome")] == "Pair on the release notes")
        .unwrap();
    assert_eq!(second[col("Partner")], "");
    assert_eq!(second[col("Due")], "");
}

//! Native tests of the hand-written ISO 8601 reading and writing.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use climb::domain::iso::{format_date, format_instant, parse_date, parse_instant};

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

#[test]
fn instants_round_trip_with_the_shortest_fraction() {
    for (t, text) in [
        (utc("2026-11-21T09:30:00Z"), "2026-11-21T09:30:00Z"),
        (utc("2026-11-21T09:30:00.120Z"), "2026-11-21T09:30:00.120Z"),
        (
            utc("1999-12-31T23:59:59.000000001Z"),
            "1999-12-31T23:59:59.000000001Z",
        ),
        (DateTime::<Utc>::UNIX_EPOCH, "1970-01-01T00:00:00Z"),
    ] {
        assert_eq!(format_instant(&t), text);
        assert_eq!(parse_instant(text), Some(t));
    }
}

#[test]
fn instants_with_offsets_and_other_spellings_are_read() {
    let want = Utc.with_ymd_and_hms(2026, 11, 21, 9, 30, 0).unwrap();
    for text in [
        "2026-11-21T10:30:00+01:00",
        "2026-11-21T04:30:00-05:00",
        "2026-11-21 09:30:00Z",
        "2026-11-21t09:30:00z",
        " 2026-11-21T09:30:00.0Z ",
    ] {
        assert_eq!(parse_instant(text), Some(want), "{text}");
    }
}

#[test]
fn malformed_instants_are_refused() {
    for text in [
        "",
        "2026-11-21",
        "2026-11-21T09:30Z",
        "2026-11-21T09:30:00",
        "2026-11-21T25:00:00Z",
        "2026-02-30T09:00:00Z",
        "2026-11-21T09:30:00+0100",
        "2026-11-21T09:30:00+01:00x",
        "2026-11-21T09:3a:00Z",
        "２０２６-11-21T09:30:00Z",
    ] {
        assert_eq!(parse_instant(text), None, "{text}");
    }
}

#[test]
fn dates_round_trip_and_bad_ones_are_refused() {
    let d = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    assert_eq!(format_date(&d), "2026-01-05");
    assert_eq!(parse_date("2026-01-05"), Some(d));
    for bad in [
        "2026-1-5",
        "2026-13-01",
        "2026-02-29",
        "26-01-05",
        "2026-01-05x",
        "abcd-01-05",
    ] {
        assert_eq!(parse_date(bad), None, "{bad}");
    }
    assert!(parse_date("2024-02-29").is_some(), "leap day");
}

#[test]
fn an_unreadable_timestamp_in_a_record_defaults_instead_of_dropping_it() {
    let text = r#"{"type":"climb.workspace","schemaVersion":2,
        "members":[{"id":"m1","name":"Ana","updatedAt":"yesterday"}],
        "boards":[{"id":"b1","title":"Retro","date":"soon"}]}"#;
    let r = climb::domain::exchange::restore(text).unwrap();
    assert!(r.warnings.is_empty());
    assert_eq!(
        r.workspace.members[0].meta.updated_at,
        DateTime::<Utc>::UNIX_EPOCH
    );
    assert_eq!(r.workspace.boards[0].date, None);
}

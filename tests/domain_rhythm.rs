//! Native tests of the team's rhythm as a stored record: set, undone, merged, kept by files.

mod common;

use chrono::NaiveDate;
use climb::domain::exchange::{merge, restore, to_export_json, to_storage_json};
use climb::domain::rhythm::{Rhythm, RhythmSettings};
use climb::domain::Command;
use common::{at, Fixture};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

#[test]
fn the_rhythm_is_set_once_changed_in_place_undone_and_travels_in_the_backup() {
    let mut f = Fixture::new(5);
    assert_eq!(Rhythm::of(&f.ws), RhythmSettings::default());
    f.run(Command::SetRhythm(RhythmSettings {
        retro_weeks: 2,
        // Any day of a week stands for its Monday, once.
        breaks: vec![d(12, 24), d(12, 21), d(12, 23)],
        ..RhythmSettings::default()
    }));
    let set = Rhythm::of(&f.ws);
    assert_eq!((set.retro_weeks, set.breaks.clone()), (2, vec![d(12, 21)]));
    f.run(Command::SetRhythm(RhythmSettings {
        review_months: 6,
        ..set.clone()
    }));
    assert_eq!(
        f.ws.rhythms.len(),
        1,
        "changed in place, not a second record"
    );
    assert_eq!(Rhythm::of(&f.ws).review_months, 6);
    assert_eq!(f.undo().as_deref(), Some("change the rhythm"));
    assert_eq!(Rhythm::of(&f.ws), set);

    let back = restore(&to_export_json(&f.ws, at(0))).unwrap();
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    assert_eq!(Rhythm::of(&back.workspace), set);
}

#[test]
fn two_browsers_rhythms_merge_to_the_latest_written_either_way() {
    let mut a = Fixture::new(6);
    let mut b = Fixture::new(7);
    a.run(Command::SetRhythm(RhythmSettings {
        retro_weeks: 2,
        ..RhythmSettings::default()
    }));
    b.clock = 10;
    b.run(Command::SetRhythm(RhythmSettings {
        retro_weeks: 3,
        ..RhythmSettings::default()
    }));
    let ab = merge(&a.ws, &b.ws);
    let ba = merge(&b.ws, &a.ws);
    assert_eq!(Rhythm::of(&ab).retro_weeks, 3);
    assert_eq!(Rhythm::of(&ba), Rhythm::of(&ab));
}

#[test]
fn a_file_without_a_rhythm_reads_with_the_suggested_one_and_an_unreadable_rhythm_is_kept() {
    let text = r#"{"type":"climb.workspace","schemaVersion":2,"members":[],
        "rhythms":[{"id":"r1","version":1,"retroWeeks":"often"}]}"#;
    let back = restore(text).unwrap();
    assert_eq!(Rhythm::of(&back.workspace), RhythmSettings::default());
    assert_eq!(back.workspace.kept.len(), 1, "kept, not dropped");
    assert!(to_storage_json(&back.workspace, at(0)).contains(r#""retroWeeks":"often""#));
}

//! Backups kept in this browser: their keys say when and why each was made, so that the Data
//! page names them by date and reason, never by storage key.

use chrono::{DateTime, Datelike, Timelike, Utc};

/// Why a backup was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// Saved data that could not be read at all.
    Unreadable,
    /// Saved data read only in part, as it was before the first save.
    AsSaved,
    /// The workspace before an import replaced it.
    BeforeReplace,
    /// The workspace before a merge that removed records.
    BeforeMerge,
    /// The workspace before a backup was restored over it.
    BeforeRestore,
}

impl Why {
    const ALL: [Why; 4] = [
        Why::Unreadable,
        Why::AsSaved,
        Why::BeforeReplace,
        Why::BeforeMerge,
    ];

    fn tag(self) -> &'static str {
        match self {
            Why::Unreadable => "unreadable",
            Why::AsSaved => "as-saved",
            Why::BeforeReplace => "before-replace",
            Why::BeforeMerge => "before-merge",
            Why::BeforeRestore => "before-restore",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Why::Unreadable => "saved data this version of Climb could not read",
            Why::AsSaved => "saved data as it was, before Climb repaired it",
            Why::BeforeReplace => "the workspace before an import replaced it",
            Why::BeforeMerge => "the workspace before a merge removed records",
            Why::BeforeRestore => "the workspace before a backup was restored",
        }
    }
}

/// `climb.backup.2026-12-02T10-14-03.120Z~before-merge`.
pub fn key(prefix: &str, now: DateTime<Utc>, why: Why) -> String {
    let stamp = super::iso::format_instant(&now).replace(':', "-");
    format!("{prefix}{stamp}~{}", why.tag())
}

/// What a backup's key says, for people: "2 Dec 2026, 10:14 UTC: the workspace before a
/// merge removed records". Keys of earlier builds carry no reason.
pub fn label(prefix: &str, key: &str) -> String {
    let rest = key.strip_prefix(prefix).unwrap_or(key);
    let (stamp, tag) = rest.split_once('~').unwrap_or((rest, ""));
    let why = Why::ALL
        .iter()
        .find(|w| w.tag() == tag)
        .map_or("a backup", |w| w.label());
    // The stamp is an instant with ':' written as '-' in its time.
    let when = stamp
        .split_once('T')
        .map(|(d, t)| format!("{d}T{}", t.replace('-', ":")))
        .and_then(|s| super::iso::parse_instant(&s))
        .map(|t| when(&t))
        .unwrap_or_else(|| stamp.to_owned());
    format!("{when}: {why}")
}

/// An instant for people, as Climb writes it everywhere: "2 Dec 2026, 10:14 UTC".
pub fn when(t: &DateTime<Utc>) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.get(t.month0() as usize).copied().unwrap_or("");
    format!(
        "{} {month} {}, {:02}:{:02} UTC",
        t.day(),
        t.year(),
        t.hour(),
        t.minute()
    )
}

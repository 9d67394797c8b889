//! Calendar files (iCalendar, RFC 5545) for goals' due dates and follow-ups and the
//! covenant's next review: all-day events with a reminder, whose UIDs stay the same across
//! downloads and whose SEQUENCE grows with each renegotiation or review, so that importing
//! the file again updates the events instead of adding copies.

use super::covenant::Covenant;
use super::goals::Goal;
use super::meta::Entity;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Timelike, Utc};

/// One all-day event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Stable across downloads: `<kind>-<id>@climb`.
    pub uid: String,
    /// Grows whenever the event's terms change.
    pub sequence: u32,
    pub on: NaiveDate,
    pub summary: String,
    pub description: String,
    /// The reminder, this many days before (0: on the morning of the day).
    pub remind_days_before: u32,
}

/// Escapes a TEXT value: backslash, semicolon, comma and newlines (RFC 5545, 3.3.11).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (RFC 5545, 3.1): the continuation lines start with a
/// space, and a character's UTF-8 bytes are never split.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            // The leading space counts toward the next line's 75 octets.
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out
}

// By hand rather than with chrono's `format`, whose pattern parser costs the WebAssembly
// build several KB.
fn date(d: &NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// The calendar file for `events`, stamped `now`, with CRLF line ends.
pub fn ics(events: &[Event], now: DateTime<Utc>) -> String {
    let stamp = format!(
        "{}T{:02}{:02}{:02}Z",
        date(&now.date_naive()),
        now.hour(),
        now.minute(),
        now.second()
    );
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//Climb//Accountability ladder//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    for e in events {
        lines.extend([
            "BEGIN:VEVENT".into(),
            format!("UID:{}", e.uid),
            format!("SEQUENCE:{}", e.sequence),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", date(&e.on)),
            format!("DTEND;VALUE=DATE:{}", date(&(e.on + Duration::days(1)))),
            format!("SUMMARY:{}", escape_text(&e.summary)),
            format!("DESCRIPTION:{}", escape_text(&e.description)),
            "TRANSP:TRANSPARENT".into(),
            "BEGIN:VALARM".into(),
            "ACTION:DISPLAY".into(),
            format!("DESCRIPTION:{}", escape_text(&e.summary)),
            // All-day events start at midnight: the reminder comes at 9:00 on the day, or
            // at 9:00 the given number of days before.
            match e.remind_days_before {
                0 => "TRIGGER:PT9H".into(),
                1 => "TRIGGER:-PT15H".into(),
                n => format!("TRIGGER:-P{}DT15H", n - 1),
            },
            "END:VALARM".into(),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    let mut out = lines
        .iter()
        .map(|l| fold(l))
        .collect::<Vec<_>>()
        .join("\r\n");
    out.push_str("\r\n");
    out
}

/// A goal's events: its due date and its next follow-up, if set and the goal is open.
/// `name` names the owner and partner.
pub fn goal_events(goal: &Goal, name: &dyn Fn(&Option<super::Id>) -> String) -> Vec<Event> {
    if !goal.state.is_active() {
        return Vec::new();
    }
    let id = goal.id();
    // Each renegotiation changes the terms: the events' sequence follows.
    let sequence = goal.history.len() as u32;
    let who = [
        Some(format!("Owner: {}", name(&goal.owner))).filter(|_| goal.owner.is_some()),
        Some(format!("Partner: {}", name(&goal.partner))).filter(|_| goal.partner.is_some()),
        Some(format!("Done when: {}", goal.verification)).filter(|_| !goal.verification.is_empty()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("\n");
    let mut out = Vec::new();
    if let Some(on) = goal.due {
        out.push(Event {
            uid: format!("goal-due-{id}@climb"),
            sequence,
            on,
            summary: format!("Due: {}", goal.outcome),
            description: who.clone(),
            remind_days_before: 1,
        });
    }
    if let Some(on) = goal.follow_up {
        out.push(Event {
            uid: format!("goal-follow-up-{id}@climb"),
            sequence: sequence + goal.check_ins.len() as u32,
            on,
            summary: format!("Check in: {}", goal.outcome),
            description: format!("How is it going, and how can we help?\n{who}"),
            remind_days_before: 0,
        });
    }
    out
}

/// The team's next retro, by its rhythm: the event after the last retro keeps its UID until a
/// new retro is held, and its SEQUENCE follows the rhythm's changes. The first retro, before
/// any board, is planned for `today`.
pub fn retro_event(ws: &super::Workspace, today: NaiveDate) -> Event {
    use super::rhythm::Rhythm;
    let rhythm = Rhythm::of(ws);
    let last = ws
        .live::<super::ladder::Board>()
        .filter(|b| b.date.is_some())
        .max_by_key(|b| (b.date, b.id().clone()));
    let sequence = ws
        .live::<Rhythm>()
        .map(|r| r.meta.version)
        .max()
        .unwrap_or(0);
    let (uid, on) = match last {
        Some(b) => (
            format!("retro-after-{}@climb", b.id()),
            b.date.map(|d| rhythm.retro_after(d)).unwrap_or(today),
        ),
        None => ("retro-first@climb".to_owned(), today),
    };
    let every = match rhythm.retro_every() {
        1 => "every week".to_owned(),
        n => format!("every {n} weeks"),
    };
    Event {
        uid,
        sequence,
        on,
        summary: "Team retro (Accountability Ladder)".into(),
        description: format!(
            "We meet {every}: map recent challenges onto the ladder and climb them together."
        ),
        remind_days_before: 1,
    }
}

/// The covenant's next review.
pub fn review_event(c: &Covenant) -> Option<Event> {
    let on = c.terms.review_on?;
    Some(Event {
        uid: format!("covenant-review-{}@climb", c.id()),
        sequence: (c.versions.len() + c.reviews.len()) as u32,
        on,
        summary: format!("Covenant review: {}", c.terms.title),
        description: "What did we learn? Reaffirm the covenant, or amend it.".into(),
        remind_days_before: 7,
    })
}

//! "What needs us now": the home page's short list of what the team's rhythm, commitments and
//! covenant ask of it this week. Worded to the team, as questions, never about a person.

use super::covenant::Covenant;
use super::goals::{Goal, GoalState, Nudges};
use super::iso::format_date;
use super::ladder::Board;
use super::merge::excerpt;
use super::rhythm::{Rhythm, RhythmSettings};
use super::Workspace;
use chrono::NaiveDate;

/// What an item is about, and so which page it leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topic {
    Practice,
    Retro,
    CheckIn,
    FollowUp,
    Overdue,
    Covenant,
}

impl Topic {
    /// The page where the team acts on it.
    pub fn href(self) -> &'static str {
        match self {
            Topic::Practice => "/team",
            Topic::Retro => "/boards",
            Topic::CheckIn | Topic::FollowUp | Topic::Overdue => "/goals",
            Topic::Covenant => "/covenant",
        }
    }
}

/// One thing that needs the team.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Need {
    pub topic: Topic,
    pub text: String,
}

/// The most recent retro: the latest dated board.
pub fn last_retro(ws: &Workspace) -> Option<NaiveDate> {
    ws.live::<Board>().filter_map(|b| b.date).max()
}

/// When the next retro is due, following the rhythm from the last one (none before the first).
pub fn next_retro(ws: &Workspace, rhythm: &RhythmSettings) -> Option<NaiveDate> {
    last_retro(ws).map(|d| rhythm.retro_after(d))
}

fn quote(goal: &Goal) -> String {
    format!("“{}”", excerpt(&goal.outcome, 60))
}

/// Everything that needs the team on `today`, most pressing kind first: where the practice
/// period stands, the retro, check-ins, no-blame follow-ups, overdue goals, the covenant.
pub fn needs_now(ws: &Workspace, today: NaiveDate) -> Vec<Need> {
    let rhythm = Rhythm::of(ws);
    let mut out = Vec::new();
    let mut add = |topic, text: String| out.push(Need { topic, text });
    if rhythm.is_break(today) {
        add(
            Topic::Practice,
            "This week is a break: it does not count against our streak.".into(),
        );
    }
    if let Some((week, of)) = rhythm.practice_week(today) {
        let text = match week {
            0 => format!(
                "Our {of}-week practice period starts on {}.",
                rhythm
                    .practice_start
                    .as_ref()
                    .map(format_date)
                    .unwrap_or_default()
            ),
            w if w <= i64::from(of) => format!("Week {w} of {of} of our practice period."),
            _ => format!(
                "Our {of}-week practice period is over: what have we learned, and what comes next?"
            ),
        };
        add(Topic::Practice, text);
    }
    let every = match rhythm.retro_every() {
        1 => "every week".to_owned(),
        n => format!("every {n} weeks"),
    };
    match next_retro(ws, &rhythm) {
        None => add(
            Topic::Retro,
            format!("No retro yet: start our first ladder retro (we meet {every})."),
        ),
        Some(d) if d < today => add(
            Topic::Retro,
            format!(
                "Our retro was due on {} (we meet {every}): shall we hold it now?",
                format_date(&d)
            ),
        ),
        Some(d) if d == today => add(Topic::Retro, format!("Retro today (we meet {every}).")),
        Some(d) => add(
            Topic::Retro,
            format!("Next retro on {} (we meet {every}).", format_date(&d)),
        ),
    }
    let nudges = Nudges::default();
    let goals: Vec<&Goal> = ws.live::<Goal>().collect();
    for g in &goals {
        if g.is_stale(today, &nudges) {
            add(
                Topic::CheckIn,
                format!("Check-in due on {}: how is it going?", quote(g)),
            );
        }
    }
    for g in &goals {
        let review = g.review.as_ref().filter(|_| g.state == GoalState::Missed);
        if let Some(on) = review.and_then(|r| r.review_on).filter(|d| *d <= today) {
            add(
                Topic::FollowUp,
                format!(
                    "Follow up the no-blame review of {} (set for {}): did the corrective action work?",
                    quote(g),
                    format_date(&on)
                ),
            );
        }
    }
    for g in &goals {
        if let (true, Some(due)) = (g.is_overdue(today), g.due) {
            add(
                Topic::Overdue,
                format!(
                    "{} was due on {}: what do we need to finish it, or shall we renegotiate?",
                    quote(g),
                    format_date(&due)
                ),
            );
        }
    }
    for c in ws.live::<Covenant>() {
        if let Some(text) = c.review_reminder(today, 14) {
            add(Topic::Covenant, text);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::goals::{GoalState, Review};
    use crate::domain::meta::{Id, Meta};
    use crate::domain::rhythm::Rhythm;

    fn day(s: &str) -> NaiveDate {
        super::super::iso::parse_date(s).unwrap()
    }

    fn meta(id: &str) -> Meta {
        Meta {
            id: Id::from(id),
            ..Meta::default()
        }
    }

    fn goal(id: &str, outcome: &str) -> Goal {
        serde_json::from_str::<Goal>(&format!(r#"{{"outcome":"{outcome}"}}"#))
            .map(|g| Goal {
                meta: meta(id),
                ..g
            })
            .unwrap()
    }

    fn board(id: &str, date: &str) -> Board {
        serde_json::from_str::<Board>(&format!(r#"{{"title":"Retro","date":"{date}"}}"#))
            .map(|b| Board {
                meta: meta(id),
                ..b
            })
            .unwrap()
    }

    fn texts(ws: &Workspace, today: &str) -> Vec<(Topic, String)> {
        needs_now(ws, day(today))
            .into_iter()
            .map(|n| (n.topic, n.text))
            .collect()
    }

    #[test]
    fn a_new_workspace_asks_for_the_first_retro_only() {
        let ws = Workspace::default();
        assert_eq!(
            texts(&ws, "2026-12-02"),
            vec![(
                Topic::Retro,
                "No retro yet: start our first ladder retro (we meet every week).".into()
            )]
        );
    }

    #[test]
    fn at_week_five_the_home_page_lists_what_needs_the_team() {
        let mut ws = Workspace::default();
        ws.rhythms.push(Rhythm {
            meta: meta("r"),
            team_id: None,
            settings: RhythmSettings {
                retro_weeks: 2,
                practice_start: Some(day("2026-11-02")),
                breaks: vec![day("2026-12-07")],
                ..RhythmSettings::default()
            },
        });
        ws.boards.push(board("b1", "2026-11-02"));
        ws.boards.push(board("b2", "2026-11-23"));
        let mut quiet = goal("g1", "Ship the notes");
        quiet.created_on = Some(day("2026-11-16"));
        quiet.due = Some(day("2026-12-10"));
        let mut late = goal("g2", "Fix the build");
        late.created_on = Some(day("2026-11-30"));
        late.due = Some(day("2026-12-01"));
        let mut missed = goal("g3", "Write the guide");
        missed.state = GoalState::Missed;
        missed.review = Some(Review {
            root_cause: "Too big".into(),
            corrective_action: String::new(),
            review_on: Some(day("2026-12-02")),
            follow_up_goal: None,
        });
        ws.goals.extend([quiet, late, missed]);
        let got = texts(&ws, "2026-12-02");
        let topics: Vec<Topic> = got.iter().map(|t| t.0).collect();
        assert_eq!(
            topics,
            vec![
                Topic::Practice,
                Topic::Retro,
                Topic::CheckIn,
                Topic::FollowUp,
                Topic::Overdue
            ]
        );
        assert_eq!(got[0].1, "Week 5 of 12 of our practice period.");
        // Two weeks after 23 November falls in the break week: the retro moves a week on.
        assert_eq!(
            got[1].1,
            "Next retro on 2026-12-14 (we meet every 2 weeks)."
        );
        assert!(got[2].1.contains("“Ship the notes”"), "{}", got[2].1);
        assert!(got[3].1.contains("set for 2026-12-02"), "{}", got[3].1);
        assert_eq!(
            got[4].1,
            "“Fix the build” was due on 2026-12-01: what do we need to finish it, or shall we renegotiate?"
        );
        // In the break week itself, the page says so first.
        let in_break = texts(&ws, "2026-12-09");
        assert_eq!(in_break[0].0, Topic::Practice);
        assert!(in_break[0].1.starts_with("This week is a break"));
        // Past the retro date, the retro is a question, not a reproach.
        let late_retro = texts(&ws, "2026-12-16");
        assert!(late_retro.iter().any(|t| t.1
            == "Our retro was due on 2026-12-14 (we meet every 2 weeks): shall we hold it now?"));
    }

    #[test]
    fn the_practice_period_is_announced_before_and_closed_after() {
        let mut ws = Workspace::default();
        ws.rhythms.push(Rhythm {
            meta: meta("r"),
            team_id: None,
            settings: RhythmSettings {
                practice_start: Some(day("2026-12-14")),
                practice_weeks: 8,
                ..RhythmSettings::default()
            },
        });
        assert_eq!(
            texts(&ws, "2026-12-02")[0].1,
            "Our 8-week practice period starts on 2026-12-14."
        );
        assert!(texts(&ws, "2027-02-10")[0].1.contains("is over"));
    }
}

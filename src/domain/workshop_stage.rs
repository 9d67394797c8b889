//! Set the stage: the check-in question of the round, the small wins since the last retro,
//! and the recap of the review of last time's commitments.

use super::goals::{Goal, GoalState};
use super::ladder::{Board, Card};
use super::workshop::previous_board;
use super::Workspace;
use chrono::NaiveDate;

/// Check-in questions aimed at safety, one per round; the facilitator can edit the list.
pub const CHECK_INS: [&str; 8] = [
    "What is one thing you learned from a mistake this week?",
    "What is something that went better than you expected?",
    "Who helped you recently, and how?",
    "What is one thing you would like the team to know about your week?",
    "When did you last feel safe to say “I don't know”?",
    "What is a small risk you took lately, and what happened?",
    "What would make this retro worth your time?",
    "What is one thing you are curious about right now?",
];

/// The questions from an edited list: one per line, blank lines left out; the defaults
/// when nothing is left.
pub fn questions(text: Option<&str>) -> Vec<String> {
    let list: Vec<String> = text
        .unwrap_or_default()
        .lines()
        .map(|l| super::typed::trimmed(l, 300))
        .filter(|l| !l.is_empty())
        .take(100)
        .collect();
    if list.is_empty() {
        CHECK_INS.iter().map(|q| (*q).to_owned()).collect()
    } else {
        list
    }
}

/// The round of `board` in its team's history: how many of the team's boards are dated
/// before it. Each round gets the next question, so the check-in rotates by itself.
pub fn round(ws: &Workspace, board: &Board) -> usize {
    let Some(date) = board.date else {
        return 0;
    };
    ws.live::<Board>()
        .filter(|b| super::workshop::same_team(b, board))
        .filter(|b| b.date.is_some_and(|d| d < date))
        .count()
}

/// The check-in question for a round, `skip` questions further on ("Another question").
pub fn check_in(questions: &[String], round: usize, skip: usize) -> Option<&str> {
    if questions.is_empty() {
        return None;
    }
    questions
        .get(round.wrapping_add(skip) % questions.len())
        .map(String::as_str)
}

/// The day from which this retro's wins and review count: the previous board's date (wins
/// since then), and this board's own date or today (reviews made in this retro).
fn since(ws: &Workspace, board: &Board) -> Option<NaiveDate> {
    previous_board(ws, board).and_then(|p| p.date)
}

/// The small wins since the team's last retro: goals done after its date, up to today,
/// newest first. Nothing when there was no earlier retro in Climb.
pub fn small_wins<'a>(ws: &'a Workspace, board: &Board, today: NaiveDate) -> Vec<&'a Goal> {
    let Some(from) = since(ws, board) else {
        return Vec::new();
    };
    let mut wins: Vec<&Goal> = ws
        .live::<Goal>()
        .filter(|g| g.state == GoalState::Done)
        .filter(|g| g.closed_on.is_some_and(|d| d > from && d <= today))
        .collect();
    wins.sort_by_key(|g| std::cmp::Reverse(g.closed_on));
    wins
}

/// The goals made from the previous board's cards, as the review sees them.
pub fn previous_goals<'a>(ws: &'a Workspace, board: &Board) -> Vec<&'a Goal> {
    let Some(prev) = previous_board(ws, board) else {
        return Vec::new();
    };
    let cards: Vec<&super::Id> = ws
        .live::<Card>()
        .filter(|c| c.board_id == prev.meta.id)
        .map(|c| &c.meta.id)
        .collect();
    ws.live::<Goal>()
        .filter(|g| g.card.as_ref().is_some_and(|c| cards.contains(&c)))
        .collect()
}

/// What the review of last time's commitments decided in this retro.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Recap {
    pub done: usize,
    pub renegotiated: usize,
    pub dropped: usize,
    pub missed: usize,
    /// Still open, not reviewed yet.
    pub open: usize,
}

impl Recap {
    /// "2 done, 1 renegotiated, 1 reviewed as missed"; `None` before any decision.
    pub fn text(&self) -> Option<String> {
        let mut parts = Vec::new();
        if self.done > 0 {
            parts.push(format!("{} done", self.done));
        }
        if self.renegotiated > 0 {
            parts.push(format!("{} renegotiated", self.renegotiated));
        }
        if self.dropped > 0 {
            parts.push(format!("{} dropped", self.dropped));
        }
        if self.missed > 0 {
            parts.push(format!("{} reviewed as missed", self.missed));
        }
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// The recap of the review: each of last time's commitments counted by what was decided on
/// or after `from` (this retro's day); the others still open.
pub fn recap(goals: &[&Goal], from: NaiveDate) -> Recap {
    let mut r = Recap::default();
    for g in goals {
        let closed_now = g.closed_on.is_some_and(|d| d >= from);
        let renegotiated_now = g.history.iter().any(|h| h.on.is_some_and(|d| d >= from));
        match g.state {
            GoalState::Done if closed_now => r.done += 1,
            GoalState::Dropped if closed_now => r.dropped += 1,
            GoalState::Missed if closed_now => r.missed += 1,
            s if s.is_active() && renegotiated_now => r.renegotiated += 1,
            s if s.is_active() => r.open += 1,
            _ => {}
        }
    }
    r
}

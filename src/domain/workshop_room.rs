//! The shared screen of a workshop: whose turn it is, the hand-over curtain between two
//! participants, and the phase timer. None of this is workspace data (it never travels in a
//! file): the turn lives in the tab, the timer in its own storage key so it survives a reload
//! and a presenter window can show it.

use super::meta::Id;
use super::workshop::Phase;
use serde::{Deserialize, Serialize};

/// Whose turn it is in a private phase, and whether they have pressed Start behind the
/// curtain. One value, so the picker and the turn can never disagree.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Turn {
    /// The phase this turn belongs to: a turn from another phase does not count.
    pub phase: Option<Phase>,
    pub member: Option<Id>,
    /// Whether the participant pressed Start: until then the curtain hides everything private.
    pub started: bool,
    /// The cards written in this turn. Workshop cards store no author, so this is how the
    /// writer sees (and can delete) their own cards until the screen passes on.
    pub written: Vec<Id>,
}

/// What the screen shows now, from a [`Turn`] and the session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TurnView {
    pub member: Option<Id>,
    /// The curtain is up: nothing private shows until `member` presses Start.
    pub curtain: bool,
    pub written: Vec<Id>,
}

impl Turn {
    /// The turn as it stands in `phase` with these participants: a turn left over from
    /// another phase, or of someone who no longer takes part, starts over with the first
    /// participant behind the curtain.
    pub fn view(&self, phase: Phase, participants: &[Id]) -> TurnView {
        let current = self.phase == Some(phase)
            && self
                .member
                .as_ref()
                .is_some_and(|m| participants.contains(m));
        if current {
            TurnView {
                member: self.member.clone(),
                curtain: !self.started,
                written: self.written.clone(),
            }
        } else {
            TurnView {
                member: participants.first().cloned(),
                curtain: phase.is_private(),
                written: Vec::new(),
            }
        }
    }

    /// Hands the screen to `member`: the curtain comes down, whoever they are (choosing a
    /// participant who already finished never shows their choices straight away).
    pub fn pass_to(&mut self, phase: Phase, member: Id) {
        *self = Turn {
            phase: Some(phase),
            member: Some(member),
            started: false,
            written: Vec::new(),
        };
    }

    /// Hands the screen to the participant after the current one (back to the first after
    /// the last). `None` when nobody takes part.
    pub fn next(&mut self, phase: Phase, participants: &[Id]) -> Option<Id> {
        let now = self.view(phase, participants).member;
        let i = now
            .and_then(|m| participants.iter().position(|p| *p == m))
            .map_or(0, |i| (i + 1) % participants.len().max(1));
        let next = participants.get(i)?.clone();
        self.pass_to(phase, next.clone());
        Some(next)
    }

    /// The participant behind the curtain pressed Start.
    pub fn start(&mut self, phase: Phase, participants: &[Id]) {
        let v = self.view(phase, participants);
        *self = Turn {
            phase: Some(phase),
            member: v.member,
            started: true,
            written: v.written,
        };
    }

    /// Remembers a card written in this turn.
    pub fn wrote(&mut self, card: Id) {
        self.written.push(card);
    }
}

/// The phase timer as stored: it survives a reload because it keeps the moment it ends, not
/// a countdown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhaseTimer {
    /// The phase it was set for: in another phase it starts again from `minutes`.
    #[serde(default)]
    pub phase: Phase,
    /// The value it is set to, 1 to 120.
    #[serde(default = "default_minutes")]
    pub minutes: u32,
    /// When running: the moment it reaches zero (milliseconds since 1970).
    #[serde(default)]
    pub ends_at: Option<f64>,
    /// When paused: what is left, in milliseconds.
    #[serde(default)]
    pub left_ms: f64,
    #[serde(default)]
    pub muted: bool,
}

fn default_minutes() -> u32 {
    5
}

/// The longest a phase timer can be set to, in minutes.
pub const MAX_MINUTES: u32 = 120;

impl PhaseTimer {
    pub fn new(phase: Phase, minutes: u32) -> Self {
        let minutes = minutes.clamp(1, MAX_MINUTES);
        PhaseTimer {
            phase,
            minutes,
            ends_at: None,
            left_ms: f64::from(minutes) * 60_000.0,
            muted: false,
        }
    }

    /// Reads a stored timer; anything unreadable or absurd gives a fresh one (a timer is
    /// not worth an error message).
    pub fn read(text: Option<&str>, phase: Phase) -> Self {
        let parsed = text.and_then(|t| serde_json::from_str::<PhaseTimer>(t).ok());
        match parsed {
            Some(mut t) if t.left_ms.is_finite() && t.ends_at.is_none_or(f64::is_finite) => {
                t.minutes = t.minutes.clamp(1, MAX_MINUTES);
                let most = f64::from(MAX_MINUTES) * 60_000.0 * 2.0;
                t.left_ms = t.left_ms.clamp(0.0, most);
                t.for_phase(phase)
            }
            _ => PhaseTimer::new(phase, default_minutes()),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The timer for `phase`: unchanged in its own phase; in another, set afresh to its
    /// value (never left at 0:00 from the phase before).
    pub fn for_phase(self, phase: Phase) -> Self {
        if self.phase == phase {
            self
        } else {
            PhaseTimer {
                muted: self.muted,
                ..PhaseTimer::new(phase, self.minutes)
            }
        }
    }

    pub fn running(&self) -> bool {
        self.ends_at.is_some()
    }

    /// Milliseconds left at `now`.
    pub fn left(&self, now: f64) -> f64 {
        match self.ends_at {
            Some(end) => (end - now).max(0.0),
            None => self.left_ms.max(0.0),
        }
    }

    /// Whether time ran out (it stays up until set, started or given a minute again).
    pub fn is_up(&self, now: f64) -> bool {
        self.left(now) <= 0.0
    }

    /// Sets the value and stops the clock at it.
    pub fn set(&mut self, minutes: u32) {
        *self = PhaseTimer {
            muted: self.muted,
            ..PhaseTimer::new(self.phase, minutes)
        };
    }

    /// Starts or pauses. Starting after time ran out starts again from the set value.
    pub fn start_pause(&mut self, now: f64) {
        match self.ends_at {
            Some(_) => {
                self.left_ms = self.left(now);
                self.ends_at = None;
            }
            None => {
                if self.left_ms <= 0.0 {
                    self.left_ms = f64::from(self.minutes) * 60_000.0;
                }
                self.ends_at = Some(now + self.left_ms);
            }
        }
    }

    /// One more minute, running or not (after time ran out too).
    pub fn add_minute(&mut self, now: f64) {
        match self.ends_at {
            Some(end) => self.ends_at = Some(end.max(now) + 60_000.0),
            None => self.left_ms = self.left_ms.max(0.0) + 60_000.0,
        }
    }

    /// Stops a running timer that reached zero, so it shows 0:00 and "Time is up" until the
    /// facilitator acts. True when it has just run out (the moment to beep).
    pub fn settle(&mut self, now: f64) -> bool {
        if self.running() && self.is_up(now) {
            self.ends_at = None;
            self.left_ms = 0.0;
            true
        } else {
            false
        }
    }
}

/// "m:ss" for a number of milliseconds left (rounded up, so 0:00 means time is up).
pub fn clock_text(ms: f64) -> String {
    let secs = (ms.max(0.0) / 1000.0).ceil() as u64;
    format!("{}:{:02}", secs / 60, secs % 60)
}

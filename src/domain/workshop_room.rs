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
    /// The cards each participant wrote in this phase, in this tab. Workshop cards store no
    /// author, so this memory (never saved, gone with the tab) is how a writer who comes
    /// back to the screen sees, edits and deletes their own cards.
    pub written_by: Vec<(Id, Vec<Id>)>,
}

/// What the screen shows now, from a [`Turn`] and the session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TurnView {
    pub member: Option<Id>,
    /// The curtain is up: nothing private shows until `member` presses Start.
    pub curtain: bool,
    /// The cards `member` wrote in this tab.
    pub written: Vec<Id>,
}

impl Turn {
    fn written_of(&self, member: &Option<Id>) -> Vec<Id> {
        member
            .as_ref()
            .and_then(|m| self.written_by.iter().find(|(w, _)| w == m))
            .map(|(_, cards)| cards.clone())
            .unwrap_or_default()
    }

    /// The memory of who wrote what, carried into a new turn of the same phase only.
    fn take_written(&mut self, phase: Phase) -> Vec<(Id, Vec<Id>)> {
        if self.phase == Some(phase) {
            std::mem::take(&mut self.written_by)
        } else {
            Vec::new()
        }
    }

    /// The turn as it stands in `phase` with these participants: a turn left over from
    /// another phase, or of someone who no longer takes part, starts over with the first
    /// participant behind the curtain.
    pub fn view(&self, phase: Phase, participants: &[Id]) -> TurnView {
        let same_phase = self.phase == Some(phase);
        let current = same_phase
            && self
                .member
                .as_ref()
                .is_some_and(|m| participants.contains(m));
        if current {
            TurnView {
                member: self.member.clone(),
                curtain: !self.started,
                written: self.written_of(&self.member),
            }
        } else {
            let member = participants.first().cloned();
            TurnView {
                written: if same_phase {
                    self.written_of(&member)
                } else {
                    Vec::new()
                },
                member,
                curtain: phase.is_private(),
            }
        }
    }

    /// Hands the screen to `member`: the curtain comes down, whoever they are (choosing a
    /// participant who already finished never shows their choices straight away).
    pub fn pass_to(&mut self, phase: Phase, member: Id) {
        let written_by = self.take_written(phase);
        *self = Turn {
            phase: Some(phase),
            member: Some(member),
            started: false,
            written_by,
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

    /// Whether `member` is the last participant: after them, the phase can move on.
    pub fn is_last(member: &Option<Id>, participants: &[Id]) -> bool {
        member.is_some() && participants.last() == member.as_ref()
    }

    /// The participant behind the curtain pressed Start.
    pub fn start(&mut self, phase: Phase, participants: &[Id]) {
        let v = self.view(phase, participants);
        let written_by = self.take_written(phase);
        *self = Turn {
            phase: Some(phase),
            member: v.member,
            started: true,
            written_by,
        };
    }

    /// Remembers a card written in this turn, for its writer.
    pub fn wrote(&mut self, card: Id) {
        let Some(m) = self.member.clone() else {
            return;
        };
        match self.written_by.iter_mut().find(|(w, _)| *w == m) {
            Some((_, cards)) => cards.push(card),
            None => self.written_by.push((m, vec![card])),
        }
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

//! Helpers shared by the native domain tests.
#![allow(dead_code)]

use chrono::{DateTime, TimeZone, Utc};
use climb::domain::{Command, History, Id, Rng, Workspace};

/// A fixed instant plus `minutes`, so tests never read the clock.
pub fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap() + chrono::Duration::minutes(minutes)
}

/// A workspace, its history and a seeded generator.
pub struct Fixture {
    pub ws: Workspace,
    pub history: History,
    pub rng: Rng,
    pub clock: i64,
}

impl Fixture {
    pub fn new(seed: u64) -> Self {
        Fixture {
            ws: Workspace::default(),
            history: History::default(),
            rng: Rng::new(seed),
            clock: 0,
        }
    }

    /// Applies a command through the history; panics with the domain's message on refusal.
    pub fn run(&mut self, cmd: Command) -> climb::domain::workspace::Change {
        self.clock += 1;
        self.history
            .apply(&mut self.ws, &cmd, at(self.clock), &mut self.rng)
            .unwrap_or_else(|e| panic!("{cmd:?} refused: {e}"))
    }

    /// Applies a command expected to be refused, returning the error.
    pub fn refuse(&mut self, cmd: Command) -> climb::domain::DomainError {
        self.clock += 1;
        match self
            .history
            .apply(&mut self.ws, &cmd, at(self.clock), &mut self.rng)
        {
            Ok(c) => panic!("{cmd:?} should be refused, made {c:?}"),
            Err(e) => e,
        }
    }

    pub fn add_member(&mut self, name: &str) -> Id {
        let change = self.run(Command::AddMember { name: name.into() });
        change.created().cloned().expect("a new member")
    }

    pub fn undo(&mut self) -> Option<String> {
        self.clock += 1;
        self.history
            .undo(&mut self.ws, at(self.clock), &mut self.rng)
    }

    pub fn redo(&mut self) -> Option<String> {
        self.clock += 1;
        self.history
            .redo(&mut self.ws, at(self.clock), &mut self.rng)
    }
}

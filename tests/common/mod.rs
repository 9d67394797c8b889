//! Helpers shared by the native domain tests.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use climb::domain::exchange::{restore, to_storage_json};
use climb::domain::ladder::Template;
use climb::domain::teams::TeamCommand;
use climb::domain::{BoardCommand, CovenantCommand, GoalCommand};
use climb::domain::{Command, History, Id, Rng, Workspace};
use serde_json::{json, Value};

/// A fixed instant plus `minutes`, so tests never read the clock.
pub fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap() + chrono::Duration::minutes(minutes)
}

/// A workspace file of `schema` with the collections in `parts` (raw JSON, as another build
/// or a hand edit may have written it).
pub fn envelope(schema: u64, parts: Value) -> String {
    let mut v = json!({ "type": "climb.workspace", "schemaVersion": schema });
    for (k, x) in parts.as_object().unwrap() {
        v[k] = x.clone();
    }
    v.to_string()
}

/// Saves `ws` as the app stores it and reads it back: nothing warned about, nothing changed.
pub fn assert_reads_back_unchanged(ws: &Workspace) {
    let back = restore(&to_storage_json(ws, at(0))).unwrap();
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    assert_eq!(&back.workspace, ws);
}

/// The terms of a new goal for `Fixture::add_goal`: an outcome set on `today`, the rest empty
/// unless a test fills it in, as in `NewGoal { owner: Some(ana), ..NewGoal::new("Ship", day) }`.
#[derive(Clone, Debug)]
pub struct NewGoal {
    pub outcome: String,
    pub owner: Option<Id>,
    pub partner: Option<Id>,
    pub due: Option<NaiveDate>,
    pub follow_up: Option<NaiveDate>,
    pub verification: String,
    pub card: Option<Id>,
    pub clause: Option<Id>,
    pub today: NaiveDate,
}

impl NewGoal {
    pub fn new(outcome: impl Into<String>, today: NaiveDate) -> Self {
        NewGoal {
            outcome: outcome.into(),
            owner: None,
            partner: None,
            due: None,
            follow_up: None,
            verification: String::new(),
            card: None,
            clause: None,
            today,
        }
    }

    /// The command that creates the goal.
    pub fn command(self) -> Command {
        Command::Goal(GoalCommand::Create {
            outcome: self.outcome,
            owner: self.owner,
            partner: self.partner,
            due: self.due,
            follow_up: self.follow_up,
            verification: self.verification,
            card: self.card,
            clause: self.clause,
            today: self.today,
        })
    }
}

/// A workspace with one team, its history and a seeded generator. Commands run on behalf of
/// the team, as the app runs them.
pub struct Fixture {
    pub ws: Workspace,
    pub history: History,
    pub rng: Rng,
    pub clock: i64,
    /// The team commands are made for (`None`: outside any team).
    pub team: Option<Id>,
}

impl Fixture {
    pub fn new(seed: u64) -> Self {
        let mut ws = Workspace::default();
        let mut rng = Rng::new(seed);
        let team = ws
            .apply(
                &Command::Team(TeamCommand::Create {
                    name: "Our team".into(),
                }),
                at(0),
                &mut rng,
            )
            .expect("a first team")
            .created()
            .cloned();
        Fixture {
            ws,
            history: History::default(),
            rng,
            clock: 0,
            team,
        }
    }

    /// A fixture over `ws` (a copy from elsewhere, a restored file), working in its home team.
    pub fn on(ws: Workspace, seed: u64) -> Self {
        let team = climb::domain::teams::current_team(&ws, None);
        Fixture {
            ws,
            team,
            ..Fixture::new(seed)
        }
    }

    /// Runs the next commands on behalf of `team`.
    pub fn switch(&mut self, team: &Id) {
        self.team = Some(team.clone());
    }

    /// Creates a team (without switching to it); returns its id.
    pub fn add_team(&mut self, name: &str) -> Id {
        let change = self.run(Command::Team(TeamCommand::Create { name: name.into() }));
        change.created().cloned().expect("a new team")
    }

    /// Applies a command through the history; panics with the domain's message on refusal.
    pub fn run(&mut self, cmd: Command) -> climb::domain::workspace::Change {
        self.clock += 1;
        self.history
            .apply_in(
                &mut self.ws,
                self.team.as_ref(),
                &cmd,
                at(self.clock),
                &mut self.rng,
            )
            .unwrap_or_else(|e| panic!("{cmd:?} refused: {e}"))
    }

    /// Applies a command expected to be refused, returning the error.
    pub fn refuse(&mut self, cmd: Command) -> climb::domain::DomainError {
        self.clock += 1;
        match self.history.apply_in(
            &mut self.ws,
            self.team.as_ref(),
            &cmd,
            at(self.clock),
            &mut self.rng,
        ) {
            Ok(c) => panic!("{cmd:?} should be refused, made {c:?}"),
            Err(e) => e,
        }
    }

    pub fn add_member(&mut self, name: &str) -> Id {
        let change = self.run(Command::AddMember { name: name.into() });
        change.created().cloned().expect("a new member")
    }

    /// Creates a board on the classic ladder; returns its id.
    pub fn add_board(
        &mut self,
        title: &str,
        date: Option<NaiveDate>,
        team: &str,
        facilitator: Option<&Id>,
    ) -> Id {
        let change = self.run(Command::Board(BoardCommand::Create {
            title: title.into(),
            date,
            team: team.into(),
            facilitator: facilitator.cloned(),
            template: Template::Classic,
        }));
        change.created().cloned().expect("a new board")
    }

    /// Adds a card to `board` (on `rung`, or in the Unplaced tray); returns its id.
    pub fn add_card(
        &mut self,
        board: &Id,
        text: &str,
        author: Option<&Id>,
        rung: Option<Id>,
    ) -> Id {
        let change = self.run(Command::Board(BoardCommand::AddCard {
            board: board.clone(),
            text: text.into(),
            author: author.cloned(),
            rung,
        }));
        change.created().cloned().expect("a new card")
    }

    /// Creates a goal; returns its id.
    pub fn add_goal(&mut self, goal: NewGoal) -> Id {
        let change = self.run(goal.command());
        change.created().cloned().expect("a new goal")
    }

    /// Creates a draft covenant; returns its id.
    pub fn add_covenant(&mut self, title: &str, team: &str) -> Id {
        let change = self.run(Command::Covenant(CovenantCommand::Create {
            title: title.into(),
            team: team.into(),
        }));
        change.created().cloned().expect("a new covenant")
    }

    pub fn rename_member(&mut self, id: &Id, name: &str) {
        self.run(Command::RenameMember {
            id: id.clone(),
            name: name.into(),
        });
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

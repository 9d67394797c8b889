//! The workspace (everything one browser holds), its one list of entity kinds, and how a
//! command is applied (the commands are in [`super::commands`], refusals in [`super::error`],
//! the transaction they write through in `tx.rs`).
//!
//! Every change goes through [`Workspace::apply`], which returns a [`Change`]: the state of each
//! touched entity before and after. [`crate::domain::History`] keeps those for undo and redo.

use super::check::{Answer, Check, Response};
use super::covenant::Covenant;
use super::goals::Goal;
use super::kept::Kept;
use super::ladder::{Board, Card};
use super::merge::{cards_deleted_with, DeletedKind, Named};
use super::meta::{Entity, Id, Meta, Rng};
use super::rhythm::Rhythm;
use super::roster::{clean_name, Member};
use super::teams::{Membership, SavedLadder, Team};
use super::workshop::{Ballot, Tally};
use chrono::{DateTime, Utc};

pub use super::commands::{
    BoardCommand, CheckCommand, Command, CovenantCommand, GoalCommand, WorkshopCommand,
};
pub use super::error::DomainError;
pub(crate) use super::tx::Tx;

/// Calls `$m!` with every entity kind the workspace stores, as `field: Type => "Label",`.
/// This is the one list of kinds: the workspace, undo, restore, export, merge and the import
/// preview all expand it, so a new kind is added here (and in its own module) only.
macro_rules! with_kinds {
    ($m:ident) => {
        $m! {
            teams: Team => "Teams",
            members: Member => "Team members",
            memberships: Membership => "Team memberships",
            boards: Board => "Boards",
            cards: Card => "Cards",
            covenants: Covenant => "Covenants",
            goals: Goal => "Micro-goals",
            ballots: Ballot => "Workshop placements and votes",
            tallies: Tally => "Workshop counts",
            rhythms: Rhythm => "Team rhythm",
            ladders: SavedLadder => "Saved ladders",
            checks: Check => "Safety checks",
            answers: Answer => "Safety check answers",
            responses: Response => "Safety check responses",
        }
    };
}
pub(crate) use with_kinds;

/// An entity kind the workspace stores in a collection of its own.
pub trait Stored: Entity + PartialEq + 'static {
    /// The collection's name, in the workspace and in files (`"boards"`).
    const COLLECTION: &'static str;
    /// The collection's name for people ("Boards").
    const LABEL: &'static str;
    fn all(ws: &Workspace) -> &Vec<Self>;
    fn all_mut(ws: &mut Workspace) -> &mut Vec<Self>;
    fn wrap(self) -> AnyEntity;
}

macro_rules! define_workspace {
    ($($field:ident: $t:ident => $label:literal,)*) => {
        /// Everything one browser keeps. Deleted entities stay as tombstones (see [`Meta`]);
        /// what this build cannot read stays in `kept`, verbatim.
        #[derive(Clone, Debug, Default, PartialEq, Eq)]
        pub struct Workspace {
            $(pub $field: Vec<$t>,)*
            pub kept: Kept,
        }

        /// Any stored entity, for code that handles all kinds alike (history, merge).
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub enum AnyEntity {
            $($t($t),)*
        }

        impl AnyEntity {
            pub fn meta(&self) -> &Meta {
                match self { $(AnyEntity::$t(e) => e.meta(),)* }
            }
            pub fn meta_mut(&mut self) -> &mut Meta {
                match self { $(AnyEntity::$t(e) => e.meta_mut(),)* }
            }
        }

        $(impl Stored for $t {
            const COLLECTION: &'static str = stringify!($field);
            const LABEL: &'static str = $label;
            fn all(ws: &Workspace) -> &Vec<Self> {
                &ws.$field
            }
            fn all_mut(ws: &mut Workspace) -> &mut Vec<Self> {
                &mut ws.$field
            }
            fn wrap(self) -> AnyEntity {
                AnyEntity::$t(self)
            }
        })*

        impl Workspace {
            pub(crate) fn put_any(&mut self, e: AnyEntity) {
                match e { $(AnyEntity::$t(x) => self.put(x),)* }
            }

            pub(crate) fn get_any_kind(&self, like: &AnyEntity) -> Option<AnyEntity> {
                let id = &like.meta().id;
                match like {
                    $(AnyEntity::$t(_) => self.get_any::<$t>(id).cloned().map(Stored::wrap),)*
                }
            }

            /// Makes this workspace hold what `target` holds, as new versions of every record
            /// that differs (and tombstones for records `target` lacks), so that other tabs and
            /// copies take the replacement instead of merging the old records back. Returns
            /// the change, so it can be undone.
            pub fn replace_with(
                &mut self,
                target: &Workspace,
                now: DateTime<Utc>,
                rng: &mut Rng,
            ) -> Change {
                let mut tx = Tx::new(self, now, rng);
                $(tx.replace_kind(&target.$field);)*
                let change = tx.finish("replace the workspace".to_owned());
                self.kept = target.kept.clone();
                change
            }

            /// Takes every entity of `next` that differs from this workspace's copy (as a
            /// merge result does), keeping `next`'s versions, and `next`'s kept records;
            /// returns the change, so it can be undone.
            pub fn absorb(&mut self, next: &Workspace) -> Change {
                let mut entries = Vec::new();
                $(self.absorb_kind(&next.$field, &mut entries);)*
                self.kept = next.kept.clone();
                Change {
                    label: "import".to_owned(),
                    entries,
                }
            }
        }
    };
}
with_kinds!(define_workspace);

/// The state of one entity before and after a change (`before` is `None` for a new one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub before: Option<AnyEntity>,
    pub after: AnyEntity,
}

/// What one command did, with a short label for undo messages ("Undo: remove Ana").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub label: String,
    pub entries: Vec<Entry>,
}

impl Change {
    /// The id of the first entity the change created, if any.
    pub fn created(&self) -> Option<&Id> {
        self.entries
            .iter()
            .find(|e| e.before.is_none())
            .map(|e| &e.after.meta().id)
    }
}

impl Workspace {
    /// The live (not deleted) entity of kind `T` with this id.
    pub fn get<T: Stored>(&self, id: &Id) -> Option<&T> {
        T::all(self).iter().find(|e| e.id() == id && e.is_live())
    }

    /// Live entities of kind `T`, in stored order.
    pub fn live<T: Stored>(&self) -> impl Iterator<Item = &T> {
        T::all(self).iter().filter(|e| e.is_live())
    }

    /// The entity with this id, deleted or not.
    pub(crate) fn get_any<T: Stored>(&self, id: &Id) -> Option<&T> {
        T::all(self).iter().find(|e| e.id() == id)
    }

    /// Stores `e`, replacing the entity with the same id or appending a new one.
    pub(crate) fn put<T: Stored>(&mut self, e: T) {
        let all = T::all_mut(self);
        if T::UNORDERED {
            match all.binary_search_by(|x| x.id().cmp(e.id())) {
                Ok(i) => all[i] = e,
                Err(i) => all.insert(i, e),
            }
            return;
        }
        match all.iter_mut().find(|x| x.id() == e.id()) {
            Some(slot) => *slot = e,
            None => all.push(e),
        }
    }

    fn absorb_kind<T: Stored>(&mut self, next: &[T], entries: &mut Vec<Entry>) {
        for e in next {
            let before = self.get_any::<T>(e.id()).cloned();
            if before.as_ref() != Some(e) {
                entries.push(Entry {
                    before: before.map(Stored::wrap),
                    after: e.clone().wrap(),
                });
                self.put(e.clone());
            }
        }
    }

    /// Applies `cmd` outside any team (records it creates get no team; see [`Self::apply_in`]).
    /// On error nothing has changed.
    pub fn apply(
        &mut self,
        cmd: &Command,
        now: DateTime<Utc>,
        rng: &mut Rng,
    ) -> Result<Change, DomainError> {
        self.apply_in(None, cmd, now, rng)
    }

    /// Applies `cmd` on behalf of `team`: what it creates belongs to that team, and names are
    /// unique within it. On error nothing has changed.
    pub fn apply_in(
        &mut self,
        team: Option<&Id>,
        cmd: &Command,
        now: DateTime<Utc>,
        rng: &mut Rng,
    ) -> Result<Change, DomainError> {
        // A refused command writes nothing; one of several may refuse after others wrote,
        // so those start from a copy to go back to.
        let before = matches!(cmd, Command::All(_)).then(|| self.clone());
        let mut tx = Tx::new(self, now, rng);
        tx.team = team.cloned();
        match apply_to(&mut tx, cmd) {
            Ok(label) => Ok(tx.finish(label)),
            Err(e) => {
                drop(tx);
                if let Some(before) = before {
                    *self = before;
                }
                Err(e)
            }
        }
    }
}

/// Applies `cmd` inside `tx`; returns the change's label (what Undo names).
fn apply_to(tx: &mut Tx, cmd: &Command) -> Result<String, DomainError> {
    Ok(match cmd {
        Command::AddMember { name } => {
            let name = clean_name(name).ok_or(DomainError::EmptyName)?;
            tx.check_unique_member(&name, None)?;
            // With several teams, undo says which team it reverts.
            let label = match super::teams::name_among_several(tx.ws(), tx.team().as_ref()) {
                Some(team) => format!("add {name} to {team}"),
                None => format!("add {name}"),
            };
            let id = tx.insert(|meta| Member { meta, name });
            if let Some(team) = tx.team() {
                super::teams::join(tx, &team, &id)?;
            }
            label
        }
        Command::RenameMember { id, name } => {
            let name = clean_name(name).ok_or(DomainError::EmptyName)?;
            tx.check_unique_member(&name, Some(id))?;
            let label = format!("rename to {name}");
            tx.update::<Member>(id, |m| m.name = name)?;
            label
        }
        Command::RemoveMember { id } => remove_member(tx, id)?,
        Command::Board(cmd) => super::board_commands::apply(tx, cmd)?,
        Command::Goal(cmd) => super::goal_commands::apply(tx, cmd)?,
        Command::Covenant(cmd) => super::covenant_commands::apply(tx, cmd)?,
        Command::Workshop(cmd) => super::workshop_commands::apply(tx, cmd)?,
        Command::SetRhythm(settings) => super::rhythm::apply(tx, settings)?,
        Command::Team(cmd) => super::teams::apply(tx, cmd)?,
        Command::Check(cmd) => super::check_commands::apply(tx, cmd)?,
        Command::Undelete { kind, id } => undelete(tx, *kind, id)?,
        Command::All(cmds) => {
            let mut label = String::new();
            for c in cmds {
                let written = tx.written();
                let l = apply_to(tx, c)?;
                if label.is_empty() && tx.written() > written {
                    label = l;
                }
            }
            label
        }
    })
}

/// Takes someone off the team in context; they leave Climb's roster only when that was
/// their last team (their name stays readable on what they did, as a tombstone).
fn remove_member(tx: &mut Tx, id: &Id) -> Result<String, DomainError> {
    let name = tx.get::<Member>(id)?.name.clone();
    if let Some(team) = tx.team() {
        let own = super::teams::membership_id(&team, id);
        let elsewhere = tx.ws().live::<Membership>().any(|m| {
            &m.member_id == id && m.meta.id != own && tx.ws().get::<Team>(&m.team_id).is_some()
        });
        if tx.ws().get::<Membership>(&own).is_some() {
            tx.delete::<Membership>(&own)?;
        }
        if elsewhere {
            let team_name = tx
                .get::<Team>(&team)
                .map(|t| t.name.clone())
                .unwrap_or_default();
            return Ok(format!("remove {name} from {team_name}"));
        }
    }
    tx.delete::<Member>(id)?;
    Ok(format!("remove {name}"))
}

/// Brings back a deleted record as its next version.
fn undelete(tx: &mut Tx, kind: DeletedKind, id: &Id) -> Result<String, DomainError> {
    fn one<T: Stored + Named>(tx: &mut Tx, id: &Id) -> Result<String, DomainError> {
        let name = tx.revive::<T>(id)?;
        Ok(format!("bring back {} {name}", T::KIND))
    }
    match kind {
        DeletedKind::Member => {
            // Gone from Climb, or only from the team in context.
            let team = tx.team();
            let live = tx.ws().get::<Member>(id).cloned();
            let name = match &live {
                Some(m) => m.name.clone(),
                None => tx.deleted::<Member>(id)?.name.clone(),
            };
            tx.check_unique_member(&name, Some(id))?;
            if live.is_none() {
                tx.revive::<Member>(id)?;
            }
            if let Some(team) = team {
                super::teams::join(tx, &team, id)?;
            }
            Ok(format!("bring back team member {name}"))
        }
        DeletedKind::Board => {
            let board = tx.deleted::<Board>(id)?.clone();
            let cards: Vec<Id> = cards_deleted_with(tx.ws(), &board)
                .map(|c| c.meta.id.clone())
                .collect();
            for c in &cards {
                tx.revive::<Card>(c)?;
            }
            one::<Board>(tx, id)
        }
        DeletedKind::Card => {
            let board = tx.deleted::<Card>(id)?.board_id.clone();
            tx.get::<Board>(&board)?;
            one::<Card>(tx, id)
        }
        DeletedKind::Covenant => one::<Covenant>(tx, id),
        DeletedKind::Goal => one::<Goal>(tx, id),
        DeletedKind::Check => {
            // One open check per team: a second one would be out of sight.
            let c = tx.deleted::<Check>(id)?;
            if c.is_open()
                && super::check_commands::open_check(tx.ws(), c.team_id.as_ref()).is_some()
            {
                return Err(DomainError::Check(
                    "Another check is open for this team: show its results or delete it first.",
                ));
            }
            one::<Check>(tx, id)
        }
    }
}

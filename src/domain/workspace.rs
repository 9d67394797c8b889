//! The workspace (everything one browser holds) and the commands that change it.
//!
//! Every change goes through [`Workspace::apply`], which returns a [`Change`]: the state of each
//! touched entity before and after. [`crate::domain::History`] keeps those for undo and redo.

use super::covenant::Covenant;
use super::goals::Goal;
use super::ladder::{Board, Card};
use super::meta::{Entity, Id, Meta, Rng};
use super::roster::{clean_name, Member};
use chrono::{DateTime, Utc};
use std::fmt;

/// Everything one browser keeps. Deleted entities stay as tombstones (see [`Meta`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Workspace {
    pub members: Vec<Member>,
    pub boards: Vec<Board>,
    pub cards: Vec<Card>,
    pub covenants: Vec<Covenant>,
    pub goals: Vec<Goal>,
}

/// Any stored entity, for code that handles all kinds alike (history, merge).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnyEntity {
    Member(Member),
    Board(Board),
    Card(Card),
    Covenant(Covenant),
    Goal(Goal),
}

macro_rules! each_kind {
    ($self:expr, $e:ident => $body:expr) => {
        match $self {
            AnyEntity::Member($e) => $body,
            AnyEntity::Board($e) => $body,
            AnyEntity::Card($e) => $body,
            AnyEntity::Covenant($e) => $body,
            AnyEntity::Goal($e) => $body,
        }
    };
}

impl AnyEntity {
    pub fn meta(&self) -> &Meta {
        each_kind!(self, e => e.meta())
    }
    pub fn meta_mut(&mut self) -> &mut Meta {
        each_kind!(self, e => e.meta_mut())
    }
}

/// An entity kind the workspace stores in a collection of its own.
pub trait Stored: Entity + PartialEq + 'static {
    fn all(ws: &Workspace) -> &Vec<Self>;
    fn all_mut(ws: &mut Workspace) -> &mut Vec<Self>;
    fn wrap(self) -> AnyEntity;
}

macro_rules! stored {
    ($t:ty, $field:ident, $variant:ident) => {
        impl Stored for $t {
            fn all(ws: &Workspace) -> &Vec<Self> {
                &ws.$field
            }
            fn all_mut(ws: &mut Workspace) -> &mut Vec<Self> {
                &mut ws.$field
            }
            fn wrap(self) -> AnyEntity {
                AnyEntity::$variant(self)
            }
        }
    };
}
stored!(Member, members, Member);
stored!(Board, boards, Board);
stored!(Card, cards, Card);
stored!(Covenant, covenants, Covenant);
stored!(Goal, goals, Goal);

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

/// A change a user asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    AddMember { name: String },
    RenameMember { id: Id, name: String },
    RemoveMember { id: Id },
}

/// Why a command was refused. The workspace is unchanged when a command fails.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DomainError {
    NotFound { kind: &'static str, id: Id },
    EmptyName,
    DuplicateName(String),
}

impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DomainError::NotFound { kind, .. } => {
                write!(
                    f,
                    "That {kind} no longer exists (it may have been deleted)."
                )
            }
            DomainError::EmptyName => f.write_str("A name cannot be empty."),
            DomainError::DuplicateName(n) => write!(f, "“{n}” is already on the team."),
        }
    }
}

impl std::error::Error for DomainError {}

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
        match all.iter_mut().find(|x| x.id() == e.id()) {
            Some(slot) => *slot = e,
            None => all.push(e),
        }
    }

    pub(crate) fn put_any(&mut self, e: AnyEntity) {
        each_kind!(e, x => self.put(x))
    }

    pub(crate) fn get_any_kind(&self, like: &AnyEntity) -> Option<AnyEntity> {
        let id = &like.meta().id;
        match like {
            AnyEntity::Member(_) => self.get_any::<Member>(id).cloned().map(Stored::wrap),
            AnyEntity::Board(_) => self.get_any::<Board>(id).cloned().map(Stored::wrap),
            AnyEntity::Card(_) => self.get_any::<Card>(id).cloned().map(Stored::wrap),
            AnyEntity::Covenant(_) => self.get_any::<Covenant>(id).cloned().map(Stored::wrap),
            AnyEntity::Goal(_) => self.get_any::<Goal>(id).cloned().map(Stored::wrap),
        }
    }

    /// Applies `cmd`. On error nothing has changed.
    pub fn apply(
        &mut self,
        cmd: &Command,
        now: DateTime<Utc>,
        rng: &mut Rng,
    ) -> Result<Change, DomainError> {
        let mut tx = Tx::new(self, now, rng);
        let label = match cmd {
            Command::AddMember { name } => {
                let name = clean_name(name).ok_or(DomainError::EmptyName)?;
                tx.check_unique_member(&name, None)?;
                let label = format!("add {name}");
                tx.insert(|meta| Member { meta, name });
                label
            }
            Command::RenameMember { id, name } => {
                let name = clean_name(name).ok_or(DomainError::EmptyName)?;
                tx.check_unique_member(&name, Some(id))?;
                let label = format!("rename to {name}");
                tx.update::<Member>(id, |m| m.name = name)?;
                label
            }
            Command::RemoveMember { id } => {
                let name = tx.get::<Member>(id)?.name.clone();
                tx.delete::<Member>(id)?;
                format!("remove {name}")
            }
        };
        Ok(tx.finish(label))
    }
}

/// A transaction over the workspace that records every entity it writes and gives each write
/// a new version. Used by commands and by undo/redo alike.
///
/// Writes happen in place, so a command must make every check that can fail *before* its first
/// write: a refused command then leaves the workspace exactly as it was.
pub(crate) struct Tx<'a> {
    ws: &'a mut Workspace,
    now: DateTime<Utc>,
    rng: &'a mut Rng,
    entries: Vec<Entry>,
}

impl<'a> Tx<'a> {
    pub(crate) fn new(ws: &'a mut Workspace, now: DateTime<Utc>, rng: &'a mut Rng) -> Self {
        Tx {
            ws,
            now,
            rng,
            entries: Vec::new(),
        }
    }

    pub(crate) fn get<T: Stored>(&self, id: &Id) -> Result<&T, DomainError> {
        self.ws.get::<T>(id).ok_or_else(|| DomainError::NotFound {
            kind: T::KIND,
            id: id.clone(),
        })
    }

    /// Creates an entity with fresh metadata; returns its id.
    pub(crate) fn insert<T: Stored>(&mut self, make: impl FnOnce(Meta) -> T) -> Id {
        let e = make(Meta::new(self.now, self.rng));
        let id = e.id().clone();
        self.entries.push(Entry {
            before: None,
            after: e.clone().wrap(),
        });
        self.ws.put(e);
        id
    }

    /// Changes a live entity; records nothing when `edit` leaves it as it was.
    pub(crate) fn update<T: Stored>(
        &mut self,
        id: &Id,
        edit: impl FnOnce(&mut T),
    ) -> Result<(), DomainError> {
        let before = self.get::<T>(id)?.clone();
        let mut after = before.clone();
        edit(&mut after);
        if after != before {
            self.write(before, after);
        }
        Ok(())
    }

    /// Turns a live entity into a tombstone.
    pub(crate) fn delete<T: Stored>(&mut self, id: &Id) -> Result<(), DomainError> {
        self.update::<T>(id, |e| e.meta_mut().deleted = true)
    }

    /// Writes `after` over `before` with the next version.
    fn write<T: Stored>(&mut self, before: T, mut after: T) {
        let mut meta = before.meta().next(self.now, self.rng);
        meta.deleted = after.meta().deleted;
        *after.meta_mut() = meta;
        self.entries.push(Entry {
            before: Some(before.wrap()),
            after: after.clone().wrap(),
        });
        self.ws.put(after);
    }

    /// Writes the contents of `target` (any kind) as the next version of the stored entity
    /// with the same id; used by undo and redo so that reverting is itself a new version.
    pub(crate) fn restore(&mut self, target: AnyEntity) {
        let current = self.ws.get_any_kind(&target);
        let mut after = target;
        let meta = match &current {
            Some(c) => c.meta().next(self.now, self.rng),
            None => Meta::new(self.now, self.rng),
        };
        let deleted = after.meta().deleted;
        let id = after.meta().id.clone();
        *after.meta_mut() = Meta {
            id,
            deleted,
            ..meta
        };
        self.entries.push(Entry {
            before: current,
            after: after.clone(),
        });
        self.ws.put_any(after);
    }

    pub(crate) fn check_unique_member(
        &self,
        name: &str,
        except: Option<&Id>,
    ) -> Result<(), DomainError> {
        let taken = self
            .ws
            .live::<Member>()
            .any(|m| Some(m.id()) != except && m.name.eq_ignore_ascii_case(name));
        if taken {
            Err(DomainError::DuplicateName(name.to_owned()))
        } else {
            Ok(())
        }
    }

    pub(crate) fn finish(self, label: String) -> Change {
        Change {
            label,
            entries: self.entries,
        }
    }
}

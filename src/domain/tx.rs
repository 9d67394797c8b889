//! The transaction every command and every undo writes through.

use super::error::DomainError;
use super::merge::Named;
use super::meta::{Entity, Id, Meta, Rng};
use super::roster::Member;
use super::workspace::{AnyEntity, Change, Entry, Stored, Workspace};
use chrono::{DateTime, Utc};

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
    /// The team the command is made for: what it creates belongs to it.
    pub(crate) team: Option<Id>,
}

impl<'a> Tx<'a> {
    pub(crate) fn new(ws: &'a mut Workspace, now: DateTime<Utc>, rng: &'a mut Rng) -> Self {
        Tx {
            ws,
            now,
            rng,
            entries: Vec::new(),
            team: None,
        }
    }

    /// The team the command is made for, if any.
    pub(crate) fn team(&self) -> Option<Id> {
        self.team.clone()
    }

    /// A fresh id, e.g. for a rung.
    pub(crate) fn new_id(&mut self) -> Id {
        Id::random(self.rng)
    }

    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// The workspace as it stands inside the transaction.
    pub(crate) fn ws(&self) -> &Workspace {
        self.ws
    }

    pub(crate) fn get<T: Stored>(&self, id: &Id) -> Result<&T, DomainError> {
        self.ws.get::<T>(id).ok_or_else(|| DomainError::NotFound {
            kind: T::KIND,
            id: id.clone(),
        })
    }

    /// Creates an entity with fresh metadata; returns its id.
    pub(crate) fn insert<T: Stored>(&mut self, make: impl FnOnce(Meta) -> T) -> Id {
        let meta = Meta::new(self.now, self.rng);
        self.insert_meta(meta, make)
    }

    /// Creates an entity under a given id (for entities whose id derives from others).
    pub(crate) fn insert_as<T: Stored>(&mut self, id: Id, make: impl FnOnce(Meta) -> T) -> Id {
        let meta = Meta {
            id,
            ..Meta::new(self.now, self.rng)
        };
        self.insert_meta(meta, make)
    }

    pub(crate) fn insert_meta<T: Stored>(
        &mut self,
        meta: Meta,
        make: impl FnOnce(Meta) -> T,
    ) -> Id {
        let e = make(meta);
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

    /// The deleted entity with this id.
    pub(crate) fn deleted<T: Stored>(&self, id: &Id) -> Result<&T, DomainError> {
        self.ws
            .get_any::<T>(id)
            .filter(|e| !e.is_live())
            .ok_or_else(|| DomainError::NotFound {
                kind: T::KIND,
                id: id.clone(),
            })
    }

    /// Brings a tombstone back to life as its next version; returns its name.
    pub(crate) fn revive<T: Stored + Named>(&mut self, id: &Id) -> Result<String, DomainError> {
        let before = self.deleted::<T>(id)?.clone();
        let mut after = before.clone();
        after.meta_mut().deleted = false;
        let name = after.name();
        self.write(before, after);
        Ok(name)
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
    pub(crate) fn write_back(&mut self, target: AnyEntity) {
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

    /// Writes the contents of each of `target` as the next version of the stored entity
    /// (when they differ), and deletes the live entities of the kind that `target` lacks.
    pub(crate) fn replace_kind<T: Stored>(&mut self, target: &[T]) {
        let wanted: std::collections::BTreeSet<&Id> = target.iter().map(|e| e.id()).collect();
        for e in target {
            let Some(current) = self.ws.get_any::<T>(e.id()).cloned() else {
                // New here: it comes with its own version, as in a merge.
                self.entries.push(Entry {
                    before: None,
                    after: e.clone().wrap(),
                });
                self.ws.put(e.clone());
                continue;
            };
            let mut same = current.clone();
            *same.meta_mut() = e.meta().clone();
            if &same == e && current.meta().deleted == e.meta().deleted {
                continue;
            }
            // The next version after both copies, so this write wins wherever they meet.
            let base = if e.meta().wins_over(current.meta()) {
                e.meta()
            } else {
                current.meta()
            };
            let mut meta = base.next(self.now, self.rng);
            meta.deleted = e.meta().deleted;
            let mut after = e.clone();
            *after.meta_mut() = meta;
            self.entries.push(Entry {
                before: Some(current.wrap()),
                after: after.clone().wrap(),
            });
            self.ws.put(after);
        }
        let gone: Vec<Id> = T::all(self.ws)
            .iter()
            .filter(|e| e.is_live() && !wanted.contains(e.id()))
            .map(|e| e.id().clone())
            .collect();
        for id in gone {
            let _ = self.delete::<T>(&id);
        }
    }

    pub(crate) fn check_unique_member(
        &self,
        name: &str,
        except: Option<&Id>,
    ) -> Result<(), DomainError> {
        // Names are unique within a team: two teams may each have their own Sam.
        let team = self.team.as_ref();
        let taken = self
            .ws
            .live::<Member>()
            .filter(|m| team.is_none_or(|t| super::teams::is_member(self.ws, t, m.id())))
            .any(|m| Some(m.id()) != except && m.name.eq_ignore_ascii_case(name));
        if taken {
            Err(DomainError::DuplicateName(name.to_owned()))
        } else {
            Ok(())
        }
    }

    /// How many writes the transaction has made so far.
    pub(crate) fn written(&self) -> usize {
        self.entries.len()
    }

    pub(crate) fn finish(self, label: String) -> Change {
        Change {
            label,
            entries: self.entries,
        }
    }
}

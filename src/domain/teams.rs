//! Teams: one browser serves a coach's many teams. Each team has its own roster (as
//! [`Membership`] records, so a person can belong to several teams), boards, covenant,
//! micro-goals, rhythm and saved ladders; records name their team by `teamId`.
//!
//! Teams are archived, never deleted: an archived team keeps everything and can come back.

use super::check::Check;
use super::covenant::Covenant;
use super::goals::Goal;
use super::ladder::{Board, Rung};
use super::meta::{entity, Id, Meta};
use super::rhythm::Rhythm;
use super::roster::{clean_name, Member};
use super::workspace::{DomainError, Tx, Workspace};
use serde::{Deserialize, Serialize};

/// A kind whose records belong to one team, by `teamId`.
pub trait TeamOwned {
    fn team_id(&self) -> Option<&Id>;
    fn team_id_mut(&mut self) -> &mut Option<Id>;
}

/// Calls `$m!` with every team-owned kind, as `field: Type,`: the one list that migration,
/// the team's view, adoption, copies and the "untouched" test iterate (cards, workshop
/// records and check answers follow their board or check instead).
macro_rules! with_team_kinds {
    ($m:ident) => {
        $m! {
            boards: Board,
            covenants: Covenant,
            goals: Goal,
            rhythms: Rhythm,
            ladders: SavedLadder,
            checks: Check,
        }
    };
}
pub(crate) use with_team_kinds;

macro_rules! team_owned {
    ($($field:ident: $t:ident,)*) => {
        $(impl TeamOwned for $t {
            fn team_id(&self) -> Option<&Id> {
                self.team_id.as_ref()
            }
            fn team_id_mut(&mut self) -> &mut Option<Id> {
                &mut self.team_id
            }
        })*
    };
}
with_team_kinds!(team_owned);

/// Whether any team-owned record of `ws` has no team.
pub fn any_without_team(ws: &Workspace) -> bool {
    macro_rules! any {
        ($($field:ident: $t:ident,)*) => {
            false $(|| ws.$field.iter().any(|e| e.team_id().is_none()))*
        };
    }
    with_team_kinds!(any)
}

/// Whether any team-owned record of `ws` belongs to `team`.
pub fn owns_any(ws: &Workspace, team: &Id) -> bool {
    macro_rules! any {
        ($($field:ident: $t:ident,)*) => {
            false $(|| ws.$field.iter().any(|e| e.team_id() == Some(team)))*
        };
    }
    with_team_kinds!(any)
}

/// Gives every team-owned record of `ws` without a team to `team`.
pub fn give_loose_to(ws: &mut Workspace, team: &Id) {
    macro_rules! give {
        ($($field:ident: $t:ident,)*) => {{
            $(for e in ws.$field.iter_mut().filter(|e| e.team_id().is_none()) {
                *e.team_id_mut() = Some(team.clone());
            })*
        }};
    }
    with_team_kinds!(give)
}

/// Takes every team-owned record of `ws` out of its team (a copy lands in the team it is
/// imported into).
pub fn clear_teams(ws: &mut Workspace) {
    macro_rules! clear {
        ($($field:ident: $t:ident,)*) => {{
            $(for e in ws.$field.iter_mut() {
                *e.team_id_mut() = None;
            })*
        }};
    }
    with_team_kinds!(clear)
}

/// A team.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Team {
    /// Written inline with the other fields; read separately (see [`Meta`]).
    #[serde(flatten, skip_deserializing)]
    pub meta: Meta,
    #[serde(default)]
    pub name: String,
    /// Archived teams leave the switcher and the overview; their data stays.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub archived: bool,
}
entity!(Team, "team");

/// That a member belongs to a team. Its id derives from both (see [`membership_id`]), so two
/// browsers adding the same person to the same team write the same record, and leaving a
/// team is a tombstone that merges like any other.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Membership {
    /// Written inline with the other fields; read separately (see [`Meta`]).
    #[serde(flatten, skip_deserializing)]
    pub meta: Meta,
    #[serde(default)]
    pub team_id: Id,
    #[serde(default)]
    pub member_id: Id,
}
entity!(Membership, "team membership");

/// A team's customised ladder, kept to start its next boards from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedLadder {
    /// Written inline with the other fields; read separately (see [`Meta`]).
    #[serde(flatten, skip_deserializing)]
    pub meta: Meta,
    #[serde(default)]
    pub team_id: Option<Id>,
    #[serde(default)]
    pub name: String,
    /// Bottom rung first, as on a board.
    #[serde(default)]
    pub rungs: Vec<Rung>,
    /// How many rungs (from the bottom) sit below the line.
    #[serde(default)]
    pub line: usize,
}
entity!(SavedLadder, "saved ladder");

/// The id of `member`'s membership of `team`.
pub fn membership_id(team: &Id, member: &Id) -> Id {
    Id(format!("membership.{team}.{member}"))
}

/// The id a team named `name` gets when it is made from data that had no teams (schema 2):
/// the same name gives the same id in every browser, so two browsers that migrate the same
/// data, or an old file imported later, meet in one team instead of two. Teams created in
/// Climb get random ids: two coaches' "Platform" teams are two teams.
pub fn team_id_for_name(name: &str) -> Id {
    // FNV-1a over the lower-cased, space-normalised name.
    let key = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.to_lowercase().bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    Id(format!("team.{h:016x}"))
}

/// The name of the team made for data that had no team names.
pub const DEFAULT_TEAM: &str = "Our team";

/// Team commands: see [`super::workspace::Command::Team`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TeamCommand {
    Create {
        name: String,
    },
    Rename {
        id: Id,
        name: String,
    },
    Archive {
        id: Id,
        archived: bool,
    },
    /// Adds someone already on another team (a coach, say) to `team`.
    Join {
        team: Id,
        member: Id,
    },
    /// Keeps a board's ladder (rungs, their words, the line) as the team's template.
    SaveLadder {
        board: Id,
        name: String,
    },
    DeleteLadder {
        id: Id,
    },
}

/// Live teams, archived or not, in stored order.
pub fn teams(ws: &Workspace) -> impl Iterator<Item = &Team> {
    ws.live::<Team>()
}

/// Live teams that are not archived, in stored order. A browser's untouched first team
/// (nobody and nothing in it) is left out once there are others: a newcomer who imports a
/// team's file sees that team, not an empty one beside it.
pub fn open_teams(ws: &Workspace) -> impl Iterator<Item = &Team> {
    let open: Vec<&Team> = ws.live::<Team>().filter(|t| !t.archived).collect();
    let only_untouched = open.iter().all(|t| untouched(ws, t));
    open.into_iter()
        .filter(move |t| only_untouched || !untouched(ws, t))
}

/// Whether `t` is a browser's first team as it was made: never renamed, nothing in it yet.
pub fn untouched(ws: &Workspace, t: &Team) -> bool {
    t.name == DEFAULT_TEAM
        && t.meta.version == 1
        && !t.archived
        && !ws.memberships.iter().any(|m| m.team_id == t.meta.id)
        && !owns_any(ws, &t.meta.id)
}

/// Where records without a (known) team belong, and the team shown when none is chosen:
/// the first open team, else the first team.
pub fn home_team(ws: &Workspace) -> Option<&Team> {
    open_teams(ws).next().or_else(|| teams(ws).next())
}

/// The team to show: `chosen` while it is open, else the home team.
pub fn current_team(ws: &Workspace, chosen: Option<&Id>) -> Option<Id> {
    chosen
        .and_then(|id| open_teams(ws).find(|t| &t.meta.id == id))
        .or_else(|| home_team(ws))
        .map(|t| t.meta.id.clone())
}

/// Whether `member` is on `team` now.
pub fn is_member(ws: &Workspace, team: &Id, member: &Id) -> bool {
    ws.get::<Membership>(&membership_id(team, member)).is_some()
        && ws.get::<Member>(member).is_some()
}

/// The live members of `team`, in roster order.
pub fn members_of<'a>(ws: &'a Workspace, team: &'a Id) -> impl Iterator<Item = &'a Member> {
    ws.live::<Member>()
        .filter(move |m| is_member(ws, team, &m.meta.id))
}

/// The names of the live teams other than `except` that `member` is on, in team order.
pub fn other_teams_of(ws: &Workspace, member: &Id, except: Option<&Id>) -> Vec<String> {
    teams(ws)
        .filter(|t| Some(&t.meta.id) != except && is_member(ws, &t.meta.id, member))
        .map(|t| t.name.clone())
        .collect()
}

/// The name of `team` when there are several open teams (for labels that must say which).
pub fn name_among_several(ws: &Workspace, team: Option<&Id>) -> Option<String> {
    let team = ws.get::<Team>(team?)?;
    (open_teams(ws).count() > 1).then(|| team.name.clone())
}

fn check_team_name(tx: &Tx, name: &str, except: Option<&Id>) -> Result<String, DomainError> {
    let name = clean_name(name).ok_or(DomainError::EmptyName)?;
    let taken = tx
        .ws()
        .live::<Team>()
        .find(|t| Some(&t.meta.id) != except && t.name.eq_ignore_ascii_case(&name));
    if let Some(t) = taken {
        return Err(DomainError::DuplicateTeam(t.name.clone()));
    }
    Ok(name)
}

/// Adds `member` to `team` (or brings back the membership they had).
pub(crate) fn join(tx: &mut Tx, team: &Id, member: &Id) -> Result<(), DomainError> {
    let id = membership_id(team, member);
    if tx.ws().get::<Membership>(&id).is_some() {
        return Ok(());
    }
    if tx.ws().get_any::<Membership>(&id).is_some() {
        tx.revive::<Membership>(&id)?;
    } else {
        let (team_id, member_id) = (team.clone(), member.clone());
        tx.insert_as(id, |meta| Membership {
            meta,
            team_id,
            member_id,
        });
    }
    Ok(())
}

pub(crate) fn apply(tx: &mut Tx, cmd: &TeamCommand) -> Result<String, DomainError> {
    Ok(match cmd {
        TeamCommand::Create { name } => {
            let name = check_team_name(tx, name, None)?;
            let label = format!("create team {name}");
            tx.insert(|meta| Team {
                meta,
                name,
                archived: false,
            });
            label
        }
        TeamCommand::Rename { id, name } => {
            let name = check_team_name(tx, name, Some(id))?;
            let label = format!("rename team to {name}");
            tx.update::<Team>(id, |t| t.name = name)?;
            label
        }
        TeamCommand::Archive { id, archived } => {
            let team = tx.get::<Team>(id)?;
            let name = team.name.clone();
            if *archived && !team.archived && open_teams(tx.ws()).count() <= 1 {
                return Err(DomainError::LastTeam);
            }
            tx.update::<Team>(id, |t| t.archived = *archived)?;
            if *archived {
                format!("archive team {name}")
            } else {
                format!("bring back team {name}")
            }
        }
        TeamCommand::Join { team, member } => {
            let team_name = tx.get::<Team>(team)?.name.clone();
            let name = tx.get::<Member>(member)?.name.clone();
            let clash = members_of(tx.ws(), team)
                .any(|m| &m.meta.id != member && m.name.eq_ignore_ascii_case(&name));
            if clash {
                return Err(DomainError::DuplicateName(name));
            }
            join(tx, team, member)?;
            format!("add {name} to {team_name}")
        }
        TeamCommand::SaveLadder { board, name } => {
            let name = clean_name(name).ok_or(DomainError::EmptyName)?;
            let b: Board = tx.get::<Board>(board)?.clone();
            let label = format!("save ladder {name}");
            let existing = tx
                .ws()
                .live::<SavedLadder>()
                .find(|l| l.team_id == b.team_id && l.name.eq_ignore_ascii_case(&name))
                .map(|l| l.meta.id.clone());
            match existing {
                // The same name saves over the team's earlier ladder (undo brings it back).
                Some(id) => tx.update::<SavedLadder>(&id, |l| {
                    l.rungs = b.rungs.clone();
                    l.line = b.line;
                    l.name = name;
                })?,
                None => {
                    tx.insert(|meta| SavedLadder {
                        meta,
                        team_id: b.team_id.clone(),
                        name,
                        rungs: b.rungs,
                        line: b.line,
                    });
                }
            }
            label
        }
        TeamCommand::DeleteLadder { id } => {
            let name = tx.get::<SavedLadder>(id)?.name.clone();
            tx.delete::<SavedLadder>(id)?;
            format!("delete ladder {name}")
        }
    })
}

/// A saved ladder's rungs under fresh ids, for a new board.
pub(crate) fn ladder_rungs(tx: &mut Tx, ladder: &SavedLadder) -> (Vec<Rung>, usize) {
    let rungs: Vec<Rung> = ladder
        .rungs
        .iter()
        .map(|r| Rung {
            id: tx.new_id(),
            ..r.clone()
        })
        .collect();
    let line = ladder.line.min(rungs.len());
    (rungs, line)
}

//! What one team sees and shares of a workspace that holds many: the team's view (every page
//! shows one team), the team's file for others, and the coach's overview of all teams.

use super::covenant::{Covenant, CovenantState};
use super::goals::{Goal, GoalState};
use super::meta::Id;
use super::roster::Member;
use super::teams::{home_team, membership_id, Membership, Team};
use super::workspace::Workspace;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// Which team a record belongs to, as every view reads it: its own team when that team
/// exists here, otherwise the home team (so nothing is ever out of sight).
struct Owner<'a> {
    known: BTreeSet<&'a Id>,
    home: Option<&'a Id>,
}

impl<'a> Owner<'a> {
    fn of(ws: &'a Workspace) -> Self {
        Owner {
            known: ws
                .teams
                .iter()
                .filter(|t| !t.meta.deleted)
                .map(|t| &t.meta.id)
                .collect(),
            home: home_team(ws).map(|t| &t.meta.id),
        }
    }

    fn team(&self, t: &'a Option<Id>) -> Option<&'a Id> {
        match t {
            Some(t) if self.known.contains(t) => Some(t),
            _ => self.home,
        }
    }
}

/// The records of `team`, as its pages show them: its boards with their cards and workshop
/// records, covenants, goals, rhythm, saved ladders and roster. All teams are listed (for the
/// switcher); a member who left this team but is on another reads as a tombstone here, so
/// their name stays on what they did. What this build cannot read is not part of any view.
pub fn view(ws: &Workspace, team: &Id) -> Workspace {
    let owner = Owner::of(ws);
    let ours = |t: &Option<Id>| owner.team(t) == Some(team);
    let boards: Vec<_> = ws
        .boards
        .iter()
        .filter(|b| ours(&b.team_id))
        .cloned()
        .collect();
    let board_ids: BTreeSet<&Id> = boards.iter().map(|b| &b.meta.id).collect();
    let on_board = |b: &Id| board_ids.contains(b);
    let memberships: Vec<Membership> = ws
        .memberships
        .iter()
        .filter(|m| &m.team_id == team)
        .cloned()
        .collect();
    let on_team: BTreeMap<&Id, bool> = memberships
        .iter()
        .map(|m| (&m.member_id, !m.meta.deleted))
        .collect();
    let members = ws
        .members
        .iter()
        .filter_map(|m| {
            let live = *on_team.get(&m.meta.id)?;
            let mut m = m.clone();
            m.meta.deleted |= !live;
            Some(m)
        })
        .collect();
    Workspace {
        teams: ws.teams.clone(),
        members,
        cards: ws
            .cards
            .iter()
            .filter(|c| on_board(&c.board_id))
            .cloned()
            .collect(),
        ballots: ws
            .ballots
            .iter()
            .filter(|b| on_board(&b.board_id))
            .cloned()
            .collect(),
        tallies: ws
            .tallies
            .iter()
            .filter(|t| on_board(&t.board_id))
            .cloned()
            .collect(),
        covenants: ws
            .covenants
            .iter()
            .filter(|c| ours(&c.team_id))
            .cloned()
            .collect(),
        goals: ws
            .goals
            .iter()
            .filter(|g| ours(&g.team_id))
            .cloned()
            .collect(),
        rhythms: ws
            .rhythms
            .iter()
            .filter(|r| ours(&r.team_id))
            .cloned()
            .collect(),
        ladders: ws
            .ladders
            .iter()
            .filter(|l| ours(&l.team_id))
            .cloned()
            .collect(),
        boards,
        memberships,
        kept: Default::default(),
    }
}

/// The team's file for others ("Export team", the team's link): `team` alone, its roster and
/// everything it owns, as [`super::exchange::for_others`] allows. No other team, and no record
/// of another team, is in it; members keep their records as they are (a member record says
/// nothing of teams: memberships do, and only this team's are in).
pub fn team_subset(ws: &Workspace, team: &Id) -> Workspace {
    let mut v = view(ws, team);
    v.teams.retain(|t| &t.meta.id == team);
    // Members as stored (the view marks those who left as tombstones only for display).
    let ids: BTreeSet<Id> = v.memberships.iter().map(|m| m.member_id.clone()).collect();
    v.members = ws
        .members
        .iter()
        .filter(|m| ids.contains(&m.meta.id))
        .cloned()
        .collect();
    super::exchange::for_others(&v)
}

/// Gives records of `incoming` that have no team (a Scrumlr board, a hand-made file) to
/// `team`, and members without a membership a membership of it; used before importing into
/// a team.
pub fn adopt(incoming: &mut Workspace, team: &Id) {
    for b in incoming.boards.iter_mut().filter(|b| b.team_id.is_none()) {
        b.team_id = Some(team.clone());
    }
    for g in incoming.goals.iter_mut().filter(|g| g.team_id.is_none()) {
        g.team_id = Some(team.clone());
    }
    for c in incoming
        .covenants
        .iter_mut()
        .filter(|c| c.team_id.is_none())
    {
        c.team_id = Some(team.clone());
    }
    for r in incoming.rhythms.iter_mut().filter(|r| r.team_id.is_none()) {
        r.team_id = Some(team.clone());
    }
    for l in incoming.ladders.iter_mut().filter(|l| l.team_id.is_none()) {
        l.team_id = Some(team.clone());
    }
    let with: BTreeSet<Id> = incoming
        .memberships
        .iter()
        .map(|m| m.member_id.clone())
        .collect();
    let lone: Vec<Member> = incoming
        .members
        .iter()
        .filter(|m| !with.contains(&m.meta.id))
        .cloned()
        .collect();
    for m in lone {
        let mut meta = m.meta.clone();
        meta.id = membership_id(team, &m.meta.id);
        meta.deleted = false;
        incoming.memberships.push(Membership {
            meta,
            team_id: team.clone(),
            member_id: m.meta.id,
        });
    }
}

/// One card of the teams overview: what needs the team's attention, never a score.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TeamCard {
    pub id: Id,
    pub name: String,
    pub members: usize,
    /// The latest retro held, and the next one the rhythm asks for.
    pub last_retro: Option<NaiveDate>,
    pub next_retro: Option<NaiveDate>,
    pub open_goals: usize,
    pub overdue_goals: usize,
    /// "No covenant yet", "Draft", "Active", "Under review".
    pub covenant: &'static str,
    pub review_on: Option<NaiveDate>,
    pub review_overdue: bool,
}

/// The overview of every open team, in the teams' own order (no ranking).
pub fn overview(ws: &Workspace, today: NaiveDate) -> Vec<TeamCard> {
    super::teams::open_teams(ws)
        .map(|t| card(&view(ws, &t.meta.id), t, today))
        .collect()
}

fn card(v: &Workspace, t: &Team, today: NaiveDate) -> TeamCard {
    let last_retro = super::agenda::last_retro(v);
    let next_retro = super::agenda::next_retro(v, &super::rhythm::Rhythm::of(v));
    let open: Vec<&Goal> = v
        .live::<Goal>()
        .filter(|g| matches!(g.state, GoalState::Open | GoalState::Renegotiated))
        .collect();
    let cov = v
        .live::<Covenant>()
        .max_by_key(|c| (c.state != CovenantState::Draft, c.meta.updated_at));
    let covenant = match cov.map(|c| c.state) {
        None => "No covenant yet",
        Some(CovenantState::Draft) => "Draft",
        Some(CovenantState::Active) => "Active",
        Some(_) => "Under review",
    };
    let review_on = cov.and_then(|c| c.terms.review_on);
    TeamCard {
        id: t.meta.id.clone(),
        name: t.name.clone(),
        members: v.live::<Member>().count(),
        last_retro,
        next_retro,
        open_goals: open.len(),
        overdue_goals: open
            .iter()
            .filter(|g| g.due.is_some_and(|d| d < today))
            .count(),
        covenant,
        review_on,
        review_overdue: covenant != "Draft" && review_on.is_some_and(|d| d < today),
    }
}

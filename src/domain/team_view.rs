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

    fn team(&self, t: Option<&'a Id>) -> Option<&'a Id> {
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
    use super::teams::{with_team_kinds, TeamOwned};
    let owner = Owner::of(ws);
    let ours = |t: Option<&Id>| owner.team(t) == Some(team);
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
    let mut out = Workspace {
        teams: ws.teams.clone(),
        members,
        memberships,
        ..Workspace::default()
    };
    macro_rules! owned {
        ($($field:ident: $t:ident,)*) => {{
            $(out.$field = ws.$field.iter().filter(|e| ours(e.team_id())).cloned().collect();)*
        }};
    }
    with_team_kinds!(owned);
    // What follows a board or a check comes with it.
    let boards: BTreeSet<&Id> = out.boards.iter().map(|b| &b.meta.id).collect();
    let checks: BTreeSet<&Id> = out.checks.iter().map(|c| &c.meta.id).collect();
    let cards = ws.cards.iter().filter(|c| boards.contains(&c.board_id));
    let ballots = ws.ballots.iter().filter(|b| boards.contains(&b.board_id));
    let tallies = ws.tallies.iter().filter(|t| boards.contains(&t.board_id));
    let answers = ws.answers.iter().filter(|a| checks.contains(&a.check_id));
    let responses = ws.responses.iter().filter(|r| checks.contains(&r.check_id));
    let (cards, ballots, tallies) = (
        cards.cloned().collect(),
        ballots.cloned().collect(),
        tallies.cloned().collect(),
    );
    let (answers, responses) = (answers.cloned().collect(), responses.cloned().collect());
    out.cards = cards;
    out.ballots = ballots;
    out.tallies = tallies;
    out.answers = answers;
    out.responses = responses;
    out
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
    super::teams::give_loose_to(incoming, team);
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
    /// The latest safety check against the team's own one before (see
    /// [`super::check_results::latest_line`]).
    pub check: Option<String>,
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
        check: super::check_results::latest_line(v, Some(&t.meta.id)),
    }
}

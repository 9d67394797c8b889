//! Settling teams (schema 2 → 3, and any record without a team): every board, covenant, goal,
//! rhythm and saved ladder gets a team, and every member a membership, by rules that depend on
//! the data alone, so two browsers settling the same data get the same records.
//!
//! - Boards go to the team of their team name; names with no team yet become teams (one per
//!   distinct name, [`team_id_for_name`]); unnamed boards go to the first team.
//! - Goals go to the team of the board their card is on, or of the goal they follow up;
//!   covenants to the team their terms name; everything else to the first team. With no name
//!   at all, one team ([`DEFAULT_TEAM`]) holds everything.
//! - Members without any membership join every team (the old roster was everyone's).
//!
//! Settled records keep their versions: settling is not an edit, and the same old record
//! settles the same way wherever it is read.

use super::meta::{Id, Meta};
use super::teams::{membership_id, team_id_for_name, Membership, Team, DEFAULT_TEAM};
use super::workspace::Workspace;
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, BTreeSet};

/// Metadata of a record settling makes: the same in every browser (version 1, nonce 0, the
/// epoch), so the same record made in two places is one write, and any edit wins over it.
fn made(id: Id) -> Meta {
    Meta {
        id,
        version: 1,
        version_nonce: 0,
        updated_at: DateTime::<Utc>::default(),
        deleted: false,
    }
}

/// Whether anything in `ws` lacks a team (or a member lacks any membership).
pub fn needs_settling(ws: &Workspace) -> bool {
    let with_members: BTreeSet<&Id> = ws.memberships.iter().map(|m| &m.member_id).collect();
    super::teams::any_without_team(ws)
        || ws
            .members
            .iter()
            .any(|m| !with_members.contains(&m.meta.id))
}

/// Gives everything in `ws` a team, as the module comment says. Returns whether it changed
/// anything.
pub fn settle(ws: &mut Workspace) -> bool {
    if !needs_settling(ws) {
        return false;
    }
    // Team names, lower-cased, to the team's id: the teams there are, then new ones.
    let key = |n: &str| {
        n.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let mut by_name: BTreeMap<String, Id> = ws
        .teams
        .iter()
        .filter(|t| !t.meta.deleted)
        .map(|t| (key(&t.name), t.meta.id.clone()))
        .collect();
    let mut names: Vec<String> = ws
        .boards
        .iter()
        .filter(|b| b.team_id.is_none())
        .map(|b| b.team.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|n| !n.is_empty())
        .collect();
    let mut seen = BTreeSet::new();
    names.retain(|n| seen.insert(key(n)));
    for name in names {
        if by_name.contains_key(&key(&name)) {
            continue;
        }
        let id = team_id_for_name(&name);
        add_team(ws, &id, &name);
        by_name.insert(key(&name), id);
    }
    let first = match super::teams::home_team(ws) {
        Some(t) => t.meta.id.clone(),
        None => {
            let id = team_id_for_name(DEFAULT_TEAM);
            add_team(ws, &id, DEFAULT_TEAM);
            id
        }
    };
    for b in ws.boards.iter_mut().filter(|b| b.team_id.is_none()) {
        let team = by_name.get(&key(&b.team)).unwrap_or(&first);
        b.team_id = Some(team.clone());
    }
    let board_team: BTreeMap<Id, Option<Id>> = ws
        .boards
        .iter()
        .map(|b| (b.meta.id.clone(), b.team_id.clone()))
        .collect();
    let card_team: BTreeMap<Id, Option<Id>> = ws
        .cards
        .iter()
        .map(|c| {
            (
                c.meta.id.clone(),
                board_team.get(&c.board_id).cloned().flatten(),
            )
        })
        .collect();
    // Follow-up goals take their original's team; a chain settles in as many rounds as it
    // is long, and every round settles at least one goal or stops.
    loop {
        let goal_team: BTreeMap<Id, Id> = ws
            .goals
            .iter()
            .filter_map(|g| Some((g.meta.id.clone(), g.team_id.clone()?)))
            .collect();
        let mut settled = false;
        for g in ws.goals.iter_mut().filter(|g| g.team_id.is_none()) {
            let from_card = g
                .card
                .as_ref()
                .and_then(|c| card_team.get(c).cloned().flatten());
            let from_goal = g.from_goal.as_ref().and_then(|f| goal_team.get(f).cloned());
            if let Some(t) = from_card.or(from_goal) {
                g.team_id = Some(t);
                settled = true;
            }
        }
        if !settled {
            break;
        }
    }
    for c in ws.covenants.iter_mut().filter(|c| c.team_id.is_none()) {
        let team = by_name.get(&key(&c.terms.team)).unwrap_or(&first);
        c.team_id = Some(team.clone());
    }
    // The rest (rhythm, saved ladders, checks) goes to the first team.
    super::teams::give_loose_to(ws, &first);
    let with_members: BTreeSet<Id> = ws.memberships.iter().map(|m| m.member_id.clone()).collect();
    let teams: Vec<Id> = ws
        .teams
        .iter()
        .filter(|t| !t.meta.deleted)
        .map(|t| t.meta.id.clone())
        .collect();
    let lone: Vec<Id> = ws
        .members
        .iter()
        .filter(|m| !with_members.contains(&m.meta.id))
        .map(|m| m.meta.id.clone())
        .collect();
    for member in lone {
        for team in &teams {
            ws.memberships.push(Membership {
                meta: made(membership_id(team, &member)),
                team_id: team.clone(),
                member_id: member.clone(),
            });
        }
    }
    true
}

fn add_team(ws: &mut Workspace, id: &Id, name: &str) {
    match ws.teams.iter_mut().find(|t| &t.meta.id == id) {
        // A deleted or archived team of that name (a rare hand-made file): it comes back.
        Some(t) => {
            t.meta.deleted = false;
        }
        None => ws.teams.push(Team {
            meta: made(id.clone()),
            name: name.chars().take(80).collect(),
            archived: false,
        }),
    }
}

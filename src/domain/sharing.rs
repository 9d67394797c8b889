//! What leaves this browser for someone else: a file or link for others (situations, never
//! people), one board alone, and a copy that opens beside a workspace instead of merging.

use super::meta::Id;
use super::workspace::Workspace;
use std::collections::BTreeMap;

/// The file's boards, cards, goals and covenants under fresh ids (references between them
/// follow), so it opens beside this workspace's own instead of merging with them. Members keep
/// their ids: the roster is shared.
pub fn as_copy(incoming: &Workspace, rng: &mut super::meta::Rng) -> Workspace {
    let mut map: BTreeMap<Id, Id> = BTreeMap::new();
    let mut fresh = |id: &Id, rng: &mut super::meta::Rng| -> Id {
        map.entry(id.clone())
            .or_insert_with(|| Id::random(rng))
            .clone()
    };
    let mut ws = incoming.clone();
    for b in &mut ws.boards {
        b.meta.id = fresh(&b.meta.id, rng);
        b.title = format!("{} (copy)", b.title);
    }
    for c in &mut ws.covenants {
        c.meta.id = fresh(&c.meta.id, rng);
        c.terms.title = format!("{} (copy)", c.terms.title);
    }
    for c in &mut ws.cards {
        c.meta.id = fresh(&c.meta.id, rng);
        c.board_id = fresh(&c.board_id, rng);
    }
    for g in &mut ws.goals {
        g.meta.id = fresh(&g.meta.id, rng);
    }
    for b in &mut ws.ballots {
        b.board_id = fresh(&b.board_id, rng);
        b.meta.id = super::workshop::ballot_id(&b.board_id, &b.member);
        for p in &mut b.placements {
            p.card = fresh(&p.card, rng);
        }
        for v in &mut b.votes {
            *v = fresh(v, rng);
        }
    }
    for t in &mut ws.tallies {
        t.board_id = fresh(&t.board_id, rng);
        t.meta.id = super::workshop::tally_id(&t.board_id);
        for c in &mut t.cards {
            c.card = fresh(&c.card, rng);
        }
    }
    // What this build cannot read cannot be given new ids: it stays with the original.
    ws.kept = Default::default();
    // A copy opens in the team it is imported into (see `team_view::adopt`), not the file's.
    ws.teams.clear();
    ws.memberships.clear();
    for l in &mut ws.ladders {
        l.meta.id = fresh(&l.meta.id, rng);
    }
    super::teams::clear_teams(&mut ws);
    ws.rhythms.clear();
    // A check's answers are keyed to its id by a one-way hash of response ids that are not
    // stored, so a check cannot take a new id: a copy leaves checks out.
    ws.checks.clear();
    ws.answers.clear();
    ws.responses.clear();
    // Links between goals and cards follow the new ids; links to entities outside the file
    // stay as they were.
    for g in &mut ws.goals {
        for link in [&mut g.card, &mut g.from_goal] {
            if let Some(id) = link.as_mut() {
                if let Some(new) = map.get(id) {
                    *id = new.clone();
                }
            }
        }
        if let Some(r) = g.review.as_mut() {
            if let Some(id) = r.follow_up_goal.as_mut() {
                if let Some(new) = map.get(id) {
                    *id = new.clone();
                }
            }
        }
    }
    ws
}

/// What a file or link meant for others may carry of `ws` (rule 3: situations, never
/// people): placements and votes only as counts per card ([`super::workshop::Tally`]), and
/// only once the group has seen them (placements from Reveal on, votes after Vote); a card's
/// author only where the author signed the card; nothing this build cannot read (it could be
/// anything). A backup of one's own browser keeps everything instead.
pub fn for_others(ws: &Workspace) -> Workspace {
    use super::workshop::{tally, Phase};
    let mut out = ws.clone();
    out.kept = Default::default();
    out.ballots.clear();
    out.tallies = ws
        .boards
        .iter()
        .filter_map(|b| {
            let mut t = tally(ws, &b.meta.id)?;
            let phase = b.session.as_ref().map(|s| s.phase);
            let placed_seen = phase.is_none_or(|p| p >= Phase::Reveal);
            let votes_seen = phase.is_none_or(|p| p > Phase::Vote);
            for c in &mut t.cards {
                if !placed_seen {
                    c.placed.clear();
                }
                if !votes_seen {
                    c.votes = 0;
                }
            }
            t.cards.retain(|c| c.votes > 0 || !c.placed.is_empty());
            (!t.cards.is_empty()).then_some(t)
        })
        .collect();
    for c in &mut out.cards {
        if !c.signed {
            c.author = None;
            // Written in turns, unsigned cards would otherwise say by their times and order
            // whose turn wrote them: the day only, and the cards in id order.
            if let Some(day) = c.meta.updated_at.date_naive().and_hms_opt(0, 0, 0) {
                c.meta.updated_at = day.and_utc();
            }
        }
    }
    out.cards.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    // A check's answers go only once its results are shown: with fewer answers, or while
    // more can come, totals could give one person's answers away.
    let shown: std::collections::BTreeSet<&Id> = ws
        .checks
        .iter()
        .filter(|c| !c.is_open() && super::check_results::visible(ws, c).is_ok())
        .map(|c| &c.meta.id)
        .collect();
    out.answers.retain(|a| shown.contains(&a.check_id));
    out.responses.retain(|r| shown.contains(&r.check_id));
    out
}

/// One board with its cards, the members they name, and the goals made from its cards, as
/// [`for_others`] allows: what a board's share link or file carries.
pub fn board_subset(ws: &Workspace, board: &Id) -> Workspace {
    let shared = for_others(ws);
    let ws = &shared;
    let boards: Vec<_> = ws
        .boards
        .iter()
        .filter(|b| &b.meta.id == board)
        .cloned()
        .collect();
    let cards: Vec<_> = ws
        .cards
        .iter()
        .filter(|c| &c.board_id == board)
        .cloned()
        .collect();
    let card_ids: Vec<&Id> = cards.iter().map(|c| &c.meta.id).collect();
    let goals: Vec<_> = ws
        .goals
        .iter()
        .filter(|g| g.card.as_ref().is_some_and(|c| card_ids.contains(&c)))
        .cloned()
        .collect();
    let tallies: Vec<_> = ws
        .tallies
        .iter()
        .filter(|t| &t.board_id == board)
        .cloned()
        .collect();
    let mut people: Vec<&Id> = Vec::new();
    for b in &boards {
        people.extend(b.facilitator.iter());
        people.extend(b.session.iter().flat_map(|s| s.participants.iter()));
    }
    for c in &cards {
        people.extend(c.author.iter().chain(c.owner.iter()));
    }
    for g in &goals {
        people.extend(g.owner.iter().chain(g.partner.iter()));
    }
    let members: Vec<_> = ws
        .members
        .iter()
        .filter(|m| people.contains(&&m.meta.id))
        .cloned()
        .collect();
    // The board's team comes along (its name only), with the memberships of the people the
    // board names, so the board lands in the same team wherever that team is known.
    let team_ids: Vec<&Id> = boards.iter().filter_map(|b| b.team_id.as_ref()).collect();
    let teams = ws
        .teams
        .iter()
        .filter(|t| team_ids.contains(&&t.meta.id))
        .cloned()
        .collect();
    let memberships = ws
        .memberships
        .iter()
        .filter(|m| {
            team_ids.contains(&&m.team_id) && members.iter().any(|x| x.meta.id == m.member_id)
        })
        .cloned()
        .collect();
    Workspace {
        teams,
        memberships,
        members,
        boards,
        cards,
        goals,
        tallies,
        ..Workspace::default()
    }
}

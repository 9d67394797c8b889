//! What the group decided in a workshop, counted from the ballots: each card's spread of
//! placements, the dots, the tally a facilitator shares, and the most disputed cards.

use super::ladder::{Board, Card};
use super::meta::{entity, Entity, Id, Meta};
use super::workshop::{ballots_of, Ballot};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How the group placed one card.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spread {
    /// Placements per rung, bottom rung first.
    pub counts: Vec<u32>,
    pub total: u32,
    /// The rung the group converges on (the median placement; the lower one of two middles).
    pub converged: Option<usize>,
    /// Rungs between the lowest and the highest placement.
    pub range: usize,
    /// Placements on both sides of the line.
    pub splits_line: bool,
    /// Mean distance from the converged rung, in hundredths of a rung.
    pub disagreement: u32,
}

/// The spread of placements of `card` over `board`'s rungs, from the ballots given.
pub fn spread<'a>(
    board: &Board,
    ballots: impl IntoIterator<Item = &'a Ballot>,
    card: &Id,
) -> Spread {
    spread_of(board, &Counts::from_ballots(ballots), card)
}

/// The spread of placements of `card` over `board`'s rungs. Placements on rungs that no
/// longer exist are left out. Counts from a file are summed in 64 bits and never expanded,
/// so even absurd numbers cost nothing.
pub fn spread_of(board: &Board, counts: &Counts, card: &Id) -> Spread {
    let mut per: Vec<u64> = vec![0; board.rungs.len()];
    for (rung, n) in counts.placed(card) {
        if let Some(i) = board.rung_index(rung) {
            per[i] = per[i].saturating_add(u64::from(*n));
        }
    }
    let total: u64 = per.iter().fold(0u64, |a, n| a.saturating_add(*n));
    let counts_out: Vec<u32> = per.iter().map(|n| clamp_u32(*n)).collect();
    if total == 0 {
        return Spread {
            counts: counts_out,
            ..Spread::default()
        };
    }
    // The median placement: the lower of the two middles.
    let target = (total - 1) / 2;
    let mut seen = 0u64;
    let mut median = 0;
    for (i, n) in per.iter().enumerate() {
        seen = seen.saturating_add(*n);
        if seen > target {
            median = i;
            break;
        }
    }
    let lo = per.iter().position(|n| *n > 0).unwrap_or(0);
    let hi = per.iter().rposition(|n| *n > 0).unwrap_or(0);
    let distance: u128 = per
        .iter()
        .enumerate()
        .map(|(i, n)| u128::from(*n) * i.abs_diff(median) as u128)
        .sum();
    Spread {
        total: clamp_u32(total),
        converged: Some(median),
        range: hi - lo,
        splits_line: !board.is_above(lo) && board.is_above(hi),
        disagreement: clamp_u32((distance * 100 / u128::from(total)) as u64),
        counts: counts_out,
    }
}

fn clamp_u32(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// How a board's cards were placed and voted, as counts only: from the ballots this browser
/// holds or, when a file from others brought more, from its [`Tally`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// How many people's placements and votes are counted.
    pub people: u32,
    cards: BTreeMap<Id, CardCounts>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct CardCounts {
    placed: BTreeMap<Id, u32>,
    votes: u32,
}

impl Counts {
    pub fn from_ballots<'a>(ballots: impl IntoIterator<Item = &'a Ballot>) -> Self {
        let mut out = Counts::default();
        for b in ballots {
            out.people = out.people.saturating_add(1);
            for p in &b.placements {
                let n = out.card(&p.card).placed.entry(p.rung.clone()).or_default();
                *n = n.saturating_add(1);
            }
            for v in &b.votes {
                let c = out.card(v);
                c.votes = c.votes.saturating_add(1);
            }
        }
        out
    }

    fn from_tally(t: &Tally) -> Self {
        let mut out = Counts {
            people: t.people,
            ..Counts::default()
        };
        for c in &t.cards {
            let slot = out.card(&c.card);
            slot.votes = slot.votes.saturating_add(c.votes);
            for r in &c.placed {
                let n = slot.placed.entry(r.rung.clone()).or_default();
                *n = n.saturating_add(r.count);
            }
        }
        out
    }

    fn card(&mut self, id: &Id) -> &mut CardCounts {
        self.cards.entry(id.clone()).or_default()
    }

    /// (rung, how many placed `card` there).
    pub fn placed<'a>(&'a self, card: &Id) -> impl Iterator<Item = (&'a Id, &'a u32)> + 'a {
        self.cards
            .get(card)
            .into_iter()
            .flat_map(|c| c.placed.iter())
    }

    pub fn votes(&self, card: &Id) -> u32 {
        self.cards.get(card).map_or(0, |c| c.votes)
    }

    fn to_tally(&self) -> Vec<CardTally> {
        self.cards
            .iter()
            .map(|(card, c)| CardTally {
                card: card.clone(),
                placed: c
                    .placed
                    .iter()
                    .map(|(rung, n)| RungCount {
                        rung: rung.clone(),
                        count: *n,
                    })
                    .collect(),
                votes: c.votes,
            })
            .filter(|c| c.votes > 0 || !c.placed.is_empty())
            .collect()
    }
}

/// A board's counts: its ballots, unless a tally from a file counts more people (this browser
/// then holds only part of the picture, or none of it).
pub fn counts(ws: &super::Workspace, board: &Id) -> Counts {
    let from_ballots = Counts::from_ballots(ballots_of(ws, board));
    match ws.get::<Tally>(&tally_id(board)) {
        Some(t) if t.people > from_ballots.people => Counts::from_tally(t),
        _ => from_ballots,
    }
}

/// Placements and votes on a board as counts per card, with no trace of who placed or voted
/// what: what a board file or link shared with others carries instead of the ballots.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tally {
    /// Written inline with the other fields; read separately (see [`Meta`]).
    #[serde(flatten, skip_deserializing)]
    pub meta: Meta,
    pub board_id: Id,
    /// How many people's placements and votes are counted.
    #[serde(default)]
    pub people: u32,
    #[serde(default)]
    pub cards: Vec<CardTally>,
}
entity!(Tally, "tally");

/// One card's counts in a [`Tally`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CardTally {
    pub card: Id,
    #[serde(default)]
    pub placed: Vec<RungCount>,
    #[serde(default)]
    pub votes: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RungCount {
    pub rung: Id,
    pub count: u32,
}

/// The one id a board's tally has.
pub fn tally_id(board: &Id) -> Id {
    Id(format!("tally.{board}"))
}

/// The tally of `board` as [`counts`] sees it, or `None` when nobody placed or voted. Its
/// version is derived from what it counts, so the same ballots always give the same tally
/// (exporting twice, or from two browsers, merges without conflict) and more work gives a
/// newer one.
pub fn tally(ws: &super::Workspace, board: &Id) -> Option<Tally> {
    if let Some(t) = ws.get::<Tally>(&tally_id(board)) {
        if t.people > Counts::from_ballots(ballots_of(ws, board)).people {
            return Some(t.clone());
        }
    }
    let ballots: Vec<&Ballot> = ballots_of(ws, board).collect();
    if ballots.is_empty() {
        return None;
    }
    let counts = Counts::from_ballots(ballots.iter().copied());
    let version = ballots
        .iter()
        .fold(0u32, |a, b| a.saturating_add(b.meta.version));
    let cards = counts.to_tally();
    let mut t = Tally {
        meta: Meta {
            id: tally_id(board),
            version,
            version_nonce: 0,
            // The day only: no finer time that could tell when someone placed.
            updated_at: ballots
                .iter()
                .map(|b| b.meta.updated_at)
                .max()
                .and_then(|t| t.date_naive().and_hms_opt(0, 0, 0))
                .map(|t| t.and_utc())
                .unwrap_or_default(),
            deleted: false,
        },
        board_id: board.clone(),
        people: counts.people,
        cards,
    };
    t.meta.version_nonce = fnv(&serde_json::to_string(&t).unwrap_or_default());
    Some(t)
}

/// FNV-1a, a stable hash for derived nonces.
fn fnv(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// Whether people disagree about a card enough to talk about it: placements two or more rungs
/// apart, or on both sides of the line.
pub fn disputed(s: &Spread) -> bool {
    s.total > 1 && (s.range >= 2 || s.splits_line)
}

/// The cards (of those given) where people disagree most: the disputed ones with the highest
/// disagreement, ties all marked.
pub fn most_disputed(spreads: &[(Id, Spread)]) -> Vec<Id> {
    let top = spreads
        .iter()
        .filter(|(_, s)| disputed(s))
        .map(|(_, s)| s.disagreement)
        .max();
    match top {
        None => Vec::new(),
        Some(top) => spreads
            .iter()
            .filter(|(_, s)| disputed(s) && s.disagreement == top)
            .map(|(id, _)| id.clone())
            .collect(),
    }
}

/// Cards ranked by dots, most first; equal counts keep the given order.
pub fn ranking<'a>(cards: &[&'a Card], counts: &Counts) -> Vec<(&'a Card, u32)> {
    let mut ranked: Vec<(&Card, u32)> = cards.iter().map(|c| (*c, counts.votes(c.id()))).collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.1));
    ranked
}

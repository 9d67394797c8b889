//! The Accountability Ladder: boards (one ladder retro each), their rungs, and cards.
//!
//! A board carries its own rungs (so teams can rename, add, remove and reorder them) and the
//! position of *the line*: `line` rungs sit below it, the rest above. Rungs have ids of their
//! own, so renaming or reordering never moves a card; a card on a removed rung goes to the
//! board's unplaced tray (`rung: None`). Every move of a card is kept in its climb path.

use super::meta::{entity, Id, Meta};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub use super::ladder_markdown::board_markdown;
pub use super::ladder_templates::Template;

/// One rung of a board's ladder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rung {
    pub id: Id,
    #[serde(default)]
    pub name: String,
    /// One line saying what this rung sounds like.
    #[serde(default)]
    pub description: String,
    /// The question that helps a card climb from here.
    #[serde(default)]
    pub prompt: String,
}

/// One ladder retro.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Board {
    /// Written inline with the other fields; read separately (see [`Meta`]).
    #[serde(flatten, skip_deserializing)]
    pub meta: Meta,
    #[serde(default)]
    pub title: String,
    #[serde(default, with = "super::iso::opt_date")]
    pub date: Option<NaiveDate>,
    /// The team this belongs to (see [`super::teams`]); missing only in data older than
    /// teams, until restore settles it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_id: Option<super::meta::Id>,
    /// The team's name, used to group boards in the trend chart.
    #[serde(default)]
    pub team: String,
    #[serde(default)]
    pub facilitator: Option<Id>,
    /// Bottom rung first.
    #[serde(default)]
    pub rungs: Vec<Rung>,
    /// How many rungs (from the bottom) sit below the line.
    #[serde(default)]
    pub line: usize,
    /// The workshop session, when the board is run as one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<super::workshop::Session>,
}
entity!(Board, "board");

/// The three mindsets a card can be tagged with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Mindset {
    OwnTheEndResult,
    WalkTheTalk,
    NoInvisibility,
}

impl Mindset {
    pub const ALL: [Mindset; 3] = [
        Mindset::OwnTheEndResult,
        Mindset::WalkTheTalk,
        Mindset::NoInvisibility,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Mindset::OwnTheEndResult => "Own the end result",
            Mindset::WalkTheTalk => "Walk the talk",
            Mindset::NoInvisibility => "No invisibility",
        }
    }
}

/// One move of a card: from a rung (or the tray) to another, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    #[serde(default)]
    pub from: Option<Id>,
    #[serde(default)]
    pub to: Option<Id>,
    #[serde(with = "super::iso::instant")]
    pub at: DateTime<Utc>,
}

/// A card: one situation (never a person) placed on a rung of a board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Card {
    /// Written inline with the other fields; read separately (see [`Meta`]).
    #[serde(flatten, skip_deserializing)]
    pub meta: Meta,
    pub board_id: Id,
    #[serde(default)]
    pub text: String,
    /// Who wrote it; `None` is anonymous.
    #[serde(default)]
    pub author: Option<Id>,
    /// Whether the author chose to sign the card. Only a signed card's author travels in
    /// files and links meant for others; a card written in a workshop turn is unsigned.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub signed: bool,
    /// The rung it sits on; `None` is the unplaced tray.
    #[serde(default)]
    pub rung: Option<Id>,
    /// The one owner of the outcome.
    #[serde(default)]
    pub owner: Option<Id>,
    #[serde(default)]
    pub tags: Vec<Mindset>,
    /// Every move, oldest first.
    #[serde(default)]
    pub path: Vec<Step>,
    /// Answers to rung prompts, recorded as the card climbs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<super::workshop::RungNote>,
    /// The card this one is stacked under, when the team grouped similar situations: the
    /// group's first card stands for it on the ladder, in placements, votes and the climb.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Id>,
}
entity!(Card, "card");

impl Board {
    /// Whether a card on rung `index` names its one owner: from the rung called "Own it" up,
    /// or, on a ladder without one, from the first rung above the line.
    pub fn names_owner_at(&self, index: usize) -> bool {
        let own = self
            .rungs
            .iter()
            .position(|r| r.name.trim().eq_ignore_ascii_case("own it"))
            .unwrap_or(self.line);
        index >= own && index < self.rungs.len()
    }
}

impl Board {
    /// Position of a rung from the bottom (0 is the lowest).
    pub fn rung_index(&self, rung: &Id) -> Option<usize> {
        self.rungs.iter().position(|r| &r.id == rung)
    }

    pub fn rung(&self, rung: &Id) -> Option<&Rung> {
        self.rungs.iter().find(|r| &r.id == rung)
    }

    /// Whether the rung at `index` is above the line.
    pub fn is_above(&self, index: usize) -> bool {
        index >= self.line
    }

    /// The name of a card's place: a rung, the tray, or a rung that no longer exists.
    pub fn place_name(&self, rung: Option<&Id>) -> String {
        match rung {
            None => "Unplaced".to_owned(),
            Some(id) => self
                .rung(id)
                .map(|r| r.name.clone())
                .unwrap_or_else(|| "a removed rung".to_owned()),
        }
    }

    /// The rung `delta` steps above (positive) or below (negative) `from`. From the tray,
    /// up goes to the bottom rung and down to the top one. `None` when there is no such rung.
    pub fn rung_after(&self, from: Option<&Id>, delta: i32) -> Option<Id> {
        if self.rungs.is_empty() || delta == 0 {
            return None;
        }
        let start = match from.and_then(|id| self.rung_index(id)) {
            Some(i) => i as i64,
            None if delta > 0 => -1,
            None => self.rungs.len() as i64,
        };
        let target = start + i64::from(delta);
        if target < 0 || target >= self.rungs.len() as i64 {
            return None;
        }
        Some(self.rungs[target as usize].id.clone())
    }
}

impl Card {
    /// A new card on `board`: unplaced, unsigned, with no author, owner, tags or notes.
    pub fn new(meta: Meta, board: Id, text: String) -> Self {
        Card {
            meta,
            board_id: board,
            text,
            author: None,
            signed: false,
            rung: None,
            owner: None,
            tags: Vec::new(),
            path: Vec::new(),
            notes: Vec::new(),
            group: None,
        }
    }

    /// Puts the card on `to` (the tray when `None`), keeping the move in its climb path.
    pub fn move_to(&mut self, to: Option<Id>, at: DateTime<Utc>) {
        self.path.push(Step {
            from: self.rung.clone(),
            to: to.clone(),
            at,
        });
        self.rung = to;
    }

    /// The path as rung names, e.g. "Excuses → Own it → Make it happen". Empty when the card
    /// never moved after it was placed.
    pub fn path_text(&self, board: &Board) -> String {
        let moves: Vec<&Step> = self.path.iter().filter(|s| s.from != s.to).collect();
        let Some(first) = moves.first() else {
            return String::new();
        };
        let mut names = vec![board.place_name(first.from.as_ref())];
        for s in &moves {
            names.push(board.place_name(s.to.as_ref()));
        }
        names.join(" → ")
    }

    /// The rung the card was first placed on (the start of its climb).
    pub fn first_rung(&self) -> Option<&Id> {
        self.path
            .iter()
            .find_map(|s| s.from.as_ref())
            .or(self.rung.as_ref())
    }
}

/// Figures for one board.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Cards per rung, bottom first, aligned with `board.rungs`.
    pub per_rung: Vec<usize>,
    pub unplaced: usize,
    pub below: usize,
    pub above: usize,
    /// Cards whose rung is higher than where they started.
    pub climbed: usize,
    /// Rungs gained by all climbed cards together.
    pub rungs_climbed: usize,
    /// Cards with an owner of the outcome.
    pub owned: usize,
}

impl Summary {
    pub fn placed(&self) -> usize {
        self.below + self.above
    }

    /// Share of placed cards above the line, 0.0 to 1.0; `None` with no placed card.
    pub fn share_above(&self) -> Option<f64> {
        match self.placed() {
            0 => None,
            n => Some(self.above as f64 / n as f64),
        }
    }

    /// The share as a whole percentage, for display.
    pub fn percent_above(&self) -> Option<u32> {
        self.share_above().map(|s| (s * 100.0).round() as u32)
    }
}

/// Counts the cards of `board` (pass only that board's live cards).
pub fn summarize<'a>(board: &Board, cards: impl IntoIterator<Item = &'a Card>) -> Summary {
    let all: Vec<&Card> = cards.into_iter().collect();
    let cards = leads(&all);
    let mut s = Summary {
        per_rung: vec![0; board.rungs.len()],
        unplaced: 0,
        below: 0,
        above: 0,
        climbed: 0,
        rungs_climbed: 0,
        owned: 0,
    };
    for card in cards {
        s.owned += usize::from(card.owner.is_some());
        let Some(index) = card.rung.as_ref().and_then(|r| board.rung_index(r)) else {
            s.unplaced += 1;
            continue;
        };
        s.per_rung[index] += 1;
        if board.is_above(index) {
            s.above += 1;
        } else {
            s.below += 1;
        }
        if let Some(start) = card.first_rung().and_then(|r| board.rung_index(r)) {
            if index > start {
                s.climbed += 1;
                s.rungs_climbed += index - start;
            }
        }
    }
    s
}

/// One board in the trend of a team's boards.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    pub board: Id,
    pub title: String,
    pub date: Option<NaiveDate>,
    pub share_above: Option<f64>,
}

/// Share above the line per board of `team` (all boards when `team` is empty), oldest first;
/// boards without a date come last in title order.
pub fn trend(ws: &super::Workspace, team: &str) -> Vec<TrendPoint> {
    let mut points: Vec<TrendPoint> = ws
        .live::<Board>()
        .filter(|b| team.is_empty() || b.team.eq_ignore_ascii_case(team))
        .map(|b| {
            let cards = ws.live::<Card>().filter(|c| c.board_id == b.meta.id);
            TrendPoint {
                board: b.meta.id.clone(),
                title: b.title.clone(),
                date: b.date,
                share_above: summarize(b, cards).share_above(),
            }
        })
        .collect();
    points.sort_by(|a, b| {
        (a.date.is_none(), a.date, &a.title).cmp(&(b.date.is_none(), b.date, &b.title))
    });
    points
}

/// The cards (of those given) that stand as items of their own: every card not stacked
/// under another card of the same set. A card stacked under a card that is gone (deleted,
/// or not in the set) stands on its own, so nothing disappears from view.
pub fn leads<'a>(cards: &[&'a Card]) -> Vec<&'a Card> {
    cards
        .iter()
        .copied()
        .filter(|c| {
            c.group
                .as_ref()
                .is_none_or(|g| !cards.iter().any(|x| &x.meta.id == g && x.group.is_none()))
        })
        .collect()
}

/// The items (see [`leads`]) in the order a workshop shows them: by id. Ids are random, so the
/// order says nothing of who wrote which card (cards are written turn by turn, and stored in
/// that order), and it is the same in every participant's browser.
pub fn workshop_order<'a>(cards: &[&'a Card]) -> Vec<&'a Card> {
    let mut items = leads(cards);
    items.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    items
}

/// The cards (of those given) stacked under `lead`.
pub fn stacked_under<'a>(cards: &[&'a Card], lead: &Id) -> Vec<&'a Card> {
    cards
        .iter()
        .copied()
        .filter(|c| c.group.as_ref() == Some(lead) && &c.meta.id != lead)
        .collect()
}

//! Everything the pages compute from a workspace, in one place, so that the fuzzer
//! (`tests/import_fuzz.rs`) runs all of it natively on hostile data: if no input makes this
//! panic or hang, no input makes a page do so. The pages call the same functions.

use super::covenant::{covenant_markdown, diff, Covenant};
use super::deleted::recently_deleted;
use super::goals::{done_per_week, due_group, focus_warnings, streak, Goal, Nudges};
use super::ladder::{board_markdown, summarize, trend, Board, Card};
use super::meta::{Entity, Id};
use super::preview::preview;
use super::quota::Usage;
use super::workshop::{counts, most_disputed, previous_board, ranking, spread_of, tally};
use super::workspace::Workspace;
use chrono::NaiveDate;

/// Runs every page's computation over `ws`; returns a figure that depends on all of them (the
/// total length of what they produced), so that none can be skipped.
pub fn compute_all(ws: &Workspace, today: NaiveDate) -> usize {
    let mut n = 0usize;
    let name = |id: &Id| super::roster::member_name(ws, id);
    for b in ws.live::<Board>() {
        let cards: Vec<&Card> = ws
            .live::<Card>()
            .filter(|c| c.board_id == b.meta.id)
            .collect();
        let s = summarize(b, cards.iter().copied());
        n += s.per_rung.len() + s.percent_above().unwrap_or(0) as usize;
        n += board_markdown(b, cards.iter().copied(), &name).len();
        n += trend(ws, &b.team).len();
        n += previous_board(ws, b).map_or(0, |p| p.title.len());
        let c = counts(ws, &b.meta.id);
        let spreads: Vec<(Id, super::workshop::Spread)> = cards
            .iter()
            .map(|card| (card.id().clone(), spread_of(b, &c, card.id())))
            .collect();
        n += most_disputed(&spreads).len();
        n += ranking(&cards, &c).len();
        n += tally(ws, &b.meta.id).map_or(0, |t| t.cards.len());
        for card in &cards {
            n += card.path_text(b).len();
            n += b.place_name(card.rung.as_ref()).len();
        }
        n += super::exchange::board_subset(ws, &b.meta.id).cards.len();
    }
    for c in ws.live::<Covenant>() {
        n += covenant_markdown(c, &name).len();
        n += c.terms.lines(&name).len() + c.terms.unclear().len();
        n += c.signature_states().len();
        n += usize::from(c.review_due(today, 7));
        for pair in c.versions.windows(2) {
            n += diff(&pair[0].terms.lines(&name), &pair[1].terms.lines(&name)).len();
        }
        if let (Some(first), Some(last)) = (c.versions.first(), c.versions.last()) {
            let d = diff(&first.terms.lines(&name), &last.terms.lines(&name));
            n += super::covenant::shown_diff(d, 2, 400).len();
        }
    }
    let nudges = Nudges::default();
    for g in ws.live::<Goal>() {
        n += due_group(g, today) as usize;
        n += usize::from(g.is_overdue(today)) + usize::from(g.is_stale(today, &nudges));
        n += g.micro_flags(&nudges).len();
    }
    n += focus_warnings(ws.live::<Goal>(), &nudges).len();
    n += done_per_week(ws.live::<Goal>(), today, 8).len();
    n += streak(ws.live::<Goal>(), today, &[]);
    n += recently_deleted(ws, 30).len();
    n += preview(ws, ws).removals.len();
    let json = super::exchange::to_storage_json(ws, chrono::DateTime::UNIX_EPOCH);
    n += Usage::of(json.len(), super::quota::LOCAL_STORAGE_CHARS)
        .text()
        .len();
    n += ws.kept.to_file_json().len();
    n
}

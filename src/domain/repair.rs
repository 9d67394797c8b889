//! The invariants every view relies on, checked after each restore: what breaks one is
//! repaired with a warning that names it, so that no saved or imported data can make a page
//! fail. Repairs never drop what a person wrote; the data as it was is kept in a backup
//! (storage) or in the file itself (imports).

use super::covenant::Covenant;
use super::ladder::{Board, Card};
use super::meta::Id;
use super::restore::Warning;
use super::workshop::MAX_VOTES;
use super::workspace::Workspace;
use std::collections::{BTreeMap, BTreeSet};

/// Whether `f` looks like a fingerprint Climb writes: 64 lower-case hex digits.
pub fn well_formed_fingerprint(f: &str) -> bool {
    f.len() == 64
        && f.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Repairs `ws` in place; each repair adds a warning.
pub fn repair(ws: &mut Workspace, warnings: &mut Vec<Warning>) {
    for (i, b) in ws.boards.iter_mut().enumerate() {
        repair_board(b, i, warnings);
    }
    let rungs: BTreeMap<&Id, BTreeSet<&Id>> = ws
        .boards
        .iter()
        .map(|b| (&b.meta.id, b.rungs.iter().map(|r| &r.id).collect()))
        .collect();
    for (i, c) in ws.cards.iter_mut().enumerate() {
        repair_card(c, rungs.get(&c.board_id), i, warnings);
    }
    for (i, c) in ws.covenants.iter_mut().enumerate() {
        repair_covenant(c, i, warnings);
    }
    derived_ids(ws, warnings);
}

/// A ballot's id derives from its board and member, a tally's from its board: a record whose
/// id says otherwise (it could stand in for another person's ballot) is kept unread.
fn derived_ids(ws: &mut Workspace, warnings: &mut Vec<Warning>) {
    use super::kept::{KeptRecord, Raw};
    use super::workshop::{ballot_id, tally_id};
    let mut unread = Vec::new();
    let mut check = |collection: &'static str, i: usize, ok: bool, json: String| {
        if ok {
            return true;
        }
        warnings.push(Warning {
            collection,
            index: Some(i),
            reason: "its id does not match its board and person; kept as it is".into(),
            kept: true,
        });
        if let Some(raw) = Raw::new(&json) {
            unread.push(KeptRecord::new(collection, raw, "id does not match".into()));
        }
        false
    };
    let mut i = 0;
    ws.ballots.retain(|b| {
        i += 1;
        let ok = b.meta.id == ballot_id(&b.board_id, &b.member);
        check(
            "ballots",
            i - 1,
            ok,
            serde_json::to_string(b).unwrap_or_default(),
        )
    });
    let mut i = 0;
    ws.tallies.retain(|t| {
        i += 1;
        let ok = t.meta.id == tally_id(&t.board_id);
        check(
            "tallies",
            i - 1,
            ok,
            serde_json::to_string(t).unwrap_or_default(),
        )
    });
    ws.kept.keep_all(unread);
}

fn warn(warnings: &mut Vec<Warning>, collection: &'static str, i: usize, reason: String) {
    warnings.push(Warning {
        collection,
        index: Some(i),
        reason,
        kept: false,
    });
}

fn repair_board(b: &mut Board, i: usize, warnings: &mut Vec<Warning>) {
    let title = b.title.clone();
    // Rung ids must be unique and non-empty: cards and placements find their rung by id.
    let mut seen = BTreeSet::new();
    for (n, r) in b.rungs.iter_mut().enumerate() {
        if r.id.as_str().trim().is_empty() || !seen.insert(r.id.clone()) {
            let mut fresh = Id(format!("{}.rung-{}", b.meta.id, n + 1));
            while seen.contains(&fresh) {
                fresh = Id(format!("{fresh}+"));
            }
            warn(
                warnings,
                "boards",
                i,
                format!(
                    "board “{title}”: rung “{}” had a repeated or empty id, now {fresh}",
                    r.name
                ),
            );
            seen.insert(fresh.clone());
            r.id = fresh;
        }
    }
    if b.line > b.rungs.len() {
        warn(
            warnings,
            "boards",
            i,
            format!(
                "board “{title}”: the line sat above its {} rungs and now sits at the top",
                b.rungs.len()
            ),
        );
        b.line = b.rungs.len();
    }
    if let Some(s) = b.session.as_mut() {
        let before = s.participants.len();
        let mut seen = BTreeSet::new();
        s.participants.retain(|p| seen.insert(p.clone()));
        if s.participants.len() != before {
            warn(
                warnings,
                "boards",
                i,
                format!("board “{title}”: a workshop participant was listed twice"),
            );
        }
        if s.vote_limit == 0 || s.vote_limit > MAX_VOTES {
            s.vote_limit = s.vote_limit.clamp(1, MAX_VOTES);
            warn(
                warnings,
                "boards",
                i,
                format!(
                    "board “{title}”: the workshop's dots per person are now {}",
                    s.vote_limit
                ),
            );
        }
    }
}

fn repair_card(c: &mut Card, rungs: Option<&BTreeSet<&Id>>, i: usize, warnings: &mut Vec<Warning>) {
    // A card on a rung its board does not have goes to the tray, never away. (A card whose
    // board is missing is shown nowhere and kept as it is.)
    let Some(rungs) = rungs else { return };
    if let Some(r) = &c.rung {
        if !rungs.contains(r) {
            let text: String = c.text.chars().take(40).collect();
            warn(
                warnings,
                "cards",
                i,
                format!("card “{text}”: its rung is not on the board; moved to the tray"),
            );
            c.rung = None;
        }
    }
}

fn repair_covenant(c: &mut Covenant, i: usize, warnings: &mut Vec<Warning>) {
    let title = c.terms.title.clone();
    for v in &mut c.versions {
        if !well_formed_fingerprint(&v.fingerprint) {
            warn(
                warnings,
                "covenants",
                i,
                format!(
                    "covenant “{title}” version {}: its fingerprint was malformed and was computed again",
                    v.number
                ),
            );
            v.fingerprint = v.terms.fingerprint();
        }
    }
}

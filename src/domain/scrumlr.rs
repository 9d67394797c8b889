//! Import of a Scrumlr board export: its notes become cards in the unplaced tray of a new
//! ladder board, so a team can re-rate a past retro on the ladder.
//!
//! Scrumlr's JSON export has top-level `board` (with `name`), `columns` (`id`, `name`),
//! `notes` (`text`, `position.column`) and `votings`. Only what Climb needs is read; the
//! column a note stood in is kept at the start of the card's text.

use super::ladder::{Board, Card, Template};
use super::meta::{Meta, Rng};
use super::workspace::Workspace;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;

#[derive(Deserialize)]
struct Export {
    board: ScrumlrBoard,
    #[serde(default)]
    columns: Vec<Column>,
    notes: Vec<Note>,
    /// Votings with their results per note (`votes.votesPerNote.<note>.total`).
    #[serde(default)]
    votings: Vec<Voting>,
    /// Some exports list single votes instead (`{"note": "<id>"}`).
    #[serde(default)]
    votes: Vec<Vote>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Voting {
    votes: Option<VotingResult>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct VotingResult {
    votes_per_note: std::collections::BTreeMap<String, NoteVotes>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NoteVotes {
    total: u64,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Vote {
    note: Option<String>,
}

#[derive(Deserialize)]
struct ScrumlrBoard {
    #[serde(default)]
    name: Option<String>,
}

#[derive(Deserialize)]
struct Column {
    id: String,
    #[serde(default)]
    name: String,
}

#[derive(Deserialize)]
struct Note {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    position: Option<Position>,
}

#[derive(Deserialize)]
struct Position {
    #[serde(default)]
    column: Option<String>,
}

/// The votes each note got, over every voting and single vote in the export.
fn votes_per_note(export: &Export) -> std::collections::BTreeMap<&str, u64> {
    let mut out: std::collections::BTreeMap<&str, u64> = std::collections::BTreeMap::new();
    for v in export.votings.iter().filter_map(|v| v.votes.as_ref()) {
        for (note, n) in &v.votes_per_note {
            let slot = out.entry(note.as_str()).or_default();
            *slot = slot.saturating_add(n.total);
        }
    }
    for note in export.votes.iter().filter_map(|v| v.note.as_deref()) {
        let slot = out.entry(note).or_default();
        *slot = slot.saturating_add(1);
    }
    out
}

/// Whether `text` looks like a Scrumlr export (and not a Climb file).
pub fn looks_like_scrumlr(text: &str) -> bool {
    text.contains("\"notes\"") && text.contains("\"board\"") && !text.contains("climb.workspace")
}

/// A workspace holding one new board with every non-empty note in its unplaced tray.
pub fn from_scrumlr(
    text: &str,
    today: NaiveDate,
    now: DateTime<Utc>,
    rng: &mut Rng,
) -> Result<Workspace, String> {
    let export: Export =
        serde_json::from_str(text).map_err(|e| format!("this is not a Scrumlr export ({e})"))?;
    let (texts, line) = Template::Classic.rungs();
    let rungs = texts
        .into_iter()
        .map(|(name, description, prompt)| super::ladder::Rung {
            id: super::meta::Id::random(rng),
            name: name.to_owned(),
            description: description.to_owned(),
            prompt: prompt.to_owned(),
        })
        .collect();
    let title = export
        .board
        .name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "Scrumlr board".to_owned());
    let board = Board {
        meta: Meta::new(now, rng),
        title: format!("{} (from Scrumlr)", title.trim()),
        date: Some(today),
        team: String::new(),
        team_id: None,
        facilitator: None,
        rungs,
        line,
        session: None,
    };
    let column = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| export.columns.iter().find(|c| &c.id == id))
            .map(|c| c.name.trim().to_owned())
            .filter(|n| !n.is_empty())
    };
    let votes = votes_per_note(&export);
    let mut cards = Vec::new();
    for note in &export.notes {
        let text = note.text.trim();
        if text.is_empty() {
            continue;
        }
        let text = match column(&note.position.as_ref().and_then(|p| p.column.clone())) {
            Some(col) => format!("[{col}] {text}"),
            None => text.to_owned(),
        };
        // The dots it got in Scrumlr stay with it, as a count at the end of its text (after
        // cutting the text to a card's length, so the count is never cut off).
        let text: String = text.chars().take(960).collect();
        let votes = note
            .id
            .as_deref()
            .and_then(|id| votes.get(id))
            .copied()
            .unwrap_or(0);
        let text = match votes {
            0 => text,
            1 => format!("{text} (1 vote in Scrumlr)"),
            n => format!("{text} ({n} votes in Scrumlr)"),
        };
        cards.push(Card::new(
            Meta::new(now, rng),
            board.meta.id.clone(),
            text.chars().take(1000).collect(),
        ));
    }
    Ok(Workspace {
        boards: vec![board],
        cards,
        ..Workspace::default()
    })
}

//! A board as Markdown for a wiki or chat.

use super::ladder::{leads, stacked_under, summarize, Board, Card};
use super::meta::Id;

/// The board as Markdown for a wiki or chat: title, summary, then the cards rung by rung from
/// the top (rungs without cards left out), with the line marked, each card with its owner of
/// the outcome (named by `name`). No other person is named: cards describe situations.
pub fn board_markdown<'a>(
    board: &Board,
    cards: impl IntoIterator<Item = &'a Card>,
    name: &dyn Fn(&Id) -> String,
) -> String {
    use super::merge::plural;
    let all: Vec<&Card> = cards.into_iter().collect();
    let s = summarize(board, all.iter().copied());
    let cards = leads(&all);
    let mut out = format!("# {}\n\n", one_line(&board.title));
    if let Some(d) = board.date {
        out.push_str(&format!("Date: {}  \n", super::iso::format_date(&d)));
    }
    if !board.team.is_empty() {
        out.push_str(&format!("Team: {}  \n", one_line(&board.team)));
    }
    out.push_str(&format!(
        "{}: {} placed, {} unplaced. Above the line: {}. Climbed: {}, {}. {} an owner.\n",
        if cards.len() == 1 { "Card" } else { "Cards" },
        s.placed(),
        s.unplaced,
        s.percent_above()
            .map(|p| format!("{p}%"))
            .unwrap_or_else(|| "no cards placed".to_owned()),
        plural(s.climbed, "card", "cards"),
        plural(s.rungs_climbed, "rung", "rungs"),
        match s.owned {
            1 => "1 card has".to_owned(),
            n => format!("{n} cards have"),
        },
    ));
    for (index, rung) in board.rungs.iter().enumerate().rev() {
        if index + 1 == board.line {
            out.push_str(THE_LINE);
        }
        let count = s.per_rung.get(index).copied().unwrap_or(0);
        if count == 0 {
            continue;
        }
        out.push_str(&format!("\n## {} ({count})\n\n", one_line(&rung.name)));
        for c in cards.iter().filter(|c| c.rung.as_ref() == Some(&rung.id)) {
            out.push_str(&card_line(board, c, name));
            for g in stacked_under(&all, &c.meta.id) {
                out.push_str(&format!("  - {}\n", one_line(&g.text)));
            }
        }
    }
    if board.line == 0 && !board.rungs.is_empty() {
        out.push_str(THE_LINE);
    }
    let tray: Vec<&&Card> = cards.iter().filter(|c| c.rung.is_none()).collect();
    if !tray.is_empty() {
        out.push_str(&format!("\n## Unplaced ({})\n\n", tray.len()));
        for c in tray {
            out.push_str(&card_line(board, c, name));
            for g in stacked_under(&all, &c.meta.id) {
                out.push_str(&format!("  - {}\n", one_line(&g.text)));
            }
        }
    }
    out
}

/// The line between the halves: rules set apart by blank lines, so the text between them is
/// never read as a heading.
const THE_LINE: &str = "\n---\n\n*The line*\n\n---\n";

fn card_line(board: &Board, c: &Card, name: &dyn Fn(&Id) -> String) -> String {
    let mut line = format!("- {}", one_line(&c.text));
    if let Some(owner) = &c.owner {
        line.push_str(&format!(" — owner: {}", one_line(&name(owner))));
    }
    let path = c.path_text(board);
    if !path.is_empty() {
        line.push_str(&format!(" _(moved: {})_", one_line(&path)));
    }
    for t in &c.tags {
        line.push_str(&format!(" `{}`", t.label()));
    }
    line.push('\n');
    line
}

/// Text on one line and escaped, so a card cannot break the Markdown structure.
fn one_line(text: &str) -> String {
    super::markdown::text(text)
}

//! The micro-goals as a spreadsheet (CSV, RFC 4180) for trackers and spreadsheets: one row a
//! goal with every field, its source (board or covenant clause), its state and its dates.

use super::covenant::Covenant;
use super::goals::Goal;
use super::ladder::{Board, Card};
use super::meta::Id;
use super::roster::name_or;
use super::Workspace;
use chrono::NaiveDate;

/// The header row, in column order.
pub const COLUMNS: [&str; 15] = [
    "Outcome",
    "State",
    "Owner",
    "Partner",
    "Created",
    "Due",
    "Follow-up",
    "Closed",
    "How we will know it is done",
    "What could get in the way",
    "Source",
    "Covenant clause",
    "Renegotiations",
    "Check-ins",
    "Reason dropped",
];

/// One cell, quoted when it holds a comma, a quote or a line break (quotes doubled). A cell
/// that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) gets a leading `'`, so a goal's text can never become a formula.
pub fn cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| super::iso::format_date(&d)).unwrap_or_default()
}

/// The title of the clause `id` in any covenant (the latest wording that has it).
fn clause_title(ws: &Workspace, id: &Id) -> Option<String> {
    ws.live::<Covenant>().find_map(|c| {
        c.terms
            .clauses()
            .find(|cl| &cl.id == id)
            .map(|cl| cl.title.clone())
    })
}

/// Where a goal came from, in words.
fn source(ws: &Workspace, g: &Goal) -> String {
    if let Some(card) = g.card.as_ref().and_then(|c| ws.get::<Card>(c)) {
        let board = ws.get::<Board>(&card.board_id);
        return match board {
            Some(b) if !b.title.trim().is_empty() => format!("Board: {}", b.title),
            _ => "A board".to_owned(),
        };
    }
    if g.card.is_some() {
        "A board".to_owned()
    } else if g.clause.is_some() {
        "The covenant".to_owned()
    } else if g.from_goal.is_some() {
        "A no-blame review".to_owned()
    } else {
        "Set directly".to_owned()
    }
}

/// Every micro-goal that is not deleted, as CSV with a header row. Lines end in CRLF, and the
/// text starts with a byte-order mark so that spreadsheets read it as UTF-8.
pub fn goals_csv(ws: &Workspace) -> String {
    let mut out = String::from("\u{feff}");
    let mut row = |cells: Vec<String>| {
        let line: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    };
    row(COLUMNS.iter().map(|c| (*c).to_owned()).collect());
    let name = |p: &Option<Id>| name_or(ws, p, "");
    for g in ws.live::<Goal>() {
        row(vec![
            g.outcome.clone(),
            g.state.label().to_owned(),
            name(&g.owner),
            name(&g.partner),
            date(g.created_on),
            date(g.due),
            date(g.follow_up),
            date(g.closed_on),
            g.verification.clone(),
            g.risk.clone(),
            source(ws, g),
            g.clause
                .as_ref()
                .and_then(|c| clause_title(ws, c))
                .unwrap_or_default(),
            g.history.len().to_string(),
            g.check_ins.len().to_string(),
            g.drop_reason.clone(),
        ]);
    }
    out
}

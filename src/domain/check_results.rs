//! The safety check's results: totals per statement and per condition (never one person's
//! answers: see [`super::check`]), the questions they open, and the trend across checks.

use super::check::{question_for, Answer, Check, Condition, Statement};
use super::check_commands::responses;
use super::covenant::{AmendmentDraft, Clause, Terms};
use super::meta::{Entity, Id};
use super::Workspace;

/// A score as it counts: 5 is always the good end, so a reversed statement's 1 counts as 5.
pub fn scored(answer: u8, reversed: bool) -> u8 {
    if reversed {
        6u8.saturating_sub(answer)
    } else {
        answer
    }
}

/// The median of some scores (the mean of the middle two for an even count).
pub fn median(scores: &[u8]) -> Option<f64> {
    let mut v = scores.to_vec();
    v.sort_unstable();
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => v.get(n / 2).map(|x| f64::from(*x)),
        _ => match (v.get(n / 2 - 1), v.get(n / 2)) {
            (Some(a), Some(b)) => Some((f64::from(*a) + f64::from(*b)) / 2.0),
            _ => None,
        },
    }
}

pub fn mean(scores: &[u8]) -> Option<f64> {
    if scores.is_empty() {
        return None;
    }
    let sum: u32 = scores.iter().map(|s| u32::from(*s)).sum();
    Some(f64::from(sum) / scores.len() as f64)
}

/// One statement's totals.
#[derive(Clone, Debug, PartialEq)]
pub struct StatementResult {
    pub statement: Statement,
    /// How many gave each answer, "strongly disagree" (1) first, as answered.
    pub counts: [u32; 5],
    /// How many answered the check but skipped this statement (or, when too few answered it,
    /// everybody: see [`results`]).
    pub skipped: u32,
    /// Answered by some, but fewer than the threshold: nothing of it is shown.
    pub hidden: bool,
    /// Scored (5 is good), over those who answered it.
    pub median: Option<f64>,
    pub mean: Option<f64>,
    /// The change in mean since the team's previous check, for the same statement.
    pub change: Option<f64>,
}

/// One condition's summary: every answer to its statements, scored.
#[derive(Clone, Debug, PartialEq)]
pub struct ConditionResult {
    pub condition: Condition,
    pub answers: u32,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub change: Option<f64>,
}

/// A check's results, once enough people answered.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    pub responses: u32,
    /// How many must answer a statement (and the check) for figures to show.
    pub threshold: u32,
    pub conditions: Vec<ConditionResult>,
    pub statements: Vec<StatementResult>,
}

/// Whether a check's results may be shown: `Err((have, need))` while too few answered.
pub fn visible(ws: &Workspace, check: &Check) -> Result<u32, (u32, u32)> {
    let have = responses(ws, check.id());
    if have >= check.threshold() {
        Ok(have)
    } else {
        Err((have, check.threshold()))
    }
}

/// The scored answers to each statement of `check`.
fn scores(ws: &Workspace, check: &Check) -> Vec<(Statement, Vec<u8>, [u32; 5])> {
    check
        .statements
        .iter()
        .map(|s| {
            let mut raw = [0u32; 5];
            let mut list = Vec::new();
            for a in ws.live::<Answer>().filter(|a| {
                &a.check_id == check.id() && a.statement_id == s.id && (1..=5).contains(&a.score)
            }) {
                if let Some(c) = raw.get_mut(usize::from(a.score) - 1) {
                    *c += 1;
                }
                list.push(scored(a.score, s.reversed));
            }
            (s.clone(), list, raw)
        })
        .collect()
}

/// The check of the same team before `check` whose results can be shown.
pub fn previous<'a>(ws: &'a Workspace, check: &Check) -> Option<&'a Check> {
    let list = shown_checks(ws, check.team_id.as_ref());
    match list.iter().position(|c| c.id() == check.id()) {
        Some(i) => i.checked_sub(1).and_then(|j| list.get(j)).copied(),
        None => list.into_iter().rfind(|c| c.opened_on <= check.opened_on),
    }
}

/// The team's closed checks with enough answers, oldest first (two of one day in the order
/// they were made).
pub fn shown_checks<'a>(ws: &'a Workspace, team: Option<&Id>) -> Vec<&'a Check> {
    let mut list: Vec<&Check> = ws
        .live::<Check>()
        .filter(|c| c.team_id.as_ref() == team && !c.is_open() && visible(ws, c).is_ok())
        .collect();
    list.sort_by_key(|c| c.opened_on);
    list
}

/// The results of `check`; `None` while fewer than its threshold answered.
pub fn results(ws: &Workspace, check: &Check) -> Option<Results> {
    let responses = visible(ws, check).ok()?;
    let before = previous(ws, check).map(|p| results_alone(ws, p));
    let mut out = results_alone(ws, check);
    out.responses = responses;
    if let Some(b) = before {
        for s in &mut out.statements {
            let old = b
                .statements
                .iter()
                .find(|o| o.statement.id == s.statement.id);
            s.change = diff(s.mean, old.and_then(|o| o.mean));
        }
        for c in &mut out.conditions {
            let old = b.conditions.iter().find(|o| o.condition == c.condition);
            c.change = diff(c.mean, old.and_then(|o| o.mean));
        }
    }
    Some(out)
}

fn diff(now: Option<f64>, then: Option<f64>) -> Option<f64> {
    Some(now? - then?)
}

fn results_alone(ws: &Workspace, check: &Check) -> Results {
    let mut per = scores(ws, check);
    let people = responses(ws, check.id());
    // A statement fewer than the threshold answered (the others skipped it) would show those
    // few people's answers: it shows nothing, and counts in no summary.
    let need = check.threshold() as usize;
    let mut hidden = Vec::with_capacity(per.len());
    for (_, list, raw) in &mut per {
        hidden.push(!list.is_empty() && list.len() < need);
        if list.len() < need {
            list.clear();
            *raw = [0; 5];
        }
    }
    let statements = per
        .iter()
        .zip(hidden)
        .map(|((s, list, raw), hidden)| StatementResult {
            statement: s.clone(),
            counts: *raw,
            skipped: people.saturating_sub(list.len() as u32),
            hidden,
            median: median(list),
            mean: mean(list),
            change: None,
        })
        .collect();
    let conditions = Condition::ALL
        .into_iter()
        .filter(|c| per.iter().any(|(s, _, _)| s.condition == *c))
        .map(|c| {
            let all: Vec<u8> = per
                .iter()
                .filter(|(s, _, _)| s.condition == c)
                .flat_map(|(_, l, _)| l.iter().copied())
                .collect();
            ConditionResult {
                condition: c,
                answers: all.len() as u32,
                mean: mean(&all),
                median: median(&all),
                change: None,
            }
        })
        .collect();
    Results {
        responses: people,
        threshold: check.threshold(),
        conditions,
        statements,
    }
}

/// Why a statement is offered for discussion.
#[derive(Clone, Debug, PartialEq)]
pub enum Why {
    /// Among the lowest scores of this check.
    Low,
    /// Dropped by this much since the last check.
    Dropped(f64),
}

/// A statement offered as a question for the retro.
#[derive(Clone, Debug, PartialEq)]
pub struct Discussion {
    pub statement: Statement,
    pub question: &'static str,
    pub mean: f64,
    pub why: Why,
}

/// A drop at least this big (on the 1–5 scale) is worth talking about.
pub const NOTABLE_DROP: f64 = 0.5;

/// The lowest three statements, then any other that dropped notably since the last check,
/// each with the question it opens.
pub fn discussion(r: &Results) -> Vec<Discussion> {
    let mut scored: Vec<&StatementResult> =
        r.statements.iter().filter(|s| s.mean.is_some()).collect();
    scored.sort_by(|a, b| {
        a.mean
            .partial_cmp(&b.mean)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut out: Vec<Discussion> = Vec::new();
    let item = |s: &StatementResult, why: Why| Discussion {
        statement: s.statement.clone(),
        question: question_for(&s.statement),
        mean: s.mean.unwrap_or_default(),
        why,
    };
    for s in scored.iter().take(3) {
        out.push(item(s, Why::Low));
    }
    let mut drops: Vec<&&StatementResult> = scored
        .iter()
        .filter(|s| s.change.is_some_and(|c| c <= -NOTABLE_DROP))
        .collect();
    drops.sort_by(|a, b| {
        a.change
            .partial_cmp(&b.change)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    for s in drops {
        let change = s.change.unwrap_or_default();
        match out.iter_mut().find(|d| d.statement.id == s.statement.id) {
            Some(d) => d.why = Why::Dropped(change),
            None => out.push(item(s, Why::Dropped(change))),
        }
    }
    out
}

/// One check in the trend: each condition's mean.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    pub check: Id,
    pub title: String,
    pub responses: u32,
    pub means: Vec<(Condition, Option<f64>)>,
}

/// Each condition across the team's checks, oldest first (only checks with results shown).
pub fn trend(ws: &Workspace, team: Option<&Id>) -> Vec<TrendPoint> {
    let list = shown_checks(ws, team);
    let titles = numbered_titles(&list);
    list.into_iter()
        .zip(titles)
        .map(|(c, title)| {
            let r = results_alone(ws, c);
            TrendPoint {
                check: c.id().clone(),
                title,
                responses: r.responses,
                means: Condition::ALL
                    .into_iter()
                    .map(|k| {
                        let m = r.conditions.iter().find(|x| x.condition == k);
                        (k, m.and_then(|m| m.mean))
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The checks' titles, with "(2)", "(3)"… for a second and third check of one day.
fn numbered_titles(list: &[&Check]) -> Vec<String> {
    let mut seen: std::collections::BTreeMap<String, u32> = Default::default();
    list.iter()
        .map(|c| {
            let n = seen.entry(c.title()).or_insert(0);
            *n += 1;
            match *n {
                1 => c.title(),
                n => format!("{} ({n})", c.title()),
            }
        })
        .collect()
}

/// "up", "down" or "steady" for a change in mean.
pub fn direction(change: f64) -> &'static str {
    if change >= 0.25 {
        "up"
    } else if change <= -0.25 {
        "down"
    } else {
        "steady"
    }
}

/// The team's latest check in one line for the coach's overview ("Check of 2026-12-03:
/// safety up, trust steady, clarity down"): the team against itself, never against others.
pub fn latest_line(ws: &Workspace, team: Option<&Id>) -> Option<String> {
    let t = trend(ws, team);
    let last = t.last()?;
    let before = t.len().checked_sub(2).and_then(|i| t.get(i));
    let parts: Vec<String> = last
        .means
        .iter()
        .filter_map(|(c, m)| {
            let m = (*m)?;
            let word = c.key();
            Some(
                match before.and_then(|b| b.means.iter().find(|x| x.0 == *c)?.1) {
                    Some(old) => format!("{word} {}", direction(m - old)),
                    None => format!("{word} {}", one_decimal(m)),
                },
            )
        })
        .collect();
    Some(format!("{}: {}", last.title, parts.join(", ")))
}

/// "3.4".
pub fn one_decimal(x: f64) -> String {
    format!("{:.1}", x)
}

/// An amendment to propose from a statement: the terms in force plus a behaviour clause to
/// word together, and a reason that names the check.
pub fn amendment(terms: &Terms, check: &Check, s: &Statement, clause: Id) -> AmendmentDraft {
    let mut terms = terms.clone();
    terms.behaviours.push(Clause {
        id: clause,
        title: format!(
            "{}: {}",
            s.condition.label(),
            super::merge::excerpt(&s.text, 60)
        ),
        text: format!("Our answer to: {} ", question_for(s)),
        clarity: [false; 5],
    });
    AmendmentDraft {
        terms,
        reason: format!(
            "From the {}: “{}” scored low.",
            lower_first(&check.title()),
            s.text
        ),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

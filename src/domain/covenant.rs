//! The team covenant: terms written together, activated, signed, amended and reviewed.
//!
//! The *terms* are what the team agrees to. Activating the covenant publishes the terms as
//! version 1; from then on any change is an amendment, published as the next version with its
//! reason. A signature records the fingerprint of the version it signs (a SHA-256 of the
//! terms' canonical text), so signatures of older versions show as needing renewal.

use super::meta::{entity, Id, Meta};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The five dimensions of clarity every commitment needs.
pub const CLARITY: [&str; 5] = [
    "specific expectations",
    "adequate resources",
    "clear measurements",
    "defined feedback loops",
    "transparent consequences",
];

/// A behaviour or a metric of success, with its clarity checklist (guidance only).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Clause {
    pub id: Id,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub text: String,
    /// Which of [`CLARITY`] the team has made clear, in that order.
    #[serde(default)]
    pub clarity: [bool; 5],
}

/// Who decides what (DACI).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DecisionRight {
    pub id: Id,
    #[serde(default)]
    pub decision: String,
    #[serde(default)]
    pub driver: Option<Id>,
    #[serde(default)]
    pub approver: Option<Id>,
    #[serde(default)]
    pub contributors: Vec<Id>,
    #[serde(default)]
    pub informed: Vec<Id>,
}

/// One step of the escalation path.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EscalationStep {
    pub id: Id,
    #[serde(default)]
    pub who: String,
    #[serde(default)]
    pub when: String,
    #[serde(default)]
    pub how: String,
}

/// What the team agrees to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Terms {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub team: String,
    #[serde(default)]
    pub intent: String,
    #[serde(default)]
    pub behaviours: Vec<Clause>,
    #[serde(default)]
    pub decision_rights: Vec<DecisionRight>,
    #[serde(default)]
    pub escalation: Vec<EscalationStep>,
    #[serde(default)]
    pub metrics: Vec<Clause>,
    #[serde(default, with = "super::iso::opt_date")]
    pub review_on: Option<NaiveDate>,
}

/// A published version of the terms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Version {
    pub number: u32,
    pub terms: Terms,
    /// Why this version was made ("First version" for the activation).
    #[serde(default)]
    pub reason: String,
    #[serde(with = "super::iso::instant")]
    pub at: DateTime<Utc>,
    pub fingerprint: String,
}

/// A member's signature on one version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Signature {
    pub member: Id,
    /// The name as the member typed it.
    pub typed_name: String,
    #[serde(with = "super::iso::instant")]
    pub at: DateTime<Utc>,
    pub version: u32,
    pub fingerprint: String,
}

/// How a review ended.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ReviewOutcome {
    /// The wording stays; only the next review date is set.
    #[default]
    Reaffirmed,
    /// The review published a new version.
    Amended,
}

/// A completed review: what the team learned, how it ended, and when the next one is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    #[serde(with = "super::iso::instant")]
    pub at: DateTime<Utc>,
    /// A few lines in the team's words.
    #[serde(default)]
    pub learned: String,
    #[serde(default)]
    pub outcome: ReviewOutcome,
    /// The version in force after the review.
    #[serde(default)]
    pub version: u32,
    #[serde(default, with = "super::iso::opt_date")]
    pub next: Option<NaiveDate>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CovenantState {
    #[default]
    Draft,
    Active,
    UnderReview,
}

/// A team's joint covenant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Covenant {
    /// Written inline with the other fields; read separately (see [`Meta`]).
    #[serde(flatten, skip_deserializing)]
    pub meta: Meta,
    /// The team this belongs to (see [`super::teams`]); missing only in data older than
    /// teams, until restore settles it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_id: Option<super::meta::Id>,
    /// The terms being written (in a draft) or in force (the latest version).
    #[serde(default)]
    pub terms: Terms,
    #[serde(default)]
    pub state: CovenantState,
    /// Published versions, oldest first.
    #[serde(default)]
    pub versions: Vec<Version>,
    #[serde(default)]
    pub signatures: Vec<Signature>,
    /// Completed reviews, oldest first (absent from files before reviews were recorded).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
}
entity!(Covenant, "covenant");

fn hex_digest(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Collapses whitespace, so that spacing never changes a fingerprint.
fn norm(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Terms {
    /// The terms as lines of text, with people named by `name`. With ids as names this is the
    /// canonical text that is fingerprinted; with member names it is what a diff shows.
    pub fn lines(&self, name: &dyn Fn(&Id) -> String) -> Vec<String> {
        let person = |p: &Option<Id>| p.as_ref().map(name).unwrap_or_default();
        let people = |ps: &[Id]| ps.iter().map(name).collect::<Vec<_>>().join(", ");
        let mut out = vec![
            format!("Title: {}", norm(&self.title)),
            format!("Team: {}", norm(&self.team)),
            format!("Intent: {}", norm(&self.intent)),
        ];
        for c in &self.behaviours {
            out.push(format!("Behaviour: {}: {}", norm(&c.title), norm(&c.text)));
        }
        for d in &self.decision_rights {
            out.push(format!(
                "Decision: {} | Driver: {} | Approver: {} | Contributors: {} | Informed: {}",
                norm(&d.decision),
                person(&d.driver),
                person(&d.approver),
                people(&d.contributors),
                people(&d.informed)
            ));
        }
        for (i, s) in self.escalation.iter().enumerate() {
            out.push(format!(
                "Escalation {}: {} | when: {} | how: {}",
                i + 1,
                norm(&s.who),
                norm(&s.when),
                norm(&s.how)
            ));
        }
        for c in &self.metrics {
            out.push(format!("Metric: {}: {}", norm(&c.title), norm(&c.text)));
        }
        out.push(self.review_line());
        out
    }

    /// The lines members sign: everything but the review date.
    pub fn wording(&self, name: &dyn Fn(&Id) -> String) -> Vec<String> {
        let mut lines = self.lines(name);
        lines.pop();
        lines
    }

    fn review_line(&self) -> String {
        format!(
            "Review: {}",
            self.review_on
                .map(|d| super::iso::format_date(&d))
                .unwrap_or_default()
        )
    }

    /// The fingerprint of the exact wording: SHA-256 (hex) of the canonical text. Ids of
    /// clauses, the clarity checklists and the review date are not part of the wording:
    /// members sign what the team agrees to, and a new review date does not ask them to
    /// sign again.
    pub fn fingerprint(&self) -> String {
        hex_digest(&self.wording(&|id: &Id| id.to_string()).join("\n"))
    }

    /// The fingerprint as builds before reviews made it, with the review date: signatures
    /// in older files carry it and stay verified.
    pub fn fingerprint_with_date(&self) -> String {
        hex_digest(&self.lines(&|id: &Id| id.to_string()).join("\n"))
    }

    /// Whether a stored fingerprint is this wording's, in today's form or the older one.
    pub fn has_fingerprint(&self, fingerprint: &str) -> bool {
        self.fingerprint() == fingerprint || self.fingerprint_with_date() == fingerprint
    }

    /// The rows left empty, by name ("behaviour 2", "decision 1"): a covenant is not
    /// activated or amended with them (a "Behaviour: :" line binds nobody to anything).
    pub fn empty_rows(&self) -> Vec<String> {
        let blank = |s: &str| s.trim().is_empty();
        let mut out = Vec::new();
        for (noun, list) in [("behaviour", &self.behaviours), ("metric", &self.metrics)] {
            for (i, c) in list.iter().enumerate() {
                if blank(&c.title) || blank(&c.text) {
                    out.push(format!("{noun} {}", i + 1));
                }
            }
        }
        for (i, d) in self.decision_rights.iter().enumerate() {
            if blank(&d.decision) {
                out.push(format!("decision {}", i + 1));
            }
        }
        for (i, s) in self.escalation.iter().enumerate() {
            if blank(&s.who) && blank(&s.when) && blank(&s.how) {
                out.push(format!("escalation step {}", i + 1));
            }
        }
        out
    }

    /// Every clause: the behaviours, then the metrics.
    pub fn clauses(&self) -> impl Iterator<Item = &Clause> {
        self.behaviours.iter().chain(&self.metrics)
    }

    /// Behaviours and metrics with the dimensions of clarity still open, as guidance.
    pub fn unclear(&self) -> Vec<(String, Vec<&'static str>)> {
        self.clauses()
            .filter_map(|c| {
                let open: Vec<&'static str> = CLARITY
                    .iter()
                    .zip(c.clarity)
                    .filter(|(_, done)| !done)
                    .map(|(d, _)| *d)
                    .collect();
                (!open.is_empty()).then(|| (c.title.clone(), open))
            })
            .collect()
    }
}

impl Covenant {
    /// The version in force, if the covenant was ever activated.
    pub fn current(&self) -> Option<&Version> {
        self.versions.last()
    }

    /// Whether a signature is on the wording in force (a new review date alone does not
    /// ask anyone to sign again).
    pub fn is_current(&self, s: &Signature) -> bool {
        let wording = |n: u32| {
            self.versions
                .iter()
                .find(|v| v.number == n)
                .map(|v| v.terms.fingerprint())
        };
        self.current()
            .is_some_and(|c| wording(s.version) == Some(c.terms.fingerprint()))
    }

    /// Whether a signature's fingerprint matches the wording of the version it claims: a
    /// signature that does not (edited in a file, or made up) is shown as not verified.
    pub fn verified(&self, s: &Signature) -> bool {
        self.versions
            .iter()
            .find(|v| v.number == s.version)
            .is_some_and(|v| v.terms.has_fingerprint(&s.fingerprint))
    }

    /// Each member's latest signature and its state. Each version's wording is fingerprinted
    /// once, however many signatures there are.
    pub fn signature_states(&self) -> Vec<(&Signature, SignatureState)> {
        let latest = self.latest_signatures();
        // Per version: its wording's fingerprint, and the older form with the date.
        let mut prints: std::collections::BTreeMap<u32, (String, String)> =
            std::collections::BTreeMap::new();
        for s in &latest {
            if let std::collections::btree_map::Entry::Vacant(slot) = prints.entry(s.version) {
                if let Some(v) = self.versions.iter().find(|v| v.number == s.version) {
                    slot.insert((v.terms.fingerprint(), v.terms.fingerprint_with_date()));
                }
            }
        }
        let current = self.current().map(|c| c.terms.fingerprint());
        latest
            .into_iter()
            .map(|s| {
                let print = prints.get(&s.version);
                let verified =
                    print.is_some_and(|(p, old)| *p == s.fingerprint || *old == s.fingerprint);
                let state = if !verified {
                    SignatureState::NotVerified
                } else if print.map(|(p, _)| p) == current.as_ref() {
                    SignatureState::Current
                } else {
                    SignatureState::Renew
                };
                (s, state)
            })
            .collect()
    }

    /// Each member's latest signature, and whether it needs renewing (or is not verified).
    pub fn signature_status(&self) -> Vec<(&Signature, bool)> {
        self.signature_states()
            .into_iter()
            .map(|(s, st)| (s, st != SignatureState::Current))
            .collect()
    }

    fn latest_signatures(&self) -> Vec<&Signature> {
        let mut latest: Vec<&Signature> = Vec::new();
        let mut at: std::collections::BTreeMap<&Id, usize> = std::collections::BTreeMap::new();
        for s in &self.signatures {
            match at.get(&s.member) {
                Some(&i) => {
                    if s.version >= latest[i].version {
                        latest[i] = s;
                    }
                }
                None => {
                    at.insert(&s.member, latest.len());
                    latest.push(s);
                }
            }
        }
        latest
    }

    /// The review date when it has passed: "overdue since" it.
    pub fn review_overdue(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.terms
            .review_on
            .filter(|d| self.state != CovenantState::Draft && *d < today)
    }

    /// What the home page says when the review is near (within `days`) or past.
    pub fn review_reminder(&self, today: NaiveDate, days: i64) -> Option<String> {
        if !self.review_due(today, days) {
            return None;
        }
        let title = &self.terms.title;
        let date = super::iso::format_date(&self.terms.review_on?);
        Some(match (self.review_overdue(today), self.state) {
            (_, CovenantState::UnderReview) => {
                format!("The covenant “{title}” is under review: finish it with what we learned.")
            }
            (Some(_), _) => format!("The covenant “{title}” review is overdue since {date}."),
            (None, _) => format!("The covenant “{title}” is due for review on {date}."),
        })
    }

    /// Whether the review date is today, past, or within `days`.
    pub fn review_due(&self, today: NaiveDate, days: i64) -> bool {
        self.state != CovenantState::Draft
            && self
                .terms
                .review_on
                .is_some_and(|d| (d - today).num_days() <= days)
    }
}

/// Where a signature stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignatureState {
    /// On the wording in force.
    Current,
    /// On an earlier version's wording: to renew.
    Renew,
    /// Its fingerprint matches no version's wording.
    NotVerified,
}

/// A line of a diff between two versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiffLine {
    Same(String),
    Removed(String),
    Added(String),
    /// Said instead of a line-by-line comparison that would take too long.
    Note(String),
}

/// The largest table the line-by-line comparison builds (rows × columns); past it, the
/// changed middle is shown as changed as a whole, so any input diffs in bounded time.
pub const MAX_DIFF_CELLS: usize = 4_000_000;

/// A line diff (longest common subsequence) from `old` to `new`. Lines the two share at the
/// start and the end are matched first; when what remains is too large to compare line by
/// line, it is shown as removed and added as a whole, with a note.
pub fn diff(old: &[String], new: &[String]) -> Vec<DiffLine> {
    let start = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let (old_rest, new_rest) = (&old[start..], &new[start..]);
    let end = old_rest
        .iter()
        .rev()
        .zip(new_rest.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (mid_old, mid_new) = (
        &old_rest[..old_rest.len() - end],
        &new_rest[..new_rest.len() - end],
    );
    let mut out: Vec<DiffLine> = old[..start].iter().cloned().map(DiffLine::Same).collect();
    let cells = (mid_old.len() + 1).saturating_mul(mid_new.len() + 1);
    if cells > MAX_DIFF_CELLS {
        out.push(DiffLine::Note(format!(
            "{} lines changed: too many to compare line by line, so they are shown as removed \
             and added as a whole.",
            mid_old.len().max(mid_new.len())
        )));
        out.extend(mid_old.iter().cloned().map(DiffLine::Removed));
        out.extend(mid_new.iter().cloned().map(DiffLine::Added));
    } else {
        out.extend(lcs_diff(mid_old, mid_new));
    }
    out.extend(
        old_rest[old_rest.len() - end..]
            .iter()
            .cloned()
            .map(DiffLine::Same),
    );
    out
}

/// A diff as shown: runs of more than `context * 2` unchanged lines folded into a note, and
/// at most `max` lines in all (a note says how many more), so a huge covenant never floods
/// the page.
pub fn shown_diff(lines: Vec<DiffLine>, context: usize, max: usize) -> Vec<DiffLine> {
    let mut out: Vec<DiffLine> = Vec::new();
    let mut same: Vec<String> = Vec::new();
    let flush = |same: &mut Vec<String>, out: &mut Vec<DiffLine>, at_end: bool| {
        let first = out.is_empty();
        let keep_before = if first { 0 } else { context };
        let keep_after = if at_end { 0 } else { context };
        if same.len() > keep_before + keep_after + 1 {
            let hidden = same.len() - keep_before - keep_after;
            out.extend(same.drain(..keep_before).map(DiffLine::Same));
            out.push(DiffLine::Note(if hidden == 1 {
                "1 unchanged line".to_owned()
            } else {
                format!("{hidden} unchanged lines")
            }));
            let rest: Vec<String> = std::mem::take(same);
            out.extend(rest.into_iter().skip(hidden).map(DiffLine::Same));
        } else {
            out.extend(same.drain(..).map(DiffLine::Same));
        }
    };
    for l in lines {
        match l {
            DiffLine::Same(t) => same.push(t),
            other => {
                flush(&mut same, &mut out, false);
                out.push(other);
            }
        }
    }
    flush(&mut same, &mut out, true);
    if out.len() > max {
        let more = out.len() - max;
        out.truncate(max);
        out.push(DiffLine::Note(format!(
            "…and {more} more lines of changes, not shown"
        )));
    }
    out
}

fn lcs_diff(old: &[String], new: &[String]) -> Vec<DiffLine> {
    let (n, m) = (old.len(), new.len());
    // lcs[i][j]: length of the LCS of old[i..] and new[j..].
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if old[i] == new[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n && j < m {
        if old[i] == new[j] {
            out.push(DiffLine::Same(old[i].clone()));
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            out.push(DiffLine::Removed(old[i].clone()));
            i += 1;
        } else {
            out.push(DiffLine::Added(new[j].clone()));
            j += 1;
        }
    }
    out.extend(old[i..].iter().cloned().map(DiffLine::Removed));
    out.extend(new[j..].iter().cloned().map(DiffLine::Added));
    out
}

/// The starter clauses (key, title, text) a team adds with one action and then edits.
pub const STARTER_CLAUSES: [(&str, &str, &str); 7] = [
    (
        "own-the-end-result",
        "Own the end result",
        "Every outcome has one owner of the outcome, and everyone looks for gaps and failure points, not just their part.",
    ),
    (
        "walk-the-talk",
        "Walk the talk",
        "If we said it is a priority, we either do it or change what we say.",
    ),
    (
        "no-invisibility",
        "No invisibility",
        "No \"it's out of my hands\": we stay in the driver's seat (\"let me check and get back to you by ...\").",
    ),
    (
        "no-blame-setbacks",
        "No-blame setbacks",
        "A miss is examined for root cause and corrective action, not for a culprit: \"Who failed?\" becomes \"What can we learn?\".",
    ),
    (
        "coaching-check-ins",
        "Coaching check-ins",
        "We check in with \"What's blocking you?\" and \"How can I help?\".",
    ),
    (
        "co-created-goals",
        "Co-created goals",
        "Targets are shaped by the people who own them.",
    ),
    (
        "focus",
        "Focus",
        "Nobody owns more than a few priorities at once.",
    ),
];

/// The covenant as Markdown, with its version and signatures (names via `name`).
pub fn covenant_markdown(c: &Covenant, name: &dyn Fn(&Id) -> String) -> String {
    let t = &c.terms;
    let mut out = format!("# {}\n\n", md(&t.title));
    if let Some(v) = c.current() {
        out.push_str(&format!(
            "Version {} ({}), fingerprint `{}`\n\n",
            v.number,
            md(&v.reason),
            v.fingerprint.chars().take(12).collect::<String>()
        ));
    } else {
        out.push_str("Draft\n\n");
    }
    if !t.team.is_empty() {
        out.push_str(&format!("Team: {}\n\n", md(&t.team)));
    }
    out.push_str(&format!("## Intent\n\n{}\n", md(&t.intent)));
    let clauses = |title: &str, list: &[Clause]| {
        let mut s = format!("\n## {title}\n\n");
        for c in list {
            s.push_str(&format!("- **{}**: {}\n", md(&c.title), md(&c.text)));
        }
        s
    };
    out.push_str(&clauses("Expected behaviours", &t.behaviours));
    if !t.decision_rights.is_empty() {
        out.push_str("\n## Decision rights\n\n| Decision | Driver | Approver | Contributors | Informed |\n|---|---|---|---|---|\n");
        let person = |p: &Option<Id>| p.as_ref().map(|p| md(&name(p))).unwrap_or_default();
        let people = |ps: &[Id]| {
            ps.iter()
                .map(|p| md(&name(p)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        for d in &t.decision_rights {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                md(&d.decision),
                person(&d.driver),
                person(&d.approver),
                people(&d.contributors),
                people(&d.informed)
            ));
        }
    }
    if !t.escalation.is_empty() {
        out.push_str("\n## Escalation path\n\n");
        for (i, s) in t.escalation.iter().enumerate() {
            out.push_str(&format!(
                "{}. {}, {}: {}\n",
                i + 1,
                md(&s.who),
                md(&s.when),
                md(&s.how)
            ));
        }
    }
    out.push_str(&clauses("Metrics of success", &t.metrics));
    if let Some(d) = t.review_on {
        out.push_str(&format!("\nReview date: {}\n", super::iso::format_date(&d)));
    }
    if !c.signatures.is_empty() {
        out.push_str("\n## Signatures\n\n");
        for (s, state) in c.signature_states() {
            out.push_str(&format!(
                "- {} (version {}{})\n",
                md(&s.typed_name),
                s.version,
                match state {
                    SignatureState::Current => "",
                    SignatureState::Renew => ", to renew",
                    SignatureState::NotVerified => ", not verified",
                }
            ));
        }
    }
    out
}

fn md(text: &str) -> String {
    super::markdown::text(text)
}

/// An amendment being written, kept in the browser (not the workspace) until it is
/// published or discarded, so that a reload does not lose it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AmendmentDraft {
    pub terms: Terms,
    #[serde(default)]
    pub reason: String,
}

/// A review being written: what the team learned and the next date, kept like an
/// [`AmendmentDraft`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewDraft {
    #[serde(default)]
    pub learned: String,
    #[serde(default, with = "super::iso::opt_date")]
    pub next: Option<NaiveDate>,
}

/// Reads a draft kept in the browser; anything unreadable is no draft.
pub fn read_draft<T: serde::de::DeserializeOwned>(text: Option<&str>) -> Option<T> {
    text.and_then(|t| serde_json::from_str(t).ok())
}

/// The text a draft is kept as.
pub fn draft_json<T: Serialize>(draft: &T) -> String {
    serde_json::to_string(draft).unwrap_or_default()
}

/// A piece of a changed line: its text, and whether it is what changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub changed: bool,
}

/// The words of `old` and of `new`, each marked where it differs from the other: a
/// clause-by-clause diff highlights the changed words, not the whole clause.
pub fn changed_words(old: &str, new: &str) -> (Vec<Piece>, Vec<Piece>) {
    let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    let (mut before, mut after) = (Vec::new(), Vec::new());
    for d in diff(&words(old), &words(new)) {
        let (text, changed, to_before, to_after) = match d {
            DiffLine::Same(t) => (t, false, true, true),
            DiffLine::Removed(t) => (t, true, true, false),
            DiffLine::Added(t) => (t, true, false, true),
            DiffLine::Note(_) => continue,
        };
        for (on, list) in [(to_before, &mut before), (to_after, &mut after)] {
            if on {
                push_word(list, &text, changed);
            }
        }
    }
    (before, after)
}

/// Appends a word, joining it to the previous piece when that is changed (or not) alike.
fn push_word(list: &mut Vec<Piece>, word: &str, changed: bool) {
    match list.last_mut() {
        Some(p) if p.changed == changed => {
            p.text.push(' ');
            p.text.push_str(word);
        }
        Some(p) => {
            p.text.push(' ');
            list.push(Piece {
                text: word.to_owned(),
                changed,
            });
        }
        None => list.push(Piece {
            text: word.to_owned(),
            changed,
        }),
    }
}

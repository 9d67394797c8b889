//! The covenant as text: its canonical wording and fingerprint, the starter clauses, and
//! the covenant as Markdown.

use super::covenant::{Clause, Covenant, SignatureState, Terms};
use super::meta::Id;
use sha2::{Digest, Sha256};

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

//! A safety check over a video call: the facilitator sends an invite link (the statements,
//! nothing else), each person answers in their own browser, which keeps nothing, and sends
//! back a response link with a random response id and their answers, no name.

use super::check::{Answers, Check, Statement, MAX_STATEMENTS, MAX_TEXT};
use super::meta::{Entity, Id};
use serde::{Deserialize, Serialize};

const INVITE_TYPE: &str = "climb-check-invite";
const RESPONSE_TYPE: &str = "climb-check-response";

/// What an invite link carries: the check's id, its title, the team's name and the
/// statements. No roster, no count of who answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Invite {
    #[serde(rename = "type")]
    pub kind: String,
    pub check: Id,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub team: String,
    pub statements: Vec<Statement>,
}

/// One answer in a response link: a statement and its score, or `null` for a skip.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Given {
    pub s: Id,
    pub a: Option<u8>,
}

/// What a response link carries: the check, a random response id (so the same link twice
/// counts once) and the answers. No name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reply {
    #[serde(rename = "type")]
    pub kind: String,
    pub check: Id,
    pub response: Id,
    pub answers: Vec<Given>,
}

impl Reply {
    pub fn answers(&self) -> Answers {
        self.answers.iter().map(|g| (g.s.clone(), g.a)).collect()
    }
}

/// Why a link cannot be used, for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkError(pub &'static str);

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// The invite for `check` of team `team`, as JSON.
pub fn invite_json(check: &Check, team: &str) -> String {
    serde_json::to_string(&Invite {
        kind: INVITE_TYPE.to_owned(),
        check: check.id().clone(),
        title: check.title(),
        team: team.to_owned(),
        statements: check.statements.clone(),
    })
    .unwrap_or_default()
}

fn clip(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// Reads an invite; anything that is not one is refused with a reason.
pub fn read_invite(text: &str) -> Result<Invite, LinkError> {
    let mut inv: Invite = serde_json::from_str(text).map_err(|_| {
        LinkError("It is not a check invite Climb can read (it may be cut off, or made by a newer Climb).")
    })?;
    if inv.kind != INVITE_TYPE {
        return Err(LinkError("It is a Climb link, but not a check invite."));
    }
    if inv.check.as_str().trim().is_empty() || inv.statements.is_empty() {
        return Err(LinkError("The invite holds no statements to answer."));
    }
    inv.statements.truncate(MAX_STATEMENTS);
    for s in &mut inv.statements {
        s.text = clip(&s.text, MAX_TEXT);
    }
    inv.title = clip(&inv.title, 80);
    inv.team = clip(&inv.team, 80);
    Ok(inv)
}

/// The response to `invite` under the random id `response`, as JSON.
pub fn reply_json(invite: &Invite, response: &Id, answers: &Answers) -> String {
    serde_json::to_string(&Reply {
        kind: RESPONSE_TYPE.to_owned(),
        check: invite.check.clone(),
        response: response.clone(),
        answers: answers
            .iter()
            .map(|(s, a)| Given {
                s: s.clone(),
                a: *a,
            })
            .collect(),
    })
    .unwrap_or_default()
}

/// Reads a response link's data; anything that is not one is refused with a reason.
pub fn read_reply(text: &str) -> Result<Reply, LinkError> {
    let mut r: Reply = serde_json::from_str(text)
        .map_err(|_| LinkError("It is not a check response Climb can read (it may be cut off)."))?;
    if r.kind != RESPONSE_TYPE {
        return Err(LinkError("It is a Climb link, but not a check response."));
    }
    if r.response.as_str().trim().is_empty() || r.check.as_str().trim().is_empty() {
        return Err(LinkError("The response is incomplete."));
    }
    r.answers.truncate(MAX_STATEMENTS);
    Ok(r)
}

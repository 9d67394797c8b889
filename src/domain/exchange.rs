//! The versioned file envelope shared by localStorage and export files, the one lenient
//! restore path both go through, schema migration, and the deterministic merge.
//!
//! ```json
//! { "type": "climb.workspace", "schemaVersion": 2, "appVersion": "0.1.0",
//!   "exportedAt": "2026-11-21T10:00:00Z", "members": [...], "boards": [...], ... }
//! ```
//! Export is strict (exactly these types); restore is lenient: missing fields get defaults,
//! unknown fields are ignored, a record that cannot be read is skipped with a [`Warning`], and
//! older schema versions are migrated step by step.

use super::meta::{Entity, Id};
use super::workspace::{Stored, Workspace};
use chrono::{DateTime, Utc};
use serde::de::{DeserializeOwned, IgnoredAny};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::fmt;

/// The `type` of a Climb workspace envelope.
pub const WORKSPACE_TYPE: &str = "climb.workspace";

/// The schema this build writes.
///
/// History: 1 was the prototype format (roster under `team`, entities without version
/// metadata); 2 adds `version`, `versionNonce`, `updatedAt` and `deleted` on every entity and
/// names the roster `members`.
pub const SCHEMA_VERSION: u64 = 2;

/// Largest text restore accepts (bytes). Bigger input is refused before parsing.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EnvelopeOut<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    schema_version: u64,
    app_version: &'static str,
    #[serde(with = "super::iso::instant")]
    exported_at: DateTime<Utc>,
    members: &'a [super::roster::Member],
    boards: &'a [super::ladder::Board],
    cards: &'a [super::ladder::Card],
    covenants: &'a [super::covenant::Covenant],
    goals: &'a [super::goals::Goal],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    ballots: &'a [super::workshop::Ballot],
}

fn envelope(ws: &Workspace, now: DateTime<Utc>) -> EnvelopeOut<'_> {
    EnvelopeOut {
        kind: WORKSPACE_TYPE,
        schema_version: SCHEMA_VERSION,
        app_version: APP_VERSION,
        exported_at: now,
        members: &ws.members,
        boards: &ws.boards,
        cards: &ws.cards,
        covenants: &ws.covenants,
        goals: &ws.goals,
        ballots: &ws.ballots,
    }
}

/// Compact JSON for localStorage (tombstones included, so merges stay correct).
pub fn to_storage_json(ws: &Workspace, now: DateTime<Utc>) -> String {
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string(&envelope(ws, now)).unwrap_or_default()
}

/// Indented, human-readable JSON for export files.
pub fn to_export_json(ws: &Workspace, now: DateTime<Utc>) -> String {
    // Indenting the compact text reuses the one serializer instead of instantiating serde's
    // pretty printer for every type (a few KB of WebAssembly).
    indent_json(&to_storage_json(ws, now))
}

/// Lays out compact JSON with two-space indentation, exactly as `serde_json::to_string_pretty`.
pub fn indent_json(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 4);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    out.push(close);
                    chars.next();
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

/// Why a text could not be restored at all. Nothing is changed when restore fails.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestoreError {
    TooLarge { bytes: usize },
    Empty,
    Truncated,
    NotJson(String),
    WrongType(String),
    NewerSchema { found: u64 },
}

impl fmt::Display for RestoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RestoreError::TooLarge { bytes } => write!(
                f,
                "The data is {} MB, more than the {} MB Climb accepts.",
                bytes / (1024 * 1024),
                MAX_BYTES / (1024 * 1024)
            ),
            RestoreError::Empty => f.write_str("The data is empty."),
            RestoreError::Truncated => {
                f.write_str("The data ends too early: it looks cut off (truncated).")
            }
            RestoreError::NotJson(e) => write!(f, "The data is not valid JSON ({e})."),
            RestoreError::WrongType(t) => write!(
                f,
                "This is not a Climb workspace (its type is {t}, expected {WORKSPACE_TYPE})."
            ),
            RestoreError::NewerSchema { found } => write!(
                f,
                "This data was written by a newer version of Climb (schema {found}; this app \
                 reads up to {SCHEMA_VERSION}). Update Climb to open it."
            ),
        }
    }
}

impl std::error::Error for RestoreError {}

/// A record that was skipped (or a collection that was unreadable) during restore.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub collection: &'static str,
    /// Position in the collection, `None` when the whole collection was unreadable.
    pub index: Option<usize>,
    pub reason: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.index {
            Some(i) => write!(
                f,
                "{} record {} skipped: {}",
                self.collection,
                i + 1,
                self.reason
            ),
            None => write!(f, "{} ignored: {}", self.collection, self.reason),
        }
    }
}

/// The result of a successful restore.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    pub workspace: Workspace,
    pub warnings: Vec<Warning>,
    /// The schema version the text was written with (before migration).
    pub schema_version: u64,
    pub exported_at: Option<DateTime<Utc>>,
}

/// The envelope as read: every part kept raw, so that one unreadable part becomes a warning
/// instead of failing the whole text.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct EnvelopeIn<'a> {
    #[serde(rename = "type", borrow, default)]
    kind: Option<&'a RawValue>,
    #[serde(borrow, default)]
    schema_version: Option<&'a RawValue>,
    #[serde(borrow, default)]
    exported_at: Option<&'a RawValue>,
    #[serde(borrow, default)]
    members: Option<&'a RawValue>,
    /// Schema 1's name for `members`.
    #[serde(borrow, default)]
    team: Option<&'a RawValue>,
    #[serde(borrow, default)]
    boards: Option<&'a RawValue>,
    #[serde(borrow, default)]
    cards: Option<&'a RawValue>,
    #[serde(borrow, default)]
    covenants: Option<&'a RawValue>,
    #[serde(borrow, default)]
    goals: Option<&'a RawValue>,
    #[serde(borrow, default)]
    ballots: Option<&'a RawValue>,
}

/// The one restore path for saved workspaces and imported files.
pub fn restore(text: &str) -> Result<Restored, RestoreError> {
    if text.len() > MAX_BYTES {
        return Err(RestoreError::TooLarge { bytes: text.len() });
    }
    let trimmed = text.trim_start();
    let Some(first) = trimmed.chars().next() else {
        return Err(RestoreError::Empty);
    };
    let unreadable = |e: serde_json::Error| {
        if e.is_eof() {
            RestoreError::Truncated
        } else {
            RestoreError::NotJson(e.to_string())
        }
    };
    if first != '{' {
        // Valid JSON of another shape is the wrong kind of file; anything else is not JSON.
        serde_json::from_str::<IgnoredAny>(text).map_err(unreadable)?;
        return Err(RestoreError::WrongType(format!(
            "a JSON {}",
            json_kind(first)
        )));
    }
    let env: EnvelopeIn = serde_json::from_str(text).map_err(unreadable)?;
    match env.kind.map(|k| serde_json::from_str::<String>(k.get())) {
        Some(Ok(t)) if t == WORKSPACE_TYPE => {}
        Some(Ok(t)) => return Err(RestoreError::WrongType(format!("“{t}”"))),
        _ => return Err(RestoreError::WrongType("missing".into())),
    }
    // A missing or unreadable schema version is read as the oldest schema: migration only
    // fills in and renames, so reading newer data as old loses nothing.
    let schema_version = env
        .schema_version
        .and_then(|v| serde_json::from_str::<u64>(v.get()).ok())
        .unwrap_or(1);
    if schema_version > SCHEMA_VERSION {
        return Err(RestoreError::NewerSchema {
            found: schema_version,
        });
    }
    let exported_at = env
        .exported_at
        .and_then(|v| serde_json::from_str::<String>(v.get()).ok())
        .and_then(|s| super::iso::parse_instant(&s));
    // Migrations, oldest first. 1 → 2: the roster was called `team`; version metadata is
    // filled in by serde defaults.
    let members = match (env.members, schema_version < 2) {
        (None, true) => env.team,
        (m, _) => m,
    };

    let mut warnings = Vec::new();
    let workspace = Workspace {
        members: collection(members, "members", &mut warnings),
        boards: collection(env.boards, "boards", &mut warnings),
        cards: collection(env.cards, "cards", &mut warnings),
        covenants: collection(env.covenants, "covenants", &mut warnings),
        goals: collection(env.goals, "goals", &mut warnings),
        ballots: collection(env.ballots, "ballots", &mut warnings),
    };
    Ok(Restored {
        workspace,
        warnings,
        schema_version,
        exported_at,
    })
}

/// What kind of JSON value starts with `c`, for messages.
fn json_kind(c: char) -> &'static str {
    match c {
        '[' => "array",
        '"' => "string",
        't' | 'f' => "boolean",
        'n' => "null",
        '{' => "object",
        _ => "number",
    }
}

/// Reads one collection record by record. A record that does not deserialise, or has an
/// empty id, is skipped with a warning; a repeated id keeps the copy that wins a merge.
fn collection<T: Stored + DeserializeOwned>(
    raw: Option<&RawValue>,
    name: &'static str,
    warnings: &mut Vec<Warning>,
) -> Vec<T> {
    let Some(raw) = raw else {
        return Vec::new();
    };
    let items: Vec<&RawValue> = match serde_json::from_str::<Option<Vec<&RawValue>>>(raw.get()) {
        Ok(items) => items.unwrap_or_default(),
        Err(_) => {
            let first = raw.get().chars().next().unwrap_or('n');
            warnings.push(Warning {
                collection: name,
                index: None,
                reason: format!("expected a list, found a {}", json_kind(first)),
            });
            return Vec::new();
        }
    };
    let mut out: Vec<T> = Vec::with_capacity(items.len());
    let mut index: BTreeMap<Id, usize> = BTreeMap::new();
    for (i, item) in items.into_iter().enumerate() {
        match read_entity::<T>(item.get()) {
            Ok(e) if e.id().as_str().trim().is_empty() => warnings.push(Warning {
                collection: name,
                index: Some(i),
                reason: "empty id".into(),
            }),
            Ok(e) => keep_winner(&mut out, &mut index, e),
            Err(err) => warnings.push(Warning {
                collection: name,
                index: Some(i),
                reason: strip_position(err.to_string()),
            }),
        }
    }
    out
}

/// Reads one entity record: its own fields, then its metadata from the same text.
pub fn read_entity<T: Stored + DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    let mut e: T = serde_json::from_str(text)?;
    *e.meta_mut() = serde_json::from_str(text)?;
    Ok(e)
}

/// serde_json's messages end with " at line 1 column 17", meaningless inside one record.
fn strip_position(msg: String) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg,
    }
}

/// Merges `theirs` into `ours`, entity by entity: the copy with the higher version wins, equal
/// versions are broken by the nonce, deletions are tombstones. Commutative, associative and
/// idempotent up to the order of entities (entities only `theirs` has are appended), given
/// that an (id, version, nonce) triple names one write: every write draws a fresh random
/// nonce, so two different contents with the same triple do not occur in practice.
pub fn merge(ours: &Workspace, theirs: &Workspace) -> Workspace {
    Workspace {
        members: merge_all(&ours.members, &theirs.members),
        boards: merge_all(&ours.boards, &theirs.boards),
        cards: merge_all(&ours.cards, &theirs.cards),
        covenants: merge_all(&ours.covenants, &theirs.covenants),
        goals: merge_all(&ours.goals, &theirs.goals),
        ballots: merge_all(&ours.ballots, &theirs.ballots),
    }
}

fn merge_all<T: Entity>(ours: &[T], theirs: &[T]) -> Vec<T> {
    let mut out = Vec::with_capacity(ours.len() + theirs.len());
    let mut index = BTreeMap::new();
    for e in ours.iter().chain(theirs) {
        keep_winner(&mut out, &mut index, e.clone());
    }
    out
}

/// Adds `e` to `out`, or replaces the entity with the same id if `e` wins over it.
fn keep_winner<T: Entity>(out: &mut Vec<T>, index: &mut BTreeMap<Id, usize>, e: T) {
    match index.get(e.id()) {
        Some(&i) => {
            if e.meta().wins_over(out[i].meta()) {
                out[i] = e;
            }
        }
        None => {
            index.insert(e.id().clone(), out.len());
            out.push(e);
        }
    }
}

/// A file name like `2026-11-21-team-retro.climb.json`.
pub fn export_file_name(date: chrono::NaiveDate, title: &str) -> String {
    format!(
        "{}-{}.climb.json",
        super::iso::format_date(&date),
        slug(title)
    )
}

/// A file name part: lower-case ASCII letters and digits joined by single dashes.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out: String = out.chars().take(40).collect();
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "climb".to_owned()
    } else {
        out.to_owned()
    }
}

/// What importing a workspace would do to one kind of entity.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KindPreview {
    /// Only in the file.
    pub new: usize,
    /// In both, and the file's copy is newer.
    pub updated: usize,
    /// In both, identical.
    pub unchanged: usize,
    /// In both, and this workspace's copy is newer: it is kept.
    pub kept: usize,
    /// Changed on both sides to the same version: the nonce decides, as in every merge.
    pub conflicting: usize,
}

/// What a merge of `incoming` into `current` would do, per kind of entity.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preview {
    pub members: KindPreview,
    pub boards: KindPreview,
    pub cards: KindPreview,
    pub covenants: KindPreview,
    pub goals: KindPreview,
    pub ballots: KindPreview,
}

fn preview_kind<T: Entity + PartialEq>(current: &[T], incoming: &[T]) -> KindPreview {
    let mut p = KindPreview::default();
    let index: ById<'_, T> = ById::new(current);
    for e in incoming {
        match index.get(e.id()) {
            None => p.new += 1,
            Some(c) if c == e => p.unchanged += 1,
            Some(c) if c.meta().version == e.meta().version => p.conflicting += 1,
            Some(c) if e.meta().wins_over(c.meta()) => p.updated += 1,
            Some(_) => p.kept += 1,
        }
    }
    p
}

/// A lookup of entities by id (a sorted index, to keep the WebAssembly small).
struct ById<'a, T>(BTreeMap<&'a Id, &'a T>);

impl<'a, T: Entity> ById<'a, T> {
    fn new(items: &'a [T]) -> Self {
        ById(items.iter().map(|e| (e.id(), e)).collect())
    }
    fn get(&self, id: &Id) -> Option<&'a T> {
        self.0.get(id).copied()
    }
}

/// What merging `incoming` into `current` would change.
pub fn preview(current: &Workspace, incoming: &Workspace) -> Preview {
    Preview {
        members: preview_kind(&current.members, &incoming.members),
        boards: preview_kind(&current.boards, &incoming.boards),
        cards: preview_kind(&current.cards, &incoming.cards),
        covenants: preview_kind(&current.covenants, &incoming.covenants),
        goals: preview_kind(&current.goals, &incoming.goals),
        ballots: preview_kind(&current.ballots, &incoming.ballots),
    }
}

/// The file's boards, cards, goals and covenants under fresh ids (references between them
/// follow), so it opens beside this workspace's own instead of merging with them. Members keep
/// their ids: the roster is shared.
pub fn as_copy(incoming: &Workspace, rng: &mut super::meta::Rng) -> Workspace {
    let mut map: BTreeMap<Id, Id> = BTreeMap::new();
    let mut fresh = |id: &Id, rng: &mut super::meta::Rng| -> Id {
        map.entry(id.clone())
            .or_insert_with(|| Id::random(rng))
            .clone()
    };
    let mut ws = incoming.clone();
    for b in &mut ws.boards {
        b.meta.id = fresh(&b.meta.id, rng);
        b.title = format!("{} (copy)", b.title);
    }
    for c in &mut ws.covenants {
        c.meta.id = fresh(&c.meta.id, rng);
        c.terms.title = format!("{} (copy)", c.terms.title);
    }
    for c in &mut ws.cards {
        c.meta.id = fresh(&c.meta.id, rng);
        c.board_id = fresh(&c.board_id, rng);
    }
    for g in &mut ws.goals {
        g.meta.id = fresh(&g.meta.id, rng);
    }
    for b in &mut ws.ballots {
        b.board_id = fresh(&b.board_id, rng);
        b.meta.id = super::workshop::ballot_id(&b.board_id, &b.member);
        for p in &mut b.placements {
            p.card = fresh(&p.card, rng);
        }
        for v in &mut b.votes {
            *v = fresh(v, rng);
        }
    }
    // Links between goals and cards follow the new ids; links to entities outside the file
    // stay as they were.
    for g in &mut ws.goals {
        for link in [&mut g.card, &mut g.from_goal] {
            if let Some(id) = link.as_mut() {
                if let Some(new) = map.get(id) {
                    *id = new.clone();
                }
            }
        }
        if let Some(r) = g.review.as_mut() {
            if let Some(id) = r.follow_up_goal.as_mut() {
                if let Some(new) = map.get(id) {
                    *id = new.clone();
                }
            }
        }
    }
    ws
}

/// The longest share link Climb makes (characters of the encoded fragment); well under the
/// URL limits of browsers and chat tools. Larger data goes by file.
pub const MAX_LINK: usize = 64 * 1024;

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5), for share-link fragments.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(B64[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// Reads base64url (padding and whitespace tolerated); `None` on any other character.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
    {
        let v = B64.iter().position(|&x| x == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// One board with its cards, the members they name, and the goals made from its cards: what a
/// board's share link or file carries.
pub fn board_subset(ws: &Workspace, board: &Id) -> Workspace {
    let boards: Vec<_> = ws
        .boards
        .iter()
        .filter(|b| &b.meta.id == board)
        .cloned()
        .collect();
    let cards: Vec<_> = ws
        .cards
        .iter()
        .filter(|c| &c.board_id == board)
        .cloned()
        .collect();
    let card_ids: Vec<&Id> = cards.iter().map(|c| &c.meta.id).collect();
    let goals: Vec<_> = ws
        .goals
        .iter()
        .filter(|g| g.card.as_ref().is_some_and(|c| card_ids.contains(&c)))
        .cloned()
        .collect();
    let ballots: Vec<_> = ws
        .ballots
        .iter()
        .filter(|b| &b.board_id == board)
        .cloned()
        .collect();
    let mut people: Vec<&Id> = Vec::new();
    for b in &boards {
        people.extend(b.facilitator.iter());
    }
    for c in &cards {
        people.extend(c.author.iter().chain(c.owner.iter()));
    }
    for g in &goals {
        people.extend(g.owner.iter().chain(g.partner.iter()));
    }
    for b in &boards {
        people.extend(b.session.iter().flat_map(|s| s.participants.iter()));
    }
    for b in &ballots {
        people.push(&b.member);
    }
    let members = ws
        .members
        .iter()
        .filter(|m| people.contains(&&m.meta.id))
        .cloned()
        .collect();
    Workspace {
        members,
        boards,
        cards,
        covenants: Vec::new(),
        goals,
        ballots,
    }
}

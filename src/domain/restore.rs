//! The one lenient restore path for saved workspaces and imported files (as Excalidraw's
//! `restore.ts`): missing fields get defaults, unknown fields are ignored, a record that cannot
//! be read is kept verbatim with a [`Warning`] (see [`super::kept`]), older schema versions
//! are migrated step by step, and every invariant a view relies on is checked and repaired
//! ([`super::repair`]), so no stored or imported byte can make a page fail.

use super::exchange::{SCHEMA_VERSION, WORKSPACE_TYPE};
use super::kept::{Kept, KeptRecord, Raw};
use super::meta::{Entity, Id};
use super::workspace::{with_kinds, Stored, Workspace};
use chrono::{DateTime, Utc};
use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::fmt;

/// Largest text restore accepts (bytes). Bigger input is refused before parsing.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// Deepest nesting of lists and objects restore accepts; Climb's own files nest about 8 deep.
pub const MAX_DEPTH: usize = 64;

/// Why a text could not be restored at all. Nothing is changed when restore fails.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestoreError {
    TooLarge { bytes: usize },
    TooDeep,
    Empty,
    Truncated,
    NotJson(String),
    WrongType(String),
    NewerSchema { found: u64 },
}

/// Megabytes with one decimal ("10.4").
fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + 512 * 1024) / (1024 * 1024);
    format!("{}.{}", tenths / 10, tenths % 10)
}

impl fmt::Display for RestoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RestoreError::TooLarge { bytes } => write!(
                f,
                "The data is {} MB, more than the {} MB Climb accepts.",
                megabytes(*bytes),
                megabytes(MAX_BYTES)
            ),
            RestoreError::TooDeep => write!(
                f,
                "The data nests lists or objects more than {MAX_DEPTH} levels deep, which no \
                 Climb file does."
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

/// A record that was kept unread or repaired (or a part that was unreadable) during restore.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub collection: &'static str,
    /// Position in the collection, `None` when the whole collection was unreadable.
    pub index: Option<usize>,
    pub reason: String,
    /// Whether the record was kept unread (verbatim), rather than read and repaired.
    pub kept: bool,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.index {
            Some(i) => write!(f, "{} record {}: {}", self.collection, i + 1, self.reason),
            None => write!(f, "{}: {}", self.collection, self.reason),
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

/// Envelope keys that are not collections (read here, written by `exchange`).
pub(crate) const ENVELOPE_KEYS: [&str; 4] = ["type", "schemaVersion", "appVersion", "exportedAt"];

/// The one restore path for saved workspaces and imported files.
pub fn restore(text: &str) -> Result<Restored, RestoreError> {
    if text.len() > MAX_BYTES {
        return Err(RestoreError::TooLarge { bytes: text.len() });
    }
    let trimmed = text.trim_start();
    let Some(first) = trimmed.chars().next() else {
        return Err(RestoreError::Empty);
    };
    if depth(text) > MAX_DEPTH {
        return Err(RestoreError::TooDeep);
    }
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
    // Every part is kept raw, so that one unreadable part becomes a warning instead of
    // failing the whole text, and parts this build does not know are kept as they are.
    let mut env: BTreeMap<String, &RawValue> = serde_json::from_str(text).map_err(unreadable)?;
    match env
        .get("type")
        .map(|k| serde_json::from_str::<String>(k.get()))
    {
        Some(Ok(t)) if t == WORKSPACE_TYPE => {}
        Some(Ok(t)) => return Err(RestoreError::WrongType(format!("“{t}”"))),
        _ => return Err(RestoreError::WrongType("missing".into())),
    }
    // A missing or unreadable schema version is read as the oldest schema: migration only
    // fills in and renames, so reading newer data as old loses nothing.
    let schema_version = env
        .get("schemaVersion")
        .and_then(|v| serde_json::from_str::<u64>(v.get()).ok())
        .unwrap_or(1);
    if schema_version > SCHEMA_VERSION {
        return Err(RestoreError::NewerSchema {
            found: schema_version,
        });
    }
    let exported_at = env
        .get("exportedAt")
        .and_then(|v| serde_json::from_str::<String>(v.get()).ok())
        .and_then(|s| super::iso::parse_instant(&s));
    // Migrations, oldest first. 1 → 2: the roster was called `team`; version metadata is
    // filled in by serde defaults.
    if schema_version < 2 && !env.contains_key("members") {
        if let Some(team) = env.remove("team") {
            env.insert("members".to_owned(), team);
        }
    }
    for k in ENVELOPE_KEYS {
        env.remove(k);
    }

    let mut warnings = Vec::new();
    let mut kept = Kept::default();
    macro_rules! read_all {
        ($($field:ident: $t:ident => $label:literal,)*) => {
            Workspace {
                $($field: collection(
                    env.remove(stringify!($field)),
                    &mut kept,
                    &mut warnings,
                ),)*
                kept: Kept::default(),
            }
        };
    }
    let mut workspace = with_kinds!(read_all);
    // What is left is no collection this build knows: kept verbatim.
    for (key, raw) in env {
        if let Some(raw) = Raw::new(raw.get()) {
            kept.keep_part(key, raw);
        }
    }
    workspace.kept = kept;
    super::repair::repair(&mut workspace, &mut warnings);
    // 2 → 3 (and any record without a team): everything gets a team.
    super::team_migration::settle(&mut workspace);
    Ok(Restored {
        workspace,
        warnings,
        schema_version,
        exported_at,
    })
}

/// How deeply lists and objects nest in `text` (strings skipped), without parsing it.
pub(crate) fn depth(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
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
/// empty id, is kept verbatim with a warning; a repeated id keeps the copy that wins a merge.
fn collection<T: Stored + DeserializeOwned>(
    raw: Option<&RawValue>,
    kept: &mut Kept,
    warnings: &mut Vec<Warning>,
) -> Vec<T> {
    let name = T::COLLECTION;
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
                reason: format!(
                    "expected a list, found a {}; kept as it is",
                    json_kind(first)
                ),
                kept: true,
            });
            if let Some(r) = Raw::new(raw.get()) {
                kept.keep_part(name.to_owned(), r);
            }
            return Vec::new();
        }
    };
    let mut out: Vec<T> = Vec::with_capacity(items.len());
    let mut index: BTreeMap<Id, usize> = BTreeMap::new();
    let mut unread = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let reason = match read_entity::<T>(item.get()) {
            Ok(e) if e.id().as_str().trim().is_empty() => "empty id".to_owned(),
            Ok(e) => {
                keep_winner(&mut out, &mut index, e);
                continue;
            }
            Err(err) => strip_position(err.to_string()),
        };
        warnings.push(Warning {
            collection: name,
            index: Some(i),
            reason: format!("{reason}; kept as it is"),
            kept: true,
        });
        if let Some(r) = Raw::new(item.get()) {
            unread.push(KeptRecord::new(name, r, reason));
        }
    }
    kept.keep_all(unread);
    if T::UNORDERED {
        out.sort_by(|a, b| a.id().cmp(b.id()));
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
        Some(i) => msg.get(..i).unwrap_or(&msg).to_owned(),
        None => msg,
    }
}

/// Adds `e` to `out`, or replaces the entity with the same id if `e` wins over it.
pub(crate) fn keep_winner<T: Entity>(out: &mut Vec<T>, index: &mut BTreeMap<Id, usize>, e: T) {
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

/// Versions above this, in a file from elsewhere, are read as this: a record whose version
/// sits at the type's maximum could otherwise never be beaten by a local edit, which would
/// then be reverted by every later merge of that file. Honest data never comes near it. The
/// price, for hostile data only: edits made above the cap in two browsers collapse to the
/// same version when they meet, and the nonce decides between them.
pub const MAX_IMPORTED_VERSION: u32 = i32::MAX as u32;

/// Caps the versions of a workspace read from a file or link (not from this browser's own
/// storage, whose versions above the cap are this browser's own later edits).
pub fn cap_versions(ws: &mut Workspace) {
    macro_rules! cap {
        ($($field:ident: $t:ident => $label:literal,)*) => {
            $(for e in &mut ws.$field {
                let m = e.meta_mut();
                m.version = m.version.min(MAX_IMPORTED_VERSION);
            })*
        };
    }
    with_kinds!(cap);
}

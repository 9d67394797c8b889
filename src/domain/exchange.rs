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

use super::kept::Raw;
use super::workspace::{with_kinds, Workspace};
use chrono::{DateTime, Utc};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

pub use super::merge::merge;
pub use super::preview::{preview, KindPreview, Preview};
pub use super::restore::{read_entity, restore, RestoreError, Restored, Warning, MAX_BYTES};
pub use super::sharing::{as_copy, board_subset, for_others};

/// The `type` of a Climb workspace envelope.
pub const WORKSPACE_TYPE: &str = "climb.workspace";

/// The schema this build writes.
///
/// History: 1 was the prototype format (roster under `team`, entities without version
/// metadata); 2 adds `version`, `versionNonce`, `updatedAt` and `deleted` on every entity and
/// names the roster `members`. Collections added since (`ballots`, `tallies`) are additive and
/// written only when not empty, so schema 2 files of earlier builds read unchanged. 3 adds
/// teams: `teams`, `memberships` and `ladders`, and a `teamId` on boards, covenants, goals and
/// rhythms; schema 2 data is settled into teams on restore (see [`super::team_migration`]).
/// A build that reads up to 2 refuses a schema 3 file and keeps its own data. 4 adds the
/// safety check: `checks`, `answers` and `responses` (see [`super::check`]), a `teamId` on
/// checks and `fromCheck` on goals; nothing older changes, so schema 3 files read as they are.
pub const SCHEMA_VERSION: u64 = 4;

pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The envelope as written: every collection, each followed by the records of it this build
/// could not read (verbatim), then the parts of the envelope it does not know.
struct EnvelopeOut<'a> {
    ws: &'a Workspace,
    exported_at: DateTime<Utc>,
}

/// One collection: its readable records, then its kept ones.
struct CollectionOut<'a, T> {
    items: &'a [T],
    kept: Vec<&'a Raw>,
}

impl<T: Serialize> Serialize for CollectionOut<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.items.len() + self.kept.len()))?;
        for e in self.items {
            seq.serialize_element(e)?;
        }
        for r in &self.kept {
            seq.serialize_element(r)?;
        }
        seq.end()
    }
}

/// Collections written even when empty (the schema 2 format always had them).
const ALWAYS: [&str; 5] = ["members", "boards", "cards", "covenants", "goals"];

impl Serialize for EnvelopeOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let ws = self.ws;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("type", WORKSPACE_TYPE)?;
        m.serialize_entry("schemaVersion", &SCHEMA_VERSION)?;
        m.serialize_entry("appVersion", APP_VERSION)?;
        m.serialize_entry("exportedAt", &super::iso::format_instant(&self.exported_at))?;
        let mut written: Vec<&str> = Vec::new();
        macro_rules! write_kinds {
            ($($field:ident: $t:ident => $label:literal,)*) => {
                $({
                    let name = stringify!($field);
                    let out = CollectionOut {
                        items: &ws.$field,
                        kept: ws.kept.records_in(name).collect(),
                    };
                    let part = ws.kept.parts.iter().find(|(k, _)| k == name);
                    let empty = out.items.is_empty() && out.kept.is_empty();
                    match part {
                        // A collection that was not a list stays as it was while nothing
                        // readable has been added to it.
                        Some((_, raw)) if empty => {
                            m.serialize_entry(name, raw)?;
                            written.push(name);
                        }
                        _ if empty && !ALWAYS.contains(&name) => {}
                        _ => m.serialize_entry(name, &out)?,
                    }
                })*
            };
        }
        with_kinds!(write_kinds);
        // Every key once: a JSON object with a repeated key is read differently by different
        // readers (or refused).
        let mut keys: Vec<String> = written.iter().map(|k| (*k).to_owned()).collect();
        for (k, v) in &ws.kept.parts {
            if written.contains(&k.as_str()) {
                continue;
            }
            // A kept part whose key is now a written collection moves beside it.
            let taken = super::restore::ENVELOPE_KEYS.contains(&k.as_str()) || is_collection(k);
            let key = if taken {
                format!("{k}.unreadable")
            } else {
                k.clone()
            };
            if keys.contains(&key) {
                continue;
            }
            m.serialize_entry(&key, v)?;
            keys.push(key);
        }
        m.end()
    }
}

fn is_collection(key: &str) -> bool {
    macro_rules! names {
        ($($field:ident: $t:ident => $label:literal,)*) => {
            [$(stringify!($field),)*]
        };
    }
    with_kinds!(names).contains(&key)
}

/// Compact JSON for localStorage (tombstones included, so merges stay correct).
pub fn to_storage_json(ws: &Workspace, now: DateTime<Utc>) -> String {
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string(&EnvelopeOut {
        ws,
        exported_at: now,
    })
    .unwrap_or_default()
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

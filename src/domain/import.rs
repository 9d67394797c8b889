//! Reading a file or link someone else made: a Climb file through the one restore path (with
//! its versions capped, see [`super::restore::cap_versions`]), or a Scrumlr export, which
//! becomes a new board with its notes in the unplaced tray.

use super::exchange::{restore, Restored, SCHEMA_VERSION};
use super::meta::Rng;
use super::restore::cap_versions;
use super::scrumlr::{from_scrumlr, looks_like_scrumlr};
use chrono::{DateTime, NaiveDate, Utc};

/// Reads an imported text; the error says why nothing can be imported.
pub fn read_import(
    text: &str,
    today: NaiveDate,
    now: DateTime<Utc>,
    rng: &mut Rng,
) -> Result<Restored, String> {
    // The same limits as for a Climb file, before any parsing.
    if text.len() > super::restore::MAX_BYTES {
        return Err(super::restore::RestoreError::TooLarge { bytes: text.len() }.to_string());
    }
    if super::restore::depth(text) > super::restore::MAX_DEPTH {
        return Err(super::restore::RestoreError::TooDeep.to_string());
    }
    if looks_like_scrumlr(text) {
        let workspace = from_scrumlr(text, today, now, rng)?;
        return Ok(Restored {
            workspace,
            warnings: Vec::new(),
            schema_version: SCHEMA_VERSION,
            exported_at: None,
        });
    }
    let mut r = restore(text).map_err(|e| e.to_string())?;
    cap_versions(&mut r.workspace);
    Ok(r)
}

//! The only code that touches localStorage.
//!
//! localStorage may be missing or blocked (privacy settings, sandboxed frames), full (quota),
//! or hold text this build cannot read. None of these may panic or lose data: every failure is
//! a [`StorageError`] the UI shows, and unreadable text is copied under a backup key before
//! anything could overwrite it.

use crate::domain::backup::Why;
use crate::domain::exchange::{restore, RestoreError, Restored};
use chrono::{DateTime, Utc};
use std::fmt;
use wasm_bindgen::JsCast;

/// Where the workspace lives.
pub const WORKSPACE_KEY: &str = "climb.workspace";
/// Prefix of the keys that keep backups, followed by a timestamp and why the backup was made
/// (see [`crate::domain::backup`]).
pub const BACKUP_PREFIX: &str = "climb.backup.";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No usable localStorage: the app keeps the workspace in memory only.
    Unavailable(String),
    /// The browser refused to store more.
    QuotaExceeded,
    Other(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable(why) => write!(
                f,
                "This browser does not let Climb save ({why}). Your work stays in this tab only: \
                 export it before closing."
            ),
            StorageError::QuotaExceeded => f.write_str(
                "The browser's storage for Climb is full, so the latest changes are not saved. \
                 Your work is intact in this tab: export it, then delete old boards.",
            ),
            StorageError::Other(why) => write!(f, "Saving failed: {why}"),
        }
    }
}

impl std::error::Error for StorageError {}

/// What was found in storage at start-up.
#[derive(Debug)]
pub enum Loaded {
    /// Nothing saved yet.
    Empty,
    /// A workspace; when some of it had to be repaired, the key of the backup of the text as
    /// it was saved.
    Workspace(Box<Restored>, Option<String>),
    /// Saved text that cannot be read. It has been copied to `backup_key` (when that was
    /// possible) and must not be overwritten until the user has had a chance to keep it.
    Unreadable {
        raw: String,
        error: RestoreError,
        backup_key: Option<String>,
    },
}

/// A handle on localStorage, or on its absence.
#[derive(Clone)]
pub struct LocalStore {
    storage: Result<web_sys::Storage, String>,
}

impl LocalStore {
    /// Opens the page's localStorage. Never panics: a missing or blocked storage gives a
    /// handle whose every call returns [`StorageError::Unavailable`].
    pub fn open() -> Self {
        let storage = match web_sys::window() {
            None => Err("no window".to_owned()),
            Some(w) => match w.local_storage() {
                Ok(Some(s)) => Ok(s),
                Ok(None) => Err("localStorage is missing".to_owned()),
                Err(e) => Err(js_error_text(&e)),
            },
        };
        LocalStore { storage }
    }

    /// A handle that behaves like blocked storage.
    pub fn unavailable(why: &str) -> Self {
        LocalStore {
            storage: Err(why.to_owned()),
        }
    }

    pub fn is_available(&self) -> bool {
        self.storage.is_ok()
    }

    fn raw(&self) -> Result<&web_sys::Storage, StorageError> {
        self.storage
            .as_ref()
            .map_err(|why| StorageError::Unavailable(why.clone()))
    }

    pub fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.raw()?.get_item(key).map_err(|e| classify(&e))
    }

    pub fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.raw()?.set_item(key, value).map_err(|e| classify(&e))
    }

    pub fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.raw()?.remove_item(key).map_err(|e| classify(&e))
    }

    /// Characters stored under every key of this site (keys and values), as browsers count
    /// them against their limit.
    pub fn used_chars(&self) -> usize {
        self.used_chars_except(None)
    }

    /// [`Self::used_chars`] leaving out one key (whose value is then not read at all).
    pub fn used_chars_except(&self, except: Option<&str>) -> usize {
        let Ok(s) = self.raw() else {
            return 0;
        };
        let n = s.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| s.key(i).ok().flatten())
            .filter(|k| Some(k.as_str()) != except)
            .map(|k| {
                let v = s.get_item(&k).ok().flatten().unwrap_or_default();
                utf16_len(&k) + utf16_len(&v)
            })
            .sum()
    }

    /// Keys that hold backups of unreadable data, oldest first.
    pub fn backup_keys(&self) -> Vec<String> {
        let Ok(s) = self.raw() else {
            return Vec::new();
        };
        let n = s.length().unwrap_or(0);
        // Insertion in order: there are only ever a few backups, and the standard library's
        // sort would add 4 KB of WebAssembly for them.
        let mut keys: Vec<String> = Vec::new();
        for k in (0..n)
            .filter_map(|i| s.key(i).ok().flatten())
            .filter(|k| k.starts_with(BACKUP_PREFIX))
        {
            let at = keys.iter().position(|x| *x > k).unwrap_or(keys.len());
            keys.insert(at, k);
        }
        keys
    }

    /// Keeps `text` as a backup, once: the key of an identical backup is returned instead of
    /// writing it twice.
    pub fn backup(&self, text: &str, now: DateTime<Utc>, why: Why) -> Result<String, StorageError> {
        if let Some(k) = self
            .backup_keys()
            .into_iter()
            .find(|k| self.get(k).ok().flatten().as_deref() == Some(text))
        {
            return Ok(k);
        }
        let key = crate::domain::backup::key(BACKUP_PREFIX, now, why);
        self.set(&key, text)?;
        Ok(key)
    }

    /// Reads the saved workspace and the text it was read from, through the one restore path.
    /// Unreadable text is copied to a backup key first; if even that fails, the caller must
    /// not save over the original. Text read only in part (records kept unread or repaired)
    /// is backed up as it was too, before any save can change it.
    pub fn load(&self, now: DateTime<Utc>) -> Result<(Loaded, Option<String>), StorageError> {
        let Some(raw) = self.get(WORKSPACE_KEY)? else {
            return Ok((Loaded::Empty, None));
        };
        match restore(&raw) {
            Ok(r) => {
                // Records kept unread are written back as they are; only a repair changes
                // what is saved, so only then is the text kept as it was.
                let repaired = r.warnings.iter().any(|w| !w.kept);
                let backup_key = repaired
                    .then(|| self.backup(&raw, now, Why::AsSaved).ok())
                    .flatten();
                Ok((Loaded::Workspace(Box::new(r), backup_key), Some(raw)))
            }
            Err(error) => {
                let backup_key = self.backup(&raw, now, Why::Unreadable).ok();
                Ok((
                    Loaded::Unreadable {
                        raw,
                        error,
                        backup_key,
                    },
                    None,
                ))
            }
        }
    }

    /// Saves the workspace text.
    pub fn save(&self, json: &str) -> Result<(), StorageError> {
        self.set(WORKSPACE_KEY, json)
    }
}

fn js_error_text(e: &wasm_bindgen::JsValue) -> String {
    if let Some(ex) = e.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", ex.name(), ex.message());
    }
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    e.as_string().unwrap_or_else(|| "unknown error".to_owned())
}

fn classify(e: &wasm_bindgen::JsValue) -> StorageError {
    match e.dyn_ref::<web_sys::DomException>() {
        // Chrome and Firefox name it; old engines only set the legacy code 22 (or 1014).
        Some(ex) if ex.name() == "QuotaExceededError" || ex.code() == 22 || ex.code() == 1014 => {
            StorageError::QuotaExceeded
        }
        Some(ex) if ex.name() == "SecurityError" => StorageError::Unavailable(js_error_text(e)),
        _ => StorageError::Other(js_error_text(e)),
    }
}

/// Length of `s` in UTF-16 code units, the unit browsers count storage in.
fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

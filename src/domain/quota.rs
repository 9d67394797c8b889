//! How full the browser's storage is, and when to warn.
//!
//! Browsers give each site about 5 MB of localStorage (Chrome and Firefox count 5 million
//! UTF-16 characters of keys and values; Safari about as much). They do not say how much is
//! left, so Climb counts what it stores and compares it with that common limit.

/// The localStorage space Climb assumes, in characters (keys and values).
pub const LOCAL_STORAGE_CHARS: usize = 5_000_000;

/// From this share of the limit on, Climb warns and offers an export.
pub const WARN_PERCENT: u32 = 80;

/// How much of the limit is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Usage {
    pub used: usize,
    pub limit: usize,
    /// Whole percent, rounded up so that any use shows as at least 1 %.
    pub percent: u32,
}

impl Usage {
    pub fn of(used: usize, limit: usize) -> Usage {
        let limit = limit.max(1);
        let percent = (used as u64 * 100)
            .div_ceil(limit as u64)
            .min(u64::from(u32::MAX)) as u32;
        Usage {
            used,
            limit,
            percent,
        }
    }

    pub fn near_full(&self) -> bool {
        self.percent >= WARN_PERCENT
    }

    /// "120 KB of about 5 MB (3 %)".
    pub fn text(&self) -> String {
        if self.used > self.limit {
            // "5.3 MB of about 5.0 MB (105%)" reads as a contradiction: say it plainly.
            return format!(
                "{}, more than the about {} browsers usually allow",
                size_text(self.used),
                size_text(self.limit)
            );
        }
        format!(
            "{} of about {} ({}%)",
            size_text(self.used),
            size_text(self.limit),
            self.percent
        )
    }
}

/// A size in characters, written for people: "950 B", "120 KB", "4.8 MB".
pub fn size_text(chars: usize) -> String {
    match chars {
        0..1_000 => format!("{chars} B"),
        1_000..1_000_000 => format!("{} KB", chars.div_ceil(1_000)),
        _ => {
            let tenths = chars.div_ceil(100_000);
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
    }
}

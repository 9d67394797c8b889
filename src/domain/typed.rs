//! Text a person typed, as Climb keeps it: trimmed and cut to a length in characters (never
//! bytes, so no character is split); a name or a one-line statement also with its runs of
//! white space folded to one space.

/// `raw` trimmed, at most `max` characters.
pub fn trimmed(raw: &str, max: usize) -> String {
    raw.trim().chars().take(max).collect()
}

/// [`trimmed`], or `None` when nothing is left.
pub fn required(raw: &str, max: usize) -> Option<String> {
    Some(trimmed(raw, max)).filter(|t| !t.is_empty())
}

/// `raw` on one line: white space folded to single spaces, at most `max` characters, or
/// `None` when nothing is left.
pub fn one_line(raw: &str, max: usize) -> Option<String> {
    let folded = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(folded.chars().take(max).collect::<String>()).filter(|t| !t.is_empty())
}

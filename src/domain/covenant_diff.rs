//! Comparing two versions of a covenant: a line diff, the part of it worth showing, and the
//! words that changed within a line.

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

//! User text inside Markdown that Climb writes (copy as Markdown): always one line, and every
//! character Markdown or HTML would act on escaped, so raw HTML, links and emphasis stay
//! text, and a newline in a name or reason can never add a line or forge an entry.

/// `text` on one line with Markdown's and HTML's special characters escaped. Characters that
/// act only at the start of a line (`-`, `1.`) need no escape: user text never starts one.
/// Without `[` and `]` no link can form, so `(`, `)` and `!` stay as they are, and the text
/// reads well pasted where Markdown is not rendered.
pub fn text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for c in word.chars() {
            if matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

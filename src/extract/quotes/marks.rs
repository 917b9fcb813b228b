//! Pairs quotation marks into top-level quoted stretches.
//!
//! French guillemets « » nest (« 261 cas de « réelle » fraude ») and a
//! quote running over several paragraphs reopens each new paragraph with
//! « while the first is still open; both are handled. Curly quotes “ ” pair
//! the same way. Straight quotes `"` cannot nest: they are paired in order
//! within one paragraph, outside the other quotes. A mark left open at the
//! end of a paragraph that does not continue the quote closes it there.
//!
//! It knows nothing about speech: titles and charges in quotes are stretches
//! too; the caller decides.

use std::ops::Range;

/// One top-level quoted stretch, as byte offsets of the normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stretch {
    /// From the opening mark to just after the closing mark (or the end of
    /// the paragraph when it was never closed).
    pub outer: Range<usize>,
    /// The quoted words, spaces inside the marks trimmed.
    pub inner: Range<usize>,
}

/// Finds the top-level quoted stretches of `norm`, sorted by start.
pub fn stretches(norm: &str) -> Vec<Stretch> {
    let mut out = paired(norm, '«', '»');
    out.extend(paired(norm, '\u{201c}', '\u{201d}'));
    out.sort_by_key(|s| s.outer.start);
    // Drop stretches inside others (curly quotes within guillemets).
    let mut kept: Vec<Stretch> = Vec::with_capacity(out.len());
    for s in out {
        if kept.last().is_none_or(|k| s.outer.start >= k.outer.end) {
            kept.push(s);
        }
    }
    let straight = straight(norm, &kept);
    kept.extend(straight);
    kept.sort_by_key(|s| s.outer.start);
    kept
}

/// Nesting pairs of distinct open/close marks.
fn paired(norm: &str, open: char, close: char) -> Vec<Stretch> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0usize;
    let mut skip_open_at: Option<usize> = None;
    let bytes = norm.as_bytes();
    // Only chars starting with the first byte of a mark or a newline matter:
    // memchr skips to them (these bytes always start a char).
    let first = |c: char| c.encode_utf8(&mut [0; 4]).as_bytes()[0];
    let (open_first, close_first) = (first(open), first(close));
    let mut next = 0;
    while let Some(k) = memchr::memchr3(open_first, close_first, b'\n', &bytes[next..]) {
        let i = next + k;
        let Some(c) = norm[i..].chars().next() else {
            break;
        };
        next = i + c.len_utf8();
        if c == open {
            if skip_open_at == Some(i) {
                skip_open_at = None;
                continue;
            }
            if depth == 0 {
                start = i;
            }
            depth += 1;
        } else if c == close && depth > 0 {
            depth -= 1;
            if depth == 0 {
                let end = i + c.len_utf8();
                out.push(make(norm, start..end, start + open.len_utf8()..i));
            }
        } else if c == '\n' && depth > 0 {
            // Paragraph break inside an open quote: it goes on when the next
            // paragraph opens with the same mark, else it ends here.
            let mut j = i + 1;
            while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\n' || bytes[j] == b'\r') {
                j += 1;
            }
            if norm[j..].starts_with(open) {
                skip_open_at = Some(j);
            } else {
                let end = trim_end(norm, i);
                out.push(make(norm, start..end, start + open.len_utf8()..end));
                depth = 0;
            }
        }
    }
    if depth > 0 {
        let end = trim_end(norm, norm.len());
        out.push(make(norm, start..end, start + open.len_utf8()..end));
    }
    out
}

/// Straight quotes paired in order within each line, outside `taken`
/// (sorted, disjoint stretches: a binary search finds the one that may
/// hold a mark, where a scan of them all per mark would be quadratic).
fn straight(norm: &str, taken: &[Stretch]) -> Vec<Stretch> {
    let inside = |i: usize| {
        let k = taken.partition_point(|t| t.outer.end <= i);
        taken.get(k).is_some_and(|t| t.outer.contains(&i))
    };
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in norm.split_inclusive('\n') {
        let mut open: Option<usize> = None;
        for (k, _) in line.match_indices('"') {
            let i = line_start + k;
            if inside(i) {
                continue;
            }
            match open.take() {
                None => open = Some(i),
                Some(s) => out.push(make(norm, s..i + 1, s + 1..i)),
            }
        }
        line_start += line.len();
    }
    out
}

fn make(norm: &str, outer: Range<usize>, inner: Range<usize>) -> Stretch {
    let text = &norm[inner.clone()];
    let lead = text.len() - text.trim_start().len();
    let trail = text.len() - text.trim_end().len();
    let inner = if lead == text.len() {
        inner.start..inner.start
    } else {
        inner.start + lead..inner.end - trail
    };
    Stretch { outer, inner }
}

fn trim_end(norm: &str, end: usize) -> usize {
    norm[..end].trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(norm: &str) -> Vec<&str> {
        stretches(norm)
            .into_iter()
            .map(|s| &norm[s.inner])
            .collect()
    }

    #[test]
    fn guillemets_nest() {
        assert_eq!(
            inner("Il dit : « 261 cas de « réelle » fraude ». Puis « non »."),
            ["261 cas de « réelle » fraude", "non"]
        );
    }

    #[test]
    fn quotes_over_paragraphs() {
        let t = "« Premier paragraphe.\n\n« Second paragraphe », dit-il.\nAutre « ligne";
        assert_eq!(
            inner(t),
            ["Premier paragraphe.\n\n« Second paragraphe", "ligne"]
        );
    }

    #[test]
    fn straight_and_curly() {
        assert_eq!(
            inner("des chefs de \"fraude\", \"recel\" et “ouf” « a \"b\" »"),
            ["fraude", "recel", "ouf", "a \"b\""]
        );
        assert_eq!(inner("un \"seul\" puis \"rien\nici\""), ["seul"]);
    }
}

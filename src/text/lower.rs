//! A lower-case copy of the normalized text with the same byte offsets, for
//! case-insensitive matching (the date rules, the charge and action
//! lexicons).
//!
//! A char is lowered only when its lower-case form is one char of the same
//! UTF-8 length (true of every French letter), so byte offsets into the copy
//! are byte offsets into [`Document::norm`](crate::text::Document::norm).
//! Accents are kept: lexicon forms are written with them.

use crate::text::normalize::{fold_str, plain_ascii_end};

/// `norm` lowered char by char, byte offsets unchanged.
pub(crate) fn lowered(norm: &str) -> String {
    let mut out = norm.to_ascii_lowercase();
    if norm.is_ascii() {
        return out;
    }
    // Non-ASCII capitals are rare: fix them in place, same byte length.
    // Only non-ASCII chars are left to lower: step over ASCII bytes.
    let bytes = norm.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        i = plain_ascii_end(bytes, i, None);
        let Some(c) = norm[i..].chars().next() else {
            break;
        };
        if c.is_uppercase() {
            let l = lower_char(c);
            if l != c {
                let mut buf = [0u8; 4];
                out.replace_range(i..i + c.len_utf8(), l.encode_utf8(&mut buf));
            }
        }
        i += c.len_utf8();
    }
    out
}

/// The lower-case form of `c` when it keeps the byte length, else `c`.
fn lower_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if !c.is_uppercase() {
        return c;
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
        _ => c,
    }
}

/// A lexicon form as the lowered view writes it: apostrophes and spaces
/// folded like the text, then lower case.
pub(crate) fn lexicon_form(form: &str) -> String {
    lowered(&fold_str(form.trim()))
}

/// Whether the text has a word char right before `at` (so a match starting
/// there would begin inside a word).
pub(crate) fn word_before(s: &str, at: usize) -> bool {
    match at.checked_sub(1).map(|i| s.as_bytes()[i]) {
        None => false,
        // ASCII, most of a French text, is classed without decoding.
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => s[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric),
    }
}

/// Whether the text has a word char right at `at` (so a match ending there
/// would stop inside a word).
pub(crate) fn word_after(s: &str, at: usize) -> bool {
    s[at..].chars().next().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_byte_offsets() {
        let s = "Écroué À Paris, l'ÉTAT";
        let l = lowered(s);
        assert_eq!(l.len(), s.len());
        assert_eq!(l, "écroué à paris, l'état");
        assert_eq!(lexicon_form("Tentative d’"), "tentative d'");
    }

    #[test]
    fn word_boundaries() {
        assert!(word_before("envol", 2));
        assert!(!word_before("l'agression", 2));
        assert!(word_after("volontaire", 3));
        assert!(!word_after("vol.", 3));
    }
}

//! Reading the words around a number: the previous and next words, and the
//! counted noun phrase after a number (« 23 000 procédures judiciaires »,
//! « des milliers de manifestants », « 12 personnes interpellées » →
//! « personnes »).
//!
//! The noun phrase is the head noun with the adjectives that follow it
//! (recognised by their endings) and a few prenominal adjectives; participles
//! (« interpellées ») and relative clauses are left out. It does no
//! dictionary look-up: any word that is not a function word may head it.

use super::lexicon::{is_in, ADJ_SUFFIXES, NUMBER_WORDS, SKIP_BEFORE_NOUN, STOP};
use crate::text::lower::lowered;
use std::borrow::Cow;
use std::ops::Range;

/// Prenominal adjectives kept in the noun phrase (« cinq grandes banques »).
const PRENOMINAL: &[&str] = &[
    "grand",
    "grands",
    "grande",
    "grandes",
    "petit",
    "petits",
    "petite",
    "petites",
    "jeunes",
    "nouveaux",
    "nouvelles",
    "gros",
    "vieux",
    "hauts",
    "hautes",
    "principaux",
    "principales",
];

/// The next word after byte `pos` of `norm`: a run of letters (with inner
/// hyphens), an elision ending in `'`, or one other char. Skips spaces.
pub fn next_word(norm: &str, pos: usize) -> Option<Range<usize>> {
    let rest = norm.get(pos..)?;
    let trimmed = rest.trim_start_matches([' ', '\t']);
    let start = pos + rest.len() - trimmed.len();
    let mut end = start;
    for (i, c) in trimmed.char_indices() {
        if c.is_alphabetic() || (c == '-' && i > 0) {
            end = start + i + c.len_utf8();
        } else if c == '\'' && i > 0 {
            end = start + i + 1;
            break;
        } else {
            if i == 0 {
                end = start + c.len_utf8();
            }
            break;
        }
    }
    // A trailing hyphen is not part of the word.
    while end > start && norm.as_bytes()[end - 1] == b'-' {
        end -= 1;
    }
    (end > start).then_some(start..end)
}

/// The word before byte `pos` of `norm` (letters, `'`, `.`, `°`), skipping spaces.
pub fn prev_word(norm: &str, pos: usize) -> Option<Range<usize>> {
    let head = norm.get(..pos)?;
    let trimmed = head.trim_end_matches([' ', '\t']);
    let end = trimmed.len();
    let mut start = end;
    for (i, c) in trimmed.char_indices().rev() {
        if c.is_alphanumeric() || c == '\'' && i + 1 == end || c == '.' || c == '°' || c == '-' {
            start = i;
        } else {
            if start == end {
                start = i;
            }
            break;
        }
    }
    (start < end).then_some(start..end)
}

/// Lower-cased text of a range: borrowed from `norm` when it holds no
/// capital, as nearly every word around a number does.
pub fn lower<'a>(norm: &'a str, r: &Range<usize>) -> Cow<'a, str> {
    let w = norm.get(r.clone()).unwrap_or("");
    if w.chars().any(char::is_uppercase) {
        Cow::Owned(lowered(w))
    } else {
        Cow::Borrowed(w)
    }
}

fn is_word(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphabetic)
}

/// The counted noun phrase starting after byte `pos`, if any.
pub fn noun_phrase(norm: &str, mut pos: usize) -> Option<Range<usize>> {
    let mut w = next_word(norm, pos)?;
    let mut lw = lower(norm, &w);
    while is_in(SKIP_BEFORE_NOUN, &lw) {
        pos = w.end;
        w = next_word(norm, pos)?;
        lw = lower(norm, &w);
    }
    if !is_word(&lw)
        || is_in(STOP, &lw)
        || is_in(NUMBER_WORDS, &lw)
        || lw.ends_with('\'')
        || super::words::is_number_word(&lw)
        || lw.starts_with("premi")
        || matches!(lw.as_ref(), "second" | "seconde" | "seconds" | "secondes")
    {
        return None;
    }
    let start = w.start;
    let mut end = w.end;
    if is_in(PRENOMINAL, &lw) {
        if let Some(n) = next_word(norm, end) {
            let ln = lower(norm, &n);
            if is_word(&ln) && !is_in(STOP, &ln) && !ln.ends_with('\'') && !is_participle(&ln) {
                end = n.end;
            }
        }
    }
    while let Some(n) = next_word(norm, end) {
        let ln = lower(norm, &n);
        if !is_word(&ln) || is_in(STOP, &ln) || !ADJ_SUFFIXES.iter().any(|s| ln.ends_with(s)) {
            break;
        }
        // A capital starts a name, not an adjective.
        if norm[n.clone()].starts_with(char::is_uppercase) {
            break;
        }
        end = n.end;
    }
    Some(start..end)
}

fn is_participle(w: &str) -> bool {
    ["é", "és", "ée", "ées"].iter().any(|s| w.ends_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn np(s: &str) -> Option<&str> {
        noun_phrase(s, 0).map(|r| &s[r])
    }

    #[test]
    fn noun_phrases() {
        assert_eq!(
            np(" procédures judiciaires ont"),
            Some("procédures judiciaires")
        );
        assert_eq!(np(" personnes interpellées"), Some("personnes"));
        assert_eq!(np(" autres personnes"), Some("personnes"));
        assert_eq!(
            np(" grandes banques belges"),
            Some("grandes banques belges")
        );
        assert_eq!(np(" à la tête"), None);
    }
}

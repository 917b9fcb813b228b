//! A case- and accent-folded copy of the normalized text, for lexicon
//! matching that ignores case and diacritics (« Education » = « éducation »).
//!
//! Folding maps every char to exactly one char (lower case, accents
//! stripped, `’` → `'`), so a match in the folded text covers the same
//! number of chars in the normalized text and a lexicon form can be compared
//! char by char with what the article wrote (see [`capitals_agree`]). It does
//! not expand ligatures (`œ` stays `œ`) and knows only the Latin letters of
//! French and its neighbours.

use crate::extract::automaton::{Hit, Joint};
use crate::extract::{organizations, people};
use crate::text::normalize::plain_ascii_end;
use std::sync::{LazyLock, OnceLock};

/// The two phrase lists looked up in the folded text.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Phrases {
    /// Roles (`people::roles`).
    Roles = 0,
    /// Organizations.
    Organizations = 1,
}

/// The role and organization matchers, searched together once a long run
/// makes it pay (see [`Joint`]).
static PHRASES: LazyLock<Joint> =
    LazyLock::new(|| Joint::new(people::roles::matcher(), organizations::rules::matcher()));

/// The folded text and where its bytes come from in the normalized text.
#[derive(Debug, Clone)]
pub(crate) struct Folded {
    /// The folded text.
    pub text: String,
    /// From each of these folded bytes on, the normalized text's byte is
    /// the folded byte plus this shift (it changes only after a char whose
    /// folded form is shorter, « é » → « e », so most texts have a few).
    shifts: Vec<(u32, i64)>,
    /// The normalized text's length.
    norm_len: usize,
    /// The phrases of each [`Phrases`] list found in the text, on first use.
    phrases: [OnceLock<Vec<Hit>>; 2],
}

impl Folded {
    /// Folds `norm` (the document's normalized view).
    pub fn new(norm: &str) -> Self {
        let mut text = String::with_capacity(norm.len());
        let mut shifts = vec![(0, 0)];
        let bytes = norm.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Runs of ASCII (most of a French text) are copied whole and
            // lowered at the end.
            let j = plain_ascii_end(bytes, i, None);
            text.push_str(&norm[i..j]);
            i = j;
            let Some(c) = norm[i..].chars().next() else {
                break;
            };
            let f = fold_char(c);
            text.push(f);
            i += c.len_utf8();
            if f.len_utf8() != c.len_utf8() {
                shifts.push((text.len() as u32, i as i64 - text.len() as i64));
            }
        }
        text.make_ascii_lowercase();
        Folded {
            text,
            shifts,
            norm_len: norm.len(),
            phrases: Default::default(),
        }
    }

    /// The phrases of `list` in the text, as its matcher's
    /// `find_overlapping` gives them, searched once per document; in a
    /// long run, both lexicons' in one pass.
    pub(crate) fn phrases(&self, list: Phrases) -> &[Hit] {
        let i = list as usize;
        if self.phrases[i].get().is_none() {
            if let Some(both) = PHRASES.both(&self.text) {
                for (cell, hits) in self.phrases.iter().zip(both) {
                    // Already set when the other lexicon was searched alone.
                    let _ = cell.set(hits);
                }
            }
        }
        self.phrases[i].get_or_init(|| PHRASES.part(i).find_overlapping(&self.text))
    }

    /// The normalized-text byte of a folded-text byte on a char boundary
    /// (a match's start or end); past the end, the normalized text's end.
    pub fn norm_byte(&self, folded_byte: usize) -> usize {
        if folded_byte >= self.text.len() {
            return self.norm_len;
        }
        let k = self
            .shifts
            .partition_point(|&(at, _)| at as usize <= folded_byte);
        let shift = self.shifts[k.saturating_sub(1)].1;
        (folded_byte as i64 + shift) as usize
    }

    /// Whether a match `start..end` of the folded text stands on word
    /// boundaries (letters, digits and `-` are word chars; a match ending
    /// in `'` needs no boundary after it).
    pub fn on_boundaries(&self, start: usize, end: usize) -> bool {
        let before = self.text[..start].chars().next_back();
        let after = self.text[end..].chars().next();
        let last = self.text[..end].chars().next_back();
        !before.is_some_and(is_word_char)
            && (last == Some('\'') || !after.is_some_and(is_word_char))
    }
}

/// Letters, digits and `-` are word chars for boundary checks.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// Folds one char: lower case, no accent, `’` → `'`.
pub(crate) fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let l = c.to_lowercase().next().unwrap_or(c);
    match l {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => 'a',
        'ç' => 'c',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'ø' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ÿ' | 'ý' => 'y',
        'ñ' => 'n',
        '’' | '‘' | 'ʼ' => '\'',
        '\u{a0}' | '\u{202f}' | '\u{2009}' => ' ',
        '\u{2010}' | '\u{2011}' => '-',
        x => x,
    }
}

/// Folds a whole string (lexicon forms, tokens). ASCII text, most of it,
/// is only lowered; other text is folded into a string of its length
/// (folding keeps the length of French letters), which saves regrowing it.
pub(crate) fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().map(fold_char));
    out
}

/// Whether the text agrees with a lexicon form on capitals: a capital at
/// the start of a word of the form must be a capital in the text; other
/// letters match either case.
pub(crate) fn capitals_agree(form: &str, text: &str) -> bool {
    let mut prev_letter = false;
    for (f, t) in form.chars().zip(text.chars()) {
        if f.is_uppercase() && !prev_letter && !t.is_uppercase() {
            return false;
        }
        prev_letter = f.is_alphanumeric();
    }
    true
}

/// Whether a word starts with a capital letter.
pub(crate) fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_one_char_for_one() {
        let f = Folded::new("Ministère de l'Éducation");
        assert_eq!(f.text, "ministere de l'education");
        assert_eq!(
            f.text.chars().count(),
            "Ministère de l'Éducation".chars().count()
        );
        assert_eq!(fold("Ministère de l’Éducation"), "ministere de l'education");
        assert_eq!(fold("AFP"), "afp");
        let at = f.text.find("education").unwrap();
        assert_eq!(&"Ministère de l'Éducation"[f.norm_byte(at)..], "Éducation");
        // Every char boundary maps to the start of its char.
        let norm = "Œuvre à l’École, «ÇA» — fin";
        let f = Folded::new(norm);
        let starts: Vec<usize> = norm.char_indices().map(|(i, _)| i).collect();
        let folded: Vec<usize> = f.text.char_indices().map(|(i, _)| i).collect();
        for (fb, nb) in folded.iter().zip(&starts) {
            assert_eq!(f.norm_byte(*fb), *nb);
        }
        assert_eq!(f.norm_byte(f.text.len()), norm.len());
    }

    #[test]
    fn capitals() {
        assert!(capitals_agree("le Figaro", "Le Figaro"));
        assert!(!capitals_agree("Le Figaro", "le figaro"));
        assert!(capitals_agree("gendarmerie", "Gendarmerie"));
    }
}

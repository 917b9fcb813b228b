//! A case- and accent-folded copy of the normalized text, for lexicon
//! matching that ignores case and diacritics (« Education » = « éducation »).
//!
//! Folding maps every char to exactly one char (lower case, accents
//! stripped, `’` → `'`), so a match in the folded text covers the same
//! number of chars in the normalized text and a lexicon form can be compared
//! char by char with what the article wrote (see [`capitals_agree`]). It does
//! not expand ligatures (`œ` stays `œ`) and knows only the Latin letters of
//! French and its neighbours.

/// The folded text and, for each of its bytes, the byte of the normalized
/// text it came from.
#[derive(Debug, Clone)]
pub(crate) struct Folded {
    /// The folded text.
    pub text: String,
    to_norm: Vec<u32>,
}

impl Folded {
    /// Folds `norm` (the document's normalized view).
    pub fn new(norm: &str) -> Self {
        let mut text = String::with_capacity(norm.len());
        let mut to_norm = Vec::with_capacity(norm.len() + 1);
        let bytes = norm.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // ASCII bytes (most of a French text) fold on their own.
            if bytes[i].is_ascii() {
                text.push(bytes[i].to_ascii_lowercase() as char);
                to_norm.push(i as u32);
                i += 1;
                continue;
            }
            let Some(c) = norm[i..].chars().next() else {
                break;
            };
            let f = fold_char(c);
            for _ in 0..f.len_utf8() {
                to_norm.push(i as u32);
            }
            text.push(f);
            i += c.len_utf8();
        }
        to_norm.push(norm.len() as u32);
        Folded { text, to_norm }
    }

    /// The normalized-text byte of a folded-text byte.
    pub fn norm_byte(&self, folded_byte: usize) -> usize {
        self.to_norm
            .get(folded_byte)
            .copied()
            .unwrap_or(u32::MAX)
            .min(*self.to_norm.last().unwrap_or(&0)) as usize
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
    }

    #[test]
    fn capitals() {
        assert!(capitals_agree("le Figaro", "Le Figaro"));
        assert!(!capitals_agree("Le Figaro", "le figaro"));
        assert!(capitals_agree("gendarmerie", "Gendarmerie"));
    }
}

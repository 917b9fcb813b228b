//! A French tokenizer on Unicode word boundaries (UAX #29).
//!
//! On top of the Unicode rules it knows French typography: elisions (`l'`,
//! `d'`, `qu'`, `jusqu'`…) are tokens of their own, digit groups separated by
//! a space (`23 000`, after normalization of NBSP and NNBSP) are one number,
//! hyphenated compounds (`Saint-Denis`, `vingt-trois`, `a-t-il`) are one word,
//! and abbreviations keep their dot (`M.`, `art.`, `J.-C.`, `n°`) so that the
//! sentence splitter does not end a sentence there.
//!
//! It runs on the normalized text (see [`super::normalize`]) and reports byte
//! offsets into it; it never allocates per token.

use unicode_segmentation::UnicodeSegmentation;

/// One token: a byte range of the normalized text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Start byte in the normalized text.
    pub start: u32,
    /// End byte (exclusive) in the normalized text.
    pub end: u32,
    /// What the token is.
    pub kind: TokenKind,
}

/// The kinds of token the tokenizer tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with digits, hyphens and inner apostrophes.
    Word,
    /// Digits with optional group spaces, decimal comma or dot (`23 000`, `1,5`).
    Number,
    /// An elided article, pronoun or conjunction with its apostrophe (`l'`, `qu'`).
    Elision,
    /// A word with its abbreviation dot (`M.`, `art.`, `J.-C.`) or `n°`.
    Abbrev,
    /// One punctuation or symbol char.
    Punct,
    /// A line break (one token per break; `\r\n` counts once).
    Newline,
}

impl Token {
    /// The byte range, for slicing the normalized text.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Words that take an elided form before a vowel, without their apostrophe.
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
];

/// Abbreviations written with a final dot that does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Mes", "Dr", "Pr", "Prof", "Mgr", "St", "Ste",
    "art", "al", "av", "apr", "cf", "ex", "p", "pp", "vol", "chap", "env", "hab", "min", "max",
    "etc", "éd", "coll", "fig", "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc", "Cie",
    "gén", "Gal", "Cne", "Lt", "Col", "Cdt", "Sgt", "adj", "dép", "tél", "Jr", "Sr", "cap",
];

/// Splits the normalized text `norm` into tokens.
///
/// # Example
///
/// ```
/// use depeche::text::token::{tokenize, TokenKind};
/// let s = "M. Darmanin l'a dit : 23 000 procédures.";
/// let toks: Vec<&str> = tokenize(s).iter().map(|t| &s[t.range()]).collect();
/// assert_eq!(toks, ["M.", "Darmanin", "l'", "a", "dit", ":", "23 000", "procédures", "."]);
/// ```
pub fn tokenize(norm: &str) -> Vec<Token> {
    let mut raw: Vec<Token> = Vec::with_capacity(norm.len() / 5);
    segment(norm, &mut raw);
    merge(norm, raw)
}

/// How the fast segmenter sees a char.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    /// Combining marks: they stay with the char before them.
    Extend,
    Space,
    Newline,
    /// Joins letters on both sides (`'`, `.`, `·`) or digits (`'`, `.`).
    MidNumLet,
    /// Joins digits on both sides (`,`, `;`).
    MidNum,
    Other,
    /// Outside the scripts the fast path knows: left to `unicode-segmentation`.
    Exotic,
}

/// Classes of the ASCII chars, looked up directly on the hot path.
static ASCII_CLASS: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        table[i] = match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b' ' | b'\t' | 0x0b | 0x0c => Class::Space,
            b'\n' | b'\r' => Class::Newline,
            b'\'' | b'.' => Class::MidNumLet,
            b',' | b';' => Class::MidNum,
            _ => Class::Other,
        };
        i += 1;
    }
    table
};

#[inline(always)]
fn class(c: char) -> Class {
    if (c as u32) < 128 {
        ASCII_CLASS[c as usize]
    } else {
        class_wide(c)
    }
}

fn class_wide(c: char) -> Class {
    match c {
        '\u{85}' | '\u{2028}' | '\u{2029}' => Class::Newline,
        '\u{b7}' => Class::MidNumLet,
        '\u{300}'..='\u{36f}' => Class::Extend,
        '\u{d7}' | '\u{f7}' => Class::Other,
        '\u{c0}'..='\u{24f}' | '\u{aa}' | '\u{b5}' | '\u{ba}' => Class::Letter,
        '\u{a0}' => Class::Space,
        '\u{a1}'..='\u{bf}' => Class::Other,
        '\u{370}'..='\u{52f}' | '\u{1e00}'..='\u{1eff}' => {
            if c.is_alphabetic() {
                Class::Letter
            } else {
                Class::Other
            }
        }
        '\u{2000}'..='\u{206f}' | '\u{20a0}'..='\u{20cf}' | '\u{2100}'..='\u{214f}' => {
            if c.is_whitespace() {
                Class::Space
            } else {
                Class::Other
            }
        }
        _ => Class::Exotic,
    }
}

/// Splits `s` into Unicode word-boundary segments and pushes the tokens of
/// each to `out` ([`push_segment`]), in order; runs of spaces make none.
///
/// For the scripts of French news (Latin, Greek, Cyrillic, general
/// punctuation) it applies the rules of UAX #29 that matter there (letters
/// and digits join, `'` and `.` join letters, `,` `.` `;` `'` join digits,
/// combining marks stay attached, CR LF is one break) with one table lookup
/// per char, about ten times faster than the general algorithm. A run of
/// non-space text holding a char of another script (CJK, Thai, emoji
/// sequences…) is handed whole to `unicode-segmentation`, so its boundaries
/// are the standard ones.
fn segment(s: &str, out: &mut Vec<Token>) {
    let bytes = s.as_bytes();
    let len = s.len();
    let mut i = 0;
    while i < len {
        let start = i;
        let (c, w) = char_at(s, i);
        let cls = class(c);
        i += w;
        match cls {
            Class::Letter | Class::Digit | Class::Extend => {
                let mut last = cls;
                let mut exotic = false;
                // ASCII letters only so far: a plain word, pushed at once.
                let mut plain = cls == Class::Letter && c.is_ascii();
                while i < len {
                    // ASCII letters and digits, most of a word, join at once.
                    if let Some(k) = ascii_word_class(bytes[i]) {
                        plain &= k == Class::Letter;
                        last = k;
                        i += 1;
                        continue;
                    }
                    let (n, nw) = char_at(s, i);
                    let nc = class(n);
                    let joins = match nc {
                        Class::Letter | Class::Digit | Class::Extend => true,
                        Class::MidNumLet | Class::MidNum if i + nw < len => {
                            let after = class(char_at(s, i + nw).0);
                            matches!(
                                (last, nc, after),
                                (Class::Letter, Class::MidNumLet, Class::Letter)
                                    | (Class::Digit, _, Class::Digit)
                            )
                        }
                        Class::Exotic => {
                            exotic = true;
                            false
                        }
                        _ => false,
                    };
                    if !joins {
                        break;
                    }
                    plain = false;
                    i += nw;
                    if nc != Class::Extend {
                        last = nc;
                    }
                }
                if exotic {
                    i = exotic_run(s, i);
                    for (k, seg) in s[start..i].split_word_bound_indices() {
                        push_segment(out, start + k, seg);
                    }
                    continue;
                }
                if plain {
                    // What `push_segment` makes of it: no apostrophe, not a
                    // number, not « nº ».
                    out.push(Token {
                        start: start as u32,
                        end: i as u32,
                        kind: TokenKind::Word,
                    });
                    continue;
                }
            }
            Class::Space => {
                while i < len {
                    if bytes[i] == b' ' {
                        i += 1;
                        continue;
                    }
                    let (n, nw) = char_at(s, i);
                    if class(n) != Class::Space {
                        break;
                    }
                    i += nw;
                }
                // Spaces make no token (line breaks are `Class::Newline`).
                continue;
            }
            Class::Newline => {
                if c == '\r' && s.as_bytes().get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            Class::Exotic => {
                i = exotic_run(s, i);
                for (k, seg) in s[start..i].split_word_bound_indices() {
                    push_segment(out, start + k, seg);
                }
                continue;
            }
            Class::MidNumLet | Class::MidNum | Class::Other => {}
        }
        push_segment(out, start, &s[start..i]);
    }
}

/// The class of an ASCII letter or digit byte, `None` for any other byte.
#[inline(always)]
fn ascii_word_class(b: u8) -> Option<Class> {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' | b'_' => Some(Class::Letter),
        b'0'..=b'9' => Some(Class::Digit),
        _ => None,
    }
}

/// The char at byte `i` (a char boundary) and its UTF-8 length.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    let c = s[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8())
}

/// The end byte of the run of non-space chars going on at byte `i`.
fn exotic_run(s: &str, mut i: usize) -> usize {
    while i < s.len() {
        let (n, nw) = char_at(s, i);
        if matches!(class(n), Class::Space | Class::Newline) {
            break;
        }
        i += nw;
    }
    i
}

#[inline]
fn push_segment(out: &mut Vec<Token>, mut start: usize, mut seg: &str) {
    let tok = |s: usize, e: usize, kind| Token {
        start: s as u32,
        end: e as u32,
        kind,
    };
    // A loop, not a recursion, so that it inlines: an elision goes out as
    // its own token and the rest of the segment comes round again.
    loop {
        let first = match seg.as_bytes().first() {
            Some(&b) if b.is_ascii() => char::from(b),
            _ => seg.chars().next().unwrap_or(' '),
        };
        if first.is_whitespace() {
            // One token per line break: "\r\n" is a single segment, "\n\n" two.
            if seg.contains('\n') || seg.contains('\r') {
                out.push(tok(start, start + seg.len(), TokenKind::Newline));
            }
            return;
        }
        if !matches!(class(first), Class::Letter | Class::Digit | Class::Extend)
            && !first.is_alphanumeric()
        {
            out.push(tok(start, start + seg.len(), TokenKind::Punct));
            return;
        }
        if let Some(apos) = seg.bytes().position(|b| b == b'\'') {
            let head = &seg[..apos];
            if apos + 1 < seg.len() && ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(head)) {
                out.push(tok(start, start + apos + 1, TokenKind::Elision));
                start += apos + 1;
                seg = &seg[apos + 1..];
                continue;
            }
        }
        let kind = if seg
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        {
            TokenKind::Number
        } else if is_numero(seg.as_bytes()) {
            TokenKind::Abbrev
        } else {
            TokenKind::Word
        };
        out.push(tok(start, start + seg.len(), kind));
        return;
    }
}

/// Whether `seg` is « nº » or « Nº » (compared as bytes: most words are
/// turned away by their length).
fn is_numero(seg: &[u8]) -> bool {
    matches!(seg, [b'n' | b'N', 0xC2, 0xBA])
}

/// Applies the French merges in one left-to-right pass over the raw tokens.
fn merge(norm: &str, raw: Vec<Token>) -> Vec<Token> {
    let text = |t: &Token| &norm[t.range()];
    // Matched as byte patterns: no string comparison call per token.
    let bytes = |t: &Token| &norm.as_bytes()[t.range()];
    let mut out: Vec<Token> = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let mut t = raw[i];
        i += 1;
        // Abbreviation dot, `n°`.
        if t.kind == TokenKind::Word {
            if let Some(next) = raw.get(i) {
                let dot = bytes(next) == b"." && is_abbreviation(text(&t));
                // « n° », « nº »
                let numero = matches!(bytes(next), [0xC2, 0xB0 | 0xBA])
                    && matches!(bytes(&t), [b'n' | b'N']);
                if next.start == t.end && (dot || numero) {
                    t = Token {
                        end: next.end,
                        kind: TokenKind::Abbrev,
                        ..t
                    };
                    i += 1;
                }
            }
        }
        // Hyphenated compound with the previous token: `Saint-Denis`, `J.-C.`.
        if let (Some(prev_hyphen), Some(prev)) =
            (out.len().checked_sub(1), out.len().checked_sub(2))
        {
            let h = out[prev_hyphen];
            let p = out[prev];
            let joinable =
                |k: TokenKind| matches!(k, TokenKind::Word | TokenKind::Number | TokenKind::Abbrev);
            if bytes(&h) == b"-"
                && p.end == h.start
                && h.end == t.start
                && joinable(p.kind)
                && joinable(t.kind)
            {
                let kind = if p.kind == TokenKind::Abbrev && t.kind == TokenKind::Abbrev {
                    TokenKind::Abbrev
                } else {
                    TokenKind::Word
                };
                out.truncate(prev);
                out.push(Token {
                    start: p.start,
                    end: t.end,
                    kind,
                });
                continue;
            }
        }
        // Digit groups: `23 000`, `1 500 000`, `23 000,50`.
        if t.kind == TokenKind::Number {
            if let Some(p) = out.last_mut() {
                if p.kind == TokenKind::Number
                    && t.start == p.end + 1
                    && norm.as_bytes()[p.end as usize] == b' '
                    && is_group_head(text(p))
                    && is_group_tail(text(&t))
                {
                    p.end = t.end;
                    continue;
                }
            }
        }
        out.push(t);
    }
    out
}

fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word)
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

/// A number that may be followed by a 3-digit group: `23`, `1 500`.
fn is_group_head(s: &str) -> bool {
    let mut groups = s.split(' ');
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// A 3-digit group, possibly with decimals: `000`, `000,50`.
fn is_group_tail(s: &str) -> bool {
    let (int, frac) = match s.find([',', '.']) {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s, "0"),
    };
    int.len() == 3
        && int.bytes().all(|b| b.is_ascii_digit())
        && !frac.is_empty()
        && frac.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(&str, TokenKind)> {
        tokenize(s)
            .iter()
            .map(|t| (&s[t.range()], t.kind))
            .collect()
    }

    fn words(s: &str) -> Vec<&str> {
        toks(s).into_iter().map(|(w, _)| w).collect()
    }

    #[test]
    fn elisions_split_off() {
        assert_eq!(words("l'Intérieur"), ["l'", "Intérieur"]);
        assert_eq!(
            words("d'activités jusqu'à qu'il"),
            ["d'", "activités", "jusqu'", "à", "qu'", "il"]
        );
        assert_eq!(
            words("Lorsqu'on puisqu'elle"),
            ["Lorsqu'", "on", "puisqu'", "elle"]
        );
        assert_eq!(
            toks("l'")[0].1,
            TokenKind::Word,
            "a lone elision letter stays a word"
        );
        // An apostrophe that is not an elision stays inside the word.
        assert_eq!(words("aujourd'hui"), ["aujourd'hui"]);
    }

    #[test]
    fn digit_groups_are_one_number() {
        assert_eq!(toks("23 000 procédures")[0], ("23 000", TokenKind::Number));
        assert_eq!(words("1 500 000 euros"), ["1 500 000", "euros"]);
        assert_eq!(words("1,5 million"), ["1,5", "million"]);
        assert_eq!(words("23.000 et 23 000,50"), ["23.000", "et", "23 000,50"]);
        // Not groups: a year then a count, a 4-digit head, 2-digit tails.
        assert_eq!(words("2024 000"), ["2024", "000"]);
        assert_eq!(words("12 34"), ["12", "34"]);
        assert_eq!(
            words("en 2021, 480 victimes"),
            ["en", "2021", ",", "480", "victimes"]
        );
    }

    #[test]
    fn hyphenated_compounds() {
        assert_eq!(
            words("Saint-Denis vingt-trois a-t-il"),
            ["Saint-Denis", "vingt-trois", "a-t-il"]
        );
        assert_eq!(
            words("Provence-Alpes-Côte d'Azur"),
            ["Provence-Alpes-Côte", "d'", "Azur"]
        );
        assert_eq!(words("article 225-7"), ["article", "225-7"]);
        // A spaced dash is punctuation.
        assert_eq!(words("Coco - CREDIT"), ["Coco", "-", "CREDIT"]);
    }

    #[test]
    fn abbreviations_keep_their_dot() {
        assert_eq!(toks("M. Dupont")[0], ("M.", TokenKind::Abbrev));
        assert_eq!(
            words("MM. Dupont et Mme Durand"),
            ["MM.", "Dupont", "et", "Mme", "Durand"]
        );
        assert_eq!(words("art. 225-7"), ["art.", "225-7"]);
        assert_eq!(toks("n° 12")[0], ("n°", TokenKind::Abbrev));
        assert_eq!(toks("52 av. J.-C.")[2], ("J.-C.", TokenKind::Abbrev));
        assert_eq!(toks("J.-L. Mélenchon")[0], ("J.-L.", TokenKind::Abbrev));
        // An ordinary word before a final dot is not an abbreviation.
        assert_eq!(words("fermé."), ["fermé", "."]);
    }

    #[test]
    fn word_kinds() {
        assert_eq!(
            toks("plan_B 3e l'abc aujourd'hui nº 12,5 x"),
            [
                ("plan_B", TokenKind::Word),
                ("3e", TokenKind::Word),
                ("l'", TokenKind::Elision),
                ("abc", TokenKind::Word),
                ("aujourd'hui", TokenKind::Word),
                ("nº", TokenKind::Abbrev),
                ("12,5", TokenKind::Number),
                ("x", TokenKind::Word),
            ]
        );
    }

    #[test]
    fn newlines_are_tokens() {
        let k: Vec<TokenKind> = toks("Titre\r\n\nCorps").into_iter().map(|t| t.1).collect();
        assert_eq!(
            k,
            [
                TokenKind::Word,
                TokenKind::Newline,
                TokenKind::Newline,
                TokenKind::Word
            ]
        );
    }
}

//! Lookup keys of the place gazetteer, shared by `build.rs` (which indexes
//! the names) and the matcher (which reads the text): one function, so both
//! sides always agree.
//!
//! A key folds the spelling variants news text uses for one name: typographic
//! apostrophes become `'`, a space and a hyphen both become `-`, accented
//! capitals lose their accent (« Etats-Unis », « Evry », « Ile-de-France »),
//! and the words « Saint » / « Sainte » become « St » / « Ste ». It does not
//! fold case or lower-case accents: capitals and accents carry meaning.
//! This file must stay free of crate imports (`build.rs` includes it by path).

/// Appends the key of `s` to `out`.
pub fn push_key(s: &str, out: &mut String) {
    let mut seg_start = out.len();
    for c in s.chars() {
        match c {
            ' ' | '-' | '\u{00A0}' | '\u{2010}' | '\u{2011}' => {
                abbreviate_saint(out, seg_start);
                out.push('-');
                seg_start = out.len();
            }
            _ => out.push(fold_key_char(c)),
        }
    }
    abbreviate_saint(out, seg_start);
}

/// Writes the word of `out` from `start` as « St » / « Ste » when it is
/// « Saint » / « Sainte ».
fn abbreviate_saint(out: &mut String, start: usize) {
    let short = match &out[start..] {
        "Saint" => "St",
        "Sainte" => "Ste",
        _ => return,
    };
    out.truncate(start);
    out.push_str(short);
}

/// The key form of one char (see the module doc).
fn fold_key_char(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        'À' | 'Â' | 'Ä' | 'Á' => 'A',
        'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'Î' | 'Ï' | 'Í' => 'I',
        'Ô' | 'Ö' | 'Ó' => 'O',
        'Û' | 'Ù' | 'Ü' | 'Ú' => 'U',
        'Ç' => 'C',
        _ => c,
    }
}

//! The matching view of a text, and the offset maps that tie it back to the
//! decoded input.
//!
//! Extractors match on a *normalized* copy of the text in which every char is
//! replaced by exactly one char: no-break and thin spaces become a plain space,
//! typographic apostrophes become `'`, non-breaking hyphens become `-`. Since
//! the replacement is one char for one char, a char index in the normalized
//! text is the same char index in the input, which is what the record reports
//! (SPEC: offsets count Unicode scalar values of the decoded input). Byte
//! offsets differ between the two strings, so each has its own
//! [`OffsetIndex`].
//!
//! Normalization does not fold case or accents: capitals carry meaning for
//! names and places.

/// The one-char replacement used for matching, or the char itself.
///
/// # Example
///
/// ```
/// use depeche::text::normalize::fold_char;
/// assert_eq!(fold_char('\u{202F}'), ' ');
/// assert_eq!(fold_char('’'), '\'');
/// assert_eq!(fold_char('é'), 'é');
/// ```
pub fn fold_char(c: char) -> char {
    match c {
        '\u{00A0}' | '\u{2007}' | '\u{2009}' | '\u{200A}' | '\u{202F}' | '\u{2002}'
        | '\u{2003}' | '\u{2005}' | '\u{2006}' | '\u{2008}' | '\u{205F}' | '\u{3000}' => ' ',
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{2010}' | '\u{2011}' => '-',
        _ => c,
    }
}

/// Applies [`fold_char`] to a whole string: lexicons use it on their entries
/// so that they compare equal to the normalized text.
pub fn fold_str(s: &str) -> String {
    // Copy unchanged stretches whole; only `` ` `` and some non-ASCII chars fold.
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let (mut copied, mut i) = (0, 0);
    while i < bytes.len() {
        i = plain_ascii_end(bytes, i, Some(b'`'));
        if i == bytes.len() {
            break;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        let folded = fold_char(c);
        if folded != c {
            out.push_str(&s[copied..i]);
            out.push(folded);
            copied = i + len;
        }
        i += len;
    }
    out.push_str(&s[copied..]);
    out
}

/// The first byte at or after `i` that is not ASCII or is `also`, or the
/// end of `bytes`. French text is mostly ASCII: it tests eight bytes at a
/// time.
pub(crate) fn plain_ascii_end(bytes: &[u8], mut i: usize, also: Option<u8>) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let mut stop = w & HIGH;
        if let Some(b) = also {
            // High bit of each byte of `w` equal to `b` (exact when no byte
            // of `w` has its high bit set, which `stop` covers otherwise).
            let x = w ^ (ONES * u64::from(b));
            stop |= x.wrapping_sub(ONES) & !x & HIGH;
        }
        if stop != 0 {
            break;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i] < 0x80 && Some(bytes[i]) != also {
        i += 1;
    }
    i
}

/// Maps byte offsets of one string to char offsets and back in O(log n),
/// storing one entry per non-ASCII char only (French text is mostly ASCII).
#[derive(Debug, Clone, Default)]
pub struct OffsetIndex {
    /// For each non-ASCII char: its char index and the number of extra bytes
    /// (UTF-8 length minus one) of all non-ASCII chars up to and including it.
    wide: Vec<(u32, u32)>,
    len_bytes: usize,
}

impl OffsetIndex {
    /// Builds the index of `s`.
    pub fn new(s: &str) -> Self {
        let bytes = s.as_bytes();
        let mut wide = Vec::new();
        let mut extra = 0u32;
        let mut i = plain_ascii_end(bytes, 0, None);
        while i < bytes.len() {
            // `i` starts a char of two to four bytes, its lead byte tells.
            let len = match bytes[i] {
                0xf0.. => 4,
                0xe0.. => 3,
                _ => 2,
            };
            let char_idx = i as u32 - extra;
            extra += len - 1;
            wide.push((char_idx, extra));
            i = plain_ascii_end(bytes, i + len as usize, None);
        }
        OffsetIndex {
            wide,
            len_bytes: s.len(),
        }
    }

    /// The char index of a byte offset that lies on a char boundary.
    pub fn char_of_byte(&self, byte: usize) -> usize {
        // A wide char lies wholly before `byte` when its end byte, which is
        // its char index + 1 + the extra bytes up to and including it, is not
        // past `byte`.
        let n = self
            .wide
            .partition_point(|&(c, extra)| (c + 1 + extra) as usize <= byte);
        let extra = if n == 0 {
            0
        } else {
            self.wide[n - 1].1 as usize
        };
        byte - extra
    }

    /// The byte offset of a char index (`char_count` gives the end).
    pub fn byte_of_char(&self, char_idx: usize) -> usize {
        let n = self.wide.partition_point(|&(c, _)| (c as usize) < char_idx);
        let extra = if n == 0 {
            0
        } else {
            self.wide[n - 1].1 as usize
        };
        (char_idx + extra).min(self.len_bytes)
    }

    /// How many chars the indexed string holds.
    pub fn char_count(&self) -> usize {
        self.char_of_byte(self.len_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_keeps_char_count() {
        let s = "l’Intérieur\u{202F}: 23\u{00A0}000 — « ok »";
        let folded = fold_str(s);
        assert_eq!(folded, "l'Intérieur : 23 000 — « ok »");
        assert_eq!(folded.chars().count(), s.chars().count());
    }

    #[test]
    fn plain_ascii_ends_at_the_first_wide_or_asked_byte() {
        let s = b"0123456789abcdef`0123456789\xc3\xa9";
        assert_eq!(plain_ascii_end(s, 0, None), 27);
        assert_eq!(plain_ascii_end(s, 0, Some(b'`')), 16);
        assert_eq!(plain_ascii_end(s, 17, Some(b'`')), 27);
        assert_eq!(plain_ascii_end(b"abc", 0, Some(b'`')), 3);
        assert_eq!(plain_ascii_end(b"", 0, None), 0);
        // Bytes next to the asked one do not stop the scan.
        assert_eq!(plain_ascii_end(b"_a_a_a_a_a_a_a_a", 0, Some(b'`')), 16);
        assert_eq!(fold_str("0123456789abcdef`x"), "0123456789abcdef'x");
    }

    #[test]
    fn offsets_round_trip_on_every_boundary() {
        for s in [
            "",
            "abc",
            "é",
            "aé€𝄞b",
            "Fermeture du site Coco après 20 ans d’activités",
            // Wide chars before, across and after eight-byte chunks.
            "0123456é89abcdef€0123456789abcdef𝄞",
            "é0123456789abcdefghijklmnop",
        ] {
            let idx = OffsetIndex::new(s);
            assert_eq!(idx.char_count(), s.chars().count());
            for (ci, (bi, _)) in s.char_indices().enumerate() {
                assert_eq!(idx.char_of_byte(bi), ci, "{s:?} byte {bi}");
                assert_eq!(idx.byte_of_char(ci), bi, "{s:?} char {ci}");
            }
            assert_eq!(idx.char_of_byte(s.len()), s.chars().count());
            assert_eq!(idx.byte_of_char(s.chars().count()), s.len());
        }
    }
}

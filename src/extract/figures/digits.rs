//! Numbers written in digits, French style: thousands with a space, NBSP,
//! NNBSP or dot (« 23 000 », « 23.000 »), decimal comma (« 1,5 »), signs,
//! multipliers (« 1,5 million », « 3 Md€ », « 150 M€ », « 12 k€ », « 100K »),
//! ordinal suffixes (« 1er », « 2e », « 11ème ») and Roman ordinals (« IIIe »).
//!
//! It finds the number and its multiplier only; what the number counts and
//! whether it is a figure at all is decided in `mod.rs` and `refuse.rs`.

use super::lexicon::APPROX;
use super::units;
use super::Core;
use crate::extract::embedded::{self, Staged};
use crate::extract::regex_patterns;

/// A digit number (`NUMBER` in `regex_patterns.rs`).
static NUMBER: Staged = Staged::new(
    regex_patterns::NUMBER,
    embedded::NUMBER_FWD,
    embedded::NUMBER_REV,
);

/// A Roman numeral with an ordinal suffix (`ROMAN` in `regex_patterns.rs`).
static ROMAN: Staged = Staged::new(
    regex_patterns::ROMAN,
    embedded::ROMAN_FWD,
    embedded::ROMAN_REV,
);

/// Multipliers after a number, with their factor. Symbolic ones must touch
/// the number or come before a currency sign.
const MULTIPLIERS: &[(&str, f64, bool)] = &[
    ("milliards", 1e9, false),
    ("milliard", 1e9, false),
    ("millions", 1e6, false),
    ("million", 1e6, false),
    ("billions", 1e12, false),
    ("billion", 1e12, false),
    ("mille", 1e3, false),
    ("mds", 1e9, true),
    ("md", 1e9, true),
    ("mrd", 1e9, true),
    ("m", 1e6, true),
    ("k", 1e3, true),
    ("g", 1e9, true),
];

/// Ordinal suffixes glued to digits.
const ORDINAL_SUFFIXES: &[&str] = &[
    "èmes", "ièmes", "ième", "ieme", "ème", "eme", "emes", "ère", "ere", "ers", "er", "res", "re",
    "nde", "nd", "es", "e", "è",
];

/// Every digit number of `norm` (the document's normalized text).
pub fn scan(norm: &str, out: &mut Vec<Core>) {
    for m in NUMBER.ranges(norm) {
        let (start, mut end) = (m.start, m.end);
        let raw = &norm[m];
        // Inside a longer digit string (« 25.06.2024 »): not a number of its own.
        if norm[..start].ends_with(|c: char| c.is_ascii_digit())
            || norm[end..].starts_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        // « ,0012G »: a bare decimal part only after a space or a sign.
        if raw.starts_with(',') && !norm[..start].ends_with([' ', '-']) && start > 0 {
            continue;
        }
        let grouped = raw.contains([' ', '.']);
        let decimal = raw.contains(',');
        let digits: String = raw
            .chars()
            .filter(|&c| c != ' ' && c != '.')
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        let digits = if digits.starts_with('.') {
            format!("0{digits}")
        } else {
            digits
        };
        let Ok(mut value) = digits.parse::<f64>() else {
            continue;
        };
        let rest = &norm[end..];
        let mut core = Core::new(start, end, value);
        core.plain = !grouped && !decimal;
        core.digits = raw.len();
        // Ordinal suffix glued to an integer.
        // Every suffix starts with `e`, `i`, `r`, `n` or `è`: a number
        // followed by anything else (a space, mostly) skips the list.
        let may_be_ordinal = matches!(
            rest.as_bytes().first(),
            Some(b'e' | b'i' | b'r' | b'n' | 0xC3)
        );
        if !grouped && !decimal && may_be_ordinal {
            if let Some(suffix) = ORDINAL_SUFFIXES
                .iter()
                .find(|s| rest.starts_with(*s) && units::boundary(&rest[s.len()..]))
            {
                core.end = end + suffix.len();
                core.ordinal = true;
                out.push(core);
                continue;
            }
        }
        // Multiplier: only words starting with one of their letters are tried.
        let starts_multiplier = rest
            .trim_start_matches(' ')
            .starts_with(['m', 'M', 'k', 'K', 'g', 'G', 'b']);
        // « 3 douzaines », « 2 centaines »: the amount noun multiplies.
        if let Some((len, factor)) = amount_noun(rest) {
            core.end = end + len;
            core.value = scale(value, factor);
            core.approx = true;
            core.tail_de = true;
            core.qualifier = Some(crate::record::Qualifier::About);
            out.push(core);
            continue;
        }
        if !starts_multiplier {
            out.push(core);
            continue;
        }
        let lower = crate::text::lower::lowered(&rest.chars().take(24).collect::<String>());
        let spaced = lower.trim_start_matches(' ');
        let gap = lower.len() - spaced.len();
        for &(word, factor, symbolic) in MULTIPLIERS {
            // « M » and « G » only in capitals: « 3 m » is metres.
            let Some(after) = spaced.strip_prefix(word) else {
                continue;
            };
            let written = rest.get(gap..gap + word.len()).unwrap_or("");
            if symbolic && matches!(word, "m" | "g" | "md" | "mds" | "mrd") && written == word {
                continue;
            }
            let before_money = symbolic
                && units::after(after, false)
                    .is_some_and(|(u, _)| u.kind == crate::record::FigureKind::Money)
                || after.trim_start().starts_with("d'euros")
                || after.trim_start().starts_with("de dollars");
            // « 5G », « 4G » are networks: « G » needs a decimal part or money.
            if word == "g" && !(decimal || before_money) {
                continue;
            }
            let ok = if symbolic {
                // « 2,33 k »: a spaced « k » too, the other symbols only glued.
                units::boundary(after) && (gap == 0 || before_money || word == "k")
                    || before_money && !after.starts_with(char::is_alphanumeric)
            } else {
                units::boundary(after) && gap <= 1
            };
            if ok && norm.is_char_boundary(end + gap + word.len()) {
                value = scale(value, factor);
                end += gap + word.len();
                core.end = end;
                core.value = value;
                core.multiplied = true;
                core.factor = factor;
                core.plain = false;
                break;
            }
        }
        out.push(core);
    }
    for all in ROMAN.ranges(norm) {
        let text = &norm[all.clone()];
        let numeral = &text[..text.find(|c| !"IVXLC".contains(c)).unwrap_or(text.len())];
        // « Le », « Ce » are words, not « L-e », « C-e ».
        if matches!(numeral, "L" | "C")
            || norm[..all.start].ends_with(char::is_alphanumeric)
            || !units::boundary(&norm[all.end..])
        {
            continue;
        }
        if let Some(value) = roman(numeral) {
            let mut core = Core::new(all.start, all.end, value as f64);
            core.ordinal = true;
            core.roman = true;
            out.push(core);
        }
    }
}

/// An amount noun (« douzaines », « centaines ») one space after a number:
/// its byte length with the space, and its factor.
fn amount_noun(rest: &str) -> Option<(usize, f64)> {
    let word = rest.strip_prefix(' ')?;
    let len = word
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(word.len());
    let w = &word[..len];
    let &(_, factor) = APPROX.iter().find(|(a, _)| *a == w)?;
    Some((len + 1, factor))
}

/// `value × factor` without binary noise: « 16,4 millions » is 16 400 000,
/// not 16 399 999.999999998. The product is rounded to the decimals it can
/// still have (`factor` is a power of ten).
pub(super) fn scale(value: f64, factor: f64) -> f64 {
    let product = value * factor;
    // Up to 6 decimals are kept before the factor shifts them.
    let keep = (1e6 / factor).max(1.0);
    (product * keep).round() / keep
}

/// The value of a Roman numeral, if well formed and below 400.
fn roman(s: &str) -> Option<u32> {
    let val = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let vals: Vec<u32> = s.chars().map(val).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, &v) in vals.iter().enumerate() {
        if vals.get(i + 1).is_some_and(|&n| n > v) {
            total -= v as i64;
        } else {
            total += v as i64;
        }
    }
    // Only canonical spellings: « IIII » or « VV » are not numerals.
    let total = u32::try_from(total).ok()?;
    (to_roman(total) == s).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: &[(u32, &str)] = &[
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for &(v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinal_suffixes_start_with_the_bytes_checked_first() {
        for s in ORDINAL_SUFFIXES {
            assert!(
                matches!(s.as_bytes()[0], b'e' | b'i' | b'r' | b'n' | 0xC3),
                "{s}"
            );
        }
    }

    fn values(s: &str) -> Vec<f64> {
        let mut out = Vec::new();
        scan(s, &mut out);
        out.iter().map(|c| c.value).collect()
    }

    #[test]
    fn french_formats() {
        assert_eq!(values("23 000"), [23000.0]);
        assert_eq!(values("23.000"), [23000.0]);
        assert_eq!(values("6.700,54"), [6700.54]);
        assert_eq!(values("1,5 million"), [1_500_000.0]);
        assert_eq!(values("16,4 millions"), [16_400_000.0]);
        assert_eq!(values("2,33 k"), [2330.0]);
        assert_eq!(values("3 douzaines"), [36.0]);
        assert_eq!(values("1,1 milliard"), [1_100_000_000.0]);
        assert_eq!(values("3 Md€"), [3e9]);
        assert_eq!(values("150 M€"), [150e6]);
        assert_eq!(values("12 k€"), [12000.0]);
        assert_eq!(values("3 m"), [3.0]);
        assert_eq!(values("en 2012 300"), [2012.0, 300.0]);
    }

    #[test]
    fn romans() {
        assert_eq!(roman("XXI"), Some(21));
        assert_eq!(roman("IIII"), None);
        assert_eq!(values("la Ve République"), [5.0]);
    }
}

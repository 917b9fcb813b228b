//! French word lists for dates: months, weekdays, units, parts of the day,
//! and the regex fragments built from them; spelled-out numbers are read with
//! the text2num crate.
//!
//! Only data and lookups live here; no rule, no reference date.

use super::expr::Unit;
use text2num::lang::French;
use text2num::text2digits;

/// Month names and abbreviations (folded to lowercase), with their number.
pub const MONTHS: &[(&str, u32)] = &[
    ("janvier", 1),
    ("janv", 1),
    ("jan", 1),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fevr", 2),
    ("fév", 2),
    ("fev", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("sept", 9),
    ("sep", 9),
    ("octobre", 10),
    ("oct", 10),
    ("novembre", 11),
    ("nov", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("dec", 12),
];

/// Weekday names and abbreviations, 0 = Monday.
pub const WEEKDAYS: &[(&str, u32)] = &[
    ("lundi", 0),
    ("lun", 0),
    ("mardi", 1),
    ("mar", 1),
    ("mercredi", 2),
    ("mer", 2),
    ("jeudi", 3),
    ("jeu", 3),
    ("vendredi", 4),
    ("ven", 4),
    ("samedi", 5),
    ("sam", 5),
    ("dimanche", 6),
    ("dim", 6),
];

/// Regex fragment for a full month name or a dotted abbreviation.
pub const MONTH_RE: &str = r"(?:(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)\b|(?:janv|jan|févr|fevr|fév|fev|avr|juil|jui|sept|sep|oct|nov|déc|dec)(?:\.|\b))";

/// Regex fragment for a full weekday name or a dotted abbreviation.
pub const WEEKDAY_RE: &str =
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|(?:lun|mar|mer|jeu|ven|sam|dim)\.)";

/// Regex fragment for spelled-out numbers (« vingt-cinq », « trente et un »).
pub const NUMWORD_RE: &str = r"(?:(?:zéro|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille)(?:(?:-|\s)(?:et(?:-|\s))?(?:une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille)\b)*)";

/// Regex fragment for a day of the month in digits, as an ordinal or in words.
pub const DAYNUM_RE: &str = r"(?:1er|1ᵉʳ|premier|[12]\d|3[01]|0?[1-9]|(?:vingt|trente)(?:(?:-|\s)et(?:-|\s)un|-(?:deux|trois|quatre|cinq|six|sept|huit|neuf))?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix(?:-sept|-huit|-neuf)?|onze|douze|treize|quatorze|quinze|seize)";

/// The number of a month name or abbreviation.
pub fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w == "jui" {
        return Some(7);
    }
    MONTHS.iter().find(|(n, _)| *n == w).map(|&(_, m)| m)
}

/// The weekday (0 = Monday) of a name or abbreviation.
pub fn weekday(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    WEEKDAYS.iter().find(|(n, _)| *n == w).map(|&(_, d)| d)
}

/// Reads a number written in digits (`25`, `1er`, `15e`) or in words
/// (« vingt-cinq », « premier »).
pub fn number(s: &str) -> Option<i64> {
    let s = s.trim().to_lowercase();
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    match s.as_str() {
        "un" | "une" | "premier" | "première" | "premiere" => return Some(1),
        "quelques" | "plusieurs" => return None,
        _ => {}
    }
    let spaced = s.replace('-', " ");
    let out = text2digits(&spaced, &French::new()).ok()?;
    let digits: String = out.chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

/// The unit a word names (« ans », « heures », « h »), if any.
pub fn unit(word: &str) -> Option<Unit> {
    let w = word.trim_end_matches('.').to_lowercase();
    Some(match w.as_str() {
        "s" | "sec" | "secs" | "seconde" | "secondes" | "\"" => Unit::Second,
        "min" | "mins" | "minute" | "minutes" | "mn" | "'" => Unit::Minute,
        "h" | "heure" | "heures" => Unit::Hour,
        "jour" | "jours" | "journée" | "journées" | "j" => Unit::Day,
        "semaine" | "semaines" => Unit::Week,
        "mois" => Unit::Month,
        "trimestre" | "trimestres" => Unit::Quarter,
        "an" | "ans" | "année" | "années" | "annee" | "annees" => Unit::Year,
        "décennie" | "décennies" | "decennie" | "decennies" => Unit::Decade,
        "siècle" | "siècles" | "siecle" | "siecles" => Unit::Century,
        _ => return None,
    })
}

/// Regex fragment for a unit word (plural or singular).
pub const UNIT_RE: &str = r"(?:secondes?|sec|minutes?|mins?|heures?|journées?|jours?|semaines?|mois|trimestres?|années?|annees?|ans|an|décennies?|decennies?|siècles?|siecles?)";

/// The TIMEX3 suffix of a part of the day (« matin » → `MO`).
pub fn day_part(word: &str) -> Option<&'static str> {
    let w = word.to_lowercase();
    Some(match w.as_str() {
        "matin" | "matinée" | "matinee" | "mat" => "MO",
        "après-midi" | "apres-midi" | "aprèm" | "midi" => "AF",
        "soir" | "soirée" | "soiree" => "EV",
        "nuit" => "NI",
        _ => return None,
    })
}

/// Regex fragment for a part of the day.
pub const PART_RE: &str =
    r"(?:matinée|matinee|matin|après-midi|apres-midi|soirée|soiree|soir|nuit)";

/// Reads a Roman numeral (`XIX` → 19).
pub fn roman(s: &str) -> Option<i32> {
    let mut total = 0;
    let mut prev = 0;
    for c in s.chars().rev() {
        let v = match c.to_ascii_uppercase() {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            _ => return None,
        };
        if v < prev {
            total -= v;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_words_and_digits() {
        assert_eq!(number("vingt-cinq"), Some(25));
        assert_eq!(number("trente et un"), Some(31));
        assert_eq!(number("1er"), Some(1));
        assert_eq!(number("premier"), Some(1));
        assert_eq!(number("deux"), Some(2));
        assert_eq!(number("quatre-vingt-dix"), Some(90));
        assert_eq!(number("quelques"), None);
    }

    #[test]
    fn names() {
        assert_eq!(month("Juil."), Some(7));
        assert_eq!(month("décembre"), Some(12));
        assert_eq!(weekday("Mardi"), Some(1));
        assert_eq!(roman("XIX"), Some(19));
        assert_eq!(roman("XXI"), Some(21));
    }
}

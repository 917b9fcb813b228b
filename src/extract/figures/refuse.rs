//! What looks like a number but is not a figure, as named rules: years,
//! dates and times, law article and other reference numbers, postal and
//! department codes, phone numbers, street numbers, version numbers and
//! numbers glued into words (« A13 », « 225-7 »).
//!
//! Durations and ages are told apart in `mod.rs`, which knows the unit.
//! Spans the dates extractor took are skipped there too.

use super::lexicon::{
    is_in, MONTHS, REFERENCE_CUES, STREET_WORDS, TIME_UNITS, WEEKDAYS, YEAR_CUES,
};
use super::nouns::{lower, next_word, prev_word};
use super::Core;
use crate::extract::embedded::{self, Staged};
use crate::extract::regex_patterns;
use std::ops::Range;

/// French phone numbers (`PHONE` in `regex_patterns.rs`).
static PHONE: Staged = Staged::new(
    regex_patterns::PHONE,
    embedded::PHONE_FWD,
    embedded::PHONE_REV,
);

/// Whether `rest` (the text after a number) starts with a clock time or a
/// glued time unit: « h » or « H » alone, before two digits, or before a
/// space and two digits (« 15h », « 9h30 », « 15 h 30 »), or « :30 ».
fn time_after(rest: &str) -> bool {
    let word_end = |s: &str| !s.starts_with(|c: char| c.is_alphanumeric() || c == '_');
    let two_digits = |s: &str| {
        s.len() >= 2 && s.as_bytes()[..2].iter().all(u8::is_ascii_digit) && word_end(&s[2..])
    };
    if let Some(minutes) = rest.strip_prefix(':') {
        return minutes.len() >= 2 && minutes.as_bytes()[..2].iter().all(u8::is_ascii_digit);
    }
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let Some(after) = rest.strip_prefix(['h', 'H']) else {
        return false;
    };
    two_digits(after) || word_end(after) || after.strip_prefix(' ').is_some_and(two_digits)
}

/// Byte ranges of phone numbers in `norm`, sorted and disjoint.
pub fn phones(norm: &str) -> Vec<Range<usize>> {
    PHONE
        .ranges(norm)
        .into_iter()
        .filter(|m| {
            !norm[..m.start].ends_with(|c: char| c.is_alphanumeric())
                && !norm[m.end..].starts_with(|c: char| c.is_alphanumeric())
        })
        .collect()
}

/// The rule that refuses the number `core` of `norm`, whatever follows it.
/// `phones` are sorted and disjoint (as [`phones`] gives them), so the one
/// that may overlap the number is found by binary search.
pub fn before_unit(norm: &str, core: &Core, phones: &[Range<usize>]) -> Option<&'static str> {
    let (s, e) = (core.start, core.end);
    let k = phones.partition_point(|p| p.end <= s);
    if phones.get(k).is_some_and(|p| p.start < e) {
        return Some("phone-number");
    }
    let prev_c = norm[..s].chars().next_back();
    let prev_c2 = norm[..s].chars().rev().nth(1);
    let next_c = norm[e..].chars().next();
    let next_c2 = norm[e..].chars().nth(1);
    if !core.spelled {
        // « 225-7 », « 2012-2013 », « covid-19 »
        if prev_c == Some('-') && prev_c2.is_some_and(char::is_alphanumeric)
            || next_c == Some('-') && next_c2.is_some_and(char::is_alphanumeric)
        {
            return Some("hyphen-compound");
        }
        // « 25/06/2024 », « 2.0.1 », « 15:30 »
        if matches!(next_c, Some('/' | '.' | ':' | ','))
            && next_c2.is_some_and(|c| c.is_ascii_digit())
            || matches!(prev_c, Some('/' | '.' | ':' | ','))
                && prev_c2.is_some_and(|c| c.is_ascii_digit())
        {
            return Some("version-or-date-part");
        }
        if time_after(&norm[e..]) {
            return Some("clock-time");
        }
        // « (83) », a department code
        if prev_c == Some('(') && next_c == Some(')') && core.plain && core.value < 1000.0 {
            return Some("department-code");
        }
        // « 75008 Paris »
        if core.plain && core.digits == 5 {
            if let Some(n) = next_word(norm, e) {
                if norm[n].starts_with(char::is_uppercase) {
                    return Some("postal-code");
                }
            }
        }
    }
    let next_range = next_word(norm, e);
    let next = next_range
        .clone()
        .map(|r| lower(norm, &r))
        .unwrap_or_default();
    let next = next.trim_end_matches('.');
    // « sept. » abbreviates a month only with its dot: « deux sept » is two numbers.
    let dotted = next_range.is_some_and(|r| norm[r.end..].starts_with('.'));
    if is_in(MONTHS, next) || dotted && is_in(MONTHS, &format!("{next}.")) {
        return Some("date-day");
    }
    if core.roman && matches!(next, "siècle" | "siècles" | "millénaire" | "siecle") {
        return Some("century");
    }
    if !core.ordinal && is_in(STREET_WORDS, next) {
        return Some("street-number");
    }
    let prev = prev_word(norm, s)
        .map(|r| lower(norm, &r))
        .unwrap_or_default();
    if is_in(MONTHS, &prev) || is_in(WEEKDAYS, &prev) {
        return Some("date-part");
    }
    if matches!(prev.as_ref(), "h" | "heure" | "heures") {
        return Some("clock-time");
    }
    if core.ordinal && is_in(TIME_UNITS, next) {
        return Some("ordinal-period");
    }
    if !core.spelled && is_in(REFERENCE_CUES, &prev) {
        return Some("reference-number");
    }
    None
}

/// Whether a plain four-digit number is a year: `has_unit` says whether a
/// currency, percent or measure follows, `has_noun` whether a counted noun does.
pub fn is_year(norm: &str, core: &Core, has_unit: bool, has_noun: bool) -> bool {
    if !core.plain || core.digits != 4 || has_unit || core.ordinal {
        return false;
    }
    let v = core.value;
    let prev_range = prev_word(norm, core.start);
    let prev = prev_range
        .clone()
        .map(|r| lower(norm, &r))
        .unwrap_or_default();
    let capital = prev_range.is_some_and(|r| norm[r].starts_with(char::is_uppercase));
    let cue = is_in(YEAR_CUES, &prev) || capital;
    if (1000.0..=2100.0).contains(&v) && cue {
        return true;
    }
    (1800.0..=2100.0).contains(&v) && (!has_noun || (1950.0..=2035.0).contains(&v))
}

/// Whether a number with no unit follows a name (« France 24 », « Ayrault 2 »).
pub fn after_name(norm: &str, core: &Core) -> bool {
    let Some(p) = prev_word(norm, core.start) else {
        return false;
    };
    let raw = &norm[p.clone()];
    raw.starts_with(char::is_uppercase)
        && raw.chars().count() > 1
        && !is_in(super::lexicon::STOP, &lower(norm, &p))
}

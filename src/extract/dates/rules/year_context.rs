//! When a four-digit number alone is a year: « en 2021 », « 2012 a été »,
//! « 2021-2024 » are; « 2024 habitants », « article 2012 », « 1000° », a
//! postal code or a phone number are not.
//!
//! Only the neighbours of the number are read; no rule lives here.

use super::Match;

/// Words that may follow a year written alone without making it a count.
pub(super) const AFTER_YEAR_OK: &[&str] = &[
    "à",
    "au",
    "aux",
    "en",
    "et",
    "ou",
    "le",
    "la",
    "les",
    "l",
    "de",
    "des",
    "du",
    "d",
    "un",
    "une",
    "dans",
    "par",
    "pour",
    "sur",
    "sous",
    "avec",
    "sans",
    "contre",
    "entre",
    "vers",
    "chez",
    "selon",
    "après",
    "avant",
    "depuis",
    "il",
    "elle",
    "ils",
    "elles",
    "on",
    "ce",
    "cette",
    "ces",
    "qui",
    "que",
    "qu",
    "a",
    "ont",
    "est",
    "sont",
    "était",
    "avait",
    "sera",
    "ne",
    "n",
    "se",
    "s",
    "y",
    "lors",
    "alors",
    "puis",
    "où",
    "dont",
    "déjà",
    "encore",
    "aussi",
    "mais",
    "donc",
    "car",
    "comme",
    "jusqu",
    "pendant",
    "mon",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "notre",
    "nos",
    "plus",
    "moins",
    "tandis",
    "soit",
    "seront",
    "avaient",
    "étaient",
    "furent",
    "fut",
    "avant",
    "dernier",
    "dernière",
    "prochain",
    "prochaine",
    "également",
    "notamment",
    "the",
];

/// Words that, just before a number, say it is not a year.
const BEFORE_NOT_YEAR: &[&str] = &[
    "article",
    "articles",
    "art",
    "n°",
    "no",
    "numéro",
    "numéros",
    "loi",
    "décret",
    "code",
    "page",
    "pages",
    "p",
    "vol",
    "tome",
    "route",
    "rn",
    "rd",
    "km",
    "€",
    "$",
    "ligne",
    "départementale",
    "nationale",
    "autoroute",
    "version",
    "modèle",
    "bus",
    "chambre",
];

/// Whether a bare four-digit number reads as a year in its context.
pub(super) fn year_in_context(m: &Match) -> bool {
    let before = m.before();
    let prev = before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let prev = prev.trim_end_matches(['.', ':']);
    if BEFORE_NOT_YEAR.contains(&prev) {
        return false;
    }
    // A digit group before (« 1 2000 ») or a sign.
    // « 2021-2024 »: a year range.
    if let Some(b) = before.strip_suffix('-') {
        let tail: String = b.chars().rev().take(5).collect();
        let digits = tail.chars().take_while(|c| c.is_ascii_digit()).count();
        let first: String = tail
            .chars()
            .take(4)
            .collect::<String>()
            .chars()
            .rev()
            .collect();
        let second: i32 = m.get("y").and_then(|y| y.parse().ok()).unwrap_or(0);
        let first: i32 = first.parse().unwrap_or(i32::MAX);
        if digits == 4
            && !tail[4..].starts_with(|c: char| c.is_ascii_digit() || c == '-')
            && second > first
            && second - first < 200
        {
            return true;
        }
    }
    // A digit group before (« 1 2000 »), a sign or a separator.
    if before.ends_with(|c: char| c.is_ascii_digit() || matches!(c, ',' | '+' | '-' | '/' | '.'))
        || before
            .trim_end_matches(' ')
            .ends_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let after = m.after();
    if after.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '%' | '€' | '$' | '.' | ','))
        && after.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
    {
        return false;
    }
    let a = after.trim_start();
    if a.starts_with(['%', '€', '$', '°']) || after.starts_with('°') {
        return false;
    }
    if after.starts_with(' ') || after.starts_with('\u{a0}') {
        let next: String = a
            .chars()
            .take_while(|c| c.is_alphabetic() || *c == '-')
            .collect();
        if next.is_empty() {
            // digits follow: part of a bigger number, a postal code…
            return !a.starts_with(|c: char| c.is_ascii_digit());
        }
        if next.starts_with(char::is_uppercase) {
            return true;
        }
        let low = next.to_lowercase();
        return AFTER_YEAR_OK.contains(&low.as_str()) || low.ends_with("ait") || low.ends_with("é");
    }
    true
}

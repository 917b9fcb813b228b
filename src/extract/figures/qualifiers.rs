//! Qualifiers before a number (« plus de », « près de », « au moins »…),
//! as a table of named rules, and the written sign of a number.
//!
//! It reads only the words right before the number; « une vingtaine » and
//! other vague amounts set their own qualifier in `words.rs`.

use crate::record::Qualifier;
use std::sync::LazyLock;

/// One qualifier rule: the words (lower-case, normalized) and what they mean.
struct Rule {
    name: &'static str,
    words: &'static str,
    qualifier: Qualifier,
}

const fn rule(name: &'static str, words: &'static str, qualifier: Qualifier) -> Rule {
    Rule {
        name,
        words,
        qualifier,
    }
}

/// Longer phrases first where one ends another (« pas moins de » / « moins de »).
static RULES: &[Rule] = &[
    rule("not-less-than", "pas moins de", Qualifier::AtLeast),
    rule("not-less-than", "pas moins d'", Qualifier::AtLeast),
    rule("not-more-than", "pas plus de", Qualifier::AtMost),
    rule("not-more-than", "pas plus d'", Qualifier::AtMost),
    rule("more-than", "plus de", Qualifier::MoreThan),
    rule("more-than", "plus d'", Qualifier::MoreThan),
    rule("more-than", "plus que", Qualifier::MoreThan),
    rule("more-than", "au-delà de", Qualifier::MoreThan),
    rule("more-than", "au-dela de", Qualifier::MoreThan),
    rule("more-than", "supérieur à", Qualifier::MoreThan),
    rule("more-than", "supérieure à", Qualifier::MoreThan),
    rule("more-than", "supérieurs à", Qualifier::MoreThan),
    rule("more-than", "supérieures à", Qualifier::MoreThan),
    rule("more-than", "dépassant", Qualifier::MoreThan),
    rule("less-than", "moins de", Qualifier::LessThan),
    rule("less-than", "moins d'", Qualifier::LessThan),
    rule("less-than", "moins que", Qualifier::LessThan),
    rule("less-than", "inférieur à", Qualifier::LessThan),
    rule("less-than", "inférieure à", Qualifier::LessThan),
    rule("less-than", "inférieurs à", Qualifier::LessThan),
    rule("less-than", "inférieures à", Qualifier::LessThan),
    rule("less-than", "en-dessous de", Qualifier::LessThan),
    rule("less-than", "en dessous de", Qualifier::LessThan),
    rule("less-than", "sous la barre des", Qualifier::LessThan),
    rule("about", "près de", Qualifier::About),
    rule("about", "près d'", Qualifier::About),
    rule("about", "pres de", Qualifier::About),
    rule("about", "environ", Qualifier::About),
    rule("about", "quelque", Qualifier::About),
    rule("about", "à peu près", Qualifier::About),
    rule("about", "a peu pres", Qualifier::About),
    rule("about", "approximativement", Qualifier::About),
    rule("about", "autour de", Qualifier::About),
    rule("about", "autour d'", Qualifier::About),
    rule("about", "proche de", Qualifier::About),
    rule("about", "proche d'", Qualifier::About),
    rule("about", "aux alentours de", Qualifier::About),
    rule("about", "presque", Qualifier::About),
    rule("about", "quasi", Qualifier::About),
    rule("about", "quasiment", Qualifier::About),
    rule("about", "pratiquement", Qualifier::About),
    rule("about", "grosso modo", Qualifier::About),
    rule("about", "de l'ordre de", Qualifier::About),
    rule("at-least", "au moins", Qualifier::AtLeast),
    rule("at-least", "au minimum", Qualifier::AtLeast),
    rule("at-least", "minimum", Qualifier::AtLeast),
    rule("at-least", "à partir de", Qualifier::AtLeast),
    rule("at-most", "au plus", Qualifier::AtMost),
    rule("at-most", "au maximum", Qualifier::AtMost),
    rule("at-most", "maximum", Qualifier::AtMost),
    rule("at-most", "tout au plus", Qualifier::AtMost),
    rule("up-to", "jusqu'à", Qualifier::UpTo),
    rule("up-to", "jusqu'a", Qualifier::UpTo),
    rule("up-to", "jusqu'au", Qualifier::UpTo),
    rule("exact", "exactement", Qualifier::Exact),
    rule("exact", "précisément", Qualifier::Exact),
    rule("exact", "tout juste", Qualifier::Exact),
];

/// The indexes of the rules whose words end with each byte, in table
/// order (a number is read with the rules that can end where it starts).
static BY_LAST_BYTE: LazyLock<Vec<Vec<usize>>> = LazyLock::new(|| {
    let mut by = vec![Vec::new(); 256];
    for (k, r) in RULES.iter().enumerate() {
        if let Some(&b) = r.words.as_bytes().last() {
            by[usize::from(b)].push(k);
        }
    }
    by
});

/// The qualifier ending `before` (lower-cased text ending at the number,
/// spaces allowed in between): its value, rule name and the byte length
/// it takes, counted from the end of `before`.
pub fn before(before: &str) -> Option<(Qualifier, &'static str, usize)> {
    let trimmed = before.trim_end_matches(' ');
    let gap = before.len() - trimmed.len();
    let &last = trimmed.as_bytes().last()?;
    // « jusqu'à » and « d' » phrases may touch the number; others need a space.
    for &k in &BY_LAST_BYTE[usize::from(last)] {
        let r = &RULES[k];
        if !trimmed.ends_with(r.words) {
            continue;
        }
        if gap == 0 && !r.words.ends_with('\'') {
            continue;
        }
        let head = &trimmed[..trimmed.len() - r.words.len()];
        if head
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric())
        {
            continue;
        }
        return Some((r.qualifier, r.name, gap + r.words.len()));
    }
    None
}

/// The byte length of a written minus sign ending `before` (« -1,2 »,
/// « - 33 % », « moins 1200000 »), or 0.
pub fn minus_before(before: &str) -> usize {
    let trimmed = before.trim_end_matches(' ');
    let gap = before.len() - trimmed.len();
    if gap > 1 {
        return 0;
    }
    for sign in ["-", "−"] {
        if let Some(head) = trimmed.strip_suffix(sign) {
            let prev = head.chars().next_back();
            let spaced_ok = gap == 0 || !head.trim_end_matches(' ').ends_with(['.', ',', ';']);
            if spaced_ok && prev.is_none_or(|c| c == ' ' || c == '(' || c == '\n' || c == ':') {
                // « 10 - 20 » is a range, not a negative number.
                let word = head.trim_end_matches(' ');
                if word.chars().next_back().is_some_and(|c| c.is_ascii_digit()) {
                    return 0;
                }
                return gap + sign.len();
            }
        }
    }
    if gap == 1 {
        if let Some(head) = trimmed.strip_suffix("moins") {
            let head = head.trim_end_matches(' ');
            let prev_word = head.rsplit([' ', '\n']).next().unwrap_or("");
            let boundary = !head
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric());
            if boundary
                && !matches!(
                    prev_word,
                    "au" | "pas" | "le" | "du" | "des" | "les" | "en" | "a" | "à" | "et" | "ou"
                )
            {
                return gap + "moins".len();
            }
        }
    }
    0
}

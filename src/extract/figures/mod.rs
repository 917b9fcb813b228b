//! Figures (SPEC `figures`): counts, money, percentages, ordinals, ages and
//! measures, in digits (French formats, `digits.rs`) or in words
//! (text2num, `words.rs`), with their qualifier (`qualifiers.rs`), unit
//! (`units.rs`) or counted noun (`nouns.rs`).
//!
//! It deliberately does not report years, dates, times, durations
//! (« 20 ans », « deux décennies », « cinq ans de prison »: those are dates),
//! reference numbers, codes, phone and street numbers (`refuse.rs`), nor any
//! span the dates extractor took. A lone « un / une » is an article, not a
//! figure, unless the whole text is that number (the case of number test
//! suites) or a measure or currency follows (« une tonne », « un euro »).
//!
//! Speed (release, one core, dev articles concatenated to 20 MB, machine
//! under load): about 30 MB/s for this extractor alone, measured as the
//! difference between `--only figures` and `--only dates` runs. Below the
//! 100 MB/s goal: the per-candidate context reading (lower-casing, list
//! look-ups) is the next thing to make cheaper.

mod digits;
pub(crate) mod lexicon;
mod nouns;
mod qualifiers;
mod refuse;
mod units;
mod words;

use super::Context;
use crate::record::{Figure, FigureKind, Qualifier};
use crate::text::Document;
use lexicon::{is_in, AGE_UNITS, PERSON_NOUNS, TIME_UNITS};
use nouns::{lower, next_word, prev_word};

/// How much a number needs around it to count as a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Weak {
    /// A figure on its own.
    No,
    /// « un », « une », « zéro »: only as the whole text or before a unit.
    One,
    /// « neuf » (also « new »): not after a noun unless a noun follows.
    Adjective,
    /// Only as the whole text (« second », « Premier »).
    Lone,
}

/// A number found in the text, before its context is read.
#[derive(Debug, Clone)]
struct Core {
    /// Byte range in the normalized text.
    start: usize,
    end: usize,
    value: f64,
    ordinal: bool,
    roman: bool,
    spelled: bool,
    /// Digits only, no group separator, decimal or multiplier.
    plain: bool,
    /// Length of the digit string as written.
    digits: usize,
    multiplied: bool,
    /// The multiplier's factor (« millions »: 1e6), 1 when none.
    factor: f64,
    /// A vague amount (« une dizaine »).
    approx: bool,
    /// The counted noun follows « de » (« des milliers de manifestants »).
    tail_de: bool,
    weak: Weak,
    qualifier: Option<Qualifier>,
}

impl Core {
    fn new(start: usize, end: usize, value: f64) -> Self {
        Core {
            start,
            end,
            value,
            ordinal: false,
            roman: false,
            spelled: false,
            plain: false,
            digits: 0,
            multiplied: false,
            factor: 1.0,
            approx: false,
            tail_de: false,
            weak: Weak::No,
            qualifier: None,
        }
    }
}

/// A number read in its context.
#[derive(Debug, Clone)]
struct Reading {
    start: usize,
    end: usize,
    kind: FigureKind,
    value: f64,
    unit: Option<String>,
    qualifier: Qualifier,
    /// Counts a unit of time: an age or (refused) a duration.
    time_unit: bool,
    refused: bool,
}

/// Finds the figures of `doc`.
pub fn extract(doc: &Document, ctx: &Context) -> Vec<Figure> {
    let norm = doc.norm();
    let body = norm.trim().trim_end_matches(['.', '!', '?']).trim_end();
    let body_start = norm.len() - norm.trim_start().len();
    let body_end = body_start + body.len();
    // A short text that is one number expression: every reading is allowed.
    let lone_text = body.len() < 80 && !body.contains(['\n']);
    let mut cores = Vec::new();
    digits::scan(norm, &mut cores);
    words::scan(doc, &mut cores);
    cores.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    let mut kept: Vec<Core> = Vec::with_capacity(cores.len());
    for c in cores {
        if kept.last().is_some_and(|k| c.start < k.end) {
            continue;
        }
        kept.push(c);
    }
    let phones = refuse::phones(norm);
    let lowered = doc.lower();
    let mut readings: Vec<Option<Reading>> = kept
        .iter()
        .map(|c| read(norm, lowered, c, &phones, (body_start, body_end), lone_text))
        .collect();
    share_units(norm, &kept, &mut readings);
    // Date spans by start, with the running maximum of their ends: whether
    // a span overlaps a date is then a binary search, not a scan per figure.
    let mut dates: Vec<(usize, usize)> =
        ctx.record.dates.iter().map(|d| (d.start, d.end)).collect();
    dates.sort_unstable();
    let mut reach = 0;
    for d in &mut dates {
        reach = reach.max(d.1);
        d.1 = reach;
    }
    let overlaps_date = |start: usize, end: usize| {
        let k = dates.partition_point(|&(s, _)| s < end);
        k > 0 && start < dates[k - 1].1
    };
    let mut out = Vec::new();
    let mut last_end = 0;
    for (r, c) in readings.into_iter().zip(&kept) {
        let Some(r) = r else { continue };
        // A number inside the words of the previous figure (« 12 pour cent »).
        if r.refused || c.start < last_end {
            continue;
        }
        last_end = r.end;
        let span = doc.span(r.start..r.end);
        if overlaps_date(span.start, span.end) {
            continue;
        }
        out.push(Figure {
            text: span.text,
            start: span.start,
            end: span.end,
            kind: r.kind,
            value: r.value,
            unit: r.unit,
            qualifier: r.qualifier,
        });
    }
    out
}

/// Reads one number in its context: qualifier, sign, unit or noun, kind.
/// `lowered` is the document's lower-case view (same byte offsets as `norm`).
fn read(
    norm: &str,
    lowered: &str,
    c: &Core,
    phones: &[std::ops::Range<usize>],
    body: (usize, usize),
    lone_text: bool,
) -> Option<Reading> {
    // « un », « une »: most are articles; only a unit right after keeps them.
    if c.weak == Weak::One && !lone_text && !unit_follows(norm, lowered, c) {
        return None;
    }
    if let Some(_rule) = refuse::before_unit(norm, c, phones) {
        return None;
    }
    let before_lc = tail_lower(lowered, c.start, 40);
    let mut start = c.start;
    let mut value = c.value;
    let mut qualifier = c.qualifier;
    if qualifier.is_none() {
        if let Some((q, _rule, len)) = qualifiers::before(before_lc) {
            qualifier = Some(q);
            start -= len;
        } else if !c.ordinal {
            let len = qualifiers::minus_before(before_lc);
            // « (AFP) - Trois hommes »: a spaced dash before a number word is
            // punctuation; only digits take a spaced sign (« - 33 % »).
            let spaced_dash = before_lc.ends_with(' ')
                && before_lc.trim_end().ends_with(['-', '−'])
                && !norm[c.start..].starts_with(|ch: char| ch.is_ascii_digit());
            if len > 0 && !spaced_dash {
                value = -value;
                start -= len;
            }
        }
    }
    let mut end = c.end;
    let mut kind = FigureKind::Count;
    let mut unit: Option<String> = None;
    let mut time_unit = false;
    // A currency written before the number (« $10 », « EUR 20 »).
    let prefix_money = units::money_before(tail_lower(lowered, c.start, 12));
    if let (Some((u, len)), false) = (prefix_money, c.ordinal) {
        if c.spelled || qualifier.is_none() || start == c.start {
            start = start.min(c.start - len);
            kind = u.kind;
            unit = Some(u.code.to_string());
        }
    }
    if unit.is_none() && !c.ordinal {
        let mut from = c.end;
        // « des milliers de », « 3 millions d'euros »
        if let Some(w) = next_word(norm, from) {
            if matches!(lower(norm, &w).as_ref(), "de" | "d'") {
                let money_next = units::after(head_lower(lowered, w.end, 40), true)
                    .is_some_and(|(u, _)| u.kind == FigureKind::Money);
                if c.tail_de || c.multiplied || money_next {
                    from = w.end;
                }
            }
        }
        let rest = head_lower(lowered, from, 40);
        // One-letter symbols are lower case (« 5 g », « 2 t »), except litres
        // (« 2 L »): « 5G » is a network, « 3 M » no metre.
        let unit_found = units::after(rest, from != c.end).filter(|&(_, len)| {
            let last = norm.as_bytes().get(from + len - 1).copied().unwrap_or(b' ');
            let single = norm
                .get(from..from + len)
                .is_some_and(|t| t.trim_start().len() == 1);
            !(single && last.is_ascii_uppercase() && last != b'L')
        });
        if let Some((u, len)) = unit_found {
            kind = u.kind;
            unit = Some(u.code.to_string());
            end = from + len;
            cents(lowered, &mut end, &mut value);
        } else if let Some(w) = next_word(norm, from) {
            let lw = lower(norm, &w);
            if is_in(TIME_UNITS, &lw) {
                time_unit = true;
                unit = Some(norm[w.clone()].to_string());
                end = w.end;
            } else if let Some(np) = nouns::noun_phrase(norm, from) {
                let glued = from == c.end && !norm[from..].starts_with([' ', '\t', '\n']);
                if (c.tail_de || c.multiplied || from == c.end) && !glued {
                    unit = Some(norm[np.clone()].to_string());
                    end = np.end;
                }
            }
        }
        // « 10 en dessous de zéro »
        if let Some(r) = head_lower(lowered, end, 24).strip_prefix(" en dessous de z") {
            let zero = ["éro", "ero"].into_iter().find(|z| r.starts_with(z));
            if let Some(z) = zero {
                value = -value.abs();
                end = (end + " en dessous de z".len() + z.len()).min(norm.len());
                if unit.is_none() {
                    kind = FigureKind::Measure;
                    unit = Some("°".to_string());
                }
            }
        }
        if unit
            .as_deref()
            .is_some_and(|u| matches!(u, "balles" | "balle"))
            && price_before(norm, start)
        {
            kind = FigureKind::Money;
            unit = Some("EUR".to_string());
        }
    } else if c.ordinal {
        kind = FigureKind::Ordinal;
        if let Some(np) = nouns::noun_phrase(norm, c.end) {
            if !norm[np.clone()].starts_with(char::is_uppercase) || c.roman {
                unit = Some(norm[np.clone()].to_string());
                end = np.end;
            }
        }
    }
    while !norm.is_char_boundary(end) {
        end += 1;
    }
    let lone = lone_text && start == body.0 && end >= body.1;
    let lone_number = lone_text && c.start <= body.0 + 1 && c.end >= body.1;
    let countable = matches!(
        kind,
        FigureKind::Money | FigureKind::Measure | FigureKind::Percent
    );
    let has_noun = unit.is_some() && kind == FigureKind::Count && !time_unit;
    let mut refused = false;
    match c.weak {
        Weak::One if !(lone_number || countable) => refused = true,
        Weak::Lone if !lone_number => refused = true,
        Weak::Adjective
            if !(lone || lone_number || has_noun || countable || qualifier.is_some()) =>
        {
            let prev = prev_word(norm, c.start)
                .map(|r| lower(norm, &r))
                .unwrap_or_default();
            if !is_in(lexicon::STOP, &prev) && prev.starts_with(char::is_alphabetic) {
                refused = true;
            }
        }
        _ => {}
    }
    if !c.spelled && !countable && !c.roman && refuse::after_name(norm, c) && !lone_number {
        refused = true;
    }
    if refuse::is_year(norm, c, countable, has_noun) && !lone_number {
        refused = true;
    }
    // Letters glued to a number that no rule read (« 3x », « 4G »).
    if !c.spelled && !c.ordinal && !c.multiplied && end == c.end {
        if norm[c.end..].starts_with(char::is_alphabetic) {
            refused = true;
        }
        if norm[..c.start].ends_with(char::is_alphabetic) && prefix_money.is_none() {
            refused = true;
        }
    }
    Some(Reading {
        start,
        end,
        kind,
        value,
        unit,
        qualifier: qualifier.unwrap_or(Qualifier::Exact),
        time_unit,
        refused,
    })
}

/// Whether a currency, percent or measure unit follows `c` (after « de »
/// for vague amounts and fractions).
fn unit_follows(norm: &str, lowered: &str, c: &Core) -> bool {
    let mut from = c.end;
    if c.tail_de {
        if let Some(w) = next_word(norm, from) {
            if matches!(&norm[w.clone()], "de" | "d'") {
                from = w.end;
            }
        }
    }
    units::after(head_lower(lowered, from, 40), from != c.end).is_some()
}

/// Whether a verb or preposition of price comes right before `start`
/// (« ça coûte trois balles », « pour 10 balles »).
fn price_before(norm: &str, start: usize) -> bool {
    prev_word(norm, start).is_some_and(|p| is_in(lexicon::PRICE_CUES, &lower(norm, &p)))
}

/// « 1 USD et 23 centimes », « 1 USD 23 cents »: adds the cents to `value`.
fn cents(lowered: &str, end: &mut usize, value: &mut f64) {
    let rest = head_lower(lowered, *end, 32);
    let r = rest.trim_start_matches(' ');
    let r2 = r.strip_prefix("et ").unwrap_or(r);
    let digits: String = r2.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 2 {
        return;
    }
    let after = r2[digits.len()..].trim_start_matches(' ');
    for word in ["centimes", "cents"] {
        if after.starts_with(word) && units::boundary(&after[word.len()..]) {
            if let Ok(n) = digits.parse::<f64>() {
                *value += n / 100.0;
                *end += rest.len() - after.len() + word.len();
            }
            return;
        }
    }
}

/// Numbers in a list (« 18, 24 et 26 ans », « entre 300 et 400 personnes »)
/// share the unit of the last one; ages and durations are decided for the
/// whole list from the words before its first number.
fn share_units(norm: &str, cores: &[Core], readings: &mut [Option<Reading>]) {
    let linked = |i: usize| -> bool {
        let (Some(Some(a)), Some(Some(b))) = (readings.get(i), readings.get(i + 1)) else {
            return false;
        };
        if a.unit.is_some() || a.end > b.start {
            return false;
        }
        let gap = norm[a.end..b.start].trim();
        matches!(
            gap,
            "," | "et" | "ou" | "à" | "a" | "-" | "et de" | "à plus de"
        )
    };
    let links: Vec<bool> = (0..readings.len()).map(linked).collect();
    for i in (0..readings.len().saturating_sub(1)).rev() {
        if !links[i] {
            continue;
        }
        let Some(next) = readings[i + 1].clone() else {
            continue;
        };
        if let Some(r) = readings[i].as_mut() {
            if r.kind == FigureKind::Count && cores[i].ordinal == cores[i + 1].ordinal {
                r.kind = next.kind;
                r.unit = next.unit.clone();
                r.time_unit = next.time_unit;
                r.refused |= next.refused && next.time_unit;
                // « 2 à 3 millions » : the multiplier is shared too.
                if cores[i + 1].factor > 1.0 && cores[i].factor == 1.0 {
                    r.value = digits::scale(r.value, cores[i + 1].factor);
                }
            }
        }
    }
    // « les 3 et 4 juin »: the list is a date when its last number is one.
    for i in 0..readings.len().saturating_sub(1) {
        let (Some(a), None) = (&readings[i], &readings[i + 1]) else {
            continue;
        };
        let Some(gap) = norm.get(a.end..cores[i + 1].start) else {
            continue;
        };
        let month_after = next_word(norm, cores[i + 1].end)
            .is_some_and(|w| is_in(lexicon::MONTHS, &lower(norm, &w)));
        if a.unit.is_none() && matches!(gap.trim(), "," | "et" | "ou" | "au" | "à") && month_after
        {
            if let Some(r) = readings[i].as_mut() {
                r.refused = true;
            }
        }
    }
    // Ages and durations, per list.
    let mut i = 0;
    while i < readings.len() {
        let mut j = i;
        while j < links.len() && links[j] {
            j += 1;
        }
        let head = readings[i].as_ref().map(|r| r.start);
        let tail_end = readings[j].as_ref().map(|r| r.end);
        if let (Some(head), Some(tail_end)) = (head, tail_end) {
            let age = is_age(norm, head, tail_end);
            for r in readings[i..=j].iter_mut().flatten() {
                if !r.time_unit {
                    continue;
                }
                let u = r.unit.as_deref().map(str::to_lowercase).unwrap_or_default();
                if age && is_in(AGE_UNITS, &u) {
                    r.kind = FigureKind::Age;
                } else {
                    r.refused = true;
                }
            }
        }
        i = j + 1;
    }
}

/// Whether the number at `start` (its qualifier included) followed by a time
/// unit ending at `end` states an age.
fn is_age(norm: &str, start: usize, end: usize) -> bool {
    let Some(mut p) = prev_word(norm, start) else {
        return false;
    };
    let mut lp = lower(norm, &p);
    // « j'ai seulement 29 ans », « elle a eu 18 ans »
    while is_in(lexicon::AGE_ADVERBS, &lp) {
        let Some(q) = prev_word(norm, p.start) else {
            return false;
        };
        p = q;
        lp = lower(norm, &p);
    }
    // « il a fêté ses 100 ans », but « ses 20 ans de carrière »
    if is_in(lexicon::POSSESSIVES, &lp) {
        let after = next_word(norm, end).map(|w| lower(norm, &w));
        return !matches!(after.as_deref(), Some("de" | "d'"));
    }
    if matches!(lp.as_ref(), "de" | "d'") {
        if let Some(p2) = prev_word(norm, p.start) {
            let l2 = lower(norm, &p2);
            return is_in(PERSON_NOUNS, &l2) || l2.starts_with("âg") || l2.starts_with("ag");
        }
        return false;
    }
    if matches!(
        lp.as_ref(),
        "âgé" | "âgée" | "âgés" | "âgées" | "agé" | "agée" | "aged"
    ) {
        return true;
    }
    if is_in(lexicon::HAVE, &lp) {
        let p2 = prev_word(norm, p.start)
            .map(|r| lower(norm, &r))
            .unwrap_or_default();
        return p2 != "y";
    }
    let before = norm[..start].trim_end();
    let after = norm[end..].trim_start();
    (before.ends_with(',') || before.ends_with('('))
        && (after.starts_with([',', ')', ';', ':']) || after.starts_with(". ") || after.is_empty())
}

/// Up to `n` bytes of the lower-case view `lower` ending at `pos` (on a
/// char boundary).
fn tail_lower(lower: &str, pos: usize, n: usize) -> &str {
    let mut a = pos.saturating_sub(n);
    while !lower.is_char_boundary(a) {
        a += 1;
    }
    lower.get(a..pos).unwrap_or("")
}

/// Up to `n` bytes of the lower-case view `lower` from `pos` (on a char
/// boundary).
fn head_lower(lower: &str, pos: usize, n: usize) -> &str {
    let mut b = (pos + n).min(lower.len());
    while !lower.is_char_boundary(b) {
        b -= 1;
    }
    lower.get(pos..b).unwrap_or("")
}

//! Numbers spelled out in words, valued by the text2num crate
//! (« vingt-trois », « trois cents », « quatre-vingt-dix-sept »,
//! « vingt-cinquième »), plus what text2num 2.8 leaves to us:
//! « un million et demi » (the half), vague amounts (« une dizaine »,
//! « des milliers »), « premier / première » as a rank but not in titles
//! (« Premier ministre »), and lone « un / une » (an article, not a figure).
//!
//! Representation of vague amounts: « une dizaine » → 10, qualifier `about`;
//! « trois centaines » → 300, `about`; plural « des / plusieurs / quelques
//! milliers » → 1000 (the order of magnitude), qualifier `more_than`.
//!
//! Fractions: « deux tiers » → 0.666…, « trois quarts des électeurs » →
//! 0.75, « un quart de litre » → a 0.25 l measure. « un tiers » and
//! « un quart » need « de / des / du » after them (« verser à un tiers » is
//! a third party); « quart de finale » is a round, not a fraction.
//!
//! Word groups are delimited with `lexicon::NUMBER_WORDS` and ordinal
//! endings; text2num alone computes the values. Digits are in `digits.rs`.

use super::lexicon::{is_in, APPROX, NUMBER_WORDS, TITLE_NOUNS, VAGUE_DETERMINERS};
use super::nouns::{lower, next_word, prev_word};
use super::{Core, Weak};
use crate::record::Qualifier;
use crate::text::token::TokenKind;
use crate::text::Document;
use foldhash::HashSet;
use std::borrow::Cow;
use std::sync::LazyLock;
use text2num::{find_numbers, Language, Token};

static FRENCH: LazyLock<Language> = LazyLock::new(Language::french);

/// The spelling text2num knows: lower case, accents on « zéro » and « -ième ».
fn spelling(part: &str) -> String {
    let l = part.to_lowercase();
    if l == "zero" {
        return "zéro".to_string();
    }
    for (plain, accented) in [("iemes", "ièmes"), ("ieme", "ième")] {
        if let Some(stem) = l.strip_suffix(plain) {
            return format!("{stem}{accented}");
        }
    }
    l
}

/// Fractions that count only before a unit (« demi-litre », « quart de litre »).
const FRACTIONS: &[(&str, f64)] = &[("demi", 0.5), ("quart", 0.25), ("tiers", 1.0 / 3.0)];

/// One piece of a word group as text2num reads it.
struct Piece {
    start: usize,
    end: usize,
    lower: String,
}

impl Token for &Piece {
    fn text(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.lower)
    }
    fn text_lowercase(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.lower)
    }
}

/// Whether a lower-cased word (or hyphen piece) may be part of a spelled number.
fn is_number_piece(w: &str) -> bool {
    is_in(NUMBER_WORDS, w)
        || ["ième", "ièmes", "ieme", "iemes"]
            .iter()
            .any(|s| w.len() > s.len() + 1 && w.ends_with(s))
}

/// Whether a lower-cased word is a spelled number (or part of one).
pub(super) fn is_number_word(w: &str) -> bool {
    !w.is_empty() && w.split('-').all(is_number_piece) && w != "et"
}

/// Words this module reads, for the fast first test of every token.
static KNOWN: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let mut set: HashSet<&'static str> = NUMBER_WORDS
        .iter()
        .copied()
        .filter(|w| *w != "et")
        .collect();
    set.extend(APPROX.iter().map(|(w, _)| *w));
    set.extend(FRACTIONS.iter().map(|(w, _)| *w));
    set.extend(["premier", "première", "premiere", "second", "seconde"]);
    set
});

/// For each first byte, a bit per length (< 16) of the ASCII words of `KNOWN`.
static KNOWN_SHAPES: LazyLock<[u16; 256]> = LazyLock::new(|| {
    let mut shapes = [0u16; 256];
    for w in KNOWN.iter() {
        if let Some(&b) = w.as_bytes().first() {
            if w.is_ascii() && w.len() < 16 {
                shapes[usize::from(b)] |= 1 << w.len();
            }
        }
    }
    shapes
});

/// A cheap test run on every word `w` (`lw` in lower case): can it start
/// a spelled number?
fn maybe_number(w: &str, lw: &str) -> bool {
    // First letters of every word in `KNOWN` and of the ordinals.
    const FIRST: &[u8] = b"cdhmnopqstuvz";
    let Some(&b) = lw.as_bytes().first() else {
        return false;
    };
    if !FIRST.contains(&b) || w.len() > 64 {
        return false;
    }
    if w.contains('-')
        || ["ième", "ieme", "ièmes", "iemes"]
            .iter()
            .any(|e| w.ends_with(e))
    {
        return true;
    }
    if lw.len() < 16
        && lw.bytes().all(|c| c.is_ascii_lowercase())
        && KNOWN_SHAPES[usize::from(b)] & (1 << lw.len()) == 0
    {
        // No known word has this first letter and length (« de », « des »…).
        return false;
    }
    KNOWN.contains(lw)
}

/// Every spelled number of `doc`, and vague amounts.
pub fn scan(doc: &Document, out: &mut Vec<Core>) {
    let norm = doc.norm();
    let tokens = doc.tokens();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if t.kind != TokenKind::Word {
            i += 1;
            continue;
        }
        let w = doc.token_text(&t);
        let lw = doc.token_lower(&t);
        if !maybe_number(w, lw) {
            i += 1;
            continue;
        }
        if let Some(&(_, value)) = APPROX.iter().find(|(a, _)| *a == lw) {
            vague(norm, t.start as usize, t.end as usize, value, out);
            i += 1;
            continue;
        }
        if matches!(
            lw,
            "premier" | "première" | "premiere" | "second" | "seconde"
        ) {
            first(norm, t.start as usize, t.end as usize, lw, w, out);
            i += 1;
            continue;
        }
        if let Some(&(f, value)) = FRACTIONS
            .iter()
            .find(|(f, _)| lw == *f || lw.strip_prefix(f).is_some_and(|r| r.starts_with('-')))
        {
            let mut core = Core::new(t.start as usize, t.start as usize + f.len(), value);
            core.spelled = true;
            core.weak = Weak::One;
            core.tail_de = true;
            out.push(core);
            i += 1;
            continue;
        }
        if !is_number_word(lw) {
            i += 1;
            continue;
        }
        // A group: number words, with commas, « et », « virgule » between.
        let mut j = i + 1;
        let mut last = i;
        while j < tokens.len() {
            let u = tokens[j];
            let lu = doc.token_lower(&u);
            if u.kind == TokenKind::Word && is_number_word(lu) {
                last = j;
            } else if !(lu == "," || lu == "et" || lu == "virgule" || lu == "+" || lu == "=") {
                break;
            }
            j += 1;
        }
        let lone_one = last == i && matches!(lw, "un" | "une");
        // « un tiers des électeurs », but « verser à un tiers » (a third party)
        let of_what = |e: usize| {
            next_word(norm, e)
                .is_none_or(|w| matches!(lower(norm, &w).as_ref(), "de" | "des" | "du" | "d'"))
        };
        if let Some((f_end, denominator)) =
            fraction_after(norm, t.end as usize).filter(|&(e, _)| lone_one && of_what(e))
        {
            let mut core = Core::new(t.start as usize, f_end, 1.0 / denominator);
            core.spelled = true;
            core.tail_de = true;
            out.push(core);
        } else if lone_one {
            // A lone article: no need to ask text2num.
            let mut core = Core::new(t.start as usize, t.end as usize, 1.0);
            core.spelled = true;
            core.weak = Weak::One;
            out.push(core);
        } else {
            group(doc, i..last + 1, out);
        }
        i = last + 1;
    }
}

/// Values the word group of tokens `range` with text2num.
fn group(doc: &Document, range: std::ops::Range<usize>, out: &mut Vec<Core>) {
    let norm = doc.norm();
    let mut pieces = Vec::new();
    // Whole tokens: text2num reads « quatre-vingt-dix-sept » as one group.
    for t in &doc.tokens()[range] {
        let text = doc.token_text(t);
        let lower: Vec<String> = text.split('-').map(spelling).collect();
        pieces.push(Piece {
            start: t.start as usize,
            end: t.end as usize,
            lower: lower.join("-"),
        });
    }
    // Threshold 0: lone « un » is judged below, by `Weak::One`.
    let found = find_numbers(pieces.iter(), &*FRENCH, 0.0);
    let sequence = found.len() > 1;
    for occ in found {
        let (Some(a), Some(b)) = (pieces.get(occ.start), pieces.get(occ.end.wrapping_sub(1)))
        else {
            continue;
        };
        // Plural « cents », « vingts » need a multiplier before them
        // (« trois cents »): alone they are no number (« 50 cents »).
        if occ.end - occ.start == 1 && matches!(a.lower.as_str(), "cents" | "vingts") {
            continue;
        }
        let mut core = Core::new(a.start, b.end, occ.value);
        core.spelled = true;
        core.multiplied = ["million", "millions", "milliard", "milliards"]
            .iter()
            .any(|m| b.lower.ends_with(m));
        if core.multiplied {
            core.factor = if b.lower.ends_with("millions") || b.lower.ends_with("million") {
                1e6
            } else {
                1e9
            };
        }
        core.ordinal = occ.is_ordinal;
        let single = occ.end - occ.start == 1;
        if single && !sequence {
            core.weak = match a.lower.as_str() {
                "un" | "une" | "zéro" | "zero" => Weak::One,
                "neuf" | "neufs" => Weak::Adjective,
                _ => Weak::No,
            };
        }
        // « un million et demi »: text2num drops the half.
        if matches!(
            b.lower.as_str(),
            "million" | "millions" | "milliard" | "milliards" | "mille"
        ) {
            if let Some(et) = next_word(norm, b.end).filter(|r| lower(norm, r) == "et") {
                if let Some(d) = next_word(norm, et.end) {
                    if matches!(lower(norm, &d).as_ref(), "demi" | "demie") {
                        let unit = if b.lower.starts_with("milliard") {
                            1e9
                        } else if b.lower.starts_with("million") {
                            1e6
                        } else {
                            1e3
                        };
                        core.value += unit / 2.0;
                        core.end = d.end;
                    }
                }
            }
        }
        // « deux tiers », « trois quarts des électeurs »
        if let Some((f_end, denominator)) = fraction_after(norm, core.end)
            .filter(|_| !core.ordinal && core.value < 10.0 && occ.end == pieces.len())
        {
            core.value /= denominator;
            core.end = f_end;
            core.tail_de = true;
            core.weak = Weak::No;
        }
        // « trois centaines », « deux dizaines » (« une dizaine »: see `vague`)
        if let Some(n) = next_word(norm, core.end).filter(|_| core.weak != Weak::One) {
            let ln = lower(norm, &n);
            if let Some(&(_, v)) = APPROX.iter().find(|(a, _)| *a == ln) {
                core.value *= v;
                core.end = n.end;
                core.qualifier = Some(Qualifier::About);
                core.tail_de = true;
                core.weak = Weak::No;
                core.approx = true;
            }
        }
        out.push(core);
    }
}

/// A fraction noun right after byte `end` (« tiers », « quarts »): its end
/// and denominator. « quart de finale » is a round of a cup, not a fraction.
fn fraction_after(norm: &str, end: usize) -> Option<(usize, f64)> {
    let w = next_word(norm, end)?;
    let denominator = match lower(norm, &w).as_ref() {
        "tiers" => 3.0,
        "quart" | "quarts" => 4.0,
        _ => return None,
    };
    let cup_round = next_word(norm, w.end)
        .filter(|d| lower(norm, d) == "de")
        .and_then(|d| next_word(norm, d.end))
        .is_some_and(|f| lower(norm, &f).starts_with("finale"));
    (!cup_round).then_some((w.end, denominator))
}

/// A vague amount noun: « une vingtaine », « des milliers ».
fn vague(norm: &str, start: usize, end: usize, value: f64, out: &mut Vec<Core>) {
    let Some(p) = prev_word(norm, start) else {
        return;
    };
    let lp = lower(norm, &p);
    let plural = norm[start..end].ends_with(['s', 'S']);
    let qualifier = if lp == "une" || lp == "un" {
        Qualifier::About
    } else if plural && is_in(VAGUE_DETERMINERS, &lp) {
        Qualifier::MoreThan
    } else {
        return;
    };
    let mut core = Core::new(p.start, end, value);
    core.spelled = true;
    core.approx = true;
    core.tail_de = true;
    core.qualifier = Some(qualifier);
    out.push(core);
}

/// « premier / première »: a rank before a noun that is not a title;
/// « second(e) » only as a whole text (« une seconde » is a time).
fn first(norm: &str, start: usize, end: usize, lw: &str, w: &str, out: &mut Vec<Core>) {
    let value = if lw.starts_with('s') { 2.0 } else { 1.0 };
    let mut core = Core::new(start, end, value);
    core.spelled = true;
    core.ordinal = true;
    let rank = !lw.starts_with('s')
        && !w.starts_with(char::is_uppercase)
        && next_word(norm, end).is_some_and(|n| {
            let ln = lower(norm, &n);
            ln.starts_with(char::is_alphabetic) && !is_in(TITLE_NOUNS, &ln) && !ln.ends_with('\'')
        });
    // « premier, deuxième, troisième », « premier second »: a rank among ranks.
    let is_rank_word = |r: Option<std::ops::Range<usize>>| {
        r.is_some_and(|r| {
            let l = lower(norm, &r);
            l.ends_with("ième")
                || l.ends_with("ieme")
                || matches!(
                    l.as_ref(),
                    "premier" | "première" | "premiere" | "second" | "seconde"
                )
        })
    };
    let mut after = next_word(norm, end);
    if let Some(a) = after.clone().filter(|a| &norm[a.clone()] == ",") {
        after = next_word(norm, a.end);
    }
    let in_list = is_rank_word(after) || is_rank_word(prev_word(norm, start));
    if !rank && !in_list {
        core.weak = Weak::Lone;
    }
    out.push(core);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(s: &str) -> Vec<f64> {
        let doc = Document::new(s);
        let mut out = Vec::new();
        scan(&doc, &mut out);
        out.iter()
            .filter(|c| c.weak == Weak::No)
            .map(|c| c.value)
            .collect()
    }

    #[test]
    fn text2num_values() {
        assert_eq!(values("vingt-trois personnes"), [23.0]);
        assert_eq!(values("quatre-vingt-dix-sept"), [97.0]);
        assert_eq!(values("trois cents"), [300.0]);
        assert_eq!(values("un million et demi"), [1_500_000.0]);
        assert_eq!(values("une vingtaine de"), [20.0]);
        assert_eq!(values("un homme"), Vec::<f64>::new());
        assert_eq!(values("le Premier ministre"), Vec::<f64>::new());
        assert_eq!(values("la première circonscription"), [1.0]);
    }
}

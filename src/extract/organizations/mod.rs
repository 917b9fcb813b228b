//! Organizations and institutions (SPEC `organizations`).
//!
//! Finds the forms of `organizations.tsv` in the case- and accent-folded
//! text with one automaton pass ([`rules`]), then keeps the matches that
//! stand: capitals where the form has them, acronyms in their exact case,
//! `~` forms only after a cue noun (« le réseau social X ») or when their
//! body is named unambiguously elsewhere, pattern heads only with their
//! complement (« parquet de » + a capitalised name, « police » + a place
//! adjective). The longest match wins. Acronyms defined in brackets
//! (« brigade de répression de la délinquance à la personne (BRDP) ») join
//! their full name, and later bare uses of them are mentions of it. Unknown
//! names are taken after a cue noun (« la société Durand ») or before a legal
//! form (« Durand SAS »).
//!
//! It does not resolve bare back-references (« le parquet », « le
//! tribunal »; optional in the guidelines), and takes « le site X » only
//! when X looks like a domain name (« le site Coco.gg »).

pub(crate) mod folded;
pub(crate) mod rules;

use super::Context;
use crate::record::{OrgType, Organization, Span};
use crate::text::token::{Token, TokenKind};
use crate::text::Document;
use folded::{capitals_agree, fold, is_capitalized, Folded, Phrases};
use foldhash::{HashMap, HashMapExt, HashSet};
use rules::{FormKind, LEXICON};
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// What merges mentions into one organization.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    /// A fixed lexicon row.
    Row(usize),
    /// A pattern match or an unknown name: its folded name.
    Name(String),
}

/// A mention before merging: norm byte range and what it names.
#[derive(Debug, Clone)]
struct Cand {
    start: usize,
    end: usize,
    key: Key,
    name: String,
    kind: OrgType,
    acronym: bool,
    /// A `~` form without cue: kept only if its row is confirmed.
    pending: bool,
}

/// Finds the organizations of `doc`.
pub fn extract(doc: &Document, _ctx: &Context) -> Vec<Organization> {
    let folded = doc.folded();
    let mut cands = lexicon_matches(doc, folded);
    cands.extend(cue_names(doc));
    let mut chosen = longest_first(cands);
    // `~` forms stand when their row is named unambiguously elsewhere.
    let confirmed: HashSet<Key> = chosen
        .iter()
        .filter(|c| !c.pending)
        .map(|c| c.key.clone())
        .collect();
    chosen.retain(|c| !c.pending || confirmed.contains(&c.key));
    acronym_definitions(doc, &mut chosen);
    assemble(doc, chosen)
}

/// Index of the first token starting at or after `byte`.
pub(crate) fn token_at(tokens: &[Token], byte: usize) -> usize {
    tokens.partition_point(|t| (t.start as usize) < byte)
}

fn word(doc: &Document, i: usize) -> Option<&str> {
    let t = doc.tokens().get(i)?;
    matches!(
        t.kind,
        TokenKind::Word | TokenKind::Elision | TokenKind::Abbrev
    )
    .then(|| doc.token_text(t))
}

fn cap_word(doc: &Document, i: usize) -> bool {
    doc.tokens()
        .get(i)
        .is_some_and(|t| t.kind == TokenKind::Word && is_capitalized(doc.token_text(t)))
}

/// Whether token `i` starts a person's name (a given name then a capital),
/// which a complement must not swallow.
fn person_start(doc: &Document, i: usize) -> bool {
    word(doc, i).is_some_and(crate::extract::people::rules::is_given_name) && cap_word(doc, i + 1)
}

/// The end byte of a capitalised name starting at token `i` (« Paris »,
/// « Puy de la Roche », « France 24 »), at most five words.
pub(crate) fn cap_run(doc: &Document, i: usize) -> Option<usize> {
    if !cap_word(doc, i) || person_start(doc, i) {
        return None;
    }
    let tokens = doc.tokens();
    let mut end = i;
    let mut j = i + 1;
    while j < tokens.len() && j - i < 6 {
        let number = tokens[j].kind == TokenKind::Number
            && end == j - 1
            && tokens[j].end - tokens[j].start <= 3;
        if (cap_word(doc, j) && !person_start(doc, j)) || number {
            end = j;
            j += 1;
        } else if word(doc, j).is_some_and(|w| {
            matches!(
                w,
                "de" | "du" | "des" | "d'" | "la" | "le" | "les" | "l'" | "sur" | "en"
            )
        }) {
            let mut k = j + 1;
            if word(doc, j) == Some("de") && matches!(word(doc, k), Some("la" | "l'")) {
                k += 1;
            }
            if cap_word(doc, k) && !person_start(doc, k) {
                end = k;
                j = k + 1;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    Some(tokens[end].end as usize)
}

/// The end byte of a pattern head's complement, the head ending at `end`.
fn complement(doc: &Document, end: usize, prep: bool) -> Option<usize> {
    let tokens = doc.tokens();
    let mut i = token_at(tokens, end);
    if prep {
        if matches!(word(doc, i), Some("la" | "l'")) && cap_word(doc, i + 1) {
            i += 1;
        }
        return cap_run(doc, i);
    }
    let w = word(doc, i)?;
    if !is_capitalized(w) && rules::is_place_adjective(&fold(w)) {
        return Some(tokens[i].end as usize);
    }
    cap_run(doc, i)
}

/// A trailing « de / du / d' + place » or (for embassies) « à / au / en +
/// place » after `end`.
fn trailing_place(doc: &Document, end: usize, abroad: bool) -> Option<usize> {
    let tokens = doc.tokens();
    let i = token_at(tokens, end);
    let w = word(doc, i)?;
    let ok = matches!(w, "de" | "du" | "d'") || (abroad && matches!(w, "à" | "au" | "aux" | "en"));
    if !ok {
        return None;
    }
    cap_run(doc, i + 1)
}

/// The number of chars of the shortest last word of a cue.
static SHORTEST_CUE_WORD: LazyLock<usize> = LazyLock::new(|| {
    rules::CUES
        .iter()
        .filter_map(|(cue, _)| cue.rsplit(' ').next())
        .map(|w| w.chars().count())
        .min()
        .unwrap_or(0)
});

/// Whether a cue noun stands right before `start`.
fn cue_before(doc: &Document, start: usize) -> Option<&'static (&'static str, Option<OrgType>)> {
    let tokens = doc.tokens();
    let i = token_at(tokens, start);
    let prev = |k: usize| i.checked_sub(k).and_then(|j| word(doc, j)).map(fold);
    // Most words before a name are articles and prepositions, shorter than
    // any cue's last word (folding keeps the number of chars).
    let last = i.checked_sub(1).and_then(|j| word(doc, j))?;
    if last.chars().count() < *SHORTEST_CUE_WORD {
        return None;
    }
    let one = fold(last);
    let (end, before_s) = match one.as_bytes() {
        [.., b, b's'] => (b's', Some(*b)),
        [.., b] => (*b, None),
        [] => return None,
    };
    // The word before is read only for a two-word cue ending in `one`.
    rules::CUES.iter().find(|(cue, _)| {
        // A cue can only match when it ends like `one` (or like `one`
        // without its plural `s`): most are turned away by that byte.
        let cue_end = cue.as_bytes().last().copied();
        (cue_end == Some(end) || cue_end.is_some() && cue_end == before_s)
            && (one == *cue
                || one.strip_suffix('s') == Some(cue)
                || cue
                    .strip_suffix(one.as_str())
                    .and_then(|a| a.strip_suffix(' '))
                    .is_some_and(|a| prev(2).as_deref() == Some(a)))
    })
}

/// Whether the match at `start` is the portfolio of a minister's title
/// (« ministre de l'Éducation nationale »), which is no separate mention.
fn inside_minister_title(doc: &Document, start: usize) -> bool {
    let tokens = doc.tokens();
    let mut i = token_at(tokens, start);
    for _ in 0..3 {
        let Some(j) = i.checked_sub(1) else {
            return false;
        };
        match word(doc, j).map(fold).as_deref() {
            Some("de" | "du" | "des" | "d'" | "la" | "l'") => i = j,
            Some("ministre" | "ministres" | "ministre delegue" | "ministre deleguee") => {
                return true
            }
            _ => return false,
        }
    }
    false
}

fn lexicon_matches(doc: &Document, folded: &Folded) -> Vec<Cand> {
    let lex = &*LEXICON;
    let norm = doc.norm();
    let mut out = Vec::new();
    for m in folded.phrases(Phrases::Organizations) {
        if !folded.on_boundaries(m.start, m.end) {
            continue;
        }
        let (ns, ne) = (folded.norm_byte(m.start), folded.norm_byte(m.end));
        let text = &norm[ns..ne];
        for form in &lex.forms[m.phrase] {
            let row = &lex.rows[form.row];
            let mut cand = Cand {
                start: ns,
                end: ne,
                key: Key::Row(form.row),
                name: String::new(),
                kind: row.kind,
                acronym: false,
                pending: false,
            };
            match form.kind {
                FormKind::Fixed | FormKind::Ambiguous | FormKind::AnyCase => {
                    if form.kind != FormKind::AnyCase && !capitals_agree(&form.check, text) {
                        continue;
                    }
                    if inside_minister_title(doc, ns) {
                        continue;
                    }
                    let written = doc.span(ns..ne).text;
                    cand.name = match &form.name {
                        Some(n) => n.clone(),
                        // Portfolios keep the article's spelling.
                        None if form.kind == FormKind::AnyCase => written,
                        None => with_apostrophes_of(&form.check, &written),
                    };
                    if let Some(n) = form.tail {
                        let skip = text.chars().count().saturating_sub(n);
                        cand.start =
                            ns + text.chars().take(skip).map(char::len_utf8).sum::<usize>();
                    }
                    if form.kind == FormKind::Ambiguous {
                        cand.pending = cue_before(doc, ns).is_none();
                    }
                    if row.takes_place {
                        if let Some(e) = trailing_place(doc, ne, row.abroad) {
                            cand.end = e;
                            cand.key = Key::Name(fold(&norm[ns..e]));
                            cand.name = doc.span(ns..e).text;
                        }
                    }
                }
                FormKind::Acronym => {
                    if text != form.check {
                        continue;
                    }
                    cand.name = form.check.clone();
                    cand.acronym = true;
                }
                FormKind::Head { prep } => {
                    if participle_after_noun(doc, ns, text) {
                        continue;
                    }
                    let Some(mut e) = complement(doc, ne, prep) else {
                        continue;
                    };
                    if row.abroad {
                        e = trailing_place(doc, e, true).unwrap_or(e);
                    }
                    cand.end = e;
                    cand.key = Key::Name(fold(&norm[ns..e]));
                    cand.name = doc.span(ns..e).text;
                }
            }
            out.push(cand);
        }
    }
    out
}

/// Heads that are also past participles: after a noun they qualify it
/// (« l'organisation armée basque », « la lutte armée »), they name nothing.
const PARTICIPLE_HEADS: &[&str] = &["armée", "armées"];

/// Words after which a head is still a noun (« l'armée », « contre
/// l'armée », « son armée »).
const DETERMINERS_AND_PREPOSITIONS: &[&str] = &[
    "l'", "la", "les", "une", "des", "de", "d'", "du", "aux", "à", "sa", "son", "ses", "leur",
    "leurs", "cette", "ces", "notre", "nos", "votre", "vos", "et", "ou", "par", "pour", "contre",
    "avec", "dans", "sans", "entre",
];

/// Whether the head at byte `start` reads as a participle: one of
/// [`PARTICIPLE_HEADS`] right after a lower-case word that is not a
/// determiner or a preposition (« l'armée basque » is the army).
fn participle_after_noun(doc: &Document, start: usize, head: &str) -> bool {
    if !PARTICIPLE_HEADS.contains(&head.to_lowercase().as_str()) {
        return false;
    }
    let i = token_at(doc.tokens(), start);
    let Some(prev) = i.checked_sub(1).and_then(|k| word(doc, k)) else {
        return false;
    };
    prev.chars().next().is_some_and(char::is_lowercase)
        && !DETERMINERS_AND_PREPOSITIONS.contains(&prev.to_lowercase().as_str())
}

/// The lexicon form with the apostrophes the article used.
fn with_apostrophes_of(form: &str, text: &str) -> String {
    form.chars()
        .zip(text.chars().chain(std::iter::repeat(' ')))
        .map(|(f, t)| {
            if f == '\'' && matches!(t, '’' | '\'' | '‘') {
                t
            } else {
                f
            }
        })
        .collect()
}

/// Unknown names after a cue noun (« la société Durand », « le réseau social
/// Mastodon ») or before a legal form (« Durand SAS »).
fn cue_names(doc: &Document) -> Vec<Cand> {
    let tokens = doc.tokens();
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate().skip(1) {
        if !cap_word(doc, i) {
            continue;
        }
        let start = t.start as usize;
        let text = doc.token_text(t);
        let kind = if let Some((cue, Some(kind))) = cue_before(doc, start) {
            if *cue == "site" && !text.contains('.') {
                continue;
            }
            *kind
        } else {
            continue;
        };
        let Some(end) = cap_run(doc, i) else { continue };
        out.push(unknown(doc, start, end, kind, 1));
    }
    for i in 1..tokens.len() {
        if word(doc, i).is_some_and(|w| rules::LEGAL_FORMS.contains(&w)) && cap_word(doc, i - 1) {
            let mut s = i - 1;
            while s > 0 && cap_word(doc, s - 1) && i - s < 4 {
                s -= 1;
            }
            let start = tokens[s].start as usize;
            out.push(unknown(
                doc,
                start,
                tokens[i].end as usize,
                OrgType::Company,
                0,
            ));
        }
    }
    out
}

fn unknown(doc: &Document, start: usize, end: usize, kind: OrgType, _prio: u8) -> Cand {
    let name = doc.span(start..end).text;
    Cand {
        start,
        end,
        key: Key::Name(fold(&name)),
        name,
        kind,
        acronym: false,
        pending: false,
    }
}

/// Keeps the longest candidates that do not overlap a longer one.
fn longest_first(mut cands: Vec<Cand>) -> Vec<Cand> {
    cands.sort_by_key(|c| (std::cmp::Reverse(c.end - c.start), c.pending, c.start));
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for c in cands {
        let clash = taken
            .range(..c.end)
            .next_back()
            .is_some_and(|(_, &e)| e > c.start);
        if !clash {
            taken.insert(c.start, c.end);
            out.push(c);
        }
    }
    out.sort_by_key(|c| c.start);
    out
}

/// Byte spans sorted by start with the running maximum of their ends, so
/// that « does a span overlap this range » is a binary search, not a scan
/// of every span.
struct Reach {
    starts: Vec<usize>,
    reach: Vec<usize>,
}

impl Reach {
    fn new<'a>(cands: impl Iterator<Item = &'a Cand>) -> Self {
        let mut spans: Vec<(usize, usize)> = cands.map(|c| (c.start, c.end)).collect();
        spans.sort_unstable();
        let mut far = 0;
        let (starts, reach) = spans
            .into_iter()
            .map(|(a, b)| {
                far = far.max(b);
                (a, far)
            })
            .unzip();
        Reach { starts, reach }
    }

    /// Whether a span overlaps bytes `a..b`.
    fn overlaps(&self, a: usize, b: usize) -> bool {
        let k = self.starts.partition_point(|&s| s < b);
        k > 0 && self.reach[k - 1] > a
    }
}

/// Links « Full Name (ACR) » and adds the later bare uses of `ACR`.
///
/// The brackets and the full names before them are looked up in indexes
/// of `chosen`, not by a scan of it per bracket. What the first loop adds
/// lies before its bracket or on its acronym, never on a later bracket or
/// at the end of a later full name, so the indexes need not see it.
fn acronym_definitions(doc: &Document, chosen: &mut Vec<Cand>) {
    let tokens = doc.tokens();
    let mut defined: HashMap<String, (Key, OrgType)> = HashMap::new();
    let found = Reach::new(chosen.iter());
    // The first candidate ending at each byte: the full name of a bracket.
    let mut by_end: HashMap<usize, usize> = HashMap::new();
    for (k, c) in chosen.iter().enumerate() {
        by_end.entry(c.end).or_insert(k);
    }
    let mut added: Vec<Cand> = Vec::new();
    for i in 1..tokens.len().saturating_sub(2) {
        if doc.token_text(&tokens[i]) != "(" || doc.token_text(&tokens[i + 2]) != ")" {
            continue;
        }
        let acr = doc.token_text(&tokens[i + 1]);
        let letters = acr.chars().filter(|c| c.is_alphabetic()).count();
        if !(2..=8).contains(&letters)
            || !acr
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
        {
            continue;
        }
        let before = tokens[i - 1].end as usize;
        let paren = tokens[i + 1].start as usize;
        let acr_end = tokens[i + 1].end as usize;
        if found.overlaps(paren, paren + 1) {
            continue;
        }
        let entry = if let Some(c) = by_end.get(&before).map(|&k| &chosen[k]) {
            (c.key.clone(), c.kind)
        } else if let Some(start) = expand(doc, i, acr) {
            let name = doc.span(start..before).text;
            let first = fold(name.split([' ', '\'']).next().unwrap_or(""));
            let c = unknown(doc, start, before, rules::head_type(&first), 0);
            let entry = (c.key.clone(), c.kind);
            added.push(c);
            entry
        } else {
            continue;
        };
        added.push(Cand {
            start: paren,
            end: acr_end,
            key: entry.0.clone(),
            name: acr.to_string(),
            kind: entry.1,
            acronym: true,
            pending: false,
        });
        defined.insert(acr.to_string(), entry);
    }
    chosen.extend(added);
    if defined.is_empty() {
        return;
    }
    // Tokens do not overlap: a bare use never lands on an earlier one.
    let found = Reach::new(chosen.iter());
    for t in tokens {
        let text = doc.token_text(t);
        let Some((key, kind)) = defined.get(text) else {
            continue;
        };
        let (s, e) = (t.start as usize, t.end as usize);
        if found.overlaps(s, e) {
            continue;
        }
        chosen.push(Cand {
            start: s,
            end: e,
            key: key.clone(),
            name: text.to_string(),
            kind: *kind,
            acronym: true,
            pending: false,
        });
    }
    chosen.sort_by_key(|c| c.start);
}

/// The start byte of the words before token `paren` whose initials spell
/// `acr` (function words skipped), if they do.
fn expand(doc: &Document, paren: usize, acr: &str) -> Option<usize> {
    let tokens = doc.tokens();
    let want: Vec<char> = acr
        .chars()
        .filter(|c| c.is_alphabetic())
        .map(folded::fold_char)
        .collect();
    let mut need = want.len();
    let mut j = paren;
    let mut start = None;
    while need > 0 {
        j = j.checked_sub(1)?;
        let w = word(doc, j)?;
        let f = fold(w);
        if rules::ACRONYM_SKIP.contains(&f.as_str()) {
            continue;
        }
        let parts: Vec<char> = f.split('-').filter_map(|p| p.chars().next()).collect();
        if parts.len() > need || parts[..] != want[need - parts.len()..need] {
            // A hyphenated word may give one letter only.
            if f.starts_with(want[need - 1]) {
                need -= 1;
            } else {
                return None;
            }
        } else {
            need -= parts.len();
        }
        start = Some(tokens[j].start as usize);
    }
    start
}

/// Merges candidates into organizations: one per key, named by its longest
/// full form (an acronym only when the article never expands it).
fn assemble(doc: &Document, chosen: Vec<Cand>) -> Vec<Organization> {
    let mut order: Vec<Key> = Vec::new();
    let mut groups: HashMap<Key, Vec<Cand>> = HashMap::new();
    for c in chosen {
        if !groups.contains_key(&c.key) {
            order.push(c.key.clone());
        }
        groups.entry(c.key.clone()).or_default().push(c);
    }
    let mut out = Vec::new();
    for key in order {
        let Some(cands) = groups.remove(&key) else {
            continue;
        };
        let best = cands
            .iter()
            .filter(|c| !c.acronym)
            .max_by_key(|c| (c.name.chars().count(), std::cmp::Reverse(c.start)))
            .or_else(|| cands.first());
        let Some(best) = best else { continue };
        let mentions: Vec<Span> = cands.iter().map(|c| doc.span(c.start..c.end)).collect();
        out.push(Organization {
            name: best.name.clone(),
            kind: best.kind,
            mentions,
        });
    }
    out.sort_by_key(|o| o.mentions.first().map_or(0, |m| m.start));
    out
}

//! The embedded place gazetteer: an `fst` map from lookup key (see
//! [`super::key`]) to a group of rows, built at compile time by `build.rs`
//! from `src/lexicon/data/places.tsv` and `extra.tsv`, and the matcher that
//! walks it over the tokens of a document, leftmost-longest.
//!
//! It finds every name the gazetteer knows, with all its readings (Paris the
//! commune and the département, the four Saint-Denis); it does not decide
//! whether a match is a place or which reading is meant: see [`super::rules`].

use super::key::push_key;
use crate::extract::automaton;
use crate::text::token::TokenKind;
use crate::text::Document;
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use fst::raw::{Fst, Node, Output};
use std::sync::LazyLock;

/// What a gazetteer row names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    /// A current French commune.
    Commune,
    /// A municipal arrondissement of Paris, Marseille or Lyon.
    Arrondissement,
    /// A French département.
    Department,
    /// A French région.
    Region,
    /// A country.
    Country,
    /// A territory with its own ISO code.
    Territory,
    /// A foreign city.
    City,
    /// A named area without a code.
    Other,
}

/// One reading of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// What it is.
    pub kind: PlaceKind,
    code: Str,
    country: Str,
    department: Str,
    /// Population (0 when unknown).
    pub population: u32,
    /// INSEE `typeLiaison` (255 when unknown).
    pub liaison: u8,
    name: Str,
}

/// A string of [`STRINGS`], as offsets: a table of `&'static str` would
/// cost one pointer relocation per field at every start of the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Str {
    start: u32,
    len: u16,
}

impl Str {
    fn get(self) -> &'static str {
        let start = self.start as usize;
        STRINGS
            .get(start..start + usize::from(self.len))
            .unwrap_or("")
    }
}

impl Row {
    /// INSEE or ISO code, empty when none.
    pub fn code(&self) -> &'static str {
        self.code.get()
    }

    /// ISO alpha-2 country code, empty when none.
    pub fn country(&self) -> &'static str {
        self.country.get()
    }

    /// Département code of a commune, empty otherwise.
    pub fn department(&self) -> &'static str {
        self.department.get()
    }

    /// Canonical name.
    pub fn name(&self) -> &'static str {
        self.name.get()
    }
}

static STRINGS: &str = include_str!(concat!(env!("OUT_DIR"), "/places_strings.txt"));
static ROWS: &[Row] = &include!(concat!(env!("OUT_DIR"), "/places_rows.rs"));
static PLACES_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places.fst"));

static PLACES: LazyLock<Fst<&'static [u8]>> =
    LazyLock::new(|| Fst::new(PLACES_FST).expect("build.rs writes a valid fst"));

/// The rows of a group value (start index << 8 | count).
fn group(value: u64) -> &'static [Row] {
    let start = (value >> 8) as usize;
    let len = (value & 0xff) as usize;
    ROWS.get(start..start + len).unwrap_or(&[])
}

/// Text read by the process after which names are looked up in
/// [`HASHED`]: a walk of the fst decodes a node for every byte of a key
/// (some 70 instructions), a hash look-up reads a whole key for less than
/// two of those; filling the tables costs some 8 M instructions, once.
const HASH_AFTER: usize = 1 << 20;

/// The keys of [`PLACES`] with their values, `key\tvalue` a line, in the
/// fst's order (written by `build.rs`), for [`HASHED`]: the fst's own
/// stream takes some 1,900 instructions a key.
static KEYS: &str = include_str!(concat!(env!("OUT_DIR"), "/places_keys.txt"));

/// The gazetteer's keys in hash tables, for long runs.
struct Hashed {
    /// Every key, with its group value.
    keys: HashMap<&'static str, u64>,
    /// The starts of longer keys where [`longest`] can stop and go on: up
    /// to a `-` (the next word comes after it) or up to and with a `'`.
    goes_on: HashSet<&'static str>,
}

/// The key and value of each line of [`KEYS`].
fn key_lines() -> impl Iterator<Item = (&'static str, u64)> {
    KEYS.lines().filter_map(|line| {
        let (key, value) = line.split_once('\t')?;
        Some((key, value.parse().ok()?))
    })
}

static HASHED: LazyLock<Hashed> = LazyLock::new(|| {
    let mut keys = HashMap::with_capacity(PLACES.len());
    let mut goes_on = HashSet::with_capacity(PLACES.len());
    for (key, value) in key_lines() {
        for (at, b) in key.bytes().enumerate() {
            match b {
                b'-' => goes_on.insert(&key[..at]),
                b'\'' => goes_on.insert(&key[..=at]),
                _ => false,
            };
        }
        keys.insert(key, value);
    }
    Hashed { keys, goes_on }
});

/// The hash tables once the process is past [`HASH_AFTER`].
fn hashed() -> Option<&'static Hashed> {
    (automaton::seen() > HASH_AFTER).then(|| &*HASHED)
}

/// The rows of an exact name (after key folding), empty when unknown.
pub fn lookup(name: &str) -> &'static [Row] {
    let mut key = String::new();
    push_key(name, &mut key);
    if let Some(h) = hashed() {
        return h.keys.get(key.as_str()).map_or(&[], |&v| group(v));
    }
    PLACES.get(key.as_bytes()).map_or(&[], |o| group(o.value()))
}

/// Département rows, for « Toulon (83) ».
static DEPARTMENTS: LazyLock<Vec<&'static Row>> = LazyLock::new(|| {
    ROWS.iter()
        .filter(|r| r.kind == PlaceKind::Department)
        .collect()
});

/// The département with INSEE code `code` (« 83 », « 2A », « 974 »).
pub fn department_by_code(code: &str) -> Option<&'static Row> {
    DEPARTMENTS.iter().copied().find(|r| r.code() == code)
}

/// A position in the place fst while feeding it a key byte by byte.
#[derive(Clone, Copy)]
struct Walker<'f> {
    fst: &'f Fst<&'static [u8]>,
    node: Node<'f>,
    out: Output,
}

impl<'f> Walker<'f> {
    fn new(fst: &'f Fst<&'static [u8]>) -> Self {
        Walker {
            fst,
            node: fst.root(),
            out: Output::zero(),
        }
    }

    /// Follows `bytes`; false (and the walker is spent) when no key continues so.
    fn feed(&mut self, bytes: &[u8]) -> bool {
        for &b in bytes {
            match self.node.find_input(b) {
                Some(i) => {
                    let t = self.node.transition(i);
                    self.out = self.out.cat(t.out);
                    self.node = self.fst.node(t.addr);
                }
                None => return false,
            }
        }
        true
    }

    /// The rows when the bytes fed so far are a whole key.
    fn rows(&self) -> Option<&'static [Row]> {
        self.node
            .is_final()
            .then(|| group(self.out.cat(self.node.final_output()).value()))
    }
}

/// A walk along the gazetteer's keys, a word of the text at a time: the
/// fst's ([`Walker`]) or the hash tables' ([`HashedWalk`]).
trait KeyWalk {
    /// Follows `part` of a key (a word's key, a `-` between words, an
    /// article prefix); false when no key goes on so that [`longest`]
    /// could still find it.
    fn feed(&mut self, part: &str) -> bool;
    /// The rows when the parts fed so far are a whole key.
    fn rows(&self) -> Option<&'static [Row]>;
}

impl KeyWalk for Walker<'_> {
    fn feed(&mut self, part: &str) -> bool {
        Walker::feed(self, part.as_bytes())
    }

    fn rows(&self) -> Option<&'static [Row]> {
        Walker::rows(self)
    }
}

/// The walk in [`HASHED`]: the key grows a part at a time and is looked
/// up whole. It knows only the starts of keys where [`longest`] stops
/// between words ([`Hashed::goes_on`]), so it gives up earlier than the
/// fst inside a word, where [`longest`] finds nothing anyway.
struct HashedWalk<'a> {
    hashed: &'a Hashed,
    key: &'a mut String,
}

impl<'a> HashedWalk<'a> {
    fn new(hashed: &'a Hashed, key: &'a mut String) -> Self {
        key.clear();
        HashedWalk { hashed, key }
    }
}

impl KeyWalk for HashedWalk<'_> {
    fn feed(&mut self, part: &str) -> bool {
        self.key.push_str(part);
        match self.key.strip_suffix('-') {
            Some(before) => self.hashed.goes_on.contains(before),
            None => {
                let key = self.key.as_str();
                self.hashed.keys.contains_key(key) || self.hashed.goes_on.contains(key)
            }
        }
    }

    fn rows(&self) -> Option<&'static [Row]> {
        self.hashed.keys.get(self.key.as_str()).map(|&v| group(v))
    }
}

/// A gazetteer name found in the text, before any context rule.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    /// Byte range in the normalized text.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// Index of its first token.
    pub first_token: usize,
    /// Index one past its last token.
    pub end_token: usize,
    /// Its readings.
    pub rows: &'static [Row],
    /// Found through a contracted article (« au Caire » → Le Caire).
    pub contracted: bool,
    /// One part of a hyphenated compound of places (« Toulouse-Lyon »).
    pub compound_part: bool,
}

/// Longest names, in tokens, worth walking.
const MAX_TOKENS: usize = 8;

/// Lower-case names the gazetteer starts with a lower-case word.
const LOWER_STARTS: &[&str] = &["île", "îles", "bande"];

/// Every gazetteer name of `doc`, leftmost-longest and not overlapping.
pub fn find(doc: &Document) -> Vec<Candidate> {
    let toks = doc.tokens();
    let norm = doc.norm();
    let fst: &Fst<&'static [u8]> = &PLACES;
    let hashed = hashed();
    let mut out = Vec::new();
    let mut scratch = String::new();
    let mut key = String::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let text = &norm[t.range()];
        let starts = matches!(t.kind, TokenKind::Word | TokenKind::Elision)
            && (text.chars().next().is_some_and(char::is_uppercase)
                || LOWER_STARTS.contains(&text));
        if !starts {
            i += 1;
            continue;
        }
        let article = i
            .checked_sub(1)
            .filter(|&p| {
                toks[p].end == t.start - 1 && &norm[toks[p].end as usize..t.start as usize] == " "
            })
            .and_then(|p| match &norm[toks[p].range()] {
                "au" | "du" => Some("Le-"),
                "aux" | "des" => Some("Les-"),
                _ => None,
            });
        let direct = longest_in(doc, hashed, i, None, &mut scratch, &mut key);
        let via_article =
            article.and_then(|a| longest_in(doc, hashed, i, Some(a), &mut scratch, &mut key));
        let pick = match (direct, via_article) {
            (Some(d), Some(_)) if d.1.iter().any(|r| r.kind != PlaceKind::Commune) => {
                Some((d, false))
            }
            (_, Some(a)) => Some((a, true)),
            (Some(d), None) => Some((d, false)),
            (None, None) => None,
        };
        if let Some(((end_token, rows), contracted)) = pick {
            out.push(Candidate {
                start: t.start as usize,
                end: toks[end_token - 1].end as usize,
                first_token: i,
                end_token,
                rows,
                contracted,
                compound_part: false,
            });
            i = end_token;
            continue;
        }
        if t.kind == TokenKind::Word && text.contains('-') {
            compound(doc, fst, i, &mut out, &mut scratch);
        }
        i += 1;
    }
    out
}

/// [`longest`] in the hash tables when there are some (`key` is their
/// buffer), else in the fst.
fn longest_in(
    doc: &Document,
    hashed: Option<&Hashed>,
    i: usize,
    prefix: Option<&str>,
    scratch: &mut String,
    key: &mut String,
) -> Option<(usize, &'static [Row])> {
    match hashed {
        Some(h) => longest(doc, &mut HashedWalk::new(h, key), i, prefix, scratch),
        None => longest(doc, &mut Walker::new(&PLACES), i, prefix, scratch),
    }
}

/// The longest name starting at token `i` (after `prefix`, a key prefix such
/// as `Le-`): its end token and rows.
fn longest(
    doc: &Document,
    w: &mut impl KeyWalk,
    i: usize,
    prefix: Option<&str>,
    scratch: &mut String,
) -> Option<(usize, &'static [Row])> {
    let toks = doc.tokens();
    let norm = doc.norm();
    if let Some(p) = prefix {
        if !w.feed(p) {
            return None;
        }
    }
    let mut best = None;
    let mut j = i;
    loop {
        let t = toks[j];
        if !matches!(t.kind, TokenKind::Word | TokenKind::Elision) {
            break;
        }
        scratch.clear();
        push_key(&norm[t.range()], scratch);
        if !w.feed(scratch) {
            break;
        }
        if t.kind == TokenKind::Word {
            if let Some(rows) = w.rows() {
                best = Some((j + 1, rows));
            }
        }
        j += 1;
        if j >= toks.len() || j - i >= MAX_TOKENS {
            break;
        }
        let gap = &norm[t.end as usize..toks[j].start as usize];
        let joined = match gap {
            "" if t.kind == TokenKind::Elision => true,
            // « Villeneuve-d'Ascq »: the hyphen before an elision is a token.
            "" if &norm[toks[j].range()] == "-"
                && toks.get(j + 1).is_some_and(|n| n.start == toks[j].end) =>
            {
                j += 1;
                w.feed("-")
            }
            " " => w.feed("-"),
            _ => false,
        };
        if !joined {
            break;
        }
    }
    best
}

/// Population from which a commune counts as a part of a compound of places.
const COMPOUND_MIN_POPULATION: u32 = 20_000;

/// Splits a hyphenated word that is not a name into names, when every part
/// is a well-known place (« Toulouse-Lyon », « Paris-Bruxelles »); a
/// compound with any other part (« Saint-Pierre-et-Saint-Paul »,
/// « Mont-Blanc ») gives nothing.
fn compound(
    doc: &Document,
    fst: &Fst<&'static [u8]>,
    i: usize,
    out: &mut Vec<Candidate>,
    scratch: &mut String,
) {
    let t = doc.tokens()[i];
    let text = &doc.norm()[t.range()];
    let mut bounds = vec![0];
    bounds.extend(text.match_indices('-').map(|(k, _)| k));
    bounds.push(text.len());
    // Segment s spans text[bounds[s] (+1 after a hyphen) .. bounds[s + 1]].
    let seg_start = |s: usize| if s == 0 { 0 } else { bounds[s] + 1 };
    let nseg = bounds.len() - 1;
    let mut found = Vec::new();
    let mut s = 0;
    while s < nseg {
        let mut w = Walker::new(fst);
        let mut best = None;
        for e in s..nseg {
            scratch.clear();
            if e > s {
                scratch.push('-');
            }
            push_key(&text[seg_start(e)..bounds[e + 1]], scratch);
            if !w.feed(scratch.as_bytes()) {
                break;
            }
            if let Some(rows) = w.rows() {
                best = Some((e + 1, rows));
            }
        }
        let Some((e, rows)) = best else { return };
        let notable = rows.iter().any(|r| match r.kind {
            PlaceKind::Commune | PlaceKind::Arrondissement => {
                r.population >= COMPOUND_MIN_POPULATION
            }
            PlaceKind::Other => false,
            _ => true,
        });
        if !notable {
            return;
        }
        found.push((seg_start(s), bounds[e], rows));
        s = e;
    }
    if found.len() < 2 {
        return;
    }
    for (a, b, rows) in found {
        out.push(Candidate {
            start: t.start as usize + a,
            end: t.start as usize + b,
            first_token: i,
            end_token: i + 1,
            rows,
            contracted: false,
            compound_part: true,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `build.rs` writes the same map as text and as an fst.
    #[test]
    fn keys_file_is_the_fst() {
        let mut n = 0;
        for (key, value) in key_lines() {
            assert_eq!(PLACES.get(key).map(|o| o.value()), Some(value), "{key}");
            n += 1;
        }
        assert_eq!(n, PLACES.len());
    }

    /// The hash tables find what the fst finds, from every token of every
    /// fixture, with and without an article prefix.
    #[test]
    fn hashed_keys_walk_like_the_fst() {
        let mut docs = 0;
        for text in crate::fixture_texts() {
            let doc = Document::new(text);
            docs += 1;
            let (mut scratch, mut key) = (String::new(), String::new());
            for i in 0..doc.tokens().len() {
                for prefix in [None, Some("Le-"), Some("Les-")] {
                    let walked = longest(&doc, &mut Walker::new(&PLACES), i, prefix, &mut scratch);
                    let mut walk = HashedWalk::new(&HASHED, &mut key);
                    let hashed = longest(&doc, &mut walk, i, prefix, &mut scratch);
                    assert_eq!(
                        walked,
                        hashed,
                        "token {i} of {:?}",
                        doc.title().map(|r| &doc.norm()[r])
                    );
                }
            }
        }
        assert!(docs > 10);
    }

    #[test]
    fn lookup_folds_spelling_variants() {
        assert!(lookup("Paris").iter().any(|r| r.code() == "75056"));
        assert!(lookup("Etats-Unis").iter().any(|r| r.code() == "US"));
        assert!(lookup("St-Denis").iter().any(|r| r.code() == "93066"));
        assert!(lookup("Côte d'Ivoire").iter().any(|r| r.code() == "CI"));
        assert!(lookup("Nowhere-sur-Rien").is_empty());
    }

    fn names(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        find(&doc)
            .iter()
            .map(|c| doc.norm()[c.start..c.end].to_string())
            .collect()
    }

    #[test]
    fn matches_are_leftmost_longest() {
        assert_eq!(
            names("En Provence-Alpes-Côte d'Azur et en Seine-Saint-Denis, à New York."),
            [
                "Provence-Alpes-Côte d'Azur",
                "Seine-Saint-Denis",
                "New York"
            ]
        );
        assert_eq!(
            names("la cathédrale Saint-Pierre-et-Saint-Paul du Mont-Blanc"),
            Vec::<String>::new()
        );
        assert_eq!(names("un train Toulouse-Lyon"), ["Toulouse", "Lyon"]);
    }

    #[test]
    fn contracted_articles_reach_names_with_le() {
        let doc = Document::new("agressée au Caire.");
        let c = find(&doc);
        assert_eq!(c.len(), 1);
        assert!(c[0].contracted);
        assert!(c[0].rows.iter().any(|r| r.country() == "EG"));
    }
}

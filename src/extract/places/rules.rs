//! Context rules that decide whether a gazetteer match is a place, and which
//! of its readings the text means.
//!
//! A match is judged on its neighbours: a place cue before it (« à », « en »,
//! « dans le », « parquet de », « procureur de la République de ») or a
//! département after it (« Toulon (Var) »), a person cue (« M. », a given
//! name before or a surname after it), its position in the sentence, its
//! population and whether it is also a common word (`common_words.txt`).
//! The reading is chosen by the département in brackets or named in the
//! article, then by kind and population. These rules do not look at other
//! extractors' facts (places run before organizations and people).

use super::cues;
use super::gazetteer::{department_by_code, lookup, Candidate, PlaceKind, Row};
use crate::lexicon::given::class as given_name_class;
use crate::text::token::{Token, TokenKind};
use crate::text::Document;
use foldhash::HashSet;
use std::sync::LazyLock;

/// A cue list as a set, built once.
struct WordSet(LazyLock<HashSet<&'static str>>);

macro_rules! word_set {
    ($name:ident, $list:path) => {
        static $name: WordSet = WordSet(LazyLock::new(|| $list.iter().copied().collect()));
    };
}
word_set!(STRONG_PREPOSITIONS_SET, cues::STRONG_PREPOSITIONS);
word_set!(DANS_ARTICLES_SET, cues::DANS_ARTICLES);
word_set!(WEAK_PREPOSITIONS_SET, cues::WEAK_PREPOSITIONS);
word_set!(CONNECTORS_SET, cues::CONNECTORS);
word_set!(PLACE_HEADS_SET, cues::PLACE_HEADS);
word_set!(DEPARTMENT_HEADS_SET, cues::DEPARTMENT_HEADS);
word_set!(PERSON_TITLES_SET, cues::PERSON_TITLES);
word_set!(NOT_FIRST_NAMES_SET, cues::NOT_FIRST_NAMES);
word_set!(AMBIGUOUS_AREAS_SET, cues::AMBIGUOUS_AREAS);

fn in_list(set: &WordSet, w: &str) -> bool {
    set.0.contains(w)
}

/// Commune names that are French words (generated, see the file header).
static COMMON_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("common_words.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect()
});

/// Commune names that are also saints, feasts or landmarks (hand list).
static AMBIGUOUS_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("ambiguous_names.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with('!') && !l.is_empty())
        .collect()
});

/// Names never taken as places: metonyms of institutions (« Matignon »).
static NEVER: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("ambiguous_names.txt")
        .lines()
        .filter_map(|l| l.strip_prefix('!'))
        .collect()
});

/// Population from which a commune needs no cue in mid-sentence.
const BARE_MIN_POPULATION: u32 = 10_000;
/// Population from which a commune after a weak cue (« de ») is a place.
const WEAK_MIN_POPULATION: u32 = 500;
/// Population from which a commune that is also a word needs only a weak cue.
const COMMON_WORD_WEAK_MIN_POPULATION: u32 = 50_000;
/// Population from which a commune that is also a word needs no cue in
/// mid-sentence (« Tours », « Bordeaux »).
const COMMON_WORD_BARE_MIN_POPULATION: u32 = 100_000;
/// Population from which a commune may open a sentence on its own.
const SENTENCE_START_MIN_POPULATION: u32 = 20_000;

/// How strongly the words around a match announce a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cue {
    /// Nothing.
    None,
    /// « de », « depuis », « vers »…
    Weak,
    /// « à », « en », « dans le », « parquet de », « (Var) »…
    Strong,
}

/// What the neighbours of one match say.
#[derive(Debug, Clone, Copy)]
pub struct Surroundings {
    /// The place cue.
    pub cue: Cue,
    /// « département de Paris »: the département reading is meant.
    pub department_reading: bool,
    /// A département given in brackets after the name (« Toulon (Var) »).
    pub department_hint: Option<&'static str>,
    /// The name belongs to a person (« M. Bonnet », « Antoine Sollacaro »).
    pub person: bool,
    /// Nothing but punctuation precedes it in its sentence.
    pub sentence_initial: bool,
    /// It ends a longer capitalised name (« collège Puy de la Roche »).
    pub in_name: bool,
    /// « dans le », « en », « département du » or brackets: the cues that
    /// make « Nord » an area rather than a direction or « gare du Nord ».
    pub area_cue: bool,
}

fn text<'d>(doc: &'d Document, t: &Token) -> &'d str {
    &doc.norm()[t.range()]
}

/// The token before `i` when only one space (or nothing, after an elision)
/// separates them.
fn prev_close(doc: &Document, i: usize) -> Option<usize> {
    let p = i.checked_sub(1)?;
    let toks = doc.tokens();
    let gap = &doc.norm()[toks[p].end as usize..toks[i].start as usize];
    (gap == " " || (gap.is_empty() && toks[p].kind == TokenKind::Elision)).then_some(p)
}

/// The token after `i` (exclusive end index) when one space separates them.
fn next_close(doc: &Document, end: usize) -> Option<usize> {
    let toks = doc.tokens();
    let n = toks.get(end)?;
    let gap = &doc.norm()[toks[end - 1].end as usize..n.start as usize];
    (gap == " ").then_some(end)
}

/// A capitalised word with lower-case letters after its first (not an acronym).
fn title_case(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
}

/// Reads the neighbours of candidate `c`.
pub fn surroundings(doc: &Document, c: &Candidate, prev_end: Option<usize>) -> Surroundings {
    let toks = doc.tokens();
    let i = c.first_token;
    let mut s = Surroundings {
        cue: Cue::None,
        department_reading: false,
        department_hint: None,
        person: false,
        sentence_initial: false,
        in_name: false,
        area_cue: false,
    };
    if let Some(si) = doc.sentence_at(c.start) {
        let first = doc.sentences()[si].first_token as usize;
        s.sentence_initial = toks[first..i].iter().all(|t| t.kind == TokenKind::Punct);
    }
    if let Some(p) = prev_close(doc, i) {
        let w = text(doc, &toks[p]);
        if c.contracted {
            s.cue = if matches!(w, "au" | "aux") {
                Cue::Strong
            } else {
                Cue::Weak
            };
        }
        let after_dans = in_list(&DANS_ARTICLES_SET, w)
            && prev_close(doc, p).is_some_and(|q| matches!(text(doc, &toks[q]), "dans" | "Dans"));
        if in_list(&STRONG_PREPOSITIONS_SET, w) || after_dans {
            s.cue = Cue::Strong;
            s.area_cue = after_dans || matches!(w, "en" | "En");
        } else if in_list(&CONNECTORS_SET, w) || c.contracted {
            let (head, dept, in_name) = head_before(doc, p);
            s.department_reading = dept;
            s.area_cue = dept;
            s.in_name = in_name;
            if head {
                s.cue = Cue::Strong;
            } else if in_list(&WEAK_PREPOSITIONS_SET, w) || c.contracted {
                s.cue = s.cue.max(Cue::Weak);
            }
        } else if in_list(&WEAK_PREPOSITIONS_SET, w) {
            s.cue = Cue::Weak;
        }
        if in_list(&PERSON_TITLES_SET, w) {
            s.person = true;
        }
        let after_place = prev_end == Some(toks[p].end as usize);
        if toks[p].kind == TokenKind::Word
            && title_case(w)
            && !after_place
            && !in_list(&NOT_FIRST_NAMES_SET, w)
            && lookup(w).is_empty()
        {
            let opens = doc
                .sentence_at(toks[p].start as usize)
                .is_some_and(|si| doc.sentences()[si].first_token as usize == p);
            if !opens || given_name_class(w).is_some_and(|k| k < 3) {
                s.person = true;
            }
        }
    }
    if let Some(hint) = bracketed_department(doc, c.end_token) {
        s.department_hint = Some(hint);
        s.cue = Cue::Strong;
        s.area_cue = true;
    }
    // « François Hollande », « Florence Parly »: a given name then a surname.
    if c.end_token == i + 1 {
        let name = text(doc, &toks[i]);
        let commune_only = c.rows.iter().all(|r| r.kind == PlaceKind::Commune);
        let given = given_name_class(name).is_some_and(|k| k < 3 || commune_only);
        if given {
            if let Some(mut n) = next_close(doc, c.end_token) {
                // « Dominique de Villepin »: a particle before the surname.
                if matches!(
                    text(doc, &toks[n]),
                    "de" | "d'" | "du" | "van" | "von" | "di" | "da" | "del"
                ) {
                    n = next_close(doc, n + 1).unwrap_or(n);
                }
                let w = text(doc, &toks[n]);
                if toks[n].kind == TokenKind::Word
                    && title_case(w)
                    && !in_list(&NOT_FIRST_NAMES_SET, w)
                    && !lookup(w).iter().any(notable)
                {
                    s.person = true;
                }
            }
        }
    }
    s
}

/// Reads the words before the connector chain ending at token `p`: whether
/// a place head noun stands there (« parquet de », « procureur de la
/// République de »), whether it is a département head, and whether a
/// capitalised word that is no head stands right before the chain, making
/// the match the end of a longer name (« collège Puy de la Roche »).
fn head_before(doc: &Document, p: usize) -> (bool, bool, bool) {
    let toks = doc.tokens();
    let mut k = p;
    while k > 0 && in_list(&CONNECTORS_SET, text(doc, &toks[k])) {
        k -= 1;
    }
    if k == p && !in_list(&CONNECTORS_SET, text(doc, &toks[k])) {
        return (false, false, false);
    }
    // Up to three words back: « tribunal judiciaire de », « cour d'appel de ».
    for j in (k.saturating_sub(2)..=k).rev() {
        let t = &toks[j];
        if !matches!(t.kind, TokenKind::Word | TokenKind::Elision) {
            break;
        }
        let w = text(doc, t);
        let upper = w.chars().next().is_some_and(char::is_uppercase);
        let lower = if upper {
            std::borrow::Cow::Owned(w.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(w)
        };
        if in_list(&PLACE_HEADS_SET, w) || (upper && in_list(&PLACE_HEADS_SET, lower.as_ref())) {
            let dept = in_list(&DEPARTMENT_HEADS_SET, lower.as_ref());
            return (true, dept, false);
        }
        if j == k && title_case(w) {
            return (false, false, true);
        }
    }
    (false, false, false)
}

/// A reading well known enough to stand without a cue: any country, région,
/// département or city, or a commune of 10,000 inhabitants or more.
fn notable(r: &Row) -> bool {
    match r.kind {
        PlaceKind::Commune | PlaceKind::Arrondissement => r.population >= BARE_MIN_POPULATION,
        _ => true,
    }
}

/// The département code given in brackets right after a name:
/// « Toulon (Var) », « Tours (Indre-et-Loire) », « (83) », « (Réunion) ».
fn bracketed_department(doc: &Document, end: usize) -> Option<&'static str> {
    let toks = doc.tokens();
    let norm = doc.norm();
    let open = toks.get(end)?;
    if &norm[open.range()] != "(" || norm[toks[end - 1].end as usize..open.start as usize].len() > 1
    {
        return None;
    }
    let close = (end + 1..(end + 8).min(toks.len())).find(|&k| &norm[toks[k].range()] == ")")?;
    if close == end + 1 {
        return None;
    }
    let inner = norm[toks[end + 1].start as usize..toks[close - 1].end as usize].trim();
    let rows = lookup(inner);
    if let Some(r) = rows.iter().find(|r| r.kind == PlaceKind::Department) {
        return Some(r.code());
    }
    // « (83) », « (2A) »: a département number.
    lookup_department_code(inner)
}

/// The département code of « 83 », « 2A », « 974 ».
fn lookup_department_code(code: &str) -> Option<&'static str> {
    let ok = matches!(code.len(), 2 | 3)
        && code
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'A' || b == b'B');
    ok.then(|| department_by_code(code))
        .flatten()
        .map(|r| r.code())
}

/// Whether candidate `c` with surroundings `s` is a place.
pub fn accept(doc: &Document, c: &Candidate, s: &Surroundings) -> bool {
    if s.person {
        return false;
    }
    if c.compound_part {
        return true;
    }
    let name = &doc.norm()[c.start..c.end];
    if NEVER.contains(name) {
        return false;
    }
    // « au Parc des Princes » is no commune Le Parc: an article is restored
    // only for well-known places (« au Caire », « au Havre »).
    if c.contracted && !c.rows.iter().any(notable) {
        return false;
    }
    // « Florence, sa fille, … »: a given name standing alone.
    if s.cue == Cue::None && given_name_class(name).is_some_and(|k| k < 3) {
        return false;
    }
    let major = c
        .rows
        .iter()
        .any(|r| !matches!(r.kind, PlaceKind::Commune | PlaceKind::Arrondissement));
    if major {
        return !in_list(&AMBIGUOUS_AREAS_SET, name) || s.area_cue;
    }
    let pop = c
        .rows
        .iter()
        .filter(|r| r.kind == PlaceKind::Commune)
        .map(|r| r.population)
        .max();
    let Some(pop) = pop else { return false };
    if s.in_name && pop < BARE_MIN_POPULATION {
        return false;
    }
    let word = COMMON_WORDS.contains(name) || AMBIGUOUS_NAMES.contains(name);
    match s.cue {
        Cue::Strong => true,
        Cue::Weak if word => pop >= COMMON_WORD_WEAK_MIN_POPULATION && !s.sentence_initial,
        Cue::Weak => pop >= WEAK_MIN_POPULATION,
        Cue::None if word => pop >= COMMON_WORD_BARE_MIN_POPULATION && !s.sentence_initial,
        Cue::None if s.sentence_initial => pop >= SENTENCE_START_MIN_POPULATION,
        Cue::None => pop >= BARE_MIN_POPULATION,
    }
}

/// Rank of a non-commune reading when one name has several (lower first).
fn kind_rank(k: PlaceKind) -> u8 {
    match k {
        PlaceKind::Country => 0,
        PlaceKind::Department => 1,
        PlaceKind::Region => 2,
        PlaceKind::Territory => 3,
        PlaceKind::City => 4,
        PlaceKind::Other => 5,
        PlaceKind::Commune | PlaceKind::Arrondissement => 6,
    }
}

/// The population of a commune for choosing between homonyms, doubled in
/// metropolitan France (« Saint-Denis » alone is the one of Seine-Saint-Denis
/// rather than the slightly larger one of La Réunion).
fn weight(r: &Row) -> u64 {
    let metro = r.department().len() == 2;
    u64::from(r.population) * if metro { 2 } else { 1 }
}

/// Population from which a commune wins over a foreign city or named area of
/// the same name.
const COMMUNE_OVER_CITY_POPULATION: u32 = 20_000;

/// The reading of an accepted candidate: the département in brackets or
/// asked for, else a commune in a département the article names, else by
/// kind and population (Paris the commune over Paris the département).
pub fn resolve(c: &Candidate, s: &Surroundings, departments: &[&str]) -> Option<&'static Row> {
    let rows = c
        .rows
        .iter()
        .filter(|r| r.kind != PlaceKind::Arrondissement);
    let dept_row = rows.clone().find(|r| r.kind == PlaceKind::Department);
    if let Some(d) = dept_row {
        if s.department_reading || s.department_hint == Some(d.code()) {
            return Some(d);
        }
    }
    let communes = || rows.clone().filter(|r| r.kind == PlaceKind::Commune);
    let hinted = s
        .department_hint
        .and_then(|h| communes().find(|r| r.department() == h));
    if hinted.is_some() {
        return hinted;
    }
    let in_article = communes()
        .filter(|r| departments.contains(&r.department()))
        .max_by_key(|r| weight(r));
    let commune = in_article.or_else(|| communes().max_by_key(|r| weight(r)));
    let major = rows
        .clone()
        .filter(|r| r.kind != PlaceKind::Commune)
        .min_by_key(|r| kind_rank(r.kind));
    match (commune, major) {
        (Some(c), Some(m)) => {
            let commune_wins = match m.kind {
                PlaceKind::Department => u64::from(c.population) * 2 >= u64::from(m.population),
                PlaceKind::City | PlaceKind::Other => c.population >= COMMUNE_OVER_CITY_POPULATION,
                _ => false,
            };
            Some(if commune_wins { c } else { m })
        }
        (c, m) => c.or(m),
    }
}

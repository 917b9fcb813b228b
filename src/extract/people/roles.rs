//! Titles and functions (`roles.tsv`) found in the folded text with one
//! Aho-Corasick pass, then stretched over what the article states with
//! them: modifiers before the head (« ancien », « ex- »), a nationality
//! adjective (« président américain »), and complements after it (« de
//! Paris », « de la famille », « chargé des Transports », « d'Yvan
//! Colonna »), up to punctuation, a verb or the name of the holder.
//!
//! It does not attach roles to people (see [`super`]), and reads no verb
//! list: a complement noun phrase is at most two lower-case words after a
//! preposition.

use crate::extract::automaton::Adaptive;
use crate::extract::organizations::folded::{fold, is_capitalized, Phrases};
use crate::extract::organizations::rules::is_place_adjective;
use crate::extract::organizations::token_at;
use crate::lexicon;
use crate::text::token::TokenKind;
use crate::text::Document;
use foldhash::{HashMap, HashMapExt};
use std::ops::Range;
use std::sync::LazyLock;

/// One row of `roles.tsv`.
struct Row {
    official: bool,
    foreign: bool,
    relational: bool,
}

struct Lexicon {
    rows: Vec<Row>,
    ac: Adaptive,
    /// Rows behind each automaton pattern.
    forms: Vec<Vec<usize>>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut rows = Vec::new();
    let mut patterns = Vec::new();
    let mut forms: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for row in lexicon::rows(lexicon::ROLES) {
        let [role, official, category, cell] = row[..] else {
            continue;
        };
        let r = rows.len();
        rows.push(Row {
            official: official == "1",
            foreign: category == "foreign",
            relational: role == "successeur",
        });
        for f in lexicon::list(cell) {
            let key = fold(f);
            let i = *index.entry(key.clone()).or_insert_with(|| {
                patterns.push(key);
                forms.push(Vec::new());
                patterns.len() - 1
            });
            forms[i].push(r);
        }
    }
    let ac = Adaptive::new(patterns, ROLE_FST, "role");
    Lexicon { rows, ac, forms }
});

/// The role phrases (`role.patterns.txt`), compiled by `build.rs`.
static ROLE_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/role.patterns.fst"));

/// The role phrase matcher.
pub(crate) fn matcher() -> &'static Adaptive {
    &LEXICON.ac
}

/// A role as the article states it.
#[derive(Debug, Clone)]
pub(crate) struct Role {
    /// Norm byte range of the whole stated role (modifiers and complements).
    pub range: Range<usize>,
    /// Norm byte range of the complements (empty when none).
    pub complement: Range<usize>,
    /// Public office (SPEC `official`).
    pub official: bool,
    /// « successeur de X »: takes X's flag when X's role is known.
    pub relational: bool,
}

const MODIFIERS: &[&str] = &[
    "ancien",
    "ancienne",
    "anciens",
    "futur",
    "future",
    "nouveau",
    "nouvelle",
    "actuel",
    "actuelle",
    "premier",
    "première",
    "vice",
];

const PREPOSITIONS: &[&str] = &[
    "de", "du", "des", "d'", "à", "au", "aux", "en", "pour", "sur",
];

const ARTICLES: &[&str] = &["la", "l'", "le", "les"];

/// Lower-case words that end a complement noun phrase.
fn stops_phrase(w: &str) -> bool {
    matches!(
        w,
        "a" | "ont"
            | "est"
            | "sont"
            | "était"
            | "étaient"
            | "sera"
            | "avait"
            | "avaient"
            | "qui"
            | "que"
            | "qu'"
            | "dont"
            | "et"
            | "ou"
            | "mais"
            | "ne"
            | "n'"
            | "se"
            | "s'"
            | "il"
            | "elle"
            | "ils"
            | "elles"
            | "on"
            | "y"
            | "un"
            | "une"
            | "ce"
            | "cette"
            | "ces"
            | "son"
            | "sa"
            | "ses"
            | "leur"
            | "leurs"
            | "selon"
            | "lors"
            | "après"
            | "avant"
            | "depuis"
            | "pendant"
            | "contre"
            | "par"
            | "avec"
            | "sans"
            | "dans"
            | "sous"
            | "chez"
            | "entre"
            | "vers"
            | "lui"
            | "le"
            | "la"
            | "les"
            | "l'"
    ) || PREPOSITIONS.contains(&w)
}

fn word(doc: &Document, i: usize) -> Option<&str> {
    let t = doc.tokens().get(i)?;
    matches!(t.kind, TokenKind::Word | TokenKind::Elision).then(|| doc.token_text(t))
}

fn cap(doc: &Document, i: usize) -> bool {
    doc.tokens().get(i).is_some_and(|t| {
        matches!(t.kind, TokenKind::Word | TokenKind::Abbrev) && is_capitalized(doc.token_text(t))
    })
}

/// Finds the roles of `doc`; `person_start(i)` tells whether token `i`
/// begins a person's name (the holder, where a complement stops).
pub(crate) fn find(doc: &Document, person_start: &dyn Fn(usize) -> bool) -> Vec<Role> {
    let lex = &*LEXICON;
    let folded = doc.folded();
    let mut cands: Vec<(usize, usize, usize)> = Vec::new();
    for m in folded.phrases(Phrases::Roles) {
        let ex = folded.text[..m.start].ends_with("ex-")
            && folded.on_boundaries(m.start.saturating_sub(3), m.end);
        if !ex && !folded.on_boundaries(m.start, m.end) {
            continue;
        }
        let start = if ex { m.start - 3 } else { m.start };
        cands.push((folded.norm_byte(start), folded.norm_byte(m.end), m.phrase));
    }
    cands.sort_by_key(|&(s, e, _)| (std::cmp::Reverse(e - s), s));
    let mut spans: std::collections::BTreeMap<usize, usize> = Default::default();
    let mut taken: Vec<(usize, usize, usize)> = Vec::new();
    for c in cands {
        let clash = spans
            .range(..c.1)
            .next_back()
            .is_some_and(|(_, &e)| e > c.0);
        if !clash {
            spans.insert(c.0, c.1);
            taken.push(c);
        }
    }
    taken.sort_by_key(|c| c.0);
    taken
        .into_iter()
        .map(|(s, e, p)| stretch(doc, s, e, &lex.forms[p], person_start))
        .collect()
}

fn stretch(
    doc: &Document,
    start: usize,
    end: usize,
    rows: &[usize],
    person_start: &dyn Fn(usize) -> bool,
) -> Role {
    let lex = &*LEXICON;
    let tokens = doc.tokens();
    // Modifiers before the head.
    let mut first = token_at(tokens, start);
    while first > 0 && word(doc, first - 1).is_some_and(|w| MODIFIERS.contains(&fold(w).as_str())) {
        first -= 1;
    }
    let start = tokens
        .get(first)
        .map_or(start, |t| (t.start as usize).min(start));
    let mut j = token_at(tokens, end);
    let mut last_end = end;
    let mut foreign = false;
    if word(doc, j).is_some_and(|w| !is_capitalized(w) && is_place_adjective(&fold(w))) {
        foreign = true;
        last_end = tokens[j].end as usize;
        j += 1;
    }
    let comp_start = last_end;
    let mut steps = 0;
    while steps < 6 {
        steps += 1;
        let Some(w) = word(doc, j) else { break };
        let mut k = j + 1;
        if matches!(w, "chargé" | "chargée" | "chargés" | "chargées") {
            if !matches!(word(doc, k), Some("de" | "du" | "des" | "d'")) {
                break;
            }
            k += 1;
        } else if !PREPOSITIONS.contains(&w) {
            break;
        }
        if word(doc, k).is_some_and(|a| ARTICLES.contains(&a)) {
            k += 1;
        }
        if cap(doc, k) {
            // A capitalised complement; its first word may be a person
            // (« avocat d'Yvan Colonna »), later ones end it.
            let mut e = k;
            while e + 1 < tokens.len()
                && e - k < 4
                && !person_start(e + 1)
                && (cap(doc, e + 1)
                    || (tokens[e + 1].kind == TokenKind::Number
                        && tokens[e + 1].end - tokens[e + 1].start <= 3))
            {
                e += 1;
            }
            if matches!(w, "de" | "du" | "d'")
                && tokens.get(k).is_some()
                && j == token_at(tokens, end)
            {
                foreign |= is_country(doc, k);
            }
            last_end = tokens[e].end as usize;
            j = e + 1;
            continue;
        }
        let mut e = k;
        while e < k + 2 && word(doc, e).is_some_and(|x| !is_capitalized(x) && !stops_phrase(x)) {
            e += 1;
        }
        if e == k {
            break;
        }
        last_end = tokens[e - 1].end as usize;
        j = e;
    }
    let pick = |foreign_row: bool| rows.iter().find(|&&r| lex.rows[r].foreign == foreign_row);
    let row = pick(foreign).or_else(|| pick(!foreign)).or(rows.first());
    let (official, relational) = row.map_or((false, false), |&r| {
        (lex.rows[r].official, lex.rows[r].relational)
    });
    Role {
        range: start..last_end,
        complement: comp_start..last_end,
        official,
        relational,
    }
}

/// Countries written after « président de / du » that make the title
/// foreign (« président du Brésil »).
fn is_country(doc: &Document, i: usize) -> bool {
    let Some(w) = word(doc, i) else { return false };
    matches!(
        fold(w).as_str(),
        "etats-unis"
            | "russie"
            | "chine"
            | "bresil"
            | "ukraine"
            | "israel"
            | "iran"
            | "allemagne"
            | "italie"
            | "espagne"
            | "royaume-uni"
            | "belgique"
            | "suisse"
            | "turquie"
            | "egypte"
            | "maroc"
            | "algerie"
            | "tunisie"
            | "syrie"
            | "liban"
            | "venezuela"
            | "argentine"
            | "mexique"
            | "japon"
            | "inde"
            | "pakistan"
            | "afghanistan"
            | "irak"
            | "senegal"
            | "mali"
            | "niger"
            | "tchad"
            | "cameroun"
            | "gabon"
            | "congo"
            | "kenya"
            | "nigeria"
            | "pologne"
            | "hongrie"
            | "portugal"
            | "grece"
            | "canada"
            | "australie"
            | "coree"
            | "colombie"
            | "chili"
            | "perou"
            | "cuba"
            | "qatar"
            | "libye"
            | "soudan"
            | "palestine"
            | "georgie"
            | "armenie"
            | "azerbaidjan"
            | "serbie"
            | "roumanie"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `build.rs` compiles `role.patterns.txt`: it must hold the phrases
    /// the lexicon gives.
    #[test]
    fn patterns_file_is_current() {
        crate::extract::automaton::check_patterns_file(
            "src/extract/people/role.patterns.txt",
            "# The folded role phrases, one a line, in the order of the lexicon's\n\
             # forms (written by the test `patterns_file_is_current`; build.rs\n\
             # compiles them into an fst).\n",
            &LEXICON.ac.phrases,
        );
    }
}

//! The offence lexicon as matching tables: one trie over every offence and
//! qualifier form, and the cue words that let an ambiguous
//! word (« violence », « vol », « menaces ») count as an offence.
//!
//! Everything is built once, on first use, from the embedded TSV files of
//! `src/lexicon/data/` (`offences.tsv`, `qualifiers.tsv`; see their
//! `SOURCES.md`). No per-entry regex and no loop over entries per article.
//! This module does not decide what a mention is: see the parent module.

use crate::extract::trie::Trie;
use crate::lexicon::{list, rows, OFFENCES, QUALIFIERS};
use crate::text::lower::lexicon_form;
use crate::text::normalize::fold_char;
use std::sync::LazyLock;

/// One offence row of the lexicon.
#[derive(Debug)]
pub(crate) struct Offence {
    /// Canonical label.
    pub label: String,
    /// Bare offence.
    pub offence: String,
    /// Law references.
    pub law: Vec<String>,
    /// Whether a one-word form of it has a common non-criminal use.
    pub ambiguous: bool,
}

/// What a form of the trie stands for.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Entry {
    /// A form of offence row `row`; `single` when it is one word.
    Offence {
        /// Index into [`Lexicon::offences`].
        row: usize,
        /// Whether the form is a single word.
        single: bool,
    },
    /// A form of qualifier `qual`, written before the offence when `prefix`.
    Qualifier {
        /// Index into [`Lexicon::qualifiers`].
        qual: usize,
        /// « tentative de », « complicité d’ »: comes before the offence.
        prefix: bool,
    },
}

/// The loaded lexicon and its trie.
pub(crate) struct Lexicon {
    /// Offence rows, in file order.
    pub offences: Vec<Offence>,
    /// Canonical qualifiers, in file order.
    pub qualifiers: Vec<String>,
    /// One entry per form of the trie.
    pub entries: Vec<Entry>,
    /// The lowered forms, matched leftmost-longest.
    pub forms: Trie,
    /// Cue words of a legal or police context.
    pub cues: Trie,
}

/// Words that show a legal, police or criminal context in a sentence; an
/// ambiguous one-word offence needs one of them (or another offence, or a
/// qualifier) in its sentence. Matched as word prefixes.
const CONTEXT_CUES: &[&str] = &[
    "accus",
    "affaire",
    "agresseur",
    "arrêt",
    "arrestation",
    "assises",
    "auteur",
    "avocat",
    "chef d'",
    "chefs d'",
    "complic",
    "condamn",
    "coupable",
    "crime",
    "crimin",
    "délinqu",
    "délit",
    "écroué",
    "enquête",
    "enquêteur",
    "gendarm",
    "garde à vue",
    "inculp",
    "infraction",
    "interpell",
    "juge",
    "judiciaire",
    "justice",
    "magistrat",
    "mis en cause",
    "mis en examen",
    "mise en examen",
    "mis en examen",
    "parquet",
    "passible",
    "pénal",
    "perquisition",
    "plainte",
    "police",
    "policier",
    "poursuiv",
    "prison",
    "procès",
    "procureur",
    "puni",
    "réprim",
    "sanction",
    "soupçonn",
    "suspect",
    "témoin",
    "tribunal",
    "victime",
];

/// Forms that end like a prefix qualifier (« tentative de », « complice d’ »).
fn is_prefix_form(form: &str) -> bool {
    form.ends_with(" de")
        || form.ends_with(" d'")
        || form.ends_with(" dans")
        || form.ends_with('\'')
}

/// The lexicon, loaded on first use.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(load);

fn load() -> Lexicon {
    let mut offences = Vec::new();
    let mut qualifiers = Vec::new();
    let mut entries = Vec::new();
    visit_forms(&mut offences, &mut qualifiers, |_, entry| {
        entries.push(entry)
    });
    Lexicon {
        offences,
        qualifiers,
        entries,
        forms: Trie::embedded(OFFENCE_PATTERNS, OFFENCE_FST),
        cues: Trie::new(CONTEXT_CUES.iter().map(|c| c.to_string()).collect()),
    }
}

/// Reads the offence and qualifier rows into `offences` and `qualifiers`,
/// and calls `visit(form, entry)` for each of their forms as written, in
/// the order of `offence.patterns.txt`.
fn visit_forms(
    offences: &mut Vec<Offence>,
    qualifiers: &mut Vec<String>,
    mut visit: impl FnMut(&str, Entry),
) {
    for row in rows(OFFENCES) {
        let [label, offence, _category, law, forms, _src, ambiguous] = row[..] else {
            continue;
        };
        let idx = offences.len();
        offences.push(Offence {
            label: label.to_string(),
            offence: offence.to_string(),
            law: law
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
            ambiguous: ambiguous.trim() == "1",
        });
        for form in list(forms) {
            let single = !form
                .chars()
                .any(|c| matches!(fold_char(c), ' ' | '\'' | '-'));
            visit(form, Entry::Offence { row: idx, single });
        }
    }
    for row in rows(QUALIFIERS) {
        let [qual, forms] = row[..] else { continue };
        let idx = qualifiers.len();
        qualifiers.push(qual.to_string());
        for form in list(forms) {
            let prefix = is_prefix_form(&lexicon_form(form));
            visit(form, Entry::Qualifier { qual: idx, prefix });
        }
    }
}

/// The offence and qualifier forms as the lowered text writes them, one a
/// line (`build.rs` compiles them into [`OFFENCE_FST`]).
static OFFENCE_PATTERNS: &str = include_str!("offence.patterns.txt");

/// The offence and qualifier forms (`offence.patterns.txt`), compiled by
/// `build.rs`.
static OFFENCE_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/offence.patterns.fst"));

#[cfg(test)]
mod tests {
    use super::*;

    /// `build.rs` compiles `offence.patterns.txt`: it must hold the forms
    /// the lexicon gives.
    #[test]
    fn patterns_file_is_current() {
        crate::extract::automaton::check_patterns_file(
            "src/extract/charges/offence.patterns.txt",
            "# The lowered offence and qualifier forms, one a line, in the order of\n\
             # the lexicons' forms (written by the test `patterns_file_is_current`;\n\
             # build.rs compiles them into an fst).\n",
            &{
                let mut forms = Vec::new();
                visit_forms(&mut Vec::new(), &mut Vec::new(), |f, _| {
                    forms.push(lexicon_form(f));
                });
                forms
            },
        );
    }

    #[test]
    fn lexicon_loads_every_row() {
        let lx = &*LEXICON;
        assert!(lx.offences.len() >= 300, "{}", lx.offences.len());
        assert!(lx.qualifiers.len() >= 40);
        assert!(lx.offences.iter().any(|o| o.label == "proxénétisme"));
    }

    #[test]
    fn prefix_forms() {
        assert!(is_prefix_form("tentative d'"));
        assert!(is_prefix_form("complicité de"));
        assert!(!is_prefix_form("en bande organisée"));
    }
}

//! Phrase matchers that cost nothing to load for a short run and are fast
//! to search for a long one.
//!
//! An Aho-Corasick automaton over a big lexicon (organizations, roles)
//! costs 13 to 15 M instructions to build even as an NFA, more than a
//! whole short article takes to extract, and a DFA several times that. So
//! the lexicon's phrases are also compiled by `build.rs` into an `fst` map
//! (phrase → index), embedded and read in place; it serves the first
//! [`WARM_UP`] bytes a process reads, walked from every word start of the
//! text. The automaton takes over after that: a contiguous NFA (small, and
//! some 15 M instructions to build) until [`DFA_AFTER`], then a DFA; roles
//! and organizations, both looked up in the folded text, then share one
//! DFA ([`Joint`]). All find the same matches in the same order: the
//! choice changes speed only, never output.
//!
//! The phrases `build.rs` compiles are the committed `*.patterns.txt` file
//! of each lexicon, which a test keeps equal to what the code derives from
//! the lexicon (see [`check_patterns_file`]).

use crate::extract::fst_walk::Walker;
use crate::text::lower::word_before;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use fst::raw::Fst;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// Text read so far by this process, in bytes.
static SEEN: AtomicUsize = AtomicUsize::new(0);

/// Past this much text the DFA takes over from the NFA. The DFAs of roles
/// and organizations together search some 40 instructions a byte faster
/// and cost about 200 M to build, so instructions alone would switch after
/// about 4 MB anyway; built earlier, they also raised the peak RSS of a
/// long `--jsonl` stream from 56 to 68 MB (and `batch -j 2` near its
/// 100 MB budget).
const DFA_AFTER: usize = 4 << 20;

/// Text read by the process after which the matchers that are cheap to
/// load but slow to search give way to fast ones: the role, organization,
/// offence and trigger walks to Aho-Corasick automata, the date rules'
/// `regex_lite` engine and sparse start DFA to the `regex` crate's (the
/// embedded regexes of [`Staged`](crate::extract::embedded::Staged) switch
/// earlier still). Together the fast ones cost some 200 M instructions to
/// build and save some 700 a byte, so a run pays them back by about 400 KB
/// of text (measured on JSON Lines streams of 100 KB, 300 KB, 1 and 2 MB);
/// a single article never builds them.
pub(crate) const WARM_UP: usize = 128 << 10;

/// Whether the process has read more than [`WARM_UP`] bytes of text.
pub(crate) fn warmed_up() -> bool {
    seen() > WARM_UP
}

/// Counts `bytes` of text as read (called once per document).
pub(crate) fn note(bytes: usize) {
    SEEN.fetch_add(bytes, Ordering::Relaxed);
}

/// Text read so far by this process, in bytes: matchers that are cheap to
/// load but slow to search give way to faster ones as it grows.
pub(crate) fn seen() -> usize {
    SEEN.load(Ordering::Relaxed)
}

/// The fast matcher kept in `cell`, built by `build` once the process has
/// read more than `after` bytes (and kept from then on); `None` before.
pub(crate) fn built_after<T>(
    cell: &OnceLock<T>,
    after: usize,
    build: impl FnOnce() -> T,
) -> Option<&T> {
    if cell.get().is_none() && seen() <= after {
        return None;
    }
    Some(cell.get_or_init(build))
}

/// A phrase found: its byte range and the index of its phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// Index of the phrase in the list given to [`Adaptive::new`].
    pub phrase: usize,
}

/// A phrase matcher over an embedded fst, then a DFA as the run goes.
pub(crate) struct Adaptive {
    pub(crate) phrases: Vec<String>,
    fst: Walker<&'static [u8]>,
    /// The fst does not match the phrases: only the automaton serves.
    stale: bool,
    what: &'static str,
    /// The automaton past [`WARM_UP`]: a contiguous NFA, small.
    nfa: OnceLock<AhoCorasick>,
    /// The automaton past [`DFA_AFTER`] when this matcher is searched on
    /// its own (the roles and organizations then share a [`Joint`] one),
    /// or from the start when the fst is stale.
    dfa: OnceLock<AhoCorasick>,
}

impl Adaptive {
    /// A matcher over `phrases`, whose fst `build.rs` compiled into
    /// `fst_bytes`; `what` names it in build errors.
    ///
    /// When the fst does not hold as many phrases (its file is stale, which
    /// the test `patterns_file_is_current` of each lexicon catches), the
    /// automaton serves from the start.
    ///
    /// # Panics
    ///
    /// When `fst_bytes` is no fst: `build.rs` wrote it.
    pub(crate) fn new(
        phrases: Vec<String>,
        fst_bytes: &'static [u8],
        what: &'static str,
    ) -> Adaptive {
        let fst = Fst::new(fst_bytes).unwrap_or_else(|e| panic!("{what} fst: {e}"));
        let stale = fst.len() != phrases.len();
        Adaptive {
            phrases,
            fst: Walker::new(fst),
            stale,
            what,
            nfa: OnceLock::new(),
            dfa: OnceLock::new(),
        }
    }

    /// How many phrases it matches.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.phrases.len()
    }

    /// Every occurrence of every phrase in `text` that does not start
    /// inside a word (see [`starts_word`]), overlapping ones included, in the
    /// order of Aho-Corasick's overlapping search: by end, then longest
    /// first.
    ///
    /// # Panics
    ///
    /// When the DFA cannot be built: the phrases are static data.
    pub(crate) fn find_overlapping(&self, text: &str) -> Vec<Hit> {
        if self.stale || self.dfa.get().is_some() || seen() > DFA_AFTER {
            self.search(&self.dfa, AhoCorasickKind::DFA, text)
        } else if warmed_up() {
            self.search(&self.nfa, AhoCorasickKind::ContiguousNFA, text)
        } else {
            self.walk(text)
        }
    }

    /// [`Adaptive::find_overlapping`] with the fst.
    fn walk(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        for start in 0..text.len() {
            if !starts_word(text, start) {
                continue;
            }
            self.fst.prefixes(text.as_bytes(), start, |end, phrase| {
                hits.push(Hit {
                    start,
                    end,
                    phrase: phrase as usize,
                });
            });
        }
        hits.sort_unstable_by_key(|h| (h.end, h.start));
        hits
    }

    /// [`Adaptive::find_overlapping`] with the automaton of `kind` kept in
    /// `cell`, built on first use.
    fn search(&self, cell: &OnceLock<AhoCorasick>, kind: AhoCorasickKind, text: &str) -> Vec<Hit> {
        let automaton = cell.get_or_init(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .kind(Some(kind))
                .build(&self.phrases)
                .unwrap_or_else(|e| panic!("{} automaton: {e}", self.what))
        });
        automaton
            .find_overlapping_iter(text)
            .filter(|m| starts_word(text, m.start()))
            .map(|m| Hit {
                start: m.start(),
                end: m.end(),
                phrase: m.pattern().as_usize(),
            })
            .collect()
    }
}

/// Two phrase matchers searched over the same texts (roles and
/// organizations, over the folded text). Past [`DFA_AFTER`] one DFA over
/// both phrase lists serves both: a DFA's pass costs about the same
/// whatever its phrases, and two passes cost 1.6 times one (some 17
/// instructions a byte saved). Each matcher's hits come out as its own
/// search gives them: a DFA's hits ending at one byte come longest first,
/// and each list holds a phrase once.
pub(crate) struct Joint {
    parts: [&'static Adaptive; 2],
    dfa: OnceLock<AhoCorasick>,
}

impl Joint {
    /// The joint matcher of `first` and `second`.
    pub(crate) fn new(first: &'static Adaptive, second: &'static Adaptive) -> Joint {
        Joint {
            parts: [first, second],
            dfa: OnceLock::new(),
        }
    }

    /// One of the two matchers (0 or 1), for the searches of a short run.
    pub(crate) fn part(&self, i: usize) -> &'static Adaptive {
        self.parts[i]
    }

    /// What [`Adaptive::find_overlapping`] of each matcher finds in
    /// `text`, in one pass; `None` until the process has read
    /// [`DFA_AFTER`] bytes (the matchers' own searches serve till then).
    ///
    /// # Panics
    ///
    /// When the DFA cannot be built: the phrases are static data.
    pub(crate) fn both(&self, text: &str) -> Option<[Vec<Hit>; 2]> {
        let dfa = built_after(&self.dfa, DFA_AFTER, || self.build())?;
        Some(self.split(dfa, text))
    }

    /// The DFA over the phrases of both matchers, the first's first.
    fn build(&self) -> AhoCorasick {
        let [first, second] = self.parts;
        AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(first.phrases.iter().chain(&second.phrases))
            .unwrap_or_else(|e| panic!("{} and {} automaton: {e}", first.what, second.what))
    }

    /// The hits of `dfa` (from [`Joint::build`]) in `text`, each given to
    /// its matcher.
    fn split(&self, dfa: &AhoCorasick, text: &str) -> [Vec<Hit>; 2] {
        let split = self.parts[0].phrases.len();
        let mut hits = [Vec::new(), Vec::new()];
        for m in dfa.find_overlapping_iter(text) {
            if !starts_word(text, m.start()) {
                continue;
            }
            let p = m.pattern().as_usize();
            let (side, phrase) = if p < split { (0, p) } else { (1, p - split) };
            hits[side].push(Hit {
                start: m.start(),
                end: m.end(),
                phrase,
            });
        }
        hits
    }
}

/// Whether a phrase may start at byte `at` of `text`: at a char that does
/// not follow a letter or digit. The callers keep only matches on word
/// boundaries (a hyphen before is allowed: « ex-ministre »), so walking
/// from the other positions, four in five of a French text, is wasted.
fn starts_word(text: &str, at: usize) -> bool {
    // A byte inside a char (or the end) starts no phrase.
    at < text.len() && text.is_char_boundary(at) && !word_before(text, at)
}

/// Checks that the committed phrase file `path` (relative to the crate)
/// lists `phrases`, one a line after its `#` header; with the environment
/// variable `DEPECHE_UPDATE_PATTERNS` set, rewrites it first.
#[cfg(test)]
pub(crate) fn check_patterns_file(path: &str, header: &str, phrases: &[String]) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let mut want = String::from(header);
    for p in phrases {
        assert!(
            !p.is_empty() && !p.contains('\n') && !p.starts_with('#'),
            "phrase {p:?} cannot be a line of {}",
            path.display()
        );
        want.push_str(p);
        want.push('\n');
    }
    if std::env::var_os("DEPECHE_UPDATE_PATTERNS").is_some() {
        std::fs::write(&path, &want).expect("the patterns file is writable");
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is out of date: DEPECHE_UPDATE_PATTERNS=1 cargo test --lib patterns_file_is_current",
        path.display()
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fst walk finds what both automata find, in the same order.
    pub(crate) fn same_as_automaton(m: &Adaptive, text: &str) {
        let walked = m.walk(text);
        let dfa = m.search(&m.dfa, AhoCorasickKind::DFA, text);
        assert_eq!(walked, dfa, "{} DFA", m.what);
        let nfa = m.search(&m.nfa, AhoCorasickKind::ContiguousNFA, text);
        assert_eq!(walked, nfa, "{} NFA", m.what);
    }

    /// The joint DFA splits into what each matcher's DFA finds, on the
    /// fixtures and on a text of every phrase of both lists (a phrase of
    /// both lists included).
    #[test]
    fn joint_search_equals_each_search() {
        let [first, second] = [
            crate::extract::people::roles::matcher(),
            crate::extract::organizations::rules::matcher(),
        ];
        let joint = Joint::new(first, second);
        let dfa = joint.build();
        let mut texts: Vec<String> = crate::fixture_texts()
            .iter()
            .map(|t| crate::extract::organizations::folded::fold(t))
            .collect();
        texts.push(
            first
                .phrases
                .iter()
                .chain(&second.phrases)
                .map(|p| format!("{p} . "))
                .collect(),
        );
        assert!(first.phrases.iter().any(|p| second.phrases.contains(p)));
        for t in &texts {
            let [a, b] = joint.split(&dfa, t);
            assert_eq!(a, first.search(&first.dfa, AhoCorasickKind::DFA, t));
            assert_eq!(b, second.search(&second.dfa, AhoCorasickKind::DFA, t));
        }
    }

    #[test]
    fn fst_walk_equals_the_automaton_on_the_fixtures() {
        let texts = crate::fixture_texts();
        for m in [
            crate::extract::people::roles::matcher(),
            crate::extract::organizations::rules::matcher(),
        ] {
            for t in &texts {
                let folded = crate::extract::organizations::folded::fold(t);
                same_as_automaton(m, &folded);
            }
        }
    }
}

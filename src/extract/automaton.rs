//! Aho-Corasick automata that are cheap to build for a short run and fast
//! to search for a long one.
//!
//! A DFA over a big lexicon (organizations, roles) searches faster than a
//! contiguous NFA but costs tens of milliseconds to build, more than a
//! whole short article takes to extract. So the NFA serves the first few
//! megabytes a process reads, and the DFA takes over after that. Both find
//! the same matches: the choice changes speed only, never output.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// Text read so far by this process, in bytes.
static SEEN: AtomicUsize = AtomicUsize::new(0);

/// Past this much text the DFA's build pays for itself (it saves some 30 M
/// instructions per megabyte and costs about 100 M to build).
const DFA_AFTER: usize = 4 << 20;

/// Counts `bytes` of text as read (called once per document).
pub(crate) fn note(bytes: usize) {
    SEEN.fetch_add(bytes, Ordering::Relaxed);
}

/// Text read so far by this process, in bytes: matchers that are cheap to
/// load but slow to search give way to faster ones as it grows.
pub(crate) fn seen() -> usize {
    SEEN.load(Ordering::Relaxed)
}

/// An automaton built on first use, as an NFA or a DFA as the run goes.
pub(crate) struct Adaptive {
    patterns: Vec<String>,
    kind: MatchKind,
    what: &'static str,
    nfa: OnceLock<AhoCorasick>,
    dfa: OnceLock<AhoCorasick>,
}

impl Adaptive {
    /// An automaton over `patterns`, named `what` in build errors.
    pub(crate) fn new(patterns: Vec<String>, kind: MatchKind, what: &'static str) -> Adaptive {
        Adaptive {
            patterns,
            kind,
            what,
            nfa: OnceLock::new(),
            dfa: OnceLock::new(),
        }
    }

    /// The automaton to search with now.
    ///
    /// # Panics
    ///
    /// When the automaton cannot be built: the patterns are static data.
    pub(crate) fn get(&self) -> &AhoCorasick {
        if let Some(dfa) = self.dfa.get() {
            return dfa;
        }
        let (cell, kind) = if seen() > DFA_AFTER {
            (&self.dfa, AhoCorasickKind::DFA)
        } else {
            (&self.nfa, AhoCorasickKind::ContiguousNFA)
        };
        cell.get_or_init(|| {
            AhoCorasick::builder()
                .match_kind(self.kind)
                .kind(Some(kind))
                .build(&self.patterns)
                .unwrap_or_else(|e| panic!("{} automaton: {e}", self.what))
        })
    }
}

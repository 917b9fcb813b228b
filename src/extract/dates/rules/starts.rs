//! Where each date rule can start: one anchored multi-pattern DFA over
//! every rule, tried only at the positions where a rule's match could be
//! kept, so that each rule's own regex runs only where it matches instead of
//! scanning the whole text once per rule (some forty passes).
//!
//! The DFA is compiled by `build.rs` from `patterns.txt` (the rule patterns
//! as [`super::compiled`] writes them; a test keeps the file current) and
//! embedded (see [`crate::extract::embedded`]): loading it reads it in
//! place, where compiling the rules at start-up cost some 25 ms.
//!
//! The sparse DFA searches slower than a lazy DFA once that one has built
//! its states (some 150 instructions a byte more), so once the process is
//! warmed up ([`automaton::warmed_up`]), the lazy DFA is built from the same
//! patterns (87 M instructions) and used instead; both find the same
//! starts.
//!
//! It is a pure speed-up: [`super::candidates`] visits the same match
//! starts in the same order as a scan of the whole text would, because a
//! rule matches at a position exactly when the DFA says so (same patterns,
//! same flags), and the positions skipped are those where
//! [`super::at_word_edges`] rejects any match (inside a word) or where no
//! rule's first byte fits.

use crate::extract::automaton;
use crate::extract::embedded::{self, EmbeddedDfa};
use regex_automata::dfa::Automaton;
use regex_automata::hybrid::dfa::{Cache, DFA as LazyDfa};
use regex_automata::util::primitives::StateID;
use regex_automata::util::start;
use regex_automata::{Anchored, MatchKind};
use std::cell::RefCell;
use std::sync::OnceLock;

thread_local! {
    /// One lazy DFA cache per thread (batch runs extractors on many threads).
    static CACHE: RefCell<Option<Cache>> = const { RefCell::new(None) };
}

/// The rule patterns compiled together, and the bytes a match can begin with.
pub(super) struct Starts {
    dfa: EmbeddedDfa,
    first: [bool; 256],
    /// The rule patterns, for the lazy DFA.
    patterns: Vec<String>,
    lazy: OnceLock<LazyDfa>,
}

impl Starts {
    /// Loads the DFA of the rule `patterns`.
    ///
    /// # Panics
    ///
    /// When the embedded DFA has another number of rules: `build.rs` writes
    /// it from the rule table.
    pub(super) fn new(patterns: Vec<String>) -> Starts {
        let dfa = embedded::dfa(embedded::DATE_STARTS);
        assert_eq!(
            dfa.pattern_len(),
            patterns.len(),
            "patterns.txt lists every rule"
        );
        let mut first = [false; 256];
        // The start state depends on the byte before (word or not, line
        // start): try every kind, and keep a byte when any rule survives it.
        for behind in [None, Some(b' '), Some(b'a'), Some(b'\n'), Some(b'\r')] {
            let sid = start_state(&dfa, behind);
            for (b, ok) in first.iter_mut().enumerate() {
                if !dfa.is_dead_state(dfa.next_state(sid, b as u8)) {
                    *ok = true;
                }
            }
        }
        Starts {
            dfa,
            first,
            patterns,
            lazy: OnceLock::new(),
        }
    }

    /// The positions of `text` where each rule may start a kept match, in
    /// order, one list per rule.
    pub(super) fn scan(&self, text: &str) -> Vec<Vec<usize>> {
        if automaton::warmed_up() {
            let lazy = self.lazy.get_or_init(|| build_lazy(&self.patterns));
            let found = CACHE.with(|cell| {
                let mut slot = cell.borrow_mut();
                let cache = slot.get_or_insert_with(|| lazy.create_cache());
                self.positions(text, |i, starts| {
                    walk_lazy(lazy, cache, text.as_bytes(), i, starts)
                })
            });
            // The lazy DFA gives up when its cache thrashes (it never
            // should): the sparse one then does the work.
            if let Some(starts) = found {
                return starts;
            }
        }
        self.positions(text, |i, starts| {
            self.walk(text.as_bytes(), i, starts);
            Some(())
        })
        .unwrap_or_default()
    }

    /// Calls `walk` at each position of `text` where a kept match may
    /// start; `None` when a walk fails.
    fn positions(
        &self,
        text: &str,
        mut walk: impl FnMut(usize, &mut [Vec<usize>]) -> Option<()>,
    ) -> Option<Vec<Vec<usize>>> {
        let mut starts: Vec<Vec<usize>> = vec![Vec::new(); self.dfa.pattern_len()];
        let bytes = text.as_bytes();
        let mut prev_word = false;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // ASCII, most of the text, is classed without decoding.
            let (word, len) = if b.is_ascii() {
                (ASCII_WORD[usize::from(b)], 1)
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c.is_alphanumeric(), c.len_utf8())
            };
            // Inside a word no match is kept (`at_word_edges`).
            let inside = prev_word && word;
            prev_word = word;
            if !inside && self.first[usize::from(b)] {
                walk(i, &mut starts)?;
            }
            i += len;
            // So the rest of an ASCII word is passed over at once.
            if word {
                while bytes.get(i).is_some_and(|&b| ASCII_WORD[usize::from(b)]) {
                    i += 1;
                }
            }
        }
        Some(starts)
    }

    /// Runs the DFA anchored at `i` until it dies, adding `i` to the list
    /// of every rule with a match starting there (the match states of a
    /// DFA come one byte late, and the end of the text has its own
    /// transition).
    fn walk(&self, bytes: &[u8], i: usize, starts: &mut [Vec<usize>]) {
        let record = |sid: StateID, starts: &mut [Vec<usize>]| {
            for k in 0..self.dfa.match_len(sid) {
                let list = &mut starts[self.dfa.match_pattern(sid, k).as_usize()];
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        };
        let mut sid = start_state(&self.dfa, i.checked_sub(1).map(|j| bytes[j]));
        for &b in &bytes[i..] {
            sid = self.dfa.next_state(sid, b);
            if self.dfa.is_special_state(sid) {
                if self.dfa.is_match_state(sid) {
                    record(sid, starts);
                }
                if self.dfa.is_dead_state(sid) {
                    return;
                }
            }
        }
        sid = self.dfa.next_eoi_state(sid);
        if self.dfa.is_match_state(sid) {
            record(sid, starts);
        }
    }
}

/// The ASCII bytes of a word (`\w`: letters, digits, `_`); `false` for
/// every byte of a multi-byte char.
static ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    table
};

/// The anchored start state after the byte `behind`.
fn start_state(dfa: &EmbeddedDfa, behind: Option<u8>) -> StateID {
    let config = start::Config::new()
        .anchored(Anchored::Yes)
        .look_behind(behind);
    dfa.start_state(&config)
        .expect("the DFA has anchored starts and no quit bytes")
}

/// The lazy DFA of the rule patterns, as the embedded one is built.
///
/// # Panics
///
/// When a pattern does not compile: rule patterns are static.
fn build_lazy(patterns: &[String]) -> LazyDfa {
    LazyDfa::builder()
        .configure(
            LazyDfa::config()
                .match_kind(MatchKind::All)
                .cache_capacity(8 << 20),
        )
        .build_many(patterns)
        .expect("date rule patterns compile as one DFA")
}

/// [`Starts::walk`] with the lazy DFA; `None` when it gives up.
fn walk_lazy(
    dfa: &LazyDfa,
    cache: &mut Cache,
    bytes: &[u8],
    i: usize,
    starts: &mut [Vec<usize>],
) -> Option<()> {
    let config = start::Config::new()
        .anchored(Anchored::Yes)
        .look_behind(i.checked_sub(1).map(|j| bytes[j]));
    let mut sid = dfa.start_state(cache, &config).ok()?;
    let record = |cache: &mut Cache, sid, starts: &mut [Vec<usize>]| {
        for k in 0..dfa.match_len(cache, sid) {
            let list = &mut starts[dfa.match_pattern(cache, sid, k).as_usize()];
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    };
    for &b in &bytes[i..] {
        sid = dfa.next_state(cache, sid, b).ok()?;
        if sid.is_tagged() {
            if sid.is_match() {
                record(cache, sid, starts);
            }
            if sid.is_dead() {
                return Some(());
            }
            if sid.is_quit() {
                return None;
            }
        }
    }
    sid = dfa.next_eoi_state(cache, sid).ok()?;
    if sid.is_match() {
        record(cache, sid, starts);
    }
    Some(())
}

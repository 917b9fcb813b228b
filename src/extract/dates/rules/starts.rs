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
//! It is a pure speed-up: [`super::candidates`] visits the same match
//! starts in the same order as a scan of the whole text would, because a
//! rule matches at a position exactly when the DFA says so (same patterns,
//! same flags), and the positions skipped are those where
//! [`super::at_word_edges`] rejects any match (inside a word) or where no
//! rule's first byte fits.

use crate::extract::embedded::{self, EmbeddedDfa};
use regex_automata::dfa::Automaton;
use regex_automata::util::primitives::StateID;
use regex_automata::util::start;
use regex_automata::Anchored;

/// The rule patterns compiled together, and the bytes a match can begin with.
pub(super) struct Starts {
    dfa: EmbeddedDfa,
    first: [bool; 256],
}

impl Starts {
    /// Loads the DFA of the `rules` rule patterns.
    ///
    /// # Panics
    ///
    /// When the embedded DFA has another number of rules: `build.rs` writes
    /// it from the rule table.
    pub(super) fn new(rules: usize) -> Starts {
        let dfa = embedded::dfa(embedded::DATE_STARTS);
        assert_eq!(dfa.pattern_len(), rules, "patterns.txt lists every rule");
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
        Starts { dfa, first }
    }

    /// The positions of `text` where each rule may start a kept match, in
    /// order, one list per rule.
    pub(super) fn scan(&self, text: &str) -> Vec<Vec<usize>> {
        let mut starts: Vec<Vec<usize>> = vec![Vec::new(); self.dfa.pattern_len()];
        let bytes = text.as_bytes();
        let mut prev_word = false;
        for (i, c) in text.char_indices() {
            let word = c.is_alphanumeric() || c == '_';
            // Inside a word no match is kept (`at_word_edges`).
            let inside = prev_word && word;
            prev_word = word;
            if inside || !self.first[bytes[i] as usize] {
                continue;
            }
            self.walk(bytes, i, &mut starts);
        }
        starts
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

/// The anchored start state after the byte `behind`.
fn start_state(dfa: &EmbeddedDfa, behind: Option<u8>) -> StateID {
    let config = start::Config::new()
        .anchored(Anchored::Yes)
        .look_behind(behind);
    dfa.start_state(&config)
        .expect("the DFA has anchored starts and no quit bytes")
}

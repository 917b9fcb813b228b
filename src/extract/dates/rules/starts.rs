//! Where each date rule can start: one anchored multi-pattern lazy DFA over
//! every rule, tried only at the positions where a rule's match could be
//! kept, so that each rule's own regex runs only where it matches instead of
//! scanning the whole text once per rule (some forty passes).
//!
//! It is a pure speed-up: [`super::candidates`] visits the same match
//! starts in the same order as a scan of the whole text would, because a
//! rule matches at a position exactly when the DFA says so (same patterns,
//! same flags), and the positions skipped are those where
//! [`super::at_word_edges`] rejects any match (inside a word) or where no
//! rule's first byte fits. When the DFA gives up (it never should), the
//! caller falls back to whole-text scans.

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::util::start;
use regex_automata::{Anchored, MatchKind};
use std::cell::RefCell;

/// The rule patterns compiled together, and the bytes a match can begin with.
pub(super) struct Starts {
    dfa: DFA,
    first: [bool; 256],
}

thread_local! {
    /// One lazy DFA cache per thread (batch runs extractors on many threads).
    static CACHE: RefCell<Option<Cache>> = const { RefCell::new(None) };
}

impl Starts {
    /// Compiles `patterns` (the rule regexes as given to `Regex::new`).
    ///
    /// # Panics
    ///
    /// When a pattern does not compile: rule patterns are static.
    pub(super) fn new(patterns: &[String]) -> Starts {
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    .match_kind(MatchKind::All)
                    .cache_capacity(8 << 20),
            )
            .build_many(patterns)
            .expect("date rule patterns compile as one DFA");
        let mut cache = dfa.create_cache();
        let mut first = [false; 256];
        // The start state depends on the byte before (word or not, line
        // start): try every kind, and keep a byte when any rule survives it.
        for behind in [None, Some(b' '), Some(b'a'), Some(b'\n'), Some(b'\r')] {
            let config = start::Config::new()
                .anchored(Anchored::Yes)
                .look_behind(behind);
            let Ok(sid) = dfa.start_state(&mut cache, &config) else {
                first = [true; 256];
                break;
            };
            for (b, ok) in first.iter_mut().enumerate() {
                match dfa.next_state(&mut cache, sid, b as u8) {
                    Ok(next) if next.is_dead() => {}
                    _ => *ok = true,
                }
            }
        }
        Starts { dfa, first }
    }

    /// The positions of `text` where each rule may start a kept match, in
    /// order, one list per rule. `None` when the DFA gave up.
    pub(super) fn scan(&self, text: &str) -> Option<Vec<Vec<usize>>> {
        CACHE.with(|cell| {
            let mut slot = cell.borrow_mut();
            let cache = slot.get_or_insert_with(|| self.dfa.create_cache());
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
                self.walk(cache, bytes, i, &mut starts)?;
            }
            Some(starts)
        })
    }

    /// Runs the DFA anchored at `i` until it dies, adding `i` to the list
    /// of every rule with a match starting there (the match states of a
    /// lazy DFA come one byte late, and the end of the text has its own
    /// transition).
    fn walk(
        &self,
        cache: &mut Cache,
        bytes: &[u8],
        i: usize,
        starts: &mut [Vec<usize>],
    ) -> Option<()> {
        let config = start::Config::new()
            .anchored(Anchored::Yes)
            .look_behind(i.checked_sub(1).map(|j| bytes[j]));
        let mut sid = self.dfa.start_state(cache, &config).ok()?;
        let mut record = |cache: &mut Cache, sid| {
            for k in 0..self.dfa.match_len(cache, sid) {
                let list = &mut starts[self.dfa.match_pattern(cache, sid, k).as_usize()];
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        };
        for &b in &bytes[i..] {
            sid = self.dfa.next_state(cache, sid, b).ok()?;
            if sid.is_tagged() {
                if sid.is_match() {
                    record(cache, sid);
                }
                if sid.is_dead() {
                    return Some(());
                }
                if sid.is_quit() {
                    return None;
                }
            }
        }
        sid = self.dfa.next_eoi_state(cache, sid).ok()?;
        if sid.is_match() {
            record(cache, sid);
        }
        Some(())
    }
}

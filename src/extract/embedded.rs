//! The DFAs `build.rs` compiles from patterns, embedded in the binary and
//! read in place: compiling the same patterns at start-up cost more than a
//! short article's whole extraction.
//!
//! Each is a sparse DFA serialized for the target's endianness. They are
//! loaded without checking their transitions (checking them is linear in
//! their size, tens of millions of instructions); the test
//! `every_dfa_is_valid` checks them instead.

use crate::extract::automaton;
use regex_automata::dfa::regex::Regex;
use regex_automata::dfa::sparse::DFA;
use std::ops::Range;
use std::sync::OnceLock;

/// A sparse DFA read in place.
pub(crate) type EmbeddedDfa = DFA<&'static [u8]>;

/// A regex made of a forward and a reverse embedded DFA: it finds the
/// same matches as `regex::Regex` with the same pattern.
pub(crate) type EmbeddedRegex = Regex<EmbeddedDfa>;

macro_rules! embedded {
    ($($name:ident = $file:literal),* $(,)?) => {
        $(
            #[doc = concat!("`", $file, "`, written by `build.rs`.")]
            pub(crate) static $name: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/", $file));
        )*
        /// Every embedded DFA, for the test that checks them.
        #[cfg(test)]
        const ALL: &[&[u8]] = &[$($name),*];
    };
}

embedded! {
    DATE_STARTS = "date_starts.dfa",
    PAST_FWD = "past.fwd.dfa",
    PAST_REV = "past.rev.dfa",
    FUTURE_FWD = "future.fwd.dfa",
    FUTURE_REV = "future.rev.dfa",
    PARTICIPLE_BEFORE_FWD = "participle_before.fwd.dfa",
    PARTICIPLE_BEFORE_REV = "participle_before.rev.dfa",
    NUMBER_FWD = "number.fwd.dfa",
    NUMBER_REV = "number.rev.dfa",
    PHONE_FWD = "phone.fwd.dfa",
    PHONE_REV = "phone.rev.dfa",
    ROMAN_FWD = "roman.fwd.dfa",
    ROMAN_REV = "roman.rev.dfa",
}

/// Reads an embedded DFA in place.
///
/// # Panics
///
/// When the bytes do not start with a DFA header: `build.rs` wrote them.
pub(crate) fn dfa(bytes: &'static [u8]) -> EmbeddedDfa {
    // SAFETY: `build.rs` wrote these bytes with `to_bytes_*` of the same
    // regex-automata (one version in Cargo.lock) for the target's
    // endianness, and `every_dfa_is_valid` checks them with `from_bytes`.
    let (dfa, _) = unsafe { DFA::from_bytes_unchecked(bytes) }.expect("build.rs writes DFAs");
    dfa
}

/// The regex of an embedded forward and reverse DFA pair.
pub(crate) fn regex(forward: &'static [u8], reverse: &'static [u8]) -> EmbeddedRegex {
    Regex::builder().build_from_dfas(dfa(forward), dfa(reverse))
}

/// Text read by the process after which a [`Staged`] regex compiles its
/// pattern. Earlier than [`automaton::WARM_UP`]: searched with the sparse
/// DFAs, these regexes (the tense cues most) cost some 900 instructions
/// per byte of text more than compiled, and compiling one costs about
/// 5 M, so they pay back within
/// a few dozen kilobytes (16 KB gave the fewest instructions on streams of
/// 50 KB to 1 MB); an article of ordinary length stays below.
const COMPILE_AFTER: usize = 16 << 10;

/// A regex of `regex_patterns.rs` searched two ways: with its embedded
/// DFAs, which cost nothing to load but search slower (sparse), then, once
/// the process has read [`COMPILE_AFTER`] bytes, with the regex crate's,
/// fast but 1 to 14 M instructions to compile. Both find the same matches
/// (test `regexes_match_like_the_regex_crate`).
pub(crate) struct Staged {
    pattern: &'static str,
    forward: &'static [u8],
    reverse: &'static [u8],
    embedded: OnceLock<EmbeddedRegex>,
    compiled: OnceLock<regex::Regex>,
}

impl Staged {
    /// The regex of `pattern`, whose DFAs `build.rs` wrote to `forward`
    /// and `reverse`.
    pub(crate) const fn new(
        pattern: &'static str,
        forward: &'static [u8],
        reverse: &'static [u8],
    ) -> Staged {
        Staged {
            pattern,
            forward,
            reverse,
            embedded: OnceLock::new(),
            compiled: OnceLock::new(),
        }
    }

    /// The leftmost-first, non-overlapping matches in `text`.
    ///
    /// # Panics
    ///
    /// When the pattern does not compile: it is static.
    pub(crate) fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        if let Some(re) = self.compiled() {
            return re.find_iter(text).map(|m| m.range()).collect();
        }
        self.embedded().find_iter(text).map(|m| m.range()).collect()
    }

    /// The first match in `text`.
    pub(crate) fn first(&self, text: &str) -> Option<Range<usize>> {
        if let Some(re) = self.compiled() {
            return re.find(text).map(|m| m.range());
        }
        self.embedded().find(text).map(|m| m.range())
    }

    fn compiled(&self) -> Option<&regex::Regex> {
        automaton::built_after(&self.compiled, COMPILE_AFTER, || {
            regex::Regex::new(self.pattern).expect("static patterns compile")
        })
    }

    fn embedded(&self) -> &EmbeddedRegex {
        self.embedded
            .get_or_init(|| regex(self.forward, self.reverse))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::regex_patterns::{FUTURE, NUMBER, PARTICIPLE_BEFORE, PAST, PHONE, ROMAN};

    #[test]
    fn every_dfa_is_valid() {
        for bytes in ALL {
            DFA::from_bytes(bytes).expect("a valid DFA");
        }
    }

    /// The embedded regexes find what the regex crate finds.
    #[test]
    fn regexes_match_like_the_regex_crate() {
        let texts = crate::fixture_texts();
        for (pattern, fwd, rev) in [
            (PAST, PAST_FWD, PAST_REV),
            (FUTURE, FUTURE_FWD, FUTURE_REV),
            (
                PARTICIPLE_BEFORE,
                PARTICIPLE_BEFORE_FWD,
                PARTICIPLE_BEFORE_REV,
            ),
            (NUMBER, NUMBER_FWD, NUMBER_REV),
            (PHONE, PHONE_FWD, PHONE_REV),
            (ROMAN, ROMAN_FWD, ROMAN_REV),
        ] {
            let want = regex::Regex::new(pattern).expect("pattern compiles");
            let got = regex(fwd, rev);
            for t in &texts {
                let w: Vec<_> = want.find_iter(t).map(|m| m.range()).collect();
                let g: Vec<_> = got.find_iter(t.as_str()).map(|m| m.range()).collect();
                assert_eq!(g, w);
            }
        }
    }
}

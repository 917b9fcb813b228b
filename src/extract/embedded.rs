//! The DFAs `build.rs` compiles from patterns, embedded in the binary and
//! read in place: compiling the same patterns at start-up cost more than a
//! short article's whole extraction.
//!
//! Each is a sparse DFA serialized for the target's endianness. They are
//! loaded without checking their transitions (checking them is linear in
//! their size, tens of millions of instructions); the test
//! `every_dfa_is_valid` checks them instead.

use regex_automata::dfa::regex::Regex;
use regex_automata::dfa::sparse::DFA;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::dates::tense_patterns::{FUTURE, PAST};

    #[test]
    fn every_dfa_is_valid() {
        for bytes in ALL {
            DFA::from_bytes(bytes).expect("a valid DFA");
        }
    }

    /// The embedded regexes find what the regex crate finds.
    #[test]
    fn regexes_match_like_the_regex_crate() {
        let texts: Vec<String> =
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures"))
                .expect("fixtures")
                .flatten()
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect();
        assert!(texts.len() > 10);
        for (pattern, fwd, rev) in [(PAST, PAST_FWD, PAST_REV), (FUTURE, FUTURE_FWD, FUTURE_REV)] {
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

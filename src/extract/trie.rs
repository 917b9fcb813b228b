//! Leftmost-longest, non-overlapping matches of a lexicon's forms, as an
//! Aho-Corasick automaton with `MatchKind::LeftmostLongest` finds them.
//!
//! The forms are an `fst` map (form → lowest index in the list), walked
//! from each byte of the text: a few steps a byte in practice, as French
//! words part early. The fst of a big lexicon is compiled by `build.rs`
//! from the lexicon's committed patterns file ([`Trie::embedded`]), so
//! loading it costs nothing, nor does spelling out its forms; building the
//! automaton over the offence lexicon cost 55 M instructions at every
//! start, and a trie built at run time 10 M. But the walk from every byte
//! costs more than the automaton (the offence and trigger walks together
//! some 240 instructions a byte more, against some 64 M to build both
//! automata), so once the process is warmed up ([`automaton::warmed_up`])
//! the automaton is built after all and searches instead; both find the
//! same matches.

use crate::extract::automaton;
use crate::extract::fst_walk::Walker;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use fst::raw::Fst;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The forms, as an fst and as a list for the automaton.
pub(crate) struct Trie {
    walker: Walker<Cow<'static, [u8]>>,
    /// The forms, for the automaton.
    forms: Forms,
    /// The leftmost-longest automaton, built once the process is warmed up.
    automaton: OnceLock<AhoCorasick>,
}

/// A match: a byte range of the text and the index of its form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Match {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// Index of the form in the list given to [`Trie::new`]; the lowest
    /// one when a form is listed twice.
    pub form: usize,
}

/// The forms of a trie: a list, or the lines of a committed patterns file.
enum Forms {
    Owned(Vec<String>),
    File(&'static str),
}

impl Forms {
    fn list(&self) -> Vec<&str> {
        match self {
            Forms::Owned(forms) => forms.iter().map(String::as_str).collect(),
            Forms::File(text) => text.lines().filter(|l| !l.starts_with('#')).collect(),
        }
    }
}

impl Trie {
    /// The trie of `forms`, built now (for short lists).
    ///
    /// # Panics
    ///
    /// On an empty form: forms are static data, never empty.
    pub(crate) fn new(forms: Vec<String>) -> Trie {
        let fst = Fst::from_iter_map(lowest_indexes(&forms)).expect("sorted distinct keys");
        Trie::with_fst(forms, Cow::Owned(fst.into_inner()))
    }

    /// The trie of the forms of a committed patterns file (one a line
    /// after `#` comments), whose fst `build.rs` compiled into `fst`: the
    /// forms themselves are not built at run time. The caller's table of
    /// what each form stands for follows the file's order, which a test of
    /// each lexicon keeps equal to the lexicon's.
    ///
    /// # Panics
    ///
    /// When `fst` is no fst: `build.rs` wrote it.
    pub(crate) fn embedded(file: &'static str, fst: &'static [u8]) -> Trie {
        Trie {
            walker: Walker::new(Fst::new(Cow::Borrowed(fst)).expect("build.rs writes an fst")),
            forms: Forms::File(file),
            automaton: OnceLock::new(),
        }
    }

    fn with_fst(forms: Vec<String>, fst: Cow<'static, [u8]>) -> Trie {
        assert!(forms.iter().all(|f| !f.is_empty()), "empty lexicon form");
        Trie {
            walker: Walker::new(Fst::new(fst).expect("a valid fst")),
            forms: Forms::Owned(forms),
            automaton: OnceLock::new(),
        }
    }

    /// Calls `found(end, index)` for each form that `text[at..]` starts
    /// with, shortest first.
    pub(crate) fn prefixes(&self, text: &str, at: usize, mut found: impl FnMut(usize, usize)) {
        self.walker
            .prefixes(text.as_bytes(), at, |end, form| found(end, form as usize));
    }

    /// The longest form starting at `at`: its end and index.
    fn longest(&self, text: &[u8], at: usize) -> Option<(usize, usize)> {
        let mut best = None;
        self.walker.prefixes(text, at, |end, form| {
            best = Some((end, form as usize));
        });
        best
    }

    /// The leftmost-longest matches in `text`, in order, none overlapping.
    pub(crate) fn find_iter<'t>(&'t self, text: &'t str) -> Box<dyn Iterator<Item = Match> + 't> {
        if automaton::warmed_up() {
            let ac = self.automaton.get_or_init(|| self.build_automaton());
            return Box::new(ac.find_iter(text).map(|m| Match {
                start: m.start(),
                end: m.end(),
                form: m.pattern().as_usize(),
            }));
        }
        let bytes = text.as_bytes();
        let mut at = 0;
        Box::new(std::iter::from_fn(move || {
            while at < bytes.len() {
                if let Some((end, form)) = self.longest(bytes, at) {
                    let m = Match {
                        start: at,
                        end,
                        form,
                    };
                    at = end;
                    return Some(m);
                }
                at += 1;
            }
            None
        }))
    }

    /// The automaton: a DFA for small lexicons, a contiguous NFA for big
    /// ones (a DFA over the offence lexicon takes some 20 MB).
    ///
    /// # Panics
    ///
    /// When it cannot be built: the forms are static data.
    fn build_automaton(&self) -> AhoCorasick {
        let forms = self.forms.list();
        let kind = if forms.len() < 1000 {
            AhoCorasickKind::DFA
        } else {
            AhoCorasickKind::ContiguousNFA
        };
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(kind))
            .build(forms)
            .expect("lexicon forms build an automaton")
    }
}

/// Each distinct form with the lowest index it has in `forms`, sorted (the
/// map an fst is built from; `build.rs` builds the same one).
fn lowest_indexes(forms: &[String]) -> BTreeMap<&str, u64> {
    let mut map = BTreeMap::new();
    for (i, f) in forms.iter().enumerate() {
        map.entry(f.as_str()).or_insert(i as u64);
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};

    fn same_as_aho_corasick(forms: &[&str], text: &str) {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(forms)
            .expect("automaton builds");
        let want: Vec<Match> = ac
            .find_iter(text)
            .map(|m| Match {
                start: m.start(),
                end: m.end(),
                form: m.pattern().as_usize(),
            })
            .collect();
        let owned = forms.iter().map(|f| f.to_string()).collect();
        let got: Vec<Match> = Trie::new(owned).find_iter(text).collect();
        assert_eq!(got, want, "{forms:?} in {text:?}");
    }

    #[test]
    fn matches_like_leftmost_longest_aho_corasick() {
        let forms = [
            "vol",
            "vol à main armée",
            "viol",
            "vols",
            "à main",
            "ol",
            "vol",
            "é",
        ];
        for text in [
            "",
            "vol",
            "un vol à main armée, des vols, le viol",
            "survol à main levée",
            "vol à main arm",
            "éé vvol",
        ] {
            same_as_aho_corasick(&forms, text);
        }
    }
}

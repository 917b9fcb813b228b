//! A byte trie over a lexicon's forms that finds their leftmost-longest,
//! non-overlapping matches, as an Aho-Corasick automaton with
//! `MatchKind::LeftmostLongest` does.
//!
//! It is built from the sorted forms in one pass, with no failure links,
//! so building it costs a few million instructions where the automaton over
//! the offence lexicon cost 55 million at every start; the search pays a
//! little instead, walking the trie from each byte (a few steps in
//! practice, as French words part early), some 90 instructions a byte more
//! than the automaton. So once the process has read [`AUTOMATON_AFTER`]
//! bytes of text, the automaton is built after all and searches instead;
//! both find the same matches.

use crate::extract::automaton;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::sync::OnceLock;

/// Text read by the process after which the automaton takes over.
const AUTOMATON_AFTER: usize = 1 << 20;

/// No node, no form.
const NONE: u32 = u32::MAX;

/// The trie, its nodes numbered breadth first so that the children of a
/// node are a run of consecutive nodes.
pub(crate) struct Trie {
    /// The child of the root for each byte.
    root: [u32; 256],
    /// The byte on the edge into each node.
    label: Vec<u8>,
    /// The first child of each node.
    first: Vec<u32>,
    /// How many children each node has.
    count: Vec<u32>,
    /// The lowest index of a form ending at each node, or [`NONE`].
    form: Vec<u32>,
    /// The forms, for the automaton.
    forms: Vec<Vec<u8>>,
    /// The leftmost-longest automaton, built past [`AUTOMATON_AFTER`].
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

impl Trie {
    /// The trie of `forms`.
    ///
    /// # Panics
    ///
    /// On an empty form: forms are static data, never empty.
    pub(crate) fn new<F: AsRef<[u8]>>(forms: &[F]) -> Trie {
        assert!(
            forms.iter().all(|f| !f.as_ref().is_empty()),
            "empty lexicon form"
        );
        let mut sorted: Vec<(&[u8], usize)> = forms
            .iter()
            .enumerate()
            .map(|(i, f)| (f.as_ref(), i))
            .collect();
        sorted.sort_unstable();
        let bytes = |i: usize| sorted[i].0;
        let mut t = Trie {
            root: [NONE; 256],
            label: vec![0],
            first: vec![NONE],
            count: vec![0],
            form: vec![NONE],
            forms: forms.iter().map(|f| f.as_ref().to_vec()).collect(),
            automaton: OnceLock::new(),
        };
        // Each queued node stands for the run of sorted forms (`lo..hi`)
        // that go through it; its children split the run on the byte at
        // `depth`, the forms that end there come first.
        let mut queue = std::collections::VecDeque::from([(0usize, 0..sorted.len(), 0usize)]);
        while let Some((node, mut run, depth)) = queue.pop_front() {
            while run.start < run.end && bytes(run.start).len() == depth {
                if t.form[node] == NONE {
                    t.form[node] = sorted[run.start].1 as u32;
                }
                run.start += 1;
            }
            t.first[node] = t.label.len() as u32;
            while run.start < run.end {
                let b = bytes(run.start)[depth];
                let end = run.start
                    + (run.start..run.end)
                        .take_while(|&i| bytes(i)[depth] == b)
                        .count();
                let child = t.label.len();
                t.label.push(b);
                t.first.push(NONE);
                t.count.push(0);
                t.form.push(NONE);
                t.count[node] += 1;
                if node == 0 {
                    t.root[b as usize] = child as u32;
                }
                queue.push_back((child, run.start..end, depth + 1));
                run.start = end;
            }
        }
        t
    }

    /// The longest form starting at `at`: its end and index.
    fn longest(&self, text: &[u8], at: usize) -> Option<(usize, u32)> {
        let mut node = self.root[text[at] as usize];
        let mut best = None;
        let mut end = at + 1;
        while node != NONE {
            let n = node as usize;
            if self.form[n] != NONE {
                best = Some((end, self.form[n]));
            }
            let Some(&b) = text.get(end) else { break };
            let first = self.first[n] as usize;
            let children = &self.label[first..first + self.count[n] as usize];
            node = children
                .iter()
                .position(|&l| l == b)
                .map_or(NONE, |i| (first + i) as u32);
            end += 1;
        }
        best
    }

    /// The leftmost-longest matches in `text`, in order, none overlapping.
    pub(crate) fn find_iter<'t>(&'t self, text: &'t str) -> Box<dyn Iterator<Item = Match> + 't> {
        if automaton::seen() > AUTOMATON_AFTER {
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
                        form: form as usize,
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
        let kind = if self.forms.len() < 1000 {
            AhoCorasickKind::DFA
        } else {
            AhoCorasickKind::ContiguousNFA
        };
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(kind))
            .build(&self.forms)
            .expect("lexicon forms build an automaton")
    }

    /// How many nodes the trie has, root included.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.label.len()
    }
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
        let got: Vec<Match> = Trie::new(forms).find_iter(text).collect();
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

    #[test]
    fn shares_prefixes() {
        let t = Trie::new(&["ab", "abc", "ad"]);
        assert_eq!(t.len(), 5); // root, a, ab, ad, abc
    }
}

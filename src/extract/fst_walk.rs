//! Walking an `fst` map of phrases over a text: from a position, every
//! phrase that starts there, read byte by byte.
//!
//! The phrase lexicons (roles, organizations, offences, action triggers)
//! are compiled into such maps by `build.rs`, so that loading them costs
//! nothing; see [`super::automaton`] and [`super::trie`], which search
//! with them.

use fst::raw::{Fst, Output};

/// Where a phrase can go after the root on a given first byte.
#[derive(Clone, Copy)]
struct Step {
    addr: usize,
    out: Output,
}

/// An fst of phrases with its root's transitions at hand (the walk starts
/// at every byte of the text).
pub(crate) struct Walker<D> {
    fst: Fst<D>,
    root: [Option<Step>; 256],
}

impl<D: AsRef<[u8]>> Walker<D> {
    /// A walker over `fst`.
    pub(crate) fn new(fst: Fst<D>) -> Self {
        let mut root = [None; 256];
        for t in fst.root().transitions() {
            root[usize::from(t.inp)] = Some(Step {
                addr: t.addr,
                out: t.out,
            });
        }
        Walker { fst, root }
    }

    /// Calls `found(end, value)` for each phrase that `bytes[at..]` starts
    /// with, shortest first.
    pub(crate) fn prefixes(&self, bytes: &[u8], at: usize, mut found: impl FnMut(usize, u64)) {
        let Some(step) = bytes.get(at).and_then(|&b| self.root[usize::from(b)]) else {
            return;
        };
        let mut node = self.fst.node(step.addr);
        let mut out = step.out;
        let mut end = at + 1;
        loop {
            if node.is_final() {
                found(end, out.cat(node.final_output()).value());
            }
            let Some(&b) = bytes.get(end) else { return };
            let Some(i) = node.find_input(b) else { return };
            let t = node.transition(i);
            out = out.cat(t.out);
            node = self.fst.node(t.addr);
            end += 1;
        }
    }
}

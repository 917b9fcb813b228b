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
    /// The output of the one-byte phrase, when there is one.
    done: Option<Output>,
    /// The bytes that can come second, one bit each.
    second: [u64; 4],
}

impl Step {
    fn allows(&self, b: u8) -> bool {
        self.second[usize::from(b >> 6)] >> (b & 63) & 1 == 1
    }
}

/// An fst of phrases with its first two levels at hand: the walk starts at
/// every byte of the text, and most starts fail on the first or second
/// byte, which these tables answer without decoding a node.
pub(crate) struct Walker<D> {
    fst: Fst<D>,
    root: Box<[Option<Step>; 256]>,
}

impl<D: AsRef<[u8]>> Walker<D> {
    /// A walker over `fst`.
    pub(crate) fn new(fst: Fst<D>) -> Self {
        let mut root = Box::new([None; 256]);
        for t in fst.root().transitions() {
            let node = fst.node(t.addr);
            let mut second = [0u64; 4];
            for u in node.transitions() {
                second[usize::from(u.inp >> 6)] |= 1 << (u.inp & 63);
            }
            root[usize::from(t.inp)] = Some(Step {
                addr: t.addr,
                out: t.out,
                done: node.is_final().then(|| t.out.cat(node.final_output())),
                second,
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
        if let Some(done) = step.done {
            found(at + 1, done.value());
        }
        if !bytes.get(at + 1).is_some_and(|&b| step.allows(b)) {
            return;
        }
        let mut node = self.fst.node(step.addr);
        let mut out = step.out;
        let mut end = at + 1;
        loop {
            let Some(&b) = bytes.get(end) else { return };
            let Some(i) = node.find_input(b) else { return };
            let t = node.transition(i);
            out = out.cat(t.out);
            node = self.fst.node(t.addr);
            end += 1;
            if node.is_final() {
                found(end, out.cat(node.final_output()).value());
            }
        }
    }
}

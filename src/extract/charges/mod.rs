//! Offences named in the text (SPEC `charges`).
//!
//! One pass of the lexicon trie over the lowered text finds every
//! offence form and qualifier form of the lexicon (see [`rules`]), longest
//! match first, whole words only. A mention is an offence form with the
//! prefix qualifier right before it (« tentative d’ », « complicité de ») and
//! the chain of qualifiers right after it, joined by spaces, commas, « et » or
//! « ou » (« actes de violence physique et sexuelle », « proxénétisme
//! aggravé »). Lists of offences (« pour meurtre et vol avec arme ») give one
//! mention each.
//!
//! A one-word form of an ambiguous row (« violence », « vol », « menaces »)
//! counts only with a qualifier, another offence in its sentence or a legal
//! cue word there, so « la violence des images » is not a charge. A bare
//! generic mention (« fraude », « harcèlement ») takes the more specific
//! offence the article names elsewhere (« fraude aux examens »), when there
//! is exactly one.
//!
//! It does not read offences written as verbs (« ont volé »), which
//! GUIDELINES make optional, nor person nouns (« assassin »).

pub(crate) mod rules;

use crate::text::lower::{word_after, word_before};

use super::Context;
use crate::record::{Charge, Span};
use crate::text::Document;
use foldhash::{HashMap, HashMapExt};
use rules::{Entry, LEXICON};
use std::ops::Range;

/// One offence mention before grouping.
#[derive(Debug, Clone)]
struct Mention {
    range: Range<usize>,
    row: usize,
    qualifiers: Vec<usize>,
    single: bool,
}

/// Finds the charges of `doc`.
pub fn extract(doc: &Document, _ctx: &Context) -> Vec<Charge> {
    let mentions = find_mentions(doc, doc.lower());
    group(doc, mentions)
}

/// A matched pattern at a byte range of the lowered text.
#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    entry: Entry,
}

/// Every whole-word match of the lexicon trie.
fn hits(lower: &str) -> Vec<Hit> {
    let lx = &*LEXICON;
    lx.forms
        .find_iter(lower)
        .filter(|m| {
            !word_before(lower, m.start)
                && (lower[..m.end].ends_with('\'') || !word_after(lower, m.end))
        })
        .map(|m| Hit {
            start: m.start,
            end: m.end,
            entry: lx.entries[m.form],
        })
        .collect()
}

/// Whether the text between two matches lets them chain: spaces only, or
/// spaces with one comma, « et » or « ou ».
fn joins(gap: &str, allow_words: bool) -> bool {
    let g = gap.trim();
    g.is_empty() || (allow_words && matches!(g, "," | "et" | "ou" | ", et" | ", ou"))
}

fn find_mentions(doc: &Document, lower: &str) -> Vec<Mention> {
    let hits = hits(lower);
    let mut out: Vec<Mention> = Vec::new();
    for (i, h) in hits.iter().enumerate() {
        let Entry::Offence { row, single } = h.entry else {
            continue;
        };
        let mut range = h.start..h.end;
        let mut qualifiers = Vec::new();
        // Prefix qualifiers, nearest first (« complicité de tentative de »).
        let mut j = i;
        while j > 0 {
            let p = hits[j - 1];
            match p.entry {
                Entry::Qualifier { qual, prefix: true }
                    if joins(&lower[p.end..range.start], false) =>
                {
                    qualifiers.insert(0, qual);
                    range.start = p.start;
                    j -= 1;
                }
                _ => break,
            }
        }
        // Suffix qualifiers, chained.
        for n in &hits[i + 1..] {
            match n.entry {
                Entry::Qualifier {
                    qual,
                    prefix: false,
                } if joins(&lower[range.end..n.start], true) => {
                    if !qualifiers.contains(&qual) {
                        qualifiers.push(qual);
                    }
                    range.end = n.end;
                }
                _ => break,
            }
        }
        out.push(Mention {
            range,
            row,
            qualifiers,
            single,
        });
    }
    // A chain « et » + qualifier must not swallow the next offence; the
    // trie never overlaps matches, so the ranges stay disjoint.
    let mut legal = Legal::new(doc, lower, &out);
    let keep: Vec<bool> = out.iter().map(|m| legal.keep(m)).collect();
    out.into_iter()
        .zip(keep)
        .filter_map(|(m, k)| k.then_some(m))
        .collect()
}

/// What decides whether an ambiguous mention stands, gathered once for all
/// mentions: looking through every mention, or reading the whole sentence,
/// for each one made a long text (or a long sentence) quadratic.
struct Legal<'a> {
    doc: &'a Document,
    lower: &'a str,
    /// Starts of the mentions that are offences on their own (an
    /// unambiguous row, or a qualified or multi-word form), sorted.
    firm: Vec<usize>,
    /// The last sentence read for legal cues, and whether it holds one.
    cued: Option<(usize, bool)>,
    specific: Specific<'a>,
}

impl<'a> Legal<'a> {
    fn new(doc: &'a Document, lower: &'a str, all: &'a [Mention]) -> Self {
        let lx = &*LEXICON;
        let mut firm: Vec<usize> = all
            .iter()
            .filter(|o| !lx.offences[o.row].ambiguous || !o.single)
            .map(|o| o.range.start)
            .collect();
        firm.sort_unstable();
        Legal {
            doc,
            lower,
            firm,
            cued: None,
            specific: Specific::new(all),
        }
    }

    /// Whether a mention stands: unambiguous rows always; a one-word form
    /// of an ambiguous row only in a legal context (another offence in its
    /// sentence, a cue word there, or a more specific offence elsewhere).
    fn keep(&mut self, m: &Mention) -> bool {
        let lx = &*LEXICON;
        let row = &lx.offences[m.row];
        if !row.ambiguous || !m.single || !m.qualifiers.is_empty() {
            return true;
        }
        let Some(si) = self.doc.sentence_at(m.range.start) else {
            return false;
        };
        let s = self.doc.sentences()[si].range();
        // `m` itself is not firm, and no other mention has its range.
        let k = self.firm.partition_point(|&a| a < s.start);
        let other_offence = self.firm.get(k).is_some_and(|&a| a < s.end);
        other_offence || self.cue_in(si, s) || self.specific.of(m).is_some()
    }

    /// Whether sentence `si` (at `s`) holds a legal cue word, read once
    /// per sentence (mentions come in text order).
    fn cue_in(&mut self, si: usize, s: Range<usize>) -> bool {
        if let Some((last, found)) = self.cued {
            if last == si {
                return found;
            }
        }
        let lower = self.lower;
        let found = LEXICON
            .cues
            .find_iter(&lower[s.clone()])
            .any(|c| !word_before(lower, s.start + c.start));
        self.cued = Some((si, found));
        found
    }
}

/// [`specific_elsewhere`] over one list of mentions, computed once per
/// offence row: it only depends on the row, and calling it for every
/// mention made long texts quadratic.
struct Specific<'a> {
    all: &'a [Mention],
    by_row: HashMap<usize, Option<usize>>,
}

impl<'a> Specific<'a> {
    fn new(all: &'a [Mention]) -> Self {
        Specific {
            all,
            by_row: HashMap::new(),
        }
    }

    fn of(&mut self, m: &Mention) -> Option<usize> {
        if !m.qualifiers.is_empty() {
            return None;
        }
        let all = self.all;
        *self
            .by_row
            .entry(m.row)
            .or_insert_with(|| specific_elsewhere(m, all))
    }
}

/// The one more specific offence row the article names elsewhere for a bare
/// generic mention (« fraude » → « fraude aux examens »), if exactly one.
fn specific_elsewhere(m: &Mention, all: &[Mention]) -> Option<usize> {
    if !m.qualifiers.is_empty() {
        return None;
    }
    let lx = &*LEXICON;
    let base = &lx.offences[m.row].offence;
    let mut found: Option<usize> = None;
    for o in all {
        let off = &lx.offences[o.row].offence;
        let specific = off.len() > base.len()
            && off.starts_with(base.as_str())
            && off[base.len()..].starts_with(' ');
        if specific {
            match found {
                Some(r) if lx.offences[r].offence != *off => return None,
                _ => found = Some(o.row),
            }
        }
    }
    found
}

/// The output label: the row's label with the qualifiers (« tentative
/// d’assassinat », « proxénétisme aggravé »).
fn label(row: usize, qualifiers: &[usize]) -> String {
    let lx = &*LEXICON;
    let base = &lx.offences[row].label;
    let mut pre = String::new();
    let mut post = String::new();
    for &q in qualifiers {
        let name = &lx.qualifiers[q];
        if matches!(name.as_str(), "tentative" | "complicité") {
            pre.push_str(name);
            pre.push(' ');
        } else {
            post.push(' ');
            post.push_str(name);
        }
    }
    if pre.is_empty() {
        return format!("{base}{post}");
    }
    // « tentative de meurtre », « complicité d’escroquerie ».
    let pre = pre.trim_end().replace(' ', " de ");
    let vowel = base
        .chars()
        .next()
        .is_some_and(|c| "aeéèêiîoôuhAEÉIOUH".contains(c));
    let de = if vowel { " d’" } else { " de " };
    format!("{pre}{de}{base}{post}")
}

/// Groups mentions into one charge per label, in text order.
fn group(doc: &Document, mentions: Vec<Mention>) -> Vec<Charge> {
    let lx = &*LEXICON;
    let mut out: Vec<Charge> = Vec::new();
    let mut by_label: HashMap<String, usize> = HashMap::new();
    let mut specific = Specific::new(&mentions);
    for m in &mentions {
        let row = specific.of(m).unwrap_or(m.row);
        let lab = label(row, &m.qualifiers);
        let span: Span = doc.span(m.range.clone());
        if let Some(&i) = by_label.get(&lab) {
            out[i].mentions.push(span);
            continue;
        }
        let r = &lx.offences[row];
        by_label.insert(lab.clone(), out.len());
        out.push(Charge {
            label: lab,
            offence: r.offence.clone(),
            qualifiers: m
                .qualifiers
                .iter()
                .map(|&q| lx.qualifiers[q].clone())
                .collect(),
            law: r.law.clone(),
            mentions: vec![span],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Record, RecordId};

    fn charges(text: &str) -> Vec<Charge> {
        let doc = Document::new(text);
        let record = Record::new(RecordId::Text("t".into()));
        let ctx = Context {
            published: None,
            record: &record,
        };
        extract(&doc, &ctx)
    }

    #[test]
    fn qualifiers_chain() {
        let c = charges(
            "Ils sont poursuivis pour proxénétisme aggravé et blanchiment en bande organisée.",
        );
        let labels: Vec<&str> = c.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(
            labels,
            ["proxénétisme aggravé", "blanchiment en bande organisée"]
        );
        assert_eq!(c[0].offence, "proxénétisme");
        assert!(!c[0].law.is_empty());
    }

    #[test]
    fn prefix_qualifier() {
        let c = charges("Il est mis en examen pour tentative d'assassinat.");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].offence, "assassinat");
        assert_eq!(c[0].label, "tentative d’assassinat");
        assert_eq!(c[0].mentions[0].text, "tentative d'assassinat");
    }

    #[test]
    fn ambiguous_words_need_context() {
        assert!(charges("La violence des images a choqué les spectateurs.").is_empty());
        assert_eq!(charges("Il a été condamné pour violences.").len(), 1);
    }

    #[test]
    fn generic_takes_the_specific_offence() {
        let c =
            charges("Une fraude a été découverte. Ils sont mis en examen pour fraude aux examens.");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].mentions.len(), 2);
    }
}

//! Quoted speech and its speaker (SPEC `quotes`).
//!
//! Every top-level stretch in « », “ ” or straight quotes ([`marks`]) is
//! speech unless it is one of: a one- or two-word fragment (optional in the
//! guidelines, and mostly labels such as « mules »); a formal charge (after
//! « chefs de », or starting with an offence of the lexicon and short, or
//! covered by a charge the record found); a title, nickname or name of an
//! operation (after « intitulé », « surnommé », « film »…); or a stretch
//! listed right after one of those (« "fraude", "recel" »). The speaker is
//! resolved by [`speaker`] against the people and organizations of the
//! record. It does not look for unquoted reported speech.

mod marks;
mod speaker;
mod words;

use super::charges::{self, rules::Entry};
use super::Context;
use crate::record::Quote;
use crate::text::lower::{lowered, word_after};
use crate::text::token::TokenKind;
use crate::text::Document;
use marks::Stretch;
use speaker::Speakers;

/// Longest charge-like quote, in words, taken as a charge without a cue.
const CHARGE_MAX_WORDS: usize = 8;

/// Finds the quotes of `doc` and their speakers.
pub fn extract(doc: &Document, ctx: &Context) -> Vec<Quote> {
    let norm = doc.norm();
    let stretches = marks::stretches(norm);
    if stretches.is_empty() {
        return Vec::new();
    }
    let mut speakers = Speakers::new(doc, ctx.record, &stretches);
    let mut charges: Vec<(usize, usize)> = ctx
        .record
        .charges
        .iter()
        .flat_map(|c| &c.mentions)
        .map(|m| (doc.norm_byte(m.start), doc.norm_byte(m.end)))
        .collect();
    charges.sort_unstable();
    let charges = Spans::new(charges);
    let mut out: Vec<Quote> = Vec::new();
    // The previous stretch: where it ended, whether it was speech, its speaker.
    let mut prev: Option<(usize, bool, Option<String>)> = None;
    for s in &stretches {
        let listed_after_label = prev.as_ref().is_some_and(|(end, speech, _)| {
            !speech && is_list_gap(&norm[*end..s.outer.start.max(*end)])
        });
        if listed_after_label || !is_speech(doc, s, &charges) {
            prev = Some((s.outer.end, false, None));
            continue;
        }
        let cued = speakers.cued(s);
        let speaker = match cued {
            Some(found) => found,
            None => match &prev {
                Some((end, true, who)) if follows(doc, *end, s.outer.start) => who.clone(),
                _ => speakers.fallback(s),
            },
        };
        if let Some(name) = &speaker {
            speakers.remember(s.outer.start, name);
        }
        let span = doc.span(s.inner.clone());
        out.push(Quote {
            text: span.text,
            start: span.start,
            end: span.end,
            speaker: speaker.clone(),
        });
        prev = Some((s.outer.end, true, speaker));
    }
    out
}

/// Whether the text between two quotes only lists them (« », « » / « » et « »).
fn is_list_gap(gap: &str) -> bool {
    matches!(gap.trim(), "," | "et" | "ou" | ", et" | ", ou" | "")
}

/// Whether a quote starting at `start` directly follows one ending at `end`:
/// nothing but punctuation and spaces, or the same sentence.
fn follows(doc: &Document, end: usize, start: usize) -> bool {
    if start < end {
        return false;
    }
    let gap = &doc.norm()[end..start];
    gap.chars()
        .all(|c| c.is_whitespace() || c.is_ascii_punctuation())
        || doc.sentence_at(end.saturating_sub(1)) == doc.sentence_at(start)
}

/// Whether a quoted stretch is speech rather than a label, title or charge.
/// Byte spans sorted by start, with the furthest end so far, to visit only
/// the spans that overlap a range instead of all of them.
struct Spans {
    spans: Vec<(usize, usize)>,
    reach: Vec<usize>,
}

impl Spans {
    fn new(spans: Vec<(usize, usize)>) -> Self {
        let mut far = 0;
        let reach = spans
            .iter()
            .map(|&(_, b)| {
                far = far.max(b);
                far
            })
            .collect();
        Spans { spans, reach }
    }

    /// The spans that may overlap `r` (those before reach no further than
    /// its start, those after start at or past its end).
    fn near(&self, r: &std::ops::Range<usize>) -> &[(usize, usize)] {
        let lo = self.reach.partition_point(|&e| e <= r.start);
        let hi = self.spans.partition_point(|&(a, _)| a < r.end).max(lo);
        &self.spans[lo..hi]
    }
}

fn is_speech(doc: &Document, s: &Stretch, charges: &Spans) -> bool {
    let toks = doc.tokens();
    let first = toks.partition_point(|t| (t.start as usize) < s.inner.start);
    let last = toks.partition_point(|t| (t.start as usize) < s.inner.end);
    let words = toks[first..last]
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .count();
    if words <= 2 {
        return false;
    }
    let len = s.inner.len();
    // A charge outside the stretch overlaps it by nothing, which is never
    // four fifths of a non-empty stretch.
    if charges.near(&s.inner).iter().any(|&(a, b)| {
        let ov = b.min(s.inner.end).saturating_sub(a.max(s.inner.start));
        ov * 5 >= len * 4
    }) {
        return false;
    }
    // Cues shortly before the opening mark, in the same sentence.
    let open = toks.partition_point(|t| (t.start as usize) < s.outer.start);
    let mut prev_words: Vec<&str> = Vec::new();
    for k in (open.saturating_sub(6)..open).rev() {
        let t = &toks[k];
        if t.kind == TokenKind::Newline
            || (t.kind == TokenKind::Punct && matches!(doc.token_text(t), "." | ":" | "!" | "?"))
        {
            break;
        }
        let w = doc.token_lower(t);
        if t.kind != TokenKind::Punct {
            prev_words.push(w);
        }
        if words::is_speech_verb(w) {
            break;
        }
        if words::NOT_SPEECH_CUES.contains(&w) {
            return false;
        }
    }
    let charge_cue = prev_words.iter().take(3).any(|w| {
        matches!(
            *w,
            "pour" | "de" | "d'" | "chef" | "chefs" | "notamment" | "concerne"
        )
    });
    !(starts_with_offence(&doc.norm()[s.inner.clone()])
        && (charge_cue || words <= CHARGE_MAX_WORDS))
}

/// Whether a quoted text opens with an offence of the lexicon (a whole
/// form, not the start of a longer word).
fn starts_with_offence(text: &str) -> bool {
    let t = lowered(text);
    let t = ["la ", "le ", "l'", "les ", "des ", "de ", "d'", "du "]
        .iter()
        .find_map(|a| t.strip_prefix(a))
        .unwrap_or(t.as_str());
    let lexicon = &*charges::rules::LEXICON;
    let mut found = false;
    lexicon.forms.prefixes(t, 0, |end, form| {
        found |= matches!(lexicon.entries[form], Entry::Offence { .. }) && !word_after(t, end);
    });
    found
}

#[cfg(test)]
mod tests;

//! Legal and police steps (SPEC `actions`).
//!
//! One pass of the trigger trie (see [`rules`] and `triggers.tsv`) over
//! the lowered text finds verb and noun forms (« ont été interpellés »,
//! « l’interpellation », « placée en garde à vue », « mis en examen »,
//! « condamné à… »), whole words, longest first; each guard then checks the
//! words around it. Every action takes from its sentence the date fact and
//! the place nearest to its trigger (from `ctx.record`, filled by the
//! extractors that ran before) and its subject as written: the noun phrase
//! before a passive or participle (« sa femme est en garde à vue »), the
//! object of an active verb, or the « de » complement of a noun
//! (« la fermeture du site »). A conviction or sentence also gets its
//! [`Penalty`](crate::record::Penalty) (see [`penalty`]).
//!
//! It skips headings (short lines without final punctuation, other than the
//! headline) and negated steps. It does not resolve pronouns, nor decide
//! whether a step was requested, hypothetical or quoted (all optional in
//! GUIDELINES).

mod penalty;
pub(crate) mod rules;

use super::Context;
use crate::record::{Action, ActionType, Span};
use crate::text::lower::{word_after, word_before};
use crate::text::token::TokenKind;
use crate::text::Document;
use rules::{passes, DETERMINERS, TABLE};

/// Auxiliaries and adverbs a trigger span extends back over
/// (« ont finalement été mis en examen »).
const AUX: &[&str] = &[
    "a",
    "ont",
    "avait",
    "avaient",
    "aurait",
    "auraient",
    "est",
    "sont",
    "était",
    "étaient",
    "été",
    "sera",
    "seront",
    "être",
    "va",
    "vont",
    "finalement",
    "ensuite",
    "récemment",
    "déjà",
    "également",
    "aussi",
    "actuellement",
    "toujours",
];

/// Words that end the subject noun phrase on its left.
const CLAUSE_WORDS: &[&str] = &[
    "que", "qu'", "qui", "et", "mais", "tandis", "dont", "où", "puis", "alors", "lorsque", "quand",
    "car", "selon", "après", "avant", "si",
];

/// Prepositions that end a noun phrase on its right.
const STOP_RIGHT: &[&str] = &[
    "à", "au", "aux", "en", "par", "pour", "dans", "sur", "après", "avant", "depuis", "lors", "le",
    "ce", "cette", "qui", "que", "a", "ont", "est", "sont", "était", "avait", "et",
];

/// Finds the actions of `doc`.
pub fn extract(doc: &Document, ctx: &Context) -> Vec<Action> {
    let lower = doc.lower();
    let tokens = doc.tokens();
    let table = &*TABLE;
    let facts = Facts::new(ctx);
    let mut out: Vec<Action> = Vec::new();
    let mut penalty_end = 0usize;
    let word = |t: &crate::text::token::Token| &lower[t.range()];
    // The lowered words of the sentence of the last match: triggers come in
    // text order, so each sentence is read once however many it holds.
    let mut sentence_words: Option<(usize, Vec<&str>)> = None;
    for m in table.forms.find_iter(lower) {
        if word_before(lower, m.start) || word_after(lower, m.end) {
            continue;
        }
        let trig = table.triggers[m.form];
        let Some(si) = doc.sentence_at(m.start) else {
            continue;
        };
        let sent = doc.sentences()[si];
        if is_heading(doc, lower, si) {
            continue;
        }
        let toks = &tokens[sent.token_range()];
        let first = toks.partition_point(|t| (t.end as usize) <= m.start);
        let last = toks.partition_point(|t| (t.start as usize) < m.end);
        if sentence_words.as_ref().map(|w| w.0) != Some(si) {
            sentence_words = Some((si, toks.iter().map(word).collect()));
        }
        let words: &[&str] = sentence_words.as_ref().map_or(&[], |w| &w.1);
        let prev = &words[..first];
        let next = &words[last.min(toks.len())..];
        let form = &lower[m.start..m.end];
        if m.start < penalty_end && trig.kind == ActionType::Sentence {
            continue;
        }
        if !passes(trig.guard, form, prev, next) {
            continue;
        }
        // Extend the trigger back over auxiliaries and the adverbs among them.
        let mut begin = first;
        while begin > 0 && (AUX.contains(&prev[begin - 1]) || rules::is_adverb(prev[begin - 1])) {
            begin -= 1;
        }
        while begin < first
            && !matches!(
                prev[begin],
                "a" | "ont"
                    | "avait"
                    | "avaient"
                    | "est"
                    | "sont"
                    | "était"
                    | "étaient"
                    | "été"
                    | "sera"
                    | "seront"
                    | "être"
                    | "va"
                    | "vont"
                    | "aurait"
                    | "auraient"
            )
        {
            begin += 1;
        }
        let start = toks
            .get(begin)
            .map_or(m.start, |t| (t.start as usize).min(m.start));
        let trigger = doc.span(start..m.end);
        let noun_use = first > 0 && DETERMINERS.contains(&prev[first - 1]);
        let active = begin < first
            && matches!(prev[first - 1], "a" | "ont" | "avait" | "avaient")
            && !form.contains(' ');
        let subject = if noun_use || active {
            np_after(doc, lower, &toks[last.min(toks.len())..], noun_use)
        } else {
            np_before(doc, lower, &toks[..begin])
        };
        // « a été placé », « ont interpellé »: a compound past happened on
        // or before publication, so it cannot take a later date of its sentence.
        let past = begin < first && matches!(prev[begin], "a" | "ont" | "avait" | "avaient");
        let mut action = Action {
            kind: trig.kind,
            trigger,
            date: facts.date_in(ctx, doc, sent.range(), m.start, past),
            place: facts.place_in(ctx, doc, sent.range(), m.start),
            subject,
            penalty: None,
            links: Default::default(),
        };
        if matches!(trig.kind, ActionType::Conviction | ActionType::Sentence) {
            let rest = &toks[last.min(toks.len())..];
            let words = penalty::words(lower, rest);
            if let Some((p, n)) = penalty::parse(&words) {
                action.penalty = Some(p.clone());
                let kept: Vec<_> = rest
                    .iter()
                    .filter(|t| t.kind != TokenKind::Newline)
                    .collect();
                if n > 0 && trig.kind == ActionType::Conviction {
                    if let (Some(a), Some(b)) = (kept.first(), kept.get(n - 1)) {
                        penalty_end = b.end as usize;
                        out.push(Action {
                            kind: ActionType::Sentence,
                            trigger: doc.span(a.start as usize..b.end as usize),
                            penalty: Some(p),
                            ..action.clone()
                        });
                    }
                }
            }
        }
        out.push(action);
    }
    out.sort_by_key(|a| (a.trigger.start, a.trigger.end));
    out
}

/// Whether sentence `si` is a heading or caption: a whole line without
/// final punctuation that is not the headline.
fn is_heading(doc: &Document, lower: &str, si: usize) -> bool {
    let s = doc.sentences()[si].range();
    if doc.title().is_some_and(|t| t.contains(&s.start)) {
        return false;
    }
    let text = lower[s.clone()].trim_end();
    let line_start = s.start == 0
        || lower[..s.start]
            .trim_end_matches([' ', '\t'])
            .ends_with('\n');
    let line_end = lower[s.end..].trim_start_matches([' ', '\t']).is_empty()
        || lower[s.end..]
            .trim_start_matches([' ', '\t'])
            .starts_with(['\n', '\r']);
    line_start
        && line_end
        && text.chars().count() < 100
        && !text.ends_with(['.', '!', '?', ':', '»', '"', '…', ')', ';'])
}

/// The noun phrase right before a trigger, back to a clause boundary.
fn np_before(doc: &Document, lower: &str, toks: &[crate::text::token::Token]) -> Option<String> {
    let mut i = toks.len();
    while i > 0 {
        let t = &toks[i - 1];
        let w = &lower[t.range()];
        if t.kind == TokenKind::Punct || CLAUSE_WORDS.contains(&w) {
            break;
        }
        i -= 1;
    }
    let np = &toks[i..];
    if np.is_empty() || np.len() > 8 {
        return None;
    }
    let last = &lower[np[np.len() - 1].range()];
    if np[np.len() - 1].kind == TokenKind::Elision || DETERMINERS.contains(&last) {
        return None;
    }
    let w0 = &lower[np[0].range()];
    let first_char = doc.norm()[np[0].range()].chars().next()?;
    if !(DETERMINERS.contains(&w0) || first_char.is_uppercase() || np[0].kind == TokenKind::Number)
    {
        return None;
    }
    let span: Span = doc.span(np[0].start as usize..np[np.len() - 1].end as usize);
    Some(span.text)
}

/// The noun phrase after a trigger: the « de » complement of a noun, or the
/// object of an active verb.
fn np_after(
    doc: &Document,
    lower: &str,
    toks: &[crate::text::token::Token],
    noun: bool,
) -> Option<String> {
    let mut it = 0;
    if noun {
        let w = lower.get(toks.first()?.range())?;
        if !matches!(w, "de" | "du" | "des" | "d'") {
            return None;
        }
        if w == "de" || w == "d'" {
            it = 1;
        }
    }
    let start = it;
    let mut end = start;
    while end < toks.len() && end - start < 6 {
        let t = &toks[end];
        let w = &lower[t.range()];
        if t.kind == TokenKind::Punct || (end > start && STOP_RIGHT.contains(&w)) {
            break;
        }
        end += 1;
    }
    if end == start {
        return None;
    }
    Some(
        doc.span(toks[start].start as usize..toks[end - 1].end as usize)
            .text,
    )
}

/// Char offset helpers: the record's facts count chars.
fn char_range(doc: &Document, r: std::ops::Range<usize>) -> (usize, usize) {
    (doc.char_offset(r.start), doc.char_offset(r.end))
}

/// The date and place mentions of the record sorted by start char, so that
/// those of a sentence are found by binary search, not by a scan of the
/// whole record per trigger. Each entry keeps its rank in the record's own
/// order, which breaks ties as that order did.
struct Facts {
    /// (start, end, rank in `dates`) of the day and time facts.
    dates: Vec<(usize, usize, usize)>,
    /// (start, end, rank in the mentions of `places` in order, place index).
    places: Vec<(usize, usize, usize, usize)>,
}

impl Facts {
    fn new(ctx: &Context) -> Self {
        let mut dates: Vec<_> = ctx
            .record
            .dates
            .iter()
            .enumerate()
            .filter(|(_, d)| {
                matches!(
                    d.kind,
                    crate::record::DateType::Date | crate::record::DateType::Time
                )
            })
            .map(|(k, d)| (d.start, d.end, k))
            .collect();
        dates.sort_unstable();
        let mut places: Vec<_> = ctx
            .record
            .places
            .iter()
            .enumerate()
            .flat_map(|(p, place)| place.mentions.iter().map(move |m| (m.start, m.end, p)))
            .enumerate()
            .map(|(rank, (s, e, p))| (s, e, rank, p))
            .collect();
        places.sort_unstable();
        Facts { dates, places }
    }

    /// The value of the date fact of the sentence nearest to the trigger; for
    /// a past-tense trigger, only days up to the publication date.
    fn date_in(
        &self,
        ctx: &Context,
        doc: &Document,
        sent: std::ops::Range<usize>,
        at: usize,
        past: bool,
    ) -> Option<String> {
        let (a, b) = char_range(doc, sent);
        let here = doc.char_offset(at);
        let published = ctx.published.map(|p| p.date());
        let after_publication = |value: &str| {
            let day = crate::extract::dates::value_day(value);
            matches!((day, published), (Some(d), Some(p)) if d > p)
        };
        let from = self.dates.partition_point(|d| d.0 < a);
        self.dates[from..]
            .iter()
            .take_while(|d| d.0 <= b)
            .filter(|d| d.1 <= b)
            .filter(|d| !(past && after_publication(&ctx.record.dates[d.2].value)))
            .min_by_key(|d| (d.0.abs_diff(here), d.2))
            .map(|d| ctx.record.dates[d.2].value.clone())
    }

    /// The name of the place mentioned in the sentence nearest to the trigger.
    fn place_in(
        &self,
        ctx: &Context,
        doc: &Document,
        sent: std::ops::Range<usize>,
        at: usize,
    ) -> Option<String> {
        let (a, b) = char_range(doc, sent);
        let here = doc.char_offset(at);
        let from = self.places.partition_point(|m| m.0 < a);
        self.places[from..]
            .iter()
            .take_while(|m| m.0 <= b)
            .filter(|m| m.1 <= b)
            .min_by_key(|m| (m.0.abs_diff(here), m.2))
            .map(|m| ctx.record.places[m.3].name.clone())
    }
}

#[cfg(test)]
mod tests;

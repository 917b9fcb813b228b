//! The article's main event (SPEC `event`): who did what, when and where,
//! as the headline and the lede tell it (the 5W1H idea of main-event
//! extraction, answered from facts the other extractors found).
//!
//! # The rule
//!
//! * **Window**: the headline, then the first [`LEDE_SENTENCES`] sentences
//!   of the body (datelines such as « 5 juillet 2012. - », captions and
//!   tag lines, shorter than [`MIN_LEDE_WORDS`] words, are skipped).
//! * **Type and trigger** (what): the first action of the record whose
//!   trigger is in the headline; else the first event noun of the headline
//!   ([`words::EVENT_WORDS`], for deaths and attacks, which are not legal
//!   steps); else the same two in the lede, leaving out background actions
//!   told in the pluperfect; else `other`, triggered by the headline.
//! * **`what`**: the headline segment (between « : », « - », « | ») holding
//!   the trigger, cut at the first clause break after it (« , », « après »,
//!   « pour »…), at most [`WHAT_MAX_WORDS`] words, as written.
//! * **When**: the trigger action's own date, else the first dated day in the
//!   window (a day, not a month or year), leaving out the dateline, dates of
//!   reporting (« a-t-on appris vendredi »), pluperfect sentences and dates
//!   far from publication (older than [`MAX_DAYS_BEFORE`] days); else the
//!   publication date. Times of day are cut to their day.
//! * **Where** and **who**: the places, people and organizations mentioned in
//!   the window, in order, minus places inside an organization's name and
//!   media cited as sources.
//!
//! It does not find triggers of its own for legal steps: those come from
//! `actions`, so with no actions in the record a legal story is `other`.

mod words;

use crate::extract::Context;
use crate::record::{Action, ActionType, DateFact, Event, Links, OrgType, Span};
use crate::text::token::TokenKind;
use crate::text::Document;
use chrono::NaiveDate;
use foldhash::{HashSet, HashSetExt};
use std::ops::Range;

/// How many body sentences form the lede.
pub const LEDE_SENTENCES: usize = 3;
/// Fewest words of a body sentence counted in the lede (shorter lines are
/// captions, tags or datelines).
pub const MIN_LEDE_WORDS: usize = 6;
/// Longest `what` phrase, in words.
pub const WHAT_MAX_WORDS: usize = 12;
/// Oldest date still taken as the event's, in days before publication.
pub const MAX_DAYS_BEFORE: i64 = 31;

/// Chooses the main event of `doc`.
pub fn extract(doc: &Document, ctx: &Context) -> Option<Event> {
    let title = doc.title();
    let lede = lede(doc);
    if title.is_none() && lede.is_empty() {
        return None;
    }
    let r = ctx.record;
    let in_title = |c: usize| {
        title
            .as_ref()
            .is_some_and(|t| t.contains(&doc.norm_byte(c)))
    };
    let in_lede = |c: usize| lede.contains(&doc.norm_byte(c));
    let action_at = |pred: &dyn Fn(&Action) -> bool| r.actions.iter().find(|a| pred(a));
    let background = |a: &Action| pluperfect(doc, doc.norm_byte(a.trigger.start));
    // What: an action or an event noun, headline first.
    let mut chosen: Option<(ActionType, Span, Option<&Action>)> = None;
    if let Some(a) = action_at(&|a| in_title(a.trigger.start)) {
        chosen = Some((a.kind, a.trigger.clone(), Some(a)));
    } else if let Some((k, s)) = title.clone().and_then(|t| event_word(doc, t)) {
        chosen = Some((k, s, None));
    } else if let Some(a) = action_at(&|a| in_lede(a.trigger.start) && !background(a)) {
        chosen = Some((a.kind, a.trigger.clone(), Some(a)));
    } else if let Some((k, s)) = event_word(doc, lede.clone()) {
        chosen = Some((k, s, None));
    }
    let published = ctx.published.map(|p| p.date());
    let (kind, trigger, action) = match chosen {
        Some(c) => c,
        None => {
            let seg = title
                .clone()
                .map(|t| main_segment(doc, t))
                .unwrap_or_else(|| first_sentence(doc, lede.clone()));
            (ActionType::Other, doc.span(seg), None)
        }
    };
    let what = what_phrase(doc, &trigger);
    // When.
    let date = action
        .and_then(|a| a.date.as_deref())
        .and_then(|v| day_of(v, published))
        .or_else(|| window_date(doc, &r.dates, title.clone(), lede.clone(), published))
        .or_else(|| published.map(|p| p.to_string()));
    // Where and who.
    let in_window = |c: usize| in_title(c) || in_lede(c);
    let inside_org = |s: &Span| {
        r.organizations
            .iter()
            .flat_map(|o| &o.mentions)
            .any(|m| m.start <= s.start && s.end <= m.end)
    };
    let mut places: Vec<(usize, String)> = r
        .places
        .iter()
        .filter_map(|p| {
            p.mentions
                .iter()
                .find(|m| in_window(m.start) && !inside_org(m))
                .map(|m| (m.start, p.name.clone()))
        })
        .collect();
    places.sort();
    let mut who: Vec<(usize, String)> = r
        .people
        .iter()
        .filter_map(|p| {
            p.mentions
                .iter()
                .find(|m| in_window(m.start))
                .map(|m| (m.start, p.name.clone()))
        })
        .chain(
            r.organizations
                .iter()
                .filter(|o| o.kind != OrgType::Media)
                .filter_map(|o| {
                    o.mentions
                        .iter()
                        .find(|m| in_window(m.start))
                        .map(|m| (m.start, o.name.clone()))
                }),
        )
        .collect();
    who.sort();
    Some(Event {
        kind,
        trigger,
        what,
        date,
        places: dedup(places),
        who: dedup(who),
        links: Links::default(),
    })
}

fn dedup(v: Vec<(usize, String)>) -> Vec<String> {
    let mut seen = HashSet::with_capacity(v.len());
    let mut out: Vec<String> = Vec::with_capacity(v.len());
    for (_, n) in v {
        if seen.insert(n.clone()) {
            out.push(n);
        }
    }
    out
}

/// Byte range of the lede: the first [`LEDE_SENTENCES`] body sentences,
/// dateline excluded. Empty when the text has no body.
pub fn lede(doc: &Document) -> Range<usize> {
    let body_from = doc.title().map_or(0, |t| t.end);
    let mut sentences = doc
        .sentences()
        .iter()
        .filter(|s| s.start as usize >= body_from)
        .filter(|s| !is_dateline(doc, s.range()));
    let Some(first) = sentences.next() else {
        return body_from..body_from;
    };
    let last = sentences
        .take(LEDE_SENTENCES - 1)
        .last()
        .map_or(first.end, |s| s.end);
    first.start as usize..last as usize
}

/// A dateline (« 5 juillet 2012. »), caption or tag line: too short for the lede.
fn is_dateline(doc: &Document, r: Range<usize>) -> bool {
    let toks = &doc.tokens()[doc
        .tokens()
        .partition_point(|t| (t.start as usize) < r.start)..];
    let words: Vec<&str> = toks
        .iter()
        .take_while(|t| (t.end as usize) <= r.end)
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .map(|t| doc.token_text(t))
        .collect();
    // Captions, tags and datelines are short lines: not the lede.
    words.len() < MIN_LEDE_WORDS
        || (words.len() <= 4
            && words
                .iter()
                .any(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())))
}

/// The headline segment (between « : », « - », « | ») with the most words.
fn main_segment(doc: &Document, t: Range<usize>) -> Range<usize> {
    segments(doc, t.clone())
        .max_by_key(|r| doc.norm()[r.clone()].split_whitespace().count())
        .unwrap_or(t)
}

fn segments(doc: &Document, t: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let text = &doc.norm()[t.clone()];
    let mut cuts = vec![0];
    for sep in [" : ", " - ", " – ", " | ", " ; "] {
        for (i, _) in text.match_indices(sep) {
            cuts.push(i);
            cuts.push(i + sep.len());
        }
    }
    cuts.push(text.len());
    cuts.sort();
    let base = t.start;
    cuts.chunks(2)
        .map(move |c| base + c[0]..base + c[c.len() - 1])
        .filter(|r| !r.is_empty())
        .collect::<Vec<_>>()
        .into_iter()
}

fn first_sentence(doc: &Document, lede: Range<usize>) -> Range<usize> {
    doc.sentence_at(lede.start)
        .map(|i| doc.sentences()[i].range())
        .unwrap_or(lede)
}

/// The first event word of a range, with its span.
fn event_word(doc: &Document, r: Range<usize>) -> Option<(ActionType, Span)> {
    let toks = doc.tokens();
    let from = toks.partition_point(|t| (t.start as usize) < r.start);
    toks[from..]
        .iter()
        .take_while(|t| (t.end as usize) <= r.end)
        .filter(|t| t.kind == TokenKind::Word)
        .find_map(|t| {
            let w = doc.token_lower(t);
            words::EVENT_WORDS
                .iter()
                .find(|(k, _)| *k == w)
                .map(|(_, kind)| (*kind, doc.span(t.range())))
        })
}

/// Whether the sentence holding `byte` is told in the pluperfect before it.
fn pluperfect(doc: &Document, byte: usize) -> bool {
    let Some(i) = doc.sentence_at(byte) else {
        return false;
    };
    let s = &doc.sentences()[i];
    doc.tokens()[s.token_range()]
        .iter()
        .take_while(|t| (t.start as usize) < byte)
        .any(|t| words::PLUPERFECT.contains(&doc.token_lower(t)))
}

/// The `what` phrase: the trigger's headline segment or sentence, cut at
/// the first clause break after the trigger.
fn what_phrase(doc: &Document, trigger: &Span) -> String {
    let at = doc.norm_byte(trigger.start);
    let end = doc.norm_byte(trigger.end);
    let seg = doc
        .title()
        .filter(|t| t.contains(&at))
        .and_then(|t| segments(doc, t).find(|r| r.contains(&at)))
        .or_else(|| doc.sentence_at(at).map(|i| doc.sentences()[i].range()))
        .unwrap_or(at..end);
    let toks = doc.tokens();
    let first = toks.partition_point(|t| (t.start as usize) < seg.start);
    let mut stop = seg.end;
    let mut n = 0;
    for t in toks[first..]
        .iter()
        .take_while(|t| (t.end as usize) <= seg.end)
    {
        let w = doc.token_lower(t);
        let past = (t.start as usize) >= end;
        if past
            && (matches!(w, "," | ";" | ":" | "(" | "." | "!" | "?")
                || words::WHAT_BREAKS.contains(&w))
        {
            stop = t.start as usize;
            break;
        }
        if t.kind == TokenKind::Word {
            n += 1;
            if n > WHAT_MAX_WORDS && past {
                stop = t.start as usize;
                break;
            }
        }
    }
    doc.span(seg.start..stop.max(seg.start))
        .text
        .trim()
        .to_string()
}

/// The day (`YYYY-MM-DD`) of a TIMEX3 value, when it names one close
/// enough to publication.
fn day_of(value: &str, published: Option<NaiveDate>) -> Option<String> {
    let d = crate::extract::dates::value_day(value)?;
    if let Some(p) = published {
        let age = (p - d).num_days();
        if !(-7..=MAX_DAYS_BEFORE).contains(&age) {
            return None;
        }
    }
    // `value_day` read its first ten bytes, all ASCII.
    Some(value[..10].to_string())
}

/// Whether a date opens its paragraph as a dateline (« 5 juillet 2012. - »).
fn dateline(doc: &Document, d: &DateFact) -> bool {
    let norm = doc.norm();
    let (a, b) = (doc.norm_byte(d.start), doc.norm_byte(d.end));
    let before = norm[..a].trim_end_matches(' ');
    let after = norm[b..].trim_start_matches(' ');
    (before.is_empty() || before.ends_with('\n'))
        && (after.starts_with(". -") || after.starts_with(". –") || after.starts_with(['-', '–']))
}

/// The first usable day in the headline, then the lede.
fn window_date(
    doc: &Document,
    dates: &[DateFact],
    title: Option<Range<usize>>,
    lede: Range<usize>,
    published: Option<NaiveDate>,
) -> Option<String> {
    let toks = doc.tokens();
    let usable = |d: &&DateFact| {
        let at = doc.norm_byte(d.start);
        let i = toks.partition_point(|t| (t.start as usize) < at);
        let reporting = toks[i.saturating_sub(2)..i]
            .iter()
            .any(|t| words::REPORTING_WORDS.contains(&doc.token_lower(t)));
        !reporting && !pluperfect(doc, at) && !dateline(doc, d)
    };
    let within = |r: &Range<usize>, d: &&DateFact| r.contains(&doc.norm_byte(d.start));
    title
        .iter()
        .chain(std::iter::once(&lede))
        .flat_map(|r| dates.iter().filter(move |d| within(r, d)))
        .filter(usable)
        .find_map(|d| day_of(&d.value, published))
}

#[cfg(test)]
mod tests;

//! Temporal expressions (SPEC `dates`): absolute dates, relative expressions,
//! times, durations, ranges and sets, as TIMEX3 values.
//!
//! # Overview
//!
//! * [`rules`] finds candidate expressions with a table of named regex rules
//!   and keeps the longest ones; it never looks at the reference date.
//! * [`compose`] merges neighbours (« mardi » + « à 15h », « du 3 » + « au 5
//!   juin »).
//! * This module places what the text leaves implicit: the tense of the
//!   sentence (past tense puts « mardi » before the reference), the day a bare
//!   time belongs to, the previous date « le lendemain » counts from.
//! * [`resolve::resolve`] turns each [`expr::DateExpr`] into its TIMEX3 value.
//!
//! Ages (« 45 ans ») are not durations and are left to figures; numbers that
//! count things (« 2024 habitants ») are not years.

pub mod compose;
pub mod durations;
pub mod expr;
pub mod resolve;
pub mod rules;
pub mod words;

use super::embedded::{self, Staged};
use super::regex_patterns;
use super::Context;
use crate::record::{DateFact, DateType};
use crate::text::Document;
use chrono::{NaiveDate, NaiveDateTime};
use expr::{Anchor, DateExpr, DaySpec, Point, Tense};
use foldhash::{HashMap, HashMapExt};
use std::ops::Range;

/// Past-tense cues (`PAST` in `regex_patterns.rs`).
static PAST: Staged = Staged::new(regex_patterns::PAST, embedded::PAST_FWD, embedded::PAST_REV);

/// Future-tense cues (`FUTURE` in `regex_patterns.rs`).
static FUTURE: Staged = Staged::new(
    regex_patterns::FUTURE,
    embedded::FUTURE_FWD,
    embedded::FUTURE_REV,
);

/// Tense cues of one sentence: (byte position, tense).
fn cues(text: &str, offset: usize) -> Vec<(usize, Tense)> {
    let mut out: Vec<(usize, Tense)> = PAST
        .ranges(text)
        .into_iter()
        .map(|r| (offset + r.start, Tense::Past))
        .chain(
            FUTURE
                .ranges(text)
                .into_iter()
                .map(|r| (offset + r.start, Tense::Future)),
        )
        .collect();
    // « devrait », « pourrait »: the conditional also looks like an imperfect
    // (-ait); the explicit future word wins at the same position.
    out.sort_by_key(|c| (c.0, c.1 != Tense::Future));
    out.dedup_by_key(|c| c.0);
    out
}

/// A past participle right before the date (« annoncées en mai », « arrêté
/// mardi »): past, whatever the rest of the sentence says.
static PARTICIPLE_BEFORE: Staged = Staged::new(
    regex_patterns::PARTICIPLE_BEFORE,
    embedded::PARTICIPLE_BEFORE_FWD,
    embedded::PARTICIPLE_BEFORE_REV,
);

/// Participles that announce something to come (« prévu le 3 mars »).
const FUTURE_PARTICIPLES: &[&str] = &[
    "prévu",
    "programmé",
    "fixé",
    "reporté",
    "attendu",
    "convoqué",
    "appelé",
    "invité",
    "annoncé pour",
    "décidé",
    "planifié",
    "envisagé",
    "espéré",
    "souhaité",
];

fn participle_before(before: &str) -> Option<Tense> {
    let mut from = before.len().saturating_sub(60);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let window = &before[from..];
    let found = PARTICIPLE_BEFORE.first(window)?;
    let w = window[found.clone()]
        .trim_start_matches(|c: char| !c.is_alphabetic())
        .split(char::is_whitespace)
        .next()?
        .to_lowercase();
    let lead = window[..found.start].trim_end().to_lowercase();
    let aux = lead.rsplit(' ').next().unwrap_or("");
    if [
        "sera", "seront", "serait", "seraient", "être", "devra", "pourra", "va", "vont",
    ]
    .contains(&aux)
    {
        return Some(Tense::Future);
    }
    let stem = w.trim_end_matches('s').trim_end_matches('e');
    if FUTURE_PARTICIPLES.contains(&stem) || stem == "né" {
        return None;
    }
    Some(Tense::Past)
}

/// The tense of the verb a date at `span` most likely belongs to: the last
/// cue before it (« a été placé en garde à vue lundi et devrait être présenté
/// mercredi »), else the first after it (« Lundi, il a été placé… »); cues
/// inside the date itself (« dernier ») are its own business. `cues` are
/// sorted by position, so both are binary searches, not a copy of the
/// sentence's cues per date.
fn nearest(cues: &[(usize, Tense)], span: Range<usize>) -> Option<Tense> {
    let before = cues.partition_point(|c| c.0 < span.start);
    let after = cues.partition_point(|c| c.0 < span.end);
    cues[..before].last().or(cues.get(after)).map(|c| c.1)
}

fn set_tense(expr: &mut DateExpr, tense: Tense) {
    let fix = |p: &mut Point| {
        if p.tense == Tense::Unknown {
            p.tense = tense;
        }
    };
    match expr {
        DateExpr::Point(p) => fix(p),
        DateExpr::Range(a, b) => {
            if let Some(a) = a {
                fix(a);
            }
            if let Some(b) = b {
                fix(b);
            }
        }
        _ => {}
    }
}

fn kind_of(expr: &DateExpr) -> DateType {
    match expr {
        DateExpr::Point(p) if p.time.is_some() => DateType::Time,
        DateExpr::Point(_) | DateExpr::Token(_) => DateType::Date,
        DateExpr::Range(..) => DateType::Range,
        DateExpr::Duration(_) => DateType::Duration,
        DateExpr::Set(_) => DateType::Set,
    }
}

fn at_midnight(d: NaiveDate) -> NaiveDateTime {
    d.and_time(chrono::NaiveTime::MIN)
}

/// Whether a point counts from the previous date of the text.
fn text_anchored(p: &Point) -> bool {
    match &p.day {
        DaySpec::Shift(_, _, Anchor::Text) => true,
        DaySpec::Offset(..) => false,
        _ => false,
    }
}

/// The date expressions of a text before they are resolved: every rule's
/// matches, the longest kept, composed (« mardi à 15h »). They do not
/// depend on the publication date, so finding that date in the text and
/// resolving against it read the same ones.
pub struct Spotted(Vec<rules::Candidate>);

/// Spots the date expressions of `doc`.
pub fn spot(doc: &Document) -> Spotted {
    let norm = doc.norm();
    let lower = doc.lower();
    Spotted(compose::compose(
        norm,
        lower,
        rules::select(rules::candidates(norm, lower)),
    ))
}

/// Finds the dates of `doc`, resolved against `ctx.published`.
pub fn extract(doc: &Document, ctx: &Context) -> Vec<DateFact> {
    resolve_spotted(doc, ctx, spot(doc))
}

/// The dates of `spotted`, the expressions of `doc`, resolved against
/// `ctx.published`.
pub fn resolve_spotted(doc: &Document, ctx: &Context, spotted: Spotted) -> Vec<DateFact> {
    let norm = doc.norm();
    let found = spotted.0;
    if found.is_empty() {
        return Vec::new();
    }
    // Tense: the nearest cue in the sentence, else the article's majority;
    // only for the expressions it can change, as scanning for the cues is
    // a good part of the dates' cost.
    let sentences = doc.sentences();
    let mut doc_tense: Option<Tense> = None;
    let mut doc_majority = || {
        *doc_tense.get_or_insert_with(|| {
            let c = cues(norm, 0);
            let past = c.iter().filter(|c| c.1 == Tense::Past).count();
            let fut = c.len() - past;
            if past > fut {
                Tense::Past
            } else if fut > past {
                Tense::Future
            } else {
                Tense::Unknown
            }
        })
    };
    let mut items: Vec<(rules::Candidate, Option<usize>)> = Vec::with_capacity(found.len());
    let mut cache: Option<(usize, Vec<(usize, Tense)>)> = None;
    for mut c in found {
        let sent = doc.sentence_at(c.start);
        if !resolve::uses_tense(&c.expr) {
            items.push((c, sent));
            continue;
        }
        let tense = match sent {
            Some(i) => {
                if cache.as_ref().is_none_or(|(j, _)| *j != i) {
                    let s = &sentences[i];
                    let r = s.range();
                    cache = Some((i, cues(&norm[r.clone()], r.start)));
                }
                let own = cache.as_ref().map(|(_, v)| v.as_slice()).unwrap_or(&[]);
                nearest(own, c.start..c.end)
            }
            None => None,
        };
        let tense = participle_before(&norm[..c.start])
            .or(tense)
            .unwrap_or_else(&mut doc_majority);
        set_tense(&mut c.expr, tense);
        items.push((c, sent));
    }
    // Bare times and parts of the day take the day of their sentence, else
    // the last day named before them.
    let n = items.len();
    let day_points: Vec<Option<DaySpec>> = items
        .iter()
        .map(|(c, _)| match &c.expr {
            DateExpr::Point(p) if p.day != DaySpec::None && p.has_day() && !text_anchored(p) => {
                Some(p.day.clone())
            }
            _ => None,
        })
        .collect();
    // For each item, the nearest other item of its sentence (by index, the
    // earlier on a tie) that names a day: found per sentence with the last
    // one before and the first one after, not by a scan of every item.
    let mut by_sentence: HashMap<usize, Vec<usize>> = HashMap::new();
    for (j, (_, sent)) in items.iter().enumerate() {
        if let Some(s) = sent {
            by_sentence.entry(*s).or_default().push(j);
        }
    }
    let mut day_near: Vec<Option<usize>> = vec![None; n];
    for list in by_sentence.values() {
        let mut before = vec![None; list.len()];
        let mut last = None;
        for (k, &j) in list.iter().enumerate() {
            before[k] = last;
            if day_points[j].is_some() {
                last = Some(j);
            }
        }
        let mut next = None;
        for k in (0..list.len()).rev() {
            let i = list[k];
            day_near[i] = match (before[k], next) {
                (Some(b), Some(a)) => Some(if i - b <= a - i { b } else { a }),
                (b, a) => b.or(a),
            };
            if day_points[i].is_some() {
                next = Some(i);
            }
        }
    }
    let mut last_day: Option<DaySpec> = None;
    let mut out = Vec::with_capacity(n);
    let mut last_resolved: Option<NaiveDate> = None;
    for i in 0..n {
        let c = &items[i].0;
        let mut expr = c.expr.clone();
        if let DateExpr::Point(p) = &mut expr {
            if p.day == DaySpec::None {
                let same_sentence = day_near[i].and_then(|j| day_points[j].clone());
                if let Some(d) = same_sentence.or_else(|| last_day.clone()) {
                    p.day = d;
                }
            }
        }
        let reference = match &expr {
            DateExpr::Point(p) if text_anchored(p) => {
                // The nearest day of the same sentence first (« Une semaine
                // plus tard, … le 18 juillet »), else the last day resolved
                // before.
                let same = day_near[i]
                    .and_then(|j| day_points[j].as_ref().map(|d| (j, d)))
                    .and_then(|(j, d)| {
                        let tense = match &items[j].0.expr {
                            DateExpr::Point(q) => q.tense,
                            _ => Tense::Unknown,
                        };
                        let mut q = Point::day(d.clone());
                        q.tense = tense;
                        resolve::day_of(&q, ctx.published)
                    });
                same.or(last_resolved).map(at_midnight).or(ctx.published)
            }
            _ => ctx.published,
        };
        let value = resolve::resolve(&expr, reference);
        if let DateExpr::Point(p) = &expr {
            if p.has_day() {
                if let Some(d) = resolve::day_of(p, reference) {
                    last_resolved = Some(d);
                }
                if !text_anchored(p) {
                    last_day = Some(p.day.clone());
                }
            }
        }
        let span = doc.span(c.start..c.end);
        out.push(DateFact {
            text: span.text,
            start: span.start,
            end: span.end,
            kind: kind_of(&expr),
            value,
        });
    }
    out
}

/// Datelines that give the publication date.
/// The longest place name a dateline may open with (« Saint-Martin-d'Hères, »).
const DATELINE_PLACE_MAX: usize = 40;

/// Whether `head`, the text from a line start to a date, makes that date a
/// dateline: nothing, « Ce » or « Le », a place name and a comma (« Paris,
/// »), or a text ending in « publié le », « mis à jour le », « modifié le ».
/// Written by hand: the equivalent case-insensitive regex over Unicode
/// letters cost more to compile than the rest of a short article's run.
fn is_dateline(head: &str) -> bool {
    if head.is_empty() {
        return true;
    }
    let body = head.trim_end();
    if body.is_empty() || body.len() == head.len() {
        // An indented date, or one glued to the word before it.
        return false;
    }
    let lower = body.to_lowercase();
    if lower == "ce" || lower == "le" {
        return true;
    }
    if let Some(place) = body.strip_suffix(',') {
        if place.chars().count() <= DATELINE_PLACE_MAX
            && place
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '\'' | '-'))
        {
            return true;
        }
    }
    let words: Vec<&str> = lower.split_whitespace().rev().take(4).collect();
    let ends = |tail: &[&str]| {
        words.len() > tail.len()
            && words[0] == "le"
            && tail.iter().rev().enumerate().all(|(i, w)| {
                let got = words[1 + i];
                if i + 1 == tail.len() {
                    got.ends_with(w)
                } else {
                    got == *w
                }
            })
    };
    ends(&["publié"])
        || ends(&["modifié"])
        || ends(&["mis", "à", "jour"])
        || ends(&["mise", "à", "jour"])
}

/// The day a TIMEX3 value of this crate starts with (`2024-06-25`,
/// `2024-06-25T15:30`), `None` for the others (`2024-06`, `XXXX-06-25`,
/// `PRESENT_REF`). Reads the ten bytes directly: chrono's
/// `parse_from_str` interprets its format string at every call.
pub fn value_day(value: &str) -> Option<NaiveDate> {
    let b = value.as_bytes().get(..10)?;
    let digits = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
}

/// How far into the text the publication date is looked for: the lede.
const LEDE: usize = 1500;

/// The publication date the text states: a dateline (« Publié le
/// 25/06/2024 à 14h30 », « Paris, 25 juin 2024 (AFP) », « Ce 25 juin
/// 2024 »), else the first complete date of the lede.
///
/// # Example
///
/// ```
/// use depeche::text::Document;
/// let doc = Document::new("Titre\n\nParis, 25 juin 2024 (AFP) - Le site a fermé hier.");
/// let d = depeche::extract::dates::detect_published(&doc);
/// assert_eq!(d.map(|d| d.to_string()).as_deref(), Some("2024-06-25"));
/// ```
pub fn detect_published(doc: &Document) -> Option<NaiveDate> {
    published_in(doc, &spot(doc))
}

/// [`detect_published`] over the expressions already spotted in `doc`:
/// those that start in its first [`LEDE`] bytes (one that runs on past
/// them counts whole).
pub fn published_in(doc: &Document, spotted: &Spotted) -> Option<NaiveDate> {
    let norm = doc.norm();
    let lede = spotted.0.iter().filter(|c| c.start < LEDE);
    let complete = |c: &rules::Candidate| match &c.expr {
        DateExpr::Point(p) => match p.day {
            DaySpec::Calendar {
                year: expr::YearSpec::Abs(y),
                month: Some(m),
                day: Some(d),
            } => NaiveDate::from_ymd_opt(y, m, d),
            _ => None,
        },
        _ => None,
    };
    // A dateline first: the date right after « Publié le », a line start,
    // « Ce » or « Ville, ».
    for c in lede.clone() {
        if let Some(d) = complete(c) {
            let line_start = norm[..c.start].rfind('\n').map_or(0, |i| i + 1);
            let head = &norm[line_start..c.start];
            if is_dateline(head) {
                return Some(d);
            }
        }
    }
    lede.clone().find_map(complete)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Record;

    #[test]
    fn value_day_reads_what_chrono_parses() {
        for value in [
            "2024-06-25",
            "2024-06-25T15:30",
            "2024-02-30",
            "2024-13-01",
            "0999-01-01",
            "2024-06",
            "2024-W26",
            "XXXX-06-25",
            "PRESENT_REF",
            "2024-6-25T1",
            "",
        ] {
            let chrono = value
                .get(..10)
                .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok());
            assert_eq!(value_day(value), chrono, "{value:?}");
        }
        assert_eq!(
            value_day("2024-06-25T15:30"),
            NaiveDate::from_ymd_opt(2024, 6, 25)
        );
        // Unlike chrono, no signed year (« +2024-06-2 »): values have none.
        assert_eq!(value_day("+2024-06-2"), None);
    }
    use crate::RecordId;

    #[test]
    fn datelines() {
        for head in [
            "",
            "Paris, ",
            "Saint-Martin-d'Hères, ",
            "Ce ",
            "le ",
            "Publié le ",
            "Article mis à jour le ",
            "Mise à jour le ",
        ] {
            assert!(is_dateline(head), "{head:?}");
        }
        for head in [
            "  ",
            "Paris,",
            "Le ministre a parlé ",
            "Une ville au nom bien trop long pour une ligne de date, ",
            "Il a publié ",
            "Paris (AFP), ",
        ] {
            assert!(!is_dateline(head), "{head:?}");
        }
    }

    fn run(text: &str, reference: &str) -> Vec<(String, String)> {
        let doc = Document::new(text);
        let record = Record::new(RecordId::Text(String::new()));
        let ctx = Context {
            published: crate::parse_published(reference).ok(),
            record: &record,
        };
        extract(&doc, &ctx)
            .into_iter()
            .map(|f| (f.text, f.value))
            .collect()
    }

    #[test]
    fn seed_sentences() {
        assert_eq!(
            run("Créé il y a 20 ans, Coco a été fermé.", "2024-06-25"),
            vec![("il y a 20 ans".to_string(), "2004".to_string())]
        );
        assert_eq!(
            run(
                "Entre 2021 et 2024, plus de 23 000 procédures",
                "2024-06-25"
            ),
            vec![("Entre 2021 et 2024".to_string(), "2021/2024".to_string())]
        );
    }

    #[test]
    fn lendemain_counts_from_the_text() {
        let got = run(
            "Il a été arrêté le 18 juillet. Le lendemain, il a été libéré.",
            "2020-07-25",
        );
        assert_eq!(got[1].1, "2020-07-19");
    }

    #[test]
    fn dateline_detection() {
        let doc = Document::new("Titre\n\nPublié le 25/06/2024 à 14h30\n\nTexte du 3 mars 2020.");
        assert_eq!(detect_published(&doc), NaiveDate::from_ymd_opt(2024, 6, 25));
        let doc = Document::new("Titre\n\nRien ici.");
        assert_eq!(detect_published(&doc), None);
        // Only the lede counts; a date starting in it counts whole.
        let filler = "Un mot de plus. ".repeat(93); // 1488 bytes
        let doc = Document::new(format!("{filler}Le 25 juin 2024, la suite."));
        assert!(doc
            .norm()
            .find("25 juin")
            .is_some_and(|i| i < LEDE && i + 12 > LEDE));
        assert_eq!(detect_published(&doc), NaiveDate::from_ymd_opt(2024, 6, 25));
        let doc = Document::new(format!("{filler}Encore un mot. Le 25 juin 2024."));
        assert_eq!(detect_published(&doc), None);
    }

    /// Every point of `expr` with tense `t`.
    fn with_tense(expr: &DateExpr, t: Tense) -> DateExpr {
        let mut e = expr.clone();
        let set = |p: &mut Point| p.tense = t;
        match &mut e {
            DateExpr::Point(p) => set(p),
            DateExpr::Range(a, b) => a.iter_mut().chain(b.iter_mut()).for_each(set),
            _ => {}
        }
        e
    }

    /// What `resolve::uses_tense` calls tense-free resolves alike in every
    /// tense, for every expression spotted in the fixtures and the dates
    /// corpus, against references with and without a time of day.
    #[test]
    fn tense_free_expressions_resolve_alike_in_every_tense() {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut texts = crate::fixture_texts();
        let corpus = std::fs::read_to_string(format!("{root}/tests/corpus/dates.txt"))
            .expect("dates corpus");
        texts.extend(
            corpus
                .lines()
                .filter(|l| !l.starts_with('#') && !l.starts_with('@') && !l.is_empty())
                .map(|l| {
                    l.split('\t')
                        .next()
                        .unwrap_or("")
                        .replace(['[', ']', '!'], "")
                }),
        );
        let at = |y, m, d, h, min| {
            NaiveDate::from_ymd_opt(y, m, d).and_then(|d| d.and_hms_opt(h, min, 0))
        };
        let references = [
            None,
            at(2024, 6, 25, 0, 0),
            at(2024, 6, 25, 14, 30),
            at(2013, 2, 12, 4, 30),
            at(2023, 12, 31, 23, 0),
        ];
        let (mut free, mut bound) = (0, 0);
        for text in &texts {
            let doc = Document::new(text.as_str());
            for c in spot(&doc).0 {
                if resolve::uses_tense(&c.expr) {
                    bound += 1;
                    continue;
                }
                free += 1;
                for r in references {
                    let want = resolve::resolve(&with_tense(&c.expr, Tense::Unknown), r);
                    for t in [Tense::Past, Tense::Future] {
                        let got = resolve::resolve(&with_tense(&c.expr, t), r);
                        assert_eq!(got, want, "{:?} in {t:?} at {r:?}", c.expr);
                    }
                }
            }
        }
        assert!(free > 500 && bound > 100, "{free} tense-free, {bound} not");
        for (phrase, uses) in [
            ("mardi", true),
            ("le 3 mars", true),
            ("mercredi 13", true),
            ("à 15h", true),
            ("le 3 mars 2024", false),
            ("hier", false),
            ("pendant trois ans", false),
            ("mardi dernier", false),
        ] {
            let doc = Document::new(phrase);
            let found = spot(&doc).0;
            assert!(
                found.iter().any(|c| resolve::uses_tense(&c.expr) == uses),
                "{phrase}: {found:?}"
            );
        }
    }
}

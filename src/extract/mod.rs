//! The extractors and the order they run in.
//!
//! Each extractor is a plain module with `pub fn extract(doc, ctx) -> Vec<_>`.
//! It reads the shared [`Document`] (never tokenizing again) and, through
//! [`Context`], the facts of the extractors that ran before it: figures skip
//! what dates took, people skip places and organizations, actions pick up the
//! dates and places of their sentence. [`run`] calls them in that fixed order
//! and runs an extractor left out by `--only` when a selected one needs it,
//! clearing its output afterwards.

pub mod actions;
pub(crate) mod automaton;
pub mod charges;
pub mod dates;
pub(crate) mod embedded;
pub mod figures;
pub(crate) mod fst_walk;
pub mod organizations;
pub mod people;
pub mod places;
pub mod quotes;
pub(crate) mod regex_patterns;
pub(crate) mod trie;

use crate::record::Record;
use crate::text::Document;
use chrono::NaiveDateTime;
use std::fmt;
use std::str::FromStr;

/// One kind of fact, as named by `--only`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// `dates`
    Dates,
    /// `figures`
    Figures,
    /// `places`
    Places,
    /// `organizations`
    Organizations,
    /// `people`
    People,
    /// `charges`
    Charges,
    /// `actions`
    Actions,
    /// `quotes`
    Quotes,
    /// `event`
    Event,
}

impl Kind {
    /// Every kind, in the order the extractors run.
    pub const ALL: [Kind; 9] = [
        Kind::Dates,
        Kind::Figures,
        Kind::Places,
        Kind::Organizations,
        Kind::People,
        Kind::Charges,
        Kind::Actions,
        Kind::Quotes,
        Kind::Event,
    ];

    /// The name used on the command line and as the record key.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Dates => "dates",
            Kind::Figures => "figures",
            Kind::Places => "places",
            Kind::Organizations => "organizations",
            Kind::People => "people",
            Kind::Charges => "charges",
            Kind::Actions => "actions",
            Kind::Quotes => "quotes",
            Kind::Event => "event",
        }
    }

    /// The kinds whose facts this extractor reads.
    fn needs(self) -> &'static [Kind] {
        match self {
            Kind::Dates | Kind::Places => &[],
            Kind::Figures => &[Kind::Dates],
            Kind::Organizations => &[Kind::Places],
            Kind::People => &[Kind::Places, Kind::Organizations],
            Kind::Charges => &[],
            Kind::Actions => &[Kind::Dates, Kind::Places, Kind::Organizations, Kind::People],
            Kind::Quotes => &[Kind::People, Kind::Organizations],
            Kind::Event => &[
                Kind::Dates,
                Kind::Places,
                Kind::Organizations,
                Kind::People,
                Kind::Actions,
            ],
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Kind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Kind::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
                format!(
                    "unknown fact kind `{s}` (expected one of: {})",
                    names.join(", ")
                )
            })
    }
}

/// A set of [`Kind`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindSet(u16);

impl KindSet {
    /// Every kind.
    pub fn all() -> Self {
        KindSet((1 << Kind::ALL.len()) - 1)
    }

    /// Exactly the given kinds.
    pub fn of(kinds: &[Kind]) -> Self {
        KindSet(kinds.iter().fold(0, |acc, &k| acc | 1 << k as u16))
    }

    /// Whether `k` is in the set.
    pub fn contains(self, k: Kind) -> bool {
        self.0 & (1 << k as u16) != 0
    }

    /// The set plus every kind its members need, transitively.
    fn with_needs(self) -> Self {
        let mut set = self;
        // `needs` only points to kinds that run earlier, so one backwards pass
        // closes the set.
        for k in Kind::ALL.into_iter().rev() {
            if set.contains(k) {
                set = KindSet(set.0 | KindSet::of(k.needs()).0);
            }
        }
        set
    }
}

impl Default for KindSet {
    fn default() -> Self {
        KindSet::all()
    }
}

/// What one extractor may read besides the document.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The reference moment for relative dates (publication date-time).
    pub published: Option<NaiveDateTime>,
    /// The facts found so far (lists of the kinds that already ran).
    pub record: &'a Record,
}

/// One article for [`run`]: what the extractors read and the record they
/// fill.
pub struct Job<'a> {
    /// The analysed article.
    pub doc: &'a Document,
    /// The reference moment for relative dates.
    pub published: Option<NaiveDateTime>,
    /// The kinds to output (`--only`).
    pub only: KindSet,
    /// The article's date expressions when the caller has spotted them
    /// already (to find the publication date).
    pub spotted: Option<dates::Spotted>,
    /// The record the facts go to.
    pub record: Record,
}

/// Runs the extractors of each job's `only` (and what they need) over its
/// document, filling the fact lists of its record, and clears the lists of
/// kinds not asked for.
///
/// Each extractor runs over every job before the next extractor starts:
/// its automata and tables then stay in the processor's caches from one
/// article to the next, where running every extractor over one article
/// at a time evicted them (some 15 % faster on a stream of 2 KB
/// articles). Each job's facts are the same either way: an extractor
/// reads its own job's document and record only.
pub fn run(jobs: &mut [Job]) {
    for job in jobs.iter() {
        automaton::note(job.doc.norm().len());
    }
    for kind in Kind::ALL {
        for job in jobs.iter_mut() {
            if job.only.with_needs().contains(kind) {
                run_one(kind, job);
            }
        }
    }
    for job in jobs.iter_mut() {
        clear_unasked(job.only, &mut job.record);
    }
}

/// Runs the extractor of `kind` over one job.
fn run_one(kind: Kind, job: &mut Job) {
    let doc = job.doc;
    let record = &mut job.record;
    let ctx = Context {
        published: job.published,
        record,
    };
    match kind {
        Kind::Dates => {
            record.dates = match job.spotted.take() {
                Some(spotted) => dates::resolve_spotted(doc, &ctx, spotted),
                None => dates::extract(doc, &ctx),
            }
        }
        Kind::Figures => record.figures = figures::extract(doc, &ctx),
        Kind::Places => record.places = places::extract(doc, &ctx),
        Kind::Organizations => record.organizations = organizations::extract(doc, &ctx),
        Kind::People => record.people = people::extract(doc, &ctx),
        Kind::Charges => record.charges = charges::extract(doc, &ctx),
        Kind::Actions => record.actions = actions::extract(doc, &ctx),
        Kind::Quotes => record.quotes = quotes::extract(doc, &ctx),
        Kind::Event => record.event = crate::event::extract(doc, &ctx),
    }
}

/// Clears the fact lists of the kinds not in `only` (run because an asked
/// kind needed them).
fn clear_unasked(only: KindSet, record: &mut Record) {
    for kind in Kind::ALL {
        if only.contains(kind) {
            continue;
        }
        match kind {
            Kind::Dates => record.dates.clear(),
            Kind::Figures => record.figures.clear(),
            Kind::Places => record.places.clear(),
            Kind::Organizations => record.organizations.clear(),
            Kind::People => record.people.clear(),
            Kind::Charges => record.charges.clear(),
            Kind::Actions => record.actions.clear(),
            Kind::Quotes => record.quotes.clear(),
            Kind::Event => record.event = None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_by_name() {
        assert_eq!("dates".parse::<Kind>(), Ok(Kind::Dates));
        assert!("date"
            .parse::<Kind>()
            .unwrap_err()
            .contains("expected one of: dates, figures"));
    }

    #[test]
    fn needs_are_closed_and_run_earlier() {
        let set = KindSet::of(&[Kind::Event]).with_needs();
        for k in [
            Kind::Dates,
            Kind::Places,
            Kind::Organizations,
            Kind::People,
            Kind::Actions,
            Kind::Event,
        ] {
            assert!(set.contains(k), "{k}");
        }
        assert!(!set.contains(Kind::Charges));
        for k in Kind::ALL {
            assert!(k.needs().iter().all(|&n| n < k), "{k} needs a later kind");
        }
    }
}

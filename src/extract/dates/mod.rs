//! Temporal expressions (SPEC `dates`): absolute, relative, times, durations, ranges, sets, as TIMEX3 values.
//!
//! Not built yet: returns no facts (see issue 3).

use super::Context;
use crate::record::DateFact;
use crate::text::Document;

/// Finds the dates of `doc`.
pub fn extract(_doc: &Document, _ctx: &Context) -> Vec<DateFact> {
    Vec::new()
}

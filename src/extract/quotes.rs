//! Quoted speech and its speaker (SPEC `quotes`).
//!
//! Not built yet: returns no facts (see issue 8).

use super::Context;
use crate::record::Quote;
use crate::text::Document;

/// Finds the quotes of `doc`.
pub fn extract(_doc: &Document, _ctx: &Context) -> Vec<Quote> {
    Vec::new()
}

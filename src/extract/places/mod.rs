//! Places (SPEC `places`), resolved against the embedded gazetteer.
//!
//! Not built yet: returns no facts (see issue 5).

use super::Context;
use crate::record::Place;
use crate::text::Document;

/// Finds the places of `doc`.
pub fn extract(_doc: &Document, _ctx: &Context) -> Vec<Place> {
    Vec::new()
}

//! Figures (SPEC `figures`): counts, money, percentages, ordinals, ages and measures.
//!
//! Not built yet: returns no facts (see issue 4).

use super::Context;
use crate::record::Figure;
use crate::text::Document;

/// Finds the figures of `doc`.
pub fn extract(_doc: &Document, _ctx: &Context) -> Vec<Figure> {
    Vec::new()
}

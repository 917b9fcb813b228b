//! Legal and police steps (SPEC `actions`).
//!
//! Not built yet: returns no facts (see issue 7).

use super::Context;
use crate::record::Action;
use crate::text::Document;

/// Finds the actions of `doc`.
pub fn extract(_doc: &Document, _ctx: &Context) -> Vec<Action> {
    Vec::new()
}

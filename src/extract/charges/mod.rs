//! Offences named in the text (SPEC `charges`).
//!
//! Not built yet: returns no facts (see issue 7).

use super::Context;
use crate::record::Charge;
use crate::text::Document;

/// Finds the charges of `doc`.
pub fn extract(_doc: &Document, _ctx: &Context) -> Vec<Charge> {
    Vec::new()
}

//! Organizations and institutions (SPEC `organizations`).
//!
//! Not built yet: returns no facts (see issue 6).

use super::Context;
use crate::record::Organization;
use crate::text::Document;

/// Finds the organizations of `doc`.
pub fn extract(_doc: &Document, _ctx: &Context) -> Vec<Organization> {
    Vec::new()
}

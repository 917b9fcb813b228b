//! Named persons with their roles (SPEC `people`).
//!
//! Not built yet: returns no facts (see issue 6).

use super::Context;
use crate::record::Person;
use crate::text::Document;

/// Finds the people of `doc`.
pub fn extract(_doc: &Document, _ctx: &Context) -> Vec<Person> {
    Vec::new()
}

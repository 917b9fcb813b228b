//! The article's main event (SPEC `event`), from the headline, the lede and
//! the facts already found.
//!
//! Not built yet: returns no event (see issue 8).

use crate::extract::Context;
use crate::record::Event;
use crate::text::Document;

/// Chooses the main event of `doc`.
pub fn extract(_doc: &Document, _ctx: &Context) -> Option<Event> {
    None
}

//! Places (SPEC `places`), resolved against the embedded gazetteer.
//!
//! Three steps: [`gazetteer::find`] walks a compile-time `fst` index of the
//! ~36,000 names over the tokens (leftmost-longest, spelling variants folded
//! by [`key`]); [`rules`] keeps the matches the context makes places and
//! picks one reading for each; this module groups the mentions by place.
//! Demonyms (« varois », « français ») are not places here (GUIDELINES makes
//! them optional), and nothing is geocoded.

pub mod cues;
pub mod gazetteer;
pub mod key;
pub mod rules;

use super::Context;
use crate::record::{Place, PlaceType};
use crate::text::Document;
use gazetteer::{PlaceKind, Row};

/// Finds the places of `doc`.
pub fn extract(doc: &Document, _ctx: &Context) -> Vec<Place> {
    let candidates = gazetteer::find(doc);
    let mut judged = Vec::with_capacity(candidates.len());
    let mut prev_end = None;
    for c in &candidates {
        let s = rules::surroundings(doc, c, prev_end);
        if rules::accept(doc, c, &s) {
            judged.push((c, s));
            prev_end = Some(c.end);
        }
    }
    // Départements the article names, to choose between homonymous communes.
    let mut departments: Vec<&str> = Vec::new();
    for (c, s) in &judged {
        departments.extend(s.department_hint);
        let mut kinds = c
            .rows
            .iter()
            .filter(|r| r.kind != PlaceKind::Arrondissement);
        if let (Some(r), None) = (kinds.next(), kinds.next()) {
            if r.kind == PlaceKind::Department {
                departments.push(r.code);
            } else if r.kind == PlaceKind::Commune {
                departments.push(r.department);
            }
        }
    }
    let mut places: Vec<(&'static Row, Place)> = Vec::new();
    for (c, s) in &judged {
        let Some(row) = rules::resolve(c, s, &departments) else {
            continue;
        };
        let span = doc.span(c.start..c.end);
        match places.iter_mut().find(|(r, _)| std::ptr::eq(*r, row)) {
            Some((_, p)) => p.mentions.push(span),
            None => places.push((row, place(row, span))),
        }
    }
    places.into_iter().map(|(_, p)| p).collect()
}

fn place(row: &Row, span: crate::record::Span) -> Place {
    let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
    Place {
        name: row.name.to_string(),
        kind: match row.kind {
            PlaceKind::Commune | PlaceKind::Arrondissement => PlaceType::Commune,
            PlaceKind::Department => PlaceType::Department,
            PlaceKind::Region => PlaceType::Region,
            PlaceKind::Country => PlaceType::Country,
            PlaceKind::Territory => PlaceType::Territory,
            PlaceKind::City => PlaceType::City,
            PlaceKind::Other => PlaceType::Other,
        },
        code: some(row.code),
        country: some(row.country),
        mentions: vec![span],
    }
}

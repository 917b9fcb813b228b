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
                departments.push(r.code());
            } else if r.kind == PlaceKind::Commune {
                departments.push(r.department());
            }
        }
    }
    // One entry per département, and places indexed by row: per-mention
    // scans of either made long texts quadratic.
    departments.sort_unstable();
    departments.dedup();
    let mut places: Vec<(&'static Row, Place)> = Vec::new();
    let mut index: foldhash::HashMap<*const Row, usize> = Default::default();
    for (c, s) in &judged {
        let Some(row) = rules::resolve(c, s, &departments) else {
            continue;
        };
        let span = doc.span(c.start..c.end);
        match index.get(&std::ptr::from_ref(row)) {
            Some(&k) => places[k].1.mentions.push(span),
            None => {
                index.insert(std::ptr::from_ref(row), places.len());
                places.push((row, place(row, span)));
            }
        }
    }
    places.into_iter().map(|(_, p)| p).collect()
}

fn place(row: &Row, span: crate::record::Span) -> Place {
    let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
    Place {
        name: row.name().to_string(),
        kind: match row.kind {
            PlaceKind::Commune | PlaceKind::Arrondissement => PlaceType::Commune,
            PlaceKind::Department => PlaceType::Department,
            PlaceKind::Region => PlaceType::Region,
            PlaceKind::Country => PlaceType::Country,
            PlaceKind::Territory => PlaceType::Territory,
            PlaceKind::City => PlaceType::City,
            PlaceKind::Other => PlaceType::Other,
        },
        code: some(row.code()),
        country: some(row.country()),
        mentions: vec![span],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Record;

    /// Throughput of this extractor alone on the place corpus phrases (much
    /// denser in names than news) or on the file `DEPECHE_BENCH_TEXT` names:
    /// `cargo test --release --lib -- --ignored places_throughput --nocapture`.
    #[test]
    #[ignore]
    fn places_throughput() {
        let corpus = include_str!("../../../tests/corpus/places.txt");
        // DEPECHE_BENCH_TEXT=<file> measures on news text instead.
        let text: String = match std::env::var("DEPECHE_BENCH_TEXT") {
            Ok(path) => std::fs::read_to_string(path).unwrap_or_default(),
            Err(_) => corpus
                .lines()
                .filter(|l| !l.starts_with('#') && !l.starts_with('@'))
                .map(|l| {
                    l.split('\t')
                        .next()
                        .unwrap_or("")
                        .replace(['[', ']', '!'], "")
                })
                .collect::<Vec<_>>()
                .join("\n"),
        };
        let docs: Vec<Document> = (0..200).map(|_| Document::new(text.as_str())).collect();
        let record = Record::new(crate::record::RecordId::Text(String::new()));
        let ctx = Context {
            published: None,
            record: &record,
        };
        let t = std::time::Instant::now();
        let found: usize = docs.iter().map(|d| extract(d, &ctx).len()).sum();
        let secs = t.elapsed().as_secs_f64();
        let mb = (text.len() * docs.len()) as f64 / 1e6;
        println!(
            "places: {mb:.1} MB in {secs:.3} s = {:.0} MB/s ({found} places)",
            mb / secs
        );
    }
}

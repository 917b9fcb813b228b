//! depeche reads French news articles and writes one JSON event record per
//! article: dates, figures, people, organizations, places, charges, legal
//! actions, quotes and the main event, each tied to its exact span of text.
//!
//! # Overview
//!
//! * [`text::decode`] turns input bytes into text (BOM, Windows-1252).
//! * [`text::Document`] analyses it once: normalized view, tokens, sentences,
//!   headline.
//! * [`extract`] runs the extractors and returns a [`Record`], the JSON
//!   object of the SPEC; [`extract_many`] does it for a few dozen articles
//!   at once, faster (what `--jsonl` and `batch` use).
//!
//! ```
//! use depeche::{extract, parse_published, text::Document, Options, RecordId};
//! let doc = Document::new("Fermeture du site Coco\n\nLe site a été fermé mardi.");
//! let opts = Options { published: Some(parse_published("2024-06-25")?), ..Options::default() };
//! let record = extract(RecordId::Text("coco.txt".into()), &doc, &opts);
//! assert_eq!(record.title.as_deref(), Some("Fermeture du site Coco"));
//! assert_eq!(record.published.as_deref(), Some("2024-06-25"));
//! # Ok::<(), String>(())
//! ```

#![deny(missing_docs)]

pub mod error;
pub mod event;
pub mod extract;
pub mod lexicon;
mod links;
pub mod record;
pub mod text;

pub use error::Error;
pub use extract::{Kind, KindSet};
pub use record::{Record, RecordId};

use chrono::{NaiveDate, NaiveDateTime};
use text::Document;

/// What the caller knows and wants besides the text.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Publication moment, the reference for relative dates.
    pub published: Option<NaiveDateTime>,
    /// The fact kinds to output (`--only`); all by default.
    pub only: KindSet,
}

/// Extracts the record of one analysed article.
///
/// Extraction never fails: what it cannot do becomes a `warnings` entry.
pub fn extract(id: RecordId, doc: &Document, opts: &Options) -> Record {
    let mut records = extract_many([(id, doc, opts)]);
    records.pop().expect("one record per article")
}

/// The records of several analysed articles, in order: what [`extract`]
/// gives for each, sooner, as each extractor runs over all of them before
/// the next one starts (see [`extract::run`]). For a stream, a few dozen
/// articles at a time.
pub fn extract_many<'a>(
    articles: impl IntoIterator<Item = (RecordId, &'a Document, &'a Options)>,
) -> Vec<Record> {
    let mut jobs: Vec<extract::Job> = articles
        .into_iter()
        .map(|(id, doc, opts)| start(id, doc, opts))
        .collect();
    extract::run(&mut jobs);
    jobs.into_iter()
        .map(|job| {
            let mut record = job.record;
            record.sort();
            links::link(job.doc, &mut record);
            record
        })
        .collect()
}

/// What comes before the extractors: the record with its title,
/// publication date and language warnings, and the reference date, found
/// in the text when the caller gave none.
fn start<'a>(id: RecordId, doc: &'a Document, opts: &Options) -> extract::Job<'a> {
    let mut record = Record::new(id);
    record.title = doc.title().map(|r| doc.span(r).text.trim().to_string());
    record.published = opts.published.map(|p| p.date().to_string());
    let lang = text::lang::guess(doc);
    if lang != "fr" {
        record.lang = lang.to_string();
        record.warnings.push(format!(
            "text does not look French (looks like `{lang}`): facts may be wrong"
        ));
    }
    let mut published = opts.published;
    let mut spotted = None;
    if published.is_none() {
        let dates = extract::dates::spot(doc);
        published =
            extract::dates::published_in(doc, &dates).map(|d| d.and_time(chrono::NaiveTime::MIN));
        spotted = Some(dates);
        match published {
            Some(p) => {
                let day = p.date().to_string();
                record
                    .warnings
                    .push(format!("publication date detected from the text: {day}"));
                record.published = Some(day);
            }
            None => record
                .warnings
                .push("no publication date: relative dates are left unresolved".to_string()),
        }
    }
    extract::Job {
        doc,
        published,
        only: opts.only,
        spotted,
        record,
    }
}

/// Decodes raw bytes and analyses the text: the document and the decoding
/// warnings (for the front of the record's `warnings`).
///
/// # Errors
///
/// The decoding errors of [`text::decode`]: empty, binary or oversized input.
pub fn analyse(bytes: &[u8]) -> Result<(Document, Vec<String>), Error> {
    if bytes.len() >= u32::MAX as usize {
        return Err(Error::TooLarge);
    }
    let decoded = text::decode(bytes)?;
    Ok((Document::new(decoded.text), decoded.warnings))
}

/// Decodes raw bytes and extracts their record; decoding warnings come first
/// in `warnings`.
///
/// # Errors
///
/// The decoding errors of [`text::decode`]: empty, binary or oversized input.
pub fn extract_bytes(id: RecordId, bytes: &[u8], opts: &Options) -> Result<Record, Error> {
    let (doc, warnings) = analyse(bytes)?;
    let mut record = extract(id, &doc, opts);
    record.warnings.splice(0..0, warnings);
    Ok(record)
}

/// Parses a publication date or date-time: `2024-06-25`,
/// `2024-06-25T14:30`, `2024-06-25T14:30:00`, `2024-06-25 14:30:00`, with an
/// optional fraction and zone (`Z`, `+02:00`), which are ignored: the local
/// time of the newsroom is what the text's « ce soir » refers to.
///
/// # Errors
///
/// A message naming the value when it is none of these forms.
///
/// # Example
///
/// ```
/// let t = depeche::parse_published("2024-06-25T14:30:00+02:00")?;
/// assert_eq!(t.to_string(), "2024-06-25 14:30:00");
/// assert!(depeche::parse_published("25/06/2024").is_err());
/// # Ok::<(), String>(())
/// ```
pub fn parse_published(s: &str) -> Result<NaiveDateTime, String> {
    let s = s.trim();
    let bad = || format!("invalid date `{s}` (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS])");
    let (date, time) = match s.find(['T', ' ']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| bad())?;
    let Some(time) = time else {
        return Ok(date.and_time(chrono::NaiveTime::MIN));
    };
    // Drop a zone suffix and a fraction of a second.
    let time = time.trim_end_matches('Z');
    let time = match time.rfind(['+', '-']) {
        Some(i) if i >= 5 => &time[..i],
        _ => time,
    };
    let time = time.split('.').next().unwrap_or(time);
    let parsed = chrono::NaiveTime::parse_from_str(time, "%H:%M:%S")
        .or_else(|_| chrono::NaiveTime::parse_from_str(time, "%H:%M"))
        .map_err(|_| bad())?;
    Ok(date.and_time(parsed))
}

/// The texts of the files of `fixtures/`, for the tests that check a
/// rule or a matcher over real articles.
#[cfg(test)]
pub(crate) fn fixture_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let texts: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures folder")
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    assert!(texts.len() > 10, "fixtures folder");
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_forms() {
        for (s, want) in [
            ("2024-06-25", "2024-06-25 00:00:00"),
            ("2024-06-25T14:30", "2024-06-25 14:30:00"),
            ("2024-06-25 14:30:05", "2024-06-25 14:30:05"),
            ("2024-06-25T14:30:05.123Z", "2024-06-25 14:30:05"),
            ("2024-06-25T14:30:05-05:00", "2024-06-25 14:30:05"),
        ] {
            assert_eq!(
                parse_published(s).map(|t| t.to_string()),
                Ok(want.to_string()),
                "{s}"
            );
        }
        for s in ["", "2024-13-01", "25/06/2024", "2024-06-25Tnoon"] {
            assert!(parse_published(s).is_err(), "{s}");
        }
    }

    /// Extracting articles together gives each the record it gets alone,
    /// whatever the options of its neighbours.
    #[test]
    fn together_as_alone() {
        let docs: Vec<Document> = fixture_texts().into_iter().map(Document::new).collect();
        let published = parse_published("2024-06-25").ok();
        let options = [
            Options::default(),
            Options {
                published,
                ..Options::default()
            },
            Options {
                published,
                only: KindSet::of(&[Kind::People, Kind::Charges]),
            },
        ];
        let articles: Vec<(RecordId, &Document, &Options)> = docs
            .iter()
            .enumerate()
            .map(|(i, doc)| (RecordId::Number(i.into()), doc, &options[i % options.len()]))
            .collect();
        let alone: Vec<Record> = articles
            .iter()
            .map(|(id, doc, opts)| extract(id.clone(), doc, opts))
            .collect();
        let together = extract_many(articles);
        assert_eq!(together.len(), alone.len());
        for (a, b) in together.iter().zip(&alone) {
            assert_eq!(
                serde_json::to_string(a).expect("serializes"),
                serde_json::to_string(b).expect("serializes")
            );
        }
    }

    #[test]
    fn decode_warnings_come_first() {
        let opts = Options::default();
        let rec = extract_bytes(
            RecordId::Text("a".into()),
            b"Le caf\xE9 est ferm\xE9.",
            &opts,
        )
        .unwrap();
        assert_eq!(
            rec.warnings[0],
            "input is not UTF-8: decoded as windows-1252"
        );
        assert!(rec.warnings[1].starts_with("no publication date"));
    }
}

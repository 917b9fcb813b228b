//! Runs the per-extractor example corpora of `tests/corpus/<kind>.txt`, in the
//! spirit of Duckling's corpora: every rule is backed by phrases with the
//! values they must give, and by phrases that must give nothing.
//!
//! # Format
//!
//! One example per line; `#` starts a comment line.
//!
//! * `@ref 2024-06-25` (or a date-time) sets the publication date of the
//!   lines below it; `@ref none` removes it.
//! * `phrase<TAB>{json}`: a positive. The fact's span is the part of the
//!   phrase in `[brackets]`, or the whole phrase. It passes when one fact of
//!   the file's kind has exactly that span (for people, organizations, places
//!   and charges: one of its mentions; for actions: its trigger) and holds
//!   every key of `{json}` with the same value (a subset match).
//! * `!phrase`: a negative; no fact of the kind may overlap the bracketed part
//!   (or the whole phrase).
//!
//! The runner collects every failure with its line number and fails once.

use depeche::{extract, parse_published, text::Document, Kind, KindSet, Options, RecordId};
use serde_json::Value;
use std::path::Path;

/// A fact as the corpus sees it: its span and its JSON.
struct Found {
    start: usize,
    end: usize,
    json: Value,
}

/// The facts of `kind` in a record serialized as JSON.
fn facts(record: &Value, kind: Kind) -> Vec<Found> {
    let list = record[kind.name()].as_array().cloned().unwrap_or_default();
    let span = |v: &Value| {
        (
            v["start"].as_u64().unwrap_or(0) as usize,
            v["end"].as_u64().unwrap_or(0) as usize,
        )
    };
    let mut out = Vec::new();
    for fact in list {
        match kind {
            Kind::People | Kind::Organizations | Kind::Places | Kind::Charges => {
                for m in fact["mentions"].as_array().cloned().unwrap_or_default() {
                    let (start, end) = span(&m);
                    out.push(Found {
                        start,
                        end,
                        json: fact.clone(),
                    });
                }
            }
            Kind::Actions => {
                let (start, end) = span(&fact["trigger"]);
                out.push(Found {
                    start,
                    end,
                    json: fact,
                });
            }
            _ => {
                let (start, end) = span(&fact);
                out.push(Found {
                    start,
                    end,
                    json: fact,
                });
            }
        }
    }
    out
}

/// Whether `want`'s keys all hold equal values in `got` (numbers compared as f64).
fn subset(want: &Value, got: &Value) -> bool {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => w
            .iter()
            .all(|(k, v)| g.get(k).is_some_and(|gv| subset(v, gv))),
        (Value::Number(a), Value::Number(b)) => {
            (a.as_f64().unwrap_or(f64::NAN) - b.as_f64().unwrap_or(f64::NAN)).abs() < 1e-9
        }
        _ => want == got,
    }
}

/// Strips the `[ ]` marks of a phrase; returns the text and the marked char range.
fn marked(phrase: &str) -> (String, usize, usize) {
    let text: String = phrase.chars().filter(|&c| c != '[' && c != ']').collect();
    match (phrase.find('['), phrase.find(']')) {
        (Some(a), Some(b)) if a < b => {
            let start = phrase[..a].chars().count();
            let end = phrase[..b].chars().count() - 1;
            (text, start, end)
        }
        _ => {
            let n = text.chars().count();
            (text, 0, n)
        }
    }
}

fn run_corpus(kind: Kind) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(format!("{}.txt", kind.name()));
    let corpus =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut published = None;
    let mut failures = Vec::new();
    let mut examples = 0;
    for (n, line) in corpus.lines().enumerate() {
        let line_no = n + 1;
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(r) = line.strip_prefix("@ref ") {
            published = if r.trim() == "none" {
                None
            } else {
                Some(parse_published(r).expect("valid @ref"))
            };
            continue;
        }
        examples += 1;
        let (negative, body) = match line.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let (phrase, want) = match body.split_once('\t') {
            Some((p, j)) if !negative => (
                p,
                Some(
                    serde_json::from_str::<Value>(j)
                        .unwrap_or_else(|e| panic!("line {line_no}: bad JSON: {e}")),
                ),
            ),
            _ => (body, None),
        };
        let (text, start, end) = marked(phrase);
        let opts = Options {
            published,
            only: KindSet::of(&[kind]),
        };
        let record = extract(
            RecordId::Text(String::new()),
            &Document::new(text.as_str()),
            &opts,
        );
        let record = serde_json::to_value(&record).expect("record serializes");
        let found = facts(&record, kind);
        let show = |f: &[Found]| {
            f.iter()
                .map(|x| format!("{}..{} {}", x.start, x.end, x.json))
                .collect::<Vec<_>>()
                .join(" | ")
        };
        if negative {
            let hits: Vec<Found> = found
                .into_iter()
                .filter(|f| f.start < end && start < f.end)
                .collect();
            if !hits.is_empty() {
                failures.push(format!(
                    "{line_no}: !{phrase}\n    expected nothing, got {}",
                    show(&hits)
                ));
            }
        } else {
            let want = want.unwrap_or(Value::Object(Default::default()));
            let exact: Vec<&Found> = found
                .iter()
                .filter(|f| f.start == start && f.end == end)
                .collect();
            if !exact.iter().any(|f| subset(&want, &f.json)) {
                failures.push(format!(
                    "{line_no}: {phrase}\n    want {want} on {start}..{end}\n    got  {}",
                    show(&found)
                ));
            }
        }
    }
    assert!(examples > 0, "{}: no examples", path.display());
    if !failures.is_empty() {
        panic!(
            "{}: {} of {examples} examples failed\n{}",
            path.display(),
            failures.len(),
            failures.join("\n")
        );
    }
}

#[test]
fn corpus_runner_marks_spans() {
    assert_eq!(
        marked("un homme de [45 ans]"),
        ("un homme de 45 ans".to_string(), 12, 18)
    );
    assert_eq!(marked("hier"), ("hier".to_string(), 0, 4));
    assert!(subset(
        &serde_json::json!({"value": 23000}),
        &serde_json::json!({"value": 23000.0, "unit": "x"})
    ));
    assert!(!subset(
        &serde_json::json!({"unit": "y"}),
        &serde_json::json!({"unit": "x"})
    ));
}

#[test]
fn quotes() {
    run_corpus(Kind::Quotes);
}

#[test]
fn charges() {
    run_corpus(Kind::Charges);
}

#[test]
fn actions() {
    run_corpus(Kind::Actions);
}

#[test]
fn dates() {
    run_corpus(Kind::Dates);
}

#[test]
fn places() {
    run_corpus(Kind::Places);
}

#[test]
fn figures() {
    run_corpus(Kind::Figures);
}

#[test]
fn people() {
    run_corpus(Kind::People);
}

#[test]
fn organizations() {
    run_corpus(Kind::Organizations);
}

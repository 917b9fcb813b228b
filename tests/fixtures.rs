//! Snapshot of the full record of every article in `fixtures/`.
//!
//! One snapshot per fixture (`snapshots/fixtures__record@<file>.snap`), JSON
//! pretty-printed so that a diff shows one changed field per line. The
//! publication date of each fixture comes from `fixtures/index.tsv`.

use depeche::{extract_bytes, parse_published, Options, RecordId};
use std::collections::HashMap;
use std::path::Path;

/// `file → published` from `fixtures/index.tsv` (`None` for `-`).
fn index() -> HashMap<String, Option<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/index.tsv");
    let text = std::fs::read_to_string(path).expect("fixtures/index.tsv is readable");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut cols = l.split('\t');
            let file = cols.next().unwrap_or_default().to_string();
            let published = cols.next().filter(|p| *p != "-").map(str::to_string);
            (file, published)
        })
        .collect()
}

#[test]
fn record() {
    let index = index();
    insta::glob!("../fixtures", "*.txt", |path| {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("UTF-8 file name");
        let published = index
            .get(name)
            .unwrap_or_else(|| panic!("fixtures/index.tsv has no line for {name}"));
        let opts = Options {
            published: published
                .as_deref()
                .map(|p| parse_published(p).expect("valid date in index.tsv")),
            ..Options::default()
        };
        let bytes = std::fs::read(path).expect("fixture is readable");
        let record = extract_bytes(RecordId::Text(name.to_string()), &bytes, &opts)
            .expect("fixture decodes");
        insta::assert_json_snapshot!("record", record);
    });
}

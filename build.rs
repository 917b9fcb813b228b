//! Compiles the embedded lexicons that are too big to build at start-up.
//!
//! The place gazetteer (`src/lexicon/data/places.tsv` plus the hand rows of
//! `src/extract/places/extra.tsv`) becomes an `fst` map from lookup key (see
//! `src/extract/places/key.rs`) to a group of rows, and a Rust table of those
//! rows; the given names (`src/lexicon/data/given_names.tsv`) become two
//! `fst` maps, from name to frequency class and from folded lower-case name
//! to sex; the date rule patterns (`src/extract/dates/rules/patterns.txt`)
//! become one anchored sparse DFA, and each pattern of
//! `src/extract/regex_patterns.rs` a forward and a reverse one. All
//! are written to `OUT_DIR` and embedded with `include_bytes!` / `include!`,
//! so loading them costs nothing at run time (building them at every start
//! cost ~60 ms).

#[path = "src/extract/places/key.rs"]
mod key;
/// The text normalization of the crate, so that keys fold like the text.
#[path = "src/text/normalize.rs"]
#[allow(dead_code)] // only `fold_str` is needed here
mod normalize;
/// The regex patterns compiled into DFAs here.
#[path = "src/extract/regex_patterns.rs"]
mod regex_patterns;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

const PLACES: &str = "src/lexicon/data/places.tsv";
const EXTRA: &str = "src/extract/places/extra.tsv";
const GIVEN: &str = "src/lexicon/data/given_names.tsv";
const DATE_PATTERNS: &str = "src/extract/dates/rules/patterns.txt";
/// Phrase lists compiled into fst maps (phrase → lowest line index), with
/// the name of the file written to `OUT_DIR`.
const PHRASES: &[(&str, &str)] = &[
    (
        "src/extract/charges/offence.patterns.txt",
        "offence.patterns.fst",
    ),
    (
        "src/extract/actions/trigger.patterns.txt",
        "trigger.patterns.fst",
    ),
    ("src/extract/people/role.patterns.txt", "role.patterns.fst"),
    (
        "src/extract/organizations/organization.patterns.txt",
        "organization.patterns.fst",
    ),
];

fn main() {
    for f in [
        PLACES,
        EXTRA,
        GIVEN,
        DATE_PATTERNS,
        "src/extract/regex_patterns.rs",
        "src/extract/places/key.rs",
        "src/text/normalize.rs",
    ] {
        println!("cargo:rerun-if-changed={f}");
    }
    for (f, _) in PHRASES {
        println!("cargo:rerun-if-changed={f}");
    }
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    let out = Path::new(&out_dir);
    build_places(out);
    build_given_names(out);
    build_given_sexes(out);
    for (file, fst) in PHRASES {
        build_phrases(out, file, fst);
    }
    build_date_starts(out);
    for (name, pattern) in [
        ("past", regex_patterns::PAST),
        ("future", regex_patterns::FUTURE),
        ("participle_before", regex_patterns::PARTICIPLE_BEFORE),
        ("number", regex_patterns::NUMBER),
        ("phone", regex_patterns::PHONE),
        ("roman", regex_patterns::ROMAN),
    ] {
        build_regex(out, name, pattern);
    }
}

/// Data lines of a TSV file: no `#` comment, no `name\t…` header.
fn data_lines(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with("name\t"))
        .map(|l| l.split('\t').collect())
}

fn kind_variant(kind: &str) -> &'static str {
    match kind {
        "commune" => "Commune",
        "arrondissement" => "Arrondissement",
        "department" => "Department",
        "region" => "Region",
        "country" => "Country",
        "territory" => "Territory",
        "city" => "City",
        "other" => "Other",
        k => panic!("unknown place kind {k:?}"),
    }
}

fn build_places(out: &Path) {
    // Row strings live in one blob and rows hold offsets into it: a table of
    // `&str` would need ~140,000 pointer relocations at every start.
    let mut strings = Strings::default();
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for file in [PLACES, EXTRA] {
        let text = std::fs::read_to_string(file).expect("gazetteer file is readable");
        for cols in data_lines(&text) {
            assert!(cols.len() >= 8, "{file}: short row {cols:?}");
            let mut k = String::new();
            key::push_key(cols[0], &mut k);
            let row = format!(
                "Row {{ kind: PlaceKind::{}, code: {}, country: {}, department: {}, \
                 population: {}, liaison: {}, name: {} }}",
                kind_variant(cols[1]),
                strings.add(cols[2]),
                strings.add(cols[3]),
                strings.add(cols[4]),
                cols[5].parse::<u32>().unwrap_or(0),
                cols[6].parse::<u8>().unwrap_or(255),
                strings.add(cols[7]),
            );
            let group = groups.entry(k).or_default();
            if !group.contains(&row) {
                group.push(row);
            }
        }
    }
    let mut table = String::from("[\n");
    let mut builder = fst::MapBuilder::memory();
    // The same map as text, `key\tvalue` a line: a long run copies it into
    // a hash map, which the fst's stream makes slow.
    let mut keys = String::new();
    let mut n = 0u64;
    for (k, rows) in &groups {
        assert!(rows.len() < 256, "too many rows for {k}");
        assert!(!k.contains(['\t', '\n']), "key {k:?} cannot be a line");
        builder
            .insert(k, n << 8 | rows.len() as u64)
            .expect("keys are inserted in order");
        let _ = writeln!(keys, "{k}\t{}", n << 8 | rows.len() as u64);
        for r in rows {
            let _ = writeln!(table, "    {r},");
            n += 1;
        }
    }
    table.push(']');
    let bytes = builder.into_inner().expect("fst builds");
    std::fs::write(out.join("places.fst"), bytes).expect("OUT_DIR is writable");
    std::fs::write(out.join("places_keys.txt"), keys).expect("OUT_DIR is writable");
    std::fs::write(out.join("places_rows.rs"), table).expect("OUT_DIR is writable");
    std::fs::write(out.join("places_strings.txt"), strings.blob).expect("OUT_DIR is writable");
}

/// The distinct strings of the place rows, end to end.
#[derive(Default)]
struct Strings {
    blob: String,
    seen: std::collections::HashMap<String, usize>,
}

impl Strings {
    /// The `Str` literal of `s`, adding it to the blob the first time.
    fn add(&mut self, s: &str) -> String {
        let start = *self.seen.entry(s.to_string()).or_insert_with(|| {
            self.blob.push_str(s);
            self.blob.len() - s.len()
        });
        let start = u32::try_from(start).expect("blob under 4 GB");
        let len = u16::try_from(s.len()).expect("place strings are short");
        format!("Str {{ start: {start}, len: {len} }}")
    }
}

fn build_given_names(out: &Path) {
    let text = std::fs::read_to_string(GIVEN).expect("given names file is readable");
    let mut names: BTreeMap<String, u64> = BTreeMap::new();
    for cols in data_lines(&text) {
        let class = match cols.get(2).copied() {
            Some("common") => 0,
            Some("uncommon") => 1,
            Some("rare") => 2,
            _ => 3,
        };
        names.insert(cols[0].replace('\u{2019}', "'"), class);
    }
    write_fst_map(out, "given_names.fst", &names);
}

/// Sex by given name, keyed like `Speakers` looks names up (folded, lower
/// case): 0 both, 1 male, 2 female; a later row wins, as in a `HashMap`.
fn build_given_sexes(out: &Path) {
    let text = std::fs::read_to_string(GIVEN).expect("given names file is readable");
    let mut names: BTreeMap<String, u64> = BTreeMap::new();
    for cols in data_lines(&text).filter(|c| c.len() >= 2) {
        let sex = match cols[1] {
            "m" => 1,
            "f" => 2,
            _ => 0,
        };
        names.insert(normalize::fold_str(cols[0]).to_lowercase(), sex);
    }
    write_fst_map(out, "given_sexes.fst", &names);
}

/// Writes a sorted map as an `fst` map file in `out`.
/// A phrase list (one a line after `#` comments) as an fst map from
/// phrase to its lowest index in the list.
fn build_phrases(out: &Path, file: &str, fst: &str) {
    let text = std::fs::read_to_string(file).expect("phrase file is readable");
    let mut map = BTreeMap::new();
    for (i, phrase) in text.lines().filter(|l| !l.starts_with('#')).enumerate() {
        map.entry(phrase.to_string()).or_insert(i as u64);
    }
    write_fst_map(out, fst, &map);
}

fn write_fst_map(out: &Path, file: &str, map: &BTreeMap<String, u64>) {
    let mut builder = fst::MapBuilder::memory();
    for (key, value) in map {
        builder
            .insert(key, *value)
            .expect("keys are inserted in order");
    }
    let bytes = builder.into_inner().expect("fst builds");
    std::fs::write(out.join(file), bytes).expect("OUT_DIR is writable");
}

/// The date rule patterns as one anchored DFA reporting every rule that
/// matches (the automaton of `src/extract/dates/rules/starts.rs`), sparse:
/// a dense one takes 14 MB, the sparse one half a megabyte.
fn build_date_starts(out: &Path) {
    use regex_automata::dfa::{dense, StartKind};
    let text = std::fs::read_to_string(DATE_PATTERNS).expect("date patterns are readable");
    let patterns: Vec<&str> = text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let dfa = dense::Builder::new()
        .configure(
            dense::Config::new()
                .match_kind(regex_automata::MatchKind::All)
                .start_kind(StartKind::Anchored),
        )
        .build_many(&patterns)
        .expect("date rule patterns compile as one DFA");
    write_sparse(out, "date_starts.dfa", &dfa);
}

/// A regex as a forward and a reverse DFA (`{name}.fwd.dfa`,
/// `{name}.rev.dfa`), read by `src/extract/embedded.rs`.
fn build_regex(out: &Path, name: &str, pattern: &str) {
    let re = regex_automata::dfa::regex::Regex::new(pattern).expect("the pattern compiles");
    write_sparse(out, &format!("{name}.fwd.dfa"), re.forward());
    write_sparse(out, &format!("{name}.rev.dfa"), re.reverse());
}

/// Writes `dfa` as a sparse DFA for the target's endianness.
fn write_sparse(out: &Path, file: &str, dfa: &regex_automata::dfa::dense::DFA<Vec<u32>>) {
    let sparse = dfa.to_sparse().expect("the DFA converts to a sparse one");
    let bytes = if std::env::var("CARGO_CFG_TARGET_ENDIAN").as_deref() == Ok("big") {
        sparse.to_bytes_big_endian()
    } else {
        sparse.to_bytes_little_endian()
    };
    std::fs::write(out.join(file), bytes).expect("OUT_DIR is writable");
}

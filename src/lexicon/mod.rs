//! Access to the committed data files of `src/lexicon/data/` (sources and
//! licences in its `SOURCES.md`).
//!
//! Files are embedded with `include_str!` and parsed once, on first use, by
//! the extractor that needs them (in a `LazyLock`). They are tab-separated:
//! a first `# source: …` line, a header line, then one row per line. Lists
//! inside a cell are `|`-separated.

pub mod given;

/// The data rows of an embedded TSV file: comment lines (`#`) and the header
/// line are skipped, each row is split on tabs.
///
/// # Example
///
/// ```
/// let tsv = "# source: test\nname\tkind\nParis\tcommune\n\nVar\tdepartment\n";
/// let rows: Vec<Vec<&str>> = depeche::lexicon::rows(tsv).collect();
/// assert_eq!(rows, [vec!["Paris", "commune"], vec!["Var", "department"]]);
/// ```
pub fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split('\t').collect())
}

/// The `|`-separated items of a cell, trimmed, empty ones dropped.
pub fn list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split('|').map(str::trim).filter(|s| !s.is_empty())
}

/// `offences.tsv`: label, offence, category, law, forms, ref_source, ambiguous.
pub const OFFENCES: &str = include_str!("data/offences.tsv");
/// `qualifiers.tsv`: qualifier, forms.
pub const QUALIFIERS: &str = include_str!("data/qualifiers.tsv");
/// `roles.tsv`: role, official, category, forms.
pub const ROLES: &str = include_str!("data/roles.tsv");
/// `organizations.tsv`: name, type, forms, acronym.
pub const ORGANIZATIONS: &str = include_str!("data/organizations.tsv");
/// `given_names.tsv`: name, sex, class.
pub const GIVEN_NAMES: &str = include_str!("data/given_names.tsv");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_has_rows_of_its_header_width() {
        for (name, data, width) in [
            ("offences", OFFENCES, 7),
            ("qualifiers", QUALIFIERS, 2),
            ("roles", ROLES, 4),
            ("organizations", ORGANIZATIONS, 4),
            ("given_names", GIVEN_NAMES, 3),
        ] {
            let mut n = 0;
            for row in rows(data) {
                assert_eq!(row.len(), width, "{name}: {row:?}");
                n += 1;
            }
            assert!(n > 0, "{name} is empty");
        }
    }
}

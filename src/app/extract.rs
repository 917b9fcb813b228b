//! `depeche extract FILE...` and bare `depeche`: one record per input file.

use super::{guarded, message, read_input, render, Outcome};
use crate::cli::Common;
use depeche::RecordId;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Extracts each file (stdin when none or `-`) in order, reporting the ones
/// that fail and writing the others.
pub fn run(files: &[PathBuf], common: &Common) -> anyhow::Result<Outcome> {
    let stdin = [PathBuf::from("-")];
    let files = if files.is_empty() { &stdin[..] } else { files };
    let opts = common.options();
    let mut out = io::stdout().lock();
    let mut failed = 0;
    for path in files {
        match guarded(|| one(path, &opts)) {
            Ok(record) => out.write_all(&render(&record, common.pretty))?,
            Err(err) => {
                failed += 1;
                message(&format!("{}: {err}", display(path)));
            }
        }
    }
    out.flush()?;
    Ok(Outcome::from_failures(failed))
}

fn one(path: &Path, opts: &depeche::Options) -> anyhow::Result<depeche::Record> {
    let bytes = read_input(path)?;
    Ok(depeche::extract_bytes(
        RecordId::Text(display(path)),
        &bytes,
        opts,
    )?)
}

/// The name of an input in ids and messages: the path as given, `-` for stdin.
pub fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

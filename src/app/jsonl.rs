//! `depeche extract --jsonl`: a stream of `{"id", "text", "published"}` lines
//! in, one record line out per input line, in order.
//!
//! It streams: one line is read, extracted and written before the next is
//! read, with buffers reused, so memory does not grow with the stream. A bad
//! line is reported with its line number and skipped. A line's `published`
//! wins over `--ref-date`, which is the fallback for lines without one. A
//! line without `id` gets its line number as id.

use super::{extract::display, guarded, message, render, Outcome};
use crate::cli::Common;
use depeche::{text::Document, RecordId};
use serde::Deserialize;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::PathBuf;

#[derive(Deserialize)]
struct Line {
    id: Option<serde_json::Value>,
    text: Option<String>,
    published: Option<String>,
}

/// Processes each JSONL input (stdin when none or `-`) in order.
pub fn run(files: &[PathBuf], common: &Common) -> anyhow::Result<Outcome> {
    let stdin = [PathBuf::from("-")];
    let files = if files.is_empty() { &stdin[..] } else { files };
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut failed = 0;
    for path in files {
        let name = display(path);
        let reader: Box<dyn Read> = if name == "-" {
            Box::new(io::stdin().lock())
        } else {
            match std::fs::File::open(path) {
                Ok(f) => Box::new(f),
                Err(e) => {
                    failed += 1;
                    message(&format!("{name}: {}", super::io_reason(&e)));
                    continue;
                }
            }
        };
        failed += stream(
            BufReader::with_capacity(1 << 16, reader),
            &name,
            common,
            &mut out,
        )?;
    }
    out.flush()?;
    Ok(Outcome::from_failures(failed))
}

/// Streams one JSONL source; returns how many lines failed. Only write errors
/// (a closed pipe) stop it.
fn stream(
    mut input: impl BufRead,
    name: &str,
    common: &Common,
    out: &mut impl Write,
) -> anyhow::Result<usize> {
    let opts = common.options();
    let mut buf = Vec::new();
    let mut failed = 0;
    for line_no in 1.. {
        buf.clear();
        match input.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                message(&format!("{name}:{line_no}: {}", super::io_reason(&e)));
                return Ok(failed + 1);
            }
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match guarded(|| record(&buf, line_no, &opts)) {
            Ok(record) => out.write_all(&render(&record, common.pretty))?,
            Err(reason) => {
                failed += 1;
                message(&format!("{name}:{line_no}: {reason}"));
            }
        }
    }
    Ok(failed)
}

fn record(
    bytes: &[u8],
    line_no: usize,
    opts: &depeche::Options,
) -> Result<depeche::Record, String> {
    let line: Line =
        serde_json::from_slice(bytes).map_err(|e| format!("invalid JSON line: {e}"))?;
    let id = match line.id {
        None | Some(serde_json::Value::Null) => RecordId::Number(line_no.into()),
        Some(serde_json::Value::String(s)) => RecordId::Text(s),
        Some(serde_json::Value::Number(n)) => RecordId::Number(n),
        Some(other) => return Err(format!("`id` must be a string or a number, not `{other}`")),
    };
    let text = line.text.ok_or("missing `text`")?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim().is_empty() {
        return Err(depeche::Error::Empty.to_string());
    }
    let mut warnings = Vec::new();
    let mut opts = opts.clone();
    if let Some(p) = line.published.as_deref().filter(|p| !p.trim().is_empty()) {
        match depeche::parse_published(p) {
            Ok(t) => opts.published = Some(t),
            Err(e) => warnings.push(format!("`published` ignored: {e}")),
        }
    }
    let mut rec = depeche::extract(id, &Document::new(text), &opts);
    rec.warnings.splice(0..0, warnings);
    Ok(rec)
}

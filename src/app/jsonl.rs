//! `depeche extract --jsonl`: a stream of `{"id", "text", "published"}` lines
//! in, one record line out per input line, in order.
//!
//! It streams: a few dozen lines at most are read, extracted and written
//! before the next are read, so memory does not grow with the stream. A bad
//! line is reported with its line number and skipped. A line's `published`
//! wins over `--ref-date`, which is the fallback for lines without one. A
//! line without `id` gets its line number as id.

use super::{
    extract::display, guarded, message, records, render, Article, Outcome, TOGETHER_BYTES,
};
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

/// Lines extracted together (see [`depeche::extract_many`]): enough for
/// each extractor's tables to stay in the processor's caches from one
/// article to the next (16 to 64 lines of 2 KB gain alike), few enough to
/// keep memory flat.
const BATCH: usize = 32;

/// Streams one JSONL source; returns how many lines failed. Only write errors
/// (a closed pipe) stop it.
///
/// Lines are read into a batch while complete ones wait in the input
/// buffer, up to [`BATCH`] lines or [`TOGETHER_BYTES`], and the output is flushed whenever the input
/// has no complete line waiting: input that comes a line at a time (a pipe
/// fed by hand, a program waiting for each answer) is answered a line at a
/// time, never held back.
fn stream<R: Read>(
    mut input: BufReader<R>,
    name: &str,
    common: &Common,
    out: &mut impl Write,
) -> anyhow::Result<usize> {
    let opts = common.options();
    let mut batch: Vec<(usize, Vec<u8>)> = Vec::with_capacity(BATCH);
    let mut failed = 0;
    let mut line_no = 0;
    loop {
        let mut stop = false;
        let mut waiting;
        let mut bytes = 0;
        loop {
            let mut buf = Vec::new();
            match input.read_until(b'\n', &mut buf) {
                Ok(0) => stop = true,
                Ok(_) => {
                    line_no += 1;
                    bytes += buf.len();
                    if !buf.iter().all(u8::is_ascii_whitespace) {
                        batch.push((line_no, buf));
                    }
                }
                Err(e) => {
                    message(&format!("{name}:{}: {}", line_no + 1, super::io_reason(&e)));
                    failed += 1;
                    stop = true;
                }
            }
            waiting = memchr::memchr(b'\n', input.buffer()).is_some();
            if stop || !waiting || batch.len() >= BATCH || bytes >= TOGETHER_BYTES {
                break;
            }
        }
        failed += extract_batch(&batch, name, common, &opts, out)?;
        batch.clear();
        if !waiting {
            out.flush()?;
        }
        if stop {
            return Ok(failed);
        }
    }
}

/// Extracts and writes the records of `lines` (number, bytes), in order;
/// returns how many failed.
fn extract_batch(
    lines: &[(usize, Vec<u8>)],
    name: &str,
    common: &Common,
    opts: &depeche::Options,
    out: &mut impl Write,
) -> anyhow::Result<usize> {
    let articles = lines
        .iter()
        .map(|(line_no, bytes)| guarded(|| article(bytes, *line_no, opts)))
        .collect();
    let mut failed = 0;
    for ((line_no, _), record) in lines.iter().zip(records(articles)) {
        match record {
            Ok(record) => out.write_all(&render(&record, common.pretty))?,
            Err(reason) => {
                failed += 1;
                message(&format!("{name}:{line_no}: {reason}"));
            }
        }
    }
    Ok(failed)
}

fn article(bytes: &[u8], line_no: usize, opts: &depeche::Options) -> Result<Article, String> {
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
    Ok(Article {
        id,
        doc: Document::new(text),
        opts,
        warnings,
    })
}

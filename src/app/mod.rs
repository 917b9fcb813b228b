//! I/O and orchestration of the commands: reading inputs, writing whole
//! records, reporting bad inputs without stopping. Nothing here extracts.

mod batch;
mod extract;
mod jsonl;
mod show;
mod show_html;

use crate::cli::{Cli, Command};
use depeche::Record;
use std::io::{self, Write};

/// How a command ended when it did not fail as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every input gave its record.
    AllGood,
    /// Some inputs failed and were reported; the others were written.
    SomeFailed,
}

impl Outcome {
    fn from_failures(failed: usize) -> Self {
        if failed == 0 {
            Outcome::AllGood
        } else {
            Outcome::SomeFailed
        }
    }
}

/// Runs the command line.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        None if cli.jsonl => jsonl::run(&[], &cli.common),
        None => extract::run(&[], &cli.common),
        Some(Command::Extract(args)) if args.jsonl => jsonl::run(&args.files, &args.common),
        Some(Command::Extract(args)) => extract::run(&args.files, &args.common),
        Some(Command::Batch(args)) => batch::run(&args),
        Some(Command::Show(args)) => show::run(&args),
        Some(Command::Schema) => {
            let schema = schemars::schema_for!(Record);
            let mut out = serde_json::to_string_pretty(&schema)?;
            out.push('\n');
            io::stdout().lock().write_all(out.as_bytes())?;
            Ok(Outcome::AllGood)
        }
    }
}

/// A run stopped by Ctrl-C or SIGTERM; its output file was left untouched.
/// Only its message is used: the handler ends the process itself.
#[derive(Debug)]
pub struct Interrupted;

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("interrupted: output file left untouched")
    }
}

impl std::error::Error for Interrupted {}

/// Serializes a record into one buffer, newline included, so that it is
/// written whole or not at all.
pub fn render(record: &Record, pretty: bool) -> Vec<u8> {
    let mut buf = Vec::with_capacity(4096);
    let written = if pretty {
        serde_json::to_writer_pretty(&mut buf, record)
    } else {
        serde_json::to_writer(&mut buf, record)
    };
    // Serializing plain structs of strings and numbers into memory cannot fail.
    written.expect("record serializes");
    buf.push(b'\n');
    buf
}

/// Runs the extraction of one input, turning a panic (a bug) into an error
/// for that input, so that one article cannot end a whole run.
pub fn guarded<T, E: std::fmt::Display>(f: impl FnOnce() -> Result<T, E>) -> Result<T, String> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(result) => result.map_err(|e| format!("{e:#}")),
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            Err(format!("internal error (please report it): {what}"))
        }
    }
}

/// Articles are extracted together up to this many bytes of input, so that
/// long ones are extracted one at a time and memory stays that of the
/// longest.
pub const TOGETHER_BYTES: usize = 256 << 10;

/// An input read and analysed, ready for the extractors.
pub struct Article {
    /// The record's `id`.
    pub id: depeche::RecordId,
    /// The analysed text.
    pub doc: depeche::text::Document,
    /// Its options (a JSON Lines `published` changes them per line).
    pub opts: depeche::Options,
    /// About the input itself (decoding, a bad `published`): they come
    /// first in the record's `warnings`.
    pub warnings: Vec<String>,
}

/// The record of each input, in order: the articles extracted together
/// ([`extract_together`]), an input that failed before it was analysed
/// kept as its error.
pub fn records(inputs: Vec<Result<Article, String>>) -> Vec<Result<Record, String>> {
    let ready: Vec<Input> = inputs
        .iter()
        .flatten()
        .map(|a| (a.id.clone(), &a.doc, &a.opts))
        .collect();
    let mut extracted = extract_together(ready).into_iter();
    inputs
        .into_iter()
        .map(|input| {
            let article = input?;
            let mut record = extracted.next().expect("one result per article")?;
            record.warnings.splice(0..0, article.warnings);
            Ok(record)
        })
        .collect()
}

/// An article as [`depeche::extract`] takes it.
type Input<'a> = (
    depeche::RecordId,
    &'a depeche::text::Document,
    &'a depeche::Options,
);

/// The records of `articles`, extracted together ([`depeche::extract_many`],
/// faster than one by one); after a panic (a bug), each on its own, so that
/// only the article at fault is lost.
fn extract_together(articles: Vec<Input>) -> Vec<Result<Record, String>> {
    together_or_alone(articles, depeche::extract_many, depeche::extract)
}

/// [`extract_together`] with the extraction of all and of one as given.
fn together_or_alone<'a>(
    articles: Vec<Input<'a>>,
    all: impl FnOnce(Vec<Input<'a>>) -> Vec<Record>,
    one: impl Fn(depeche::RecordId, &depeche::text::Document, &depeche::Options) -> Record,
) -> Vec<Result<Record, String>> {
    match guarded(|| Ok::<_, String>(all(articles.clone()))) {
        Ok(records) => records.into_iter().map(Ok).collect(),
        Err(_) => articles
            .into_iter()
            .map(|(id, doc, opts)| guarded(|| Ok::<_, String>(one(id, doc, opts))))
            .collect(),
    }
}

/// Prints `depeche: <msg>` on stderr; a closed stderr is ignored.
pub fn message(msg: &str) {
    let _ = writeln!(io::stderr().lock(), "depeche: {msg}");
}

/// Whether an error comes from writing to a closed pipe.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Reads a whole input file, or stdin for `-`.
fn read_input(path: &std::path::Path) -> anyhow::Result<Vec<u8>> {
    use anyhow::Context as _;
    use std::io::Read;
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .lock()
            .read_to_end(&mut buf)
            .context("cannot read stdin")?;
        return Ok(buf);
    }
    if path.is_dir() {
        anyhow::bail!("is a directory (use `depeche batch` for folders)");
    }
    std::fs::read(path).map_err(|e| anyhow::anyhow!(io_reason(&e)))
}

/// A short lowercase reason for an I/O error, without the OS error number.
fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_lowercase(),
                None => s.to_lowercase(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use depeche::{text::Document, Options, RecordId};

    /// A panic in articles extracted together loses the one at fault only.
    #[test]
    fn a_panic_among_articles_together_loses_one() {
        let docs = [
            Document::new("Un."),
            Document::new("Deux."),
            Document::new("Trois."),
        ];
        let opts = Options::default();
        let id = |s: &str| RecordId::Text(s.to_string());
        let articles: Vec<Input> = ["a", "bad", "c"]
            .iter()
            .zip(&docs)
            .map(|(name, doc)| (id(name), doc, &opts))
            .collect();
        let all = |input: Vec<Input>| -> Vec<Record> {
            assert!(input.iter().all(|(i, ..)| *i != id("bad")), "bug");
            unreachable!()
        };
        let one = |i: RecordId, doc: &Document, opts: &Options| {
            assert_ne!(i, id("bad"), "bug");
            depeche::extract(i, doc, opts)
        };
        let got = together_or_alone(articles.clone(), all, one);
        let ids: Vec<Result<RecordId, bool>> = got
            .iter()
            .map(|r| {
                r.as_ref()
                    .map(|r| r.id.clone())
                    .map_err(|e| e.contains("bug"))
            })
            .collect();
        assert_eq!(ids, [Ok(id("a")), Err(true), Ok(id("c"))]);
        let together = extract_together(articles);
        assert!(together.iter().all(Result::is_ok));
    }

    #[test]
    fn a_panic_is_an_error_of_its_input() {
        let r: Result<(), String> = super::guarded(|| -> Result<(), String> { panic!("boom") });
        assert_eq!(
            r,
            Err("internal error (please report it): boom".to_string())
        );
        let r = super::guarded(|| Err::<(), _>(anyhow::anyhow!("input is empty")));
        assert_eq!(r, Err("input is empty".to_string()));
    }
}

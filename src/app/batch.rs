//! `depeche batch DIR... [-o OUT]`: every article under folders, in parallel,
//! written in path order whatever the thread count.
//!
//! Files are collected and sorted first, then processed in chunks: each
//! chunk is extracted in parallel (rayon keeps the order of an indexed
//! `collect`) and written before the next starts, so memory stays bounded by
//! the chunk, not the corpus. One bad file is reported and skipped; the exit
//! code says whether any failed. With `-o`, records go to a temporary file
//! next to OUT that is renamed over it only when the run completes, so OUT
//! holds a whole run or nothing new. Ctrl-C or SIGTERM during such a run
//! removes the temporary file and ends the process at once (exit code 130),
//! without waiting for the files being extracted (a 200 MB one takes a
//! while).

use super::{
    extract::display, guarded, message, read_input, records, render, Article, Outcome,
    TOGETHER_BYTES,
};
use crate::cli::BatchArgs;
use anyhow::Context as _;
use depeche::RecordId;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

/// The temporary output file of the run, until it is renamed: the Ctrl-C /
/// SIGTERM handler removes it. Holding the lock while renaming keeps the
/// handler from running between the rename and the end of the run.
static TEMPORARY: Mutex<Option<PathBuf>> = Mutex::new(None);

/// The Ctrl-C / SIGTERM handler of a run writing to `-o` (it runs on its own
/// thread): removes the temporary file and ends the process.
fn interrupted() {
    let mut tmp = TEMPORARY.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(path) = tmp.take() {
        let _ = std::fs::remove_file(path);
    }
    message(&super::Interrupted.to_string());
    std::process::exit(130);
}

/// Files extracted in parallel before their records are written.
const CHUNK: usize = 512;

/// Files one worker takes at a time; it extracts them together (see
/// [`depeche::extract_many`]) up to [`TOGETHER_BYTES`] at once.
const GROUP: usize = 16;

/// What a file gives: its size and rendered record, or why it failed.
type FileResult = (u64, Result<Vec<u8>, String>);

/// The size in bytes and the rendered record of each file of `group`, in
/// order, or why it failed.
fn extract_group(group: &[PathBuf], opts: &depeche::Options, pretty: bool) -> Vec<FileResult> {
    let mut out = Vec::with_capacity(group.len());
    let (mut sizes, mut pending) = (Vec::new(), Vec::new());
    let mut pending_bytes = 0;
    for (k, path) in group.iter().enumerate() {
        let read = guarded(|| {
            let bytes = read_input(path)?;
            let (doc, warnings) = depeche::analyse(&bytes)?;
            let id = RecordId::Text(display(path));
            let opts = opts.clone();
            Ok::<_, anyhow::Error>((
                bytes.len() as u64,
                Article {
                    id,
                    doc,
                    opts,
                    warnings,
                },
            ))
        });
        let (size, article) = match read {
            Ok((size, article)) => (size, Ok(article)),
            Err(e) => (0, Err(e)),
        };
        pending_bytes += size as usize;
        sizes.push(size);
        pending.push(article);
        if pending_bytes >= TOGETHER_BYTES || k + 1 == group.len() {
            for (size, record) in sizes.drain(..).zip(records(std::mem::take(&mut pending))) {
                out.push(match record {
                    Ok(record) => (size, Ok(render(&record, pretty))),
                    Err(e) => (0, Err(e)),
                });
            }
            pending_bytes = 0;
        }
    }
    out
}

/// Runs the batch command.
pub fn run(args: &BatchArgs) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let (files, mut failed) = collect(&args.dirs, &args.ext);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let progress = progress_bar(files.len() as u64);
    let opts = args.common.options();

    if args.output.is_some() {
        // Without this, the signal would kill the process and leave the
        // temporary file behind; installed before the file is created.
        ctrlc::set_handler(interrupted).context("cannot install the interrupt handler")?;
    }
    let mut sink = Sink::open(args.output.as_deref())?;
    let mut bytes_in = 0u64;
    for chunk in files.chunks(CHUNK) {
        let results: Vec<Vec<FileResult>> = pool.install(|| {
            chunk
                .par_chunks(GROUP)
                .map(|group| {
                    let results = extract_group(group, &opts, args.common.pretty);
                    progress.inc(group.len() as u64);
                    results
                })
                .collect()
        });
        for (path, (n, result)) in chunk.iter().zip(results.into_iter().flatten()) {
            match result {
                Ok(record) => {
                    bytes_in += n;
                    sink.write(&record)?;
                }
                Err(err) => {
                    failed += 1;
                    progress.suspend(|| message(&format!("{}: {err}", display(path))));
                }
            }
        }
    }
    progress.finish_and_clear();
    sink.commit()?;
    let _ = writeln!(
        io::stderr(),
        "{} articles, {failed} failed, {:.1} MB in {:.2} s",
        files.len(),
        bytes_in as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(Outcome::from_failures(failed))
}

/// The files to read under `roots`, sorted, and how many walk errors were
/// reported (unreadable folders, missing roots).
fn collect(roots: &[PathBuf], exts: &[String]) -> (Vec<PathBuf>, usize) {
    let mut files = Vec::new();
    let mut failed = 0;
    for root in roots {
        if root.is_file() {
            files.push(root.clone());
            continue;
        }
        for entry in walkdir::WalkDir::new(root) {
            match entry {
                Ok(e) if e.file_type().is_file() && has_ext(e.path(), exts) => {
                    files.push(e.into_path())
                }
                Ok(_) => {}
                Err(err) => {
                    failed += 1;
                    let path = err.path().map_or_else(|| display(root), display);
                    let reason = err
                        .io_error()
                        .map_or_else(|| err.to_string(), super::io_reason);
                    message(&format!("{path}: {reason}"));
                }
            }
        }
    }
    files.sort();
    files.dedup();
    (files, failed)
}

fn has_ext(path: &Path, exts: &[String]) -> bool {
    let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
        return false;
    };
    exts.iter()
        .any(|want| want.trim_start_matches('.').eq_ignore_ascii_case(ext))
}

fn progress_bar(len: u64) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    let style = ProgressStyle::with_template("{bar:40} {pos}/{len} articles {per_sec} eta {eta}")
        .expect("static progress template");
    bar.set_style(style);
    bar
}

/// Where records go: stdout, or a temporary file renamed to OUT at the end.
enum Sink {
    Stdout(io::BufWriter<io::Stdout>),
    File {
        file: io::BufWriter<std::fs::File>,
        tmp: TempPath,
        dest: PathBuf,
    },
}

impl Sink {
    fn open(dest: Option<&Path>) -> anyhow::Result<Sink> {
        let Some(dest) = dest else {
            return Ok(Sink::Stdout(io::BufWriter::with_capacity(
                1 << 16,
                io::stdout(),
            )));
        };
        // Refused before the run rather than when renaming at its end.
        if dest.is_dir() {
            anyhow::bail!("cannot write {}: is a directory", display(dest));
        }
        let name = dest
            .file_name()
            .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
        let tmp = dest.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
        let mut registered = TEMPORARY.lock().unwrap_or_else(|e| e.into_inner());
        let file = std::fs::File::create(&tmp).map_err(|e| {
            anyhow::anyhow!(
                "cannot write {}: cannot create {}: {}",
                display(dest),
                display(&tmp),
                super::io_reason(&e)
            )
        })?;
        *registered = Some(tmp.clone());
        drop(registered);
        Ok(Sink::File {
            file: io::BufWriter::with_capacity(1 << 16, file),
            tmp: TempPath(Some(tmp)),
            dest: dest.to_path_buf(),
        })
    }

    fn write(&mut self, record: &[u8]) -> anyhow::Result<()> {
        match self {
            Sink::Stdout(w) => w.write_all(record)?,
            Sink::File { file, dest, .. } => file
                .write_all(record)
                .with_context(|| format!("cannot write {}", display(dest)))?,
        }
        Ok(())
    }

    fn commit(self) -> anyhow::Result<()> {
        match self {
            Sink::Stdout(mut w) => w.flush()?,
            Sink::File {
                file,
                mut tmp,
                dest,
            } => {
                let file = file.into_inner().map_err(|e| e.into_error())?;
                file.sync_all()
                    .with_context(|| format!("cannot write {}", display(&dest)))?;
                drop(file);
                let from = tmp.0.take().expect("temporary path is set until commit");
                let mut registered = TEMPORARY.lock().unwrap_or_else(|e| e.into_inner());
                let renamed = std::fs::rename(&from, &dest);
                *registered = None;
                drop(registered);
                if renamed.is_err() {
                    let _ = std::fs::remove_file(&from);
                }
                renamed.with_context(|| format!("cannot write {}", display(&dest)))?;
            }
        }
        Ok(())
    }
}

/// A temporary output file, removed when dropped before the run completes.
struct TempPath(Option<PathBuf>);

impl Drop for TempPath {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            let _ = std::fs::remove_file(path);
        }
    }
}

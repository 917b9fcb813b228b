//! `depeche show FILE`: the article with its facts highlighted.
//!
//! In a terminal each fact kind gets its own colour and a legend is printed
//! first; with `NO_COLOR` set or when stdout is not a terminal, facts are
//! marked in plain text as `[kind: text]`. `--html OUT.html` writes one
//! self-contained page instead (see `show_html`).

use super::{extract::display, read_input, Outcome};
use crate::cli::ShowArgs;
use anyhow::Context as _;
use depeche::{Record, RecordId};
use std::io::{self, IsTerminal, Write};

/// A highlighted stretch of the text: char range and fact kind.
struct Mark {
    start: usize,
    end: usize,
    kind: &'static str,
}

const COLOURS: &[(&str, &str)] = &[
    ("date", "\x1b[36m"),
    ("figure", "\x1b[33m"),
    ("person", "\x1b[1;35m"),
    ("organization", "\x1b[1;34m"),
    ("place", "\x1b[32m"),
    ("charge", "\x1b[1;31m"),
    ("action", "\x1b[4;31m"),
    ("quote", "\x1b[3m"),
];

/// Runs the show command.
pub fn run(args: &ShowArgs) -> anyhow::Result<Outcome> {
    let bytes = read_input(&args.file).with_context(|| display(&args.file))?;
    let decoded = depeche::text::decode(&bytes).with_context(|| display(&args.file))?;
    let doc = depeche::text::Document::new(decoded.text);
    let record = depeche::extract(
        RecordId::Text(display(&args.file)),
        &doc,
        &args.common.options(),
    );
    if let Some(out) = &args.html {
        let page = super::show_html::page(doc.text(), &record);
        std::fs::write(out, page).with_context(|| display(out))?;
        return Ok(Outcome::AllGood);
    }
    let colour =
        io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let out = render_text(doc.text(), &marks(&record), colour);
    io::stdout().lock().write_all(out.as_bytes())?;
    Ok(Outcome::AllGood)
}

/// Every fact span of the record, sorted, overlaps dropped (first wins).
fn marks(r: &Record) -> Vec<Mark> {
    let mut all = Vec::new();
    let mut add = |start, end, kind| all.push(Mark { start, end, kind });
    r.dates.iter().for_each(|d| add(d.start, d.end, "date"));
    r.figures.iter().for_each(|f| add(f.start, f.end, "figure"));
    r.people
        .iter()
        .flat_map(|p| &p.mentions)
        .for_each(|m| add(m.start, m.end, "person"));
    r.organizations
        .iter()
        .flat_map(|o| &o.mentions)
        .for_each(|m| add(m.start, m.end, "organization"));
    r.places
        .iter()
        .flat_map(|p| &p.mentions)
        .for_each(|m| add(m.start, m.end, "place"));
    r.charges
        .iter()
        .flat_map(|c| &c.mentions)
        .for_each(|m| add(m.start, m.end, "charge"));
    r.actions
        .iter()
        .for_each(|a| add(a.trigger.start, a.trigger.end, "action"));
    r.quotes.iter().for_each(|q| add(q.start, q.end, "quote"));
    all.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut kept: Vec<Mark> = Vec::with_capacity(all.len());
    for m in all {
        if kept.last().is_none_or(|k| m.start >= k.end) {
            kept.push(m);
        }
    }
    kept
}

fn render_text(text: &str, marks: &[Mark], colour: bool) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    if colour {
        for (kind, code) in COLOURS {
            out.push_str(&format!("{code}{kind}\x1b[0m "));
        }
        out.push_str("\n\n");
    }
    let mut marks = marks.iter().peekable();
    let mut open: Option<&Mark> = None;
    for (i, c) in text.chars().enumerate() {
        if let Some(m) = open {
            if i == m.end {
                out.push_str(if colour { "\x1b[0m" } else { "]" });
                open = None;
            }
        }
        if open.is_none() {
            if let Some(m) = marks.next_if(|m| m.start == i) {
                if colour {
                    let code = COLOURS
                        .iter()
                        .find(|(k, _)| *k == m.kind)
                        .map_or("", |(_, c)| c);
                    out.push_str(code);
                } else {
                    out.push('[');
                    out.push_str(m.kind);
                    out.push_str(": ");
                }
                open = Some(m);
            }
        }
        out.push(c);
    }
    if open.is_some() {
        out.push_str(if colour { "\x1b[0m" } else { "]" });
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

//! Command-line arguments (clap derive), and their translation into library
//! [`Options`].

use chrono::NaiveDateTime;
use clap::{Args, Parser, Subcommand};
use depeche::{Kind, KindSet, Options};
use std::path::PathBuf;

/// Reads French news articles and writes one JSON event record per article.
///
/// Without a subcommand, reads one article on stdin (`depeche extract -`).
#[derive(Debug, Parser)]
#[command(name = "depeche", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; without one, extract the article on stdin.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Read JSON Lines on stdin, as `extract --jsonl`.
    #[arg(long)]
    pub jsonl: bool,
    #[command(flatten)]
    pub common: Common,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract the record of each file (or `-` for stdin), one JSON line each.
    Extract(ExtractArgs),
    /// Extract every article under folders, in parallel, sorted by path.
    Batch(BatchArgs),
    /// Show an article with its facts highlighted.
    Show(ShowArgs),
    /// Print the JSON Schema of the record.
    Schema,
}

/// Options of every extracting command.
#[derive(Debug, Args, Clone)]
pub struct Common {
    /// Publication date, used to resolve « hier », « il y a 20 ans »…
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = depeche::parse_published)]
    pub ref_date: Option<NaiveDateTime>,
    /// Indent the JSON (default: one compact line per record).
    #[arg(long)]
    pub pretty: bool,
    /// Run only these extractors, comma-separated: dates, figures, places,
    /// organizations, people, charges, actions, quotes, event.
    #[arg(long, value_name = "KINDS", value_delimiter = ',')]
    pub only: Vec<Kind>,
}

/// `depeche extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Article files; `-` or nothing reads stdin.
    pub files: Vec<PathBuf>,
    /// Inputs are JSON Lines of `{"id", "text", "published"}`, one record out per line.
    #[arg(long)]
    pub jsonl: bool,
    #[command(flatten)]
    pub common: Common,
}

/// `depeche batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Folders to walk recursively (files are taken as they are).
    #[arg(required = true)]
    pub dirs: Vec<PathBuf>,
    /// Write the records here (whole or not at all) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// File name extensions to read, comma-separated.
    #[arg(long, value_name = "EXT", value_delimiter = ',', default_value = "txt")]
    pub ext: Vec<String>,
    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    #[command(flatten)]
    pub common: Common,
}

/// `depeche show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article to show (`-` for stdin).
    pub file: PathBuf,
    /// Write a self-contained HTML page here instead of printing.
    #[arg(long, value_name = "OUT.html")]
    pub html: Option<PathBuf>,
    #[command(flatten)]
    pub common: Common,
}

impl Common {
    /// The library options these flags stand for.
    pub fn options(&self) -> Options {
        Options {
            published: self.ref_date,
            only: if self.only.is_empty() {
                KindSet::all()
            } else {
                KindSet::of(&self.only)
            },
        }
    }
}

/// Parses the process arguments; exits 2 with clap's message on a usage error.
pub fn parse() -> Cli {
    Cli::parse()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn only_takes_a_comma_list() {
        let cli = Cli::try_parse_from(["depeche", "extract", "--only", "dates,figures", "a.txt"])
            .unwrap();
        let Some(Command::Extract(args)) = cli.command else {
            panic!()
        };
        assert_eq!(args.common.only, [Kind::Dates, Kind::Figures]);
        assert!(Cli::try_parse_from(["depeche", "--only", "dats"]).is_err());
    }

    #[test]
    fn bare_invocation_reads_stdin() {
        let cli = Cli::try_parse_from(["depeche", "--pretty", "--ref-date", "2024-06-25"]).unwrap();
        assert!(cli.command.is_none() && cli.common.pretty && cli.common.ref_date.is_some());
        assert!(Cli::try_parse_from(["depeche", "--ref-date", "hier"]).is_err());
    }
}

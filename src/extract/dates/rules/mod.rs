//! The date rule table: each rule is a name, a regex over the normalized text
//! and a production that turns the match into a [`DateExpr`], in the manner
//! of Duckling's `Rule { name, pattern, prod }`.
//!
//! Rules are split by topic (absolute dates, relative expressions, times of
//! day, durations and sets) and compiled once. They never look at a reference
//! date: resolution happens in [`super::resolve`]. Combining neighbouring
//! matches (« hier » + « soir », « du … au … ») is [`super::compose`]'s job.

mod absolute;
mod durations;
mod relative;
mod starts;
mod times;
mod year_context;

use super::expr::DateExpr;
use crate::extract::automaton;
use regex_automata::meta::Regex as FullRegex;
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input};
use regex_lite::{CaptureLocations, Regex as LiteRegex};
use starts::Starts;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

/// One rule: a readable name, a regex and a production.
pub struct Rule {
    /// Shown in test failures and `show`.
    pub name: &'static str,
    /// The regex, in lower case and without flags: it runs on the text
    /// in lower case (see [`lowered`](crate::text::lower::lowered)).
    pub pattern: String,
    /// Builds the expression; `None` rejects the match.
    pub prod: fn(&Match) -> Option<Produced>,
}

/// What a production gives: the expression, and whether it only counts as
/// part of a bigger expression (Duckling's "latent": a bare « matin »).
pub struct Produced {
    /// The expression.
    pub expr: DateExpr,
    /// Dropped unless [`super::compose`] merges it into a neighbour.
    pub latent: bool,
}

impl From<DateExpr> for Produced {
    fn from(expr: DateExpr) -> Self {
        Produced {
            expr,
            latent: false,
        }
    }
}

/// A regex match as productions see it: its groups and its surroundings.
pub struct Match<'a> {
    groups: Groups<'a>,
    text: &'a str,
}

/// The groups of a match, from either engine (see [`Compiled`]).
enum Groups<'a> {
    Lite {
        re: &'a LiteRegex,
        locs: &'a CaptureLocations,
        /// Where the searched window starts in the text (group offsets
        /// are relative to it).
        offset: usize,
    },
    Full(&'a Captures),
}

impl<'a> Match<'a> {
    /// The byte range of group `i` in `text`, if it matched.
    fn group(&self, i: usize) -> Option<Range<usize>> {
        match &self.groups {
            Groups::Lite { locs, offset, .. } => locs.get(i).map(|(s, e)| offset + s..offset + e),
            Groups::Full(caps) => caps.get_group(i).map(|s| s.range()),
        }
    }

    /// The byte range of a named group, if it matched.
    fn named(&self, name: &str) -> Option<Range<usize>> {
        match &self.groups {
            Groups::Lite { re, .. } => {
                let i = re.capture_names().position(|n| n == Some(name))?;
                self.group(i)
            }
            Groups::Full(caps) => {
                // A scan of the rule's few names costs less than
                // `get_group_by_name`, which hashes the name (SipHash).
                let pattern = caps.pattern()?;
                let i = caps
                    .group_info()
                    .pattern_names(pattern)
                    .position(|n| n == Some(name))?;
                caps.get_group(i).map(|s| s.range())
            }
        }
    }

    /// The text of a named group, if it matched.
    pub fn get(&self, name: &str) -> Option<&'a str> {
        self.named(name).map(|r| &self.text[r])
    }

    /// Whether a named group matched.
    pub fn has(&self, name: &str) -> bool {
        self.named(name).is_some()
    }

    /// The whole match.
    pub fn all(&self) -> &'a str {
        self.group(0).map_or("", |r| &self.text[r])
    }

    /// The text before the match (at most 40 bytes, on a char boundary).
    pub fn before(&self) -> &'a str {
        let start = self.group(0).map_or(0, |m| m.start);
        let mut from = start.saturating_sub(40);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        &self.text[from..start]
    }

    /// The text before a named group: what precedes the match, then the
    /// match up to the group (the whole match when the group is absent).
    pub fn upto(&self, name: &str) -> String {
        let start = self.group(0).map_or(0, |m| m.start);
        let at = self.named(name).map_or(start, |m| m.start);
        format!("{}{}", self.before(), &self.text[start..at])
    }

    /// The text after the match (at most 40 bytes, on a char boundary).
    pub fn after(&self) -> &'a str {
        let end = self.group(0).map_or(0, |m| m.end);
        let mut to = (end + 40).min(self.text.len());
        while !self.text.is_char_boundary(to) {
            to -= 1;
        }
        &self.text[end..to]
    }
}

/// A rule's match kept as a candidate.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Byte range in the normalized text.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// The expression.
    pub expr: DateExpr,
    /// The rule's name.
    pub rule: &'static str,
    /// Only kept when merged into a bigger expression.
    pub latent: bool,
    /// Rule order, lower wins a tie.
    pub order: usize,
}

struct Compiled {
    rule: Rule,
    /// The pattern as compiled (flags added, boundaries rewritten).
    pattern: String,
    /// Compiled on first use: a short article needs only a few rules.
    lite: OnceLock<LiteRegex>,
    /// Compiled on first use once the process is warmed up
    /// ([`automaton::warmed_up`]).
    full: OnceLock<FullRegex>,
}

impl Compiled {
    /// The rule's regex as `regex_lite` compiles it: anchored (it runs at
    /// the starts [`Starts`] found), on the text in lower case, so without
    /// `(?i)`. Compiling it costs a fifth of what the `regex` crate's costs,
    /// and a short article compiles a dozen of them; but it matches several
    /// times slower, so a warmed-up process ([`automaton::warmed_up`])
    /// compiles [`Compiled::full`] instead. Both find the same matches (test
    /// `both_engines_match_alike`).
    fn lite(&self) -> &LiteRegex {
        self.lite.get_or_init(|| {
            let body = self
                .pattern
                .strip_prefix(CASE_FLAG)
                .unwrap_or(&self.pattern);
            // `regex_lite`'s `\b` is the ASCII one.
            let pattern = format!("^(?:{})", body.replace(r"(?-u:\b)", r"\b"));
            LiteRegex::new(&pattern).unwrap_or_else(|e| panic!("rule `{}`: {e}", self.rule.name))
        })
    }

    /// The rule's regex as the `regex` crate compiles it, without
    /// prefilters (extracting literals is most of the cost of building it,
    /// and it runs anchored); its lazy DFA bounds the match before the
    /// capture engine runs.
    fn full(&self) -> &FullRegex {
        self.full.get_or_init(|| {
            let pattern = self
                .pattern
                .strip_prefix(CASE_FLAG)
                .unwrap_or(&self.pattern);
            FullRegex::builder()
                .configure(FullRegex::config().auto_prefilter(false))
                .build(pattern)
                .unwrap_or_else(|e| panic!("rule `{}`: {e}", self.rule.name))
        })
    }
}

struct Table {
    rules: Vec<Compiled>,
    starts: Starts,
}

static RULES: LazyLock<Table> = LazyLock::new(|| {
    let rules = compiled();
    Table {
        starts: Starts::new(rules.iter().map(|c| c.pattern.clone()).collect()),
        rules,
    }
});

/// Every rule in order, with its pattern as compiled. The patterns are
/// also written in `patterns.txt`, from which `build.rs` compiles the
/// [`Starts`] automaton.
fn compiled() -> Vec<Compiled> {
    let mut rules = Vec::new();
    rules.extend(absolute::rules());
    rules.extend(relative::rules());
    rules.extend(times::rules());
    rules.extend(durations::rules());
    rules
        .into_iter()
        .map(|rule| Compiled {
            pattern: format!("{CASE_FLAG}{}", ascii_classes(&rule.pattern)),
            rule,
            lite: OnceLock::new(),
            full: OnceLock::new(),
        })
        .collect()
}

/// The flag the patterns of `patterns.txt` carry: the automaton of
/// [`Starts`] runs on the text as written, the rules' own regexes on the
/// text in lower case.
const CASE_FLAG: &str = "(?i)";

/// Rewrites a rule's Unicode classes for speed. Unicode `\b` keeps the
/// regex crate from using its DFA on non-ASCII text (100 times slower), so
/// the leading and trailing `\b` are checked in Rust instead (see [`at_word_edges`]) and
/// inner ones become ASCII `(?-u:\b)`, which is right next to the ASCII
/// letters and digits they follow. Unicode `\d` (every script's digits)
/// becomes `[0-9]`: news text writes dates in ASCII digits, and the
/// Unicode class made each regex several times bigger to build.
fn ascii_classes(pattern: &str) -> String {
    let p = pattern.strip_prefix(r"\b").unwrap_or(pattern);
    let p = p.strip_suffix(r"\b").unwrap_or(p);
    p.replace(r"\b", r"(?-u:\b)").replace(r"\d", "[0-9]")
}

/// Whether a match starts and ends at word edges (Unicode letters and digits).
fn at_word_edges(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = text[start..].chars().next();
    let last = text[..end].chars().next_back();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    // A hyphen between letters joins a compound (« quatre-vingt-dix-sept »):
    // a date cannot start or end inside one.
    // « mi-juillet » is read by composing « mi- » with the month.
    let before_hyphen = before == Some('-') && {
        let head = &text[..start - 1];
        let prev_word = head
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        !prev_word.is_empty() && !prev_word.eq_ignore_ascii_case("mi")
    };
    let after_hyphen = after == Some('-') && word(text[end + 1..].chars().next());
    let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    !(word(before) && word(first)
        || word(after) && word(last)
        || before_hyphen && letter(first)
        || after_hyphen && letter(last))
}

/// Every match of every rule in `text`, overlapping ones included.
/// `lower` is `text` lowered by [`lowered`](crate::text::lower::lowered) (same byte offsets).
pub fn candidates(text: &str, lower: &str) -> Vec<Candidate> {
    candidates_with(text, lower, automaton::warmed_up())
}

/// [`candidates`], with the `regex` crate's engine when `full`, else
/// `regex_lite`'s.
fn candidates_with(text: &str, lower: &str, full: bool) -> Vec<Candidate> {
    let table = &*RULES;
    let starts = table.starts.scan(text);
    let texts = Texts { text, lower };
    let mut out = Vec::new();
    for (order, c) in table.rules.iter().enumerate() {
        at_starts(c, order, texts, &starts[order], full, &mut out);
    }
    out
}

/// The text as written, which productions read, and in lower case, which
/// the rules' regexes match (same byte offsets).
#[derive(Clone, Copy)]
struct Texts<'a> {
    text: &'a str,
    lower: &'a str,
}

/// How far past its start a rule's match is looked for first: dates are
/// a few words long, and the regex's work grows with the text it is given.
/// A match that reaches the end of this window is looked for again in the
/// whole rest of the text.
const WINDOW: usize = 512;

/// The matches of one rule, trying it only where it matches (`starts`):
/// the same matches as a scan of the whole text that retries one character
/// further after a rejected match and resumes at the end of a kept one.
fn at_starts(
    c: &Compiled,
    order: usize,
    texts: Texts,
    starts: &[usize],
    full: bool,
    out: &mut Vec<Candidate>,
) {
    if starts.is_empty() {
        return; // not even compiled
    }
    if full {
        at_starts_full(c, order, texts, starts, out);
    } else {
        at_starts_lite(c, order, texts, starts, out);
    }
}

/// [`at_starts`] with `regex_lite`.
fn at_starts_lite(
    c: &Compiled,
    order: usize,
    texts: Texts,
    starts: &[usize],
    out: &mut Vec<Candidate>,
) {
    let Texts { text, lower } = texts;
    let re = c.lite();
    let mut locs = re.capture_locations();
    let mut pos = 0;
    for &at in starts {
        if at < pos {
            continue;
        }
        let mut end = (at + WINDOW).min(lower.len());
        while !lower.is_char_boundary(end) {
            end -= 1;
        }
        let mut found = re.captures_read(&mut locs, &lower[at..end]);
        if found.is_some_and(|m| at + m.end() == end) && end < lower.len() {
            found = re.captures_read(&mut locs, &lower[at..]);
        }
        let Some(whole) = found else {
            continue;
        };
        let groups = Groups::Lite {
            re,
            locs: &locs,
            offset: at,
        };
        if let Some(stop) = keep(
            c,
            order,
            text,
            at + whole.start()..at + whole.end(),
            groups,
            out,
        ) {
            pos = stop;
        }
    }
}

/// [`at_starts`] with the `regex` crate's engine.
fn at_starts_full(
    c: &Compiled,
    order: usize,
    texts: Texts,
    starts: &[usize],
    out: &mut Vec<Candidate>,
) {
    let Texts { text, lower } = texts;
    let re = c.full();
    let mut caps = re.create_captures();
    let mut pos = 0;
    for &at in starts {
        if at < pos {
            continue;
        }
        re.search_captures(
            &Input::new(lower).range(at..).anchored(Anchored::Yes),
            &mut caps,
        );
        let Some(whole) = caps.get_match() else {
            continue;
        };
        if let Some(stop) = keep(c, order, text, whole.range(), Groups::Full(&caps), out) {
            pos = stop;
        }
    }
}

/// Keeps a rule's match `span` when it stands at word edges, running the
/// rule's production on it; returns where the scan resumes.
fn keep(
    c: &Compiled,
    order: usize,
    text: &str,
    span: Range<usize>,
    groups: Groups,
    out: &mut Vec<Candidate>,
) -> Option<usize> {
    if span.is_empty() || !at_word_edges(text, span.start, span.end) {
        return None;
    }
    let m = Match { groups, text };
    if let Some(p) = (c.rule.prod)(&m) {
        out.push(Candidate {
            start: span.start,
            end: span.end,
            expr: p.expr,
            rule: c.rule.name,
            latent: p.latent,
            order,
        });
    }
    Some(span.end)
}

/// Keeps the longest candidates that do not overlap (ties: earlier start,
/// then earlier rule), sorted by start.
pub fn select(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.latent.cmp(&b.latent))
            .then(a.start.cmp(&b.start))
            .then(a.order.cmp(&b.order))
    });
    // Kept spans never overlap, so the one starting last before `c.end` is
    // the only one that can overlap `c`.
    let mut kept: BTreeMap<usize, Candidate> = BTreeMap::new();
    for c in cands {
        if let Some((_, k)) = kept.range(..c.end).next_back() {
            if k.end > c.start {
                continue;
            }
        }
        kept.insert(c.start, c);
    }
    kept.into_values().collect()
}

/// A number group from digits or French words.
pub(crate) fn num(m: &Match, name: &str) -> Option<i64> {
    super::words::number(m.get(name)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lower::lowered;

    /// Both engines find the same candidates on every fixture and on the
    /// date corpus, normalized as the extractor gives them.
    #[test]
    fn both_engines_match_alike() {
        let mut texts = crate::fixture_texts();
        let corpus = include_str!("../../../../tests/corpus/dates.txt");
        texts.extend(corpus.lines().map(String::from));
        assert!(texts.len() > 100);
        let key =
            |c: &Candidate| format!("{} {} {} {} {:?}", c.start, c.end, c.rule, c.latent, c.expr);
        for t in &texts {
            // Rules run on the normalized text (one space for every space).
            let t = &crate::text::normalize::fold_str(t);
            let lower = lowered(t);
            let lite: Vec<String> = candidates_with(t, &lower, false).iter().map(key).collect();
            let full: Vec<String> = candidates_with(t, &lower, true).iter().map(key).collect();
            assert_eq!(lite, full, "{t}");
        }
    }

    /// The rules' regexes run on the text in lower case: an upper-case
    /// letter in a pattern (outside escapes and group names) never matches.
    #[test]
    fn patterns_are_lower_case() {
        let group = regex::Regex::new(r"\(\?P<\w+>|\\[a-zA-Z]|\(\?-u:").unwrap();
        for c in compiled() {
            let bare = group.replace_all(&c.pattern, "");
            assert!(
                !bare.chars().any(char::is_uppercase),
                "rule `{}`: upper case in {}",
                c.rule.name,
                c.pattern
            );
        }
    }

    /// `patterns.txt` must list the patterns of the rule table, or the
    /// [`Starts`] automaton would look for other rules. To rewrite it:
    /// `DEPECHE_UPDATE_PATTERNS=1 cargo test --lib patterns_file_is_current`.
    #[test]
    fn patterns_file_is_current() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/extract/dates/rules/patterns.txt"
        );
        let mut want = String::from(PATTERNS_HEADER);
        for c in compiled() {
            assert!(!c.pattern.contains('\n'), "rule `{}`: newline", c.rule.name);
            want.push_str(&c.pattern);
            want.push('\n');
        }
        if std::env::var_os("DEPECHE_UPDATE_PATTERNS").is_some() {
            std::fs::write(path, &want).expect("patterns.txt is writable");
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            have == want,
            "patterns.txt is out of date: DEPECHE_UPDATE_PATTERNS=1 cargo test --lib patterns_file_is_current"
        );
    }

    const PATTERNS_HEADER: &str = "\
# The date rule patterns as compiled, one per line, in rule order (written
# by the test `patterns_file_is_current`; build.rs compiles them into the
# automaton of `starts.rs`).
";
}

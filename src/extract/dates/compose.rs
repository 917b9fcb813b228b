//! Combines neighbouring rule matches into one expression, as Duckling's
//! rules over tokens do: a day and a time (« mardi à 15h », « hier soir »),
//! a range (« entre 2021 et 2024 », « du 3 au 5 juin »), an open range
//! (« à partir du 8 mars »), a period edge (« début juin », « fin 2023 »),
//! « le lendemain du 13 février », « la semaine du 6 octobre ».
//!
//! It only rewrites [`DateExpr`]s and spans; it never resolves anything.

use super::expr::{DateExpr, DaySpec, Point, TimeSpec, Unit, YearSpec};
use super::rules::Candidate;
use crate::extract::automaton;
use std::sync::OnceLock;

/// A compose regex. They run on lowered text and are small: `regex_lite`
/// compiles them for a fifth of what the `regex` crate costs, so a short
/// run searches with it; but its search, over the window before each date,
/// is some ten times slower, so past [`FULL_AFTER`] the `regex` crate's
/// engine takes over. Its pattern reads `\s` as ASCII whitespace, as
/// `regex_lite` does; both find the same matches (test
/// `both_engines_compose_alike`).
struct Dual {
    pattern: &'static str,
    lite: OnceLock<regex_lite::Regex>,
    full: OnceLock<regex::Regex>,
}

/// Text read by the process after which [`Dual`] regexes search with the
/// `regex` crate: compiling them costs some 10 M instructions, and every
/// megabyte of text after that some 9 M less.
const FULL_AFTER: usize = 1 << 20;

/// A match of a [`Dual`] regex, or of one of its groups.
#[derive(Clone, Copy)]
struct Found<'t> {
    start: usize,
    text: &'t str,
}

impl<'t> Found<'t> {
    fn start(&self) -> usize {
        self.start
    }

    fn as_str(&self) -> &'t str {
        self.text
    }
}

/// The groups of a [`Dual`] match.
enum Groups<'t> {
    Lite(regex_lite::Captures<'t>),
    Full(regex::Captures<'t>),
}

impl<'t> Groups<'t> {
    fn name(&self, name: &str) -> Option<Found<'t>> {
        let (start, text) = match self {
            Groups::Lite(c) => c.name(name).map(|m| (m.start(), m.as_str()))?,
            Groups::Full(c) => c.name(name).map(|m| (m.start(), m.as_str()))?,
        };
        Some(Found { start, text })
    }
}

impl Dual {
    const fn new(pattern: &'static str) -> Dual {
        Dual {
            pattern,
            lite: OnceLock::new(),
            full: OnceLock::new(),
        }
    }

    /// The `regex` crate's regex, once the process is past [`FULL_AFTER`].
    ///
    /// # Panics
    ///
    /// When the pattern does not compile: it is static.
    fn full(&self) -> Option<&regex::Regex> {
        automaton::built_after(&self.full, FULL_AFTER, || {
            regex::Regex::new(&self.full_pattern()).expect("static compose regex")
        })
    }

    /// The pattern for the `regex` crate, whose `\s` would be Unicode's.
    fn full_pattern(&self) -> String {
        self.pattern.replace(r"\s", r"(?-u:\s)")
    }

    fn lite(&self) -> &regex_lite::Regex {
        self.lite
            .get_or_init(|| regex_lite::Regex::new(self.pattern).expect("static compose regex"))
    }

    fn is_match(&self, text: &str) -> bool {
        match self.full() {
            Some(re) => re.is_match(text),
            None => self.lite().is_match(text),
        }
    }

    fn find<'t>(&self, text: &'t str) -> Option<Found<'t>> {
        let (start, text) = match self.full() {
            Some(re) => re.find(text).map(|m| (m.start(), m.as_str()))?,
            None => self.lite().find(text).map(|m| (m.start(), m.as_str()))?,
        };
        Some(Found { start, text })
    }

    fn captures<'t>(&self, text: &'t str) -> Option<Groups<'t>> {
        match self.full() {
            Some(re) => re.captures(text).map(Groups::Full),
            None => self.lite().captures(text).map(Groups::Lite),
        }
    }
}

/// How much of the text before a date the prefix regexes read: their
/// longest match (« jusqu'à la tout début du mois de ») is about 40 bytes.
const PREFIX_WINDOW: usize = 64;

/// The end of `before` (the lowered text before a date) that the prefix
/// regexes (`…$`) read, and where it starts in `before`. Cut inside the
/// text, it starts at a space, so that their `(?:^|\s)` reads as it would
/// on the whole text; the prefixes they look for are a few words long.
fn prefix_window(before: &str) -> (usize, &str) {
    let mut from = before.len().saturating_sub(PREFIX_WINDOW);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    if from > 0 {
        from = before[from..]
            .find(char::is_whitespace)
            .map_or(before.len(), |i| from + i);
    }
    (from, &before[from..])
}

/// Between a day and its time (« mardi à 15h », « hier soir »).
static DAY_TIME_GAP: Dual = Dual::new(
    r"^\s*,?\s*(?:(?:à|a|vers|dès|en|dans\s+la|dans\s+l'|aux\s+alentours\s+de|autour\s+de|à\s+environ|plutôt\s+vers|le|,)\s*)*$",
);
/// Between a time and its day (« 13h30 samedi », « 8 heures ce soir »).
static TIME_DAY_GAP: Dual = Dual::new(r"^\s*,?\s*(?:le\s+)?$");
/// Between two ends of a range.
static RANGE_GAP: Dual =
    Dual::new(r"^\s*(?P<w>au|à|a|et|-|–|jusqu'au|jusqu'à|jusqu'en|jusque)\s*(?:le\s+|la\s+)?$");
/// Before the start of a range.
static RANGE_PREFIX: Dual = Dual::new(r"(?:^|\s|\()(?P<w>du|de|d'|entre|depuis)\s*(?:le\s+)?$");
/// Before an open range.
static OPEN_PREFIX: Dual =
    Dual::new(r"(?:^|\s)(?:(?:à|a)\s+partir|à\s+compter)\s+(?:du|de\s+la|de\s+l'|de|d')\s*$");
/// Edges of a month or year that keep its value (« début juin », « fin 2023 »).
static EDGE_PREFIX: Dual = Dual::new(
    r"(?:^|\s)(?:(?:au|en|à\s+la|la|le|dès\s+la|dès\s+le|dès|vers\s+la|vers\s+le|jusqu'à\s+la|jusqu'au|depuis\s+la|depuis\s+le|depuis)\s+)?(?:tout\s+)?(?:début|fin|mi|milieu|courant)(?:\s+|-)(?:(?:du\s+mois\s+de|de\s+l'année|du|de\s+la|de\s+l'|de|d')\s*)?$",
);
/// The words [`EDGE_PREFIX`] needs, one of them among the last four of the
/// text it reads.
const EDGE_WORDS: [&str; 5] = ["début", "fin", "mi", "milieu", "courant"];

/// Whether [`EDGE_PREFIX`] can match `before`: its edge word is a whole
/// word (spaces or a hyphen around it) followed by at most three words
/// (« du mois de »). A necessary condition, far cheaper than the regex,
/// which runs before every month and year of a text.
fn may_have_edge(before: &str) -> bool {
    before
        .rsplit(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .take(4)
        .any(|w| EDGE_WORDS.contains(&w))
}

/// « la semaine du 6 octobre ».
static WEEK_OF_PREFIX: Dual = Dual::new(r"(?:^|\s)(?:la\s+)?semaine\s+du\s*$");
/// « le lendemain du 13 février ».
static OF_GAP: Dual = Dual::new(r"^\s*(?:du|de|d')\s*$");

fn day_only(c: &Candidate) -> Option<&Point> {
    match &c.expr {
        DateExpr::Point(p) if p.time.is_none() && p.day != DaySpec::None => Some(p),
        _ => None,
    }
}

fn time_only(c: &Candidate) -> Option<&Point> {
    match &c.expr {
        DateExpr::Point(p) if p.time.is_some() && p.day == DaySpec::None => Some(p),
        _ => None,
    }
}

fn point(c: &Candidate) -> Option<&Point> {
    match &c.expr {
        DateExpr::Point(p) => Some(p),
        _ => None,
    }
}

/// A clock time read with a part of the day (« 8 heures ce soir » → 20h).
fn clock_in_part(t: TimeSpec, part: Option<TimeSpec>) -> TimeSpec {
    match (t, part) {
        (TimeSpec::Clock(h, m), Some(TimeSpec::Part(p))) if (p == "EV" || p == "AF") && h < 12 => {
            TimeSpec::Clock(h + 12, m)
        }
        _ => t,
    }
}

/// Fills what the start of a range leaves out from its end (« du 3 au 5 juin »).
fn complete_start(a: &mut Point, b: &Point) {
    match (&mut a.day, &b.day) {
        (
            DaySpec::DayOfMonth(d),
            DaySpec::Calendar {
                year,
                month: Some(m),
                ..
            },
        ) => {
            a.day = DaySpec::Calendar {
                year: *year,
                month: Some(*m),
                day: Some(*d),
            };
        }
        (
            DaySpec::Calendar {
                year: ya @ YearSpec::Infer,
                month: Some(ma),
                ..
            },
            DaySpec::Calendar {
                year: YearSpec::Abs(yb),
                month: Some(mb),
                ..
            },
        ) => {
            if *ma <= *mb {
                *ya = YearSpec::Abs(*yb);
            } else {
                *ya = YearSpec::Abs(yb - 1);
            }
        }
        (DaySpec::None, day) if a.time.is_some() => a.day = day.clone(),
        _ => {}
    }
    if b.day == DaySpec::None && a.time.is_some() {
        // nothing: the end takes the start's day below
    }
}

fn complete_end(b: &mut Point, a: &Point) {
    if b.day == DaySpec::None && b.time.is_some() {
        b.day = a.day.clone();
    }
    // « de 11h30 à 1h30 »: the end is in the afternoon.
    if let (Some(TimeSpec::Clock(ha, _)), Some(TimeSpec::Clock(hb, mb))) = (a.time, b.time) {
        if hb < ha && hb < 12 && ha <= 12 {
            b.time = Some(TimeSpec::Clock(hb + 12, mb));
        }
    }
}

fn merged(a: &Candidate, b: &Candidate, expr: DateExpr, rule: &'static str) -> Candidate {
    Candidate {
        start: a.start.min(b.start),
        end: a.end.max(b.end),
        expr,
        rule,
        latent: false,
        order: a.order.min(b.order),
    }
}

/// Tries to merge two neighbours `a` then `b` separated by `gap`.
fn merge_pair(text: &str, lower: &str, a: &Candidate, b: &Candidate) -> Option<Candidate> {
    let gap = &text[a.end..b.start];
    if gap.len() > 30 || gap.contains('\n') {
        return None;
    }
    let gap = &lower[a.end..b.start];
    // Day + time.
    if let (Some(pa), Some(pb)) = (day_only(a), point(b)) {
        if let Some(tb) = pb.time {
            if pb.day == DaySpec::None && DAY_TIME_GAP.is_match(gap) {
                let mut p = pa.clone();
                p.time = Some(tb);
                return Some(merged(a, b, DateExpr::Point(p), "<day> <time>"));
            }
        }
    }
    // « à trois heures et quart demain après-midi »: the part sets the half-day.
    if let (Some(pa), Some(pb)) = (point(a), time_only(b)) {
        if let (Some(TimeSpec::Clock(..)), Some(TimeSpec::Part(_))) = (pa.time, pb.time) {
            if pa.day != DaySpec::None && gap.trim().is_empty() {
                let mut p = pa.clone();
                p.time = pa.time.map(|t| clock_in_part(t, pb.time));
                return Some(merged(a, b, DateExpr::Point(p), "<day> <time> <part>"));
            }
        }
    }
    // Time + day (« 13h30 samedi », « 8 heures ce soir »).
    if let (Some(pa), Some(pb)) = (time_only(a), point(b)) {
        if TIME_DAY_GAP.is_match(gap) && pb.day != DaySpec::None {
            if let Some(ta) = pa.time {
                let mut p = pb.clone();
                p.time = Some(clock_in_part(ta, pb.time));
                if matches!(ta, TimeSpec::Part(_)) && pb.time.is_some() {
                    return None;
                }
                return Some(merged(a, b, DateExpr::Point(p), "<time> <day>"));
            }
        }
    }
    // A part of the day « de » a day (« la soirée de vendredi 5 juillet »).
    if let (Some(pa), Some(pb)) = (time_only(a), day_only(b)) {
        if matches!(pa.time, Some(TimeSpec::Part(_))) && OF_GAP.is_match(gap) {
            let mut p = pb.clone();
            p.time = pa.time;
            return Some(merged(a, b, DateExpr::Point(p), "<part> de <day>"));
        }
    }
    // « hier mardi »: the weekday repeats the day.
    if let (Some(pa), Some(pb)) = (day_only(a), point(b)) {
        if gap.trim().is_empty() || gap.trim() == "," {
            if let (DaySpec::Shift(Unit::Day, ..), DaySpec::Weekday(..)) = (&pa.day, &pb.day) {
                let mut p = pa.clone();
                p.time = pb.time;
                return Some(merged(a, b, DateExpr::Point(p), "<day> <weekday>"));
            }
            if let (DaySpec::Weekday(..), DaySpec::Calendar { day: Some(_), .. }) =
                (&pa.day, &pb.day)
            {
                return Some(merged(a, b, b.expr.clone(), "<weekday>, <date>"));
            }
        }
    }
    // « le lendemain du 13 février ».
    if let (Some(pa), Some(pb)) = (day_only(a), day_only(b)) {
        if let DaySpec::Shift(Unit::Day, n, super::expr::Anchor::Text) = pa.day {
            if OF_GAP.is_match(gap) && pb.has_day() {
                let p = Point::day(DaySpec::Offset(Box::new(pb.day.clone()), n));
                return Some(merged(a, b, DateExpr::Point(p), "<lendemain> de <day>"));
            }
        }
    }
    // Ranges.
    if let (Some(pa), Some(pb)) = (point(a), point(b)) {
        if let Some(g) = RANGE_GAP.captures(gap) {
            let w = g.name("w").map_or("", |m| m.as_str()).to_lowercase();
            let (from, before) = prefix_window(&lower[..a.start]);
            let prefix = RANGE_PREFIX.captures(before);
            let pw = prefix
                .as_ref()
                .and_then(|c| c.name("w"))
                .map_or(String::new(), |m| m.as_str().to_lowercase());
            let ok = match w.as_str() {
                "et" => pw == "entre",
                "-" | "–" => true,
                _ => !pw.is_empty() && pw != "entre" || w == "au" && pa.has_day(),
            };
            if ok && compatible(pa, pb) {
                let mut sa = pa.clone();
                let mut sb = pb.clone();
                complete_start(&mut sa, pb);
                complete_end(&mut sb, pa);
                let start = match &prefix {
                    Some(c) if !pw.is_empty() => c.name("w").map_or(a.start, |m| from + m.start()),
                    _ => a.start,
                };
                let mut m = merged(
                    a,
                    b,
                    DateExpr::Range(Some(sa), Some(sb)),
                    "<date> au <date>",
                );
                m.start = start;
                return Some(m);
            }
        }
    }
    // A time range and its day (« de 9h à 11h jeudi », « jeudi de 9h à 11h »).
    if let DateExpr::Range(ra, rb) = &a.expr {
        if let Some(pb) = day_only(b) {
            if timed(ra)
                && timed(rb)
                && (ra.is_some() || rb.is_some())
                && TIME_DAY_GAP.is_match(gap)
            {
                return Some(merged(
                    a,
                    b,
                    DateExpr::Range(on_day(ra, pb), on_day(rb, pb)),
                    "<range> <day>",
                ));
            }
        }
    }
    if let (Some(pa), DateExpr::Range(ra, rb)) = (day_only(a), &b.expr) {
        if timed(ra) && timed(rb) && (ra.is_some() || rb.is_some()) && DAY_TIME_GAP.is_match(gap) {
            return Some(merged(
                a,
                b,
                DateExpr::Range(on_day(ra, pa), on_day(rb, pa)),
                "<day> <range>",
            ));
        }
    }
    None
}

/// Whether a range end is a bare time of day (or open).
fn timed(r: &Option<Point>) -> bool {
    r.as_ref()
        .is_none_or(|p| p.time.is_some() && p.day == DaySpec::None)
}

/// A range end placed on the day of `d`.
fn on_day(r: &Option<Point>, d: &Point) -> Option<Point> {
    r.clone().map(|mut p| {
        p.day = d.day.clone();
        p
    })
}

/// Whether two points can be the two ends of one range.
fn compatible(a: &Point, b: &Point) -> bool {
    let kind = |p: &Point| match (&p.day, p.time) {
        (_, Some(_)) => 0,
        (
            DaySpec::Calendar {
                day: None,
                month: None,
                ..
            },
            _,
        ) => 1,
        (DaySpec::Calendar { day: None, .. }, _) => 2,
        _ => 3,
    };
    let (ka, kb) = (kind(a), kind(b));
    ka == kb || (ka == 3 && kb == 3) || (matches!(a.day, DaySpec::DayOfMonth(_)) && kb == 3)
}

/// Extensions on the left that change the span, and maybe the expression.
fn extend_left(text: &str, lower: &str, c: &mut Candidate) {
    let (from, before) = prefix_window(&lower[..c.start]);
    let Some(p) = point(c).cloned() else { return };
    // The literal checks skip the regexes where they cannot match: they
    // run once per date, and a text can hold a million dates.
    let open = before.contains("partir") || before.contains("compter");
    if let Some(m) = open.then(|| OPEN_PREFIX.find(before)).flatten() {
        c.start = from + m.start() + m.as_str().len() - m.as_str().trim_start().len();
        c.expr = DateExpr::Range(Some(p), None);
        c.latent = false;
        return;
    }
    let week = before.contains("semaine");
    if let Some(m) = week.then(|| WEEK_OF_PREFIX.find(before)).flatten() {
        if p.has_day() && p.time.is_none() {
            c.start = from + m.start() + m.as_str().len() - m.as_str().trim_start().len();
            c.expr = DateExpr::day(DaySpec::WeekOf(Box::new(p.day)));
            c.latent = false;
            return;
        }
    }
    let is_period = matches!(
        p.day,
        DaySpec::Calendar { day: None, .. } | DaySpec::Shift(Unit::Month | Unit::Year, ..)
    );
    if is_period && p.time.is_none() {
        if let Some(m) = may_have_edge(before)
            .then(|| EDGE_PREFIX.find(before))
            .flatten()
        {
            c.start = from + m.start() + m.as_str().len() - m.as_str().trim_start().len();
            c.latent = false;
        }
    }
    // « avant 16h » / « après 16h »: open ranges on a clock time.
    if let Some(TimeSpec::Clock(..)) = p.time {
        let t = text[c.start..c.end].to_lowercase();
        if t.starts_with("après ") || t.starts_with("apres ") {
            c.expr = DateExpr::Range(Some(p), None);
        } else if t.starts_with("avant ") {
            c.expr = DateExpr::Range(None, Some(p));
        }
    }
}

/// Merges neighbouring candidates until nothing changes, then drops the
/// latent ones left alone.
pub fn compose(text: &str, lower: &str, toks: Vec<Candidate>) -> Vec<Candidate> {
    let mut stack: Vec<Candidate> = Vec::with_capacity(toks.len());
    for mut t in toks {
        while let Some(last) = stack.last() {
            match merge_pair(text, lower, last, &t) {
                Some(m) => {
                    t = m;
                    stack.pop();
                }
                None => break,
            }
        }
        stack.push(t);
    }
    let mut toks = stack;
    for c in &mut toks {
        extend_left(text, lower, c);
    }
    // Extensions may reach back over a previous fact: keep the earlier one whole.
    let mut out: Vec<Candidate> = Vec::with_capacity(toks.len());
    for mut c in toks.into_iter().filter(|c| !c.latent) {
        if let Some(prev) = out.last() {
            if c.start < prev.end {
                c.start = prev.end;
                while c.start < c.end && text[c.start..].starts_with(char::is_whitespace) {
                    c.start += 1;
                }
            }
        }
        if c.start < c.end {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lower::lowered;

    #[test]
    fn edge_check_passes_every_edge_prefix() {
        for t in [
            "fin ",
            "à la fin du mois de ",
            "dès le début de l'année ",
            "mi-",
            "en mi-",
            "courant ",
            "au milieu  de la ",
            "tout début d'",
        ] {
            assert!(EDGE_PREFIX.is_match(t), "{t:?}");
            assert!(may_have_edge(t), "{t:?}");
        }
        for t in ["le ministre a dit en ", "la finale de ", "afin de "] {
            assert!(!may_have_edge(t), "{t:?}");
        }
    }

    /// `regex_lite` and the `regex` crate find the same matches and groups,
    /// on the windows before and after every space of every fixture, and on
    /// spaces the two crates could read apart.
    #[test]
    fn both_engines_compose_alike() {
        let all = [
            &DAY_TIME_GAP,
            &TIME_DAY_GAP,
            &RANGE_GAP,
            &RANGE_PREFIX,
            &OPEN_PREFIX,
            &EDGE_PREFIX,
            &WEEK_OF_PREFIX,
            &OF_GAP,
        ];
        let mut texts: Vec<String> = [
            "du\u{2009}",
            "\u{a0}au ",
            " de\u{202f}",
            "au\x0b",
            "de\u{85}",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        for text in crate::fixture_texts() {
            let lower = lowered(&text);
            for (p, _) in lower.match_indices(' ') {
                texts.push(prefix_window(&lower[..p + 1]).1.to_string());
                let mut end = (p + 24).min(lower.len());
                while !lower.is_char_boundary(end) {
                    end -= 1;
                }
                texts.push(lower[p..end].to_string());
            }
        }
        assert!(texts.len() > 1000);
        for d in all {
            let lite = regex_lite::Regex::new(d.pattern).expect("pattern compiles");
            let full = regex::Regex::new(&d.full_pattern()).expect("pattern compiles");
            for t in &texts {
                let l: Option<Vec<_>> = lite
                    .captures(t)
                    .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect());
                let f: Option<Vec<_>> = full
                    .captures(t)
                    .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect());
                assert_eq!(l, f, "{} on {t:?}", d.pattern);
            }
        }
    }

    #[test]
    fn prefix_window_cuts_at_a_space_on_a_char_boundary() {
        let before = format!("{} Début {} À partir du ", "é".repeat(30), "é".repeat(40));
        let lower = lowered(&before);
        let (from, window) = prefix_window(&lower);
        assert!(before.is_char_boundary(from));
        assert!(before[from..].starts_with(' '));
        assert_eq!(window, before[from..].to_lowercase());
        assert!(window.ends_with("à partir du "));
        let m = OPEN_PREFIX
            .find(window)
            .expect("the prefix is in the window");
        assert_eq!(&before[from + m.start()..], " À partir du ");
        // A short text is read whole.
        assert_eq!(prefix_window(&lowered("Du ")), (0, "du "));
    }
}

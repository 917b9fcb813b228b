//! Resolution: a [`DateExpr`] plus a reference moment gives a TIMEX3 value.
//!
//! [`resolve`] is a pure function. Without a reference, what depends on it
//! stays unresolved in TIMEX3 style (`XXXX-06-25`, `XXXX-WXX-2`).
//!
//! # Year inference
//!
//! A date without a year (« le 3 mars ») takes the year that puts it on the
//! side of the reference the sentence's tense says: on or before the
//! reference in a past-tense sentence, on or after it otherwise (Duckling's
//! rule). Bare weekdays follow the same rule (« mardi » in a past-tense
//! sentence is the latest Tuesday up to the reference day).

use super::expr::{DateExpr, DaySpec, Point, Tense, TimeSpec, Unit, WeekdayRel, YearSpec};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike};

/// A resolved calendar value at some grain.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A day.
    Day(NaiveDate),
    /// A day and a clock time at minute grain.
    Minute(NaiveDateTime),
    /// A month.
    Month(i32, u32),
    /// A year.
    Year(i32),
    /// An ISO week.
    Week(i32, u32),
    /// Anything else, already formatted (`2024-SU`, `18`, `XXXX-06-25`).
    Text(String),
}

impl Value {
    fn format(&self) -> String {
        match self {
            // A date's `Display` is `%Y-%m-%d`, without parsing a format.
            Value::Day(d) => d.to_string(),
            Value::Minute(t) => format!("{}T{:02}:{:02}", t.date(), t.hour(), t.minute()),
            Value::Month(y, m) => format!("{y:04}-{m:02}"),
            Value::Year(y) => format!("{y:04}"),
            Value::Week(y, w) => format!("{y:04}-W{w:02}"),
            Value::Text(s) => s.clone(),
        }
    }
}

/// The TIMEX3 value of `expr` against the reference moment.
///
/// # Example
///
/// ```
/// use depeche::extract::dates::{expr::*, resolve::resolve};
/// let hier = DateExpr::day(DaySpec::Shift(Unit::Day, -1, Anchor::Reference));
/// let reference = chrono::NaiveDate::from_ymd_opt(2024, 6, 25).and_then(|d| d.and_hms_opt(0, 0, 0));
/// assert_eq!(resolve(&hier, reference), "2024-06-24");
/// assert_eq!(resolve(&hier, None), "XXXX-XX-XX");
/// ```
pub fn resolve(expr: &DateExpr, reference: Option<NaiveDateTime>) -> String {
    match expr {
        DateExpr::Point(p) => point(p, reference).format(),
        DateExpr::Range(a, b) => {
            // Both ends at the finer grain: « de 9h30 à 11h » ends at 11:00.
            let minutes = |p: &Option<Point>| {
                matches!(
                    p.as_ref().and_then(|p| p.time),
                    Some(TimeSpec::Clock(_, Some(_)))
                )
            };
            let fine = |p: &Option<Point>| {
                p.clone().map(|mut p| {
                    if let Some(TimeSpec::Clock(h, None)) = p.time {
                        if h < 24 {
                            p.time = Some(TimeSpec::Clock(h, Some(0)));
                        }
                    }
                    p
                })
            };
            let (a, b) = if minutes(a) || minutes(b) {
                (&fine(a), &fine(b))
            } else {
                (a, b)
            };
            let mut bv = b.as_ref().map(|b| point(b, reference));
            let av = a.as_ref().map(|a| {
                // « entre novembre et février »: the start takes the end's year.
                match (&a.day, &bv) {
                    (
                        DaySpec::Calendar {
                            year: YearSpec::Infer,
                            month: Some(m),
                            day,
                        },
                        Some(v),
                    ) => {
                        let end = match v {
                            Value::Day(d) => Some((d.year(), d.month(), d.day())),
                            Value::Month(y, mo) => Some((*y, *mo, 31)),
                            _ => None,
                        };
                        match end {
                            Some((y, em, ed)) => {
                                let y = if (*m, day.unwrap_or(1)) <= (em, ed) {
                                    y
                                } else {
                                    y - 1
                                };
                                let mut a2 = a.clone();
                                a2.day = DaySpec::Calendar {
                                    year: YearSpec::Abs(y),
                                    month: Some(*m),
                                    day: *day,
                                };
                                point(&a2, reference)
                            }
                            None => point(a, reference),
                        }
                    }
                    _ => point(a, reference),
                }
            });
            // « du lundi au vendredi »: the end comes after the start.
            if let (Some(Value::Day(x)), Some(Value::Day(y))) = (&av, &bv) {
                if y < x && matches!(b.as_ref().map(|p| &p.day), Some(DaySpec::Weekday(..))) {
                    bv = Some(Value::Day(*y + Duration::days(7)));
                }
            }
            format!(
                "{}/{}",
                av.map(|v| v.format()).unwrap_or_default(),
                bv.map(|v| v.format()).unwrap_or_default()
            )
        }
        DateExpr::Duration(s) => super::durations::format(s),
        DateExpr::Set(s) => s.clone(),
        DateExpr::Token(t) => t.to_string(),
    }
}

/// Whether the tense of its sentence can change what `expr` resolves to,
/// read off the cases of `day` and `point` that look at it: a year or
/// month left to infer, a bare weekday, a day of the month alone. A point
/// without a day counts too: it takes a day from its neighbours later, and
/// its own tense with it. The extractor skips the tense cues for the
/// others (a full date, « hier », a duration), which most texts hold.
pub fn uses_tense(expr: &DateExpr) -> bool {
    let point = |p: &Point| day_uses_tense(&p.day);
    match expr {
        DateExpr::Point(p) => point(p),
        DateExpr::Range(a, b) => a.as_ref().is_some_and(point) || b.as_ref().is_some_and(point),
        DateExpr::Duration(_) | DateExpr::Set(_) | DateExpr::Token(_) => false,
    }
}

fn day_uses_tense(spec: &DaySpec) -> bool {
    match spec {
        DaySpec::None | DaySpec::DayOfMonth(_) | DaySpec::WeekdayDay(..) => true,
        DaySpec::Calendar { year, .. } => *year == YearSpec::Infer,
        DaySpec::NthWeek(_, year, _) | DaySpec::NthDay(_, year, _) => *year == YearSpec::Infer,
        DaySpec::Weekday(_, rel) => matches!(rel, WeekdayRel::Bare | WeekdayRel::This),
        DaySpec::Offset(inner, _) | DaySpec::WeekOf(inner) => day_uses_tense(inner),
        DaySpec::Shift(..)
        | DaySpec::Season(..)
        | DaySpec::YearPart(..)
        | DaySpec::Week(_)
        | DaySpec::Weekend(_)
        | DaySpec::NthWeekdayOfMonth(..)
        | DaySpec::Century(_)
        | DaySpec::Decade(_) => false,
    }
}

/// The day a point falls on, when it names one (for « le lendemain » and for
/// attaching times).
pub fn day_of(p: &Point, reference: Option<NaiveDateTime>) -> Option<NaiveDate> {
    match day(&p.day, p.tense, reference) {
        Value::Day(d) => Some(d),
        Value::Minute(t) => Some(t.date()),
        _ => None,
    }
}

fn point(p: &Point, reference: Option<NaiveDateTime>) -> Value {
    let base = day(&p.day, p.tense, reference);
    let Some(t) = p.time else { return base };
    let base = if p.day == DaySpec::None {
        match reference {
            // A bare clock time already past at the reference moment is
            // tomorrow's, unless the sentence is in the past tense.
            Some(r) => match t {
                TimeSpec::Clock(h, m)
                    if p.tense != Tense::Past
                        && r.time().num_seconds_from_midnight() > 0
                        && h < 24
                        && (h * 60 + m.unwrap_or(0)) * 60
                            < r.time().num_seconds_from_midnight() =>
                {
                    Value::Day(r.date() + Duration::days(1))
                }
                _ => Value::Day(r.date()),
            },
            None => Value::Text("XXXX-XX-XX".into()),
        }
    } else {
        base
    };
    let prefix = match &base {
        Value::Day(d) => match t {
            TimeSpec::Clock(24, None) => {
                return Value::Text(format!("{}T00", *d + Duration::days(1)))
            }
            _ => d.to_string(),
        },
        Value::Minute(dt) => dt.date().to_string(),
        other => other.format(),
    };
    Value::Text(match t {
        TimeSpec::Clock(h, None) => format!("{prefix}T{:02}", h % 24),
        TimeSpec::Clock(h, Some(m)) => format!("{prefix}T{:02}:{m:02}", h % 24),
        TimeSpec::Part(s) => format!("{prefix}T{s}"),
    })
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn wd_of(d: NaiveDate) -> i64 {
    d.weekday().num_days_from_monday() as i64
}

/// The year of a month/day without year, by tense.
fn infer_year(month: u32, dom: Option<u32>, tense: Tense, r: NaiveDate) -> i32 {
    let here = (
        month,
        dom.unwrap_or(if tense == Tense::Past { 1 } else { 31 }),
    );
    let now = (r.month(), r.day());
    match tense {
        Tense::Past if here > now => r.year() - 1,
        Tense::Future | Tense::Unknown if here < now => {
            if dom.is_none() && month == r.month() {
                r.year()
            } else {
                r.year() + 1
            }
        }
        _ => r.year(),
    }
}

fn year_of(y: YearSpec, r: Option<NaiveDate>) -> Option<i32> {
    match (y, r) {
        (YearSpec::Abs(y), _) => Some(y),
        (YearSpec::Rel(n), Some(r)) => Some(r.year() + n),
        (YearSpec::Infer, Some(r)) => Some(r.year()),
        _ => None,
    }
}

fn last_dom(y: i32, m: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| ymd(y, m, d).is_some())
        .unwrap_or(28)
}

fn iso_week(d: NaiveDate) -> Value {
    let w = d.iso_week();
    Value::Week(w.year(), w.week())
}

fn day(spec: &DaySpec, tense: Tense, reference: Option<NaiveDateTime>) -> Value {
    let r = reference.map(|r| r.date());
    let unresolved = |s: &str| Value::Text(s.to_string());
    match spec {
        DaySpec::None => match r {
            Some(r) => Value::Day(r),
            None => unresolved("XXXX-XX-XX"),
        },
        DaySpec::Calendar { year, month, day } => {
            let y = match (year, r, month) {
                (YearSpec::Infer, Some(r), Some(m)) => Some(infer_year(*m, *day, tense, r)),
                _ => year_of(*year, r),
            };
            match (y, month, day) {
                (Some(y), Some(m), Some(d)) => {
                    ymd(y, *m, *d).map_or(Value::Text(format!("{y:04}-{m:02}-{d:02}")), Value::Day)
                }
                (Some(y), Some(m), None) => Value::Month(y, *m),
                (Some(y), None, _) => Value::Year(y),
                (None, Some(m), Some(d)) => Value::Text(format!("XXXX-{m:02}-{d:02}")),
                (None, Some(m), None) => Value::Text(format!("XXXX-{m:02}")),
                (None, None, _) => unresolved("XXXX"),
            }
        }
        DaySpec::DayOfMonth(d) => {
            let Some(r) = r else {
                return Value::Text(format!("XXXX-XX-{d:02}"));
            };
            let mut m = r.with_day(1).unwrap_or(r);
            let step = |m: NaiveDate, fwd: bool| -> NaiveDate {
                if fwd {
                    m.checked_add_months(chrono::Months::new(1)).unwrap_or(m)
                } else {
                    m.checked_sub_months(chrono::Months::new(1)).unwrap_or(m)
                }
            };
            let past = tense == Tense::Past;
            if past && *d > r.day() {
                m = step(m, false);
            } else if !past && *d < r.day() {
                m = step(m, true);
            }
            for _ in 0..3 {
                if let Some(x) = ymd(m.year(), m.month(), *d) {
                    return Value::Day(x);
                }
                m = step(m, !past);
            }
            Value::Text(format!("XXXX-XX-{d:02}"))
        }
        DaySpec::WeekdayDay(wd, d) => {
            let Some(r) = r else {
                return Value::Text(format!("XXXX-XX-{d:02}"));
            };
            let past = tense == Tense::Past;
            let mut m = r.with_day(1).unwrap_or(r);
            for _ in 0..40 {
                if let Some(x) = ymd(m.year(), m.month(), *d) {
                    if wd_of(x) == *wd as i64 && (if past { x <= r } else { x >= r }) {
                        return Value::Day(x);
                    }
                }
                m = if past {
                    m.checked_sub_months(chrono::Months::new(1)).unwrap_or(m)
                } else {
                    m.checked_add_months(chrono::Months::new(1)).unwrap_or(m)
                };
            }
            Value::Text(format!("XXXX-XX-{d:02}"))
        }
        DaySpec::Offset(inner, n) => match day(inner, tense, reference) {
            Value::Day(d) => Value::Day(d + Duration::days(*n as i64)),
            other => other,
        },
        DaySpec::Weekday(wd, rel) => {
            let Some(r) = r else {
                return Value::Text(format!("XXXX-WXX-{}", wd + 1));
            };
            let wd = *wd as i64;
            let rw = wd_of(r);
            let fwd = (wd - rw).rem_euclid(7);
            let back = (rw - wd).rem_euclid(7);
            let by_tense = |today_ok: bool| match tense {
                Tense::Past => r - Duration::days(back),
                _ if today_ok && fwd == 0 => r,
                _ => r + Duration::days(if fwd == 0 { 7 } else { fwd }),
            };
            Value::Day(match rel {
                WeekdayRel::Bare => by_tense(false),
                WeekdayRel::This => by_tense(true),
                WeekdayRel::Last => r - Duration::days(if back == 0 { 7 } else { back }),
                WeekdayRel::Next => r + Duration::days(if fwd == 0 { 7 } else { fwd }),
                WeekdayRel::Following => r + Duration::days(fwd + 7),
                WeekdayRel::Week(n) => r - Duration::days(rw) + Duration::days(7 * *n as i64 + wd),
                WeekdayRel::InWeeks(n) => r + Duration::days(fwd + 7 * *n as i64),
            })
        }
        DaySpec::Shift(unit, n, _) => {
            let Some(r) = r else {
                return unresolved(match unit {
                    Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => "XXXX-XX-XX",
                    Unit::Week => "XXXX-WXX",
                    Unit::Month => "XXXX-XX",
                    _ => "XXXX",
                });
            };
            let n = *n;
            match unit {
                Unit::Day => Value::Day(r + Duration::days(n as i64)),
                Unit::Week => iso_week(r + Duration::days(7 * n as i64)),
                Unit::Month | Unit::Quarter => {
                    let k = if *unit == Unit::Quarter { 3 * n } else { n };
                    let total = r.year() * 12 + r.month0() as i32 + k;
                    Value::Month(total.div_euclid(12), total.rem_euclid(12) as u32 + 1)
                }
                Unit::Year => Value::Year(r.year() + n),
                Unit::Decade => Value::Year(r.year() + 10 * n),
                Unit::Century => Value::Year(r.year() + 100 * n),
                Unit::Hour | Unit::Minute | Unit::Second => {
                    let Some(t) = reference else {
                        return unresolved("XXXX-XX-XX");
                    };
                    if t.time().num_seconds_from_midnight() == 0 {
                        // A date-only reference: the day is all we know.
                        return Value::Day(r);
                    }
                    let secs = match unit {
                        Unit::Hour => 3600,
                        Unit::Minute => 60,
                        _ => 1,
                    } * n as i64;
                    let t = t + Duration::seconds(secs);
                    if *unit == Unit::Hour {
                        Value::Text(format!("{}T{:02}", t.date(), t.hour()))
                    } else {
                        Value::Minute(t)
                    }
                }
            }
        }
        DaySpec::Season(y, s) => {
            let start = match *s {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            let year = match (y, r) {
                (YearSpec::Abs(y), _) => *y,
                (YearSpec::Rel(k), Some(r)) if *k < 0 => {
                    if start + 3 <= r.month() {
                        r.year()
                    } else {
                        r.year() - 1
                    }
                }
                (YearSpec::Rel(k), Some(r)) if *k > 0 => {
                    if start > r.month() {
                        r.year()
                    } else {
                        r.year() + 1
                    }
                }
                (_, Some(r)) => r.year(),
                (_, None) => return Value::Text(format!("XXXX-{s}")),
            };
            Value::Text(format!("{year:04}-{s}"))
        }
        DaySpec::YearPart(y, part) => match year_of(*y, r) {
            Some(y) => Value::Text(format!("{y:04}-{part}")),
            None => Value::Text(format!("XXXX-{part}")),
        },
        DaySpec::Week(n) => match r {
            Some(r) => iso_week(r + Duration::days(7 * *n as i64)),
            None => unresolved("XXXX-WXX"),
        },
        DaySpec::WeekOf(inner) => match day(inner, tense, reference) {
            Value::Day(d) => iso_week(d),
            _ => unresolved("XXXX-WXX"),
        },
        DaySpec::Weekend(n) => match r {
            Some(r) => match iso_week(r + Duration::days(7 * *n as i64)) {
                Value::Week(y, w) => Value::Text(format!("{y:04}-W{w:02}-WE")),
                other => other,
            },
            None => unresolved("XXXX-WXX-WE"),
        },
        DaySpec::NthWeek(n, y, m) => {
            let y = match (y, r) {
                (YearSpec::Infer, Some(r)) => infer_year(*m, None, tense, r),
                _ => match year_of(*y, r) {
                    Some(y) => y,
                    None => return unresolved("XXXX-WXX"),
                },
            };
            let Some(first) = ymd(y, *m, 1) else {
                return unresolved("XXXX-WXX");
            };
            if *n > 0 {
                let monday = first
                    + Duration::days((7 - wd_of(first)) % 7)
                    + Duration::days(7 * (*n as i64 - 1));
                iso_week(monday)
            } else {
                let last = ymd(y, *m, last_dom(y, *m)).unwrap_or(first);
                iso_week(last - Duration::days((wd_of(last) + 1) % 7))
            }
        }
        DaySpec::NthDay(n, y, m) => {
            let y = match (y, r) {
                (YearSpec::Infer, Some(r)) => infer_year(*m, None, tense, r),
                _ => match year_of(*y, r) {
                    Some(y) => y,
                    None => return Value::Text(format!("XXXX-{m:02}")),
                },
            };
            let d = if *n < 0 { last_dom(y, *m) } else { *n as u32 };
            ymd(y, *m, d).map_or(Value::Month(y, *m), Value::Day)
        }
        DaySpec::NthWeekdayOfMonth(n, wd, shift) => {
            let Some(r) = r else {
                return unresolved("XXXX-XX");
            };
            let total = r.year() * 12 + r.month0() as i32 + shift;
            let (y, m) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
            let Some(first) = ymd(y, m, 1) else {
                return unresolved("XXXX-XX");
            };
            let d0 = first + Duration::days((*wd as i64 - wd_of(first)).rem_euclid(7));
            if *n > 0 {
                Value::Day(d0 + Duration::days(7 * (*n as i64 - 1)))
            } else {
                let mut d = d0;
                while (d + Duration::days(7)).month() == m {
                    d += Duration::days(7);
                }
                Value::Day(d)
            }
        }
        DaySpec::Century(c) => Value::Text(format!("{c:02}")),
        DaySpec::Decade(d) => Value::Text(format!("{d}X")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32) -> Option<NaiveDateTime> {
        ymd(y, m, d).and_then(|d| d.and_hms_opt(4, 30, 0))
    }

    #[test]
    fn weekdays_by_tense() {
        let mut p = Point::day(DaySpec::Weekday(0, WeekdayRel::Bare));
        assert_eq!(point(&p, at(2013, 2, 12)).format(), "2013-02-18");
        p.tense = Tense::Past;
        assert_eq!(point(&p, at(2013, 2, 12)).format(), "2013-02-11");
    }

    #[test]
    fn seasons() {
        let last = DateExpr::day(DaySpec::Season(YearSpec::Rel(-1), "SP"));
        assert_eq!(resolve(&last, at(2012, 10, 16)), "2012-SP");
        let last = DateExpr::day(DaySpec::Season(YearSpec::Rel(-1), "SU"));
        assert_eq!(resolve(&last, at(2024, 6, 25)), "2023-SU");
    }
}

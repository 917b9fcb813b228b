//! `DateExpr`: what a temporal expression says, before any reference date is
//! known (« hier » is "one day before the reference", not a calendar date).
//!
//! Rules build these; [`super::resolve`] turns them into TIMEX3 values. This
//! module holds only the description types and small helpers to combine them;
//! it never looks at a reference date.

/// Calendar units a shift or a duration counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Quarters (three months).
    Quarter,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

/// The year of a calendar expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearSpec {
    /// Written in the text (`2024`).
    Abs(i32),
    /// Relative to the reference year (« l'an dernier » = -1).
    Rel(i32),
    /// Not said: inferred from the reference date and the tense.
    Infer,
}

/// Which way a sentence looks in time, used to place « mardi » or « le 3
/// mars » before or after the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tense {
    /// Past tense: the latest matching day on or before the reference.
    Past,
    /// Future tense: the next matching day.
    Future,
    /// No cue: the next matching day (Duckling's rule).
    #[default]
    Unknown,
}

/// How a weekday is placed relative to the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekdayRel {
    /// « mardi »: by tense.
    Bare,
    /// « ce mardi »: the reference day itself if it is a Tuesday, else by tense.
    This,
    /// « mardi dernier »: strictly before the reference.
    Last,
    /// « mardi prochain »: strictly after the reference.
    Next,
    /// « mardi suivant », « mardi d'après »: the next one after tomorrow.
    Following,
    /// « mardi de la semaine prochaine »: that weekday of the week `n` weeks away.
    Week(i32),
    /// « mardi en huit » (n = 1), « mardi en quinze » (n = 2).
    InWeeks(i32),
}

/// Where a shift counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The publication date (« hier », « il y a 20 ans »).
    Reference,
    /// The previous date of the text (« la veille », « le lendemain »).
    Text,
}

/// The day part of a point in time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DaySpec {
    /// No day: a bare clock time or part of the day, placed by the extractor.
    None,
    /// A calendar date, possibly partial (`juin 2024`, `le 3 mars`, `2021`).
    Calendar {
        /// The year.
        year: YearSpec,
        /// Month 1–12.
        month: Option<u32>,
        /// Day of month 1–31.
        day: Option<u32>,
    },
    /// A day of the month only (« le 16 »): this month's or the next one's.
    DayOfMonth(u32),
    /// A weekday with a day of the month (« mercredi 13 »): the nearest such day.
    WeekdayDay(u32, u32),
    /// A day shifted by a number of days (« le lendemain du 13 février »).
    Offset(Box<DaySpec>, i32),
    /// A weekday (0 = Monday).
    Weekday(u32, WeekdayRel),
    /// The reference (or text) moment shifted by `n` units, at the unit's grain.
    Shift(Unit, i32, Anchor),
    /// A season (`SP`, `SU`, `FA`, `WI`) of a year.
    Season(YearSpec, &'static str),
    /// A half (`H1`), quarter (`Q2`) or weekend (`WE`, with a week) of a year.
    YearPart(YearSpec, &'static str),
    /// An ISO week of the reference, shifted (`2013-W07`).
    Week(i32),
    /// The week holding a calendar day (« la semaine du 6 octobre »).
    WeekOf(Box<DaySpec>),
    /// The weekend of the week shifted by `n` weeks (`2024-W26-WE`).
    Weekend(i32),
    /// The `n`th (1-based, -1 = last) week of a month.
    NthWeek(i32, YearSpec, u32),
    /// The `n`th day (-1 = last) of a month.
    NthDay(i32, YearSpec, u32),
    /// The `n`th weekday of the month shifted by `shift` months.
    NthWeekdayOfMonth(i32, u32, i32),
    /// A century, as TIMEX3 writes it (« XIXe siècle » → 18).
    Century(i32),
    /// A decade (« les années 1990 » → 199).
    Decade(i32),
}

/// The time-of-day part of a point in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeSpec {
    /// A clock time: hour and optional minutes.
    Clock(u32, Option<u32>),
    /// A part of the day: `MO`, `AF`, `EV`, `NI`.
    Part(&'static str),
}

/// A point (or calendar period) in time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    /// The day.
    pub day: DaySpec,
    /// The time of day.
    pub time: Option<TimeSpec>,
    /// The tense of the sentence, set by the extractor.
    pub tense: Tense,
}

/// A length of time: amounts per unit; `None` is an unspecified amount (`PXY`).
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// (unit, amount) pairs, largest unit first.
    pub parts: Vec<(Unit, Option<f64>)>,
}

/// What a temporal expression means.
#[derive(Debug, Clone, PartialEq)]
pub enum DateExpr {
    /// A date, a time or a calendar period.
    Point(Point),
    /// An interval; a missing side is open (« à partir du 8 »).
    Range(Option<Point>, Option<Point>),
    /// A length of time (« 20 ans »).
    Duration(Span),
    /// A recurring time, as its TIMEX3 value (`P1Y`, `XXXX-WXX-1`).
    Set(String),
    /// A TIMEX3 token of its own: `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Token(&'static str),
}

impl Point {
    /// A point with only a day.
    pub fn day(day: DaySpec) -> Point {
        Point {
            day,
            time: None,
            tense: Tense::Unknown,
        }
    }

    /// A point with only a time of day.
    pub fn time(time: TimeSpec) -> Point {
        Point {
            day: DaySpec::None,
            time: Some(time),
            tense: Tense::Unknown,
        }
    }

    /// Whether the day says at least a day (not just a month or a year).
    pub fn has_day(&self) -> bool {
        match &self.day {
            DaySpec::Calendar { day, .. } => day.is_some(),
            DaySpec::DayOfMonth(_)
            | DaySpec::Weekday(..)
            | DaySpec::NthDay(..)
            | DaySpec::WeekdayDay(..)
            | DaySpec::Offset(..) => true,
            DaySpec::NthWeekdayOfMonth(..) => true,
            DaySpec::Shift(u, ..) => matches!(u, Unit::Day | Unit::Hour | Unit::Minute),
            _ => false,
        }
    }
}

impl DateExpr {
    /// A point with only a day.
    pub fn day(day: DaySpec) -> DateExpr {
        DateExpr::Point(Point::day(day))
    }

    /// A calendar date.
    pub fn ymd(year: YearSpec, month: Option<u32>, day: Option<u32>) -> DateExpr {
        DateExpr::day(DaySpec::Calendar { year, month, day })
    }

    /// A duration of `n` units.
    pub fn duration(unit: Unit, n: Option<f64>) -> DateExpr {
        DateExpr::Duration(Span {
            parts: vec![(unit, n)],
        })
    }
}

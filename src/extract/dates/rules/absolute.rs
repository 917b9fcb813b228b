//! Rules for calendar dates written out: « 25 juin 2024 », « mardi 25 juin »,
//! « 25/06/2024 », « 2024-06-25 », « juin 2024 », « en 2021 », « l'an 2000 »,
//! « au printemps 2024 », « le XXe siècle », « les années 1990 », holidays,
//! day ranges (« du 3 au 5 juin »).
//!
//! Years alone are checked against their neighbours so that a count
//! (« 2024 habitants ») or a law number is not read as a year. These rules
//! never resolve anything against a reference date.

use super::year_context::year_in_context;
use super::{num, Match, Produced, Rule};
use crate::extract::dates::expr::{DateExpr, DaySpec, Point, YearSpec};
use crate::extract::dates::words::{self, DAYNUM_RE, MONTH_RE, WEEKDAY_RE};

/// A year group: four digits, or two digits read as 19xx/20xx.
fn year(s: &str) -> Option<i32> {
    let s = s.trim_start_matches('\'');
    let y: i32 = s.parse().ok()?;
    Some(match s.len() {
        2 if y < 50 => 2000 + y,
        2 => 1900 + y,
        _ => y,
    })
}

fn year_spec(m: &Match, name: &str) -> YearSpec {
    m.get(name)
        .and_then(year)
        .map_or(YearSpec::Infer, YearSpec::Abs)
}

fn valid_dm(d: i64, mo: i64) -> bool {
    (1..=31).contains(&d) && (1..=12).contains(&mo)
}

fn date_dmy(m: &Match) -> Option<Produced> {
    let d = num(m, "d")?;
    let month = m.get("m")?;
    // « dix sept », « vingt-sept »: a number word, not the day and the
    // undotted abbreviation of septembre (a day in words takes full months).
    let day_in_words = m
        .get("d")
        .is_some_and(|w| w.starts_with(|c: char| c.is_alphabetic()));
    if day_in_words && month.eq_ignore_ascii_case("sept") && !m.has("y") {
        return None;
    }
    let mo = words::month(month)?;
    if !valid_dm(d, mo as i64) {
        return None;
    }
    let mut p = Point::day(DaySpec::Calendar {
        year: year_spec(m, "y"),
        month: Some(mo),
        day: Some(d as u32),
    });
    if let Some(w) = m.get("mod") {
        p.tense = if w.trim().starts_with("dernier") {
            crate::extract::dates::expr::Tense::Past
        } else {
            crate::extract::dates::expr::Tense::Future
        };
    }
    Some(DateExpr::Point(p).into())
}

fn date_numeric(m: &Match) -> Option<Produced> {
    let (d, mo) = (num(m, "d")?, num(m, "m")?);
    if !valid_dm(d, mo) {
        return None;
    }
    let (s1, s2) = (m.get("s1")?, m.get("s2"));
    if let Some(s2) = s2 {
        if s1 != s2 {
            return None;
        }
    }
    let y = m.get("y");
    if y.is_none() {
        // « 17/2 » alone: only with a slash, and not a fraction (« 1/3 des »).
        if s1 != "/" {
            return None;
        }
        let a = m.after().trim_start().to_lowercase();
        if a.starts_with("de ")
            || a.starts_with("des ")
            || a.starts_with("du ")
            || a.starts_with("d'")
        {
            return None;
        }
    }
    if s1 == " " && !m.has("le") && y.is_none_or(|y| y.len() != 4) {
        return None;
    }
    // Part of a longer number sequence (phone numbers, versions).
    let b = m.before();
    let a = m.after();
    if b.ends_with(|c: char| c.is_ascii_digit() || matches!(c, '/' | '.' | '-'))
        || b.trim_end().ends_with(|c: char| c.is_ascii_digit()) && b.ends_with(' ')
        || a.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '/' | '-'))
        || a.starts_with('.') && a[1..].starts_with(|c: char| c.is_ascii_digit())
        || a.starts_with(' ') && a[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    Some(
        DateExpr::ymd(
            y.and_then(year).map_or(YearSpec::Infer, YearSpec::Abs),
            Some(mo as u32),
            Some(d as u32),
        )
        .into(),
    )
}

fn date_iso(m: &Match) -> Option<Produced> {
    let (y, mo, d) = (m.get("y")?.parse().ok()?, num(m, "m")?, num(m, "d")?);
    if !valid_dm(d, mo) || m.after().starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(DateExpr::ymd(YearSpec::Abs(y), Some(mo as u32), Some(d as u32)).into())
}

fn month_year(m: &Match) -> Option<Produced> {
    let word = m.get("m")?;
    let mo = words::month(word)?;
    let has_year = m.has("y");
    if !has_year {
        // A month alone: its full name in lowercase (« Mars » is the planet,
        // « sept » the number).
        let full = words::MONTHS
            .iter()
            .any(|(n, _)| *n == word && n.len() >= 3)
            && !word.ends_with('.')
            && word.chars().next().is_some_and(char::is_lowercase);
        if !full
            || matches!(
                word,
                "sept"
                    | "sep"
                    | "jan"
                    | "janv"
                    | "fev"
                    | "fév"
                    | "avr"
                    | "juil"
                    | "oct"
                    | "nov"
                    | "dec"
                    | "déc"
                    | "févr"
                    | "fevr"
                    | "mar"
                    | "jui"
            )
        {
            return None;
        }
        // « mai » and « mars » after a determiner or a name are other words.
        let prev = m.before().trim_end().to_lowercase();
        if !m.has("pre")
            && (prev.ends_with(" le")
                || prev.ends_with(" un")
                || prev.ends_with(" du")
                || prev.ends_with(" la"))
        {
            return None;
        }
    }
    let mut p = Point::day(DaySpec::Calendar {
        year: year_spec(m, "y"),
        month: Some(mo),
        day: None,
    });
    if let Some(w) = m.get("mod") {
        p.tense = if w.trim().starts_with("dernier") {
            crate::extract::dates::expr::Tense::Past
        } else {
            crate::extract::dates::expr::Tense::Future
        };
    }
    Some(DateExpr::Point(p).into())
}

fn year_alone(m: &Match) -> Option<Produced> {
    let y = year(m.get("y")?)?;
    if !m.has("pre") && !year_in_context(m) {
        return None;
    }
    if !(1000..=2100).contains(&y) {
        return None;
    }
    Some(DateExpr::ymd(YearSpec::Abs(y), None, None).into())
}

fn season(m: &Match) -> Option<Produced> {
    let s = match m.get("s")?.to_lowercase().as_str() {
        "printemps" => "SP",
        "été" | "ete" => "SU",
        "automne" => "FA",
        _ => "WI",
    };
    let year = if let Some(y) = m.get("y") {
        YearSpec::Abs(year(y)?)
    } else if let Some(w) = m.get("mod") {
        YearSpec::Rel(if w.starts_with("dernier") || w.starts_with("passé") {
            -1
        } else {
            1
        })
    } else if m.has("pre") {
        YearSpec::Rel(0)
    } else {
        return None;
    };
    Some(DateExpr::day(DaySpec::Season(year, s)).into())
}

fn century(m: &Match) -> Option<Produced> {
    let r = m.get("r")?;
    let n = r.parse::<i32>().ok().or_else(|| words::roman(r))?;
    (1..=30)
        .contains(&n)
        .then(|| DateExpr::day(DaySpec::Century(n - 1)).into())
}

fn decade(m: &Match) -> Option<Produced> {
    let y = year(m.get("y")?)?;
    (y % 10 == 0).then(|| DateExpr::day(DaySpec::Decade(y / 10)).into())
}

fn holiday(m: &Match) -> Option<Produced> {
    let w = m.get("h")?.to_lowercase();
    let (mo, d) = if w.contains("noël") || w.contains("noel") {
        (12, 25)
    } else if w.contains("toussaint") || w.contains("morts") {
        (11, 1)
    } else if w.contains("travail") {
        (5, 1)
    } else if w.contains("nationale") {
        (7, 14)
    } else {
        (1, 1)
    };
    let mut p = Point::day(DaySpec::Calendar {
        year: year_spec(m, "y"),
        month: Some(mo),
        day: Some(d),
    });
    p.tense = crate::extract::dates::expr::Tense::Future;
    if m.has("y") {
        p.tense = Default::default();
    }
    Some(DateExpr::Point(p).into())
}

fn day_range(m: &Match) -> Option<Produced> {
    let (d1, d2) = (num(m, "d1")?, num(m, "d2")?);
    let m2 = match m.get("m2") {
        Some(w) => Some(words::month(w)?),
        None => None,
    };
    let m1 = match m.get("m1") {
        Some(w) => Some(words::month(w)?),
        None => m2,
    };
    if m2.is_none() && !m.has("pre") {
        return None;
    }
    // « entre 2 et 3 milliards », « de 2 à 3 % »: numbers counting something.
    let counts = m
        .after()
        .trim_start()
        .starts_with(|c: char| c.is_alphabetic() || "%€$£".contains(c));
    if m2.is_none() && counts {
        return None;
    }
    if !(1..=31).contains(&d1) || !(1..=31).contains(&d2) || (m1 == m2 && d1 >= d2) {
        return None;
    }
    let y = year_spec(m, "y");
    let side = |mo: Option<u32>, d: i64| {
        Point::day(match mo {
            Some(mo) => DaySpec::Calendar {
                year: y,
                month: Some(mo),
                day: Some(d as u32),
            },
            None => DaySpec::DayOfMonth(d as u32),
        })
    };
    Some(DateExpr::Range(Some(side(m1, d1)), Some(side(m2, d2))).into())
}

fn day_of_month(m: &Match) -> Option<Produced> {
    let d = num(m, "d")?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let wd = m.get("wd").and_then(words::weekday);
    let day = DaySpec::DayOfMonth(d as u32);
    // « mercredi 13 »: the weekday and day of month together.
    let expr = match wd {
        Some(w) => DateExpr::day(DaySpec::WeekdayDay(w, d as u32)),
        None => DateExpr::day(day),
    };
    Some(Produced {
        expr,
        latent: wd.is_none(),
    })
}

fn nth_day(m: &Match) -> Option<Produced> {
    let n = if m.get("n")?.to_lowercase().starts_with("derni") {
        -1
    } else {
        num(m, "n")? as i32
    };
    let mo = words::month(m.get("m")?)?;
    let unit = m.get("u")?.to_lowercase();
    let y = year_spec(m, "y");
    Some(
        DateExpr::day(if unit.starts_with("semaine") {
            DaySpec::NthWeek(n, y, mo)
        } else {
            DaySpec::NthDay(n, y, mo)
        })
        .into(),
    )
}

fn year_part(m: &Match) -> Option<Produced> {
    let n = match m.get("n")?.to_lowercase().as_str() {
        "premier" | "1er" | "première" | "1re" | "1ère" => 1,
        "deuxième" | "second" | "seconde" | "2e" | "2ème" => 2,
        "troisième" | "3e" | "3ème" => 3,
        "quatrième" | "4e" | "4ème" | "dernier" => 4,
        _ => return None,
    };
    let u = m.get("u")?.to_lowercase();
    let part: &'static str = if u.starts_with("semestre") {
        ["H1", "H2", "H2", "H2"][n - 1]
    } else {
        ["Q1", "Q2", "Q3", "Q4"][n - 1]
    };
    let y = match m.get("y") {
        Some(y) => YearSpec::Abs(year(y)?),
        None => YearSpec::Infer,
    };
    Some(DateExpr::day(DaySpec::YearPart(y, part)).into())
}

pub(super) fn rules() -> Vec<Rule> {
    let day = format!(r"(?:{DAYNUM_RE})(?:er|re|e|ème|eme)?");
    vec![
        Rule {
            name: "<weekday>? <day> <month> <year>?",
            pattern: format!(
                r"\b(?:(?:le|ce|cette)\s+)?(?:(?P<wd>{WEEKDAY_RE})\s+)?(?P<d>{day})(?:\s+jour\s+(?:de\s+|d')|\s+|(?:\s*-\s*)?)(?P<m>{MONTH_RE})(?:,?\s+(?:de\s+l'année\s+)?(?P<y>\d{{4}}|'\d\d)\b)?(?P<mod>\s+(?:dernier|prochain))?"
            ),
            prod: date_dmy,
        },
        Rule {
            name: "<day> <month> <yy>",
            pattern: format!(r"\b(?:le\s+)?(?P<d>{day})\s+(?P<m>{MONTH_RE})\s+(?P<y>\d\d)\b"),
            prod: |m| {
                let a = m.after().trim_start();
                if a.starts_with(|c: char| c.is_alphanumeric()) {
                    return None;
                }
                date_dmy(m)
            },
        },
        Rule {
            name: "dd/mm/yyyy",
            pattern: r"\b(?P<le>le\s+)?(?P<d>[0-3]?\d)(?P<s1>[/. ])(?P<m>[01]?\d)(?:(?P<s2>[/. ])(?P<y>\d{4}|\d\d))?\b".to_string(),
            prod: date_numeric,
        },
        Rule {
            name: "yyyy-mm-dd",
            pattern: r"\b(?P<y>[12]\d{3})-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)\b".to_string(),
            prod: date_iso,
        },
        Rule {
            name: "<month> <year>",
            pattern: format!(
                r"\b(?P<pre>(?:en|au\s+mois\s+de|le\s+mois\s+de|du\s+mois\s+de|mois\s+de|courant|dès|depuis)\s+|(?:(?:au|le|du)\s+)?mois\s+d')?(?P<m>{MONTH_RE})(?:\s+(?:de\s+l'année\s+)?(?P<y>\d{{4}})\b)?(?P<mod>\s+(?:dernier|prochain))?"
            ),
            prod: month_year,
        },
        Rule {
            name: "<year>",
            pattern: r"\b(?:(?P<pre>en|l'an|l'année|année|depuis|dès|jusqu'en|d'ici\s+à|d'ici|avant|après|courant|fin|début|mi-)\s*)?(?P<y>1\d{3}|20\d\d)\b".to_string(),
            prod: |m| {
                // « avant »/« après »/« depuis » only confirm a year, they are not part of it
                year_alone(m)
            },
        },
        Rule {
            name: "season",
            pattern: r"\b(?:(?P<pre>au|en|cet|ce|le|l'|à\s+l'|de\s+l'|du|cette|dès\s+l'|depuis\s+l')\s*)?(?P<s>printemps|été|automne|hiver)(?:\s+(?P<y>\d{4})\b|\s+(?P<mod>dernier|prochain|passé))?".to_string(),
            prod: |m| {
                if m.get("s").is_some_and(|s| s.eq_ignore_ascii_case("été")) && !m.has("pre") {
                    return None;
                }
                season(m)
            },
        },
        Rule {
            name: "century",
            pattern: r"\b(?:(?:le|du|au)\s+)?(?P<r>[ivxl]+|\d{1,2})(?:e|è|ème|eme|ᵉ)\s+siècle\b".to_string(),
            prod: century,
        },
        Rule {
            name: "decade",
            pattern: r"\b(?:(?:les|des|aux|dans\s+les|depuis\s+les)\s+)?années\s+(?P<y>\d{4}|\d0)\b".to_string(),
            prod: decade,
        },
        Rule {
            name: "holiday",
            pattern: r"\b(?:(?:le|la)\s+)?(?:jour\s+de\s+la\s+|journée\s+de\s+la\s+|jour\s+de\s+|jour\s+des\s+)?(?P<h>noël|noel|toussaint|nouvel\s+an|l'an|fête\s+du\s+travail|fête\s+nationale|morts)(?:\s+(?P<y>\d{4}))?\b".to_string(),
            prod: |m| {
                let w = m.all().to_lowercase();
                if w.ends_with("l'an") && !w.contains("jour de l'an") {
                    return None;
                }
                if w.ends_with("morts") && !w.contains("jour des morts") {
                    return None;
                }
                holiday(m)
            },
        },
        Rule {
            name: "du <day> au <day> <month>",
            pattern: format!(
                r"\b(?:(?P<pre>du|entre(?:\s+le)?|de)\s+)?(?:(?:{WEEKDAY_RE})\s+)?(?P<d1>{day})(?:\s+(?P<m1>{MONTH_RE}))?\s*(?:au|-|–|et(?:\s+le)?|jusqu'au)\s*(?:(?:{WEEKDAY_RE})\s+)?(?P<d2>{day})(?:\s+(?P<m2>{MONTH_RE})(?:\s+(?P<y>\d{{4}})\b)?)?"
            ),
            prod: day_range,
        },
        Rule {
            name: "le <day> (latent)",
            pattern: format!(r"\b(?:(?P<wd>{WEEKDAY_RE})\s+|le\s+)(?P<d>{day})\b"),
            prod: day_of_month,
        },
        Rule {
            name: "<nth> jour/semaine de <month>",
            pattern: format!(
                r"\b(?:(?:le|la)\s+)?(?P<n>premi[eè]re?|dernier|dernière|\d{{1,2}}(?:e|ème|eme|er)|{DAYNUM_RE}ième)\s+(?P<u>jour|semaine)\s+(?:de\s+|d')(?P<m>{MONTH_RE})(?:\s+(?P<y>\d{{4}}))?"
            ),
            prod: nth_day,
        },
        Rule {
            name: "<nth> semestre/trimestre <year>",
            pattern: r"\b(?:(?:le|au|du|ce)\s+)?(?P<n>premier|1er|second|deuxième|2e|2ème|troisième|3e|3ème|quatrième|4e|4ème|dernier)\s+(?P<u>semestre|trimestre)(?:\s+(?:de\s+l'année\s+)?(?P<y>\d{4}))?\b".to_string(),
            prod: year_part,
        },
    ]
}

//! Rules for times of day: « à 15 h 30 », « 15h30 », « 15:30 », « vers 3
//! heures du matin », « midi », « minuit et quart », and parts of the day
//! (« ce soir », « dans la nuit », « en fin de matinée », a bare « matin »
//! after a day).
//!
//! A time found alone has no day ([`DaySpec::None`]); the extractor attaches
//! it to the day its sentence names. « 48h » is a duration, not a time.

use super::{num, Match, Produced, Rule};
use crate::extract::dates::expr::{DateExpr, DaySpec, Point, Span, TimeSpec, Unit};
use crate::extract::dates::words::{self, NUMWORD_RE, PART_RE};

/// Minutes added by « et quart », « et demie », « moins le quart », « moins cinq ».
fn quarter(q: &str) -> Option<i32> {
    let q = q.trim().to_lowercase();
    Some(if q == "et quart" || q == "quart" {
        15
    } else if q.starts_with("et demi") || q == "demie" {
        30
    } else if q == "trois quarts" || q == "et trois quarts" {
        45
    } else if q == "moins le quart" || q == "moins quart" {
        -15
    } else if let Some(n) = q.strip_prefix("moins ") {
        -(words::number(n)? as i32)
    } else {
        words::number(&q)? as i32
    })
}

/// Shifts a clock time to the afternoon or evening for « du soir ».
fn with_part(h: u32, part: Option<&str>) -> u32 {
    match part.map(|p| p.to_lowercase()) {
        Some(p) if (p.contains("soir") || p.contains("après") || p.contains("apres")) && h < 12 => {
            h + 12
        }
        Some(p) if p.contains("nuit") && h == 12 => 0,
        _ => h,
    }
}

fn clock(h: i64, min: Option<i64>, q: Option<&str>, part: Option<&str>) -> Option<TimeSpec> {
    if !(0..=24).contains(&h) || min.is_some_and(|m| !(0..60).contains(&m)) {
        return None;
    }
    let mut h = with_part(h as u32, part) as i32;
    let mut min = min.map(|m| m as i32);
    if let Some(q) = q {
        let d = quarter(q)?;
        let total = h * 60 + min.unwrap_or(0) + d;
        h = total.div_euclid(60);
        min = Some(total.rem_euclid(60));
    }
    Some(TimeSpec::Clock(
        h.rem_euclid(24) as u32,
        min.map(|m| m as u32),
    ))
}

fn part_of(m: &Match) -> Option<&'static str> {
    m.get("p").and_then(|p| {
        let p = p.to_lowercase();
        let w = p.rsplit([' ', '\'']).next().unwrap_or("");
        words::day_part(w)
    })
}

fn hour_time(m: &Match) -> Option<Produced> {
    let h = num(m, "h")?;
    let min = match (m.get("m"), m.get("m2")) {
        (Some(_), _) => Some(num(m, "m")?),
        (None, Some(_)) => Some(num(m, "m2")?),
        _ => None,
    };
    let unit = m.get("u").unwrap_or("").to_lowercase();
    let spelled = unit.starts_with("heure");
    // « à 15 heures », « de 9 heures à 11 heures »: a clock time.
    let lead = m.before().trim_end().to_lowercase();
    let has_pre = m.has("pre")
        || ["à", "a", "de", "entre", "jusqu'à", "et", "dès"]
            .iter()
            .any(|w| lead.ends_with(&format!(" {w}")) || lead == *w);
    let after = m.after().trim_start().to_lowercase();
    let day_follows = [
        "ce ",
        "cet ",
        "cette ",
        "demain",
        "aujourd'hui",
        "hier",
        "le ",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
    ]
    .iter()
    .any(|w| after.starts_with(w));
    let has_pre = (has_pre || day_follows) && m.get("pre").is_none_or(|p| p != "depuis");
    let q = m.get("q").or(m.get("q2")).map(|q| q.to_lowercase());
    let half = match q.as_deref() {
        Some(q) if q.starts_with("et demi") => Some(30.0),
        Some("et quart") => Some(15.0),
        _ => None,
    };
    if spelled && !has_pre && min.is_none() && !m.has("p") && half.is_some() {
        let mut parts = vec![(Unit::Hour, Some(h as f64))];
        parts.push((Unit::Minute, half));
        return Some(DateExpr::Duration(Span { parts }).into());
    }
    // « 48h », « 48 heures », « 2 heures » alone: a duration.
    if h > 24
        || (spelled && !has_pre && min.is_none() && !m.has("p") && !m.has("q") && !m.has("q2"))
    {
        if m.before().trim_end().to_lowercase().ends_with("il y a") {
            return None;
        }
        let mut parts = vec![(Unit::Hour, Some(h as f64))];
        if let Some(mi) = min {
            parts.push((Unit::Minute, Some(mi as f64)));
        }
        return Some(DateExpr::Duration(Span { parts }).into());
    }
    if m.before().to_lowercase().trim_end().ends_with('/') {
        return None;
    }
    let p = m.get("p");
    let t = clock(h, min, m.get("q").or(m.get("q2")), p)?;
    let pre = m.get("pre").unwrap_or("").to_lowercase();
    if pre == "après" || pre == "plus tard que" || pre.contains("partir") || pre.contains("compter")
    {
        return Some(DateExpr::Range(Some(Point::time(t)), None).into());
    }
    if pre == "avant" {
        return Some(DateExpr::Range(None, Some(Point::time(t))).into());
    }
    Some(DateExpr::Point(Point::time(t)).into())
}

fn colon_time(m: &Match) -> Option<Produced> {
    let (h, mi) = (num(m, "h")?, num(m, "m")?);
    let a = m.after();
    if a.starts_with(|c: char| c == ':' || c.is_ascii_digit()) {
        return None;
    }
    Some(DateExpr::Point(Point::time(clock(h, Some(mi), None, m.get("p"))?)).into())
}

fn noon(m: &Match) -> Option<Produced> {
    if m.before().ends_with('-') {
        return None;
    }
    let w = m.get("w")?.to_lowercase();
    let base: i64 = if w == "midi" { 12 } else { 0 };
    let q = m.get("q");
    let t = match q {
        None if base == 0 => TimeSpec::Clock(24, None),
        None => TimeSpec::Clock(12, None),
        Some(q) => clock(base, Some(0), Some(q), None)?,
    };
    let pre = m.get("pre").unwrap_or("").to_lowercase();
    if pre == "après" || pre.contains("partir") {
        return Some(DateExpr::Range(Some(Point::time(t)), None).into());
    }
    if pre == "avant" {
        return Some(DateExpr::Range(None, Some(Point::time(t))).into());
    }
    Some(DateExpr::Point(Point::time(t)).into())
}

fn part(m: &Match) -> Option<Produced> {
    let p = part_of(m).or_else(|| {
        let w = m.get("p")?.to_lowercase();
        words::day_part(&w)
    })?;
    let det = m.get("det").map(|d| d.to_lowercase());
    let mut point = Point::time(TimeSpec::Part(p));
    let latent = match det.as_deref() {
        // « ce soir »: today
        Some("ce") | Some("cet") | Some("cette") => {
            point.day =
                DaySpec::Shift(Unit::Day, 0, crate::extract::dates::expr::Anchor::Reference);
            false
        }
        Some(_) => false,
        None => true,
    };
    Some(Produced {
        expr: DateExpr::Point(point),
        latent,
    })
}

pub(super) fn rules() -> Vec<Rule> {
    let hour = format!(r"(?:[01]?\d|2[0-4]|{NUMWORD_RE})");
    let minute = format!(r"(?:[0-5]\d|{NUMWORD_RE})");
    let pre = r"(?P<pre>vers|dès|à\s+partir\s+de|à\s+compter\s+de|a\s+partir\s+de|aux\s+alentours\s+de|autour\s+de|à\s+environ|plutôt\s+vers|peu\s+avant|peu\s+après|avant|après|plus\s+tard\s+que|depuis)";
    let q = r"(?P<q>et\s+quart|et\s+demie?|moins\s+le\s+quart|moins\s+(?:\d+|cinq|dix|vingt|vingt-cinq)|trois\s+quarts)";
    let q2 = q.replace("?P<q>", "?P<q2>");
    let p = r"(?P<p>du\s+matin|du\s+mat|du\s+soir|de\s+l'après-midi|de\s+l'aprem|dans\s+la\s+soirée|dans\s+la\s+matinée|dans\s+l'après-midi|dans\s+la\s+nuit|de\s+la\s+nuit)";
    vec![
        Rule {
            name: "<hour> h <minutes>",
            pattern: format!(
                r"\b(?:{pre}\s+)?(?P<h>{hour})\s*(?P<u>heures?\b|h\b)(?:\s+{q}|\s+et\s+(?P<m2>{minute})\s+minutes\b|\s*(?P<m>{minute})\b(?:\s*(?:min|minutes)\b)?(?:\s+{q2})?)?(?:\s+{p})?"
            ),
            prod: |m| {
                let h = m.get("h").unwrap_or("");
                if h.chars().next().is_some_and(|c| !c.is_ascii_digit()) && m.get("u").is_some_and(|u| u.len() == 1) {
                    return None;
                }
                hour_time(m)
            },
        },
        Rule {
            name: "<hour>h<minutes> (glued)",
            pattern: format!(
                r"\b(?:{pre}\s+)?(?P<h>[01]?\d|2[0-4])(?P<u>h)(?P<m>[0-5]\d)?\b(?:\s+{p})?"
            ),
            prod: hour_time,
        },
        Rule {
            name: "hh:mm",
            pattern: format!(r"\b(?:{pre}\s+)?(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)\b(?:\s+{p})?"),
            prod: colon_time,
        },
        Rule {
            name: "midi / minuit",
            pattern: r"\b(?:(?P<pre>à|vers|dès|jusqu'à|avant|après|aux\s+alentours\s+de|autour\s+de|à\s+partir\s+de)\s+)?(?P<w>midi|minuit)(?:\s+(?P<q>et\s+quart|et\s+demie?|moins\s+le\s+quart|moins\s+(?:\d+|cinq|dix|vingt)|\d\d?\b|(?:trois|cinq|dix|quinze|vingt|vingt-cinq|trente|quarante|quarante-cinq)\b))?".to_string(),
            prod: noon,
        },
        Rule {
            name: "ce soir / cet après-midi",
            pattern: format!(r"\b(?P<det>ce|cet|cette)\s+(?P<p>{PART_RE})(?:-là)?\b"),
            prod: part,
        },
        Rule {
            name: "dans la soirée / en fin de matinée",
            pattern: r"\b(?P<det>dans|durant|pendant|au\s+cours|en\s+début|en\s+fin|en\s+milieu|à\s+la\s+fin|au\s+début|tard\s+dans|tôt\s+dans|en|la|le)\s*(?:de\s+la\s+|de\s+l'|d'|de\s+|la\s+|l')?(?P<p>matinée|après-midi|soirée|nuit|matin|soir)\b".to_string(),
            prod: |m| {
                let det = m.get("det").unwrap_or("").to_lowercase();
                let w = m.get("p").unwrap_or("").to_lowercase();
                // « la nuit », « le soir » alone are generic: only with a day after them.
                let latent = det == "la" || det == "le" || det == "en";
                if det == "le" && !(w == "matin" || w == "soir") {
                    return None;
                }
                let mut p = part(m)?;
                p.latent = latent;
                Some(p)
            },
        },
        Rule {
            name: "matin / soir (latent)",
            pattern: format!(r"\b(?:en\s+)?(?P<p>{PART_RE})\b"),
            prod: part,
        },
    ]
}

//! Rules for expressions relative to the reference date or to the previous
//! date of the text: « hier », « demain », « mardi dernier », « la semaine
//! prochaine », « l'an dernier », « il y a 20 ans », « dans trois jours »,
//! « la veille », « le lendemain », « ce week-end », « actuellement ».
//!
//! They only describe the shift (a [`DaySpec::Shift`] and friends); which day
//! that is gets decided by [`crate::extract::dates::resolve`].

use super::{num, Match, Produced, Rule};
use crate::extract::dates::expr::{Anchor, DateExpr, DaySpec, Point, Unit, WeekdayRel};
use crate::extract::dates::words::{self, NUMWORD_RE, UNIT_RE, WEEKDAY_RE};

fn shift(unit: Unit, n: i32, anchor: Anchor) -> Option<Produced> {
    Some(DateExpr::day(DaySpec::Shift(unit, n, anchor)).into())
}

/// « dernier » → -1, « prochain » → 1, « ce » → 0.
fn direction(word: &str) -> Option<i32> {
    let w = word.to_lowercase();
    let w = w.trim();
    Some(
        if w.starts_with("dernier")
            || w.starts_with("dernière")
            || w.starts_with("derniere")
            || w.starts_with("passé")
            || w.starts_with("précédent")
            || w.starts_with("precedent")
            || w.starts_with("d'avant")
        {
            -1
        } else if w.starts_with("prochain")
            || w.starts_with("suivant")
            || w.starts_with("qui suit")
            || w.starts_with("d'après")
            || w.starts_with("d'apres")
            || w.starts_with("à venir")
        {
            1
        } else if w.is_empty() || w.starts_with("en cours") || w.starts_with("-ci") {
            0
        } else {
            return None;
        },
    )
}

fn named_day(m: &Match) -> Option<Produced> {
    let w = m.get("w")?.to_lowercase();
    let n = match w.as_str() {
        "avant-hier" => -2,
        "hier" => -1,
        "aujourd'hui" | "ce jour" | "dans la journée" | "aujourd'hui même" => 0,
        "demain" => 1,
        "après-demain" | "apres-demain" => 2,
        _ => return None,
    };
    shift(Unit::Day, n, Anchor::Reference)
}

fn text_day(m: &Match) -> Option<Produced> {
    let w = m.all().to_lowercase();
    let n = if w.contains("veille") || w.contains("avant") || w.contains("précédent") {
        -1
    } else {
        1
    };
    shift(Unit::Day, n, Anchor::Text)
}

fn weekday(m: &Match) -> Option<Produced> {
    let wd = words::weekday(m.get("wd")?)?;
    let rel = if let Some(md) = m.get("mod") {
        let md = md.trim().to_lowercase();
        if md.starts_with("en ") {
            let n = if md.ends_with("huit") || md.ends_with('8') {
                1
            } else {
                2
            };
            WeekdayRel::InWeeks(n)
        } else if md.contains("semaine") {
            let dir = md.rsplit(' ').next().unwrap_or("");
            WeekdayRel::Week(if md.ends_with("semaine") {
                0
            } else {
                direction(dir)?
            })
        } else if md.starts_with("dernier")
            || md.starts_with("passé")
            || md.starts_with("précédent")
        {
            WeekdayRel::Last
        } else if md.starts_with("prochain") {
            WeekdayRel::Next
        } else {
            WeekdayRel::Week(1)
        }
    } else if m.has("ce") {
        WeekdayRel::This
    } else {
        WeekdayRel::Bare
    };
    // « mar. » and « sam. » alone are too ambiguous.
    if m.get("wd").is_some_and(|w| w.ends_with('.')) && rel == WeekdayRel::Bare {
        let w = m.get("wd").unwrap_or("");
        if !w.eq_ignore_ascii_case("lun.") {
            return None;
        }
    }
    Some(DateExpr::day(DaySpec::Weekday(wd, rel)).into())
}

fn unit_of(word: &str) -> Option<Unit> {
    let w = word.to_lowercase();
    if w.starts_with("week") {
        return None;
    }
    words::unit(&w)
}

fn this_unit(m: &Match) -> Option<Produced> {
    let u = m.get("u")?.to_lowercase();
    let det = m.get("det").unwrap_or("").to_lowercase();
    let n = match m.get("mod") {
        Some(md) => direction(md)?,
        None if det.starts_with('c') => 0,
        None => return None,
    };
    if u.starts_with("week") {
        return Some(DateExpr::day(DaySpec::Weekend(n)).into());
    }
    let unit = unit_of(&u)?;
    let unit = if unit == Unit::Quarter {
        Unit::Quarter
    } else {
        unit
    };
    if unit == Unit::Week {
        return Some(DateExpr::day(DaySpec::Week(n)).into());
    }
    shift(unit, n, Anchor::Reference)
}

fn ago(m: &Match) -> Option<Produced> {
    let unit = words::unit(m.get("u")?)?;
    let w = m.get("dir")?.to_lowercase();
    let Some(n) = num(m, "n") else {
        // « il y a quelques jours »
        return Some(
            DateExpr::Token(if w.starts_with("il") {
                "PAST_REF"
            } else {
                "FUTURE_REF"
            })
            .into(),
        );
    };
    let n = n as i32;
    let sign = if w.starts_with("il") { -1 } else { 1 };
    let (unit, n) = match unit {
        Unit::Decade => (Unit::Year, n * 10),
        Unit::Century => (Unit::Year, n * 100),
        Unit::Quarter => (Unit::Month, n * 3),
        u => (u, n),
    };
    shift(unit, sign * n, Anchor::Reference)
}

fn later(m: &Match) -> Option<Produced> {
    let unit = words::unit(m.get("u")?)?;
    let n = num(m, "n")? as i32;
    let w = m.get("dir")?.to_lowercase();
    let sign = if w.contains("tard") || w.contains("après") || w.contains("apres") {
        1
    } else {
        -1
    };
    let (unit, n) = match unit {
        Unit::Week => (Unit::Day, 7 * n),
        Unit::Decade => (Unit::Year, 10 * n),
        u => (u, n),
    };
    shift(unit, sign * n, Anchor::Text)
}

fn last_n(m: &Match) -> Option<Produced> {
    let (u, d) = match (m.get("u"), m.get("dir")) {
        (Some(u), Some(d)) => (u, d),
        _ => (m.get("u2")?, m.get("dir2")?),
    };
    let unit = words::unit(u)?;
    let n = num(m, "n")? as i32;
    let dir = direction(d)?;
    if n < 1 || dir == 0 {
        return None;
    }
    let (a, b) = if dir < 0 { (-n, -1) } else { (1, n) };
    let side = |k: i32| {
        Some(Point::day(if unit == Unit::Week {
            DaySpec::Week(k)
        } else {
            DaySpec::Shift(unit, k, Anchor::Reference)
        }))
    };
    Some(DateExpr::Range(side(a), side(b)).into())
}

fn present(m: &Match) -> Option<Produced> {
    let w = m.all().to_lowercase();
    let t = if w.contains("récemment")
        || w.contains("recemment")
        || w.contains("naguère")
        || w.contains("dernièrement")
    {
        "PAST_REF"
    } else {
        "PRESENT_REF"
    };
    Some(DateExpr::Token(t).into())
}

fn vague(m: &Match) -> Option<Produced> {
    let unit = words::unit(m.get("u")?)?;
    Some(DateExpr::duration(unit, None).into())
}

fn nth_weekday(m: &Match) -> Option<Produced> {
    let n = if m.get("n")?.to_lowercase().starts_with("dernier") {
        -1
    } else {
        num(m, "n")? as i32
    };
    let wd = words::weekday(m.get("wd")?)?;
    let dir = match m.get("mod") {
        Some(md) => direction(md)?,
        None => 0,
    };
    Some(DateExpr::day(DaySpec::NthWeekdayOfMonth(n, wd, dir)).into())
}

/// Whether the words after « la veille de » / « le lendemain du » name a
/// day: a day number or a weekday.
fn anchored_on_a_day(rest: &str) -> bool {
    let rest = rest.trim_start();
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    // Full weekday names only: « du jeu » is a game, not « jeu. ».
    rest.starts_with(|c: char| c.is_ascii_digit())
        || (word.chars().count() > 3 && words::weekday(&word).is_some())
}

pub(super) fn rules() -> Vec<Rule> {
    let num = format!(r"(?:\d+|{NUMWORD_RE})");
    vec![
        Rule {
            name: "hier / aujourd'hui / demain",
            pattern: r"\b(?P<w>avant-hier|après-demain|apres-demain|hier|aujourd'hui(?:\s+même)?|demain|ce\s+jour|dans\s+la\s+journée)\b".to_string(),
            prod: |m| {
                if m.all().eq_ignore_ascii_case("demain") && m.before().ends_with('-') {
                    return None;
                }
                named_day(m)
            },
        },
        Rule {
            name: "la veille / le lendemain",
            pattern: r"\b(?:(?:la|le)\s+)?(?:veille|lendemain|jour\s+(?:d'avant|d'après|précédent|suivant))\b".to_string(),
            prod: |m| {
                let w = m.all().to_lowercase();
                if w.starts_with("jour") || w.starts_with("veille") || w.starts_with("lendemain") {
                    // « jour suivant » is fine, a bare « veille » is a noun
                    if w.starts_with("veille") {
                        return None;
                    }
                }
                // « la veille technologique » is another word.
                let after = m.after().trim_start();
                let next: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
                // « à la veille des Jeux olympiques », « au lendemain de son
                // arrestation »: the day before or after an event the text
                // does not date, not the previous date of the text. (« le
                // lendemain du 13 février », « la veille de lundi » are
                // anchored on the date that follows.)
                let of = matches!(next.as_str(), "de" | "du" | "des") || after.starts_with("d'");
                if of && !anchored_on_a_day(&after[next.len()..]) {
                    return None;
                }
                if !next.is_empty()
                    && next.chars().next().is_some_and(char::is_lowercase)
                    && !super::year_context::AFTER_YEAR_OK.contains(&next.as_str())
                    && !next.ends_with("ait")
                    && !next.ends_with('é')
                {
                    return None;
                }
                text_day(m)
            },
        },
        Rule {
            name: "<weekday> dernier/prochain",
            pattern: format!(
                r"\b(?:(?P<ce>ce|cette)\s+)?(?P<wd>{WEEKDAY_RE})(?P<mod>\s+(?:dernier|prochain|suivant|passé|précédent|d'après|d'avant|en\s+(?:huit|8|quinze|15)\b|(?:de\s+)?(?:la|cette)\s+semaine(?:\s+(?:prochaine|dernière|derniere|suivante|passée|précédente|d'après|d'avant))?))?"
            ),
            prod: |m| {
                if m.get("wd").is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
                    && !m.before().trim_end().is_empty()
                    && !m.before().trim_end().ends_with(['.', '\n', ':', '(', '«', '"'])
                    && m.get("wd").is_some_and(|w| w.len() <= 4)
                {
                    return None;
                }
                weekday(m)
            },
        },
        Rule {
            name: "la semaine/le mois/l'an dernier",
            pattern: r"\b(?P<det>la|le|l'|cette|ce|cet|du|de\s+la|de\s+l')\s*(?P<u>semaine|mois|année|annee|an|week-end|weekend|trimestre)(?:-ci)?(?:\s+(?P<mod>dernière|dernier|derniere|prochaine|prochain|suivante|suivant|passée|passé|précédente|précédent|qui\s+suit|d'après|d'avant|en\s+cours|à\s+venir))?\b".to_string(),
            prod: this_unit,
        },
        Rule {
            name: "dans la semaine",
            pattern: r"\bdans\s+la\s+semaine\b".to_string(),
            prod: |_| Some(DateExpr::day(DaySpec::Week(0)).into()),
        },
        Rule {
            name: "début/fin de l'année, du mois",
            pattern: r"\b(?:(?:au|en|à\s+la|dès\s+la|dès\s+le|la|le|vers\s+la|vers\s+le|jusqu'à\s+la)\s+)?(?:début|fin|milieu|mi)(?:\s+|-)(?:de\s+l'année|d'année|du\s+mois|de\s+mois)\b(?:\s+(?P<mod>dernier|dernière|prochain|prochaine|précédent|précédente|suivant|suivante|passé|passée)\b)?".to_string(),
            prod: |m| {
                let w = m.all().to_lowercase();
                let after = m.after().trim_start();
                if after.starts_with(|c: char| c.is_ascii_digit()) {
                    return None;
                }
                // « à la fin du mois d'août »: the month rule dates it.
                let of = after.strip_prefix("d'").or_else(|| after.strip_prefix("de "));
                let next: String = of
                    .unwrap_or("")
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                if w.contains("mois") && words::month(&next).is_some() {
                    return None;
                }
                let n = m.get("mod").and_then(direction).unwrap_or(0);
                shift(if w.contains("mois") { Unit::Month } else { Unit::Year }, n, Anchor::Reference)
            },
        },
        Rule {
            name: "il y a / dans <n> <unit>",
            pattern: format!(
                r"\b(?P<dir>il\s+y\s+a|dans|d'ici)\s+(?:environ\s+|près\s+de\s+|plus\s+de\s+|moins\s+de\s+)?(?P<n>{num}|quelques|plusieurs)\s+(?P<u>{UNIT_RE})\b"
            ),
            prod: |m| {
                if m.get("dir").is_some_and(|d| d.eq_ignore_ascii_case("d'ici")) {
                    return None;
                }
                // « dans deux jours » but not « dans 20 ans de carrière »: fine either way
                ago(m)
            },
        },
        Rule {
            name: "<n> <unit> plus tard / auparavant",
            pattern: format!(
                r"\b(?P<n>{num})\s+(?P<u>{UNIT_RE})\s+(?P<dir>plus\s+tard|plus\s+tôt|après|apres|auparavant|avant)\b(?:\s*,?\s*jour\s+pour\s+jour)?"
            ),
            prod: |m| {
                let a = m.after().trim_start().to_lowercase();
                if a.starts_with("de ") || a.starts_with("d'") || a.starts_with("le ") || a.starts_with("la ") || a.starts_with("l'") {
                    return None;
                }
                later(m)
            },
        },
        Rule {
            name: "les <n> derniers <unit>",
            pattern: format!(
                r"\b(?:(?:les|ces|des|aux|pendant\s+les|durant\s+les)\s+)?(?P<n>{num})\s+(?:(?P<dir>derni[eè]re?s?|prochaine?s?)\s+(?P<u>{UNIT_RE})|(?P<u2>{UNIT_RE})\s+(?P<dir2>passée?s?|suivante?s?|précédente?s?|à\s+venir))\b"
            ),
            prod: last_n,
        },
        Rule {
            name: "ces derniers jours (vague)",
            pattern: format!(
                r"\b(?:ces|les|depuis\s+de\s+nombreuses|depuis\s+des|depuis\s+plusieurs|depuis\s+quelques|plusieurs|quelques|de\s+nombreuses|de\s+nombreux)\s+(?:derni[eè]re?s\s+)?(?P<u>{UNIT_RE})(?:\s+derni[eè]re?s)?\b"
            ),
            prod: |m| {
                let w = m.all().to_lowercase();
                if (w.starts_with("ces ") || w.starts_with("les ")) && !w.contains("derni") {
                    return None;
                }
                if w.starts_with("les ") {
                    return None;
                }
                vague(m)
            },
        },
        Rule {
            name: "actuellement / désormais",
            pattern: r"\b(?:actuellement|désormais|dorénavant|à\s+ce\s+jour|pour\s+l'instant|pour\s+le\s+moment|en\s+ce\s+moment|à\s+l'heure\s+actuelle|maintenant|à\s+présent|récemment|recemment|dernièrement)\b".to_string(),
            prod: present,
        },
        Rule {
            name: "<nth> <weekday> du mois prochain",
            pattern: format!(
                r"\b(?:le\s+)?(?P<n>premier|1er|deuxième|2e|troisième|3e|quatrième|4e|dernier)\s+(?P<wd>{WEEKDAY_RE})\s+(?:du|de)\s+(?:ce\s+)?mois(?:\s+(?P<mod>prochain|dernier|suivant|précédent))?"
            ),
            prod: nth_weekday,
        },
    ]
}

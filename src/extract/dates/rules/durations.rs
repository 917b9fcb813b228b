//! Rules for durations and sets: « 20 ans », « deux décennies », « pendant
//! trois mois », « depuis six ans », « 48 heures », « deux ans et demi »,
//! « chaque année », « tous les lundis », « par an ».
//!
//! Ages (« un homme de 45 ans », « Jean, 45 ans, ») are not durations: they
//! are left to the figures extractor.

use super::{Match, Produced, Rule};
use crate::extract::dates::expr::{DateExpr, Span, Unit};
use crate::extract::dates::words::{self, NUMWORD_RE, UNIT_RE};
// The age words are the figures extractor's: a number that is an age there
// must not be a duration here.
use crate::extract::figures::lexicon::{AGE_ADVERBS, PERSON_NOUNS, POSSESSIVES};

/// Whether « N ans » at this match is someone's age.
fn is_age(m: &Match) -> bool {
    let u = m.get("u").unwrap_or("").to_lowercase();
    if !(u.starts_with("an") || u == "mois" || u.starts_with("semaine")) {
        return false;
    }
    let pre = m.get("pre").unwrap_or("").to_lowercase();
    if ["pendant", "durant", "depuis", "pour", "sur", "en"].contains(&pre.as_str()) {
        return false;
    }
    // What precedes the number, approximators (« d'environ ») taken off.
    let lead = m.upto("n").to_lowercase();
    let mut lead = lead.trim_end();
    for a in [
        "environ", "près de", "plus de", "moins de", "au moins", "presque",
    ] {
        if let Some(r) = lead.strip_suffix(a) {
            lead = r.trim_end();
        }
    }
    // « âgés de 19 à 24 ans », « âgées entre 30 et 40 ans »: the upper bound
    // of a range of ages is an age when its lower bound would be.
    let range_start = lead
        .strip_suffix(" à")
        .or_else(|| lead.strip_suffix(" et"))
        .map(|r| r.trim_end_matches(|c: char| c.is_ascii_digit()))
        .filter(|r| r.ends_with(' '))
        .and_then(|r| {
            let r = r.trim_end();
            r.strip_suffix(" entre")
                .map(|r| r.to_owned() + " de")
                .or_else(|| (r.ends_with(" de") || r.ends_with(" d'")).then(|| r.to_owned()))
        });
    let mut lead = range_start.as_deref().unwrap_or(lead);
    let after = m.after();
    // « Jean Dupont, 45 ans, » / « (45 ans) »
    if (lead.ends_with(',') || lead.ends_with('('))
        && (after.trim_start().starts_with([',', ')', '.', ':', ';'])
            || after.trim_start().starts_with(char::is_uppercase))
    {
        return true;
    }
    // « de 18, 24 et 26 ans »: a list of ages.
    if lead.ends_with(" et") || lead.ends_with(" ou") || lead.ends_with(',') {
        let rest = lead
            .trim_end_matches(|c: char| c.is_alphabetic() || c == ',')
            .trim_end();
        if rest.ends_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
    }
    let rest = lead
        .strip_suffix(" de")
        .or_else(|| lead.strip_suffix(" d'"))
        .or_else(|| lead.strip_suffix("d'"));
    if let Some(rest) = rest {
        let prev = rest.trim_end().rsplit([' ', '\'']).next().unwrap_or("");
        return PERSON_NOUNS.contains(&prev);
    }
    // « j'ai seulement 29 ans », « elle a eu 18 ans », « il n'a que 17 ans »:
    // adverbs and « eu » between « avoir » and the age are skipped.
    while let Some(r) = AGE_ADVERBS.iter().find_map(|a| {
        lead.strip_suffix(a)
            .filter(|r| r.ends_with([' ', '\'']))
            .map(str::trim_end)
    }) {
        lead = r;
    }
    // « il a fêté ses 100 ans », but « ses 20 ans de carrière »
    if POSSESSIVES
        .iter()
        .any(|p| lead.strip_suffix(p).is_some_and(|r| r.ends_with(' ')))
    {
        let next = after.trim_start();
        return !(next.starts_with("de ") || next.starts_with("d'") || next.starts_with("d’"));
    }
    // « il a 45 ans », « elle avait 17 ans » (but « il y a 20 ans » is a date).
    let has = [
        " a",
        "'a",
        " ai",
        "'ai",
        " as",
        " avons",
        " avez",
        " avait",
        " avais",
        " avions",
        " aviez",
        " aura",
        " aurai",
        " auras",
        " aurons",
        " aurez",
        " ont",
        " avaient",
        " avoir",
        " aurait",
        " aurais",
        " auraient",
        " auront",
        " ayant",
    ];
    if has.iter().any(|h| lead.ends_with(h)) && !lead.ends_with("y a") {
        return true;
    }
    lead.ends_with(" âgé")
        || lead.ends_with(" âgée")
        || lead.ends_with(" âgés")
        || lead.ends_with(" âgées")
}

fn duration(m: &Match) -> Option<Produced> {
    let unit = words::unit(m.get("u")?)?;
    let n = m.get("n")?;
    let amount = match words::number(n) {
        _ if n.contains([',', '.']) => Some(n.replace(',', ".").parse().ok()?),
        Some(v) => Some(v as f64),
        None if n.eq_ignore_ascii_case("plusieurs") || n.eq_ignore_ascii_case("quelques") => None,
        None => return None,
    };
    if is_age(m) {
        return None;
    }
    if unit == Unit::Hour && !m.has("pre") && amount.is_some_and(|a| a <= 24.0) {
        // « à quinze heures et quart », « 8 heures ce soir »: clock times.
        let lead = m.before().trim_end().to_lowercase();
        let after = m.after().trim_start().to_lowercase();
        if ["à", "a", "vers", "de", "entre", "jusqu'à", "dès"]
            .iter()
            .any(|w| lead.ends_with(&format!(" {w}")) || lead == *w)
            || ["ce ", "cet ", "du matin", "du soir", "demain", "le "]
                .iter()
                .any(|w| after.starts_with(w))
        {
            return None;
        }
    }
    let mut parts = vec![(unit, amount)];
    if let Some(extra) = m.get("more") {
        let e = extra.to_lowercase();
        if e.contains("demi") {
            parts[0].1 = amount.map(|a| a + 0.5);
        } else {
            let u2 = words::unit(m.get("u2")?)?;
            let n2 = words::number(m.get("n2")?)? as f64;
            parts.push((u2, Some(n2)));
        }
    }
    Some(DateExpr::Duration(Span { parts }).into())
}

fn set(m: &Match) -> Option<Produced> {
    let w = m.get("w")?.to_lowercase();
    let w = if w == "mois" {
        "mois"
    } else {
        w.trim_end_matches('s')
    };
    let v = if let Some(d) = words::weekday(w) {
        format!("XXXX-WXX-{}", d + 1)
    } else if let Some(p) = words::day_part(w) {
        format!("TXX{p}")
    } else {
        match words::unit(w)? {
            Unit::Day => "P1D".into(),
            Unit::Week => "P1W".into(),
            Unit::Month | Unit::Quarter => "P1M".into(),
            Unit::Year => "P1Y".into(),
            Unit::Hour => "PT1H".into(),
            _ => return None,
        }
    };
    Some(DateExpr::Set(v).into())
}

pub(super) fn rules() -> Vec<Rule> {
    let num = format!(r"(?:\d+(?:[,.]\d+)?|{NUMWORD_RE}|quelques|plusieurs)");
    vec![
        Rule {
            name: "<n> <unit>",
            pattern: format!(
                r"\b(?:(?P<pre>pendant|durant|depuis|pour|sur|en|environ|près\s+de|plus\s+de|moins\s+de|au\s+moins|presque|quelque|d'environ|de\s+plus\s+de|de\s+près\s+de)\s+)?(?P<n>{num})\s+(?P<u>{UNIT_RE})\b(?P<more>\s+et\s+(?:demie?\b|(?P<n2>\d+|{NUMWORD_RE})\s+(?P<u2>{UNIT_RE})\b))?"
            ),
            prod: duration,
        },
        Rule {
            name: "<n>h (duration)",
            pattern: r"\b(?:(?P<pre>pendant|durant|pour|en|plus\s+de|moins\s+de|près\s+de|environ|depuis)\s+)?(?P<n>\d+)\s*h\b".to_string(),
            prod: |m| {
                let n: f64 = m.get("n")?.parse().ok()?;
                let pre = m.get("pre").unwrap_or("").to_lowercase();
                if n <= 24.0 && (pre.is_empty() || pre == "depuis") {
                    return None;
                }
                Some(DateExpr::duration(Unit::Hour, Some(n)).into())
            },
        },
        Rule {
            name: "chaque année / tous les lundis",
            pattern: r"\b(?:chaque|tous\s+les|toutes\s+les|par)\s+(?P<w>jours?|semaines?|mois|années?|ans?|heures?|lundis?|mardis?|mercredis?|jeudis?|vendredis?|samedis?|dimanches?|matins?|soirs?|nuits?)\b".to_string(),
            prod: |m| {
                let w = m.all().to_lowercase();
                if w.starts_with("par ") && !(w.ends_with("an") || w.ends_with("jour") || w.ends_with("mois") || w.ends_with("semaine") || w.ends_with("année") || w.ends_with("heure")) {
                    return None;
                }
                set(m)
            },
        },
    ]
}

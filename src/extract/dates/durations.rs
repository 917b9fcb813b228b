//! ISO 8601 values of durations (`P20Y`, `PT1H30M`, `PXM`): units merged
//! (a decade is ten years, a quarter three months), fractions spelt in the
//! next smaller unit when exact.
//!
//! Finding durations in the text is the job of the rules; this module only
//! writes their value.

use super::expr::{Span, Unit};

fn unit_letter(u: Unit) -> (bool, &'static str, f64) {
    // (is a time unit, letter, multiplier into that letter)
    match u {
        Unit::Second => (true, "S", 1.0),
        Unit::Minute => (true, "M", 1.0),
        Unit::Hour => (true, "H", 1.0),
        Unit::Day => (false, "D", 1.0),
        Unit::Week => (false, "W", 1.0),
        Unit::Month => (false, "M", 1.0),
        Unit::Quarter => (false, "M", 3.0),
        Unit::Year => (false, "Y", 1.0),
        Unit::Decade => (false, "Y", 10.0),
        Unit::Century => (false, "Y", 100.0),
    }
}

/// The next smaller unit and how many of it make one, for fractions.
fn finer(u: Unit) -> Option<(Unit, f64)> {
    Some(match u {
        Unit::Year | Unit::Decade | Unit::Century => (Unit::Month, 12.0),
        Unit::Week => (Unit::Day, 7.0),
        Unit::Day => (Unit::Hour, 24.0),
        Unit::Hour => (Unit::Minute, 60.0),
        Unit::Minute => (Unit::Second, 60.0),
        _ => return None,
    })
}

/// The ISO 8601 duration of `s` (`P20Y`, `PT2H30M`, `PXM`).
pub fn format(s: &Span) -> String {
    let mut parts: Vec<(Unit, Option<f64>)> = Vec::new();
    for &(u, n) in &s.parts {
        let (_, _, mult) = unit_letter(u);
        let n = n.map(|n| n * mult);
        let u = match u {
            Unit::Quarter => Unit::Month,
            Unit::Decade | Unit::Century => Unit::Year,
            u => u,
        };
        match n {
            Some(n) if n.fract() != 0.0 => {
                if let Some((f, k)) = finer(u) {
                    parts.push((u, Some(n.trunc())));
                    parts.push((f, Some((n.fract() * k * 1000.0).round() / 1000.0)));
                } else {
                    parts.push((u, Some(n)));
                }
            }
            _ => parts.push((u, n)),
        }
    }
    let order = |u: Unit| match u {
        Unit::Century | Unit::Decade | Unit::Year => 0,
        Unit::Quarter | Unit::Month => 1,
        Unit::Week => 2,
        Unit::Day => 3,
        Unit::Hour => 4,
        Unit::Minute => 5,
        Unit::Second => 6,
    };
    parts.sort_by_key(|&(u, _)| order(u));
    let mut out = String::from("P");
    let mut in_time = false;
    for (u, n) in parts {
        let (time, letter, _) = unit_letter(u);
        if time && !in_time {
            out.push('T');
            in_time = true;
        }
        match n {
            Some(0.0) if out.len() > 1 => continue,
            Some(n) if n.fract() == 0.0 => out.push_str(&format!("{}", n as i64)),
            Some(n) => out.push_str(&format!("{n}")),
            None => out.push('X'),
        }
        out.push_str(letter);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use format as duration;

    #[test]
    fn durations() {
        let d = |u, n| {
            duration(&Span {
                parts: vec![(u, Some(n))],
            })
        };
        assert_eq!(d(Unit::Year, 20.0), "P20Y");
        assert_eq!(d(Unit::Decade, 2.0), "P20Y");
        assert_eq!(d(Unit::Hour, 1.5), "PT1H30M");
        assert_eq!(d(Unit::Quarter, 3.0), "P9M");
        assert_eq!(
            duration(&Span {
                parts: vec![(Unit::Month, None)]
            }),
            "PXM"
        );
    }
}

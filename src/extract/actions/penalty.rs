//! Penalties pronounced by a court: « condamné à cinq ans de prison dont deux
//! avec sursis et 10 000 euros d’amende » → prison `P5Y`, suspended `P2Y`,
//! fine 10000 EUR.
//!
//! It reads the words right after a conviction or sentence trigger, in the
//! same sentence, over the document's tokens (lowered). It knows prison,
//! réclusion and emprisonnement terms in years, months, weeks and days
//! written in digits or words, « ferme », « avec sursis », « dont N avec
//! sursis », « à perpétuité » and fines in euros. It does not read other
//! penalties (travaux d’intérêt général, interdictions), which stay out of
//! the structure.

use crate::record::{Money, Penalty};
use crate::text::token::{Token, TokenKind};

/// The value of a French number word (one to the tens used for terms).
fn number_word(w: &str) -> Option<f64> {
    const WORDS: &[(&str, f64)] = &[
        ("un", 1.0),
        ("une", 1.0),
        ("deux", 2.0),
        ("trois", 3.0),
        ("quatre", 4.0),
        ("cinq", 5.0),
        ("six", 6.0),
        ("sept", 7.0),
        ("huit", 8.0),
        ("neuf", 9.0),
        ("dix", 10.0),
        ("onze", 11.0),
        ("douze", 12.0),
        ("treize", 13.0),
        ("quatorze", 14.0),
        ("quinze", 15.0),
        ("seize", 16.0),
        ("dix-sept", 17.0),
        ("dix-huit", 18.0),
        ("dix-neuf", 19.0),
        ("vingt", 20.0),
        ("vingt-cinq", 25.0),
        ("trente", 30.0),
        ("quarante", 40.0),
        ("cinquante", 50.0),
        ("soixante", 60.0),
        ("cent", 100.0),
        ("mille", 1000.0),
    ];
    WORDS.iter().find(|(k, _)| *k == w).map(|&(_, v)| v)
}

/// A number written in digits: « 10 000 », « 1,5 », « 3.750 ».
fn digits(w: &str) -> Option<f64> {
    let s: String = w.chars().filter(|c| !c.is_whitespace()).collect();
    if s.contains(',') {
        return s.replace(',', ".").parse().ok();
    }
    // « 3.750 » is a thousands group in French.
    let parts: Vec<&str> = s.split('.').collect();
    if parts.len() > 1 && parts[1..].iter().all(|p| p.len() == 3) {
        return parts.concat().parse().ok();
    }
    s.parse().ok()
}

/// The TIMEX3 unit letter of a term word.
fn unit(w: &str) -> Option<char> {
    match w {
        "an" | "ans" | "année" | "années" => Some('Y'),
        "mois" => Some('M'),
        "semaine" | "semaines" => Some('W'),
        "jour" | "jours" => Some('D'),
        _ => None,
    }
}

/// Formats a term as an ISO 8601 duration (`P5Y`, `P18M`, `P1.5Y`).
fn duration(n: f64, u: char) -> String {
    if n.fract() == 0.0 {
        format!("P{}{u}", n as i64)
    } else {
        format!("P{n}{u}")
    }
}

/// Reads the penalty in `words` (lowered token texts of the rest of the
/// sentence after the trigger, with their kinds). Returns it with the number
/// of tokens it covers, or `None` when no term or fine follows.
pub(crate) fn parse(words: &[(&str, TokenKind)]) -> Option<(Penalty, usize)> {
    let mut p = Penalty::default();
    let mut i = 0;
    let mut last = 0;
    let mut found = false;
    let n = words.len().min(40);
    let num_at = |i: usize| -> Option<f64> {
        let (w, k) = *words.get(i)?;
        match k {
            TokenKind::Number => digits(w),
            TokenKind::Word => number_word(w),
            _ => None,
        }
    };
    while i < n {
        let (w, _) = words[i];
        // « à perpétuité », « à la prison à vie ».
        if w == "perpétuité" || (w == "vie" && i > 0 && words[i - 1].0 == "à") {
            p.life = true;
            found = true;
            last = i + 1;
            i += 1;
            continue;
        }
        if let Some(v) = num_at(i) {
            // Fine: N [million(s)] [d'] euros|€ [d'amende].
            let mut j = i + 1;
            let mut amount = v;
            if let Some((m, _)) = words.get(j) {
                if m.starts_with("million") {
                    amount *= 1_000_000.0;
                    j += 1;
                } else if *m == "mille" {
                    amount *= 1000.0;
                    j += 1;
                }
            }
            if words.get(j).is_some_and(|(m, _)| *m == "d'") {
                j += 1;
            }
            if let Some((m, _)) = words.get(j) {
                if matches!(*m, "euros" | "euro" | "€") {
                    let amende = words[j + 1..(j + 4).min(words.len())]
                        .iter()
                        .any(|(m, _)| *m == "amende");
                    let before = i > 0
                        && words[i.saturating_sub(3)..i]
                            .iter()
                            .any(|(m, _)| *m == "amende");
                    if amende || before {
                        p.fine = Some(Money {
                            amount,
                            currency: "EUR".into(),
                        });
                        found = true;
                        last = if amende { j + 3 } else { j + 1 }.min(words.len());
                        i = last;
                        continue;
                    }
                }
                if let Some(u) = unit(m) {
                    let term = duration(v, u);
                    let rest: Vec<&str> = words[j + 1..(j + 5).min(words.len())]
                        .iter()
                        .map(|(m, _)| *m)
                        .collect();
                    let prisonish = |r: &[&str]| {
                        r.iter().take(3).any(|m| {
                            matches!(
                                *m,
                                "prison"
                                    | "emprisonnement"
                                    | "réclusion"
                                    | "détention"
                                    | "ferme"
                                    | "sursis"
                            )
                        })
                    };
                    let after_dont = i > 0 && words[i - 1].0 == "dont";
                    if after_dont {
                        // « dont deux (ans) avec sursis ».
                        p.suspended = Some(term);
                        found = true;
                        last = j + 1;
                    } else if prisonish(&rest) {
                        if p.prison.is_none() {
                            p.prison = Some(term.clone());
                        }
                        found = true;
                        last = j + 1;
                    } else if p.prison.is_none() && !found {
                        return None;
                    }
                    i = j + 1;
                    continue;
                }
                // « dont deux avec sursis »: the unit of the term.
                if i > 0 && words[i - 1].0 == "dont" && matches!(*m, "avec" | "de") {
                    if let Some(u) = p.prison.as_deref().and_then(|t| t.chars().last()) {
                        p.suspended = Some(duration(v, u));
                        found = true;
                        last = j;
                    }
                }
            }
        }
        if w == "sursis" && p.suspended.is_none() && p.prison.is_some() {
            let plain = i > 0 && words[i - 1].0 == "avec";
            if plain {
                p.suspended = p.prison.clone();
            }
            last = i + 1;
        }
        if matches!(
            w,
            "ferme" | "prison" | "emprisonnement" | "réclusion" | "criminelle" | "amende"
        ) && found
        {
            last = last.max(i + 1);
        }
        // Stop at a clause that is not about the penalty.
        if found && matches!(w, "pour" | "mais" | "car" | "alors" | "qui" | "après" | ";") {
            break;
        }
        i += 1;
    }
    found.then_some((p, last))
}

/// The lowered words of `tokens` (newlines left out), for [`parse`].
pub(crate) fn words<'a>(lower: &'a str, tokens: &[Token]) -> Vec<(&'a str, TokenKind)> {
    tokens
        .iter()
        .filter(|t| t.kind != TokenKind::Newline)
        .map(|t| (&lower[t.range()], t.kind))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    fn penalty(s: &str) -> Option<Penalty> {
        let toks = tokenize(s);
        parse(&words(s, &toks)).map(|(p, _)| p)
    }

    #[test]
    fn prison_suspended_and_fine() {
        let p =
            penalty("à cinq ans de prison dont deux avec sursis et 10 000 euros d'amende").unwrap();
        assert_eq!(p.prison.as_deref(), Some("P5Y"));
        assert_eq!(p.suspended.as_deref(), Some("P2Y"));
        let fine = p.fine.unwrap();
        assert_eq!((fine.amount, fine.currency.as_str()), (10000.0, "EUR"));
    }

    #[test]
    fn other_forms() {
        let p = penalty("à 18 mois de prison avec sursis").unwrap();
        assert_eq!(p.prison.as_deref(), Some("P18M"));
        assert_eq!(p.suspended.as_deref(), Some("P18M"));
        let p = penalty("à la réclusion criminelle à perpétuité").unwrap();
        assert!(p.life);
        let p = penalty("à une amende de 3.750 euros").unwrap();
        assert_eq!(p.fine.unwrap().amount, 3750.0);
        let p = penalty("à deux ans d'emprisonnement dont un an avec sursis").unwrap();
        assert_eq!(p.suspended.as_deref(), Some("P1Y"));
        assert!(penalty("pour avoir volé deux voitures").is_none());
    }
}

//! Sentence splitting over tokens, aware of French quotes and abbreviations.
//!
//! A sentence ends at a line break, or after `.`, `!`, `?` or `…` (and any
//! closing quote right after it) when the next token starts with a capital, a
//! digit or an opening quote or dash. Inside « » or “ ” quotes a full stop does
//! not end the sentence, so that « Il est parti. Nous aussi », a-t-il dit stays
//! one sentence with its speaker; quote depth resets at every line break, so an
//! unclosed « cannot swallow the rest of the article. Abbreviations keep their
//! dot inside their token (see [`super::token`]) and never end a sentence.

use super::token::{Token, TokenKind};

/// A sentence: a range of tokens and the byte range they cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Start byte in the normalized text.
    pub start: u32,
    /// End byte (exclusive) in the normalized text.
    pub end: u32,
    /// Index of the first token.
    pub first_token: u32,
    /// Index one past the last token.
    pub end_token: u32,
}

impl Sentence {
    /// The byte range, for slicing the normalized text.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The token index range, for slicing the token list.
    pub fn token_range(&self) -> std::ops::Range<usize> {
        self.first_token as usize..self.end_token as usize
    }
}

/// Splits `tokens` of `norm` into sentences (newline tokens are left out).
///
/// # Example
///
/// ```
/// use depeche::text::{sentence::split, token::tokenize};
/// let s = "M. Darmanin a parlé. « C'est fini. Tout », a-t-il dit.\nSuite";
/// let sents: Vec<&str> = split(s, &tokenize(s)).iter().map(|x| &s[x.range()]).collect();
/// assert_eq!(sents, ["M. Darmanin a parlé.", "« C'est fini. Tout », a-t-il dit.", "Suite"]);
/// ```
pub fn split(norm: &str, tokens: &[Token]) -> Vec<Sentence> {
    let text = |t: &Token| &norm[t.range()];
    let mut out = Vec::new();
    let mut first: Option<usize> = None;
    let mut depth: u32 = 0;
    let mut straight_open = false;
    let close = |out: &mut Vec<Sentence>, first: &mut Option<usize>, last: usize| {
        if let Some(f) = first.take() {
            out.push(Sentence {
                start: tokens[f].start,
                end: tokens[last].end,
                first_token: f as u32,
                end_token: last as u32 + 1,
            });
        }
    };
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.kind == TokenKind::Newline {
            if i > 0 {
                close(&mut out, &mut first, i - 1);
            }
            depth = 0;
            straight_open = false;
            i += 1;
            continue;
        }
        first.get_or_insert(i);
        if t.kind == TokenKind::Punct {
            match text(t) {
                "«" | "“" => depth += 1,
                "»" | "”" => depth = depth.saturating_sub(1),
                "\"" => straight_open = !straight_open,
                "." | "!" | "?" | "…" if depth == 0 && !straight_open => {
                    // Take the rest of "...", "?!" and a closing quote along.
                    let mut last = i;
                    while let Some(n) = tokens.get(last + 1) {
                        let s = text(n);
                        if n.kind == TokenKind::Punct
                            && matches!(s, "." | "!" | "?" | "…" | "»" | "”" | ")")
                        {
                            last += 1;
                        } else {
                            break;
                        }
                    }
                    if starts_sentence(norm, tokens.get(last + 1)) {
                        close(&mut out, &mut first, last);
                        i = last + 1;
                        continue;
                    }
                }
                "." | "!" | "?" | "…" => {
                    // Inside a quote: the sentence may still end right after the
                    // quote closes (« Nous sommes prêts. » Puis…).
                    if let Some(q) = tokens.get(i + 1) {
                        if matches!(text(q), "»" | "”")
                            && depth == 1
                            && starts_sentence(norm, tokens.get(i + 2))
                        {
                            close(&mut out, &mut first, i + 1);
                            depth = 0;
                            i += 2;
                            continue;
                        }
                    }
                }
                _ => {}
            }
        }
        i += 1;
    }
    if !tokens.is_empty() {
        close(&mut out, &mut first, tokens.len() - 1);
    }
    out
}

/// Whether the token after a final punctuation mark can open a sentence.
fn starts_sentence(norm: &str, next: Option<&Token>) -> bool {
    let Some(next) = next else { return false };
    if next.kind == TokenKind::Newline {
        return true;
    }
    let s = &norm[next.range()];
    let c = s.chars().next().unwrap_or(' ');
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '«' | '“' | '"' | '—' | '–' | '-' | '(')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    fn sents(s: &str) -> Vec<&str> {
        split(s, &tokenize(s))
            .iter()
            .map(|x| &s[x.range()])
            .collect()
    }

    #[test]
    fn full_stops_and_capitals() {
        assert_eq!(
            sents("Il pleut. Elle part! Pourquoi? Ainsi..."),
            ["Il pleut.", "Elle part!", "Pourquoi?", "Ainsi..."]
        );
        assert_eq!(
            sents("Il a 3 ans. 12 personnes sont là."),
            ["Il a 3 ans.", "12 personnes sont là."]
        );
        // A lower-case word after a dot does not open a sentence.
        assert_eq!(
            sents("Le site Coco.gg était connu. fin"),
            ["Le site Coco.gg était connu. fin"]
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sents("M. Dupont et Mme Durand sont là. Me Martin aussi."),
            ["M. Dupont et Mme Durand sont là.", "Me Martin aussi."]
        );
        assert_eq!(
            sents("Selon l'art. 225-7 du Code pénal, c'est grave."),
            ["Selon l'art. 225-7 du Code pénal, c'est grave."]
        );
        assert_eq!(
            sents("En 52 av. J.-C. César gagne."),
            ["En 52 av. J.-C. César gagne."]
        );
        assert_eq!(sents("J.-L. Mélenchon parle."), ["J.-L. Mélenchon parle."]);
    }

    #[test]
    fn quotes_hold_sentences_together() {
        assert_eq!(
            sents("« Les dirigeants ont été interpellés. Le site est fermé », a déclaré M. Darmanin. Puis rien."),
            ["« Les dirigeants ont été interpellés. Le site est fermé », a déclaré M. Darmanin.", "Puis rien."]
        );
        assert_eq!(
            sents("Il a dit : « Nous sommes prêts. » Puis il est parti."),
            ["Il a dit : « Nous sommes prêts. »", "Puis il est parti."]
        );
        // An unclosed quote ends at the paragraph.
        assert_eq!(
            sents("« Jamais. Non\nAutre. Phrase."),
            ["« Jamais. Non", "Autre.", "Phrase."]
        );
    }

    #[test]
    fn line_breaks_end_headlines() {
        assert_eq!(
            sents("Fermeture du site Coco\r\n\r\nCe 25 juin 2024, le site a fermé."),
            [
                "Fermeture du site Coco",
                "Ce 25 juin 2024, le site a fermé."
            ]
        );
        assert!(sents("\n\n").is_empty());
    }
}

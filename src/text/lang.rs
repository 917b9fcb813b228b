//! A cheap language check: is this French?
//!
//! It counts very frequent function words of French and of the languages most
//! often mistaken for it in news feeds (English, Spanish, Italian, German) over
//! the first tokens of the body. It is a guard against feeding the wrong
//! corpus, not a language identifier: a short text is always taken as French.

use super::{token::TokenKind, Document};
use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

/// How many word tokens are looked at.
const SAMPLE: usize = 400;
/// Below this many function words the text is too short to judge.
const MIN_EVIDENCE: usize = 8;

const LANGS: &[(&str, &[&str])] = &[
    (
        "fr",
        &[
            "le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour", "que", "qui",
            "sur", "au", "aux", "par", "pas", "il", "elle", "ont", "été", "sont", "avec", "ce",
            "cette",
        ],
    ),
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "in", "that", "for", "with", "was", "on", "are", "by",
            "this", "it", "from", "have", "has", "were", "be",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "y", "en", "que", "del", "por", "con", "para", "una", "es", "fue",
            "se", "como", "su", "al", "lo",
        ],
    ),
    (
        "it",
        &[
            "il", "di", "che", "e", "della", "per", "non", "sono", "gli", "con", "del", "nel",
            "alla", "è", "una", "anche",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", "sich", "auf",
            "für", "ein", "eine", "wurde",
        ],
    ),
];

/// Each function word with the set of languages that list it, one bit per
/// entry of [`LANGS`]: one lookup a word instead of a scan of every list.
static LANGS_OF: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for (i, (_, list)) in LANGS.iter().enumerate() {
        for w in *list {
            *map.entry(*w).or_insert(0) |= 1 << i;
        }
    }
    map
});

/// The ISO 639-1 code of the most likely language of `doc`; `fr` unless
/// another language has clearly more evidence.
pub fn guess(doc: &Document) -> &'static str {
    let mut counts = [0usize; LANGS.len()];
    let words = doc
        .tokens()
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Elision))
        .take(SAMPLE);
    // The extractors lower the text anyway: read the words from that view.
    for t in words {
        let w = doc.token_lower(t);
        if w.len() > 6 {
            continue;
        }
        let Some(&langs) = LANGS_OF.get(w) else {
            continue;
        };
        for (i, n) in counts.iter_mut().enumerate() {
            *n += usize::from(langs >> i & 1);
        }
    }
    let (best, &n) = counts
        .iter()
        .enumerate()
        .max_by_key(|&(i, n)| (n, usize::MAX - i))
        .unwrap_or((0, &0));
    if best == 0 || n < MIN_EVIDENCE || n < counts[0] * 2 {
        "fr"
    } else {
        LANGS[best].0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_english_and_short_texts() {
        let fr = "Le site a été fermé par les autorités, qui ont ouvert une enquête pour des faits graves dans la région et sur le territoire.";
        assert_eq!(guess(&Document::new(fr)), "fr");
        let en = "The site was closed by the authorities, who opened an investigation for serious crimes in the region and on the territory of the country, and this is it.";
        assert_eq!(guess(&Document::new(en)), "en");
        assert_eq!(guess(&Document::new("The end.")), "fr");
    }
}

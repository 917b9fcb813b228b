//! The text layer: decoding, the normalized matching view, tokens, sentences
//! and the headline, computed once per article and shared by every extractor.
//!
//! # Overview
//!
//! * [`decode`] turns bytes into text (BOM, legacy encodings).
//! * [`Document`] holds the text, its normalized view, tokens and sentences.
//! * [`Document::span`] turns a byte range of the normalized view into a
//!   record [`Span`] whose offsets count chars of the input (SPEC).
//!
//! ```
//! use depeche::text::Document;
//! let doc = Document::new("Titre\n\nLe parquet de Paris a ouvert une enquête.");
//! assert_eq!(doc.title().map(|r| &doc.norm()[r]), Some("Titre"));
//! let at = doc.norm().find("Paris").unwrap();
//! let span = doc.span(at..at + 5);
//! assert_eq!((span.text.as_str(), span.start, span.end), ("Paris", 21, 26));
//! ```

pub mod decode;
pub mod lang;
pub(crate) mod lower;
pub mod normalize;
pub mod sentence;
pub mod token;

pub use decode::{decode, Decoded};

use crate::extract::organizations::folded::Folded;
use crate::record::Span;
use normalize::OffsetIndex;
use sentence::Sentence;
use std::ops::Range;
use std::sync::OnceLock;
use token::{Token, TokenKind};

/// Longest first line still taken as a headline, in chars.
const MAX_TITLE_CHARS: usize = 300;

/// One article, analysed once: every extractor reads this and nothing else.
#[derive(Debug, Clone)]
pub struct Document {
    text: String,
    norm: String,
    text_index: OffsetIndex,
    norm_index: OffsetIndex,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
    title: Option<Range<usize>>,
    /// The case- and accent-folded view, built on first use and shared by
    /// organizations and roles.
    folded: OnceLock<Folded>,
    /// The lower-case view, built on first use and shared by the language
    /// check, dates, figures, charges, actions and quotes.
    lower: OnceLock<String>,
}

impl Document {
    /// Analyses a decoded text (BOM already removed, see [`decode`]).
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let norm = normalize::fold_str(&text);
        let tokens = token::tokenize(&norm);
        let sentences = sentence::split(&norm, &tokens);
        let title = find_title(&norm, &tokens);
        Document {
            text_index: OffsetIndex::new(&text),
            norm_index: OffsetIndex::new(&norm),
            text,
            norm,
            tokens,
            sentences,
            title,
            folded: OnceLock::new(),
            lower: OnceLock::new(),
        }
    }

    /// The case- and accent-folded view of [`Document::norm`], for lexicon
    /// matching (built once, on first use).
    pub(crate) fn folded(&self) -> &Folded {
        self.folded.get_or_init(|| Folded::new(&self.norm))
    }

    /// [`Document::norm`] in lower case, byte for byte (see [`lower`]): a
    /// byte range of the normalized view is the same range of this one
    /// (built once, on first use).
    pub(crate) fn lower(&self) -> &str {
        self.lower.get_or_init(|| lower::lowered(&self.norm))
    }

    /// The decoded input, as the record's offsets count it.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The normalized view extractors match on (same chars, see
    /// [`normalize`]); byte ranges of it are what [`Document::span`] takes.
    pub fn norm(&self) -> &str {
        &self.norm
    }

    /// Tokens of the normalized view, in order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// Sentences, in order; headline and paragraphs end sentences too.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// Byte range of the headline in the normalized view: the first line
    /// when more text follows it and it is at most 300 chars long.
    pub fn title(&self) -> Option<Range<usize>> {
        self.title.clone()
    }

    /// The text of a token in the normalized view.
    pub fn token_text(&self, t: &Token) -> &str {
        &self.norm[t.range()]
    }

    /// The text of a token in lower case, read from [`Document::lower`]
    /// without allocating.
    pub(crate) fn token_lower(&self, t: &Token) -> &str {
        &self.lower()[t.range()]
    }

    /// The char offset of a byte offset of the normalized view.
    pub fn char_offset(&self, norm_byte: usize) -> usize {
        self.norm_index.char_of_byte(norm_byte)
    }

    /// The byte offset in the normalized view of a char offset (record
    /// spans of earlier extractors count chars).
    pub fn norm_byte(&self, char_idx: usize) -> usize {
        self.norm_index.byte_of_char(char_idx)
    }

    /// The record span of a byte range of the normalized view: its original
    /// text and char offsets.
    pub fn span(&self, range: Range<usize>) -> Span {
        let start = self.norm_index.char_of_byte(range.start);
        let end = self.norm_index.char_of_byte(range.end);
        let text = self.original(start..end).to_string();
        Span { text, start, end }
    }

    /// The input text between two char offsets.
    pub fn original(&self, chars: Range<usize>) -> &str {
        let a = self.text_index.byte_of_char(chars.start);
        let b = self.text_index.byte_of_char(chars.end);
        &self.text[a..b]
    }

    /// Index of the sentence holding a byte offset of the normalized view.
    pub fn sentence_at(&self, norm_byte: usize) -> Option<usize> {
        let i = self
            .sentences
            .partition_point(|s| (s.end as usize) <= norm_byte);
        (i < self.sentences.len() && self.sentences[i].start as usize <= norm_byte).then_some(i)
    }
}

fn find_title(norm: &str, tokens: &[Token]) -> Option<Range<usize>> {
    let first = tokens.iter().position(|t| t.kind != TokenKind::Newline)?;
    let break_at = tokens[first..]
        .iter()
        .position(|t| t.kind == TokenKind::Newline)?
        + first;
    tokens[break_at..]
        .iter()
        .find(|t| t.kind != TokenKind::Newline)?;
    let range = tokens[first].start as usize..tokens[break_at - 1].end as usize;
    (norm[range.clone()].chars().count() <= MAX_TITLE_CHARS).then_some(range)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_slice_the_original_text() {
        let text = "Le ministre de l’Intérieur, Gérald Darmanin :\u{a0}« 23\u{202f}000 »";
        let doc = Document::new(text);
        for needle in ["l'Intérieur", "Gérald Darmanin", "23 000", "« 23 000 »"] {
            let at = doc.norm().find(needle).unwrap();
            let span = doc.span(at..at + needle.len());
            let sliced: String = text
                .chars()
                .skip(span.start)
                .take(span.end - span.start)
                .collect();
            assert_eq!(span.text, sliced);
            assert_eq!(normalize::fold_str(&span.text), needle);
        }
    }

    #[test]
    fn title_is_the_first_line_when_text_follows() {
        let doc =
            Document::new("\n  Fermeture du site Coco\r\n\r\nCe 25 juin 2024, le site a fermé.");
        assert_eq!(
            doc.title().map(|r| &doc.norm()[r]),
            Some("Fermeture du site Coco")
        );
        assert_eq!(Document::new("Une seule ligne.").title(), None);
        assert_eq!(
            Document::new(format!("{}\nsuite", "mot ".repeat(100))).title(),
            None
        );
    }

    #[test]
    fn sentence_lookup() {
        let doc = Document::new("Titre\nUne phrase. Une autre.");
        let at = doc.norm().find("autre").unwrap();
        assert_eq!(doc.sentence_at(at), Some(2));
        assert_eq!(doc.sentence_at(doc.norm().find('\n').unwrap()), None);
    }
}

//! Who said a quote: the person or organization of the record it belongs to.
//!
//! The rule, in order (first that gives an answer wins):
//! 1. a speech verb right after the closing mark (« … », a déclaré X /
//!    « … », a-t-il affirmé / « … », selon X): the name, role noun or
//!    inverted pronoun that follows;
//! 2. a speech verb, « selon », « d'après » or a colon earlier in the
//!    sentence (X a déclaré : « … » / selon X, « … »): the subject of the
//!    clause the verb opens in brackets or after « qui », else the subject
//!    before the verb, else a pronoun or role noun there, else a name
//!    after it;
//! 3. a quote right after another one keeps its speaker;
//! 4. the subject of the sentence, or for a quote opening its sentence the
//!    body whose unnamed member (« la porte-parole de la fédération ») is
//!    the subject of the previous sentence, else the person that sentence
//!    is about.
//!
//! Pronouns (« il », « elle », « celui-ci ») go to the nearest fitting
//! person, preferring subjects over names after a preposition; role nouns
//! (« le magistrat », « le ministère ») go to the person whose role, or the
//! organization whose name, holds the noun. It never invents a name: a
//! speaker the record does not know is `None`.

use super::marks::Stretch;
use super::words::{
    is_speech_verb, BODY_NOUNS, MEMBER_NOUNS, PERSON_NOUNS, PREPOSITIONS, SOURCE_WORDS, VERB_GROUP,
};
use crate::lexicon::given;
use crate::record::Record;
use crate::text::normalize::fold_str;
use crate::text::token::{Token, TokenKind};
use crate::text::Document;
use foldhash::{HashMap, HashMapExt};
use std::collections::BTreeMap;

/// How many mentions on each side of a quote [`Speakers::nearest`] looks at.
const NEAREST_WINDOW: usize = 64;

/// How many tokens of a sentence's start may hold its subject (« Pour
/// terminer, la porte-parole de la fédération »).
const SUBJECT_WINDOW: usize = 8;

/// How many tokens before « qui » its antecedent may start (a name and an
/// apposition: « Bernard Bonnet, le successeur de Claude Erignac, qui »).
const ANTECEDENT_WINDOW: usize = 12;

/// Someone a quote can be given to, at one place in the text.
#[derive(Debug, Clone)]
struct Referent {
    at: usize,
    end: usize,
    name: String,
    person: bool,
    female: Option<bool>,
    subject: bool,
}

/// The speakers the record knows, ready for lookups around each quote.
pub struct Speakers<'a> {
    doc: &'a Document,
    /// The referents by byte, then by order of arrival (the mentions, then
    /// each speaker [`Speakers::remember`]s): a sorted vector would move
    /// its tail at every quote, which is quadratic in a long text.
    refs: BTreeMap<(usize, usize), Referent>,
    /// The roles of each person, folded and lower-case.
    roles: HashMap<String, Vec<String>>,
    /// The folded, lower-case names and mentions of each organization.
    orgs: HashMap<String, Vec<String>>,
    /// The first referent of each name, copied by [`Speakers::remember`].
    first: HashMap<String, Referent>,
    /// The longest referent span in bytes (at least 1), which bounds the
    /// search for the referent at a byte.
    longest: usize,
}

impl<'a> Speakers<'a> {
    /// Collects the people and organizations of `record`, leaving out
    /// mentions inside quotes.
    pub fn new(doc: &'a Document, record: &Record, stretches: &[Stretch]) -> Self {
        let inside = |b: usize| {
            let i = stretches.partition_point(|s| s.outer.end <= b);
            i < stretches.len() && stretches[i].outer.start <= b
        };
        let mut refs = Vec::new();
        let mut roles: HashMap<String, Vec<String>> = HashMap::new();
        for p in &record.people {
            let first = p.name.split_whitespace().next().unwrap_or("");
            let mut female = given::sex(&fold_str(first).to_lowercase()).flatten();
            if let Some(r) = &p.role {
                roles
                    .entry(p.name.clone())
                    .or_default()
                    .push(fold_str(r).to_lowercase());
            }
            for m in &p.mentions {
                let at = doc.norm_byte(m.start);
                if inside(at) {
                    continue;
                }
                let before = prev_word(doc, at);
                if female.is_none() {
                    female = match before {
                        Some("m.") => Some(false),
                        Some("mme") => Some(true),
                        _ => None,
                    };
                }
                refs.push(Referent {
                    at,
                    end: doc.norm_byte(m.end),
                    name: p.name.clone(),
                    person: true,
                    female,
                    subject: is_subject(doc, at),
                });
            }
        }
        let mut orgs: HashMap<String, Vec<String>> = HashMap::new();
        for o in &record.organizations {
            let mut texts = vec![fold_str(&o.name).to_lowercase()];
            for m in &o.mentions {
                texts.push(fold_str(&m.text).to_lowercase());
                let at = doc.norm_byte(m.start);
                if inside(at) {
                    continue;
                }
                refs.push(Referent {
                    at,
                    end: doc.norm_byte(m.end),
                    name: o.name.clone(),
                    person: false,
                    female: None,
                    subject: is_subject(doc, at),
                });
            }
            orgs.entry(o.name.clone()).or_default().extend(texts);
        }
        for texts in orgs.values_mut() {
            texts.sort();
            texts.dedup();
        }
        refs.sort_by_key(|r| r.at);
        let mut first = HashMap::new();
        for r in &refs {
            first.entry(r.name.clone()).or_insert_with(|| r.clone());
        }
        let longest = refs
            .iter()
            .map(|r| r.end.saturating_sub(r.at))
            .max()
            .unwrap_or(0)
            .max(1);
        let refs = refs
            .into_iter()
            .enumerate()
            .map(|(i, r)| ((r.at, i), r))
            .collect();
        Speakers {
            doc,
            first,
            longest,
            refs,
            roles,
            orgs,
        }
    }

    /// Records that `name` spoke at byte `at`, so that a later « il » can
    /// point back to them.
    pub fn remember(&mut self, at: usize, name: &str) {
        let Some(r) = self.first.get(name) else {
            return;
        };
        let mut r = r.clone();
        r.at = at;
        r.end = at;
        r.subject = true;
        // After every referent already at `at`.
        let order = self.refs.len();
        self.refs.insert((at, order), r);
    }

    /// The speaker of a quote by rules 1, 2 and 4 (rule 3 is the caller's).
    /// The outer `Option` says whether a speech cue was found at all.
    pub fn cued(&self, s: &Stretch) -> Option<Option<String>> {
        self.after(s).or_else(|| self.before(s))
    }

    /// Rule 4: the sentence's subject, or what the previous sentence is about.
    pub fn fallback(&self, s: &Stretch) -> Option<String> {
        let doc = self.doc;
        let (first, last) = self.sentence_tokens(s.outer.start);
        let toks = doc.tokens();
        let words_before = toks[first..last]
            .iter()
            .any(|t| t.kind == TokenKind::Word && (t.start as usize) < s.outer.start);
        if words_before {
            let start = toks.get(first).map_or(0, |t| t.start as usize);
            self.between(start, s.outer.start)
                .find(|r| r.subject)
                .map(|r| r.name.clone())
        } else {
            self.member_subject_before(s.outer.start)
                .or_else(|| self.pronoun(s.outer.start, None, 2))
        }
    }

    /// For a quote opening its sentence at `at`: the body whose unnamed
    /// member is the subject of the sentence before (« La porte-parole de
    /// la fédération a nuancé les chiffres. « On a constaté … » »), as the
    /// member speaks for the body. Looks at the first [`SUBJECT_WINDOW`]
    /// tokens of that sentence.
    fn member_subject_before(&self, at: usize) -> Option<String> {
        let doc = self.doc;
        let sentences = doc.sentences();
        let here = sentences.partition_point(|s| (s.start as usize) <= at);
        let prev = sentences.get(here.checked_sub(2)?)?;
        let toks = doc.tokens();
        let range = prev.token_range();
        let end = range.end.min(range.start + SUBJECT_WINDOW);
        let word = |k: usize| doc.token_lower(&toks[k]);
        for m in range.start + 1..end {
            let det = matches!(word(m - 1), "le" | "la" | "l'" | "un" | "une");
            if !det || !MEMBER_NOUNS.contains(&word(m)) {
                continue;
            }
            if !matches!(word(m + 1), "de" | "du" | "des" | "d'") {
                return None;
            }
            return (m + 2..(m + 4).min(range.end))
                .find_map(|k| {
                    BODY_NOUNS
                        .contains(&word(k))
                        .then(|| self.noun(word(k), k, at))
                })
                .flatten();
        }
        None
    }

    /// Token index range of the sentence holding `byte`, clipped before it.
    fn sentence_tokens(&self, byte: usize) -> (usize, usize) {
        let doc = self.doc;
        let toks = doc.tokens();
        let last = toks.partition_point(|t| (t.start as usize) < byte);
        let first = match doc.sentence_at(byte) {
            Some(i) => doc.sentences()[i].first_token as usize,
            None => {
                // Between sentences (on a quote mark): back to the line start.
                let mut f = last;
                while f > 0 && toks[f - 1].kind != TokenKind::Newline {
                    f -= 1;
                }
                f
            }
        };
        (first.min(last), last)
    }

    /// Rule 1: a speech verb right after the closing mark.
    fn after(&self, s: &Stretch) -> Option<Option<String>> {
        let doc = self.doc;
        let toks = doc.tokens();
        let mut i = toks.partition_point(|t| (t.start as usize) < s.outer.end);
        let stop = |t: &Token| {
            t.kind == TokenKind::Newline
                || (t.kind == TokenKind::Punct
                    && matches!(doc.token_text(t), "." | "!" | "?" | ";" | "«" | "\"" | "("))
        };
        while i < toks.len() && toks[i].kind == TokenKind::Punct && doc.token_text(&toks[i]) == ","
        {
            i += 1;
        }
        let w = toks.get(i).map(|t| doc.token_lower(t))?;
        if SOURCE_WORDS.contains(&w) || w == "d'" {
            let j = if w == "d'" { i + 2 } else { i + 1 };
            if w == "d'" && toks.get(i + 1).map(|t| doc.token_lower(t)) != Some("après") {
                return None;
            }
            return Some(self.noun_phrase(j, s.outer.start, &stop, true));
        }
        // Walk the verb group: auxiliaries, adverbs, the verb itself.
        let mut verb = None;
        let mut female = None;
        let mut j = i;
        while j < toks.len() && j < i + 6 && !stop(&toks[j]) {
            let w = doc.token_lower(&toks[j]);
            let (head, pron) = split_inverted(w);
            if pron.is_some() {
                female = pron;
            }
            if is_speech_verb(head) {
                verb = Some(j);
                if head != "fait" {
                    break;
                }
            } else if !VERB_GROUP.contains(&head) && toks[j].kind == TokenKind::Word {
                break;
            }
            j += 1;
        }
        let v = verb?;
        if let Some(f) = female {
            return Some(self.pronoun(toks[v].start as usize, Some(f), 4));
        }
        // « a-t-on appris » and the like say nothing of who spoke.
        Some(self.noun_phrase(v + 1, s.outer.start, &stop, false))
    }

    /// Rule 2: a cue earlier in the sentence.
    fn before(&self, s: &Stretch) -> Option<Option<String>> {
        let doc = self.doc;
        let toks = doc.tokens();
        let (first, last) = self.sentence_tokens(s.outer.start);
        let mut cue = None;
        for k in (first..last).rev() {
            let t = &toks[k];
            let w = doc.token_lower(t);
            if t.kind == TokenKind::Punct && w == ":" && k + 3 >= last {
                cue = Some((k, Cue::Colon));
                break;
            }
            if w == "selon"
                || (w == "après" && k > 0 && doc.token_lower(&toks[k - 1]) == "d'")
                || w == "pour" && k == first
            {
                cue = Some((k, Cue::Source));
                break;
            }
            if t.kind == TokenKind::Word && is_speech_verb(split_inverted(w).0) {
                cue = Some((k, Cue::Verb));
                break;
            }
        }
        let (k, kind) = cue?;
        let stop = |t: &Token| t.kind == TokenKind::Newline;
        if kind == Cue::Source {
            return Some(self.noun_phrase(k + 1, s.outer.start, &stop, true));
        }
        let verb_at = toks[k].start as usize;
        let start = toks[first].start as usize;
        if let Some(name) = self.clause_subject(first, k) {
            return Some(Some(name));
        }
        // The subject: the nearest name before the verb not after a preposition.
        if let Some(r) = self
            .between(start, verb_at + 1)
            .rev()
            .find(|r| r.end <= verb_at && r.subject)
        {
            // A pronoun or « le + role noun » closer to the verb is the
            // subject of a later clause (« X … , où il s'était pris : »).
            let from = toks.partition_point(|t| (t.start as usize) < r.end);
            for m in from..k {
                let w = doc.token_lower(&toks[m]);
                let after_que = m > 0 && doc.token_lower(&toks[m - 1]) == "qu'";
                if let Some(f) = pronoun_sex(w).filter(|_| !after_que) {
                    return Some(
                        self.pronoun(toks[m].start as usize, f, 4)
                            .or(Some(r.name.clone())),
                    );
                }
                let det = m > 0 && matches!(doc.token_lower(&toks[m - 1]), "le" | "la" | "l'");
                if det {
                    if let Some(name) = self.noun(w, m, s.outer.start) {
                        return Some(Some(name));
                    }
                }
            }
            return Some(Some(r.name.clone()));
        }
        // A pronoun or role noun before the verb. A pronoun after « qu' »
        // is the subject of a subordinate clause (« le premier ministre a
        // affirmé qu'il ne baissera pas les bras : »): taken only when
        // nothing before it names the speaker.
        let mut subordinate = None;
        for m in (first..k).rev() {
            let w = doc.token_lower(&toks[m]);
            if let Some(f) = pronoun_sex(w) {
                if m > 0 && doc.token_lower(&toks[m - 1]) == "qu'" {
                    subordinate = subordinate.or(Some((m, f)));
                    continue;
                }
                return Some(self.pronoun(toks[m].start as usize, f, 4));
            }
            if let Some(name) = self.noun(w, m, s.outer.start) {
                return Some(Some(name));
            }
        }
        if let Some((m, f)) = subordinate {
            return Some(self.pronoun(toks[m].start as usize, f, 4));
        }
        // A name between the verb and the quote (« a déclaré X : « … »,
        // « une information révélée par X, « … »), not a dative (« à l'AFP »).
        Some(
            self.between(verb_at + 1, s.outer.start)
                .find(|r| r.end <= s.outer.start && (r.subject || !is_dative(doc, r.at)))
                .map(|r| r.name.clone()),
        )
    }

    /// The subject of a clause that opens between the sentence's first token
    /// and the cue at token `verb` (the speech verb or the colon after it),
    /// when the text marks one: a name
    /// right after an open bracket (« (Jean-François Copé déplora … « … ») »),
    /// or the antecedent of « qui » just before the verb group (« avec
    /// Bernard Bonnet, le successeur de Claude Erignac, qui lui avait
    /// rétorqué : « … » »), the nearest name before « qui » that is not a
    /// complement in « de » (Erignac is the successor's, not the speaker)
    /// and no more than [`ANTECEDENT_WINDOW`] tokens back.
    fn clause_subject(&self, first: usize, verb: usize) -> Option<String> {
        let doc = self.doc;
        let toks = doc.tokens();
        let word = |m: usize| doc.token_lower(&toks[m]);
        let mut m = verb;
        while m > first && {
            let w = word(m - 1);
            VERB_GROUP.contains(&w) || is_speech_verb(split_inverted(w).0)
        } {
            m -= 1;
        }
        if m > first && word(m - 1) == "qui" {
            let qui = toks[m - 1].start as usize;
            let start = toks[(m - 1).saturating_sub(ANTECEDENT_WINDOW).max(first)].start as usize;
            return self
                .between(start, qui)
                .rev()
                .find(|r| r.end <= qui && !matches!(prev_word(doc, r.at), Some("de" | "d'")))
                .map(|r| r.name.clone());
        }
        let mut depth = 0usize;
        for b in (first..verb).rev() {
            match word(b) {
                ")" => depth += 1,
                "(" if depth > 0 => depth -= 1,
                "(" => {
                    let at = toks.get(b + 1)?.start as usize;
                    let r = self.at_byte(at).filter(|r| r.at == at)?;
                    return (r.end <= toks[verb].start as usize).then(|| r.name.clone());
                }
                _ => {}
            }
        }
        None
    }

    /// The speaker named from token `i` on: a mention, a role or body noun,
    /// or a pronoun; stops after a dozen tokens or at `stop`. With `any_ref`
    /// (after « selon »), a name after a preposition counts too.
    fn noun_phrase(
        &self,
        i: usize,
        quote_at: usize,
        stop: &dyn Fn(&Token) -> bool,
        any_ref: bool,
    ) -> Option<String> {
        let doc = self.doc;
        let toks = doc.tokens();
        for k in i..(i + 12).min(toks.len()) {
            let t = &toks[k];
            if stop(t) {
                break;
            }
            let at = t.start as usize;
            if let Some(r) = self.at_byte(at) {
                if r.subject || any_ref {
                    return Some(r.name.clone());
                }
                continue;
            }
            let w = doc.token_lower(t);
            if let Some(f) = pronoun_sex(w) {
                return self.pronoun(at, f, 4);
            }
            if MEMBER_NOUNS.contains(&w) {
                continue;
            }
            let dative = k > 0 && matches!(doc.token_lower(&toks[k - 1]), "à" | "au" | "aux");
            if !dative {
                if let Some(name) = self.noun(w, k, quote_at) {
                    return Some(name);
                }
            }
        }
        None
    }

    /// A role or body noun at token `k` resolved to a record name.
    fn noun(&self, w: &str, k: usize, quote_at: usize) -> Option<String> {
        let doc = self.doc;
        let at = doc.tokens()[k].start as usize;
        if PERSON_NOUNS.contains(&w) {
            let stem = w.trim_end_matches('e');
            let fits = |name: &str| {
                self.roles.get(name).is_some_and(|roles| {
                    roles.iter().any(|role| {
                        role.contains(stem)
                            || (stem == "magistrat"
                                && (role.contains("procureur") || role.contains("juge")))
                            || (stem == "premier" && role.contains("chef du gouvernement"))
                    })
                })
            };
            return self.nearest(at.min(quote_at), true, &fits);
        }
        if BODY_NOUNS.contains(&w) {
            let fits = |name: &str| {
                self.orgs
                    .get(name)
                    .is_some_and(|texts| texts.iter().any(|t| t.contains(w)))
            };
            return self.nearest(at.min(quote_at), false, &fits);
        }
        None
    }

    /// The nearest referent before `at` (else the first after) that fits,
    /// among the `NEAREST_WINDOW` mentions on each side: a quote is never
    /// attributed to a name mentioned far away, and the search stays linear
    /// in the article however many quotes it holds.
    fn nearest(&self, at: usize, person: bool, fits: &dyn Fn(&str) -> bool) -> Option<String> {
        let ok = |r: &&Referent| r.person == person && fits(&r.name);
        self.refs
            .range(..(at, 0))
            .map(|(_, r)| r)
            .rev()
            .take(NEAREST_WINDOW)
            .find(ok)
            .or_else(|| {
                self.refs
                    .range((at, 0)..)
                    .map(|(_, r)| r)
                    .take(NEAREST_WINDOW)
                    .find(ok)
            })
            .map(|r| r.name.clone())
    }

    /// The person a pronoun at `at` stands for: the nearest fitting subject
    /// in this sentence or up to `back` sentences before, else any fitting
    /// person there.
    fn pronoun(&self, at: usize, female: Option<bool>, back: usize) -> Option<String> {
        let doc = self.doc;
        let sentences = doc.sentences();
        let here = sentences.partition_point(|s| (s.start as usize) <= at);
        let from = here.saturating_sub(back + 1);
        let floor = sentences.get(from).map_or(0, |s| s.start as usize);
        let fits = |r: &&Referent| {
            r.person && r.at < at && r.at >= floor && female.is_none_or(|f| r.female != Some(!f))
        };
        // Walk sentences from the nearest back; in each, its first subject.
        for si in (from..here).rev() {
            let s = &sentences[si];
            let (a, b) = (s.start as usize, (s.end as usize).min(at));
            if let Some(r) = self.between(a, b).find(|r| r.subject && fits(r)) {
                return Some(r.name.clone());
            }
        }
        self.between(floor, at)
            .rev()
            .find(fits)
            .map(|r| r.name.clone())
    }

    /// The first referent whose span holds byte `at` (a referent spans at
    /// least one byte): only those starting less than `longest` bytes before
    /// it can, so this is a tree search and a short scan.
    fn at_byte(&self, at: usize) -> Option<&Referent> {
        self.between((at + 1).saturating_sub(self.longest), at + 1)
            .find(|r| at < r.end.max(r.at + 1))
    }

    /// The referents mentioned at bytes `a..b`, in order (a range of the
    /// sorted tree), so that no look-up scans the whole article.
    fn between(&self, a: usize, b: usize) -> impl DoubleEndedIterator<Item = &Referent> {
        self.refs.range((a, 0)..(b.max(a), 0)).map(|(_, r)| r)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Verb,
    Source,
    Colon,
}

/// « précise-t-il » → (`précise`, Some(false)); « a-t-elle » → (`a`, Some(true)).
fn split_inverted(w: &str) -> (&str, Option<bool>) {
    for (suffix, female) in [
        ("-t-il", false),
        ("-t-elle", true),
        ("-il", false),
        ("-elle", true),
        ("-t-ils", false),
        ("-ils", false),
        ("-t-elles", true),
        ("-elles", true),
    ] {
        if let Some(head) = w.strip_suffix(suffix) {
            return (head, Some(female));
        }
    }
    (w, None)
}

/// Subject pronouns: `Some(Some(true))` for feminine, `Some(None)` unknown.
fn pronoun_sex(w: &str) -> Option<Option<bool>> {
    match w {
        "il" | "celui-ci" | "ce dernier" => Some(Some(false)),
        "elle" | "celle-ci" => Some(Some(true)),
        _ => None,
    }
}

/// Whether a mention at `at` follows « à », « au », « aux » (« à l'AFP »).
fn is_dative(doc: &Document, at: usize) -> bool {
    let toks = doc.tokens();
    let i = toks.partition_point(|t| (t.start as usize) < at);
    let word = |k: Option<usize>| k.map(|k| doc.token_lower(&toks[k])).unwrap_or_default();
    let mut w = word(i.checked_sub(1));
    if matches!(w, "l'" | "la" | "le" | "les") {
        w = word(i.checked_sub(2));
    }
    matches!(w, "à" | "au" | "aux")
}

/// The lower-case word just before byte `at`, if any.
fn prev_word(doc: &Document, at: usize) -> Option<&str> {
    let toks = doc.tokens();
    let i = toks.partition_point(|t| (t.start as usize) < at);
    i.checked_sub(1).map(|k| doc.token_lower(&toks[k]))
}

/// Whether a mention at `at` can be a subject: not right after a preposition
/// (« d'Yvan Colonna », « avec Sollacaro », « à l'AFP »).
fn is_subject(doc: &Document, at: usize) -> bool {
    let toks = doc.tokens();
    let i = toks.partition_point(|t| (t.start as usize) < at);
    let Some(k) = i.checked_sub(1) else {
        return true;
    };
    let mut w = doc.token_lower(&toks[k]);
    if w == "(" {
        return false;
    }
    if matches!(w, "l'" | "le" | "la" | "les" | "m." | "mme") {
        match k.checked_sub(1) {
            Some(k2) => w = doc.token_lower(&toks[k2]),
            None => return true,
        }
    }
    !PREPOSITIONS.contains(&w) || w == "l'"
}

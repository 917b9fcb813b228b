//! Named persons with their roles (SPEC `people`).
//!
//! A name is a capitalised sequence led by a given name of the lexicon
//! (« Gérald Darmanin », « Marine Le Pen », « Dominique de Villepin »),
//! initials (« J.-L. Mélenchon »), an honorific (« M. Sennès », « Me
//! Dupond ») or a role right before it (« le ministre Darmanin »). Roles
//! ([`roles`]) attach by apposition on either side (« le ministre de
//! l'Intérieur, Gérald Darmanin », « Pierre Sennès, procureur de la
//! République de Nantes »). Mentions of one individual are merged: the same
//! full name, initials or honorific forms with its surname, and every
//! surname-only mention before or after (« Darmanin »).
//!
//! It skips organization and place spans found before it, never takes a
//! capitalised word alone (sentence starts, headline words, months), and
//! does not resolve pronouns.

pub(crate) mod roles;
pub(crate) mod rules;

use super::Context;
use crate::extract::organizations::folded::{fold, is_capitalized};
use crate::record::{Person, Span};
use crate::text::token::TokenKind;
use crate::text::Document;
use foldhash::{HashMap, HashMapExt};
use roles::Role;
use std::collections::BTreeSet;
use std::ops::Range;

/// A name found in the text, as token indexes.
#[derive(Debug, Clone)]
struct Cand {
    /// First token of the mention (the honorific when there is one).
    start: usize,
    /// First token of the name proper (after the honorific).
    name: usize,
    /// First token of the surname.
    surname: usize,
    /// One past the last token.
    end: usize,
    /// Led by a real given name (not initials, not an honorific only).
    given: bool,
}

/// Finds the people of `doc`.
pub fn extract(doc: &Document, ctx: &Context) -> Vec<Person> {
    let mut is_free = vec![true; doc.tokens().len()];
    for r in blocked_spans(doc, ctx) {
        let mut i = crate::extract::organizations::token_at(doc.tokens(), r.start);
        i = i.saturating_sub(1);
        while let Some(t) = doc.tokens().get(i) {
            if t.start as usize >= r.end {
                break;
            }
            if (t.end as usize) > r.start {
                is_free[i] = false;
            }
            i += 1;
        }
    }
    let free = |i: usize| is_free.get(i).copied().unwrap_or(false);
    let mut cands = names(doc, &free);
    let starts: Vec<usize> = cands.iter().map(|c| c.start).collect();
    let person_start = |i: usize| starts.binary_search(&i).is_ok();
    let roles = roles::find(doc, &person_start);
    role_led_names(doc, &roles, &free, &mut cands);
    cands.sort_by_key(|c| c.start);
    cands.dedup_by_key(|c| c.start);
    assemble(doc, &cands, &roles, &free)
}

/// Char spans of organizations and places, turned into norm byte ranges.
fn blocked_spans(doc: &Document, ctx: &Context) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let to_byte = |c: usize| doc.norm_byte(c);
    for o in &ctx.record.organizations {
        for m in &o.mentions {
            out.push(to_byte(m.start)..to_byte(m.end));
        }
    }
    for p in &ctx.record.places {
        for m in &p.mentions {
            out.push(to_byte(m.start)..to_byte(m.end));
        }
    }
    out
}

fn text(doc: &Document, i: usize) -> Option<&str> {
    let t = doc.tokens().get(i)?;
    matches!(
        t.kind,
        TokenKind::Word | TokenKind::Elision | TokenKind::Abbrev
    )
    .then(|| doc.token_text(t))
}

/// A capitalised word that may be part of a surname.
fn surname_word(doc: &Document, i: usize, free: &dyn Fn(usize) -> bool) -> bool {
    let Some(t) = doc.tokens().get(i) else {
        return false;
    };
    t.kind == TokenKind::Word && {
        let w = doc.token_text(t);
        is_capitalized(w) && !rules::never_name(w) && !rules::is_honorific(w) && free(i)
    }
}

/// The end of the surname starting at token `i` (capitalised words,
/// capitalised particles « Le », « La » and lower-case ones before a
/// capital), or `None` when there is none.
fn surname_end(doc: &Document, i: usize, free: &dyn Fn(usize) -> bool) -> Option<usize> {
    let mut j = i;
    let mut end = None;
    while j - i < 4 {
        let Some(w) = text(doc, j) else { break };
        let particle = matches!(
            w,
            "Le" | "La" | "Van" | "Von" | "Da" | "Di" | "Del" | "Ben" | "El" | "Al"
        ) || (rules::is_particle(w) && end.is_none())
            || w == "d'";
        if particle && surname_word(doc, j + 1, free) {
            end = Some(j + 2);
            j += 2;
        } else if surname_word(doc, j, free) && !rules::is_given_name(w)
            || (end.is_none() && surname_word(doc, j, free))
        {
            end = Some(j + 1);
            j += 1;
        } else {
            break;
        }
    }
    end
}

/// Names led by a given name, initials or an honorific.
fn names(doc: &Document, free: &dyn Fn(usize) -> bool) -> Vec<Cand> {
    let tokens = doc.tokens();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(w) = text(doc, i) else {
            i += 1;
            continue;
        };
        let honorific = rules::is_honorific(w);
        let name = if honorific { i + 1 } else { i };
        let Some(first) = text(doc, name) else {
            i += 1;
            continue;
        };
        if !free(name) {
            i += 1;
            continue;
        }
        let given = rules::is_given_name(first);
        let lead = given
            || rules::is_initials(first)
            || (rules::is_ambiguous_given_name(first)
                && !honorific
                && !text(doc, name + 1).is_some_and(rules::is_given_name));
        let cand = if lead {
            // A second given name (« Jean Pierre Dupont ») stays in the lead.
            let mut s = name + 1;
            if text(doc, s).is_some_and(rules::is_given_name) && surname_word(doc, s + 1, free) {
                s += 1;
            }
            surname_end(doc, s, free).map(|end| Cand {
                start: i,
                name,
                surname: s,
                end,
                given,
            })
        } else {
            None
        };
        let cand = cand.or_else(|| {
            honorific
                .then(|| surname_end(doc, name, free))
                .flatten()
                .map(|end| Cand {
                    start: i,
                    name,
                    surname: name,
                    end,
                    given: false,
                })
        });
        // Checked last: it folds a word, and most tokens lead no name.
        match cand.filter(|_| !after_place_noun(doc, i)) {
            Some(c) => {
                i = c.end;
                out.push(c);
            }
            None => i += 1,
        }
    }
    out
}

/// Whether token `i` follows a noun that makes a name a place or a
/// building (« pont Mathilde », « rue Victor Hugo », « lycée Jean Moulin »).
fn after_place_noun(doc: &Document, i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|j| text(doc, j))
        .is_some_and(|w| {
            matches!(
                fold(w).as_str(),
                "pont"
                    | "rue"
                    | "place"
                    | "avenue"
                    | "boulevard"
                    | "quai"
                    | "impasse"
                    | "allee"
                    | "square"
                    | "cours"
                    | "chemin"
                    | "route"
                    | "lycee"
                    | "college"
                    | "ecole"
                    | "hopital"
                    | "gare"
                    | "stade"
                    | "eglise"
                    | "salle"
                    | "parc"
                    | "centre"
                    | "prix"
                    | "fondation"
                    | "institut"
                    | "universite"
                    | "musee"
                    | "aeroport"
                    | "station"
                    | "residence"
                    | "cite"
                    | "quartier"
                    | "port"
                    | "tunnel"
                    | "pavillon"
            )
        })
}

/// Capitalised names right after a role (« le ministre Darmanin », « la
/// présidente, Sonia Dupont ») that no lexicon cue found.
fn role_led_names(
    doc: &Document,
    roles: &[Role],
    free: &dyn Fn(usize) -> bool,
    cands: &mut Vec<Cand>,
) {
    let tokens = doc.tokens();
    // Tokens inside a candidate, kept up to date as candidates are added:
    // a scan of every candidate per role would be quadratic.
    let mut covered = vec![false; tokens.len()];
    let cover = |covered: &mut [bool], c: &Cand| {
        for t in &mut covered[c.start.min(c.end)..c.end.min(tokens.len())] {
            *t = true;
        }
    };
    for c in cands.iter() {
        cover(&mut covered, c);
    }
    for r in roles {
        let mut i = crate::extract::organizations::token_at(tokens, r.range.end);
        if text(doc, i).is_none() && tokens.get(i).is_some_and(|t| doc.token_text(t) == ",") {
            i += 1;
        }
        if covered.get(i).copied().unwrap_or(false) {
            continue;
        }
        let Some(first) = text(doc, i) else { continue };
        if !is_capitalized(first) || rules::is_initials(first) {
            continue;
        }
        if let Some(end) = surname_end(doc, i, free) {
            let c = Cand {
                start: i,
                name: i,
                surname: i,
                end,
                given: false,
            };
            cover(&mut covered, &c);
            cands.push(c);
        }
    }
}

/// The role stated next to a name, by apposition on either side.
fn role_of<'a>(doc: &Document, c: &Cand, roles: &'a [Role]) -> Option<&'a Role> {
    let tokens = doc.tokens();
    let start = tokens[c.start].start as usize;
    let end = tokens[c.end - 1].end as usize;
    let norm = doc.norm();
    // Role before: only spaces, a comma or an opening article between.
    let at = roles.partition_point(|r| r.range.start < start);
    let before = roles[..at]
        .iter()
        .rev()
        .find(|r| r.range.end <= start)
        .filter(|r| {
            let gap = norm[r.range.end..start].trim();
            gap.is_empty() || gap == ","
        });
    if before.is_some() {
        return before;
    }
    // Role after: « Name, (le|la|l'|son|sa)? role ».
    let at = roles.partition_point(|r| r.range.start < end);
    roles[at..].first().filter(|r| {
        let gap = norm[end..r.range.start].trim();
        let gap = gap.strip_prefix(',').map(str::trim);
        gap.is_some_and(|g| {
            matches!(
                g,
                "" | "le"
                    | "la"
                    | "l'"
                    | "Le"
                    | "La"
                    | "son"
                    | "sa"
                    | "un"
                    | "une"
                    | "l'actuel"
                    | "l'actuelle"
                    | "l'ex"
                    | "l'ancien"
                    | "l'ancienne"
            )
        })
    })
}

/// A person being built.
struct Group {
    key: String,
    surname: String,
    name: Option<(usize, String)>,
    fallback: String,
    role: Option<(Role, String)>,
    mentions: Vec<Range<usize>>,
    /// The starts of `mentions`, for [`nearest`].
    starts: BTreeSet<usize>,
}

impl Group {
    fn mention(&mut self, m: Range<usize>) {
        self.starts.insert(m.start);
        self.mentions.push(m);
    }
}

/// The groups, indexed by full-name key and by surname, so that finding a
/// mention's group does not scan every group.
#[derive(Default)]
struct Groups {
    list: Vec<Group>,
    by_key: HashMap<String, usize>,
    by_surname: HashMap<String, Vec<usize>>,
}

impl Groups {
    fn push(&mut self, g: Group) -> usize {
        let gi = self.list.len();
        self.by_key.entry(g.key.clone()).or_insert(gi);
        self.by_surname
            .entry(g.surname.clone())
            .or_default()
            .push(gi);
        self.list.push(g);
        gi
    }
}

fn assemble(
    doc: &Document,
    cands: &[Cand],
    roles: &[Role],
    free: &dyn Fn(usize) -> bool,
) -> Vec<Person> {
    let tokens = doc.tokens();
    let norm = doc.norm();
    let bytes = |a: usize, b: usize| tokens[a].start as usize..tokens[b - 1].end as usize;
    let mut groups = Groups::default();
    // Full names first, then initials / honorific / role-led forms.
    let mut ordered: Vec<&Cand> = cands.iter().filter(|c| c.given).collect();
    ordered.extend(cands.iter().filter(|c| !c.given));
    for c in ordered {
        let surname = fold(&norm[bytes(c.surname, c.end)]);
        let full = fold(&norm[bytes(c.name, c.end)]);
        let role = role_of(doc, c, roles).map(|r| (r.clone(), doc.span(r.range.clone()).text));
        let g = if c.given {
            groups.by_key.get(&full).copied()
        } else {
            let initial = text(doc, c.name)
                .and_then(|w| w.chars().next())
                .filter(|_| c.name < c.surname);
            nearest(&groups, &surname, tokens[c.start].start as usize, initial)
        };
        let gi = match g {
            Some(gi) => gi,
            None => groups.push(Group {
                key: full.clone(),
                surname: surname.clone(),
                name: None,
                fallback: doc.span(bytes(c.name, c.end)).text,
                role: None,
                mentions: Vec::new(),
                starts: BTreeSet::new(),
            }),
        };
        let g = &mut groups.list[gi];
        if c.given {
            let n = doc.span(bytes(c.name, c.end)).text;
            let len = n.chars().count();
            if g.name.as_ref().is_none_or(|(l, _)| len > *l) {
                g.name = Some((len, n));
            }
        }
        if g.role.is_none() {
            g.role = role;
        }
        g.mention(bytes(c.start, c.end));
    }
    surname_mentions(doc, &mut groups, free);
    // Relational roles take the flag of the person they name: the first
    // group with a mention inside the role's complement.
    let flags: Vec<Option<bool>> = groups
        .list
        .iter()
        .map(|g| g.role.as_ref().map(|(r, _)| r.official))
        .collect();
    let mut all: Vec<(usize, usize, usize)> = groups
        .list
        .iter()
        .enumerate()
        .flat_map(|(gi, g)| g.mentions.iter().map(move |m| (m.start, m.end, gi)))
        .collect();
    all.sort_unstable();
    for g in &mut groups.list {
        if let Some((r, _)) = g.role.as_mut().filter(|(r, _)| r.relational) {
            let from = all.partition_point(|&(s, _, _)| s < r.complement.start);
            let named = all[from..]
                .iter()
                .take_while(|&&(s, _, _)| s < r.complement.end)
                .filter(|&&(_, e, _)| e <= r.complement.end)
                .map(|&(_, _, gi)| gi)
                .min();
            if let Some(Some(flag)) = named.map(|gi| flags[gi]) {
                r.official = flag;
            }
        }
    }
    let mut out: Vec<Person> = groups
        .list
        .into_iter()
        .map(|mut g| {
            g.mentions.sort_by_key(|m| m.start);
            g.mentions.dedup();
            let mentions: Vec<Span> = g.mentions.iter().map(|m| doc.span(m.clone())).collect();
            let (role, official) = match g.role {
                Some((r, text)) => (Some(text), r.official),
                None => (None, false),
            };
            Person {
                name: g.name.map_or(g.fallback, |(_, n)| n),
                role,
                official,
                mentions,
            }
        })
        .collect();
    out.sort_by_key(|p| p.mentions.first().map_or(0, |m| m.start));
    out
}

/// The group a surname form belongs to: the nearest before `at` with that
/// surname (and a matching initial), else the first after.
fn nearest(groups: &Groups, surname: &str, at: usize, initial: Option<char>) -> Option<usize> {
    let fits = |g: &Group| {
        initial.is_none_or(|i| {
            g.key
                .starts_with(crate::extract::organizations::folded::fold_char(i))
        })
    };
    let mut best: Option<(usize, usize)> = None;
    for &gi in groups.by_surname.get(surname).into_iter().flatten() {
        let g = &groups.list[gi];
        if !fits(g) {
            continue;
        }
        let before = g.starts.range(..at).next_back().copied();
        let score = before.map_or(
            usize::MAX - g.mentions.first().map_or(0, |m| m.start),
            |b| at - b,
        );
        if best.is_none_or(|(_, s)| score < s) {
            best = Some((gi, score));
        }
    }
    best.map(|(gi, _)| gi)
}

/// Adds every surname-only mention (« Darmanin ») of a known person.
fn surname_mentions(doc: &Document, groups: &mut Groups, free: &dyn Fn(usize) -> bool) {
    let tokens = doc.tokens();
    // First word of a surname → the word counts of the surnames it starts.
    // Many groups share a surname (or its first word), so the lookup goes
    // by length and then by surname, never through every group.
    let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
    for g in &groups.list {
        if let Some(first) = g.surname.split(' ').next() {
            let lengths = by_first.entry(first.to_string()).or_default();
            let n = g.surname.split(' ').count();
            if !lengths.contains(&n) {
                lengths.push(n);
            }
        }
    }
    // The mentions found so far, sorted by start, with the running maximum
    // of their ends: « is `s` inside one » is then a binary search.
    let mut taken: Vec<(usize, usize)> = groups
        .list
        .iter()
        .flat_map(|g| g.mentions.iter().map(|m| (m.start, m.end)))
        .collect();
    taken.sort_unstable();
    let mut reach = 0;
    for m in &mut taken {
        reach = reach.max(m.1);
        m.1 = reach;
    }
    let is_taken = |s: usize| {
        let k = taken.partition_point(|&(start, _)| start <= s);
        k > 0 && s < taken[k - 1].1
    };
    for i in 0..tokens.len() {
        let t = &tokens[i];
        if t.kind != TokenKind::Word || !is_capitalized(doc.token_text(t)) || !free(i) {
            continue;
        }
        let first = fold(doc.token_text(t));
        let Some(lengths) = by_first.get(&first) else {
            continue;
        };
        let s = t.start as usize;
        if is_taken(s) {
            continue;
        }
        // The first group (in group order) whose surname is written here.
        let mut found: Option<(usize, usize)> = None;
        for &n in lengths {
            let Some(last) = tokens.get(i + n - 1) else {
                continue;
            };
            let e = last.end as usize;
            let written = fold(&doc.norm()[s..e]);
            if written.split(' ').next() != Some(first.as_str()) || written.split(' ').count() != n
            {
                continue;
            }
            let Some(&gi) = groups.by_surname.get(&written).and_then(|gis| gis.first()) else {
                continue;
            };
            let next_cap = text(doc, i + n).is_some_and(is_capitalized);
            if !next_cap && found.is_none_or(|(best, _)| gi < best) {
                found = Some((gi, e));
            }
        }
        if let Some((gi, e)) = found {
            let surname = groups.list[gi].surname.clone();
            if let Some(gj) = nearest(groups, &surname, s, None) {
                groups.list[gj].mention(s..e);
            }
        }
    }
}

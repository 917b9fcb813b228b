//! Action triggers as data: `triggers.tsv` beside this file lists, per
//! trigger family (`name`), its action `type`, a `guard` and its French
//! forms, where `(e)`, `(s)`, `(es)` mark optional endings
//! (« interpellé(e)(s) »). This module loads it once into one trie (see
//! [`crate::extract::trie`]) and implements the guards, the checks a form needs in its
//! context (« un arrêté préfectoral » is no arrest; « a condamné l’attaque »
//! is no conviction). It does not attach dates, places or subjects: see the
//! parent module.

use crate::extract::trie::Trie;
use crate::lexicon::{list, rows};
use crate::record::ActionType;
use std::sync::LazyLock;

/// The trigger table.
const TRIGGERS: &str = include_str!("triggers.tsv");

/// Context checks a trigger form needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Guard {
    /// Always an action.
    None,
    /// A participle or verb: not after a determiner.
    Verb,
    /// « arrêté »: not the noun (« un arrêté »), not reflexive (« s’est arrêté »).
    Arrest,
    /// « enquête »: opened, or indefinite (« une enquête »).
    Investigation,
    /// « saisi »: not « saisi la justice ».
    Seizure,
    /// « jugé »: followed by pour/par/devant/en…
    Trial,
    /// « condamné »: not « a condamné l’attaque » (denounce).
    Conviction,
    /// A penalty phrase.
    Sentence,
    /// « libéré »: always.
    Release,
    /// « présenté »: to a judge, the parquet…
    Present,
    /// « morts », « tué »: not « peine de mort ».
    Death,
    /// « attaque »: not « attaqué en justice ».
    Attack,
}

/// One trigger form.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Trigger {
    /// Action type.
    pub kind: ActionType,
    /// Its guard.
    pub guard: Guard,
}

/// The loaded table.
pub(crate) struct Triggers {
    /// One per form of the trie.
    pub triggers: Vec<Trigger>,
    /// The lowered forms, matched leftmost-longest.
    pub forms: Trie,
}

/// Loaded on first use.
pub(crate) static TABLE: LazyLock<Triggers> = LazyLock::new(load);

fn action_type(s: &str) -> ActionType {
    match s {
        "closure" => ActionType::Closure,
        "arrest" => ActionType::Arrest,
        "custody" => ActionType::Custody,
        "indictment" => ActionType::Indictment,
        "investigation" => ActionType::Investigation,
        "search" => ActionType::Search,
        "seizure" => ActionType::Seizure,
        "trial" => ActionType::Trial,
        "conviction" => ActionType::Conviction,
        "sentence" => ActionType::Sentence,
        "release" => ActionType::Release,
        "complaint" => ActionType::Complaint,
        "attack" => ActionType::Attack,
        "death" => ActionType::Death,
        _ => ActionType::Other,
    }
}

fn guard(s: &str) -> Guard {
    match s {
        "verb" => Guard::Verb,
        "arrest" => Guard::Arrest,
        "investigation" => Guard::Investigation,
        "seizure" => Guard::Seizure,
        "trial" => Guard::Trial,
        "conviction" => Guard::Conviction,
        "sentence" => Guard::Sentence,
        "release" => Guard::Release,
        "present" => Guard::Present,
        "death" => Guard::Death,
        "attack" => Guard::Attack,
        _ => Guard::None,
    }
}

/// Expands optional endings: « placé(e)(s) en garde » → 4 forms.
pub(crate) fn expand(form: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut rest = form;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        for o in &mut out {
            o.push_str(&rest[..open]);
        }
        let opt = &rest[open + 1..close];
        let with: Vec<String> = out.iter().map(|o| format!("{o}{opt}")).collect();
        out.extend(with);
        rest = &rest[close + 1..];
    }
    for o in &mut out {
        o.push_str(rest);
    }
    out
}

fn load() -> Triggers {
    let mut triggers = Vec::new();
    visit_forms(|_, t| triggers.push(t));
    Triggers {
        forms: Trie::embedded(TRIGGER_PATTERNS, TRIGGER_FST),
        triggers,
    }
}

/// Calls `visit(form, trigger)` for every form of the trigger table, its
/// optional endings expanded, in the order of `trigger.patterns.txt`.
fn visit_forms(mut visit: impl FnMut(&str, Trigger)) {
    for row in rows(TRIGGERS) {
        let [_name, kind, g, forms] = row[..] else {
            continue;
        };
        let t = Trigger {
            kind: action_type(kind),
            guard: guard(g),
        };
        for form in list(forms) {
            for f in expand(form) {
                visit(&f, t);
            }
        }
    }
}

/// The trigger forms as the lowered text writes them, one a line
/// (`build.rs` compiles them into [`TRIGGER_FST`]).
static TRIGGER_PATTERNS: &str = include_str!("trigger.patterns.txt");

/// The trigger forms (`trigger.patterns.txt`), compiled by `build.rs`.
static TRIGGER_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/trigger.patterns.fst"));

/// Determiners that make the next word a noun.
pub(crate) const DETERMINERS: &[&str] = &[
    "un", "une", "le", "la", "les", "l'", "cet", "cette", "ce", "ces", "des", "du", "d'", "sa",
    "son", "ses", "leur", "leurs",
];

/// Whether the trigger stands, given the lowered words before (`prev`,
/// nearest last) and after (`next`) it in its sentence.
pub(crate) fn passes(g: Guard, form: &str, prev: &[&str], next: &[&str]) -> bool {
    let p1 = prev.last().copied().unwrap_or("");
    let p2 = prev.len().checked_sub(2).map_or("", |i| prev[i]);
    let n1 = next.first().copied().unwrap_or("");
    let near = |ws: &[&str], k: usize, set: &[&str]| ws.iter().take(k).any(|w| set.contains(w));
    let near_prev = |k: usize, set: &[&str]| prev.iter().rev().take(k).any(|w| set.contains(w));
    // Negated steps are not reported.
    if near_prev(3, &["pas", "jamais", "sans", "aucune", "aucun"]) {
        return false;
    }
    if not_taken(prev) {
        return false;
    }
    match g {
        Guard::None | Guard::Release | Guard::Sentence => true,
        Guard::Verb => !DETERMINERS.contains(&p1) || form.contains(' ') || !form.ends_with('é'),
        Guard::Arrest => {
            let noun = form.starts_with("arrêt")
                && !form.starts_with("arrestation")
                && (DETERMINERS.contains(&p1)
                    || p1 == "par"
                    || near(next, 1, &["préfectoral", "municipal", "ministériel", "du"]));
            let reflexive = p1 == "s'" || p2 == "s'" || p1 == "se";
            !noun && !reflexive
        }
        Guard::Investigation => {
            let opened = |ws: &[&str]| {
                ws.iter().any(|w| {
                    w.starts_with("ouv") || w.starts_with("lanc") || w.starts_with("confi")
                })
            };
            let before: Vec<&str> = prev.iter().rev().take(4).copied().collect();
            let after: Vec<&str> = next.iter().take(5).copied().collect();
            opened(&before)
                || opened(&after)
                || (p1 == "une" && !matches!(n1, "d'" | "de" | "publique"))
        }
        Guard::Seizure => {
            !near(
                next,
                3,
                &[
                    "justice",
                    "juge",
                    "juges",
                    "tribunal",
                    "conseil",
                    "cour",
                    "parquet",
                    "occasion",
                    "igpn",
                    "iggn",
                    "cnil",
                    "commission",
                    "autorité",
                    "défenseur",
                    "saisine",
                ],
            ) && n1 != "de"
        }
        Guard::Trial => {
            form == "procès"
                || !form.starts_with("jug")
                || matches!(
                    n1,
                    "pour" | "par" | "devant" | "en" | "aux" | "à" | "coupable"
                )
        }
        Guard::Conviction => {
            if form.starts_with("condamnation") {
                !matches!(
                    n1,
                    "de" | "du" | "des" | "d'" | "unanime" | "internationale"
                )
            } else {
                // The auxiliary before any adverb (« a fermement condamné »).
                let aux = prev
                    .iter()
                    .rev()
                    .find(|w| !is_adverb(w))
                    .copied()
                    .unwrap_or("");
                let active = matches!(aux, "a" | "ont" | "avait" | "avaient" | "aurait");
                !(active && DETERMINERS.contains(&n1))
            }
        }
        Guard::Present => near(
            next,
            8,
            &[
                "juge",
                "juges",
                "parquet",
                "magistrat",
                "magistrats",
                "procureur",
                "procureure",
                "tribunal",
                "justice",
                "instruction",
            ],
        ),
        Guard::Death => {
            let attempt = matches!(p1, "de" | "d'") && p2.starts_with("tentative");
            !attempt && (!matches!(p1, "peine" | "menace" | "menaces" | "de") || form != "mort")
        }
        Guard::Attack => !near(next, 2, &["justice", "tribunal", "procès"]),
    }
}

/// How many words before a trigger a request or plan cue is looked for.
const NOT_TAKEN_WINDOW: usize = 6;

/// Whether the step is only asked for or planned (« le parquet a requis son
/// placement en détention », « demande de remise en liberté », « aux fins
/// de placement en détention », « les préparatifs d'un attentat », « un
/// projet d'attentat »): not a step taken, so not an action.
fn not_taken(prev: &[&str]) -> bool {
    let from = prev.len().saturating_sub(NOT_TAKEN_WINDOW);
    prev[from..].iter().enumerate().any(|(i, w)| {
        let next = prev.get(from + i + 1).copied().unwrap_or("");
        matches!(
            *w,
            "requis" | "requiert" | "requièrent" | "requérir" | "réclamé" | "réclame" | "demandé"
        ) || (matches!(
            *w,
            "demande" | "fins" | "projet" | "projets" | "préparatifs"
        ) && matches!(next, "de" | "d'"))
    })
}

/// Adverbs that sit between an auxiliary and its participle (« a
/// fermement condamné », « a déjà été jugé »).
pub(crate) fn is_adverb(w: &str) -> bool {
    (w.len() > 6 && w.ends_with("ment"))
        || matches!(
            w,
            "déjà" | "aussi" | "très" | "bien" | "encore" | "toujours"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lower::lexicon_form;

    /// `build.rs` compiles `trigger.patterns.txt`: it must hold the forms
    /// the trigger table gives.
    #[test]
    fn patterns_file_is_current() {
        crate::extract::automaton::check_patterns_file(
            "src/extract/actions/trigger.patterns.txt",
            "# The lowered trigger forms, one a line, in the order of the trigger\n\
             # table's forms (written by the test `patterns_file_is_current`;\n\
             # build.rs compiles them into an fst).\n",
            &{
                let mut forms = Vec::new();
                visit_forms(|f, _| forms.push(lexicon_form(f)));
                forms
            },
        );
    }

    #[test]
    fn expands_optional_endings() {
        assert_eq!(
            expand("placé(e)(s) en garde"),
            [
                "placé en garde",
                "placée en garde",
                "placés en garde",
                "placées en garde"
            ]
        );
        assert_eq!(expand("procès"), ["procès"]);
    }

    #[test]
    fn table_loads() {
        assert!(TABLE.triggers.len() > 100);
    }

    #[test]
    fn guards() {
        assert!(!passes(Guard::Arrest, "arrêté", &["un"], &["préfectoral"]));
        assert!(passes(Guard::Arrest, "arrêté", &["a", "été"], &["à"]));
        assert!(!passes(Guard::Arrest, "arrêté", &["s'", "est"], &[]));
        assert!(!passes(
            Guard::Conviction,
            "condamné",
            &["a"],
            &["l'", "attaque"]
        ));
        assert!(passes(
            Guard::Conviction,
            "condamné",
            &["été"],
            &["à", "cinq"]
        ));
        assert!(!passes(
            Guard::Conviction,
            "condamné",
            &["a", "fermement"],
            &["les", "agressions"]
        ));
        assert!(passes(
            Guard::Conviction,
            "condamné",
            &["a", "été", "lourdement"],
            &["à", "cinq"]
        ));
        assert!(!passes(
            Guard::Investigation,
            "enquête",
            &["dans", "l'"],
            &["sur"]
        ));
        assert!(passes(
            Guard::Investigation,
            "enquête",
            &["une"],
            &["a", "été", "ouverte"]
        ));
    }
}

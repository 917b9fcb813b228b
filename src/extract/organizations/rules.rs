//! The organization lexicon as a matcher: every form, acronym and pattern
//! head of `organizations.tsv` (plus « ministère de … » portfolios derived
//! from the minister titles of `roles.tsv`) folded into one Aho-Corasick
//! automaton built once, and the word lists the complement rules use (cue
//! nouns, place adjectives, acronym heads).
//!
//! It does not decide which matches stand: that is [`super`]'s job (case
//! checks, complements, longest match, coreference).

use super::folded::fold;
use crate::extract::automaton::Adaptive;
use crate::lexicon;
use crate::record::OrgType;
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::sync::LazyLock;

/// How a lexicon form matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FormKind {
    /// A full name: capitals of the form must be capitals in the text.
    Fixed,
    /// A full name that matches whatever its case (ministry portfolios).
    AnyCase,
    /// A `~` form: needs a cue noun or another mention of its row.
    Ambiguous,
    /// An acronym: matches with exactly its case.
    Acronym,
    /// A pattern head; `prep` when it ends in « de / d' / du / des ».
    Head {
        /// Whether the head ends with a preposition.
        prep: bool,
    },
}

/// One form of one row.
#[derive(Debug)]
pub(crate) struct Form {
    /// Index into [`Lexicon::rows`].
    pub row: usize,
    /// How it matches.
    pub kind: FormKind,
    /// The form, `’` as `'`, compared with the text for capitals.
    pub check: String,
    /// The name it gives when it is not the form itself (« au Figaro » →
    /// « Le Figaro »).
    pub name: Option<String>,
    /// For a cue noun written in the form (« agence Reuters », « réseau
    /// social X »): the chars of the name at its end, the mention's span.
    pub tail: Option<usize>,
}

/// One row of the lexicon.
#[derive(Debug)]
pub(crate) struct Row {
    /// What kind of body.
    pub kind: OrgType,
    /// A fixed row that may take a trailing « de + place ».
    pub takes_place: bool,
    /// An embassy or consulate head: also takes « à / au / en + place ».
    pub abroad: bool,
}

/// The compiled lexicon.
pub(crate) struct Lexicon {
    /// Rows, in file order, then the derived ministry rows.
    pub rows: Vec<Row>,
    /// Automaton over the folded forms.
    pub ac: Adaptive,
    /// The forms behind each automaton pattern.
    pub forms: Vec<Vec<Form>>,
}

/// The lexicon, built on first use.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(build);

fn org_type(s: &str) -> OrgType {
    match s {
        "court" => OrgType::Court,
        "prosecution" => OrgType::Prosecution,
        "police" => OrgType::Police,
        "ministry" => OrgType::Ministry,
        "government" => OrgType::Government,
        "agency" => OrgType::Agency,
        "company" => OrgType::Company,
        "media" => OrgType::Media,
        "party" => OrgType::Party,
        "platform" => OrgType::Platform,
        _ => OrgType::Other,
    }
}

fn build() -> Lexicon {
    let mut rows = Vec::new();
    let mut patterns: Vec<String> = Vec::new();
    let mut forms: Vec<Vec<Form>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut add = |check: String, form: Form| {
        let key = fold(&check);
        let i = *index.entry(key.clone()).or_insert_with(|| {
            patterns.push(key);
            forms.push(Vec::new());
            patterns.len() - 1
        });
        forms[i].push(Form { check, ..form });
    };
    for row in lexicon::rows(lexicon::ORGANIZATIONS) {
        let [name, kind, form_cell, acronyms] = row[..] else {
            continue;
        };
        let r = rows.len();
        let kind = org_type(kind);
        let pattern = name == "*";
        let mut abroad = false;
        for raw in lexicon::list(form_cell) {
            let ambiguous = raw.starts_with('~');
            let f = raw.trim_start_matches('~').replace('’', "'");
            abroad |= f.starts_with("ambassade") || f.starts_with("consulat");
            let kind = if pattern {
                let prep = f.ends_with(" de")
                    || f.ends_with(" du")
                    || f.ends_with(" des")
                    || f.ends_with("d'");
                FormKind::Head { prep }
            } else if ambiguous {
                FormKind::Ambiguous
            } else {
                FormKind::Fixed
            };
            if !pattern {
                for (article, variants) in [
                    ("Le ", &["le ", "au ", "du "][..]),
                    ("Les ", &["les ", "aux ", "des "][..]),
                    ("La ", &["la "][..]),
                    ("L'", &["l'"][..]),
                ] {
                    if let Some(rest) = f.strip_prefix(article) {
                        for v in variants {
                            let check = format!("{v}{rest}");
                            let name = Some(f.clone());
                            let tail = None;
                            add(
                                check,
                                Form {
                                    row: r,
                                    kind,
                                    check: String::new(),
                                    name,
                                    tail,
                                },
                            );
                        }
                    }
                }
            }
            let name_tail = name.replace('’', "'");
            let cue = f.chars().next().is_some_and(char::is_lowercase)
                && f.len() > name_tail.len()
                && f.ends_with(&format!(" {name_tail}"));
            let form = Form {
                row: r,
                kind,
                check: String::new(),
                name: cue.then(|| name_tail.clone()),
                tail: cue.then(|| name_tail.chars().count()),
            };
            add(f, form);
        }
        for a in lexicon::list(acronyms) {
            let form = Form {
                row: r,
                kind: FormKind::Acronym,
                check: String::new(),
                name: None,
                tail: None,
            };
            add(a.to_string(), form);
        }
        let takes_place = !pattern
            && matches!(
                kind,
                OrgType::Court
                    | OrgType::Prosecution
                    | OrgType::Police
                    | OrgType::Government
                    | OrgType::Agency
            );
        rows.push(Row {
            kind,
            takes_place,
            abroad,
        });
    }
    // « ministère de l'Intérieur » from « ministre de l'Intérieur »: one row
    // per portfolio, any case (« ministère de l'intérieur »).
    let mut seen = HashSet::new();
    for row in lexicon::rows(lexicon::ROLES) {
        let Some(cell) = row.get(3) else { continue };
        for f in lexicon::list(cell) {
            let Some(rest) = f.strip_prefix("ministre ") else {
                continue;
            };
            if !["de ", "du ", "des ", "d’"]
                .iter()
                .any(|p| rest.starts_with(p))
            {
                continue;
            }
            let check = format!("ministère {}", rest.replace('’', "'"));
            if !seen.insert(fold(&check)) {
                continue;
            }
            let r = rows.len();
            rows.push(Row {
                kind: OrgType::Ministry,
                takes_place: false,
                abroad: false,
            });
            add(
                check,
                Form {
                    row: r,
                    kind: FormKind::AnyCase,
                    check: String::new(),
                    name: None,
                    tail: None,
                },
            );
        }
    }
    let ac = Adaptive::new(patterns, ORGANIZATION_FST, "organization");
    Lexicon { rows, ac, forms }
}

/// The organization phrases (`organization.patterns.txt`), compiled by
/// `build.rs`.
static ORGANIZATION_FST: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/organization.patterns.fst"));

/// The organization phrase matcher.
pub(crate) fn matcher() -> &'static Adaptive {
    &LEXICON.ac
}

/// Cue nouns before a `~` form or an unknown capitalised name, with the type
/// they give an unknown name (`None`: the cue only confirms lexicon forms).
pub(crate) const CUES: &[(&str, Option<OrgType>)] = &[
    ("reseau social", Some(OrgType::Platform)),
    ("reseaux sociaux", None),
    ("plateforme", Some(OrgType::Platform)),
    ("application", Some(OrgType::Platform)),
    ("messagerie", Some(OrgType::Platform)),
    ("site", Some(OrgType::Platform)),
    ("operateur", Some(OrgType::Company)),
    ("groupe", None),
    ("societe", Some(OrgType::Company)),
    ("entreprise", Some(OrgType::Company)),
    ("constructeur", Some(OrgType::Company)),
    ("enseigne", Some(OrgType::Company)),
    ("banque", Some(OrgType::Company)),
    ("assureur", Some(OrgType::Company)),
    ("journal", Some(OrgType::Media)),
    ("quotidien", Some(OrgType::Media)),
    ("hebdomadaire", Some(OrgType::Media)),
    ("magazine", Some(OrgType::Media)),
    ("chaine", Some(OrgType::Media)),
    ("radio", Some(OrgType::Media)),
    ("parti", Some(OrgType::Party)),
    ("mouvement", None),
    ("coalition", None),
    ("media", None),
];

/// Company legal forms written after the name (« Durand SAS »).
pub(crate) const LEGAL_FORMS: &[&str] = &["SA", "SAS", "SARL", "SASU", "EURL", "SNC", "SCI"];

/// Words of a name that take no letter in its acronym.
pub(crate) const ACRONYM_SKIP: &[&str] = &[
    "de", "du", "des", "d'", "la", "le", "les", "l'", "a", "au", "aux", "et", "en", "pour", "sur",
];

/// The type an acronym definition gets from the first word of its full
/// name (folded), `Other` when none fits.
pub(crate) fn head_type(first: &str) -> OrgType {
    match first {
        "brigade" | "office" | "direction" | "sous-direction" | "police" | "service" | "groupe"
        | "unite" | "section" | "gendarmerie" | "commissariat" => OrgType::Police,
        "agence" | "autorite" | "haute" | "institut" | "centre" | "caisse" | "commission"
        | "observatoire" | "inspection" => OrgType::Agency,
        "tribunal" | "cour" | "conseil" => OrgType::Court,
        "parquet" => OrgType::Prosecution,
        "ministere" => OrgType::Ministry,
        "parti" | "rassemblement" | "union" | "front" | "mouvement" => OrgType::Party,
        "societe" | "compagnie" | "banque" => OrgType::Company,
        _ => OrgType::Other,
    }
}

/// Nationality and place adjectives (masculine singular, folded); feminine
/// and plural forms are derived by [`is_place_adjective`].
const PLACE_ADJECTIVES: &[&str] = &[
    "francais",
    "americain",
    "britannique",
    "anglais",
    "allemand",
    "belge",
    "espagnol",
    "italien",
    "russe",
    "chinois",
    "israelien",
    "palestinien",
    "ukrainien",
    "turc",
    "marocain",
    "algerien",
    "tunisien",
    "egyptien",
    "iranien",
    "syrien",
    "libanais",
    "suisse",
    "canadien",
    "japonais",
    "indien",
    "bresilien",
    "mexicain",
    "australien",
    "neerlandais",
    "portugais",
    "grec",
    "polonais",
    "irlandais",
    "ecossais",
    "afghan",
    "irakien",
    "saoudien",
    "qatari",
    "europeen",
    "londonien",
    "parisien",
    "lyonnais",
    "marseillais",
    "corse",
    "coreen",
    "nord-coreen",
    "sud-coreen",
    "venezuelien",
    "argentin",
    "colombien",
    "senegalais",
    "malien",
    "ivoirien",
    "congolais",
    "nigerian",
    "ethiopien",
    "sud-africain",
    "hongrois",
    "roumain",
    "bulgare",
    "serbe",
    "croate",
    "autrichien",
    "suedois",
    "norvegien",
    "danois",
    "finlandais",
    "luxembourgeois",
    "monegasque",
    "pakistanais",
    "vietnamien",
    "thailandais",
    "indonesien",
    "philippin",
    "taiwanais",
    "birman",
    "yemenite",
    "jordanien",
    "libyen",
    "soudanais",
    "somalien",
    "haitien",
    "cubain",
    "chilien",
    "peruvien",
    "armenien",
    "georgien",
    "bielorusse",
    "moldave",
    "tcheque",
    "slovaque",
    "albanais",
    "kosovar",
    "bosnien",
    "islandais",
    "neo-zelandais",
    "new-yorkais",
    "nicois",
    "toulousain",
    "bordelais",
    "lillois",
    "nantais",
    "strasbourgeois",
    "montpellierain",
    "rennais",
    "grenoblois",
    "corse",
    "breton",
    "alsacien",
    "basque",
    "catalan",
    "flamand",
    "wallon",
    "bruxellois",
    "genevois",
    "quebecois",
    "kurde",
    "arabe",
    "africain",
    "asiatique",
    "latino-americain",
];

/// Words ending like place adjectives that are not.
const NOT_ADJECTIVES: &[&str] = &[
    "ancien",
    "quotidien",
    "bien",
    "rien",
    "sien",
    "mien",
    "tien",
    "lien",
    "soutien",
    "entretien",
    "maintien",
    "gardien",
    "chien",
    "aerien",
    "magicien",
    "politicien",
    "musicien",
    "technicien",
    "mecanicien",
    "pharmacien",
    "historien",
    "physicien",
    "comedien",
    "milicien",
    "mais",
    "jamais",
    "desormais",
    "frais",
    "epais",
    "palais",
    "relais",
    "delais",
    "marais",
    "fois",
    "mois",
    "bois",
    "trois",
    "parfois",
    "autrefois",
    "toutefois",
    "lois",
    "rois",
    "sournois",
    "courtois",
    "chamois",
    "gaulois",
    "moyen",
    "citoyen",
    "doyen",
    "paien",
    "chretien",
    "collegien",
    "lyceen",
    "informaticien",
    "electricien",
    "praticien",
    "academicien",
    "mathematicien",
    "opticien",
    "statisticien",
    "tacticien",
    "theoricien",
    "batracien",
];

static ADJECTIVES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut set = HashSet::new();
    for a in PLACE_ADJECTIVES {
        let mut forms = vec![a.to_string(), format!("{a}s")];
        if !a.ends_with('e') {
            forms.push(format!("{a}e"));
            forms.push(format!("{a}es"));
        }
        if a.ends_with("ien") {
            forms.push(format!("{a}ne"));
            forms.push(format!("{a}nes"));
        }
        if let Some(stem) = a.strip_suffix('c') {
            forms.push(format!("{stem}que"));
            forms.push(format!("{stem}ques"));
        }
        set.extend(forms);
    }
    set
});

static NOT_ADJ: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut set = HashSet::new();
    for a in NOT_ADJECTIVES {
        for s in ["", "s", "ne", "nes", "e", "es"] {
            set.insert(format!("{a}{s}"));
        }
    }
    set
});

/// Whether a folded lower-case word is a nationality or place adjective
/// (« français », « londonienne », « parisiens »): the list above, or a
/// `-ien(ne)`, `-ais(e)`, `-ois(e)` ending that is not a known common word.
pub(crate) fn is_place_adjective(folded: &str) -> bool {
    if ADJECTIVES.contains(folded) {
        return true;
    }
    if NOT_ADJ.contains(folded) || folded.len() < 6 {
        return false;
    }
    let w = folded.trim_end_matches('s');
    ["ien", "ienne", "ais", "aise", "ois", "oise"]
        .iter()
        .any(|s| w.ends_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `build.rs` compiles `organization.patterns.txt`: it must hold the
    /// phrases the lexicon gives.
    #[test]
    fn patterns_file_is_current() {
        crate::extract::automaton::check_patterns_file(
            "src/extract/organizations/organization.patterns.txt",
            "# The folded organization phrases, one a line, in the order of the\n\
             # lexicon's forms (written by the test `patterns_file_is_current`;\n\
             # build.rs compiles them into an fst).\n",
            &LEXICON.ac.phrases,
        );
    }

    #[test]
    fn lexicon_builds() {
        let lex = &*LEXICON;
        assert!(lex.rows.len() > 600);
        assert_eq!(lex.forms.len(), lex.ac.len());
    }

    #[test]
    fn adjectives() {
        for w in [
            "francais",
            "londonienne",
            "parisienne",
            "americaines",
            "turque",
        ] {
            assert!(is_place_adjective(w), "{w}");
        }
        for w in ["ancien", "quotidienne", "jamais", "moyen"] {
            assert!(!is_place_adjective(w), "{w}");
        }
    }
}

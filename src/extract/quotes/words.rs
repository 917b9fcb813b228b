//! French word lists for quotes: speech verbs (with their inflected forms
//! generated once), the words that introduce a source (« selon »), the nouns
//! that name a speaker without naming them (« le magistrat »), and the cues
//! that make a quoted phrase a title, a nickname or a formal charge.
//!
//! Only data and lookups live here; no matching logic.

use crate::text::normalize::fold_str;
use foldhash::{HashSet, HashSetExt};
use std::sync::LazyLock;

/// Regular `-er` speech verbs, as infinitives; their forms are generated.
const ER_VERBS: &[&str] = &[
    "déclarer",
    "affirmer",
    "indiquer",
    "préciser",
    "ajouter",
    "expliquer",
    "détailler",
    "souligner",
    "estimer",
    "juger",
    "confier",
    "annoncer",
    "assurer",
    "rétorquer",
    "lancer",
    "tweeter",
    "twitter",
    "dénoncer",
    "déplorer",
    "regretter",
    "avouer",
    "insister",
    "marteler",
    "commenter",
    "raconter",
    "témoigner",
    "confirmer",
    "rappeler",
    "noter",
    "observer",
    "conclure",
    "résumer",
    "exclamer",
    "interroger",
    "demander",
    "féliciter",
    "réjouir",
    "inquiéter",
    "indigner",
    "fustiger",
    "condamner",
    "critiquer",
    "qualifier",
    "démentir",
    "prévenir",
    "menacer",
    "plaider",
    "réclamer",
    "exiger",
    "appeler",
    "glisser",
    "souffler",
    "relever",
    "écrier",
    "clamer",
    "proclamer",
    "répéter",
    "signaler",
    "communiquer",
    "révéler",
    "souhaiter",
    "déclamer",
    "protester",
    "insister",
    "analyser",
    "argumenter",
    "justifier",
    "nuancer",
    "poster",
    "publier",
    "réagir",
    "saluer",
    "accuser",
    "assener",
    "asséner",
    "trancher",
    "tempérer",
    "prononcer",
    "exhorter",
    "implorer",
    "avertir",
    "reconnaître",
];

/// Speech verbs whose forms are not generated: irregular verbs and forms.
const OTHER_FORMS: &[&str] = &[
    "dit",
    "dite",
    "dits",
    "dis",
    "disent",
    "disait",
    "disaient",
    "dira",
    "dise",
    "disant",
    "écrit",
    "écrite",
    "écrits",
    "écrivait",
    "écrivent",
    "écrivant",
    "répond",
    "répondu",
    "répondent",
    "répondait",
    "répondant",
    "reconnaît",
    "reconnait",
    "reconnu",
    "reconnue",
    "reconnaissant",
    "reconnaissait",
    "admet",
    "admis",
    "admettant",
    "promet",
    "promis",
    "prévient",
    "prévenu",
    "prévenait",
    "poursuit",
    "poursuivi",
    "poursuivant",
    "conclut",
    "conclu",
    "concluant",
    "décrit",
    "décrite",
    "décrivait",
    "décrivant",
    "soutient",
    "soutenu",
    "soutenait",
    "soutenant",
    "fait",
    "répète",
    "répètent",
    "s'inquiète",
    "inquiète",
    "requis",
    "requiert",
    "dément",
    "démenti",
    "démentait",
    "déplora",
    "déclara",
    "affirma",
    "ajouta",
    "expliqua",
    "précisa",
    "lança",
    "souligna",
    "estima",
    "jugea",
    "confia",
    "annonça",
    "assura",
    "rétorqua",
    "rappela",
    "martèle",
    "martelé",
    "trouvant",
    "écrire",
    "dire",
    "répondre",
    "admettre",
    "promettre",
    "soutenir",
    "décrire",
];

/// Endings added to the stem of an `-er` verb.
const ER_ENDINGS: &[&str] = &[
    "er", "e", "es", "ent", "é", "ée", "és", "ées", "ait", "aient", "a", "ant", "era", "ons", "ez",
    "èrent", "erait",
];

/// The stems of the `-er` speech verbs (« déclar »), and the other forms
/// (infinitives not in `-er`, irregular forms, `fait` of « a fait
/// savoir »), folded. A form of an `-er` verb is a stem and an ending:
/// checking that costs less than generating every form at start-up.
static SPEECH_WORDS: LazyLock<(HashSet<&'static str>, HashSet<String>)> = LazyLock::new(|| {
    let mut stems = HashSet::new();
    let mut others: HashSet<String> = ["reconnaît", "reconnait"]
        .map(String::from)
        .into_iter()
        .collect();
    for inf in ER_VERBS {
        match inf.strip_suffix("er") {
            Some(stem) => {
                stems.insert(stem);
            }
            None => {
                others.insert(fold_str(inf));
            }
        }
    }
    others.extend(OTHER_FORMS.iter().map(|f| fold_str(f)));
    (stems, others)
});

/// Whether a lower-case word is a form of a speech verb. Inverted forms
/// (« précise-t-il », « a-t-elle ») are handled by the caller.
pub fn is_speech_verb(word: &str) -> bool {
    let (stems, others) = &*SPEECH_WORDS;
    let Some(&last) = word.as_bytes().last() else {
        return false;
    };
    others.contains(word)
        || ER_ENDINGS.iter().any(|end| {
            // Most endings are turned away by their last byte, without a
            // string comparison (this runs for every word near a quote).
            end.as_bytes().last() == Some(&last)
                && word
                    .strip_suffix(end)
                    .is_some_and(|stem| stems.contains(stem))
        })
}

/// Auxiliaries and adverbs that may stand between a closing quote and its
/// speech verb (« », a ensuite précisé X »).
pub const VERB_GROUP: &[&str] = &[
    "a",
    "ont",
    "avait",
    "avaient",
    "aura",
    "est",
    "sont",
    "s'est",
    "se",
    "s'",
    "lui",
    "leur",
    "ensuite",
    "encore",
    "alors",
    "aussi",
    "également",
    "enfin",
    "pourtant",
    "cependant",
    "quant",
    "ainsi",
    "bien",
    "déjà",
    "notamment",
    "pour",
    "sa",
    "son",
    "part",
    "t-il",
    "t-elle",
    "il",
    "elle",
    "on",
    "a-t-il",
    "a-t-elle",
    "a-t-on",
    "avait-il",
    "avait-elle",
    "fait",
    "savoir",
    "valoir",
    "tenu",
    "à",
    "plus",
    "tard",
    "dit",
    "y",
];

/// Words that introduce the source of what follows (« selon X, « … » »).
pub const SOURCE_WORDS: &[&str] = &["selon", "après"];

/// Nouns naming a person by function; the speaker is the person of the
/// record whose role holds the noun.
pub const PERSON_NOUNS: &[&str] = &[
    "procureur",
    "procureure",
    "magistrat",
    "magistrate",
    "juge",
    "ministre",
    "avocat",
    "avocate",
    "président",
    "présidente",
    "préfet",
    "préfète",
    "maire",
    "député",
    "députée",
    "sénateur",
    "sénatrice",
    "directeur",
    "directrice",
    "secrétaire",
    "commissaire",
    "chef",
    "patron",
    "patronne",
    "dirigeant",
    "dirigeante",
    "responsable",
    "enquêteur",
    "général",
    "colonel",
    "capitaine",
    "commandant",
    "premier",
    "première",
];

/// Nouns naming a body; the speaker is the organization of the record
/// whose name or mentions hold the noun. Members (« la porte-parole de la
/// fédération ») speak for their body.
pub const BODY_NOUNS: &[&str] = &[
    "ministère",
    "parquet",
    "fédération",
    "gendarmerie",
    "police",
    "préfecture",
    "syndicat",
    "entreprise",
    "groupe",
    "chaîne",
    "association",
    "gouvernement",
    "tribunal",
    "cour",
    "mairie",
    "société",
    "parti",
    "journal",
    "quotidien",
    "agence",
    "fondation",
    "banque",
    "hôpital",
    "ambassade",
    "communauté",
    "club",
];

/// Nouns for an unnamed member of a body (« la porte-parole de … »).
pub const MEMBER_NOUNS: &[&str] = &[
    "porte-parole",
    "représentant",
    "représentante",
    "membre",
    "communiqué",
    "services",
    "service",
];

/// Words shortly before a quotation mark that make the quoted phrase a
/// charge, a title or a nickname rather than speech.
pub const NOT_SPEECH_CUES: &[&str] = &[
    "chef",
    "chefs",
    "accusation",
    "accusations",
    "qualification",
    "qualifications",
    "intitulé",
    "intitulée",
    "intitulés",
    "intitulées",
    "baptisé",
    "baptisée",
    "baptisés",
    "baptisées",
    "surnommé",
    "surnommée",
    "surnommés",
    "surnommées",
    "surnom",
    "alias",
    "dénommé",
    "dénommée",
    "livre",
    "ouvrage",
    "film",
    "roman",
    "émission",
    "opération",
    "chanson",
    "album",
    "série",
    "spectacle",
    "documentaire",
    "slogan",
    "titre",
    "titré",
    "titrée",
    "rubrique",
    "hashtag",
    "mot-dièse",
];

/// Words standing before a subject pronoun or a mention that make it not
/// the subject of the clause (« avec Sollacaro », « d'Yvan Colonna »).
pub const PREPOSITIONS: &[&str] = &[
    "de", "d'", "du", "des", "à", "au", "aux", "avec", "par", "pour", "contre", "chez", "sur",
    "entre", "envers", "vers", "sans", "l'",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verb_forms() {
        for w in [
            "déclaré",
            "a",
            "précise",
            "ajoutant",
            "déplora",
            "dit",
            "répondu",
            "reconnaît",
        ] {
            if w == "a" {
                assert!(!is_speech_verb(w));
            } else {
                assert!(is_speech_verb(&fold_str(w)), "{w}");
            }
        }
        assert!(!is_speech_verb("maison"));
    }
}

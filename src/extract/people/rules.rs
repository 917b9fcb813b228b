//! Word lists for person names: the given names of `given_names.tsv`
//! (looked up case-sensitively, as the data asks), honorifics, name
//! particles, initials, and capitalised words that are never names (months,
//! days, sentence words).
//!
//! It holds no surnames: a surname is whatever capitalised word follows a
//! given name, an honorific, initials or a role.

use crate::lexicon::given;

/// Whether `w` is a given name, `true` for the `ambiguous` class
/// (« Marine », « Paris »).
fn given(w: &str) -> Option<bool> {
    given::class(w).map(|class| class == 3)
}

/// Whether `w` is a given name that is not also a common word or place.
pub(crate) fn is_given_name(w: &str) -> bool {
    given(w) == Some(false)
}

/// Whether `w` is a given name of the `ambiguous` class.
pub(crate) fn is_ambiguous_given_name(w: &str) -> bool {
    given(w) == Some(true)
}

/// Titles written before a name (« M. Sennès », « Me Dupond »).
pub(crate) fn is_honorific(w: &str) -> bool {
    matches!(
        w,
        "M." | "MM."
            | "Mme"
            | "Mme."
            | "Mmes"
            | "Mlle"
            | "Me"
            | "Me."
            | "Maître"
            | "Dr"
            | "Dr."
            | "Pr"
            | "Pr."
            | "Mgr"
            | "Mgr."
    )
}

/// Lower-case particles inside a name (« Dominique de Villepin »).
pub(crate) fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "d'"
            | "du"
            | "van"
            | "von"
            | "der"
            | "da"
            | "di"
            | "del"
            | "della"
            | "dos"
            | "ben"
            | "bin"
            | "el"
            | "al"
    )
}

/// Initials standing for given names: « J. », « J.-L. », « J-M ».
pub(crate) fn is_initials(w: &str) -> bool {
    // Most words start in lower case or hold neither mark: turn them away
    // before looking at their chars.
    if w.as_bytes()
        .first()
        .is_none_or(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        || !w.bytes().any(|b| b == b'.' || b == b'-')
    {
        return false;
    }
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (1..=3).contains(&letters)
        && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '-')
        && (w.contains('.') || w.contains('-'))
        && !w.contains("..")
}

/// Capitalised words that are never part of a name.
pub(crate) fn never_name(w: &str) -> bool {
    matches!(
        w,
        "Janvier"
            | "Février"
            | "Mars"
            | "Avril"
            | "Mai"
            | "Juin"
            | "Juillet"
            | "Août"
            | "Septembre"
            | "Octobre"
            | "Novembre"
            | "Décembre"
            | "Lundi"
            | "Mardi"
            | "Mercredi"
            | "Jeudi"
            | "Vendredi"
            | "Samedi"
            | "Dimanche"
            | "Le"
            | "La"
            | "Les"
            | "Un"
            | "Une"
            | "Et"
            | "Ou"
            | "Mais"
            | "Selon"
            | "Pour"
            | "Par"
            | "Dans"
            | "Sur"
            | "Avec"
            | "En"
            | "Au"
            | "Aux"
            | "Du"
            | "Des"
            | "De"
            | "Ce"
            | "Cette"
            | "Il"
            | "Elle"
            | "Ils"
            | "Elles"
            | "On"
            | "Nous"
            | "Vous"
            | "Je"
            | "Président"
            | "Présidente"
            | "Premier"
            | "Première"
            | "Ministre"
            | "Monsieur"
            | "Madame"
            | "Coco"
            | "Etat"
            | "État"
            | "République"
            | "France"
            | "Paris"
            | "Justice"
            | "Police"
            | "Gendarmerie"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_initials() {
        assert!(is_given_name("Gérald"));
        assert!(!is_given_name("Marine"));
        assert!(is_ambiguous_given_name("Marine"));
        assert!(is_initials("J.-L."));
        assert!(is_initials("J-M"));
        assert!(is_initials("J."));
        assert!(!is_initials("AFP"));
        assert!(!is_initials("M"));
    }
}

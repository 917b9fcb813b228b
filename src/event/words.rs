//! Event nouns for news that is not a legal step: the few kinds of the
//! action vocabulary a headline names with a noun or an adjective
//! (« Neuf morts », « Assassinat de … », « agression »). Legal and police
//! steps are not listed here: they come from the actions extractor.

use crate::record::ActionType;

/// Lower-case words and the event type they name.
pub const EVENT_WORDS: &[(&str, ActionType)] = &[
    ("mort", ActionType::Death),
    ("morts", ActionType::Death),
    ("mortes", ActionType::Death),
    ("décès", ActionType::Death),
    ("assassinat", ActionType::Death),
    ("assassiné", ActionType::Death),
    ("assassinée", ActionType::Death),
    ("meurtre", ActionType::Death),
    ("tué", ActionType::Death),
    ("tuée", ActionType::Death),
    ("tués", ActionType::Death),
    ("tuées", ActionType::Death),
    ("agression", ActionType::Attack),
    ("agressé", ActionType::Attack),
    ("agressée", ActionType::Attack),
    ("attaque", ActionType::Attack),
    ("attaqué", ActionType::Attack),
    ("attaquée", ActionType::Attack),
    ("attentat", ActionType::Attack),
    ("fusillade", ActionType::Attack),
    ("poignardé", ActionType::Attack),
    ("poignardée", ActionType::Attack),
];

/// Words after which a date says when the news was learnt, not when the
/// event happened (« a-t-on appris vendredi »).
pub const REPORTING_WORDS: &[&str] = &[
    "appris",
    "annoncé",
    "annonce",
    "indique",
    "indiqué",
    "précisé",
    "rapporte",
    "rapporté",
    "publié",
];

/// Auxiliaries of the pluperfect: a sentence in that tense tells the
/// background of the news, so its dates are not the event's.
pub const PLUPERFECT: &[&str] = &["avait", "avaient"];

/// Words that end the `what` phrase after the trigger (« Fermeture du site
/// Coco après 20 ans… » → « Fermeture du site Coco »).
pub const WHAT_BREAKS: &[&str] = &[
    "après", "pour", "alors", "avant", "malgré", "depuis", "car", "mais", "selon",
];

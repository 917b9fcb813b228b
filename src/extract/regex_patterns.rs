//! The regex patterns `build.rs` compiles into DFAs (see
//! [`crate::extract::embedded`]), alone in this file because `build.rs`
//! includes it. Each is searched through an [`Staged`] regex, whose
//! embedded DFAs and compiled regex find the same matches.
//!
//! [`Staged`]: crate::extract::embedded::Staged

/// Past-tense cues: compound past with its participle, imperfect.
pub const PAST: &str = r"(?i)(?:^|[^\p{L}])(?:(?:a|ont|avait|avaient|avons|avez|ai|a-t-il|a-t-elle|a-t-on|ont-ils|ont-elles|est|sont|était|étaient|fut|furent|été|s'est|se\s+sont)\s+(?:(?:été|pas|déjà|également|aussi|ainsi|notamment|finalement|alors|enfin|bien|encore|toujours|jamais|rien|plus|ensuite|tout|d'abord|vite|[a-zé]+ment)\s+)*[a-zàâçéèêëîïôûù-]+(?:é|ée|és|ées|i|is|ie|ies|it|u|ue|us|ues|ert|erte|ort|orte|aint|ainte|ait)(?:[^\p{L}]|$)|[a-zàâçéèêëîïôûù]{3,}(?:ait|aient)(?:[^\p{L}]|$)|(?:hier|dernier|dernière|passé)(?:[^\p{L}]|$))";

/// Future-tense cues: simple future, near future, announcements.
pub const FUTURE: &str = r"(?i)(?:^|[^\p{L}])(?:va|vont|devra|devront|doit|doivent|devrait|devraient|sera|seront|aura|auront|fera|feront|ira|iront|pourra|pourront|prévoit|prévoient|prévu|prévue|prévus|prévues|prochain|prochaine|prochains|prochaines|demain|[a-zàâçéèêëîïôûù]{2,}(?:era|eront|ira|iront|dra|dront)|(?:se\s+)?tiendra)(?:[^\p{L}]|$)";

/// A past participle right before a date (« annoncées en mai », « arrêté
/// mardi »), at the end of the text before it; the participle is the
/// match's first run of letters.
pub const PARTICIPLE_BEFORE: &str = r"(?i)(?:^|[^\p{L}])[a-zàâçéèêëîïôûù]{3,}(?:é|ée|és|ées)\s+(?:(?:en|le|la|l'|ce|cet|cette|dès|depuis|début|fin|mi-|au\s+début\s+de|à\s+la\s+fin\s+de)\s*)?$";

/// A digit number: grouped thousands (space or dot) or plain digits, with
/// an optional decimal part after a comma.
pub const NUMBER: &str = r"\d{1,3}(?:(?: \d{3})+|(?:\.\d{3})+)(?:,\d+)?|\d+(?:,\d+)?|,\d+";

/// French phone numbers: « 01 23 45 67 89 », « +33 6 12 34 56 78 »,
/// « 0800.12.34.56 » (word boundaries are checked by the caller).
pub const PHONE: &str = r"(?:\+33 ?(?:\(0\) ?)?|0)[1-9](?:[ .-]?\d{2}){4}";

/// A Roman numeral with an ordinal suffix (« IIIe », « Ve », « XXIe »,
/// « Ier »): the numeral is the match's leading capitals (word boundaries
/// are checked by the caller).
pub const ROMAN: &str = r"[IVXLC]{1,7}(?:ère|ème|eme|er|re|e)";

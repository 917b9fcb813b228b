//! The tense cue patterns of the parent module, alone in this file because
//! `build.rs` includes it to compile them into DFAs (see
//! [`crate::extract::embedded`]).

/// Past-tense cues: compound past with its participle, imperfect.
pub const PAST: &str = r"(?i)(?:^|[^\p{L}])(?:(?:a|ont|avait|avaient|avons|avez|ai|a-t-il|a-t-elle|a-t-on|ont-ils|ont-elles|est|sont|était|étaient|fut|furent|été|s'est|se\s+sont)\s+(?:(?:été|pas|déjà|également|aussi|ainsi|notamment|finalement|alors|enfin|bien|encore|toujours|jamais|rien|plus|ensuite|tout|d'abord|vite|[a-zé]+ment)\s+)*[a-zàâçéèêëîïôûù-]+(?:é|ée|és|ées|i|is|ie|ies|it|u|ue|us|ues|ert|erte|ort|orte|aint|ainte|ait)(?:[^\p{L}]|$)|[a-zàâçéèêëîïôûù]{3,}(?:ait|aient)(?:[^\p{L}]|$)|(?:hier|dernier|dernière|passé)(?:[^\p{L}]|$))";

/// Future-tense cues: simple future, near future, announcements.
pub const FUTURE: &str = r"(?i)(?:^|[^\p{L}])(?:va|vont|devra|devront|doit|doivent|devrait|devraient|sera|seront|aura|auront|fera|feront|ira|iront|pourra|pourront|prévoit|prévoient|prévu|prévue|prévus|prévues|prochain|prochaine|prochains|prochaines|demain|[a-zàâçéèêëîïôûù]{2,}(?:era|eront|ira|iront|dra|dront)|(?:se\s+)?tiendra)(?:[^\p{L}]|$)";

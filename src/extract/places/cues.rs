//! French word lists the place rules read: the words that announce a place
//! and the words that announce a person. Lists only; the logic is in
//! [`super::rules`].

/// A word right before a name that makes it a place (« à Paris », « en
/// Corse », « au Maroc », « jusqu'à Lyon »).
pub const STRONG_PREPOSITIONS: &[&str] = &["à", "À", "en", "En", "au", "Au", "aux", "Aux"];

/// Words after « dans » that introduce a département, région or country
/// (« dans le Var », « dans l'Ain », « dans les Landes »).
pub const DANS_ARTICLES: &[&str] = &["le", "la", "les", "l'"];

/// Words right before a name that make a place likely (« de », « depuis »…).
pub const WEAK_PREPOSITIONS: &[&str] = &[
    "de", "d'", "du", "des", "depuis", "vers", "entre", "sur", "pour", "par", "via", "et", "ou",
    "De", "Depuis", "Entre", "Vers",
];

/// Connectors between a head noun and a name (« parquet de Paris »).
pub const CONNECTORS: &[&str] = &["de", "d'", "du", "des", "la", "l'", "les"];

/// Head nouns that make the name after « de » a place: administrative units,
/// institutions named after their seat (« parquet de Paris », « tribunal
/// judiciaire de Marseille », « procureur de la République de Tours »), and
/// spatial nouns (« banlieue de Lyon », « au nord de Paris »).
pub const PLACE_HEADS: &[&str] = &[
    // administrative units and people of a place
    "commune",
    "communes",
    "ville",
    "villes",
    "village",
    "villages",
    "bourg",
    "cité",
    "capitale",
    "agglomération",
    "métropole",
    "municipalité",
    "région",
    "département",
    "canton",
    "arrondissement",
    "province",
    "préfecture",
    "sous-préfecture",
    "académie",
    "diocèse",
    "maire",
    "mairie",
    "adjoint",
    "préfet",
    "préfète",
    "sous-préfet",
    "député",
    "députée",
    "sénateur",
    "sénatrice",
    "élu",
    "élus",
    "habitant",
    "habitants",
    "habitante",
    "originaire",
    "natif",
    "native",
    "évêque",
    "archevêque",
    "bâtonnier",
    "barreau",
    "conseil",
    // justice, police and public bodies named after their seat
    "parquet",
    "tribunal",
    "cour",
    "assises",
    "procureur",
    "procureure",
    "République",
    "juge",
    "juges",
    "gendarmerie",
    "gendarmes",
    "commissariat",
    "police",
    "policiers",
    "pompiers",
    "prison",
    "maison",
    "centre",
    "hôpital",
    "CHU",
    "clinique",
    "université",
    "lycée",
    "collège",
    "école",
    "ambassade",
    "consulat",
    "aéroport",
    "gare",
    "port",
    "stade",
    "cathédrale",
    "église",
    "mosquée",
    "synagogue",
    "quartier",
    "quartiers",
    "rues",
    "rue",
    "centre-ville",
    "environs",
    "alentours",
    "périphérie",
    "banlieue",
    "proximité",
    "près",
    "sud",
    "nord",
    "est",
    "ouest",
    "sud-est",
    "sud-ouest",
    "nord-est",
    "nord-ouest",
    "région",
    "km",
    "kilomètres",
    "route",
    "direction",
    "autoroute",
    "départ",
    "arrivée",
    "large",
    "secteur",
    "zone",
    "bassin",
    "pays",
    "royaume",
    "état",
    "gouvernement",
    "président",
    "présidente",
    "ministre",
    "roi",
    "reine",
    "équipe",
    "club",
    "festival",
    "foire",
    "marché",
];

/// Heads announcing a département reading (« département de Paris »).
pub const DEPARTMENT_HEADS: &[&str] = &["département", "préfecture"];

/// Abbreviated titles before a person's name (« M. Bonnet », « Me Sollacaro »).
pub const PERSON_TITLES: &[&str] = &[
    "M.", "MM.", "Mme", "Mme.", "Mmes", "Mlle", "Me", "Me.", "Dr", "Dr.", "Pr", "Pr.", "Mgr",
    "Mgr.",
];

/// Title-case words that may stand right before a place name without making
/// it a surname (« Grand Est » aside, these open a sentence or a heading).
pub const NOT_FIRST_NAMES: &[&str] = &[
    "À",
    "Au",
    "Aux",
    "En",
    "Dans",
    "De",
    "Du",
    "Des",
    "Depuis",
    "Vers",
    "Entre",
    "Pour",
    "Sur",
    "Le",
    "La",
    "Les",
    "L'",
    "Et",
    "Ou",
    "Mais",
    "Selon",
    "Près",
    "Hier",
    "Aujourd'hui",
    "Lundi",
    "Mardi",
    "Mercredi",
    "Jeudi",
    "Vendredi",
    "Samedi",
    "Dimanche",
    "Nord",
    "Sud",
    "Est",
    "Ouest",
    "Grand",
    "Grande",
    "Nouvelle",
    "Nouveau",
    "Haute",
    "Haut",
    "Basse",
    "Bas",
];

/// Names of départements or régions that are also common nouns or
/// directions (« vers le Nord », « la Manche »): places only with a cue.
pub const AMBIGUOUS_AREAS: &[&str] = &["Nord", "Centre", "Manche", "Somme", "Orne", "Cher", "Lot"];

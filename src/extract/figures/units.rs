//! The units a number can carry, as data: currencies (ISO 4217), percent
//! signs and measure units (SI-style symbols), each with the forms a French
//! text writes them in.
//!
//! Matching is on the lower-cased normalized text right after the number;
//! the longest form wins and must end on a word boundary. Counted nouns
//! (« 70 parquets ») are not here: `nouns.rs` reads them from the text.

use crate::record::FigureKind;
use std::sync::LazyLock;

/// One unit and the ways it is written.
#[derive(Debug)]
pub struct Unit {
    /// What the number measures.
    pub kind: FigureKind,
    /// The unit in the record: ISO 4217 code, `%` or a symbol.
    pub code: &'static str,
    /// Lower-case written forms (normalized: `'` for apostrophes).
    pub forms: &'static [&'static str],
    /// Whether the form may also come before the number (`$10`, `EUR 20`).
    pub prefix: bool,
}

const fn money(code: &'static str, forms: &'static [&'static str], prefix: bool) -> Unit {
    Unit {
        kind: FigureKind::Money,
        code,
        forms,
        prefix,
    }
}

const fn measure(code: &'static str, forms: &'static [&'static str]) -> Unit {
    Unit {
        kind: FigureKind::Measure,
        code,
        forms,
        prefix: false,
    }
}

/// Every unit, currencies first.
pub static UNITS: &[Unit] = &[
    // « pouloutes » is slang for money, never anything else.
    money(
        "EUR",
        &["€", "euros", "euro", "eur", "pouloutes", "pouloute"],
        true,
    ),
    money(
        "USD",
        &[
            "$",
            "dollars américains",
            "dollars us",
            "dollars",
            "dollar",
            "usd",
            "us$",
            "$ usd",
            "$usd",
            "$ us",
        ],
        true,
    ),
    money(
        "CAD",
        &[
            "dollars canadiens",
            "dollar canadien",
            "cad",
            "$cad",
            "$ cad",
            "$ca",
            "ca$",
            "$can",
            "$ c",
        ],
        true,
    ),
    money(
        "HKD",
        &[
            "dollars de hong kong",
            "dollars hongkongais",
            "hkd",
            "$hk",
            "$ hk",
            "hk$",
        ],
        true,
    ),
    money("AUD", &["dollars australiens", "aud"], true),
    money("CHF", &["francs suisses", "franc suisse", "chf"], true),
    money("XOF", &["francs cfa", "fcfa", "xof"], true),
    money(
        "GBP",
        &[
            "£",
            "livres sterling",
            "livre sterling",
            // A bare « livres » after a number is the currency far more often
            // than the old weight (« 500 millions de livres »).
            "livres",
            "pounds",
            "pound",
            "gbp",
        ],
        true,
    ),
    money(
        "EGP",
        &["livres égyptiennes", "livre égyptienne", "egp"],
        true,
    ),
    money(
        "LBP",
        &["livres libanaises", "livre libanaise", "lbp"],
        true,
    ),
    money("TRY", &["livres turques", "livre turque"], false),
    money("NZD", &["dollars néo-zélandais", "nzd"], true),
    money("SGD", &["dollars singapouriens", "sgd"], true),
    money("SEK", &["couronnes suédoises", "sek"], false),
    money("NOK", &["couronnes norvégiennes", "nok"], false),
    money("DKK", &["couronnes danoises", "dkk"], false),
    money("CZK", &["couronnes tchèques", "czk"], false),
    money("MXN", &["pesos mexicains", "mxn"], false),
    money("ARS", &["pesos argentins", "ars"], false),
    money("ZAR", &["rands", "rand", "zar"], false),
    money("KRW", &["wons", "won", "krw"], false),
    money("PLN", &["zlotys", "zloty", "złotys", "pln"], false),
    money("HUF", &["forints", "forint", "huf"], false),
    money("UAH", &["hryvnias", "hryvnia", "uah"], false),
    money("NGN", &["nairas", "naira", "ngn"], false),
    money("THB", &["bahts", "baht", "thb"], false),
    money("DEM", &["deutsche marks", "deutschemarks", "marks"], false),
    money("ESP", &["pesetas", "peseta"], false),
    money("ITL", &["lires"], false),
    money(
        "NLG",
        &["florins néerlandais", "florins hollandais", "florins"],
        false,
    ),
    // Subunits: pence sterling have the market code GBX; cents and
    // centimes of an unnamed currency keep the plain name.
    money("GBX", &["pence", "pennies", "penny"], false),
    money("cent", &["centimes", "centime", "cents"], false),
    money("BEF", &["francs belges", "franc belge"], false),
    money("JPY", &["yens", "yen", "jpy", "¥"], true),
    money("CNY", &["yuans", "yuan", "cny"], true),
    money("RUB", &["roubles", "rouble", "rub"], true),
    money("ILS", &["shekels", "shekel", "ils"], false),
    money("INR", &["roupies", "roupie", "inr"], true),
    money("BRL", &["reais", "réaux", "brl"], true),
    money("MAD", &["dirhams", "dirham", "mad"], false),
    money("DZD", &["dinars algériens", "dzd"], false),
    money("TND", &["dinars tunisiens", "tnd"], false),
    money("FRF", &["francs", "franc"], false),
    money("XBT", &["bitcoins", "bitcoin", "btc"], false),
    money("RIAL", &["rials", "rial", "riyals", "riyal"], false),
    Unit {
        kind: FigureKind::Percent,
        code: "%",
        forms: &[
            "%",
            "pour cent",
            "pourcent",
            "pour-cent",
            "p. cent",
            "pourcents",
            "pourcentage",
            "pourcentages",
        ],
        prefix: false,
    },
    measure(
        "km/h",
        &[
            "km/h",
            "kilomètres heure",
            "kilomètres-heure",
            "km-heure",
            "kilomètres par heure",
            "kmh",
        ],
    ),
    measure("km²", &["km²", "km2", "kilomètres carrés"]),
    measure("m²", &["m²", "m2", "mètres carrés"]),
    measure("m³", &["m³", "m3", "mètres cubes"]),
    measure(
        "km",
        &["km", "kilomètres", "kilomètre", "kilometres", "kilometre"],
    ),
    measure(
        "cm",
        &[
            "cm",
            "centimètres",
            "centimètre",
            "centimetres",
            "centimetre",
        ],
    ),
    measure(
        "mm",
        &[
            "mm",
            "millimètres",
            "millimètre",
            "millimetres",
            "millimetre",
        ],
    ),
    measure(
        "mph",
        &[
            "miles à l'heure",
            "miles a l'heure",
            "miles par heure",
            "miles/h",
            "mph",
        ],
    ),
    measure("kn", &["nœuds", "noeuds", "nœud", "noeud"]),
    measure("mi", &["miles", "mile", "mi"]),
    measure("ft³", &["pieds cubes", "pieds cube", "pied cube"]),
    measure("ft", &["pieds", "pied", "ft"]),
    measure("in", &["pouces", "pouce"]),
    measure("dm", &["dm", "décimètres", "décimètre", "decimetres"]),
    measure(
        "hm",
        &[
            "hm",
            "hectomètres",
            "hectomètre",
            "hectometres",
            "hectometre",
        ],
    ),
    measure("ac", &["acres", "acre"]),
    measure("bbl", &["barils", "baril"]),
    measure("oz", &["onces", "once", "oz"]),
    measure("µg", &["µg", "ug", "microgrammes", "microgramme"]),
    measure("TB", &["to", "téraoctets", "téraoctet"]),
    measure("GB", &["go", "gigaoctets", "gigaoctet"]),
    measure("MB", &["mo", "mégaoctets", "mégaoctet"]),
    measure("kB", &["ko", "kilooctets", "kilooctet"]),
    measure("B", &["octets", "octet"]),
    measure("bit", &["bits", "bit"]),
    measure("m", &["m", "mètres", "mètre", "metres", "metre"]),
    measure("kg", &["kg", "kilogrammes", "kilogramme", "kilos", "kilo"]),
    measure("mg", &["mg", "milligrammes", "milligramme"]),
    measure("g", &["g", "grammes", "gramme"]),
    measure(
        "t",
        &["tonnes métriques", "tonne métrique", "tonnes", "tonne", "t"],
    ),
    measure("lb", &["lbs", "lb"]),
    measure("ha", &["hectares", "hectare", "ha"]),
    measure("ml", &["ml", "millilitres", "millilitre"]),
    measure("cl", &["cl", "centilitres", "centilitre"]),
    measure("hl", &["hl", "hectolitres", "hectolitre"]),
    measure("l", &["litres", "litre", "l"]),
    measure("gal", &["gallons", "gallon", "gal"]),
    measure(
        "°C",
        &[
            "°c",
            "° celsius",
            "°celsius",
            "degrés celsius",
            "degres celsius",
            "degré celsius",
            "degre celsius",
            "degrés c",
            "degres c",
            "degré c",
            "degre c",
            "degrès c",
            "deg celsius",
            "deg c",
            "degrés centigrades",
            "degrés centigrade",
            "deg centigrade",
            "centigrades",
            "centigrade",
            "celsius",
        ],
    ),
    measure(
        "°F",
        &[
            "°f",
            "° fahrenheit",
            "°fahrenheit",
            "degrés fahrenheit",
            "degres fahrenheit",
            "degré fahrenheit",
            "degrés f",
            "degres f",
            "degré f",
            "degrès f",
            "deg fahrenheit",
            "deg f",
            "fahrenheit",
        ],
    ),
    measure(
        "°",
        &["°", "degrés", "degres", "degré", "degre", "degrès", "deg."],
    ),
    measure("K", &["kelvins", "kelvin"]),
    measure("MW", &["mw", "mégawatts", "mégawatt"]),
    measure("kWh", &["kwh"]),
    measure("cup", &["tasses", "tasse"]),
    measure(
        "tablespoon",
        &["cuillères à soupe", "cuillère à soupe", "cuilleres a soupe"],
    ),
    measure("teaspoon", &["cuillères à café", "cuillère à café"]),
];

/// Forms that may be glued to the number (`3km`, `20€`); the others need a space or not.
fn is_symbolic(form: &str) -> bool {
    !form.chars().next().is_some_and(|c| c.is_alphabetic()) || form.len() <= 4
}

/// The unit written at the start of `rest` (lower-cased text right after a
/// number), after optional spaces: its unit and the byte length consumed.
/// `spaced` says the text already left the number (after « d' »).
/// Every (form, unit) pair, bucketed by the form's first byte, longest first.
static BY_FIRST_BYTE: LazyLock<Vec<Vec<(&'static str, &'static Unit)>>> = LazyLock::new(|| {
    let mut buckets: Vec<Vec<(&'static str, &'static Unit)>> = vec![Vec::new(); 256];
    for unit in UNITS {
        for form in unit.forms {
            if let Some(&b) = form.as_bytes().first() {
                buckets[usize::from(b)].push((form, unit));
            }
        }
    }
    for b in &mut buckets {
        b.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    }
    buckets
});

pub fn after(rest: &str, spaced: bool) -> Option<(&'static Unit, usize)> {
    let mut trimmed = rest.trim_start_matches(' ');
    // « demi-litre »
    if let Some(r) = trimmed
        .strip_prefix('-')
        .filter(|r| r.starts_with(char::is_alphabetic))
    {
        trimmed = r;
    }
    let skipped = rest.len() - trimmed.len();
    let first = usize::from(*trimmed.as_bytes().first()?);
    for &(form, unit) in &BY_FIRST_BYTE[first] {
        let Some(tail) = trimmed.strip_prefix(form) else {
            continue;
        };
        // « 3 t-shirts », « les 2 mi-temps »: a hyphen joins the letters to a word.
        let joined = tail
            .strip_prefix('-')
            .is_some_and(|r| r.starts_with(char::is_alphabetic));
        if !boundary(tail) || joined {
            continue;
        }
        if skipped == 0 && !spaced && !is_symbolic(form) {
            continue;
        }
        return Some((unit, skipped + form.len()));
    }
    None
}

/// The forms a currency may take before a number, in table order: its
/// symbols and three-letter codes (« $ », « eur »), not its names; in
/// buckets by last byte, as only a form ending like the text can match.
static PREFIX_FORMS: LazyLock<Vec<Vec<(&'static str, &'static Unit)>>> = LazyLock::new(|| {
    let mut buckets: Vec<Vec<(&'static str, &'static Unit)>> = vec![Vec::new(); 256];
    let forms = UNITS
        .iter()
        .filter(|u| u.prefix)
        .flat_map(|u| u.forms.iter().map(move |&f| (f, u)))
        .filter(|(f, _)| !f.chars().next().is_some_and(char::is_alphabetic) || f.len() == 3);
    for (form, unit) in forms {
        if let Some(&b) = form.as_bytes().last() {
            buckets[usize::from(b)].push((form, unit));
        }
    }
    buckets
});

/// A currency written right before a number (`$10`, `EUR 20`, `£9`):
/// `before` is the lower-cased text that ends where the number starts.
pub fn money_before(before: &str) -> Option<(&'static Unit, usize)> {
    let trimmed = before.trim_end_matches(' ');
    let skipped = before.len() - trimmed.len();
    let last = usize::from(*trimmed.as_bytes().last()?);
    for &(form, unit) in &PREFIX_FORMS[last] {
        let Some(head) = trimmed.strip_suffix(form) else {
            continue;
        };
        if head
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric())
        {
            continue;
        }
        return Some((unit, skipped + form.len()));
    }
    None
}

/// Whether nothing word-like follows.
pub fn boundary(rest: &str) -> bool {
    !rest
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '\'')
}

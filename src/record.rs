//! The output record (SPEC "The record"): serde and JSON Schema types.
//!
//! Field order in these structs *is* the key order of the output, so keep it
//! as SPEC lists it. Every span's `start`/`end` counts chars of the decoded
//! input, end exclusive. `depeche schema` prints the schema derived from these
//! types, so the schema cannot drift from the output.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize, Serializer};

/// The value of the record's `schema` key.
pub const SCHEMA_VERSION: &str = "depeche/1";

/// One article's event record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Always `depeche/1`.
    pub schema: String,
    /// The article's id: its path, the JSONL `id`, or `-` for stdin.
    pub id: RecordId,
    /// The headline (first line), when the text has one.
    pub title: Option<String>,
    /// Publication date `YYYY-MM-DD` used to resolve relative dates.
    pub published: Option<String>,
    /// Language of the text (`fr`, or the best guess with a warning).
    pub lang: String,
    /// The article's main event.
    pub event: Option<Event>,
    /// Temporal expressions.
    pub dates: Vec<DateFact>,
    /// Counts, money, percentages, ordinals, ages and measures.
    pub figures: Vec<Figure>,
    /// Named persons.
    pub people: Vec<Person>,
    /// Named organizations and institutions.
    pub organizations: Vec<Organization>,
    /// Named places resolved against the gazetteer.
    pub places: Vec<Place>,
    /// Offences named in the text.
    pub charges: Vec<Charge>,
    /// Legal and police steps reported.
    pub actions: Vec<Action>,
    /// Quoted speech.
    pub quotes: Vec<Quote>,
    /// What the tool had to assume or could not do for this article.
    pub warnings: Vec<String>,
}

/// A record id: a string, or the number a JSONL line gave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum RecordId {
    /// A path, a JSONL string id, or `-`.
    Text(String),
    /// A JSONL numeric id, kept as written.
    Number(serde_json::Number),
}

/// A piece of the input text.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub struct Span {
    /// The text exactly as in the input.
    pub text: String,
    /// First char, counted in Unicode scalar values from 0.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
}

/// The article's main event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Event {
    /// What kind of event, in the action vocabulary.
    #[serde(rename = "type")]
    pub kind: ActionType,
    /// The word or phrase that names it.
    pub trigger: Span,
    /// A short phrase from the text saying what happened.
    pub what: String,
    /// TIMEX3 date of the event.
    pub date: Option<String>,
    /// Names of the places where it happened.
    pub places: Vec<String>,
    /// Names of the people and organizations acting.
    pub who: Vec<String>,
    /// The facts of the record this event uses (see [`Links`]).
    #[serde(default)]
    pub links: Links,
}

/// Where an action or the event points into the record: indexes (from 0)
/// into the record's own `people`, `organizations`, `places` and `dates`
/// lists, as output (sorted), so a consumer can build a timeline without
/// re-reading the text: `record.dates[links.dates[0]].value`.
///
/// An action links the facts of its sentence plus the place and date it
/// names; the event links the facts of the headline and lede it was chosen
/// from. Indexes rather than names, because dates have no name and two
/// dates may share a value; every index is valid for the record it is in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Links {
    /// Indexes into `people`.
    pub people: Vec<usize>,
    /// Indexes into `organizations`.
    pub organizations: Vec<usize>,
    /// Indexes into `places`.
    pub places: Vec<usize>,
    /// Indexes into `dates`.
    pub dates: Vec<usize>,
}

/// A temporal expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DateFact {
    /// The expression as written.
    pub text: String,
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// What kind of temporal expression.
    #[serde(rename = "type")]
    pub kind: DateType,
    /// TIMEX3 value (`2024-06-25`, `P20Y`, `2021/2024`, `XXXX-06-25`…).
    pub value: String,
}

/// Kinds of temporal expression (TIMEX3 types, plus ranges).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DateType {
    /// A calendar date or a part of it.
    Date,
    /// A time of day, possibly on a date.
    Time,
    /// A length of time.
    Duration,
    /// An interval between two dates.
    Range,
    /// A recurring time.
    Set,
}

/// A number a reader would copy into a fact box.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Figure {
    /// Qualifier, number and counted noun as written.
    pub text: String,
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// What the number measures.
    pub kind: FigureKind,
    /// The number, French formatting undone.
    #[serde(serialize_with = "serialize_number")]
    pub value: f64,
    /// Counted noun phrase, ISO 4217 currency, `%` or SI-style unit.
    pub unit: Option<String>,
    /// How precise the text says the number is.
    pub qualifier: Qualifier,
}

/// Kinds of figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    /// A number of things.
    Count,
    /// An amount of money.
    Money,
    /// A percentage.
    Percent,
    /// A rank.
    Ordinal,
    /// A person's age.
    Age,
    /// A physical measure.
    Measure,
}

/// How precise a figure is, per the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// As written.
    Exact,
    /// « près de », « environ ».
    About,
    /// « plus de ».
    MoreThan,
    /// « moins de ».
    LessThan,
    /// « au moins ».
    AtLeast,
    /// « au plus ».
    AtMost,
    /// « jusqu’à ».
    UpTo,
}

/// A named person and every mention of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Person {
    /// The fullest form of the name in the article.
    pub name: String,
    /// Title or function stated in the text.
    pub role: Option<String>,
    /// Whether the role is a public office.
    pub official: bool,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
}

/// A named organization and every mention of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Organization {
    /// Canonical name.
    pub name: String,
    /// What kind of body it is.
    #[serde(rename = "type")]
    pub kind: OrgType,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
}

/// Kinds of organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum OrgType {
    /// A court.
    Court,
    /// A prosecution office (parquet).
    Prosecution,
    /// Police or gendarmerie.
    Police,
    /// A ministry.
    Ministry,
    /// Government, parliament, local government.
    Government,
    /// A public agency.
    Agency,
    /// A company.
    Company,
    /// A news organization.
    Media,
    /// A political party.
    Party,
    /// An online platform.
    Platform,
    /// Anything else.
    Other,
}

/// A named place and every mention of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Place {
    /// Canonical name.
    pub name: String,
    /// What kind of place.
    #[serde(rename = "type")]
    pub kind: PlaceType,
    /// INSEE code (French communes, départements, régions) or ISO 3166-1
    /// alpha-2 code (countries, territories).
    pub code: Option<String>,
    /// ISO 3166-1 alpha-2 code of its country.
    pub country: Option<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
}

/// Kinds of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PlaceType {
    /// A country.
    Country,
    /// A French région.
    Region,
    /// A French département.
    Department,
    /// A French commune.
    Commune,
    /// A territory with its own ISO code.
    Territory,
    /// A foreign city.
    City,
    /// Anything else named (landmark, road, area).
    Other,
}

/// An offence named in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Charge {
    /// Canonical label from the lexicon, with qualifiers.
    pub label: String,
    /// The bare offence.
    pub offence: String,
    /// Aggravating or describing qualifiers.
    pub qualifiers: Vec<String>,
    /// Law references the lexicon knows.
    pub law: Vec<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
}

/// A legal or police step the article reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Action {
    /// What kind of step.
    #[serde(rename = "type")]
    pub kind: ActionType,
    /// The words that report it.
    pub trigger: Span,
    /// TIMEX3 date the sentence gives it.
    pub date: Option<String>,
    /// Name of the place the sentence gives it.
    pub place: Option<String>,
    /// Who or what it happened to, as written.
    pub subject: Option<String>,
    /// The penalty a conviction or sentence pronounces, when the sentence
    /// states it (« condamné à cinq ans de prison dont deux avec sursis et
    /// 10 000 euros d’amende »); left out otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penalty: Option<Penalty>,
    /// The facts of the record this action uses (see [`Links`]).
    #[serde(default)]
    pub links: Links,
}

/// A penalty pronounced by a court, as the article states it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Penalty {
    /// The whole prison term as an ISO 8601 duration (`P5Y`, `P18M`), the
    /// suspended part included; `null` when none is stated.
    pub prison: Option<String>,
    /// The suspended part of the prison term (`P2Y`; the whole term when
    /// the text says only « avec sursis »).
    pub suspended: Option<String>,
    /// Life imprisonment (« à perpétuité »).
    pub life: bool,
    /// The fine.
    pub fine: Option<Money>,
}

/// An amount of money.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Money {
    /// The amount, French formatting undone.
    #[serde(serialize_with = "serialize_number")]
    pub amount: f64,
    /// ISO 4217 code (`EUR`).
    pub currency: String,
}

/// The action vocabulary, shared by actions and the main event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ActionType {
    /// A site, business or service closed.
    Closure,
    /// Someone arrested (interpellé, arrêté).
    Arrest,
    /// Garde à vue, détention provisoire, écroué.
    Custody,
    /// Mise en examen.
    Indictment,
    /// An investigation opened.
    Investigation,
    /// A search (perquisition).
    Search,
    /// A seizure.
    Seizure,
    /// A trial.
    Trial,
    /// A conviction.
    Conviction,
    /// A penalty pronounced.
    Sentence,
    /// Someone released.
    Release,
    /// A complaint filed.
    Complaint,
    /// An attack.
    Attack,
    /// A death.
    Death,
    /// Anything else.
    Other,
}

/// Quoted speech.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// The person or organization speaking, when the sentence names one.
    pub speaker: Option<String>,
}

/// Writes integral figures as JSON integers (`23000`, not `23000.0`).
fn serialize_number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if v.fract() == 0.0 && v.abs() < EXACT {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

impl Record {
    /// An empty record for `id`, to be filled by the extractors.
    pub fn new(id: RecordId) -> Self {
        Record {
            schema: SCHEMA_VERSION.to_string(),
            id,
            title: None,
            published: None,
            lang: "fr".to_string(),
            event: None,
            dates: Vec::new(),
            figures: Vec::new(),
            people: Vec::new(),
            organizations: Vec::new(),
            places: Vec::new(),
            charges: Vec::new(),
            actions: Vec::new(),
            quotes: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Sorts every list by `start` (entities by their first mention), with
    /// ties broken so that the output never depends on extraction order.
    pub fn sort(&mut self) {
        self.dates
            .sort_by(|a, b| (a.start, a.end, &a.value).cmp(&(b.start, b.end, &b.value)));
        self.figures.sort_by_key(|f| (f.start, f.end));
        self.quotes.sort_by_key(|q| (q.start, q.end));
        self.actions.sort_by(|a, b| {
            (a.trigger.start, a.trigger.end).cmp(&(b.trigger.start, b.trigger.end))
        });
        fn first(m: &[Span]) -> (usize, usize) {
            m.first()
                .map_or((usize::MAX, usize::MAX), |s| (s.start, s.end))
        }
        for p in &mut self.people {
            p.mentions.sort();
        }
        for o in &mut self.organizations {
            o.mentions.sort();
        }
        for p in &mut self.places {
            p.mentions.sort();
        }
        for c in &mut self.charges {
            c.mentions.sort();
        }
        self.people
            .sort_by(|a, b| (first(&a.mentions), &a.name).cmp(&(first(&b.mentions), &b.name)));
        self.organizations
            .sort_by(|a, b| (first(&a.mentions), &a.name).cmp(&(first(&b.mentions), &b.name)));
        self.places
            .sort_by(|a, b| (first(&a.mentions), &a.name).cmp(&(first(&b.mentions), &b.name)));
        self.charges
            .sort_by(|a, b| (first(&a.mentions), &a.label).cmp(&(first(&b.mentions), &b.label)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integral_figures_print_as_integers() {
        let f = Figure {
            text: "1,5 million".into(),
            start: 0,
            end: 11,
            kind: FigureKind::Count,
            value: 1_500_000.0,
            unit: None,
            qualifier: Qualifier::Exact,
        };
        let json = serde_json::to_string(&f).unwrap();
        assert!(json.contains(r#""value":1500000,"#), "{json}");
        let half = Figure { value: 12.5, ..f };
        assert!(serde_json::to_string(&half)
            .unwrap()
            .contains(r#""value":12.5,"#));
    }

    #[test]
    fn keys_follow_spec_order() {
        let json = serde_json::to_string(&Record::new(RecordId::Text("a.txt".into()))).unwrap();
        let keys = [
            "schema",
            "id",
            "title",
            "published",
            "lang",
            "event",
            "dates",
            "figures",
            "people",
            "organizations",
            "places",
            "charges",
            "actions",
            "quotes",
            "warnings",
        ];
        let positions: Vec<usize> = keys
            .iter()
            .map(|k| json.find(&format!("\"{k}\":")).unwrap())
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{json}");
    }
}

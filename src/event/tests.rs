//! The main event over hand-built records: actions, dates, places and
//! organizations are given as the other extractors would find them.

use super::*;
use crate::record::{DateType, Organization, Place, PlaceType, Record, RecordId};
use chrono::NaiveDateTime;

fn span(text: &str, needle: &str) -> Span {
    let b = text.find(needle).expect("needle in text");
    let start = text[..b].chars().count();
    Span {
        text: needle.into(),
        start,
        end: start + needle.chars().count(),
    }
}

fn action(text: &str, kind: ActionType, trigger: &str, date: Option<&str>) -> Action {
    Action {
        kind,
        trigger: span(text, trigger),
        date: date.map(Into::into),
        place: None,
        subject: None,
        penalty: None,
        links: Links::default(),
    }
}

fn date(text: &str, needle: &str, value: &str) -> DateFact {
    let s = span(text, needle);
    DateFact {
        text: s.text,
        start: s.start,
        end: s.end,
        kind: DateType::Date,
        value: value.into(),
    }
}

fn run(text: &str, published: &str, fill: impl FnOnce(&mut Record)) -> Event {
    let doc = Document::new(text);
    let mut record = Record::new(RecordId::Text("t".into()));
    fill(&mut record);
    let published = NaiveDateTime::parse_from_str(&format!("{published}T00:00"), "%Y-%m-%dT%H:%M")
        .expect("test date");
    let ctx = Context {
        published: Some(published),
        record: &record,
    };
    extract(&doc, &ctx).expect("an event")
}

const COCO: &str = "Fermeture du site Coco après 20 ans d'activités criminelles : les dirigeants interpellés\n\nCe 25 juin 2024, le site Coco a été fermé par les autorités françaises. La fermeture, annoncée par le parquet de Paris, survient après une longue histoire.";

#[test]
fn headline_action_gives_type_trigger_what_and_lede_date() {
    let ev = run(COCO, "2024-06-25", |r| {
        r.actions = vec![
            action(COCO, ActionType::Closure, "Fermeture", None),
            action(COCO, ActionType::Arrest, "interpellés", None),
        ];
        r.dates = vec![date(COCO, "25 juin 2024", "2024-06-25")];
        r.organizations = vec![Organization {
            name: "parquet de Paris".into(),
            kind: OrgType::Prosecution,
            mentions: vec![span(COCO, "parquet de Paris")],
        }];
        r.places = vec![Place {
            name: "Paris".into(),
            kind: PlaceType::Commune,
            code: Some("75056".into()),
            country: Some("FR".into()),
            mentions: vec![span(COCO, "Paris")],
        }];
    });
    assert_eq!(ev.kind, ActionType::Closure);
    assert_eq!(ev.trigger.text, "Fermeture");
    assert_eq!(ev.what, "Fermeture du site Coco");
    assert_eq!(ev.date.as_deref(), Some("2024-06-25"));
    assert_eq!(ev.who, ["parquet de Paris"]);
    // « Paris » inside « parquet de Paris » is the organization's, not a place.
    assert!(ev.places.is_empty());
}

#[test]
fn event_nouns_and_dateline() {
    let t = "Neuf morts dans les Alpes, au mont Maudit\n\n13 juillet 2012. - Une avalanche a causé la mort de neuf personnes. Des secours sont partis. L'alerte a été donnée jeudi matin.";
    let ev = run(t, "2012-07-13", |r| {
        r.dates = vec![
            date(t, "13 juillet 2012", "2012-07-13"),
            date(t, "jeudi matin", "2012-07-12TMO"),
        ];
    });
    assert_eq!(ev.kind, ActionType::Death);
    assert_eq!(ev.trigger.text, "morts");
    assert_eq!(ev.date.as_deref(), Some("2012-07-12"));
}

#[test]
fn background_and_reporting_dates_are_skipped() {
    let t = "Incendie : le bénévole présenté au juge\n\nL'homme avait été placé en garde à vue le 18 juillet. Il a été présenté au parquet ce samedi, a-t-on appris dimanche.";
    let ev = run(t, "2020-07-26", |r| {
        r.actions = vec![action(
            t,
            ActionType::Custody,
            "placé en garde à vue",
            Some("2020-07-18"),
        )];
        r.dates = vec![
            date(t, "18 juillet", "2020-07-18"),
            date(t, "ce samedi", "2020-07-25"),
            date(t, "dimanche", "2020-07-26"),
        ];
    });
    assert_eq!(ev.kind, ActionType::Other);
    assert_eq!(ev.what, "le bénévole présenté au juge");
    assert_eq!(ev.date.as_deref(), Some("2020-07-25"));
}

#[test]
fn old_dates_and_no_dates_fall_back_to_publication() {
    let t = "Corse : assassinat d'un avocat\n\nIl défendait l'assassin du préfet, tué le 6 février 1998. Il a été abattu.";
    let ev = run(t, "2012-10-16", |r| {
        r.dates = vec![date(t, "6 février 1998", "1998-02-06")];
    });
    assert_eq!(ev.kind, ActionType::Death);
    assert_eq!(ev.date.as_deref(), Some("2012-10-16"));
    let t = "France : PSA va supprimer 8 000 emplois\n\nL'annonce est tombée.";
    let ev = run(t, "2012-07-12", |_| {});
    assert_eq!(ev.kind, ActionType::Other);
    assert_eq!(ev.what, "PSA va supprimer 8 000 emplois");
    assert_eq!(ev.date.as_deref(), Some("2012-07-12"));
}

//! Unit tests of the actions extractor, with records built by hand to stand
//! for the extractors that run before it.

use super::*;
use crate::record::{DateFact, DateType, Place, PlaceType, Record, RecordId};

fn run(text: &str, record: &Record) -> Vec<Action> {
    let doc = Document::new(text);
    let ctx = Context {
        published: None,
        record,
    };
    extract(&doc, &ctx)
}

fn empty() -> Record {
    Record::new(RecordId::Text("t".into()))
}

fn span_of(text: &str, needle: &str) -> Span {
    let b = text.find(needle).expect("needle");
    let start = text[..b].chars().count();
    Span {
        text: needle.into(),
        start,
        end: start + needle.chars().count(),
    }
}

#[test]
fn custody_takes_place_and_subject() {
    let text = "Le propriétaire a été arrêté, tandis que sa femme est actuellement en garde à vue dans le Var.";
    let mut rec = empty();
    rec.places.push(Place {
        name: "Var".into(),
        kind: PlaceType::Department,
        code: Some("83".into()),
        country: Some("FR".into()),
        mentions: vec![span_of(text, "Var")],
    });
    let acts = run(text, &rec);
    let custody = acts
        .iter()
        .find(|a| a.kind == ActionType::Custody)
        .expect("custody");
    assert_eq!(custody.place.as_deref(), Some("Var"));
    assert_eq!(custody.subject.as_deref(), Some("sa femme"));
    let arrest = acts
        .iter()
        .find(|a| a.kind == ActionType::Arrest)
        .expect("arrest");
    assert_eq!(arrest.trigger.text, "a été arrêté");
    assert_eq!(arrest.subject.as_deref(), Some("Le propriétaire"));
    assert_eq!(arrest.place.as_deref(), Some("Var"));
}

#[test]
fn date_of_the_sentence() {
    let text = "Ce 25 juin 2024, le site Coco a été fermé par les autorités. Rien d'autre.";
    let mut rec = empty();
    let s = span_of(text, "25 juin 2024");
    rec.dates.push(DateFact {
        text: s.text,
        start: s.start,
        end: s.end,
        kind: DateType::Date,
        value: "2024-06-25".into(),
    });
    let acts = run(text, &rec);
    assert_eq!(acts.len(), 1);
    assert_eq!(acts[0].kind, ActionType::Closure);
    assert_eq!(acts[0].date.as_deref(), Some("2024-06-25"));
    assert_eq!(acts[0].subject.as_deref(), Some("le site Coco"));
}

#[test]
fn conviction_with_penalty() {
    let text =
        "Il a été condamné à cinq ans de prison dont deux avec sursis et 10 000 euros d'amende.";
    let acts = run(text, &empty());
    let conv = acts
        .iter()
        .find(|a| a.kind == ActionType::Conviction)
        .expect("conviction");
    let p = conv.penalty.as_ref().expect("penalty");
    assert_eq!(p.prison.as_deref(), Some("P5Y"));
    assert_eq!(p.suspended.as_deref(), Some("P2Y"));
    assert_eq!(p.fine.as_ref().map(|f| f.amount), Some(10000.0));
    assert!(acts.iter().any(|a| a.kind == ActionType::Sentence));
}

#[test]
fn denounce_is_no_conviction() {
    let acts = run("Le ministre a condamné l'attaque avec fermeté.", &empty());
    assert!(acts.iter().all(|a| a.kind != ActionType::Conviction));
}

#[test]
fn headings_are_skipped() {
    let acts = run(
        "Titre du jour\n\nArrestations et enquêtes\n\nIls ont été interpellés.",
        &empty(),
    );
    assert_eq!(acts.len(), 1);
    assert_eq!(acts[0].kind, ActionType::Arrest);
}

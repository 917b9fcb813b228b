//! Links from each action and the event to the facts of the record they use
//! (issue 8, [`Links`]): indexes into the record's sorted `people`,
//! `organizations`, `places` and `dates`.
//!
//! Runs once, after the record is sorted, so indexes match the output. An
//! action links what its sentence mentions, plus the place and date it
//! names; the event links what the headline and lede mention (the window
//! it was chosen from), its actors and places by name, and its date's
//! mentions there. It changes nothing else in the record.

use crate::event;
use crate::record::{Links, Record, Span};
use crate::text::Document;
use std::ops::Range;

/// Fills the `links` of every action and of the event of a sorted record.
pub fn link(doc: &Document, record: &mut Record) {
    let mut actions = std::mem::take(&mut record.actions);
    for a in &mut actions {
        let at = doc.norm_byte(a.trigger.start);
        let Some(i) = doc.sentence_at(at) else {
            continue;
        };
        let s = doc.sentences()[i].range();
        let mut l = within(doc, record, &s);
        if let Some(p) = &a.place {
            add(
                &mut l.places,
                record.places.iter().position(|x| &x.name == p),
            );
        }
        if let Some(v) = &a.date {
            let near = record
                .dates
                .iter()
                .enumerate()
                .filter(|(_, d)| &d.value == v)
                .min_by_key(|(_, d)| d.start.abs_diff(a.trigger.start))
                .map(|(k, _)| k);
            add(&mut l.dates, near);
        }
        a.links = l;
    }
    record.actions = actions;
    if let Some(mut ev) = record.event.take() {
        let window = doc.title().map_or(0, |t| t.start)..event::lede(doc).end;
        let all = within(doc, record, &window);
        let mut l = Links::default();
        for name in &ev.who {
            add(
                &mut l.people,
                record.people.iter().position(|p| &p.name == name),
            );
            add(
                &mut l.organizations,
                record.organizations.iter().position(|o| &o.name == name),
            );
        }
        for name in &ev.places {
            add(
                &mut l.places,
                record.places.iter().position(|p| &p.name == name),
            );
        }
        if let Some(day) = &ev.date {
            l.dates = all
                .dates
                .into_iter()
                .filter(|&k| record.dates[k].value.starts_with(day.as_str()))
                .collect();
        }
        ev.links = l;
        record.event = Some(ev);
    }
}

fn add(v: &mut Vec<usize>, k: Option<usize>) {
    if let Some(k) = k {
        if !v.contains(&k) {
            v.push(k);
            v.sort_unstable();
        }
    }
}

/// Indexes of the facts with a mention inside a byte range of the norm.
fn within(doc: &Document, r: &Record, range: &Range<usize>) -> Links {
    let inside = |m: &Span| range.contains(&doc.norm_byte(m.start));
    let any = |ms: &[Span]| ms.iter().any(inside);
    let pick = |flags: Vec<bool>| -> Vec<usize> {
        flags
            .into_iter()
            .enumerate()
            .filter_map(|(k, f)| f.then_some(k))
            .collect()
    };
    Links {
        people: pick(r.people.iter().map(|p| any(&p.mentions)).collect()),
        organizations: pick(r.organizations.iter().map(|o| any(&o.mentions)).collect()),
        places: pick(r.places.iter().map(|p| any(&p.mentions)).collect()),
        dates: pick(
            r.dates
                .iter()
                .map(|d| range.contains(&doc.norm_byte(d.start)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Action, ActionType, DateFact, DateType, Person, RecordId};

    #[test]
    fn an_action_links_the_facts_of_its_sentence() {
        let t = "Titre\n\nJean Martin a été interpellé le 3 mai. Paul Durand est libre.";
        let doc = Document::new(t);
        let mut r = Record::new(RecordId::Text("t".into()));
        let span = |n: &str| {
            let s = t[..t.find(n).unwrap()].chars().count();
            Span {
                text: n.into(),
                start: s,
                end: s + n.chars().count(),
            }
        };
        for n in ["Jean Martin", "Paul Durand"] {
            r.people.push(Person {
                name: n.into(),
                role: None,
                official: false,
                mentions: vec![span(n)],
            });
        }
        let d = span("3 mai");
        r.dates.push(DateFact {
            text: d.text,
            start: d.start,
            end: d.end,
            kind: DateType::Date,
            value: "2024-05-03".into(),
        });
        r.actions.push(Action {
            kind: ActionType::Arrest,
            trigger: span("interpellé"),
            date: Some("2024-05-03".into()),
            place: None,
            subject: None,
            penalty: None,
            links: Links::default(),
        });
        link(&doc, &mut r);
        let l = &r.actions[0].links;
        assert_eq!(
            (l.people.as_slice(), l.dates.as_slice()),
            (&[0][..], &[0][..])
        );
    }
}

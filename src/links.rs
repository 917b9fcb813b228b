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
use crate::record::{Links, Organization, Person, Place, Record, Span};
use crate::text::Document;
use foldhash::{HashMap, HashMapExt};
use std::ops::Range;

/// Fills the `links` of every action and of the event of a sorted record.
pub fn link(doc: &Document, record: &mut Record) {
    let index = MentionIndex::new(record);
    let names = NameIndex::new(&record.people, &record.organizations, &record.places);
    let mut actions = std::mem::take(&mut record.actions);
    // Actions are sorted, so those of one sentence follow each other: its
    // facts are looked up once, not once per action.
    let mut last: Option<(usize, Links)> = None;
    for a in &mut actions {
        let at = doc.norm_byte(a.trigger.start);
        let Some(i) = doc.sentence_at(at) else {
            continue;
        };
        let mut l = match &last {
            Some((j, l)) if *j == i => l.clone(),
            _ => {
                let l = index.within(doc, &doc.sentences()[i].range());
                last = Some((i, l.clone()));
                l
            }
        };
        if let Some(p) = &a.place {
            add(&mut l.places, names.places.get(p.as_str()).copied());
        }
        if let Some(v) = &a.date {
            add(&mut l.dates, index.nearest_date(v, a.trigger.start));
        }
        tidy(&mut l);
        a.links = l;
    }
    record.actions = actions;
    if let Some(mut ev) = record.event.take() {
        let window = doc.title().map_or(0, |t| t.start)..event::lede(doc).end;
        let all = index.within(doc, &window);
        let mut l = Links::default();
        for name in &ev.who {
            add(&mut l.people, names.people.get(name.as_str()).copied());
            add(
                &mut l.organizations,
                names.organizations.get(name.as_str()).copied(),
            );
        }
        for name in &ev.places {
            add(&mut l.places, names.places.get(name.as_str()).copied());
        }
        tidy(&mut l);
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

/// Adds an index; [`tidy`] sorts and deduplicates them once at the end (a
/// sort per insertion was quadratic on an event naming many actors).
fn add(v: &mut Vec<usize>, k: Option<usize>) {
    v.extend(k);
}

fn tidy(l: &mut Links) {
    for v in [
        &mut l.people,
        &mut l.organizations,
        &mut l.places,
        &mut l.dates,
    ] {
        v.sort_unstable();
        v.dedup();
    }
}

/// The first index of each name in `people`, `organizations` and `places`.
struct NameIndex<'a> {
    people: HashMap<&'a str, usize>,
    organizations: HashMap<&'a str, usize>,
    places: HashMap<&'a str, usize>,
}

impl<'a> NameIndex<'a> {
    fn new(people: &'a [Person], organizations: &'a [Organization], places: &'a [Place]) -> Self {
        fn first<'a>(names: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
            let mut map = HashMap::new();
            for (k, n) in names.enumerate() {
                map.entry(n).or_insert(k);
            }
            map
        }
        NameIndex {
            people: first(people.iter().map(|p| p.name.as_str())),
            organizations: first(organizations.iter().map(|o| o.name.as_str())),
            places: first(places.iter().map(|p| p.name.as_str())),
        }
    }
}

/// Which list a linked fact is in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum List {
    People,
    Organizations,
    Places,
    Dates,
}

/// Every mention of the record sorted by start char, so that the facts of a
/// sentence are found by binary search instead of a scan of the whole
/// record per action (which made long articles quadratic).
struct MentionIndex {
    /// (start char, list, index in that list).
    mentions: Vec<(usize, List, usize)>,
    /// Dates by value: (start char, index), sorted by start.
    dates_by_value: HashMap<String, Vec<(usize, usize)>>,
}

impl MentionIndex {
    fn new(r: &Record) -> Self {
        let mut mentions = Vec::new();
        let mut push =
            |list, k, ms: &[Span]| mentions.extend(ms.iter().map(|m| (m.start, list, k)));
        for (k, p) in r.people.iter().enumerate() {
            push(List::People, k, &p.mentions);
        }
        for (k, o) in r.organizations.iter().enumerate() {
            push(List::Organizations, k, &o.mentions);
        }
        for (k, p) in r.places.iter().enumerate() {
            push(List::Places, k, &p.mentions);
        }
        let mut dates_by_value: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (k, d) in r.dates.iter().enumerate() {
            mentions.push((d.start, List::Dates, k));
            dates_by_value
                .entry(d.value.clone())
                .or_default()
                .push((d.start, k));
        }
        mentions.sort_unstable_by_key(|&(start, _, _)| start);
        MentionIndex {
            mentions,
            dates_by_value,
        }
    }

    /// Indexes of the facts with a mention inside a byte range of the norm.
    fn within(&self, doc: &Document, range: &Range<usize>) -> Links {
        let (a, b) = (doc.char_offset(range.start), doc.char_offset(range.end));
        let i = self.mentions.partition_point(|m| m.0 < a);
        let mut l = Links::default();
        for &(_, list, k) in self.mentions[i..].iter().take_while(|m| m.0 < b) {
            let v = match list {
                List::People => &mut l.people,
                List::Organizations => &mut l.organizations,
                List::Places => &mut l.places,
                List::Dates => &mut l.dates,
            };
            v.push(k);
        }
        tidy(&mut l);
        l
    }

    /// The date with this value whose mention is nearest to char `at`.
    fn nearest_date(&self, value: &str, at: usize) -> Option<usize> {
        let list = self.dates_by_value.get(value)?;
        let i = list.partition_point(|d| d.0 < at);
        [i.checked_sub(1), Some(i)]
            .into_iter()
            .flatten()
            .filter_map(|j| list.get(j))
            .min_by_key(|d| (d.0.abs_diff(at), d.1))
            .map(|d| d.1)
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

//! The invariants every record keeps, whatever its input: shared by the
//! regression tests and the fuzz target (`fuzz/`), which includes this file
//! by path.

use depeche::{extract_bytes, Options, Record, RecordId};

/// Every span of the record, as (what, start, end, text).
pub fn spans(r: &Record) -> Vec<(&'static str, usize, usize, &str)> {
    let mut out = Vec::new();
    out.extend(
        r.dates
            .iter()
            .map(|d| ("date", d.start, d.end, d.text.as_str())),
    );
    out.extend(
        r.figures
            .iter()
            .map(|f| ("figure", f.start, f.end, f.text.as_str())),
    );
    out.extend(
        r.quotes
            .iter()
            .map(|q| ("quote", q.start, q.end, q.text.as_str())),
    );
    for a in &r.actions {
        let t = &a.trigger;
        out.push(("action", t.start, t.end, t.text.as_str()));
    }
    let mentions = [
        (
            "person",
            r.people
                .iter()
                .flat_map(|p| &p.mentions)
                .collect::<Vec<_>>(),
        ),
        (
            "organization",
            r.organizations.iter().flat_map(|o| &o.mentions).collect(),
        ),
        ("place", r.places.iter().flat_map(|p| &p.mentions).collect()),
        (
            "charge",
            r.charges.iter().flat_map(|c| &c.mentions).collect(),
        ),
    ];
    for (what, ms) in mentions {
        out.extend(
            ms.into_iter()
                .map(|m| (what, m.start, m.end, m.text.as_str())),
        );
    }
    if let Some(e) = &r.event {
        out.push((
            "event",
            e.trigger.start,
            e.trigger.end,
            e.trigger.text.as_str(),
        ));
    }
    out
}

/// Checks that every span lies inside `text` (counted in chars) and equals
/// its slice, and that every link index points into its list.
pub fn check_record(text: &str, r: &Record) -> Result<(), String> {
    let chars: Vec<char> = text.chars().collect();
    for (what, start, end, s) in spans(r) {
        if !(start <= end && end <= chars.len()) {
            return Err(format!(
                "{what} span {start}..{end} outside 0..{}",
                chars.len()
            ));
        }
        let slice: String = chars[start..end].iter().collect();
        if slice != s {
            return Err(format!(
                "{what} span {start}..{end} is {slice:?}, not {s:?}"
            ));
        }
    }
    let links = r
        .actions
        .iter()
        .map(|a| &a.links)
        .chain(r.event.as_ref().map(|e| &e.links));
    for l in links {
        let ok = l.people.iter().all(|&i| i < r.people.len())
            && l.organizations.iter().all(|&i| i < r.organizations.len())
            && l.places.iter().all(|&i| i < r.places.len())
            && l.dates.iter().all(|&i| i < r.dates.len());
        if !ok {
            return Err(format!("link index out of range: {l:?}"));
        }
    }
    Ok(())
}

/// The whole pipeline on raw bytes (decode, extract, serialize), twice, with
/// and without a publication date: checks the record's invariants and that
/// the same input gives the same bytes. Returns the JSON of the dated run,
/// or `None` when decoding refused the input.
pub fn check_bytes(bytes: &[u8]) -> Result<Option<String>, String> {
    let dated = Options {
        published: depeche::parse_published("2024-06-25").ok(),
        ..Options::default()
    };
    let mut json = None;
    for opts in [Options::default(), dated] {
        let id = || RecordId::Text("fuzz".into());
        let Ok(record) = extract_bytes(id(), bytes, &opts) else {
            return Ok(None);
        };
        let text = depeche::text::decode(bytes)
            .map_err(|e| format!("extracted but does not decode: {e}"))?
            .text;
        check_record(&text, &record)?;
        let first = serde_json::to_string(&record).map_err(|e| e.to_string())?;
        let again = extract_bytes(id(), bytes, &opts).map_err(|e| e.to_string())?;
        let second = serde_json::to_string(&again).map_err(|e| e.to_string())?;
        if first != second {
            return Err("two runs on the same input differ".to_string());
        }
        json = Some(first);
    }
    Ok(json)
}

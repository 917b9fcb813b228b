//! Property tests over the whole pipeline: whatever the text, extraction does
//! not panic, every span is inside the text and equals its slice, lists are
//! sorted, and the output is deterministic.

use depeche::{extract, extract_bytes, text::Document, Options, Record, RecordId};
use proptest::prelude::*;

/// Text made of the pieces French news is made of, and of what breaks parsers.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("le 25 juin 2024".to_string()),
        Just(" ".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{202f}".to_string()),
        Just("« ".to_string()),
        Just(" »".to_string()),
        Just("“".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just(". ".to_string()),
        Just("M. ".to_string()),
        Just("l’".to_string()),
        Just("d'".to_string()),
        Just("-".to_string()),
        Just("23 000".to_string()),
        Just("1,5 million d’euros".to_string()),
        Just("Gérald Darmanin".to_string()),
        Just("parquet de Paris".to_string()),
        Just("en garde à vue dans le Var".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{5d0}\u{5d1}".to_string()),
        Just("👍🏽".to_string()),
        Just("\u{0}".to_string()),
        Just("\u{1b}[31m".to_string()),
        "[0-9 ,.]{1,12}",
        "[A-ZÉ][a-zéèà]{1,8}",
        "\\PC{1,6}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// Every span of the record, as (start, end, text).
fn spans(r: &Record) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    out.extend(r.dates.iter().map(|d| (d.start, d.end, d.text.clone())));
    out.extend(r.figures.iter().map(|f| (f.start, f.end, f.text.clone())));
    out.extend(r.quotes.iter().map(|q| (q.start, q.end, q.text.clone())));
    out.extend(
        r.actions
            .iter()
            .map(|a| (a.trigger.start, a.trigger.end, a.trigger.text.clone())),
    );
    let mentions = r
        .people
        .iter()
        .flat_map(|p| &p.mentions)
        .chain(r.organizations.iter().flat_map(|o| &o.mentions))
        .chain(r.places.iter().flat_map(|p| &p.mentions))
        .chain(r.charges.iter().flat_map(|c| &c.mentions));
    out.extend(mentions.map(|m| (m.start, m.end, m.text.clone())));
    if let Some(e) = &r.event {
        out.push((e.trigger.start, e.trigger.end, e.trigger.text.clone()));
    }
    out
}

fn check(text: &str, record: &Record) -> Result<(), TestCaseError> {
    let chars: Vec<char> = text.chars().collect();
    for (start, end, s) in spans(record) {
        prop_assert!(
            start <= end && end <= chars.len(),
            "span {start}..{end} outside 0..{}",
            chars.len()
        );
        let slice: String = chars[start..end].iter().collect();
        prop_assert_eq!(
            &slice,
            &s,
            "span {}..{} does not slice to its text",
            start,
            end
        );
    }
    let sorted = |v: Vec<usize>| v.windows(2).all(|w| w[0] <= w[1]);
    prop_assert!(sorted(record.dates.iter().map(|d| d.start).collect()));
    prop_assert!(sorted(record.figures.iter().map(|d| d.start).collect()));
    prop_assert!(sorted(record.quotes.iter().map(|d| d.start).collect()));
    prop_assert!(sorted(
        record.actions.iter().map(|d| d.trigger.start).collect()
    ));
    prop_assert!(sorted(
        record
            .people
            .iter()
            .map(|d| d.mentions.first().map_or(0, |m| m.start))
            .collect()
    ));
    prop_assert!(sorted(
        record
            .places
            .iter()
            .map(|d| d.mentions.first().map_or(0, |m| m.start))
            .collect()
    ));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_text_gives_a_sound_record(text in newsish()) {
        let opts = Options { published: depeche::parse_published("2024-06-25").ok(), ..Options::default() };
        let record = extract(RecordId::Text("p".into()), &Document::new(text.as_str()), &opts);
        check(&text, &record)?;
        let again = extract(RecordId::Text("p".into()), &Document::new(text.as_str()), &opts);
        prop_assert_eq!(serde_json::to_string(&record).unwrap(), serde_json::to_string(&again).unwrap());
    }

    #[test]
    fn any_bytes_decode_or_error_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(record) = extract_bytes(RecordId::Text("b".into()), &bytes, &Options::default()) {
            let text = depeche::text::decode(&bytes).unwrap().text;
            check(&text, &record)?;
        }
    }

    #[test]
    fn tokens_and_sentences_stay_in_order_and_bounds(text in newsish()) {
        let doc = Document::new(text.as_str());
        let n = doc.norm().len();
        let mut last = 0;
        for t in doc.tokens() {
            prop_assert!(t.start as usize >= last && t.start < t.end && t.end as usize <= n);
            prop_assert!(doc.norm().is_char_boundary(t.start as usize) && doc.norm().is_char_boundary(t.end as usize));
            last = t.end as usize;
        }
        let mut last = 0;
        for s in doc.sentences() {
            prop_assert!(s.start as usize >= last && s.start < s.end && s.end as usize <= n);
            last = s.end as usize;
        }
    }
}

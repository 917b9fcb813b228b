//! `depeche show --html OUT.html`: one self-contained page (inline CSS, no
//! script, no external asset) with the highlighted text, a legend and the
//! record's facts side by side; on a narrow screen the facts go below.
//!
//! Every piece of text is HTML-escaped. Quotes are drawn as a layer under
//! the other facts, so names inside a quote stay highlighted.

use depeche::Record;
use std::fmt::Write as _;

/// Fact kinds, their CSS colour and legend label.
const KINDS: &[(&str, &str)] = &[
    ("date", "#b3e5fc"),
    ("figure", "#ffe082"),
    ("person", "#f8bbd0"),
    ("organization", "#c5cae9"),
    ("place", "#c8e6c9"),
    ("charge", "#ffcdd2"),
    ("action", "#ffab91"),
    ("quote", "#eeeeee"),
];

/// A highlighted stretch: char range, kind and the value shown on hover.
pub struct Span {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// Fact kind (a key of the legend).
    pub kind: &'static str,
    /// What the fact says, for the `title` attribute.
    pub label: String,
}

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Every fact of the record as spans with labels (quotes included).
pub fn spans(r: &Record) -> Vec<Span> {
    let mut v = Vec::new();
    let mut add = |start, end, kind, label: String| {
        v.push(Span {
            start,
            end,
            kind,
            label,
        })
    };
    for d in &r.dates {
        add(d.start, d.end, "date", d.value.clone());
    }
    for f in &r.figures {
        add(
            f.start,
            f.end,
            "figure",
            format!("{} {}", f.value, f.unit.clone().unwrap_or_default()),
        );
    }
    for p in &r.people {
        for m in &p.mentions {
            add(m.start, m.end, "person", p.name.clone());
        }
    }
    for o in &r.organizations {
        for m in &o.mentions {
            add(m.start, m.end, "organization", o.name.clone());
        }
    }
    for p in &r.places {
        for m in &p.mentions {
            add(m.start, m.end, "place", p.name.clone());
        }
    }
    for c in &r.charges {
        for m in &c.mentions {
            add(m.start, m.end, "charge", c.offence.clone());
        }
    }
    for a in &r.actions {
        add(a.trigger.start, a.trigger.end, "action", kind_name(&a.kind));
    }
    for q in &r.quotes {
        add(
            q.start,
            q.end,
            "quote",
            q.speaker.clone().unwrap_or_else(|| "?".into()),
        );
    }
    v
}

fn kind_name<T: serde::Serialize>(k: &T) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The highlighted text: quotes as an outer layer, other facts inside,
/// without overlaps (the first and longest wins; a fact crossing a quote
/// boundary is left out).
fn body(text: &str, spans: &[Span]) -> String {
    let mut quotes: Vec<&Span> = spans.iter().filter(|s| s.kind == "quote").collect();
    quotes.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut others: Vec<&Span> = spans
        .iter()
        .filter(|s| s.kind != "quote")
        .filter(|s| {
            quotes.iter().all(|q| {
                let inside = q.start <= s.start && s.end <= q.end;
                let apart = s.end <= q.start || s.start >= q.end;
                inside || apart
            })
        })
        .collect();
    others.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let (quotes, others) = (keep(quotes), keep(others));
    let mut out = String::with_capacity(text.len() * 2);
    let (mut qi, mut oi) = (0, 0);
    let (mut q_open, mut o_open): (Option<usize>, Option<usize>) = (None, None);
    let mut buf = [0u8; 4];
    for (i, c) in text.chars().enumerate() {
        if o_open == Some(i) {
            out.push_str("</mark>");
            o_open = None;
        }
        if q_open == Some(i) {
            out.push_str("</span>");
            q_open = None;
        }
        if let Some(q) = quotes.get(qi).filter(|q| q.start == i) {
            let _ = write!(
                out,
                "<span class=\"k-quote\" title=\"{}\">",
                escape(&q.label)
            );
            q_open = Some(q.end);
            qi += 1;
        }
        if let Some(o) = others.get(oi).filter(|o| o.start == i) {
            let _ = write!(
                out,
                "<mark class=\"k-{}\" title=\"{}: {}\">",
                o.kind,
                o.kind,
                escape(&o.label)
            );
            o_open = Some(o.end);
            oi += 1;
        }
        out.push_str(&escape(c.encode_utf8(&mut buf)));
    }
    if o_open.is_some() {
        out.push_str("</mark>");
    }
    if q_open.is_some() {
        out.push_str("</span>");
    }
    out
}

/// Spans sorted by start without overlaps: the first and longest wins.
fn keep(list: Vec<&Span>) -> Vec<&Span> {
    let mut kept: Vec<&Span> = Vec::new();
    for s in list {
        if s.end > s.start && kept.last().is_none_or(|k| s.start >= k.end) {
            kept.push(s);
        }
    }
    kept
}

/// The whole page for an article and its record.
pub fn page(text: &str, r: &Record) -> String {
    let spans = spans(r);
    let id = match &r.id {
        depeche::RecordId::Text(s) => s.clone(),
        depeche::RecordId::Number(n) => n.to_string(),
    };
    let mut css = String::from(CSS);
    for (k, colour) in KINDS {
        let _ = write!(css, ".k-{k}{{background:{colour}}}");
    }
    let mut h = String::with_capacity(text.len() * 3 + 4096);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>depeche: {}</title>\n<style>{css}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n",
        escape(&id),
        escape(r.title.as_deref().unwrap_or(&id))
    );
    h.push_str("<p class=\"legend\">");
    for (k, _) in KINDS {
        let _ = write!(h, "<span class=\"k-{k}\">{k}</span> ");
    }
    h.push_str("</p>\n</header>\n<main>\n<article class=\"text\">");
    h.push_str(&body(text, &spans));
    h.push_str("</article>\n<aside class=\"facts\">\n");
    facts(&mut h, r);
    h.push_str("</aside>\n</main>\n</body>\n</html>\n");
    h
}

/// The record's facts, one section per kind.
fn facts(h: &mut String, r: &Record) {
    if let Some(e) = &r.event {
        let _ = writeln!(
            h,
            "<section><h2>event</h2><dl><dt>type</dt><dd>{}</dd><dt>what</dt><dd>{}</dd>\
             <dt>when</dt><dd>{}</dd><dt>where</dt><dd>{}</dd><dt>who</dt><dd>{}</dd></dl></section>",
            escape(&kind_name(&e.kind)),
            escape(&e.what),
            escape(e.date.as_deref().unwrap_or("")),
            escape(&e.places.join(", ")),
            escape(&e.who.join(", "))
        );
    }
    let mut section = |title: &str, kind: &str, rows: Vec<(String, String)>| {
        if rows.is_empty() {
            return;
        }
        let _ = write!(h, "<section><h2 class=\"k-{kind}\">{title}</h2><ul>");
        for (a, b) in rows {
            let _ = write!(h, "<li><b>{}</b> {}</li>", escape(&a), escape(&b));
        }
        h.push_str("</ul></section>\n");
    };
    section(
        "dates",
        "date",
        r.dates
            .iter()
            .map(|d| (d.text.clone(), d.value.clone()))
            .collect(),
    );
    section(
        "figures",
        "figure",
        r.figures
            .iter()
            .map(|f| {
                (
                    f.text.clone(),
                    format!("{} {}", f.value, f.unit.clone().unwrap_or_default()),
                )
            })
            .collect(),
    );
    section(
        "people",
        "person",
        r.people
            .iter()
            .map(|p| (p.name.clone(), p.role.clone().unwrap_or_default()))
            .collect(),
    );
    section(
        "organizations",
        "organization",
        r.organizations
            .iter()
            .map(|o| (o.name.clone(), kind_name(&o.kind)))
            .collect(),
    );
    section(
        "places",
        "place",
        r.places
            .iter()
            .map(|p| (p.name.clone(), p.code.clone().unwrap_or_default()))
            .collect(),
    );
    section(
        "charges",
        "charge",
        r.charges
            .iter()
            .map(|c| (c.label.clone(), c.offence.clone()))
            .collect(),
    );
    section(
        "actions",
        "action",
        r.actions
            .iter()
            .map(|a| {
                (
                    kind_name(&a.kind),
                    format!(
                        "{} {} {}",
                        a.trigger.text,
                        a.date.clone().unwrap_or_default(),
                        a.place.clone().unwrap_or_default()
                    ),
                )
            })
            .collect(),
    );
    section(
        "quotes",
        "quote",
        r.quotes
            .iter()
            .map(|q| {
                (
                    q.speaker.clone().unwrap_or_else(|| "?".into()),
                    q.text.clone(),
                )
            })
            .collect(),
    );
    section(
        "warnings",
        "none",
        r.warnings
            .iter()
            .map(|w| (String::new(), w.clone()))
            .collect(),
    );
}

const CSS: &str = "body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem;color:#222}\
h1{font-size:1.3rem}h2{font-size:1rem;padding:0 .3rem}\
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5rem}\
@media (max-width:700px){main{grid-template-columns:1fr}}\
.text{white-space:pre-wrap;overflow-wrap:anywhere}\
.facts{font-size:.9rem;overflow-wrap:anywhere}.facts ul{padding-left:1.2rem}\
.legend span{padding:0 .3rem;border-radius:.2rem;margin-right:.2rem}\
mark{color:inherit;border-radius:.2rem}.k-quote{font-style:italic}";

#[cfg(test)]
mod tests {
    use super::*;
    use depeche::{text::Document, Options, RecordId};

    #[test]
    fn page_is_self_contained_and_escaped() {
        let text = "Titre <b>&\n\nGérald Darmanin a dit : « Les dirigeants de Paris ont été interpellés ».";
        let doc = Document::new(text);
        let r = depeche::extract(RecordId::Text("a<b>.txt".into()), &doc, &Options::default());
        let h = page(text, &r);
        assert!(h.starts_with("<!DOCTYPE html>"));
        assert!(h.contains("<meta name=\"viewport\""));
        assert!(h.contains("Titre &lt;b&gt;&amp;"));
        assert!(!h.contains("<b>&"));
        for banned in ["<script", "<link", "src=", "http://", "https://", "@import"] {
            assert!(!h.contains(banned), "{banned}");
        }
        for k in ["date", "person", "quote"] {
            assert!(
                h.contains(&format!("<span class=\"k-{k}\">{k}</span>")),
                "{k}"
            );
        }
        // Tags are balanced.
        for (open, close) in [
            ("<mark", "</mark>"),
            ("<span", "</span>"),
            ("<section", "</section>"),
        ] {
            assert_eq!(h.matches(open).count(), h.matches(close).count(), "{open}");
        }
        assert!(h.contains("<article class=\"text\">") && h.contains("<aside class=\"facts\">"));
    }

    #[test]
    fn quotes_are_a_layer_under_other_facts() {
        let spans = vec![
            Span {
                start: 0,
                end: 10,
                kind: "quote",
                label: "X".into(),
            },
            Span {
                start: 2,
                end: 5,
                kind: "person",
                label: "Y".into(),
            },
            Span {
                start: 8,
                end: 12,
                kind: "place",
                label: "Z".into(),
            },
        ];
        let h = body("abcdefghijklmn", &spans);
        assert_eq!(
            h,
            "<span class=\"k-quote\" title=\"X\">ab<mark class=\"k-person\" title=\"person: Y\">cde</mark>fghij</span>klmn"
        );
    }
}

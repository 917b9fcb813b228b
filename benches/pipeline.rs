//! `cargo bench`: throughput of the text layer, of each extractor alone and of
//! the whole pipeline, on every article of `fixtures/` (MB/s of input).
//!
//! Each extractor is timed alone: the facts it reads from earlier extractors
//! are computed once beforehand, as the pipeline would have them.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use depeche::extract::{self, Context};
use depeche::text::Document;
use depeche::{Options, Record, RecordId};
use std::hint::black_box;
use std::path::Path;

/// Every fixture, decoded, with its full record.
fn corpus() -> Vec<(Vec<u8>, Document, Record)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let opts = options();
    paths
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).expect("fixture");
            let doc = Document::new(depeche::text::decode(&bytes).expect("fixture decodes").text);
            let record = depeche::extract(RecordId::Text(String::new()), &doc, &opts);
            (bytes, doc, record)
        })
        .collect()
}

fn options() -> Options {
    Options {
        published: depeche::parse_published("2024-06-25").ok(),
        ..Options::default()
    }
}

fn benches(c: &mut Criterion) {
    let corpus = corpus();
    let bytes: u64 = corpus.iter().map(|(b, _, _)| b.len() as u64).sum();
    let opts = options();

    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("document", |b| {
        b.iter(|| {
            for (_, doc, _) in &corpus {
                black_box(Document::new(doc.text()));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("extractor");
    g.throughput(Throughput::Bytes(bytes));
    macro_rules! one {
        ($name:literal, $f:path) => {
            g.bench_function($name, |b| {
                b.iter(|| {
                    for (_, doc, record) in &corpus {
                        let ctx = Context {
                            published: opts.published,
                            record,
                        };
                        black_box($f(doc, &ctx));
                    }
                })
            });
        };
    }
    one!("dates", extract::dates::extract);
    one!("figures", extract::figures::extract);
    one!("places", extract::places::extract);
    one!("organizations", extract::organizations::extract);
    one!("people", extract::people::extract);
    one!("charges", extract::charges::extract);
    one!("actions", extract::actions::extract);
    one!("quotes", extract::quotes::extract);
    one!("event", depeche::event::extract);
    g.finish();

    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("extract_bytes", |b| {
        b.iter(|| {
            for (raw, _, _) in &corpus {
                black_box(depeche::extract_bytes(RecordId::Text(String::new()), raw, &opts).ok());
            }
        })
    });
    // The same articles extracted together, as `--jsonl` and `batch` do.
    g.bench_function("extract_many", |b| {
        b.iter(|| {
            let analysed: Vec<(Document, Vec<String>)> = corpus
                .iter()
                .map(|(raw, _, _)| depeche::analyse(raw).expect("fixture decodes"))
                .collect();
            black_box(depeche::extract_many(
                analysed
                    .iter()
                    .map(|(doc, _)| (RecordId::Text(String::new()), doc, &opts)),
            ))
        })
    });
    g.finish();
}

criterion_group!(pipeline, benches);
criterion_main!(pipeline);

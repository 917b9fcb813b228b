//! `cargo bench --bench pathological`: inputs built to defeat the extractors,
//! each at two sizes (1× and 4×), so that a cost that grows faster than the
//! input shows as a lower MB/s at 4×. `bench/pathological.sh` times the
//! release binary on the same shapes at full size (50 MB, a million dates…).
//!
//! * `line`: news prose with no line break at all;
//! * `dates`: « le 25 juin » over and over;
//! * `guillemets`: nothing but opening « (quotes never closed);
//! * `capitals`: capitalised words only (given names, surnames, places);
//! * `digits`: digit groups and spaces only (« 12 345 6 78 … »).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use depeche::{Options, RecordId};
use std::hint::black_box;

/// A small deterministic generator (xorshift64), so every run times the
/// same bytes.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

const PROSE: &str = "Le ministre de l’Intérieur Gérald Darmanin a annoncé mardi 25 juin à \
Paris que 23 000 procédures judiciaires avaient été ouvertes contre le site Coco, « une \
plateforme mafieuse », selon le parquet de Toulon. ";

const CAPITALS: &[&str] = &[
    "Paris",
    "Marseille",
    "Gérald",
    "Darmanin",
    "Ministre",
    "Tribunal",
    "Parquet",
    "Jean",
    "Dupont",
    "Conseil",
    "Nord",
    "Le",
    "La",
    "Saint",
    "Haute",
    "Garonne",
    "Emmanuel",
    "Macron",
    "Police",
    "Nationale",
    "Marie",
    "Martin",
    "Lyon",
    "Cour",
];

/// One pathological input of about `bytes` bytes (`dates` and `guillemets`
/// count repetitions: `n` of them).
pub fn input(kind: &str, n: usize) -> String {
    let mut out = String::with_capacity(n + 64);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    match kind {
        "line" => {
            while out.len() < n {
                out.push_str(PROSE);
            }
        }
        "dates" => out = "le 25 juin ".repeat(n),
        "guillemets" => out = "« ".repeat(n),
        "capitals" => {
            while out.len() < n {
                out.push_str(CAPITALS[rng.below(CAPITALS.len())]);
                out.push(' ');
            }
        }
        "digits" => {
            while out.len() < n {
                for _ in 0..=rng.below(3) {
                    out.push(char::from(b'0' + rng.below(10) as u8));
                }
                out.push(' ');
            }
        }
        _ => unreachable!("unknown input kind {kind}"),
    }
    out
}

fn benches(c: &mut Criterion) {
    let opts = Options {
        published: depeche::parse_published("2024-06-25").ok(),
        ..Options::default()
    };
    // (kind, 1× size): sizes small enough for criterion's ten samples.
    let cases = [
        ("line", 1_000_000),
        ("dates", 25_000),
        ("guillemets", 100_000),
        ("capitals", 250_000),
        ("digits", 250_000),
    ];
    let mut g = c.benchmark_group("pathological");
    g.sample_size(10);
    for (kind, n) in cases {
        for scale in [1, 4] {
            let text = input(kind, n * scale);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(
                BenchmarkId::new(kind, format!("{scale}x")),
                &text,
                |b, text| {
                    b.iter(|| {
                        let id = RecordId::Text(String::new());
                        black_box(depeche::extract_bytes(id, text.as_bytes(), &opts).ok())
                    })
                },
            );
        }
    }
    g.finish();
}

criterion_group!(pathological, benches);
criterion_main!(pathological);

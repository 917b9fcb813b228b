//! Inputs that once broke an invariant or took superlinear time, run
//! through the whole pipeline (decode, extract, serialize) with the checks
//! of the fuzz target (`fuzz/`): no panic, every span inside the text and
//! equal to its slice, link indexes valid, same bytes on a second run.
//!
//! A fuzzer finding goes to `tests/regressions/<name>.bin` (minimized with
//! `cargo fuzz tmin`), where [`fuzz_findings`] picks it up; a pathological
//! shape goes in [`pathological_shapes`], small enough for a debug build.

#[path = "util/invariants.rs"]
mod invariants;

use std::path::Path;

fn check(name: &str, bytes: &[u8]) {
    if let Err(e) = invariants::check_bytes(bytes) {
        panic!("{name}: {e}");
    }
}

#[test]
fn fuzz_findings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/regressions/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "bin"))
        .collect();
    paths.sort();
    for p in paths {
        check(
            &p.display().to_string(),
            &std::fs::read(&p).expect("readable"),
        );
    }
}

/// The shapes of `benches/pathological.rs`, small: they once made people,
/// figures, links, the event, quote speakers and places quadratic; and
/// repeated acronym brackets, text-anchored dates, straight quotes among
/// guillemets, ambiguous offences and phone numbers, which once made
/// organizations, dates, quotes, charges and figures quadratic.
#[test]
fn pathological_shapes() {
    let prose = "Le ministre de l’Intérieur Gérald Darmanin a annoncé mardi 25 juin à \
                 Paris que 23 000 procédures judiciaires avaient été ouvertes contre le site \
                 Coco, « une plateforme mafieuse », selon le parquet de Toulon. ";
    let capitals = "Paris Marseille Gérald Darmanin Ministre Tribunal Parquet Jean Dupont \
                    Conseil Nord Le La Saint Haute Garonne Emmanuel Macron Police Nationale ";
    let digits: String = (0..4000).map(|i| format!("{} ", i * 7 % 1000)).collect();
    for (name, text) in [
        ("line", prose.repeat(60)),
        ("dates", "le 25 juin ".repeat(2000)),
        ("guillemets", "« ".repeat(5000)),
        ("closed guillemets", "« a » ".repeat(3000)),
        ("capitals", capitals.repeat(100)),
        ("digits", digits),
        ("headline only", format!("Titre\n\n{}", capitals.repeat(50))),
        (
            "acronyms",
            "la brigade de répression du banditisme (BRB) et la BRB ".repeat(500),
        ),
        ("lendemain", "le 3 juin puis le lendemain ".repeat(1000)),
        (
            "straight quotes",
            "« a b c » \"d e f\", dit-il. ".repeat(1000),
        ),
        ("ambiguous offences", "la violence et le vol ".repeat(1000)),
        ("phones", "01 23 45 67 89 et 12 ".repeat(1000)),
    ] {
        check(name, text.as_bytes());
    }
}

/// Inputs at the edges of decoding: BOMs alone, lone surrogates in UTF-16,
/// a NUL after 8 KiB, CR-only line ends, combining marks at the start.
#[test]
fn decoding_edges() {
    let mut late_nul = "Le 25 juin à Paris. ".repeat(500).into_bytes();
    late_nul.push(0);
    late_nul.extend_from_slice("M. Dupont est arrivé.".as_bytes());
    for (name, bytes) in [
        ("utf-8 bom alone", b"\xEF\xBB\xBF".to_vec()),
        ("utf-16 bom alone", b"\xFF\xFE".to_vec()),
        (
            "utf-16 lone surrogate",
            b"\xFF\xFEA\x00\x00\xD8B\x00".to_vec(),
        ),
        ("utf-16be odd length", b"\xFE\xFF\x00L\x00e\x00".to_vec()),
        ("nul after 8 KiB", late_nul),
        (
            "cr only",
            b"Titre\r\rLe 25 juin, M. Dupont a \xC3\xA9t\xC3\xA9 arr\xC3\xAAt\xC3\xA9.\r".to_vec(),
        ),
        (
            "leading combining mark",
            "\u{301}\u{301}Le 25 juin".as_bytes().to_vec(),
        ),
        (
            "latin-1 guillemets",
            b"\xAB Bonjour \xBB, a dit M. Dupont le 25 juin.".to_vec(),
        ),
    ] {
        check(name, &bytes);
    }
}

//! The command line as users run it: stdin, files, JSON Lines, batch, schema,
//! exit codes and bad inputs.

mod util;

use std::process::Stdio;
use util::{depeche, records, run_with_stdin, seed, stderr, stdout, Dir};

#[test]
fn bare_depeche_reads_stdin() {
    let dir = Dir::new();
    let out = run_with_stdin(
        depeche(dir.path()).args(["--ref-date", "2024-06-25"]),
        &seed(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["id"], "-");
    assert_eq!(recs[0]["schema"], "depeche/1");
    assert_eq!(recs[0]["published"], "2024-06-25");
    assert!(recs[0]["title"]
        .as_str()
        .unwrap()
        .starts_with("Fermeture du site Coco"));
}

#[test]
fn pretty_indents_one_record() {
    let dir = Dir::new();
    let out = run_with_stdin(
        depeche(dir.path()).args(["extract", "--pretty", "-"]),
        &seed(),
    );
    let text = stdout(&out);
    assert!(
        text.starts_with("{\n  \"schema\": \"depeche/1\",\n  \"id\": \"-\",\n"),
        "{text}"
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["lang"], "fr");
}

#[test]
fn extract_files_in_order_and_stdin_dash() {
    let dir = Dir::new();
    dir.create("b.txt", "Titre B\n\nLe site a fermé.");
    dir.create("a.txt", "Titre A\n\nLe site a rouvert.");
    let out = run_with_stdin(
        depeche(dir.path()).args(["extract", "b.txt", "-", "a.txt"]),
        b"Titre stdin\n\nTexte.",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<String> = records(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["b.txt", "-", "a.txt"]);
}

#[test]
fn bad_files_are_reported_and_skipped() {
    let dir = Dir::new();
    dir.create("good.txt", "Titre\n\nUn article.");
    dir.create("empty.txt", "");
    dir.create("blank.txt", " \n\t\n");
    dir.create("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    std::fs::create_dir(dir.path().join("folder")).unwrap();
    let out = depeche(dir.path())
        .args([
            "extract",
            "empty.txt",
            "good.txt",
            "binary.txt",
            "missing.txt",
            "folder",
            "blank.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<String> = records(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["good.txt"]);
    let err = stderr(&out);
    for line in [
        "depeche: empty.txt: input is empty",
        "depeche: binary.txt: input looks binary (NUL or control bytes), not a text article",
        "depeche: missing.txt: no such file",
        "depeche: folder: is a directory (use `depeche batch` for folders)",
        "depeche: blank.txt: input is empty",
    ] {
        assert!(
            err.lines().any(|l| l == line),
            "missing {line:?} in:\n{err}"
        );
    }
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Dir::new();
    let path = dir.create("secret.txt", "Titre\n\nTexte.");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Running as root: permissions do not apply, nothing to test.
        return;
    }
    let out = depeche(dir.path())
        .args(["extract", "secret.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).trim(),
        "depeche: secret.txt: permission denied"
    );
}

#[test]
fn legacy_encoding_is_decoded_with_a_warning() {
    let dir = Dir::new();
    dir.create(
        "latin1.txt",
        b"Caf\xE9 ferm\xE9\n\nLe caf\xE9 a \xE9t\xE9 ferm\xE9 par la pr\xE9fecture.",
    );
    let out = depeche(dir.path())
        .args(["extract", "latin1.txt"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rec = &records(&out)[0];
    assert_eq!(rec["title"], "Café fermé");
    assert_eq!(
        rec["warnings"][0],
        "input is not UTF-8: decoded as windows-1252"
    );
}

#[test]
fn jsonl_streams_records_and_reports_bad_lines() {
    let dir = Dir::new();
    let input = concat!(
        r#"{"id": "a", "text": "Titre\n\nLe site a fermé hier.", "published": "2024-06-25"}"#,
        "\n",
        "not json\n",
        "\n",
        r#"{"id": 7, "text": "Autre article.", "published": "2024-06-25T14:30:00+02:00"}"#,
        "\n",
        r#"{"id": "no-text"}"#,
        "\n",
        r#"{"text": "Sans identifiant.", "published": "demain"}"#,
        "\n",
    );
    let out = run_with_stdin(
        depeche(dir.path()).args(["extract", "--jsonl"]),
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    let ids: Vec<String> = recs.iter().map(|r| r["id"].to_string()).collect();
    assert_eq!(ids, [r#""a""#, "7", "6"]);
    assert_eq!(recs[1]["published"], "2024-06-25");
    assert!(recs[2]["warnings"][0]
        .as_str()
        .unwrap()
        .starts_with("`published` ignored: invalid date `demain`"));
    let err = stderr(&out);
    assert!(err.contains("depeche: -:2: invalid JSON line"), "{err}");
    assert!(err.contains("depeche: -:5: missing `text`"), "{err}");
}

#[test]
fn bare_jsonl_flag_reads_stdin() {
    let dir = Dir::new();
    let out = run_with_stdin(
        depeche(dir.path()).arg("--jsonl"),
        br#"{"id":"x","text":"Un texte."}"#,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(records(&out)[0]["id"], "x");
}

fn batch_tree() -> Dir {
    let dir = Dir::new();
    for i in 0..40 {
        dir.create(
            &format!("corpus/{}/art-{i:02}.txt", i % 3),
            format!("Titre {i}\n\nArticle numéro {i}."),
        );
    }
    dir.create("corpus/notes.md", "pas un article");
    dir.create("corpus/deep/a/b/c/d/e/last.txt", "Titre\n\nTout au fond.");
    dir
}

#[test]
fn batch_is_sorted_and_identical_across_thread_counts() {
    let dir = batch_tree();
    let one = depeche(dir.path())
        .args(["batch", "corpus", "-j", "1"])
        .output()
        .unwrap();
    let two = depeche(dir.path())
        .args(["batch", "corpus", "-j", "2"])
        .output()
        .unwrap();
    assert!(one.status.success(), "{}", stderr(&one));
    assert_eq!(one.stdout, two.stdout);
    let ids: Vec<String> = records(&one)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 41);
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    assert!(!ids.iter().any(|i| i.ends_with(".md")));
    let summary = stderr(&one);
    assert!(
        summary.starts_with("41 articles, 0 failed, 0.0 MB in "),
        "{summary}"
    );
}

#[test]
fn batch_ext_and_output_file() {
    let dir = batch_tree();
    let out = depeche(dir.path())
        .args(["batch", "corpus", "--ext", "md,txt", "-o", "facts.jsonl"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let text = std::fs::read_to_string(dir.path().join("facts.jsonl")).unwrap();
    assert_eq!(text.lines().count(), 42);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn batch_output_errors_name_the_output_before_the_run() {
    let dir = batch_tree();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    for (dest, want) in [
        ("out", "depeche: cannot write out: is a directory"),
        (
            "missing/facts.jsonl",
            "depeche: cannot write missing/facts.jsonl: cannot create ",
        ),
    ] {
        let out = depeche(dir.path())
            .args(["batch", "corpus", "-o", dest])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).starts_with(want), "{}", stderr(&out));
        // Refused before extracting: no summary line.
        assert!(!stderr(&out).contains(" articles, "), "{}", stderr(&out));
    }
}

#[test]
fn batch_skips_bad_files_and_exits_1() {
    let dir = batch_tree();
    dir.create("corpus/0/empty.txt", "");
    dir.create("corpus/1/binary.txt", b"\x00\x01\x02");
    let out = depeche(dir.path())
        .args(["batch", "corpus", "missing-root"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(records(&out).len(), 41);
    let err = stderr(&out);
    assert!(
        err.contains("depeche: corpus/0/empty.txt: input is empty"),
        "{err}"
    );
    assert!(
        err.contains("depeche: corpus/1/binary.txt: input looks binary"),
        "{err}"
    );
    assert!(err.contains("depeche: missing-root: no such file"), "{err}");
    assert!(err.contains("43 articles, 3 failed"), "{err}");
}

#[test]
fn closed_pipe_ends_quietly() {
    let dir = Dir::new();
    for i in 0..400 {
        dir.create(
            &format!("c/{i:03}.txt"),
            format!("Titre {i}\n\n{}", "Un paragraphe assez long. ".repeat(40)),
        );
    }
    let mut child = depeche(dir.path())
        .args(["batch", "c", "-j", "2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout); // like `| head -c 64`
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        !err.contains("panicked") && !err.to_lowercase().contains("broken pipe"),
        "{err}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let dir = Dir::new();
    for args in [
        &["--only", "dats"][..],
        &["--ref-date", "hier"],
        &["frobnicate"],
        &["batch"],
    ] {
        let out = depeche(dir.path())
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn only_keeps_the_other_lists_empty() {
    let dir = Dir::new();
    let out = run_with_stdin(depeche(dir.path()).args(["--only", "dates"]), &seed());
    assert!(out.status.success());
    let rec = &records(&out)[0];
    for key in [
        "figures",
        "people",
        "organizations",
        "places",
        "charges",
        "actions",
        "quotes",
    ] {
        assert_eq!(rec[key], serde_json::json!([]), "{key}");
    }
    assert!(rec["event"].is_null());
}

#[test]
fn schema_validates_the_seed_record() {
    let dir = Dir::new();
    let out = depeche(dir.path()).arg("schema").output().unwrap();
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    dir.create("seed.txt", seed());
    let out = depeche(dir.path())
        .args(["extract", "--ref-date", "2024-06-25", "seed.txt"])
        .output()
        .unwrap();
    let rec = &records(&out)[0];
    let errors: Vec<String> = validator.iter_errors(rec).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    // And the schema rejects a record with a missing key.
    let mut broken = rec.clone();
    broken.as_object_mut().unwrap().remove("dates");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn sigterm_during_batch_leaves_no_output_file() {
    let dir = Dir::new();
    let body = "Le parquet de Paris a ouvert une enquête le 25 juin 2024. ".repeat(1000);
    for i in 0..600 {
        dir.create(&format!("c/{i:04}.txt"), format!("Titre {i}\n\n{body}"));
    }
    let child = depeche(dir.path())
        .args(["batch", "c", "-j", "1", "-o", "out.jsonl"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let pid = child.id().to_string();
    std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["c"], "stderr: {}", stderr(&out));
    assert_eq!(out.status.code(), Some(130), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("depeche: interrupted"),
        "{}",
        stderr(&out)
    );
}

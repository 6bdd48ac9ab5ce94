//! Robustness: whatever users type (any Unicode, emoji, right-to-left text, combining marks,
//! characters XML cannot hold, 100 KB fields, nothing at all), validation, the document model
//! and the DOCX never fail; the DOCX is a valid zip whose every XML part parses, and the text of
//! the document model comes through except the characters XML cannot hold.

mod common;

use koop_core::document::{Document, Inline};
use koop_core::draft::store::{decode, import_file};
use koop_core::render::docx::{clean, render};
use koop_core::{Draft, Template};
use proptest::prelude::*;
use std::io::{Cursor, Read};

/// Every part of the package, parsed; returns the text of word/document.xml (w:t runs, with
/// a space between paragraphs).
fn check_package(bytes: &[u8]) -> Result<String, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("not a zip: {e}"))?;
    let mut text = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(|e| e.to_string())?;
        let name = f.name().to_string();
        let mut xml = String::new();
        f.read_to_string(&mut xml).map_err(|e| format!("{name}: {e}"))?;
        let doc = roxmltree::Document::parse(&xml).map_err(|e| format!("{name} does not parse: {e}"))?;
        if name == "word/document.xml" {
            for p in doc.descendants().filter(|n| n.tag_name().name() == "p") {
                for n in p.descendants() {
                    match n.tag_name().name() {
                        "t" => text.push_str(n.text().unwrap_or("")),
                        // A typed line break is a w:br between runs: whitespace, like in the model.
                        "br" => text.push(' '),
                        _ => {}
                    }
                }
                text.push(' ');
            }
        }
    }
    Ok(text)
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first text piece of the model (cleaned of what XML cannot hold) missing in `docx_text`.
fn missing_text(doc: &Document, docx_text: &str) -> Option<String> {
    let text = squash(docx_text);
    let mut missing = None;
    doc.for_each_text(|pieces| {
        for p in pieces {
            let s = match p {
                Inline::Text(t) => t,
                Inline::Gap { text, .. } => text,
            };
            let want = squash(&clean(s));
            if !want.is_empty() && !text.contains(&want) && missing.is_none() {
                missing = Some(want.chars().take(80).collect::<String>());
            }
        }
    });
    missing
}

/// Renders and checks that every text piece of the model arrives in the DOCX.
fn round_trip(doc: &Document) -> Result<(), String> {
    let bytes = render(doc).map_err(|e| e.0)?;
    match missing_text(doc, &check_package(&bytes)?) {
        Some(m) => Err(format!("text lost in the DOCX: {m:?}")),
        None => Ok(()),
    }
}

fn build(t: &Template, d: &Draft) -> Document {
    let (_, doc) = common::report_and_doc(t, d);
    doc
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn ikpe_with_hostile_text(texts in prop::collection::vec(common::hostile_text(), 1..6)) {
        let (t, d) = common::hostile_draft("ikpe", &texts);
        let doc = build(t, &d);
        prop_assert!(round_trip(&doc).is_ok(), "{:?}", round_trip(&doc));
    }

    #[test]
    fn sozialraum_with_hostile_text(texts in prop::collection::vec(common::hostile_text(), 1..6)) {
        let (t, d) = common::hostile_draft("sozialraum", &texts);
        let doc = build(t, &d);
        prop_assert!(round_trip(&doc).is_ok(), "{:?}", round_trip(&doc));
    }

    /// The Beschlussvorlage of every public body of a hostile draft: every text piece arrives.
    #[test]
    fn vorlagen_with_hostile_text(texts in prop::collection::vec(common::hostile_text(), 1..6), sozialraum in any::<bool>()) {
        let (t, d) = common::hostile_draft(if sozialraum { "sozialraum" } else { "ikpe" }, &texts);
        let c = common::ctx(t, &d);
        let docs = koop_core::document::bound::build_all(&c, "beschlussvorlage", &koop_core::validate(&c));
        prop_assert_eq!(docs.len(), if sozialraum { 3 } else { 1 });
        for doc in &docs {
            prop_assert!(round_trip(doc).is_ok(), "{:?}", round_trip(doc));
        }
    }

    /// Valid text survives exactly: a Kommune name with emoji, RTL and combining marks is
    /// printed as typed (trimmed) in the party block.
    #[test]
    fn names_arrive_unchanged(name in "[\\p{L}\\p{M}\\p{So} '.-]{1,40}") {
        let t = common::template("ikpe");
        let mut d = common::ikpe_landkreis();
        d.set_text("kommune_name", &name);
        let doc = build(t, &d);
        let bytes = render(&doc).map_err(|e| TestCaseError::fail(e.0))?;
        let text = check_package(&bytes).map_err(TestCaseError::fail)?;
        let trimmed = name.trim();
        let shown = !trimmed.is_empty() && !["..", "…", "XXX", "xxx", "Name der Kommune"].iter().any(|p| trimmed.contains(p));
        if shown {
            prop_assert!(text.contains(&format!("dem Landkreis {trimmed}")), "{trimmed:?}");
        }
    }

    /// Whatever bytes are offered as a stored record or draft file, reading them never panics.
    #[test]
    fn reading_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400), text in ".{0,200}") {
        let _ = import_file(&bytes, &["ikpe"], &[], "x", 0.0);
        let _ = decode(&text);
        let wrapped = format!("{{\"format\":\"koop-assistent/entwurf\",\"schema\":1,\"draft\":{text}}}");
        let _ = decode(&wrapped);
    }
}

#[test]
fn hundred_kilobyte_fields_and_empty_drafts() {
    let big = "Großer Absatz mit Umlauten äöü und Emoji 😀. ".repeat(2_400);
    assert!(big.len() > 100_000);
    for template in ["ikpe", "sozialraum"] {
        let (t, d) = common::hostile_draft(template, std::slice::from_ref(&big));
        let doc = build(t, &d);
        round_trip(&doc).expect("100 KB fields");
        let empty = Draft::new(t, "leer", 0.0);
        let doc = build(t, &empty);
        assert!(doc.draft);
        round_trip(&doc).expect("empty draft");
    }
}

/// A sample of hostile exports, opened by a real consumer. Runs where LibreOffice is installed
/// (`scripts/test` installs it and sets KOOP_REQUIRE_SOFFICE=1 so that it cannot be skipped).
#[test]
fn libreoffice_opens_hostile_exports() {
    if !common::soffice_available() {
        return;
    }
    let dir = common::scratch_dir("fuzz");
    let mut files = Vec::new();
    for (i, (t, d)) in common::hostile_drafts().into_iter().enumerate() {
        let mut doc = build(t, &d);
        // A marker that must survive into the PDF.
        doc.blocks.insert(0, koop_core::Block::Title(vec![Inline::Text(format!("Prüfmarke {i}"))]));
        let path = dir.join(format!("fuzz-{i}.docx"));
        std::fs::write(&path, render(&doc).expect("docx")).expect("write");
        files.push(path);
    }
    common::soffice_convert(&dir.join("profile"), "pdf", &dir, &files);
    for (i, f) in files.iter().enumerate() {
        let pdf = f.with_extension("pdf");
        assert!(pdf.exists(), "LibreOffice did not convert {}", f.display());
        let out = std::process::Command::new("pdftotext").args(["-enc", "UTF-8"]).arg(&pdf).arg("-").output().expect("pdftotext");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(&format!("Prüfmarke {i}")), "marker missing in {}", pdf.display());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_round_trip_check_notices_lost_text() {
    let t = common::template("ikpe");
    let mut doc = build(t, &common::ikpe_landkreis());
    let bytes = render(&doc).expect("docx");
    let text = check_package(&bytes).expect("package");
    assert_eq!(missing_text(&doc, &text), None);
    doc.blocks.push(koop_core::Block::Title(vec![Inline::Text("nicht im\u{1} Export".into())]));
    assert_eq!(missing_text(&doc, &text).as_deref(), Some("nicht im Export"));
    let mut broken = bytes.clone();
    broken.truncate(bytes.len() / 2);
    assert!(check_package(&broken).is_err(), "a damaged package is reported");
}

//! Every export carries its draft (`render::embed`): reading it back out of the DOCX and the ODT
//! gives the same draft, for the fixtures and for hostile drafts, also after LibreOffice saved
//! the file again; a file without a draft, or no document at all, is refused with a message.

mod common;

use koop_core::Draft;
use koop_core::draft::store::{decode, encode_file};
use koop_core::render::embed::{self, EmbedError};
use koop_core::render::{docx, odt};

const TIME: &str = "2026-11-22T10:00:00Z";

fn drafts() -> Vec<(String, Draft)> {
    let mut out = vec![
        ("ikpe-landkreis".to_string(), common::ikpe_landkreis()),
        ("ikpe-stadt".to_string(), common::ikpe_stadt()),
        ("sozialraum-30-50-100".to_string(), common::sozialraum(30, 50, 100)),
    ];
    out.extend(common::hostile_drafts().into_iter().enumerate().map(|(i, (_, d))| (format!("feindlich-{i}"), d)));
    out
}

/// Both files of a draft, with its record embedded.
fn exports(d: &Draft) -> (Vec<u8>, Vec<u8>) {
    let t = common::template(&d.template);
    let (_, doc) = common::report_and_doc(t, d);
    let record = encode_file(d).expect("record");
    let docx = docx::render_with(&doc, TIME, Some(&record)).expect("docx");
    let odt = odt::render_with(&doc, TIME, Some(&record)).expect("odt");
    (docx, odt)
}

fn read_back(bytes: &[u8]) -> Draft {
    let record = embed::read(bytes).expect("draft embedded");
    decode(&record).expect("record decodes")
}

#[test]
fn draft_to_docx_and_odt_and_back_is_identity() {
    for (name, d) in drafts() {
        let (docx, odt) = exports(&d);
        assert_eq!(read_back(&docx), d, "{name} via DOCX");
        assert_eq!(read_back(&odt), d, "{name} via ODT");
        common::keep_export(&format!("mit-entwurf-{name}.docx"), &docx);
        common::keep_export(&format!("mit-entwurf-{name}.odt"), &odt);
    }
}

#[test]
fn without_a_draft_the_export_is_the_pinned_one_and_carries_nothing() {
    let d = common::ikpe_landkreis();
    let (_, doc) = common::report_and_doc(common::template("ikpe"), &d);
    let plain = docx::render_at(&doc, TIME).expect("docx");
    assert_eq!(docx::render_with(&doc, TIME, None).expect("docx"), plain);
    assert_eq!(embed::read(&plain), Err(EmbedError::NoDraft));
    assert_eq!(embed::read(&odt::render_at(&doc, TIME).expect("odt")), Err(EmbedError::NoDraft));
}

#[test]
fn a_file_that_is_no_document_or_lacks_a_piece_is_refused_with_a_message() {
    assert_eq!(embed::read(b"Das ist kein Dokument."), Err(EmbedError::NotADocument));
    assert_eq!(embed::read(&[]), Err(EmbedError::NotADocument));
    assert!(EmbedError::NoDraft.message().contains("Nur Word- und ODT-Dateien, die der Koop-Assistent exportiert hat"));
    // A record longer than one piece, with its second piece renamed away.
    let d = common::sozialraum(5, 8, 16);
    let (docx, _) = exports(&d);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&docx)).expect("zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).expect("entry");
        let name = f.name().to_string();
        let mut text = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut text).expect("read");
        if name == "docProps/custom.xml" {
            text = String::from_utf8(text).expect("utf8").replace("Koop-Entwurf-0002", "Koop-Entwurf-x").into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).expect("start");
        std::io::Write::write_all(&mut out, &text).expect("write");
    }
    let broken = out.finish().expect("finish").into_inner();
    assert_eq!(embed::read(&broken), Err(EmbedError::Incomplete));
}

/// What survives a re-save: LibreOffice opens each export and saves it again in the same format;
/// the draft read from that file is the one exported.
#[test]
fn the_draft_survives_a_re_save_by_libreoffice() {
    if !common::soffice_available() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("koop-roundtrip-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("in")).expect("dir");
    let mut expected = Vec::new();
    for (name, d) in drafts().into_iter().filter(|(n, _)| n == "ikpe-landkreis" || n == "sozialraum-30-50-100" || n == "feindlich-0") {
        let (docx, odt) = exports(&d);
        std::fs::write(dir.join("in").join(format!("{name}.docx")), docx).expect("write");
        std::fs::write(dir.join("in").join(format!("{name}.odt")), odt).expect("write");
        expected.push((name, d));
    }
    for kind in ["docx", "odt"] {
        let inputs: Vec<_> = expected.iter().map(|(n, _)| dir.join("in").join(format!("{n}.{kind}"))).collect();
        let filter = if kind == "docx" { "docx:MS Word 2007 XML" } else { "odt" };
        common::soffice_convert(&dir.join("profile"), filter, &dir.join(kind), &inputs);
    }
    for (name, d) in &expected {
        for kind in ["docx", "odt"] {
            let resaved = std::fs::read(dir.join(kind).join(format!("{name}.{kind}"))).expect("LibreOffice wrote the file");
            assert_eq!(&read_back(&resaved), d, "{name}.{kind} after LibreOffice saved it again");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

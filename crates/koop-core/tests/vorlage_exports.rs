//! Every Beschlussvorlage export passes the outside checks the agreement passes: rendered as
//! DOCX and ODT with its draft embedded and kept in `KOOP_EXPORT_DIR`, where `scripts/test` has
//! openxml-audit check them (strict; Word/Microsoft 365 and ODF 1.3); LibreOffice prints the
//! model's text from both; the draft comes back out; several go into one ZIP.

mod common;

use common::EXPORT_TIME;
use koop_core::document::bound;
use koop_core::document::printed::{self, Place};
use koop_core::draft::store::{decode, encode_file};
use koop_core::export::{BundleRequest, ExportRequest, Format};
use koop_core::render::{docx, embed, odt};
use std::io::Read;

#[test]
fn every_vorlage_renders_as_docx_and_odt_and_carries_its_draft() {
    let set = common::vorlage_set();
    assert!(set.len() >= 20, "{} Vorlagen", set.len());
    for (name, doc, draft) in &set {
        let (docx, odt) = common::docx_and_odt_with_draft(doc, draft);
        for (ext, bytes) in [("docx", docx), ("odt", odt)] {
            common::keep_export(&format!("{name}.{ext}"), &bytes);
            assert_eq!(&common::read_back(&bytes), draft, "{name}.{ext}: the draft comes back");
            let embedded = embed::read_document(&bytes).expect("readable");
            // The body says what the model says, paragraph by paragraph.
            assert_eq!(printed::edited_places(doc, &embedded.paragraphs), Vec::<Place>::new(), "{name}.{ext}");
        }
    }
}

#[test]
fn the_vorlagen_of_a_sozialraum_go_into_one_zip() {
    let t = common::template("sozialraum");
    let mut d = common::sozialraum(3, 2, 4);
    let gem = t.field("gemeinden").expect("list").field;
    let ids: Vec<u32> = d.entries(gem).iter().map(|e| e.id).collect();
    // Two towns of one name (a hand-made list may have them): both files are kept.
    d.set_entry_value(gem, ids[2], "name", "Gemeinde1");
    let c = common::ctx(t, &d);
    let documents = bound::build_all(&c, "beschlussvorlage", &koop_core::validate(&c));
    assert_eq!(
        bound::zip_name(&c, "beschlussvorlage").as_deref(),
        Some("Beschlussvorlagen_Sozialraum_Crimmitschau_Dennheritz_2026-11-22.zip")
    );
    let record = encode_file(&d).expect("record");
    for format in [Format::Docx, Format::Odt] {
        let request = BundleRequest { format, timestamp: EXPORT_TIME.into(), documents: documents.clone(), draft: Some(record.clone()) };
        let request = BundleRequest::from_json(&request.to_json().expect("json")).expect("crosses the worker boundary");
        let zip = request.render().expect("zip");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("a ZIP");
        let ext = format.extension();
        let names: Vec<String> = archive.file_names().map(str::to_string).collect();
        assert_eq!(
            names,
            [
                format!("Beschlussvorlage_Landkreis_Zwickau_2026-11-22.{ext}"),
                format!("Beschlussvorlage_Stadt_Crimmitschau_2026-11-22.{ext}"),
                format!("Beschlussvorlage_Gemeinde_Gemeinde1_2026-11-22.{ext}"),
                format!("Beschlussvorlage_Gemeinde_Gemeinde1_2026-11-22_2.{ext}"),
            ]
        );
        for (i, doc) in documents.iter().enumerate() {
            let mut bytes = Vec::new();
            archive.by_index(i).expect("entry").read_to_end(&mut bytes).expect("read");
            let alone = ExportRequest { format, timestamp: EXPORT_TIME.into(), document: doc.clone(), draft: Some(record.clone()) };
            assert_eq!(bytes, alone.render().expect("file"), "{} as exported alone", names[i]);
        }
    }
}

/// A Vorlage that comes back is recognised as the Vorlage it is: nothing reads as edited until
/// someone edits it, and then the place is named.
#[test]
fn a_vorlage_that_comes_back_is_compared_with_itself() {
    let t = common::template("sozialraum");
    let d = common::sozialraum(3, 2, 4);
    let c = common::ctx(t, &d);
    let completeness = koop_core::validate(&c).completeness();
    let body = &bound::bodies(&c, "beschlussvorlage")[2];
    let doc = bound::build_for(&c, "beschlussvorlage", &body.key, completeness).expect("Vorlage");
    let record = encode_file(&d).expect("record");
    let bytes = docx::render_with(&doc, EXPORT_TIME, Some(&record)).expect("docx");
    let returned = |bytes: &[u8]| {
        let embedded = embed::read_document(bytes).expect("embedded");
        let here = koop_core::import::Here { existing: &[], taken: &[], new_id: "neu", now_ms: 0.0, today: common::today() };
        koop_core::import::returned(common::catalog(), &embedded, "Vorlage.docx", &here).expect("draft")
    };
    let back = returned(&bytes);
    assert_eq!(back.edited, None, "unchanged");
    assert_eq!(decode(&back.record).expect("record").answers, d.answers);
    let edited = common::rewrite_part(&bytes, "word/document.xml", |xml| {
        xml.replace("ermächtigt die Bürgermeisterin", "ermächtigt den Ersten Beigeordneten")
    });
    assert_ne!(edited, bytes);
    let told = returned(&edited).edited.expect("edited outside");
    assert!(told.contains(&Place::Unnumbered("Beschlussvorschlag".into()).label()), "{told}");
}

/// LibreOffice prints the text of the model from the DOCX and from the ODT of every Vorlage
/// (the hostile ones apart: their exotic glyphs fall back to other fonts): the same characters
/// in the same order, apart from white space, the running header and the page footer.
#[test]
fn libreoffice_prints_the_models_text() {
    if !common::soffice_available() {
        return;
    }
    let dir = common::scratch_dir("vorlage");
    let set: Vec<_> = common::vorlage_set().into_iter().filter(|(n, ..)| !n.contains("feindlich")).collect();
    for kind in ["docx", "odt"] {
        std::fs::create_dir_all(dir.join(kind)).expect("dir");
        let mut files = Vec::new();
        for (name, doc, _) in &set {
            let bytes = if kind == "docx" { docx::render(doc).expect("docx") } else { odt::render(doc).expect("odt") };
            let path = dir.join(kind).join(format!("{name}.{kind}"));
            std::fs::write(&path, bytes).expect("write");
            files.push(path);
        }
        common::soffice_convert(&dir.join("profile"), "pdf", &dir.join(kind), &files);
    }
    for (name, doc, _) in &set {
        let model = expected(doc);
        for kind in ["docx", "odt"] {
            let printed = words(&pdf_body(&dir.join(kind).join(format!("{name}.pdf"))));
            // Lines break anywhere there is a blank, and after a hyphen ("Hilse-|Carstensen").
            let bare = |s: &str| s.split_whitespace().collect::<String>();
            assert!(bare(&printed) == bare(&model), "{name}.{kind}: LibreOffice prints the model's text\n{printed}\n{model}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The model's paragraphs as printed, a bullet with the symbol of its level (the layout's:
/// render/docx/layout.rs and render/odt/layout.rs).
fn expected(doc: &koop_core::Document) -> String {
    const BULLET_SYMBOLS: [&str; 3] = ["•", "–", "▪"];
    let mut out = Vec::new();
    if doc.draft {
        out.push(doc.wording.draft_banner.clone());
    }
    for b in &doc.blocks {
        match b {
            koop_core::Block::Bullets(items) => out.extend(
                items.iter().map(|i| format!("{} {}", BULLET_SYMBOLS[usize::from(i.level).min(2)], koop_core::document::plain(&i.text))),
            ),
            other => {
                let one = koop_core::Document { blocks: vec![other.clone()], draft: false, ..doc.clone() };
                out.extend(printed::paragraphs(&one).into_iter().map(|p| p.text));
            }
        }
    }
    words(&out.join(" "))
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The PDF's text without the running header (each page's first line) and the page footer.
fn pdf_body(pdf: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext").args(["-layout", "-enc", "UTF-8"]).arg(pdf).arg("-").output().expect("pdftotext");
    assert!(out.status.success(), "no PDF {}", pdf.display());
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let mut body = Vec::new();
    for page in text.split('\u{c}') {
        let lines: Vec<&str> = page.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        body.extend(lines.into_iter().skip(1).filter(|l| {
            let w: Vec<&str> = l.split(' ').collect();
            !(w.len() == 4 && w[0] == "Seite" && w[2] == "von")
        }));
    }
    body.join("\n")
}

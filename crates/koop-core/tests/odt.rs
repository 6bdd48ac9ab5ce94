//! The ODT export (issue 17): a package LibreOffice and Collabora open as the real thing. The
//! outside judges (openxml-audit -f odf1.3, LibreOffice) run over the files tests/exports.rs
//! keeps; here the package and its XML are checked.

mod common;

use koop_core::render::odt;

#[test]
fn every_draft_of_the_export_set_renders_as_odt() {
    for (name, doc) in common::export_set() {
        let bytes = odt::render(&doc).unwrap_or_else(|e| panic!("{name}: {e}"));
        common::keep_export(&format!("{name}.odt"), &bytes);
        // mimetype first and stored, so its type can be read at offset 38.
        assert_eq!(&bytes[30..38], b"mimetype", "{name}");
        assert_eq!(&bytes[38..38 + odt::MIMETYPE.len()], odt::MIMETYPE.as_bytes(), "{name}");
        let parts = common::zip_parts(&bytes);
        assert_eq!(parts[0].2, zip::CompressionMethod::Stored);
        let manifest = &parts.iter().find(|p| p.0 == "META-INF/manifest.xml").expect("manifest").1;
        for (part, _, _) in parts.iter().filter(|p| p.0 != "mimetype" && !p.0.starts_with("META-INF")) {
            assert!(manifest.contains(&format!(r#"manifest:full-path="{part}""#)), "{name}: {part} declared");
        }
        for (part, xml, _) in &parts {
            if part.ends_with(".xml") {
                roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name} {part}: {e}"));
            }
        }
    }
}

/// The words of the model, and nothing else, reach the body; headings have outline levels, a
/// typed line break is a line break, spaces survive, gaps are highlighted.
#[test]
fn the_body_says_what_the_model_says() {
    const TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    let (_, doc) = common::export_set().into_iter().find(|(n, _)| n == "ikpe-leer").expect("empty IKPE");
    let bytes = odt::render(&doc).expect("rendered");
    let content = common::zip_parts(&bytes).into_iter().find(|p| p.0 == "content.xml").expect("content").1;
    let xml = roxmltree::Document::parse(&content).expect("xml");
    let headings: Vec<_> = xml.descendants().filter(|n| n.has_tag_name((TEXT, "h"))).collect();
    assert!(headings.len() >= 5, "real headings");
    assert!(headings.iter().all(|h| h.attribute((TEXT, "outline-level")).is_some()));
    assert!(content.contains(&doc.wording.draft_banner), "draft banner from the model");
    assert!(xml.descendants().any(|n| n.has_tag_name((TEXT, "span")) && n.attribute((TEXT, "style-name")) == Some("Luecke")), "gaps");
    let styles = common::zip_parts(&bytes).into_iter().find(|p| p.0 == "styles.xml").expect("styles").1;
    assert!(styles.contains("<text:page-number") && styles.contains("<text:page-count"), "Seite X von Y");
    assert!(styles.contains(&doc.wording.page_before), "footer wording from the model");

    let mut doc = doc;
    doc.blocks.push(koop_core::Block::Paragraph {
        style: koop_core::template::ParagraphStyle::Body,
        text: vec![koop_core::Inline::Text("Zeile 1\nZeile  2 <&>".into())],
    });
    let content = common::zip_parts(&odt::render(&doc).expect("rendered")).into_iter().find(|p| p.0 == "content.xml").expect("content").1;
    assert!(content.contains("Zeile 1<text:line-break/>Zeile <text:s/>2 &lt;&amp;&gt;"), "{content}");
}

#[test]
fn a_bad_timestamp_is_a_message_not_a_panic() {
    let (_, doc) = common::export_set().remove(0);
    assert!(odt::render_at(&doc, "gestern").expect_err("refused").to_string().contains("Zeitstempel"));
}

/// LibreOffice's PDF of the ODT and of the DOCX of every real document of the export set have the
/// same text, line by line (so also the same line breaks), apart from the running header and the
/// page footer, whose lines move with page breaks. The hostile samples are left out here: their
/// exotic glyphs fall back to other fonts differently; openxml-audit checks their packages.
/// Runs where LibreOffice is installed (`scripts/test` requires it).
#[test]
fn libreoffice_prints_the_same_text_from_odt_and_docx() {
    if !common::soffice_available() {
        return;
    }
    let dir = common::scratch_dir("odt");
    let mut names = Vec::new();
    for kind in ["odt", "docx"] {
        std::fs::create_dir_all(dir.join(kind)).expect("dir");
    }
    let mut files = Vec::new();
    for (name, doc) in common::export_set().into_iter().filter(|(n, _)| !n.starts_with("feindlich")) {
        let odt_path = dir.join("odt").join(format!("{name}.odt"));
        std::fs::write(&odt_path, odt::render(&doc).expect("odt")).expect("write");
        let docx_path = dir.join("docx").join(format!("{name}.docx"));
        std::fs::write(&docx_path, koop_core::render::docx::render(&doc).expect("docx")).expect("write");
        files.push((odt_path, docx_path));
        names.push(name);
    }
    // One LibreOffice start per format (each takes seconds), with its own profile.
    for (kind, list) in
        [("odt", files.iter().map(|f| f.0.clone()).collect::<Vec<_>>()), ("docx", files.iter().map(|f| f.1.clone()).collect())]
    {
        common::soffice_convert(&dir.join("profile"), "pdf", &dir.join(kind), &list);
    }
    let lines = |pdf: std::path::PathBuf| -> Vec<String> {
        let out =
            std::process::Command::new("pdftotext").args(["-layout", "-enc", "UTF-8"]).arg(&pdf).arg("-").output().expect("pdftotext");
        assert!(out.status.success(), "no PDF {}", pdf.display());
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        let mut all = Vec::new();
        for page in text.split('\u{c}') {
            let page: Vec<String> =
                page.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|l| !l.is_empty()).collect();
            // The first line of a page is the running header; "Seite X von Y" the footer.
            all.extend(page.into_iter().skip(1).filter(|l| {
                let w: Vec<&str> = l.split(' ').collect();
                !(w.len() == 4 && w[0] == "Seite" && w[2] == "von" && w[1].parse::<u32>().is_ok() && w[3].parse::<u32>().is_ok())
            }));
        }
        all
    };
    for name in &names {
        let from_odt = lines(dir.join("odt").join(format!("{name}.pdf")));
        let from_docx = lines(dir.join("docx").join(format!("{name}.pdf")));
        assert!(from_odt.len() > 100, "{name}: text extracted");
        assert_eq!(from_odt, from_docx, "{name}: ODT and DOCX print the same text");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

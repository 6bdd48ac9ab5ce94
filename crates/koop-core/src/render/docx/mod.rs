//! DOCX renderer: the neutral [`Document`] as a Word file.
//!
//! docx-rs builds the body, styles, numbering, header and footer. Its output is then finished
//! here, because docx-rs 0.4.22 cannot do four things the export needs:
//!
//! - element order: docx-rs writes property elements in its own order, Word expects the
//!   schema's sequence, so its parts are re-serialized in canonical order (see
//!   [`canonical`]);
//! - document properties: `docProps/core.xml` (title, subject, author, language, timestamps)
//!   is written here, and `<w:lang w:val="de-DE"/>` is added to the default run properties in
//!   `styles.xml` so Word's spell checker uses German;
//! - compression: docx-rs stores entries uncompressed; the package is written here with
//!   Deflate, `[Content_Types].xml` first;
//! - the small fixed parts (content types, relationships, settings, app properties) are
//!   written here, without docx-rs' empty comment parts and East Asian layout settings.
//!
//! Layout (twips, 1 cm = 567): A4 portrait, margins 2.5 cm, Arial 11 pt throughout, ragged
//! right. Section and clause numbers hang in the first 1.5 cm and their text starts at 1.5 cm;
//! indented paragraphs, contacts and bullet symbols start there too. Gaps are highlighted
//! yellow; a draft is marked in the header and above the title (wording from the model). Each signature block is
//! kept on one page.
//!
//! Rendering is pure and deterministic (no clock, no randomness, no file system), so it runs
//! unchanged in the browser (wasm32).

use crate::document::{Block, Bullet, Document, Inline, Meta, Signature, Wording};
use crate::template::ParagraphStyle;
use docx_rs as dx;
use std::borrow::Cow;

mod body;
mod canonical;
pub(crate) mod layout;
mod parts;
mod text;

use super::{RenderError, zip};
use body::*;
use canonical::*;
use layout::*;
pub use layout::{FONT, MARGIN, PAGE_HEIGHT, PAGE_WIDTH, TEXT_INDENT};
use parts::*;
pub use text::clean;
pub(crate) use text::is_w3cdtf as is_timestamp;
use text::*;

/// The creation/modification time written by [`render`] (renders must be reproducible and the
/// browser has no clock here). Use [`render_at`] to record the real export time.
pub const DEFAULT_TIMESTAMP: &str = "2026-01-01T00:00:00Z";

/// Renders the document as a Word file (timestamps [`DEFAULT_TIMESTAMP`]).
pub fn render(doc: &Document) -> Result<Vec<u8>, RenderError> {
    render_at(doc, DEFAULT_TIMESTAMP)
}

/// Renders the document as a Word file with `timestamp` (W3CDTF, `YYYY-MM-DDThh:mm:ssZ`) as
/// its creation and modification time.
pub fn render_at(doc: &Document, timestamp: &str) -> Result<Vec<u8>, RenderError> {
    render_with(doc, timestamp, None)
}

/// [`render_at`], carrying the draft record (`render::embed`) when there is one.
pub fn render_with(doc: &Document, timestamp: &str, draft: Option<&str>) -> Result<Vec<u8>, RenderError> {
    if !is_w3cdtf(timestamp) {
        return Err(RenderError::docx(format!("ungültiger Zeitstempel „{}“ (erwartet JJJJ-MM-TTThh:mm:ssZ)", clean(timestamp))));
    }
    let language = language(&doc.meta);
    let xml = build(doc).build();
    let [header, footer] = [&xml.headers, &xml.footers].map(|parts| match parts.as_slice() {
        [one] => Ok(one),
        _ => Err(RenderError::docx(format!("{} Kopf-/Fußzeilen statt einer", parts.len()))),
    });
    let document = canonical(&xml.document, "document.xml", |_| {})?;
    for rid in [HEADER_RID, FOOTER_RID] {
        if !document.contains(&format!(r#"r:id="{rid}""#)) {
            return Err(RenderError::docx(format!("document.xml: Verweis {rid} fehlt")));
        }
    }
    let styles = canonical(&xml.styles, "styles.xml", |root| add_language(root, &language))?;
    let numbering = canonical(&xml.numberings, "numbering.xml", |_| {})?;
    let header = canonical(header?, "header1.xml", |_| {})?;
    let footer = canonical(footer?, "footer1.xml", |_| {})?;
    let core = core_properties(&doc.meta, &language, timestamp)?;
    let settings = settings(&language)?;
    let (content_types, package_rels) = package_parts(draft.is_some());
    let custom = draft.map(custom_properties).transpose()?;
    let mut parts: Vec<zip::Entry<'_>> = vec![
        zip::Entry::deflated("[Content_Types].xml", content_types.as_bytes()),
        zip::Entry::deflated("_rels/.rels", package_rels.as_bytes()),
        zip::Entry::deflated("docProps/core.xml", core.as_bytes()),
        zip::Entry::deflated("docProps/app.xml", APP_PROPERTIES.as_bytes()),
        zip::Entry::deflated("word/document.xml", document.as_bytes()),
        zip::Entry::deflated("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes()),
        zip::Entry::deflated("word/styles.xml", styles.as_bytes()),
        zip::Entry::deflated("word/numbering.xml", numbering.as_bytes()),
        zip::Entry::deflated("word/settings.xml", settings.as_bytes()),
        zip::Entry::deflated("word/fontTable.xml", &xml.font_table),
        zip::Entry::deflated("word/theme/theme1.xml", THEME.as_bytes()),
        zip::Entry::deflated("word/header1.xml", header.as_bytes()),
        zip::Entry::deflated("word/footer1.xml", footer.as_bytes()),
    ];
    if let Some(custom) = &custom {
        parts.insert(4, zip::Entry::deflated("docProps/custom.xml", custom.as_bytes()));
    }
    zip::write(&parts).map_err(|e| RenderError::docx(e.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(s: &str) -> Result<String, String> {
        let mut root = parse(s)?;
        normalize(&mut root);
        root.to_xml(false)
    }

    #[test]
    fn parser_keeps_text_and_attributes() {
        let s = r#"<?xml version="1.0"?><w:p a="x &gt; y" b='<'><w:r><w:t xml:space="preserve"> a &amp; b </w:t><w:tab /></w:r></w:p>"#;
        assert_eq!(
            roundtrip(s).as_deref(),
            Ok(r#"<w:p a="x &gt; y" b='<'><w:r><w:t xml:space="preserve"> a &amp; b </w:t><w:tab/></w:r></w:p>"#)
        );
    }

    #[test]
    fn parser_rejects_malformed_input_without_panicking() {
        for bad in ["", "<a>", "</a>", "<a></b>", "<>", "</>", "<a/><b/>", "<a", "<!-- x --><a/>", "<a><![CDATA[x]]></a>", "text"] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn properties_are_put_in_schema_order() {
        let s = r#"<w:pPr><w:rPr><w:sz w:val="22"/><w:b/><w:rFonts w:ascii="Arial"/></w:rPr><w:jc w:val="center"/><w:keepNext/><w:numPr><w:numId w:val="2"/><w:ilvl w:val="0"/></w:numPr><w:pStyle w:val="X"/></w:pPr>"#;
        assert_eq!(
            roundtrip(s).as_deref(),
            Ok(
                r#"<w:pPr><w:pStyle w:val="X"/><w:keepNext/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr><w:jc w:val="center"/><w:rPr><w:rFonts w:ascii="Arial"/><w:b/><w:sz w:val="22"/></w:rPr></w:pPr>"#
            )
        );
        // Empty run and paragraph properties are dropped.
        assert_eq!(
            roundtrip("<w:p><w:pPr><w:rPr /></w:pPr><w:r><w:rPr/><w:t>x</w:t></w:r></w:p>").as_deref(),
            Ok("<w:p><w:r><w:t>x</w:t></w:r></w:p>")
        );
    }

    #[test]
    fn language_is_added_to_the_run_defaults() {
        let styles = br#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>"#;
        let out = canonical(styles, "styles.xml", |r| add_language(r, "de-DE")).expect("valid");
        assert!(out.contains(r#"<w:rPr><w:sz w:val="22"/><w:lang w:val="de-DE" w:eastAsia="de-DE" w:bidi="ar-SA"/></w:rPr>"#), "{out}");
        assert!(out.contains(r#"w:styleId="Normal" w:default="1""#), "{out}");
        let bare = canonical(b"<w:styles><w:docDefaults/></w:styles>", "styles.xml", |r| add_language(r, "de-DE")).expect("valid");
        assert!(bare.contains(r#"<w:rPrDefault><w:rPr><w:lang w:val="de-DE""#), "{bare}");
    }

    /// Why the canonical pass exists: docx-rs 0.4.22 writes these elements out of the schema's
    /// sequence (ECMA-376 Part 1, 17.3.1.26 pPr: pStyle first, rPr after jc; 17.3.2.28 rPr:
    /// rFonts before b before sz; 17.6.17 sectPr: headerReference first; 17.7.4.17 style:
    /// basedOn before next and pPr before rPr). If this test fails after a docx-rs update, the
    /// listed element is now written in order and its reordering here may go.
    #[test]
    fn docx_rs_writes_these_elements_out_of_schema_order_and_the_export_does_not() {
        let t = |s: &str| vec![Inline::Text(s.to_string())];
        let doc = Document {
            meta: Meta {
                title: "T".into(),
                subject: "S".into(),
                author: "A".into(),
                header: "H".into(),
                language: "de-DE".into(),
                file_name: "f".into(),
            },
            draft: true,
            blocks: vec![
                Block::Title(t("Titel")),
                Block::Party { lines: vec![t("Partei")], alias: Some(t("P")) },
                Block::Heading { level: 1, number: Some("§ 1".into()), text: t("Gegenstand"), id: None },
                Block::Clause { number: "(1)".into(), id: None, text: vec![Inline::Gap { text: "Lücke".into(), target: None }] },
                Block::Bullets(vec![Bullet { level: 1, text: t("Punkt") }]),
                Block::Signatures(vec![Signature { party: t("Partei"), place: t("Ort"), signatories: vec![t("Name")] }]),
            ],
            wording: Wording::german(),
        };
        let xml = build(&doc).build();
        let mut raw = Vec::new();
        let mut exported = Vec::new();
        for (name, part) in [("document.xml", &xml.document), ("styles.xml", &xml.styles), ("numbering.xml", &xml.numberings)] {
            out_of_order(&parse(std::str::from_utf8(part).expect("utf-8")).expect("well-formed"), &mut raw);
            let canonical = canonical(part, name, |_| {}).expect("canonical");
            out_of_order(&parse(&canonical).expect("well-formed"), &mut exported);
        }
        let pair = |parent: &str, earlier: &str, later: &str| (parent.to_string(), earlier.to_string(), later.to_string());
        for known in [
            pair("w:pPr", "w:rPr", "w:pStyle"),
            pair("w:pPr", "w:outlineLvl", "w:keepNext"),
            pair("w:rPr", "w:szCs", "w:rFonts"),
            pair("w:sectPr", "w:cols", "w:headerReference"),
            pair("w:style", "w:rPr", "w:pPr"),
            pair("w:style", "w:qFormat", "w:basedOn"),
            pair("w:numPr", "w:numId", "w:ilvl"),
        ] {
            assert!(raw.contains(&known), "docx-rs now writes {known:?} in order: {raw:#?}");
        }
        assert_eq!(exported, Vec::new(), "the exported parts are in schema order");
    }

    #[test]
    fn timestamps_are_w3cdtf() {
        assert!(is_w3cdtf(DEFAULT_TIMESTAMP));
        assert!(is_w3cdtf("2026-11-22T23:59:59Z"));
        for bad in ["2026-11-22", "2026-11-22T23:59:59", "2026-11-22 23:59:59Z", "2026-1-22T23:59:59Z", "２０２６-11-22T23:59:59Z"] {
            assert!(!is_w3cdtf(bad), "{bad}");
        }
    }
}

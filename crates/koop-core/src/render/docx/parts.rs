//! The fixed package parts and the document properties.

#![allow(clippy::wildcard_imports)]

use super::*;

// ---------------------------------------------------------------------------------------------
// Package parts written here

/// The relationship ids docx-rs gives the first header and footer.
pub(super) const HEADER_RID: &str = "rIdHeader1";
pub(super) const FOOTER_RID: &str = "rIdFooter1";

pub(super) const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    r#"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>"#,
    r#"<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>"#,
    r#"<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>"#,
    r#"<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>"#,
    r#"<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#,
    r#"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#,
    r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
    "</Types>"
);

pub(super) const PACKAGE_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#,
    "</Relationships>"
);

pub(super) const DOCUMENT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#,
    r#"<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>"#,
    r#"<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/>"#,
    r#"<Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>"#,
    r#"<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#,
    "</Relationships>"
);

/// `word/theme/theme1.xml`: Word writes a theme into every document, and Microsoft 365 rates a
/// document part without one "at risk" (openxml-audit, `-f microsoft365`). Arial as the theme's
/// fonts, so theme-font references resolve to the document's one font.
pub(super) const THEME: &str = include_str!("theme1.xml");

pub(super) const APP_PROPERTIES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" "#,
    r#"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#,
    "<Application>Koop-Assistent</Application></Properties>"
);

/// `[Content_Types].xml` and `_rels/.rels` with or without the custom properties that carry
/// the draft (`render::embed`).
pub(super) fn package_parts(with_custom: bool) -> (Cow<'static, str>, Cow<'static, str>) {
    if !with_custom {
        return (Cow::Borrowed(CONTENT_TYPES), Cow::Borrowed(PACKAGE_RELS));
    }
    let types = CONTENT_TYPES.replace(
        "</Types>",
        r#"<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>"#,
    );
    let rels = PACKAGE_RELS.replace(
        "</Relationships>",
        r#"<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>"#,
    );
    (Cow::Owned(types), Cow::Owned(rels))
}

/// `docProps/custom.xml`: the draft record in numbered pieces (`render::embed`).
pub(super) fn custom_properties(record: &str) -> Result<String, RenderError> {
    xml_part("custom.xml", |w| {
        w.create_element("Properties")
            .with_attributes([
                ("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"),
                ("xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"),
            ])
            .write_inner_content(|w| {
                for (i, (name, value)) in crate::render::embed::pieces(record).iter().enumerate() {
                    // pid 2 is the first a document may use (0 and 1 are reserved).
                    let pid = (i + 2).to_string();
                    w.create_element("property")
                        .with_attributes([
                            ("fmtid", "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"),
                            ("pid", pid.as_str()),
                            ("name", name.as_str()),
                        ])
                        .write_inner_content(|w| {
                            w.create_element("vt:lpwstr").write_text_content(quick_xml::events::BytesText::new(value))?;
                            Ok(())
                        })?;
                }
                Ok(())
            })?;
        Ok(())
    })
}

/// A part written with quick-xml: the XML declaration Word writes, then `body`.
fn xml_part(part: &str, body: impl FnOnce(&mut quick_xml::Writer<Vec<u8>>) -> std::io::Result<()>) -> Result<String, RenderError> {
    use quick_xml::events::{BytesDecl, Event};
    let mut w = quick_xml::Writer::new(Vec::new());
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), Some("yes"))))
        .and_then(|_| body(&mut w))
        .map_err(|e| RenderError::docx(format!("{part}: {e}")))?;
    String::from_utf8(w.into_inner()).map_err(|e| RenderError::docx(format!("{part}: {e}")))
}

const W_NS: (&str, &str) = ("xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main");

/// `word/settings.xml` (docx-rs' own carries East Asian layout options).
pub(super) fn settings(language: &str) -> Result<String, RenderError> {
    let tab = TEXT_INDENT.to_string();
    xml_part("settings.xml", |w| {
        w.create_element("w:settings").with_attribute(W_NS).write_inner_content(|w| {
            w.create_element("w:zoom").with_attribute(("w:percent", "100")).write_empty()?;
            w.create_element("w:defaultTabStop").with_attribute(("w:val", tab.as_str())).write_empty()?;
            w.create_element("w:characterSpacingControl").with_attribute(("w:val", "doNotCompress")).write_empty()?;
            w.create_element("w:compat").write_inner_content(|w| {
                w.create_element("w:compatSetting")
                    .with_attributes([
                        ("w:name", "compatibilityMode"),
                        ("w:uri", "http://schemas.microsoft.com/office/word"),
                        ("w:val", "15"),
                    ])
                    .write_empty()
                    .map(|_| ())
            })?;
            w.create_element("w:themeFontLang").with_attribute(("w:val", language)).write_empty()?;
            w.create_element("w:decimalSymbol").with_attribute(("w:val", ",")).write_empty()?;
            w.create_element("w:listSeparator").with_attribute(("w:val", ";")).write_empty()?;
            Ok(())
        })?;
        Ok(())
    })
}

/// `docProps/core.xml` (docx-rs 0.4.22 cannot set title, subject, author or language).
pub(super) fn core_properties(meta: &Meta, language: &str, timestamp: &str) -> Result<String, RenderError> {
    use quick_xml::events::BytesText;
    let namespaces = [
        ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
        ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
        ("xmlns:dcterms", "http://purl.org/dc/terms/"),
        ("xmlns:dcmitype", "http://purl.org/dc/dcmitype/"),
        ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
    ];
    let (title, subject, author) = (clean(&meta.title), clean(&meta.subject), clean(&meta.author));
    xml_part("core.xml", |w| {
        w.create_element("cp:coreProperties").with_attributes(namespaces).write_inner_content(|w| {
            for (name, text) in [
                ("dc:title", title.as_str()),
                ("dc:subject", subject.as_str()),
                ("dc:creator", author.as_str()),
                ("cp:lastModifiedBy", author.as_str()),
                ("cp:revision", "1"),
                ("dc:language", language),
            ] {
                w.create_element(name).write_text_content(BytesText::new(text))?;
            }
            for name in ["dcterms:created", "dcterms:modified"] {
                w.create_element(name).with_attribute(("xsi:type", "dcterms:W3CDTF")).write_text_content(BytesText::new(timestamp))?;
            }
            Ok(())
        })?;
        Ok(())
    })
}

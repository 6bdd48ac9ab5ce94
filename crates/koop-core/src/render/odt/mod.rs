//! ODT renderer: the neutral [`Document`] as OpenDocument Text (ODF 1.3), the format German
//! public administration is moving to. A thin mapping like the DOCX renderer: every word comes
//! from the model; layout decisions live in [`layout`]; all XML is written with quick-xml.
//!
//! Package: `mimetype` stored first and uncompressed, then `content.xml` (the body),
//! `styles.xml` (page, fonts, paragraph and list styles, header and footer), `meta.xml` and the
//! manifest listing every member.

use crate::document::Document;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

mod body;
mod layout;
mod parts;

use super::{RenderError, zip};

pub const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

/// Renders the document as an ODT with the fixed timestamp of the DOCX renderer.
pub fn render(doc: &Document) -> Result<Vec<u8>, RenderError> {
    render_at(doc, super::docx::DEFAULT_TIMESTAMP)
}

/// Renders the document as an ODT with `timestamp` (W3CDTF) as creation and modification time.
pub fn render_at(doc: &Document, timestamp: &str) -> Result<Vec<u8>, RenderError> {
    render_with(doc, timestamp, None)
}

/// [`render_at`], carrying the draft record (`render::embed`) when there is one.
pub fn render_with(doc: &Document, timestamp: &str, draft: Option<&str>) -> Result<Vec<u8>, RenderError> {
    if !super::docx::is_timestamp(timestamp) {
        return Err(RenderError::odt(format!(
            "ungültiger Zeitstempel „{}“ (erwartet JJJJ-MM-TTThh:mm:ssZ)",
            super::docx::clean(timestamp)
        )));
    }
    let content = part("content.xml", |w| body::content(w, doc))?;
    let styles = part("styles.xml", |w| layout::styles(w, doc))?;
    let meta = part("meta.xml", |w| parts::meta(w, &doc.meta, timestamp, draft))?;
    let manifest = part("manifest.xml", parts::manifest)?;
    let entries = [
        // ODF 1.3 part 2, 3.3: first, stored, so the type can be read at a fixed offset.
        zip::Entry::stored("mimetype", MIMETYPE.as_bytes()),
        zip::Entry::deflated("content.xml", content.as_bytes()),
        zip::Entry::deflated("styles.xml", styles.as_bytes()),
        zip::Entry::deflated("meta.xml", meta.as_bytes()),
        zip::Entry::deflated("META-INF/manifest.xml", manifest.as_bytes()),
    ];
    zip::write(&entries).map_err(|e| RenderError::odt(e.0))
}

type W = Writer<Vec<u8>>;

fn part(name: &str, body: impl FnOnce(&mut W) -> std::io::Result<()>) -> Result<String, RenderError> {
    let mut w = Writer::new(Vec::new());
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .and_then(|()| body(&mut w))
        .map_err(|e| RenderError::odt(format!("{name}: {e}")))?;
    String::from_utf8(w.into_inner()).map_err(|e| RenderError::odt(format!("{name}: {e}")))
}

/// The namespaces of ODF 1.3 the parts use.
const NS: &[(&str, &str)] = &[
    ("xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"),
    ("xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"),
    ("xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"),
    ("xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"),
    ("xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"),
    ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
    ("xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"),
];

/// Text as ODF holds it: ODF collapses runs of spaces, so every space after the first (and a
/// leading one) is a `text:s`; typed line breaks are `text:line-break`.
fn text(w: &mut W, s: &str) -> std::io::Result<()> {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let mut plain = String::new();
    let mut spaces = 0usize;
    let mut at_start = true;
    let flush = |w: &mut W, plain: &mut String| -> std::io::Result<()> {
        if !plain.is_empty() {
            w.write_event(Event::Text(BytesText::new(plain)))?;
            plain.clear();
        }
        Ok(())
    };
    let spaces_out = |w: &mut W, plain: &mut String, n: usize, at_start: bool| -> std::io::Result<()> {
        if n == 0 {
            return Ok(());
        }
        let extra = if at_start {
            n
        } else {
            plain.push(' ');
            n - 1
        };
        if extra > 0 {
            flush(w, plain)?;
            let c = extra.to_string();
            let el = w.create_element("text:s");
            if extra > 1 {
                el.with_attribute(("text:c", c.as_str())).write_empty()?;
            } else {
                el.write_empty()?;
            }
        }
        Ok(())
    };
    for c in s.chars() {
        match c {
            // A tab typed into a field is a space, as in the DOCX.
            ' ' | '\t' => spaces += 1,
            '\n' => {
                spaces_out(w, &mut plain, spaces, at_start)?;
                spaces = 0;
                flush(w, &mut plain)?;
                w.create_element("text:line-break").write_empty()?;
                at_start = true;
            }
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => {
                spaces_out(w, &mut plain, spaces, at_start)?;
                spaces = 0;
                at_start = false;
                plain.push(c);
            }
        }
    }
    spaces_out(w, &mut plain, spaces, at_start)?;
    flush(w, &mut plain)
}

//! meta.xml (title, subject, creator, language, times) and the manifest.

use super::{NS, W};
use crate::document::Meta;
use quick_xml::events::BytesText;
use std::io::Result;

pub(super) fn meta(w: &mut W, m: &Meta, timestamp: &str, draft: Option<&str>) -> Result<()> {
    let clean = crate::render::docx::clean;
    let language = if m.language.trim().is_empty() { "de-DE".to_string() } else { clean(&m.language) };
    let (title, subject, author) = (clean(&m.title), clean(&m.subject), clean(&m.author));
    w.create_element("office:document-meta")
        .with_attributes(NS.iter().copied())
        .with_attribute(("office:version", "1.3"))
        .write_inner_content(|w| {
            w.create_element("office:meta").write_inner_content(|w| {
                for (name, value) in [
                    ("meta:generator", "Koop-Assistent"),
                    ("dc:title", title.as_str()),
                    ("dc:subject", subject.as_str()),
                    ("meta:initial-creator", author.as_str()),
                    ("dc:creator", author.as_str()),
                    ("dc:language", language.as_str()),
                    ("meta:creation-date", timestamp),
                    ("dc:date", timestamp),
                ] {
                    w.create_element(name).write_text_content(BytesText::new(value))?;
                }
                for (name, value) in draft.map(crate::render::embed::pieces).unwrap_or_default() {
                    w.create_element("meta:user-defined")
                        .with_attributes([("meta:name", name.as_str()), ("meta:value-type", "string")])
                        .write_text_content(BytesText::new(&value))?;
                }
                Ok(())
            })?;
            Ok(())
        })?;
    Ok(())
}

pub(super) fn manifest(w: &mut W) -> Result<()> {
    w.create_element("manifest:manifest")
        .with_attributes([("xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"), ("manifest:version", "1.3")])
        .write_inner_content(|w| {
            for (path, media) in [("/", super::MIMETYPE), ("content.xml", "text/xml"), ("styles.xml", "text/xml"), ("meta.xml", "text/xml")]
            {
                let mut e = w.create_element("manifest:file-entry").with_attribute(("manifest:full-path", path));
                if path == "/" {
                    e = e.with_attribute(("manifest:version", "1.3"));
                }
                e.with_attribute(("manifest:media-type", media)).write_empty()?;
            }
            Ok(())
        })?;
    Ok(())
}

//! The draft travels inside its export. The draft record (the versioned JSON of "Als Datei
//! sichern", only what the user entered) is stored as custom document properties: in the DOCX
//! `docProps/custom.xml`, in the ODT `meta:user-defined` in meta.xml. Both are kept by Word and
//! LibreOffice when they save the file again. Word edits property values of at most 255
//! characters, so the record is cut into numbered pieces of [`PIECE`] characters
//! (`Koop-Entwurf-0001`, …) and joined in name order when read. The record is stored in base64:
//! no white space an office program could trim or normalise, no character XML cannot hold.

use crate::document::printed::Embedded;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::{Cursor, Read};

pub mod error;
pub use error::EmbedError;

/// The property names' prefix; the number follows, four digits.
pub const PREFIX: &str = "Koop-Entwurf-";
/// Characters per property value (Word's limit is 255).
pub const PIECE: usize = 250;
/// Largest part read from an uploaded file (the draft record's own limit is 4 MB).
const MAX_PART: u64 = 16 * 1024 * 1024;

/// The record cut into named pieces.
pub fn pieces(record: &str) -> Vec<(String, String)> {
    let encoded = STANDARD.encode(record.as_bytes());
    // Base64 is ASCII: byte chunks are character chunks.
    encoded
        .as_bytes()
        .chunks(PIECE)
        .enumerate()
        .map(|(i, c)| (format!("{PREFIX}{:04}", i + 1), String::from_utf8_lossy(c).into_owned()))
        .collect()
}

/// Reads the draft record from an exported DOCX or ODT (also after Word or LibreOffice saved it
/// again).
pub fn read(bytes: &[u8]) -> Result<String, EmbedError> {
    read_document(bytes).map(|e| e.record)
}

/// Reads draft, body text and creation time from an exported DOCX or ODT (a PDF: draft and
/// creation time, `render::pdf::read`).
pub fn read_document(bytes: &[u8]) -> Result<Embedded, EmbedError> {
    if super::pdf::read::is_pdf(bytes) {
        return super::pdf::read::read_document(bytes);
    }
    let mut archive = ::zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| EmbedError::NotADocument)?;
    let mut part = |name: &str| -> Result<Option<String>, EmbedError> {
        let Ok(file) = archive.by_name(name) else { return Ok(None) };
        let mut xml = String::new();
        file.take(MAX_PART).read_to_string(&mut xml).map_err(|_| EmbedError::NotADocument)?;
        Ok(Some(xml))
    };
    let mut found = Vec::new();
    let mut created = None;
    if let Some(xml) = part("docProps/custom.xml")? {
        found.extend(properties(&xml, "property", "name"));
    }
    if let Some(xml) = part("docProps/core.xml")? {
        created = element_text(&xml, "dcterms:created");
    }
    if let Some(xml) = part("meta.xml")? {
        found.extend(properties(&xml, "meta:user-defined", "meta:name"));
        created = created.or_else(|| element_text(&xml, "meta:creation-date"));
    }
    let record = join(found)?;
    let paragraphs = match (part("word/document.xml")?, part("content.xml")?) {
        (Some(xml), _) => body_text(&xml, &DOCX_TEXT),
        (None, Some(xml)) => body_text(&xml, &ODT_TEXT),
        (None, None) => Vec::new(),
    };
    Ok(Embedded { record, paragraphs, created, has_body: true })
}

/// How a format marks up the text of its body.
struct TextMarkup {
    /// Elements that are a paragraph (a nested one, as in a text box, is its own paragraph).
    paragraphs: &'static [&'static str],
    /// Elements whose characters are the paragraph's text.
    text: &'static [&'static str],
    /// Empty elements that stand for characters.
    tab: &'static [&'static str],
    line_break: &'static [&'static str],
    /// ODF's run of spaces (`c` says how many).
    spaces: Option<&'static str>,
    /// Elements whose content is not body text: deleted text of tracked changes, comments,
    /// field codes.
    skip: &'static [&'static str],
    /// Text directly inside a paragraph counts (ODF); in WordprocessingML only inside `text`.
    text_in_paragraph: bool,
}

const DOCX_TEXT: TextMarkup = TextMarkup {
    paragraphs: &["w:p"],
    text: &["w:t"],
    tab: &["w:tab"],
    line_break: &["w:br", "w:cr"],
    spaces: None,
    skip: &["w:del", "w:delText", "w:instrText", "w:pPr", "w:rPr", "w:commentReference"],
    text_in_paragraph: false,
};

const ODT_TEXT: TextMarkup = TextMarkup {
    paragraphs: &["text:p", "text:h"],
    text: &[],
    tab: &["text:tab"],
    line_break: &["text:line-break"],
    spaces: Some("text:s"),
    skip: &["office:annotation", "text:tracked-changes", "text:note-citation", "text:sequence-decls"],
    text_in_paragraph: true,
};

/// The text of each paragraph of a body part, in document order.
fn body_text(xml: &str, m: &TextMarkup) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    // The paragraphs being read (innermost last), and how deep inside skipped or text elements.
    let mut open: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let (mut skipping, mut in_text) = (0usize, 0usize);
    let is = |list: &[&str], name: &[u8]| list.iter().any(|n| n.as_bytes() == name);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let name = e.name();
                let name = name.as_ref();
                if skipping > 0 || is(m.skip, name) {
                    skipping += 1;
                } else if is(m.paragraphs, name) {
                    open.push(String::new());
                } else if is(m.text, name) {
                    in_text += 1;
                }
            }
            Ok(Event::End(e)) => {
                let name = e.name();
                let name = name.as_ref();
                if skipping > 0 {
                    skipping -= 1;
                } else if is(m.paragraphs, name) {
                    if let Some(p) = open.pop() {
                        out.push(p);
                    }
                } else if is(m.text, name) {
                    in_text = in_text.saturating_sub(1);
                }
            }
            Ok(Event::Empty(e)) => {
                let name = e.name();
                let name = name.as_ref();
                let Some(p) = open.last_mut().filter(|_| skipping == 0) else {
                    if skipping == 0 && is(m.paragraphs, name) {
                        out.push(String::new());
                    }
                    continue;
                };
                if is(m.tab, name) {
                    p.push('\t');
                } else if is(m.line_break, name) {
                    p.push('\n');
                } else if m.spaces.is_some_and(|s| s.as_bytes() == name) {
                    let count = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == b"text:c")
                        .and_then(|a| String::from_utf8_lossy(&a.value).parse::<usize>().ok())
                        .unwrap_or(1);
                    // A hostile count must not make the reader allocate without bound.
                    p.extend(std::iter::repeat_n(' ', count.min(1000)));
                } else if is(m.paragraphs, name) {
                    out.push(String::new());
                }
            }
            Ok(Event::Text(t)) => {
                if skipping == 0
                    && (in_text > 0 || m.text_in_paragraph)
                    && let Some(p) = open.last_mut()
                    && let Ok(text) = t.decode()
                {
                    p.push_str(&text);
                }
            }
            Ok(Event::GeneralRef(r)) => {
                if skipping == 0
                    && (in_text > 0 || m.text_in_paragraph)
                    && let Some(p) = open.last_mut()
                {
                    push_reference(p, &r);
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

/// The text of the first `element`, if any.
fn element_text(xml: &str, element: &str) -> Option<String> {
    let mut reader = Reader::from_str(xml);
    let mut inside = false;
    let mut text = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.name().as_ref() == element.as_bytes() => inside = true,
            Ok(Event::Text(t)) if inside => text.push_str(&t.decode().ok()?),
            Ok(Event::End(e)) if inside && e.name().as_ref() == element.as_bytes() => {
                let text = text.trim();
                return (!text.is_empty()).then(|| text.to_string());
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

fn push_reference(value: &mut String, r: &quick_xml::events::BytesRef<'_>) {
    match r.resolve_char_ref() {
        Ok(Some(c)) => value.push(c),
        _ => value.push_str(r.decode().ok().and_then(|n| quick_xml::escape::resolve_predefined_entity(&n)).unwrap_or("")),
    }
}

/// The values of `element`s whose `name_attr` starts with [`PREFIX`], with their names.
fn properties(xml: &str, element: &str, name_attr: &str) -> Vec<(String, String)> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    // The property being read, and the depth at which it started.
    let mut current: Option<(String, String, usize)> = None;
    let mut depth = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                depth += 1;
                if current.is_none() && e.name().as_ref() == element.as_bytes() {
                    let name = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == name_attr.as_bytes())
                        .map(|a| String::from_utf8_lossy(&a.value).into_owned());
                    if let Some(name) = name.filter(|n| n.starts_with(PREFIX)) {
                        current = Some((name, String::new(), depth));
                    }
                }
            }
            Ok(Event::Text(t)) => {
                if let Some((_, value, _)) = current.as_mut()
                    && let Ok(text) = t.decode()
                {
                    // Entities come as their own events (below), so the text is literal.
                    value.push_str(&text);
                }
            }
            Ok(Event::GeneralRef(r)) => {
                if let Some((_, value, _)) = current.as_mut() {
                    push_reference(value, &r);
                }
            }
            Ok(Event::End(_)) => {
                if let Some((_, _, at)) = &current
                    && *at == depth
                    && let Some((name, value, _)) = current.take()
                {
                    out.push((name, value));
                }
                depth = depth.saturating_sub(1);
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

fn join(mut found: Vec<(String, String)>) -> Result<String, EmbedError> {
    if found.is_empty() {
        return Err(EmbedError::NoDraft);
    }
    found.sort();
    found.dedup_by(|a, b| a.0 == b.0);
    for (i, (name, _)) in found.iter().enumerate() {
        if *name != format!("{PREFIX}{:04}", i + 1) {
            return Err(EmbedError::Incomplete);
        }
    }
    let encoded: String = found.into_iter().map(|(_, v)| v.trim().to_string()).collect();
    let bytes = STANDARD.decode(encoded.as_bytes()).map_err(|_| EmbedError::Incomplete)?;
    String::from_utf8(bytes).map_err(|_| EmbedError::Incomplete)
}

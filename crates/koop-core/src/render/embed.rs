//! The draft travels inside its export. The draft record (the versioned JSON of "Als Datei
//! sichern", only what the user entered) is stored as custom document properties: in the DOCX
//! `docProps/custom.xml`, in the ODT `meta:user-defined` in meta.xml. Both are kept by Word and
//! LibreOffice when they save the file again. Word edits property values of at most 255
//! characters, so the record is cut into numbered pieces of [`PIECE`] characters
//! (`Koop-Entwurf-0001`, …) and joined in name order when read. The record is stored in base64:
//! no white space an office program could trim or normalise, no character XML cannot hold.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use quick_xml::Reader;
use quick_xml::events::Event;
use std::fmt;
use std::io::{Cursor, Read};

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

/// Why no draft could be read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedError {
    /// Not a DOCX or ODT file at all (not a ZIP package).
    NotADocument,
    /// A document, but no draft inside (not made by the Koop-Assistent, or its properties were
    /// removed).
    NoDraft,
    /// The pieces do not join up (one missing).
    Incomplete,
}

impl EmbedError {
    pub fn message(&self) -> String {
        match self {
            EmbedError::NotADocument => {
                "Die Datei ist kein Word- oder ODT-Dokument. Bitte wählen Sie eine Entwurfsdatei (.json) oder ein vom Koop-Assistenten exportiertes Dokument (.docx, .odt).".into()
            }
            EmbedError::NoDraft => {
                "Dieses Dokument enthält keinen Entwurf. Nur Word- und ODT-Dateien, die der Koop-Assistent exportiert hat, können geöffnet werden.".into()
            }
            EmbedError::Incomplete => {
                "Der Entwurf in diesem Dokument ist unvollständig und kann nicht geöffnet werden. Bitte verwenden Sie die Entwurfsdatei oder eine frische Exportdatei.".into()
            }
        }
    }
}

impl fmt::Display for EmbedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// Reads the draft record from an exported DOCX or ODT (also after Word or LibreOffice saved it
/// again).
pub fn read(bytes: &[u8]) -> Result<String, EmbedError> {
    let mut archive = ::zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| EmbedError::NotADocument)?;
    let mut found = Vec::new();
    for (part, element, name_attr) in [("docProps/custom.xml", "property", "name"), ("meta.xml", "meta:user-defined", "meta:name")] {
        let Ok(file) = archive.by_name(part) else { continue };
        let mut xml = String::new();
        file.take(MAX_PART).read_to_string(&mut xml).map_err(|_| EmbedError::NotADocument)?;
        found.extend(properties(&xml, element, name_attr));
    }
    join(found)
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
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => value.push(c),
                        _ => value.push_str(r.decode().ok().and_then(|n| quick_xml::escape::resolve_predefined_entity(&n)).unwrap_or("")),
                    }
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

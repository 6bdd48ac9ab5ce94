//! A PDF comes back ("Entwurf aus Datei laden"): its draft is the associated file the export
//! attached ([`super::DRAFT_FILE`]), found through the catalog's `/AF` array (PDF/A-3) or the
//! embedded-files name tree, read with a real PDF parser (hayro-syntax). A PDF without it was
//! not made by the app.

use crate::document::printed::Embedded;
use crate::render::embed::error::EmbedError;
use hayro_syntax::Pdf;
use hayro_syntax::object::{Array, Dict, Stream};

/// Largest draft record read (the record's own limit is 4 MB).
const MAX_RECORD: usize = 16 * 1024 * 1024;

/// Whether the bytes are a PDF at all (its header; readers allow it within the first KB).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.windows(5).take(1024).any(|w| w == b"%PDF-")
}

/// The draft record's file specification, if this file specification is it.
fn record_of(spec: &Dict<'_>) -> Option<Result<String, EmbedError>> {
    let name = |key: &[u8]| spec.get::<hayro_syntax::object::String<'_>>(key).map(|s| s.as_bytes().to_vec());
    let named = [name(b"UF"), name(b"F")].into_iter().flatten().any(|n| pdf_text(&n) == super::DRAFT_FILE);
    if !named {
        return None;
    }
    let stream = spec.get::<Dict<'_>>(b"EF").and_then(|ef| ef.get::<Stream<'_>>(b"F").or_else(|| ef.get::<Stream<'_>>(b"UF")));
    Some(match stream.map(|s| s.decoded()) {
        Some(Ok(data)) if data.len() <= MAX_RECORD => String::from_utf8(data.to_vec()).map_err(|_| EmbedError::Incomplete),
        _ => Err(EmbedError::Incomplete),
    })
}

/// A PDF text string (UTF-16 with byte order mark, or PDFDocEncoding, which is Latin-1 for the
/// file names this reads).
fn pdf_text(bytes: &[u8]) -> String {
    match bytes {
        [0xfe, 0xff, rest @ ..] => {
            let units: Vec<u16> = rest.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
            String::from_utf16_lossy(&units)
        }
        _ => bytes.iter().map(|b| char::from(*b)).collect(),
    }
}

/// Reads the draft and the creation time from an exported PDF. The body text is not read back
/// (`Embedded::has_body` is false): a PDF is set in lines, not paragraphs, and is the version to
/// sign, not to edit.
pub fn read_document(bytes: &[u8]) -> Result<Embedded, EmbedError> {
    let pdf = Pdf::new(bytes.to_vec()).map_err(|_| EmbedError::NotADocument)?;
    let xref = pdf.xref();
    let catalog: Dict<'_> = xref.get(xref.root_id()).ok_or(EmbedError::NotADocument)?;
    let mut specs: Vec<Dict<'_>> = catalog.get::<Array<'_>>(b"AF").map(|a| a.iter::<Dict<'_>>().collect()).unwrap_or_default();
    if let Some(tree) = catalog.get::<Dict<'_>>(b"Names").and_then(|n| n.get::<Dict<'_>>(b"EmbeddedFiles")) {
        name_tree_values(&tree, 0, &mut specs);
    }
    let record = specs.iter().find_map(record_of).ok_or(EmbedError::NoDraft)??;
    let created = pdf
        .metadata()
        .creation_date
        .as_ref()
        .map(|d| format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", d.year, d.month, d.day, d.hour, d.minute, d.second));
    Ok(Embedded { record, paragraphs: Vec::new(), created, has_body: false })
}

/// The values of a name tree (`/Names` pairs, `/Kids` below), at most a few levels deep.
fn name_tree_values<'a>(node: &Dict<'a>, depth: usize, out: &mut Vec<Dict<'a>>) {
    if depth > 8 {
        return;
    }
    if let Some(names) = node.get::<Array<'a>>(b"Names") {
        // Key, value, key, value: every second entry is a file specification.
        let values: Vec<Option<Dict<'a>>> = names.iter::<hayro_syntax::object::Object<'a>>().map(|o| o.into_dict()).collect();
        out.extend(values.into_iter().skip(1).step_by(2).flatten());
    }
    if let Some(kids) = node.get::<Array<'a>>(b"Kids") {
        for kid in kids.iter::<Dict<'a>>() {
            name_tree_values(&kid, depth + 1, out);
        }
    }
}

//! PDF renderer: the neutral [`Document`] as the agreement to sign, print and publish, an
//! accessible PDF (PDF/UA-1 and PDF/A-3a) made without an office program.
//!
//! Two steps: the typesetter (`typeset`, with `blocks` and `lines`) sets the document's
//! paragraphs on A4 pages with the DOCX's layout (`layout`, taken from `render/docx/layout.rs`)
//! and the Arial-compatible Koop Sans (`font`); the writer (`write`, krilla) maps the pages to
//! a tagged PDF. The file carries its draft as a PDF/A-3 associated file ([`DRAFT_FILE`]),
//! read back by `read` for "Entwurf aus Datei laden".
//!
//! Rendering is pure and deterministic (the time comes from the caller), so it runs unchanged
//! in the export worker (wasm32).

pub mod layout;

#[cfg(feature = "pdf")]
mod blocks;
#[cfg(feature = "pdf")]
pub mod font;
#[cfg(feature = "pdf")]
pub mod lines;
pub mod read;
#[cfg(feature = "pdf")]
pub mod typeset;
#[cfg(feature = "pdf")]
mod write;

#[cfg(feature = "pdf")]
use crate::document::Document;
use std::fmt;

/// The name of the associated file that holds the draft record.
pub const DRAFT_FILE: &str = "koop-entwurf.json";

/// Why a document could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfError(pub String);

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PDF-Export fehlgeschlagen: {}", self.0)
    }
}

impl std::error::Error for PdfError {}

/// Renders the document as a PDF with `timestamp` (W3CDTF, `YYYY-MM-DDThh:mm:ssZ`) as its
/// creation time, carrying the draft record when there is one.
#[cfg(feature = "pdf")]
pub fn render_with(doc: &Document, timestamp: &str, draft: Option<&str>) -> Result<Vec<u8>, PdfError> {
    if !super::docx::is_timestamp(timestamp) {
        return Err(PdfError(format!("ungültiger Zeitstempel „{}“ (erwartet JJJJ-MM-TTThh:mm:ssZ)", super::docx::clean(timestamp))));
    }
    write::write(doc, &typeset::layout(doc), timestamp, draft)
}

/// [`render_with`] at [`super::docx::DEFAULT_TIMESTAMP`], without a draft.
#[cfg(feature = "pdf")]
pub fn render(doc: &Document) -> Result<Vec<u8>, PdfError> {
    render_with(doc, super::docx::DEFAULT_TIMESTAMP, None)
}

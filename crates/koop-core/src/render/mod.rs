//! Renderers of the document model. The HTML preview lives in the app (it needs Leptos); the
//! DOCX, ODT and PDF renderers are pure Rust and live here, with the ZIP writer DOCX and ODT
//! share. The PDF's typesetter and writer need the feature "pdf"; reading a PDF back does not.

use std::fmt;

pub mod docx;
pub mod embed;
pub mod odt;
pub mod pdf;
pub mod zip;

/// Why a document could not be rendered, in any format: the message the user reads, which
/// names the format ("DOCX-Export fehlgeschlagen: …").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderError(pub String);

impl RenderError {
    pub(crate) fn docx(reason: impl fmt::Display) -> RenderError {
        RenderError(format!("DOCX-Export fehlgeschlagen: {reason}"))
    }

    pub(crate) fn odt(reason: impl fmt::Display) -> RenderError {
        RenderError(format!("ODT-Export fehlgeschlagen: {reason}"))
    }
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RenderError {}

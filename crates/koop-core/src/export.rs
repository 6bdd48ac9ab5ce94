//! What crosses the boundary to the export worker: the document model and the format, nothing
//! of the template or the draft. The app (without the renderers) writes a request; the worker
//! (crates/koop-export, with them) answers with the file's bytes.

use crate::document::Document;
use serde::{Deserialize, Serialize};

/// A file format the export offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Docx,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportRequest {
    pub format: Format,
    /// Creation/modification time written into the file (W3CDTF).
    pub timestamp: String,
    pub document: Document,
}

impl ExportRequest {
    pub fn to_json(&self) -> Result<String, String> {
        serde_json::to_string(self).map_err(|e| format!("Exportauftrag nicht lesbar: {e}"))
    }

    pub fn from_json(s: &str) -> Result<ExportRequest, String> {
        serde_json::from_str(s).map_err(|e| format!("Exportauftrag nicht lesbar: {e}"))
    }

    /// Renders the requested file (in the worker; the app is built without the renderers).
    #[cfg(feature = "render")]
    pub fn render(&self) -> Result<Vec<u8>, String> {
        match self.format {
            Format::Docx => crate::render::docx::render_at(&self.document, &self.timestamp).map_err(|e| e.to_string()),
        }
    }
}

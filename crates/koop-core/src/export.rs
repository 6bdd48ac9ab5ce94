//! What crosses the boundary to the export worker for an export: the document model and the
//! format, and the draft record the file carries (`render::embed`), nothing of the template; the
//! worker answers with the file's bytes. (A returned document crosses as `import::ReturnedRequest`.)
//! The app is built without the renderers: they stay out of the first load.

use crate::document::Document;
use serde::{Deserialize, Serialize};

/// A file format the export offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Docx,
    Odt,
    /// The version to sign and publish (PDF/UA-1 and PDF/A-3a).
    Pdf,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Pdf => "pdf",
        }
    }

    /// The document's file name (the model names the Word file) with this format's extension.
    pub fn file_name(self, model_name: &str) -> String {
        let stem = model_name.strip_suffix(".docx").unwrap_or(model_name);
        format!("{stem}.{}", self.extension())
    }

    /// How the user calls the file in messages.
    pub fn label(self) -> &'static str {
        match self {
            Format::Docx => "Word-Datei",
            Format::Odt => "ODT-Datei",
            Format::Pdf => "PDF-Datei",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Format::Odt => "application/vnd.oasis.opendocument.text",
            Format::Pdf => "application/pdf",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportRequest {
    pub format: Format,
    /// Creation/modification time written into the file (W3CDTF).
    pub timestamp: String,
    pub document: Document,
    /// The draft record ("Als Datei sichern" format) to embed, so the file can be opened in the
    /// app again.
    #[serde(default)]
    pub draft: Option<String>,
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
            Format::Docx => {
                crate::render::docx::render_with(&self.document, &self.timestamp, self.draft.as_deref()).map_err(|e| e.to_string())
            }
            Format::Odt => {
                crate::render::odt::render_with(&self.document, &self.timestamp, self.draft.as_deref()).map_err(|e| e.to_string())
            }
            #[cfg(feature = "pdf")]
            Format::Pdf => {
                crate::render::pdf::render_with(&self.document, &self.timestamp, self.draft.as_deref()).map_err(|e| e.to_string())
            }
            #[cfg(not(feature = "pdf"))]
            Format::Pdf => Err("Dieses Export-Modul erstellt keine PDF-Dateien.".into()),
        }
    }
}

/// Several documents in one ZIP (the Beschlussvorlagen of every body of a Sozialraum), each
/// rendered as an [`ExportRequest`] would render it, carrying the same draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleRequest {
    pub format: Format,
    pub timestamp: String,
    pub documents: Vec<Document>,
    #[serde(default)]
    pub draft: Option<String>,
}

impl BundleRequest {
    pub fn to_json(&self) -> Result<String, String> {
        serde_json::to_string(self).map_err(|e| format!("Exportauftrag nicht lesbar: {e}"))
    }

    pub fn from_json(s: &str) -> Result<BundleRequest, String> {
        serde_json::from_str(s).map_err(|e| format!("Exportauftrag nicht lesbar: {e}"))
    }

    /// The ZIP's bytes: every document under its own file name in this format.
    #[cfg(feature = "render")]
    pub fn render(&self) -> Result<Vec<u8>, String> {
        let files = self
            .documents
            .iter()
            .map(|document| {
                let one = ExportRequest {
                    format: self.format,
                    timestamp: self.timestamp.clone(),
                    document: document.clone(),
                    draft: self.draft.clone(),
                };
                Ok((self.format.file_name(&document.meta.file_name), one.render()?))
            })
            .collect::<Result<Vec<_>, String>>()?;
        crate::render::zip::bundle(&files).map_err(|e| e.to_string())
    }
}

//! What crosses the boundary to the export worker. For an export: the document model and the
//! format, and the draft record the file carries (`render::embed`), nothing of the template; the
//! worker answers with the file's bytes. For a document that comes back: what the app knows
//! (the identities taken, the draft the file may have come from); the worker reads the file,
//! compares it (`import`) and answers with what the start page shows. The app is built without
//! the renderers and without that comparison: they stay out of the first load.

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

/// A DOCX, ODT or PDF came back (its bytes travel beside this): what the worker needs to know of the
/// drafts here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewRequest {
    pub file_name: String,
    /// Identities in use here (listed drafts, quarantined records): the draft gets `new_id`
    /// instead of one of these.
    pub taken: Vec<String>,
    pub new_id: String,
    pub now_ms: f64,
    /// Today (ISO), for a file that does not say when it was made.
    pub today: String,
    /// The record of the listed draft with the file's identity, if any: the answers are
    /// compared with it.
    pub origin: Option<String>,
}

/// One answer that differs from the draft the file came from, as the user reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewChange {
    pub label: String,
    pub old: String,
    pub new: String,
    pub step: usize,
    /// The field's element id in the wizard (`FieldPath::anchor`).
    pub anchor: String,
}

/// What the start page shows of a document that came back, before the user keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// The draft to store when the user keeps it ("Als Datei sichern" format): named after the
    /// file, with a new identity where the file's is taken.
    pub record: String,
    pub name: String,
    /// Which clauses were edited outside the app, said for the user.
    pub edited: Option<String>,
    /// `None`: no draft to compare with; otherwise the answers that differ (maybe none).
    pub changes: Option<Vec<ReviewChange>>,
}

impl Review {
    /// Whether the user should read something before the draft is kept.
    pub fn needs_decision(&self) -> bool {
        self.edited.is_some() || self.changes.is_some()
    }

    /// The changes as one flat list of strings (label, old, new, step, anchor; five per
    /// change), as it crosses the worker boundary: the app reads it without a JSON decoder of
    /// its own for this type, which the first load would carry.
    pub fn flat_changes(&self) -> Option<Vec<String>> {
        self.changes.as_ref().map(|cs| {
            cs.iter().flat_map(|c| [c.label.clone(), c.old.clone(), c.new.clone(), c.step.to_string(), c.anchor.clone()]).collect()
        })
    }

    /// The inverse of [`Review::flat_changes`]; `None` where the list is not five strings per
    /// change.
    pub fn changes_from_flat(flat: &[String]) -> Option<Vec<ReviewChange>> {
        if !flat.len().is_multiple_of(5) {
            return None;
        }
        flat.chunks(5)
            .map(|c| {
                Some(ReviewChange {
                    label: c[0].clone(),
                    old: c[1].clone(),
                    new: c[2].clone(),
                    step: c[3].parse().ok()?,
                    anchor: c[4].clone(),
                })
            })
            .collect()
    }
}

impl ReviewRequest {
    pub fn to_json(&self) -> Result<String, String> {
        serde_json::to_string(self).map_err(|e| e.to_string())
    }

    /// Reads the file and compares it (in the worker, which has the readers and the catalog).
    /// `Err` is a German message.
    #[cfg(feature = "render")]
    pub fn review(&self, bytes: &[u8]) -> Result<Review, String> {
        use crate::draft::store::{decode, encode_file};
        let embedded = crate::render::embed::read_document(bytes).map_err(|e| e.message())?;
        let catalog = crate::template::Catalog::builtin().map_err(|e| e.message)?;
        let existing: Vec<crate::draft::Draft> = self.origin.as_deref().and_then(|r| decode(r).ok()).into_iter().collect();
        let taken: Vec<&str> = self.taken.iter().map(String::as_str).collect();
        let today = crate::value::Datum::parse(&self.today).ok_or_else(|| format!("kein Datum: {}", self.today))?;
        let incoming = crate::import::incoming(catalog, &embedded, &self.file_name, &existing, &taken, &self.new_id, self.now_ms, today)
            .map_err(|e| e.message())?;
        Ok(Review {
            record: encode_file(&incoming.draft).map_err(|e| e.message())?,
            name: incoming.draft.name.clone().unwrap_or_default(),
            edited: incoming.edited_message(),
            changes: incoming.origin.map(|o| {
                o.changes
                    .into_iter()
                    .map(|c| ReviewChange { label: c.label, old: c.old, new: c.new, step: c.step, anchor: c.path.anchor() })
                    .collect()
            }),
        })
    }
}

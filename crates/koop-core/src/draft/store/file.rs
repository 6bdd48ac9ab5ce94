//! Draft files: importing one (never over an existing draft), naming one, and when to remind
//! the user to save one.

use super::error::DecodeError;
use super::error::MAX_IMPORT_BYTES;
use super::record::decode;
use crate::draft::Draft;

/// Why a draft file cannot be imported (German sentences via `message`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    Decode(DecodeError),
    /// The file names a template this version does not have.
    UnknownTemplate(String),
    Empty,
}

impl ImportError {
    pub fn message(&self) -> String {
        match self {
            ImportError::Decode(e) => format!("{} Es wurde nichts geändert.", e.message()),
            ImportError::UnknownTemplate(t) => {
                format!(
                    "Der Entwurf gehört zur Vorlage „{t}“, die diese Version des Koop-Assistenten nicht kennt. Es wurde nichts geändert."
                )
            }
            ImportError::Empty => "Die Datei ist leer. Es wurde nichts geändert.".to_string(),
        }
    }
}

/// The outcome of reading a draft file.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub draft: Draft,
    /// A draft with the file's identity exists already: the import became a copy with a new
    /// identity instead of overwriting it.
    pub as_copy: bool,
}

/// Reads a draft file for import. An existing draft is never overwritten: if the identity is
/// taken, the import gets `new_id` (and `as_copy` tells the caller to name it a copy).
pub fn import_file(
    bytes: &[u8],
    known_templates: &[&str],
    existing_ids: &[&str],
    new_id: &str,
    now_ms: f64,
) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::Decode(DecodeError::TooLarge(bytes.len())));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::Decode(DecodeError::NotADraft))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut draft = decode(text).map_err(ImportError::Decode)?;
    if !known_templates.contains(&draft.template.as_str()) {
        return Err(ImportError::UnknownTemplate(draft.template));
    }
    // The caller names the copy (it knows the template's naming of drafts).
    let as_copy = existing_ids.contains(&draft.id.as_str());
    if as_copy {
        draft.id = new_id.to_string();
    }
    draft.updated = now_ms;
    Ok(Imported { draft, as_copy })
}

/// A safe file name for a draft file: "Entwurf_<name>_<date>.json".
pub fn draft_file_name(name: &str, date_iso: &str) -> String {
    let part = crate::value::ascii_file_part(name);
    if part.is_empty() { format!("Entwurf_{date_iso}.json") } else { format!("Entwurf_{part}_{date_iso}.json") }
}

/// Days after which an unexported draft earns a reminder to save it as a file (browsers may
/// evict local data).
pub const BACKUP_REMINDER_DAYS: f64 = 7.0;

/// Whether to remind the user to save this draft as a file.
pub fn needs_backup(draft: &Draft, now_ms: f64) -> bool {
    let day = 86_400_000.0;
    let since = draft.last_backup.unwrap_or(draft.created);
    draft.updated > since && now_ms - since >= BACKUP_REMINDER_DAYS * day
}

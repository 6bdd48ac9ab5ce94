//! What becomes of a file the user chooses or drops on the start page, and of a returned
//! document waiting there: typed outcomes with the sentences the user reads. Plain Rust (no
//! browser), tested natively.

use koop_core::draft::store::{DecodeError, ImportError, MAX_IMPORT_BYTES};

/// What a file did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intake {
    /// A draft file became a new draft; `as_copy`: a draft of its identity exists here, so it
    /// was stored as a copy.
    Imported { name: String, as_copy: bool },
    /// A returned document became a new draft.
    Created { name: String },
    /// A returned document waits for the user's decision (the review below the list).
    Waiting,
    /// The user did not keep the returned document.
    NotKept,
}

impl Intake {
    /// What the status line says (nothing while a document waits: its review says it).
    pub fn message(&self) -> Option<String> {
        match self {
            Intake::Imported { name, as_copy: false } => Some(format!("„{name}“ wurde importiert.")),
            Intake::Imported { name, as_copy: true } => {
                Some(format!("„{name}“ wurde importiert. Weil es diesen Entwurf hier schon gibt, wurde er als Kopie angelegt."))
            }
            Intake::Created { name } => Some(format!("„{name}“ wurde als neuer Entwurf angelegt.")),
            Intake::Waiting => None,
            Intake::NotKept => Some("Die Datei wurde nicht übernommen. Es wurde nichts geändert.".into()),
        }
    }
}

/// Why a file did nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A message that says itself that nothing was changed (the draft file's, the export
    /// module's reading of a returned document).
    Told(String),
    /// A reason (reading the file, the export module, storing): the sentence follows it.
    Reason(String),
}

impl Refusal {
    pub fn message(&self) -> String {
        match self {
            Refusal::Told(m) => m.clone(),
            Refusal::Reason(why) => format!("{why} Es wurde nichts geändert."),
        }
    }
}

impl From<ImportError> for Refusal {
    fn from(e: ImportError) -> Refusal {
        Refusal::Told(e.message())
    }
}

/// What a file is, as far as the app can tell before reading it and from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A ZIP package (an exported DOCX or ODT) or a PDF: it carries its draft.
    Document,
    /// Anything else is read as a draft file (.json); its import says what is wrong with it.
    DraftFile,
}

/// Refuses a file too large to be a draft before it is read into memory.
pub fn check_size(bytes: f64) -> Result<(), Refusal> {
    if bytes > MAX_IMPORT_BYTES as f64 {
        return Err(ImportError::Decode(DecodeError::TooLarge(bytes as usize)).into());
    }
    Ok(())
}

pub fn kind_of(bytes: &[u8]) -> FileKind {
    if bytes.starts_with(b"PK") || bytes.starts_with(b"%PDF") { FileKind::Document } else { FileKind::DraftFile }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_outcome_says_what_happened() {
        let cases = [
            (Intake::Imported { name: "Gotha".into(), as_copy: false }, Some("„Gotha“ wurde importiert.")),
            (
                Intake::Imported { name: "Gotha (Kopie)".into(), as_copy: true },
                Some("„Gotha (Kopie)“ wurde importiert. Weil es diesen Entwurf hier schon gibt, wurde er als Kopie angelegt."),
            ),
            (Intake::Created { name: "Vertrag".into() }, Some("„Vertrag“ wurde als neuer Entwurf angelegt.")),
            (Intake::Waiting, None),
            (Intake::NotKept, Some("Die Datei wurde nicht übernommen. Es wurde nichts geändert.")),
        ];
        for (intake, said) in cases {
            assert_eq!(intake.message().as_deref(), said, "{intake:?}");
        }
    }

    /// Every refusal ends by saying that nothing was changed, exactly once.
    #[test]
    fn a_refusal_says_once_that_nothing_changed() {
        let cases = [
            (
                Refusal::Reason("Die Datei konnte nicht gelesen werden (NotReadableError).".into()),
                "Die Datei konnte nicht gelesen werden (NotReadableError). Es wurde nichts geändert.",
            ),
            (Refusal::Told("Die Datei ist leer. Es wurde nichts geändert.".into()), "Die Datei ist leer. Es wurde nichts geändert."),
            (ImportError::Empty.into(), "Die Datei ist leer. Es wurde nichts geändert."),
            (
                ImportError::UnknownTemplate("x".into()).into(),
                "Der Entwurf gehört zur Vorlage „x“, die diese Version des Koop-Assistenten nicht kennt. Es wurde nichts geändert.",
            ),
        ];
        for (refusal, said) in cases {
            assert_eq!(refusal.message(), said);
            assert_eq!(refusal.message().matches("Es wurde nichts geändert.").count(), 1);
        }
    }

    #[test]
    fn a_file_larger_than_a_draft_is_refused_unread() {
        let limit = MAX_IMPORT_BYTES as f64;
        assert_eq!(check_size(0.0), Ok(()));
        assert_eq!(check_size(limit), Ok(()));
        let refused = check_size(limit + 1.0).expect_err("too large").message();
        assert!(refused.contains("zu groß") && refused.ends_with("Es wurde nichts geändert."), "{refused}");
    }

    #[test]
    fn a_zip_package_or_a_pdf_is_read_as_a_document_anything_else_as_a_draft_file() {
        let cases: [(&[u8], FileKind); 7] = [
            (b"PK\x03\x04rest", FileKind::Document),
            (b"PK", FileKind::Document),
            (b"%PDF-1.7\n", FileKind::Document),
            (b"%PD", FileKind::DraftFile),
            (b"{\"schema\": 2}", FileKind::DraftFile),
            (b"P", FileKind::DraftFile),
            (b"", FileKind::DraftFile),
        ];
        for (bytes, kind) in cases {
            assert_eq!(kind_of(bytes), kind, "{bytes:?}");
        }
    }
}

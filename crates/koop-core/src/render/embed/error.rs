//! Why no draft could be read from a file, with the German sentence for the user (the PDF
//! reader, `render::pdf::read`, says the same).

use std::fmt;

/// Why no draft could be read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedError {
    /// Not a DOCX, ODT or PDF file at all.
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
                "Die Datei ist kein Word-, ODT- oder PDF-Dokument. Bitte wählen Sie eine Entwurfsdatei (.json) oder ein vom Koop-Assistenten exportiertes Dokument (.docx, .odt, .pdf).".into()
            }
            EmbedError::NoDraft => {
                "Dieses Dokument enthält keinen Entwurf. Nur Word-, ODT- und PDF-Dateien, die der Koop-Assistent exportiert hat, können geöffnet werden.".into()
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

//! What can go wrong with a record or a store, each with a German sentence for the user, and
//! the size limits those sentences name.

use std::fmt;

/// Largest record written to the store (a complete agreement is a few KB). Reading accepts
/// twice as much, so whatever is written can always be read back and imported, also as the
/// pretty-printed draft file.
pub const MAX_RECORD_BYTES: usize = 2 * 1024 * 1024;
/// Largest record or draft file read or imported.
pub const MAX_IMPORT_BYTES: usize = 2 * MAX_RECORD_BYTES;

/// Why stored text is not a usable draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON, or JSON of the wrong shape.
    Corrupt(String),
    /// JSON, but not one of our drafts.
    NotADraft,
    /// Written by a newer version of the app.
    UnknownVersion(u32),
    TooLarge(usize),
}

impl DecodeError {
    /// A German sentence for the user.
    pub fn message(&self) -> String {
        match self {
            DecodeError::Corrupt(_) => "Die Daten sind beschädigt und können nicht gelesen werden.".to_string(),
            DecodeError::NotADraft => "Die Datei ist kein Entwurf des Koop-Assistenten.".to_string(),
            DecodeError::UnknownVersion(v) => {
                format!(
                    "Der Entwurf stammt aus einer neueren Version des Koop-Assistenten (Format {v}). Bitte laden Sie die Seite neu, um die aktuelle Version zu verwenden."
                )
            }
            DecodeError::TooLarge(n) => {
                format!("Die Datei ist mit {} zu groß für einen Entwurf (höchstens {}).", human_size(*n), human_size(MAX_IMPORT_BYTES))
            }
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Corrupt(detail) => write!(f, "corrupt: {detail}"),
            other => f.write_str(&other.message()),
        }
    }
}

pub fn human_size(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        // Tenths in whole numbers: formatting a float would bring the float printer into the
        // app's first load for this one message.
        let tenths = (bytes as u64 * 10 + 512 * 1024) / (1024 * 1024);
        format!("{},{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// What can go wrong with a store, in the style of leptos-use's `UseStorageError`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// Storage is switched off or blocked (private mode, policy).
    Unavailable(String),
    /// The browser's quota for this site is used up.
    QuotaExceeded,
    NotFound(String),
    Decode(DecodeError),
    /// The record would be larger than [`MAX_RECORD_BYTES`]: it is not written.
    TooLarge(usize),
    /// The stored record cannot be read by this version (newer schema, damaged): it is not
    /// replaced.
    Unreadable(DecodeError),
    Other(String),
}

impl StoreError {
    pub fn message(&self) -> String {
        match self {
            StoreError::Unavailable(_) => "Der Browser erlaubt dieser Seite kein Speichern (z. B. im privaten Modus oder durch eine Richtlinie). Ihre Eingaben bleiben nur bis zum Schließen der Seite erhalten – sichern Sie den Entwurf bitte als Datei.".to_string(),
            StoreError::QuotaExceeded => "Der Speicher des Browsers für diese Seite ist voll. Ihre letzten Eingaben sind noch nicht gespeichert. Bitte sichern Sie den Entwurf als Datei und löschen Sie nicht mehr benötigte Entwürfe.".to_string(),
            StoreError::NotFound(_) => "Der Entwurf wurde nicht gefunden. Vielleicht wurde er in einem anderen Fenster gelöscht.".to_string(),
            StoreError::Decode(e) => e.message(),
            StoreError::TooLarge(n) => format!(
                "Der Entwurf ist mit {} zu groß zum Speichern im Browser (höchstens {}). Ihre Eingaben bleiben in diesem Fenster erhalten – bitte sichern Sie den Entwurf als Datei.",
                human_size(*n),
                human_size(MAX_RECORD_BYTES)
            ),
            StoreError::Unreadable(e) => format!(
                "Der gespeicherte Entwurf kann von dieser Version nicht gelesen werden und wird deshalb nicht überschrieben ({}) Ihre Eingaben bleiben in diesem Fenster erhalten – bitte sichern Sie den Entwurf als Datei.",
                e.message().trim_end_matches('.')
            ),
            StoreError::Other(_) => "Beim Speichern ist ein unerwarteter Fehler aufgetreten. Bitte sichern Sie den Entwurf als Datei.".to_string(),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable(d) | StoreError::NotFound(d) | StoreError::Other(d) => write!(f, "{}: {d}", self.message()),
            other => f.write_str(&other.message()),
        }
    }
}

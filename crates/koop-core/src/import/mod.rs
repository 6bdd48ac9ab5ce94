//! A returned document: an exported DOCX or ODT comes back (e-mailed, edited in Word). What it
//! carries becomes a new draft the user may keep; before that, the user learns which clauses
//! someone edited in the file (the app does not carry those edits over) and, when it was
//! exported from a draft in the list, which answers differ from that draft.
//!
//! The reading runs in the export worker (it has the ZIP and XML readers and the catalog; the
//! first load has neither): the app sends a [`ReturnedRequest`] with the file and receives a
//! [`Returned`].

pub mod changes;
mod read;

use crate::draft::store::ImportError;
pub use read::{Here, name_from_file, returned};
use serde::{Deserialize, Serialize};

/// Why a returned document is not opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// The draft it carries would be refused as a draft file.
    Import(ImportError),
    /// Anything else (the file cannot be read as a document, …), said for the user.
    Other(String),
}

impl Refused {
    /// What the user reads: why, and that nothing was changed.
    pub fn message(&self) -> String {
        match self {
            // The draft file's messages say so themselves.
            Refused::Import(e) => e.message(),
            Refused::Other(why) => format!("{why} Es wurde nichts geändert."),
        }
    }
}

/// What the worker needs to know of the drafts here to read a returned document (its bytes
/// travel beside this).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReturnedRequest {
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
pub struct ReturnedChange {
    pub label: String,
    pub old: String,
    pub new: String,
    pub step: usize,
    /// The field's element id in the wizard (`FieldPath::anchor`).
    pub anchor: String,
}

/// The listed draft a returned document was exported from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// Its name as the list shows it.
    pub name: String,
    /// The answers that differ (maybe none).
    pub changes: Vec<ReturnedChange>,
}

/// A returned document as the start page shows it, before the user keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Returned {
    /// The draft to store when the user keeps it ("Als Datei sichern" format): named after the
    /// file, with a new identity where the file's is taken.
    pub record: String,
    pub name: String,
    /// Which clauses were edited outside the app, said for the user.
    pub edited: Option<String>,
    /// `None`: no listed draft to compare with.
    pub origin: Option<Origin>,
}

impl Returned {
    /// Whether the user should read something before the draft is kept.
    pub fn needs_decision(&self) -> bool {
        self.edited.is_some() || self.origin.is_some()
    }
}

/// The changes as one flat list of strings (label, old, new, step, anchor; five per change),
/// as they cross the worker boundary: the app reads them without a JSON decoder of its own for
/// this type, which the first load would carry.
pub fn flat_changes(changes: &[ReturnedChange]) -> Vec<String> {
    changes.iter().flat_map(|c| [c.label.clone(), c.old.clone(), c.new.clone(), c.step.to_string(), c.anchor.clone()]).collect()
}

/// The inverse of [`flat_changes`]; `None` where the list is not five strings per change.
pub fn changes_from_flat(flat: &[String]) -> Option<Vec<ReturnedChange>> {
    if !flat.len().is_multiple_of(5) {
        return None;
    }
    flat.chunks(5)
        .map(|c| {
            Some(ReturnedChange {
                label: c[0].clone(),
                old: c[1].clone(),
                new: c[2].clone(),
                step: c[3].parse().ok()?,
                anchor: c[4].clone(),
            })
        })
        .collect()
}

impl ReturnedRequest {
    pub fn to_json(&self) -> Result<String, String> {
        serde_json::to_string(self).map_err(|e| e.to_string())
    }

    /// Reads the file and compares it (in the worker, which has the readers and the catalog).
    #[cfg(feature = "render")]
    pub fn read(&self, bytes: &[u8]) -> Result<Returned, Refused> {
        let embedded = crate::render::embed::read_document(bytes).map_err(|e| Refused::Other(e.message()))?;
        let catalog = crate::template::Catalog::builtin().map_err(|e| Refused::Other(e.message))?;
        let existing: Vec<crate::draft::Draft> =
            self.origin.as_deref().and_then(|r| crate::draft::store::decode(r).ok()).into_iter().collect();
        let taken: Vec<&str> = self.taken.iter().map(String::as_str).collect();
        let today = crate::value::Datum::parse(&self.today).ok_or_else(|| Refused::Other(format!("kein Datum: {}", self.today)))?;
        let here = Here { existing: &existing, taken: &taken, new_id: &self.new_id, now_ms: self.now_ms, today };
        returned(catalog, &embedded, &self.file_name, &here)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a returned document may do: become a draft at once, or wait until the user has
    /// read what there is to know (edits made outside the app, the draft it came from).
    #[test]
    fn a_returned_document_waits_only_when_there_is_something_to_read() {
        let origin = |changes: usize| Origin {
            name: "Gotha".into(),
            changes: (0..changes)
                .map(|i| ReturnedChange {
                    label: format!("Angabe {i}"),
                    old: "a".into(),
                    new: "b".into(),
                    step: 0,
                    anchor: "feld-x".into(),
                })
                .collect(),
        };
        let cases = [
            (None, None, false),
            (Some("Nr. 2.1 geändert"), None, true),
            (None, Some(origin(0)), true),
            (None, Some(origin(2)), true),
            (Some("Nr. 2.1 geändert"), Some(origin(1)), true),
        ];
        for (edited, origin, waits) in cases {
            let returned = Returned { record: "{}".into(), name: "Vertrag".into(), edited: edited.map(String::from), origin };
            assert_eq!(returned.needs_decision(), waits, "{returned:?}");
        }
    }

    #[test]
    fn a_refusal_says_once_that_nothing_changed() {
        let cases = [
            (Refused::Import(ImportError::Empty), "Die Datei ist leer. Es wurde nichts geändert."),
            (
                Refused::Other("Dieses Dokument enthält keinen Entwurf.".into()),
                "Dieses Dokument enthält keinen Entwurf. Es wurde nichts geändert.",
            ),
        ];
        for (refused, message) in cases {
            assert_eq!(refused.message(), message);
        }
    }
}

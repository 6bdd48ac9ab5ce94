//! Where an answer sits, shared by every layer from the draft up: a field or a list entry's
//! sub-field, and the step it is asked in.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Where a value lives: a top-level field, or a sub-field of one list entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FieldPath {
    Field(String),
    Entry { list: String, entry: u32, sub: String },
}

impl FieldPath {
    pub fn field(id: &str) -> FieldPath {
        FieldPath::Field(id.to_string())
    }

    /// The id of the input element in the page ("feld-kommune_name", "feld-ap_prozess-1-email").
    pub fn anchor(&self) -> String {
        match self {
            FieldPath::Field(f) => format!("feld-{f}"),
            FieldPath::Entry { list, entry, sub } => format!("feld-{list}-{entry}-{sub}"),
        }
    }

    /// The top-level field this path belongs to.
    pub fn top(&self) -> &str {
        match self {
            FieldPath::Field(f) => f,
            FieldPath::Entry { list, .. } => list,
        }
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.anchor())
    }
}

/// Where a gap leads: the step and the field to fill.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Target {
    pub step: usize,
    pub path: FieldPath,
}

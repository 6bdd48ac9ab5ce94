//! Text with gaps: what evaluating template text gives and what the document model holds.

use super::path::Target;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Inline {
    Text(String),
    /// A missing answer, printed highlighted ("[Name der Kommune]").
    Gap {
        text: String,
        target: Option<Target>,
    },
}

pub type Text = Vec<Inline>;

/// The text of inlines with gaps as their placeholder text.
pub fn plain(text: &[Inline]) -> String {
    text.iter()
        .map(|i| match i {
            Inline::Text(t) => t.as_str(),
            Inline::Gap { text, .. } => text.as_str(),
        })
        .collect()
}

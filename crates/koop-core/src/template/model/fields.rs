//! A field of a step: its kind, how it is shown and checked, its defaults, and for lists the
//! sub-fields of an entry.

use super::super::syntax::{Cond, Tmpl};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    Text,
    Textarea,
    Choice,
    Multi,
    Integer,
    Date,
    Email,
    Phone,
    Postcode,
    Pattern,
    List,
    /// Names an entry of another list (stored as the entry's identity, so renaming the entry
    /// keeps the reference): `refers_to` names the list, `key` its sub-field shown.
    Reference,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Width {
    Short,
    Medium,
    #[default]
    Full,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub id: String,
    pub kind: FieldKind,
    pub label: String,
    #[serde(default)]
    pub hint: String,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub required_message: Option<String>,
    /// Shown in a collapsible panel of the step instead of the main flow.
    #[serde(default)]
    pub panel: Option<String>,
    #[serde(default)]
    pub options: Vec<Choice>,
    /// Computed default for text-like fields: the first case whose condition holds.
    #[serde(default)]
    pub default: Vec<DefaultCase>,
    /// Default selection of a multi field.
    #[serde(default)]
    pub default_set: Vec<String>,
    /// Integer bounds, or minimum selections of a multi field.
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub max: Option<i64>,
    #[serde(default)]
    pub min_message: Option<String>,
    /// Date fields: the date must lie after today.
    #[serde(default)]
    pub after_today: bool,
    #[serde(default)]
    pub pattern: Option<String>,
    #[serde(default)]
    pub pattern_message: Option<String>,
    /// Text shown as a highlighted gap when this optional field is empty.
    #[serde(default)]
    pub gap_text: Option<Tmpl>,
    /// Shorter name for the gap in the document ("[Vor- und Nachname]"); default: the label.
    #[serde(default)]
    pub gap_label: Option<String>,
    /// Values that are the template's own placeholders and must be replaced.
    #[serde(default)]
    pub reject: Vec<String>,
    /// A lookup table offered as suggestions; `field@column` reads the matching row.
    #[serde(default)]
    pub lookup: Option<String>,
    #[serde(default)]
    pub autocomplete: Option<String>,
    #[serde(default)]
    pub width: Width,
    // Lists (repeating groups).
    #[serde(default)]
    pub item_label: Option<String>,
    #[serde(default)]
    pub fields: Vec<Field>,
    #[serde(default)]
    pub min_items: Option<usize>,
    #[serde(default)]
    pub max_items: Option<usize>,
    #[serde(default)]
    pub default_items: Vec<BTreeMap<String, String>>,
    /// Reference fields: the list referred to, and the sub-field naming its entries.
    #[serde(default)]
    pub refers_to: Option<String>,
    #[serde(default)]
    pub key: Option<String>,
    /// An answer of this bound document (`[[documents]]` id), not of the agreement: asked where
    /// that document is made.
    #[serde(default)]
    pub document: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefaultCase {
    #[serde(default)]
    pub when: Option<Cond>,
    pub value: Tmpl,
}

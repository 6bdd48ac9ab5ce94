//! Cross-field rules: the message a field shows when a condition over other answers holds.

use super::super::syntax::{Cond, Tmpl};
use serde::{Deserialize, Serialize};

/// A cross-field rule: when the condition holds, the message is shown at the field.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub kind: RuleKind,
    /// The field (or `list.sub` for every entry of a list) the message belongs to.
    pub field: String,
    #[serde(default)]
    pub when: Option<Cond>,
    /// For `date_after`: the other date field.
    #[serde(default)]
    pub other: Option<String>,
    /// For `in_list`: the list whose entries' `key` sub-field holds the allowed values.
    #[serde(default)]
    pub list: Option<String>,
    #[serde(default)]
    pub key: Option<String>,
    /// For `unique`: further `list.sub` fields sharing one name space.
    #[serde(default)]
    pub with: Vec<String>,
    pub message: Tmpl,
    #[serde(default)]
    pub severity: Severity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// Message when the `when` condition holds.
    Condition,
    /// The date field must lie after `other`.
    DateAfter,
    /// The value must name an entry of `list` (by its `key` sub-field).
    InList,
    /// No two values of `field` and the `with` fields may be equal.
    Unique,
    /// Warning on entries of `list` that no `field` (list.sub) names.
    Unreferenced,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    #[default]
    Error,
    Warning,
}

//! A lookup table (`templates/lookups/*.toml`): suggestions for a field, with further columns.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A table of suggestions (e.g. Thuringian Landkreise and kreisfreie Städte).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lookup {
    pub id: String,
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<BTreeMap<String, String>>,
}

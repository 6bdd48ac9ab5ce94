//! The installation's operator (`templates/site/*.toml`).

use serde::{Deserialize, Serialize};

/// Who runs this installation: shown on the privacy and accessibility pages.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub betreiber: String,
    pub kontakt_email: String,
    #[serde(default)]
    pub kontakt_hinweis: Option<String>,
    pub erklaerung_stand: String,
    pub durchsetzungsstelle: String,
}

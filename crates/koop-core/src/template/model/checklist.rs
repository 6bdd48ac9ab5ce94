//! The checklist of what an agreement must settle, and which clauses of a template settle it.

use serde::{Deserialize, Serialize};

/// Maps a topic of the ISA checklist to the clauses that settle it in this template.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistEntry {
    pub topic: ChecklistTopic,
    #[serde(default)]
    pub clauses: Vec<String>,
    /// Why the topic is open in this template, shown as a hint when `clauses` is empty.
    #[serde(default)]
    pub hint: Option<String>,
}

/// The checklist of what an agreement must settle (ISA, phase 3). A template's `topic` must be
/// one of these; any other name fails to load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChecklistTopic {
    RechtePflichten,
    Leistungen,
    Qualitaetsstandards,
    Beteiligung,
    Konfliktverfahren,
    Finanzierung,
    Personal,
    PaedagogischeGestaltung,
}

impl ChecklistTopic {
    pub const ALL: [ChecklistTopic; 8] = [
        ChecklistTopic::RechtePflichten,
        ChecklistTopic::Leistungen,
        ChecklistTopic::Qualitaetsstandards,
        ChecklistTopic::Beteiligung,
        ChecklistTopic::Konfliktverfahren,
        ChecklistTopic::Finanzierung,
        ChecklistTopic::Personal,
        ChecklistTopic::PaedagogischeGestaltung,
    ];

    pub fn title(self) -> &'static str {
        match self {
            ChecklistTopic::RechtePflichten => "Rechte und Pflichten der Partner",
            ChecklistTopic::Leistungen => "Leistungen",
            ChecklistTopic::Qualitaetsstandards => "Qualitätsstandards",
            ChecklistTopic::Beteiligung => "Beteiligungsmöglichkeiten",
            ChecklistTopic::Konfliktverfahren => "Verfahren bei Konflikten",
            ChecklistTopic::Finanzierung => "Finanzierung",
            ChecklistTopic::Personal => "Personal",
            ChecklistTopic::PaedagogischeGestaltung => "Pädagogische Gestaltung",
        }
    }
}

//! The process around the agreement: the six phases of developing a cooperation agreement
//! (ISA Institut für soziale Arbeit e.V., shared/seeds/002) with a status, date and note per
//! draft, the decision (phase 4) and the next review (phase 6). What the document makes of it
//! (appendix, checklist) is in `document::appendix`.

use crate::value::Datum;
use serde::{Deserialize, Serialize};

/// One of the six phases, with what it means and where the app helps.
pub struct Phase {
    pub title: &'static str,
    pub summary: &'static str,
    pub app_help: &'static str,
}

/// The six phases as the ISA guidance names them.
pub const PHASES: [Phase; 6] = [
    Phase {
        title: "Planungsphase",
        summary: "Alle relevanten Akteure werden einbezogen und eine Koordinierungsgruppe gebildet. Rollen, Zuständigkeiten und Kommunikationswege werden geklärt.",
        app_help: "Notieren Sie hier, wer beteiligt ist und bis wann.",
    },
    Phase {
        title: "Entwicklung gemeinsamer Zielsetzungen",
        summary: "Gemeinsam werden Verständnis und verbindliche Ziele formuliert; rechtliche Grundlagen und bestehende Konzepte fließen ein.",
        app_help: "Die Ziele fließen in die Klauseln der Vereinbarung ein.",
    },
    Phase {
        title: "Inhalte der Kooperationsvereinbarung",
        summary: "Die Vereinbarung regelt Rechte, Pflichten und Leistungen, Qualitätsstandards, Beteiligung und Verfahren bei Konflikten, Finanzierung und Personal.",
        app_help: "Dabei hilft der Assistent: Er führt durch die Vorlage und zeigt im Prüfschritt, welche Punkte der Checkliste offen sind.",
    },
    Phase {
        title: "Abstimmungsverfahren & Beschlussfassung",
        summary: "Die Inhalte werden mit politischen Gremien und allen Akteuren abgestimmt; ein verbindlicher Beschluss gibt der Vereinbarung Legitimation.",
        app_help: "Die Word-Datei geht per E-Mail an die Partner; Gremium und Beschlussdatum halten Sie hier fest.",
    },
    Phase {
        title: "Umsetzung & institutionelle Verankerung",
        summary: "Die Vereinbarung wird in bestehende Strukturen eingebunden, Zuständigkeiten werden festgelegt und Prozesse begleitet.",
        app_help: "Halten Sie das Datum der Unterzeichnung fest; daraus ergibt sich der Termin der nächsten Überprüfung.",
    },
    Phase {
        title: "Evaluation, Reflexion & Weiterentwicklung",
        summary: "Regelmäßige Überprüfung sichert die Qualität: Ergebnisse werden dokumentiert, Vereinbarungen angepasst.",
        app_help: "Der Assistent schlägt die nächste Überprüfung ein Jahr nach der Unterzeichnung vor (wie das jährliche Jahresgespräch der IKPE-Vereinbarung).",
    },
];

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhaseStatus {
    #[default]
    Offen,
    InArbeit,
    Erledigt,
}

impl PhaseStatus {
    pub const ALL: [PhaseStatus; 3] = [PhaseStatus::Offen, PhaseStatus::InArbeit, PhaseStatus::Erledigt];

    pub fn label(self) -> &'static str {
        match self {
            PhaseStatus::Offen => "offen",
            PhaseStatus::InArbeit => "in Arbeit",
            PhaseStatus::Erledigt => "erledigt",
        }
    }

    pub fn value(self) -> &'static str {
        match self {
            PhaseStatus::Offen => "offen",
            PhaseStatus::InArbeit => "in_arbeit",
            PhaseStatus::Erledigt => "erledigt",
        }
    }

    pub fn from_value(v: &str) -> Option<PhaseStatus> {
        PhaseStatus::ALL.into_iter().find(|s| s.value() == v)
    }
}

/// What the user recorded for one phase. Dates are kept as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseRecord {
    #[serde(default)]
    pub status: PhaseStatus,
    #[serde(default)]
    pub datum: String,
    #[serde(default)]
    pub notiz: String,
}

/// The process data of a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Process {
    #[serde(default = "six_phases")]
    pub phasen: Vec<PhaseRecord>,
    /// Phase 4: the body that decided, and when.
    #[serde(default)]
    pub gremium: String,
    #[serde(default)]
    pub beschlussdatum: String,
    /// Phase 5: when the agreement was signed.
    #[serde(default)]
    pub unterzeichnet_am: String,
    /// Phase 6: the next review; empty means the suggestion (one year after signature).
    #[serde(default)]
    pub naechste_pruefung: String,
    /// Adds a one-page "Prozessübersicht" to the Word file.
    #[serde(default)]
    pub anlage_im_export: bool,
}

fn six_phases() -> Vec<PhaseRecord> {
    vec![PhaseRecord::default(); PHASES.len()]
}

impl Default for Process {
    fn default() -> Process {
        Process {
            phasen: six_phases(),
            gremium: String::new(),
            beschlussdatum: String::new(),
            unterzeichnet_am: String::new(),
            naechste_pruefung: String::new(),
            anlage_im_export: false,
        }
    }
}

impl Process {
    /// The record of phase `i` (0-based), also for records stored with fewer phases.
    pub fn phase(&self, i: usize) -> PhaseRecord {
        self.phasen.get(i).cloned().unwrap_or_default()
    }

    pub fn phase_mut(&mut self, i: usize) -> Option<&mut PhaseRecord> {
        if self.phasen.len() < PHASES.len() {
            self.phasen.resize(PHASES.len(), PhaseRecord::default());
        }
        self.phasen.get_mut(i)
    }

    pub fn set_status(&mut self, phase: usize, status: PhaseStatus) {
        if let Some(p) = self.phase_mut(phase) {
            p.status = status;
        }
    }

    pub fn set_date(&mut self, phase: usize, date: &str) {
        if let Some(p) = self.phase_mut(phase) {
            p.datum = date.to_string();
        }
    }

    pub fn set_note(&mut self, phase: usize, note: &str) {
        if let Some(p) = self.phase_mut(phase) {
            p.notiz = note.to_string();
        }
    }

    /// The suggested next review: one year after the signature (the IKPE agreement's annual
    /// Jahresgespräch).
    pub fn suggested_review(&self) -> Option<Datum> {
        Datum::parse(&self.unterzeichnet_am).map(|d| d.plus_one_year())
    }

    /// The next review in effect: typed, else the suggestion.
    pub fn next_review(&self) -> Option<Datum> {
        Datum::parse(&self.naechste_pruefung).or_else(|| self.suggested_review())
    }

    /// Messages for dates that are not dates (the process never blocks the agreement).
    pub fn date_problems(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut check = |key: String, raw: &str| {
            if let Some(m) = date_problem(raw) {
                out.push((key, m.to_string()));
            }
        };
        for (i, p) in self.phasen.iter().enumerate() {
            check(format!("phase-{i}-datum"), &p.datum);
        }
        check("beschlussdatum".into(), &self.beschlussdatum);
        check("unterzeichnet_am".into(), &self.unterzeichnet_am);
        check("naechste_pruefung".into(), &self.naechste_pruefung);
        out
    }
}

/// The message for a typed process date that is not a date (empty is fine: all optional).
pub fn date_problem(raw: &str) -> Option<&'static str> {
    (!raw.trim().is_empty() && Datum::parse(raw).is_none()).then_some(Datum::FORMAT_MESSAGE)
}

//! The template language's data model: what a template file says, as written. The build script
//! compiles this folder too (`#[path]` in `build.rs`): it reads `templates/*.toml` into these
//! types and embeds them in the compact postcard form, so the app carries no JSON reader for
//! templates. Hence this module depends on serde and std only.
//!
//! The serde representation must suit a self-describing format (TOML, JSON in tests) and
//! postcard, which is not self-describing: no internally tagged enums, no `flatten`, no
//! `skip_serializing_if`. Tagged blocks and entities go through flat records (`RawBlock`,
//! `RawEntity`) that keep the `type = "clause"` / `kind = "person"` form of the files.

mod blocks;
mod checklist;
mod document;
mod fields;
mod lookup;
mod raw;
mod rules;
mod site;
mod steps;

pub use blocks::{BlockSpec, ParagraphStyle, SignatureSpec};
pub use checklist::{ChecklistEntry, ChecklistTopic};
pub use document::{BODY_ENTITY, BodySpec, BoundDocument, DocumentSpec};
pub use fields::{Choice, DefaultCase, Field, FieldKind, Width};
pub use lookup::Lookup;
pub use raw::{RawBlock, RawEntity};
pub use rules::{Rule, RuleKind, Severity};
pub use site::Site;
pub use steps::{Step, StepKind};

use super::syntax::Tmpl;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub id: String,
    pub version: u32,
    pub title: String,
    pub description: String,
    /// Who the parties are, one line for the template chooser.
    pub parties: String,
    /// Default name of a draft ("IKPE – {kommune.titel}").
    pub draft_name: Tmpl,
    /// File name without date and extension; placeholders are transliterated to ASCII.
    pub file_name: Tmpl,
    pub meta: MetaSpec,
    #[serde(default)]
    pub entities: BTreeMap<String, EntitySpec>,
    pub steps: Vec<Step>,
    #[serde(default)]
    pub rules: Vec<Rule>,
    pub document: DocumentSpec,
    #[serde(default)]
    pub checklist: Vec<ChecklistEntry>,
    /// Further documents made from the same answers (the council's Beschlussvorlage).
    #[serde(default)]
    pub documents: Vec<BoundDocument>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaSpec {
    pub title: Tmpl,
    pub subject: Tmpl,
    pub author: Tmpl,
    /// Running header of every page.
    pub header: Tmpl,
}

/// A grammatical entity built from fields: placeholders such as `{kommune.dat}` use it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "RawEntity", into = "RawEntity")]
pub enum EntitySpec {
    /// A local authority: art (choice field with values landkreis, kreisfreie_stadt, stadt,
    /// gemeinde) or a fixed `fixed_art`, and name.
    Koerperschaft { art: Option<String>, fixed_art: Option<String>, name: String },
    /// A person in a function with form of address.
    Person { anrede: String, funktion: String, name: String },
}

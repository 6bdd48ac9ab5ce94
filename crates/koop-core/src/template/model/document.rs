//! The documents a template makes: the agreement's text, and the documents bound to its draft
//! with the bodies each is made for.

use super::super::syntax::Tmpl;
use super::{BlockSpec, MetaSpec};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentSpec {
    /// Appended to section numbers ("1." instead of "1").
    #[serde(default)]
    pub section_suffix: String,
    pub blocks: Vec<BlockSpec>,
}

/// The entity a bound document's text names its body by: `{koerperschaft.gen}`.
pub const BODY_ENTITY: &str = "koerperschaft";

/// A document bound to the agreement's draft (`[[documents]]`): its own text in the same block
/// language, made for one public body at a time. In its text `{koerperschaft.…}` is that body.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoundDocument {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// File name without date and extension, like the agreement's.
    pub file_name: Tmpl,
    /// The name of the documents of all bodies together (one ZIP), without date and extension;
    /// its text sees the agreement's answers only.
    pub zip_name: Tmpl,
    pub meta: MetaSpec,
    /// The bodies a document is made for, in the order offered.
    pub bodies: Vec<BodySpec>,
    #[serde(default)]
    pub section_suffix: String,
    pub blocks: Vec<BlockSpec>,
}

/// Who a bound document can be made for: a `koerperschaft` entity, once or per list entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodySpec {
    pub entity: String,
    /// One body per entry of this list (the entity's fields are the entry's sub-fields, and so
    /// are the answers the document's text names first).
    #[serde(default)]
    pub each: Option<String>,
    /// The choice field (values of the Anrede) saying how the head of the body is addressed.
    pub anrede: String,
    /// A choice field (`ja`, `nein`): whether a kreisangehörige Stadt is a Große Kreisstadt,
    /// headed by an Oberbürgermeister.
    #[serde(default)]
    pub grosse_kreisstadt: Option<String>,
}

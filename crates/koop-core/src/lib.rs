//! Koop-Assistent's pure core: templates, drafts, validation, German grammar, the document
//! model and its DOCX and ODT renderers, and the storage format. No browser API is used here, so
//! all of it is tested natively with `cargo test`.
//!
//! One folder per stage, each importing only from the folders above it in this list (the test
//! `tests/layers.rs` holds the code to it):
//!
//! ```text
//! value     value types (dates, addresses), German grammar, field paths, text with gaps
//! template  the template language: model, syntax and its names, the catalog, the checker
//! draft     the answers, list entries and process data; the versioned store
//! context   a draft seen through its template; whether one value is valid
//! eval      template text and conditions evaluated against a context (defaults included)
//! validate  context --validate--> Report
//! review    every answer as the user reads it (the review step)
//! document  context --build--> Document (the agreement's text, appendix, checklist)
//! render    Document --> DOCX | ODT (feature "render", the export worker's)
//! import    a returned document (an exported file comes back): its draft, the edits made
//!           outside the app, the answers that differ from the listed draft it came from
//! export    what crosses into the export worker for an export
//! ```

pub mod value;

pub mod template;

pub mod draft;

pub mod context;

pub mod eval;

pub mod validate;

pub mod review;

pub mod document;

#[cfg(feature = "render")]
pub mod render;

pub mod import;

pub mod export;

pub use context::Context;
pub use document::{Block, Document, build};
pub use draft::{Answer, Draft, Entry};
pub use template::{Catalog, Field, FieldKind, Template};
pub use validate::{Report, validate};
pub use value::{Datum, FieldPath, Inline};

//! Koop-Assistent's pure core: templates, drafts, validation, German grammar, the document
//! model and its DOCX renderer, and the storage format. No browser API is used here, so all of
//! it is tested natively with `cargo test`.
//!
//! ```text
//! template (data) + draft --validate--> Report
//! template + draft --build--> Document --> HTML preview (app) / DOCX bytes (render::docx)
//! ```

pub mod check;
pub mod context;
pub mod document;
pub mod draft;
pub mod export;
pub mod expr;
pub mod grammar;
pub mod process;
#[cfg(feature = "render")]
pub mod render;
pub mod review;
pub mod store;
pub mod template;
pub mod types;
pub mod validate;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

pub use context::{Context, FieldPath};
pub use document::{Block, Document, Inline, build};
pub use draft::{Answer, Draft, Entry};
pub use template::{Catalog, Field, FieldKind, Template};
pub use types::Datum;
pub use validate::{Report, validate};

//! Renderers of the document model. The HTML preview lives in the app (it needs Leptos); the
//! DOCX renderer is pure Rust and lives here.

pub mod docx;
pub mod zip;

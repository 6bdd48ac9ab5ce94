//! Renderers of the document model. The HTML preview lives in the app (it needs Leptos); the
//! DOCX and ODT renderers are pure Rust and live here, with the ZIP writer they share.

pub mod docx;
pub mod embed;
pub mod odt;
pub mod zip;

//! Renderers of the document model. The HTML preview lives in the app (it needs Leptos); the
//! DOCX, ODT and PDF renderers are pure Rust and live here, with the ZIP writer DOCX and ODT
//! share. The PDF's typesetter and writer need the feature "pdf"; reading a PDF back does not.

pub mod docx;
pub mod embed;
pub mod odt;
pub mod pdf;
pub mod zip;

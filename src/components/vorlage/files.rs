//! A bound document's files: the document of one body, or of every body in one ZIP, rendered in
//! the export worker from the same model as the preview and named by the template like the
//! agreement's files; each carries the draft.

use crate::components::Derived;
use crate::platform;
use crate::state::Session;
use koop_core::context::BodyKey;
use koop_core::document::bound;
use koop_core::draft::store::human_size;
use koop_core::export::{BundleRequest, ExportRequest, Format};
use leptos::prelude::*;

const ZIP_MIME: &str = "application/zip";

/// Which file to make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wanted {
    /// The document of one body.
    One(BodyKey),
    /// The documents of every body in one ZIP.
    All,
}

/// A finished file.
struct File {
    bytes: Vec<u8>,
    name: String,
    mime: &'static str,
    /// Including the worker's round trip (ms).
    ms: f64,
}

/// The message when the worker gave no file.
fn failed(what: &str, e: String) -> String {
    if e == crate::export::LOAD_FAILED { e } else { format!("Die {what} konnte nicht erstellt werden ({e}).") }
}

async fn make(session: Session, derived: Derived, document: &'static str, wanted: Wanted, format: Format) -> Result<File, String> {
    let t0 = platform::perf_now();
    let (timestamp, draft) = (platform::utc_timestamp(), session.draft_record());
    let none = || "Kein Entwurf geöffnet.".to_string();
    // Built now from the open draft (the preview may show another document).
    let built = untrack(|| {
        derived.report.with(|r| {
            session.with_ctx(|c| match &wanted {
                Wanted::One(body) => bound::build_for(c, document, body, r.completeness_of(document, body)).map(|d| (vec![d], None)),
                Wanted::All => bound::zip_name(c, document).map(|zip| (bound::build_all(c, document, r), Some(zip))),
            })
        })
    });
    let (mut documents, zip_name) = built.flatten().ok_or_else(none)?;
    let (bytes, name, mime) = match zip_name {
        None => {
            let document = documents.pop().ok_or_else(none)?;
            let name = format.file_name(&document.meta.file_name);
            let bytes = crate::export::render(&ExportRequest { format, timestamp, document, draft })
                .await
                .map_err(|e| failed(format.label(), e))?;
            (bytes, name, format.mime())
        }
        Some(name) => {
            let request = BundleRequest { format, timestamp, documents, draft };
            let bytes = crate::export::render_bundle(&request).await.map_err(|e| failed("ZIP-Datei", e))?;
            (bytes, name, ZIP_MIME)
        }
    };
    Ok(File { bytes, name, mime, ms: platform::perf_now() - t0 })
}

/// Downloads the file; the message says what was made.
pub async fn download(
    session: Session,
    derived: Derived,
    document: &'static str,
    wanted: Wanted,
    format: Format,
) -> Result<String, String> {
    let f = make(session, derived, document, wanted, format).await?;
    platform::download(&f.bytes, &f.name, f.mime).map_err(|e| format!("Der Download wurde vom Browser verhindert ({e})."))?;
    platform::record_metric("data-export-ms", f.ms);
    Ok(format!("„{}“ wurde erstellt ({}, in {} ms).", f.name, human_size(f.bytes.len()), f.ms.round()))
}

/// Shares the file by e-mail as the agreement's button does (share sheet where files can be
/// shared, else download plus a prepared e-mail).
pub async fn share(session: Session, derived: Derived, document: &'static str, wanted: Wanted, format: Format) -> Result<String, String> {
    let f = make(session, derived, document, wanted, format).await?;
    let name = &f.name;
    let share_text = format!("Guten Tag,\n\nanbei erhalten Sie die Datei „{name}“.\n\nMit freundlichen Grüßen\n");
    let mail_body = format!(
        "Guten Tag,\n\nanbei erhalten Sie die Datei „{name}“.\n\n[Bitte fügen Sie die soeben heruntergeladene Datei „{name}“ als Anhang hinzu.]\n\nMit freundlichen Grüßen\n"
    );
    match crate::pwa::share_file(&f.bytes, name, f.mime, name, &share_text, &mail_body).await? {
        crate::pwa::Shared::Shared => Ok(format!("„{name}“ wurde zum Teilen übergeben.")),
        crate::pwa::Shared::Cancelled => Ok("Teilen abgebrochen.".to_string()),
        crate::pwa::Shared::MailFallback => {
            Ok(format!("„{name}“ wurde heruntergeladen und eine E-Mail vorbereitet. Bitte hängen Sie die Datei dort an."))
        }
    }
}

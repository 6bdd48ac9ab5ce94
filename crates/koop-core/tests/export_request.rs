//! The export worker's boundary: a request survives its JSON form, and rendering it there gives
//! the same bytes as rendering the document directly.
mod common;

use koop_core::export::{ExportRequest, Format};
use koop_core::render::docx;

#[test]
fn a_request_through_json_renders_the_same_bytes_as_the_document_itself() {
    for (name, doc) in common::export_set() {
        let request = ExportRequest { format: Format::Docx, timestamp: common::EXPORT_TIME.into(), document: doc.clone(), draft: None };
        let json = request.to_json().expect("serialisable");
        let back = ExportRequest::from_json(&json).expect("readable");
        assert_eq!(back, request, "{name}: the model survives the boundary");
        assert_eq!(back.render(), docx::render_at(&doc, common::EXPORT_TIME).map_err(|e| e.to_string()), "{name}");
    }
}

#[test]
fn a_broken_request_is_a_german_message_not_a_panic() {
    for bad in ["", "{", "null", r#"{"format":"pdf","timestamp":"x","document":{}}"#, r#"{"format":"docx"}"#] {
        let err = ExportRequest::from_json(bad).expect_err(bad);
        assert!(err.starts_with("Exportauftrag nicht lesbar"), "{err}");
    }
    let (_, doc) = common::export_set().remove(0);
    let request = ExportRequest { format: Format::Docx, timestamp: "gestern".into(), document: doc, draft: None };
    assert!(request.render().expect_err("bad timestamp").contains("Zeitstempel"));
}

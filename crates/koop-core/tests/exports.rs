//! The export set that outside judges check: every draft kind the issue names (complete and
//! incomplete IKPE, Sozialraum 1/1/1 and 30/50/100, hostile samples) is rendered here and,
//! when `KOOP_EXPORT_DIR` is set (as `scripts/test` does), kept for openxml-audit and
//! LibreOffice, which run over that folder after the native tests.

mod common;

use koop_core::render::docx;
use koop_core::{Document, Draft};
use proptest::strategy::{Strategy, ValueTree};

/// The drafts of the export set, by file stem.
pub fn export_set() -> Vec<(String, Document)> {
    let ikpe = common::template("ikpe");
    let soz = common::template("sozialraum");
    let doc = |t, d: &Draft| common::report_and_doc(t, d).1;
    let mut set = vec![
        ("ikpe-landkreis".to_string(), doc(ikpe, &common::ikpe_landkreis())),
        ("ikpe-stadt".to_string(), doc(ikpe, &common::ikpe_stadt())),
        ("ikpe-leer".to_string(), doc(ikpe, &Draft::new(ikpe, "leer", 0.0))),
        ("sozialraum-1-1-1".to_string(), doc(soz, &common::sozialraum(1, 1, 1))),
        ("sozialraum-30-50-100".to_string(), doc(soz, &common::sozialraum(30, 50, 100))),
        ("sozialraum-leer".to_string(), doc(soz, &Draft::new(soz, "leer", 0.0))),
    ];
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = proptest::collection::vec(common::hostile_text(), 1..6);
    for i in 0..6 {
        let texts = strategy.new_tree(&mut runner).expect("value").current();
        let (t, d) = common::hostile_draft(if i % 2 == 0 { "ikpe" } else { "sozialraum" }, &texts);
        set.push((format!("feindlich-{i}"), doc(t, &d)));
    }
    set
}

#[test]
fn every_draft_of_the_export_set_renders_as_docx() {
    let set = export_set();
    assert_eq!(set.len(), 12);
    for (name, doc) in &set {
        let bytes = docx::render(doc).unwrap_or_else(|e| panic!("{name}: {}", e.0));
        assert!(bytes.starts_with(b"PK"), "{name} is a zip");
        common::keep_export(&format!("{name}.docx"), &bytes);
    }
}

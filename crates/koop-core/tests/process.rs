//! The process view's data and the checklist mapping of both templates.

mod common;

use koop_core::document::appendix::{Coverage, checklist};
use koop_core::document::{Block, plain};
use koop_core::draft::process::{PHASES, PhaseStatus, Process};

fn coverage(template: &str, draft: &koop_core::Draft) -> Vec<(String, Coverage)> {
    let t = common::template(template);
    checklist(&common::ctx(t, draft)).into_iter().map(|(n, c)| (n.to_string(), c)).collect()
}

fn settled(numbers: &[&str]) -> Coverage {
    Coverage::Settled(numbers.iter().map(|s| s.to_string()).collect())
}

#[test]
fn ikpe_checklist_names_the_clauses_and_the_open_topics() {
    let c = coverage("ikpe", &common::ikpe_landkreis());
    assert_eq!(c.len(), 8);
    let get = |name: &str| c.iter().find(|(n, _)| n == name).map(|(_, c)| c.clone()).expect(name);
    assert_eq!(get("Rechte und Pflichten der Partner"), settled(&["2", "3"]));
    assert_eq!(get("Leistungen"), settled(&["1.2", "2.1", "2.2"]));
    assert_eq!(get("Beteiligungsmöglichkeiten"), settled(&["3.2"]));
    assert_eq!(get("Finanzierung"), settled(&["5.1"]));
    assert_eq!(get("Personal"), settled(&["3.1", "4"]));
    let open: Vec<&str> = c.iter().filter(|(_, c)| matches!(c, Coverage::Open(_))).map(|(n, _)| n.as_str()).collect();
    assert_eq!(open, ["Qualitätsstandards", "Verfahren bei Konflikten", "Pädagogische Gestaltung"]);
    let Coverage::Open(hint) = get("Verfahren bei Konflikten") else { panic!() };
    assert!(hint.contains("Kündigungsrecht") && hint.contains("kein Verfahren"), "{hint}");
}

#[test]
fn sozialraum_checklist() {
    let c = coverage("sozialraum", &common::sozialraum(1, 1, 1));
    let get = |name: &str| c.iter().find(|(n, _)| n == name).map(|(_, c)| c.clone()).expect(name);
    assert_eq!(get("Qualitätsstandards"), settled(&["2.3", "3.1.6"]));
    assert_eq!(get("Finanzierung"), settled(&["3.1.3", "3.1.7"]));
    assert_eq!(get("Pädagogische Gestaltung"), settled(&["3.3.1"]));
    let open: Vec<&str> = c.iter().filter(|(_, c)| matches!(c, Coverage::Open(_))).map(|(n, _)| n.as_str()).collect();
    assert_eq!(open, ["Beteiligungsmöglichkeiten", "Verfahren bei Konflikten"]);
}

#[test]
fn next_review_defaults_to_one_year_after_signature() {
    let mut p = Process::default();
    assert_eq!(p.phasen.len(), PHASES.len());
    assert_eq!(p.next_review(), None);
    p.unterzeichnet_am = "15.03.2027".into();
    assert_eq!(p.next_review().map(|d| d.to_string()).as_deref(), Some("15.03.2028"));
    p.naechste_pruefung = "01.02.2028".into();
    assert_eq!(p.next_review().map(|d| d.to_string()).as_deref(), Some("01.02.2028"));
    p.naechste_pruefung = "Frühjahr".into();
    assert_eq!(p.date_problems().len(), 1);
    assert_eq!(p.date_problems()[0].0, "naechste_pruefung");
}

#[test]
fn process_appendix_is_off_by_default_and_lists_the_phases() {
    let t = common::template("ikpe");
    let mut d = common::ikpe_landkreis();
    let (_, doc) = common::report_and_doc(t, &d);
    assert!(!doc.plain_text().contains("Prozessübersicht"));
    d.process.anlage_im_export = true;
    if let Some(p) = d.process.phase_mut(0) {
        p.status = PhaseStatus::Erledigt;
        p.datum = "01.09.2026".into();
        p.notiz = "Steuerungsgruppe gebildet".into();
    }
    d.process.gremium = "Kreistag".into();
    d.process.beschlussdatum = "10.12.2026".into();
    d.process.unterzeichnet_am = "15.01.2027".into();
    let (_, doc) = common::report_and_doc(t, &d);
    let text = doc.plain_text();
    assert!(text.contains("Anlage: Prozessübersicht\n• 1. Planungsphase – erledigt (01.09.2026): Steuerungsgruppe gebildet\n• 2. Entwicklung gemeinsamer Zielsetzungen – offen\n"), "{text}");
    assert!(text.contains("Beschluss: Kreistag am 10.12.2026\nUnterzeichnet am 15.01.2027\nNächste Überprüfung: 15.01.2028\n"));
    // The appendix follows the signatures and does not disturb the clause numbering.
    let idx_sig = doc.blocks.iter().position(|b| matches!(b, Block::Signatures(_))).expect("signatures");
    let idx_app = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { text, .. } if plain(text) == "Anlage: Prozessübersicht"))
        .expect("appendix");
    assert!(idx_app > idx_sig);
    let bytes = koop_core::render::docx::render(&doc).expect("docx");
    assert!(bytes.len() > 5_000);
}

/// A date the process view cannot read gets the wording every date field of a template gets.
#[test]
fn a_process_date_is_checked_with_the_template_fields_wording() {
    let t = common::template("ikpe");
    let d = koop_core::Draft::new(t, "x", 0.0);
    let date_field = t.steps.iter().flat_map(|s| &s.fields).find(|f| f.kind == koop_core::FieldKind::Date).expect("a date field");
    let field_message = koop_core::context::check_value(&common::ctx(t, &d), date_field, "31.02.2027").expect_err("not a date");
    assert_eq!(koop_core::draft::process::date_problem("31.02.2027"), Some(field_message.as_str()));
    assert_eq!(koop_core::draft::process::date_problem("31.12.2027"), None);
    assert_eq!(koop_core::draft::process::date_problem("  "), None);
}

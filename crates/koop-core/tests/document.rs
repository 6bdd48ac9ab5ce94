//! The document model built from the IKPE template: structure, numbering, computed references,
//! parameters of the clauses, gaps with their targets, metadata.

mod common;

use koop_core::document::{Block, Inline, plain};
use koop_core::{Draft, FieldPath};

fn clause_numbers(doc: &koop_core::Document) -> Vec<String> {
    doc.blocks.iter().filter_map(|b| if let Block::Clause { number, .. } = b { Some(number.clone()) } else { None }).collect()
}

fn clause_text(doc: &koop_core::Document, number: &str) -> String {
    doc.blocks
        .iter()
        .find_map(|b| match b {
            Block::Clause { number: n, text, .. } if n == number => Some(plain(text)),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no clause {number}"))
}

#[test]
fn structure_follows_the_template() {
    let t = common::template("ikpe");
    let (_, doc) = common::report_and_doc(t, &common::ikpe_landkreis());
    assert!(matches!(&doc.blocks[0], Block::Title(t) if plain(t) == "Kooperationsvereinbarung"));
    let parties: Vec<_> = doc.blocks.iter().filter(|b| matches!(b, Block::Party { .. })).collect();
    assert_eq!(parties.len(), 2);
    let headings: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| {
            if let Block::Heading { number, text, level: 1, .. } = b {
                Some(format!("{} {}", number.clone().unwrap_or_default(), plain(text)))
            } else {
                None
            }
        })
        .collect();
    assert_eq!(
        headings,
        [
            "1 Inhalt",
            "2 Aufgaben des IKPE",
            "3 Aufgaben der Kommune",
            "4 Als Ansprechpartner*innen werden benannt",
            "5 Allgemeine Vereinbarungen",
            "6 Verschiedenes"
        ]
    );
    assert_eq!(
        clause_numbers(&doc),
        [
            "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "4.1", "4.2", "5.1", "5.2", "5.3", "6.1",
            "6.2"
        ]
    );
    let Some(Block::Signatures(sigs)) = doc.blocks.last() else { panic!("signatures last") };
    assert_eq!(sigs.len(), 2);
    assert_eq!(plain(&sigs[0].party), "Institut für kommunale Planung und Entwicklung e.V.");
    assert_eq!(plain(&sigs[0].place), "Erfurt");
    assert_eq!(
        sigs[0].signatories.iter().map(|s| plain(s)).collect::<Vec<_>>(),
        ["Prof. Dr. Jörg Fischer", "Prof. Dr. Theresa Hilse-Carstensen"]
    );
    assert_eq!(plain(&sigs[1].party), "Landkreis Sömmerda");
    assert_eq!(plain(&sigs[1].place), "Sömmerda");
    assert_eq!(sigs[1].signatories.iter().map(|s| plain(s)).collect::<Vec<_>>(), ["Christian Meyer, Landrat"]);
}

#[test]
fn template_wording_is_reproduced_with_parameters_filled() {
    let t = common::template("ikpe");
    let (_, doc) = common::report_and_doc(t, &common::ikpe_landkreis());
    assert_eq!(
        clause_text(&doc, "5.3"),
        "Die Vereinbarung tritt mit Unterzeichnung der Vereinbarung zwischen dem Landkreis Sömmerda und dem IKPE sofort in Kraft und ist bis zum 31.12.2028 gültig."
    );
    assert!(
        clause_text(&doc, "2.1")
            .contains("Beratungskontakte, mind. aller zwei Monate (Form: telefonisch, Videokonferenz, in Präsenz vor Ort) zur")
    );
    assert!(clause_text(&doc, "1.2").contains("(z.B. Aufbauphase, Umsetzungsphase, Verstetigungsphase) umfassen."));
    assert_eq!(
        clause_text(&doc, "3.2"),
        "Strukturaufbau zum Handeln in einer Präventionskette, die sich durch die Kooperation zwischen den Bereichen Kinder- und Jugendhilfe und Gesundheit kennzeichnet (Entwicklung einer Organisationsstruktur)"
    );
    let text = doc.plain_text();
    assert!(text.contains("• Durchführung von vier Qualifizierungsangeboten jährlich für prozessverantwortliche Ansprechpartner*innen des Landkreises Sömmerda (in Präsenz)"));
    assert!(text.contains("  • Aufbau und Moderation von Tandems und Lernclustern zwischen beteiligten Kommunen"), "nested bullet");
    assert!(text.contains("Anna Schulze, Sozialplanung, anna.schulze@lra-soemmerda.de, Tel. 03634 354-0\n"));
    assert!(text.contains("Dr. Peter Krause, Dezernat Soziales, p.krause@lra-soemmerda.de\n"), "no phone, no 'Tel.'");
    assert!(text.contains(
        "Dr. Heike Schaarschmidt (Leiterin des Programms)\nSvenja Ossenbrüggen (Prozessbegleiterin)\nJulia Bäring (Prozessbegleiterin)\n"
    ));
    assert!(text.contains("Nr.: PK 7/2026"));
}

#[test]
fn parameters_change_the_clauses() {
    let t = common::template("ikpe");
    let mut d = common::ikpe_landkreis();
    let phasen = t.field("phasen").expect("field").field;
    d.toggle(phasen, "umsetzung", true);
    d.toggle(phasen, "aufbau", true);
    d.set_text("beratung_monate", "1");
    d.set_text("qualifizierung", "1");
    d.set_text("gueltig_bis", "2029-06-30");
    let kontakt = t.field("kontaktformen").expect("field").field;
    d.toggle(kontakt, "telefon", false);
    let bausteine = t.field("bausteine").expect("field").field;
    d.toggle(bausteine, "austausch", false);
    let (report, doc) = common::report_and_doc(t, &d);
    assert!(report.is_complete(), "{:?}", report.issues);
    assert!(
        clause_text(&doc, "1.2").contains("Präventionsketten (Aufbauphase und Umsetzungsphase) umfassen."),
        "chosen phases in template order"
    );
    assert!(clause_text(&doc, "2.1").contains("mind. monatlich (Form: Videokonferenz, in Präsenz vor Ort)"));
    assert!(clause_text(&doc, "5.3").contains("bis zum 30.06.2029 gültig"));
    let text = doc.plain_text();
    assert!(text.contains("Durchführung von einem Qualifizierungsangebot jährlich"));
    assert!(text.contains(
        "• Strategische Beratung und Begleitung\n• Wissenstransfer in Veranstaltungsformaten und Fortbildungsangeboten\nBereits"
    ));
    d.set_text("beratung_monate", "3");
    d.set_text("qualifizierung", "12");
    let (_, doc) = common::report_and_doc(t, &d);
    assert!(clause_text(&doc, "2.1").contains("mind. aller drei Monate"));
    assert!(doc.plain_text().contains("Durchführung von zwölf Qualifizierungsangeboten jährlich"));
}

#[test]
fn cross_reference_is_the_current_number_of_the_named_clause() {
    let t = common::template("ikpe");
    let (_, doc) = common::report_and_doc(t, &common::ikpe_landkreis());
    let four_one = doc.blocks.iter().find_map(|b| match b {
        Block::Clause { number, id: Some(id), .. } if id == "ansprechpartner_kommune" => Some(number.clone()),
        _ => None,
    });
    assert_eq!(four_one.as_deref(), Some("4.1"));
    assert!(clause_text(&doc, "1.3").contains("mit mindestens den unter Punkt 4.1 benannten Ansprechpersonen"));
}

#[test]
fn empty_draft_is_a_draft_with_gaps_that_lead_to_their_fields() {
    let t = common::template("ikpe");
    let d = Draft::new(t, "leer", 0.0);
    let (report, doc) = common::report_and_doc(t, &d);
    assert!(!report.is_complete());
    assert!(doc.draft);
    let gaps = doc.gaps();
    let texts: Vec<&str> = gaps.iter().map(|(t, _)| *t).collect();
    assert!(texts.contains(&"[Name der Kommune]"), "{texts:?}");
    assert!(texts.contains(&"[Vor- und Nachname]"), "{texts:?}");
    assert!(texts.contains(&"PK ../2026"), "optional contract number shows the spec's gap: {texts:?}");
    for (text, target) in &gaps {
        let target = target.unwrap_or_else(|| panic!("gap {text} has no target"));
        let top = target.path.top();
        let step = t.fields().find(|f| f.field.id == top).map(|f| f.step);
        assert_eq!(Some(target.step), step, "{text} points at the step of {top}");
    }
    // The name gap points at the name field on step 1.
    let (_, target) = gaps.iter().find(|(t, _)| *t == "[Name der Kommune]").expect("gap");
    assert_eq!(target.map(|t| (t.step, t.path.clone())), Some((0, FieldPath::field("kommune_name"))));
    // Contact entries point at the entry's own sub-field.
    assert!(
        gaps.iter()
            .any(|(_, t)| matches!(t.map(|t| &t.path), Some(FieldPath::Entry { list, sub, .. }) if list == "ap_prozess" && sub == "email"))
    );
    assert_eq!(doc.meta.file_name, "Kooperationsvereinbarung_IKPE_Entwurf_2026-11-22.docx");
}

#[test]
fn a_name_without_type_is_shown_with_a_type_gap() {
    let t = common::template("ikpe");
    let mut d = Draft::new(t, "x", 0.0);
    d.set_text("kommune_name", "Zwickau");
    let (_, doc) = common::report_and_doc(t, &d);
    let Some(Block::Party { lines, .. }) = doc.blocks.iter().filter(|b| matches!(b, Block::Party { .. })).nth(1) else { panic!() };
    assert_eq!(plain(&lines[0]), "und [Art der Kommune] Zwickau,");
    assert!(lines[0].iter().any(|i| matches!(i, Inline::Gap { target: Some(t), .. } if t.path == FieldPath::field("kommune_art"))));
}

#[test]
fn meta_data_and_file_name() {
    let t = common::template("ikpe");
    let (_, doc) = common::report_and_doc(t, &common::ikpe_landkreis());
    assert_eq!(doc.meta.title, "Kooperationsvereinbarung");
    assert_eq!(doc.meta.subject, "Kooperationsvereinbarung zwischen dem IKPE und dem Landkreis Sömmerda (Thüringer Präventionsketten)");
    assert_eq!(doc.meta.author, "Landkreis Sömmerda");
    assert_eq!(doc.meta.header, "Kooperationsvereinbarung IKPE – Landkreis Sömmerda");
    assert_eq!(doc.meta.language, "de-DE");
    assert_eq!(doc.meta.file_name, "Kooperationsvereinbarung_IKPE_Soemmerda_2026-11-22.docx");
    let (_, doc) = common::report_and_doc(t, &common::ikpe_stadt());
    assert_eq!(doc.meta.file_name, "Kooperationsvereinbarung_IKPE_Jena_2026-11-22.docx");
    let mut d = common::ikpe_landkreis();
    d.set_text("kommune_name", "Altenburger Land");
    let (_, doc) = common::report_and_doc(t, &d);
    assert_eq!(doc.meta.file_name, "Kooperationsvereinbarung_IKPE_Altenburger_Land_2026-11-22.docx");
}

#[test]
fn draft_names() {
    let t = common::template("ikpe");
    let d = Draft::new(t, "x", 0.0);
    assert_eq!(common::ctx(t, &d).draft_name(), "Kooperationsvereinbarung IKPE – Kommune (neu)");
    let mut d = common::ikpe_stadt();
    assert_eq!(common::ctx(t, &d).draft_name(), "IKPE – Stadt Jena");
    d.name = Some("  Jena 2027 ".into());
    assert_eq!(common::ctx(t, &d).draft_name(), "Jena 2027");
}

#[test]
fn user_text_is_text_never_markup_or_placeholders() {
    let t = common::template("ikpe");
    let mut d = common::ikpe_landkreis();
    d.set_text("kommune_name", "{kommune.dat} <script>alert(1)</script>");
    d.set_text("vertreter_name", "{ref:laufzeit}");
    let (_, doc) = common::report_and_doc(t, &d);
    let text = doc.plain_text();
    assert!(text.contains("und dem Landkreis {kommune.dat} <script>alert(1)</script>,"), "{text}");
    assert!(text.contains("Herrn {ref:laufzeit}"));
}

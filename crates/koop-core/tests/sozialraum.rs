//! The Sozialraum template: several parties from lists, services grouped by provider,
//! computed cross-references, the corrections of the source text, cross-field rules, and
//! documents with 1 and with 30 towns / 50 providers / 100 services.

mod common;

use koop_core::document::{Block, plain};
use koop_core::template::Severity;
use koop_core::{FieldPath, validate};

#[test]
fn complete_agreement_with_three_towns_two_providers_four_services() {
    let t = common::template("sozialraum");
    let d = common::sozialraum(3, 2, 4);
    let (report, doc) = common::report_and_doc(t, &d);
    assert!(report.is_complete(), "{:#?}", report.issues);
    assert!(report.issues.is_empty(), "no warnings either: {:#?}", report.issues);
    assert!(!doc.draft);
    assert!(doc.gaps().is_empty(), "{:?}", doc.gaps());
    let text = doc.plain_text();
    // Parties: the Landkreis (defaults of the source), every town and every provider.
    assert!(text.contains("Zwischen dem Landkreis Zwickau\nLandratsamt\nRobert-Müller-Straße 4 – 8\n08056 Zwickau\nvertreten durch den Landrat, Herrn Carsten Michaelis,\n(im Folgenden Landkreis Zwickau genannt)\n"), "{text}");
    assert!(text.contains("sowie den Städten und Gemeinden des Sozialraumes Crimmitschau/Dennheritz\nStadt Crimmitschau\nMarkt 1, 08451 Crimmitschau\nvertreten durch den Bürgermeister, Herrn Kim Beispiel\n"));
    assert!(text.contains("Gemeinde Gemeinde1\nMarkt 1, 08451 Gemeinde1\nvertreten durch die Bürgermeisterin, Frau Kim Beispiel\n"));
    assert!(text.contains("und den Trägern der freien Jugendhilfe\nJugendhilfe Träger 1 e.V.\nLindenstraße 5, 08056 Zwickau\nvertreten durch die Geschäftsführerin, Frau Alex Muster\n"));
    // Services grouped by provider, with the § of SGB VIII.
    assert!(text.contains(
        "1.2 Für den Sozialraum Crimmitschau/Dennheritz werden folgende Leistungsangebote in Verantwortung der nachfolgend genannten freien Träger umgesetzt:\n\
         • Jugendhilfe Träger 1 e.V.:\n  • Angebot 1 (§ 11 SGB VIII – Jugendarbeit)\n  • Angebot 3 (§ 14 SGB VIII – Erzieherischer Kinder- und Jugendschutz)\n\
         • Jugendhilfe Träger 2 e.V.:\n  • Angebot 2 (§ 13a SGB VIII – Schulsozialarbeit)\n  • Angebot 4 (§ 16 SGB VIII – Förderung der Erziehung in der Familie)\n"
    ), "{text}");
    // The corrections: the reference is computed (3.1.7, not the source's 3.3.7); no "Die Die".
    assert!(text.contains("3.2.6 Bei der Umverteilung nicht abgerufener Mittel durch den Landkreis gemäß § 3.1.7 haben"), "{text}");
    assert!(text.contains("3.1.7 Der Landkreis Zwickau koordiniert den Einsatz der finanziellen Mittel"));
    assert!(!text.contains("gemäß § 3.3.7") && !text.contains("Die Die"));
    assert!(text.contains(
        "5.1.1 Die Kooperationsvereinbarung kann durch einen Träger ohne Angabe von Gründen ordentlich mit einer Frist von 3 Monaten"
    ));
    // Parameters with their defaults.
    assert!(text.contains("3.1.6 Der Landkreis Zwickau verpflichtet sich, alle zwei Jahre Zielvereinbarungsgespräche"));
    assert!(text.contains("Neben den zweijährigen Zielvereinbarungsgesprächen"));
    assert!(text.contains("Diese sollten i. d. R. halbjährlich durchgeführt werden."));
    assert!(text.contains("aus Haushaltsmitteln des Landkreises Zwickau finanziert."));
    assert!(text.contains("Diese Vereinbarung tritt am 01.01.2027 in Kraft und endet am 31.12.2029."));
    for placeholder in ["XY", "…", "[Name des Sozialraums]", "[Benennung der Angebote]", "[Datum]", "[Unterschriften"] {
        assert!(!text.contains(placeholder), "{placeholder} left");
    }
    // A signature block for every party, generated from the lists.
    let Some(Block::Signatures(sigs)) = doc.blocks.last() else { panic!("signatures") };
    let parties: Vec<String> = sigs.iter().map(|s| plain(&s.party)).collect();
    assert_eq!(
        parties,
        [
            "Landkreis Zwickau",
            "Stadt Crimmitschau",
            "Gemeinde Gemeinde1",
            "Gemeinde Gemeinde2",
            "Jugendhilfe Träger 1 e.V.",
            "Jugendhilfe Träger 2 e.V."
        ]
    );
    assert_eq!(plain(&sigs[0].signatories[0]), "Carsten Michaelis, Landrat");
    assert_eq!(plain(&sigs[1].place), "Crimmitschau");
    assert_eq!(plain(&sigs[4].signatories[0]), "Alex Muster, Geschäftsführerin");
    assert_eq!(doc.meta.file_name, "Kooperationsvereinbarung_Sozialraum_Crimmitschau_Dennheritz_2026-11-22.docx");
}

#[test]
fn numbering_follows_the_source() {
    let t = common::template("sozialraum");
    let (_, doc) = common::report_and_doc(t, &common::sozialraum(1, 1, 1));
    let headings: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { number, text, .. } => {
                Some(format!("{} {}", number.clone().unwrap_or_default(), plain(text)).trim().to_string())
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        [
            "Präambel",
            "1. Gegenstand der Vereinbarung",
            "2. Ziele der Zusammenarbeit",
            "3. Zuständigkeiten, Rechte und Pflichten der Beteiligten",
            "3.1 Landkreis Zwickau",
            "3.2 Kommunale Vertreter",
            "3.3 Träger",
            "4. Inkrafttreten und Laufzeit",
            "5. Kündigung / Rücktrittsrecht",
            "6. Schlussbestimmungen"
        ]
    );
    let numbers: Vec<String> =
        doc.blocks.iter().filter_map(|b| if let Block::Clause { number, .. } = b { Some(number.clone()) } else { None }).collect();
    assert_eq!(&numbers[..3], ["1.1", "1.2", "1.3"]);
    assert!(numbers.contains(&"3.1.7".to_string()) && numbers.contains(&"3.3.7".to_string()));
    assert_eq!(&numbers[numbers.len() - 6..], ["5.1.1", "5.1.2", "5.1.3", "5.1.4", "6.1.1", "6.1.2"]);
}

#[test]
fn references_follow_clauses_when_the_template_changes() {
    // Adding a clause before the referenced one moves the reference with it.
    let (name, json) =
        koop_core::template::Catalog::builtin_sources().0.iter().find(|(n, _)| *n == "sozialraum.toml").copied().expect("source");
    let mut v: serde_json::Value = serde_json::from_str(json).expect("json");
    let blocks = v["document"]["blocks"].as_array_mut().expect("blocks");
    let at = blocks.iter().position(|b| b["id"] == "mittelumverteilung").expect("clause");
    blocks.insert(at, serde_json::json!({ "type": "clause", "text": "Eine neue Klausel." }));
    let text = v.to_string();
    let catalog =
        koop_core::template::Catalog::from_json(&[(name, &text)], koop_core::template::Catalog::builtin_sources().1).expect("loads");
    let t = catalog.templates().next().expect("the template");
    assert!(koop_core::template::check::check(t, &catalog).is_empty());
    let d = common::sozialraum(1, 1, 1);
    let c = koop_core::Context::new(t, &catalog, &d, common::today());
    let doc = koop_core::build(&c, validate(&c).completeness());
    assert!(doc.plain_text().contains("gemäß § 3.1.8 haben"), "{}", doc.plain_text());
}

#[test]
fn cross_field_rules() {
    let t = common::template("sozialraum");
    let tra = t.field("traeger").expect("list").field;
    let ang = t.field("angebote").expect("list").field;
    let gem = t.field("gemeinden").expect("list").field;

    // A provider without any service is a warning, not an error.
    let mut d = common::sozialraum(1, 2, 1);
    let r = validate(&common::ctx(t, &d));
    assert!(r.is_complete());
    let warnings: Vec<_> = r.issues.iter().filter(|i| i.severity == Severity::Warning).collect();
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].message, "Für „Jugendhilfe Träger 2 e.V.“ ist noch kein Leistungsangebot genannt.");

    // Removing the provider a service names makes the service's reference an error.
    let first = d.entries(tra)[0].id;
    d.remove_entry(tra, first);
    let r = validate(&common::ctx(t, &d));
    let errors: Vec<_> = r.errors().collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(matches!(&errors[0].path, FieldPath::Entry { list, sub, .. } if list == "angebote" && sub == "traeger"));
    assert_eq!(errors[0].message, "Bitte wählen Sie einen der genannten Träger.");

    // Renaming a provider keeps its services: references hold the entry's identity.
    let mut d = common::sozialraum(1, 1, 2);
    let id = d.entries(tra)[0].id;
    d.set_entry_value(tra, id, "name", "Neuer Name gGmbH");
    let (r, doc) = common::report_and_doc(t, &d);
    assert!(r.is_complete());
    assert!(doc.plain_text().contains("• Neuer Name gGmbH:\n  • Angebot 1"));
    assert_eq!(d.entries(ang).len(), 2);

    // No two parties with the same name.
    let mut d = common::sozialraum(2, 1, 1);
    let second = d.entries(gem)[1].id;
    d.set_entry_value(gem, second, "name", " crimmitschau ");
    let errors: Vec<String> = validate(&common::ctx(t, &d)).errors().map(|i| i.message.clone()).collect();
    assert_eq!(errors, ["„crimmitschau“ ist bereits als Vertragspartner genannt. Bitte nennen Sie jeden Partner nur einmal."]);
    let mut d = common::sozialraum(1, 1, 1);
    let tid = d.entries(tra)[0].id;
    d.set_entry_value(tra, tid, "name", "Crimmitschau");
    assert_eq!(validate(&common::ctx(t, &d)).error_count(), 1, "town and provider share one name space");

    // Ende after Inkrafttreten.
    let mut d = common::sozialraum(1, 1, 1);
    d.set_text("ende", "01.01.2027");
    let errors: Vec<_> = validate(&common::ctx(t, &d)).errors().cloned().collect();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].path, FieldPath::field("ende"));
    assert_eq!(errors[0].message, "Das Ende der Laufzeit muss nach dem Inkrafttreten (01.01.2027) liegen.");
}

#[test]
fn parameters_and_grammar_of_the_landkreis() {
    let t = common::template("sozialraum");
    let mut d = common::sozialraum(1, 1, 1);
    d.set_text("lk_name", "Vogtlandkreis");
    d.set_text("lk_anrede", "frau");
    d.set_text("lk_vertreter", "Maria Beispiel");
    d.set_text("zielvereinbarung_jahre", "1");
    d.set_text("kuendigungsfrist", "1");
    let (r, doc) = common::report_and_doc(t, &d);
    assert!(r.is_complete(), "{:#?}", r.issues);
    let text = doc.plain_text();
    assert!(text.contains("Zwischen dem Vogtlandkreis\n"));
    assert!(text.contains("vertreten durch die Landrätin, Frau Maria Beispiel,"));
    assert!(text.contains("3.1 Vogtlandkreis\n"));
    assert!(text.contains("3.1.1 Der Vogtlandkreis trägt die Gesamtverantwortung"));
    assert!(text.contains("aus Haushaltsmitteln des Vogtlandkreises finanziert."));
    assert!(text.contains("verpflichtet sich, jährlich Zielvereinbarungsgespräche"));
    assert!(text.contains("Neben den jährlichen Zielvereinbarungsgesprächen"));
    assert!(text.contains("mit einer Frist von einem Monat zum Ende eines Quartals"));
    assert!(text.contains("durch den Vogtlandkreis oder einen kommunalen Vertreter"));
}

#[test]
fn one_town_and_thirty_towns_fifty_providers_hundred_services() {
    let t = common::template("sozialraum");
    let (r, doc) = common::report_and_doc(t, &common::sozialraum(1, 1, 1));
    assert!(r.is_complete());
    let Some(Block::Signatures(sigs)) = doc.blocks.last() else { panic!() };
    assert_eq!(sigs.len(), 3);

    let d = common::sozialraum(30, 50, 100);
    let (r, doc) = common::report_and_doc(t, &d);
    assert!(r.is_complete(), "{:#?}", r.issues.iter().take(3).collect::<Vec<_>>());
    assert!(doc.gaps().is_empty());
    let parties = doc.blocks.iter().filter(|b| matches!(b, Block::Party { .. })).count();
    assert_eq!(parties, 1 + 30 + 50);
    let Some(Block::Signatures(sigs)) = doc.blocks.last() else { panic!() };
    assert_eq!(sigs.len(), 81);
    let bullets: Vec<_> =
        doc.blocks.iter().filter_map(|b| if let Block::Bullets(items) = b { Some(items) } else { None }).flatten().collect();
    assert_eq!(bullets.iter().filter(|b| b.level == 0).count(), 50, "one group per provider");
    assert_eq!(bullets.iter().filter(|b| b.level == 1).count(), 100, "every service");
    // Every service appears exactly once, under its provider.
    let text = doc.plain_text();
    for i in 1..=100 {
        assert_eq!(text.matches(&format!("• Angebot {i} (")).count(), 1, "Angebot {i}");
    }
    let bytes = koop_core::render::docx::render(&doc).expect("docx");
    assert!(bytes.len() < 120_000, "{} bytes", bytes.len());
}

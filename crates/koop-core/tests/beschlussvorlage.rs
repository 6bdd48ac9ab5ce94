//! The Beschlussvorlage (issue 24): a second document of each template, made from the same
//! answers for one public body at a time. The council and the head follow from the kind of
//! Kommune and the Anrede; the Sozialraum has one Vorlage per public body, each with its own
//! answers; the agreement does not change.

mod common;

use koop_core::Draft;
use koop_core::document::bound::{self, Body};
use koop_core::document::{Block, BuildCache, build_cached};
use koop_core::template::Template;
use koop_core::value::FieldPath;
use koop_core::{Context, Document, Inline};
use rstest::rstest;

const VORLAGE: &str = "beschlussvorlage";

fn bodies(t: &Template, d: &Draft) -> Vec<Body> {
    bound::bodies(&common::ctx(t, d), VORLAGE)
}

/// The Vorlage of the body at `index` of the draft's bodies.
fn vorlage(t: &Template, d: &Draft, index: usize) -> Document {
    let c = common::ctx(t, d);
    let r = koop_core::validate(&c);
    let body = &bound::bodies(&c, VORLAGE)[index];
    bound::build_for(&c, VORLAGE, &body.key, r.completeness()).expect("the body's Vorlage")
}

/// The text after a heading, up to the next heading.
fn section(doc: &Document, heading: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside = false;
    for b in &doc.blocks {
        match b {
            Block::Heading { text, .. } => inside = koop_core::document::plain(text) == heading,
            Block::Paragraph { text, .. } if inside => out.push(koop_core::document::plain(text)),
            _ => {}
        }
    }
    out
}

fn vorschlag(doc: &Document) -> String {
    let s = section(doc, "Beschlussvorschlag");
    assert_eq!(s.len(), 1, "one Beschlussvorschlag: {s:?}");
    s[0].clone()
}

const IKPE_REST: &str = "stimmt dem Abschluss der Kooperationsvereinbarung Nr. PK 3/2026 mit dem Institut für kommunale Planung und Entwicklung e.V. zur fachlichen Prozessbegleitung beim Ausbau der Präventionskette zu und ermächtigt";
const SOZ_REST: &str = "stimmt dem Abschluss der Kooperationsvereinbarung zur Zusammenarbeit im Sozialraum Crimmitschau/Dennheritz zwischen dem Landkreis Zwickau, den Städten und Gemeinden des Sozialraums und den Trägern der freien Jugendhilfe zu und ermächtigt";

/// An IKPE draft of a Landkreis or a kreisfreie Stadt.
fn ikpe(art: &str, name: &str, anrede: &str) -> Draft {
    let mut d = common::ikpe_landkreis();
    d.set_text("kommune_art", art);
    d.set_text("kommune_name", name);
    d.set_text("vertreter_anrede", anrede);
    d.reset("vertreter_funktion");
    d.set_text("vertragsnummer", "PK 3/2026");
    d
}

/// A Sozialraum whose first town is `art` named `name`, led as `anrede` says.
fn sozialraum_town(art: &str, name: &str, anrede: &str, grosse_kreisstadt: Option<&str>) -> Draft {
    let t = common::template("sozialraum");
    let mut d = common::sozialraum(2, 1, 1);
    let gem = t.field("gemeinden").expect("list").field;
    let first = d.entries(gem)[0].id;
    d.set_entry_value(gem, first, "art", art);
    d.set_entry_value(gem, first, "name", name);
    d.set_entry_value(gem, first, "anrede", anrede);
    if let Some(g) = grosse_kreisstadt {
        d.set_entry_value(gem, first, "grosse_kreisstadt", g);
    }
    d
}

#[rstest]
// Landkreis: Kreistag, Landrat or Landrätin (the spec's example, word for word).
#[case::landkreis_frau(ikpe("landkreis", "Greiz", "frau"), 0, format!("Der Kreistag des Landkreises Greiz {IKPE_REST} die Landrätin, die Vereinbarung zu unterzeichnen."))]
#[case::landkreis_herr(ikpe("landkreis", "Greiz", "herr"), 0, format!("Der Kreistag des Landkreises Greiz {IKPE_REST} den Landrat, die Vereinbarung zu unterzeichnen."))]
#[case::kreis_name(ikpe("landkreis", "Unstrut-Hainich-Kreis", "herr"), 0, format!("Der Kreistag des Unstrut-Hainich-Kreises {IKPE_REST} den Landrat, die Vereinbarung zu unterzeichnen."))]
#[case::sozialraum_landkreis_herr(common::sozialraum(2, 1, 1), 0, format!("Der Kreistag des Landkreises Zwickau {SOZ_REST} den Landrat, die Vereinbarung zu unterzeichnen."))]
// kreisfreie Stadt: Stadtrat, Oberbürgermeister or Oberbürgermeisterin; Erfurt's official name.
#[case::kreisfreie_stadt_frau(ikpe("kreisfreie_stadt", "Jena", "frau"), 0, format!("Der Stadtrat der Stadt Jena {IKPE_REST} die Oberbürgermeisterin, die Vereinbarung zu unterzeichnen."))]
#[case::kreisfreie_stadt_herr(ikpe("kreisfreie_stadt", "Jena", "herr"), 0, format!("Der Stadtrat der Stadt Jena {IKPE_REST} den Oberbürgermeister, die Vereinbarung zu unterzeichnen."))]
#[case::landeshauptstadt(ikpe("kreisfreie_stadt", "Erfurt", "frau"), 0, format!("Der Stadtrat der Landeshauptstadt Erfurt {IKPE_REST} die Oberbürgermeisterin, die Vereinbarung zu unterzeichnen."))]
// kreisangehörige Stadt: Stadtrat, Bürgermeister or Bürgermeisterin …
#[case::stadt_herr(sozialraum_town("stadt", "Crimmitschau", "herr", None), 1, format!("Der Stadtrat der Stadt Crimmitschau {SOZ_REST} den Bürgermeister, die Vereinbarung zu unterzeichnen."))]
#[case::stadt_frau(sozialraum_town("stadt", "Crimmitschau", "frau", None), 1, format!("Der Stadtrat der Stadt Crimmitschau {SOZ_REST} die Bürgermeisterin, die Vereinbarung zu unterzeichnen."))]
// … and a Große Kreisstadt, chosen or typed before the name: Oberbürgermeister or -in.
#[case::grosse_kreisstadt_herr(sozialraum_town("stadt", "Crimmitschau", "herr", Some("ja")), 1, format!("Der Stadtrat der Stadt Crimmitschau {SOZ_REST} den Oberbürgermeister, die Vereinbarung zu unterzeichnen."))]
#[case::grosse_kreisstadt_frau(sozialraum_town("stadt", "Große Kreisstadt Werdau", "frau", None), 1, format!("Der Stadtrat der Großen Kreisstadt Werdau {SOZ_REST} die Oberbürgermeisterin, die Vereinbarung zu unterzeichnen."))]
// Gemeinde: Gemeinderat, Bürgermeister or Bürgermeisterin.
#[case::gemeinde_herr(sozialraum_town("gemeinde", "Dennheritz", "herr", Some("ja")), 1, format!("Der Gemeinderat der Gemeinde Dennheritz {SOZ_REST} den Bürgermeister, die Vereinbarung zu unterzeichnen."))]
#[case::gemeinde_frau(sozialraum_town("gemeinde", "Dennheritz", "frau", None), 1, format!("Der Gemeinderat der Gemeinde Dennheritz {SOZ_REST} die Bürgermeisterin, die Vereinbarung zu unterzeichnen."))]
// No gendered form of address: both forms, never "Bürgermeister/in".
#[case::ohne_anrede(ikpe("landkreis", "Greiz", "keine"), 0, format!("Der Kreistag des Landkreises Greiz {IKPE_REST} die Landrätin oder den Landrat, die Vereinbarung zu unterzeichnen."))]
#[case::ohne_anrede_gemeinde(sozialraum_town("gemeinde", "Dennheritz", "keine", None), 1, format!("Der Gemeinderat der Gemeinde Dennheritz {SOZ_REST} die Bürgermeisterin oder den Bürgermeister, die Vereinbarung zu unterzeichnen."))]
fn the_beschlussvorschlag_names_council_and_head(#[case] draft: Draft, #[case] body: usize, #[case] expected: String) {
    let t = common::template(&draft.template);
    let doc = vorlage(t, &draft, body);
    assert_eq!(vorschlag(&doc), expected);
    let text = doc.plain_text();
    assert!(!text.contains("/in") && !text.contains("*in"), "never a slashed title: {text}");
    // The Beratungsfolge names the same council.
    let council = expected.split(' ').nth(1).expect("council");
    assert_eq!(section(&doc, "Beratungsfolge"), vec![format!("{council}: zur Beschlussfassung")]);
}

#[test]
fn the_sozialraum_has_one_vorlage_per_public_body_with_its_own_council_and_head() {
    let t = common::template("sozialraum");
    let mut d = common::sozialraum(3, 2, 4);
    let gem = t.field("gemeinden").expect("list").field;
    let ids: Vec<u32> = d.entries(gem).iter().map(|e| e.id).collect();
    d.set_entry_value(gem, ids[2], "funktion", "Erster Beigeordneter");
    let list = bodies(t, &d);
    let labels: Vec<&str> = list.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(labels, ["Landkreis Zwickau", "Stadt Crimmitschau", "Gemeinde Gemeinde1", "Gemeinde Gemeinde2"]);
    assert_eq!(list[0].key.to_string(), "landkreis");
    assert_eq!(list[2].key.to_string(), format!("gemeinde-{}", ids[1]));
    assert_eq!(list[2].key.to_string().parse(), Ok(list[2].key.clone()));
    let c = common::ctx(t, &d);
    let docs = bound::build_all(&c, VORLAGE, &koop_core::validate(&c));
    assert_eq!(docs.len(), 4, "the Landkreis and each Stadt and Gemeinde");
    // The towns of `sozialraum()` alternate Herr and Frau; the typed function does not matter.
    let heads = ["den Landrat", "den Bürgermeister", "die Bürgermeisterin", "den Bürgermeister"];
    let councils = [
        "Der Kreistag des Landkreises Zwickau",
        "Der Stadtrat der Stadt Crimmitschau",
        "Der Gemeinderat der Gemeinde Gemeinde1",
        "Der Gemeinderat der Gemeinde Gemeinde2",
    ];
    for (i, doc) in docs.iter().enumerate() {
        let v = vorschlag(doc);
        assert!(v.starts_with(&format!("{} {SOZ_REST} {}, die", councils[i], heads[i])), "{v}");
        assert_eq!(doc.blocks[1], Block::Subtitle(vec![Inline::Text(labels[i].to_string())]));
        assert_eq!(doc.meta.header, format!("Beschlussvorlage – {}", labels[i]));
        assert!(!doc.draft, "complete");
    }
    let names: Vec<&str> = docs.iter().map(|d| d.meta.file_name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Beschlussvorlage_Landkreis_Zwickau_2026-11-22.docx",
            "Beschlussvorlage_Stadt_Crimmitschau_2026-11-22.docx",
            "Beschlussvorlage_Gemeinde_Gemeinde1_2026-11-22.docx",
            "Beschlussvorlage_Gemeinde_Gemeinde2_2026-11-22.docx",
        ]
    );
    // The finances: the Landkreis funds the providers, a town co-funds (clause 3.2.2).
    assert!(
        section(&docs[0], "Finanzielle Auswirkungen")[0].starts_with("Der Landkreis Zwickau stellt den freien Trägern finanzielle Mittel")
    );
    assert!(section(&docs[1], "Finanzielle Auswirkungen")[0]
        .starts_with("Die Stadt Crimmitschau stellt als kommunaler Vertreter sicher, dass finanzielle Mittel zur Unterstützung der Maßnahmen im Sozialraum bereitgestellt werden; dies umfasst insbesondere die Kofinanzierung der Leistungsangebote (Nr. 3.2.2 der Vereinbarung)."));
}

#[test]
fn an_unnamed_town_is_offered_by_its_place_in_the_list() {
    let t = common::template("sozialraum");
    let d = Draft::new(t, "leer", 0.0);
    let labels: Vec<String> = bodies(t, &d).into_iter().map(|b| b.label).collect();
    assert_eq!(labels, ["Landkreis Zwickau", "Stadt oder Gemeinde 1"]);
    let doc = vorlage(t, &d, 1);
    assert!(doc.draft, "an empty draft is an ENTWURF");
    assert!(doc.gaps().iter().any(|(g, _)| *g == "[Name]"), "{:?}", doc.gaps());
    assert_eq!(doc.meta.file_name, "Beschlussvorlage_Entwurf_2026-11-22.docx");
}

#[test]
fn each_body_has_its_own_answers() {
    let t = common::template("sozialraum");
    let mut d = common::sozialraum(2, 1, 1);
    let gem = t.field("gemeinden").expect("list").field;
    let town = d.entries(gem)[0].id;
    d.set_text("vorlage_nummer", "KT/2027/014");
    d.set_text("vorlage_sitzung", "15.03.2027");
    d.set_text("vorlage_einreicher", "Jugendamt");
    d.set_entry_value(gem, town, "vorlage_nummer", "SR 7/2027");
    d.set_entry_value(gem, town, "vorlage_sitzung", "02.03.2027");
    d.set_entry_value(gem, town, "vorlage_gremium", "Stadtrat (Vorberatung im Sozialausschuss)");
    let (lk, stadt, gemeinde) = (vorlage(t, &d, 0), vorlage(t, &d, 1), vorlage(t, &d, 2));
    let head = |doc: &Document| doc.plain_text().lines().take(5).map(str::to_string).collect::<Vec<_>>();
    assert_eq!(
        head(&lk),
        ["Beschlussvorlage", "Landkreis Zwickau", "Vorlagennummer: KT/2027/014", "Datum: 22.11.2026", "Einreicher: Jugendamt"]
    );
    assert_eq!(section(&lk, "Beratungsfolge"), ["Kreistag, Sitzung am 15.03.2027: zur Beschlussfassung"]);
    assert_eq!(head(&stadt)[..4], ["Beschlussvorlage", "Stadt Crimmitschau", "Vorlagennummer: SR 7/2027", "Datum: 22.11.2026"]);
    assert_eq!(head(&stadt)[4], "Betreff", "the Landkreis' Einreicher is not the town's");
    assert_eq!(
        section(&stadt, "Beratungsfolge"),
        ["Stadtrat (Vorberatung im Sozialausschuss), Sitzung am 02.03.2027: zur Beschlussfassung"]
    );
    assert_eq!(section(&gemeinde, "Beratungsfolge"), ["Gemeinderat: zur Beschlussfassung"]);
    assert!(!gemeinde.plain_text().contains("Vorlagennummer"));
    // A gap in a town's Vorlage leads to that town's entry.
    d.set_entry_value(gem, town, "anrede", "");
    let doc = vorlage(t, &d, 1);
    let target = doc.gaps().into_iter().find(|(g, _)| *g == "[Anrede]").and_then(|(_, t)| t.cloned()).expect("gap with target");
    assert_eq!(target.path, FieldPath::Entry { list: "gemeinden".into(), entry: town, sub: "anrede".into() });
}

#[test]
fn the_vorlage_answers_are_validated_like_every_answer() {
    let t = common::template("sozialraum");
    let mut d = common::sozialraum(1, 1, 1);
    let gem = t.field("gemeinden").expect("list").field;
    let town = d.entries(gem)[0].id;
    d.set_text("vorlage_datum", "31.02.2027");
    d.set_text("vorlage_sitzung", "01.12.2026");
    d.set_entry_value(gem, town, "vorlage_sitzung", "morgen");
    d.set_entry_value(gem, town, "grosse_kreisstadt", "vielleicht");
    let r = koop_core::validate(&common::ctx(t, &d));
    let at = |p: FieldPath| r.for_path(&p).map(|i| i.message.clone()).collect::<Vec<_>>();
    assert_eq!(at(FieldPath::field("vorlage_datum")), [koop_core::Datum::FORMAT_MESSAGE]);
    let entry = |sub: &str| FieldPath::Entry { list: "gemeinden".into(), entry: town, sub: sub.into() };
    assert_eq!(at(entry("vorlage_sitzung")), [koop_core::Datum::FORMAT_MESSAGE]);
    assert_eq!(at(entry("grosse_kreisstadt")), ["Bitte wählen Sie eine der angebotenen Möglichkeiten."]);
    // The session before the Vorlage's date: a warning (IKPE, whose date is a valid one).
    let mut d = common::ikpe_landkreis();
    d.set_text("vorlage_datum", "01.03.2027");
    d.set_text("vorlage_sitzung", "15.02.2027");
    let r = koop_core::validate(&common::ctx(common::template("ikpe"), &d));
    let sitzung = FieldPath::field("vorlage_sitzung");
    let issue = r.first_for(&sitzung).expect("warning");
    assert_eq!(issue.severity, koop_core::template::Severity::Warning);
    assert!(issue.message.starts_with("Die Sitzung (15.02.2027) liegt nicht nach dem Datum der Vorlage (01.03.2027)."));
    assert!(r.is_complete(), "a warning leaves the draft complete");
}

#[test]
fn a_grosse_kreisstadt_follows_the_typed_function_until_chosen() {
    let t = common::template("sozialraum");
    let mut d = sozialraum_town("stadt", "Werdau", "frau", None);
    let gem = t.field("gemeinden").expect("list").field;
    let town = d.entries(gem)[0].id;
    d.set_entry_value(gem, town, "funktion", "Oberbürgermeisterin");
    assert!(vorschlag(&vorlage(t, &d, 1)).ends_with("ermächtigt die Oberbürgermeisterin, die Vereinbarung zu unterzeichnen."));
    d.set_entry_value(gem, town, "grosse_kreisstadt", "nein");
    assert!(vorschlag(&vorlage(t, &d, 1)).ends_with("ermächtigt die Bürgermeisterin, die Vereinbarung zu unterzeichnen."));
}

#[test]
fn the_ikpe_vorlage_says_what_the_agreement_says() {
    let t = common::template("ikpe");
    let d = common::ikpe_landkreis();
    let doc = vorlage(t, &d, 0);
    assert_eq!(doc.meta.file_name, "Beschlussvorlage_Landkreis_Soemmerda_2026-11-22.docx");
    assert_eq!(koop_core::export::Format::Odt.file_name(&doc.meta.file_name), "Beschlussvorlage_Landkreis_Soemmerda_2026-11-22.odt");
    assert_eq!(
        section(&doc, "Betreff"),
        [
            "Kooperationsvereinbarung Nr. PK 7/2026 mit dem Institut für kommunale Planung und Entwicklung e.V. zur fachlichen Prozessbegleitung beim Ausbau der Präventionskette (Programm „Thüringer Präventionsketten“)"
        ]
    );
    assert_eq!(
        section(&doc, "Finanzielle Auswirkungen"),
        [
            "Keine. Für die vereinbarte fachliche Prozessbegleitung durch das IKPE entstehen für den Landkreis Sömmerda keine Kosten (Nr. 5.1 der Vereinbarung)."
        ]
    );
    assert_eq!(
        section(&doc, "Anlage"),
        [
            "Kooperationsvereinbarung Nr. PK 7/2026 zwischen dem Institut für kommunale Planung und Entwicklung e.V. und dem Landkreis Sömmerda"
        ]
    );
    let text = doc.plain_text();
    for s in [
        "vertreten durch den Landrat, Herrn Christian Meyer",
        "• Strategische Beratung und Begleitung",
        "mindestens alle zwei Monate (Form: telefonisch, Videokonferenz, in Präsenz vor Ort)",
        "jährlich vier Qualifizierungsangebote",
        "die Bereiche Kinder- und Jugendhilfe und Gesundheit verbindet",
        "Anna Schulze, Sozialplanung, anna.schulze@lra-soemmerda.de, Tel. 03634 354-0",
        "gilt bis zum 31.12.2028 (Nr. 5.3)",
        "unterzeichnet der Landrat die Vereinbarung für den Landkreis Sömmerda.",
    ] {
        assert!(text.contains(s), "„{s}“ in\n{text}");
    }
    // A missing contract number is the agreement's highlighted gap, in every place.
    let mut d = d;
    d.reset("vertragsnummer");
    let doc = vorlage(t, &d, 0);
    assert!(vorschlag(&doc).contains("Kooperationsvereinbarung Nr. PK ../2026 mit"));
    assert_eq!(doc.gaps().iter().filter(|(g, _)| *g == "PK ../2026").count(), 3);
}

#[test]
fn the_agreement_does_not_change_with_the_vorlage_answers() {
    let t = common::template("sozialraum");
    let d = common::sozialraum(2, 2, 3);
    let (_, before) = common::report_and_doc(t, &d);
    let mut d2 = d.clone();
    let gem = t.field("gemeinden").expect("list").field;
    let town = d2.entries(gem)[0].id;
    d2.set_text("vorlage_nummer", "KT/1");
    d2.set_entry_value(gem, town, "vorlage_nummer", "SR/1");
    d2.set_entry_value(gem, town, "grosse_kreisstadt", "ja");
    let (_, after) = common::report_and_doc(t, &d2);
    assert_eq!(before, after);
    assert!(!before.plain_text().contains("Beschlussvorlage"));
}

/// The preview builds through a cache: typing into a town's answers while its Vorlage (or
/// another one, or the agreement) is shown gives what a fresh build gives.
#[test]
fn the_build_cache_sees_the_answers_of_the_body() {
    let t = common::template("sozialraum");
    let gem = t.field("gemeinden").expect("list").field;
    let fresh = common::sozialraum(3, 2, 4);
    let town = fresh.entries(gem)[1].id;
    type Change = Box<dyn Fn(&mut Draft)>;
    let changes: Vec<Change> = vec![
        Box::new(|_| {}),
        Box::new(move |d| _ = d.set_entry_value(gem, town, "name", "Langenbernsdorf")),
        Box::new(move |d| _ = d.set_entry_value(gem, town, "vorlage_nummer", "GR 3/2027")),
        Box::new(move |d| _ = d.set_entry_value(gem, town, "vorlage_nummer", "GR 4/2027")),
        Box::new(move |d| _ = d.set_entry_value(gem, town, "anrede", "herr")),
        Box::new(|d| d.set_text("vorlage_nummer", "KT 1/2027")),
        Box::new(|d| d.set_text("vorlage_nummer", "KT 2/2027")),
    ];
    let keys: Vec<Option<koop_core::context::BodyKey>> =
        std::iter::once(None).chain(bodies(t, &fresh).into_iter().map(|b| Some(b.key))).collect();
    for key in keys {
        let mut d = fresh.clone();
        let mut cache = BuildCache::default();
        for (round, change) in changes.iter().enumerate() {
            change(&mut d);
            let c = common::ctx(t, &d);
            let completeness = koop_core::validate(&c).completeness();
            let view: Context<'_> = match &key {
                None => c.clone(),
                Some(k) => c.for_body(VORLAGE, k).expect("body"),
            };
            assert_eq!(build_cached(&view, completeness, &mut cache), koop_core::build(&view, completeness), "{key:?}, change {round}");
        }
    }
}

/// A file that comes back with other Vorlage answers lists them like every changed answer; the
/// review of the agreement's answers leaves a town's Vorlage answers out of its line.
#[test]
fn the_vorlage_answers_are_compared_and_kept_out_of_the_review() {
    let t = common::template("sozialraum");
    let old = common::sozialraum(1, 1, 1);
    let mut new = old.clone();
    let gem = t.field("gemeinden").expect("list").field;
    let town = new.entries(gem)[0].id;
    new.set_text("vorlage_nummer", "KT/2027/014");
    new.set_entry_value(gem, town, "vorlage_sitzung", "02.03.2027");
    let changes = koop_core::import::changes::changes(&common::ctx(t, &old), &common::ctx(t, &new));
    let listed: Vec<(&str, &str, &str)> = changes.iter().map(|c| (c.label.as_str(), c.old.as_str(), c.new.as_str())).collect();
    assert_eq!(listed, [("Stadt oder Gemeinde 1 – Sitzung am", "", "02.03.2027"), ("Vorlagennummer", "", "KT/2027/014")]);
    let c = common::ctx(t, &new);
    let review = koop_core::review::review(&c, &koop_core::validate(&c));
    let row = review.iter().flat_map(|s| &s.rows).find(|r| r.label == "Stadt oder Gemeinde 1").expect("the town's row");
    assert_eq!(row.value, "Crimmitschau, Stadt, Markt 1, 08451, Crimmitschau, Herr, Bürgermeister, Kim Beispiel");
}

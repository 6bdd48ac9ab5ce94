//! The grammar table: all 22 Thuringian Landkreise and kreisfreie Städte, and freely entered
//! municipalities, in every case the templates use — checked both on the grammar functions and
//! through the IKPE template (suggestion → type → text of the agreement).

mod common;

use koop_core::grammar::{Kasus, Koerperschaft, Kommunenart, art_genitiv};
use koop_core::{Draft, document::plain};
use rstest::rstest;

#[rstest]
#[case(
    "Altenburger Land",
    "der Landkreis Altenburger Land",
    "des Landkreises Altenburger Land",
    "dem Landkreis Altenburger Land",
    "den Landkreis Altenburger Land",
    "Landkreis Altenburger Land"
)]
#[case(
    "Eichsfeld",
    "der Landkreis Eichsfeld",
    "des Landkreises Eichsfeld",
    "dem Landkreis Eichsfeld",
    "den Landkreis Eichsfeld",
    "Landkreis Eichsfeld"
)]
#[case("Gotha", "der Landkreis Gotha", "des Landkreises Gotha", "dem Landkreis Gotha", "den Landkreis Gotha", "Landkreis Gotha")]
#[case("Greiz", "der Landkreis Greiz", "des Landkreises Greiz", "dem Landkreis Greiz", "den Landkreis Greiz", "Landkreis Greiz")]
#[case(
    "Hildburghausen",
    "der Landkreis Hildburghausen",
    "des Landkreises Hildburghausen",
    "dem Landkreis Hildburghausen",
    "den Landkreis Hildburghausen",
    "Landkreis Hildburghausen"
)]
#[case("Ilm-Kreis", "der Ilm-Kreis", "des Ilm-Kreises", "dem Ilm-Kreis", "den Ilm-Kreis", "Ilm-Kreis")]
#[case("Kyffhäuserkreis", "der Kyffhäuserkreis", "des Kyffhäuserkreises", "dem Kyffhäuserkreis", "den Kyffhäuserkreis", "Kyffhäuserkreis")]
#[case(
    "Nordhausen",
    "der Landkreis Nordhausen",
    "des Landkreises Nordhausen",
    "dem Landkreis Nordhausen",
    "den Landkreis Nordhausen",
    "Landkreis Nordhausen"
)]
#[case(
    "Saale-Holzland-Kreis",
    "der Saale-Holzland-Kreis",
    "des Saale-Holzland-Kreises",
    "dem Saale-Holzland-Kreis",
    "den Saale-Holzland-Kreis",
    "Saale-Holzland-Kreis"
)]
#[case(
    "Saale-Orla-Kreis",
    "der Saale-Orla-Kreis",
    "des Saale-Orla-Kreises",
    "dem Saale-Orla-Kreis",
    "den Saale-Orla-Kreis",
    "Saale-Orla-Kreis"
)]
#[case(
    "Saalfeld-Rudolstadt",
    "der Landkreis Saalfeld-Rudolstadt",
    "des Landkreises Saalfeld-Rudolstadt",
    "dem Landkreis Saalfeld-Rudolstadt",
    "den Landkreis Saalfeld-Rudolstadt",
    "Landkreis Saalfeld-Rudolstadt"
)]
#[case(
    "Schmalkalden-Meiningen",
    "der Landkreis Schmalkalden-Meiningen",
    "des Landkreises Schmalkalden-Meiningen",
    "dem Landkreis Schmalkalden-Meiningen",
    "den Landkreis Schmalkalden-Meiningen",
    "Landkreis Schmalkalden-Meiningen"
)]
#[case(
    "Sömmerda",
    "der Landkreis Sömmerda",
    "des Landkreises Sömmerda",
    "dem Landkreis Sömmerda",
    "den Landkreis Sömmerda",
    "Landkreis Sömmerda"
)]
#[case(
    "Sonneberg",
    "der Landkreis Sonneberg",
    "des Landkreises Sonneberg",
    "dem Landkreis Sonneberg",
    "den Landkreis Sonneberg",
    "Landkreis Sonneberg"
)]
#[case(
    "Unstrut-Hainich-Kreis",
    "der Unstrut-Hainich-Kreis",
    "des Unstrut-Hainich-Kreises",
    "dem Unstrut-Hainich-Kreis",
    "den Unstrut-Hainich-Kreis",
    "Unstrut-Hainich-Kreis"
)]
#[case("Wartburgkreis", "der Wartburgkreis", "des Wartburgkreises", "dem Wartburgkreis", "den Wartburgkreis", "Wartburgkreis")]
#[case(
    "Weimarer Land",
    "der Landkreis Weimarer Land",
    "des Landkreises Weimarer Land",
    "dem Landkreis Weimarer Land",
    "den Landkreis Weimarer Land",
    "Landkreis Weimarer Land"
)]
#[case("Erfurt", "die Stadt Erfurt", "der Stadt Erfurt", "der Stadt Erfurt", "die Stadt Erfurt", "Stadt Erfurt")]
#[case("Gera", "die Stadt Gera", "der Stadt Gera", "der Stadt Gera", "die Stadt Gera", "Stadt Gera")]
#[case("Jena", "die Stadt Jena", "der Stadt Jena", "der Stadt Jena", "die Stadt Jena", "Stadt Jena")]
#[case("Suhl", "die Stadt Suhl", "der Stadt Suhl", "der Stadt Suhl", "die Stadt Suhl", "Stadt Suhl")]
#[case("Weimar", "die Stadt Weimar", "der Stadt Weimar", "der Stadt Weimar", "die Stadt Weimar", "Stadt Weimar")]
fn thuringian_kommunen(
    #[case] name: &str,
    #[case] nom: &str,
    #[case] genitiv: &str,
    #[case] dat: &str,
    #[case] akk: &str,
    #[case] titel: &str,
) {
    // The suggestion list knows the type; the draft only names the Kommune.
    let t = common::template("ikpe");
    let mut d = Draft::new(t, "g", 0.0);
    d.set_text("kommune_name", name);
    let c = common::ctx(t, &d);
    let art_field = t.field("kommune_art").expect("field").field;
    let art = Kommunenart::from_value(&c.text(art_field)).expect("type derived from the suggestion");
    let k = Koerperschaft::new(art, name);
    assert_eq!(k.mit_artikel(Kasus::Nominativ), nom);
    assert_eq!(k.mit_artikel(Kasus::Genitiv), genitiv);
    assert_eq!(k.mit_artikel(Kasus::Dativ), dat);
    assert_eq!(k.mit_artikel(Kasus::Akkusativ), akk);
    assert_eq!(k.titel(), titel);
    let type_only = if nom.starts_with("die Stadt") { "der kreisfreien Stadt" } else { "des Landkreises" };
    assert_eq!(art_genitiv(art), type_only);
    let akk_art = if nom.starts_with("die Stadt") { format!("die kreisfreie Stadt {name}") } else { akk.to_string() };
    assert_eq!(k.akkusativ_mit_art(), akk_art);

    // And in the agreement itself, where the template asks for each case.
    let (_, doc) = common::report_and_doc(t, &d);
    let text = doc.plain_text();
    assert!(text.contains(&format!("und {dat},")), "Dativ in the party block: {text}");
    assert!(text.contains(&format!("Entwicklungsperspektiven {genitiv} ")), "Genitiv in 1.3");
    assert!(text.contains(&format!("entwickelt {nom} gemeinsam")), "Nominativ in 1.3");
    assert!(text.contains(&format!("Für {akk}:")), "Akkusativ in 4.1");
    assert!(text.contains(&format!("spezifisch auf {akk_art} zugeschnittenen")), "1.4");
    assert!(text.contains(&format!("Zusammenarbeit {type_only} mit dem Institut")), "1.1");
    assert!(text.contains(&format!("- „{titel}“ -")), "short name");
    assert_eq!(doc.meta.author, titel);
}

#[rstest]
#[case(Kommunenart::Landkreis, "Zwickau", "dem Landkreis Zwickau", "des Landkreises Zwickau", "Landkreis Zwickau")]
#[case(Kommunenart::Landkreis, "Vogtlandkreis", "dem Vogtlandkreis", "des Vogtlandkreises", "Vogtlandkreis")]
#[case(Kommunenart::Landkreis, "Rhein-Sieg-Kreis", "dem Rhein-Sieg-Kreis", "des Rhein-Sieg-Kreises", "Rhein-Sieg-Kreis")]
#[case(Kommunenart::KreisfreieStadt, "Chemnitz", "der Stadt Chemnitz", "der Stadt Chemnitz", "Stadt Chemnitz")]
#[case(Kommunenart::Stadt, "Crimmitschau", "der Stadt Crimmitschau", "der Stadt Crimmitschau", "Stadt Crimmitschau")]
#[case(Kommunenart::Gemeinde, "Lichtentanne", "der Gemeinde Lichtentanne", "der Gemeinde Lichtentanne", "Gemeinde Lichtentanne")]
fn free_entry(#[case] art: Kommunenart, #[case] name: &str, #[case] dat: &str, #[case] genitiv: &str, #[case] titel: &str) {
    let k = Koerperschaft::new(art, format!("  {name} "));
    assert_eq!(k.mit_artikel(Kasus::Dativ), dat);
    assert_eq!(k.mit_artikel(Kasus::Genitiv), genitiv);
    assert_eq!(k.titel(), titel);
}

#[test]
fn free_entry_outside_thuringia_through_the_template() {
    let t = common::template("ikpe");
    let mut d = common::ikpe_landkreis();
    d.set_text("kommune_name", "Vogtlandkreis");
    d.set_text("ort", "Plauen");
    let (report, doc) = common::report_and_doc(t, &d);
    assert!(report.is_complete(), "{:?}", report.issues);
    let text = doc.plain_text();
    assert!(text.contains("und dem Vogtlandkreis,"));
    assert!(text.contains("des Vogtlandkreises"));
    assert!(text.contains("Für den Vogtlandkreis:"));
    // No suggestion → the signature place follows the address.
    assert!(text.contains("Plauen, den"), "{text}");
}

#[test]
fn representative_function_follows_type_and_form_of_address() {
    let t = common::template("ikpe");
    let funktion = t.field("vertreter_funktion").expect("field").field;
    let cases = [
        ("landkreis", "herr", "Landrat"),
        ("landkreis", "frau", "Landrätin"),
        ("kreisfreie_stadt", "herr", "Oberbürgermeister"),
        ("kreisfreie_stadt", "frau", "Oberbürgermeisterin"),
    ];
    for (art, anrede, expected) in cases {
        let mut d = Draft::new(t, "v", 0.0);
        d.set_text("kommune_art", art);
        d.set_text("vertreter_anrede", anrede);
        d.set_text("vertreter_name", "Kim Muster");
        let c = common::ctx(t, &d);
        assert_eq!(c.text(funktion), expected, "{art} {anrede}");
        let (_, doc) = common::report_and_doc(t, &d);
        let article =
            if anrede == "herr" { format!("den {expected}, Herrn Kim Muster") } else { format!("die {expected}, Frau Kim Muster") };
        assert!(doc.plain_text().contains(&format!("vertreten durch {article}")));
    }
    // A function the user typed stays, whatever the type.
    let mut d = common::ikpe_landkreis();
    d.set_text("vertreter_funktion", "Erster Beigeordneter");
    let (_, doc) = common::report_and_doc(t, &d);
    assert!(doc.plain_text().contains("vertreten durch den Erster Beigeordneter, Herrn Christian Meyer"));
    // Without form of address no article is guessed.
    let mut d = common::ikpe_landkreis();
    d.set_text("vertreter_anrede", "keine");
    let (_, doc) = common::report_and_doc(t, &d);
    assert!(doc.plain_text().contains("vertreten durch Christian Meyer (Landrat)"));
}

#[test]
fn no_slash_alternative_survives_in_a_complete_agreement() {
    let t = common::template("ikpe");
    for d in [common::ikpe_landkreis(), common::ikpe_stadt()] {
        let (report, doc) = common::report_and_doc(t, &d);
        assert!(report.is_complete(), "{:?}", report.issues);
        assert!(!doc.draft);
        assert!(doc.gaps().is_empty(), "{:?}", doc.gaps());
        let text = doc.plain_text();
        for alt in ["der/dem", "die/der", "der/s", "die/den", "Landkreises/der", "Stadt/Landkreis", "Name der Kommune", "XXX", "xxx", "…."]
        {
            assert!(!text.contains(alt), "{alt} left in {text}");
        }
        for block in &doc.blocks {
            let mut all = String::new();
            if let koop_core::Block::Clause { text, .. } = block {
                all.push_str(&plain(text));
            }
            assert!(!all.contains('{') && !all.contains('}'), "unresolved placeholder: {all}");
        }
    }
}

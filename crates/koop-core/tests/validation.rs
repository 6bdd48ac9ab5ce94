//! Every validation rule of the IKPE template: each case breaks one answer of a complete draft
//! and expects exactly one message at exactly that field, in German, saying how to fix it.

mod common;

use koop_core::draft::Draft;
use koop_core::template::Severity;
use koop_core::{FieldPath, validate};
use rstest::rstest;

fn issues_after(change: impl FnOnce(&mut Draft)) -> Vec<(FieldPath, String)> {
    let t = common::template("ikpe");
    let mut d = common::ikpe_landkreis();
    change(&mut d);
    let c = common::ctx(t, &d);
    validate(&c).errors().map(|i| (i.path.clone(), i.message.clone())).collect()
}

fn field(id: &str) -> FieldPath {
    FieldPath::field(id)
}

fn entry(list: &str, sub: &str) -> FieldPath {
    let d = common::ikpe_landkreis();
    let f = common::template("ikpe").field(list).expect("list").field;
    FieldPath::Entry { list: list.into(), entry: d.entries(f)[0].id, sub: sub.into() }
}

#[test]
fn complete_drafts_have_no_issues() {
    let t = common::template("ikpe");
    for d in [common::ikpe_landkreis(), common::ikpe_stadt()] {
        let r = validate(&common::ctx(t, &d));
        assert!(r.issues.is_empty(), "{:?}", r.issues);
        assert!(r.is_complete());
    }
}

#[rstest]
#[case::empty_name("kommune_name", "", "Bitte geben Sie den Namen der Kommune an")]
#[case::placeholder_xxx("kommune_name", "Name der Kommune XXX", "Platzhalter „XXX“")]
#[case::placeholder_dots("kommune_name", "…", "Platzhalter „…“")]
#[case::blank_name("kommune_name", "   ", "Bitte geben Sie den Namen der Kommune an")]
#[case::eisenach("kommune_name", "Eisenach", "Eisenach gehört seit 1. Juli 2021 zum Wartburgkreis")]
#[case::street("strasse", "", "Straße und Hausnummer")]
#[case::plz_short("plz", "9961", "Die Postleitzahl hat fünf Ziffern")]
#[case::plz_letters("plz", "99a10", "Die Postleitzahl hat fünf Ziffern")]
#[case::plz_empty("plz", "", "Bitte geben Sie die Postleitzahl an")]
#[case::ort("ort", "", "Bitte geben Sie den Ort an")]
#[case::anrede("vertreter_anrede", "", "Anrede")]
#[case::anrede_unknown("vertreter_anrede", "divers", "angebotenen Möglichkeiten")]
#[case::funktion("vertreter_funktion", "", "Funktion")]
#[case::rep_name("vertreter_name", "", "Vor- und Nachnamen")]
#[case::contract_format("vertragsnummer", "PK 1234/2026", "im Format „PK 7/2026“")]
#[case::contract_placeholder("vertragsnummer", "PK ../2026", "im Format „PK 7/2026“")]
#[case::months_zero("beratung_monate", "0", "ganze Zahl von 1 bis 12")]
#[case::months_13("beratung_monate", "13", "ganze Zahl von 1 bis 12")]
#[case::months_text("beratung_monate", "zwei", "ganze Zahl von 1 bis 12")]
#[case::courses_empty("qualifizierung", "", "Bitte füllen Sie das Feld „Qualifizierungsangebote jährlich“ aus")]
#[case::date_format("gueltig_bis", "2028/12/31", "im Format TT.MM.JJJJ")]
#[case::date_impossible("gueltig_bis", "31.02.2028", "im Format TT.MM.JJJJ")]
#[case::date_today("gueltig_bis", "22.11.2026", "nach dem heutigen Tag (22.11.2026)")]
#[case::date_past("gueltig_bis", "01.01.2020", "nach dem heutigen Tag")]
#[case::place("ort_kommune", "", "Ort der Unterschrift der Kommune")]
#[case::art_city_as_district("kommune_art", "kreisfreie_stadt", "Sömmerda ist in Thüringen ein Landkreis")]
fn one_wrong_answer_one_message(#[case] id: &str, #[case] value: &str, #[case] expected: &str) {
    let issues = issues_after(|d| d.set_text(id, value));
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].0, field(id));
    assert!(issues[0].1.contains(expected), "{:?} does not contain {expected}", issues[0].1);
}

#[test]
fn optional_fields_may_stay_empty_but_must_be_valid_when_filled() {
    assert!(issues_after(|d| d.set_text("vertragsnummer", "")).is_empty());
    assert!(issues_after(|d| d.set_text("vertragsnummer", " PK 123/2027 ")).is_empty());
    let t = common::template("ikpe");
    let list = t.field("ap_prozess").expect("list").field;
    let issues = issues_after(|d| {
        let id = d.entries(list)[0].id;
        d.set_entry_value(list, id, "telefon", "12345");
    });
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].0, entry("ap_prozess", "telefon"));
    assert!(issues[0].1.contains("Telefonnummer mit Vorwahl"));
}

#[test]
fn thuringian_city_chosen_as_landkreis_is_flagged() {
    let t = common::template("ikpe");
    let mut d = common::ikpe_stadt();
    d.set_text("kommune_art", "landkreis");
    let issues: Vec<_> = validate(&common::ctx(t, &d)).errors().cloned().collect();
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].message, "Jena ist in Thüringen eine kreisfreie Stadt. Bitte wählen Sie „kreisfreie Stadt“.");
    let mut d = common::ikpe_landkreis();
    d.set_text("kommune_name", "Ilm-Kreis");
    d.set_text("kommune_art", "kreisfreie_stadt");
    let issues: Vec<_> = validate(&common::ctx(t, &d)).errors().map(|i| i.message.clone()).collect();
    assert_eq!(issues, vec!["Der Ilm-Kreis ist ein Landkreis. Bitte wählen Sie „Landkreis“.".to_string()]);
}

#[rstest]
#[case::bereiche_one("bereiche", &["gesundheit"], "mindestens zwei Bereiche")]
#[case::bereiche_none("bereiche", &[], "mindestens zwei Bereiche")]
#[case::bausteine_none("bausteine", &[], "mindestens einen Angebotsbaustein")]
#[case::kontakt_none("kontaktformen", &[], "mindestens eine Form")]
fn minimum_selections(#[case] id: &str, #[case] keep: &[&str], #[case] expected: &str) {
    let t = common::template("ikpe");
    let f = t.field(id).expect("field").field;
    let issues = issues_after(|d| {
        for o in &f.options {
            d.toggle(f, &o.value, keep.contains(&o.value.as_str()));
        }
    });
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].0, field(id));
    assert!(issues[0].1.contains(expected), "{}", issues[0].1);
}

#[test]
fn two_bereiche_are_enough() {
    let t = common::template("ikpe");
    let f = t.field("bereiche").expect("field").field;
    assert!(
        issues_after(|d| {
            d.toggle(f, "jugendhilfe", false);
            d.toggle(f, "bildung", true);
        })
        .is_empty()
    );
}

#[rstest]
#[case::name("ap_prozess", "name", "", "Namen der Ansprechperson")]
#[case::funktion("ap_strategie", "funktion", "", "Funktion oder Organisationseinheit")]
#[case::email_missing("ap_prozess", "email", "", "E-Mail-Adresse der Ansprechperson")]
#[case::email_invalid("ap_strategie", "email", "krause(at)lra.de", "im Format name@beispiel.de")]
#[case::email_no_tld("ap_prozess", "email", "anna@lra", "im Format name@beispiel.de")]
#[case::ikpe_rolle("ap_ikpe", "rolle", "", "Rolle")]
#[case::board("ikpe_vorstand", "name", "", "Vorstandsmitglieds")]
fn contact_entries(#[case] list: &str, #[case] sub: &str, #[case] value: &str, #[case] expected: &str) {
    let t = common::template("ikpe");
    let f = t.field(list).expect("list").field;
    let issues = issues_after(|d| {
        let id = d.entries(f)[0].id;
        d.set_entry_value(f, id, sub, value);
    });
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].0, entry(list, sub));
    assert!(issues[0].1.contains(expected), "{}", issues[0].1);
}

#[rstest]
#[case("ap_prozess", "prozessverantwortlicher Verwaltungsebene")]
#[case("ap_strategie", "strategischer Verwaltungsebene")]
#[case("ap_ikpe", "Ansprechperson des IKPE")]
#[case("ikpe_vorstand", "Vorstandsmitglied")]
fn lists_need_at_least_one_entry(#[case] list: &str, #[case] expected: &str) {
    let t = common::template("ikpe");
    let f = t.field(list).expect("list").field;
    let issues = issues_after(|d| {
        for e in d.entries(f) {
            d.remove_entry(f, e.id);
        }
    });
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].0, field(list));
    assert!(issues[0].1.contains(expected), "{}", issues[0].1);
}

#[test]
fn every_message_is_german_and_tells_how_to_fix() {
    let t = common::template("ikpe");
    let d = Draft::new(t, "leer", 0.0);
    let r = validate(&common::ctx(t, &d));
    assert!(!r.issues.is_empty());
    for i in &r.issues {
        assert_eq!(i.severity, Severity::Error);
        assert!(i.message.starts_with("Bitte") || i.message.starts_with("Die ") || i.message.starts_with("Das "), "{}", i.message);
        assert!(i.message.ends_with('.'), "{}", i.message);
        assert!(!i.label.is_empty());
    }
    // Open required answers per step: the empty draft has some in steps 1, 4 and 5 only.
    let open: Vec<usize> = (0..t.steps.len()).map(|s| r.open_in_step(s)).collect();
    assert_eq!(open, vec![8, 0, 0, 1, 6, 1, 0], "{:?}", r.issues);
}

#[test]
fn entered_values_stay_as_typed_even_when_invalid() {
    let t = common::template("ikpe");
    let mut d = common::ikpe_landkreis();
    d.set_text("plz", " 99 610x ");
    assert_eq!(d.stored_text("plz"), Some(" 99 610x "));
    let (_, doc) = common::report_and_doc(t, &d);
    // The invalid value is not printed; a gap leads to the field.
    let gaps = doc.gaps();
    assert_eq!(gaps.len(), 1);
    assert_eq!(gaps[0].0, "[PLZ]");
    assert_eq!(gaps[0].1.map(|t| t.path.clone()), Some(field("plz")));
}

#[test]
fn messages_name_the_entry_and_choices_are_chosen_not_filled() {
    let t = common::template("ikpe");
    let list = t.field("ap_prozess").expect("list").field;
    let mut d = common::ikpe_landkreis();
    let id = d.add_entry(list);
    d.set_entry_value(list, id, "name", "Zweite Person");
    d.set_entry_value(list, id, "funktion", "Jugendamt");
    let r = validate(&common::ctx(t, &d));
    let issue = r.errors().next().expect("missing e-mail of the second person");
    assert_eq!(issue.label, "Ansprechperson (prozessverantwortlich) 2 – E-Mail");

    let s = common::template("sozialraum");
    let mut d = common::sozialraum(1, 1, 1);
    d.set_text("lk_anrede", "");
    let messages: Vec<String> = validate(&common::ctx(s, &d)).errors().map(|i| i.message.clone()).collect();
    assert_eq!(messages, ["Bitte wählen Sie bei „Vertreten durch: Anrede“ eine Möglichkeit."]);
}

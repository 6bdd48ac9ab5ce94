//! docs/vorlagen.md lists the names of the template language from the code: the table between
//! the markers is generated here. A name added, renamed or removed in the core fails this test
//! until the documentation says the same (`KOOP_WRITE_DOCS=1 cargo test --test docs` rewrites
//! the table).

use koop_core::template::syntax::{Filter, Form};
use koop_core::template::{BODY_ENTITY, ChecklistTopic};
use koop_core::value::grammar::{Anrede, Kommunenart};
use koop_core::value::gremium::JaNein;
use std::path::Path;

const START: &str = "<!-- Namen der Vorlagensprache: erzeugt von crates/koop-core/tests/docs.rs, nicht von Hand ändern -->";
const END: &str = "<!-- Ende der erzeugten Namen -->";

fn code(names: impl IntoIterator<Item = String>) -> String {
    names.into_iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

fn table() -> String {
    let topic = |t: ChecklistTopic| serde_json::to_value(t).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    let rows = [
        ("Filter (hinter dem senkrechten Strich)", code(Filter::ALL.iter().map(|f| f.name().to_string()))),
        (
            "Formen einer Körperschaft (`{kommune.…}`)",
            code(Form::KOERPERSCHAFT.iter().filter(|f| !Form::LEITUNG.contains(f)).map(|f| f.name().to_string())),
        ),
        ("Körperschaft, für die ein Dokument erstellt wird (`[[documents]]`)", code([BODY_ENTITY.to_string()])),
        ("… und nur ihre Formen (Anrede aus `bodies`)", code(Form::LEITUNG.iter().map(|f| f.name().to_string()))),
        ("Formen einer Person (`{vertreter.…}`)", code(Form::PERSON.iter().map(|f| f.name().to_string()))),
        ("Werte der Art (`art`-Auswahlfeld, `fixed_art`)", code(Kommunenart::ALL.iter().map(|k| k.name().to_string()))),
        ("Werte der Anrede (`anrede`-Auswahlfeld)", code(Anrede::ALL.iter().map(|a| a.name().to_string()))),
        ("Werte der Großen Kreisstadt (`grosse_kreisstadt`-Auswahlfeld)", code(JaNein::ALL.iter().map(|a| a.name().to_string()))),
        (
            "Themen der Checkliste (`[[checklist]] topic`)",
            ChecklistTopic::ALL.iter().map(|t| format!("`{}` ({})", topic(*t), t.title())).collect::<Vec<_>>().join(", "),
        ),
    ];
    let mut out = format!("{START}\n\n| Was | Namen |\n|---|---|\n");
    for (what, names) in rows {
        out.push_str(&format!("| {what} | {names} |\n"));
    }
    out.push('\n');
    out.push_str(END);
    out
}

#[test]
fn the_documented_names_are_the_implemented_ones() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/vorlagen.md");
    let doc = std::fs::read_to_string(&path).expect("docs/vorlagen.md");
    let (Some(a), Some(b)) = (doc.find(START), doc.find(END)) else { panic!("docs/vorlagen.md has no generated name table") };
    let current = &doc[a..b + END.len()];
    let expected = table();
    if current != expected && std::env::var("KOOP_WRITE_DOCS").is_ok_and(|v| v == "1") {
        std::fs::write(&path, doc.replacen(current, &expected, 1)).expect("write docs");
        return;
    }
    assert_eq!(current, expected, "docs/vorlagen.md differs from the core's names; KOOP_WRITE_DOCS=1 rewrites it");
}

#[test]
fn every_filter_and_form_round_trips_through_its_name() {
    for f in Filter::ALL {
        assert_eq!(f.name().parse::<Filter>(), Ok(*f));
    }
    for f in Form::ALL {
        assert_eq!(f.name().parse::<Form>(), Ok(*f));
        assert!(Form::KOERPERSCHAFT.contains(f) || Form::PERSON.contains(f), "{f:?} belongs to an entity kind");
    }
    assert!("label".parse::<Filter>().is_err(), "the filter `label` did nothing and is gone");
}

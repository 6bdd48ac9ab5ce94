//! "Änderungen anzeigen": the answers that differ between a draft and the copy that came back
//! in an exported file, field by field.

mod common;

use koop_core::FieldPath;
use koop_core::import::changes::{Change, changes};

fn between(old: &koop_core::Draft, new: &koop_core::Draft) -> Vec<Change> {
    let t = common::template(&old.template);
    changes(&common::ctx(t, old), &common::ctx(t, new))
}

#[test]
fn the_same_draft_has_no_changes() {
    for d in [common::ikpe_landkreis(), common::ikpe_stadt(), common::sozialraum(5, 8, 16)] {
        assert_eq!(between(&d, &d.clone()), vec![]);
    }
}

/// The other copy changed the Vertragsnummer and one contact person's e-mail address: exactly
/// those two answers are listed, with old and new value and the way to the field.
#[test]
fn exactly_the_changed_answers_are_listed() {
    let t = common::template("ikpe");
    let old = common::ikpe_landkreis();
    let mut new = old.clone();
    new.set_text("vertragsnummer", "PK 8/2026");
    let list = t.field("ap_strategie").expect("list").field;
    let entry = new.entries(list)[0].id;
    new.set_entry_value(list, entry, "email", "peter.krause@lra-soemmerda.de");
    // Not answers: the name in the list and the times.
    new.name = Some("Aus der Datei".into());
    new.touch(99.0);
    let found = between(&old, &new);
    assert_eq!(
        found,
        vec![
            Change {
                label: "Vertragsnummer".into(),
                old: "PK 7/2026".into(),
                new: "PK 8/2026".into(),
                path: FieldPath::field("vertragsnummer"),
                step: t.field("vertragsnummer").expect("field").step,
            },
            Change {
                label: format!("{} 1 – E-Mail", list.item_label.as_deref().unwrap_or("Eintrag")),
                old: "p.krause@lra-soemmerda.de".into(),
                new: "peter.krause@lra-soemmerda.de".into(),
                path: FieldPath::Entry { list: "ap_strategie".into(), entry, sub: "email".into() },
                step: t.field("ap_strategie").expect("field").step,
            },
        ]
    );
}

#[test]
fn added_removed_and_chosen_answers_are_changes_and_a_default_typed_again_is_none() {
    let t = common::template("ikpe");
    let old = common::ikpe_landkreis();
    let mut new = old.clone();
    let list = t.field("ap_prozess").expect("list").field;
    let gone = new.entries(list)[0].id;
    new.remove_entry(list, gone);
    let added = new.add_entry(list);
    new.set_entry_value(list, added, "name", "Jana Roth");
    let bereiche = t.field("bereiche").expect("field").field;
    new.toggle(bereiche, "bildung", true);
    let found = between(&old, &new);
    let labels: Vec<&str> = found.iter().map(|c| c.label.as_str()).collect();
    let item = list.item_label.as_deref().unwrap_or("Eintrag");
    assert!(labels.contains(&bereiche.label.as_str()), "{labels:?}");
    assert!(labels.contains(&format!("{item} 1 (neu)").as_str()), "{labels:?}");
    assert!(labels.contains(&format!("{item} 1 (entfernt)").as_str()), "{labels:?}");
    assert_eq!(found.len(), 3, "{found:#?}");
    let new_entry = found.iter().find(|c| c.label.ends_with("(neu)")).expect("new entry");
    assert_eq!(new_entry.new, "Jana Roth");
    assert_eq!(new_entry.old, "");

    // A field at its default in one copy and typed as that default in the other: no change.
    let field = t.steps.iter().flat_map(|s| &s.fields).find(|f| !f.default.is_empty()).expect("a field with a default");
    let c = common::ctx(t, &old);
    let mut typed = old.clone();
    typed.set_text(&field.id, &c.text(field));
    assert_eq!(between(&old, &typed), vec![]);
}

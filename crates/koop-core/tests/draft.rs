//! The draft model: defaults, selections, list entries (add, duplicate, move, remove, undo).

mod common;

use koop_core::Draft;

#[test]
fn untouched_fields_follow_their_defaults_and_typed_ones_stay() {
    let t = common::template("ikpe");
    let mut d = Draft::new(t, "d", 0.0);
    let ort = t.field("ort_kommune").expect("field").field;
    assert_eq!(common::ctx(t, &d).text(ort), "");
    d.set_text("kommune_name", "Wartburgkreis");
    assert_eq!(common::ctx(t, &d).text(ort), "Bad Salzungen", "seat of the Wartburgkreis");
    d.set_text("ort_kommune", "Eisenach");
    d.set_text("kommune_name", "Gotha");
    assert_eq!(common::ctx(t, &d).text(ort), "Eisenach", "typed value wins");
    d.set_text("ort_kommune", "");
    assert_eq!(common::ctx(t, &d).text(ort), "", "cleared is cleared, not the default again");
    d.reset("ort_kommune");
    assert_eq!(common::ctx(t, &d).text(ort), "Gotha");
}

#[test]
fn selections_start_from_the_default_and_keep_template_order() {
    let t = common::template("ikpe");
    let f = t.field("bausteine").expect("field").field;
    let mut d = Draft::new(t, "d", 0.0);
    assert_eq!(common::ctx(t, &d).set(f).len(), 3);
    d.toggle(f, "beratung", false);
    assert_eq!(common::ctx(t, &d).set(f), ["wissenstransfer", "austausch"]);
    d.toggle(f, "beratung", true);
    d.toggle(f, "beratung", true);
    assert_eq!(common::ctx(t, &d).set(f), ["beratung", "wissenstransfer", "austausch"]);
}

#[test]
fn list_entries_add_move_remove_and_restore() {
    let t = common::template("ikpe");
    let f = t.field("ap_ikpe").expect("field").field;
    let mut d = Draft::new(t, "d", 0.0);
    let names = |d: &Draft| d.entries(f).iter().map(|e| e.get("name").to_string()).collect::<Vec<_>>();
    assert_eq!(names(&d), ["Dr. Heike Schaarschmidt", "Svenja Ossenbrüggen", "Julia Bäring"]);
    let ids: Vec<u32> = d.entries(f).iter().map(|e| e.id).collect();
    assert_eq!(ids, [1, 2, 3], "default entries have stable identities");

    let new = d.add_entry(f);
    assert!(new >= 1000);
    assert!(d.set_entry_value(f, new, "name", "Neue Person"));
    assert!(!d.set_entry_value(f, 999_999, "name", "x"), "unknown entry");
    assert_eq!(d.move_entry(f, new, -3), Some(0));
    assert_eq!(names(&d)[0], "Neue Person");
    assert_eq!(d.move_entry(f, new, 10), Some(3), "clamped at the end");

    let removed = d.remove_entry(f, 2).expect("removed");
    assert_eq!(removed.index, 1);
    assert_eq!(names(&d), ["Dr. Heike Schaarschmidt", "Julia Bäring", "Neue Person"]);
    d.restore_entry(f, removed.clone());
    assert_eq!(names(&d), ["Dr. Heike Schaarschmidt", "Svenja Ossenbrüggen", "Julia Bäring", "Neue Person"]);
    d.restore_entry(f, removed);
    assert_eq!(d.entries(f).len(), 4, "restoring twice does not duplicate");

    let copy = d.duplicate_entry(f, 1).expect("copy");
    assert_ne!(copy, 1);
    assert_eq!(names(&d)[1], "Dr. Heike Schaarschmidt");
    let next = d.add_entry(f);
    assert!(next > copy, "identities are never reused");
}

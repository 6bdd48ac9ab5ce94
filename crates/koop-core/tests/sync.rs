//! Two windows editing one draft: the merge, the rule (`decide`), the records' lineage, and the
//! race of issue 27 replayed on a store whose windows see each other's writes late, as
//! localStorage's windows do.

mod common;
mod sync_sim;

use koop_core::draft::merge::{Merged, merge, same_content};
use koop_core::draft::store::{DraftStore, KeyValue, KvDraftStore, MemoryKv, decode_record, encode_file};
use koop_core::draft::sync::{Decision, Outcome, Sync, decide};
use koop_core::{Answer, Draft};
use rstest::rstest;
use sync_sim::Net;

fn base() -> Draft {
    let mut d = common::ikpe_landkreis();
    d.updated = 100.0;
    d
}

fn text(d: &Draft, field: &str) -> String {
    d.stored_text(field).unwrap_or_default().to_string()
}

fn with<R>(d: &Draft, change: impl FnOnce(&mut Draft) -> R) -> Draft {
    let mut d = d.clone();
    change(&mut d);
    d
}

fn list(d: &Draft) -> Vec<(u32, String)> {
    let f = common::template("ikpe").field("ap_prozess").expect("list").field;
    d.entries(f).into_iter().map(|e| (e.id, e.get("name").to_string())).collect()
}

fn kontakte() -> &'static koop_core::Field {
    common::template("ikpe").field("ap_prozess").expect("list").field
}

#[rstest]
#[case::other_answers_merge(
    |d: &mut Draft| d.set_text("strasse", "Amtsweg 1"),
    |d: &mut Draft| d.set_text("ort", "Kölleda"),
    Some(&[("strasse", "Amtsweg 1"), ("ort", "Kölleda")][..])
)]
#[case::same_edit_on_both_sides(
    |d: &mut Draft| d.set_text("strasse", "Amtsweg 1"),
    |d: &mut Draft| d.set_text("strasse", "Amtsweg 1"),
    Some(&[("strasse", "Amtsweg 1")][..])
)]
#[case::new_answer_on_one_side(
    |d: &mut Draft| d.set_text("vertreter_funktion", "Landrat"),
    |d: &mut Draft| d.set_text("plz", "99625"),
    Some(&[("vertreter_funktion", "Landrat"), ("plz", "99625")][..])
)]
#[case::reset_on_one_side(
    |d: &mut Draft| d.reset("strasse"),
    |d: &mut Draft| d.set_text("ort", "Kölleda"),
    Some(&[("strasse", ""), ("ort", "Kölleda")][..])
)]
#[case::same_answer_differently(
    |d: &mut Draft| d.set_text("strasse", "Amtsweg 1"),
    |d: &mut Draft| d.set_text("strasse", "Marktplatz 2"),
    None
)]
#[case::reset_here_changed_there(
    |d: &mut Draft| d.reset("strasse"),
    |d: &mut Draft| d.set_text("strasse", "Marktplatz 2"),
    None
)]
fn text_answers(#[case] ours: fn(&mut Draft), #[case] theirs: fn(&mut Draft), #[case] expected: Option<&[(&str, &str)]>) {
    let b = base();
    let (o, t) = (with(&b, ours), with(&b, theirs));
    match (merge(&b, &o, &t), expected) {
        (Merged::Clean(m), Some(fields)) => {
            for (f, v) in fields {
                assert_eq!(text(&m, f), *v, "{f}");
            }
            // Nothing else moved.
            assert_eq!(
                m.answers.len(),
                b.answers.len() + fields.iter().filter(|(f, _)| b.stored_text(f).is_none()).count()
                    - fields.iter().filter(|(_, v)| v.is_empty()).count()
            );
        }
        (Merged::Conflict(answers), None) => assert_eq!(answers, ["strasse"]),
        (got, want) => panic!("got {got:?}, want {want:?}"),
    }
}

#[test]
fn times_and_counters_take_the_larger_value() {
    let b = base();
    let o = with(&b, |d| {
        d.set_text("strasse", "Amtsweg 1");
        d.updated = 300.0;
        d.last_backup = Some(250.0);
    });
    let t = with(&b, |d| {
        d.set_text("ort", "Kölleda");
        d.updated = 200.0;
        d.next_entry_id += 3;
    });
    let Merged::Clean(m) = merge(&b, &o, &t) else { panic!("clean") };
    assert_eq!((m.updated, m.last_backup, m.next_entry_id), (300.0, Some(250.0), b.next_entry_id + 3));
}

#[test]
fn list_entries_merge_by_identity() {
    let f = kontakte();
    let b = with(&base(), |d| {
        common::set_list(common::template("ikpe"), d, "ap_prozess", &[&[("name", "Anna")], &[("name", "Bernd")]]);
    });
    let ids: Vec<u32> = list(&b).iter().map(|(id, _)| *id).collect();
    // One window renames Anna, the other Bernd: both names.
    let o = with(&b, |d| d.set_entry_value(f, ids[0], "name", "Anna Schulz"));
    let t = with(&b, |d| d.set_entry_value(f, ids[1], "name", "Bernd Roth"));
    let Merged::Clean(m) = merge(&b, &o, &t) else { panic!("clean") };
    assert_eq!(list(&m), [(ids[0], "Anna Schulz".into()), (ids[1], "Bernd Roth".into())]);
    // One window adds an entry, the other moves Bernd up: the order is the other's, the new
    // entry last, where it was added.
    let o = with(&b, |d| {
        let id = d.add_entry(f);
        d.set_entry_value(f, id, "name", "Clara");
    });
    let t = with(&b, |d| {
        d.move_entry(f, ids[1], -1);
    });
    let Merged::Clean(m) = merge(&b, &o, &t) else { panic!("clean") };
    assert_eq!(list(&m).iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(), ["Bernd", "Anna", "Clara"]);
    // Removed here, changed there: asked.
    let o = with(&b, |d| {
        d.remove_entry(f, ids[0]);
    });
    let t = with(&b, |d| d.set_entry_value(f, ids[0], "name", "Anna Schulz"));
    assert_eq!(merge(&b, &o, &t), Merged::Conflict(vec!["ap_prozess".into()]));
    // Removed here, untouched there: removed.
    let t = with(&b, |d| d.set_text("ort", "Kölleda"));
    let Merged::Clean(m) = merge(&b, &o, &t) else { panic!("clean") };
    assert_eq!(list(&m), [(ids[1], "Bernd".into())]);
    assert_eq!(text(&m, "ort"), "Kölleda");
    // Both windows added an entry: the same new identity, two different people: asked.
    let add = |name: &'static str| {
        with(&b, move |d| {
            let id = d.add_entry(f);
            d.set_entry_value(f, id, "name", name);
        })
    };
    assert_eq!(merge(&b, &add("Clara"), &add("Dora")), Merged::Conflict(vec!["ap_prozess".into()]));
}

#[test]
fn process_phases_merge_by_position() {
    let b = base();
    let o = with(&b, |d| d.process.phasen[0].notiz = "Gruppe gebildet".into());
    let t = with(&b, |d| d.process.phasen[3].notiz = "Kreistag am 12.3.".into());
    let Merged::Clean(m) = merge(&b, &o, &t) else { panic!("clean") };
    assert_eq!((m.process.phasen[0].notiz.as_str(), m.process.phasen[3].notiz.as_str()), ("Gruppe gebildet", "Kreistag am 12.3."));
    let t = with(&b, |d| d.process.phasen[0].notiz = "anders".into());
    assert_eq!(merge(&b, &o, &t), Merged::Conflict(vec!["process".into()]));
}

fn keep(_: &mut Draft) {}
fn street(d: &mut Draft) {
    d.set_text("strasse", "Amtsweg 1");
}
fn other_street(d: &mut Draft) {
    d.set_text("strasse", "Marktplatz 2");
}
fn town(d: &mut Draft) {
    d.set_text("ort", "Kölleda");
}
fn street_and_town(d: &mut Draft) {
    street(d);
    town(d);
}

#[rstest]
#[case::nothing_here_takes_theirs(keep, town, "adopt")]
#[case::both_edited_other_answers(street, town, "merge")]
#[case::both_edited_one_answer(street, other_street, "ask")]
#[case::theirs_holds_ours_already(street, street_and_town, "adopt")]
#[case::nothing_new_anywhere(keep, keep, "adopt")]
fn the_rule(#[case] ours: fn(&mut Draft), #[case] theirs: fn(&mut Draft), #[case] want: &str) {
    let b = base();
    let (o, t) = (with(&b, ours), with(&b, theirs));
    let got = decide(Some(&b), &o, &t);
    match (want, &got) {
        ("adopt", Decision::Adopt) => {}
        ("merge", Decision::Merge(m)) => assert_eq!((text(m, "strasse"), text(m, "ort")), ("Amtsweg 1".into(), "Kölleda".into())),
        ("ask", Decision::Ask(a)) => assert_eq!(a, &["strasse"]),
        _ => panic!("want {want}, got {got:?}"),
    }
    // Without a common version nothing is merged blindly: asked unless equal.
    let unknown = decide(None, &o, &t);
    assert_eq!(matches!(unknown, Decision::Adopt), same_content(&o, &t), "{unknown:?}");
}

#[test]
fn records_name_what_they_replaced_files_do_not() {
    let store = KvDraftStore::new(MemoryKv::new());
    let d = base();
    store.save(&d).expect("saved");
    let first = store.load_record(&d.id).expect("stored");
    assert!(first.parents.is_empty(), "a new record replaced nothing");
    let mut sync = Sync::new(first.seen, &first.draft);
    let edited = with(&d, |d| d.set_text("ort", "Kölleda"));
    assert_eq!(sync.save(&store, &edited), Ok(Outcome::Stored));
    let second = store.load_record(&d.id).expect("stored");
    assert_eq!(second.parents, [first.seen]);
    assert_eq!(sync.synced(), second.seen);
    let third_text = {
        sync.save(&store, &with(&edited, |d| d.set_text("plz", "99625"))).expect("saved");
        store.kv.get(&KvDraftStore::<MemoryKv>::key(&d.id)).expect("kv").expect("record")
    };
    let (_, parents) = decode_record(&third_text).expect("decodes");
    assert_eq!(parents.len(), 2, "{third_text}");
    // Saving the same draft again writes nothing (no new record for other windows to settle).
    let third = store.load_record(&d.id).expect("stored");
    assert_eq!(sync.save(&store, &third.draft), Ok(Outcome::Stored));
    assert_eq!(store.load_record(&d.id).expect("stored").seen, third.seen);
    // Files (and so exported documents) carry no lineage: the same bytes as before.
    assert!(!encode_file(&d).expect("file").contains("parents"));
    // An older app's record (no lineage) and junk lineage still open.
    let old = third_text.replace(&format!(",\"parents\":[\"{}\",\"{}\"]", parents[0], parents[1]), "");
    assert!(!old.contains("parents"), "{old}");
    assert_eq!(decode_record(&old).expect("old record").1, Vec::<String>::new());
    let junk = third_text.replacen("\"parents\":[", "\"parents\":[7,{},", 1);
    assert_eq!(decode_record(&junk).expect("junk lineage is ignored").1, parents);
}

/// The report of issue 27, replayed: A types a street, B a town, both save within the same
/// moment, each on a view that has not yet seen the other's write. The second write replaces
/// the first in the store; the first window finds out from the storage event and merges.
#[test]
fn two_windows_saving_at_once_keep_both_edits() {
    for a_lands_first in [true, false] {
        let d = base();
        let net = Net::new(2);
        let (a, b) = (net.store(0), net.store(1));
        a.save(&d).expect("saved");
        net.settle();
        let r0 = a.load_record(&d.id).expect("loaded");
        let (mut sa, mut sb) = (Sync::new(r0.seen, &r0.draft), Sync::new(r0.seen, &r0.draft));
        let mine_a = with(&d, |d| d.set_text("strasse", "Amtsweg 1"));
        let mine_b = with(&d, |d| d.set_text("ort", "Kölleda"));
        // Both writes go out before either window hears of the other.
        assert_eq!(sa.save(&a, &mine_a), Ok(Outcome::Stored));
        assert_eq!(sb.save(&b, &mine_b), Ok(Outcome::Stored));
        if a_lands_first {
            net.apply(0);
            net.apply(1);
        } else {
            net.apply(1);
            net.apply(0);
        }
        // The storage events arrive; each window looks at what it now sees.
        let mut shown = [mine_a.clone(), mine_b.clone()];
        while let Some(w) = net.deliver_any() {
            let (sync, store) = if w == 0 { (&mut sa, &a) } else { (&mut sb, &b) };
            match sync.refresh(store, &shown[w]).expect("no store error") {
                Outcome::Stored | Outcome::Current => {}
                Outcome::Show { draft, .. } => shown[w] = draft,
                other => panic!("window {w}: {other:?}"),
            }
            net.apply_all();
        }
        let stored = net.backend_draft(&d.id);
        assert_eq!((text(&stored, "strasse"), text(&stored, "ort")), ("Amtsweg 1".into(), "Kölleda".into()), "A first: {a_lands_first}");
        for (w, s) in shown.iter().enumerate() {
            assert!(same_content(s, &stored), "window {w} shows the stored version");
        }
    }
}

/// What happens when the old rule meets the same race: a window that has nothing unsaved loads
/// whatever the storage event brings. Kept as the proof that the race loses an edit without
/// lineage (the simulation is faithful enough to show the report).
#[test]
fn without_lineage_the_race_loses_an_edit() {
    let d = base();
    let net = Net::new(2);
    let (a, b) = (net.store(0), net.store(1));
    a.save(&d).expect("saved");
    net.settle();
    let (_, seen) = a.load_seen(&d.id).expect("loaded");
    let mine_a = with(&d, |d| d.set_text("strasse", "Amtsweg 1"));
    let mine_b = with(&d, |d| d.set_text("ort", "Kölleda"));
    // save_if_unchanged succeeds in both windows: each compares against its own view.
    assert!(matches!(a.save_if_unchanged(&mine_a, seen), Ok(koop_core::draft::store::SaveOutcome::Saved(_))));
    assert!(matches!(b.save_if_unchanged(&mine_b, seen), Ok(koop_core::draft::store::SaveOutcome::Saved(_))));
    net.apply(0);
    net.apply(1);
    let stored = net.backend_draft(&d.id);
    assert_eq!(text(&stored, "strasse"), "Bahnhofstraße 9", "A's street was replaced by B's write");
    assert!(matches!(stored.answers.get("ort"), Some(Answer::Text(t)) if t == "Kölleda"));
}

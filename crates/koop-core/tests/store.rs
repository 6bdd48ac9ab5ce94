//! The storage format and the draft store over a key-value store.

mod common;

use koop_core::draft::store::{
    DRAFT_PREFIX, DecodeError, DraftStore, KeyValue, KvDraftStore, MAX_IMPORT_BYTES, MemoryKv, StoreError, decode, encode, encode_file,
};

#[test]
fn round_trip_keeps_every_answer() {
    for d in [common::ikpe_landkreis(), common::ikpe_stadt()] {
        let text = encode(&d).expect("encode");
        assert!(text.starts_with("{\"format\":\"koop-assistent/entwurf\",\"schema\":"), "{text}");
        assert_eq!(decode(&text), Ok(d.clone()));
        let file = encode_file(&d).expect("file");
        assert!(file.contains('\n'), "files are readable");
        assert_eq!(decode(&file), Ok(d));
    }
}

#[test]
fn bad_records_are_told_apart() {
    assert!(matches!(decode(""), Err(DecodeError::Corrupt(_))));
    assert!(matches!(decode("{\"format\":\"koop-assistent/entwurf\",\"schema\":1,\"draft\":{\"id\":1}}"), Err(DecodeError::Corrupt(_))));
    assert!(matches!(decode("{\"format\":\"koop-assistent/entwurf\",\"schema\":1}"), Err(DecodeError::Corrupt(_))));
    assert_eq!(decode("[1,2,3]"), Err(DecodeError::NotADraft));
    assert_eq!(decode("{\"name\":\"package.json\"}"), Err(DecodeError::NotADraft));
    assert_eq!(decode("{\"format\":\"koop-assistent/entwurf\",\"schema\":7,\"draft\":{}}"), Err(DecodeError::UnknownVersion(7)));
    assert!(matches!(decode("{\"format\":\"koop-assistent/entwurf\",\"schema\":0,\"draft\":{}}"), Err(DecodeError::Corrupt(_))));
    let huge = format!("{{\"format\":\"koop-assistent/entwurf\",\"x\":\"{}\"}}", "a".repeat(MAX_IMPORT_BYTES));
    assert!(matches!(decode(&huge), Err(DecodeError::TooLarge(n)) if n > MAX_IMPORT_BYTES));
    // Every error has a German sentence for the banner.
    for e in [DecodeError::Corrupt("x".into()), DecodeError::NotADraft, DecodeError::UnknownVersion(9), DecodeError::TooLarge(10 << 20)] {
        let m = e.message();
        assert!(m.ends_with('.') && (m.starts_with("Die ") || m.starts_with("Der ")), "{m}");
    }
    assert!(DecodeError::TooLarge(10 << 20).message().contains("10,0 MB"));
}

#[test]
fn store_lists_newest_first_and_quarantines_what_it_cannot_read() {
    let store = KvDraftStore::new(MemoryKv::new());
    let mut a = common::ikpe_landkreis();
    a.id = "a".into();
    a.updated = 10.0;
    let mut b = common::ikpe_stadt();
    b.id = "b".into();
    b.updated = 20.0;
    store.save(&a).expect("save");
    store.save(&b).expect("save");
    store.kv.set(&format!("{DRAFT_PREFIX}kaputt"), "{nicht json").expect("plant");
    store.kv.set("fremder.schluessel", "{nicht json").expect("other app's key");
    let listing = store.list().expect("list");
    assert_eq!(listing.drafts.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["b", "a"]);
    assert_eq!(listing.quarantined.len(), 1);
    assert_eq!(listing.quarantined[0].raw, "{nicht json");
    // Quarantined records are kept until the user discards them.
    assert!(store.kv.get(&format!("{DRAFT_PREFIX}kaputt")).expect("get").is_some());
    store.discard(&listing.quarantined[0].key).expect("discard");
    assert!(store.list().expect("list").quarantined.is_empty());
    assert!(store.discard("fremder.schluessel").is_err(), "never deletes foreign keys");
    assert_eq!(store.load("a"), Ok(a));
    store.delete("a").expect("delete");
    assert_eq!(store.load("a"), Err(StoreError::NotFound("a".into())));
    // "Alle Daten auf diesem Gerät löschen" removes ours and leaves other apps' keys alone.
    store.kv.set(&format!("{DRAFT_PREFIX}kaputt"), "{").expect("plant");
    assert_eq!(store.delete_all(), Ok(2));
    assert_eq!(store.list().expect("list"), Default::default());
    assert!(store.kv.get("fremder.schluessel").expect("get").is_some());
}

#[test]
fn quota_is_reported_and_nothing_half_written() {
    let store = KvDraftStore::new(MemoryKv::with_quota(4_000));
    let d = common::ikpe_landkreis();
    let before = encode(&d).expect("encode").len();
    assert!(before < 4_000, "a complete draft is {before} bytes");
    store.save(&d).expect("fits");
    let mut big = d.clone();
    big.set_text("strasse", &"x".repeat(5_000));
    assert_eq!(store.save(&big), Err(StoreError::QuotaExceeded));
    assert_eq!(store.load(&d.id), Ok(d), "the last good version is still there");
    assert!(StoreError::QuotaExceeded.message().contains("als Datei"));
}

mod import {
    use super::common;
    use koop_core::draft::store::{DecodeError, ImportError, draft_file_name, encode_file, import_file, needs_backup};

    const KNOWN: &[&str] = &["ikpe"];

    #[test]
    fn exported_file_imports_with_identical_answers() {
        let d = common::ikpe_landkreis();
        let file = encode_file(&d).expect("file");
        let imported = import_file(file.as_bytes(), KNOWN, &[], "neu", 5.0).expect("import");
        assert!(!imported.as_copy);
        assert_eq!(imported.draft.answers, d.answers);
        assert_eq!(imported.draft.id, d.id);
        // With a byte-order mark, as some editors save it.
        let bom = format!("\u{feff}{file}");
        assert!(import_file(bom.as_bytes(), KNOWN, &[], "neu", 5.0).is_ok());
    }

    #[test]
    fn an_existing_draft_is_never_overwritten() {
        let d = common::ikpe_landkreis();
        let file = encode_file(&d).expect("file");
        let imported = import_file(file.as_bytes(), KNOWN, &[d.id.as_str()], "neu-id", 5.0).expect("import");
        assert!(imported.as_copy);
        assert_eq!(imported.draft.id, "neu-id");
        assert_eq!(imported.draft.answers, d.answers);
    }

    #[test]
    fn bad_files_give_a_clear_message() {
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (b"".to_vec(), "leer"),
            (b"kein json".to_vec(), "beschädigt"),
            (vec![0xff, 0xfe, 0x00, 0x41], "kein Entwurf"),
            (b"{\"format\":\"anderes\"}".to_vec(), "kein Entwurf"),
            (b"{\"format\":\"koop-assistent/entwurf\",\"schema\":42,\"draft\":{}}".to_vec(), "neueren Version"),
            (vec![b' '; 10 * 1024 * 1024], "zu groß"),
        ];
        for (bytes, expected) in cases {
            let e = import_file(&bytes, KNOWN, &[], "x", 0.0).expect_err("rejected");
            let m = e.message();
            assert!(m.contains(expected), "{m}");
            assert!(m.ends_with("Es wurde nichts geändert."), "{m}");
        }
        let mut d = common::ikpe_landkreis();
        d.template = "gibtsnicht".into();
        let file = encode_file(&d).expect("file");
        assert_eq!(import_file(file.as_bytes(), KNOWN, &[], "x", 0.0), Err(ImportError::UnknownTemplate("gibtsnicht".into())));
        assert!(matches!(
            import_file(&vec![b'{'; 5 * 1024 * 1024], KNOWN, &[], "x", 0.0),
            Err(ImportError::Decode(DecodeError::TooLarge(_)))
        ));
    }

    #[test]
    fn file_names_and_backup_reminder() {
        assert_eq!(draft_file_name("IKPE – Landkreis Sömmerda", "2026-11-22"), "Entwurf_IKPE_Landkreis_Soemmerda_2026-11-22.json");
        assert_eq!(draft_file_name("", "2026-11-22"), "Entwurf_2026-11-22.json");
        let day = 86_400_000.0;
        let mut d = common::ikpe_landkreis();
        d.created = 0.0;
        d.updated = day;
        assert!(!needs_backup(&d, 6.0 * day));
        assert!(needs_backup(&d, 7.0 * day));
        d.last_backup = Some(2.0 * day);
        assert!(!needs_backup(&d, 8.0 * day), "exported after the last change");
        d.updated = 3.0 * day;
        assert!(needs_backup(&d, 9.5 * day));
    }
}

mod migrations {
    use koop_core::draft::process::Process;
    use koop_core::draft::store::{SCHEMA_VERSION, decode, encode};

    /// A record as schema 1 wrote it (saved from the version of the app before the process data).
    const V1: &str = include_str!("fixtures/entwurf-v1.json");

    #[test]
    fn a_schema_1_record_reads_with_every_answer_and_its_backup_date() {
        assert!(V1.contains("\"schema\": 1") && V1.contains("\"last_exported\""));
        let d = decode(V1).expect("migrated");
        assert_eq!(d.id, "v1-beispiel");
        assert_eq!(d.name.as_deref(), Some("Sömmerda (Stand Schema 1)"));
        assert_eq!(d.last_backup, Some(1_790_400_000_000.0), "renamed field keeps its value");
        assert_eq!(d.process, Process::default());
        assert_eq!(d.stored_text("kommune_name"), Some("Sömmerda"));
        let t = super::common::template("ikpe");
        let r = koop_core::validate(&super::common::ctx(t, &d));
        assert!(r.is_complete(), "the migrated draft is still complete: {:?}", r.issues);
        // Written back in the current schema, it reads again unchanged.
        let again = encode(&d).expect("encode");
        assert!(again.contains(&format!("\"schema\":{SCHEMA_VERSION}")));
        assert_eq!(decode(&again), Ok(d));
    }

    #[test]
    fn process_data_round_trips_through_record_and_file() {
        let mut d = super::common::ikpe_landkreis();
        d.process.phase_mut(3).expect("phase 4").status = koop_core::draft::process::PhaseStatus::Erledigt;
        d.process.gremium = "Kreistag".into();
        d.process.beschlussdatum = "12.03.2027".into();
        d.process.anlage_im_export = true;
        let file = koop_core::draft::store::encode_file(&d).expect("file");
        let back = koop_core::draft::store::import_file(file.as_bytes(), &["ikpe"], &[], "x", 1.0).expect("import").draft;
        assert_eq!(back.process, d.process);
    }
}

// ---------------------------------------------------------------------------------------------
// Issue 13: a write never replaces a record this version cannot read or did not load, and
// whatever can be written can be read back and imported.

use koop_core::draft::store::{MAX_RECORD_BYTES, SaveOutcome, Seen, Stored, import_file};

fn store_with(d: &koop_core::Draft) -> KvDraftStore<MemoryKv> {
    let store = KvDraftStore::new(MemoryKv::new());
    store.save(d).expect("saved");
    store
}

/// Item 1: "Meine Fassung behalten" in one window, then a keystroke in the other: the other
/// window must not overwrite the kept version (the old check compared `updated` times, which
/// keeping does not advance).
#[test]
fn a_kept_version_is_not_overwritten_by_the_other_window() {
    let d = common::ikpe_landkreis();
    let store = store_with(&d);
    let (_, seen_a) = store.load_seen(&d.id).expect("window A loads");
    let (_, seen_b) = store.load_seen(&d.id).expect("window B loads");
    let mut a = d.clone();
    a.set_text("vertragsnummer", "A-1");
    let SaveOutcome::Saved(_) = store.save_if_unchanged(&a, seen_a).expect("A saves") else { panic!("A saves first") };
    // B typed too: it learns of A's version instead of writing over it.
    let mut b = d.clone();
    b.set_text("vertragsnummer", "B-1");
    let SaveOutcome::Changed(Stored::Draft(theirs)) = store.save_if_unchanged(&b, seen_b).expect("B asks") else {
        panic!("B must see A's version")
    };
    assert_eq!(theirs.draft.answers, a.answers);
    // B keeps its version (same `updated` time as before): written on purpose …
    store.save(&b).expect("B keeps its version");
    let (_, seen_b2) = store.load_seen(&d.id).expect("B's version");
    // … and A's next keystroke must not overwrite it silently.
    a.set_text("vertragsnummer", "A-2");
    assert!(matches!(store.save_if_unchanged(&a, seen_a).expect("A asks"), SaveOutcome::Changed(Stored::Draft(_))));
    assert_eq!(store.load(&d.id).expect("stored").answers, b.answers);
    assert!(matches!(store.save_if_unchanged(&b, seen_b2).expect("B saves on"), SaveOutcome::Saved(_)));
}

/// Item 4: a record written by a newer version (or damaged) is never replaced by this one.
#[test]
fn an_unreadable_record_is_not_overwritten() {
    let d = common::ikpe_landkreis();
    let store = store_with(&d);
    let (_, seen) = store.load_seen(&d.id).expect("loaded");
    let newer = r#"{"format":"koop-assistent/entwurf","schema":99,"draft":{"id":"x"}}"#;
    store.kv.set(&KvDraftStore::<MemoryKv>::key(&d.id), newer).expect("a newer app writes");
    assert_eq!(
        store.save_if_unchanged(&d, seen).expect("asked"),
        SaveOutcome::Changed(Stored::Unreadable(DecodeError::UnknownVersion(99)))
    );
    assert!(matches!(store.save(&d), Err(StoreError::Unreadable(DecodeError::UnknownVersion(99)))));
    assert_eq!(store.kv.get(&KvDraftStore::<MemoryKv>::key(&d.id)).expect("read").as_deref(), Some(newer), "untouched");
    assert!(StoreError::Unreadable(DecodeError::UnknownVersion(99)).message().contains("nicht überschrieben"));
}

/// Item 1, restore: bringing back a deleted draft must not replace one made meanwhile.
#[test]
fn restoring_a_deleted_draft_expects_nothing_there() {
    let d = common::ikpe_landkreis();
    let store = store_with(&d);
    store.delete(&d.id).expect("deleted");
    assert!(matches!(store.save_if_unchanged(&d, Seen::NOTHING).expect("restored"), SaveOutcome::Saved(_)));
    let mut other = d.clone();
    other.set_text("vertragsnummer", "neu");
    assert!(matches!(store.save_if_unchanged(&other, Seen::NOTHING).expect("asked"), SaveOutcome::Changed(_)));
}

/// Item 3: what is too large to read back is not written; what is written is readable, and its
/// draft file can be imported.
#[test]
fn what_can_be_written_can_be_read_back_and_imported() {
    let mut d = common::ikpe_landkreis();
    // Just below the write limit: saved, listed, its file imported.
    let filler = MAX_RECORD_BYTES - encode(&d).expect("encode").len() - 64;
    d.set_text("vertragsnummer", &"ä".repeat(filler / 2));
    let store = store_with(&d);
    assert_eq!(store.list().expect("listed").quarantined, vec![]);
    let file = encode_file(&d).expect("file");
    let imported = import_file(file.as_bytes(), &["ikpe"], &[], "neu", 1.0).expect("its own file imports");
    assert_eq!(imported.draft.answers, d.answers);
    // Over the limit: refused with a German message, nothing written.
    d.set_text("vertragsnummer", &"x".repeat(MAX_RECORD_BYTES));
    let err = store.save(&d).expect_err("too large");
    assert!(matches!(err, StoreError::TooLarge(n) if n > MAX_RECORD_BYTES));
    assert!(err.message().contains("als Datei"), "{}", err.message());
    assert_ne!(store.load(&d.id).expect("old version").answers, d.answers);
}

/// Item 7: duplicate entry identities are damage; the next identity lies above all in use, and
/// adding an entry at the end of the number range reuses no identity.
#[test]
fn entry_identities_stay_unique() {
    let d = common::sozialraum(1, 2, 2);
    let mut value: serde_json::Value = serde_json::from_str(&encode(&d).expect("encode")).expect("json");
    let list = value["draft"]["answers"]["traeger"]["list"].as_array_mut().expect("providers");
    let first = list[0]["id"].clone();
    list[1]["id"] = first;
    assert!(matches!(decode(&value.to_string()), Err(DecodeError::Corrupt(m)) if m.contains("doppelt")));

    let mut value: serde_json::Value = serde_json::from_str(&encode(&d).expect("encode")).expect("json");
    value["draft"]["next_entry_id"] = serde_json::json!(1);
    let back = decode(&value.to_string()).expect("readable");
    let highest = back.entries(common::template("sozialraum").field("traeger").expect("field").field).iter().map(|e| e.id).max();
    assert!(back.next_entry_id > highest.expect("entries"));

    let mut near_end = d.clone();
    near_end.next_entry_id = u32::MAX;
    let t = common::template("sozialraum");
    let gem = t.field("gemeinden").expect("field").field;
    let a = near_end.add_entry(gem);
    let b = near_end.add_entry(gem);
    let c = near_end.add_entry(gem);
    let ids: Vec<u32> = near_end
        .answers
        .values()
        .filter_map(|x| if let koop_core::Answer::List(l) = x { Some(l.iter().map(|e| e.id)) } else { None })
        .flatten()
        .collect();
    let unique: std::collections::BTreeSet<u32> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "no identity used twice: {a} {b} {c}");
}

// ---------------------------------------------------------------------------------------------
// Issue 13, item 5: deployments on one origin keep their own drafts.

use koop_core::draft::store::Scope;

#[test]
fn each_deployment_has_its_own_keys_and_the_root_keeps_the_old_layout() {
    for (path, prefix) in [
        ("/", "koop-assistent.entwurf."),
        ("/index.html", "koop-assistent.entwurf."),
        ("", "koop-assistent.entwurf."),
        ("/prod/", "koop-assistent@/prod/.entwurf."),
        ("/prod/index.html", "koop-assistent@/prod/.entwurf."),
        ("/kreis/a/", "koop-assistent@/kreis/a/.entwurf."),
    ] {
        assert_eq!(Scope::for_path(path).draft_prefix(), prefix, "{path}");
    }
}

/// The localStorage of the landed version (before deployments had their own keys): one draft
/// under the root's key, written by that version.
const LANDED: &str = include_str!("fixtures/landed-localstorage.json");

fn landed_kv() -> MemoryKv {
    let kv = MemoryKv::new();
    let entries: std::collections::BTreeMap<String, String> = serde_json::from_str(LANDED).expect("fixture");
    for (k, v) in entries {
        kv.set(&k, &v).expect("planted");
    }
    kv
}

#[test]
fn an_update_carries_the_landed_drafts_into_each_deployment_once() {
    let (prod, copied) = KvDraftStore::scoped(landed_kv(), Scope::for_path("/prod/")).expect("opened");
    assert_eq!(copied, 1);
    let listed = prod.list().expect("listed");
    assert_eq!(listed.quarantined, vec![]);
    assert_eq!(listed.drafts.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), vec!["landed-1"]);
    assert_eq!(prod.load("landed-1").expect("readable").answers["kommune_name"], koop_core::Answer::Text("Sömmerda".into()));
    // Deleted in this deployment, it does not come back on the next start.
    prod.delete("landed-1").expect("deleted");
    let (again, copied) = KvDraftStore::scoped(prod.kv, Scope::for_path("/prod/")).expect("opened again");
    assert_eq!(copied, 0);
    assert!(again.list().expect("listed").drafts.is_empty());
    // The root deployment still has its own.
    let root = KvDraftStore::new(again.kv);
    assert_eq!(root.list().expect("listed").drafts.len(), 1);
}

#[test]
fn deleting_all_data_of_one_deployment_leaves_the_others() {
    let (test, _) = KvDraftStore::scoped(landed_kv(), Scope::for_path("/test/")).expect("test");
    let (prod, _) = KvDraftStore::scoped(test.kv, Scope::for_path("/prod/")).expect("prod");
    let mut d = common::ikpe_stadt();
    d.id = "nur-prod".into();
    prod.save(&d).expect("saved in prod");
    let n = prod.delete_all().expect("deleted");
    assert!(n >= 2, "prod's drafts and its marker");
    let (test, _) = KvDraftStore::scoped(prod.kv, Scope::for_path("/test/")).expect("test again");
    assert_eq!(test.list().expect("listed").drafts.len(), 1, "/test/ keeps its copy");
    let root = KvDraftStore::new(test.kv);
    assert_eq!(root.list().expect("listed").drafts.len(), 1, "the root keeps its draft");
    root.delete_all().expect("root deleted");
    let (test, _) = KvDraftStore::scoped(root.kv, Scope::for_path("/test/")).expect("test after root");
    assert_eq!(test.list().expect("listed").drafts.len(), 1, "deleting the root's data leaves /test/'s");
}

/// Sizes in messages: whole kilobytes rounded up, megabytes to one decimal with a comma.
#[rstest::rstest]
#[case(1, "1 KB")]
#[case(1024, "1 KB")]
#[case(1025, "2 KB")]
#[case(1024 * 1024, "1,0 MB")]
#[case(1024 * 1024 + 52_000, "1,0 MB")]
#[case(1024 * 1024 + 53_000, "1,1 MB")]
#[case(4 * 1024 * 1024 - 1, "4,0 MB")]
#[case(10 << 20, "10,0 MB")]
fn sizes_read_as_german_numbers(#[case] bytes: usize, #[case] shown: &str) {
    assert_eq!(koop_core::draft::store::human_size(bytes), shown);
}

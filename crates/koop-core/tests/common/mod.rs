//! Shared helpers of the native tests: a fixed "today" and complete example drafts.
#![allow(dead_code)]

use koop_core::draft::Draft;
use koop_core::template::{Catalog, Template};
use koop_core::{Context, Datum, Document, Report};
use proptest::prelude::*;
use proptest::strategy::ValueTree;

pub fn catalog() -> &'static Catalog {
    Catalog::builtin().expect("built-in templates load")
}

pub fn template(id: &str) -> &'static Template {
    catalog().template(id).expect("template exists")
}

/// The tests' "today": 22.11.2026.
pub fn today() -> Datum {
    Datum::new(2026, 11, 22).expect("valid date")
}

pub fn ctx<'a>(t: &'a Template, d: &'a Draft) -> Context<'a> {
    Context::new(t, catalog(), d, today())
}

pub fn report_and_doc(t: &Template, d: &Draft) -> (Report, Document) {
    let c = ctx(t, d);
    let r = koop_core::validate(&c);
    let doc = koop_core::build(&c, r.completeness());
    (r, doc)
}

/// Sets a list to the given entries (replacing the defaults).
pub fn set_list(t: &Template, d: &mut Draft, list: &str, entries: &[&[(&str, &str)]]) {
    let f = t.field(list).expect("list field").field;
    for e in d.entries(f) {
        d.remove_entry(f, e.id);
    }
    for values in entries {
        let id = d.add_entry(f);
        for (k, v) in *values {
            d.set_entry_value(f, id, k, v);
        }
    }
}

/// A complete IKPE draft for a Landkreis (Sömmerda) as a planner would fill it.
pub fn ikpe_landkreis() -> Draft {
    let t = template("ikpe");
    let mut d = Draft::new(t, "test-lk", 0.0);
    d.set_text("kommune_art", "landkreis");
    d.set_text("kommune_name", "Sömmerda");
    d.set_text("strasse", "Bahnhofstraße 9");
    d.set_text("plz", "99610");
    d.set_text("ort", "Sömmerda");
    d.set_text("vertreter_anrede", "herr");
    d.set_text("vertreter_name", "Christian Meyer");
    d.set_text("vertragsnummer", "PK 7/2026");
    let bereiche = t.field("bereiche").expect("field").field;
    d.toggle(bereiche, "jugendhilfe", true);
    d.toggle(bereiche, "gesundheit", true);
    set_list(
        t,
        &mut d,
        "ap_prozess",
        &[&[
            ("name", "Anna Schulze"),
            ("funktion", "Sozialplanung"),
            ("email", "anna.schulze@lra-soemmerda.de"),
            ("telefon", "03634 354-0"),
        ]],
    );
    set_list(
        t,
        &mut d,
        "ap_strategie",
        &[&[("name", "Dr. Peter Krause"), ("funktion", "Dezernat Soziales"), ("email", "p.krause@lra-soemmerda.de")]],
    );
    d
}

/// A complete IKPE draft for a kreisfreie Stadt (Jena) with a female representative.
pub fn ikpe_stadt() -> Draft {
    let t = template("ikpe");
    let mut d = Draft::new(t, "test-st", 0.0);
    d.set_text("kommune_name", "Jena");
    d.set_text("strasse", "Am Anger 15");
    d.set_text("plz", "07743");
    d.set_text("vertreter_anrede", "frau");
    d.set_text("vertreter_name", "Anna Schmidt");
    d.set_text("vertragsnummer", "PK 12/2026");
    let bereiche = t.field("bereiche").expect("field").field;
    for b in ["bildung", "soziales", "gesundheit"] {
        d.toggle(bereiche, b, true);
    }
    set_list(t, &mut d, "ap_prozess", &[&[("name", "Lena Wolf"), ("funktion", "Fachdienst Jugendhilfe"), ("email", "lena.wolf@jena.de")]]);
    set_list(
        t,
        &mut d,
        "ap_strategie",
        &[&[("name", "Tom Berger"), ("funktion", "Dezernat Familie"), ("email", "tom.berger@jena.de"), ("telefon", "+49 3641 49-0")]],
    );
    d
}

/// A complete Sozialraum draft with `g` towns, `t` providers and `a` services (services are
/// spread over the providers in turn).
pub fn sozialraum(g: usize, t: usize, a: usize) -> Draft {
    let tpl = template("sozialraum");
    let mut d = Draft::new(tpl, "soz", 0.0);
    d.set_text("sozialraum", "Crimmitschau/Dennheritz");
    d.set_text("inkrafttreten", "01.01.2027");
    let gem = tpl.field("gemeinden").expect("list").field;
    let tra = tpl.field("traeger").expect("list").field;
    let ang = tpl.field("angebote").expect("list").field;
    for l in [gem, tra, ang] {
        for e in d.entries(l) {
            d.remove_entry(l, e.id);
        }
    }
    for i in 0..g {
        let id = d.add_entry(gem);
        let (art, name) = if i == 0 { ("stadt", "Crimmitschau".to_string()) } else { ("gemeinde", format!("Gemeinde{i}")) };
        for (k, v) in [
            ("name", name.as_str()),
            ("art", art),
            ("strasse", "Markt 1"),
            ("plz", "08451"),
            ("anrede", if i % 2 == 0 { "herr" } else { "frau" }),
            ("vertreter", "Kim Beispiel"),
        ] {
            d.set_entry_value(gem, id, k, v);
        }
    }
    let mut traeger_ids = Vec::new();
    for i in 0..t {
        let id = d.add_entry(tra);
        let name = format!("Jugendhilfe Träger {} e.V.", i + 1);
        for (k, v) in [
            ("name", name.as_str()),
            ("strasse", "Lindenstraße 5"),
            ("plz", "08056"),
            ("ort", "Zwickau"),
            ("anrede", "frau"),
            ("funktion", "Geschäftsführerin"),
            ("vertreter", "Alex Muster"),
        ] {
            d.set_entry_value(tra, id, k, v);
        }
        traeger_ids.push(id);
    }
    let bereiche = ["p11", "p13a", "p14", "p16", "p12", "p13"];
    for i in 0..a {
        let id = d.add_entry(ang);
        let titel = format!("Angebot {}", i + 1);
        d.set_entry_value(ang, id, "titel", &titel);
        d.set_entry_value(ang, id, "bereich", bereiche[i % bereiche.len()]);
        d.set_entry_value(ang, id, "traeger", &traeger_ids[i % t.max(1)].to_string());
    }
    d
}

/// Text users might type: any Unicode, weighted towards the hard cases.
pub fn hostile_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        ".{0,24}",
        Just("😀👩‍👩‍👧🇩🇪".to_string()),
        Just("\u{202e}שלום עליכם\u{202c} مرحبا".to_string()),
        Just("e\u{301}\u{308}a\u{323}\u{302}".to_string()),
        Just("\u{0}\u{1}\u{8}\u{b}\u{c}\u{1f}\u{fffe}\u{ffff}\t\r\n".to_string()),
        Just("<script>alert('x')</script> & \"quotes\" ]]> <![CDATA[".to_string()),
        Just("{kommune.dat} {ref:laufzeit} {{}} | @ :".to_string()),
        Just("   ".to_string()),
        "[\\u{80}-\\u{10ffff}]{0,8}",
    ];
    prop::collection::vec(pieces, 0..4).prop_map(|v| v.concat())
}

/// A draft of `template` whose text answers and list entries are all set from `texts`.
pub fn hostile_draft(template_id: &str, texts: &[String]) -> (&'static Template, Draft) {
    let t = template(template_id);
    let mut d = if template_id == "ikpe" { ikpe_landkreis() } else { sozialraum(2, 2, 3) };
    let mut n = 0;
    let mut next = || {
        let s = texts[n % texts.len()].clone();
        n += 1;
        s
    };
    // The agreement's answers first, then the process, then the answers of the bound documents:
    // the agreement's hostile samples stay the ones whose bytes tests/pinned.rs pins.
    for documents in [false, true] {
        for f in t.fields() {
            let ours = |field: &koop_core::Field| field.document.is_some() == documents;
            match f.field.kind {
                koop_core::FieldKind::List => {
                    for e in d.entries(f.field) {
                        for sub in f.field.fields.iter().filter(|s| ours(s)) {
                            if sub.kind != koop_core::FieldKind::Reference {
                                d.set_entry_value(f.field, e.id, &sub.id, &next());
                            }
                        }
                    }
                }
                koop_core::FieldKind::Multi => {}
                _ if ours(f.field) => d.set_text(&f.field.id, &next()),
                _ => {}
            }
        }
        if !documents {
            d.process.gremium = next();
            d.process.set_note(0, &next());
            d.process.anlage_im_export = true;
        }
    }
    (t, d)
}

/// Keeps an export for the outside judges: `scripts/test` sets KOOP_EXPORT_DIR and then runs
/// openxml-audit (and LibreOffice) over every file written there. Without it, nothing is kept.
pub fn keep_export(name: &str, bytes: &[u8]) {
    if let Some(dir) = std::env::var_os("KOOP_EXPORT_DIR") {
        let dir = std::path::Path::new(&dir);
        std::fs::create_dir_all(dir).expect("export dir");
        std::fs::write(dir.join(name), bytes).expect("export written");
    }
}

/// The drafts of the export set, by file stem.
pub fn export_set() -> Vec<(String, Document)> {
    let ikpe = template("ikpe");
    let soz = template("sozialraum");
    let doc = |t, d: &Draft| report_and_doc(t, d).1;
    let mut set = vec![
        ("ikpe-landkreis".to_string(), doc(ikpe, &ikpe_landkreis())),
        ("ikpe-stadt".to_string(), doc(ikpe, &ikpe_stadt())),
        ("ikpe-leer".to_string(), doc(ikpe, &Draft::new(ikpe, "leer", 0.0))),
        ("sozialraum-1-1-1".to_string(), doc(soz, &sozialraum(1, 1, 1))),
        ("sozialraum-30-50-100".to_string(), doc(soz, &sozialraum(30, 50, 100))),
        ("sozialraum-leer".to_string(), doc(soz, &Draft::new(soz, "leer", 0.0))),
    ];
    for (i, (t, d)) in hostile_drafts().into_iter().enumerate() {
        set.push((format!("feindlich-{i}"), doc(t, &d)));
    }
    set
}

/// The Beschlussvorlagen the outside judges check, by file stem: every kind of body of both
/// templates (each Stadt and Gemeinde of a small Sozialraum, the first and last of a large one),
/// complete, empty and hostile drafts.
pub fn vorlage_set() -> Vec<(String, Document, Draft)> {
    use koop_core::document::bound;
    let ikpe = template("ikpe");
    let soz = template("sozialraum");
    let mut erfurt = ikpe_stadt();
    erfurt.set_text("kommune_name", "Erfurt");
    erfurt.set_text("vertreter_anrede", "keine");
    erfurt.set_text("vorlage_nummer", "DS 0815/26");
    erfurt.set_text("vorlage_einreicher", "Dezernat 03 – Bildung, Jugend und Sport");
    erfurt.set_text("vorlage_sitzung", "17.03.2027");
    let drafts: Vec<(String, &Template, Draft)> = vec![
        ("ikpe-landkreis".into(), ikpe, ikpe_landkreis()),
        ("ikpe-stadt".into(), ikpe, ikpe_stadt()),
        ("ikpe-erfurt".into(), ikpe, erfurt),
        ("ikpe-leer".into(), ikpe, Draft::new(ikpe, "leer", 0.0)),
        ("sozialraum-3-2-4".into(), soz, sozialraum(3, 2, 4)),
        ("sozialraum-30-50-100".into(), soz, sozialraum(30, 50, 100)),
        ("sozialraum-leer".into(), soz, Draft::new(soz, "leer", 0.0)),
    ];
    let hostile = hostile_drafts().into_iter().enumerate().map(|(i, (t, d))| (format!("feindlich-{i}"), t, d));
    let mut set = Vec::new();
    for (name, t, d) in drafts.into_iter().chain(hostile) {
        let c = ctx(t, &d);
        let completeness = koop_core::validate(&c).completeness();
        let bodies = bound::bodies(&c, "beschlussvorlage");
        // A large Sozialraum: the Landkreis, the Stadt and the last Gemeinde.
        let keep = |i: usize| bodies.len() <= 4 || i <= 1 || i + 1 == bodies.len();
        for (_, b) in bodies.iter().enumerate().filter(|(i, _)| keep(*i)) {
            let doc = bound::build_for(&c, "beschlussvorlage", &b.key, completeness).expect("a body of the draft");
            set.push((format!("vorlage-{name}-{}", b.key), doc, d.clone()));
        }
    }
    set
}

/// Six hostile drafts, alternately IKPE and Sozialraum, the same on every run (proptest's
/// deterministic runner).
pub fn hostile_drafts() -> Vec<(&'static Template, Draft)> {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = proptest::collection::vec(hostile_text(), 1..6);
    (0..6)
        .map(|i| {
            let texts = strategy.new_tree(&mut runner).expect("value").current();
            hostile_draft(if i % 2 == 0 { "ikpe" } else { "sozialraum" }, &texts)
        })
        .collect()
}

/// A fresh, empty folder for this test process under the system's temp folder
/// (`koop-<name>-<pid>`), for files a converter reads or writes.
pub fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("koop-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Whether LibreOffice can be run. Where `scripts/test` requires it (KOOP_REQUIRE_SOFFICE), its
/// absence fails the test instead of skipping it.
pub fn soffice_available() -> bool {
    let have = std::process::Command::new("soffice").arg("--version").output().is_ok_and(|o| o.status.success());
    if !have {
        assert!(std::env::var_os("KOOP_REQUIRE_SOFFICE").is_none(), "LibreOffice is required here");
        eprintln!("skipped: LibreOffice (soffice) not installed");
    }
    have
}

/// LibreOffice converts `files` with `filter` ("pdf", "odt", "docx:MS Word 2007 XML") into
/// `out_dir`, with its own profile in `profile` (one start for all files: each takes seconds).
pub fn soffice_convert(profile: &std::path::Path, filter: &str, out_dir: &std::path::Path, files: &[std::path::PathBuf]) {
    let out = std::process::Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--norestore", "--convert-to", filter, "--outdir"])
        .arg(out_dir)
        .args(files)
        .output()
        .expect("soffice runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// The creation time the export tests render with: the tests' "today", 10:00 UTC.
pub const EXPORT_TIME: &str = "2026-11-22T10:00:00Z";

/// `doc` as DOCX and as ODT, rendered at `EXPORT_TIME` with the record of `draft` embedded.
pub fn docx_and_odt_with_draft(doc: &Document, draft: &Draft) -> (Vec<u8>, Vec<u8>) {
    let record = koop_core::draft::store::encode_file(draft).expect("record");
    let docx = koop_core::render::docx::render_with(doc, EXPORT_TIME, Some(&record)).expect("docx");
    let odt = koop_core::render::odt::render_with(doc, EXPORT_TIME, Some(&record)).expect("odt");
    (docx, odt)
}

/// The draft embedded in an export (DOCX, ODT or PDF).
pub fn read_back(bytes: &[u8]) -> Draft {
    let record = koop_core::render::embed::read(bytes).expect("draft embedded");
    koop_core::draft::store::decode(&record).expect("record decodes")
}

/// `bytes` (a DOCX or ODT package) with the text of its part `part` changed by `edit`.
pub fn rewrite_part(bytes: &[u8], part: &str, edit: impl Fn(String) -> String) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).expect("entry");
        let name = f.name().to_string();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut data).expect("read");
        if name == part {
            data = edit(String::from_utf8(data).expect("utf8")).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).expect("start");
        std::io::Write::write_all(&mut out, &data).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

/// The unzipped parts of a package: name, text and how it was stored.
pub fn zip_parts(bytes: &[u8]) -> Vec<(String, String, zip::CompressionMethod)> {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).expect("entry");
            let mut s = String::new();
            f.read_to_string(&mut s).expect("UTF-8 part");
            (f.name().to_string(), s, f.compression())
        })
        .collect()
}

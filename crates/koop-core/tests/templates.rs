//! Every built-in template loads and is consistent; broken templates are caught.

mod common;

use koop_core::template::Catalog;
use koop_core::template::check::check;

#[test]
fn every_builtin_template_is_consistent() {
    let catalog = common::catalog();
    assert!(!catalog.templates.is_empty());
    for t in &catalog.templates {
        let problems = check(t, catalog);
        assert!(problems.is_empty(), "template {}: {problems:#?}", t.id);
        assert!(t.review_step().is_some(), "{} has a review step", t.id);
    }
    let ids: Vec<&str> = catalog.templates.iter().map(|t| t.id.as_str()).collect();
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(ids, unique);
}

/// The IKPE template as JSON, changed by `edit`, checked again.
fn problems_after(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<String> {
    let (name, json) =
        koop_core::template::Catalog::builtin_sources().0.iter().find(|(n, _)| *n == "ikpe.toml").copied().expect("ikpe source");
    let mut value: serde_json::Value = serde_json::from_str(json).expect("json");
    edit(&mut value);
    let text = value.to_string();
    let lookups = koop_core::template::Catalog::builtin_sources().1;
    match Catalog::from_json(&[(name, &text)], lookups) {
        Ok(c) => check(&c.templates[0], &c),
        Err(e) => vec![e.to_string()],
    }
}

#[test]
fn broken_templates_fail_the_check() {
    assert!(problems_after(|_| {}).is_empty());
    type Edit = Box<dyn FnOnce(&mut serde_json::Value)>;
    let cases: Vec<(&str, Edit, &str)> = vec![
        ("unknown field", Box::new(|v| set_clause(v, "Eine Gewährleistung", "auf {kommune_nmae}")), "unknown field 'kommune_nmae'"),
        ("unknown form", Box::new(|v| set_clause(v, "Eine Gewährleistung", "auf {kommune.dtv}")), "no form 'dtv'"),
        ("unknown entity", Box::new(|v| set_clause(v, "Eine Gewährleistung", "auf {gemeinde.dat}")), "unknown entity 'gemeinde'"),
        ("broken reference", Box::new(|v| set_clause(v, "Eine Gewährleistung", "siehe {ref:gibtsnicht}")), "unknown clause 'gibtsnicht'"),
        ("unknown filter", Box::new(|v| set_clause(v, "Eine Gewährleistung", "{bereiche|listen}")), "unknown filter 'listen'"),
        ("list without sub-field", Box::new(|v| set_clause(v, "Eine Gewährleistung", "{ap_ikpe}")), "needs a 'list:sub-field' filter"),
        ("unbalanced", Box::new(|v| set_clause(v, "Eine Gewährleistung", "auf {kommune.akk")), "unbalanced braces"),
        ("typo in a key", Box::new(|v| v["steps"][0]["fields"][0]["lable"] = "x".into()), "unknown field `lable`"),
        ("unknown checklist topic", Box::new(|v| v["checklist"][0]["topic"] = "gibtsnicht".into()), "unknown variant `gibtsnicht`"),
        (
            "checklist names an unknown clause",
            Box::new(|v| v["checklist"][0]["clauses"] = serde_json::json!(["aufgaben_ikpe", "gibtsnicht"])),
            "names unknown clause 'gibtsnicht'",
        ),
        (
            "default not an option",
            Box::new(|v| v["steps"][1]["fields"][1]["default_set"] = serde_json::json!(["gibtsnicht"])),
            "default 'gibtsnicht' is not an option",
        ),
        (
            "condition on unknown field",
            Box::new(|v| v["steps"][0]["fields"][0]["default"][0]["when"] = "kommune_nam@form == ST".into()),
            "unknown field in 'kommune_nam@form'",
        ),
        (
            "unknown lookup column",
            Box::new(|v| v["steps"][0]["fields"][4]["default"][0]["value"] = "{kommune_name@hauptstadt}".into()),
            "no lookup column 'hauptstadt'",
        ),
        (
            "defaults in a circle",
            Box::new(|v| {
                v["steps"][0]["fields"][0]["default"] = serde_json::json!([{ "when": "vertreter_funktion", "value": "landkreis" }])
            }),
            "circle",
        ),
        ("rule on unknown field", Box::new(|v| v["rules"][0]["field"] = "kommune_typ".into()), "unknown field 'kommune_typ'"),
        (
            "key of another block type",
            Box::new(|v| block(v, "clause")["lines"] = serde_json::json!(["x"])),
            "unknown field `lines` in a block of type Clause",
        ),
        ("block without its text", Box::new(|v| _ = block(v, "clause").as_object_mut().map(|b| b.remove("text"))), "missing field `text`"),
        ("unknown block type", Box::new(|v| block(v, "clause")["type"] = "klausel".into()), "unknown variant `klausel`"),
        ("typo in a block key", Box::new(|v| block(v, "clause")["wehn"] = "x".into()), "unknown field `wehn`"),
        (
            "key of the other entity kind",
            Box::new(|v| v["entities"]["kommune"]["anrede"] = "Frau".into()),
            "unknown field `anrede` in an entity of kind koerperschaft",
        ),
        (
            "person without Anrede",
            Box::new(|v| _ = v["entities"]["vertreter"].as_object_mut().map(|e| e.remove("anrede"))),
            "missing field `anrede`",
        ),
    ];
    for (what, edit, expected) in cases {
        let problems = problems_after(edit);
        assert!(problems.iter().any(|p| p.contains(expected)), "{what}: expected „{expected}“ in {problems:#?}");
    }
}

/// The first block of this type.
fn block<'v>(v: &'v mut serde_json::Value, kind: &str) -> &'v mut serde_json::Value {
    let blocks = v["document"]["blocks"].as_array_mut().expect("blocks");
    blocks.iter_mut().find(|b| b["type"] == kind).expect("block of that type")
}

fn set_clause(v: &mut serde_json::Value, starts: &str, text: &str) {
    let blocks = v["document"]["blocks"].as_array_mut().expect("blocks");
    let b = blocks.iter_mut().find(|b| b["text"].as_str().is_some_and(|t| t.starts_with(starts))).expect("clause");
    b["text"] = text.into();
}

#[test]
fn lookup_table_has_the_22_thuringian_kommunen() {
    let l = common::catalog().lookup("thueringen").expect("lookup");
    assert_eq!(l.rows.len(), 22);
    assert_eq!(l.rows.iter().filter(|r| r["form"] == "ST").count(), 5);
    assert_eq!(l.rows.iter().filter(|r| r["form"] == "KR").count(), 6);
    assert_eq!(l.row(" sömmerda ").map(|r| r["sitz"].as_str()), Some("Sömmerda"));
    assert!(l.row("Eisenach").is_none(), "Eisenach is no kreisfreie Stadt since 2021");
}

#[test]
fn site_settings_load() {
    let site = koop_core::template::Site::builtin().expect("site settings");
    assert!(site.kontakt_email.contains('@'));
    assert!(koop_core::Datum::parse(&site.erklaerung_stand).is_some(), "date of the accessibility statement");
}

/// The app decodes the postcard bytes the build script wrote; the tests and the checker read the
/// JSON. Both must be the same templates, down to the last optional key.
#[test]
fn the_embedded_postcard_catalog_is_the_json_catalog() {
    let (templates, lookups) = Catalog::builtin_sources();
    let from_json = Catalog::from_json(templates, lookups).expect("json loads");
    let builtin = Catalog::builtin().expect("postcard loads");
    assert_eq!(builtin.templates.len(), 2);
    assert_eq!(format!("{:?}", builtin.templates), format!("{:?}", from_json.templates));
    assert_eq!(format!("{:?}", builtin.lookups), format!("{:?}", from_json.lookups));
}

/// Loading is compiling: a template whose text names an undefined field does not load, and the
/// error names the file, the place and the name.
#[test]
fn loading_a_broken_template_names_file_place_and_name() {
    let (_, json) = Catalog::builtin_sources().0.iter().find(|(n, _)| *n == "ikpe.toml").copied().expect("ikpe source");
    let mut value: serde_json::Value = serde_json::from_str(json).expect("json");
    set_clause(&mut value, "Eine Gewährleistung", "auf {kommune_nmae}");
    let err = Catalog::from_json(&[("kaputt.toml", &value.to_string())], Catalog::builtin_sources().1).expect_err("must not load");
    assert_eq!(err.source, "kaputt.toml");
    assert!(err.message.contains("text „auf {kommune_nmae}…“: unknown field 'kommune_nmae'"), "{}", err.message);
}

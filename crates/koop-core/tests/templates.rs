//! Every built-in template loads and is consistent; broken templates are caught.

mod common;

use koop_core::template::Catalog;
use koop_core::template::check::check;

#[test]
fn every_builtin_template_is_consistent() {
    let catalog = common::catalog();
    assert!(catalog.templates().next().is_some());
    for t in catalog.templates() {
        let problems = check(t, catalog);
        assert!(problems.is_empty(), "template {}: {problems:#?}", t.id);
        assert!(t.review_step().is_some(), "{} has a review step", t.id);
    }
    let ids: Vec<&str> = catalog.template_ids().collect();
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(ids, unique);
}

/// The IKPE template as JSON, changed by `edit`, checked again.
fn problems_after(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<String> {
    problems_of("ikpe.toml", edit)
}

/// A built-in template as JSON, changed by `edit`, checked again.
fn problems_of(file: &str, edit: impl FnOnce(&mut serde_json::Value)) -> Vec<String> {
    let (name, json) =
        koop_core::template::Catalog::builtin_sources().0.iter().find(|(n, _)| *n == file).copied().expect("template source");
    let mut value: serde_json::Value = serde_json::from_str(json).expect("json");
    edit(&mut value);
    let text = value.to_string();
    let lookups = koop_core::template::Catalog::builtin_sources().1;
    match Catalog::from_json(&[(name, &text)], lookups) {
        Ok(c) => check(c.templates().next().expect("the template"), &c),
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

/// The bound documents (the Beschlussvorlage) are checked like the agreement, for every body
/// they are made for.
#[test]
fn broken_bound_documents_fail_the_check() {
    assert!(problems_of("sozialraum.toml", |_| {}).is_empty());
    type Edit = Box<dyn FnOnce(&mut serde_json::Value)>;
    let cases: Vec<(&str, &str, Edit, &str)> = vec![
        (
            "the head outside a document",
            "ikpe.toml",
            Box::new(|v| set_clause(v, "Eine Gewährleistung", "{kommune.leitung_akk}")),
            "'leitung_akk' needs the form of address of the head",
        ),
        (
            "the body in the agreement",
            "ikpe.toml",
            Box::new(|v| set_clause(v, "Eine Gewährleistung", "{koerperschaft.gen}")),
            "unknown entity 'koerperschaft'",
        ),
        (
            "a body that is no koerperschaft",
            "ikpe.toml",
            Box::new(|v| v["documents"][0]["bodies"][0]["entity"] = "vertreter".into()),
            "body 'vertreter': not an entity of kind koerperschaft",
        ),
        (
            "an Anrede that is no choice",
            "ikpe.toml",
            Box::new(|v| v["documents"][0]["bodies"][0]["anrede"] = "vertreter_name".into()),
            "'vertreter_name' is not a choice field",
        ),
        (
            "a field only one body has",
            "sozialraum.toml",
            Box::new(|v| doc_block(v, "Partner der Vereinbarung sind:")["text"] = "Partner: {name}".into()),
            "unknown field 'name'",
        ),
        (
            "an answer of an unknown document",
            "sozialraum.toml",
            Box::new(|v| v["steps"][6]["fields"][0]["document"] = "vorlage".into()),
            "field 'vorlage_nummer': unknown document 'vorlage'",
        ),
        (
            "a clause id in a document",
            "ikpe.toml",
            Box::new(|v| {
                doc_block(v, "Keine. Für die vereinbarte")["type"] = "clause".into();
                doc_block(v, "Keine. Für die vereinbarte")["id"] = "kosten_vorlage".into();
            }),
            "a document's have no ids",
        ),
        (
            "a Große Kreisstadt that is neither ja nor nein",
            "sozialraum.toml",
            Box::new(|v| v["steps"][1]["fields"][0]["fields"][8]["options"][0]["value"] = "vielleicht".into()),
            "option 'vielleicht' of 'grosse_kreisstadt' is not one of ja, nein",
        ),
        ("typo in a document key", "ikpe.toml", Box::new(|v| v["documents"][0]["bodys"] = serde_json::json!([])), "unknown field `bodys`"),
        (
            "an entity named like the body",
            "ikpe.toml",
            Box::new(|v| v["entities"]["koerperschaft"] = v["entities"]["kommune"].clone()),
            "entity 'koerperschaft': the name is the body of a bound document's text",
        ),
    ];
    for (what, file, edit, expected) in cases {
        let problems = problems_of(file, edit);
        assert!(problems.iter().any(|p| p.contains(expected)), "{what}: expected „{expected}“ in {problems:#?}");
    }
}

/// The block of the first bound document whose text starts so.
fn doc_block<'v>(v: &'v mut serde_json::Value, starts: &str) -> &'v mut serde_json::Value {
    let blocks = v["documents"][0]["blocks"].as_array_mut().expect("blocks");
    blocks.iter_mut().find(|b| b["text"].as_str().is_some_and(|t| t.starts_with(starts))).expect("block")
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
    // The same templates, each of which decodes (one that did not would be missing below) …
    let ids = |c: &Catalog| c.template_ids().map(str::to_string).collect::<Vec<_>>();
    assert!(!ids(builtin).is_empty());
    assert_eq!(ids(builtin), ids(&from_json));
    assert!(builtin.template_ids().all(|id| builtin.template_error(id).is_none()));
    // … into the same model as the JSON.
    fn all(c: &Catalog) -> String {
        format!("{:?}", c.templates().collect::<Vec<_>>())
    }
    assert_eq!(all(builtin), all(&from_json));
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

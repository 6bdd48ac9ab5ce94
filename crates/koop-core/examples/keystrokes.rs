//! A native keystroke loop, the core's part of what the preview does per keystroke (validate,
//! then build): a Sozialraum agreement of 60 towns, 100 providers and 200 services, a name
//! typed into the first provider (or, with `schritt1`, the Sozialraum's name in step 1). It
//! prints what each keystroke checked and printed anew; under
//! `valgrind --tool=callgrind` the instruction counts of `validate_cached` and `build_cached`
//! are a measure no other load on the machine disturbs.
//!
//! `cargo run --release -p koop-core --example keystrokes [schritt1] [keystrokes]`

use koop_core::document::{BuildCache, build_cached};
use koop_core::template::Catalog;
use koop_core::validate::{ValidateCache, validate_cached};
use koop_core::{Context, Datum, Draft};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let step1 = args.iter().any(|a| a == "schritt1");
    let n: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(200);
    let Ok(catalog) = Catalog::builtin() else { return };
    let Some(t) = catalog.template("sozialraum") else { return };
    let today = Datum::new(2026, 12, 1).unwrap_or(Datum { tag: 1, monat: 12, jahr: 2026 });
    let mut d = draft(t, 60, 100, 200);
    let Some(list) = t.field("traeger").map(|f| f.field) else { return };
    let first = d.entries(list)[0].id;
    let (mut build_cache, mut checks) = (BuildCache::default(), ValidateCache::default());
    let word = "Qzwkyvbx-Jqlmpfr-Vtcdhsn";
    let (mut checked, mut reprinted, mut evaluated) = (0, 0, 0);
    for i in 0..=n {
        let value = &word[..2 + i % (word.len() - 2)];
        if step1 {
            d.set_text("sozialraum", value);
        } else {
            d.set_entry_value(list, first, "name", value);
        }
        let ctx = Context::new(t, catalog, &d, today);
        let report = validate_cached(&ctx, &mut checks);
        let doc = build_cached(&ctx, report.completeness(), &mut build_cache);
        if i == n {
            assert!(doc.plain_text().contains(value), "the preview shows what was typed");
        }
        // The first run checks and prints everything.
        if i > 0 {
            checked += checks.checked();
            reprinted += build_cache.reprinted();
            evaluated += build_cache.evaluated();
        }
    }
    println!(
        "{n} Anschläge in {}: je Anschlag {:.1} Prüfungen, {:.1} Blöcke und {:.1} Texte neu",
        if step1 { "Schritt 1" } else { "Träger 1" },
        checked as f64 / n as f64,
        reprinted as f64 / n as f64,
        evaluated as f64 / n as f64
    );
}

/// The bench's draft (bench/drafts.mjs): `g` towns, `t` providers, `a` services.
fn draft(tpl: &koop_core::Template, g: usize, t: usize, a: usize) -> Draft {
    let mut d = Draft::new(tpl, "bench", 0.0);
    d.set_text("sozialraum", "Crimmitschau/Dennheritz");
    d.set_text("inkrafttreten", "01.01.2027");
    let s = |x: &str| x.to_string();
    let towns = (0..g)
        .map(|i| {
            vec![
                ("name", format!("Gemeinde {}", i + 1)),
                ("art", s(if i % 3 == 0 { "stadt" } else { "gemeinde" })),
                ("strasse", s("Markt 1")),
                ("plz", s("08451")),
                ("anrede", s(if i % 2 == 0 { "herr" } else { "frau" })),
                ("vertreter", s("Kim Beispiel")),
            ]
        })
        .collect();
    fill(tpl, &mut d, "gemeinden", towns);
    let providers = (0..t)
        .map(|i| {
            vec![
                ("name", format!("Jugendhilfe Träger {} e.V.", i + 1)),
                ("strasse", s("Lindenstraße 5")),
                ("plz", s("08056")),
                ("ort", s("Zwickau")),
                ("anrede", s("frau")),
                ("funktion", s("Geschäftsführerin")),
                ("vertreter", s("Alex Muster")),
            ]
        })
        .collect();
    let providers = fill(tpl, &mut d, "traeger", providers);
    let bereiche = ["p11", "p13a", "p14", "p16", "p12", "p13"];
    let services = (0..a)
        .map(|i| {
            vec![
                ("titel", format!("Angebot {}", i + 1)),
                ("bereich", s(bereiche[i % bereiche.len()])),
                ("traeger", providers.get(i % providers.len().max(1)).map(u32::to_string).unwrap_or_default()),
            ]
        })
        .collect();
    fill(tpl, &mut d, "angebote", services);
    d
}

/// Replaces a list's entries by `rows`; returns the new entries' identities.
fn fill(tpl: &koop_core::Template, d: &mut Draft, list: &str, rows: Vec<Vec<(&str, String)>>) -> Vec<u32> {
    let Some(f) = tpl.field(list).map(|f| f.field) else { return Vec::new() };
    for e in d.entries(f) {
        d.remove_entry(f, e.id);
    }
    rows.into_iter()
        .map(|row| {
            let id = d.add_entry(f);
            for (k, v) in row {
                d.set_entry_value(f, id, k, &v);
            }
            id
        })
        .collect()
}

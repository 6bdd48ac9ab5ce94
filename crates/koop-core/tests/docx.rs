//! The DOCX export, checked natively: the package is unzipped with the zip crate and every part
//! is parsed with roxmltree, so these tests see what Word and LibreOffice see.

mod common;

use koop_core::document::{Block, Document, plain};
use koop_core::render::RenderError;
use koop_core::render::docx;
use koop_core::{Draft, Template};
use proptest::prelude::*;
use roxmltree::{Document as Xml, Node};
use rstest::rstest;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The unzipped package: entry name -> (compression, text), in archive order.
struct Package {
    entries: Vec<(String, zip::CompressionMethod, String)>,
}

impl Package {
    fn open(bytes: &[u8]) -> Package {
        let mut z = zip::ZipArchive::new(Cursor::new(bytes)).expect("a valid zip archive");
        let mut entries = Vec::new();
        for i in 0..z.len() {
            let mut f = z.by_index(i).expect("readable entry");
            let mut text = String::new();
            f.read_to_string(&mut text).expect("UTF-8 part");
            entries.push((f.name().to_string(), f.compression(), text));
        }
        Package { entries }
    }

    fn part(&self, name: &str) -> &str {
        self.entries.iter().find(|(n, ..)| n == name).map(|(_, _, t)| t.as_str()).unwrap_or_else(|| panic!("part {name} is missing"))
    }

    fn names(&self) -> Vec<&str> {
        self.entries.iter().map(|(n, ..)| n.as_str()).collect()
    }
}

fn xml(text: &str) -> Xml<'_> {
    Xml::parse(text).expect("well-formed XML")
}

fn is_w<'a>(n: &Node<'a, '_>, name: &str) -> bool {
    n.has_tag_name((W, name))
}

fn w_child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| is_w(c, name))
}

fn val<'a>(n: Node<'a, '_>) -> Option<&'a str> {
    n.attribute((W, "val"))
}

/// Text of a paragraph as Word shows it: runs concatenated, tabs as '\t'.
fn paragraph_text(p: Node<'_, '_>) -> String {
    p.descendants()
        .filter_map(|n| {
            if is_w(&n, "t") {
                Some(n.text().unwrap_or("").to_string())
            } else if is_w(&n, "tab") && n.parent().is_some_and(|r| is_w(&r, "r")) {
                Some("\t".to_string())
            } else if is_w(&n, "br") {
                Some("\n".to_string())
            } else {
                None
            }
        })
        .collect()
}

fn paragraphs<'a, 'i>(doc: &'a Xml<'i>) -> Vec<Node<'a, 'i>> {
    doc.descendants().filter(|n| is_w(n, "p")).collect()
}

fn style_of(p: Node<'_, '_>) -> Option<String> {
    w_child(p, "pPr").and_then(|ppr| w_child(ppr, "pStyle")).and_then(val).map(str::to_string)
}

fn texts(part: &str) -> Vec<String> {
    let d = xml(part);
    paragraphs(&d).into_iter().map(paragraph_text).collect()
}

fn render(doc: &Document) -> (Vec<u8>, Package) {
    let bytes = docx::render(doc).expect("renders");
    let pkg = Package::open(&bytes);
    (bytes, pkg)
}

fn doc_of(draft: &Draft) -> Document {
    common::report_and_doc(common::template("ikpe"), draft).1
}

fn ikpe() -> &'static Template {
    common::template("ikpe")
}

fn position(paras: &[String], needle: &str) -> usize {
    paras.iter().position(|p| p.contains(needle)).unwrap_or_else(|| panic!("„{needle}“ is not in the document"))
}

/// The checks every complete (non-draft) document must pass.
fn assert_final(doc: &Document, pkg: &Package) {
    assert!(!doc.draft, "precondition: the draft is complete");
    assert!(doc.gaps().is_empty(), "precondition: no gaps: {:?}", doc.gaps());
    let body = texts(pkg.part("word/document.xml"));
    let all = body.join("\n");
    for alternative in ["der/dem", "die/der", "der/s", "die/den", "Landkreises/der", "Stadt/Landkreis", "Name der Kommune", "XXX", "…."] {
        assert!(!all.contains(alternative), "unresolved „{alternative}“ in the final document");
    }
    assert!(!all.contains('['), "a placeholder remains");
    for part in ["word/document.xml", "word/header1.xml", "word/footer1.xml", "word/styles.xml", "docProps/core.xml"] {
        assert!(!pkg.part(part).contains("ENTWURF"), "ENTWURF in {part}");
        assert!(!xml(pkg.part(part)).descendants().any(|n| is_w(&n, "highlight")), "highlight in {part}");
    }
    assert_eq!(texts(pkg.part("word/header1.xml")), vec![doc.meta.header.clone()]);

    // Every clause, in order, with its number, a tab and its text.
    let mut last = None;
    let mut numbers = Vec::new();
    for b in &doc.blocks {
        if let Block::Clause { number, text, .. } = b {
            let expected = format!("{number}\t{}", plain(text));
            let at = body.iter().position(|p| *p == expected).unwrap_or_else(|| panic!("clause {number} missing: {expected}"));
            assert!(last.is_none_or(|l| at > l), "clause {number} out of order");
            last = Some(at);
            numbers.push(number.as_str());
        }
    }
    let expected_numbers = [
        "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "4.1", "4.2", "5.1", "5.2", "5.3", "6.1", "6.2",
    ];
    assert_eq!(numbers, expected_numbers);
}

// ---------------------------------------------------------------------------------------------
// Content

#[test]
fn landkreis_agreement_is_complete_and_resolved() {
    let doc = doc_of(&common::ikpe_landkreis());
    let (_, pkg) = render(&doc);
    assert_final(&doc, &pkg);
    let body = texts(pkg.part("word/document.xml"));
    assert_eq!(body[0], "Kooperationsvereinbarung");
    let order = [
        "und dem Landkreis Sömmerda,",
        "vertreten durch den Landrat, Herrn Christian Meyer",
        "- „Landkreis Sömmerda“ -",
        "Nr.: PK 7/2026",
        "1\tInhalt",
        "1.1\tDie Kooperationsvereinbarung dient als Grundlage der Zusammenarbeit des Landkreises mit dem Institut",
        "Die Zielerreichung wird in einem gemeinsamen Jahresgespräch mit mindestens den unter Punkt 4.1 benannten",
        "auf den Landkreis Sömmerda zugeschnittenen Meilensteinplan",
        "Durchführung von vier Qualifizierungsangeboten jährlich für prozessverantwortliche Ansprechpartner*innen des Landkreises Sömmerda",
        "zwischen den Bereichen Kinder- und Jugendhilfe und Gesundheit kennzeichnet",
        "4.1\tFür den Landkreis Sömmerda:",
        "Anna Schulze, Sozialplanung, anna.schulze@lra-soemmerda.de, Tel. 03634 354-0",
        "entstehen für den Landkreis Sömmerda keine Kosten.",
        "zwischen dem Landkreis Sömmerda und dem IKPE sofort in Kraft und ist bis zum 31.12.2028 gültig.",
        "Sömmerda, den ",
        "Christian Meyer, Landrat",
    ];
    let positions: Vec<usize> = order.iter().map(|s| position(&body, s)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "out of order: {positions:?}");
    assert!(body.iter().any(|p| p.contains("Entwicklungsperspektiven des Landkreises Sömmerda")));

    let headings: Vec<String> = {
        let d = xml(pkg.part("word/document.xml"));
        paragraphs(&d).into_iter().filter(|p| style_of(*p).as_deref() == Some("Heading1")).map(paragraph_text).collect()
    };
    assert_eq!(
        headings,
        [
            "1\tInhalt",
            "2\tAufgaben des IKPE",
            "3\tAufgaben der Kommune",
            "4\tAls Ansprechpartner*innen werden benannt",
            "5\tAllgemeine Vereinbarungen",
            "6\tVerschiedenes"
        ]
    );
}

#[test]
fn stadt_agreement_is_complete_and_resolved() {
    let doc = doc_of(&common::ikpe_stadt());
    let (_, pkg) = render(&doc);
    assert_final(&doc, &pkg);
    let body = texts(pkg.part("word/document.xml"));
    for s in ["und der Stadt Jena,", "vertreten durch die Oberbürgermeisterin, Frau Anna Schmidt", "- „Stadt Jena“ -", "Nr.: PK 12/2026"]
    {
        position(&body, s);
    }
    let all = body.join("\n");
    for s in [
        "die Stadt Jena",
        "die kreisfreie Stadt Jena",
        "die Oberbürgermeisterin, Frau Anna Schmidt",
        "der Stadt Jena",
        "Bildung, Soziales und Gesundheit",
    ] {
        assert!(all.contains(s), "„{s}“ missing");
    }
    assert!(!all.contains("Landkreis"), "a Landkreis phrase in the Stadt agreement");
    assert!(all.contains("Anna Schmidt, Oberbürgermeisterin"));
}

#[test]
fn incomplete_draft_is_marked_and_gaps_highlighted() {
    let t = ikpe();
    let doc = doc_of(&Draft::new(t, "x", 0.0));
    assert!(doc.draft);
    let (_, pkg) = render(&doc);

    let header = texts(pkg.part("word/header1.xml"));
    assert_eq!(header, vec![format!("ENTWURF – {}", doc.meta.header)]);
    let body = texts(pkg.part("word/document.xml"));
    assert_eq!(body[0], "ENTWURF – noch nicht vollständig");
    assert_eq!(body[1], "Kooperationsvereinbarung");

    // Every gap is its own highlighted run.
    let d = xml(pkg.part("word/document.xml"));
    let highlighted: BTreeSet<String> = d
        .descendants()
        .filter(|n| is_w(n, "r"))
        .filter(|r| w_child(*r, "rPr").and_then(|p| w_child(p, "highlight")).and_then(val) == Some("yellow"))
        .map(paragraph_text)
        .collect();
    let gaps = doc.gaps();
    assert!(gaps.len() > 10, "the empty draft has many gaps");
    for (gap, _) in gaps {
        assert!(highlighted.contains(gap), "gap {gap} is not highlighted");
    }
    assert!(highlighted.contains("[Name der Kommune]"));
    assert!(highlighted.contains("PK ../2026"));
    // Nothing else is highlighted.
    let gap_texts: BTreeSet<&str> = doc.gaps().into_iter().map(|(g, _)| g).collect();
    assert!(highlighted.iter().all(|h| gap_texts.contains(h.as_str())), "{highlighted:?}");
    // The date stays blank for handwriting, also in the draft.
    assert!(body.iter().any(|p| p.starts_with("[Ort der Unterschrift der Kommune], den ___")));
}

#[test]
fn a_gap_left_in_a_complete_document_is_still_highlighted() {
    // The contract number is optional: a complete draft without it prints "PK ../2026".
    let mut d = common::ikpe_landkreis();
    d.set_text("vertragsnummer", "");
    let doc = doc_of(&d);
    assert!(!doc.draft, "precondition: the contract number is optional");
    assert_eq!(doc.gaps().iter().map(|(g, _)| *g).collect::<Vec<_>>(), ["PK ../2026"]);
    let (_, pkg) = render(&doc);
    let document = pkg.part("word/document.xml");
    assert!(!document.contains("ENTWURF") && !pkg.part("word/header1.xml").contains("ENTWURF"));
    let d = xml(document);
    let highlighted: Vec<String> = d
        .descendants()
        .filter(|n| is_w(n, "r") && w_child(*n, "rPr").and_then(|p| w_child(p, "highlight")).is_some())
        .map(paragraph_text)
        .collect();
    assert_eq!(highlighted, ["PK ../2026"]);
}

// ---------------------------------------------------------------------------------------------
// Package

#[rstest]
#[case::landkreis(common::ikpe_landkreis())]
#[case::stadt(common::ikpe_stadt())]
#[case::empty(Draft::new(common::template("ikpe"), "x", 0.0))]
fn package_is_valid_and_compressed(#[case] draft: Draft) {
    let doc = doc_of(&draft);
    let (_, pkg) = render(&doc);
    assert_eq!(pkg.entries[0].0, "[Content_Types].xml", "[Content_Types].xml must be the first entry");
    for (name, method, text) in &pkg.entries {
        assert_eq!(*method, zip::CompressionMethod::Deflated, "{name} is not compressed");
        assert!(name.ends_with(".xml") || name.ends_with(".rels"), "unexpected entry {name}");
        Xml::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let names: BTreeSet<&str> = pkg.names().into_iter().collect();
    assert_eq!(names.len(), pkg.entries.len(), "duplicate entries");

    // Every part has a content type, and every relationship points at a part.
    let types = xml(pkg.part("[Content_Types].xml"));
    let overrides: BTreeSet<&str> = types.descendants().filter_map(|n| n.attribute("PartName")).collect();
    for name in &names {
        if name.ends_with(".xml") && *name != "[Content_Types].xml" {
            assert!(overrides.contains(format!("/{name}").as_str()), "no content type for {name}");
        }
    }
    for o in &overrides {
        assert!(names.contains(&o[1..]), "content type for missing part {o}");
    }
    for (rels, base) in [("_rels/.rels", ""), ("word/_rels/document.xml.rels", "word/")] {
        let r = xml(pkg.part(rels));
        for target in r.descendants().filter_map(|n| n.attribute("Target")) {
            assert!(names.contains(format!("{base}{target}").as_str()), "{rels} points at missing {target}");
        }
    }
    // Every r:id used in the document is a relationship of the document.
    let rels = xml(pkg.part("word/_rels/document.xml.rels"));
    let ids: BTreeSet<&str> = rels.descendants().filter_map(|n| n.attribute("Id")).collect();
    let document = xml(pkg.part("word/document.xml"));
    for n in document.descendants() {
        if let Some(id) = n.attribute((R, "id")) {
            assert!(ids.contains(id), "dangling r:id {id}");
        }
    }
}

#[test]
fn document_properties_and_language() {
    let doc = doc_of(&common::ikpe_landkreis());
    let (_, pkg) = render(&doc);
    let core = xml(pkg.part("docProps/core.xml"));
    let prop = |name: &str| core.descendants().find(|n| n.tag_name().name() == name).and_then(|n| n.text()).map(str::to_string);
    assert_eq!(prop("title").as_deref(), Some("Kooperationsvereinbarung"));
    assert_eq!(
        prop("subject").as_deref(),
        Some("Kooperationsvereinbarung zwischen dem IKPE und dem Landkreis Sömmerda (Thüringer Präventionsketten)")
    );
    assert_eq!(prop("creator").as_deref(), Some("Landkreis Sömmerda"));
    assert_eq!(prop("language").as_deref(), Some("de-DE"));
    assert_eq!(prop("created").as_deref(), Some(docx::DEFAULT_TIMESTAMP));
    assert_eq!(prop("modified").as_deref(), Some(docx::DEFAULT_TIMESTAMP));
    assert_eq!(doc.meta.title, "Kooperationsvereinbarung");

    let styles = xml(pkg.part("word/styles.xml"));
    let rpr_default = styles.descendants().find(|n| is_w(n, "rPrDefault")).and_then(|n| w_child(n, "rPr")).expect("default run properties");
    let lang = w_child(rpr_default, "lang").expect("w:lang in the defaults");
    assert_eq!(val(lang), Some("de-DE"));
    let fonts = w_child(rpr_default, "rFonts").expect("default font");
    for a in ["ascii", "hAnsi", "cs", "eastAsia"] {
        assert_eq!(fonts.attribute((W, a)), Some("Arial"), "font {a}");
    }
    assert_eq!(w_child(rpr_default, "sz").and_then(val), Some("22"), "11 pt");
    // One font throughout: no other font is named anywhere in the content.
    for part in ["word/document.xml", "word/styles.xml", "word/numbering.xml", "word/header1.xml", "word/footer1.xml"] {
        for f in xml(pkg.part(part)).descendants().filter(|n| is_w(n, "rFonts")) {
            assert!(f.attributes().all(|a| a.value() == "Arial"), "{part}: other font {f:?}");
        }
    }
}

#[test]
fn headings_have_real_heading_styles() {
    let doc = doc_of(&common::ikpe_landkreis());
    let (_, pkg) = render(&doc);
    let styles = xml(pkg.part("word/styles.xml"));
    for (id, name, level) in [("Heading1", "heading 1", "0"), ("Heading2", "heading 2", "1")] {
        let s = styles
            .descendants()
            .find(|n| is_w(n, "style") && n.attribute((W, "styleId")) == Some(id))
            .unwrap_or_else(|| panic!("style {id}"));
        assert_eq!(s.attribute((W, "type")), Some("paragraph"));
        assert_eq!(w_child(s, "name").and_then(val), Some(name));
        let ppr = w_child(s, "pPr").expect("paragraph properties");
        assert_eq!(w_child(ppr, "outlineLvl").and_then(val), Some(level));
        assert!(w_child(ppr, "keepNext").is_some(), "{id} keeps with the next paragraph");
    }
    let normal = styles.descendants().find(|n| is_w(n, "style") && n.attribute((W, "styleId")) == Some("Normal")).expect("Normal");
    assert_eq!(normal.attribute((W, "default")), Some("1"));
    // Numbered clauses: the number hangs, wrapped lines align with the text; indented
    // paragraphs and contacts start where clause text starts.
    let ind = |id: &str| {
        let s = styles
            .descendants()
            .find(|n| is_w(n, "style") && n.attribute((W, "styleId")) == Some(id))
            .unwrap_or_else(|| panic!("style {id}"));
        let i = w_child(w_child(s, "pPr").expect("pPr"), "ind").expect("indent");
        (i.attribute((W, "left")).map(str::to_string), i.attribute((W, "hanging")).map(str::to_string))
    };
    let text_indent = docx::TEXT_INDENT.to_string();
    assert_eq!(ind("Clause"), (Some(text_indent.clone()), Some(text_indent.clone())));
    assert_eq!(ind("Heading1"), (Some(text_indent.clone()), Some(text_indent.clone())));
    assert_eq!(ind("Indented").0, Some(text_indent.clone()));
    assert_eq!(ind("Contact").0, Some(text_indent.clone()));
}

#[test]
fn page_setup_header_and_footer() {
    let doc = doc_of(&common::ikpe_landkreis());
    let (_, pkg) = render(&doc);
    let d = xml(pkg.part("word/document.xml"));
    let sect = d.descendants().find(|n| is_w(n, "sectPr")).expect("section properties");
    let size = w_child(sect, "pgSz").expect("page size");
    assert_eq!((size.attribute((W, "w")), size.attribute((W, "h"))), (Some("11906"), Some("16838")));
    let m = w_child(sect, "pgMar").expect("margins");
    for side in ["top", "bottom", "left", "right"] {
        assert_eq!(m.attribute((W, side)), Some("1418"), "margin {side}");
    }
    // Header and footer references come first in w:sectPr (schema order).
    let first: Vec<&str> = sect.children().filter(|n| n.is_element()).take(2).map(|n| n.tag_name().name()).collect();
    assert_eq!(first, ["headerReference", "footerReference"]);

    let footer = xml(pkg.part("word/footer1.xml"));
    let instr: Vec<String> =
        footer.descendants().filter(|n| is_w(n, "instrText")).map(|n| n.text().unwrap_or("").trim().to_string()).collect();
    assert_eq!(instr, ["PAGE", "NUMPAGES"]);
    let chars: Vec<&str> = footer.descendants().filter(|n| is_w(n, "fldChar")).filter_map(|n| n.attribute((W, "fldCharType"))).collect();
    assert_eq!(chars, ["begin", "separate", "end", "begin", "separate", "end"]);
    let text = texts(pkg.part("word/footer1.xml"));
    assert_eq!(text, vec!["Seite 1 von 1".to_string()]);
}

#[test]
fn bullets_use_a_bullet_numbering_definition() {
    let doc = doc_of(&common::ikpe_landkreis());
    let (_, pkg) = render(&doc);
    let d = xml(pkg.part("word/document.xml"));
    let numbering = xml(pkg.part("word/numbering.xml"));
    let bullets: Vec<(String, String, String)> = paragraphs(&d)
        .into_iter()
        .filter_map(|p| {
            let num = w_child(p, "pPr").and_then(|ppr| w_child(ppr, "numPr"))?;
            Some((w_child(num, "numId").and_then(val)?.to_string(), w_child(num, "ilvl").and_then(val)?.to_string(), paragraph_text(p)))
        })
        .collect();
    let expected: usize = doc.blocks.iter().map(|b| if let Block::Bullets(items) = b { items.len() } else { 0 }).sum();
    assert_eq!(bullets.len(), expected);
    assert!(bullets.iter().any(|(_, l, t)| l == "1" && t.starts_with("monatliche Netzwerktreffen")), "second level");
    for (num_id, ilvl, text) in &bullets {
        let num = numbering
            .descendants()
            .find(|n| is_w(n, "num") && n.attribute((W, "numId")) == Some(num_id))
            .unwrap_or_else(|| panic!("w:num {num_id} missing"));
        let abs_id = w_child(num, "abstractNumId").and_then(val).expect("abstractNumId");
        let abs = numbering
            .descendants()
            .find(|n| is_w(n, "abstractNum") && n.attribute((W, "abstractNumId")) == Some(abs_id))
            .expect("abstractNum");
        let lvl = abs.children().find(|n| is_w(n, "lvl") && n.attribute((W, "ilvl")) == Some(ilvl)).expect("level");
        assert_eq!(w_child(lvl, "numFmt").and_then(val), Some("bullet"), "{text}");
        let symbol = w_child(lvl, "lvlText").and_then(val).expect("symbol");
        assert_eq!(symbol, if ilvl == "0" { "•" } else { "–" });
        // The symbol stands where clause text starts.
        let ind = w_child(w_child(lvl, "pPr").expect("pPr"), "ind").expect("ind");
        let left: i32 = ind.attribute((W, "left")).and_then(|v| v.parse().ok()).expect("left");
        let hanging: i32 = ind.attribute((W, "hanging")).and_then(|v| v.parse().ok()).expect("hanging");
        let depth: i32 = ilvl.parse().expect("level number");
        assert_eq!(left - hanging, docx::TEXT_INDENT + depth * hanging);
    }
}

#[test]
fn signature_blocks_stay_together() {
    let doc = doc_of(&common::ikpe_landkreis());
    let sigs = doc.blocks.iter().find_map(|b| if let Block::Signatures(s) = b { Some(s) } else { None }).expect("signatures");
    let (_, pkg) = render(&doc);
    let d = xml(pkg.part("word/document.xml"));
    let paras: Vec<Node> = paragraphs(&d).into_iter().filter(|p| style_of(*p).as_deref() == Some("Signature")).collect();
    assert_eq!(paras.len(), sigs.iter().map(|s| 2 + 2 * s.signatories.len()).sum::<usize>());
    let mut i = 0;
    for s in sigs {
        let block = &paras[i..i + 2 + 2 * s.signatories.len()];
        i += block.len();
        // Party in bold, place with a blank date, then line and name per signatory.
        assert_eq!(paragraph_text(block[0]), plain(&s.party));
        assert!(block[0].descendants().filter(|n| is_w(n, "r")).all(|r| w_child(r, "rPr").and_then(|p| w_child(p, "b")).is_some()));
        assert_eq!(paragraph_text(block[1]), format!("{}, den ____________________", plain(&s.place)));
        for (k, name) in s.signatories.iter().enumerate() {
            assert!(paragraph_text(block[2 + 2 * k]).chars().all(|c| c == '_'));
            assert_eq!(paragraph_text(block[3 + 2 * k]), plain(name));
        }
        for (k, p) in block.iter().enumerate() {
            let ppr = w_child(*p, "pPr").expect("pPr");
            assert!(w_child(ppr, "keepLines").is_some());
            assert_eq!(w_child(ppr, "keepNext").is_some(), k + 1 < block.len(), "keepNext on all but the last");
        }
        // Space before each block.
        let spacing = w_child(w_child(block[0], "pPr").expect("pPr"), "spacing").expect("spacing");
        assert!(spacing.attribute((W, "before")).and_then(|v| v.parse::<u32>().ok()).is_some_and(|v| v >= 480));
    }
}

#[test]
fn properties_are_in_schema_order() {
    // Word ignores properties out of sequence; spot-check the orders docx-rs gets wrong.
    let doc = doc_of(&Draft::new(ikpe(), "x", 0.0));
    let (_, pkg) = render(&doc);
    for part in ["word/document.xml", "word/styles.xml", "word/numbering.xml", "word/header1.xml", "word/footer1.xml"] {
        let d = xml(pkg.part(part));
        for n in d.descendants().filter(|n| is_w(n, "pPr") || is_w(n, "rPr") || is_w(n, "style") || is_w(n, "numPr")) {
            let kids: Vec<&str> = n.children().filter(|c| c.is_element()).map(|c| c.tag_name().name()).collect();
            let before = |a: &str, b: &str| match (kids.iter().position(|k| *k == a), kids.iter().position(|k| *k == b)) {
                (Some(x), Some(y)) => x < y,
                _ => true,
            };
            let rules: &[(&str, &str)] = match n.tag_name().name() {
                "pPr" => &[
                    ("pStyle", "keepNext"),
                    ("keepNext", "numPr"),
                    ("numPr", "spacing"),
                    ("spacing", "ind"),
                    ("ind", "jc"),
                    ("jc", "outlineLvl"),
                    ("outlineLvl", "rPr"),
                ],
                "rPr" => &[("rFonts", "b"), ("b", "color"), ("color", "sz"), ("sz", "highlight"), ("highlight", "lang")],
                "style" => &[("name", "basedOn"), ("basedOn", "next"), ("next", "qFormat"), ("qFormat", "pPr"), ("pPr", "rPr")],
                _ => &[("ilvl", "numId")],
            };
            for (a, b) in rules {
                assert!(before(a, b), "{part}: {a} after {b} in {kids:?}");
            }
            if is_w(&n, "pPr") {
                assert!(kids.first().is_none_or(|k| !kids.contains(&"pStyle") || *k == "pStyle"), "{part}: pStyle not first in {kids:?}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Size, determinism, robustness

#[test]
fn complete_agreement_fits_the_budget() {
    let doc = doc_of(&common::ikpe_landkreis());
    let (bytes, _) = render(&doc);
    let draft = docx::render(&doc_of(&Draft::new(ikpe(), "x", 0.0))).expect("renders");
    println!("DOCX size: complete IKPE Landkreis {} bytes, empty draft {} bytes", bytes.len(), draft.len());
    assert!(bytes.len() <= 15 * 1024, "{} bytes", bytes.len());
    assert!(draft.len() <= 15 * 1024, "{} bytes", draft.len());
}

#[test]
fn rendering_is_deterministic_and_takes_a_timestamp() {
    let doc = doc_of(&common::ikpe_landkreis());
    assert_eq!(docx::render(&doc), docx::render(&doc));
    let at = docx::render_at(&doc, "2026-11-22T10:15:00Z").expect("renders");
    assert_eq!(docx::render_at(&doc, "2026-11-22T10:15:00Z").expect("renders"), at);
    let core = Package::open(&at).part("docProps/core.xml").to_string();
    assert!(core.contains(r#"<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-22T10:15:00Z</dcterms:created>"#));
    for bad in ["", "22.11.2026", "2026-11-22", "2026-11-22T10:15:00", "2026-11-22T10:15:00Z<x>"] {
        assert!(
            matches!(docx::render_at(&doc, bad), Err(RenderError(m)) if m.starts_with("DOCX-Export fehlgeschlagen: ungültiger Zeitstempel")),
            "{bad:?} accepted"
        );
    }
    let e = docx::render_at(&doc, "x").expect_err("rejected");
    assert!(e.to_string().contains("Zeitstempel"));
}

#[test]
fn xml_hostile_input_is_escaped_and_cleaned() {
    let mut d = common::ikpe_landkreis();
    d.set_text("kommune_name", "<b>&\"'\u{1}Ost\u{0}\u{b}\u{c}\u{1f}\u{fffe}\u{ffff}</b>");
    d.set_text("vertreter_name", "Eva\tMaria\nMüller & Söhne");
    let doc = doc_of(&d);
    let (_, pkg) = render(&doc);
    for (name, _, text) in &pkg.entries {
        Xml::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            !text.chars().any(|c| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')),
            "{name}: forbidden character"
        );
    }
    let clean = "<b>&\"'Ost</b>";
    let body = texts(pkg.part("word/document.xml")).join("\n");
    assert!(body.contains(&format!("dem Landkreis {clean}")), "{body}");
    assert!(body.contains("Eva Maria\nMüller & Söhne"), "tabs become spaces, line breaks w:br: {body}");
    assert!(texts(pkg.part("word/header1.xml"))[0].ends_with(clean));
    let core = xml(pkg.part("docProps/core.xml"));
    let creator = core.descendants().find(|n| n.tag_name().name() == "creator").and_then(|n| n.text()).expect("creator");
    assert!(creator.ends_with(clean), "{creator}");
    // Escaped, not raw markup.
    assert!(pkg.part("word/document.xml").contains("&lt;b&gt;&amp;"));
}

#[test]
fn clean_keeps_text_and_drops_what_xml_cannot_hold() {
    assert_eq!(docx::clean("Sömmerda – „IKPE“ & <Co> 🙂"), "Sömmerda – „IKPE“ & <Co> 🙂");
    assert_eq!(docx::clean("a\u{0}b\u{8}c\u{b}d\u{1f}e\u{fffe}f\u{ffff}g"), "abcdefg");
    assert_eq!(docx::clean("a\tb\nc\r\nd"), "a b c  d");
}

fn assert_valid_package(bytes: &[u8]) -> Package {
    let pkg = Package::open(bytes);
    assert_eq!(pkg.entries[0].0, "[Content_Types].xml");
    for (name, _, text) in &pkg.entries {
        if let Err(e) = Xml::parse(text) {
            panic!("{name}: {e}");
        }
    }
    pkg
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_field_value_gives_a_valid_package(name in any::<String>(), person in "\\PC{0,40}") {
        let mut d = common::ikpe_landkreis();
        d.set_text("kommune_name", &name);
        d.set_text("vertreter_name", &person);
        let doc = doc_of(&d);
        let bytes = docx::render(&doc).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let pkg = assert_valid_package(&bytes);
        // The visible text is the model's text, cleaned.
        let body = texts(pkg.part("word/document.xml"));
        let mut expected: BTreeMap<String, usize> = BTreeMap::new();
        for b in &doc.blocks {
            if let Block::Clause { number, text, .. } = b {
                expected.insert(format!("{number}\t{}", docx::clean(&plain(text))), 0);
            }
        }
        for p in &body {
            if let Some(n) = expected.get_mut(p) {
                *n += 1;
            }
        }
        prop_assert!(expected.values().all(|n| *n >= 1), "a clause is missing: {:?}", expected);
    }
}

/// The renderer prints the model's wording, never its own: with every fixed text replaced,
/// none of the German originals is left in the package.
#[test]
fn every_fixed_text_comes_from_the_model() {
    let mut doc = doc_of(&Draft::new(ikpe(), "leer", 0.0));
    assert!(doc.draft);
    let w = &mut doc.wording;
    for (field, new) in [
        (&mut w.draft_word, "DW"),
        (&mut w.draft_separator, " SEP "),
        (&mut w.draft_banner, "BANNER"),
        (&mut w.alias_open, "AO<"),
        (&mut w.alias_close, ">AC"),
        (&mut w.date_line, " DATE"),
        (&mut w.signature_line, "SIGNLINE"),
        (&mut w.page_before, "PB "),
        (&mut w.page_between, " PBT "),
    ] {
        *field = new.to_string();
    }
    let (_, pkg) = render(&doc);
    let body = texts(pkg.part("word/document.xml")).join("\n");
    let header = texts(pkg.part("word/header1.xml")).join("\n");
    let footer = texts(pkg.part("word/footer1.xml")).join("\n");
    assert!(body.starts_with("BANNER"), "{body}");
    assert!(body.contains("AO<") && body.contains(">AC"), "{body}");
    assert!(body.contains(" DATE") && body.contains("SIGNLINE"), "{body}");
    assert!(header.starts_with("DW SEP "), "{header}");
    assert!(footer.starts_with("PB ") && footer.contains(" PBT "), "{footer}");
    // The template's own text may say "Seite" or „…“; the renderer's former constants may not.
    for german in ["ENTWURF", "- „", "“ -", "____"] {
        assert!(!body.contains(german), "renderer wording {german:?} left in:\n{body}");
    }
    for german in ["ENTWURF", "Seite", " von "] {
        assert!(!header.contains(german) && !footer.contains(german), "{german:?} left in {header} / {footer}");
    }
}

/// Issue #13 item 8: a line break typed into a multi-line field is a real line break
/// (`w:br`) in the Word file, not a space, and no `w:t` holds a literal newline.
#[test]
fn a_typed_line_break_becomes_a_word_line_break() {
    let soz = common::template("sozialraum");
    let mut draft = common::sozialraum(1, 1, 1);
    draft.set_text("finanzierung", "Erster Mittelgeber.\nZweiter Mittelgeber.\r\nDritter Mittelgeber.");
    let doc = common::report_and_doc(soz, &draft).1;
    let (_, pkg) = render(&doc);
    let d = xml(pkg.part("word/document.xml"));
    let p = paragraphs(&d)
        .into_iter()
        .find(|p| paragraph_text(*p).contains("Erster Mittelgeber."))
        .expect("the paragraph with the funding text");
    // Walk the paragraph in order: text, break, text, break, text.
    let sequence: Vec<String> = p
        .descendants()
        .filter_map(|n| {
            if is_w(&n, "t") {
                n.text().map(str::to_string)
            } else if is_w(&n, "br") {
                Some("<br>".to_string())
            } else {
                None
            }
        })
        .collect();
    let joined = sequence.concat();
    assert!(joined.contains("Erster Mittelgeber.<br>Zweiter Mittelgeber.<br>Dritter Mittelgeber."), "{sequence:?}");
    assert!(d.descendants().filter(|n| is_w(n, "t")).all(|t| !t.text().unwrap_or("").contains(['\n', '\r'])));
}

/// Word writes a theme into every document; without one Microsoft 365 rates the file "at
/// risk". The part must exist, be related from the document part and have its content type.
#[test]
fn the_document_part_has_a_theme() {
    let (_, pkg) = render(&doc_of(&common::ikpe_landkreis()));
    let theme = xml(pkg.part("word/theme/theme1.xml"));
    assert_eq!(theme.root_element().tag_name().name(), "theme");
    let rels = xml(pkg.part("word/_rels/document.xml.rels"));
    assert!(
        rels.descendants()
            .any(|n| n.attribute("Type") == Some("http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme")
                && n.attribute("Target") == Some("theme/theme1.xml"))
    );
    let types = xml(pkg.part("[Content_Types].xml"));
    assert!(types.descendants().any(|n| n.attribute("PartName") == Some("/word/theme/theme1.xml")
        && n.attribute("ContentType") == Some("application/vnd.openxmlformats-officedocument.theme+xml")));
}

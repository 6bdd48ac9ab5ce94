//! The PDF export (issue 23): every draft of the export set renders (krilla validates PDF/UA-1
//! and PDF/A-3a while writing; scripts/test has page-validation, pdfua and outloud judge the
//! kept files), poppler's pdftotext reads the printed paragraphs of the model out of it, every
//! word lies inside the page's margins and no two overlap, and the structure and bookmarks are
//! there.

mod common;

use koop_core::document::{Block, Document, printed};
use koop_core::render::pdf::font::{self, Class};
use koop_core::render::pdf::layout::{HEADER_DISTANCE, MARGIN, PAGE_HEIGHT, PAGE_WIDTH};
use koop_core::render::pdf::lines::RunKind;
use koop_core::render::pdf::typeset::{Owner, layout};
use koop_core::render::pdf::{self, layout as pdf_layout};
use std::path::Path;
use std::process::Command;

fn pdf_of(doc: &Document) -> Vec<u8> {
    pdf::render_with(doc, common::EXPORT_TIME, None).unwrap_or_else(|e| panic!("{e}"))
}

fn poppler(args: &[&str], file: &Path) -> String {
    let out =
        Command::new("pdftotext").args(args).args(["-enc", "UTF-8"]).arg(file).arg("-").output().expect("pdftotext (poppler-utils) runs");
    assert!(out.status.success(), "pdftotext failed on {}: {}", file.display(), String::from_utf8_lossy(&out.stderr));
    // Poppler writes characters beyond the BMP of an `ActualText` as two surrogates (invalid
    // UTF-8); they become U+FFFD here and are compared as such where they matter.
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn every_draft_of_the_export_set_renders_as_pdf() {
    for (name, doc) in common::export_set() {
        let bytes = pdf_of(&doc);
        assert!(bytes.starts_with(b"%PDF-1.7"), "{name}");
        common::keep_export(&format!("{name}.pdf"), &bytes);
    }
}

/// How pdftotext's text and the model's are compared: [`plain_text`], and without soft
/// hyphens (a word broken at a line's end reads as U+00AD; poppler puts that `ActualText` on a
/// line of its own).
fn comparable(text: &str) -> String {
    let n = plain_text(text);
    let mut out = String::with_capacity(n.len());
    let mut chars = n.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{ad}' {
            if out.ends_with(' ') {
                out.pop();
            }
            if chars.peek() == Some(&' ') {
                chars.next();
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `printed::normalized` without what poppler reorders or adds: characters of right-to-left
/// scripts (poppler turns what it takes for visual order around; the PDF's `ActualText` holds
/// them in logical order) and the bidi marks it puts around them. Soft hyphens are kept here: a
/// word broken over two pages reads whole only once the pages are joined.
fn plain_text(text: &str) -> String {
    let bidi = |c: char| matches!(c as u32, 0x202A..=0x202E | 0x2066..=0x2069 | 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFE | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF);
    printed::normalized(&text.chars().filter(|c| !bidi(*c)).collect::<String>())
}

/// The paragraphs as the PDF prints them: the model's printed paragraphs, with the bullet of a
/// list item in front (the DOCX and ODT draw it from their numbering, the PDF as its `Lbl`).
fn expected_text(doc: &Document) -> String {
    let paragraphs: Vec<String> = printed::paragraphs(doc).into_iter().map(|p| p.text).collect();
    let mut labels: Vec<Option<&str>> = Vec::new();
    if doc.draft {
        labels.push(None);
    }
    for b in &doc.blocks {
        let n = match b {
            Block::Party { lines, alias } => lines.len() + usize::from(alias.is_some()),
            Block::Bullets(items) => {
                labels.extend(items.iter().map(|i| Some(pdf_layout::BULLET_SYMBOLS[usize::from(i.level).min(2)])));
                continue;
            }
            Block::Contacts(items) => items.len(),
            Block::Signatures(sigs) => sigs.iter().map(|s| 2 + 2 * s.signatories.len()).sum(),
            _ => 1,
        };
        labels.extend(std::iter::repeat_n(None, n));
    }
    assert_eq!(labels.len(), paragraphs.len(), "one label slot per printed paragraph");
    let all: Vec<String> = paragraphs.iter().zip(labels).map(|(p, l)| l.map_or_else(|| p.clone(), |l| format!("{l} {p}"))).collect();
    comparable(&all.join("\n"))
}

/// pdftotext in content order (`-raw`: the PDF draws in reading order), each page's header and
/// footer (drawn last, as the typesetter set them) checked and taken off.
fn body_text(doc: &Document, file: &Path) -> String {
    let text = poppler(&["-raw"], file);
    let layout = layout(doc);
    let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    assert_eq!(pages.len(), layout.pages.len(), "{}: one text page per page", file.display());
    let mut body = Vec::new();
    for (i, (page, set)) in pages.iter().zip(&layout.pages).enumerate() {
        // Artifacts carry no `ActualText`: a character the font lacks reads as the box drawn.
        let artifact = |owner: Owner| -> String {
            let m = koop_core::render::pdf::font::metrics;
            let text: String = set
                .runs
                .iter()
                .filter(|r| r.owner == owner)
                .flat_map(|r| {
                    let drawn: Vec<char> = match r.kind {
                        RunKind::Hyphen => vec!['\u{ad}'],
                        _ => r.text.chars().map(|c| if m(r.face).class(c) == Class::Foreign { font::BOX } else { c }).collect(),
                    };
                    drawn
                })
                .collect();
            text
        };
        let mut page = plain_text(page);
        for (what, owner) in [("footer", Owner::Footer), ("header", Owner::Header)] {
            let a = plain_text(&artifact(owner));
            assert!(!a.is_empty() || owner == Owner::Header, "page {} has a {what}", i + 1);
            assert!(
                page.ends_with(&a),
                "{}: page {} ends with its {what} {a:?}: …{:?}",
                file.display(),
                i + 1,
                page.chars().rev().take(120).collect::<String>().chars().rev().collect::<String>()
            );
            page.truncate(page.len() - a.len());
            page = page.trim_end().to_string();
        }
        body.push(page);
    }
    comparable(&body.join(" "))
}

/// pdftotext of every fixture's and hostile draft's PDF is the text of the model.
#[test]
fn pdftotext_reads_the_printed_paragraphs() {
    let d = common::scratch_dir("pdf-text");
    for (name, doc) in common::export_set() {
        let file = d.join(format!("{name}.pdf"));
        std::fs::write(&file, pdf_of(&doc)).expect("write");
        let (read, expected) = (body_text(&doc, &file), expected_text(&doc));
        if read != expected {
            let at = read.chars().zip(expected.chars()).take_while(|(a, b)| a == b).count();
            let around = |s: &str| s.chars().skip(at.saturating_sub(60)).take(140).collect::<String>();
            panic!(
                "{name}: pdftotext differs from the model at character {at}:\n PDF:   {:?}\n model: {:?}",
                around(&read),
                around(&expected)
            );
        }
        assert!(read.len() > 1000 || name.contains("leer") || name.starts_with("feindlich"), "{name}: text extracted");
    }
    let _ = std::fs::remove_dir_all(&d);
}

/// A word as pdftotext -bbox places it.
#[derive(Debug)]
struct Word {
    page: usize,
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
}

fn words(file: &Path) -> Vec<Word> {
    let html = poppler(&["-bbox"], file);
    let attr = |tag: &str, name: &str| -> f32 {
        let at = tag.find(&format!("{name}=\"")).map(|i| i + name.len() + 2).expect("attribute");
        tag[at..].split('"').next().and_then(|v| v.parse().ok()).expect("number")
    };
    let mut out = Vec::new();
    let mut page = 0;
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            page += 1;
        } else if let Some(rest) = line.strip_prefix("<word ") {
            let (tag, _) = rest.split_once('>').expect("word tag");
            out.push(Word { page, x0: attr(tag, "xMin"), y0: attr(tag, "yMin"), x1: attr(tag, "xMax"), y1: attr(tag, "yMax") });
        }
    }
    out
}

/// No word is cut off or overlaps: every word pdftotext finds lies inside the page's margins
/// (the body between the margins, header and footer in their bands), and no two words on a
/// page share any area. Words in `ActualText` (characters the font lacks, soft hyphens) come
/// out of poppler without a size and at a wrong height; for them the left edge is checked.
#[test]
fn every_text_run_lies_inside_the_page_margins() {
    let d = common::scratch_dir("pdf-margins");
    const SLACK: f32 = 0.5;
    for (name, doc) in common::export_set() {
        let file = d.join(format!("{name}.pdf"));
        std::fs::write(&file, pdf_of(&doc)).expect("write");
        let ws = words(&file);
        assert!(!ws.is_empty(), "{name}: words found");
        for w in &ws {
            assert!(w.x0 >= MARGIN - SLACK && w.x0 <= PAGE_WIDTH - MARGIN + SLACK, "{name}: {w:?} left of the margin or beyond");
            if w.y1 - w.y0 < 0.5 {
                continue;
            }
            assert!(w.x1 <= PAGE_WIDTH - MARGIN + SLACK, "{name}: {w:?} runs past the right margin");
            let header = w.y1 <= MARGIN + SLACK && w.y0 >= HEADER_DISTANCE - SLACK;
            let footer = w.y0 >= PAGE_HEIGHT - MARGIN - SLACK && w.y1 <= PAGE_HEIGHT - HEADER_DISTANCE + SLACK;
            let body = w.y0 >= MARGIN - SLACK && w.y1 <= PAGE_HEIGHT - MARGIN + SLACK;
            assert!(header || footer || body, "{name}: {w:?} outside the body, header and footer");
        }
        let sized: Vec<&Word> = ws.iter().filter(|w| w.y1 - w.y0 >= 0.5).collect();
        for (i, a) in sized.iter().enumerate() {
            for b in sized[i + 1..].iter().take_while(|b| b.page == a.page) {
                let overlap_x = a.x1.min(b.x1) - a.x0.max(b.x0);
                let overlap_y = a.y1.min(b.y1) - a.y0.max(b.y0);
                assert!(overlap_x <= SLACK || overlap_y <= SLACK, "{name}: {a:?} and {b:?} overlap");
            }
        }
    }
    let _ = std::fs::remove_dir_all(&d);
}

/// The typesetter itself keeps every run, also those poppler cannot place, inside the margins,
/// gives each page its footer, and keeps each signature block on one page.
#[test]
fn the_typesetter_keeps_runs_inside_and_signature_blocks_together() {
    for (name, doc) in common::export_set() {
        let l = layout(&doc);
        let n = l.pages.len();
        for (i, page) in l.pages.iter().enumerate() {
            for r in &page.runs {
                assert!(
                    r.x >= MARGIN - 0.01 && r.x + r.width <= PAGE_WIDTH - MARGIN + 0.01 + if r.text.ends_with(' ') { 4.0 } else { 0.0 },
                    "{name}: {r:?}"
                );
            }
            let footer: Vec<&str> = page.runs.iter().filter(|r| r.owner == Owner::Footer).map(|r| r.text.as_str()).collect();
            assert_eq!(footer, vec![format!("Seite {} von {n}", i + 1)], "{name}");
            let header: String = page.runs.iter().filter(|r| r.owner == Owner::Header).map(|r| r.text.as_str()).collect();
            assert_eq!(header.starts_with(&doc.wording.draft_word), doc.draft, "{name}: ENTWURF in the header of a draft only");
        }
        // Every signature block on one page.
        let signatures: usize = doc.blocks.iter().map(|b| if let Block::Signatures(s) = b { s.len() } else { 0 }).sum();
        assert_eq!(l.kept_together.len(), signatures, "{name}: signature blocks");
        for (first, last) in &l.kept_together {
            assert_eq!(first, last, "{name}: a signature block split over pages");
        }
        // Content between the margins, top and bottom too.
        for page in &l.pages {
            for r in page.runs.iter().filter(|r| matches!(r.owner, Owner::Content(_))) {
                let m = font::metrics(r.face);
                assert!(r.baseline - m.ascent * r.size >= MARGIN - 0.01, "{name}: {r:?} above the body");
                assert!(r.baseline + m.descent * r.size <= PAGE_HEIGHT - MARGIN + 0.01, "{name}: {r:?} below the body");
            }
        }
        // A bookmark for every heading and clause.
        let numbered = doc.blocks.iter().filter(|b| matches!(b, Block::Clause { .. } | Block::Heading { .. })).count();
        assert_eq!(l.marks.len(), numbered, "{name}: bookmarks");
    }
}

#[test]
fn a_bad_timestamp_is_a_message_not_a_panic() {
    let (_, doc) = common::export_set().remove(0);
    assert!(pdf::render_with(&doc, "gestern", None).expect_err("refused").to_string().contains("Zeitstempel"));
}

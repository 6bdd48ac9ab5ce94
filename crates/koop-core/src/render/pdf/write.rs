//! The typeset pages as a tagged PDF (krilla): PDF/UA-1 and PDF/A-3a, both validated by krilla
//! while it writes. Each run of text is one marked-content sequence under its structure element;
//! header, footer and highlights are artifacts. Title, subject, author and language go into the
//! metadata (the viewer shows the title), every heading and clause gets a bookmark, and the
//! draft record rides along as the associated file the PDF was made from.

use super::font::{self, BOX, Class, Face, SOFT_HYPHEN, metrics};
use super::lines::RunKind;
use super::typeset::{Layout, Mark, Owner, Run};
use super::{DRAFT_FILE, PdfError, blocks};
use crate::document::Document;
use krilla::color::rgb;
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::embed::{AssociationKind, EmbeddedFile, MimeType};
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, Identifier, Node, SpanTag, Tag, TagGroup, TagTree};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document as Pdf, SerializeSettings};
use std::num::NonZeroU16;
use std::sync::Arc;

fn krilla_font(face: Face) -> Result<Font, PdfError> {
    Font::new(Arc::new(font::bytes(face).to_vec()).into(), 0).ok_or_else(|| PdfError("Schrift nicht lesbar".into()))
}

/// "2026-11-22T10:00:00Z" (checked by the caller) as a PDF date.
fn date(timestamp: &str) -> DateTime {
    let n = |from: usize, to: usize| timestamp.get(from..to).and_then(|s| s.parse::<u16>().ok()).unwrap_or(0);
    DateTime::new(n(0, 4))
        .month(n(5, 7) as u8)
        .day(n(8, 10) as u8)
        .hour(n(11, 13) as u8)
        .minute(n(14, 16) as u8)
        .second(n(17, 19) as u8)
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

/// The glyphs of a run and the text they are drawn with: a character the font lacks is drawn
/// as the box (its text, the run's `ActualText`, says what it is).
fn glyphs(run: &Run) -> (Vec<KrillaGlyph>, String) {
    let m = metrics(run.face);
    let mut drawn = String::with_capacity(run.text.len());
    let mut out = Vec::new();
    for c in run.text.chars() {
        let (shown, glyph) = match m.class(c) {
            Class::Glyph(g) => (c, g),
            Class::Space => (' ', m.glyph(' ').unwrap_or(0)),
            Class::Foreign => (BOX, m.glyph(BOX).unwrap_or(0)),
            Class::Break | Class::Drop => continue,
        };
        let start = drawn.len();
        drawn.push(shown);
        out.push(KrillaGlyph::new(GlyphId::new(u32::from(glyph)), m.advance(glyph), 0.0, 0.0, 0.0, start..drawn.len(), None));
    }
    (out, drawn)
}

/// Draws a run and the runs joined to it (`joined`) as one marked-content sequence.
fn draw_runs(surface: &mut Surface<'_>, fonts: &[Font; 2], run: &Run, joined: &[Run]) -> Identifier {
    let runs = std::iter::once(run).chain(joined);
    let actual = match run.kind {
        RunKind::Text => None,
        RunKind::Foreign => Some(runs.clone().map(|r| r.text.as_str()).collect::<String>()),
        RunKind::Hyphen => Some(SOFT_HYPHEN.to_string()),
    };
    let tag = match run.owner {
        Owner::Content(_) => ContentTag::Span(SpanTag::empty().with_actual_text(actual.as_deref())),
        Owner::Header => ContentTag::Artifact(Artifact::with_kind(ArtifactType::Header)),
        Owner::Footer => ContentTag::Artifact(Artifact::with_kind(ArtifactType::Footer)),
    };
    let id = surface.start_tagged(tag);
    for run in runs {
        let [r, g, b] = run.color;
        surface.set_fill(Some(Fill { paint: rgb::Color::new(r, g, b).into(), ..Fill::default() }));
        let (glyphs, drawn) = glyphs(run);
        let font = fonts[usize::from(run.face == Face::Bold)].clone();
        surface.draw_glyphs(Point::from_xy(run.x, run.baseline), &glyphs, font, &drawn, run.size, false);
    }
    surface.end_tagged();
    id
}

/// The structure tree: elements with their runs' marked content, in reading order.
fn tree(layout: &Layout, ids: &[Vec<Option<Identifier>>], language: &str) -> TagTree {
    fn group(layout: &Layout, ids: &[Vec<Option<Identifier>>], e: usize) -> TagGroup {
        let element = &layout.elements[e];
        let tag: krilla::tagging::TagKind = match &element.kind {
            blocks::Kind::H(level, title) => Tag::Hn(NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN), Some(title.clone())).into(),
            blocks::Kind::P => Tag::P.into(),
            blocks::Kind::L => Tag::L(krilla::tagging::ListNumbering::Disc).into(),
            blocks::Kind::LI => Tag::LI.into(),
            blocks::Kind::Lbl => Tag::Lbl.into(),
            blocks::Kind::LBody => Tag::LBody.into(),
        };
        let mut g = TagGroup::new(tag);
        for child in &element.children {
            match child {
                blocks::Child::Element(c) => g.push(group(layout, ids, *c)),
                blocks::Child::Run(page, run) => {
                    if let Some(id) = ids.get(*page).and_then(|p| p.get(*run)).copied().flatten() {
                        g.push(Node::Leaf(id));
                    }
                }
            }
        }
        g
    }
    let mut tree = TagTree::new().with_lang(Some(language.to_string()));
    for root in &layout.roots {
        let g = group(layout, ids, *root);
        // An element without content (an empty paragraph) would be an empty tag.
        if !g.children.is_empty() {
            tree.push(g);
        }
    }
    tree
}

/// Bookmarks nested by level (a clause under its section or subsection).
fn outline(marks: &[Mark]) -> Outline {
    fn node(m: &Mark) -> OutlineNode {
        OutlineNode::new(m.title.clone(), XyzDestination::new(m.page, Point::from_xy(0.0, m.y)))
    }
    // (level, node) of the open path.
    let mut stack: Vec<(usize, OutlineNode)> = Vec::new();
    let mut outline = Outline::new();
    fn close(stack: &mut Vec<(usize, OutlineNode)>, outline: &mut Outline, down_to: usize) {
        while stack.last().is_some_and(|(l, _)| *l >= down_to) {
            if let Some((_, n)) = stack.pop() {
                match stack.last_mut() {
                    Some((_, parent)) => parent.push_child(n),
                    None => outline.push_child(n),
                }
            }
        }
    }
    for m in marks {
        close(&mut stack, &mut outline, m.level);
        stack.push((m.level, node(m)));
    }
    close(&mut stack, &mut outline, 0);
    outline
}

pub fn write(doc: &Document, layout: &Layout, timestamp: &str, draft: Option<&str>) -> Result<Vec<u8>, PdfError> {
    let config = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A3_A)
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| PdfError(format!("{e:?}")))?;
    let mut pdf = Pdf::new_with(SerializeSettings { configuration: config, ..SerializeSettings::default() });
    let fonts = [krilla_font(Face::Regular)?, krilla_font(Face::Bold)?];
    let mut ids: Vec<Vec<Option<Identifier>>> = Vec::with_capacity(layout.pages.len());
    for page in &layout.pages {
        let settings =
            PageSettings::from_wh(super::layout::PAGE_WIDTH, super::layout::PAGE_HEIGHT).ok_or_else(|| PdfError("Seitengröße".into()))?;
        let mut p = pdf.start_page_with(settings);
        let mut surface = p.surface();
        if !page.highlights.is_empty() {
            surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)));
            let [r, g, b] = super::layout::HIGHLIGHT;
            surface.set_fill(Some(Fill { paint: rgb::Color::new(r, g, b).into(), ..Fill::default() }));
            let mut path = PathBuilder::new();
            for h in &page.highlights {
                if let Some(rect) = Rect::from_xywh(h.x, h.y, h.width.max(0.1), h.height) {
                    path.push_rect(rect);
                }
            }
            if let Some(path) = path.finish() {
                surface.draw_path(&path);
            }
            surface.end_tagged();
        }
        let mut page_ids: Vec<Option<Identifier>> = vec![None; page.runs.len()];
        let mut i = 0;
        while i < page.runs.len() {
            let n = 1 + page.runs[i + 1..].iter().take_while(|r| r.joined).count();
            let id = draw_runs(&mut surface, &fonts, &page.runs[i], &page.runs[i + 1..i + n]);
            if matches!(page.runs[i].owner, Owner::Content(_)) {
                page_ids[i] = Some(id);
            }
            i += n;
        }
        ids.push(page_ids);
        surface.finish();
        p.finish();
    }
    pdf.set_tag_tree(tree(layout, &ids, &doc.meta.language));
    pdf.set_outline(outline(&layout.marks));
    let when = date(timestamp);
    // The metadata is also written as XMP (XML): without the characters XML cannot hold.
    let xml = crate::render::docx::clean;
    let mut meta = Metadata::new()
        .title(xml(&doc.meta.title))
        .language(xml(&doc.meta.language))
        .creation_date(when)
        .creator("Koop-Assistent".into())
        .producer("Koop-Assistent (krilla)".into());
    if !doc.meta.subject.is_empty() {
        meta = meta.description(xml(&doc.meta.subject));
    }
    if !doc.meta.author.is_empty() {
        meta = meta.authors(vec![xml(&doc.meta.author)]);
    }
    pdf.set_metadata(meta);
    if let Some(record) = draft {
        pdf.embed_file(EmbeddedFile {
            path: DRAFT_FILE.into(),
            mime_type: MimeType::new("application/json"),
            description: Some("Entwurf des Koop-Assistenten: die Angaben, aus denen diese Vereinbarung erstellt wurde".into()),
            association_kind: AssociationKind::Source,
            data: Arc::new(record.as_bytes().to_vec()).into(),
            modification_date: Some(when),
            compress: Some(true),
            location: None,
        })
        .ok_or_else(|| PdfError("Entwurf doppelt angehängt".into()))?;
    }
    pdf.finish().map_err(|e| PdfError(format!("{e:?}")))
}

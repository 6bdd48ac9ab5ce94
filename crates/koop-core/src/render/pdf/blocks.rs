//! The document's blocks as paragraphs to set, each with its place in the structure (the tags
//! of the PDF: H1–H3, P, L/LI/Lbl/LBody) and its bookmark. The same blocks and wording as the
//! DOCX and ODT (`render/docx/body.rs`): what is printed is `document::printed::paragraphs`.

use super::font::Face;
use super::layout::*;
use super::lines::Piece;
use crate::document::{Block, Bullet, Document, Inline, Signature, Wording, plain};
use crate::template::ParagraphStyle;

/// A structure element of the PDF.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A heading of this level with its text (the title is H1, sections H2, subsections H3).
    H(u16, String),
    P,
    L,
    LI,
    Lbl,
    LBody,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Child {
    Element(usize),
    /// A run of text on a page, by page and index in its runs.
    Run(usize, usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub kind: Kind,
    pub children: Vec<Child>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
}

/// The number or bullet in front of a paragraph's first line.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// With the space after it (a word boundary in the text).
    pub text: String,
    pub face: Face,
    /// From the left margin.
    pub x: f32,
    /// The element it belongs to (the paragraph's own, or a list item's Lbl).
    pub element: usize,
}

/// A paragraph to set.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub pieces: Vec<Piece>,
    pub size: f32,
    pub align: Align,
    /// Left edge of the text from the margin, on every line (hanging indents: the label stands
    /// left of it).
    pub indent: f32,
    pub label: Option<Label>,
    pub spacing: Spacing,
    /// Stays on the page of the next paragraph (headings, the lines of a signature block).
    pub keep_next: bool,
    /// Its lines are not split over two pages.
    pub keep_lines: bool,
    pub element: usize,
    /// Bookmark: level and title.
    pub mark: Option<(usize, String)>,
}

/// The paragraphs, the structure elements (`roots` in reading order) they fill.
#[derive(Debug, Default)]
pub struct Plan {
    pub paras: Vec<Para>,
    pub elements: Vec<Element>,
    pub roots: Vec<usize>,
}

impl Plan {
    fn element(&mut self, kind: Kind, parent: Option<usize>) -> usize {
        let id = self.elements.len();
        self.elements.push(Element { kind, children: Vec::new() });
        match parent {
            Some(p) => self.elements[p].children.push(Child::Element(id)),
            None => self.roots.push(id),
        }
        id
    }
}

fn pieces(text: &[Inline], face: Face, color: [u8; 3]) -> Vec<Piece> {
    text.iter()
        .map(|i| match i {
            Inline::Text(t) => Piece { text: t.clone(), face, color, highlight: false },
            Inline::Gap { text, .. } => Piece { text: text.clone(), face, color, highlight: true },
        })
        .collect()
}

fn text(s: &str, face: Face, color: [u8; 3]) -> Vec<Piece> {
    vec![Piece { text: s.to_string(), face, color, highlight: false }]
}

fn para(pieces: Vec<Piece>, element: usize) -> Para {
    Para {
        pieces,
        size: BODY_SIZE,
        align: Align::Left,
        indent: 0.0,
        label: None,
        spacing: BODY_SPACING,
        keep_next: false,
        keep_lines: false,
        element,
        mark: None,
    }
}

/// A bookmark's title: the number and the start of the text.
fn bookmark(number: Option<&str>, text: &[Inline]) -> String {
    let text = plain(text);
    let words: String = crate::document::printed::normalized(&text);
    let mut title = match number {
        Some(n) => format!("{n} {words}"),
        None => words,
    };
    if title.chars().count() > BOOKMARK_CHARS {
        title = title.chars().take(BOOKMARK_CHARS - 1).collect::<String>().trim_end().to_string() + "…";
    }
    title
}

/// The paragraphs of the document, in reading order.
pub fn plan(doc: &Document) -> Plan {
    let mut p = Plan::default();
    let w = &doc.wording;
    if doc.draft {
        let e = p.element(Kind::P, None);
        let mut d = para(text(&w.draft_banner, Face::Bold, RED), e);
        (d.size, d.align, d.spacing) = (DRAFT_SIZE, Align::Center, DRAFT_SPACING);
        p.paras.push(d);
    }
    for b in &doc.blocks {
        block(&mut p, b, w);
    }
    p
}

fn block(p: &mut Plan, b: &Block, w: &Wording) {
    match b {
        Block::Title(t) => {
            let e = p.element(Kind::H(1, plain(t)), None);
            let mut d = para(pieces(t, Face::Bold, BLACK), e);
            (d.size, d.align, d.spacing, d.keep_next) = (TITLE_SIZE, Align::Center, TITLE_SPACING, true);
            p.paras.push(d);
        }
        Block::Subtitle(t) => {
            let e = p.element(Kind::P, None);
            let mut d = para(pieces(t, Face::Regular, BLACK), e);
            (d.size, d.align, d.spacing) = (SUBTITLE_SIZE, Align::Center, SUBTITLE_SPACING);
            p.paras.push(d);
        }
        Block::Party { lines, alias } => {
            for l in lines {
                let e = p.element(Kind::P, None);
                let mut d = para(pieces(l, Face::Regular, BLACK), e);
                (d.align, d.spacing) = (Align::Center, PARTY_SPACING);
                p.paras.push(d);
            }
            if let Some(a) = alias {
                let e = p.element(Kind::P, None);
                let mut all = text(&w.alias_open, Face::Regular, BLACK);
                all.extend(pieces(a, Face::Regular, BLACK));
                all.extend(text(&w.alias_close, Face::Regular, BLACK));
                let mut d = para(all, e);
                (d.align, d.spacing) = (Align::Center, ALIAS_SPACING);
                p.paras.push(d);
            }
        }
        Block::Paragraph { style, text: t } => {
            let e = p.element(Kind::P, None);
            let mut d = para(pieces(t, Face::Regular, BLACK), e);
            match style {
                ParagraphStyle::Body => {}
                ParagraphStyle::Indented => d.indent = TEXT_INDENT,
                ParagraphStyle::Center => d.align = Align::Center,
            }
            p.paras.push(d);
        }
        Block::Heading { level, number, text: t, .. } => {
            let numbered = number.is_some();
            let level_pdf = if *level <= 1 || !numbered { 2 } else { 3 };
            let title = bookmark(number.as_deref(), t);
            let e = p.element(Kind::H(level_pdf, title.clone()), None);
            let mut d = para(pieces(t, Face::Bold, BLACK), e);
            (d.size, d.spacing) = if *level <= 1 { (HEADING1_SIZE, HEADING1_SPACING) } else { (BODY_SIZE, HEADING2_SPACING) };
            d.keep_next = true;
            d.keep_lines = true;
            if let Some(n) = number {
                d.indent = TEXT_INDENT;
                d.label = Some(Label { text: format!("{n} "), face: Face::Bold, x: 0.0, element: e });
            }
            d.mark = Some((if *level <= 1 || !numbered { 0 } else { 1 }, title));
            p.paras.push(d);
        }
        Block::Clause { number, text: t, .. } => {
            let e = p.element(Kind::P, None);
            let mut d = para(pieces(t, Face::Regular, BLACK), e);
            d.indent = TEXT_INDENT;
            d.label = Some(Label { text: format!("{number} "), face: Face::Regular, x: 0.0, element: e });
            // Clauses nest under the subsection they belong to ("1.2.3") or the section ("1.2").
            d.mark = Some((number.matches('.').count().clamp(1, 2), bookmark(Some(number), t)));
            p.paras.push(d);
        }
        Block::Bullets(items) => bullets(p, items),
        Block::Contacts(items) => {
            for t in items {
                let e = p.element(Kind::P, None);
                let mut d = para(pieces(t, Face::Regular, BLACK), e);
                (d.indent, d.spacing) = (TEXT_INDENT, LIST_SPACING);
                p.paras.push(d);
            }
        }
        Block::Signatures(sigs) => sigs.iter().for_each(|s| signature(p, s, w)),
    }
}

/// A list, nested by level: an item of a deeper level goes into a list inside the body of the
/// item before it.
fn bullets(p: &mut Plan, items: &[Bullet]) {
    // The open lists, innermost last: (level, list element, last item's body).
    let mut open: Vec<(u8, usize, Option<usize>)> = Vec::new();
    for b in items {
        let level = b.level.min(BULLET_SYMBOLS.len() as u8 - 1);
        while open.last().is_some_and(|(l, _, _)| *l > level) {
            open.pop();
        }
        if open.last().is_none_or(|(l, _, _)| *l < level) {
            let parent = open.last().and_then(|(_, _, body)| *body);
            let list = p.element(Kind::L, parent);
            open.push((level, list, None));
        }
        let Some((_, list, body)) = open.last_mut() else { continue };
        let li = p.element(Kind::LI, Some(*list));
        let lbl = p.element(Kind::Lbl, Some(li));
        let lbody = p.element(Kind::LBody, Some(li));
        *body = Some(lbody);
        let left = TEXT_INDENT + BULLET_HANG * (f32::from(level) + 1.0);
        let mut d = para(pieces(&b.text, Face::Regular, BLACK), lbody);
        (d.indent, d.spacing) = (left, LIST_SPACING);
        let symbol = BULLET_SYMBOLS[usize::from(level)];
        d.label = Some(Label { text: format!("{symbol} "), face: Face::Regular, x: left - BULLET_HANG, element: lbl });
        p.paras.push(d);
    }
}

/// One signature block, kept on one page: party, place and blank date, a line and the printed
/// name per signatory.
fn signature(p: &mut Plan, s: &Signature, w: &Wording) {
    let mut block = Vec::new();
    let e = p.element(Kind::P, None);
    let mut d = para(pieces(&s.party, Face::Bold, BLACK), e);
    d.spacing = Spacing { before: SIGNATURE_PARTY_BEFORE, after: 0.0 };
    block.push(d);
    let e = p.element(Kind::P, None);
    let mut place = pieces(&s.place, Face::Regular, BLACK);
    place.extend(text(&w.date_line, Face::Regular, BLACK));
    let mut d = para(place, e);
    d.spacing = Spacing { before: SIGNATURE_PLACE_BEFORE, after: 0.0 };
    block.push(d);
    for name in &s.signatories {
        let e = p.element(Kind::P, None);
        let mut d = para(text(&w.signature_line, Face::Regular, BLACK), e);
        d.spacing = Spacing { before: SIGNATURE_LINE_BEFORE, after: 0.0 };
        block.push(d);
        let e = p.element(Kind::P, None);
        let mut d = para(pieces(name, Face::Regular, BLACK), e);
        d.spacing = PARTY_SPACING;
        block.push(d);
    }
    let last = block.len() - 1;
    for (i, mut d) in block.into_iter().enumerate() {
        d.keep_lines = true;
        d.keep_next = i < last;
        p.paras.push(d);
    }
}

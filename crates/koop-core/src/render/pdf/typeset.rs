//! The typesetter: the planned paragraphs (`blocks`) broken into lines (`lines`) and set on A4
//! pages. Headings stay with the paragraph after them, a paragraph does not leave a single line
//! at the foot or the head of a page, each signature block stays on one page, and every page
//! gets its header (with "ENTWURF" for an incomplete draft) and its "Seite X von Y" footer, both
//! artifacts. Pure: the writer (`write`) maps the result to PDF.

use super::blocks::{Align, Child, Element, Para, plan};
use super::font::{Face, metrics};
use super::layout::*;
use super::lines::{Line, Piece, RunKind, break_lines};
use crate::document::Document;

/// Who a run belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// A structure element (index into `Layout::elements`).
    Content(usize),
    Header,
    Footer,
}

/// Text set at a place of a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub x: f32,
    /// From the page's top edge.
    pub baseline: f32,
    pub face: Face,
    pub size: f32,
    pub color: [u8; 3],
    pub text: String,
    pub kind: RunKind,
    pub width: f32,
    /// Drawn inside the `ActualText` of the run before (one word the font cannot show whole).
    pub joined: bool,
    pub owner: Owner,
}

/// A highlighted area (a gap of the draft), behind its text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// Content in reading order, then header and footer.
    pub runs: Vec<Run>,
    pub highlights: Vec<Rect>,
}

/// A bookmark.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub level: usize,
    pub title: String,
    pub page: usize,
    pub y: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub pages: Vec<Page>,
    pub elements: Vec<Element>,
    pub roots: Vec<usize>,
    pub marks: Vec<Mark>,
    /// The first and last page of each block kept together (the signature blocks).
    pub kept_together: Vec<(usize, usize)>,
}

const TOP: f32 = MARGIN;
const BOTTOM: f32 = PAGE_HEIGHT - MARGIN;

/// A paragraph broken into lines.
struct Set {
    para: Para,
    lines: Vec<Line>,
    line_height: f32,
}

impl Set {
    fn height(&self, lines: usize) -> f32 {
        self.line_height * lines as f32
    }
}

fn set(para: Para) -> Set {
    let label_width = para.label.as_ref().map_or(0.0, |l| metrics(l.face).text_width(&l.text, para.size));
    let width = TEXT_WIDTH - para.indent;
    // A label wider than its hanging indent pushes the first line's text to the right.
    let first = para.label.as_ref().map_or(width, |l| width - (l.x + label_width - para.indent).max(0.0));
    let lines = break_lines(&para.pieces, para.size, first, width);
    let line_height = para.size * LINE_FACTOR;
    Set { para, lines, line_height }
}

struct Pager {
    pages: Vec<Page>,
    elements: Vec<Element>,
    marks: Vec<Mark>,
    y: f32,
}

impl Pager {
    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = TOP;
    }

    fn at_top(&self) -> bool {
        self.y <= TOP
    }

    fn push_run(&mut self, run: Run) {
        let page = self.pages.len() - 1;
        if let Owner::Content(e) = run.owner {
            let index = self.pages[page].runs.len();
            self.elements[e].children.push(Child::Run(page, index));
        }
        self.pages[page].runs.push(run);
    }

    /// Sets one line at the current height.
    fn line(&mut self, s: &Set, i: usize) {
        let p = &s.para;
        let line = &s.lines[i];
        let m = metrics(p.pieces.first().map_or(Face::Regular, |x| x.face));
        let baseline = self.y + m.ascent * p.size;
        let mut x = MARGIN + p.indent;
        if i == 0
            && let Some(l) = &p.label
        {
            let lx = MARGIN + l.x;
            let width = metrics(l.face).text_width(&l.text, p.size);
            self.push_run(Run {
                x: lx,
                baseline,
                face: l.face,
                size: p.size,
                color: p.pieces.first().map_or(BLACK, |x| x.color),
                text: l.text.clone(),
                kind: RunKind::Text,
                width,
                joined: false,
                owner: Owner::Content(l.element),
            });
            x = x.max(lx + width);
        }
        if p.align == Align::Center {
            x = MARGIN + p.indent + ((TEXT_WIDTH - p.indent) - line.width).max(0.0) / 2.0;
        }
        for r in &line.runs {
            let piece: &Piece = &p.pieces[r.piece];
            let run_x = x + r.dx;
            if piece.highlight && r.kind != RunKind::Hyphen {
                let m = metrics(piece.face);
                let page = self.pages.len() - 1;
                self.pages[page].highlights.push(Rect {
                    x: run_x,
                    y: baseline - m.ascent * p.size,
                    width: r.width,
                    height: (m.ascent + m.descent) * p.size,
                });
            }
            self.push_run(Run {
                x: run_x,
                baseline,
                face: piece.face,
                size: p.size,
                color: piece.color,
                text: r.text.clone(),
                kind: r.kind,
                width: r.width,
                joined: r.joined,
                owner: Owner::Content(p.element),
            });
        }
        self.y += s.line_height;
    }

    fn para(&mut self, s: &Set) {
        if !self.at_top() {
            self.y += s.para.spacing.before;
        }
        let n = s.lines.len();
        if let Some((level, title)) = &s.para.mark {
            // Orphan control below may move the first line: mark where it will stand.
            let moves = n >= 2 && self.y + s.height(2) > BOTTOM && !self.at_top();
            let (page, y) = if moves { (self.pages.len(), TOP) } else { (self.pages.len() - 1, self.y) };
            self.marks.push(Mark { level: *level, title: title.clone(), page, y });
        }
        for i in 0..n {
            let fits = |lines: usize, pager: &Pager| pager.y + s.height(lines) <= BOTTOM;
            let need_new = if !fits(1, self) {
                true
            } else if i == 0 && n >= 2 && !s.para.keep_lines {
                // No single first line at the foot of a page.
                !fits(2, self)
            } else {
                // No single last line at the head of the next page.
                n >= 4 && i == n - 2 && !fits(2, self)
            };
            if need_new && !self.at_top() {
                self.new_page();
            }
            self.line(s, i);
        }
        self.y += s.para.spacing.after;
    }
}

/// The height a chain of paragraphs kept together needs on one page: all of each but the
/// last, and of the last the lines it keeps together (two, or all with `keep_lines`).
fn chain_height(chain: &[Set]) -> f32 {
    let mut h = 0.0;
    for (i, s) in chain.iter().enumerate() {
        let last = i == chain.len() - 1;
        let lines = if last && !s.para.keep_lines { s.lines.len().min(2) } else { s.lines.len() };
        h += s.para.spacing.before + s.height(lines) + if last { 0.0 } else { s.para.spacing.after };
    }
    h
}

/// Sets the document on pages.
pub fn layout(doc: &Document) -> Layout {
    let plan = plan(doc);
    let mut pager = Pager { pages: Vec::new(), elements: plan.elements, marks: Vec::new(), y: TOP };
    pager.new_page();
    let sets: Vec<Set> = plan.paras.into_iter().map(set).collect();
    let mut kept = Vec::new();
    let mut i = 0;
    while i < sets.len() {
        // The chain of paragraphs that keep with the next, starting here.
        let mut end = i;
        while end + 1 < sets.len() && sets[end].para.keep_next {
            end += 1;
        }
        let chain = &sets[i..=end];
        let need = chain_height(chain);
        if !pager.at_top() && pager.y + need > BOTTOM && need <= BOTTOM - TOP {
            pager.new_page();
        }
        let first = pager.pages.len() - 1;
        for s in chain {
            pager.para(s);
        }
        if chain.iter().all(|s| s.para.keep_lines && s.para.mark.is_none()) {
            kept.push((first, pager.pages.len() - 1));
        }
        i = end + 1;
    }
    let total = pager.pages.len();
    for (n, page) in pager.pages.iter_mut().enumerate() {
        header_footer(doc, page, n + 1, total);
    }
    Layout { pages: pager.pages, elements: pager.elements, roots: plan.roots, marks: pager.marks, kept_together: kept }
}

/// The running header (right-aligned, cut to one line: it repeats on every page, the title
/// says the same in full) and the footer "Seite X von Y" (centred).
fn header_footer(doc: &Document, page: &mut Page, number: usize, total: usize) {
    let w = &doc.wording;
    let mut pieces = Vec::new();
    if doc.draft {
        pieces.push(Piece { text: w.draft_word.clone(), face: Face::Bold, color: RED, highlight: false });
        pieces.push(Piece { text: w.draft_separator.clone(), face: Face::Regular, color: GREY, highlight: false });
    }
    pieces.push(Piece { text: doc.meta.header.clone(), face: Face::Regular, color: GREY, highlight: false });
    let mut lines = break_lines(&pieces, HEADER_SIZE, TEXT_WIDTH, TEXT_WIDTH);
    lines.truncate(1);
    let m = metrics(Face::Regular);
    let baseline = HEADER_DISTANCE + m.ascent * HEADER_SIZE;
    for line in &lines {
        let x = PAGE_WIDTH - MARGIN - line.width;
        for r in &line.runs {
            // A word cut at the line's end: its hyphen reads as a soft hyphen like any other.
            let piece = &pieces[r.piece];
            page.runs.push(Run {
                x: x + r.dx,
                baseline,
                face: piece.face,
                size: HEADER_SIZE,
                color: piece.color,
                text: r.text.clone(),
                kind: r.kind,
                width: r.width,
                joined: r.joined,
                owner: Owner::Header,
            });
        }
    }
    let footer = format!("{}{number}{}{total}", w.page_before, w.page_between);
    let width = m.text_width(&footer, HEADER_SIZE);
    page.runs.push(Run {
        x: (PAGE_WIDTH - width) / 2.0,
        baseline: PAGE_HEIGHT - HEADER_DISTANCE - m.descent * HEADER_SIZE,
        face: Face::Regular,
        size: HEADER_SIZE,
        color: GREY,
        text: footer,
        kind: RunKind::Text,
        width,
        joined: false,
        owner: Owner::Footer,
    });
}

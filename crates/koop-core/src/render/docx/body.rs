//! The document body: blocks to docx-rs paragraphs.

#![allow(clippy::wildcard_imports)]

use super::*;

// ---------------------------------------------------------------------------------------------
// Document

/// Paragraphs get sequential ids so that the output does not depend on docx-rs' thread-local
/// id counter (renders must be byte-identical).
pub(super) struct Paragraphs {
    next: u32,
    out: Vec<dx::Paragraph>,
}

impl Paragraphs {
    fn push(&mut self, p: dx::Paragraph) {
        self.next += 1;
        self.out.push(p.id(format!("{:08X}", self.next)));
    }
    fn id(&mut self) -> String {
        self.next += 1;
        format!("{:08X}", self.next)
    }
}

pub(super) fn build(doc: &Document) -> dx::Docx {
    let mut ps = Paragraphs { next: 0, out: Vec::with_capacity(128) };
    if doc.draft {
        ps.push(styled(S_DRAFT).add_run(dx::Run::new().add_text(&doc.wording.draft_banner)));
    }
    for b in &doc.blocks {
        block(&mut ps, b, &doc.wording);
    }

    let header_id = ps.id();
    let footer_id = ps.id();
    let mut docx = dx::Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(dx::PageMargin {
            top: MARGIN,
            left: MARGIN,
            bottom: MARGIN,
            right: MARGIN,
            header: HEADER_DISTANCE,
            footer: HEADER_DISTANCE,
            gutter: 0,
        })
        .default_tab_stop(TEXT_INDENT as usize)
        .styles(styles())
        .add_abstract_numbering(bullet_numbering())
        .add_numbering(dx::Numbering::new(BULLET_NUM, BULLET_NUM))
        .header(dx::Header::new().add_paragraph(header(&doc.meta, doc.draft, &doc.wording).id(header_id)))
        .footer(dx::Footer::new().add_paragraph(footer(&doc.wording).id(footer_id)));
    for p in ps.out {
        docx = docx.add_paragraph(p);
    }
    docx
}

pub(super) fn styled(style: &str) -> dx::Paragraph {
    dx::Paragraph::new().style(style)
}

/// The runs of a text; gaps are highlighted.
pub(super) fn runs(p: dx::Paragraph, text: &[Inline]) -> dx::Paragraph {
    runs_with(p, text, |r| r)
}

/// The runs of a text, each formatted by `format`; gaps are highlighted.
pub(super) fn runs_with(mut p: dx::Paragraph, text: &[Inline], format: impl Fn(dx::Run) -> dx::Run) -> dx::Paragraph {
    for i in text {
        p = p.add_run(match i {
            Inline::Text(t) => format(lines(t)),
            Inline::Gap { text, .. } => format(lines(text)).highlight(HIGHLIGHT),
        });
    }
    p
}

/// A run of text whose typed line breaks (`\n`, `\r\n`, `\r`) become Word line breaks
/// (`w:br`): a `w:t` must not hold a newline, and paragraphs of a multi-line answer must not run
/// together.
pub(super) fn lines(text: &str) -> dx::Run {
    let mut run = dx::Run::new();
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(dx::BreakType::TextWrapping);
        }
        if !line.is_empty() || i == 0 {
            run = run.add_text(clean(line));
        }
    }
    run
}

/// "<number><TAB><text>".
pub(super) fn numbered(p: dx::Paragraph, number: &str, text: &[Inline]) -> dx::Paragraph {
    runs(p.add_run(dx::Run::new().add_text(clean(number)).add_tab()), text)
}

pub(super) fn block(ps: &mut Paragraphs, b: &Block, w: &Wording) {
    match b {
        Block::Title(t) => ps.push(runs(styled(S_TITLE), t)),
        Block::Subtitle(t) => ps.push(runs(styled(S_SUBTITLE), t)),
        Block::Party { lines, alias } => {
            for l in lines {
                ps.push(runs(styled(S_PARTY), l));
            }
            if let Some(a) = alias {
                let p = styled(S_ALIAS).add_run(dx::Run::new().add_text(&w.alias_open));
                ps.push(runs(p, a).add_run(dx::Run::new().add_text(&w.alias_close)));
            }
        }
        Block::Paragraph { style, text } => {
            let s = match style {
                ParagraphStyle::Body => S_BODY,
                ParagraphStyle::Indented => S_INDENTED,
                ParagraphStyle::Center => S_CENTER,
            };
            ps.push(runs(styled(s), text));
        }
        Block::Heading { level, number, text, .. } => {
            let p = styled(if *level <= 1 { S_H1 } else { S_H2 });
            ps.push(match number {
                Some(n) => numbered(p, n, text),
                // Unnumbered (e.g. "Präambel"): no hanging indent.
                None => runs(p.indent(Some(0), Some(dx::SpecialIndentType::Hanging(0)), None, None), text),
            });
        }
        Block::Clause { number, text, .. } => ps.push(numbered(styled(S_CLAUSE), number, text)),
        Block::Bullets(items) => items.iter().for_each(|i| ps.push(bullet(i))),
        Block::Contacts(items) => items.iter().for_each(|t| ps.push(runs(styled(S_CONTACT), t))),
        Block::Signatures(sigs) => sigs.iter().for_each(|s| signature(ps, s, w)),
    }
}

pub(super) fn bullet(b: &Bullet) -> dx::Paragraph {
    let level = usize::from(b.level).min(BULLET_SYMBOLS.len() - 1);
    runs(styled(S_BULLET).numbering(dx::NumberingId::new(BULLET_NUM), dx::IndentLevel::new(level)), &b.text)
}

/// One signature block: party, place and blank date, a line and the printed name per
/// signatory. All its paragraphs are kept on one page.
pub(super) fn signature(ps: &mut Paragraphs, s: &Signature, w: &Wording) {
    let mut block = Vec::with_capacity(2 + 2 * s.signatories.len());
    block.push(runs_with(styled(S_SIGNATURE).line_spacing(dx::LineSpacing::new().before(SIGNATURE_BEFORE.0)), &s.party, |r| r.bold()));
    let place = runs(styled(S_SIGNATURE).line_spacing(dx::LineSpacing::new().before(SIGNATURE_BEFORE.1)), &s.place);
    block.push(place.add_run(dx::Run::new().add_text(&w.date_line)));
    for name in &s.signatories {
        block.push(
            styled(S_SIGNATURE)
                .line_spacing(dx::LineSpacing::new().before(SIGNATURE_BEFORE.2))
                .add_run(dx::Run::new().add_text(&w.signature_line)),
        );
        block.push(runs(styled(S_SIGNATURE), name));
    }
    let last = block.len() - 1;
    for (i, p) in block.into_iter().enumerate() {
        ps.push(p.keep_lines(true).keep_next(i < last));
    }
}

pub(super) fn header(meta: &Meta, draft: bool, w: &Wording) -> dx::Paragraph {
    let mut p = styled(S_HEADER);
    if draft {
        p = p.add_run(dx::Run::new().add_text(&w.draft_word).bold().color(RED)).add_run(dx::Run::new().add_text(&w.draft_separator));
    }
    p.add_run(dx::Run::new().add_text(clean(&meta.header)))
}

pub(super) fn footer(w: &Wording) -> dx::Paragraph {
    styled(S_FOOTER)
        .add_run(dx::Run::new().add_text(&w.page_before))
        .add_page_num(dx::PageNum::new())
        .add_run(dx::Run::new().add_text(&w.page_between))
        .add_num_pages(dx::NumPages::new())
}

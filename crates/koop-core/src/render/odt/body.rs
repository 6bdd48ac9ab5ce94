//! content.xml: the blocks of the model as ODF paragraphs, headings and lists.

use super::layout::*;
use super::{W, text};
use crate::document::{Block, Bullet, Document, Inline, Signature, Wording};
use crate::template::ParagraphStyle;
use std::io::Result;

pub(super) fn content(w: &mut W, doc: &Document) -> Result<()> {
    document_root(w, "office:document-content", |w| {
        w.create_element("office:body").write_inner_content(|w| {
            w.create_element("office:text").write_inner_content(|w| {
                if doc.draft {
                    para(w, S_DRAFT, |w| text(w, &doc.wording.draft_banner))?;
                }
                for b in &doc.blocks {
                    block(w, b, &doc.wording)?;
                }
                Ok(())
            })?;
            Ok(())
        })?;
        Ok(())
    })
}

fn para(w: &mut W, style: &str, inner: impl FnOnce(&mut W) -> Result<()>) -> Result<()> {
    w.create_element("text:p").with_attribute(("text:style-name", style)).write_inner_content(inner)?;
    Ok(())
}

/// A text with its gaps highlighted.
fn inlines(w: &mut W, t: &[Inline]) -> Result<()> {
    for i in t {
        match i {
            Inline::Text(s) => text(w, s)?,
            Inline::Gap { text: s, .. } => {
                w.create_element("text:span").with_attribute(("text:style-name", T_GAP)).write_inner_content(|w| text(w, s))?;
            }
        }
    }
    Ok(())
}

/// "<number><TAB><text>": the number hangs in the indent, as in the DOCX.
fn numbered(w: &mut W, number: &str, t: &[Inline]) -> Result<()> {
    text(w, number)?;
    w.create_element("text:tab").write_empty()?;
    inlines(w, t)
}

fn block(w: &mut W, b: &Block, words: &Wording) -> Result<()> {
    match b {
        Block::Title(t) => para(w, S_TITLE, |w| inlines(w, t)),
        Block::Subtitle(t) => para(w, S_SUBTITLE, |w| inlines(w, t)),
        Block::Party { lines, alias } => {
            for l in lines {
                para(w, S_PARTY, |w| inlines(w, l))?;
            }
            match alias {
                Some(a) => para(w, S_ALIAS, |w| {
                    text(w, &words.alias_open)?;
                    inlines(w, a)?;
                    text(w, &words.alias_close)
                }),
                None => Ok(()),
            }
        }
        Block::Paragraph { style, text: t } => {
            let s = match style {
                ParagraphStyle::Body => S_BODY,
                ParagraphStyle::Indented => S_INDENTED,
                ParagraphStyle::Center => S_CENTER,
            };
            para(w, s, |w| inlines(w, t))
        }
        Block::Heading { level, number, text: t, .. } => {
            let (style, outline) = match (*level <= 1, number.is_some()) {
                (true, true) => (S_H1, "1"),
                (true, false) => (S_H1_PLAIN, "1"),
                (false, true) => (S_H2, "2"),
                (false, false) => (S_H2_PLAIN, "2"),
            };
            w.create_element("text:h").with_attributes([("text:style-name", style), ("text:outline-level", outline)]).write_inner_content(
                |w| match number {
                    Some(n) => numbered(w, n, t),
                    None => inlines(w, t),
                },
            )?;
            Ok(())
        }
        Block::Clause { number, text: t, .. } => para(w, S_CLAUSE, |w| numbered(w, number, t)),
        Block::Bullets(items) => items.iter().try_for_each(|b| bullet(w, b)),
        Block::Contacts(items) => items.iter().try_for_each(|t| para(w, S_CONTACT, |w| inlines(w, t))),
        Block::Signatures(sigs) => sigs.iter().try_for_each(|s| signature(w, s, words)),
    }
}

/// A bullet at its level: lists nested as deep as the level, the paragraph in the innermost.
fn bullet(w: &mut W, b: &Bullet) -> Result<()> {
    fn nest(w: &mut W, depth: usize, b: &Bullet, outer: bool) -> Result<()> {
        let list = w.create_element("text:list");
        let list = if outer { list.with_attribute(("text:style-name", L_BULLETS)) } else { list };
        list.write_inner_content(|w| {
            w.create_element("text:list-item").write_inner_content(|w| {
                if depth == 0 { para(w, S_BULLET, |w| inlines(w, &b.text)) } else { nest(w, depth - 1, b, false) }
            })?;
            Ok(())
        })?;
        Ok(())
    }
    nest(w, usize::from(b.level).min(BULLET_SYMBOLS.len() - 1), b, true)
}

/// One signature block: party, place and blank date, a line and the printed name per
/// signatory; the styles keep it on one page.
fn signature(w: &mut W, s: &Signature, words: &Wording) -> Result<()> {
    para(w, S_SIG_PARTY, |w| inlines(w, &s.party))?;
    para(w, S_SIG_PLACE, |w| {
        inlines(w, &s.place)?;
        text(w, &words.date_line)
    })?;
    for (i, name) in s.signatories.iter().enumerate() {
        para(w, S_SIG_LINE, |w| text(w, &words.signature_line))?;
        let last = i + 1 == s.signatories.len();
        para(w, if last { S_SIG_NAME_LAST } else { S_SIG_NAME }, |w| inlines(w, name))?;
    }
    Ok(())
}

//! `build`: each shown block of the template printed into the document's blocks with its texts
//! evaluated, then the appendix, the metadata and the fixed wording around them.

use super::numbering::{Numbering, clause_numbers, shown};
use super::{Block, Bullet, Document, Inline, Meta, Signature, Text, Wording, appendix, plain};
use crate::context::Context;
use crate::eval::{self, Refs};
use crate::template::syntax::Tmpl;
use crate::template::{BlockSpec, SignatureSpec};
use crate::validate::Completeness;
use crate::value::ascii_file_part;

/// Builds the agreement from template and draft.
pub fn build(ctx: &Context<'_>, completeness: Completeness) -> Document {
    let refs = clause_numbers(ctx);
    let mut texts = Fresh(&refs);
    let mut n = Numbering::new(ctx);
    let mut blocks = Vec::new();
    for b in ctx.document_parts().blocks.iter().filter(|b| shown(ctx, b)) {
        print(ctx, &mut texts, &mut n, b, &mut blocks);
    }
    finish(ctx, completeness, blocks, meta(ctx, &refs))
}

/// The document around its blocks: the appendix, the metadata and the fixed wording.
pub(super) fn finish(ctx: &Context<'_>, completeness: Completeness, mut blocks: Vec<Block>, meta: Meta) -> Document {
    if ctx.draft.process.anlage_im_export && ctx.document_id().is_none() {
        blocks.extend(appendix::appendix(&ctx.draft.process));
    }
    Document { meta, draft: completeness == Completeness::Incomplete, blocks, wording: Wording::german() }
}

/// Evaluates the template texts of the blocks: each anew (`build`), or kept between builds
/// (`build_cached`). A text is named by its block of the template and its part there, numbered
/// by the printing code below; a part is always evaluated in the same list (or none), so the
/// entry in scope completes its name.
pub(super) trait Texts {
    fn text(&mut self, ctx: &Context<'_>, part: usize, scope: eval::Scope<'_>, s: &Tmpl) -> Text;
}

struct Fresh<'r>(&'r Refs);

impl Texts for Fresh<'_> {
    fn text(&mut self, ctx: &Context<'_>, _part: usize, scope: eval::Scope<'_>, s: &Tmpl) -> Text {
        eval::eval(ctx, scope, Some(self.0), s)
    }
}

/// The blocks of one block of the template.
pub(super) fn print(ctx: &Context<'_>, texts: &mut dyn Texts, n: &mut Numbering, b: &BlockSpec, blocks: &mut Vec<Block>) {
    let mut t = |s: &Tmpl| texts.text(ctx, 0, None, s);
    match b {
        BlockSpec::Title { text, .. } => blocks.push(Block::Title(t(text))),
        BlockSpec::Subtitle { text, .. } => blocks.push(Block::Subtitle(t(text))),
        BlockSpec::Heading { text, .. } => blocks.push(Block::Heading { level: 2, number: None, text: t(text), id: None }),
        BlockSpec::Paragraph { text, style, .. } => blocks.push(Block::Paragraph { style: *style, text: t(text) }),
        BlockSpec::Party { lines, alias, each, .. } => match each.as_deref().and_then(|l| ctx.field(l)) {
            Some(list) => {
                for e in ctx.entries(list).iter() {
                    blocks.push(party(ctx, texts, lines, alias.as_ref(), Some((list, e))));
                }
            }
            None => blocks.push(party(ctx, texts, lines, alias.as_ref(), None)),
        },
        BlockSpec::Section { title, id, .. } => {
            let (number, _) = n.section();
            blocks.push(Block::Heading { level: 1, number: Some(number), text: t(title), id: id.clone() });
        }
        BlockSpec::Subsection { title, id, .. } => {
            let number = n.subsection();
            if !title.source().is_empty() {
                blocks.push(Block::Heading { level: 2, number: Some(number), text: t(title), id: id.clone() });
            }
        }
        BlockSpec::Clause { text, id, .. } => blocks.push(Block::Clause { number: n.clause(), id: id.clone(), text: t(text) }),
        BlockSpec::Bullets { items, from, each, item, group_by, group, .. } => {
            let bullets = bullets(ctx, texts, items, from.as_deref(), each.as_deref(), item.as_ref(), group_by.as_deref(), group.as_ref());
            if !bullets.is_empty() {
                blocks.push(Block::Bullets(bullets));
            }
        }
        BlockSpec::Contacts { each, item, .. } => {
            if let Some(list) = ctx.field(each) {
                let items = ctx.entries(list).iter().map(|e| texts.text(ctx, 0, Some((list, e)), item)).collect();
                blocks.push(Block::Contacts(items));
            }
        }
        BlockSpec::Signatures { parties, .. } => blocks.push(Block::Signatures(signatures(ctx, texts, parties))),
    }
}

/// A party: its lines are parts 0, 1, …, its alias the part after them.
fn party(ctx: &Context<'_>, texts: &mut dyn Texts, lines: &[Tmpl], alias: Option<&Tmpl>, scope: eval::Scope<'_>) -> Block {
    Block::Party {
        lines: lines.iter().enumerate().map(|(part, s)| texts.text(ctx, part, scope, s)).collect(),
        alias: alias.map(|s| texts.text(ctx, lines.len(), scope, s)),
    }
}

#[allow(clippy::too_many_arguments)]
fn bullets(
    ctx: &Context<'_>,
    texts: &mut dyn Texts,
    items: &[Tmpl],
    from: Option<&str>,
    each: Option<&str>,
    item: Option<&Tmpl>,
    group_by: Option<&str>,
    group: Option<&Tmpl>,
) -> Vec<Bullet> {
    // Parts: the fixed items, then the item of an entry, then the group line.
    let (item_part, group_part) = (items.len(), items.len() + 1);
    let mut out: Vec<Bullet> = items
        .iter()
        .enumerate()
        .map(|(part, s)| {
            // The leading ">" of an item say its level; they are not printed.
            let level = s.indent();
            let mut text = texts.text(ctx, part, None, s);
            if let Some(Inline::Text(first)) = text.first_mut() {
                first.drain(..level.min(first.len()));
                if first.is_empty() {
                    text.remove(0);
                }
            }
            Bullet { level: level as u8, text }
        })
        .collect();
    if let Some(field) = from.and_then(|f| ctx.field(f)) {
        for v in ctx.set(field) {
            if let Some(label) = field.option_label(&v) {
                out.push(Bullet { level: 0, text: vec![Inline::Text(label.to_string())] });
            }
        }
    }
    if let (Some(list), Some(item)) = (each.and_then(|f| ctx.field(f)), item) {
        let entries = ctx.entries(list);
        match group_by {
            None => out.extend(entries.iter().map(|e| Bullet { level: 0, text: texts.text(ctx, item_part, Some((list, e)), item) })),
            Some(key) => {
                // Groups in order of first appearance; the group line is formatted with the
                // first entry of the group in scope.
                // Each key is lowered once: comparing lowered copies pair by pair made a long
                // list cost the square of its length.
                let mut groups: Vec<(String, String, Vec<&crate::draft::Entry>)> = Vec::new();
                for e in entries.iter() {
                    let k = list.sub_field(key).map(|sub| ctx.entry_text(list, e, sub)).unwrap_or_default().trim().to_string();
                    let lowered = k.to_lowercase();
                    match groups.iter_mut().find(|(g, _, _)| *g == lowered) {
                        Some((_, _, members)) => members.push(e),
                        None => groups.push((lowered, k, vec![e])),
                    }
                }
                for (_, key_value, members) in groups {
                    let head = match group {
                        Some(g) => texts.text(ctx, group_part, Some((list, members[0])), g),
                        None => vec![Inline::Text(key_value)],
                    };
                    out.push(Bullet { level: 0, text: head });
                    out.extend(members.iter().map(|e| Bullet { level: 1, text: texts.text(ctx, item_part, Some((list, e)), item) }));
                }
            }
        }
    }
    out
}

fn signatures(ctx: &Context<'_>, texts: &mut dyn Texts, parties: &[SignatureSpec]) -> Vec<Signature> {
    let mut out = Vec::new();
    for (i, p) in parties.iter().enumerate() {
        // Parts: three per party (its name, place and signatory).
        let mut one = |scope: eval::Scope<'_>| {
            let signatories = match p.signatories.as_deref().and_then(|l| ctx.field(l)) {
                Some(list) => ctx.entries(list).iter().map(|e| texts.text(ctx, 3 * i + 2, Some((list, e)), &p.signatory)).collect(),
                None => vec![texts.text(ctx, 3 * i + 2, scope, &p.signatory)],
            };
            Signature { party: texts.text(ctx, 3 * i, scope, &p.party), place: texts.text(ctx, 3 * i + 1, scope, &p.place), signatories }
        };
        match p.each.as_deref().and_then(|l| ctx.field(l)) {
            Some(list) => out.extend(ctx.entries(list).iter().map(|e| one(Some((list, e))))),
            None => out.push(one(None)),
        }
    }
    out
}

pub(super) fn meta(ctx: &Context<'_>, refs: &Refs) -> Meta {
    let parts = ctx.document_parts();
    let m = parts.meta;
    let p = |s: &Tmpl| plain(&eval::eval(ctx, None, Some(refs), s));
    let stem = eval::plain_text(ctx, None, parts.file_name).unwrap_or_else(|| {
        // Missing parts (e.g. no Kommune yet) are named "Entwurf" rather than "[…]".
        eval::eval(ctx, None, None, parts.file_name)
            .iter()
            .map(|i| match i {
                Inline::Text(t) => t.clone(),
                Inline::Gap { .. } => "Entwurf".to_string(),
            })
            .collect()
    });
    let stem = ascii_file_part(&stem);
    Meta {
        title: p(&m.title),
        subject: p(&m.subject),
        author: p(&m.author),
        header: p(&m.header),
        language: "de-DE".to_string(),
        file_name: format!("{}_{}.docx", if stem.is_empty() { ascii_file_part(parts.fallback_name) } else { stem }, ctx.today.iso()),
    }
}

//! The live preview's build: the same document as `build`, keeping between builds every block
//! and every evaluated text whose answers did not change. What each read is noted as finely as
//! the draft is made (an answer, a list's entries, one value of one entry), so a name typed in
//! provider 1 evaluates again the texts that show provider 1 and nothing else.

use super::builder::{Texts, finish, meta, print};
use super::numbering::{Numbering, numbers, shown};
use super::{Block, Document, Meta, Text};
use crate::context::{Context, Memo, Snapshot};
use crate::eval::{self, Refs, Scope};
use crate::template::syntax::Tmpl;
use crate::validate::Completeness;
use crate::value::Datum;

/// What one block of the template printed last time.
#[derive(Clone)]
struct Printed {
    numbering: (u32, u32, u32),
    blocks: Vec<Block>,
    after: (u32, u32, u32),
}

/// One evaluated text, named by a number: the block of the template it belongs to (16 bits), its
/// part there (15 bits) and the list entry in scope (33 bits: whether there is one, and its
/// identity, unique in its list; a part's list is fixed). `None` beyond that (a template of
/// 65,536 blocks): such a text is evaluated anew each time.
fn text_key(block: usize, part: usize, entry: Option<u32>) -> Option<u64> {
    let (block, part) = (u64::try_from(block).ok().filter(|b| *b < 1 << 16)?, u64::try_from(part).ok().filter(|p| *p < 1 << 15)?);
    let entry = entry.map_or(0, |e| 1 << 32 | u64::from(e));
    Some(block << 48 | part << 33 | entry)
}

/// The block a text key names.
fn block_of(key: u64) -> u64 {
    key >> 48
}

/// The results of the last builds, for `build_cached`.
#[derive(Default)]
pub struct BuildCache {
    /// Template (id, for a bound document with its body; version) and today: when one changes,
    /// nothing is kept.
    template: Option<(String, u32, Datum)>,
    snapshot: Snapshot,
    /// The clause numbers the kept texts were evaluated with.
    refs: Refs,
    shown: Memo<bool>,
    blocks: Memo<Printed>,
    texts: Memo<Text>,
    meta: Memo<Meta>,
    reprinted: usize,
    evaluated: usize,
}

impl BuildCache {
    /// How many blocks of the template the last build printed anew (the rest it reused).
    pub fn reprinted(&self) -> usize {
        self.reprinted
    }

    /// How many template texts the last build evaluated anew (inside the blocks printed anew,
    /// the others' texts were kept).
    pub fn evaluated(&self) -> usize {
        self.evaluated
    }

    fn clear(&mut self) {
        self.snapshot.clear();
        self.shown.clear();
        self.blocks.clear();
        self.texts.clear();
        self.meta.clear();
    }
}

/// `build`, keeping from `cache` every block and text whose answers (and numbering) are
/// unchanged. The result is the same as `build`'s (a property test holds it to that).
pub fn build_cached(ctx: &Context<'_>, completeness: Completeness, cache: &mut BuildCache) -> Document {
    let c = cache;
    let (id, version) = (super::bound::cache_key(ctx), ctx.template.version);
    if !c.template.as_ref().is_some_and(|(i, v, today)| *i == id && *v == version && *today == ctx.today) {
        c.clear();
        c.template = Some((id, version, ctx.today));
    }
    match c.snapshot.changes(ctx) {
        None => {
            c.shown.clear();
            c.blocks.clear();
            c.texts.clear();
            c.meta.clear();
        }
        Some(changed) => {
            let mut stale = Vec::new();
            c.texts.invalidate(&changed, |k| stale.push(block_of(k)));
            c.blocks.invalidate(&changed, |_| {});
            c.blocks.mark_stale(&stale);
            c.shown.invalidate(&changed, |_| {});
            c.meta.invalidate(&changed, |_| {});
        }
    }
    let specs = ctx.document_parts().blocks;
    let visible: Vec<bool> = specs.iter().enumerate().map(|(i, b)| c.shown.get_or(ctx, i as u64, || shown(ctx, b)).0).collect();
    let refs = match ctx.document_id() {
        // A bound document's `{ref:…}` names the agreement's clauses.
        Some(_) => super::clause_numbers(ctx),
        None => numbers(specs.iter().zip(&visible).filter(|(_, v)| **v).map(|(b, _)| b)),
    };
    if refs != c.refs {
        // Texts may show clause numbers ({ref:…}).
        c.blocks.clear();
        c.texts.clear();
        c.meta.clear();
        c.refs = refs;
    }
    (c.reprinted, c.evaluated) = (0, 0);
    let mut n = Numbering::new(ctx);
    let mut blocks = Vec::new();
    for (i, b) in specs.iter().enumerate().filter(|(i, _)| visible[*i]) {
        let before = n.state();
        if let Some(p) = c.blocks.get(i as u64).filter(|p| p.numbering == before) {
            blocks.extend(p.blocks.iter().cloned());
            n.restore(p.after);
            continue;
        }
        c.reprinted += 1;
        let start = blocks.len();
        let mut texts = Kept { block: i, refs: &c.refs, texts: &mut c.texts, evaluated: &mut c.evaluated };
        let ((), reads) = ctx.tracked(|| print(ctx, &mut texts, &mut n, b, &mut blocks));
        c.blocks.put(i as u64, Printed { numbering: before, blocks: blocks[start..].to_vec(), after: n.state() }, reads);
    }
    let refs = &c.refs;
    let meta = c.meta.get_or(ctx, 0, || meta(ctx, refs)).0;
    finish(ctx, completeness, blocks, meta)
}

/// The texts of one block of the template, kept between builds.
struct Kept<'c> {
    block: usize,
    refs: &'c Refs,
    texts: &'c mut Memo<Text>,
    evaluated: &'c mut usize,
}

impl Texts for Kept<'_> {
    fn text(&mut self, ctx: &Context<'_>, part: usize, scope: Scope<'_>, s: &Tmpl) -> Text {
        let refs = self.refs;
        let Some(key) = text_key(self.block, part, scope.map(|(_, e)| e.id)) else { return eval::eval(ctx, scope, Some(refs), s) };
        let (text, computed) = self.texts.get_or(ctx, key, || eval::eval(ctx, scope, Some(refs), s));
        *self.evaluated += usize::from(computed);
        text
    }
}

//! The neutral document model: what the agreement says, independent of HTML or Word. The live
//! preview and the DOCX export are both rendered from it, so what users see is what they get.

pub mod appendix;
pub mod bound;
mod cached;
pub mod printed;

pub use cached::{BuildCache, build_cached};

/// The document holds text with gaps (defined below, where evaluation makes it).
pub use crate::value::{Inline, Target, Text, plain};

use crate::context::Context;
use crate::eval::{self, Refs};
use crate::template::syntax::{Cond, Tmpl};
use crate::template::{BlockSpec, ParagraphStyle, SignatureSpec};
use crate::validate::Completeness;
use crate::value::ascii_file_part;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub title: String,
    pub subject: String,
    pub author: String,
    /// Running header on every page.
    pub header: String,
    pub language: String,
    /// ASCII-safe, with date and extension.
    pub file_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Bullet {
    pub level: u8,
    pub text: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Signature {
    pub party: Text,
    pub place: Text,
    /// Printed names, one signature line each.
    pub signatories: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Block {
    Title(Text),
    Subtitle(Text),
    Party {
        lines: Vec<Text>,
        alias: Option<Text>,
    },
    Paragraph {
        style: ParagraphStyle,
        text: Text,
    },
    /// Level 1: numbered section; level 2: subsection (or an unnumbered heading).
    Heading {
        level: u8,
        number: Option<String>,
        text: Text,
        id: Option<String>,
    },
    Clause {
        number: String,
        id: Option<String>,
        text: Text,
    },
    Bullets(Vec<Bullet>),
    /// People with their details, one per line.
    Contacts(Vec<Text>),
    Signatures(Vec<Signature>),
}

/// The fixed wording around the answers: every renderer prints these strings as they are, so
/// the preview and the exported files cannot drift apart and renderers carry no German text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wording {
    /// Before the running header of a draft ("ENTWURF"), printed emphasised.
    pub draft_word: String,
    /// Between `draft_word` and the running header.
    pub draft_separator: String,
    /// The banner above the title of a draft.
    pub draft_banner: String,
    /// Around a party's alias: `- „Landkreis“ -`.
    pub alias_open: String,
    pub alias_close: String,
    /// After the place of a signature block: the blank for the date.
    pub date_line: String,
    /// The line to sign on.
    pub signature_line: String,
    /// Page footer: `page_before` <page> `page_between` <pages>.
    pub page_before: String,
    pub page_between: String,
}

impl Wording {
    /// The wording of a German agreement.
    pub fn german() -> Self {
        Self {
            draft_word: "ENTWURF".into(),
            draft_separator: " – ".into(),
            draft_banner: "ENTWURF – noch nicht vollständig".into(),
            alias_open: "- „".into(),
            alias_close: "“ -".into(),
            date_line: ", den ____________________".into(),
            signature_line: "________________________________________".into(),
            page_before: "Seite ".into(),
            page_between: " von ".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub meta: Meta,
    /// Something required is missing or invalid: `wording.draft_banner` is printed.
    pub draft: bool,
    pub blocks: Vec<Block>,
    pub wording: Wording,
}

impl Document {
    /// Every gap with its target, in reading order.
    pub fn gaps(&self) -> Vec<(&str, Option<&Target>)> {
        let mut out = Vec::new();
        self.for_each_text(|t| {
            for i in t {
                if let Inline::Gap { text, target } = i {
                    out.push((text.as_str(), target.as_ref()));
                }
            }
        });
        out
    }

    /// Calls `f` for every piece of text in reading order.
    pub fn for_each_text<'d>(&'d self, mut f: impl FnMut(&'d [Inline])) {
        for b in &self.blocks {
            match b {
                Block::Title(t) | Block::Subtitle(t) | Block::Paragraph { text: t, .. } | Block::Clause { text: t, .. } => f(t),
                Block::Heading { text, .. } => f(text),
                Block::Party { lines, alias } => {
                    lines.iter().for_each(|l| f(l));
                    if let Some(a) = alias {
                        f(a)
                    }
                }
                Block::Bullets(items) => items.iter().for_each(|i| f(&i.text)),
                Block::Contacts(items) => items.iter().for_each(|i| f(i)),
                Block::Signatures(sigs) => {
                    for s in sigs {
                        f(&s.party);
                        f(&s.place);
                        s.signatories.iter().for_each(|n| f(n));
                    }
                }
            }
        }
    }

    /// The document as plain text, one line per paragraph (tests, search, fallbacks).
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        let mut line = |s: String| {
            out.push_str(&s);
            out.push('\n');
        };
        for b in &self.blocks {
            match b {
                Block::Title(t) | Block::Subtitle(t) => line(plain(t)),
                Block::Party { lines, alias } => {
                    lines.iter().for_each(|l| line(plain(l)));
                    if let Some(a) = alias {
                        line(format!("- „{}“ -", plain(a)));
                    }
                }
                Block::Paragraph { text, .. } => line(plain(text)),
                Block::Heading { number, text, .. } => line(match number {
                    Some(n) => format!("{n} {}", plain(text)),
                    None => plain(text),
                }),
                Block::Clause { number, text, .. } => line(format!("{number} {}", plain(text))),
                Block::Bullets(items) => {
                    items.iter().for_each(|i| line(format!("{}• {}", "  ".repeat(usize::from(i.level)), plain(&i.text))))
                }
                Block::Contacts(items) => items.iter().for_each(|i| line(plain(i))),
                Block::Signatures(sigs) => {
                    for s in sigs {
                        line(plain(&s.party));
                        line(format!("{}, den ____________________", plain(&s.place)));
                        s.signatories.iter().for_each(|n| line(format!("Unterschrift: {}", plain(n))));
                    }
                }
            }
        }
        out
    }
}

/// Numbers of sections, subsections and clauses, in document order.
struct Numbering {
    suffix: String,
    section: u32,
    sub: u32,
    clause: u32,
}

impl Numbering {
    fn new(ctx: &Context<'_>) -> Numbering {
        Numbering { suffix: ctx.document_parts().section_suffix.to_string(), section: 0, sub: 0, clause: 0 }
    }
    fn state(&self) -> (u32, u32, u32) {
        (self.section, self.sub, self.clause)
    }
    fn restore(&mut self, (section, sub, clause): (u32, u32, u32)) {
        (self.section, self.sub, self.clause) = (section, sub, clause);
    }
    fn section(&mut self) -> (String, String) {
        self.section += 1;
        self.sub = 0;
        self.clause = 0;
        (format!("{}{}", self.section, self.suffix), self.section.to_string())
    }
    fn subsection(&mut self) -> String {
        self.sub += 1;
        self.clause = 0;
        format!("{}.{}", self.section, self.sub)
    }
    fn clause(&mut self) -> String {
        self.clause += 1;
        if self.sub > 0 { format!("{}.{}.{}", self.section, self.sub, self.clause) } else { format!("{}.{}", self.section, self.clause) }
    }
}

fn when(b: &BlockSpec) -> Option<&Cond> {
    match b {
        BlockSpec::Title { when, .. }
        | BlockSpec::Subtitle { when, .. }
        | BlockSpec::Party { when, .. }
        | BlockSpec::Paragraph { when, .. }
        | BlockSpec::Heading { when, .. }
        | BlockSpec::Section { when, .. }
        | BlockSpec::Subsection { when, .. }
        | BlockSpec::Clause { when, .. }
        | BlockSpec::Bullets { when, .. }
        | BlockSpec::Contacts { when, .. }
        | BlockSpec::Signatures { when, .. } => when.as_ref(),
    }
}

/// The current number of every identified section, subsection and clause. References are
/// computed from clause identities, so they stay right when clauses come and go.
pub fn clause_numbers(ctx: &Context<'_>) -> Refs {
    // A bound document's `{ref:…}` names the agreement's clauses.
    if ctx.document_id().is_some() {
        return clause_numbers(&ctx.agreement());
    }
    numbers(ctx.template.document.blocks.iter().filter(|b| shown(ctx, b)))
}

/// The numbers of the identified ones among `visible` blocks.
fn numbers<'b>(visible: impl Iterator<Item = &'b BlockSpec>) -> Refs {
    let mut refs = BTreeMap::new();
    let mut n = Numbering { suffix: String::new(), section: 0, sub: 0, clause: 0 };
    for b in visible {
        let (number, id) = match b {
            BlockSpec::Section { id, .. } => (n.section().1, id),
            BlockSpec::Subsection { id, .. } => (n.subsection(), id),
            BlockSpec::Clause { id, .. } => (n.clause(), id),
            _ => continue,
        };
        if let Some(id) = id {
            refs.insert(id.clone(), number);
        }
    }
    refs
}

/// Whether a block of the template is printed (its condition holds).
fn shown(ctx: &Context<'_>, b: &BlockSpec) -> bool {
    when(b).is_none_or(|c| eval::condition(ctx, None, c))
}

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
fn finish(ctx: &Context<'_>, completeness: Completeness, mut blocks: Vec<Block>, meta: Meta) -> Document {
    if ctx.draft.process.anlage_im_export && ctx.document_id().is_none() {
        blocks.extend(appendix::appendix(&ctx.draft.process));
    }
    Document { meta, draft: completeness == Completeness::Incomplete, blocks, wording: Wording::german() }
}

/// Evaluates the template texts of the blocks: each anew (`build`), or kept between builds
/// (`build_cached`). A text is named by its block of the template and its part there, numbered
/// by the printing code below; a part is always evaluated in the same list (or none), so the
/// entry in scope completes its name.
trait Texts {
    fn text(&mut self, ctx: &Context<'_>, part: usize, scope: eval::Scope<'_>, s: &Tmpl) -> Text;
}

struct Fresh<'r>(&'r Refs);

impl Texts for Fresh<'_> {
    fn text(&mut self, ctx: &Context<'_>, _part: usize, scope: eval::Scope<'_>, s: &Tmpl) -> Text {
        eval::eval(ctx, scope, Some(self.0), s)
    }
}

/// The blocks of one block of the template.
fn print(ctx: &Context<'_>, texts: &mut dyn Texts, n: &mut Numbering, b: &BlockSpec, blocks: &mut Vec<Block>) {
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

fn meta(ctx: &Context<'_>, refs: &Refs) -> Meta {
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

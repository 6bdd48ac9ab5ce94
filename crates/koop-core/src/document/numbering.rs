//! The numbers of sections, subsections and clauses, given in document order by the blocks that
//! are shown, and whether a block of the template is shown.

use crate::context::Context;
use crate::eval::{self, Refs};
use crate::template::BlockSpec;
use crate::template::syntax::Cond;
use std::collections::BTreeMap;

/// Numbers of sections, subsections and clauses, in document order.
pub(super) struct Numbering {
    suffix: String,
    section: u32,
    sub: u32,
    clause: u32,
}

impl Numbering {
    pub(super) fn new(ctx: &Context<'_>) -> Numbering {
        Numbering { suffix: ctx.document_parts().section_suffix.to_string(), section: 0, sub: 0, clause: 0 }
    }
    pub(super) fn state(&self) -> (u32, u32, u32) {
        (self.section, self.sub, self.clause)
    }
    pub(super) fn restore(&mut self, (section, sub, clause): (u32, u32, u32)) {
        (self.section, self.sub, self.clause) = (section, sub, clause);
    }
    pub(super) fn section(&mut self) -> (String, String) {
        self.section += 1;
        self.sub = 0;
        self.clause = 0;
        (format!("{}{}", self.section, self.suffix), self.section.to_string())
    }
    pub(super) fn subsection(&mut self) -> String {
        self.sub += 1;
        self.clause = 0;
        format!("{}.{}", self.section, self.sub)
    }
    pub(super) fn clause(&mut self) -> String {
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
pub(super) fn numbers<'b>(visible: impl Iterator<Item = &'b BlockSpec>) -> Refs {
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
pub(super) fn shown(ctx: &Context<'_>, b: &BlockSpec) -> bool {
    when(b).is_none_or(|c| eval::condition(ctx, None, c))
}

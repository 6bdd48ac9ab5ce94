//! The validation on every keystroke: the same report as `validate`, checking again only what
//! an edit can affect. Each section of the report (a field, the names, a rule) and, inside a
//! list, each entry's check is kept with what it read from the draft; a name typed in provider
//! 1 checks provider 1's entry and the rules over the providers' names, nothing else.

use super::{Entries, Finding, Issue, Report, check_section, sections};
use crate::context::{Context, Memo, Snapshot};
use crate::value::Datum;

/// One entry's check, named by a number: its section (16 bits), its part there (16 bits) and the
/// entry's identity (unique in its list). `None` beyond that: such a check runs anew each time.
fn entry_key(section: usize, part: usize, entry: u32) -> Option<u64> {
    let (section, part) = (u64::try_from(section).ok().filter(|s| *s < 1 << 16)?, u64::try_from(part).ok().filter(|p| *p < 1 << 16)?);
    Some(section << 48 | part << 32 | u64::from(entry))
}

/// The results of the last runs, for `validate_cached`.
#[derive(Default)]
pub struct ValidateCache {
    /// Template (id and version) and today: when one changes, nothing is kept.
    template: Option<(String, u32, Datum)>,
    snapshot: Snapshot,
    sections: Memo<Vec<Issue>>,
    entries: Memo<Vec<Finding>>,
    checked: usize,
}

impl ValidateCache {
    /// How many checks the last run made anew: sections (a field, the names, a rule) and list
    /// entries; the rest it kept.
    pub fn checked(&self) -> usize {
        self.checked
    }
}

/// `validate`, keeping from `cache` every check whose answers are unchanged. The result is the
/// same as `validate`'s (a property test holds it to that).
pub fn validate_cached(ctx: &Context<'_>, cache: &mut ValidateCache) -> Report {
    let c = cache;
    let t = ctx.template;
    if !c.template.as_ref().is_some_and(|(id, version, today)| *id == t.id && *version == t.version && *today == ctx.today) {
        c.snapshot.clear();
        c.template = Some((t.id.clone(), t.version, ctx.today));
    }
    match c.snapshot.changes(ctx) {
        None => {
            c.sections.clear();
            c.entries.clear();
        }
        Some(changed) => {
            let mut stale = Vec::new();
            c.entries.invalidate(&changed, |k| stale.push(k >> 48));
            c.sections.invalidate(&changed, |_| {});
            c.sections.mark_stale(&stale);
        }
    }
    c.checked = 0;
    let mut issues = Vec::new();
    for (i, section) in sections(t).enumerate() {
        if let Some(kept) = c.sections.get(i as u64) {
            issues.extend(kept.iter().cloned());
            continue;
        }
        c.checked += 1;
        let mut keep = Kept { section: i, entries: &mut c.entries, checked: &mut c.checked };
        let (found, reads) = ctx.tracked(|| {
            let mut found = Vec::new();
            check_section(ctx, &section, &mut keep, &mut found);
            found
        });
        issues.extend(found.iter().cloned());
        c.sections.put(i as u64, found, reads);
    }
    super::report::assign_owners(ctx, &mut issues);
    Report { issues }
}

/// The entry checks of one section, kept between runs.
struct Kept<'c> {
    section: usize,
    entries: &'c mut Memo<Vec<Finding>>,
    checked: &'c mut usize,
}

impl Entries for Kept<'_> {
    fn entry(&mut self, ctx: &Context<'_>, part: usize, entry: u32, check: &mut dyn FnMut() -> Vec<Finding>) -> Vec<Finding> {
        let Some(key) = entry_key(self.section, part, entry) else { return check() };
        let (found, computed) = self.entries.get_or(ctx, key, check);
        *self.checked += usize::from(computed);
        found
    }
}

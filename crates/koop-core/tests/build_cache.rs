//! The cached build and validation (`build_cached`, `validate_cached`, run by the live preview
//! and the field messages on every keystroke) keep every block, text and check whose answers did
//! not change. Whatever is edited, in whatever order, they must give exactly what a fresh build
//! and a fresh validation give.

mod common;

use common::{ctx, template};
use koop_core::document::bound::{bodies, build_for_cached};
use koop_core::document::{BuildCache, build_cached};
use koop_core::validate::{Completeness, ValidateCache, validate_cached};
use koop_core::{Draft, FieldKind, Template, build, validate};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Edit {
    Text(usize, String),
    Choose(usize, usize),
    Toggle(usize, usize, bool),
    EntryText(usize, usize, usize, String),
    Add(usize),
    Remove(usize, usize),
    Undo(usize, usize),
    Duplicate(usize, usize),
    Move(usize, usize, bool),
    Reset(usize),
    Appendix(bool),
}

fn edit() -> impl Strategy<Value = Edit> {
    let n = any::<usize>();
    prop_oneof![
        (n, common::hostile_text()).prop_map(|(f, t)| Edit::Text(f, t)),
        (n, n).prop_map(|(f, o)| Edit::Choose(f, o)),
        (n, n, any::<bool>()).prop_map(|(f, o, on)| Edit::Toggle(f, o, on)),
        (n, n, n, common::hostile_text()).prop_map(|(l, e, s, t)| Edit::EntryText(l, e, s, t)),
        n.prop_map(Edit::Add),
        (n, n).prop_map(|(l, e)| Edit::Remove(l, e)),
        (n, n).prop_map(|(l, e)| Edit::Undo(l, e)),
        (n, n).prop_map(|(l, e)| Edit::Duplicate(l, e)),
        (n, n, any::<bool>()).prop_map(|(l, e, up)| Edit::Move(l, e, up)),
        n.prop_map(Edit::Reset),
        any::<bool>().prop_map(Edit::Appendix),
    ]
}

fn pick<T>(xs: &[T], i: usize) -> Option<&T> {
    (!xs.is_empty()).then(|| &xs[i % xs.len()])
}

fn apply(t: &Template, d: &mut Draft, e: &Edit) {
    let of = |kinds: &[FieldKind]| t.fields().map(|f| f.field).filter(|f| kinds.contains(&f.kind)).collect::<Vec<_>>();
    let lists = of(&[FieldKind::List]);
    match e {
        Edit::Text(f, text) => {
            if let Some(f) = pick(
                &of(&[
                    FieldKind::Text,
                    FieldKind::Textarea,
                    FieldKind::Date,
                    FieldKind::Integer,
                    FieldKind::Postcode,
                    FieldKind::Email,
                    FieldKind::Phone,
                    FieldKind::Pattern,
                    FieldKind::Reference,
                ]),
                *f,
            ) {
                d.set_text(&f.id, text);
            }
        }
        Edit::Choose(f, o) => {
            if let Some(f) = pick(&of(&[FieldKind::Choice]), *f)
                && let Some(c) = pick(&f.options, *o)
            {
                d.set_text(&f.id, &c.value);
            }
        }
        Edit::Toggle(f, o, on) => {
            if let Some(f) = pick(&of(&[FieldKind::Multi]), *f)
                && let Some(c) = pick(&f.options, *o)
            {
                d.toggle(f, &c.value, *on);
            }
        }
        Edit::EntryText(l, e, s, text) => {
            if let Some(l) = pick(&lists, *l)
                && let Some(entry) = pick(&d.entries(l), *e).map(|x| x.id)
                && let Some(sub) = pick(&l.fields, *s)
            {
                // A reference names another entry by its identity; any text is a broken one.
                let value = match (sub.kind, sub.refers_to.as_deref().and_then(|r| t.field(r))) {
                    (FieldKind::Reference, Some(target)) => {
                        pick(&d.entries(target.field), text.len()).map(|x| x.id.to_string()).unwrap_or_default()
                    }
                    _ => text.clone(),
                };
                d.set_entry_value(l, entry, &sub.id, &value);
            }
        }
        Edit::Add(l) => {
            if let Some(l) = pick(&lists, *l) {
                d.add_entry(l);
            }
        }
        Edit::Remove(l, e) => {
            if let Some(l) = pick(&lists, *l)
                && let Some(entry) = pick(&d.entries(l), *e).map(|x| x.id)
            {
                d.remove_entry(l, entry);
            }
        }
        Edit::Undo(l, e) => {
            // Removed and put back: the same entry, with its identity, where it was.
            if let Some(l) = pick(&lists, *l)
                && let Some(entry) = pick(&d.entries(l), *e).map(|x| x.id)
                && let Some(removed) = d.remove_entry(l, entry)
            {
                d.restore_entry(l, removed);
            }
        }
        Edit::Duplicate(l, e) => {
            if let Some(l) = pick(&lists, *l)
                && let Some(entry) = pick(&d.entries(l), *e).map(|x| x.id)
            {
                d.duplicate_entry(l, entry);
            }
        }
        Edit::Reset(f) => {
            // Back to the template's default (a list to its default entries).
            let all: Vec<_> = t.fields().map(|f| f.field).collect();
            if let Some(f) = pick(&all, *f) {
                d.reset(&f.id);
            }
        }
        Edit::Move(l, e, up) => {
            if let Some(l) = pick(&lists, *l)
                && let Some(entry) = pick(&d.entries(l), *e).map(|x| x.id)
            {
                d.move_entry(l, entry, if *up { -1 } else { 1 });
            }
        }
        Edit::Appendix(on) => d.process.anlage_im_export = *on,
    }
}

fn same_as_fresh(template_id: &str, mut d: Draft, edits: &[Edit]) -> Result<(), TestCaseError> {
    let t = template(template_id);
    let mut cache = BuildCache::default();
    let mut checks = ValidateCache::default();
    // The bound documents (the Beschlussvorlage for each public body), each with its own cache,
    // and one cache that goes from body to body.
    let mut bound: std::collections::BTreeMap<String, BuildCache> = Default::default();
    let mut shared = BuildCache::default();
    for (i, e) in edits.iter().enumerate() {
        apply(t, &mut d, e);
        let c = ctx(t, &d);
        let completeness = if i % 2 == 0 { Completeness::Incomplete } else { Completeness::Complete };
        prop_assert_eq!(build_cached(&c, completeness, &mut cache), build(&c, completeness), "after {:?}", &edits[..=i]);
        prop_assert_eq!(validate_cached(&c, &mut checks), validate(&c), "after {:?}", &edits[..=i]);
        for doc in &t.documents {
            for body in bodies(&c, &doc.id) {
                let b = c.for_body(&doc.id, &body.key).expect("a listed body");
                let fresh = build(&b, completeness);
                let cache = bound.entry(format!("{}/{}", doc.id, body.key)).or_default();
                prop_assert_eq!(&build_cached(&b, completeness, cache), &fresh, "{} after {:?}", body.key, &edits[..=i]);
                // As the preview builds it: one cache, whichever body is shown.
                let preview = build_for_cached(&c, &doc.id, &body.key, completeness, &mut shared);
                prop_assert_eq!(preview.as_ref(), Some(&fresh), "{} after {:?}", body.key, &edits[..=i]);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn ikpe_cached_build_is_a_fresh_build(edits in prop::collection::vec(edit(), 1..24)) {
        same_as_fresh("ikpe", common::ikpe_landkreis(), &edits)?;
    }

    #[test]
    fn sozialraum_cached_build_is_a_fresh_build(edits in prop::collection::vec(edit(), 1..24)) {
        same_as_fresh("sozialraum", common::sozialraum(3, 3, 5), &edits)?;
    }

    #[test]
    fn empty_drafts_cached_build_is_a_fresh_build(edits in prop::collection::vec(edit(), 1..24)) {
        same_as_fresh("sozialraum", Draft::new(template("sozialraum"), "leer", 0.0), &edits)?;
        same_as_fresh("ikpe", Draft::new(template("ikpe"), "leer", 0.0), &edits)?;
    }
}

/// What the caches are for: a name typed in step 1 of a large agreement, or in one provider,
/// prints again only the texts that show it, and checks again only what it can affect.
#[test]
fn a_keystroke_reprints_and_rechecks_only_what_reads_the_answer() {
    let t = template("sozialraum");
    let mut d = common::sozialraum(30, 50, 100);
    let mut cache = BuildCache::default();
    let mut checks = ValidateCache::default();
    let all = build_cached(&ctx(t, &d), Completeness::Complete, &mut cache);
    validate_cached(&ctx(t, &d), &mut checks);
    let (printed_first, evaluated_first, checked_first) = (cache.reprinted(), cache.evaluated(), checks.checked());
    assert!(printed_first > 20, "the first build prints every visible block ({printed_first})");
    assert!(evaluated_first > 500, "… and evaluates every text ({evaluated_first})");
    assert!(checked_first > 180, "the first validation checks every field and entry ({checked_first})");

    // Step 1: the blocks that show the Sozialraum's name.
    d.set_text("sozialraum", "Crimmitschau-Nord");
    let doc = build_cached(&ctx(t, &d), Completeness::Complete, &mut cache);
    assert_eq!(doc, build(&ctx(t, &d), Completeness::Complete));
    assert_ne!(doc, all);
    assert!(cache.reprinted() * 4 < printed_first, "{} of {printed_first} blocks printed again", cache.reprinted());
    assert_eq!(validate_cached(&ctx(t, &d), &mut checks), validate(&ctx(t, &d)));
    assert_eq!(checks.checked(), 1, "only the field itself is checked again");

    // Provider 1's name: its party, its signature and the heading of its services, and the
    // rule that names must be unique; not the other 49 providers.
    let traeger = t.field("traeger").expect("list").field;
    let first = d.entries(traeger)[0].id;
    d.set_entry_value(traeger, first, "name", "Kinderschutzbund Zwickau e.V.");
    let doc = build_cached(&ctx(t, &d), Completeness::Complete, &mut cache);
    assert_eq!(doc, build(&ctx(t, &d), Completeness::Complete));
    assert_eq!(cache.evaluated(), 3, "party, signature, heading of its services");
    assert_eq!(validate_cached(&ctx(t, &d), &mut checks), validate(&ctx(t, &d)));
    assert!(checks.checked() <= 4, "{} checks made again", checks.checked());

    // Nothing changed: nothing is printed or checked again.
    build_cached(&ctx(t, &d), Completeness::Complete, &mut cache);
    validate_cached(&ctx(t, &d), &mut checks);
    assert_eq!((cache.reprinted(), cache.evaluated(), checks.checked()), (0, 0, 0));
}

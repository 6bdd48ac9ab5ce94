//! Validation: template + draft → report. Every message is German and says how to fix the
//! problem. Field rules come from the field's kind and attributes, cross-field rules from the
//! template's `rules`.

mod cached;
mod report;
mod rules;

pub use cached::{ValidateCache, validate_cached};
pub use report::{Completeness, Fix, Issue, Owner, Report};

use crate::context::{Context, check_value};
use crate::template::{EntitySpec, Field, FieldKind, Rule, Severity, Template};
use crate::value::FieldPath;
use crate::value::grammar::{Amtsname, Koerperschaft, Kommunenart, amtliche_bezeichnung, zahlwort};

fn selections(n: i64, what: &str) -> String {
    if n == 1 { format!("mindestens eine {what}") } else { format!("mindestens {} {what}en", zahlwort(n)) }
}

/// Validates the whole draft.
pub fn validate(ctx: &Context<'_>) -> Report {
    let mut issues = Vec::new();
    for section in sections(ctx.template) {
        check_section(ctx, &section, &mut Fresh, &mut issues);
    }
    report::assign_owners(ctx, &mut issues);
    Report { issues }
}

/// The parts of the report, in its order: each field of each step, the names, each rule.
enum Section<'t> {
    Field(usize, &'t Field),
    Names,
    Rule(&'t Rule),
}

fn sections(t: &Template) -> impl Iterator<Item = Section<'_>> {
    let fields = t.steps.iter().enumerate().flat_map(|(step, s)| s.fields.iter().map(move |f| Section::Field(step, f)));
    fields.chain(std::iter::once(Section::Names)).chain(t.rules.iter().map(Section::Rule))
}

fn check_section(ctx: &Context<'_>, section: &Section<'_>, entries: &mut dyn Entries, issues: &mut Vec<Issue>) {
    match section {
        Section::Field(step, field) => check_field(ctx, *step, field, entries, issues),
        Section::Names => check_names(ctx, entries, issues),
        Section::Rule(rule) => rules::check_rule(ctx, rule, issues),
    }
}

/// What the check of one list entry found, before it becomes an issue (the issue's label names
/// the entry's place in its list, which the entry itself does not know).
#[derive(Clone)]
struct Finding {
    /// The entry's sub-field.
    sub: usize,
    message: String,
    severity: Severity,
    fix: Option<Fix>,
}

/// Checks list entries one by one: each anew (`validate`), or kept between runs
/// (`validate_cached`). A check is named by its section, its part there (numbered by the code
/// below; a part always checks the same list) and the entry.
trait Entries {
    fn entry(&mut self, ctx: &Context<'_>, part: usize, entry: u32, check: &mut dyn FnMut() -> Vec<Finding>) -> Vec<Finding>;
}

struct Fresh;

impl Entries for Fresh {
    fn entry(&mut self, _: &Context<'_>, _: usize, _: u32, check: &mut dyn FnMut() -> Vec<Finding>) -> Vec<Finding> {
        check()
    }
}

fn check_field(ctx: &Context<'_>, step: usize, field: &Field, keep: &mut dyn Entries, issues: &mut Vec<Issue>) {
    let mut push = |path: FieldPath, label: &str, message: String| {
        issues.push(Issue { path, step, label: label.to_string(), message, severity: Severity::Error, fix: None, owner: None })
    };
    match field.kind {
        FieldKind::Multi => {
            let n = ctx.set(field).iter().filter(|v| field.option_label(v).is_some()).count() as i64;
            let min = field.min.unwrap_or(i64::from(field.required));
            if n < min {
                let msg = field.min_message.clone().unwrap_or_else(|| format!("Bitte wählen Sie {}.", selections(min, "Möglichkeit")));
                push(FieldPath::field(&field.id), &field.label, msg);
            }
        }
        FieldKind::List => {
            let entries = ctx.entries(field);
            let min = field.min_items.unwrap_or(0);
            if entries.len() < min {
                let what = field.item_label.as_deref().unwrap_or("Eintrag");
                let msg = field
                    .min_message
                    .clone()
                    .unwrap_or_else(|| format!("Bitte fügen Sie mindestens {} „{what}“ hinzu.", zahlwort(min as i64)));
                push(FieldPath::field(&field.id), &field.label, msg);
            }
            if let Some(max) = field.max_items.filter(|m| entries.len() > *m) {
                push(FieldPath::field(&field.id), &field.label, format!("Bitte nennen Sie höchstens {max} Einträge."));
            }
            let item = field.item_label.as_deref().unwrap_or("Eintrag");
            for (n, entry) in entries.iter().enumerate() {
                let found = keep.entry(ctx, 0, entry.id, &mut || {
                    let check = |(i, sub): (usize, &Field)| check_value(ctx, sub, &ctx.entry_text(field, entry, sub)).err().map(|m| (i, m));
                    field
                        .fields
                        .iter()
                        .enumerate()
                        .filter_map(check)
                        .map(|(sub, message)| Finding { sub, message, severity: Severity::Error, fix: None })
                        .collect()
                });
                for f in found {
                    let Some(sub) = field.fields.get(f.sub) else { continue };
                    let path = FieldPath::Entry { list: field.id.clone(), entry: entry.id, sub: sub.id.clone() };
                    // "Träger 2 – PLZ": the summary must say which entry.
                    push(path, &format!("{item} {} – {}", n + 1, sub.label), f.message);
                }
            }
        }
        _ => {
            if let Err(msg) = check_value(ctx, field, &ctx.text(field)) {
                push(FieldPath::field(&field.id), &field.label, msg);
            }
        }
    }
}

/// Where the type of a named authority comes from: fixed by the template, or a choice field.
#[derive(Clone, Copy)]
enum ArtQuelle<'t> {
    Fest(Kommunenart),
    Feld { field: &'t Field, value: Option<Kommunenart> },
}

impl ArtQuelle<'_> {
    fn art(self) -> Option<Kommunenart> {
        match self {
            ArtQuelle::Fest(a) => Some(a),
            ArtQuelle::Feld { value, .. } => value,
        }
    }
}

/// The type as the user reads it ("kreisfreie Stadt").
fn art_wort(art: Kommunenart) -> &'static str {
    match art {
        Kommunenart::Landkreis => "Landkreis",
        Kommunenart::KreisfreieStadt => "kreisfreie Stadt",
        Kommunenart::Stadt => "Stadt",
        Kommunenart::Gemeinde => "Gemeinde",
    }
}

/// Every name field of a `koerperschaft` entity: people type the designation into it
/// ("Landkreis Gotha"). The grammar never prints it twice; here the user learns what will be
/// printed and gets the bare name as a one-click fix, or an error where the designation
/// contradicts the type.
fn check_names(ctx: &Context<'_>, keep: &mut dyn Entries, issues: &mut Vec<Issue>) {
    // Parts: one per entity and list.
    let mut part = 0;
    for spec in ctx.template.entities.values() {
        let EntitySpec::Koerperschaft { art, fixed_art, name } = spec else { continue };
        let fixed = fixed_art.as_deref().and_then(Kommunenart::from_value);
        if let Some(f) = ctx.field(name).filter(|f| f.kind == FieldKind::Text) {
            let quelle = match (fixed, art.as_deref().and_then(|a| ctx.field(a))) {
                (Some(a), _) => Some(ArtQuelle::Fest(a)),
                (None, Some(af)) => Some(ArtQuelle::Feld { field: af, value: Kommunenart::from_value(ctx.text(af).trim()) }),
                (None, None) => None,
            };
            if let Some((message, severity, fix)) = quelle.and_then(|q| check_name(ctx, f, &ctx.text(f), q)) {
                issues.push(Issue {
                    path: FieldPath::field(name),
                    step: ctx.step_of(name),
                    label: f.label.clone(),
                    message,
                    severity,
                    fix,
                    owner: None,
                });
            }
            continue;
        }
        // An entity of a list: every list whose entries have the name (and art) sub-fields.
        for list in ctx.template.fields().filter(|l| l.field.kind == FieldKind::List) {
            part += 1;
            let Some(sub) = list.field.sub_field(name).filter(|f| f.kind == FieldKind::Text) else { continue };
            let art_sub = art.as_deref().and_then(|a| list.field.sub_field(a));
            if fixed.is_none() && art_sub.is_none() {
                continue;
            }
            let item = list.field.item_label.as_deref().unwrap_or("Eintrag");
            for (n, e) in ctx.entries(list.field).iter().enumerate() {
                let found = keep.entry(ctx, part, e.id, &mut || {
                    let quelle = match (fixed, art_sub) {
                        (Some(a), _) => ArtQuelle::Fest(a),
                        (None, Some(af)) => {
                            ArtQuelle::Feld { field: af, value: Kommunenart::from_value(ctx.entry_text(list.field, e, af).trim()) }
                        }
                        (None, None) => return Vec::new(),
                    };
                    let found = check_name(ctx, sub, &ctx.entry_text(list.field, e, sub), quelle);
                    found.map(|(message, severity, fix)| Finding { sub: 0, message, severity, fix }).into_iter().collect()
                });
                for f in found {
                    let path = FieldPath::Entry { list: list.field.id.clone(), entry: e.id, sub: sub.id.clone() };
                    let label = format!("{item} {} – {}", n + 1, sub.label);
                    issues.push(Issue { path, step: list.step, label, message: f.message, severity: f.severity, fix: f.fix, owner: None });
                }
            }
        }
    }
}

/// What a name field says (message, severity, one-click fix), if anything.
fn check_name(ctx: &Context<'_>, field: &Field, raw: &str, quelle: ArtQuelle<'_>) -> Option<(String, Severity, Option<Fix>)> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    if Amtsname::nur_bezeichnung(raw).is_some() {
        let wort = match quelle.art() {
            Some(Kommunenart::Landkreis) => "des Landkreises, zum Beispiel „Gotha“",
            Some(Kommunenart::Gemeinde) => "der Gemeinde, zum Beispiel „Langenwetzendorf“",
            Some(_) => "der Stadt, zum Beispiel „Jena“",
            None => "zum Beispiel „Gotha“ oder „Jena“",
        };
        let message =
            format!("„{raw}“ allein ist kein Name. Bitte tragen Sie den Namen {wort} ein; die Bezeichnung ergänzt der Assistent.");
        return Some((message, Severity::Error, None));
    }
    let art = quelle.art();
    let a = Amtsname::parse(raw, art);
    let typed = a.bezeichnung?;
    let fix = Some(Fix { value: a.name.clone() });
    let geschrieben = &a.geschrieben;
    let sankt = if a.st_abgekuerzt() { " Steht „St.“ für „Sankt“, schreiben Sie bitte „Sankt“ aus." } else { "" };
    let Some(art) = art else {
        let message =
            format!("Bitte tragen Sie nur den Namen ein, ohne „{geschrieben}“: Die Bezeichnung ergänzt der Assistent aus der Art.");
        return Some((message, Severity::Warning, fix));
    };
    if !typed.passt_zu(art) {
        let message = match quelle {
            ArtQuelle::Feld { field: art_field, .. } => format!(
                "„{geschrieben}“ passt nicht zur gewählten Art „{}“. Bitte ändern Sie entweder bei „{}“ die Art oder den Namen in „{}“.{sankt}",
                art_field.option_label(Kommunenart::name(art)).unwrap_or(art_wort(art)),
                art_field.label,
                a.name
            ),
            ArtQuelle::Fest(_) => format!(
                "Hier ist ein {} gefragt, „{geschrieben}“ passt nicht dazu. Bitte tragen Sie nur den Namen ein, zum Beispiel „{}“.",
                art_wort(art),
                a.name
            ),
        };
        return Some((message, Severity::Error, fix));
    }
    let amtlich = ctx.lookup(field).and_then(|l| l.row(raw)).and_then(amtliche_bezeichnung);
    let gedruckt = Koerperschaft::amtlich(art, raw, amtlich);
    let ohne = Koerperschaft::amtlich(art, &a.name, amtlich);
    let message = if gedruckt == ohne {
        format!(
            "„{geschrieben}“ ergänzt der Assistent selbst: In der Vereinbarung steht „{}“. Bitte tragen Sie nur den Namen ein.{sankt}",
            gedruckt.titel()
        )
    } else {
        format!(
            "„{}“ wird als Bezeichnung übernommen: In der Vereinbarung steht „{}“. Soll dort „{}“ stehen, tragen Sie nur den Namen ein.{sankt}",
            gedruckt.bezeichnung.wort(),
            gedruckt.titel(),
            ohne.titel()
        )
    };
    Some((message, Severity::Warning, fix))
}

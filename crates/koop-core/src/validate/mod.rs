//! Validation: template + draft → report. Every message is German and says how to fix the
//! problem. Field rules come from the field's kind and attributes, cross-field rules from the
//! template's `rules`.

use crate::context::{Context, check_value};
use crate::draft::Entry;
use crate::eval;
use crate::template::{EntitySpec, Field, FieldKind, Rule, RuleKind, Severity};
use crate::value::Datum;
use crate::value::FieldPath;
use crate::value::grammar::{Amtsname, Koerperschaft, Kommunenart, amtliche_bezeichnung, zahlwort};

mod report;

pub use report::{Completeness, Fix, Issue, Owner, Report};

fn selections(n: i64, what: &str) -> String {
    if n == 1 { format!("mindestens eine {what}") } else { format!("mindestens {} {what}en", zahlwort(n)) }
}

/// Validates the whole draft.
pub fn validate(ctx: &Context<'_>) -> Report {
    let mut issues = Vec::new();
    for (step, s) in ctx.template.steps.iter().enumerate() {
        for field in &s.fields {
            check_field(ctx, step, field, &mut issues);
        }
    }
    check_names(ctx, &mut issues);
    for rule in &ctx.template.rules {
        check_rule(ctx, rule, &mut issues);
    }
    report::assign_owners(ctx, &mut issues);
    Report { issues }
}

fn check_field(ctx: &Context<'_>, step: usize, field: &Field, issues: &mut Vec<Issue>) {
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
                for sub in &field.fields {
                    if let Err(msg) = check_value(ctx, sub, &ctx.entry_text(field, entry, sub)) {
                        let path = FieldPath::Entry { list: field.id.clone(), entry: entry.id, sub: sub.id.clone() };
                        // "Träger 2 – PLZ": the summary must say which entry.
                        push(path, &format!("{item} {} – {}", n + 1, sub.label), msg);
                    }
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

/// The fields a rule addresses: "field" or "list.sub" (every entry).
enum RuleFields<'t> {
    Field(&'t Field),
    Sub { list: &'t Field, sub: &'t Field },
}

fn target<'t>(ctx: &Context<'t>, spec: &str) -> Option<RuleFields<'t>> {
    match spec.split_once('.') {
        Some((list, sub)) => {
            let list = ctx.field(list)?;
            Some(RuleFields::Sub { list, sub: list.sub_field(sub)? })
        }
        None => ctx.field(spec).map(RuleFields::Field),
    }
}

/// (path, raw value, entry) of every value a target addresses.
fn values<'t>(ctx: &Context<'t>, t: &RuleFields<'t>) -> Vec<(FieldPath, String, Option<Entry>)> {
    match t {
        RuleFields::Field(f) => vec![(FieldPath::field(&f.id), ctx.text(f), None)],
        RuleFields::Sub { list, sub } => ctx
            .entries(list)
            .iter()
            .map(|e| {
                let path = FieldPath::Entry { list: list.id.clone(), entry: e.id, sub: sub.id.clone() };
                (path, ctx.entry_text(list, e, sub), Some(e.clone()))
            })
            .collect(),
    }
}

fn check_rule(ctx: &Context<'_>, rule: &Rule, issues: &mut Vec<Issue>) {
    let Some(t) = target(ctx, &rule.field) else { return };
    let (step, label) = match &t {
        RuleFields::Field(f) => (ctx.step_of(&f.id), f.label.clone()),
        RuleFields::Sub { list, sub } => (ctx.step_of(&list.id), sub.label.clone()),
    };
    let list_field = match &t {
        RuleFields::Sub { list, .. } => Some(*list),
        RuleFields::Field(_) => None,
    };
    let mut push = |path: FieldPath, entry: Option<&Entry>| {
        let scope = list_field.zip(entry);
        let message = eval::plain_text(ctx, scope, &rule.message).unwrap_or_else(|| rule.message.source().to_string());
        issues.push(Issue { path, step, label: label.clone(), message, severity: rule.severity, fix: None, owner: None });
    };
    match rule.kind {
        RuleKind::Condition => {
            for (path, _, entry) in values(ctx, &t) {
                let scope = list_field.zip(entry.as_ref());
                if rule.when.as_ref().is_some_and(|c| eval::condition(ctx, scope, c)) {
                    push(path, entry.as_ref());
                }
            }
        }
        RuleKind::DateAfter => {
            let other = rule.other.as_deref().and_then(|o| ctx.field(o)).and_then(|o| Datum::parse(&ctx.text(o)));
            for (path, raw, entry) in values(ctx, &t) {
                if let (Some(d), Some(o)) = (Datum::parse(&raw), other)
                    && d <= o
                {
                    push(path, entry.as_ref());
                }
            }
        }
        RuleKind::InList => {
            let Some(list) = rule.list.as_deref().and_then(|l| ctx.field(l)) else { return };
            let key = rule.key.as_deref().unwrap_or("name");
            let allowed: Vec<String> =
                ctx.entries(list).iter().map(|e| norm(&ctx.entry_name(list, e, Some(key)))).filter(|k| !k.is_empty()).collect();
            for (path, raw, entry) in values(ctx, &t) {
                if !raw.trim().is_empty() && !allowed.contains(&norm(&raw)) {
                    push(path, entry.as_ref());
                }
            }
        }
        RuleKind::Unique => {
            let mut all = values(ctx, &t);
            for w in &rule.with {
                if let Some(other) = target(ctx, w) {
                    all.extend(values(ctx, &other));
                }
            }
            let mut seen: Vec<String> = Vec::new();
            for (path, raw, entry) in all {
                let key = norm(&raw);
                if key.is_empty() {
                    continue;
                }
                if seen.contains(&key) {
                    // The message belongs to the later duplicate; its own field may differ.
                    let (step, label) = match ctx.template.fields().find(|f| f.field.id == path.top()) {
                        Some(f) => (f.step, f.field.sub_field(path_sub(&path)).map_or(f.field.label.clone(), |s| s.label.clone())),
                        None => (step, label.clone()),
                    };
                    let message = match (entry.as_ref(), ctx.field(path.top())) {
                        (Some(e), Some(l)) => eval::plain_text(ctx, Some((l, e)), &rule.message),
                        _ => eval::plain_text(ctx, None, &rule.message),
                    }
                    .unwrap_or_else(|| rule.message.source().to_string());
                    issues.push(Issue { path, step, label, message, severity: rule.severity, fix: None, owner: None });
                } else {
                    seen.push(key);
                }
            }
        }
        RuleKind::Unreferenced => {
            let Some(list) = rule.list.as_deref().and_then(|l| ctx.field(l)) else { return };
            let key = rule.key.as_deref().unwrap_or("name");
            // References name entries by identity; other fields by the key's text.
            let by_id = matches!(&t, RuleFields::Sub { sub, .. } if sub.kind == FieldKind::Reference);
            let used: Vec<String> = values(ctx, &t).into_iter().map(|(_, raw, _)| norm(&raw)).collect();
            for e in ctx.entries(list).iter() {
                let k = if by_id { e.id.to_string() } else { norm(&ctx.entry_name(list, e, Some(key))) };
                if !k.is_empty() && !used.contains(&k) {
                    let path = FieldPath::Entry { list: list.id.clone(), entry: e.id, sub: key.to_string() };
                    let message =
                        eval::plain_text(ctx, Some((list, e)), &rule.message).unwrap_or_else(|| rule.message.source().to_string());
                    let label = list.sub_field(key).map_or(list.label.clone(), |s| s.label.clone());
                    issues.push(Issue {
                        path,
                        step: ctx.step_of(&list.id),
                        label,
                        message,
                        severity: rule.severity,
                        fix: None,
                        owner: None,
                    });
                }
            }
        }
    }
}

fn path_sub(path: &FieldPath) -> &str {
    match path {
        FieldPath::Entry { sub, .. } => sub,
        FieldPath::Field(_) => "",
    }
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
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
fn check_names(ctx: &Context<'_>, issues: &mut Vec<Issue>) {
    for spec in ctx.template.entities.values() {
        let EntitySpec::Koerperschaft { art, fixed_art, name } = spec else { continue };
        let fixed = fixed_art.as_deref().and_then(Kommunenart::from_value);
        if let Some(f) = ctx.field(name).filter(|f| f.kind == FieldKind::Text) {
            let quelle = match (fixed, art.as_deref().and_then(|a| ctx.field(a))) {
                (Some(a), _) => Some(ArtQuelle::Fest(a)),
                (None, Some(af)) => Some(ArtQuelle::Feld { field: af, value: Kommunenart::from_value(ctx.text(af).trim()) }),
                (None, None) => None,
            };
            if let Some(q) = quelle {
                check_name(ctx, ctx.step_of(name), FieldPath::field(name), f, &f.label, &ctx.text(f), q, issues);
            }
            continue;
        }
        // An entity of a list: every list whose entries have the name (and art) sub-fields.
        for list in ctx.template.fields().filter(|l| l.field.kind == FieldKind::List) {
            let Some(sub) = list.field.sub_field(name).filter(|f| f.kind == FieldKind::Text) else { continue };
            let art_sub = art.as_deref().and_then(|a| list.field.sub_field(a));
            let item = list.field.item_label.as_deref().unwrap_or("Eintrag");
            for (n, e) in ctx.entries(list.field).iter().enumerate() {
                let quelle = match (fixed, art_sub) {
                    (Some(a), _) => ArtQuelle::Fest(a),
                    (None, Some(af)) => {
                        ArtQuelle::Feld { field: af, value: Kommunenart::from_value(ctx.entry_text(list.field, e, af).trim()) }
                    }
                    (None, None) => continue,
                };
                let path = FieldPath::Entry { list: list.field.id.clone(), entry: e.id, sub: sub.id.clone() };
                let label = format!("{item} {} – {}", n + 1, sub.label);
                check_name(ctx, list.step, path, sub, &label, &ctx.entry_text(list.field, e, sub), quelle, issues);
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn check_name(
    ctx: &Context<'_>,
    step: usize,
    path: FieldPath,
    field: &Field,
    label: &str,
    raw: &str,
    quelle: ArtQuelle<'_>,
    issues: &mut Vec<Issue>,
) {
    let raw = raw.trim();
    if raw.is_empty() {
        return;
    }
    let mut push = |message: String, severity: Severity, fix: Option<Fix>| {
        issues.push(Issue { path: path.clone(), step, label: label.to_string(), message, severity, fix, owner: None })
    };
    if Amtsname::nur_bezeichnung(raw).is_some() {
        let wort = match quelle.art() {
            Some(Kommunenart::Landkreis) => "des Landkreises, zum Beispiel „Gotha“",
            Some(Kommunenart::Gemeinde) => "der Gemeinde, zum Beispiel „Langenwetzendorf“",
            Some(_) => "der Stadt, zum Beispiel „Jena“",
            None => "zum Beispiel „Gotha“ oder „Jena“",
        };
        push(
            format!("„{raw}“ allein ist kein Name. Bitte tragen Sie den Namen {wort} ein; die Bezeichnung ergänzt der Assistent."),
            Severity::Error,
            None,
        );
        return;
    }
    let art = quelle.art();
    let a = Amtsname::parse(raw, art);
    let Some(typed) = a.bezeichnung else { return };
    let fix = Some(Fix { value: a.name.clone() });
    let geschrieben = &a.geschrieben;
    let sankt = if a.st_abgekuerzt() { " Steht „St.“ für „Sankt“, schreiben Sie bitte „Sankt“ aus." } else { "" };
    let Some(art) = art else {
        push(
            format!("Bitte tragen Sie nur den Namen ein, ohne „{geschrieben}“: Die Bezeichnung ergänzt der Assistent aus der Art."),
            Severity::Warning,
            fix,
        );
        return;
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
        push(message, Severity::Error, fix);
        return;
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
    push(message, Severity::Warning, fix);
}

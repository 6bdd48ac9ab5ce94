//! The small language inside template text.
//!
//! Placeholders: `{field}`, `{field|filter:arg:arg|filter}`, `{entity.form}`,
//! `{field@column}` (lookup table), `{ref:clause-id}` (the clause's current number),
//! `{heute}` / `{heute.jahr}`. Inside a list entry, sub-field names resolve first.
//!
//! Conditions: atoms joined by `&&`: `path` (filled and valid), `!path`, `path == value`,
//! `path != value`, `path ~ value` (a multi field contains value), `path *= text` (the valid
//! text contains `text`, e.g. a default sentence still naming another Land's ministry).

mod amt;
mod answers;

use crate::context::{Context, check_value};
use crate::draft::Entry;
use crate::template::syntax::{Cond, Filter, FilterCall, Form, PathExpr, Seg, Test, Tmpl};
use crate::template::{BodySpec, EntitySpec, Field, FieldKind};
use crate::value::Datum;
use crate::value::grammar::{self, Amtsname, Anrede, Kasus, Koerperschaft, Kommunenart, Vertretung};
use crate::value::{FieldPath, Inline, Target};
use std::collections::BTreeMap;

/// A list entry whose sub-fields are in scope.
pub type Scope<'s> = Option<(&'s Field, &'s Entry)>;

/// Clause numbers by clause id, for `{ref:…}`.
pub type Refs = BTreeMap<String, String>;

/// A resolved placeholder before it becomes text.
#[derive(Debug, Clone)]
enum Val {
    Text(String),
    Items(Vec<String>),
    Number(i64),
    Missing(Miss),
}

#[derive(Debug, Clone)]
struct Miss {
    label: String,
    path: FieldPath,
    step: usize,
    required: bool,
    /// Final text of the gap instead of "[label]".
    gap: Option<String>,
}

struct Env<'c, 'a> {
    ctx: &'c Context<'a>,
    scope: Scope<'c>,
    refs: Option<&'c Refs>,
}

/// Evaluates template text into document inlines (gaps where answers are missing). Without a
/// scope, the text of a bound document sees its body's list entry first.
pub fn eval(ctx: &Context<'_>, scope: Scope<'_>, refs: Option<&Refs>, text: &Tmpl) -> Vec<Inline> {
    eval_in(Env { ctx, scope: scope.or_else(|| ctx.base_scope()), refs }, text)
}

/// A field's default, as text: the same in every document, so never in the body's entry.
pub(crate) fn default_text(ctx: &Context<'_>, scope: Scope<'_>, text: &Tmpl) -> Option<String> {
    plain(eval_in(Env { ctx, scope, refs: None }, text))
}

/// Whether a default's condition holds (never in the body's entry either).
pub(crate) fn default_condition(ctx: &Context<'_>, scope: Scope<'_>, cond: &Cond) -> bool {
    holds(Env { ctx, scope, refs: None }, cond)
}

fn eval_in(env: Env<'_, '_>, text: &Tmpl) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    for seg in text.segments() {
        match seg {
            Seg::Lit(s) => push_text(&mut out, s),
            Seg::Put(p) => {
                let hint = p.filters.first().and_then(|f| f.args.first()).map(String::as_str);
                let mut val = env.resolve(&p.path, hint);
                for call in &p.filters {
                    val = apply(val, call);
                }
                env.emit(val, &mut out);
            }
        }
    }
    out
}

/// Evaluates to plain text; `None` if anything is missing.
pub fn plain_text(ctx: &Context<'_>, scope: Scope<'_>, text: &Tmpl) -> Option<String> {
    plain(eval(ctx, scope, None, text))
}

fn plain(inlines: Vec<Inline>) -> Option<String> {
    let mut s = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) => s.push_str(&t),
            Inline::Gap { .. } => return None,
        }
    }
    Some(s)
}

fn push_text(out: &mut Vec<Inline>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Inline::Text(prev)) = out.last_mut() {
        prev.push_str(s);
    } else {
        out.push(Inline::Text(s.to_string()));
    }
}

fn apply(val: Val, call: &FilterCall) -> Val {
    let args = &call.args;
    let arg = |i: usize| args.get(i).map_or("", String::as_str);
    let is_empty = |v: &Val| match v {
        Val::Text(t) => t.is_empty(),
        Val::Items(i) => i.is_empty(),
        Val::Number(_) => false,
        Val::Missing(_) => true,
    };
    match (call.filter, val) {
        (Filter::List, Val::Items(items)) => Val::Text(grammar::aufzaehlung(&items)),
        (Filter::Join, Val::Items(items)) => Val::Text(items.join(", ")),
        (Filter::Words, Val::Number(n)) => Val::Text(grammar::zahlwort(n)),
        (Filter::Cap, Val::Text(t)) => Val::Text(capitalize(&t)),
        (Filter::Plural, Val::Number(n)) => Val::Text(if n == 1 { arg(0).to_string() } else { arg(1).replace('#', &n.to_string()) }),
        (Filter::PluralWords, Val::Number(n)) => {
            Val::Text(if n == 1 { arg(0).to_string() } else { arg(1).replace('#', &grammar::zahlwort(n)) })
        }
        (Filter::Or, v) if is_empty(&v) => Val::Text(args.join(":")),
        (Filter::Prefix | Filter::Suffix, Val::Missing(m)) if !m.required && m.gap.is_none() => Val::Text(String::new()),
        (Filter::Prefix | Filter::Suffix, v) if is_empty(&v) => v,
        (Filter::Prefix, v) => Val::Text(format!("{}{}", args.join(":"), text_of(v))),
        (Filter::Suffix, v) => Val::Text(format!("{}{}", text_of(v), args.join(":"))),
        (_, v) => v,
    }
}

/// First letter upper case, for a grammatical form at the start of a sentence.
fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn text_of(v: Val) -> String {
    match v {
        Val::Text(t) => t,
        Val::Items(i) => grammar::aufzaehlung(&i),
        Val::Number(n) => n.to_string(),
        Val::Missing(_) => String::new(),
    }
}

impl Env<'_, '_> {
    fn emit(&self, val: Val, out: &mut Vec<Inline>) {
        match val {
            Val::Missing(m) => {
                let target = Some(Target { step: m.step, path: m.path.clone() });
                if let Some(text) = m.gap {
                    out.push(Inline::Gap { text, target });
                } else if m.required {
                    out.push(Inline::Gap { text: format!("[{}]", m.label), target });
                }
            }
            other => push_text(out, &text_of(other)),
        }
    }

    /// A field in scope: a sub-field of the current entry, else a top-level field.
    fn lookup_field(&self, name: &str) -> Option<(&Field, Option<&Entry>)> {
        if let Some((list, entry)) = self.scope
            && let Some(sub) = list.sub_field(name)
        {
            return Some((sub, Some(entry)));
        }
        self.ctx.field(name).map(|f| (f, None))
    }

    fn path_of(&self, field: &Field, entry: Option<&Entry>) -> (FieldPath, usize) {
        match (self.scope, entry) {
            (Some((list, _)), Some(e)) => {
                let step = self.ctx.template.asked_in(field, self.ctx.step_of(&list.id));
                (FieldPath::Entry { list: list.id.clone(), entry: e.id, sub: field.id.clone() }, step)
            }
            _ => (FieldPath::field(&field.id), self.ctx.step_of(&field.id)),
        }
    }

    fn raw(&self, field: &Field, entry: Option<&Entry>) -> String {
        match (entry, self.scope) {
            (Some(e), Some((list, _))) => self.ctx.entry_text(list, e, field),
            (Some(e), None) => e.get(&field.id).to_string(),
            (None, _) => self.ctx.text(field),
        }
    }

    fn missing(&self, field: &Field, entry: Option<&Entry>) -> Val {
        let (path, step) = self.path_of(field, entry);
        let required = field.required || field.min.is_some_and(|m| m > 0) || field.min_items.is_some_and(|m| m > 0);
        let gap = field.gap_text.as_ref().map(|g| plain_text(self.ctx, None, g).unwrap_or_else(|| g.source().to_string()));
        Val::Missing(Miss { label: field.gap_label.clone().unwrap_or_else(|| field.label.clone()), path, step, required, gap })
    }

    /// The valid value of a field, or `None` if empty or invalid.
    fn valid_raw(&self, field: &Field, entry: Option<&Entry>) -> Option<String> {
        let raw = self.raw(field, entry);
        let ok = !raw.trim().is_empty() && check_value(self.ctx, field, &raw).is_ok();
        ok.then(|| raw.trim().to_string())
    }

    fn resolve(&self, path: &PathExpr, sub_hint: Option<&str>) -> Val {
        let path = match path {
            PathExpr::Ref(id) => return Val::Text(self.refs.and_then(|r| r.get(id)).cloned().unwrap_or_else(|| "?".to_string())),
            PathExpr::Today => return Val::Text(self.ctx.today.to_string()),
            PathExpr::Year => return Val::Text(self.ctx.today.jahr.to_string()),
            PathExpr::Lookup { field, column } => {
                return match self.lookup_field(field) {
                    Some((f, entry)) => {
                        let row = self.ctx.lookup(f).and_then(|l| l.row(&self.raw(f, entry)));
                        Val::Text(row.and_then(|r| r.get(column)).cloned().unwrap_or_default())
                    }
                    None => Val::Text(String::new()),
                };
            }
            PathExpr::Entity { entity, form } => {
                // The body of a bound document is read in its own entry, also inside a list.
                if let Some((spec, body)) = self.ctx.bound_entity(entity) {
                    return Env { ctx: self.ctx, scope: self.ctx.base_scope(), refs: self.refs }.entity(spec, *form, Some(body));
                }
                return match self.ctx.template.entities.get(entity) {
                    Some(spec) => self.entity(spec, *form, None),
                    None => Val::Text(format!("{{{path}}}")),
                };
            }
            PathExpr::Field(name) => name.as_str(),
        };
        let Some((field, entry)) = self.lookup_field(path) else {
            return Val::Text(format!("{{{path}}}"));
        };
        match field.kind {
            FieldKind::List => {
                let entries = self.ctx.entries(field);
                let sub = sub_hint.and_then(|s| field.sub_field(s));
                let items: Vec<String> = match sub {
                    Some(sub) => entries.iter().filter_map(|e| self.valid_entry_value(field, sub, e)).collect(),
                    None => Vec::new(),
                };
                if items.is_empty() && field.min_items.unwrap_or(0) > 0 { self.missing(field, None) } else { Val::Items(items) }
            }
            FieldKind::Multi => {
                let chosen: Vec<String> = self.ctx.set(field).iter().filter_map(|v| field.option_label(v)).map(str::to_string).collect();
                if (chosen.len() as i64) < field.min.unwrap_or(0) { self.missing(field, entry) } else { Val::Items(chosen) }
            }
            _ => match self.valid_raw(field, entry) {
                None => self.missing(field, entry),
                Some(raw) => match field.kind {
                    FieldKind::Integer => raw.parse().map_or_else(|_| self.missing(field, entry), Val::Number),
                    FieldKind::Choice => Val::Text(field.option_label(&raw).unwrap_or(&raw).to_string()),
                    FieldKind::Date => Val::Text(Datum::parse(&raw).map_or(raw, |d| d.to_string())),
                    FieldKind::Reference => Val::Text(self.ctx.display(field, &raw)),
                    _ => Val::Text(raw),
                },
            },
        }
    }

    fn valid_entry_value(&self, list: &Field, sub: &Field, e: &Entry) -> Option<String> {
        let env = Env { ctx: self.ctx, scope: Some((list, e)), refs: self.refs };
        env.valid_raw(sub, Some(e))
    }

    /// The valid answer of a field in scope, or its gap.
    fn answer(&self, id: &str) -> Result<String, Val> {
        match self.lookup_field(id) {
            Some((f, entry)) => self.valid_raw(f, entry).ok_or_else(|| self.missing(f, entry)),
            None => Ok(String::new()),
        }
    }

    fn entity(&self, spec: &EntitySpec, form: Form, body: Option<&BodySpec>) -> Val {
        let get = |id: &str| self.answer(id);
        match spec {
            EntitySpec::Koerperschaft { art, fixed_art, name } => {
                let art = match (fixed_art, art) {
                    (Some(fixed), _) => Ok(fixed.clone()),
                    (None, Some(field)) => get(field),
                    (None, None) => Ok(String::new()),
                };
                if form == Form::ArtGen {
                    return match art {
                        Ok(a) => Val::Text(Kommunenart::from_value(&a).map(grammar::art_genitiv).unwrap_or_default().to_string()),
                        Err(m) => m,
                    };
                }
                if matches!(form, Form::Art | Form::Gremium) || Form::LEITUNG.contains(&form) {
                    return self.amt(art, name, form, body);
                }
                // A missing name is the more telling gap ("[Name der Kommune]").
                let name_field = self.lookup_field(name);
                let name = match get(name) {
                    Ok(n) => n,
                    Err(m) => return m,
                };
                // "Landkreis" alone names nothing; printing it would double the designation.
                if Amtsname::nur_bezeichnung(&name).is_some()
                    && let Some((f, entry)) = name_field
                {
                    return self.missing(f, entry);
                }
                let art_value = art.as_ref().ok().and_then(|a| Kommunenart::from_value(a));
                if form == Form::Name {
                    return Val::Text(Amtsname::parse(&name, art_value).name);
                }
                let art = match art {
                    Ok(_) => art_value,
                    Err(Val::Missing(mut m)) => {
                        m.gap = Some(format!("[{}] {}", m.label, Amtsname::parse(&name, None).name));
                        return Val::Missing(m);
                    }
                    Err(other) => return other,
                };
                let Some(art) = art else { return Val::Text(Amtsname::parse(&name, None).name) };
                let amtlich =
                    name_field.and_then(|(f, _)| self.ctx.lookup(f)).and_then(|l| l.row(&name)).and_then(grammar::amtliche_bezeichnung);
                let k = Koerperschaft::amtlich(art, &name, amtlich);
                Val::Text(match form {
                    Form::Nom => k.mit_artikel(Kasus::Nominativ),
                    Form::Gen => k.mit_artikel(Kasus::Genitiv),
                    Form::Dat => k.mit_artikel(Kasus::Dativ),
                    Form::Akk => k.mit_artikel(Kasus::Akkusativ),
                    Form::AkkArt => k.akkusativ_mit_art(),
                    Form::Titel => k.titel(),
                    _ => k.name,
                })
            }
            EntitySpec::Person { anrede, funktion, name } => {
                let parts = (get(name), get(funktion), get(anrede));
                let (name, funktion, anrede) = match parts {
                    (Ok(n), Ok(f), Ok(a)) => (n, f, a),
                    (Err(m), _, _) | (_, Err(m), _) | (_, _, Err(m)) => return m,
                };
                let v = Vertretung { anrede: Anrede::from_value(&anrede).unwrap_or(Anrede::Keine), funktion, name };
                Val::Text(match form {
                    Form::Akk => v.akkusativ(),
                    Form::Nom => v.nominativ(),
                    Form::Funktion => v.funktion,
                    _ => v.name,
                })
            }
        }
    }

    /// Raw values for conditions: stored choice values (not labels), selected options, or the
    /// valid text. Invalid values count as empty.
    fn cond_values(&self, path: &PathExpr) -> Vec<String> {
        let path = match path {
            PathExpr::Field(name) => name.as_str(),
            other => {
                return match self.resolve(other, None) {
                    Val::Text(t) if !t.is_empty() => vec![t],
                    _ => Vec::new(),
                };
            }
        };
        match self.lookup_field(path) {
            Some((f, None)) if f.kind == FieldKind::Multi => self.ctx.set(f),
            Some((f, None)) if f.kind == FieldKind::List => self.ctx.entries(f).iter().map(|e| e.id.to_string()).collect(),
            Some((f, entry)) => self.valid_raw(f, entry).into_iter().collect(),
            None => Vec::new(),
        }
    }
}

/// Evaluates a condition (see the module documentation).
pub fn condition(ctx: &Context<'_>, scope: Scope<'_>, cond: &Cond) -> bool {
    holds(Env { ctx, scope: scope.or_else(|| ctx.base_scope()), refs: None }, cond)
}

fn holds(env: Env<'_, '_>, cond: &Cond) -> bool {
    cond.atoms().iter().all(|atom| {
        let vals = env.cond_values(&atom.path);
        match &atom.test {
            Test::Filled => !vals.is_empty(),
            Test::Empty => vals.is_empty(),
            Test::Is(v) => vals.len() == 1 && vals[0] == *v,
            Test::IsNot(v) => !(vals.len() == 1 && vals[0] == *v),
            Test::Has(v) => vals.iter().any(|x| x == v),
            Test::Contains(t) => vals.iter().any(|x| x.contains(t.as_str())),
        }
    })
}

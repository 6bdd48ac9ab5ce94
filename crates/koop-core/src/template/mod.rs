//! Templates are data. A template declares its steps, fields, rules and clause text; the engine
//! knows no template by name. The files live in `templates/*.toml`; the build script reads them
//! into the model (`model/`, where `deny_unknown_fields` makes a typo in a template a build
//! error instead of a silently ignored key) and embeds them in postcard form, each template
//! decoded here once, when first used.
//! `check` proves every reference inside a template points at something defined.

use std::collections::BTreeMap;
use std::sync::OnceLock;

mod model;
pub use model::*;
pub mod check;
pub mod syntax;

/// What the build script embedded (build.rs): the templates' and lookups' postcard bytes and
/// their JSON sources.
mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

impl Field {
    pub fn option_label(&self, value: &str) -> Option<&str> {
        self.options.iter().find(|o| o.value == value).map(|o| o.label.as_str())
    }
    pub fn sub_field(&self, id: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }
    /// "– optional" is shown on fields that are neither required nor need a minimum.
    pub fn is_optional(&self) -> bool {
        !self.required && self.min.is_none_or(|m| m <= 0 || self.kind != FieldKind::Multi) && self.min_items.unwrap_or(0) == 0
    }
}

impl Lookup {
    /// The row whose name matches (ignoring case, surrounding blanks and a leading designation).
    pub fn row(&self, name: &str) -> Option<&BTreeMap<String, String>> {
        let key = name.trim().to_lowercase();
        if key.is_empty() {
            return None;
        }
        let find = |key: &str| self.rows.iter().find(|r| r.get("name").is_some_and(|n| n.to_lowercase() == key));
        // "Landkreis Gotha" is the row "Gotha": the designation people type is not the name.
        find(&key).or_else(|| {
            let a = crate::value::grammar::Amtsname::parse(name, None);
            a.bezeichnung.and_then(|_| find(&a.name.to_lowercase()))
        })
    }
}

/// An embedded source file: (file name, JSON).
pub type Source = (&'static str, &'static str);

/// Everything the engine knows: the templates and their lookup tables. A built-in template is
/// decoded when it is first asked for: opening a draft decodes its own template only (decoding
/// every template was a tenth of the start-up before the first field, at 4× CPU throttling).
#[derive(Debug)]
pub struct Catalog {
    templates: Vec<Slot>,
    pub lookups: Vec<Lookup>,
}

/// A template under its id, decoded on first use.
struct Slot {
    id: String,
    bytes: &'static [u8],
    template: OnceLock<Result<Template, TemplateError>>,
}

impl Slot {
    fn decoded(template: Template) -> Slot {
        Slot { id: template.id.clone(), bytes: &[], template: OnceLock::from(Ok(template)) }
    }

    fn get(&self) -> Result<&Template, &TemplateError> {
        self.template.get_or_init(|| from_postcard(&format!("template {}", self.id), self.bytes)).as_ref()
    }
}

impl std::fmt::Debug for Slot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Slot").field("id", &self.id).field("template", &self.template.get()).finish()
    }
}

/// An error in a template file: which file and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub source: String,
    pub message: String,
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.source, self.message)
    }
}

impl Catalog {
    /// Compiles JSON documents of templates and lookup tables: reading compiles the template
    /// text (unknown filters and forms fail here), then the checker proves every name refers to
    /// something defined. Errors name the file and the place.
    pub fn from_json(templates: &[(&str, &str)], lookups: &[(&str, &str)]) -> Result<Catalog, TemplateError> {
        let err = |source: &str, e: serde_json::Error| TemplateError { source: source.to_string(), message: e.to_string() };
        let parsed = templates
            .iter()
            .map(|(name, json)| serde_json::from_str(json).map_err(|e| err(name, e)))
            .collect::<Result<Vec<Template>, _>>()?;
        let lookups =
            lookups.iter().map(|(name, json)| serde_json::from_str(json).map_err(|e| err(name, e))).collect::<Result<Vec<Lookup>, _>>()?;
        let catalog = Catalog { templates: parsed.into_iter().map(Slot::decoded).collect(), lookups };
        for ((name, _), t) in templates.iter().zip(catalog.templates()) {
            let problems = check::check(t, &catalog);
            if !problems.is_empty() {
                return Err(TemplateError { source: name.to_string(), message: problems.join("; ") });
            }
        }
        Ok(catalog)
    }

    /// The catalog built into the app (`templates/` at build time).
    pub fn builtin() -> Result<&'static Catalog, TemplateError> {
        static CATALOG: OnceLock<Result<Catalog, TemplateError>> = OnceLock::new();
        CATALOG
            .get_or_init(|| {
                let templates = embedded::TEMPLATE_POSTCARDS
                    .iter()
                    .map(|(id, bytes)| Slot { id: id.to_string(), bytes, template: OnceLock::new() })
                    .collect();
                Ok(Catalog { templates, lookups: from_postcard("lookups", embedded::LOOKUPS_POSTCARD)? })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The embedded JSON sources (file name, JSON) of templates and lookups.
    pub fn builtin_sources() -> (&'static [Source], &'static [Source]) {
        (embedded::TEMPLATES, embedded::LOOKUPS)
    }

    /// The template `id`; `None` where there is none, or where its embedded bytes do not decode
    /// (a build from mismatched sources: `template_error` says what is wrong).
    pub fn template(&self, id: &str) -> Option<&Template> {
        self.slot(id)?.get().ok()
    }

    /// Why the template `id` could not be decoded, if it could not.
    pub fn template_error(&self, id: &str) -> Option<&TemplateError> {
        self.slot(id)?.get().err()
    }

    fn slot(&self, id: &str) -> Option<&Slot> {
        self.templates.iter().find(|s| s.id == id)
    }

    /// Every template, in the order of their files (decodes those not decoded yet).
    pub fn templates(&self) -> impl Iterator<Item = &Template> {
        self.templates.iter().filter_map(|s| s.get().ok())
    }

    /// The ids of the templates, without decoding them.
    pub fn template_ids(&self) -> impl Iterator<Item = &str> {
        self.templates.iter().map(|s| s.id.as_str())
    }

    pub fn lookup(&self, id: &str) -> Option<&Lookup> {
        self.lookups.iter().find(|l| l.id == id)
    }
}

/// Where a field sits: its step and, for list sub-fields, its list.
#[derive(Debug, Clone, Copy)]
pub struct FieldRef<'t> {
    pub step: usize,
    pub field: &'t Field,
}

impl Template {
    /// Every top-level field with its step index.
    pub fn fields(&self) -> impl Iterator<Item = FieldRef<'_>> {
        self.steps.iter().enumerate().flat_map(|(step, s)| s.fields.iter().map(move |field| FieldRef { step, field }))
    }

    pub fn field(&self, id: &str) -> Option<FieldRef<'_>> {
        self.fields().find(|f| f.field.id == id)
    }

    pub fn review_step(&self) -> Option<usize> {
        self.steps.iter().position(|s| s.kind == StepKind::Review)
    }

    /// The bound document an answer belongs to (`document = "…"` on its field, or on the
    /// sub-field of a list entry); `None` for the agreement's answers.
    pub fn document_of(&self, path: &crate::value::FieldPath) -> Option<&str> {
        let top = self.field(path.top())?.field;
        let field = match path {
            crate::value::FieldPath::Field(_) => top,
            crate::value::FieldPath::Entry { sub, .. } => top.sub_field(sub)?,
        };
        field.document.as_deref()
    }

    /// The step an answer is asked in: a bound document's answers where that document is made
    /// (the review step), the agreement's in `own`, the step of their field or list.
    pub fn asked_in(&self, field: &Field, own: usize) -> usize {
        match field.document {
            Some(_) => self.review_step().unwrap_or(own),
            None => own,
        }
    }
}

impl Site {
    /// `templates/site/betrieb.toml`, embedded at build time.
    pub fn builtin() -> Result<Site, TemplateError> {
        from_postcard::<Vec<Site>>("site", embedded::SITE_POSTCARD)?
            .into_iter()
            .next()
            .ok_or_else(|| TemplateError { source: "site".into(), message: "templates/site/betrieb.toml fehlt".into() })
    }
}

/// Decodes what the build script embedded. It wrote these bytes from the same model, so an error
/// here means a build from mismatched sources, reported like a broken template file.
fn from_postcard<T: serde::de::DeserializeOwned>(what: &str, bytes: &[u8]) -> Result<T, TemplateError> {
    postcard::from_bytes(bytes).map_err(|e| TemplateError { source: format!("{what} (eingebettet)"), message: e.to_string() })
}

//! Templates are data. A template declares its steps, fields, rules and clause text; the engine
//! knows no template by name. The files live in `templates/*.toml`; the build script turns them
//! into JSON that is embedded and read here (`deny_unknown_fields` makes a typo in a template an
//! error instead of a silently ignored key). `check` proves every reference inside a template
//! points at something defined.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub id: String,
    pub version: u32,
    pub title: String,
    pub description: String,
    /// Who the parties are, one line for the template chooser.
    pub parties: String,
    /// Default name of a draft ("IKPE – {kommune.titel}").
    pub draft_name: String,
    /// File name without date and extension; placeholders are transliterated to ASCII.
    pub file_name: String,
    pub meta: MetaSpec,
    #[serde(default)]
    pub entities: BTreeMap<String, EntitySpec>,
    pub steps: Vec<Step>,
    #[serde(default)]
    pub rules: Vec<Rule>,
    pub document: DocumentSpec,
    #[serde(default)]
    pub checklist: Vec<ChecklistEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaSpec {
    pub title: String,
    pub subject: String,
    pub author: String,
    /// Running header of every page.
    pub header: String,
}

/// A grammatical entity built from fields: placeholders such as `{kommune.dat}` use it.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum EntitySpec {
    /// A local authority: art (choice field with values landkreis, kreisfreie_stadt, stadt,
    /// gemeinde) or a fixed `fixed_art`, and name.
    Koerperschaft {
        #[serde(default)]
        art: Option<String>,
        #[serde(default)]
        fixed_art: Option<String>,
        name: String,
    },
    /// A person in a function with form of address.
    Person { anrede: String, funktion: String, name: String },
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub intro: String,
    #[serde(default)]
    pub kind: StepKind,
    #[serde(default)]
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    #[default]
    Form,
    /// Lists every answer with a link back to its field, then offers the export.
    Review,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    Text,
    Textarea,
    Choice,
    Multi,
    Integer,
    Date,
    Email,
    Phone,
    Postcode,
    Pattern,
    List,
    /// Names an entry of another list (stored as the entry's identity, so renaming the entry
    /// keeps the reference): `refers_to` names the list, `key` its sub-field shown.
    Reference,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Width {
    Short,
    Medium,
    #[default]
    Full,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub id: String,
    pub kind: FieldKind,
    pub label: String,
    #[serde(default)]
    pub hint: String,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub required_message: Option<String>,
    /// Shown in a collapsible panel of the step instead of the main flow.
    #[serde(default)]
    pub panel: Option<String>,
    #[serde(default)]
    pub options: Vec<Choice>,
    /// Computed default for text-like fields: the first case whose condition holds.
    #[serde(default)]
    pub default: Vec<DefaultCase>,
    /// Default selection of a multi field.
    #[serde(default)]
    pub default_set: Vec<String>,
    /// Integer bounds, or minimum selections of a multi field.
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub max: Option<i64>,
    #[serde(default)]
    pub min_message: Option<String>,
    /// Date fields: the date must lie after today.
    #[serde(default)]
    pub after_today: bool,
    #[serde(default)]
    pub pattern: Option<String>,
    #[serde(default)]
    pub pattern_message: Option<String>,
    /// Text shown as a highlighted gap when this optional field is empty.
    #[serde(default)]
    pub gap_text: Option<String>,
    /// Shorter name for the gap in the document ("[Vor- und Nachname]"); default: the label.
    #[serde(default)]
    pub gap_label: Option<String>,
    /// Values that are the template's own placeholders and must be replaced.
    #[serde(default)]
    pub reject: Vec<String>,
    /// A lookup table offered as suggestions; `field@column` reads the matching row.
    #[serde(default)]
    pub lookup: Option<String>,
    #[serde(default)]
    pub autocomplete: Option<String>,
    #[serde(default)]
    pub width: Width,
    // Lists (repeating groups).
    #[serde(default)]
    pub item_label: Option<String>,
    #[serde(default)]
    pub fields: Vec<Field>,
    #[serde(default)]
    pub min_items: Option<usize>,
    #[serde(default)]
    pub max_items: Option<usize>,
    #[serde(default)]
    pub default_items: Vec<BTreeMap<String, String>>,
    /// Placeholder text naming an entry in summaries and announcements ("{name}").
    #[serde(default)]
    pub item_title: Option<String>,
    /// Reference fields: the list referred to, and the sub-field naming its entries.
    #[serde(default)]
    pub refers_to: Option<String>,
    #[serde(default)]
    pub key: Option<String>,
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

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefaultCase {
    #[serde(default)]
    pub when: Option<String>,
    pub value: String,
}

/// A cross-field rule: when the condition holds, the message is shown at the field.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub kind: RuleKind,
    /// The field (or `list.sub` for every entry of a list) the message belongs to.
    pub field: String,
    #[serde(default)]
    pub when: Option<String>,
    /// For `date_after`: the other date field.
    #[serde(default)]
    pub other: Option<String>,
    /// For `in_list`: the list whose entries' `key` sub-field holds the allowed values.
    #[serde(default)]
    pub list: Option<String>,
    #[serde(default)]
    pub key: Option<String>,
    /// For `unique`: further `list.sub` fields sharing one name space.
    #[serde(default)]
    pub with: Vec<String>,
    pub message: String,
    #[serde(default)]
    pub severity: Severity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// Message when the `when` condition holds.
    Condition,
    /// The date field must lie after `other`.
    DateAfter,
    /// The value must name an entry of `list` (by its `key` sub-field).
    InList,
    /// No two values of `field` and the `with` fields may be equal.
    Unique,
    /// Warning on entries of `list` that no `field` (list.sub) names.
    Unreferenced,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    #[default]
    Error,
    Warning,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentSpec {
    /// Appended to section numbers ("1." instead of "1").
    #[serde(default)]
    pub section_suffix: String,
    pub blocks: Vec<BlockSpec>,
}

/// One block of the agreement's text. The list is flat, like the document: a `section` starts a
/// numbered heading, a `clause` is numbered inside the current section (and subsection).
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum BlockSpec {
    Title {
        text: String,
        #[serde(default)]
        when: Option<String>,
    },
    Subtitle {
        text: String,
        #[serde(default)]
        when: Option<String>,
    },
    Party {
        lines: Vec<String>,
        #[serde(default)]
        alias: Option<String>,
        /// One party block per entry of this list (texts see the entry's fields).
        #[serde(default)]
        each: Option<String>,
        #[serde(default)]
        when: Option<String>,
    },
    Paragraph {
        text: String,
        #[serde(default)]
        style: ParagraphStyle,
        #[serde(default)]
        when: Option<String>,
    },
    /// An unnumbered heading (e.g. "Präambel").
    Heading {
        text: String,
        #[serde(default)]
        when: Option<String>,
    },
    Section {
        title: String,
        #[serde(default)]
        id: Option<String>,
        #[serde(default)]
        when: Option<String>,
    },
    Subsection {
        /// Empty: numbering only, no heading (clauses 5.1.1 directly under section 5).
        #[serde(default)]
        title: String,
        #[serde(default)]
        id: Option<String>,
        #[serde(default)]
        when: Option<String>,
    },
    Clause {
        text: String,
        #[serde(default)]
        id: Option<String>,
        #[serde(default)]
        when: Option<String>,
    },
    Bullets {
        /// Fixed items; a leading ">" indents an item one level.
        #[serde(default)]
        items: Vec<String>,
        /// One bullet per selected option of a multi field.
        #[serde(default)]
        from: Option<String>,
        /// One bullet per entry of a list, formatted by `item`.
        #[serde(default)]
        each: Option<String>,
        #[serde(default)]
        item: Option<String>,
        /// Groups the entries by this sub-field; `group` formats the group's line.
        #[serde(default)]
        group_by: Option<String>,
        #[serde(default)]
        group: Option<String>,
        #[serde(default)]
        when: Option<String>,
    },
    Contacts {
        each: String,
        item: String,
        #[serde(default)]
        when: Option<String>,
    },
    Signatures {
        parties: Vec<SignatureSpec>,
        #[serde(default)]
        when: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphStyle {
    #[default]
    Body,
    /// Continues the clause above, indented like its text.
    Indented,
    Center,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureSpec {
    pub party: String,
    pub place: String,
    /// Printed name under each signature line.
    pub signatory: String,
    /// One signature line per entry of this list (`signatory` sees the entry's fields).
    #[serde(default)]
    pub signatories: Option<String>,
    /// One whole signature block per entry of this list.
    #[serde(default)]
    pub each: Option<String>,
}

/// Maps a topic of the ISA checklist to the clauses that settle it in this template.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistEntry {
    pub topic: String,
    #[serde(default)]
    pub clauses: Vec<String>,
    /// Why the topic is open in this template, shown as a hint when `clauses` is empty.
    #[serde(default)]
    pub hint: Option<String>,
}

/// A table of suggestions (e.g. Thuringian Landkreise and kreisfreie Städte).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lookup {
    pub id: String,
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<BTreeMap<String, String>>,
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
            let a = crate::grammar::Amtsname::parse(name, None);
            a.bezeichnung.and_then(|_| find(&a.name.to_lowercase()))
        })
    }
}

/// An embedded source file: (file name, JSON).
pub type Source = (&'static str, &'static str);

/// Everything the engine knows: the templates and their lookup tables.
#[derive(Debug)]
pub struct Catalog {
    pub templates: Vec<Template>,
    pub lookups: Vec<Lookup>,
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
    /// Reads JSON documents of templates and lookup tables.
    pub fn from_json(templates: &[(&str, &str)], lookups: &[(&str, &str)]) -> Result<Catalog, TemplateError> {
        let err = |source: &str, e: serde_json::Error| TemplateError { source: source.to_string(), message: e.to_string() };
        let templates = templates
            .iter()
            .map(|(name, json)| serde_json::from_str(json).map_err(|e| err(name, e)))
            .collect::<Result<Vec<Template>, _>>()?;
        let lookups =
            lookups.iter().map(|(name, json)| serde_json::from_str(json).map_err(|e| err(name, e))).collect::<Result<Vec<Lookup>, _>>()?;
        Ok(Catalog { templates, lookups })
    }

    /// The catalog built into the app (`templates/` at build time).
    pub fn builtin() -> Result<&'static Catalog, TemplateError> {
        static CATALOG: OnceLock<Result<Catalog, TemplateError>> = OnceLock::new();
        CATALOG.get_or_init(|| Catalog::from_json(crate::embedded::TEMPLATES, crate::embedded::LOOKUPS)).as_ref().map_err(Clone::clone)
    }

    /// The embedded JSON sources (file name, JSON) of templates and lookups.
    pub fn builtin_sources() -> (&'static [Source], &'static [Source]) {
        (crate::embedded::TEMPLATES, crate::embedded::LOOKUPS)
    }

    pub fn template(&self, id: &str) -> Option<&Template> {
        self.templates.iter().find(|t| t.id == id)
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
}

/// Who runs this installation: shown on the privacy and accessibility pages.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub betreiber: String,
    pub kontakt_email: String,
    #[serde(default)]
    pub kontakt_hinweis: Option<String>,
    pub erklaerung_stand: String,
    pub durchsetzungsstelle: String,
}

impl Site {
    /// `templates/site/betrieb.toml`, embedded at build time.
    pub fn builtin() -> Result<Site, TemplateError> {
        let (name, json) = crate::embedded::SITE
            .first()
            .copied()
            .ok_or_else(|| TemplateError { source: "site".into(), message: "templates/site/betrieb.toml fehlt".into() })?;
        serde_json::from_str(json).map_err(|e| TemplateError { source: name.to_string(), message: e.to_string() })
    }
}

//! The template language's data model: what a template file says, as written. The build script
//! compiles this very file too (`#[path]` in `build.rs`): it reads `templates/*.toml` into these
//! types and embeds them in the compact postcard form, so the app carries no JSON reader for
//! templates. Hence this module depends on serde and std only.
//!
//! The serde representation must suit a self-describing format (TOML, JSON in tests) and
//! postcard, which is not self-describing: no internally tagged enums, no `flatten`, no
//! `skip_serializing_if`. Tagged blocks and entities go through flat records (`RawBlock`,
//! `RawEntity`) that keep the `type = "clause"` / `kind = "person"` form of the files.

use super::syntax::{Cond, Tmpl};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub id: String,
    pub version: u32,
    pub title: String,
    pub description: String,
    /// Who the parties are, one line for the template chooser.
    pub parties: String,
    /// Default name of a draft ("IKPE – {kommune.titel}").
    pub draft_name: Tmpl,
    /// File name without date and extension; placeholders are transliterated to ASCII.
    pub file_name: Tmpl,
    pub meta: MetaSpec,
    #[serde(default)]
    pub entities: BTreeMap<String, EntitySpec>,
    pub steps: Vec<Step>,
    #[serde(default)]
    pub rules: Vec<Rule>,
    pub document: DocumentSpec,
    #[serde(default)]
    pub checklist: Vec<ChecklistEntry>,
    /// Further documents made from the same answers (the council's Beschlussvorlage).
    #[serde(default)]
    pub documents: Vec<BoundDocument>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaSpec {
    pub title: Tmpl,
    pub subject: Tmpl,
    pub author: Tmpl,
    /// Running header of every page.
    pub header: Tmpl,
}

/// A grammatical entity built from fields: placeholders such as `{kommune.dat}` use it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "RawEntity", into = "RawEntity")]
pub enum EntitySpec {
    /// A local authority: art (choice field with values landkreis, kreisfreie_stadt, stadt,
    /// gemeinde) or a fixed `fixed_art`, and name.
    Koerperschaft { art: Option<String>, fixed_art: Option<String>, name: String },
    /// A person in a function with form of address.
    Person { anrede: String, funktion: String, name: String },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
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

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    #[default]
    Form,
    /// Lists every answer with a link back to its field, then offers the export.
    Review,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Width {
    Short,
    Medium,
    #[default]
    Full,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
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
    pub gap_text: Option<Tmpl>,
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
    /// Reference fields: the list referred to, and the sub-field naming its entries.
    #[serde(default)]
    pub refers_to: Option<String>,
    #[serde(default)]
    pub key: Option<String>,
    /// An answer of this bound document (`[[documents]]` id), not of the agreement: asked where
    /// that document is made.
    #[serde(default)]
    pub document: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefaultCase {
    #[serde(default)]
    pub when: Option<Cond>,
    pub value: Tmpl,
}

/// A cross-field rule: when the condition holds, the message is shown at the field.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub kind: RuleKind,
    /// The field (or `list.sub` for every entry of a list) the message belongs to.
    pub field: String,
    #[serde(default)]
    pub when: Option<Cond>,
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
    pub message: Tmpl,
    #[serde(default)]
    pub severity: Severity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    #[default]
    Error,
    Warning,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentSpec {
    /// Appended to section numbers ("1." instead of "1").
    #[serde(default)]
    pub section_suffix: String,
    pub blocks: Vec<BlockSpec>,
}

/// The entity a bound document's text names its body by: `{koerperschaft.gen}`.
pub const BODY_ENTITY: &str = "koerperschaft";

/// A document bound to the agreement's draft (`[[documents]]`): its own text in the same block
/// language, made for one public body at a time. In its text `{koerperschaft.…}` is that body.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoundDocument {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// File name without date and extension, like the agreement's.
    pub file_name: Tmpl,
    /// The name of the documents of all bodies together (one ZIP), without date and extension;
    /// its text sees the agreement's answers only.
    pub zip_name: Tmpl,
    pub meta: MetaSpec,
    /// The bodies a document is made for, in the order offered.
    pub bodies: Vec<BodySpec>,
    #[serde(default)]
    pub section_suffix: String,
    pub blocks: Vec<BlockSpec>,
}

/// Who a bound document can be made for: a `koerperschaft` entity, once or per list entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodySpec {
    pub entity: String,
    /// One body per entry of this list (the entity's fields are the entry's sub-fields, and so
    /// are the answers the document's text names first).
    #[serde(default)]
    pub each: Option<String>,
    /// The choice field (values of the Anrede) saying how the head of the body is addressed.
    pub anrede: String,
    /// A choice field (`ja`, `nein`): whether a kreisangehörige Stadt is a Große Kreisstadt,
    /// headed by an Oberbürgermeister.
    #[serde(default)]
    pub grosse_kreisstadt: Option<String>,
}

/// One block of the agreement's text. The list is flat, like the document: a `section` starts a
/// numbered heading, a `clause` is numbered inside the current section (and subsection).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "RawBlock", into = "RawBlock")]
pub enum BlockSpec {
    Title {
        text: Tmpl,
        when: Option<Cond>,
    },
    Subtitle {
        text: Tmpl,
        when: Option<Cond>,
    },
    Party {
        lines: Vec<Tmpl>,
        alias: Option<Tmpl>,
        /// One party block per entry of this list (texts see the entry's fields).
        each: Option<String>,
        when: Option<Cond>,
    },
    Paragraph {
        text: Tmpl,
        style: ParagraphStyle,
        when: Option<Cond>,
    },
    /// An unnumbered heading (e.g. "Präambel").
    Heading {
        text: Tmpl,
        when: Option<Cond>,
    },
    Section {
        title: Tmpl,
        id: Option<String>,
        when: Option<Cond>,
    },
    Subsection {
        /// Empty: numbering only, no heading (clauses 5.1.1 directly under section 5).
        title: Tmpl,
        id: Option<String>,
        when: Option<Cond>,
    },
    Clause {
        text: Tmpl,
        id: Option<String>,
        when: Option<Cond>,
    },
    Bullets {
        /// Fixed items; a leading ">" indents an item one level.
        items: Vec<Tmpl>,
        /// One bullet per selected option of a multi field.
        from: Option<String>,
        /// One bullet per entry of a list, formatted by `item`.
        each: Option<String>,
        item: Option<Tmpl>,
        /// Groups the entries by this sub-field; `group` formats the group's line.
        group_by: Option<String>,
        group: Option<Tmpl>,
        when: Option<Cond>,
    },
    Contacts {
        each: String,
        item: Tmpl,
        when: Option<Cond>,
    },
    Signatures {
        parties: Vec<SignatureSpec>,
        when: Option<Cond>,
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

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureSpec {
    pub party: Tmpl,
    pub place: Tmpl,
    /// Printed name under each signature line.
    pub signatory: Tmpl,
    /// One signature line per entry of this list (`signatory` sees the entry's fields).
    #[serde(default)]
    pub signatories: Option<String>,
    /// One whole signature block per entry of this list.
    #[serde(default)]
    pub each: Option<String>,
}

/// Maps a topic of the ISA checklist to the clauses that settle it in this template.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistEntry {
    pub topic: ChecklistTopic,
    #[serde(default)]
    pub clauses: Vec<String>,
    /// Why the topic is open in this template, shown as a hint when `clauses` is empty.
    #[serde(default)]
    pub hint: Option<String>,
}

/// The checklist of what an agreement must settle (ISA, phase 3). A template's `topic` must be
/// one of these; any other name fails to load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChecklistTopic {
    RechtePflichten,
    Leistungen,
    Qualitaetsstandards,
    Beteiligung,
    Konfliktverfahren,
    Finanzierung,
    Personal,
    PaedagogischeGestaltung,
}

impl ChecklistTopic {
    pub const ALL: [ChecklistTopic; 8] = [
        ChecklistTopic::RechtePflichten,
        ChecklistTopic::Leistungen,
        ChecklistTopic::Qualitaetsstandards,
        ChecklistTopic::Beteiligung,
        ChecklistTopic::Konfliktverfahren,
        ChecklistTopic::Finanzierung,
        ChecklistTopic::Personal,
        ChecklistTopic::PaedagogischeGestaltung,
    ];

    pub fn title(self) -> &'static str {
        match self {
            ChecklistTopic::RechtePflichten => "Rechte und Pflichten der Partner",
            ChecklistTopic::Leistungen => "Leistungen",
            ChecklistTopic::Qualitaetsstandards => "Qualitätsstandards",
            ChecklistTopic::Beteiligung => "Beteiligungsmöglichkeiten",
            ChecklistTopic::Konfliktverfahren => "Verfahren bei Konflikten",
            ChecklistTopic::Finanzierung => "Finanzierung",
            ChecklistTopic::Personal => "Personal",
            ChecklistTopic::PaedagogischeGestaltung => "Pädagogische Gestaltung",
        }
    }
}

/// A table of suggestions (e.g. Thuringian Landkreise and kreisfreie Städte).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lookup {
    pub id: String,
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<BTreeMap<String, String>>,
}

/// Who runs this installation: shown on the privacy and accessibility pages.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub betreiber: String,
    pub kontakt_email: String,
    #[serde(default)]
    pub kontakt_hinweis: Option<String>,
    pub erklaerung_stand: String,
    pub durchsetzungsstelle: String,
}

/// A block as the files write it: `type` names the kind, the other keys are its fields. The
/// kinds allow different keys; [`BlockSpec`]'s conversion says which (serde's internally tagged
/// enums would, but they need a self-describing format, and the embedded form is postcard).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBlock {
    #[serde(rename = "type")]
    kind: BlockKind,
    #[serde(default)]
    text: Option<Tmpl>,
    #[serde(default)]
    title: Option<Tmpl>,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    lines: Option<Vec<Tmpl>>,
    #[serde(default)]
    alias: Option<Tmpl>,
    #[serde(default)]
    style: Option<ParagraphStyle>,
    #[serde(default)]
    items: Option<Vec<Tmpl>>,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    each: Option<String>,
    #[serde(default)]
    item: Option<Tmpl>,
    #[serde(default)]
    group_by: Option<String>,
    #[serde(default)]
    group: Option<Tmpl>,
    #[serde(default)]
    parties: Option<Vec<SignatureSpec>>,
    #[serde(default)]
    when: Option<Cond>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum BlockKind {
    Title,
    Subtitle,
    Party,
    Paragraph,
    Heading,
    Section,
    Subsection,
    Clause,
    Bullets,
    Contacts,
    Signatures,
}

impl BlockKind {
    /// The keys a block of this kind may have besides `type` and `when`.
    fn keys(self) -> &'static [&'static str] {
        match self {
            BlockKind::Title | BlockKind::Subtitle | BlockKind::Heading => &["text"],
            BlockKind::Party => &["lines", "alias", "each"],
            BlockKind::Paragraph => &["text", "style"],
            BlockKind::Section | BlockKind::Subsection => &["title", "id"],
            BlockKind::Clause => &["text", "id"],
            BlockKind::Bullets => &["items", "from", "each", "item", "group_by", "group"],
            BlockKind::Contacts => &["each", "item"],
            BlockKind::Signatures => &["parties"],
        }
    }
}

/// "missing field `text`", worded like serde's own messages.
fn required<T>(value: Option<T>, key: &str) -> Result<T, String> {
    value.ok_or_else(|| format!("missing field `{key}`"))
}

/// "unknown field `lines`" for the first key this kind does not allow.
fn only_keys(present: &[(&str, bool)], allowed: &[&str], what: &str) -> Result<(), String> {
    match present.iter().find(|(key, set)| *set && !allowed.contains(key)) {
        Some((key, _)) => Err(format!("unknown field `{key}` in {what}, expected one of `{}`", allowed.join("`, `"))),
        None => Ok(()),
    }
}

impl TryFrom<RawBlock> for BlockSpec {
    type Error = String;

    fn try_from(r: RawBlock) -> Result<BlockSpec, String> {
        let present = [
            ("text", r.text.is_some()),
            ("title", r.title.is_some()),
            ("id", r.id.is_some()),
            ("lines", r.lines.is_some()),
            ("alias", r.alias.is_some()),
            ("style", r.style.is_some()),
            ("items", r.items.is_some()),
            ("from", r.from.is_some()),
            ("each", r.each.is_some()),
            ("item", r.item.is_some()),
            ("group_by", r.group_by.is_some()),
            ("group", r.group.is_some()),
            ("parties", r.parties.is_some()),
        ];
        only_keys(&present, r.kind.keys(), &format!("a block of type {:?}", r.kind))?;
        let when = r.when;
        Ok(match r.kind {
            BlockKind::Title => BlockSpec::Title { text: required(r.text, "text")?, when },
            BlockKind::Subtitle => BlockSpec::Subtitle { text: required(r.text, "text")?, when },
            BlockKind::Party => BlockSpec::Party { lines: required(r.lines, "lines")?, alias: r.alias, each: r.each, when },
            BlockKind::Paragraph => BlockSpec::Paragraph { text: required(r.text, "text")?, style: r.style.unwrap_or_default(), when },
            BlockKind::Heading => BlockSpec::Heading { text: required(r.text, "text")?, when },
            BlockKind::Section => BlockSpec::Section { title: required(r.title, "title")?, id: r.id, when },
            BlockKind::Subsection => BlockSpec::Subsection { title: r.title.unwrap_or_default(), id: r.id, when },
            BlockKind::Clause => BlockSpec::Clause { text: required(r.text, "text")?, id: r.id, when },
            BlockKind::Bullets => BlockSpec::Bullets {
                items: r.items.unwrap_or_default(),
                from: r.from,
                each: r.each,
                item: r.item,
                group_by: r.group_by,
                group: r.group,
                when,
            },
            BlockKind::Contacts => BlockSpec::Contacts { each: required(r.each, "each")?, item: required(r.item, "item")?, when },
            BlockKind::Signatures => BlockSpec::Signatures { parties: required(r.parties, "parties")?, when },
        })
    }
}

impl From<BlockSpec> for RawBlock {
    fn from(b: BlockSpec) -> RawBlock {
        let raw = |kind| RawBlock {
            kind,
            text: None,
            title: None,
            id: None,
            lines: None,
            alias: None,
            style: None,
            items: None,
            from: None,
            each: None,
            item: None,
            group_by: None,
            group: None,
            parties: None,
            when: None,
        };
        match b {
            BlockSpec::Title { text, when } => RawBlock { text: Some(text), when, ..raw(BlockKind::Title) },
            BlockSpec::Subtitle { text, when } => RawBlock { text: Some(text), when, ..raw(BlockKind::Subtitle) },
            BlockSpec::Party { lines, alias, each, when } => RawBlock { lines: Some(lines), alias, each, when, ..raw(BlockKind::Party) },
            BlockSpec::Paragraph { text, style, when } => {
                RawBlock { text: Some(text), style: Some(style), when, ..raw(BlockKind::Paragraph) }
            }
            BlockSpec::Heading { text, when } => RawBlock { text: Some(text), when, ..raw(BlockKind::Heading) },
            BlockSpec::Section { title, id, when } => RawBlock { title: Some(title), id, when, ..raw(BlockKind::Section) },
            BlockSpec::Subsection { title, id, when } => RawBlock { title: Some(title), id, when, ..raw(BlockKind::Subsection) },
            BlockSpec::Clause { text, id, when } => RawBlock { text: Some(text), id, when, ..raw(BlockKind::Clause) },
            BlockSpec::Bullets { items, from, each, item, group_by, group, when } => {
                RawBlock { items: Some(items), from, each, item, group_by, group, when, ..raw(BlockKind::Bullets) }
            }
            BlockSpec::Contacts { each, item, when } => RawBlock { each: Some(each), item: Some(item), when, ..raw(BlockKind::Contacts) },
            BlockSpec::Signatures { parties, when } => RawBlock { parties: Some(parties), when, ..raw(BlockKind::Signatures) },
        }
    }
}

/// An entity as the files write it: `kind` names it, the other keys are its fields.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntity {
    kind: EntityKind,
    #[serde(default)]
    art: Option<String>,
    #[serde(default)]
    fixed_art: Option<String>,
    #[serde(default)]
    anrede: Option<String>,
    #[serde(default)]
    funktion: Option<String>,
    name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum EntityKind {
    Koerperschaft,
    Person,
}

impl TryFrom<RawEntity> for EntitySpec {
    type Error = String;

    fn try_from(r: RawEntity) -> Result<EntitySpec, String> {
        let present = [
            ("art", r.art.is_some()),
            ("fixed_art", r.fixed_art.is_some()),
            ("anrede", r.anrede.is_some()),
            ("funktion", r.funktion.is_some()),
        ];
        Ok(match r.kind {
            EntityKind::Koerperschaft => {
                only_keys(&present, &["art", "fixed_art"], "an entity of kind koerperschaft")?;
                EntitySpec::Koerperschaft { art: r.art, fixed_art: r.fixed_art, name: r.name }
            }
            EntityKind::Person => {
                only_keys(&present, &["anrede", "funktion"], "an entity of kind person")?;
                EntitySpec::Person { anrede: required(r.anrede, "anrede")?, funktion: required(r.funktion, "funktion")?, name: r.name }
            }
        })
    }
}

impl From<EntitySpec> for RawEntity {
    fn from(e: EntitySpec) -> RawEntity {
        match e {
            EntitySpec::Koerperschaft { art, fixed_art, name } => {
                RawEntity { kind: EntityKind::Koerperschaft, art, fixed_art, anrede: None, funktion: None, name }
            }
            EntitySpec::Person { anrede, funktion, name } => {
                RawEntity { kind: EntityKind::Person, art: None, fixed_art: None, anrede: Some(anrede), funktion: Some(funktion), name }
            }
        }
    }
}

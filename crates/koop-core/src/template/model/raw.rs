//! Blocks and entities as the files write them (flat records with a `type` or `kind` key), and
//! their conversion to and from the model's enums, which checks the keys each kind allows.

use super::super::syntax::{Cond, Tmpl};
use super::{BlockSpec, EntitySpec, ParagraphStyle, SignatureSpec};
use serde::{Deserialize, Serialize};

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

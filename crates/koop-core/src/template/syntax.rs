//! The small language inside template text, compiled when a template loads: placeholders
//! `{path|filter:arg}` become [`Tmpl`], conditions `a && !b && c == x` become [`Cond`]. The
//! model holds these instead of strings, so evaluation (`eval`) never parses text and an unknown
//! filter or form, or an unbalanced brace, fails to load (the build names the file and line).
//! What the names refer to (fields, entities, clauses) is the checker's part (`check`).
//!
//! This file is compiled by `build.rs` too; it uses serde, std and `names!` only.

use serde::{Deserialize, Serialize};

/// Template text: literal pieces and placeholders.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Tmpl {
    source: String,
    segments: Vec<Seg>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Lit(String),
    Put(Placeholder),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    pub path: PathExpr,
    pub filters: Vec<FilterCall>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterCall {
    pub filter: Filter,
    pub args: Vec<String>,
}

/// What a placeholder or a condition reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathExpr {
    /// `{ref:id}`: the current number of the clause with this id.
    Ref(String),
    /// `{heute}`
    Today,
    /// `{heute.jahr}`
    Year,
    /// `{field@column}`: a column of the lookup row matching the field's value.
    Lookup { field: String, column: String },
    /// `{entity.form}`
    Entity { entity: String, form: Form },
    /// `{field}`: a field in scope (a sub-field of the current entry first).
    Field(String),
}

impl PathExpr {
    fn parse(path: &str) -> Result<PathExpr, String> {
        if let Some(id) = path.strip_prefix("ref:") {
            return Ok(PathExpr::Ref(id.trim().to_string()));
        }
        match path {
            "heute" => return Ok(PathExpr::Today),
            "heute.jahr" => return Ok(PathExpr::Year),
            _ => {}
        }
        if let Some((field, column)) = path.split_once('@') {
            return Ok(PathExpr::Lookup { field: field.trim().to_string(), column: column.trim().to_string() });
        }
        if let Some((entity, form)) = path.split_once('.') {
            let form = form.trim().parse().map_err(|()| format!("no form '{form}' in {{{path}}} (known: {})", Form::names()))?;
            return Ok(PathExpr::Entity { entity: entity.trim().to_string(), form });
        }
        Ok(PathExpr::Field(path.to_string()))
    }

    /// The field, entity or clause named first (what a default depends on).
    pub fn head(&self) -> &str {
        match self {
            PathExpr::Ref(id) => id,
            PathExpr::Today | PathExpr::Year => "heute",
            PathExpr::Lookup { field, .. } => field,
            PathExpr::Entity { entity, .. } => entity,
            PathExpr::Field(f) => f,
        }
    }
}

impl std::fmt::Display for PathExpr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PathExpr::Ref(id) => write!(f, "ref:{id}"),
            PathExpr::Today => f.write_str("heute"),
            PathExpr::Year => f.write_str("heute.jahr"),
            PathExpr::Lookup { field, column } => write!(f, "{field}@{column}"),
            PathExpr::Entity { entity, form } => write!(f, "{entity}.{}", form.name()),
            PathExpr::Field(name) => f.write_str(name),
        }
    }
}

impl Tmpl {
    /// The text as the template file writes it.
    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn segments(&self) -> &[Seg] {
        &self.segments
    }

    /// Every placeholder.
    pub fn placeholders(&self) -> impl Iterator<Item = &Placeholder> {
        self.segments.iter().filter_map(|s| match s {
            Seg::Put(p) => Some(p),
            Seg::Lit(_) => None,
        })
    }

    /// Leading `>` of a bullet item: its indentation level.
    pub fn indent(&self) -> usize {
        self.source.chars().take_while(|c| *c == '>').count()
    }
}

impl TryFrom<String> for Tmpl {
    type Error = String;

    fn try_from(source: String) -> Result<Tmpl, String> {
        if source.matches('{').count() != source.matches('}').count() {
            return Err(format!("unbalanced braces in „{source}“"));
        }
        let mut segments = Vec::new();
        let mut rest = source.as_str();
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
            if open > 0 {
                segments.push(Seg::Lit(rest[..open].to_string()));
            }
            let mut parts = rest[open + 1..close].split('|');
            let path = parts.next().unwrap_or("").trim();
            let filters = parts
                .map(|f| {
                    let mut args = f.split(':');
                    let name = args.next().unwrap_or("").trim();
                    let filter =
                        name.parse().map_err(|()| format!("unknown filter '{name}' in {{{path}}} (known: {})", Filter::names()))?;
                    Ok(FilterCall { filter, args: args.map(str::to_string).collect() })
                })
                .collect::<Result<Vec<_>, String>>()?;
            segments.push(Seg::Put(Placeholder { path: PathExpr::parse(path)?, filters }));
            rest = &rest[close + 1..];
        }
        if !rest.is_empty() {
            segments.push(Seg::Lit(rest.to_string()));
        }
        Ok(Tmpl { source, segments })
    }
}

impl From<Tmpl> for String {
    fn from(t: Tmpl) -> String {
        t.source
    }
}

/// A condition: atoms joined by `&&`, all must hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Cond {
    source: String,
    atoms: Vec<Atom>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Atom {
    pub path: PathExpr,
    pub test: Test,
}

/// What an atom asks of the values at its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Test {
    /// `path`: filled and valid.
    Filled,
    /// `!path`
    Empty,
    /// `path == value`: exactly this one value.
    Is(String),
    /// `path != value`
    IsNot(String),
    /// `path ~ value`: a multi field contains the value.
    Has(String),
    /// `path *= text`: the valid text contains `text`.
    Contains(String),
}

impl Cond {
    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn atoms(&self) -> &[Atom] {
        &self.atoms
    }
}

impl TryFrom<String> for Cond {
    type Error = String;

    fn try_from(source: String) -> Result<Cond, String> {
        let atoms = source
            .split("&&")
            .map(|atom| {
                let atom = atom.trim();
                let path = |p: &str| {
                    let p = p.trim();
                    if p.is_empty() { Err(format!("empty condition in '{source}'")) } else { PathExpr::parse(p) }
                };
                // "*=" before "==": "a *= b" has no "==", but "!=" must not be read as "!" + "=".
                for (op, test) in [("*=", Test::Contains as fn(String) -> Test), ("==", Test::Is), ("!=", Test::IsNot), ("~", Test::Has)] {
                    if let Some((l, r)) = atom.split_once(op) {
                        return Ok(Atom { path: path(l)?, test: test(r.trim().to_string()) });
                    }
                }
                match atom.strip_prefix('!') {
                    Some(p) => Ok(Atom { path: path(p)?, test: Test::Empty }),
                    None => Ok(Atom { path: path(atom)?, test: Test::Filled }),
                }
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Cond { source, atoms })
    }
}

impl From<Cond> for String {
    fn from(c: Cond) -> String {
        c.source
    }
}

crate::names! {
    /// What a placeholder's `|filter` may be.
    pub enum Filter {
        /// A list field's sub-field of every entry, joined with commas and "und".
        List = "list",
        /// The same, joined with commas only.
        Join = "join",
        /// A number in words ("drei").
        Words = "words",
        /// `plural:one:many` with `#` for the number.
        Plural = "plural",
        /// The same with the number in words.
        PluralWords = "plural_words",
        /// `or:text` when the value is empty.
        Or = "or",
        /// `prefix:text` before a value that is there.
        Prefix = "prefix",
        /// `suffix:text` after a value that is there.
        Suffix = "suffix",
        /// First letter upper case (a form at the start of a sentence).
        Cap = "cap",
    }
}

crate::names! {
    /// The forms of an entity: `{kommune.dat}`, `{vertreter.akk}`.
    pub enum Form {
        Nom = "nom",
        Gen = "gen",
        Dat = "dat",
        Akk = "akk",
        /// Accusative with the kind: "den Landkreis Sömmerda".
        AkkArt = "akk_art",
        /// The official title: "Landkreis Sömmerda".
        Titel = "titel",
        /// The kind in the genitive: "des Landkreises".
        ArtGen = "art_gen",
        /// A person's function.
        Funktion = "funktion",
        /// The bare name.
        Name = "name",
        /// The kind as its choice stores it ("landkreis"), for conditions.
        Art = "art",
        /// The council that decides for it: "Kreistag", "Stadtrat", "Gemeinderat".
        Gremium = "gremium",
        /// The head of its administration, addressed as the body's `anrede` says: "Landrätin".
        /// Only of the body a bound document is made for (`{koerperschaft.leitung}`).
        Leitung = "leitung",
        /// The same with article: "die Landrätin", "der Oberbürgermeister".
        LeitungNom = "leitung_nom",
        /// In the accusative: "die Landrätin", "den Oberbürgermeister".
        LeitungAkk = "leitung_akk",
    }
}

impl Form {
    /// The forms of a local authority (`koerperschaft`).
    pub const KOERPERSCHAFT: &'static [Form] = &[
        Form::Nom,
        Form::Gen,
        Form::Dat,
        Form::Akk,
        Form::AkkArt,
        Form::Titel,
        Form::ArtGen,
        Form::Name,
        Form::Art,
        Form::Gremium,
        Form::Leitung,
        Form::LeitungNom,
        Form::LeitungAkk,
    ];
    /// The forms that need the head's form of address: only the body of a bound document has
    /// one.
    pub const LEITUNG: &'static [Form] = &[Form::Leitung, Form::LeitungNom, Form::LeitungAkk];
    /// The forms of a person.
    pub const PERSON: &'static [Form] = &[Form::Nom, Form::Akk, Form::Funktion, Form::Name];
}

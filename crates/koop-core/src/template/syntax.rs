//! The syntax of the small language inside template text (see `eval` for what it means):
//! placeholders `{path|filter:arg}` and conditions `a && !b && c == x`.

/// A piece of template text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment<'t> {
    Lit(&'t str),
    Placeholder { path: &'t str, filters: Vec<(&'t str, Vec<&'t str>)> },
}

/// Splits template text into literal text and placeholders. An unclosed "{" is literal.
pub fn parse(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
        if open > 0 {
            out.push(Segment::Lit(&rest[..open]));
        }
        let inner = &rest[open + 1..close];
        let mut parts = inner.split('|');
        let path = parts.next().unwrap_or("").trim();
        let filters = parts
            .map(|f| {
                let mut args = f.split(':');
                let name = args.next().unwrap_or("").trim();
                (name, args.collect())
            })
            .collect();
        out.push(Segment::Placeholder { path, filters });
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        out.push(Segment::Lit(rest));
    }
    out
}

/// Every placeholder path and condition path in a text, for the template check.
pub fn placeholder_paths(text: &str) -> Vec<String> {
    parse(text)
        .into_iter()
        .filter_map(|s| match s {
            Segment::Placeholder { path, .. } => Some(path.to_string()),
            Segment::Lit(_) => None,
        })
        .collect()
}

/// The paths a condition reads.
pub fn condition_paths(cond: &str) -> Vec<String> {
    cond.split("&&")
        .map(|atom| {
            let atom = atom.trim().trim_start_matches('!');
            let end = ["*=", "==", "!=", "~"].iter().filter_map(|op| atom.find(op)).min().unwrap_or(atom.len());
            atom[..end].trim().to_string()
        })
        .collect()
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
    /// The forms of a local authority entity: `{kommune.dat}`.
    pub enum KoerperschaftForm {
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
        /// The bare name.
        Name = "name",
    }
}

crate::names! {
    /// The forms of a person entity: `{vertreter.akk}`.
    pub enum PersonForm {
        Nom = "nom",
        Akk = "akk",
        Funktion = "funktion",
        Name = "name",
    }
}

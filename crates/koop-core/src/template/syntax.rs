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

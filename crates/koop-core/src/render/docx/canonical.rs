//! Canonical element order of the parts docx-rs writes.

#![allow(clippy::wildcard_imports)]

use super::*;

// ---------------------------------------------------------------------------------------------
// Canonical element order
//
// docx-rs writes property elements in its own order (`w:rPr` first in `w:pPr`, `w:sz` before
// `w:rFonts`, header references last in `w:sectPr`, `w:basedOn` last in `w:style` …). The
// schema prescribes a sequence, and Word is known to ignore properties that come out of
// sequence, so every part docx-rs writes is re-serialized here with its children in schema
// order (ECMA-376 Part 1, 17.3.1.26 pPr, 17.3.2.28 rPr, 17.6.17 sectPr, 17.7.4.17 style,
// 17.9.6 lvl, 17.9.18 numPr). Empty `w:rPr`/`w:pPr` are dropped on the way.

pub(super) const PPR_ORDER: &[&str] = &[
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
];
pub(super) const RPR_ORDER: &[&str] = &[
    "w:ins",
    "w:del",
    "w:moveFrom",
    "w:moveTo",
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
    "w:rPrChange",
];
pub(super) const SECTPR_ORDER: &[&str] = &[
    "w:headerReference",
    "w:footerReference",
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
];
pub(super) const STYLE_ORDER: &[&str] = &[
    "w:name",
    "w:aliases",
    "w:basedOn",
    "w:next",
    "w:link",
    "w:autoRedefine",
    "w:hidden",
    "w:uiPriority",
    "w:semiHidden",
    "w:unhideWhenUsed",
    "w:qFormat",
    "w:locked",
    "w:personal",
    "w:personalCompose",
    "w:personalReply",
    "w:rsid",
    "w:pPr",
    "w:rPr",
    "w:tblPr",
    "w:trPr",
    "w:tcPr",
    "w:tblStylePr",
];
pub(super) const LVL_ORDER: &[&str] = &[
    "w:start",
    "w:numFmt",
    "w:lvlRestart",
    "w:pStyle",
    "w:isLgl",
    "w:suff",
    "w:lvlText",
    "w:lvlPicBulletId",
    "w:legacy",
    "w:lvlJc",
    "w:pPr",
    "w:rPr",
];
pub(super) const NUMPR_ORDER: &[&str] = &["w:ilvl", "w:numId", "w:numberingChange", "w:ins"];

pub(super) fn child_order(parent: &str) -> Option<&'static [&'static str]> {
    Some(match parent {
        "w:pPr" => PPR_ORDER,
        "w:rPr" => RPR_ORDER,
        "w:sectPr" => SECTPR_ORDER,
        "w:style" => STYLE_ORDER,
        "w:lvl" => LVL_ORDER,
        "w:numPr" => NUMPR_ORDER,
        _ => return None,
    })
}

/// An element of a part as docx-rs wrote it: attributes and text stay as written (escaped).
pub(super) struct El<'a> {
    name: &'a str,
    /// The raw attributes with their leading space, e.g. ` w:val="1"`.
    attrs: Cow<'a, str>,
    children: Vec<Node<'a>>,
}

pub(super) enum Node<'a> {
    El(El<'a>),
    Text(&'a str),
}

impl<'a> El<'a> {
    pub(super) fn new(name: &'a str, attrs: impl Into<Cow<'a, str>>) -> Self {
        El { name, attrs: attrs.into(), children: Vec::new() }
    }

    pub(super) fn child_mut(&mut self, name: &str) -> Option<&mut El<'a>> {
        self.children.iter_mut().find_map(|c| match c {
            Node::El(e) if e.name == name => Some(e),
            _ => None,
        })
    }

    /// Writes the element with quick-xml's writer. Names, attributes and text go out exactly as
    /// they were read (still escaped), so only the order of children can differ from the input.
    pub(super) fn write<W: std::io::Write>(&self, w: &mut quick_xml::Writer<W>) -> std::io::Result<()> {
        use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};
        let start = BytesStart::from_content(format!("{}{}", self.name, self.attrs), self.name.len());
        if self.children.is_empty() {
            return w.write_event(Event::Empty(start));
        }
        w.write_event(Event::Start(start))?;
        for c in &self.children {
            match c {
                Node::El(e) => e.write(w)?,
                Node::Text(t) => w.write_event(Event::Text(BytesText::from_escaped(*t)))?,
            }
        }
        w.write_event(Event::End(BytesEnd::new(self.name)))
    }

    /// The element as XML text (see [`El::write`]).
    pub(super) fn to_xml(&self, declaration: bool) -> Result<String, String> {
        let mut w = quick_xml::Writer::new(Vec::new());
        if declaration {
            w.write_event(quick_xml::events::Event::Decl(quick_xml::events::BytesDecl::new("1.0", Some("UTF-8"), Some("yes"))))
                .map_err(|e| e.to_string())?;
        }
        self.write(&mut w).map_err(|e| e.to_string())?;
        String::from_utf8(w.into_inner()).map_err(|e| e.to_string())
    }
}

/// Reads a part docx-rs wrote into a tree with quick-xml. Names, attributes and text are kept
/// as written (still escaped, borrowed from the input), so writing the tree back changes
/// nothing but the order of children.
pub(super) fn parse(s: &str) -> Result<El<'_>, String> {
    use quick_xml::events::Event;
    // quick-xml reads a `&str` without copying: every event's bytes lie inside `s`, so the
    // tree can borrow them with the input's lifetime.
    fn within<'s>(s: &'s str, b: &[u8]) -> Result<&'s str, String> {
        let start = (b.as_ptr() as usize).checked_sub(s.as_ptr() as usize).ok_or("Ereignis außerhalb der Eingabe")?;
        s.get(start..start + b.len()).ok_or_else(|| "Ereignis außerhalb der Eingabe".to_string())
    }
    let mut reader = quick_xml::Reader::from_str(s);
    let mut stack = vec![El::new("", "")];
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Decl(_) => {}
            Event::Start(e) => {
                let name_len = e.name().as_ref().len();
                let inner = within(s, &e)?;
                stack.push(El::new(&inner[..name_len], inner[name_len..].trim_end()));
            }
            Event::Empty(e) => {
                let name_len = e.name().as_ref().len();
                let inner = within(s, &e)?;
                let el = El::new(&inner[..name_len], inner[name_len..].trim_end());
                if let Some(top) = stack.last_mut() {
                    top.children.push(Node::El(el));
                }
            }
            Event::End(e) => {
                let name = std::str::from_utf8(e.name().as_ref()).map_err(|e| e.to_string())?.to_string();
                let el = stack.pop().filter(|el| el.name == name && !stack.is_empty()).ok_or_else(|| format!("unerwartetes </{name}>"))?;
                if let Some(top) = stack.last_mut() {
                    top.children.push(Node::El(el));
                }
            }
            Event::Text(t) => {
                let text = within(s, &t)?;
                if let Some(top) = stack.last_mut() {
                    top.children.push(Node::Text(text));
                }
            }
            Event::GeneralRef(r) => {
                // An entity reference (`&amp;`) as its own event: kept as written.
                let name = within(s, &r)?;
                let start = name.as_ptr() as usize - s.as_ptr() as usize;
                let text = start.checked_sub(1).and_then(|from| s.get(from..start + name.len() + 1)).ok_or("ungültiger Verweis")?;
                if let Some(top) = stack.last_mut() {
                    top.children.push(Node::Text(text));
                }
            }
            Event::Eof => break,
            _ => return Err("Kommentare, CDATA und Verarbeitungsanweisungen werden nicht erwartet".into()),
        }
    }
    let mut root = match (stack.pop(), stack.is_empty()) {
        (Some(r), true) => r,
        _ => return Err("nicht geschlossene Elemente".into()),
    };
    root.children.retain(|c| !matches!(c, Node::Text(t) if t.trim().is_empty()));
    match (root.children.pop(), root.children.is_empty()) {
        (Some(Node::El(e)), true) => Ok(e),
        _ => Err("kein eindeutiges Wurzelelement".into()),
    }
}

#[cfg(test)]
/// Every (parent, earlier, later) where a child comes before one the schema puts first.
pub(super) fn out_of_order(el: &El<'_>, found: &mut Vec<(String, String, String)>) {
    let names: Vec<&str> = el.children.iter().filter_map(|c| if let Node::El(e) = c { Some(e.name) } else { None }).collect();
    if let Some(order) = child_order(el.name) {
        let rank = |n: &str| order.iter().position(|o| *o == n).unwrap_or(order.len());
        for pair in names.windows(2) {
            if rank(pair[0]) > rank(pair[1]) {
                found.push((el.name.to_string(), pair[0].to_string(), pair[1].to_string()));
            }
        }
    }
    for c in &el.children {
        if let Node::El(e) = c {
            out_of_order(e, found);
        }
    }
}

pub(super) fn normalize(el: &mut El<'_>) {
    for c in &mut el.children {
        if let Node::El(e) = c {
            normalize(e);
        }
    }
    el.children.retain(|c| !matches!(c, Node::El(e) if matches!(e.name, "w:rPr" | "w:pPr") && e.children.is_empty() && e.attrs.is_empty()));
    if let Some(order) = child_order(el.name)
        && el.children.iter().all(|c| matches!(c, Node::El(_)))
    {
        el.children.sort_by_key(|c| match c {
            Node::El(e) => order.iter().position(|n| *n == e.name).unwrap_or(order.len()),
            Node::Text(_) => order.len(),
        });
    }
}

/// A part docx-rs wrote, in canonical order, after `edit`.
pub(super) fn canonical<'a>(xml: &'a [u8], part: &str, edit: impl FnOnce(&mut El<'a>)) -> Result<String, RenderError> {
    let s = std::str::from_utf8(xml).map_err(|e| RenderError::docx(format!("{part}: {e}")))?;
    let mut root = parse(s).map_err(|e| RenderError::docx(format!("{part}: {e}")))?;
    edit(&mut root);
    normalize(&mut root);
    root.to_xml(true).map_err(|e| RenderError::docx(format!("{part}: {e}")))
}

/// styles.xml: the language in the default run properties (German spell checking), and
/// "Normal" marked as the default paragraph style.
pub(super) fn add_language(styles: &mut El<'_>, language: &str) {
    if let Some(defaults) = styles.child_mut("w:docDefaults") {
        if defaults.child_mut("w:rPrDefault").is_none() {
            defaults.children.insert(0, Node::El(El::new("w:rPrDefault", "")));
        }
        if let Some(rpr_default) = defaults.child_mut("w:rPrDefault") {
            if rpr_default.child_mut("w:rPr").is_none() {
                rpr_default.children.push(Node::El(El::new("w:rPr", "")));
            }
            if let Some(rpr) = rpr_default.child_mut("w:rPr") {
                let lang = format!(r#" w:val="{language}" w:eastAsia="{language}" w:bidi="ar-SA""#);
                rpr.children.push(Node::El(El::new("w:lang", lang)));
            }
        }
    }
    for c in &mut styles.children {
        if let Node::El(e) = c
            && e.name == "w:style"
            && e.attrs.contains(r#"w:styleId="Normal""#)
            && !e.attrs.contains("w:default=")
        {
            e.attrs = Cow::Owned(format!(r#"{} w:default="1""#, e.attrs));
        }
    }
}

//! DOCX renderer: the neutral [`Document`] as a Word file.
//!
//! docx-rs builds the body, styles, numbering, header and footer. Its output is then finished
//! here, because docx-rs 0.4.22 cannot do four things the export needs:
//!
//! - element order: docx-rs writes property elements in its own order, Word expects the
//!   schema's sequence, so its parts are re-serialized in canonical order (see
//!   [`canonical`]);
//! - document properties: `docProps/core.xml` (title, subject, author, language, timestamps)
//!   is written here, and `<w:lang w:val="de-DE"/>` is added to the default run properties in
//!   `styles.xml` so Word's spell checker uses German;
//! - compression: docx-rs stores entries uncompressed; the package is written here with
//!   Deflate, `[Content_Types].xml` first;
//! - the small fixed parts (content types, relationships, settings, app properties) are
//!   written here, without docx-rs' empty comment parts and East Asian layout settings.
//!
//! Layout (twips, 1 cm = 567): A4 portrait, margins 2.5 cm, Arial 11 pt throughout, ragged
//! right. Section and clause numbers hang in the first 1.5 cm and their text starts at 1.5 cm;
//! indented paragraphs, contacts and bullet symbols start there too. Gaps are highlighted
//! yellow; a draft says "ENTWURF" in the header and above the title. Each signature block is
//! kept on one page.
//!
//! Rendering is pure and deterministic (no clock, no randomness, no file system), so it runs
//! unchanged in the browser (wasm32).

use crate::document::{Block, Bullet, Document, Inline, Meta, Signature};
use crate::template::ParagraphStyle;
use docx_rs as dx;
use std::borrow::Cow;
use std::fmt;

/// Why a document could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxError(pub String);

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DOCX-Export fehlgeschlagen: {}", self.0)
    }
}

impl std::error::Error for DocxError {}

/// The creation/modification time written by [`render`] (renders must be reproducible and the
/// browser has no clock here). Use [`render_at`] to record the real export time.
pub const DEFAULT_TIMESTAMP: &str = "2026-01-01T00:00:00Z";

/// A4 portrait in twips.
pub const PAGE_WIDTH: u32 = 11906;
pub const PAGE_HEIGHT: u32 = 16838;
/// 2.5 cm in twips, on all four sides.
pub const MARGIN: i32 = 1418;
/// Where clause text starts (1.5 cm); clause numbers hang to its left.
pub const TEXT_INDENT: i32 = 850;
/// The one font of the document (LibreOffice substitutes the metric-compatible Liberation Sans).
pub const FONT: &str = "Arial";

/// Distance of header and footer from the page edge (1.25 cm).
const HEADER_DISTANCE: i32 = 709;
/// Body text size in half-points (11 pt).
const BODY_SIZE: usize = 22;
/// Bullet symbol to text (0.75 cm).
const BULLET_HANG: i32 = 425;
/// The abstract numbering and numbering instance of the bullet lists (1 is docx-rs' built-in
/// decimal list, always present in numbering.xml).
const BULLET_NUM: usize = 2;
const BULLET_SYMBOLS: [&str; 3] = ["•", "–", "▪"];

const HIGHLIGHT: &str = "yellow";
const RED: &str = "C00000";
const GREY: &str = "595959";
const DRAFT_WORD: &str = "ENTWURF";
const DRAFT_BANNER: &str = "ENTWURF – noch nicht vollständig";
const SIGNATURE_LINE: &str = "________________________________________";
const DATE_LINE: &str = "____________________";

// Paragraph style ids (ids are ASCII; names are what Word shows).
const S_TITLE: &str = "Title";
const S_SUBTITLE: &str = "Subtitle";
const S_H1: &str = "Heading1";
const S_H2: &str = "Heading2";
const S_BODY: &str = "BodyText";
const S_INDENTED: &str = "Indented";
const S_CENTER: &str = "Centered";
const S_PARTY: &str = "Party";
const S_ALIAS: &str = "PartyAlias";
const S_CLAUSE: &str = "Clause";
const S_BULLET: &str = "ListBullet";
const S_CONTACT: &str = "Contact";
const S_SIGNATURE: &str = "Signature";
const S_DRAFT: &str = "DraftNote";
const S_HEADER: &str = "Header";
const S_FOOTER: &str = "Footer";

/// Renders the document as a Word file (timestamps [`DEFAULT_TIMESTAMP`]).
pub fn render(doc: &Document) -> Result<Vec<u8>, DocxError> {
    render_at(doc, DEFAULT_TIMESTAMP)
}

/// Renders the document as a Word file with `timestamp` (W3CDTF, `YYYY-MM-DDThh:mm:ssZ`) as
/// its creation and modification time.
pub fn render_at(doc: &Document, timestamp: &str) -> Result<Vec<u8>, DocxError> {
    if !is_w3cdtf(timestamp) {
        return Err(DocxError(format!("ungültiger Zeitstempel „{}“ (erwartet JJJJ-MM-TTThh:mm:ssZ)", clean(timestamp))));
    }
    let language = language(&doc.meta);
    let xml = build(doc).build();
    let [header, footer] = [&xml.headers, &xml.footers].map(|parts| match parts.as_slice() {
        [one] => Ok(one),
        _ => Err(DocxError(format!("{} Kopf-/Fußzeilen statt einer", parts.len()))),
    });
    let document = canonical(&xml.document, "document.xml", |_| {})?;
    for rid in [HEADER_RID, FOOTER_RID] {
        if !document.contains(&format!(r#"r:id="{rid}""#)) {
            return Err(DocxError(format!("document.xml: Verweis {rid} fehlt")));
        }
    }
    let styles = canonical(&xml.styles, "styles.xml", |root| add_language(root, &language))?;
    let numbering = canonical(&xml.numberings, "numbering.xml", |_| {})?;
    let header = canonical(header?, "header1.xml", |_| {})?;
    let footer = canonical(footer?, "footer1.xml", |_| {})?;
    let core = core_properties(&doc.meta, &language, timestamp);
    let settings = settings(&language);
    let parts: [(&str, &[u8]); 12] = [
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
        ("docProps/core.xml", core.as_bytes()),
        ("docProps/app.xml", APP_PROPERTIES.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
        ("word/settings.xml", settings.as_bytes()),
        ("word/fontTable.xml", &xml.font_table),
        ("word/header1.xml", header.as_bytes()),
        ("word/footer1.xml", footer.as_bytes()),
    ];
    zip(&parts)
}

/// Writes the package, every entry Deflate-compressed, in the given order.
///
/// A minimal ZIP writer (no directories, no extras, 32-bit sizes) on miniz_oxide: the zip
/// crate with its zopfli and zlib-rs back ends cost about 90 KB of WebAssembly for this.
fn zip(parts: &[(&str, &[u8])]) -> Result<Vec<u8>, DocxError> {
    // 1980-01-01 00:00 in DOS format: reproducible, and no clock is asked for.
    const DOS_TIME: u16 = 0;
    const DOS_DATE: u16 = (1 << 5) | 1;
    let too_big = || DocxError("ZIP: Teil größer als 4 GB".into());
    let mut out: Vec<u8> = Vec::with_capacity(16 * 1024);
    let mut central: Vec<u8> = Vec::with_capacity(1024);
    for (name, data) in parts {
        let compressed = miniz_oxide::deflate::compress_to_vec(data, 9);
        let crc = crc32fast::hash(data);
        let offset = u32::try_from(out.len()).map_err(|_| too_big())?;
        let (csize, usize_) = (u32::try_from(compressed.len()).map_err(|_| too_big())?, u32::try_from(data.len()).map_err(|_| too_big())?);
        let name_len = u16::try_from(name.len()).map_err(|_| too_big())?;
        // Local file header.
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        for v in [20u16, 0, 8, DOS_TIME, DOS_DATE] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, csize, usize_] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&compressed);
        // Its central directory record.
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        for v in [20u16, 20, 0, 8, DOS_TIME, DOS_DATE] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, csize, usize_] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        for v in [name_len, 0, 0, 0, 0] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        central.extend_from_slice(&0u32.to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let entries = u16::try_from(parts.len()).map_err(|_| too_big())?;
    let cd_offset = u32::try_from(out.len()).map_err(|_| too_big())?;
    let cd_size = u32::try_from(central.len()).map_err(|_| too_big())?;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, entries, entries] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&cd_size.to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Text

/// Text as XML 1.0 can hold it: characters XML forbids are dropped, line breaks and tabs
/// become spaces (markup characters are escaped by docx-rs and by [`escape`]).
pub fn clean(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => None,
            c => Some(c),
        })
        .collect()
}

/// Escapes text for XML content or attribute values (after [`clean`]).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

fn is_w3cdtf(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 20
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            19 => *c == b'Z',
            _ => c.is_ascii_digit(),
        })
}

/// The document language as a BCP 47 tag ("de-DE" unless the model says otherwise).
fn language(meta: &Meta) -> String {
    let l = meta.language.trim();
    if !l.is_empty() && l.len() <= 35 && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        l.to_string()
    } else {
        "de-DE".to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// Package parts written here

/// The relationship ids docx-rs gives the first header and footer.
const HEADER_RID: &str = "rIdHeader1";
const FOOTER_RID: &str = "rIdFooter1";

const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    r#"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>"#,
    r#"<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>"#,
    r#"<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>"#,
    r#"<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#,
    r#"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#,
    r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
    "</Types>"
);

const PACKAGE_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#,
    "</Relationships>"
);

const DOCUMENT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#,
    r#"<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>"#,
    r#"<Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>"#,
    r#"<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#,
    "</Relationships>"
);

const APP_PROPERTIES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" "#,
    r#"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#,
    "<Application>Koop-Assistent</Application></Properties>"
);

/// `word/settings.xml` (docx-rs' own carries East Asian layout options).
fn settings(language: &str) -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
            r#"<w:zoom w:percent="100"/><w:defaultTabStop w:val="{tab}"/>"#,
            r#"<w:characterSpacingControl w:val="doNotCompress"/>"#,
            r#"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#,
            r#"<w:themeFontLang w:val="{lang}"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>"#,
            "</w:settings>"
        ),
        tab = TEXT_INDENT,
        lang = language,
    )
}

/// `docProps/core.xml` (docx-rs 0.4.22 cannot set title, subject, author or language).
fn core_properties(meta: &Meta, language: &str, timestamp: &str) -> String {
    let author = escape(&meta.author);
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>{author}</dc:creator>",
            "<cp:lastModifiedBy>{author}</cp:lastModifiedBy><cp:revision>1</cp:revision>",
            "<dc:language>{language}</dc:language>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{ts}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{ts}</dcterms:modified>"#,
            "</cp:coreProperties>"
        ),
        title = escape(&meta.title),
        subject = escape(&meta.subject),
        author = author,
        language = escape(language),
        ts = escape(timestamp),
    )
}

// ---------------------------------------------------------------------------------------------
// Canonical element order
//
// docx-rs writes property elements in its own order (`w:rPr` first in `w:pPr`, `w:sz` before
// `w:rFonts`, header references last in `w:sectPr`, `w:basedOn` last in `w:style` …). The
// schema prescribes a sequence, and Word is known to ignore properties that come out of
// sequence, so every part docx-rs writes is re-serialized here with its children in schema
// order (ECMA-376 Part 1, 17.3.1.26 pPr, 17.3.2.28 rPr, 17.6.17 sectPr, 17.7.4.17 style,
// 17.9.6 lvl, 17.9.18 numPr). Empty `w:rPr`/`w:pPr` are dropped on the way.

const PPR_ORDER: &[&str] = &[
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
const RPR_ORDER: &[&str] = &[
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
const SECTPR_ORDER: &[&str] = &[
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
const STYLE_ORDER: &[&str] = &[
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
const LVL_ORDER: &[&str] = &[
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
const NUMPR_ORDER: &[&str] = &["w:ilvl", "w:numId", "w:numberingChange", "w:ins"];

fn child_order(parent: &str) -> Option<&'static [&'static str]> {
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
struct El<'a> {
    name: &'a str,
    /// The raw attributes with their leading space, e.g. ` w:val="1"`.
    attrs: Cow<'a, str>,
    children: Vec<Node<'a>>,
}

enum Node<'a> {
    El(El<'a>),
    Text(&'a str),
}

impl<'a> El<'a> {
    fn new(name: &'a str, attrs: impl Into<Cow<'a, str>>) -> Self {
        El { name, attrs: attrs.into(), children: Vec::new() }
    }

    fn child_mut(&mut self, name: &str) -> Option<&mut El<'a>> {
        self.children.iter_mut().find_map(|c| match c {
            Node::El(e) if e.name == name => Some(e),
            _ => None,
        })
    }

    fn write(&self, out: &mut String) {
        out.push('<');
        out.push_str(self.name);
        out.push_str(&self.attrs);
        if self.children.is_empty() {
            out.push_str("/>");
            return;
        }
        out.push('>');
        for c in &self.children {
            match c {
                Node::El(e) => e.write(out),
                Node::Text(t) => out.push_str(t),
            }
        }
        out.push_str("</");
        out.push_str(self.name);
        out.push('>');
    }
}

/// Parses the XML docx-rs writes (elements, attributes, text; an optional declaration).
fn parse(s: &str) -> Result<El<'_>, String> {
    let b = s.as_bytes();
    let mut i = 0;
    if s.starts_with("<?xml") {
        i = s.find("?>").ok_or("unvollständige XML-Deklaration")? + 2;
    }
    let mut stack = vec![El::new("", "")];
    while i < b.len() {
        if b[i] != b'<' {
            let end = s[i..].find('<').map_or(b.len(), |k| i + k);
            if let Some(top) = stack.last_mut() {
                top.children.push(Node::Text(&s[i..end]));
            }
            i = end;
            continue;
        }
        // The end of the tag, skipping quoted attribute values.
        let mut j = i + 1;
        let mut quote = None;
        while j < b.len() {
            match (quote, b[j]) {
                (None, b'>') => break,
                (None, q @ (b'"' | b'\'')) => quote = Some(q),
                (Some(q), c) if c == q => quote = None,
                _ => {}
            }
            j += 1;
        }
        if j >= b.len() {
            return Err("unvollständiges Tag".into());
        }
        if b[i + 1] == b'/' {
            let name = s[i + 2..j].trim();
            let el = stack.pop().filter(|e| e.name == name && !stack.is_empty()).ok_or_else(|| format!("unerwartetes </{name}>"))?;
            if let Some(top) = stack.last_mut() {
                top.children.push(Node::El(el));
            }
        } else if matches!(b[i + 1], b'?' | b'!') {
            return Err("Kommentare, CDATA und Verarbeitungsanweisungen werden nicht erwartet".into());
        } else {
            let empty = b[j - 1] == b'/';
            let inner = &s[i + 1..if empty { j - 1 } else { j }];
            let name_end = inner.find(|c: char| c.is_ascii_whitespace()).unwrap_or(inner.len());
            let el = El::new(&inner[..name_end], inner[name_end..].trim_end());
            if el.name.is_empty() {
                return Err("Tag ohne Namen".into());
            }
            if empty {
                if let Some(top) = stack.last_mut() {
                    top.children.push(Node::El(el));
                }
            } else {
                stack.push(el);
            }
        }
        i = j + 1;
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

fn normalize(el: &mut El<'_>) {
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
fn canonical<'a>(xml: &'a [u8], part: &str, edit: impl FnOnce(&mut El<'a>)) -> Result<String, DocxError> {
    let s = std::str::from_utf8(xml).map_err(|e| DocxError(format!("{part}: {e}")))?;
    let mut root = parse(s).map_err(|e| DocxError(format!("{part}: {e}")))?;
    edit(&mut root);
    normalize(&mut root);
    let mut out = String::with_capacity(s.len() + 64);
    out.push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#);
    root.write(&mut out);
    Ok(out)
}

/// styles.xml: the language in the default run properties (German spell checking), and
/// "Normal" marked as the default paragraph style.
fn add_language(styles: &mut El<'_>, language: &str) {
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

// ---------------------------------------------------------------------------------------------
// Document

/// Paragraphs get sequential ids so that the output does not depend on docx-rs' thread-local
/// id counter (renders must be byte-identical).
struct Paragraphs {
    next: u32,
    out: Vec<dx::Paragraph>,
}

impl Paragraphs {
    fn push(&mut self, p: dx::Paragraph) {
        self.next += 1;
        self.out.push(p.id(format!("{:08X}", self.next)));
    }
    fn id(&mut self) -> String {
        self.next += 1;
        format!("{:08X}", self.next)
    }
}

fn build(doc: &Document) -> dx::Docx {
    let mut ps = Paragraphs { next: 0, out: Vec::with_capacity(128) };
    if doc.draft {
        ps.push(styled(S_DRAFT).add_run(dx::Run::new().add_text(DRAFT_BANNER)));
    }
    for b in &doc.blocks {
        block(&mut ps, b);
    }

    let header_id = ps.id();
    let footer_id = ps.id();
    let mut docx = dx::Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(dx::PageMargin {
            top: MARGIN,
            left: MARGIN,
            bottom: MARGIN,
            right: MARGIN,
            header: HEADER_DISTANCE,
            footer: HEADER_DISTANCE,
            gutter: 0,
        })
        .default_tab_stop(TEXT_INDENT as usize)
        .styles(styles())
        .add_abstract_numbering(bullet_numbering())
        .add_numbering(dx::Numbering::new(BULLET_NUM, BULLET_NUM))
        .header(dx::Header::new().add_paragraph(header(&doc.meta, doc.draft).id(header_id)))
        .footer(dx::Footer::new().add_paragraph(footer().id(footer_id)));
    for p in ps.out {
        docx = docx.add_paragraph(p);
    }
    docx
}

fn styled(style: &str) -> dx::Paragraph {
    dx::Paragraph::new().style(style)
}

/// The runs of a text; gaps are highlighted.
fn runs(p: dx::Paragraph, text: &[Inline]) -> dx::Paragraph {
    runs_with(p, text, |r| r)
}

/// The runs of a text, each formatted by `format`; gaps are highlighted.
fn runs_with(mut p: dx::Paragraph, text: &[Inline], format: impl Fn(dx::Run) -> dx::Run) -> dx::Paragraph {
    for i in text {
        p = p.add_run(match i {
            Inline::Text(t) => format(dx::Run::new().add_text(clean(t))),
            Inline::Gap { text, .. } => format(dx::Run::new().add_text(clean(text))).highlight(HIGHLIGHT),
        });
    }
    p
}

/// "<number><TAB><text>".
fn numbered(p: dx::Paragraph, number: &str, text: &[Inline]) -> dx::Paragraph {
    runs(p.add_run(dx::Run::new().add_text(clean(number)).add_tab()), text)
}

fn block(ps: &mut Paragraphs, b: &Block) {
    match b {
        Block::Title(t) => ps.push(runs(styled(S_TITLE), t)),
        Block::Subtitle(t) => ps.push(runs(styled(S_SUBTITLE), t)),
        Block::Party { lines, alias } => {
            for l in lines {
                ps.push(runs(styled(S_PARTY), l));
            }
            if let Some(a) = alias {
                let p = styled(S_ALIAS).add_run(dx::Run::new().add_text("- „"));
                ps.push(runs(p, a).add_run(dx::Run::new().add_text("“ -")));
            }
        }
        Block::Paragraph { style, text } => {
            let s = match style {
                ParagraphStyle::Body => S_BODY,
                ParagraphStyle::Indented => S_INDENTED,
                ParagraphStyle::Center => S_CENTER,
            };
            ps.push(runs(styled(s), text));
        }
        Block::Heading { level, number, text, .. } => {
            let p = styled(if *level <= 1 { S_H1 } else { S_H2 });
            ps.push(match number {
                Some(n) => numbered(p, n, text),
                // Unnumbered (e.g. "Präambel"): no hanging indent.
                None => runs(p.indent(Some(0), Some(dx::SpecialIndentType::Hanging(0)), None, None), text),
            });
        }
        Block::Clause { number, text, .. } => ps.push(numbered(styled(S_CLAUSE), number, text)),
        Block::Bullets(items) => items.iter().for_each(|i| ps.push(bullet(i))),
        Block::Contacts(items) => items.iter().for_each(|t| ps.push(runs(styled(S_CONTACT), t))),
        Block::Signatures(sigs) => sigs.iter().for_each(|s| signature(ps, s)),
    }
}

fn bullet(b: &Bullet) -> dx::Paragraph {
    let level = usize::from(b.level).min(BULLET_SYMBOLS.len() - 1);
    runs(styled(S_BULLET).numbering(dx::NumberingId::new(BULLET_NUM), dx::IndentLevel::new(level)), &b.text)
}

/// One signature block: party, place and blank date, a line and the printed name per
/// signatory. All its paragraphs are kept on one page.
fn signature(ps: &mut Paragraphs, s: &Signature) {
    let mut block = Vec::with_capacity(2 + 2 * s.signatories.len());
    block.push(runs_with(styled(S_SIGNATURE).line_spacing(dx::LineSpacing::new().before(720)), &s.party, |r| r.bold()));
    let place = runs(styled(S_SIGNATURE).line_spacing(dx::LineSpacing::new().before(360)), &s.place);
    block.push(place.add_run(dx::Run::new().add_text(format!(", den {DATE_LINE}"))));
    for name in &s.signatories {
        block.push(styled(S_SIGNATURE).line_spacing(dx::LineSpacing::new().before(840)).add_run(dx::Run::new().add_text(SIGNATURE_LINE)));
        block.push(runs(styled(S_SIGNATURE), name));
    }
    let last = block.len() - 1;
    for (i, p) in block.into_iter().enumerate() {
        ps.push(p.keep_lines(true).keep_next(i < last));
    }
}

fn header(meta: &Meta, draft: bool) -> dx::Paragraph {
    let mut p = styled(S_HEADER);
    if draft {
        p = p.add_run(dx::Run::new().add_text(DRAFT_WORD).bold().color(RED)).add_run(dx::Run::new().add_text(" – "));
    }
    p.add_run(dx::Run::new().add_text(clean(&meta.header)))
}

fn footer() -> dx::Paragraph {
    styled(S_FOOTER)
        .add_run(dx::Run::new().add_text("Seite "))
        .add_page_num(dx::PageNum::new())
        .add_run(dx::Run::new().add_text(" von "))
        .add_num_pages(dx::NumPages::new())
}

// ---------------------------------------------------------------------------------------------
// Styles and numbering

fn spacing(before: u32, after: u32) -> dx::LineSpacing {
    dx::LineSpacing::new().before(before).after(after)
}

fn paragraph_style(id: &str, name: &str) -> dx::Style {
    dx::Style::new(id, dx::StyleType::Paragraph).name(name).based_on("Normal").next("Normal")
}

fn styles() -> dx::Styles {
    let font = dx::RunFonts::new().ascii(FONT).hi_ansi(FONT).east_asia(FONT).cs(FONT);
    let hanging = |s: dx::Style| s.indent(Some(TEXT_INDENT), Some(dx::SpecialIndentType::Hanging(TEXT_INDENT)), None, None);
    let mut h1 = hanging(paragraph_style(S_H1, "heading 1").bold().size(24).line_spacing(spacing(360, 120)).outline_lvl(0));
    let mut h2 = hanging(paragraph_style(S_H2, "heading 2").bold().size(BODY_SIZE).line_spacing(spacing(240, 120)).outline_lvl(1));
    for h in [&mut h1, &mut h2] {
        h.paragraph_property = std::mem::take(&mut h.paragraph_property).keep_next(true).keep_lines(true);
    }
    dx::Styles::new()
        .default_fonts(font)
        .default_size(BODY_SIZE)
        .default_line_spacing(dx::LineSpacing::new().after(120).line(264).line_rule(dx::LineSpacingType::Auto))
        .add_style(paragraph_style(S_TITLE, "Title").bold().size(36).align(dx::AlignmentType::Center).line_spacing(spacing(0, 480)))
        .add_style(paragraph_style(S_SUBTITLE, "Subtitle").size(26).align(dx::AlignmentType::Center).line_spacing(spacing(0, 360)))
        .add_style(h1)
        .add_style(h2)
        .add_style(paragraph_style(S_BODY, "Body Text"))
        .add_style(paragraph_style(S_INDENTED, "Eingerückt").indent(Some(TEXT_INDENT), None, None, None))
        .add_style(paragraph_style(S_CENTER, "Zentriert").align(dx::AlignmentType::Center))
        .add_style(paragraph_style(S_PARTY, "Vertragspartei").align(dx::AlignmentType::Center).line_spacing(spacing(0, 0)))
        .add_style(paragraph_style(S_ALIAS, "Vertragspartei Kurzname").align(dx::AlignmentType::Center).line_spacing(spacing(120, 240)))
        .add_style(hanging(paragraph_style(S_CLAUSE, "Klausel")))
        .add_style(paragraph_style(S_BULLET, "List Bullet").line_spacing(spacing(0, 60)))
        .add_style(paragraph_style(S_CONTACT, "Ansprechperson").indent(Some(TEXT_INDENT), None, None, None).line_spacing(spacing(0, 60)))
        .add_style(paragraph_style(S_SIGNATURE, "Signature").line_spacing(spacing(0, 0)))
        .add_style(
            paragraph_style(S_DRAFT, "Entwurfshinweis")
                .bold()
                .size(24)
                .color(RED)
                .align(dx::AlignmentType::Center)
                .line_spacing(spacing(0, 240)),
        )
        .add_style(paragraph_style(S_HEADER, "header").size(18).color(GREY).align(dx::AlignmentType::Right).line_spacing(spacing(0, 0)))
        .add_style(paragraph_style(S_FOOTER, "footer").size(18).color(GREY).align(dx::AlignmentType::Center).line_spacing(spacing(0, 0)))
}

/// Bullets under the clause text: symbol at the text indent, text one step further.
fn bullet_numbering() -> dx::AbstractNumbering {
    let mut n = dx::AbstractNumbering::new(BULLET_NUM);
    for (level, symbol) in BULLET_SYMBOLS.iter().enumerate() {
        let left = TEXT_INDENT + BULLET_HANG * (level as i32 + 1);
        n = n.add_level(
            dx::Level::new(
                level,
                dx::Start::new(1),
                dx::NumberFormat::new("bullet"),
                dx::LevelText::new(*symbol),
                dx::LevelJc::new("left"),
            )
            .indent(Some(left), Some(dx::SpecialIndentType::Hanging(BULLET_HANG)), None, None)
            .fonts(dx::RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT)),
        );
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(s: &str) -> Result<String, String> {
        let mut root = parse(s)?;
        normalize(&mut root);
        let mut out = String::new();
        root.write(&mut out);
        Ok(out)
    }

    #[test]
    fn parser_keeps_text_and_attributes() {
        let s = r#"<?xml version="1.0"?><w:p a="x &gt; y" b='<'><w:r><w:t xml:space="preserve"> a &amp; b </w:t><w:tab /></w:r></w:p>"#;
        assert_eq!(
            roundtrip(s).as_deref(),
            Ok(r#"<w:p a="x &gt; y" b='<'><w:r><w:t xml:space="preserve"> a &amp; b </w:t><w:tab/></w:r></w:p>"#)
        );
    }

    #[test]
    fn parser_rejects_malformed_input_without_panicking() {
        for bad in ["", "<a>", "</a>", "<a></b>", "<>", "</>", "<a/><b/>", "<a", "<!-- x --><a/>", "<a><![CDATA[x]]></a>", "text"] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn properties_are_put_in_schema_order() {
        let s = r#"<w:pPr><w:rPr><w:sz w:val="22"/><w:b/><w:rFonts w:ascii="Arial"/></w:rPr><w:jc w:val="center"/><w:keepNext/><w:numPr><w:numId w:val="2"/><w:ilvl w:val="0"/></w:numPr><w:pStyle w:val="X"/></w:pPr>"#;
        assert_eq!(
            roundtrip(s).as_deref(),
            Ok(
                r#"<w:pPr><w:pStyle w:val="X"/><w:keepNext/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr><w:jc w:val="center"/><w:rPr><w:rFonts w:ascii="Arial"/><w:b/><w:sz w:val="22"/></w:rPr></w:pPr>"#
            )
        );
        // Empty run and paragraph properties are dropped.
        assert_eq!(
            roundtrip("<w:p><w:pPr><w:rPr /></w:pPr><w:r><w:rPr/><w:t>x</w:t></w:r></w:p>").as_deref(),
            Ok("<w:p><w:r><w:t>x</w:t></w:r></w:p>")
        );
    }

    #[test]
    fn language_is_added_to_the_run_defaults() {
        let styles = br#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>"#;
        let out = canonical(styles, "styles.xml", |r| add_language(r, "de-DE")).expect("valid");
        assert!(out.contains(r#"<w:rPr><w:sz w:val="22"/><w:lang w:val="de-DE" w:eastAsia="de-DE" w:bidi="ar-SA"/></w:rPr>"#), "{out}");
        assert!(out.contains(r#"w:styleId="Normal" w:default="1""#), "{out}");
        let bare = canonical(b"<w:styles><w:docDefaults/></w:styles>", "styles.xml", |r| add_language(r, "de-DE")).expect("valid");
        assert!(bare.contains(r#"<w:rPrDefault><w:rPr><w:lang w:val="de-DE""#), "{bare}");
    }

    #[test]
    fn timestamps_are_w3cdtf() {
        assert!(is_w3cdtf(DEFAULT_TIMESTAMP));
        assert!(is_w3cdtf("2026-11-22T23:59:59Z"));
        for bad in ["2026-11-22", "2026-11-22T23:59:59", "2026-11-22 23:59:59Z", "2026-1-22T23:59:59Z", "２０２６-11-22T23:59:59Z"] {
            assert!(!is_w3cdtf(bad), "{bad}");
        }
    }
}

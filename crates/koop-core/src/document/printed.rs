//! The paragraphs of the document as the renderers print them, each with the place of the
//! agreement it belongs to; and which places of an exported file no longer read as the model
//! says (someone edited the clauses in Word or LibreOffice).
//!
//! Every renderer prints a block's paragraphs from the model and the wording alone (see
//! `render/docx/body.rs` and `render/odt/body.rs`); a test reads the text back out of both
//! formats and requires it to equal [`paragraphs`], so this list cannot drift from them.

use super::{Block, Document, plain};

/// What an exported file holds besides its look: the draft it was made from, the text of its
/// body as it is now (someone may have edited it in Word), and the day it was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Embedded {
    /// The draft record ("Als Datei sichern" format).
    pub record: String,
    /// The body's paragraphs in reading order (headers and footers apart), as printed: typed
    /// line breaks as `\n`, tabs as `\t`.
    pub paragraphs: Vec<String>,
    /// The creation time the export wrote (W3CDTF), kept by Word and LibreOffice: the draft is
    /// rebuilt as of that day, so text that depends on the date compares equal.
    pub created: Option<String>,
    /// Whether `paragraphs` is the file's body. A PDF's is not read back (it is set in lines,
    /// and it is the version to sign, not to edit): nothing in it counts as edited.
    pub has_body: bool,
}

/// Where a paragraph stands: the number of its clause or section, or a part without one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    /// Title, parties and whatever comes before the first heading.
    Head,
    /// A section, subsection or clause, by its printed number ("3", "2.1", "1.2.3").
    Numbered(String),
    /// A heading without a number ("Präambel") and what follows it.
    Unnumbered(String),
    Signatures,
}

impl Place {
    /// How the user reads the place in a message.
    pub fn label(&self) -> String {
        match self {
            Place::Head => "Kopf der Vereinbarung (Titel und Vertragspartner)".into(),
            Place::Numbered(n) => format!("Nr. {n}"),
            Place::Unnumbered(title) => format!("„{title}“"),
            Place::Signatures => "Unterschriften".into(),
        }
    }
}

/// A paragraph as printed, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printed {
    pub place: Place,
    pub text: String,
}

/// The body's paragraphs in print order.
pub fn paragraphs(doc: &Document) -> Vec<Printed> {
    let w = &doc.wording;
    let mut out = Vec::new();
    let mut place = Place::Head;
    let mut push = |place: &Place, text: String| out.push(Printed { place: place.clone(), text });
    if doc.draft {
        push(&place, w.draft_banner.clone());
    }
    for b in &doc.blocks {
        match b {
            Block::Title(t) | Block::Subtitle(t) => push(&place, plain(t)),
            Block::Party { lines, alias } => {
                lines.iter().for_each(|l| push(&place, plain(l)));
                if let Some(a) = alias {
                    push(&place, format!("{}{}{}", w.alias_open, plain(a), w.alias_close));
                }
            }
            Block::Paragraph { text, .. } => push(&place, plain(text)),
            Block::Heading { number, text, .. } => match number {
                Some(n) => {
                    place = Place::Numbered(n.trim_end_matches(|c: char| !c.is_ascii_digit()).to_string());
                    push(&place, format!("{n}\t{}", plain(text)));
                }
                None => {
                    place = Place::Unnumbered(plain(text));
                    push(&place, plain(text));
                }
            },
            Block::Clause { number, text, .. } => {
                place = Place::Numbered(number.clone());
                push(&place, format!("{number}\t{}", plain(text)));
            }
            Block::Bullets(items) => items.iter().for_each(|i| push(&place, plain(&i.text))),
            Block::Contacts(items) => items.iter().for_each(|i| push(&place, plain(i))),
            Block::Signatures(sigs) => {
                place = Place::Signatures;
                for s in sigs {
                    push(&place, plain(&s.party));
                    push(&place, format!("{}{}", plain(&s.place), w.date_line));
                    for name in &s.signatories {
                        push(&place, w.signature_line.clone());
                        push(&place, plain(name));
                    }
                }
            }
        }
    }
    out
}

/// A paragraph's text for comparison: what a renderer or an office program may change without
/// changing the wording is left out (characters XML cannot hold, runs and kinds of white space).
pub fn normalized(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        match c {
            // Typed tabs and line breaks print as white space (or a break) in every format.
            '\t' | '\n' | '\r' => space = true,
            // Characters XML 1.0 cannot hold, which the renderers drop (the DOCX keeps C1
            // controls, the ODT does not: both compare without them).
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c if c.is_whitespace() => space = true,
            c => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    out
}

/// Longest alignment this compares exactly (paragraphs × paragraphs); a larger file is compared
/// paragraph by paragraph in order, which still finds every edit, only less precisely placed.
const MAX_CELLS: usize = 4_000_000;

/// The places whose text in the file (`actual`, its body paragraphs in order) differs from what
/// the model prints, in document order, each once. Empty paragraphs do not count: office
/// programs add and drop them when they save.
pub fn edited_places(doc: &Document, actual: &[String]) -> Vec<Place> {
    let expected: Vec<(Place, String)> =
        paragraphs(doc).into_iter().map(|p| (p.place, normalized(&p.text))).filter(|(_, t)| !t.is_empty()).collect();
    let actual: Vec<String> = actual.iter().map(|t| normalized(t)).filter(|t| !t.is_empty()).collect();
    let mut changed: Vec<Place> = Vec::new();
    let mut mark = |p: &Place| {
        if !changed.contains(p) {
            changed.push(p.clone());
        }
    };
    let (n, m) = (expected.len(), actual.len());
    if n.saturating_mul(m) > MAX_CELLS {
        for i in 0..n.max(m) {
            match (expected.get(i), actual.get(i)) {
                (Some((p, e)), Some(a)) if e != a => mark(p),
                (Some((p, _)), None) => mark(p),
                (None, Some(_)) => mark(&expected.last().map_or(Place::Head, |(p, _)| p.clone())),
                _ => {}
            }
        }
        return changed;
    }
    // Longest common subsequence of the paragraphs: what is not in it was changed, removed or
    // added. lcs[i][j] is the length for expected[i..] and actual[j..].
    let mut lcs = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[at(i, j)] = if expected[i].1 == actual[j] { lcs[at(i + 1, j + 1)] + 1 } else { lcs[at(i + 1, j)].max(lcs[at(i, j + 1)]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    // An added paragraph belongs to the place of the paragraph before it.
    let mut last = Place::Head;
    while i < n || j < m {
        if i < n && j < m && expected[i].1 == actual[j] {
            last = expected[i].0.clone();
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[at(i, j + 1)] > lcs[at(i + 1, j)]) {
            // (On a tie the expected paragraph goes first: a changed paragraph is then one of
            // its own place removed and one added after it, both at that place.)
            mark(&last);
            j += 1;
        } else {
            last = expected[i].0.clone();
            mark(&last);
            i += 1;
        }
    }
    // In document order.
    let order: Vec<&Place> = expected.iter().map(|(p, _)| p).collect();
    changed.sort_by_key(|p| order.iter().position(|o| *o == p).unwrap_or(usize::MAX));
    changed
}

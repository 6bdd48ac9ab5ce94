//! The neutral document model: what the agreement says, independent of HTML or Word. The live
//! preview and the DOCX export are both rendered from it, so what users see is what they get.

pub mod appendix;
pub mod bound;
mod builder;
mod cached;
mod numbering;
pub mod printed;

pub use builder::build;
pub use cached::{BuildCache, build_cached};
pub use numbering::clause_numbers;

/// The document holds text with gaps (defined below, where evaluation makes it).
pub use crate::value::{Inline, Target, Text, plain};

use crate::template::ParagraphStyle;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub title: String,
    pub subject: String,
    pub author: String,
    /// Running header on every page.
    pub header: String,
    pub language: String,
    /// ASCII-safe, with date and extension.
    pub file_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Bullet {
    pub level: u8,
    pub text: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Signature {
    pub party: Text,
    pub place: Text,
    /// Printed names, one signature line each.
    pub signatories: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Block {
    Title(Text),
    Subtitle(Text),
    Party {
        lines: Vec<Text>,
        alias: Option<Text>,
    },
    Paragraph {
        style: ParagraphStyle,
        text: Text,
    },
    /// Level 1: numbered section; level 2: subsection (or an unnumbered heading).
    Heading {
        level: u8,
        number: Option<String>,
        text: Text,
        id: Option<String>,
    },
    Clause {
        number: String,
        id: Option<String>,
        text: Text,
    },
    Bullets(Vec<Bullet>),
    /// People with their details, one per line.
    Contacts(Vec<Text>),
    Signatures(Vec<Signature>),
}

/// The fixed wording around the answers: every renderer prints these strings as they are, so
/// the preview and the exported files cannot drift apart and renderers carry no German text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wording {
    /// Before the running header of a draft ("ENTWURF"), printed emphasised.
    pub draft_word: String,
    /// Between `draft_word` and the running header.
    pub draft_separator: String,
    /// The banner above the title of a draft.
    pub draft_banner: String,
    /// Around a party's alias: `- „Landkreis“ -`.
    pub alias_open: String,
    pub alias_close: String,
    /// After the place of a signature block: the blank for the date.
    pub date_line: String,
    /// The line to sign on.
    pub signature_line: String,
    /// Page footer: `page_before` <page> `page_between` <pages>.
    pub page_before: String,
    pub page_between: String,
}

impl Wording {
    /// The wording of a German agreement.
    pub fn german() -> Self {
        Self {
            draft_word: "ENTWURF".into(),
            draft_separator: " – ".into(),
            draft_banner: "ENTWURF – noch nicht vollständig".into(),
            alias_open: "- „".into(),
            alias_close: "“ -".into(),
            date_line: ", den ____________________".into(),
            signature_line: "________________________________________".into(),
            page_before: "Seite ".into(),
            page_between: " von ".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub meta: Meta,
    /// Something required is missing or invalid: `wording.draft_banner` is printed.
    pub draft: bool,
    pub blocks: Vec<Block>,
    pub wording: Wording,
}

impl Document {
    /// Every gap with its target, in reading order.
    pub fn gaps(&self) -> Vec<(&str, Option<&Target>)> {
        let mut out = Vec::new();
        self.for_each_text(|t| {
            for i in t {
                if let Inline::Gap { text, target } = i {
                    out.push((text.as_str(), target.as_ref()));
                }
            }
        });
        out
    }

    /// Calls `f` for every piece of text in reading order.
    pub fn for_each_text<'d>(&'d self, mut f: impl FnMut(&'d [Inline])) {
        for b in &self.blocks {
            match b {
                Block::Title(t) | Block::Subtitle(t) | Block::Paragraph { text: t, .. } | Block::Clause { text: t, .. } => f(t),
                Block::Heading { text, .. } => f(text),
                Block::Party { lines, alias } => {
                    lines.iter().for_each(|l| f(l));
                    if let Some(a) = alias {
                        f(a)
                    }
                }
                Block::Bullets(items) => items.iter().for_each(|i| f(&i.text)),
                Block::Contacts(items) => items.iter().for_each(|i| f(i)),
                Block::Signatures(sigs) => {
                    for s in sigs {
                        f(&s.party);
                        f(&s.place);
                        s.signatories.iter().for_each(|n| f(n));
                    }
                }
            }
        }
    }

    /// The document as plain text, one line per paragraph (tests, search, fallbacks).
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        let mut line = |s: String| {
            out.push_str(&s);
            out.push('\n');
        };
        for b in &self.blocks {
            match b {
                Block::Title(t) | Block::Subtitle(t) => line(plain(t)),
                Block::Party { lines, alias } => {
                    lines.iter().for_each(|l| line(plain(l)));
                    if let Some(a) = alias {
                        line(format!("- „{}“ -", plain(a)));
                    }
                }
                Block::Paragraph { text, .. } => line(plain(text)),
                Block::Heading { number, text, .. } => line(match number {
                    Some(n) => format!("{n} {}", plain(text)),
                    None => plain(text),
                }),
                Block::Clause { number, text, .. } => line(format!("{number} {}", plain(text))),
                Block::Bullets(items) => {
                    items.iter().for_each(|i| line(format!("{}• {}", "  ".repeat(usize::from(i.level)), plain(&i.text))))
                }
                Block::Contacts(items) => items.iter().for_each(|i| line(plain(i))),
                Block::Signatures(sigs) => {
                    for s in sigs {
                        line(plain(&s.party));
                        line(format!("{}, den ____________________", plain(&s.place)));
                        s.signatories.iter().for_each(|n| line(format!("Unterschrift: {}", plain(n))));
                    }
                }
            }
        }
        out
    }
}

//! The blocks of a document's text: headings, numbered clauses, parties, bullets, contacts and
//! signatures, each shown under its condition.

use super::super::syntax::{Cond, Tmpl};
use super::RawBlock;
use serde::{Deserialize, Serialize};

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

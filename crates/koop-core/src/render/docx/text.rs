//! Text as XML can hold it.

#![allow(clippy::wildcard_imports)]

use super::*;

// ---------------------------------------------------------------------------------------------
// Text

/// Text as XML 1.0 can hold it: characters XML forbids are dropped, line breaks and tabs
/// become spaces (markup characters are escaped by docx-rs and quick-xml).
pub fn clean(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => None,
            c => Some(c),
        })
        .collect()
}

pub(crate) fn is_w3cdtf(s: &str) -> bool {
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
pub(super) fn language(meta: &Meta) -> String {
    let l = meta.language.trim();
    if !l.is_empty() && l.len() <= 35 && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        l.to_string()
    } else {
        "de-DE".to_string()
    }
}

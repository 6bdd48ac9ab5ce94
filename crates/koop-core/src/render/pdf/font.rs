//! The PDF's font (Koop Sans, regular and bold, `fonts/`): which glyph shows a character and
//! how wide it is. The typesetter measures with it and the writer draws with it.
//!
//! A character the font cannot show (another script, an emoji, a private-use or unassigned code
//! point, an invisible format character) is drawn as a box, and the word it stands in carries its
//! real text as `ActualText`: a reader or screen reader gets the words as typed, and no glyph
//! of the file is the forbidden `.notdef`.

use skrifa::instance::{LocationRef, Size};
use skrifa::raw::TableProvider;
use skrifa::{FontRef, MetadataProvider};
use std::collections::HashMap;
use std::sync::OnceLock;

pub const REGULAR: &[u8] = include_bytes!("../../../fonts/KoopSans-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../../../fonts/KoopSans-Bold.ttf");

/// What stands in for a character the font lacks (U+25A1 WHITE SQUARE).
pub const BOX: char = '\u{25A1}';
/// What the typesetter draws where it breaks a word (shown as a hyphen, read as U+00AD).
pub const HYPHEN: char = '-';
pub const SOFT_HYPHEN: char = '\u{AD}';

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    Regular,
    Bold,
}

/// How the typesetter treats a character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A space the line may break at (typed tabs and other spaces print as one space).
    Space,
    /// A typed line break.
    Break,
    /// Not printed (control characters, which no format keeps).
    Drop,
    /// Shown by this glyph.
    Glyph(u16),
    /// Shown as [`BOX`]; its word carries the real text.
    Foreign,
}

/// One face's metrics.
pub struct Metrics {
    cmap: HashMap<char, u16>,
    /// Advance of each glyph, in em.
    advances: Vec<f32>,
    pub ascent: f32,
    pub descent: f32,
}

impl Metrics {
    fn load(bytes: &'static [u8]) -> Metrics {
        // The fonts are part of the build: a font that does not parse is a build defect, caught
        // by every test that typesets.
        let Ok(font) = FontRef::new(bytes) else {
            return Metrics { cmap: HashMap::new(), advances: Vec::new(), ascent: 0.9, descent: 0.2 };
        };
        let upem = font.head().map(|h| f32::from(h.units_per_em())).unwrap_or(2048.0);
        let cmap: HashMap<char, u16> =
            font.charmap().mappings().filter_map(|(c, g)| Some((char::from_u32(c)?, u16::try_from(g.to_u32()).ok()?))).collect();
        let glyphs = font.maxp().map(|m| m.num_glyphs()).unwrap_or(0);
        let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let advances = (0..glyphs).map(|g| metrics.advance_width(skrifa::GlyphId::new(u32::from(g))).unwrap_or(0.0) / upem).collect();
        let m = font.metrics(Size::unscaled(), LocationRef::default());
        Metrics { cmap, advances, ascent: m.ascent / upem, descent: -m.descent / upem }
    }

    pub fn glyph(&self, c: char) -> Option<u16> {
        self.cmap.get(&c).copied().filter(|g| *g != 0)
    }

    /// Advance of a glyph in em.
    pub fn advance(&self, glyph: u16) -> f32 {
        self.advances.get(usize::from(glyph)).copied().unwrap_or(0.0)
    }

    pub fn class(&self, c: char) -> Class {
        // In the order of `document::printed::normalized`, which says what text compares equal.
        match c {
            '\n' | '\r' => Class::Break,
            '\t' => Class::Space,
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => Class::Drop,
            '\u{a0}' | '\u{2007}' | '\u{202f}' => self.glyph(c).map_or(Class::Foreign, Class::Glyph),
            c if c.is_whitespace() => Class::Space,
            c if is_format(c) || is_private(c) => Class::Foreign,
            c => self.glyph(c).map_or(Class::Foreign, Class::Glyph),
        }
    }

    /// Width of a character in em, as the typesetter places it.
    pub fn width(&self, c: char) -> f32 {
        match self.class(c) {
            Class::Space => self.glyph(' ').map_or(0.0, |g| self.advance(g)),
            Class::Break | Class::Drop => 0.0,
            Class::Glyph(g) => self.advance(g),
            Class::Foreign => self.glyph(BOX).map_or(0.0, |g| self.advance(g)),
        }
    }

    /// Width of a text in points.
    pub fn text_width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.width(c)).sum::<f32>() * size
    }
}

/// Invisible format characters (Unicode category Cf): no glyph shows them, so their word
/// carries them as text.
fn is_format(c: char) -> bool {
    matches!(c as u32,
        0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x8E2 | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E
        | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB | 0x110BD | 0x110CD | 0x13430..=0x1343F
        | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A | 0xE0001 | 0xE0020..=0xE007F)
}

/// Private-use code points: PDF/A level A allows them only with `ActualText`.
fn is_private(c: char) -> bool {
    matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD)
}

pub fn metrics(face: Face) -> &'static Metrics {
    static REG: OnceLock<Metrics> = OnceLock::new();
    static BLD: OnceLock<Metrics> = OnceLock::new();
    match face {
        Face::Regular => REG.get_or_init(|| Metrics::load(REGULAR)),
        Face::Bold => BLD.get_or_init(|| Metrics::load(BOLD)),
    }
}

pub fn bytes(face: Face) -> &'static [u8] {
    match face {
        Face::Regular => REGULAR,
        Face::Bold => BOLD,
    }
}

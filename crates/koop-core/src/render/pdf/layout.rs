//! Layout of the PDF (the one place for its layout decisions), in points, taken from the DOCX
//! layout (`render/docx/layout.rs`) so that both print the same page: A4, 2.5 cm margins, the
//! same type sizes, spacing and indents. The font is Koop Sans, metric-compatible with the DOCX's
//! Arial.

use crate::render::docx::layout as docx;

/// Twips (DOCX) to points.
const fn pt(twips: i32) -> f32 {
    twips as f32 / 20.0
}

/// Half-points (DOCX type sizes) to points.
const fn size(half_points: usize) -> f32 {
    half_points as f32 / 2.0
}

const fn spacing((before, after): (u32, u32)) -> Spacing {
    Spacing { before: before as f32 / 20.0, after: after as f32 / 20.0 }
}

pub const PAGE_WIDTH: f32 = pt(docx::PAGE_WIDTH as i32);
pub const PAGE_HEIGHT: f32 = pt(docx::PAGE_HEIGHT as i32);
pub const MARGIN: f32 = pt(docx::MARGIN);
/// Where clause text starts; clause numbers hang to its left.
pub const TEXT_INDENT: f32 = pt(docx::TEXT_INDENT);
/// Bullet symbol to its text.
pub const BULLET_HANG: f32 = pt(docx::BULLET_HANG);
pub const BULLET_SYMBOLS: [&str; 3] = docx::BULLET_SYMBOLS;
/// Distance of the header's top and the footer's bottom from the page edge.
pub const HEADER_DISTANCE: f32 = pt(docx::HEADER_DISTANCE);
/// The body's width.
pub const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;

pub const BODY_SIZE: f32 = size(docx::BODY_SIZE);
pub const TITLE_SIZE: f32 = size(docx::TITLE_SIZE);
pub const SUBTITLE_SIZE: f32 = size(docx::SUBTITLE_SIZE);
pub const HEADING1_SIZE: f32 = size(docx::HEADING1_SIZE);
pub const DRAFT_SIZE: f32 = size(docx::DRAFT_SIZE);
pub const HEADER_SIZE: f32 = size(docx::HEADER_SIZE);

/// Line height as a multiple of the type size: the font's own line (ascent + descent + gap,
/// 1.149 for Arial and Liberation Sans) times the DOCX's line spacing (264/240).
pub const LINE_FACTOR: f32 = 1.149 * docx::LINE as f32 / 240.0;
/// Lines of the header and footer are single-spaced.
pub const SINGLE_LINE_FACTOR: f32 = 1.149;

/// Space before and after a paragraph (points).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spacing {
    pub before: f32,
    pub after: f32,
}

pub const BODY_SPACING: Spacing = Spacing { before: 0.0, after: docx::AFTER as f32 / 20.0 };
pub const TITLE_SPACING: Spacing = spacing(docx::TITLE_SPACING);
pub const SUBTITLE_SPACING: Spacing = spacing(docx::SUBTITLE_SPACING);
pub const HEADING1_SPACING: Spacing = spacing(docx::HEADING1_SPACING);
pub const HEADING2_SPACING: Spacing = spacing(docx::HEADING2_SPACING);
pub const PARTY_SPACING: Spacing = spacing(docx::PARTY_SPACING);
pub const ALIAS_SPACING: Spacing = spacing(docx::ALIAS_SPACING);
pub const LIST_SPACING: Spacing = spacing(docx::LIST_SPACING);
pub const DRAFT_SPACING: Spacing = spacing(docx::DRAFT_SPACING);
/// Space before the party, the place and date, and each signature line of a signature block.
pub const SIGNATURE_PARTY_BEFORE: f32 = docx::SIGNATURE_BEFORE.0 as f32 / 20.0;
pub const SIGNATURE_PLACE_BEFORE: f32 = docx::SIGNATURE_BEFORE.1 as f32 / 20.0;
pub const SIGNATURE_LINE_BEFORE: f32 = docx::SIGNATURE_BEFORE.2 as f32 / 20.0;

/// Colours (RGB): text, the draft mark, header and footer, the highlight of a gap.
pub const BLACK: [u8; 3] = [0, 0, 0];
pub const RED: [u8; 3] = hex(docx::RED);
pub const GREY: [u8; 3] = hex(docx::GREY);
pub const HIGHLIGHT: [u8; 3] = [0xff, 0xff, 0x00];

/// "C00000" to its bytes (the DOCX writes colours as hex).
const fn hex(s: &str) -> [u8; 3] {
    let b = s.as_bytes();
    const fn digit(c: u8) -> u8 {
        match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            _ => 0,
        }
    }
    [digit(b[0]) * 16 + digit(b[1]), digit(b[2]) * 16 + digit(b[3]), digit(b[4]) * 16 + digit(b[5])]
}

/// Bookmark titles longer than this many characters are cut (a clause's bookmark is its number
/// and the start of its text).
pub const BOOKMARK_CHARS: usize = 60;

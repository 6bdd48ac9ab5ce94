//! Layout: page, margins, fonts, styles, numbering (the one place for DOCX layout decisions).

#![allow(clippy::wildcard_imports)]

use super::*;

// ---------------------------------------------------------------------------------------------
// Page, font, colours and style ids

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
pub(crate) const HEADER_DISTANCE: i32 = 709;
/// Body text size in half-points (11 pt).
pub(crate) const BODY_SIZE: usize = 22;
/// Other type sizes in half-points: title 18 pt, subtitle 13 pt, section heading and draft
/// banner 12 pt, header and footer 9 pt.
pub(crate) const TITLE_SIZE: usize = 36;
pub(crate) const SUBTITLE_SIZE: usize = 26;
pub(crate) const HEADING1_SIZE: usize = 24;
pub(crate) const DRAFT_SIZE: usize = 24;
pub(crate) const HEADER_SIZE: usize = 18;
/// Line spacing of the body in 240ths of a line (1.1 lines).
pub(crate) const LINE: i32 = 264;
/// Space after a paragraph unless its style says otherwise (twips, 6 pt).
pub(crate) const AFTER: u32 = 120;
/// Space before and after (twips) of the styles that set their own.
pub(crate) const TITLE_SPACING: (u32, u32) = (0, 480);
pub(crate) const SUBTITLE_SPACING: (u32, u32) = (0, 360);
pub(crate) const HEADING1_SPACING: (u32, u32) = (360, 120);
pub(crate) const HEADING2_SPACING: (u32, u32) = (240, 120);
pub(crate) const PARTY_SPACING: (u32, u32) = (0, 0);
pub(crate) const ALIAS_SPACING: (u32, u32) = (120, 240);
pub(crate) const LIST_SPACING: (u32, u32) = (0, 60);
pub(crate) const DRAFT_SPACING: (u32, u32) = (0, 240);
/// Space before the lines of a signature block (twips): the party, the place and date, each
/// signature line.
pub(crate) const SIGNATURE_BEFORE: (u32, u32, u32) = (720, 360, 840);
/// Bullet symbol to text (0.75 cm).
pub(crate) const BULLET_HANG: i32 = 425;
/// The abstract numbering and numbering instance of the bullet lists (1 is docx-rs' built-in
/// decimal list, always present in numbering.xml).
pub(super) const BULLET_NUM: usize = 2;
pub(crate) const BULLET_SYMBOLS: [&str; 3] = ["•", "–", "▪"];

pub(super) const HIGHLIGHT: &str = "yellow";
pub(crate) const RED: &str = "C00000";
pub(crate) const GREY: &str = "595959";

// Paragraph style ids (ids are ASCII; names are what Word shows).
pub(super) const S_TITLE: &str = "Title";
pub(super) const S_SUBTITLE: &str = "Subtitle";
pub(super) const S_H1: &str = "Heading1";
pub(super) const S_H2: &str = "Heading2";
pub(super) const S_BODY: &str = "BodyText";
pub(super) const S_INDENTED: &str = "Indented";
pub(super) const S_CENTER: &str = "Centered";
pub(super) const S_PARTY: &str = "Party";
pub(super) const S_ALIAS: &str = "PartyAlias";
pub(super) const S_CLAUSE: &str = "Clause";
pub(super) const S_BULLET: &str = "ListBullet";
pub(super) const S_CONTACT: &str = "Contact";
pub(super) const S_SIGNATURE: &str = "Signature";
pub(super) const S_DRAFT: &str = "DraftNote";
pub(super) const S_HEADER: &str = "Header";
pub(super) const S_FOOTER: &str = "Footer";

// ---------------------------------------------------------------------------------------------
// Styles and numbering

pub(super) fn spacing((before, after): (u32, u32)) -> dx::LineSpacing {
    dx::LineSpacing::new().before(before).after(after)
}

pub(super) fn paragraph_style(id: &str, name: &str) -> dx::Style {
    dx::Style::new(id, dx::StyleType::Paragraph).name(name).based_on("Normal").next("Normal")
}

pub(super) fn styles() -> dx::Styles {
    let font = dx::RunFonts::new().ascii(FONT).hi_ansi(FONT).east_asia(FONT).cs(FONT);
    let hanging = |s: dx::Style| s.indent(Some(TEXT_INDENT), Some(dx::SpecialIndentType::Hanging(TEXT_INDENT)), None, None);
    let mut h1 =
        hanging(paragraph_style(S_H1, "heading 1").bold().size(HEADING1_SIZE).line_spacing(spacing(HEADING1_SPACING)).outline_lvl(0));
    let mut h2 = hanging(paragraph_style(S_H2, "heading 2").bold().size(BODY_SIZE).line_spacing(spacing(HEADING2_SPACING)).outline_lvl(1));
    for h in [&mut h1, &mut h2] {
        h.paragraph_property = std::mem::take(&mut h.paragraph_property).keep_next(true).keep_lines(true);
    }
    dx::Styles::new()
        .default_fonts(font)
        .default_size(BODY_SIZE)
        .default_line_spacing(dx::LineSpacing::new().after(AFTER).line(LINE).line_rule(dx::LineSpacingType::Auto))
        .add_style(
            paragraph_style(S_TITLE, "Title").bold().size(TITLE_SIZE).align(dx::AlignmentType::Center).line_spacing(spacing(TITLE_SPACING)),
        )
        .add_style(
            paragraph_style(S_SUBTITLE, "Subtitle")
                .size(SUBTITLE_SIZE)
                .align(dx::AlignmentType::Center)
                .line_spacing(spacing(SUBTITLE_SPACING)),
        )
        .add_style(h1)
        .add_style(h2)
        .add_style(paragraph_style(S_BODY, "Body Text"))
        .add_style(paragraph_style(S_INDENTED, "Eingerückt").indent(Some(TEXT_INDENT), None, None, None))
        .add_style(paragraph_style(S_CENTER, "Zentriert").align(dx::AlignmentType::Center))
        .add_style(paragraph_style(S_PARTY, "Vertragspartei").align(dx::AlignmentType::Center).line_spacing(spacing(PARTY_SPACING)))
        .add_style(
            paragraph_style(S_ALIAS, "Vertragspartei Kurzname").align(dx::AlignmentType::Center).line_spacing(spacing(ALIAS_SPACING)),
        )
        .add_style(hanging(paragraph_style(S_CLAUSE, "Klausel")))
        .add_style(paragraph_style(S_BULLET, "List Bullet").line_spacing(spacing(LIST_SPACING)))
        .add_style(
            paragraph_style(S_CONTACT, "Ansprechperson").indent(Some(TEXT_INDENT), None, None, None).line_spacing(spacing(LIST_SPACING)),
        )
        .add_style(paragraph_style(S_SIGNATURE, "Signature").line_spacing(spacing(PARTY_SPACING)))
        .add_style(
            paragraph_style(S_DRAFT, "Entwurfshinweis")
                .bold()
                .size(DRAFT_SIZE)
                .color(RED)
                .align(dx::AlignmentType::Center)
                .line_spacing(spacing(DRAFT_SPACING)),
        )
        .add_style(
            paragraph_style(S_HEADER, "header")
                .size(HEADER_SIZE)
                .color(GREY)
                .align(dx::AlignmentType::Right)
                .line_spacing(spacing(PARTY_SPACING)),
        )
        .add_style(
            paragraph_style(S_FOOTER, "footer")
                .size(HEADER_SIZE)
                .color(GREY)
                .align(dx::AlignmentType::Center)
                .line_spacing(spacing(PARTY_SPACING)),
        )
}

/// Bullets under the clause text: symbol at the text indent, text one step further.
pub(super) fn bullet_numbering() -> dx::AbstractNumbering {
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

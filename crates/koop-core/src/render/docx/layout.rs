//! Layout: page, margins, fonts, styles, numbering (the one place for DOCX layout decisions).

#![allow(clippy::wildcard_imports)]

use super::*;

// ---------------------------------------------------------------------------------------------
// Styles and numbering

pub(super) fn spacing(before: u32, after: u32) -> dx::LineSpacing {
    dx::LineSpacing::new().before(before).after(after)
}

pub(super) fn paragraph_style(id: &str, name: &str) -> dx::Style {
    dx::Style::new(id, dx::StyleType::Paragraph).name(name).based_on("Normal").next("Normal")
}

pub(super) fn styles() -> dx::Styles {
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

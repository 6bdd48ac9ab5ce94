//! styles.xml: every layout decision of the ODT in one place (page, font, paragraph styles,
//! bullets, header and footer). The values follow the DOCX layout (render/docx/layout.rs): A4,
//! margins 2.5 cm, Arial 11 pt, clause and section numbers hanging in the first 1.5 cm.

use super::{NS, W, text};
use crate::document::Document;
use std::io::Result;

pub(super) const FONT: &str = "Arial";
pub(super) const BULLET_SYMBOLS: [&str; 3] = ["•", "–", "▪"];
/// Where clause text starts; numbers hang to its left.
const TEXT_INDENT_CM: f64 = 1.5;
/// Bullet symbol to text.
const BULLET_HANG_CM: f64 = 0.75;

// Style names (display names are what LibreOffice shows).
pub(super) const S_TITLE: &str = "Title";
pub(super) const S_SUBTITLE: &str = "Subtitle";
pub(super) const S_H1: &str = "Heading_20_1";
pub(super) const S_H2: &str = "Heading_20_2";
pub(super) const S_H1_PLAIN: &str = "Heading_20_1_20_ohne_20_Nummer";
pub(super) const S_H2_PLAIN: &str = "Heading_20_2_20_ohne_20_Nummer";
pub(super) const S_BODY: &str = "Text_20_body";
pub(super) const S_INDENTED: &str = "Eingerueckt";
pub(super) const S_CENTER: &str = "Zentriert";
pub(super) const S_PARTY: &str = "Vertragspartei";
pub(super) const S_ALIAS: &str = "Vertragspartei_20_Kurzname";
pub(super) const S_CLAUSE: &str = "Klausel";
pub(super) const S_BULLET: &str = "List_20_Bullet";
pub(super) const S_CONTACT: &str = "Ansprechperson";
pub(super) const S_SIG_PARTY: &str = "Unterschrift_20_Partei";
pub(super) const S_SIG_PLACE: &str = "Unterschrift_20_Ort";
pub(super) const S_SIG_LINE: &str = "Unterschrift_20_Linie";
pub(super) const S_SIG_NAME: &str = "Unterschrift_20_Name";
pub(super) const S_SIG_NAME_LAST: &str = "Unterschrift_20_Name_20_Ende";
pub(super) const S_DRAFT: &str = "Entwurfshinweis";
const S_HEADER: &str = "Header";
const S_FOOTER: &str = "Footer";
const T_DRAFT_WORD: &str = "Entwurf_20_Wort";
pub(super) const T_GAP: &str = "Luecke";
pub(super) const L_BULLETS: &str = "Aufzaehlung";
const PAGE_LAYOUT: &str = "Seite";

fn cm(v: f64) -> String {
    format!("{v:.2}cm")
}

/// A paragraph style: name, display name, paragraph and text properties.
struct P<'a> {
    name: &'a str,
    display: &'a str,
    outline: Option<&'a str>,
    para: Vec<(&'a str, String)>,
    text: Vec<(&'a str, &'a str)>,
}

fn p<'a>(name: &'a str, display: &'a str) -> P<'a> {
    P { name, display, outline: None, para: Vec::new(), text: Vec::new() }
}

impl<'a> P<'a> {
    fn para(mut self, k: &'a str, v: impl Into<String>) -> Self {
        self.para.push((k, v.into()));
        self
    }
    fn text(mut self, k: &'a str, v: &'a str) -> Self {
        self.text.push((k, v));
        self
    }
    fn spacing(self, before_pt: u32, after_pt: u32) -> Self {
        self.para("fo:margin-top", format!("{before_pt}pt")).para("fo:margin-bottom", format!("{after_pt}pt"))
    }
    fn hanging(self) -> Self {
        self.para("fo:margin-left", cm(TEXT_INDENT_CM)).para("fo:text-indent", cm(-TEXT_INDENT_CM))
    }
    fn keep(self) -> Self {
        self.para("fo:keep-together", "always").para("fo:keep-with-next", "always")
    }
    fn write(&self, w: &mut W) -> Result<()> {
        let mut el = w.create_element("style:style").with_attributes([
            ("style:name", self.name),
            ("style:display-name", self.display),
            ("style:family", "paragraph"),
            ("style:parent-style-name", "Standard"),
        ]);
        if let Some(o) = self.outline {
            el = el.with_attribute(("style:default-outline-level", o));
        }
        el.write_inner_content(|w| {
            if !self.para.is_empty() {
                let mut pp = w.create_element("style:paragraph-properties");
                for (k, v) in &self.para {
                    pp = pp.with_attribute((*k, v.as_str()));
                }
                if self.name == S_CLAUSE || self.name == S_H1 || self.name == S_H2 {
                    // The tab after the number lands where the text starts.
                    pp.write_inner_content(|w| {
                        w.create_element("style:tab-stops").write_inner_content(|w| {
                            w.create_element("style:tab-stop").with_attribute(("style:position", "0cm")).write_empty()?;
                            Ok(())
                        })?;
                        Ok(())
                    })?;
                } else {
                    pp.write_empty()?;
                }
            }
            if !self.text.is_empty() {
                w.create_element("style:text-properties").with_attributes(self.text.iter().copied()).write_empty()?;
            }
            Ok(())
        })?;
        Ok(())
    }
}

fn paragraph_styles() -> Vec<P<'static>> {
    let bold = [("fo:font-weight", "bold"), ("style:font-weight-complex", "bold")];
    let mut h1 = p(S_H1, "Heading 1").hanging().spacing(18, 6).keep().text("fo:font-size", "12pt");
    let mut h2 = p(S_H2, "Heading 2").hanging().spacing(12, 6).keep();
    let mut h1_plain = p(S_H1_PLAIN, "Heading 1 ohne Nummer").spacing(18, 6).keep().text("fo:font-size", "12pt");
    let mut h2_plain = p(S_H2_PLAIN, "Heading 2 ohne Nummer").spacing(12, 6).keep();
    h1.outline = Some("1");
    h2.outline = Some("2");
    h1_plain.outline = Some("1");
    h2_plain.outline = Some("2");
    let mut out = vec![
        p(S_TITLE, "Title").para("fo:text-align", "center").spacing(0, 24).text("fo:font-size", "18pt"),
        p(S_SUBTITLE, "Subtitle").para("fo:text-align", "center").spacing(0, 18).text("fo:font-size", "13pt"),
        h1,
        h2,
        h1_plain,
        h2_plain,
        p(S_BODY, "Text body"),
        p(S_INDENTED, "Eingerückt").para("fo:margin-left", cm(TEXT_INDENT_CM)),
        p(S_CENTER, "Zentriert").para("fo:text-align", "center"),
        p(S_PARTY, "Vertragspartei").para("fo:text-align", "center").spacing(0, 0),
        p(S_ALIAS, "Vertragspartei Kurzname").para("fo:text-align", "center").spacing(6, 12),
        p(S_CLAUSE, "Klausel").hanging(),
        p(S_BULLET, "List Bullet").spacing(0, 3),
        p(S_CONTACT, "Ansprechperson").para("fo:margin-left", cm(TEXT_INDENT_CM)).spacing(0, 3),
        // A signature block stays on one page: every paragraph but the last keeps with the next.
        p(S_SIG_PARTY, "Unterschrift Partei").spacing(36, 0).keep(),
        p(S_SIG_PLACE, "Unterschrift Ort").spacing(18, 0).keep(),
        p(S_SIG_LINE, "Unterschrift Linie").spacing(42, 0).keep(),
        p(S_SIG_NAME, "Unterschrift Name").spacing(0, 0).keep(),
        p(S_SIG_NAME_LAST, "Unterschrift Name Ende").spacing(0, 0).para("fo:keep-together", "always"),
        p(S_DRAFT, "Entwurfshinweis")
            .para("fo:text-align", "center")
            .spacing(0, 12)
            .text("fo:font-size", "12pt")
            .text("fo:color", "#c00000"),
        p(S_HEADER, "Header").para("fo:text-align", "end").spacing(0, 0).text("fo:font-size", "9pt").text("fo:color", "#595959"),
        p(S_FOOTER, "Footer").para("fo:text-align", "center").spacing(0, 0).text("fo:font-size", "9pt").text("fo:color", "#595959"),
    ];
    for s in &mut out {
        if [S_TITLE, S_H1, S_H2, S_H1_PLAIN, S_H2_PLAIN, S_SIG_PARTY, S_DRAFT].contains(&s.name) {
            s.text.extend(bold);
        }
    }
    out
}

pub(super) fn styles(w: &mut W, doc: &Document) -> Result<()> {
    document_root(w, "office:document-styles", |w| {
        w.create_element("office:styles").write_inner_content(|w| {
            // Defaults for every family the document uses (paragraphs, spans).
            w.create_element("style:default-style").with_attribute(("style:family", "paragraph")).write_inner_content(|w| {
                w.create_element("style:paragraph-properties")
                    .with_attributes([("fo:margin-top", "0pt"), ("fo:margin-bottom", "6pt"), ("fo:line-height", "110%")])
                    .write_empty()?;
                w.create_element("style:text-properties")
                    .with_attributes([
                        ("style:font-name", FONT),
                        ("fo:font-size", "11pt"),
                        ("fo:language", "de"),
                        ("fo:country", "DE"),
                        ("fo:hyphenate", "false"),
                    ])
                    .write_empty()?;
                Ok(())
            })?;
            w.create_element("style:default-style").with_attribute(("style:family", "text")).write_inner_content(|w| {
                w.create_element("style:text-properties").with_attributes([("style:font-name", FONT)]).write_empty()?;
                Ok(())
            })?;
            w.create_element("style:style")
                .with_attributes([("style:name", "Standard"), ("style:family", "paragraph"), ("style:class", "text")])
                .write_empty()?;
            for s in paragraph_styles() {
                s.write(w)?;
            }
            w.create_element("style:style")
                .with_attributes([("style:name", T_GAP), ("style:display-name", "Lücke"), ("style:family", "text")])
                .write_inner_content(|w| {
                    w.create_element("style:text-properties").with_attribute(("fo:background-color", "#ffff00")).write_empty()?;
                    Ok(())
                })?;
            w.create_element("style:style")
                .with_attributes([("style:name", T_DRAFT_WORD), ("style:display-name", "Entwurf Wort"), ("style:family", "text")])
                .write_inner_content(|w| {
                    w.create_element("style:text-properties")
                        .with_attributes([("fo:font-weight", "bold"), ("fo:color", "#c00000")])
                        .write_empty()?;
                    Ok(())
                })?;
            bullets(w)?;
            Ok(())
        })?;
        w.create_element("office:automatic-styles").write_inner_content(|w| {
            w.create_element("style:page-layout").with_attribute(("style:name", PAGE_LAYOUT)).write_inner_content(|w| {
                w.create_element("style:page-layout-properties")
                    .with_attributes([
                        ("fo:page-width", "21cm"),
                        ("fo:page-height", "29.7cm"),
                        ("style:print-orientation", "portrait"),
                        ("fo:margin-top", "1.25cm"),
                        ("fo:margin-bottom", "1.25cm"),
                        ("fo:margin-left", "2.5cm"),
                        ("fo:margin-right", "2.5cm"),
                    ])
                    .write_empty()?;
                // Header and footer sit 1.25 cm from the edge; the body starts 2.5 cm.
                for (el, margin) in [("style:header-style", "fo:margin-bottom"), ("style:footer-style", "fo:margin-top")] {
                    w.create_element(el).write_inner_content(|w| {
                        w.create_element("style:header-footer-properties")
                            .with_attributes([("fo:min-height", "0.6cm"), (margin, "0.65cm")])
                            .write_empty()?;
                        Ok(())
                    })?;
                }
                Ok(())
            })?;
            Ok(())
        })?;
        w.create_element("office:master-styles").write_inner_content(|w| {
            w.create_element("style:master-page")
                .with_attributes([("style:name", "Standard"), ("style:page-layout-name", PAGE_LAYOUT)])
                .write_inner_content(|w| {
                    w.create_element("style:header").write_inner_content(|w| {
                        w.create_element("text:p").with_attribute(("text:style-name", S_HEADER)).write_inner_content(|w| {
                            if doc.draft {
                                w.create_element("text:span")
                                    .with_attribute(("text:style-name", T_DRAFT_WORD))
                                    .write_inner_content(|w| text(w, &doc.wording.draft_word))?;
                                text(w, &doc.wording.draft_separator)?;
                            }
                            text(w, &doc.meta.header)
                        })?;
                        Ok(())
                    })?;
                    w.create_element("style:footer").write_inner_content(|w| {
                        w.create_element("text:p").with_attribute(("text:style-name", S_FOOTER)).write_inner_content(|w| {
                            text(w, &doc.wording.page_before)?;
                            w.create_element("text:page-number")
                                .with_attribute(("text:select-page", "current"))
                                .write_text_content(quick_xml::events::BytesText::new("1"))?;
                            text(w, &doc.wording.page_between)?;
                            w.create_element("text:page-count").write_text_content(quick_xml::events::BytesText::new("1"))?;
                            Ok(())
                        })?;
                        Ok(())
                    })?;
                    Ok(())
                })?;
            Ok(())
        })?;
        Ok(())
    })
}

/// Bullets under the clause text: symbol at the text indent, text one step further, as in the
/// DOCX.
fn bullets(w: &mut W) -> Result<()> {
    w.create_element("text:list-style")
        .with_attributes([("style:name", L_BULLETS), ("style:display-name", "Aufzählung")])
        .write_inner_content(|w| {
            for (i, symbol) in BULLET_SYMBOLS.iter().enumerate() {
                let level = (i + 1).to_string();
                let left = cm(TEXT_INDENT_CM + BULLET_HANG_CM * (i as f64 + 1.0));
                w.create_element("text:list-level-style-bullet")
                    .with_attributes([("text:level", level.as_str()), ("text:bullet-char", symbol)])
                    .write_inner_content(|w| {
                        w.create_element("style:list-level-properties")
                            .with_attribute(("text:list-level-position-and-space-mode", "label-alignment"))
                            .write_inner_content(|w| {
                                w.create_element("style:list-level-label-alignment")
                                    .with_attributes([
                                        ("text:label-followed-by", "listtab"),
                                        ("text:list-tab-stop-position", left.as_str()),
                                        ("fo:text-indent", &cm(-BULLET_HANG_CM)),
                                        ("fo:margin-left", left.as_str()),
                                    ])
                                    .write_empty()?;
                                Ok(())
                            })?;
                        w.create_element("style:text-properties").with_attribute(("style:font-name", FONT)).write_empty()?;
                        Ok(())
                    })?;
            }
            Ok(())
        })?;
    Ok(())
}

/// The root element of content.xml and styles.xml: ODF namespaces and version, the one font's
/// declaration, then `body`.
pub(super) fn document_root(w: &mut W, name: &str, body: impl FnOnce(&mut W) -> Result<()>) -> Result<()> {
    w.create_element(name).with_attributes(NS.iter().copied()).with_attribute(("office:version", "1.3")).write_inner_content(|w| {
        font_faces(w)?;
        body(w)
    })?;
    Ok(())
}

/// The one font, declared where the styles refer to it.
fn font_faces(w: &mut W) -> Result<()> {
    w.create_element("office:font-face-decls").write_inner_content(|w| {
        w.create_element("style:font-face")
            .with_attributes([
                ("style:name", FONT),
                ("svg:font-family", FONT),
                ("style:font-family-generic", "swiss"),
                ("style:font-pitch", "variable"),
            ])
            .write_empty()?;
        Ok(())
    })?;
    Ok(())
}

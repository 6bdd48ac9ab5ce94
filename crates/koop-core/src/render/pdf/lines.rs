//! Breaking one paragraph into lines: first fit, ragged right like the DOCX, German hyphenation
//! (hypher, with the TeX German patterns) where the next word does not fit, and a break inside
//! any word wider than a whole line, so that no text runs past the margin.
//!
//! Every word boundary is a real space in the text, also at the end of a line (PDF/UA and
//! PDF/A level A ask for that); a word broken at the line's end gets a hyphen that reads as
//! U+00AD (soft hyphen), so the word reads whole.

use super::font::{Class, Face, HYPHEN, Metrics, metrics};

/// A piece of a paragraph's text in one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub text: String,
    pub face: Face,
    pub color: [u8; 3],
    /// A gap of the draft: shown highlighted.
    pub highlight: bool,
}

/// What a run of a line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunKind {
    /// Text the font shows.
    Text,
    /// A word with characters the font lacks: drawn with boxes, its text is `ActualText`.
    Foreign,
    /// The hyphen of a word broken at the line's end (reads as U+00AD).
    Hyphen,
}

/// A run of one line: one style, one kind.
#[derive(Debug, Clone, PartialEq)]
pub struct LineRun {
    /// From the line's start.
    pub dx: f32,
    pub width: f32,
    pub text: String,
    pub kind: RunKind,
    /// Index into the paragraph's pieces (its style).
    pub piece: usize,
    /// The same word as the run before, in another look: a word the font cannot show whole is
    /// one `ActualText` over all its runs.
    pub joined: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    pub runs: Vec<LineRun>,
    /// Of the visible text (without a trailing space).
    pub width: f32,
}

/// A word's text in one style.
#[derive(Debug, Clone)]
struct Seg {
    text: String,
    piece: usize,
}

enum Item {
    Word(Vec<Seg>),
    Space,
    Break,
}

fn items(pieces: &[Piece]) -> Vec<Item> {
    let mut out = Vec::new();
    let mut word: Vec<Seg> = Vec::new();
    let flush = |word: &mut Vec<Seg>, out: &mut Vec<Item>| {
        if !word.is_empty() {
            out.push(Item::Word(std::mem::take(word)));
        }
    };
    for (i, p) in pieces.iter().enumerate() {
        let m = metrics(p.face);
        let text = p.text.replace("\r\n", "\n").replace('\r', "\n");
        for c in text.chars() {
            match m.class(c) {
                Class::Space => {
                    flush(&mut word, &mut out);
                    if !matches!(out.last(), Some(Item::Space)) {
                        out.push(Item::Space);
                    }
                }
                Class::Break => {
                    flush(&mut word, &mut out);
                    out.push(Item::Break);
                }
                Class::Drop => {}
                // Pieces of the same look make one segment: a word is cut into runs only where
                // its look changes (a word the font cannot show whole is one `ActualText`).
                Class::Glyph(_) | Class::Foreign => match word.last_mut() {
                    Some(s) if same_look(&pieces[s.piece], p) => s.text.push(c),
                    _ => word.push(Seg { text: c.to_string(), piece: i }),
                },
            }
        }
    }
    flush(&mut word, &mut out);
    out
}

fn same_look(a: &Piece, b: &Piece) -> bool {
    (a.face, a.color, a.highlight) == (b.face, b.color, b.highlight)
}

fn face_metrics(pieces: &[Piece], piece: usize) -> &'static Metrics {
    metrics(pieces.get(piece).map_or(Face::Regular, |p| p.face))
}

fn seg_width(pieces: &[Piece], s: &Seg, size: f32) -> f32 {
    face_metrics(pieces, s.piece).text_width(&s.text, size)
}

fn word_width(pieces: &[Piece], w: &[Seg], size: f32) -> f32 {
    w.iter().map(|s| seg_width(pieces, s, size)).sum()
}

fn is_foreign(pieces: &[Piece], s: &Seg) -> bool {
    let m = face_metrics(pieces, s.piece);
    s.text.chars().any(|c| m.class(c) == Class::Foreign)
}

/// Splits a word at a byte offset of its text.
fn split_word(word: &[Seg], at: usize) -> (Vec<Seg>, Vec<Seg>) {
    let (mut head, mut tail) = (Vec::new(), Vec::new());
    let mut pos = 0;
    for s in word {
        let end = pos + s.text.len();
        if end <= at {
            head.push(s.clone());
        } else if pos >= at {
            tail.push(s.clone());
        } else {
            let (a, b) = s.text.split_at(at - pos);
            head.push(Seg { text: a.to_string(), piece: s.piece });
            tail.push(Seg { text: b.to_string(), piece: s.piece });
        }
        pos = end;
    }
    (head, tail)
}

/// Where German hyphenation allows breaking the word (byte offsets), ascending. Only inside
/// runs of letters, and only in words the font shows whole.
fn hyphenation_points(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut start = None;
    let check = |from: usize, to: usize, out: &mut Vec<usize>| {
        let part = &text[from..to];
        if part.chars().count() >= 5 {
            let mut at = from;
            let syllables: Vec<&str> = hypher::hyphenate(part, hypher::Lang::German).collect();
            for s in &syllables[..syllables.len().saturating_sub(1)] {
                at += s.len();
                out.push(at);
            }
        }
    };
    for (i, c) in text.char_indices() {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                check(s, i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        check(s, text.len(), &mut out);
    }
    out
}

/// The longest head of `word` (at an allowed break, or at any character if `any`) that fits
/// in `room` with a hyphen after it.
fn fitting_head(pieces: &[Piece], word: &[Seg], size: f32, room: f32, any: bool) -> Option<usize> {
    let text: String = word.iter().map(|s| s.text.as_str()).collect();
    let hyphen = face_metrics(pieces, word.last().map_or(0, |s| s.piece)).text_width("-", size);
    let points: Vec<usize> = if any {
        text.char_indices().map(|(i, _)| i).filter(|i| *i > 0).collect()
    } else {
        if word.iter().any(|s| is_foreign(pieces, s)) {
            return None;
        }
        hyphenation_points(&text)
    };
    points.into_iter().rev().find(|at| word_width(pieces, &split_word(word, *at).0, size) + hyphen <= room)
}

struct Builder<'a> {
    pieces: &'a [Piece],
    size: f32,
    lines: Vec<Line>,
    line: Line,
    /// Where the next run starts (includes spaces already placed).
    x: f32,
}

impl Builder<'_> {
    fn push_run(&mut self, text: &str, piece: usize, kind: RunKind, joined: bool) {
        let width = face_metrics(self.pieces, piece).text_width(text, self.size);
        let mergeable = kind == RunKind::Text;
        let pieces = self.pieces;
        match self.line.runs.last_mut() {
            Some(r) if mergeable && r.kind == RunKind::Text && same_look(&pieces[r.piece], &pieces[piece]) => {
                r.text.push_str(text);
                r.width += width;
            }
            _ => self.line.runs.push(LineRun { dx: self.x, width, text: text.to_string(), kind, piece, joined }),
        }
        self.x += width;
        self.line.width = self.x;
    }

    fn push_word(&mut self, word: &[Seg]) {
        let foreign = word.iter().any(|s| is_foreign(self.pieces, s));
        for (i, s) in word.iter().enumerate() {
            let kind = if foreign { RunKind::Foreign } else { RunKind::Text };
            self.push_run(&s.text, s.piece, kind, foreign && i > 0);
        }
    }

    /// A space between words; it belongs to the run before it.
    fn push_space(&mut self) {
        let piece = self.line.runs.last().map_or(0, |r| r.piece);
        let width = face_metrics(self.pieces, piece).text_width(" ", self.size);
        match self.line.runs.last_mut() {
            Some(r) if r.kind == RunKind::Text => {
                r.text.push(' ');
                r.width += width;
            }
            _ => self.line.runs.push(LineRun { dx: self.x, width, text: " ".into(), kind: RunKind::Text, piece, joined: false }),
        }
        self.x += width;
    }

    fn push_hyphen(&mut self, piece: usize) {
        self.push_run(&HYPHEN.to_string(), piece, RunKind::Hyphen, false);
    }

    fn end_line(&mut self) {
        self.lines.push(std::mem::take(&mut self.line));
        self.x = 0.0;
    }
}

/// Breaks the paragraph into lines: the first line is `first` wide, the others `width`.
pub fn break_lines(pieces: &[Piece], size: f32, first: f32, width: f32) -> Vec<Line> {
    let mut b = Builder { pieces, size, lines: Vec::new(), line: Line::default(), x: 0.0 };
    let room = |b: &Builder<'_>| if b.lines.is_empty() { first } else { width };
    let mut pending_space = false;
    for item in items(pieces) {
        match item {
            Item::Space => pending_space = !b.line.runs.is_empty(),
            Item::Break => {
                // The line ends at a word boundary: a space says so.
                if !b.line.runs.is_empty() {
                    b.push_space();
                }
                b.end_line();
                pending_space = false;
            }
            Item::Word(mut word) => loop {
                let space =
                    if pending_space { face_metrics(pieces, b.line.runs.last().map_or(0, |r| r.piece)).text_width(" ", size) } else { 0.0 };
                let w = word_width(pieces, &word, size);
                if b.x + space + w <= room(&b) || (b.line.runs.is_empty() && w <= 0.0) {
                    if pending_space {
                        b.push_space();
                    }
                    b.push_word(&word);
                    pending_space = false;
                    break;
                }
                // Does not fit: hyphenate into the rest of this line, or start a new one.
                let left = room(&b) - b.x - space;
                let on_empty = b.line.runs.is_empty();
                let head = fitting_head(pieces, &word, size, left, false).or_else(|| {
                    // Wider than a whole line: break it anywhere.
                    (on_empty && w > room(&b)).then(|| fitting_head(pieces, &word, size, left, true)).flatten()
                });
                match head {
                    Some(at) => {
                        let (h, t) = split_word(&word, at);
                        if pending_space {
                            b.push_space();
                        }
                        b.push_word(&h);
                        b.push_hyphen(h.last().map_or(0, |s| s.piece));
                        b.end_line();
                        word = t;
                        pending_space = false;
                    }
                    None if !on_empty => {
                        b.push_space();
                        b.end_line();
                        pending_space = false;
                    }
                    None => {
                        // Not even one character fits beside a hyphen (cannot happen on A4):
                        // place the word as it is rather than loop.
                        b.push_word(&word);
                        break;
                    }
                }
            },
        }
    }
    if !b.line.runs.is_empty() || b.lines.is_empty() {
        b.end_line();
    }
    b.lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(text: &str) -> Vec<Piece> {
        vec![Piece { text: text.into(), face: Face::Regular, color: [0, 0, 0], highlight: false }]
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.runs.iter().map(|r| r.text.as_str()).collect()).collect()
    }

    #[test]
    fn german_words_break_at_syllables_with_a_hyphen() {
        assert!(hyphenation_points("Kooperationsvereinbarung").len() > 3);
        let lines = break_lines(&piece("Die Kooperationsvereinbarung"), 11.0, 120.0, 120.0);
        let t = texts(&lines);
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(t[0].starts_with("Die Koope") && t[0].ends_with('-'), "{t:?}");
        assert_eq!(lines[0].runs.last().map(|r| r.kind), Some(RunKind::Hyphen));
        let joined: String = t.iter().map(|l| l.trim_end_matches('-')).collect();
        assert_eq!(joined, "Die Kooperationsvereinbarung");
    }

    #[test]
    fn lines_end_with_a_space_at_a_word_boundary_and_fit() {
        let text = "Die Vertragspartner arbeiten in der integrierten Planung zusammen und stimmen sich ab.";
        let lines = break_lines(&piece(text), 11.0, 150.0, 150.0);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(l.width <= 150.0 + 0.01, "{l:?}");
        }
        // Without the hyphens of broken words, the lines say the text (each line but the last
        // ends with its space, or with a hyphen).
        let all: String = lines.iter().flat_map(|l| l.runs.iter().filter(|r| r.kind != RunKind::Hyphen).map(|r| r.text.as_str())).collect();
        assert_eq!(all, text);
    }

    #[test]
    fn a_word_wider_than_the_line_is_broken_anywhere() {
        let word = "x".repeat(200);
        let lines = break_lines(&piece(&word), 11.0, 100.0, 100.0);
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| l.width <= 100.0 + 0.01));
    }

    #[test]
    fn typed_breaks_and_foreign_words() {
        let lines = break_lines(&piece("Zeile 1\nZeile 2 Emoji😀x"), 11.0, 400.0, 400.0);
        let t = texts(&lines);
        assert_eq!(t, vec!["Zeile 1 ".to_string(), "Zeile 2 Emoji😀x".to_string()]);
        assert_eq!(lines[1].runs.last().map(|r| r.kind), Some(RunKind::Foreign));
        assert!(break_lines(&piece("\u{1}\u{2}"), 11.0, 400.0, 400.0).iter().all(|l| l.runs.is_empty()));
    }
}

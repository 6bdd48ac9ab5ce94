//! What the document makes of the process: the optional appendix "Prozessübersicht" and the
//! checklist of what an agreement must settle (ISA, phase 3), mapped per template to the clauses
//! that settle it.

use super::{Block, Bullet, clause_numbers};
use crate::context::Context;
use crate::draft::process::{PHASES, Process};
use crate::template::ChecklistTopic;
use crate::value::{Datum, Inline};

/// How the chosen template settles one checklist topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coverage {
    /// Settled in these clauses (current numbers).
    Settled(Vec<String>),
    /// Not settled by the template: a hint, not an error.
    Open(String),
}

/// Every checklist topic with its coverage in the draft's template.
pub fn checklist(ctx: &Context<'_>) -> Vec<(&'static str, Coverage)> {
    let numbers = clause_numbers(ctx);
    ChecklistTopic::ALL
        .iter()
        .map(|&topic| {
            let entry = ctx.template.checklist.iter().find(|c| c.topic == topic);
            let clauses: Vec<String> =
                entry.map(|e| e.clauses.iter().filter_map(|c| numbers.get(c).cloned()).collect()).unwrap_or_default();
            let coverage = match entry {
                Some(_) if !clauses.is_empty() => Coverage::Settled(clauses),
                Some(e) => Coverage::Open(e.hint.clone().unwrap_or_else(|| "In dieser Vorlage nicht geregelt.".to_string())),
                None => Coverage::Open("In dieser Vorlage nicht geregelt.".to_string()),
            };
            (topic.title(), coverage)
        })
        .collect()
}

/// The optional appendix "Prozessübersicht": phases, status, dates, decision, next review.
pub fn appendix(process: &Process) -> Vec<Block> {
    let t = |s: String| vec![Inline::Text(s)];
    let mut blocks = vec![Block::Heading { level: 1, number: None, text: t("Anlage: Prozessübersicht".into()), id: None }];
    let items = PHASES
        .iter()
        .enumerate()
        .map(|(i, phase)| {
            let r = process.phase(i);
            let mut line = format!("{}. {} – {}", i + 1, phase.title, r.status.label());
            if let Some(d) = Datum::parse(&r.datum) {
                line.push_str(&format!(" ({d})"));
            }
            if !r.notiz.trim().is_empty() {
                line.push_str(&format!(": {}", r.notiz.trim()));
            }
            Bullet { level: 0, text: t(line) }
        })
        .collect();
    blocks.push(Block::Bullets(items));
    let mut facts = Vec::new();
    if !process.gremium.trim().is_empty() || Datum::parse(&process.beschlussdatum).is_some() {
        let when = Datum::parse(&process.beschlussdatum).map(|d| format!(" am {d}")).unwrap_or_default();
        facts.push(format!("Beschluss: {}{when}", process.gremium.trim()));
    }
    if let Some(d) = Datum::parse(&process.unterzeichnet_am) {
        facts.push(format!("Unterzeichnet am {d}"));
    }
    if let Some(d) = process.next_review() {
        facts.push(format!("Nächste Überprüfung: {d}"));
    }
    for f in facts {
        blocks.push(Block::Paragraph { style: crate::template::ParagraphStyle::Body, text: t(f) });
    }
    blocks
}

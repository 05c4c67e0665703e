//! Plain-text output: `resdiff parse --format text` and a terminal redline.

use std::fmt::Write as _;

use super::RenderOptions;
use super::common::labels;
use super::common::{
    direction_str, is_changed, lead_direction_label, meta_rows, numbered_ops, pair_label,
    printed_number, summary_lines,
};
use super::common::{kind_label, only_note, shown, status_label};
use crate::compare::Comparison;
use crate::diff::{FootnoteChange, OpKind};
use crate::model::{Part, Resolution};

const RED_STRIKE: &str = "\x1b[31;9m";
const GREEN_UNDERLINE: &str = "\x1b[32;4m";
const DIM: &str = "\x1b[2m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// A readable dump of a parsed document: metadata, then one block per paragraph with its id,
/// kind, lead phrase and text, then footnotes and warnings.
pub fn resolution_text(r: &Resolution) -> String {
    let mut s = String::new();
    for (k, v) in meta_rows(r) {
        let _ = writeln!(s, "{k:<17} {v}");
    }
    let _ = writeln!(s, "{:<17} {:?}", "Layout", r.flavour);
    if !r.structured {
        let _ = writeln!(
            s,
            "(not recognised as a resolution: paragraphs are unstructured)"
        );
    }
    s.push('\n');
    for p in &r.paragraphs {
        let mut head = format!("[{}] {:?}", p.id, p.kind);
        if let Part::Annex { index, label } = &p.part {
            let _ = write!(head, ", annex {index}");
            if !label.is_empty() {
                let _ = write!(head, " ({label})");
            }
        }
        if let Some(sec) = &p.section {
            let _ = write!(head, ", section “{sec}”");
        }
        if let Some(lead) = &p.lead {
            let _ = write!(head, ", lead “{lead}”");
        }
        if !p.footnote_refs.is_empty() {
            let refs: Vec<String> = p
                .footnote_refs
                .iter()
                .map(|f| f.number.to_string())
                .collect();
            let _ = write!(head, ", footnotes {}", refs.join(","));
        }
        let _ = writeln!(s, "{head}");
        let num = printed_number(p);
        if num.is_empty() {
            let _ = writeln!(s, "    {}\n", p.text);
        } else {
            let _ = writeln!(s, "    {num} {}\n", p.text);
        }
    }
    if !r.footnotes.is_empty() {
        let _ = writeln!(s, "Footnotes");
        for f in &r.footnotes {
            let _ = writeln!(s, "  {}  {}", f.number, f.text);
        }
        s.push('\n');
    }
    for w in &r.warnings {
        let _ = writeln!(s, "warning: {w}");
    }
    s
}

/// The terminal redline of a comparison.
///
/// Without colour: deletions as `[-text-]`, insertions as `{+text+}`, routine ones as `[~-text-~]`
/// and `{~+text+~}`. With colour: red strike-through and green underline, routine ones dimmed.
pub fn render(c: &Comparison, opts: &RenderOptions) -> String {
    let color = opts.color;
    let (old_label, new_label) = labels(c, opts);
    let mut s = String::new();
    let (b, r) = if color { (BOLD, RESET) } else { ("", "") };
    let _ = writeln!(s, "{b}{old_label} → {new_label}{r}");
    for line in summary_lines(c) {
        let _ = writeln!(s, "{line}");
    }
    if !c.summary.renumbering.is_empty() {
        let map = super::common::renumbering_ranges(&c.summary.renumbering);
        let _ = writeln!(s, "Renumbered: {}", map.join(", "));
    }
    for l in &c.summary.lead_changes {
        let _ = writeln!(
            s,
            "Lead phrase {} → {}: “{}” → “{}” ({})",
            l.old_id,
            l.new_id,
            l.change.old,
            l.change.new,
            direction_str(l.change.direction)
        );
    }
    for w in &c.warnings {
        let _ = writeln!(s, "warning: {w}");
    }
    if color {
        let _ = writeln!(
            s,
            "Legend: {RED_STRIKE}deleted{RESET} {GREEN_UNDERLINE}inserted{RESET} {DIM}{GREEN_UNDERLINE}routine{RESET}"
        );
    } else {
        let _ = writeln!(
            s,
            "Legend: [-deleted-] {{+inserted+}} [~-routine deletion-~] {{~+routine insertion+~}}"
        );
    }
    if let Some(note) = only_note(c, opts.only) {
        let _ = writeln!(s, "{note}");
    }
    s.push('\n');
    for pair in c.pairs.iter().filter(|p| shown(p, opts.only)) {
        let mut head = format!("{} {}", pair_label(c, pair), status_label(pair));
        if is_changed(pair) {
            if let Some(k) = kind_label(pair) {
                let _ = write!(head, ", {k}");
            }
            if pair.renumbered && pair.status != crate::compare::Status::Renumbered {
                head.push_str(", renumbered");
            }
            if !pair.old.is_empty() && !pair.new.is_empty() {
                let _ = write!(head, ", similarity {:.2}", pair.similarity);
            }
        }
        let _ = writeln!(s, "{b}{head}{r}");
        if !is_changed(pair) {
            continue;
        }
        if let Some(l) = &pair.class.lead_change {
            let _ = writeln!(
                s,
                "  lead: “{}” → “{}” ({})",
                l.old,
                l.new,
                lead_direction_label(l)
            );
        }
        let refs = &pair.class;
        if !refs.references_added.is_empty() || !refs.references_removed.is_empty() {
            let mut line = String::from("  references");
            if !refs.references_added.is_empty() {
                let _ = write!(line, " added: {}", refs.references_added.join(", "));
                if !refs.references_removed.is_empty() {
                    line.push(';');
                }
            }
            if !refs.references_removed.is_empty() {
                let _ = write!(line, " removed: {}", refs.references_removed.join(", "));
            }
            let _ = writeln!(s, "{line}");
        }
        for f in &pair.class.footnotes {
            let _ = match f {
                FootnoteChange::Added { text } => writeln!(s, "  footnote added: {text}"),
                FootnoteChange::Removed { text } => writeln!(s, "  footnote removed: {text}"),
                FootnoteChange::Changed { old, new, .. } => {
                    writeln!(s, "  footnote changed: “{old}” → “{new}”")
                }
            };
        }
        let mut body = String::new();
        for op in numbered_ops(c, pair).iter() {
            let (open, close) = match (op.op, op.routine, color) {
                (OpKind::Equal, _, _) => ("", ""),
                (OpKind::Delete, false, false) => ("[-", "-]"),
                (OpKind::Insert, false, false) => ("{+", "+}"),
                (OpKind::Delete, true, false) => ("[~-", "-~]"),
                (OpKind::Insert, true, false) => ("{~+", "+~}"),
                (OpKind::Delete, false, true) => (RED_STRIKE, RESET),
                (OpKind::Insert, false, true) => (GREEN_UNDERLINE, RESET),
                (OpKind::Delete, true, true) => ("\x1b[2;31;9m", RESET),
                (OpKind::Insert, true, true) => ("\x1b[2;32;4m", RESET),
            };
            // Keep marks on one line each: a paragraph break inside a run closes and reopens it.
            let mut first = true;
            for piece in op.text.split('\n') {
                if !first {
                    body.push('\n');
                }
                first = false;
                if !piece.is_empty() {
                    body.push_str(open);
                    body.push_str(piece);
                    body.push_str(close);
                }
            }
        }
        for line in body.split('\n') {
            let _ = writeln!(s, "    {line}");
        }
        s.push('\n');
    }
    s
}

//! The single-column redline: deletions struck through and insertions underlined in one text,
//! as Word's All Markup shows them.

use egui::text::LayoutJob;
use egui::{FontId, Stroke, TextFormat};

use crate::compare::{Comparison, Pair, Status};
use crate::diff::OpKind;

use super::command::Side;
use super::palette::Palette;
use super::text::{find_matches, ops_match, side_text};

/// One run of the redline: its text, and whether it is deleted, inserted or routine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineRun {
    /// Equal, insert or delete.
    pub op: OpKind,
    /// The words.
    pub text: String,
    /// An annual rollover (muted, with its rule in the hover text).
    pub routine: bool,
}

/// The runs of a pair's redline: its word diff, or the whole old text deleted and the whole
/// new text inserted when the diff does not describe the texts (added, removed, coarse).
pub fn inline_runs(c: &Comparison, pair: &Pair) -> Vec<InlineRun> {
    let run = |op, text: String, routine| InlineRun { op, text, routine };
    let old = side_text(c, pair, Side::Old);
    let new = side_text(c, pair, Side::New);
    match pair.status {
        Status::Added => return vec![run(OpKind::Insert, new, false)],
        Status::Removed => return vec![run(OpKind::Delete, old, false)],
        _ => {}
    }
    if ops_match(c, pair) {
        return pair
            .ops
            .iter()
            .map(|o| run(o.op, o.text.clone(), o.routine))
            .collect();
    }
    if old == new {
        return vec![run(OpKind::Equal, new, false)];
    }
    vec![
        run(OpKind::Delete, old, false),
        run(OpKind::Insert, format!(" {new}"), false),
    ]
}

/// The redline of a pair as one layout job: deleted words struck through, inserted words
/// underlined (routine ones muted), search hits marked.
pub fn inline_job(
    c: &Comparison,
    pair: &Pair,
    pal: &Palette,
    size: f32,
    query: &str,
    width: f32,
) -> LayoutJob {
    let runs = inline_runs(c, pair);
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    let hits = find_matches(&text, query.trim());
    let font = FontId::proportional(size);
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    let mut pos = 0;
    let mut prev: Option<OpKind> = None;
    for r in &runs {
        // A deletion right before an insertion reads apart with a little room between them.
        let mut lead = if prev == Some(OpKind::Delete)
            && r.op == OpKind::Insert
            && !r.text.starts_with(char::is_whitespace)
        {
            size * 0.3
        } else {
            0.0
        };
        prev = Some(r.op);
        let mut fmt = TextFormat {
            font_id: font.clone(),
            color: pal.text,
            ..Default::default()
        };
        match (r.op, r.routine) {
            (OpKind::Equal, _) => {}
            (OpKind::Delete, true) => {
                fmt.color = pal.routine;
                fmt.strikethrough = Stroke::new(1.0, pal.routine);
            }
            (OpKind::Insert, true) => {
                fmt.color = pal.routine;
                fmt.underline = Stroke::new(1.0, pal.routine);
            }
            (OpKind::Delete, false) => {
                fmt.color = pal.delete_fg;
                fmt.background = pal.delete_bg;
                fmt.strikethrough = Stroke::new(1.5, pal.delete_fg);
            }
            (OpKind::Insert, false) => {
                fmt.color = pal.insert_fg;
                fmt.background = pal.insert_bg;
                fmt.underline = Stroke::new(1.5, pal.insert_fg);
            }
        }
        // Split the run at search hits.
        let end = pos + r.text.len();
        let mut cuts = vec![pos, end];
        for h in &hits {
            for x in [h.start, h.end] {
                if x > pos && x < end {
                    cuts.push(x);
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            let Some(seg) = text.get(a..b) else {
                continue;
            };
            let mut f = fmt.clone();
            if hits.iter().any(|h| h.start <= a && a < h.end) {
                f.background = pal.hit_bg;
                f.color = pal.hit_fg;
            }
            job.append(seg, lead, f);
            lead = 0.0;
        }
        pos = end;
    }
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_rebuild_both_texts_on_the_sample_pair() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
        let c = crate::compare_files(
            &root.join("A_RES_65_141.txt"),
            &root.join("A_RES_66_184.txt"),
        )
        .unwrap();
        for p in &c.pairs {
            let runs = inline_runs(&c, p);
            let old: String = runs
                .iter()
                .filter(|r| r.op != OpKind::Insert)
                .map(|r| r.text.as_str())
                .collect();
            let new: String = runs
                .iter()
                .filter(|r| r.op != OpKind::Delete)
                .map(|r| r.text.as_str())
                .collect();
            assert_eq!(old.trim(), side_text(&c, p, Side::Old).trim());
            assert_eq!(new.trim(), side_text(&c, p, Side::New).trim());
        }
    }
}

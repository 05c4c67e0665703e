//! Helpers shared by the renderers.

use std::borrow::Cow;
use std::time::{SystemTime, UNIX_EPOCH};

use super::{Only, RenderOptions};
use crate::compare::{Comparison, Pair, Status};
use crate::diff::{ChangeKind, DiffOp, Direction, OpKind, new_text, old_text};
use crate::model::{Paragraph, ParagraphKind, Resolution};

/// The names of the two documents: symbol, else title, else the label from the options, else
/// `old document` / `new document`.
pub fn labels(c: &Comparison, opts: &RenderOptions) -> (String, String) {
    (
        c.old
            .label(opts.old_label.as_deref().unwrap_or("old document"))
            .to_string(),
        c.new
            .label(opts.new_label.as_deref().unwrap_or("new document"))
            .to_string(),
    )
}

/// The paragraphs of `res` at `idxs` (indices that are out of range are skipped).
pub fn paragraphs<'a>(res: &'a Resolution, idxs: &[usize]) -> Vec<&'a Paragraph> {
    idxs.iter().filter_map(|i| res.paragraphs.get(*i)).collect()
}

/// The ids of the paragraphs of `res` at `idxs`.
pub fn ids(res: &Resolution, idxs: &[usize]) -> Vec<String> {
    id_refs(res, idxs).into_iter().map(str::to_string).collect()
}

/// [`ids`], borrowed from the document.
pub fn id_refs<'a>(res: &'a Resolution, idxs: &[usize]) -> Vec<&'a str> {
    idxs.iter()
        .filter_map(|&i| res.paragraphs.get(i))
        .map(|p| p.id.as_str())
        .collect()
}

/// Ids joined with `+` (`OP5+OP6`), or empty.
pub fn ids_joined(res: &Resolution, idxs: &[usize]) -> String {
    ids(res, idxs).join("+")
}

/// The texts of the paragraphs at `idxs`, joined with `"\n"` as the diff sees them.
pub fn side_text(res: &Resolution, idxs: &[usize]) -> String {
    paragraphs(res, idxs)
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The pair's ops when they describe exactly the pair's old and new texts; otherwise (an
/// inconsistent comparison) a full delete + insert of the texts, so no renderer shows wrong text.
pub fn ops<'a>(c: &Comparison, pair: &'a Pair) -> Cow<'a, [DiffOp]> {
    let old = side_text(&c.old, &pair.old);
    let new = side_text(&c.new, &pair.new);
    if old_text(&pair.ops) == old && new_text(&pair.ops) == new {
        return Cow::Borrowed(&pair.ops);
    }
    let mut v = Vec::new();
    if !old.is_empty() {
        v.push(DiffOp::new(OpKind::Delete, old));
    }
    if !new.is_empty() {
        v.push(DiffOp::new(OpKind::Insert, new));
    }
    Cow::Owned(v)
}

/// The printed number of a paragraph as it stands before its text: `5.`, `(a)`, `I.`; empty for
/// preambular and unstructured paragraphs.
pub fn printed_number(p: &Paragraph) -> String {
    if let Some(printed) = &p.printed_number {
        return printed.clone();
    }
    match (&p.kind, p.number.as_deref()) {
        (ParagraphKind::Operative, Some(n)) => format!("{n}."),
        (ParagraphKind::SubParagraph, Some(n)) => format!("({n})"),
        (ParagraphKind::Heading, Some(n)) if !n.is_empty() => format!("{n}."),
        _ => String::new(),
    }
}

/// `none`, `routine`, `footnote` or `substantive`.
pub fn change_str(k: ChangeKind) -> &'static str {
    match k {
        ChangeKind::None => "none",
        ChangeKind::Routine => "routine",
        ChangeKind::Footnote => "footnote",
        ChangeKind::Substantive => "substantive",
    }
}

/// `stronger`, `weaker`, `neutral` or `reversed`.
pub fn direction_str(d: Direction) -> &'static str {
    match d {
        Direction::Stronger => "stronger",
        Direction::Weaker => "weaker",
        Direction::Neutral => "neutral",
        Direction::Reversed => "reversed",
    }
}

/// A lead change for a reader: `Encourages → Urges (stronger)`, with the move between preamble
/// and operative part when there is one (`… (neutral; operative → preambular)`).
pub fn lead_change_label(l: &crate::diff::LeadChange) -> String {
    format!("{} → {} ({})", l.old, l.new, lead_direction_label(l))
}

/// The direction of a lead change with the move between preamble and operative part, if any:
/// `stronger`, `neutral; operative → preambular`.
pub fn lead_direction_label(l: &crate::diff::LeadChange) -> String {
    let kind = match l.kind_change {
        Some(crate::diff::KindChange::OperativeToPreambular) => "; operative → preambular",
        Some(crate::diff::KindChange::PreambularToOperative) => "; preambular → operative",
        None => "",
    };
    format!("{}{kind}", direction_str(l.direction))
}

/// A row label: `OP5`, `OP5 → OP6`, `OP5 → OP5+OP6`, `+ OP7` (added), `− PP3` (removed).
pub fn pair_label(c: &Comparison, pair: &Pair) -> String {
    let old = ids_joined(&c.old, &pair.old);
    let new = ids_joined(&c.new, &pair.new);
    match (old.is_empty(), new.is_empty()) {
        (true, true) => String::from("(empty)"),
        (true, false) => format!("+ {new}"),
        (false, true) => format!("− {old}"),
        (false, false) if old == new => new,
        (false, false) => format!("{old} → {new}"),
    }
}

/// The status of a pair as a reader should see it: `footnotes changed` for a pair whose text is
/// unchanged but whose footnotes are not (never `unchanged` above a footnote change).
pub fn status_label(pair: &Pair) -> &'static str {
    if pair.status == Status::Unchanged && pair.class.kind == ChangeKind::Footnote {
        "footnotes changed"
    } else {
        pair.status.as_str()
    }
}

/// The change kind to print after [`status_label`] (`substantive`, `routine`, `footnote`), or
/// `None` when there is none or the status label already says it.
pub fn kind_label(pair: &Pair) -> Option<&'static str> {
    match pair.class.kind {
        ChangeKind::None => None,
        ChangeKind::Footnote if pair.status == Status::Unchanged => None,
        k => Some(change_str(k)),
    }
}

/// `OP12` → (`OP`, 12); `None` for an id that does not end in its number (`OP5(a)`, `OP3~2`).
fn split_id(id: &str) -> Option<(&str, u32)> {
    let digits = id.len() - id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (prefix, n) = id.split_at(id.len() - digits);
    Some((prefix, n.parse().ok()?))
}

/// The renumbering map compressed into ranges, in new order: consecutive entries whose old and
/// new numbers both go up by one become one range (`OP12–OP40 → OP13–OP41`); others stay single
/// (`OP7 → OP3`).
pub fn renumbering_ranges(map: &[crate::compare::Renumbering]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(first) = map.get(i) {
        let mut j = i;
        while let (Some(a), Some(b)) = (map.get(j), map.get(j + 1)) {
            let follows = match (
                split_id(&a.old),
                split_id(&b.old),
                split_id(&a.new),
                split_id(&b.new),
            ) {
                (Some((po, o1)), Some((qo, o2)), Some((pn, n1)), Some((qn, n2))) => {
                    po == qo && pn == qn && o2 == o1 + 1 && n2 == n1 + 1
                }
                _ => false,
            };
            if !follows {
                break;
            }
            j += 1;
        }
        match map.get(j).filter(|_| j > i) {
            Some(last) => out.push(format!(
                "{}–{} → {}–{}",
                first.old, last.old, first.new, last.new
            )),
            None => out.push(format!("{} → {}", first.old, first.new)),
        }
        i = j + 1;
    }
    out
}

/// One entry of the change index: a pair with a substantive change (footnote-only included).
#[derive(Debug, Clone, PartialEq)]
pub struct IndexEntry {
    /// Index of the pair in `Comparison::pairs`.
    pub pair: usize,
    /// `OP5 → OP6`, `+ PP3`.
    pub label: String,
    /// What happened: `modified`, `added`, `moved, lead stronger`, `footnotes changed`.
    pub kind: String,
    /// A short excerpt of the changed words: `“and” → “,”; + “65/141 of 20 December 2010”`.
    pub excerpt: String,
}

/// Cut `s` to at most `max` characters at a word boundary, with `…` when cut.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    let at = cut.rfind(' ').filter(|&i| i > max / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}

/// The changed words of a pair, each run of deletions and insertions as `“old” → “new”`,
/// `+ “new”` or `− “old”` (routine ones left out), joined with `; ` and cut to `max` characters.
pub fn change_excerpt(c: &Comparison, pair: &Pair, max: usize) -> String {
    let mut parts: Vec<String> = Vec::new();
    let (mut del, mut ins) = (String::new(), String::new());
    let flush = |del: &mut String, ins: &mut String, parts: &mut Vec<String>| {
        let (d, i) = (
            del.split_whitespace().collect::<Vec<_>>().join(" "),
            ins.split_whitespace().collect::<Vec<_>>().join(" "),
        );
        match (d.is_empty(), i.is_empty()) {
            (false, false) => parts.push(format!("“{d}” → “{i}”")),
            (false, true) => parts.push(format!("− “{d}”")),
            (true, false) => parts.push(format!("+ “{i}”")),
            (true, true) => {}
        }
        del.clear();
        ins.clear();
    };
    for op in ops(c, pair).iter() {
        match (op.op, op.routine) {
            (OpKind::Delete, false) => del.push_str(&op.text),
            (OpKind::Insert, false) => ins.push_str(&op.text),
            (OpKind::Equal, _) if op.text.trim().is_empty() => {}
            _ => flush(&mut del, &mut ins, &mut parts),
        }
    }
    flush(&mut del, &mut ins, &mut parts);
    for f in &pair.class.footnotes {
        parts.push(match f {
            crate::diff::FootnoteChange::Added { text } => format!("footnote + “{text}”"),
            crate::diff::FootnoteChange::Removed { text } => format!("footnote − “{text}”"),
            crate::diff::FootnoteChange::Changed { old, new, .. } => {
                format!("footnote “{old}” → “{new}”")
            }
        });
    }
    if parts.is_empty()
        && let Some(l) = &pair.class.lead_change
    {
        parts.push(format!("“{}” → “{}”", l.old, l.new));
    }
    shorten(&parts.join("; "), max)
}

/// The change index: every pair with a substantive change (footnote-only included), in the
/// order of the report, with a short excerpt of the changed words.
pub fn change_index(c: &Comparison, excerpt_chars: usize) -> Vec<IndexEntry> {
    c.pairs
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(p.class.kind, ChangeKind::Substantive | ChangeKind::Footnote))
        .map(|(i, p)| {
            let mut kind = status_label(p).to_string();
            if let Some(l) = &p.class.lead_change {
                kind.push_str(", lead ");
                kind.push_str(direction_str(l.direction));
            }
            IndexEntry {
                pair: i,
                label: pair_label(c, p),
                kind,
                excerpt: change_excerpt(c, p, excerpt_chars),
            }
        })
        .collect()
}

/// The cover of a report as (label, value) rows: the compared files with their symbols and
/// dates, and when and with which resdiff version they were compared.
pub fn cover_rows(c: &Comparison, opts: &RenderOptions) -> Vec<(&'static str, String)> {
    let side = |r: &Resolution, file: Option<&str>| {
        let mut parts: Vec<String> = Vec::new();
        if let Some(f) = file {
            parts.push(f.to_string());
        }
        if let Some(s) = &r.meta.symbol
            && Some(s.as_str()) != file
        {
            parts.push(s.clone());
        }
        if let Some(d) = &r.meta.date {
            parts.push(format!("dated {d}"));
        }
        if parts.is_empty() {
            parts.push("(no name, symbol or date)".to_string());
        }
        parts.join(" · ")
    };
    let when = opts.date.clone().unwrap_or_else(now_iso);
    let when = when.replacen('T', " ", 1).replace('Z', " UTC");
    vec![
        ("Old", side(&c.old, opts.old_label.as_deref())),
        ("New", side(&c.new, opts.new_label.as_deref())),
        (
            "Compared",
            format!("{when} with resdiff {}", env!("CARGO_PKG_VERSION")),
        ),
    ]
}

/// True when `pair` is shown under `only`.
pub fn shown(pair: &Pair, only: Only) -> bool {
    match only {
        Only::All => true,
        Only::Changes => is_changed(pair),
        Only::Substantive => matches!(
            pair.class.kind,
            ChangeKind::Substantive | ChangeKind::Footnote
        ),
    }
}

/// A line saying which pairs a filtered report leaves out, or `None` when it shows all.
pub fn only_note(c: &Comparison, only: Only) -> Option<String> {
    let hidden = c.pairs.iter().filter(|p| !shown(p, only)).count();
    let what = match only {
        Only::All => return None,
        Only::Changes => "paragraphs with a change",
        Only::Substantive => "paragraphs with a substantive change (footnotes included)",
    };
    Some(format!(
        "Shown: {what} only; {hidden} of {} pairs left out",
        c.pairs.len()
    ))
}

/// True when the pair has something to show in a changes-only view.
pub fn is_changed(pair: &Pair) -> bool {
    pair.status != Status::Unchanged || pair.class.kind != ChangeKind::None
}

/// An English ordinal: 1st, 2nd, 3rd, 4th, 11th, 91st.
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The resolution number as printed before the title (`66/184` for `A/RES/66/184`).
pub fn resolution_number(res: &Resolution) -> Option<String> {
    let sym = res.meta.symbol.as_deref()?;
    sym.strip_prefix("A/RES/").map(str::to_string)
}

/// Metadata of a document as `(label, value)` rows, only the fields that are present.
pub fn meta_rows(res: &Resolution) -> Vec<(&'static str, String)> {
    let m = &res.meta;
    let mut rows = Vec::new();
    if let Some(v) = &m.symbol {
        rows.push(("Symbol", v.clone()));
    }
    if let Some(v) = &m.title {
        rows.push(("Title", v.clone()));
    }
    if let Some(v) = &m.date {
        rows.push(("Date", v.clone()));
    }
    if let Some(v) = m.session {
        rows.push(("Session", v.to_string()));
    }
    if let Some(v) = m.plenary_meeting {
        rows.push(("Plenary meeting", ordinal(v)));
    }
    if let Some(v) = &m.committee_report {
        rows.push(("Committee report", v.clone()));
    }
    if let Some(v) = &m.agenda_item {
        rows.push(("Agenda item", v.clone()));
    }
    if let Some(v) = &m.sponsors {
        rows.push(("Sponsors", v.clone()));
    }
    rows.push(("Paragraphs", res.paragraphs.len().to_string()));
    rows
}

/// The metadata labels present in either document, in the fixed order of [`meta_rows`].
pub fn meta_keys(
    old: &[(&'static str, String)],
    new: &[(&'static str, String)],
) -> Vec<&'static str> {
    const ORDER: [&str; 9] = [
        "Symbol",
        "Title",
        "Date",
        "Session",
        "Plenary meeting",
        "Committee report",
        "Agenda item",
        "Sponsors",
        "Paragraphs",
    ];
    ORDER
        .into_iter()
        .filter(|k| old.iter().chain(new).any(|r| r.0 == *k))
        .collect()
}

/// The summary as short English lines (`Modified: 12`, …), statuses with a zero count left out.
///
/// The first line puts every changed pair in exactly one bucket (substantive in the text, in
/// footnotes only, routine only, renumbered or moved only), so the figures add up.
pub fn summary_lines(c: &Comparison) -> Vec<String> {
    let s = &c.summary;
    let mut buckets = vec![format!(
        "{} substantive",
        s.substantive.saturating_sub(s.footnote_only)
    )];
    if s.footnote_only > 0 {
        buckets.push(format!("{} in footnotes only", s.footnote_only));
    }
    buckets.push(format!("{} routine only", s.routine));
    if s.position_only > 0 {
        buckets.push(format!(
            "{} renumbered or moved without a text change",
            s.position_only
        ));
    }
    let mut out = vec![format!(
        "{} pairs, {} changed ({}), {} unchanged; overall similarity {}",
        c.pairs.len(),
        s.changed,
        buckets.join(", "),
        c.pairs.len().saturating_sub(s.changed),
        s.similarity_label()
    )];
    out.push(match s.session_gap {
        Some(g) if g > 0 => {
            format!("Routine = the annual rollover: the documents are {g} session(s) apart")
        }
        Some(_) => "Same session: no change is treated as routine".to_string(),
        None => "Session gap unknown: no change is treated as routine".to_string(),
    });
    let counts: Vec<String> = Status::ALL
        .iter()
        .filter(|st| s.counts.get(**st) > 0)
        .map(|st| format!("{} {}", s.counts.get(*st), st.as_str()))
        .collect();
    if !counts.is_empty() {
        out.push(format!(
            "By paragraph status (text and place): {}",
            counts.join(", ")
        ));
    }
    out
}

/// The current UTC time as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn now_iso() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    iso_from_unix(secs)
}

/// `YYYY-MM-DDTHH:MM:SSZ` for seconds since the Unix epoch (proleptic Gregorian, UTC).
pub fn iso_from_unix(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Civil-from-days (Howard Hinnant's algorithm), written out here.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// The pair's ops with each paragraph's printed number (`5. `, `(a) `) placed before its text:
/// plain when both sides have the same number, else the old number deleted and the new one
/// inserted (marked routine). Each paragraph break (`\n`) is its own op, followed by the numbers of
/// the paragraph(s) it starts.
pub fn numbered_ops(c: &Comparison, pair: &Pair) -> Vec<DiffOp> {
    let olds = paragraphs(&c.old, &pair.old);
    let news = paragraphs(&c.new, &pair.new);
    let mut out = Vec::new();
    let number = |p: Option<&&Paragraph>| {
        p.map(|p| printed_number(p))
            .filter(|n| !n.is_empty())
            .map(|n| format!("{n} "))
    };
    // A renumbering is routine; the number of an added or removed paragraph goes with its text.
    let routine = !olds.is_empty() && !news.is_empty();
    let push_numbers = |out: &mut Vec<DiffOp>, o: Option<String>, n: Option<String>| match (o, n) {
        (Some(o), Some(n)) if o == n => out.push(DiffOp::new(OpKind::Equal, n)),
        (o, n) => {
            if let Some(o) = o {
                out.push(DiffOp {
                    op: OpKind::Delete,
                    text: o,
                    routine,
                    routine_reason: routine.then(|| "paragraph renumbered".to_string()),
                });
            }
            if let Some(n) = n {
                out.push(DiffOp {
                    op: OpKind::Insert,
                    text: n,
                    routine,
                    routine_reason: routine.then(|| "paragraph renumbered".to_string()),
                });
            }
        }
    };
    let (mut oi, mut ni) = (0usize, 0usize);
    push_numbers(&mut out, number(olds.first()), number(news.first()));
    for op in ops(c, pair).iter() {
        for (k, piece) in op.text.split('\n').enumerate() {
            if k > 0 {
                out.push(DiffOp {
                    op: op.op,
                    text: "\n".to_string(),
                    routine: op.routine,
                    routine_reason: op.routine_reason.clone(),
                });
                let (o, n) = match op.op {
                    OpKind::Equal => {
                        oi += 1;
                        ni += 1;
                        (number(olds.get(oi)), number(news.get(ni)))
                    }
                    OpKind::Insert => {
                        ni += 1;
                        (None, number(news.get(ni)))
                    }
                    OpKind::Delete => {
                        oi += 1;
                        (number(olds.get(oi)), None)
                    }
                };
                push_numbers(&mut out, o, n);
            }
            if !piece.is_empty() {
                out.push(DiffOp {
                    op: op.op,
                    text: piece.to_string(),
                    routine: op.routine,
                    routine_reason: op.routine_reason.clone(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_are_right() {
        assert_eq!(iso_from_unix(0), "1970-01-01T00:00:00Z");
        // 2000-02-29 12:34:56 UTC
        assert_eq!(iso_from_unix(951_827_696), "2000-02-29T12:34:56Z");
        // 2026-11-28 00:00:00 UTC
        assert_eq!(iso_from_unix(1_795_824_000), "2026-11-28T00:00:00Z");
        assert_eq!(now_iso().len(), 20);
    }

    #[test]
    fn renumbering_is_compressed_into_ranges() {
        use crate::compare::Renumbering;
        let m = |o: &str, n: &str| Renumbering {
            old: o.into(),
            new: n.into(),
        };
        let map = [
            m("OP12", "OP13"),
            m("OP13", "OP14"),
            m("OP14", "OP15"),
            m("OP30", "OP2"),
            m("OP15", "OP17"),
            m("AN1.OP3", "AN1.OP4"),
            m("AN1.OP4", "AN1.OP5"),
            m("OP5(a)", "OP6(a)"),
        ];
        assert_eq!(
            renumbering_ranges(&map),
            [
                "OP12–OP14 → OP13–OP15",
                "OP30 → OP2",
                "OP15 → OP17",
                "AN1.OP3–AN1.OP4 → AN1.OP4–AN1.OP5",
                "OP5(a) → OP6(a)"
            ]
        );
        assert!(renumbering_ranges(&[]).is_empty());
    }

    #[test]
    fn ordinals() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 91, 102, 111]
            .map(ordinal)
            .to_vec();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "91st", "102nd",
                "111th"
            ]
        );
    }
}

/// One line outside the paragraphs (a head line above the title, a closing line) in both
/// versions: `ops` is its word diff when the line stands in both, else the whole line deleted
/// (`new` is `None`) or inserted (`old` is `None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineChange {
    /// The line in the old text.
    pub old: Option<String>,
    /// The line in the new text.
    pub new: Option<String>,
    /// The word diff, routine runs marked, when the line stands in both.
    pub ops: Vec<DiffOp>,
}

/// The lines outside the paragraphs (e.g. [`crate::model::Metadata::head_lines`]) of both
/// versions, matched by a line diff. A line changed in place (`Seventy-ninth session` →
/// `Eightieth session`) is word-diffed when at least half its words stay; otherwise the old line
/// is deleted and the new one inserted.
pub fn line_changes(c: &Comparison, old: &[String], new: &[String]) -> Vec<LineChange> {
    use similar::{Algorithm, DiffOp as LineOp, capture_diff_slices};
    let rollover = crate::diff::Rollover::between(&c.old.meta, &c.new.meta);
    let whole = |o: Option<&String>, n: Option<&String>| LineChange {
        old: o.cloned(),
        new: n.cloned(),
        ops: Vec::new(),
    };
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, old, new) {
        let (o, n) = (op.old_range(), op.new_range());
        if let LineOp::Equal { .. } = op {
            for (a, b) in old[o].iter().zip(&new[n]) {
                out.push(LineChange {
                    old: Some(a.clone()),
                    new: Some(b.clone()),
                    ops: vec![DiffOp::new(OpKind::Equal, b.clone())],
                });
            }
            continue;
        }
        let (olds, news) = (&old[o], &new[n]);
        let mut deleted = Vec::new();
        let mut inserted = Vec::new();
        for k in 0..olds.len().max(news.len()) {
            match (olds.get(k), news.get(k)) {
                (Some(a), Some(b)) => {
                    let mut ops = crate::diff::diff_words(a, b);
                    if crate::diff::similarity(&ops) >= 0.5 {
                        crate::diff::mark_routine(&mut ops, &rollover);
                        // Lines replaced whole before this one stand before it on both sides.
                        out.append(&mut deleted);
                        out.append(&mut inserted);
                        out.push(LineChange {
                            old: Some(a.clone()),
                            new: Some(b.clone()),
                            ops,
                        });
                    } else {
                        deleted.push(whole(Some(a), None));
                        inserted.push(whole(None, Some(b)));
                    }
                }
                (Some(a), None) => deleted.push(whole(Some(a), None)),
                (None, Some(b)) => inserted.push(whole(None, Some(b))),
                (None, None) => {}
            }
        }
        out.extend(deleted);
        out.extend(inserted);
    }
    out
}

//! Window-free tests of the application logic on a small hand-built comparison.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::compare::{Comparison, LeadChangeEntry, Pair, Renumbering, Status, Summary};
use crate::diff::{ChangeKind, Classification, DiffOp, Direction, LeadChange, OpKind};
use crate::model::{Footnote, FootnoteRef, Metadata, Paragraph, ParagraphKind, Part, Resolution};

use super::*;
use crate::report::Format;

fn para(id: &str, kind: ParagraphKind, text: &str) -> Paragraph {
    Paragraph {
        id: id.to_owned(),
        kind,
        number: id.strip_prefix("OP").map(str::to_owned),
        lead: None,
        text: text.to_owned(),
        parent: None,
        part: Part::Body,
        section: None,
        footnote_refs: vec![],
        printed_number: None,
    }
}

fn doc(symbol: &str, paras: Vec<Paragraph>) -> Resolution {
    Resolution {
        meta: Metadata {
            symbol: Some(symbol.to_owned()),
            title: Some("Test resolution".to_owned()),
            ..Default::default()
        },
        paragraphs: paras,
        structured: true,
        ..Default::default()
    }
}

pub(crate) fn fixture_old() -> Resolution {
    use ParagraphKind::*;
    doc(
        "A/RES/1/1",
        vec![
            para("PP1", Preambular, "Recalling its resolution 64/187,"),
            para("PP2", Preambular, "Noting with concern the digital divide,"),
            para("OP1", Operative, "Recognizes the role of ICT;"),
            para("OP2", Operative, "Encourages Member States to act;"),
            para(
                "OP3",
                Operative,
                "Requests a report at its sixty-sixth session;",
            ),
            para("OP4", Operative, "Decides to close the item;"),
        ],
    )
}

pub(crate) fn fixture_new() -> Resolution {
    use ParagraphKind::*;
    let mut pp2 = para(
        "PP2",
        Preambular,
        "Reaffirming the outcome of the World Summit on the Information Society,",
    );
    pp2.footnote_refs = vec![FootnoteRef {
        number: 1,
        offset: 70,
    }];
    let mut d = doc(
        "A/RES/2/2",
        vec![
            para("PP1", Preambular, "Recalling its resolution 65/141,"),
            pp2,
            para("PP3", Preambular, "Noting with concern the digital divide,"),
            para("OP1", Operative, "Urges Member States to act;"),
            para("OP2", Operative, "Recognizes the role of ICT;"),
            para(
                "OP3",
                Operative,
                "Requests a report at its sixty-seventh session;",
            ),
            para("OP4", Operative, "Invites donors to contribute;"),
        ],
    );
    d.footnotes = vec![Footnote {
        number: 1,
        text: "See A/60/687.".to_owned(),
    }];
    d
}

fn op(k: OpKind, t: &str, routine: bool) -> DiffOp {
    DiffOp {
        op: k,
        text: t.to_owned(),
        routine,
        routine_reason: routine.then(|| "session +1 = document gap".to_owned()),
    }
}

fn pair(old: &[usize], new: &[usize], status: Status, ops: Vec<DiffOp>, kind: ChangeKind) -> Pair {
    Pair {
        old: old.to_vec(),
        new: new.to_vec(),
        status,
        renumbered: false,
        similarity: 1.0,
        reason: None,
        ops,
        class: Classification {
            kind,
            ..Default::default()
        },
    }
}

/// The hand-built comparison of [`fixture_old`] and [`fixture_new`].
pub(crate) fn fixture_compare(old: Resolution, new: Resolution) -> Comparison {
    use OpKind::*;
    let mut moved = pair(
        &[3],
        &[3],
        Status::Moved,
        vec![
            op(Delete, "Encourages", false),
            op(Insert, "Urges", false),
            op(Equal, " Member States to act;", false),
        ],
        ChangeKind::Substantive,
    );
    let lead = LeadChange {
        old: "Encourages".to_owned(),
        new: "Urges".to_owned(),
        direction: Direction::Stronger,
        scale: Some("exhortation".to_owned()),
        kind_change: None,
    };
    moved.class.lead_change = Some(lead.clone());
    let mut renum = pair(
        &[2],
        &[4],
        Status::Renumbered,
        vec![op(Equal, "Recognizes the role of ICT;", false)],
        ChangeKind::None,
    );
    renum.renumbered = true;
    let pairs = vec![
        pair(
            &[0],
            &[0],
            Status::Modified,
            vec![
                op(Equal, "Recalling its resolution ", false),
                op(Delete, "64/187", true),
                op(Insert, "65/141", true),
                op(Equal, ",", false),
            ],
            ChangeKind::Routine,
        ),
        pair(&[], &[1], Status::Added, vec![], ChangeKind::Substantive),
        pair(
            &[1],
            &[2],
            Status::Unchanged,
            vec![op(Equal, "Noting with concern the digital divide,", false)],
            ChangeKind::None,
        ),
        moved,
        renum,
        pair(
            &[4],
            &[5],
            Status::Modified,
            vec![
                op(Equal, "Requests a report at its ", false),
                op(Delete, "sixty-sixth", true),
                op(Insert, "sixty-seventh", true),
                op(Equal, " session;", false),
            ],
            ChangeKind::Routine,
        ),
        pair(&[5], &[], Status::Removed, vec![], ChangeKind::Substantive),
        pair(&[], &[6], Status::Added, vec![], ChangeKind::Substantive),
    ];
    let mut summary = Summary::default();
    for p in &pairs {
        summary.counts.add(p.status);
    }
    summary.routine = 2;
    summary.substantive = 4;
    summary.renumbering = vec![Renumbering {
        old: "OP1".to_owned(),
        new: "OP2".to_owned(),
    }];
    summary.lead_changes = vec![LeadChangeEntry {
        pair: 3,
        old_id: "OP2".to_owned(),
        new_id: "OP1".to_owned(),
        change: lead,
    }];
    Comparison {
        old,
        new,
        pairs,
        summary,
        warnings: vec![],
    }
}

fn fixture_load(path: &Path) -> Result<Resolution, String> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with("slow") {
        std::thread::sleep(Duration::from_millis(300));
    }
    if name.contains("old") {
        Ok(fixture_old())
    } else if name.contains("new") {
        Ok(fixture_new())
    } else {
        Err(format!("not a resolution ({name})"))
    }
}

fn engine() -> Engine {
    Engine {
        load: fixture_load,
        compare: fixture_compare,
    }
}

fn loaded() -> AppState {
    let mut s = AppState::with_engine(Settings::default(), engine());
    s.apply(Command::OpenPair(
        PathBuf::from("old.txt"),
        PathBuf::from("new.txt"),
    ));
    assert!(s.wait_idle(Duration::from_secs(10)));
    s
}

#[test]
fn loads_and_compares_off_thread() {
    let s = loaded();
    let c = s.comparison.as_ref().unwrap();
    assert_eq!(c.pairs.len(), 8);
    assert_eq!(s.title(), "resdiff — A/RES/1/1 → A/RES/2/2");
    assert!(s.settings.recent[0].old.is_absolute());
    assert!(s.settings.recent[0].old.ends_with("old.txt"));
    // 8 pair rows plus the marker where the moved OP2 stood (after old OP1's row).
    assert_eq!(s.rows.len(), 9);
    assert_eq!(s.rows[5], Row::MovedFrom(3));
    assert_eq!(s.rows[4], Row::Pair(4));
}

#[test]
fn next_and_previous_change_skip_unchanged() {
    // Changes in document order, the routine ones (pairs 0 and 5) in their group at the end;
    // pair 2 is unchanged and pair 4 only renumbered: neither is a change.
    let mut s = loaded();
    s.apply(Command::NextChange);
    assert_eq!(s.current, Some(1));
    assert_eq!(s.status_line, "Change 1 of 6: PP2 new preambular paragraph");
    s.apply(Command::NextChange);
    assert_eq!(s.current, Some(3), "pair 2 is unchanged");
    s.apply(Command::PrevChange);
    assert_eq!(s.current, Some(1));
    let mut seen = vec![];
    for _ in 0..10 {
        s.apply(Command::NextChange);
        seen.push(s.current.unwrap());
    }
    assert_eq!(&seen[..5], &[3, 6, 7, 0, 5]);
    assert_eq!(s.current, Some(5));
    assert_eq!(s.status_line, "No more changes below");
}

#[test]
fn jump_to_ids_new_first_then_old() {
    let mut s = loaded();
    s.apply(Command::JumpTo("op2".into()));
    assert_eq!(s.current, Some(4), "new OP2 is the renumbered pair");
    s.apply(Command::JumpTo("4".into()));
    assert_eq!(s.current, Some(7), "bare number means new OP4");
    s.apply(Command::JumpTo("OP99".into()));
    assert_eq!(s.current, Some(7));
    assert!(s.status_line.contains("No paragraph OP99"));
}

#[test]
fn search_counts_hits_in_both_columns() {
    let mut s = loaded();
    s.apply(Command::Search("member states".into()));
    assert_eq!(s.hits, vec![(3, 2)]);
    assert_eq!(s.hit_total(), 2);
    assert_eq!(s.current, Some(3));
    s.apply(Command::Search("session".into()));
    assert_eq!(s.hits, vec![(5, 2)]);
    s.apply(Command::Search("".into()));
    assert!(s.hits.is_empty());
}

#[test]
fn filters_select_rows() {
    let mut s = loaded();
    s.apply(Command::SetFilter(Filter::ChangesOnly));
    assert!(!s.rows.contains(&Row::Pair(2)));
    s.apply(Command::SetFilter(Filter::SubstantiveOnly));
    let pairs: Vec<_> = s
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Pair(i) => Some(*i),
            Row::MovedFrom(_) => None,
        })
        .collect();
    assert_eq!(pairs, vec![1, 3, 6, 7]);
    s.apply(Command::SetFilter(Filter::Status(Status::Removed)));
    assert_eq!(s.rows, vec![Row::Pair(6)]);
    // Jumping to a hidden row shows everything again.
    s.apply(Command::JumpTo("PP3".into()));
    assert_eq!(s.settings.filter, Filter::All);
    assert_eq!(s.current, Some(2));
}

#[test]
fn bad_file_keeps_the_other_side_and_names_the_file() {
    let mut s = loaded();
    s.apply(Command::OpenNew(PathBuf::from("broken.docx")));
    assert!(s.wait_idle(Duration::from_secs(10)));
    assert!(s.new.path.as_ref().unwrap().ends_with("new.txt"));
    assert!(s.comparison.is_some());
    let msg = &s.notices.last().unwrap().text;
    assert!(
        msg.contains("broken.docx") && msg.contains("not a resolution"),
        "{msg}"
    );
    assert_eq!(s.notices.last().unwrap().level, Level::Error);
    s.apply(Command::DismissNotice(s.notices.len() - 1));
    assert!(s.notices.is_empty());
}

#[test]
fn a_dropped_file_fills_the_empty_side_or_asks() {
    let mut s = AppState::with_engine(Settings::default(), engine());
    // No position known: the first file is old, the next one new.
    s.apply(Command::Drop(vec![PathBuf::from("old.txt")], None));
    s.apply(Command::Drop(vec![PathBuf::from("new.txt")], None));
    assert!(s.wait_idle(Duration::from_secs(10)));
    assert!(s.old.path.as_ref().unwrap().ends_with("old.txt"));
    assert!(s.new.path.as_ref().unwrap().ends_with("new.txt"));
    assert!(s.comparison.is_some());

    // Both loaded and no position: ask, and cancelling changes nothing.
    s.apply(Command::Drop(vec![PathBuf::from("other_new.txt")], None));
    assert_eq!(s.drop_choice, Some(PathBuf::from("other_new.txt")));
    assert!(!s.is_busy());
    s.apply(Command::ResolveDrop(None));
    assert_eq!(s.drop_choice, None);
    assert!(!s.is_busy());
    assert!(s.old.path.as_ref().unwrap().ends_with("old.txt"));

    // Answered: the file opens on the chosen side.
    s.apply(Command::Drop(vec![PathBuf::from("other_new.txt")], None));
    s.apply(Command::ResolveDrop(Some(Side::Old)));
    assert!(s.wait_idle(Duration::from_secs(10)));
    assert!(s.old.path.as_ref().unwrap().ends_with("other_new.txt"));

    // A known position wins over the empty-side rule.
    s.apply(Command::Drop(
        vec![PathBuf::from("old.txt")],
        Some(Side::New),
    ));
    assert!(s.wait_idle(Duration::from_secs(10)));
    assert!(s.new.path.as_ref().unwrap().ends_with("old.txt"));
}

#[test]
fn dropping_more_than_two_files_compares_the_first_two_and_says_so() {
    let mut s = AppState::with_engine(Settings::default(), engine());
    let files = ["old.txt", "new.txt", "third.txt"]
        .map(PathBuf::from)
        .to_vec();
    s.apply(Command::Drop(files, Some(Side::New)));
    assert!(s.wait_idle(Duration::from_secs(10)));
    assert!(s.old.path.as_ref().unwrap().ends_with("old.txt"));
    assert!(s.new.path.as_ref().unwrap().ends_with("new.txt"));
    let warning = &s.notices[0];
    assert_eq!(warning.level, Level::Warning);
    assert!(
        warning.text.contains("3 files were dropped"),
        "{}",
        warning.text
    );
}

#[test]
fn files_from_the_command_line_open_like_the_desktop_passes_them() {
    // One file: the old side, the new side stays empty.
    let mut s = AppState::with_engine(Settings::default(), engine());
    s.apply(Command::OpenFiles(vec![PathBuf::from("new.txt")]));
    assert!(s.wait_idle(Duration::from_secs(10)));
    assert!(s.old.path.as_ref().unwrap().ends_with("new.txt"));
    assert!(s.new.path.is_none() && s.comparison.is_none());
    assert!(s.notices.is_empty());

    // Two: old and new, compared.
    let mut s = AppState::with_engine(Settings::default(), engine());
    s.apply(Command::OpenFiles(
        ["old.txt", "new.txt"].map(PathBuf::from).to_vec(),
    ));
    assert!(s.wait_idle(Duration::from_secs(10)));
    assert!(s.old.path.as_ref().unwrap().ends_with("old.txt"));
    assert!(s.new.path.as_ref().unwrap().ends_with("new.txt"));
    assert!(s.comparison.is_some() && s.notices.is_empty());

    // Three (a file manager's `%F` with three selected): the first two, and a notice.
    let mut s = AppState::with_engine(Settings::default(), engine());
    s.apply(Command::OpenFiles(
        ["old.txt", "new.txt", "third.txt"]
            .map(PathBuf::from)
            .to_vec(),
    ));
    assert!(s.wait_idle(Duration::from_secs(10)));
    assert!(s.comparison.is_some());
    assert!(
        s.notices[0].text.contains("3 files were given"),
        "{}",
        s.notices[0].text
    );

    // None: nothing happens.
    let mut s = AppState::with_engine(Settings::default(), engine());
    s.apply(Command::OpenFiles(Vec::new()));
    assert!(!s.is_busy() && s.old.path.is_none());
}

#[test]
fn newer_request_supersedes_older() {
    let mut s = AppState::with_engine(Settings::default(), engine());
    s.apply(Command::OpenOld(PathBuf::from("slow_new.txt")));
    s.apply(Command::OpenOld(PathBuf::from("old.txt")));
    assert!(s.wait_idle(Duration::from_secs(10)));
    // Wait for the slow thread to deliver its stale result too.
    std::thread::sleep(Duration::from_millis(400));
    s.poll();
    assert!(s.old.path.as_ref().unwrap().ends_with("old.txt"));
    assert_eq!(
        s.old.doc.as_ref().unwrap().meta.symbol.as_deref(),
        Some("A/RES/1/1")
    );
}

#[test]
fn swap_exchanges_sides_and_recompares() {
    let mut s = loaded();
    s.apply(Command::Swap);
    assert!(s.is_busy());
    assert!(s.wait_idle(Duration::from_secs(10)));
    assert!(s.old.path.as_ref().unwrap().ends_with("new.txt"));
    assert_eq!(
        s.comparison.as_ref().unwrap().old.meta.symbol.as_deref(),
        Some("A/RES/2/2")
    );
}

#[test]
fn redline_marks_deletions_and_insertions() {
    let s = loaded();
    let c = s.comparison.as_ref().unwrap();
    assert_eq!(
        redline(c, &c.pairs[3]),
        "OP2 → OP1 (moved): [-Encourages-]{+Urges+} Member States to act;"
    );
    assert!(redline(c, &c.pairs[6]).starts_with("OP4 (removed): [-Decides"));
}

#[test]
fn copy_commands_fill_the_clipboard_and_say_so() {
    let mut s = loaded();
    s.apply(Command::Copy(3, CopyWhat::Redline));
    assert_eq!(
        s.clipboard.take().as_deref(),
        Some("OP2 → OP1 (moved): [-Encourages-]{+Urges+} Member States to act;")
    );
    assert!(s.status_line.contains("OP2 → OP1"), "{}", s.status_line);
    s.apply(Command::Copy(3, CopyWhat::Old));
    assert_eq!(
        s.clipboard.take().as_deref(),
        Some("Encourages Member States to act;")
    );
    s.apply(Command::Copy(3, CopyWhat::New));
    assert_eq!(
        s.clipboard.take().as_deref(),
        Some("Urges Member States to act;")
    );
    // A removed paragraph has no new side: nothing is copied, and the status line says why.
    s.apply(Command::Copy(6, CopyWhat::New));
    assert_eq!(s.clipboard, None);
    assert!(s.status_line.starts_with("Nothing to copy"));
    // An index past the end does nothing.
    s.apply(Command::Copy(999, CopyWhat::Old));
    assert_eq!(s.clipboard, None);
    // All shown rows: a heading line, then one redline per pair row.
    s.apply(Command::SetFilter(Filter::ChangesOnly));
    s.apply(Command::CopyShown);
    let all = s.clipboard.take().unwrap();
    assert!(all.starts_with("A/RES/1/1 → A/RES/2/2\n\n"), "{all}");
    let pairs = s.rows.iter().filter(|r| matches!(r, Row::Pair(_))).count();
    assert_eq!(all.trim_end().split("\n\n").count(), pairs + 1);
    assert!(!all.contains("(unchanged)"));
}

#[test]
fn theme_text_size_and_split_are_clamped_settings() {
    let mut s = loaded();
    s.apply(Command::ToggleTheme);
    assert_eq!(s.settings.theme, ThemePref::Light);
    s.apply(Command::ToggleTheme);
    assert_eq!(s.settings.theme, ThemePref::Dark);
    s.apply(Command::SetTextSize(99.0));
    assert_eq!(s.settings.text_size, 28.0);
    s.apply(Command::SetSplit(f32::NAN));
    assert_eq!(s.settings.split, 0.5);
}

#[test]
fn moved_marker_links_both_ways() {
    let mut s = loaded();
    s.apply(Command::GoToMovedFrom(3));
    assert_eq!(s.scroll_request, Some(5));
    s.apply(Command::GoToPair(3));
    assert_eq!(s.scroll_request, s.row_of_pair(3));
}

/// The characters of `texts` that no font of `ctx` can draw, after one pass that runs `setup`.
fn missing_glyphs(setup: impl FnMut(&mut egui::Ui), texts: &[String]) -> Vec<char> {
    let ctx = egui::Context::default();
    let mut out = ctx.run_ui(egui::RawInput::default(), setup);
    out.textures_delta.clear();
    let mut missing = Vec::new();
    ctx.fonts_mut(|f| {
        for family in [
            egui::FontId::proportional(14.0),
            egui::FontId::monospace(14.0),
        ] {
            for ch in texts.iter().flat_map(|t| t.chars()) {
                if !f.has_glyph(&family, ch) && !missing.contains(&ch) {
                    missing.push(ch);
                }
            }
        }
    });
    missing
}

#[test]
fn every_symbol_used_has_a_glyph() {
    let mut texts: Vec<String> = Status::ALL.iter().map(|s| badge(*s).to_owned()).collect();
    texts.push(SYMBOLS.to_owned());
    texts.extend(
        crate::changes::ChangeType::ALL
            .iter()
            .map(|t| super::change_list::sign(*t).to_owned()),
    );
    let missing = missing_glyphs(|ui| super::fonts::install(ui.ctx()), &texts);
    assert!(missing.is_empty(), "no glyph for {missing:?}");
    // egui's own fonts lack the arrows: the bundled fallback is what draws them.
    let without = missing_glyphs(|_| {}, &texts);
    assert!(
        without.contains(&'▲') && without.contains(&'→'),
        "{without:?}"
    );
}

/// Every non-ASCII symbol the window draws.
const SYMBOLS: &str = "→⇄↪▲▼◐÷×≠–‹›…“”−·—≡▣◫";

/// The real engine on the sample pair, through the same commands the Export menu sends.
#[test]
fn export_writes_every_format_and_never_an_input() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
    let (old, new) = (root.join("A_RES_65_141.txt"), root.join("A_RES_66_184.txt"));
    let input_before = std::fs::read(&new).unwrap();
    let mut s = AppState::new(Settings::default());
    s.apply(Command::Export(
        Format::Html,
        std::env::temp_dir().join("x.html"),
    ));
    assert!(s.notices.last().unwrap().text.contains("Nothing to export"));
    s.notices.clear();

    s.apply(Command::OpenPair(old.clone(), new.clone()));
    assert!(s.wait_idle(Duration::from_secs(60)));
    assert!(s.comparison.is_some());
    assert_eq!(
        s.export_file_name(Format::Docx),
        "A_RES_65_141_vs_A_RES_66_184.docx"
    );
    let dir = std::env::temp_dir().join(format!("resdiff-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for format in Format::ALL {
        let out = dir.join(s.export_file_name(format));
        s.apply(Command::Export(format, out.clone()));
        assert!(
            s.notices.iter().all(|n| n.level != Level::Error),
            "{format:?}: {:?}",
            s.notices
        );
        let bytes = std::fs::read(&out).unwrap();
        match format {
            Format::Docx => assert!(bytes.starts_with(b"PK")),
            Format::Pdf => assert!(bytes.starts_with(b"%PDF-")),
            _ => {
                let text = String::from_utf8(bytes).unwrap();
                // CSV rows carry ids and texts only; every other format names the documents.
                if format != Format::Csv {
                    assert!(text.contains("A/RES/66/184"), "{format:?}");
                }
                // 66/184 PP3 is the paragraph the 65/141 copy lacks: it is new text.
                assert!(text.contains("Recalling further the Declaration of Principles"));
            }
        }
        assert!(s.status_line.contains(&out.display().to_string()));
    }

    // Exporting over a compared file is refused and leaves it untouched.
    s.apply(Command::Export(Format::Html, new.clone()));
    let err = s.notices.last().unwrap();
    assert_eq!(err.level, Level::Error);
    assert!(err.text.contains("A_RES_66_184.txt"), "{}", err.text);
    assert_eq!(std::fs::read(&new).unwrap(), input_before);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The Export menu's options reach the report: which paragraphs, the layout, the Word author.
#[test]
fn export_options_reach_the_reports() {
    use crate::report::{Layout, Only};
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
    let (old, new) = (root.join("A_RES_65_141.txt"), root.join("A_RES_66_184.txt"));
    let mut s = AppState::new(Settings::default());
    assert_eq!(s.export.only, Only::All);
    assert_eq!(s.export.layout, Layout::Both);
    assert_eq!(s.export.author, crate::report::default_author());
    s.apply(Command::OpenPair(old, new));
    assert!(s.wait_idle(Duration::from_secs(60)));
    let dir = std::env::temp_dir().join(format!("resdiff-export-opts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let export = |s: &mut AppState, format: Format, name: &str| {
        let out = dir.join(name);
        s.apply(Command::Export(format, out.clone()));
        std::fs::read(&out).unwrap()
    };
    let csv_all = export(&mut s, Format::Csv, "all.csv");
    s.apply(Command::SetExportOnly(Only::Substantive));
    s.apply(Command::SetExportLayout(Layout::Redline));
    assert_eq!(s.export.only, Only::Substantive);
    let csv = String::from_utf8(export(&mut s, Format::Csv, "subst.csv")).unwrap();
    assert!(csv.len() < csv_all.len());
    assert!(
        !csv.contains(",routine,") && !csv.contains(",none,"),
        "{csv}"
    );
    let html = String::from_utf8(export(&mut s, Format::Html, "r.html")).unwrap();
    assert!(html.contains("id=\"redline\"") && !html.contains("id=\"side-by-side\""));
    assert!(html.contains("Shown: paragraphs with a substantive change"));
    // The Word document holds everything and says that --only does not apply to it.
    s.apply(Command::SetExportAuthor("Delegation of X ".into()));
    let docx = export(&mut s, Format::Docx, "a.docx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("w:author=\"Delegation of X\""));
    assert!(xml.contains("w:author=\"Delegation of X (routine update)\""));
    assert!(
        s.notices
            .iter()
            .any(|n| n.level == Level::Warning && n.text.contains("--only substantive is ignored")),
        "{:?}",
        s.notices
    );
    // A blank author falls back to the default.
    s.apply(Command::SetExportAuthor("  ".into()));
    let docx = export(&mut s, Format::Docx, "b.docx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    let default = format!("w:author=\"{}\"", crate::report::default_author());
    assert!(xml.contains(&default));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn footnote_only_changes_pass_the_change_filters_and_routine_marks_say_why() {
    use crate::diff::FootnoteChange;
    let mut p = pair(
        &[0],
        &[0],
        Status::Unchanged,
        vec![op(
            OpKind::Equal,
            "Stressing the importance of the statements,",
            false,
        )],
        ChangeKind::Footnote,
    );
    p.class.footnotes = vec![FootnoteChange::Changed {
        old: "Argentina, Armenia and Viet Nam.".to_owned(),
        new: "Argentina, Armenia, Burkina Faso, Mali and Viet Nam.".to_owned(),
        routine_reason: None,
    }];
    assert!(Filter::ChangesOnly.accepts(&p));
    assert!(Filter::SubstantiveOnly.accepts(&p));
    assert!(is_change(&p));
    p.class.kind = ChangeKind::None;
    assert!(!Filter::SubstantiveOnly.accepts(&p));
    // Routine marks name their rule on hover, on the side where they show.
    let r = pair(
        &[4],
        &[5],
        Status::Modified,
        vec![
            op(OpKind::Equal, "Requests a report at its ", false),
            op(OpKind::Delete, "sixty-sixth", true),
            op(OpKind::Insert, "sixty-seventh", true),
            op(OpKind::Equal, " session;", false),
        ],
        ChangeKind::Routine,
    );
    let hover = view::routine_hover(&r, Side::New).unwrap();
    assert!(hover.contains("sixty-seventh") && hover.contains("session +1 = document gap"));
    assert!(!hover.contains("sixty-sixth"));
    assert!(view::routine_hover(&p, Side::Old).is_none());
}

/// Every glyph of a long inserted passage that wraps over several lines is underlined, each
/// line inside its own row (sample pair, 66/184 PP12 and PP2).
#[test]
fn long_insertions_are_underlined_on_every_line() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
    let c = crate::compare_files(
        &root.join("A_RES_65_141.txt"),
        &root.join("A_RES_66_184.txt"),
    )
    .unwrap();
    let ctx = egui::Context::default();
    let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
        super::fonts::install(ui.ctx())
    });
    out.textures_delta.clear();
    let pal = Palette::for_dark_mode(false);
    for id in ["PP12", "PP2"] {
        let pair = c
            .pairs
            .iter()
            .find(|p| p.new.iter().any(|&i| c.new.paragraphs[i].id == id))
            .unwrap();
        let job = super::view::side_job(&c, pair, Side::New, &pal, 15.0, "", 380.0);
        let galley = ctx.fonts_mut(|f| f.layout_job(job));
        let segs = super::view::underline_segments(&galley);
        // The inserted characters, by byte offset, from the job's own sections.
        let text = galley.job.text.clone();
        let inserted = |b: usize| {
            galley
                .job
                .sections
                .iter()
                .find(|s| s.byte_range.contains(&egui::epaint::text::ByteIndex(b)))
                .is_some_and(|s| !s.format.underline.is_empty())
        };
        let mut chars = text.char_indices();
        let mut underlined_rows = 0;
        for placed in &galley.rows {
            let mut any = false;
            for g in &placed.row.glyphs {
                let (b, _) = chars.by_ref().find(|(_, ch)| *ch == g.chr).unwrap();
                if !inserted(b) || g.chr.is_whitespace() {
                    continue;
                }
                any = true;
                let x = placed.pos.x + g.pos.x + g.advance_width / 2.0;
                let bottom = placed.pos.y + g.logical_rect().bottom();
                assert!(
                    segs.iter()
                        .any(|(_, x0, x1, y)| *x0 <= x && x <= *x1 && (*y - bottom).abs() < 0.01),
                    "{id}: {:?} at byte {b} not underlined",
                    g.chr
                );
            }
            underlined_rows += usize::from(any);
        }
        assert!(
            underlined_rows >= 2,
            "{id}: the insertion should wrap ({underlined_rows})"
        );
    }
}

//! The app survives the fuzzers' findings (issue 15): every regression case of
//! tests/fuzz_regressions/ is opened on each side of a loaded comparison. A file that cannot be
//! read shows an error naming it and keeps the document that was there; one that can is compared
//! with the other side. Either way the other side is kept and the window keeps drawing and
//! stepping through changes.

mod app_support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use app_support::{app_with, harness_sized, sample};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use resdiff::app::{Command, Level, ResdiffApp, Side, ThemePref};

/// Every regression case, all targets.
fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut files = Vec::new();
    for target in ["ingest", "parse", "compare", "report"] {
        let dir = root.join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        files.extend(
            entries
                .map(|e| e.expect("directory entry").path())
                .filter(|p| p.is_file()),
        );
    }
    files.sort();
    files
}

/// Waits for the loader, then draws a few frames.
fn settle(h: &mut Harness<'_, ResdiffApp>) {
    assert!(
        h.state_mut().state.wait_idle(Duration::from_secs(120)),
        "loading timed out"
    );
    h.run_steps(4);
}

#[test]
fn every_regression_case_on_either_side_leaves_a_working_window() {
    let cases = cases();
    assert!(!cases.is_empty(), "no regression cases");
    let old_sample = sample("A_RES_65_141.txt");
    let new_sample = sample("A_RES_66_184.txt");
    let mut h = harness_sized(
        app_with(old_sample.clone(), new_sample.clone(), ThemePref::Light),
        1100.0,
        720.0,
    );
    let (mut errors, mut read) = (0, 0);
    for side in [Side::Old, Side::New] {
        let (this_sample, other_sample) = match side {
            Side::Old => (&old_sample, &new_sample),
            Side::New => (&new_sample, &old_sample),
        };
        for case in &cases {
            let name = case.file_name().unwrap().to_string_lossy().into_owned();
            let before = h.state().state.side(side).path.clone();
            let open = match side {
                Side::Old => Command::OpenOld(case.clone()),
                Side::New => Command::OpenNew(case.clone()),
            };
            h.state_mut().state.apply(open);
            settle(&mut h);
            let s = &h.state().state;
            let other = s.side(match side {
                Side::Old => Side::New,
                Side::New => Side::Old,
            });
            assert_eq!(
                other.path.as_ref(),
                Some(other_sample),
                "{name}: other side lost"
            );
            assert!(other.doc.is_some(), "{name}: other side's document lost");
            let error = s
                .notices
                .iter()
                .find(|n| n.level == Level::Error && n.text.contains(&name));
            if let Some(notice) = error {
                errors += 1;
                // Refused: the error names the file and the side keeps what it had.
                assert_eq!(
                    s.side(side).path,
                    before,
                    "{name}: side replaced by a bad file"
                );
                assert!(s.comparison.is_some(), "{name}: comparison lost");
                let shown = notice.text.chars().take(40).collect::<String>();
                h.get_by_label_contains(&shown);
            } else {
                read += 1;
                assert_eq!(s.side(side).path.as_ref(), Some(case), "{name}: not opened");
                assert!(s.comparison.is_some(), "{name}: not compared");
            }
            // The window keeps working: step through changes, dismiss the messages, draw.
            h.state_mut().state.apply(Command::NextChange);
            h.state_mut().state.apply(Command::PrevChange);
            while !h.state().state.notices.is_empty() {
                h.state_mut().state.apply(Command::DismissNotice(0));
            }
            h.run_steps(2);
        }
        // Back to the sample on this side: the comparison of the sample pair returns.
        let open = match side {
            Side::Old => Command::OpenOld(this_sample.clone()),
            Side::New => Command::OpenNew(this_sample.clone()),
        };
        h.state_mut().state.apply(open);
        settle(&mut h);
        let c = h
            .state()
            .state
            .comparison
            .as_ref()
            .expect("sample pair compared");
        assert!(c.pairs.len() > 20, "{} pairs", c.pairs.len());
    }
    assert!(errors > 0, "no case was refused");
    eprintln!(
        "{} cases per side: {errors} refused, {read} read (both sides)",
        cases.len()
    );
}

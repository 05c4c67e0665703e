//! The command-line arguments of the desktop app, shared by `resdiff` (which lists them in its
//! help and hands them on) and `resdiff-app` (which opens the window). Plain data: no GUI code,
//! so the command line does not link the GUI for them.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

/// What the command line asks of the window.
#[derive(Debug, Clone, Default, Args)]
pub struct LaunchArgs {
    /// Files to open in the app: the first is the old version, the second the new one (more
    /// than two: the first two are compared and the app says so).
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Render the loaded comparison, write a PNG of the window after the first complete frame, exit.
    #[arg(long, value_name = "FILE.png")]
    pub screenshot: Option<PathBuf>,
    /// Exit cleanly (saving settings) after N frames.
    #[arg(long, value_name = "N")]
    pub quit_after_frames: Option<u64>,
    /// Scroll the comparison programmatically for N frames, print frame CPU times, exit.
    #[arg(long, value_name = "N")]
    pub scroll_bench: Option<u64>,
    /// Open the window at this inner size (e.g. 1000x700) instead of the remembered one.
    #[arg(long, value_name = "WxH", value_parser = parse_window_size)]
    pub window_size: Option<(f32, f32)>,
    /// Open the side panel on the change list or the summary, or keep it closed (instead of the
    /// remembered setting, which is kept).
    #[arg(long, value_enum, value_name = "PANEL")]
    pub side_panel: Option<SidePanelArg>,
    /// Show the comparison side by side or as one inline redline column.
    #[arg(long, value_enum, value_name = "VIEW")]
    pub view: Option<ViewArg>,
    /// Order the change list (and F7) as the document or most consequential first.
    #[arg(long, value_enum, value_name = "ORDER")]
    pub order: Option<OrderArg>,
    /// Light or dark theme (instead of the remembered one, which is kept).
    #[arg(long, value_enum, value_name = "THEME")]
    pub theme: Option<ThemeArg>,
}

/// `--side-panel`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SidePanelArg {
    /// The change list.
    Changes,
    /// Documents, counts, renumbering, lead phrases, references.
    Summary,
    /// No side panel.
    Closed,
}

/// `--view`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ViewArg {
    /// Old and new in two columns.
    SideBySide,
    /// One column: deletions struck, insertions underlined.
    Inline,
}

/// `--order`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OrderArg {
    /// As the paragraphs stand in the new document.
    Document,
    /// Most consequential first, routine updates last.
    Consequence,
}

/// `--theme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// Light.
    Light,
    /// Dark.
    Dark,
}

/// `1380x860` → (1380, 860); at least the window's minimum of 640x400, at most 10000 a side.
pub fn parse_window_size(text: &str) -> Result<(f32, f32), String> {
    let bad = || format!("expected WIDTHxHEIGHT in points, like 1380x860; got {text:?}");
    let (w, h) = text.split_once(['x', 'X']).ok_or_else(bad)?;
    let w: u32 = w.trim().parse().map_err(|_| bad())?;
    let h: u32 = h.trim().parse().map_err(|_| bad())?;
    if !(640..=10_000).contains(&w) || !(400..=10_000).contains(&h) {
        return Err(format!(
            "window size {w}x{h} is out of range (640x400 to 10000x10000)"
        ));
    }
    Ok((w as f32, h as f32))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        launch: LaunchArgs,
    }

    #[test]
    fn launch_view_flags_are_parsed() {
        let parse = |args: &[&str]| Cli::try_parse_from(args).map(|c| c.launch);
        let Ok(a) = parse(&[
            "resdiff",
            "a.txt",
            "b.txt",
            "--side-panel",
            "changes",
            "--view",
            "inline",
            "--order",
            "consequence",
            "--theme",
            "dark",
            "--scroll-bench",
            "600",
        ]) else {
            panic!("the flags parse");
        };
        assert_eq!(a.files, [PathBuf::from("a.txt"), PathBuf::from("b.txt")]);
        assert_eq!(a.side_panel, Some(SidePanelArg::Changes));
        assert_eq!(a.view, Some(ViewArg::Inline));
        assert_eq!(a.order, Some(OrderArg::Consequence));
        assert_eq!(a.theme, Some(ThemeArg::Dark));
        assert_eq!(a.scroll_bench, Some(600));
        let Ok(a) = parse(&[
            "resdiff",
            "--side-panel",
            "closed",
            "--view",
            "side-by-side",
        ]) else {
            panic!("the flags parse");
        };
        assert_eq!(a.side_panel, Some(SidePanelArg::Closed));
        assert_eq!(a.view, Some(ViewArg::SideBySide));
        for bad in [
            ["resdiff", "--side-panel", "open"],
            ["resdiff", "--view", "redline"],
            ["resdiff", "--theme", "system"],
        ] {
            assert!(parse(&bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn window_size_is_parsed_and_bounded() {
        assert_eq!(parse_window_size("1380x860"), Ok((1380.0, 860.0)));
        assert_eq!(parse_window_size("1000X700"), Ok((1000.0, 700.0)));
        for bad in ["", "1000", "x700", "axb", "1000x-1", "100x100", "20000x900"] {
            assert!(parse_window_size(bad).is_err(), "{bad:?}");
        }
    }
}

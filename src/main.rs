//! The resdiff command line: subcommands run the engine; without one, `resdiff` starts the desktop
//! app (`resdiff-app`, beside it) with the same arguments.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use resdiff::report::{self, Format, RenderOptions};

/// Compare versions of UN General Assembly resolutions.
#[derive(Debug, Parser)]
#[command(
    name = "resdiff",
    version,
    about = "Compare versions of UN General Assembly resolutions, paragraph by paragraph and word by word",
    long_about = None,
    args_conflicts_with_subcommands = true,
    after_help = "\
Examples:
  resdiff                                      open the app
  resdiff A_RES_65_141.txt A_RES_66_184.txt    open the app with the pair compared
  resdiff draft.docx                           open the app with one file on the old side
  resdiff compare old.pdf new.docx -o diff.html
  resdiff parse A_RES_66_184.txt --format json"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    launch: resdiff::launch::LaunchArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read one file and print its document model (paragraphs, ids, metadata, footnotes).
    #[command(after_help = "\
Example:
  resdiff parse A_RES_66_184.txt --format json > 66_184.json")]
    Parse {
        /// The file to read (txt, docx, pdf, html).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ParseFormat::Text)]
        format: ParseFormat,
    },
    /// Compare two versions and print a redline or write a report (html, docx, pdf, md, json, csv).
    #[command(after_help = "\
Examples:
  resdiff compare A_RES_65_141.txt A_RES_66_184.txt               redline in the terminal
  resdiff compare A_RES_65_141.txt A_RES_66_184.txt -o diff.docx  Word with tracked changes
  resdiff compare old.txt new.txt -o diff.pdf --only substantive --layout redline
  resdiff compare old.txt new.txt --format json -o - | jq .summary")]
    Compare {
        /// The old version.
        old: PathBuf,
        /// The new version.
        new: PathBuf,
        /// Report format (default: inferred from --output's extension, else text).
        #[arg(long, short = 'f', ignore_case = true, value_parser = format_values())]
        format: Option<String>,
        /// Write the report to FILE (atomically) instead of standard output; `-` is standard output.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        /// Which paragraphs to show (html, pdf, md, csv, text; docx and json always hold all).
        #[arg(long, value_enum, default_value_t = OnlyArg::All)]
        only: OnlyArg,
        /// Which views of the text an html or pdf report holds.
        #[arg(long, value_enum, default_value_t = LayoutArg::Both)]
        layout: LayoutArg,
        /// Author of the tracked changes in a docx report (routine updates: "NAME (routine
        /// update)"). Default: the user name from the environment (USER, USERNAME), else resdiff.
        #[arg(long, value_name = "NAME")]
        author: Option<String>,
        /// Start CSV output with a UTF-8 byte-order mark (for Excel).
        #[arg(long)]
        bom: bool,
        /// Colour in the text redline.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        /// Add the provenance of inserted text from this corpus folder (HTML and JSON reports);
        /// the folder's index is built or updated first.
        #[arg(long, value_name = "DIR")]
        corpus: Option<PathBuf>,
        /// The index file of --corpus (default: in the user's cache folder).
        #[arg(long, value_name = "FILE", requires = "corpus")]
        index: Option<PathBuf>,
    },
    /// Build or update the provenance index of a corpus folder (only changed files are read).
    #[command(after_help = "\
The index lives in the user's cache folder unless --index is given; a damaged index is rebuilt.

Example:
  resdiff index ../shared/corpus/text")]
    Index {
        /// The corpus folder (txt, docx, pdf, html files, read recursively).
        dir: PathBuf,
        /// The index file (default: in the user's cache folder).
        #[arg(long, value_name = "FILE")]
        index: Option<PathBuf>,
    },
    /// Find the wording of a document's paragraphs in earlier documents of a corpus.
    #[command(after_help = "\
Spans of 8 or more consecutive words (ignoring case, punctuation, hyphens, footnote marks and
spacing) found in documents dated before FILE, with the earliest and most recent source.

Example:
  resdiff provenance A_RES_79_194.txt --corpus ../shared/corpus/text --format json")]
    Provenance {
        /// The document.
        file: PathBuf,
        /// The corpus folder (its index is built or updated first).
        #[arg(long, value_name = "DIR")]
        corpus: PathBuf,
        /// The index file (default: in the user's cache folder).
        #[arg(long, value_name = "FILE")]
        index: Option<PathBuf>,
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = ParseFormat::Text)]
        format: ParseFormat,
    },
    /// Follow every paragraph of the newest version back through a series of versions.
    #[command(after_help = "\
Versions are ordered by session and stage (draft, revision, adopted) from their metadata;
--keep-order takes them as given, oldest first.

Examples:
  resdiff series A_RES_78_132.txt A_RES_79_194.txt A_C.2_80_L.17.txt A_C.2_80_L.58.txt A_RES_80_118.txt
  resdiff series drafts/ --format html -o history.html")]
    Series {
        /// The versions: files, or folders whose files are all versions.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = SeriesFormat::Text)]
        format: SeriesFormat,
        /// Keep the versions in the order given (oldest first) instead of ordering by metadata.
        #[arg(long)]
        keep_order: bool,
        /// Write the report to FILE (atomically) instead of standard output.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// For every word of the newest version, the version that introduced it.
    #[command(after_help = "\
The newest file goes last; versions are ordered by metadata unless --keep-order is given.

Example:
  resdiff blame A_RES_79_194.txt A_C.2_80_L.17.txt A_C.2_80_L.58.txt A_RES_80_118.txt --format json")]
    Blame {
        /// The versions: files, or folders whose files are all versions.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = ParseFormat::Text)]
        format: ParseFormat,
        /// Keep the versions in the order given (oldest first) instead of ordering by metadata.
        #[arg(long)]
        keep_order: bool,
        /// Write the report to FILE (atomically) instead of standard output.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print a shell completion script for resdiff to standard output.
    #[command(after_help = "\
Examples:
  resdiff completions bash > ~/.local/share/bash-completion/completions/resdiff
  resdiff completions zsh  > ~/.zfunc/_resdiff
  resdiff completions fish > ~/.config/fish/completions/resdiff.fish")]
    Completions {
        /// The shell to write the script for.
        shell: clap_complete::Shell,
    },
}

/// The report formats `--format` accepts (listed in help and shell completions; `markdown` and
/// `txt` are accepted as hidden aliases).
fn format_values() -> clap::builder::PossibleValuesParser {
    use clap::builder::PossibleValue;
    let mut values: Vec<PossibleValue> = report::Format::ALL
        .iter()
        .map(|f| PossibleValue::new(f.name()))
        .collect();
    values.extend(["markdown", "txt"].map(|a| PossibleValue::new(a).hide(true)));
    clap::builder::PossibleValuesParser::new(values)
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ParseFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum SeriesFormat {
    Text,
    Json,
    Html,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum OnlyArg {
    /// Every paragraph.
    All,
    /// Paragraphs with any change.
    Changes,
    /// Paragraphs with a substantive change (footnote changes included).
    Substantive,
}

impl From<OnlyArg> for report::Only {
    fn from(o: OnlyArg) -> Self {
        match o {
            OnlyArg::All => report::Only::All,
            OnlyArg::Changes => report::Only::Changes,
            OnlyArg::Substantive => report::Only::Substantive,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LayoutArg {
    /// Old and new text side by side.
    SideBySide,
    /// One text with the changes marked.
    Redline,
    /// Both (a PDF prints the redline only).
    Both,
}

impl From<LayoutArg> for report::Layout {
    fn from(l: LayoutArg) -> Self {
        match l {
            LayoutArg::SideBySide => report::Layout::SideBySide,
            LayoutArg::Redline => report::Layout::Redline,
            LayoutArg::Both => report::Layout::Both,
        }
    }
}

/// What `resdiff compare` was asked for.
struct CompareArgs {
    old: PathBuf,
    new: PathBuf,
    format: Option<String>,
    output: Option<PathBuf>,
    only: report::Only,
    layout: report::Layout,
    author: Option<String>,
    bom: bool,
    color: ColorChoice,
    corpus: Option<PathBuf>,
    index: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    // A comparison reads its two files on two threads: the second starts while the arguments
    // are read.
    if std::env::args_os().nth(1).is_some_and(|a| a == "compare") {
        resdiff::prepare_threads();
    }
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Parse { file, format }) => cmd_parse(&file, format),
        Some(Command::Compare {
            old,
            new,
            format,
            output,
            only,
            layout,
            author,
            bom,
            color,
            corpus,
            index,
        }) => cmd_compare(CompareArgs {
            old,
            new,
            format,
            output,
            only: only.into(),
            layout: layout.into(),
            author,
            bom,
            color,
            corpus,
            index,
        }),
        Some(Command::Index { dir, index }) => cmd_index(&dir, index.as_deref()).map(|_| ()),
        Some(Command::Provenance {
            file,
            corpus,
            index,
            format,
        }) => cmd_provenance(&file, &corpus, index.as_deref(), format),
        Some(Command::Series {
            files,
            format,
            keep_order,
            output,
        }) => cmd_series(&files, format, keep_order, output.as_deref()),
        Some(Command::Blame {
            files,
            format,
            keep_order,
            output,
        }) => cmd_blame(&files, format, keep_order, output.as_deref()),
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "resdiff", &mut out);
            write_stdout(&out)
        }
        None => open_app(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("resdiff: {}", error_line(&err));
            ExitCode::from(2)
        }
    }
}

/// One line for an error and its causes, each said once: a cause whose text the message already
/// holds (a library error that prints its system error, then lists it as its source) is left out.
fn error_line(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if text.is_empty() || line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line.replace('\n', " ")
}

fn cmd_parse(file: &Path, format: ParseFormat) -> anyhow::Result<()> {
    let mut timings = Timings::from_env();
    let doc = resdiff::load(file)?;
    timings.step("read and parse");
    for w in &doc.warnings {
        eprintln!("resdiff: warning: {}: {w}", file.display());
    }
    let out = match format {
        ParseFormat::Json => report::render_resolution(&doc)?,
        ParseFormat::Text => report::resolution_text(&doc),
    };
    timings.step("render");
    let written = write_stdout(out.as_bytes());
    timings.step("write");
    // As in `cmd_compare`: the process ends here, the OS takes the memory back.
    std::mem::forget(doc);
    std::mem::forget(out);
    written
}

/// Time per step of one command, printed to standard error when `RESDIFF_TIMINGS` is set (used
/// to find where a whole-process run spends its time; `scripts/cli-bench.sh` times the process).
struct Timings {
    last: Option<std::time::Instant>,
}

impl Timings {
    fn from_env() -> Self {
        Self {
            last: std::env::var_os("RESDIFF_TIMINGS").map(|_| std::time::Instant::now()),
        }
    }

    fn step(&mut self, what: &str) {
        if let Some(last) = self.last {
            let now = std::time::Instant::now();
            eprintln!(
                "resdiff: timing: {what}: {:.3} ms",
                (now - last).as_secs_f64() * 1e3
            );
            self.last = Some(now);
        }
    }
}

fn cmd_compare(args: CompareArgs) -> anyhow::Result<()> {
    let (old, new) = (args.old.as_path(), args.new.as_path());
    // `-o -` is standard output, as for most command-line tools.
    let output = args.output.as_deref().filter(|o| *o != Path::new("-"));
    let from_ext = output.and_then(Format::from_extension);
    let format = match (args.format.as_deref(), output) {
        (Some(f), _) => {
            let f = f.parse::<Format>()?;
            if let (Some(out), Some(ext)) = (output, from_ext)
                && ext != f
            {
                eprintln!(
                    "resdiff: warning: writing a {} report to {}, whose extension says {}",
                    f.name(),
                    out.display(),
                    ext.name()
                );
            }
            f
        }
        (None, Some(out)) => from_ext.with_context(|| {
            format!(
                "cannot tell the report format from {}; give --format",
                out.display()
            )
        })?,
        (None, None) => Format::Text,
    };
    if output.is_none() && format.is_binary() && std::io::stdout().is_terminal() {
        anyhow::bail!(
            "a {} report is binary; write it to a file with -o FILE (or pipe it: -o - | …)",
            format.name()
        );
    }
    let mut timings = Timings::from_env();
    let (old_r, new_r) = resdiff::load_both(old, new)?;
    timings.step("read and parse both files");
    let cmp = resdiff::compare::compare(old_r, new_r);
    timings.step("align, word diff, classify");
    for w in cmp
        .old
        .warnings
        .iter()
        .map(|w| (old, w))
        .chain(cmp.new.warnings.iter().map(|w| (new, w)))
    {
        eprintln!("resdiff: warning: {}: {}", w.0.display(), w.1);
    }
    for w in &cmp.warnings {
        eprintln!("resdiff: warning: {w}");
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => output.is_none() && std::io::stdout().is_terminal(),
    };
    let opts = RenderOptions {
        csv_bom: args.bom,
        color,
        author: args.author.unwrap_or_else(report::default_author),
        old_label: Some(file_label(old)),
        new_label: Some(file_label(new)),
        only: args.only,
        layout: args.layout,
        ..RenderOptions::default()
    };
    let (mut bytes, warnings) = report::render_with_warnings(&cmp, format, &opts)?;
    timings.step("render the report");
    for w in warnings {
        eprintln!("resdiff: warning: {w}");
    }
    if let Some(dir) = args.corpus.as_deref() {
        let index = args.index.as_deref();
        if matches!(format, Format::Html | Format::Json) {
            let idx = cmd_index(dir, index)?;
            let found = resdiff::provenance::of_insertions(&idx, &cmp)?;
            bytes = match format {
                Format::Json => {
                    let mut v = report::comparison_json(&cmp);
                    if let Some(obj) = v.as_object_mut() {
                        obj.insert(
                            "provenance".into(),
                            report::provenance_paragraphs_json(&found),
                        );
                    }
                    json_text(&v)?.into_bytes()
                }
                _ => {
                    let html = String::from_utf8_lossy(&bytes).into_owned();
                    let section = report::provenance_html_section(&found);
                    match html.rfind("</body>") {
                        Some(at) => format!("{}{section}{}", &html[..at], &html[at..]),
                        None => html + &section,
                    }
                    .into_bytes()
                }
            };
        } else {
            eprintln!(
                "resdiff: warning: provenance is shown in html and json reports only; --corpus ignored for {}",
                format.name()
            );
        }
    }
    let written = match output {
        Some(out) => {
            report::write_atomic(out, &bytes, &[old, new])?;
            eprintln!("resdiff: wrote {}", out.display());
            Ok(())
        }
        None => write_stdout(&bytes),
    };
    timings.step("write");
    // The process ends right after this: freeing the comparison and the report (hundreds of
    // thousands of small allocations for a large pair) is work nobody waits for.
    std::mem::forget(cmp);
    std::mem::forget(bytes);
    written
}

/// Build or update the provenance index of `dir`, with a progress bar on a terminal.
fn cmd_index(
    dir: &Path,
    index: Option<&Path>,
) -> anyhow::Result<resdiff::provenance::ProvenanceIndex> {
    use resdiff::provenance::{ProvenanceIndex, default_index_path};
    if !dir.is_dir() {
        anyhow::bail!("{} is not a folder", dir.display());
    }
    let path = index.map_or_else(|| default_index_path(dir), Path::to_path_buf);
    let bar = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(0);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("indexing {wide_bar} {pos}/{len} files ({eta})")
        {
            bar.set_style(style);
        }
        Some(bar)
    } else {
        None
    };
    let progress = |p: resdiff::provenance::Progress| {
        if let Some(bar) = &bar {
            bar.set_length(p.total as u64);
            bar.set_position(p.done as u64);
        }
    };
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let started = std::time::Instant::now();
    let (idx, stats) = ProvenanceIndex::update(dir, &path, &progress, &cancel)?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if let Some(why) = &stats.rebuilt {
        eprintln!("resdiff: warning: {}: {why}; rebuilt", path.display());
    }
    for (file, why) in &stats.failed {
        eprintln!("resdiff: warning: {file} not indexed: {why}");
    }
    eprintln!(
        "resdiff: index {}: {} file(s) indexed, {} unchanged, {} removed, {} failed; {} documents ({:.2} s)",
        path.display(),
        stats.indexed.len(),
        stats.unchanged,
        stats.removed.len(),
        stats.failed.len(),
        idx.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(idx)
}

fn cmd_provenance(
    file: &Path,
    corpus: &Path,
    index: Option<&Path>,
    format: ParseFormat,
) -> anyhow::Result<()> {
    let doc = resdiff::load(file)?;
    for w in &doc.warnings {
        eprintln!("resdiff: warning: {}: {w}", file.display());
    }
    let idx = cmd_index(corpus, index)?;
    let found = resdiff::provenance::of_document(&idx, &doc)?;
    let symbol = doc.label(&file_label(file)).to_string();
    let text = match format {
        ParseFormat::Text => report::provenance_text(&symbol, &found),
        ParseFormat::Json => json_text(&report::provenance_json(&symbol, &found))?,
    };
    write_stdout(text.as_bytes())
}

fn load_series(files: &[PathBuf], keep_order: bool) -> anyhow::Result<resdiff::series::Series> {
    let order = if keep_order {
        resdiff::series::Order::Given
    } else {
        resdiff::series::Order::Metadata
    };
    let series = resdiff::series::load_series(files, order)?;
    for v in &series.versions {
        for w in &v.doc.warnings {
            eprintln!("resdiff: warning: {}: {w}", v.file.display());
        }
    }
    for w in &series.warnings {
        eprintln!("resdiff: warning: {w}");
    }
    Ok(series)
}

/// Print `text` or write it atomically to `output` (never over one of the inputs).
fn emit(text: &str, output: Option<&Path>, inputs: &[PathBuf]) -> anyhow::Result<()> {
    match output {
        Some(out) => {
            let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
            report::write_atomic(out, text.as_bytes(), &inputs)?;
            eprintln!("resdiff: wrote {}", out.display());
            Ok(())
        }
        None => write_stdout(text.as_bytes()),
    }
}

fn json_text(value: &serde_json::Value) -> anyhow::Result<String> {
    let mut s = serde_json::to_string_pretty(value)?;
    s.push('\n');
    Ok(s)
}

fn cmd_series(
    files: &[PathBuf],
    format: SeriesFormat,
    keep_order: bool,
    output: Option<&Path>,
) -> anyhow::Result<()> {
    let series = load_series(files, keep_order)?;
    let text = match format {
        SeriesFormat::Text => report::series_text(&series),
        SeriesFormat::Json => json_text(&report::series_json(&series))?,
        SeriesFormat::Html => report::series_html(&series),
    };
    let inputs: Vec<PathBuf> = series.versions.iter().map(|v| v.file.clone()).collect();
    emit(&text, output, &inputs)
}

fn cmd_blame(
    files: &[PathBuf],
    format: ParseFormat,
    keep_order: bool,
    output: Option<&Path>,
) -> anyhow::Result<()> {
    let series = load_series(files, keep_order)?;
    let blame = resdiff::series::blame(&series);
    for w in &blame.warnings {
        eprintln!("resdiff: warning: {w}");
    }
    let text = match format {
        ParseFormat::Text => report::blame_text(&series, &blame),
        ParseFormat::Json => json_text(&report::blame_json(&series, &blame))?,
    };
    let inputs: Vec<PathBuf> = series.versions.iter().map(|v| v.file.clone()).collect();
    emit(&text, output, &inputs)
}

/// The file name, used to name a document that has no symbol or title.
fn file_label(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`resdiff … | head`) is not an error worth reporting.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(e).context("cannot write to standard output"),
    }
}

/// No subcommand: the desktop app, a program of its own (`resdiff-app`, installed beside this
/// one), so that the command line does not load the GUI libraries at every start (0.3 ms of
/// every run, see the README's performance section). The arguments are handed on unchanged;
/// on Unix the app replaces this process.
fn open_app() -> anyhow::Result<()> {
    let name = format!("resdiff-app{}", std::env::consts::EXE_SUFFIX);
    let app = std::env::current_exe()
        .context("cannot find where resdiff is installed")?
        .with_file_name(&name);
    if !app.is_file() {
        anyhow::bail!(
            "the desktop app ({name}) is not installed beside resdiff at {}; build it with \
             `cargo build --release` (the `gui` feature, on by default) or run it with \
             `cargo run --release --bin resdiff-app -- FILE...`; `resdiff parse` and \
             `resdiff compare` work without it",
            app.display()
        );
    }
    let mut command = std::process::Command::new(&app);
    command.args(std::env::args_os().skip(1));
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let err = command.exec();
        Err(err).with_context(|| format!("cannot start {}", app.display()))
    }
    #[cfg(not(unix))]
    {
        let status = command
            .status()
            .with_context(|| format!("cannot start {}", app.display()))?;
        std::process::exit(status.code().unwrap_or(2));
    }
}

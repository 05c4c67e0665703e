//! The resdiff desktop app. `resdiff` without a subcommand starts this program (installed
//! beside it) with its arguments, so that the command line itself does not load the GUI.

use std::process::ExitCode;

use clap::Parser;

/// The resdiff desktop app: compare versions of UN General Assembly resolutions side by side.
#[derive(Debug, Parser)]
#[command(
    name = "resdiff-app",
    version,
    about = "The resdiff desktop app: compare versions of UN General Assembly resolutions side by side",
    long_about = None,
    after_help = "\
Examples:
  resdiff-app                                      open the app
  resdiff-app A_RES_65_141.txt A_RES_66_184.txt    open the app with the pair compared
  resdiff-app draft.docx                           open the app with one file on the old side
The command line (`resdiff parse`, `resdiff compare`, ...) is `resdiff`; `resdiff FILE...` opens
this app."
)]
struct AppCli {
    #[command(flatten)]
    launch: resdiff::launch::LaunchArgs,
}

fn main() -> ExitCode {
    let cli = AppCli::parse();
    match resdiff::app::run(cli.launch.into()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("resdiff: {}", format!("{err:#}").replace('\n', " "));
            ExitCode::from(2)
        }
    }
}

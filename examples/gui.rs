//! Minimal launcher for the resdiff window, until the CLI wires it:
//! `cargo run --example gui -- [OLD NEW] [--screenshot out.png] [--quit-after-frames N] [--scroll-bench N]`.

use std::path::PathBuf;

use resdiff::app::{LaunchOptions, run};

fn main() -> anyhow::Result<()> {
    let mut opts = LaunchOptions::default();
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--screenshot" => opts.screenshot = args.next().map(PathBuf::from),
            "--quit-after-frames" => {
                opts.quit_after_frames = args.next().and_then(|n| n.parse().ok())
            }
            "--scroll-bench" => opts.scroll_bench_frames = args.next().and_then(|n| n.parse().ok()),
            _ => files.push(PathBuf::from(a)),
        }
    }
    let mut files = files.into_iter();
    opts.old = files.next();
    opts.new = files.next();
    run(opts)
}

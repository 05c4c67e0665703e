//! Shared helpers of the app's kittest files: the sample files, an app with a pair loaded, a
//! harness of a given size, and snapshots that skip (outside CI) on a machine without a GPU adapter.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui_kittest::Harness;
use resdiff::app::{AppState, Automation, Command, ResdiffApp, Settings, ThemePref};

/// A file of `sample_data/`.
pub fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_data")
        .join(name)
}

/// The app with `old` → `new` compared (waited for), default settings but the theme.
pub fn app_with(old: PathBuf, new: PathBuf, theme: ThemePref) -> ResdiffApp {
    let mut state = AppState::new(Settings {
        theme,
        ..Settings::default()
    });
    state.apply(Command::OpenPair(old, new));
    assert!(
        state.wait_idle(Duration::from_secs(120)),
        "loading timed out"
    );
    state.compare_time = None;
    ResdiffApp::new(state, Automation::default())
}

/// A harness of `w` × `h` points running `app`, after its first frames.
pub fn harness_sized(app: ResdiffApp, w: f32, h: f32) -> Harness<'static, ResdiffApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(w, h))
        .with_max_steps(64)
        .build_ui_state(|ui, app: &mut ResdiffApp| app.show(ui), app);
    h.run_steps(8);
    h
}

/// Render the window and compare it with `tests/snapshots/{name}.png` (a few anti-aliased pixels
/// differ between software-rendered runs; anything larger fails). Rendering needs a GPU adapter
/// (Mesa's lavapipe or llvmpipe will do); a machine without any (a newcomer's before installing
/// Mesa) skips the comparison with a SKIPPED line, except under `CI=true`.
pub fn snapshot(h: &mut Harness<'_, ResdiffApp>, name: &str) {
    let opts = egui_kittest::SnapshotOptions::new().max_failed_pixels(120);
    let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        h.try_snapshot_options(name, &opts)
    }));
    match rendered {
        Ok(Ok(())) => {}
        Ok(Err(e)) => panic!("snapshot {name}: {e}"),
        Err(panic) => {
            let msg = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or_default();
            let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
            if ci || !msg.contains("No adapter found") {
                std::panic::resume_unwind(panic);
            }
            resdiff::corpus::say_skipped(&format!(
                "SKIPPED snapshot {name}: no GPU adapter to render with (install Mesa: mesa-vulkan-drivers)"
            ));
        }
    }
}

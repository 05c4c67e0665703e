//! Fonts: egui's defaults, with DejaVu Sans behind them for the symbols they lack.
//!
//! egui's default fonts cover Latin and Cyrillic text but not arrows or geometric shapes
//! (→ ▲ ▼ ◐ ⇄ ↻). DejaVu Sans, already bundled for the PDF report, fills those gaps as the
//! last fallback, so the document text keeps egui's own face.

use egui::{FontData, FontFamily, FontInsert, FontPriority, InsertFontFamily};

/// The name under which the fallback font is registered.
pub const FALLBACK_FONT: &str = "resdiff-dejavu-sans";

static DEJAVU: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Add the fallback font to both families. Cheap when already installed, and applied at once
/// when nothing has been laid out yet in this pass, so call it at the start of every frame.
pub fn install(ctx: &egui::Context) {
    ctx.add_font(FontInsert::new(
        FALLBACK_FONT,
        FontData::from_static(DEJAVU),
        vec![
            InsertFontFamily {
                family: FontFamily::Proportional,
                priority: FontPriority::Lowest,
            },
            InsertFontFamily {
                family: FontFamily::Monospace,
                priority: FontPriority::Lowest,
            },
        ],
    ));
}

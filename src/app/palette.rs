//! All colours of the comparison view, one palette per theme.

use egui::Color32;

use crate::compare::Status;

/// The colours used to draw a comparison. Every text colour is meant to be readable (WCAG
/// contrast ≥ 4.5) over every row background; a unit test checks it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Normal document text.
    pub text: Color32,
    /// Secondary text (ids, captions).
    pub weak: Color32,
    /// Text of routine updates (muted).
    pub routine: Color32,
    /// Links (moved-paragraph jumps, side panel entries).
    pub link: Color32,
    /// Background of inserted words (new side).
    pub insert_bg: Color32,
    /// Text of inserted words.
    pub insert_fg: Color32,
    /// Background of deleted words (old side).
    pub delete_bg: Color32,
    /// Text of deleted words.
    pub delete_fg: Color32,
    /// Background of search hits.
    pub hit_bg: Color32,
    /// Text of search hits.
    pub hit_fg: Color32,
    /// Lead phrase made stronger.
    pub stronger: Color32,
    /// Lead phrase made weaker.
    pub weaker: Color32,
    /// Outline of the current row.
    pub focus: Color32,
    /// Text on status badges.
    pub badge_text: Color32,
    /// Rules: the header line and the column splitter at rest.
    pub rule: Color32,
    /// Background of the overview strip.
    pub strip_bg: Color32,
    /// Outline of the visible part on the overview strip.
    pub strip_view: Color32,
    /// The veil over the window while files are dragged over it (drawn over anything).
    pub overlay_bg: Color32,
    /// Text on that veil.
    pub overlay_text: Color32,
    row_bg: [Color32; 8],
    badge_bg: [Color32; 8],
}

fn index(status: Status) -> usize {
    match status {
        Status::Unchanged => 0,
        Status::Renumbered => 1,
        Status::Modified => 2,
        Status::Moved => 3,
        Status::Split => 4,
        Status::Merged => 5,
        Status::Added => 6,
        Status::Removed => 7,
    }
}

const fn rgb(hex: u32) -> Color32 {
    Color32::from_rgb((hex >> 16) as u8, (hex >> 8) as u8, hex as u8)
}

impl Palette {
    /// The light theme.
    pub const fn light() -> Self {
        Self {
            text: rgb(0x1a1a1a),
            weak: rgb(0x555555),
            routine: rgb(0x5f5f5f),
            link: rgb(0x1d4ed8),
            insert_bg: rgb(0xc6efd0),
            insert_fg: rgb(0x0b3d1a),
            delete_bg: rgb(0xf8d7d7),
            delete_fg: rgb(0x8a1414),
            hit_bg: rgb(0xffe066),
            hit_fg: rgb(0x1a1a1a),
            stronger: rgb(0x166534),
            weaker: rgb(0x9f1239),
            focus: rgb(0x1d4ed8),
            badge_text: rgb(0xffffff),
            rule: rgb(0xc4c7ce),
            strip_bg: rgb(0xeceef2),
            strip_view: rgb(0x1a1a1a),
            overlay_bg: Color32::from_rgba_premultiplied(0, 0, 0, 190),
            overlay_text: rgb(0xffffff),
            row_bg: [
                rgb(0xffffff),
                rgb(0xf3f4f8),
                rgb(0xfff8e6),
                rgb(0xf1ecfb),
                rgb(0xe9f4fb),
                rgb(0xe9f4fb),
                rgb(0xeaf6ed),
                rgb(0xfbeeee),
            ],
            badge_bg: [
                rgb(0x5b6270),
                rgb(0x4b5563),
                rgb(0x8a4b00),
                rgb(0x6d28d9),
                rgb(0x075985),
                rgb(0x075985),
                rgb(0x166534),
                rgb(0xb91c1c),
            ],
        }
    }

    /// The dark theme.
    pub const fn dark() -> Self {
        Self {
            text: rgb(0xe8e8e8),
            weak: rgb(0xa9a9a9),
            routine: rgb(0xa0a0a0),
            link: rgb(0x93c5fd),
            insert_bg: rgb(0x1d4d2c),
            insert_fg: rgb(0xdcfce7),
            delete_bg: rgb(0x5a2222),
            delete_fg: rgb(0xffd6d6),
            hit_bg: rgb(0x7a5d00),
            hit_fg: rgb(0xffffff),
            stronger: rgb(0x86efac),
            weaker: rgb(0xfda4af),
            focus: rgb(0x93c5fd),
            badge_text: rgb(0x111111),
            rule: rgb(0x4a4d55),
            strip_bg: rgb(0x101012),
            strip_view: rgb(0xe8e8e8),
            overlay_bg: Color32::from_rgba_premultiplied(0, 0, 0, 190),
            overlay_text: rgb(0xffffff),
            row_bg: [
                rgb(0x1b1b1b),
                rgb(0x22232a),
                rgb(0x2b2616),
                rgb(0x272036),
                rgb(0x1a2832),
                rgb(0x1a2832),
                rgb(0x16271b),
                rgb(0x2f1a1a),
            ],
            badge_bg: [
                rgb(0xa3a3a3),
                rgb(0xb4b4cc),
                rgb(0xf0b429),
                rgb(0xc4b5fd),
                rgb(0x7dd3fc),
                rgb(0x7dd3fc),
                rgb(0x86efac),
                rgb(0xfca5a5),
            ],
        }
    }

    /// The palette for dark or light mode.
    pub fn for_dark_mode(dark: bool) -> Self {
        if dark { Self::dark() } else { Self::light() }
    }

    /// Background of a row with this status.
    pub fn row_bg(&self, status: Status) -> Color32 {
        self.row_bg[index(status)]
    }

    /// Background of the status badge (and overview tick) for this status.
    pub fn badge_bg(&self, status: Status) -> Color32 {
        self.badge_bg[index(status)]
    }

    /// Every row background.
    pub fn row_backgrounds(&self) -> [Color32; 8] {
        self.row_bg
    }
}

/// Relative luminance as defined by WCAG 2.
pub fn luminance(c: Color32) -> f64 {
    fn channel(v: u8) -> f64 {
        let v = f64::from(v) / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    }
    0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
}

/// WCAG contrast ratio between two colours (1–21).
pub fn contrast(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_of_black_on_white_is_21() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 1e-9);
    }

    /// `top` (premultiplied alpha) painted over the opaque `bottom`.
    fn blend(top: Color32, bottom: Color32) -> Color32 {
        let a = f32::from(top.a()) / 255.0;
        let mix = |t: u8, b: u8| (f32::from(t) + f32::from(b) * (1.0 - a)).round() as u8;
        Color32::from_rgb(
            mix(top.r(), bottom.r()),
            mix(top.g(), bottom.g()),
            mix(top.b(), bottom.b()),
        )
    }

    fn check(p: &Palette, name: &str) {
        let mut failures = Vec::new();
        let mut need = |what: String, fg: Color32, bg: Color32| {
            let c = contrast(fg, bg);
            if c < 4.5 {
                failures.push(format!("{name}: {what} contrast {c:.2}"));
            }
        };
        for (i, bg) in p.row_backgrounds().iter().enumerate() {
            for (what, fg) in [
                ("text", p.text),
                ("weak", p.weak),
                ("routine", p.routine),
                ("link", p.link),
                ("stronger", p.stronger),
                ("weaker", p.weaker),
                ("delete_fg", p.delete_fg),
            ] {
                need(format!("{what} over row {i}"), fg, *bg);
            }
        }
        need("insert".into(), p.insert_fg, p.insert_bg);
        need("delete".into(), p.delete_fg, p.delete_bg);
        need("hit".into(), p.hit_fg, p.hit_bg);
        for s in Status::ALL {
            need(format!("badge {}", s.as_str()), p.badge_text, p.badge_bg(s));
        }
        // The drop veil is translucent: check its text over the veil on the lightest row.
        let veil = blend(p.overlay_bg, p.row_backgrounds()[0]);
        need("drop overlay".into(), p.overlay_text, veil);
        need("overview outline".into(), p.strip_view, p.strip_bg);
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn light_palette_is_readable() {
        check(&Palette::light(), "light");
    }

    #[test]
    fn dark_palette_is_readable() {
        check(&Palette::dark(), "dark");
    }
}

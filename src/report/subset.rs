//! A minimal TrueType subsetter for the PDF: keeps glyph ids (so `CIDToGIDMap /Identity` stays
//! valid) but empties the outlines of glyphs the document does not use, and drops the tables a
//! PDF renderer never reads (layout, kerning, glyph names). Cuts the embedded DejaVu Sans from
//! about 740 KB to well under 100 KB for a typical report.

use std::collections::BTreeSet;

/// Tables copied into the subset (the others are layout tables a PDF viewer does not use).
const KEEP: [&[u8; 4]; 12] = [
    b"OS/2", b"cmap", b"cvt ", b"fpgm", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp",
    b"name", b"prep",
];

fn u16_at(d: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*d.get(at)?, *d.get(at + 1)?]))
}

fn u32_at(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *d.get(at)?,
        *d.get(at + 1)?,
        *d.get(at + 2)?,
        *d.get(at + 3)?,
    ]))
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut w = [0u8; 4];
        w[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(w))
    })
}

/// The tables of a font as (tag, bytes).
fn tables(font: &[u8]) -> Option<Vec<([u8; 4], &[u8])>> {
    let n = usize::from(u16_at(font, 4)?);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let rec = 12 + 16 * i;
        let tag: [u8; 4] = font.get(rec..rec + 4)?.try_into().ok()?;
        let off = usize::try_from(u32_at(font, rec + 8)?).ok()?;
        let len = usize::try_from(u32_at(font, rec + 12)?).ok()?;
        out.push((tag, font.get(off..off.checked_add(len)?)?));
    }
    Some(out)
}

/// Byte range of each glyph in `glyf`, from `loca`.
fn glyph_ranges(loca: &[u8], long: bool, num_glyphs: usize) -> Option<Vec<(usize, usize)>> {
    let at = |i: usize| -> Option<usize> {
        if long {
            usize::try_from(u32_at(loca, 4 * i)?).ok()
        } else {
            Some(usize::from(u16_at(loca, 2 * i)?) * 2)
        }
    };
    (0..num_glyphs)
        .map(|g| Some((at(g)?, at(g + 1)?)))
        .collect()
}

/// Add the components of composite glyphs (recursively) to `keep`.
fn close_over_components(glyf: &[u8], ranges: &[(usize, usize)], keep: &mut BTreeSet<u16>) {
    let mut todo: Vec<u16> = keep.iter().copied().collect();
    while let Some(g) = todo.pop() {
        let Some(&(start, end)) = ranges.get(usize::from(g)) else {
            continue;
        };
        let Some(data) = glyf.get(start..end) else {
            continue;
        };
        if data.len() < 10 || u16_at(data, 0).is_none_or(|c| (c as i16) >= 0) {
            continue;
        }
        let mut at = 10;
        while let (Some(flags), Some(component)) = (u16_at(data, at), u16_at(data, at + 2)) {
            if keep.insert(component) {
                todo.push(component);
            }
            at += 4 + if flags & 0x0001 != 0 { 4 } else { 2 };
            at += if flags & 0x0008 != 0 {
                2
            } else if flags & 0x0040 != 0 {
                4
            } else if flags & 0x0080 != 0 {
                8
            } else {
                0
            };
            if flags & 0x0020 == 0 {
                break;
            }
        }
    }
}

/// The font with only the outlines of `used` glyphs (and glyph 0 and composite components);
/// `None` when the font is not a TrueType font this code understands (then embed it whole).
pub fn subset(font: &[u8], used: impl IntoIterator<Item = u16>) -> Option<Vec<u8>> {
    let tables = tables(font)?;
    let find = |tag: &[u8; 4]| tables.iter().find(|t| &t.0 == tag).map(|t| t.1);
    let head = find(b"head")?;
    let long = u16_at(head, 50)? == 1;
    let num_glyphs = usize::from(u16_at(find(b"maxp")?, 4)?);
    let glyf = find(b"glyf")?;
    let ranges = glyph_ranges(find(b"loca")?, long, num_glyphs)?;
    let mut keep: BTreeSet<u16> = used.into_iter().collect();
    keep.insert(0);
    close_over_components(glyf, &ranges, &mut keep);

    let mut new_glyf = Vec::new();
    let mut new_loca = Vec::with_capacity(4 * (num_glyphs + 1));
    for (g, &(start, end)) in ranges.iter().enumerate() {
        new_loca.extend_from_slice(&u32::try_from(new_glyf.len()).ok()?.to_be_bytes());
        if keep.contains(&u16::try_from(g).ok()?) {
            new_glyf.extend_from_slice(glyf.get(start..end)?);
            while new_glyf.len() % 4 != 0 {
                new_glyf.push(0);
            }
        }
    }
    new_loca.extend_from_slice(&u32::try_from(new_glyf.len()).ok()?.to_be_bytes());
    let mut new_head = head.to_vec();
    // Long loca offsets; checksum adjustment recomputed below.
    new_head
        .get_mut(50..52)?
        .copy_from_slice(&1u16.to_be_bytes());
    new_head.get_mut(8..12)?.copy_from_slice(&[0; 4]);

    let mut out_tables: Vec<([u8; 4], Vec<u8>)> = Vec::new();
    for (tag, data) in &tables {
        if !KEEP.contains(&tag) {
            continue;
        }
        let bytes = match tag {
            b"glyf" => std::mem::take(&mut new_glyf),
            b"loca" => std::mem::take(&mut new_loca),
            b"head" => new_head.clone(),
            _ => data.to_vec(),
        };
        out_tables.push((*tag, bytes));
    }
    // A version 3 `post` table (no glyph names) keeps viewers that look for one happy.
    if let Some(post) = find(b"post")
        && let Some(header) = post.get(..32)
    {
        let mut p = header.to_vec();
        p.get_mut(0..4)?
            .copy_from_slice(&0x0003_0000u32.to_be_bytes());
        out_tables.push((*b"post", p));
    }
    out_tables.sort_by_key(|t| t.0);

    let n = out_tables.len();
    let n16 = u16::try_from(n).ok()?;
    let pow = 1u16 << (15 - n16.leading_zeros().min(15));
    let search_range = pow * 16;
    let entry_selector = pow.trailing_zeros() as u16;
    let mut out = Vec::new();
    out.extend_from_slice(&u32_at(font, 0)?.to_be_bytes());
    out.extend_from_slice(&n16.to_be_bytes());
    out.extend_from_slice(&search_range.to_be_bytes());
    out.extend_from_slice(&entry_selector.to_be_bytes());
    out.extend_from_slice(&(n16 * 16 - search_range).to_be_bytes());
    let mut offset = 12 + 16 * n;
    let mut head_offset = None;
    for (tag, data) in &out_tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&u32::try_from(offset).ok()?.to_be_bytes());
        out.extend_from_slice(&u32::try_from(data.len()).ok()?.to_be_bytes());
        if tag == b"head" {
            head_offset = Some(offset);
        }
        offset += data.len().div_ceil(4) * 4;
    }
    for (_, data) in &out_tables {
        out.extend_from_slice(data);
        while out.len() % 4 != 0 {
            out.push(0);
        }
    }
    let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
    let at = head_offset? + 8;
    out.get_mut(at..at + 4)?
        .copy_from_slice(&adjust.to_be_bytes());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    static FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

    #[test]
    fn subset_keeps_used_outlines_and_ids_and_is_small() {
        let full = ttf_parser::Face::parse(FONT, 0).unwrap();
        let used: Vec<u16> = "Resolution é→"
            .chars()
            .map(|c| full.glyph_index(c).unwrap().0)
            .collect();
        let sub = subset(FONT, used.iter().copied()).unwrap();
        assert!(sub.len() < FONT.len() / 4, "{} bytes", sub.len());
        let face = ttf_parser::Face::parse(&sub, 0).unwrap();
        assert_eq!(face.number_of_glyphs(), full.number_of_glyphs());
        struct Count(usize);
        impl ttf_parser::OutlineBuilder for Count {
            fn move_to(&mut self, _: f32, _: f32) {
                self.0 += 1;
            }
            fn line_to(&mut self, _: f32, _: f32) {
                self.0 += 1;
            }
            fn quad_to(&mut self, _: f32, _: f32, _: f32, _: f32) {
                self.0 += 1;
            }
            fn curve_to(&mut self, _: f32, _: f32, _: f32, _: f32, _: f32, _: f32) {
                self.0 += 1;
            }
            fn close(&mut self) {}
        }
        for (ch, gid) in "Resolution é→".chars().zip(&used) {
            assert_eq!(
                face.glyph_index(ch).map(|g| g.0),
                Some(*gid),
                "cmap kept for {ch}"
            );
            if ch == ' ' {
                continue;
            }
            let mut a = Count(0);
            let mut b = Count(0);
            full.outline_glyph(ttf_parser::GlyphId(*gid), &mut a);
            face.outline_glyph(ttf_parser::GlyphId(*gid), &mut b);
            assert!(b.0 > 0 && a.0 == b.0, "outline of {ch} kept");
        }
        let unused = full.glyph_index('Z').unwrap();
        let mut c = Count(0);
        face.outline_glyph(unused, &mut c);
        assert_eq!(c.0, 0, "unused glyph emptied");
        assert_eq!(
            face.glyph_hor_advance(unused),
            full.glyph_hor_advance(unused)
        );
    }

    #[test]
    fn garbage_is_refused() {
        assert!(subset(b"not a font at all", [1, 2]).is_none());
        assert!(subset(&FONT[..100], [1]).is_none());
    }
}

#!/usr/bin/env python3
"""Writes the hand-made PDFs of tests/fuzz_regressions/ingest/pdf-panic-*.pdf (issue 15).

The ingest fuzzer found places where the PDF libraries (pdf-extract 0.12.1, adobe-cmap-parser
0.4.1) panic on damaged PDFs. Its inputs were mutated corpus PDFs, which are not committed; each
case here is a small PDF written from scratch that reaches the same panic (file and line in the
case's name), which resdiff's reader turns into an error naming the file. `cargo test --test
fuzz_replay` replays them and checks the panic site of each.

Every case is the same one-page document (catalog, page tree, page, font, content stream) with
one thing broken. The xref table is always correct, so lopdf loads the file and the panic
happens where it should, not in the loader.

Usage: scripts/pdf-panic-cases.py [--check]   (from the repository root; --check compares
instead of writing)
"""
import os
import sys

OUT = os.path.join("tests", "fuzz_regressions", "ingest")

PAGE = ("<< /Type /Page /Parent 2 0 R {media} /Resources {resources} /Contents 5 0 R{extra} >>")
MEDIA = "/MediaBox [0 0 612 792]"
RESOURCES = "<< /Font << /F1 4 0 R >> >>"
FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
TEXT = "BT /F1 12 Tf 72 720 Td (The General Assembly,) Tj ET\n"


def pdf(content=TEXT, font=FONT, media=MEDIA, resources=RESOURCES, page_extra="", more=()):
    """A one-page PDF with a correct xref table: objects 1-5 (catalog, pages, page, font,
    content stream) and `more` objects from 6 on (each a string: a body, or a
    (dictionary, stream data) pair)."""
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        PAGE.format(media=media, resources=resources, extra=page_extra),
        font,
        f"<< /Length {len(content)} >>\nstream\n{content}endstream",
    ]
    for o in more:
        if isinstance(o, tuple):
            d, data = o
            objs.append(f"<< {d} /Length {len(data)} >>\nstream\n{data}endstream")
        else:
            objs.append(o)
    out = "%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out.encode("latin-1")))
        out += f"{i} 0 obj\n{o}\nendobj\n"
    xref = len(out.encode("latin-1"))
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n"
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode("latin-1")


def type0(encoding="/Identity-H", extra=""):
    """A Type0 font (object 4) with its CID font as object 6."""
    return (f"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding {encoding} "
            f"/DescendantFonts [6 0 R]{extra} >>")


CID_FONT = ("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo "
            "<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R "
            "/DW 500 >>")
DESCRIPTOR = "<< /Type /FontDescriptor /FontName /X /Flags 4 >>"
# A simple font whose ToUnicode CMap is object 6.
TO_UNICODE = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>"

# name (without .pdf) -> bytes. The name says the site: pdf-panic-LINE-what for pdf-extract's
# src/lib.rs, pdf-panic-cmap-LINE-what for adobe-cmap-parser's src/lib.rs.
CASES = {
    # The first seven, as committed before this script (it writes them identically).
    "pdf-panic-177-missing-reference": pdf(
        font="<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding 99 0 R >>"),
    "pdf-panic-1623-cm-operands": pdf(content="1 0 0 cm\n" + TEXT),
    "pdf-panic-1237-not-a-number": pdf(content="BT /F1 12 Tf (a) 720 Td (x) Tj ET\n"),
    "pdf-panic-1711-tf-name": pdf(content="BT 12 12 Tf 72 720 Td (x) Tj ET\n"),
    "pdf-panic-2413-no-mediabox": pdf(media=""),
    "pdf-panic-965-unsupported-cmap": pdf(
        font="<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 42 >>"),
    "pdf-panic-974-no-descendants": pdf(
        font="<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H >>"),
    # The other sites the second campaign (2 December 2026) found, each case reaching the line
    # and column the fuzzer's input did.
    # pdf-extract: a required entry whose value has the wrong type (`get`, line 204).
    "pdf-panic-204-font-resources-not-a-dictionary": pdf(resources="<< /Font 7 >>"),
    # An array element of the wrong type (line 213).
    "pdf-panic-213-mediabox-string": pdf(media="/MediaBox [0 0 612 (792)]"),
    # A font without /Subtype (line 286, `get_name_string`).
    "pdf-panic-286-font-without-subtype": pdf(font="<< /Type /Font /BaseFont /Helvetica >>"),
    "pdf-panic-359-unknown-encoding": pdf(
        font="<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /Foo >>"),
    # /Widths shorter than /FirstChar../LastChar says.
    "pdf-panic-584-widths-count": pdf(
        font="<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 40 "
             "/Widths [278 278] >>"),
    "pdf-panic-975-type0-descendant-not-a-dictionary": pdf(font=type0().replace("[6 0 R]", "[5]")),
    "pdf-panic-976-type0-without-encoding": pdf(
        font="<< /Type /Font /Subtype /Type0 /BaseFont /X /DescendantFonts [6 0 R] >>",
        more=[CID_FONT, DESCRIPTOR]),
    "pdf-panic-986-type0-unknown-encoding": pdf(font=type0("/Foo"), more=[CID_FONT, DESCRIPTOR]),
    "pdf-panic-1006-cid-font-without-descriptor": pdf(
        font=type0(), more=[CID_FONT.replace(" /FontDescriptor 7 0 R", ""), DESCRIPTOR]),
    # A ToUnicode CMap adobe-cmap-parser reads but rejects (an unwrap on its error).
    "pdf-panic-929-cmap-error": pdf(font=TO_UNICODE, more=[("", "1 beginbfchar\n<54> /T\n")]),
    "pdf-panic-1008-cid-descriptor-not-a-dictionary": pdf(
        font=type0(), more=[CID_FONT.replace("/FontDescriptor 7 0 R", "/FontDescriptor 5"),
                            DESCRIPTOR]),
    # A CID font's /W array ending after a first code.
    "pdf-panic-1016-cid-widths-cut-short": pdf(
        font=type0(), more=[CID_FONT.replace("/DW 500", "/W [1]"), DESCRIPTOR]),
    "pdf-panic-1026-cid-widths-range-start": pdf(
        font=type0(), more=[CID_FONT.replace("/DW 500", "/W [/a 2 3]"), DESCRIPTOR]),
    # Text shown before any Tf.
    "pdf-panic-1281-text-without-font": pdf(content="BT 72 720 Td (The General Assembly,) Tj ET\n"),
    # An ExtGState whose /Type is not /ExtGState.
    "pdf-panic-1356-extgstate-type": pdf(
        content="/G1 gs\n" + TEXT,
        resources="<< /Font << /F1 4 0 R >> /ExtGState << /G1 << /Type /Font >> >> >>"),
    "pdf-panic-1694-tj-operand-not-a-string": pdf(content="BT /F1 12 Tf 72 720 Td 1 Tj ET\n"),
    # Operators with too few operands (an index past the end of the operands).
    "pdf-panic-1704-tz-without-operand": pdf(content="BT /F1 12 Tf Tz 72 720 Td (x) Tj ET\n"),
    "pdf-panic-1731-tm-operands": pdf(
        content="BT /F1 12 Tf 1 0 0 1 72 Tm (The General Assembly,) Tj ET\n"),
    "pdf-panic-1747-td-one-operand": pdf(
        content="BT /F1 12 Tf 72 Td (The General Assembly,) Tj ET\n"),
    "pdf-panic-1801-m-one-operand": pdf(content="1 m\n" + TEXT),
    "pdf-panic-1802-l-no-operands": pdf(content="0 0 m l\n" + TEXT),
    "pdf-panic-1805-c-no-operands": pdf(content="0 0 m c\n" + TEXT),
    "pdf-panic-1808-c-three-operands": pdf(content="0 0 m 1 2 3 c\n" + TEXT),
    "pdf-panic-1833-re-no-operands": pdf(content="re\n" + TEXT),
    "pdf-panic-1834-re-one-operand": pdf(content="0 re\n" + TEXT),
    "pdf-panic-1835-re-two-operands": pdf(content="0 0 re\n" + TEXT),
    "pdf-panic-1836-re-three-operands": pdf(content="0 0 612 re\n" + TEXT),
    # Do on an operand that is not a name.
    "pdf-panic-1864-do-operand-not-a-name": pdf(
        content="1 Do\n" + TEXT, resources="<< /Font << /F1 4 0 R >> /XObject << >> >>"),
    # adobe-cmap-parser, on the ToUnicode CMap of a simple font.
    "pdf-panic-cmap-169-unparsable-cmap": pdf(font=TO_UNICODE, more=[("", "<<<< (\n")]),
    "pdf-panic-cmap-181-bfchar-without-codes": pdf(font=TO_UNICODE, more=[("", "1 beginbfchar\n")]),
    "pdf-panic-cmap-182-bfchar-without-unicode": pdf(
        font=TO_UNICODE, more=[("", "1 beginbfchar\n<54>\n")]),
    "pdf-panic-cmap-193-bfrange-empty": pdf(font=TO_UNICODE, more=[("", "1 beginbfrange\n")]),
    "pdf-panic-cmap-194-bfrange-without-upper-code": pdf(
        font=TO_UNICODE, more=[("", "1 beginbfrange\n<20>\n")]),
    "pdf-panic-cmap-195-bfrange-without-target": pdf(
        font=TO_UNICODE, more=[("", "1 beginbfrange\n<20> <7E>\n")]),
}


def main():
    check = "--check" in sys.argv[1:]
    bad = 0
    for name, data in CASES.items():
        path = os.path.join(OUT, name + ".pdf")
        if check:
            try:
                with open(path, "rb") as f:
                    same = f.read() == data
            except FileNotFoundError:
                same = False
            if not same:
                print(f"differs: {path}")
                bad += 1
        else:
            with open(path, "wb") as f:
                f.write(data)
    if check:
        print(f"{len(CASES) - bad} of {len(CASES)} cases as written")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

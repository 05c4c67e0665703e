#!/usr/bin/env bash
# Seed corpora for the fuzz targets in fuzz/ (issue 15), written to fuzz/corpus/TARGET/.
#
# Sources: sample_data/, the DOCX test files in tests/data/, a fixed sample of the shared corpus
# (RESDIFF_CORPUS, default ../shared/corpus: 30 texts, the 6 smallest PDFs, 20 series pairs) and a
# few files made here (a minimal PDF with an uncompressed text stream, HTML pages in UTF-8 and
# windows-1252, UTF-16 text), and the kept regression cases of tests/fuzz_regressions/. fuzz/corpus/
# is not committed: it holds copies of corpus documents.
#
# Usage: scripts/fuzz-seeds.sh        (from the repository root; rerun at will, it starts afresh)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${RESDIFF_CORPUS:-../shared/corpus}"
out=fuzz/corpus
rm -rf "$out"
mkdir -p "$out"/{ingest,parse,compare,report}

python3 - "$corpus" "$out" <<'PY'
import os, sys, zipfile, hashlib

corpus, out = sys.argv[1], sys.argv[2]

def put(target, data, name=None):
    if isinstance(data, str):
        data = data.encode("utf-8")
    name = name or hashlib.sha1(data).hexdigest()
    with open(os.path.join(out, target, name), "wb") as f:
        f.write(data)

def read(p):
    with open(p, "rb") as f:
        return f.read()

samples = [read(os.path.join("sample_data", n)) for n in sorted(os.listdir("sample_data"))
           if n.endswith(".txt")]
texts = []
text_dir = os.path.join(corpus, "text")
if os.path.isdir(text_dir):
    names = sorted(os.listdir(text_dir))
    step = max(1, len(names) // 30)
    texts = [read(os.path.join(text_dir, n)) for n in names[::step][:30]]
else:
    print(f"fuzz-seeds: no corpus at {corpus}; seeding from sample_data and tests only")

# ingest: text files as they are, and in other encodings.
for t in samples + texts:
    put("ingest", t)
first = samples[0].decode("utf-8")
put("ingest", b"\xff\xfe" + first[:4000].encode("utf-16-le"))
put("ingest", first[:4000].encode("utf-16-be"))
put("ingest", first[:4000].replace("\u2019", "'").encode("cp1252", "replace"))

# ingest: DOCX test files, whole, and their XML parts in the target's NUL-separated layout
# (document, numbering, styles, footnotes) for the stored package the target builds.
for n in sorted(os.listdir(os.path.join("tests", "data"))):
    if not n.endswith(".docx"):
        continue
    raw = read(os.path.join("tests", "data", n))
    put("ingest", raw)
    z = zipfile.ZipFile(os.path.join("tests", "data", n))
    parts = []
    for member in ["word/document.xml", "word/numbering.xml", "word/styles.xml",
                   "word/footnotes.xml"]:
        parts.append(z.read(member) if member in z.namelist() else b"")
    put("ingest", b"\0".join(parts))
put("ingest", b"\0".join([
    b'<w:document xmlns:w="w"><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>'
    b'</w:numPr></w:pPr><w:r><w:t>Decides to remain seized of the matter;</w:t></w:r>'
    b'<w:r><w:footnoteReference w:id="2"/></w:r><w:del><w:r><w:delText>old</w:delText></w:r></w:del>'
    b'<w:ins><w:r><w:t xml:space="preserve"> new &amp; &#x2019;</w:t></w:r></w:ins></w:p></w:body></w:document>',
    b'<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    b'<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    b'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>',
    b'<w:styles xmlns:w="w"><w:style w:styleId="List"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr>'
    b'</w:pPr></w:style></w:styles>',
    b'<w:footnotes xmlns:w="w"><w:footnote w:id="2"><w:p><w:r><w:t>A/RES/65/141.</w:t></w:r></w:p>'
    b'</w:footnote></w:footnotes>',
]))

# ingest: PDFs (the smallest of the corpus) and a minimal hand-made one.
pdf_dir = os.path.join(corpus, "pdf")
if os.path.isdir(pdf_dir):
    pdfs = sorted((os.path.getsize(os.path.join(pdf_dir, n)), n) for n in os.listdir(pdf_dir))
    for _, n in pdfs[:6]:
        put("ingest", read(os.path.join(pdf_dir, n)))

def minimal_pdf(lines):
    content = "BT /F1 11 Tf 72 720 Td 14 TL\n" + "".join(
        "(" + l.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*\n"
        for l in lines) + "ET\n"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        f"<< /Length {len(content)} >>\nstream\n{content}endstream",
    ]
    pdf = "%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(pdf))
        pdf += f"{i} 0 obj\n{o}\nendobj\n"
    xref = len(pdf)
    pdf += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n"
    pdf += "".join(f"{o:010d} 00000 n \n" for o in offsets)
    pdf += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return pdf.encode("latin-1")

put("ingest", minimal_pdf([l for l in first.splitlines() if l.strip()][:40]))

# ingest: HTML pages.
paras = [l for l in first.splitlines() if l.strip()][:60]
body = "".join(f"<p>{l.replace('&', '&amp;').replace('<', '&lt;')}</p>\n" for l in paras)
put("ingest", "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>A/RES/65/141</title>"
    "<style>p{margin:0}</style><script>var x = '<p>';</script></head><body>\n" + body +
    "<table><tr><td>1.</td><td>Decides&nbsp;to&#160;remain seized;</td></tr></table><br><ol><li>one</li></ol>"
    "</body></html>\n")
put("ingest", ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
    "</head><body><div>" + "<br>".join(paras[:20]) + "</div></body></html>").replace("\u2019", "'")
    .encode("cp1252", "replace"))

# parse: the texts.
for t in samples + texts:
    put("parse", t)

# compare and report: real pairs (old NUL new); report with an option byte first and only
# pairs up to 120 kB so that one run stays fast.
pairs = [(samples[0], samples[1])] if len(samples) >= 2 else []
series = os.path.join(corpus, "series.tsv")
if os.path.isfile(series):
    rows = [l.rstrip("\n").split("\t") for l in open(series, encoding="utf-8")][1:]
    for row in rows[::8][:20]:
        syms = row[1].split()
        if len(syms) < 2:
            continue
        files = [os.path.join(text_dir, s.replace("/", "_") + ".txt") for s in syms[:2]]
        if all(os.path.isfile(f) for f in files):
            pairs.append((read(files[0]), read(files[1])))
for i, (a, b) in enumerate(pairs):
    put("compare", a + b"\0" + b)
    if len(a) + len(b) < 120_000:
        put("report", bytes([i * 37 % 256]) + a + b"\0" + b)
put("report", b"\0" + first[:3000].encode() + b"\0" + first[:3000].replace("Recalling", "Recalling also").encode())
put("compare", b"1. Decides;\n\0001. Decides also;\n")
PY

# Every kept regression case seeds its target again (hand-made files, see
# tests/fuzz_regressions/README.md).
for t in ingest parse compare report; do
    if [ -d "tests/fuzz_regressions/$t" ]; then
        find "tests/fuzz_regressions/$t" -type f ! -name README.md -exec cp {} "$out/$t/" \;
    fi
done

for t in ingest parse compare report; do
    printf '%-8s %4d files, %8d bytes\n' "$t" "$(ls "$out/$t" | wc -l)" "$(cat "$out/$t"/* | wc -c)"
done

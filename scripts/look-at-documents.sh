#!/usr/bin/env bash
# Writes the examples' documents and a 新旧対照表 as .docx (the native tests, WRITE_DOCUMENTS=1),
# opens each in LibreOffice headless (converted to PDF: a file LibreOffice cannot read fails
# here), and turns their pages into PNGs to look at: target/documents/<name>-<page>.png.
# A one-off check by eye, not a test phase: it needs soffice and pdftoppm (poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/documents
WRITE_DOCUMENTS=1 cargo test --lib format::document -- --quiet
for docx in "$out"/*.docx; do
  name=$(basename "$docx" .docx)
  soffice --headless --convert-to pdf --outdir "$out" "$docx" >/dev/null
  test -s "$out/$name.pdf" || { echo "LibreOffice made no PDF of $docx" >&2; exit 1; }
  pdftoppm -png -r 70 "$out/$name.pdf" "$out/$name"
  echo "$name: $(ls "$out/$name"-*.png | wc -l) page(s)"
done

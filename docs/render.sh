#!/usr/bin/env bash
# Renders the demo's papers to PDF and PNG for a person to look at, with LibreOffice where it is installed
# (Debian: apt-get install -y libreoffice-writer-nogui poppler-utils). The tests do not need it: they read the
# documents' XML.
#   docs/render.sh [OUT]      papers in OUT (default: target/papers), a PNG of each page beside each PDF
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-target/papers}
for tool in soffice pdftoppm; do
    command -v "$tool" >/dev/null 2>&1 || { echo "render: $tool is missing (apt-get install -y libreoffice-writer-nogui poppler-utils)" >&2; exit 2; }
done
cargo build -q --release
mkdir -p "$OUT"
./target/release/thidua -q -f "$OUT/demo.db" demo --yes --docs "$OUT" >/dev/null
(cd "$OUT" && soffice --headless --convert-to pdf ./*.docx >/dev/null 2>&1)
for pdf in "$OUT"/*.pdf; do
    pdftoppm -png -r 60 "$pdf" "${pdf%.pdf}"
done
ls "$OUT"

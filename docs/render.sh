#!/usr/bin/env bash
# Renders the papers to PDF and PNG for a person to look at, with LibreOffice where it is installed (Debian: apt-get
# install -y libreoffice-writer-nogui poppler-utils). The tests do not need it: they read the documents' XML.
#   docs/render.sh [OUT]   the demo's papers in OUT (default: target/papers), the papers of the README's walkthrough
#                          year (its commands run as written, then the annual review, a person's
#                          achievement report and a draft decision) in OUT/walkthrough; a PNG of
#                          each page beside each PDF, and `validate-docx` on every .docx when ../shared has it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${1:-target/papers}
for tool in soffice pdftoppm; do
    command -v "$tool" >/dev/null 2>&1 || { echo "render: $tool is missing (apt-get install -y libreoffice-writer-nogui poppler-utils)" >&2; exit 2; }
done
cargo build -q --release
BIN=$ROOT/target/release/thidua
rm -rf "$OUT" && mkdir -p "$OUT/walkthrough"
OUT=$(cd "$OUT" && pwd)
"$BIN" -q -f "$OUT/demo.db" demo --yes --docs "$OUT" >/dev/null

# The walkthrough: the README's ```sh blocks after the first, in one shell, `thidua` the binary just built.
(
    cd "$OUT/walkthrough"
    ln -s "$ROOT/examples" examples
    {
        echo "set -eu; thidua() { '$BIN' \"\$@\"; }"
        awk '/^```sh$/{n++; on=1; next} /^```$/{on=0} on && n>1 && !/^alias /' "$ROOT/README.md"
        echo "thidua doc review annual -o tong-ket.docx"
        echo "thidua doc achievements --person 'Trần Thị Yến Phương' -o bc-ca-nhan.docx"
        echo "thidua proposal send 1 --memo 15/TTr-KTĐ --date 22/12/2020 --force --reason 'Minh họa' 2>/dev/null && thidua doc decision 1 -o quyet-dinh.docx"
    } >walkthrough.sh
    bash walkthrough.sh >/dev/null 2>walkthrough.log || { echo "render: the walkthrough failed, see $OUT/walkthrough/walkthrough.log" >&2; exit 1; }
)

for dir in "$OUT" "$OUT/walkthrough"; do
    (cd "$dir" && soffice --headless --convert-to pdf ./*.docx >/dev/null 2>&1)
    for pdf in "$dir"/*.pdf; do
        pdftoppm -png -r 60 "$pdf" "${pdf%.pdf}"
        echo "$(basename "$pdf"): $(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages/{print $2}') pages"
    done
done
if [ -x ../shared/ooxml/validate-docx ] && command -v xmllint >/dev/null 2>&1; then
    ../shared/ooxml/validate-docx "$OUT"/*.docx "$OUT"/walkthrough/*.docx | grep -v ': 0 violations' || true
fi
echo "render: pages in $OUT"

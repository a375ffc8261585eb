#!/usr/bin/env bash
# Doubling check of issue 20: the people, registration and award imports at 250,000, 500,000 and 1,000,000 people
# (units named by name on about 2% of rows, as the synthetic data does; as many registrations, a quarter as many
# awards over one decision per hundred awards), each into a fresh file holding its units. Doubling the rows should
# at most double the time. Needs GNU time (Debian: apt-get install time). Data in bench/scale-data.
#   bench/scale.sh [N ...]    default 250000 500000 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { echo "scale: GNU time is missing (apt-get install time)" >&2; exit 2; }
cargo build --release --quiet --bin thidua --example synth
BIN="$PWD/target/release/thidua"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(250000 500000 1000000)
printf '%-10s %-14s %9s %8s %10s %9s\n' people import rows seconds rows/s "peak MiB"
declare -A prev
# run N WHAT ROWS COMMAND...: one timed import, against the same import at the size before.
run() {
    local n="$1" what="$2" rows="$3"; shift 3
    local log; log=$(mktemp)
    /usr/bin/time -f "%e %M" "$@" 2>"$log" >/dev/null
    read -r secs kb < <(tail -1 "$log"); rm -f "$log"
    printf '%-10s %-14s %9s %8s %10.0f %9.0f' "$n" "$what" "$rows" "$secs" "$(echo "$rows / $secs" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
    [ -z "${prev[$what]:-}" ] || printf '   ×%.2f the time of the size before' "$(echo "$secs / ${prev[$what]}" | bc -l)"
    printf '\n'
    prev[$what]=$secs
}
for n in "${SIZES[@]}"; do
    d="bench/scale-data/$n"
    rm -rf "$d"; mkdir -p "$d"
    ./target/release/examples/synth --people "$n" --out "$d" 2>/dev/null
    t() { "$BIN" -q -f "$d/s.db" "$@"; }
    t init --year 2020 --bloc "Khối thi đua (benchmark)"
    t unit import "$d/units.csv"
    run "$n" people "$(($(wc -l < "$d/people.csv") - 1))" "$BIN" -q -f "$d/s.db" person import "$d/people.csv"
    t campaign add PT2020 --name "Phong trào thi đua năm 2020" --kind regular
    t campaign launch PT2020 --date 15/02/2020
    run "$n" registrations "$(($(wc -l < "$d/registrations.csv") - 1))" \
        "$BIN" -q -f "$d/s.db" register import "$d/registrations.csv"
    run "$n" awards "$(($(wc -l < "$d/awards.csv") - 1))" "$BIN" -q -f "$d/s.db" award import "$d/awards.csv"
    rm -rf "$d"
done

#!/usr/bin/env bash
# Doubling check of issue 20: the people import at 250,000, 500,000 and 1,000,000 people (units named by name on
# about 2% of rows, as the synthetic data does), each into a fresh file holding its units. Doubling the rows should
# at most double the time. Needs GNU time (Debian: apt-get install time). Data in bench/scale-data.
#   bench/scale.sh [N ...]    default 250000 500000 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { echo "scale: GNU time is missing (apt-get install time)" >&2; exit 2; }
cargo build --release --quiet --bin thidua --example synth
BIN="$PWD/target/release/thidua"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(250000 500000 1000000)
printf '%-10s %8s %10s %9s\n' people seconds rows/s "peak MiB"
prev=""
for n in "${SIZES[@]}"; do
    d="bench/scale-data/$n"
    rm -rf "$d"; mkdir -p "$d"
    ./target/release/examples/synth --people "$n" --out "$d" 2>/dev/null
    "$BIN" -q -f "$d/s.db" init --year 2020 --bloc "Khối thi đua (benchmark)"
    "$BIN" -q -f "$d/s.db" unit import "$d/units.csv"
    log=$(mktemp)
    /usr/bin/time -f "%e %M" "$BIN" -q -f "$d/s.db" person import "$d/people.csv" 2>"$log"
    read -r secs kb < <(tail -1 "$log"); rm -f "$log"
    printf '%-10s %8s %10.0f %9.0f' "$n" "$secs" "$(echo "$n / $secs" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
    [ -z "$prev" ] || printf '   ×%.2f the time of the size before' "$(echo "$secs / $prev" | bc -l)"
    printf '\n'
    prev=$secs
    rm -rf "$d"
done

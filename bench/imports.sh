#!/usr/bin/env bash
# The imports against what a user would pick instead (issue 35 item 2): each of the people, registration, award
# and rating imports beside the sqlite3 shell's .import of the same CSV into a plain table, and beside pandas
# (read_csv + to_sql, what a data clerk would write), on two shapes of data:
#   synth       the project's synthetic file: 20,000 units for a million people, rows unit by unit
#   scattered   2,000 units with long names, each person's unit drawn at random (rows in no unit order; about 2% of
#               rows name their unit by name in both)
# Three rounds, the three tools in turn within each round; the medians of wall time, CPU time (user + system of
# all threads: what a loaded machine cannot bend) and peak memory.
#   bench/imports.sh [N]      N people (default 1000000); data in bench/imports-data
# Needs the sqlite3 shell and GNU time (Debian: apt-get install sqlite3 time). pandas: the system's python3 if it
# has it, else a venv in bench/.venv installed from the package registry (python3-venv); without it that column
# is left empty.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000000}"
ROUNDS="${ROUNDS:-3}"
for tool in sqlite3 /usr/bin/time python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "imports: $tool is missing (Debian: apt-get install sqlite3 time python3)" >&2; exit 2; }
done
PY=""
if python3 -c 'import pandas' 2>/dev/null; then
    PY=python3
elif [ -x bench/.venv/bin/python ] && bench/.venv/bin/python -c 'import pandas' 2>/dev/null; then
    PY=bench/.venv/bin/python
elif python3 -m venv bench/.venv >/dev/null 2>&1 && bench/.venv/bin/pip install -q pandas >/dev/null 2>&1; then
    PY=bench/.venv/bin/python
else
    echo "imports: pandas could not be installed (python3-venv and the package registry); its column is left empty" >&2
fi

cargo build --release --quiet --bin thidua --example synth
BIN="$PWD/target/release/thidua"
ROOT="bench/imports-data"
rm -rf "$ROOT"
mkdir -p "$ROOT"
cat > "$ROOT/pandas_load.py" <<'EOF'
import sys, sqlite3, pandas as pd
csv, db, table, sep = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
df = pd.read_csv(csv, sep=sep, dtype=str, encoding='utf-8-sig')
con = sqlite3.connect(db)
df.to_sql(table, con, if_exists='append', index=False)
con.commit()
EOF

# timed OUT COMMAND...: appends "wall cpu kb" of one run to OUT. The files written before it are flushed first:
# a command run while the kernel writes back the last one's hundreds of megabytes pays for them (a writer over the
# dirty limit writes back in its own time: the first import after the data is made took 20% more CPU).
timed() {
    local out="$1"; shift
    local log; log=$(mktemp)
    sync
    /usr/bin/time -f "%e %U %S %M" "$@" >/dev/null 2>"$log" || { echo "imports: '$*' failed:" >&2; tail -5 "$log" >&2; exit 1; }
    tail -1 "$log" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' >> "$out"
    rm -f "$log"
}
# median FILE COLUMN
median() { awk -v c="$2" '{ print $c }' "$1" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '\nthidua imports against sqlite3 .import and pandas: %s people, %s cores, %s, medians of %s rounds\n' \
    "$N" "$(nproc)" "$(date -u +%Y-%m-%d)" "$ROUNDS"
printf '| %-9s | %-13s | %8s | %-22s | %-13s | %-22s | %-9s | %-14s |\n' shape import rows \
    "thidua wall/CPU/MiB" "sqlite3 w/CPU" "pandas wall/CPU/MiB" "CPU ratio" "vs pandas wall"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' ----------- --------------- ---------- ------------------------ \
    --------------- ------------------------ ----------- ----------------
for shape in synth scattered; do
    d="$ROOT/$shape"
    mkdir -p "$d"
    case "$shape" in
        synth) ./target/release/examples/synth --people "$N" --out "$d" 2>/dev/null ;;
        scattered) ./target/release/examples/synth --people "$N" --units 2000 --scatter --out "$d" 2>/dev/null ;;
    esac
    # The file each import starts from: the units (people); the units, people and the year's campaign (the rest).
    "$BIN" -q -f "$d/units.db" init --year 2020 --bloc "Khối thi đua (benchmark)" --province "Tây Ninh"
    "$BIN" -q -f "$d/units.db" unit import "$d/units.csv"
    cp "$d/units.db" "$d/people.db"
    "$BIN" -q -f "$d/people.db" person import "$d/people.csv"
    "$BIN" -q -f "$d/people.db" campaign add PT2020 --name "Phong trào thi đua năm 2020" --kind regular
    "$BIN" -q -f "$d/people.db" campaign launch PT2020 --date 15/02/2020
    for what in people registrations awards ratings; do
        case "$what" in
            people) cmd=(person import); base=units.db; sep=, ;;
            registrations) cmd=(register import); base=people.db; sep=';' ;;
            awards) cmd=(award import); base=people.db; sep=, ;;
            ratings) cmd=(rating import); base=people.db; sep=, ;;
        esac
        csv="$d/$what.csv"
        cols=$(head -1 "$csv" | sed 's/^\xEF\xBB\xBF//' | tr "$sep" '\n' | awk '{ printf "%s\"%s\" TEXT", (NR > 1 ? ", " : ""), $0 }')
        rm -f "$d"/t-*.txt
        for _ in $(seq "$ROUNDS"); do
            cp "$d/$base" "$d/run.db"
            timed "$d/t-thidua.txt" "$BIN" -q -f "$d/run.db" "${cmd[@]}" "$csv"
            rm -f "$d/ref.db"
            sqlite3 "$d/ref.db" "CREATE TABLE t ($cols);"
            timed "$d/t-sqlite.txt" sqlite3 "$d/ref.db" ".mode csv" ".separator $sep" ".import --skip 1 $csv t"
            if [ -n "$PY" ]; then
                rm -f "$d/pd.db"
                timed "$d/t-pandas.txt" "$PY" "$ROOT/pandas_load.py" "$csv" "$d/pd.db" t "$sep"
            fi
        done
        rows=$(($(wc -l < "$csv") - 1))
        tw=$(median "$d/t-thidua.txt" 1); tc=$(median "$d/t-thidua.txt" 2); tm=$(median "$d/t-thidua.txt" 3)
        sw=$(median "$d/t-sqlite.txt" 1); sc=$(median "$d/t-sqlite.txt" 2)
        pd="-" vs="-"
        if [ -n "$PY" ]; then
            pw=$(median "$d/t-pandas.txt" 1); pc=$(median "$d/t-pandas.txt" 2); pm=$(median "$d/t-pandas.txt" 3)
            pd="$pw / $pc / $((pm / 1024))"
            vs=$(awk -v t="$tw" -v p="$pw" 'BEGIN { printf "%s %.2fx", (t < p ? "faster" : "SLOWER"), p / t }')
        fi
        ratio=$(awk -v s="$sc" -v t="$tc" 'BEGIN { printf "%.2f%s", s / t, (s / t >= 0.3 ? "" : " <0.3") }')
        printf '| %-9s | %-13s | %8s | %-22s | %-13s | %-22s | %-9s | %-14s |\n' "$shape" "$what" "$rows" \
            "$tw / $tc / $((tm / 1024))" "$sw / $sc" "$pd" "$ratio" "$vs"
    done
    rm -f "$d"/*.db
done

#!/usr/bin/env bash
# The benchmark of issue 9: imports and reports at national scale, against the sqlite3 shell's .import.
#   bench/run.sh [N]        N people (default 1000000); data in bench/data-N, the file bench/data-N/bench.db
# Needs the sqlite3 shell and GNU time (Debian: apt-get install sqlite3 time). Prints one table.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000000}"
for tool in sqlite3 /usr/bin/time; do
    command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool is missing (Debian: apt-get install sqlite3 time)" >&2; exit 2; }
done

cargo build --release --quiet --bin thidua --example synth --example xlsx_floor
BIN="$PWD/target/release/thidua"
DATA="bench/data-$N"
DB="$DATA/bench.db"
rm -rf "$DATA"
mkdir -p "$DATA"
./target/release/examples/synth --people "$N" --out "$DATA" 2>/dev/null

rows() { local n; n=$(wc -l < "$1"); echo $((n - 1)); }
RESULTS=()
# measure NAME ROWS COMMAND...: wall seconds and peak memory from GNU time.
measure() {
    local name="$1" rows="$2"; shift 2
    local log; log=$(mktemp)
    # The last command's writes flushed first, so that this one does not pay for them (bench/imports.sh).
    sync
    /usr/bin/time -v "$@" >/dev/null 2>"$log" || { echo "bench: '$name' failed:" >&2; tail -5 "$log" >&2; exit 1; }
    local secs kb
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$log")
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    RESULTS+=("$name|$rows|$secs|$kb")
    rm -f "$log"
}

t() { "$BIN" -q -f "$DB" "$@"; }
measure "init" 0 "$BIN" -q -f "$DB" init --year 2020 --bloc "Khối thi đua (benchmark)" --province "Tây Ninh"
measure "import units" "$(rows "$DATA/units.csv")" "$BIN" -q -f "$DB" unit import "$DATA/units.csv"
measure "import people" "$(rows "$DATA/people.csv")" "$BIN" -q -f "$DB" person import "$DATA/people.csv"
# SQLite's own floor for the same rows: a table of the file just written, copied by INSERT … SELECT into the same
# schema without triggers (foreign keys off, as the shell has them), its indexes built after, in one transaction.
# No program writing these rows through SQLite does less work than this.
floor() {
    local table="$1" rows="$2" f="$DATA/floor-$1.db"
    rm -f "$f"
    sqlite3 "$DB" "SELECT sql || ';' FROM sqlite_schema WHERE type = 'table' AND name = '$table'" | sqlite3 "$f"
    local indexes
    indexes=$(sqlite3 "$DB" "SELECT sql || ';' FROM sqlite_schema WHERE type = 'index' AND tbl_name = '$table' AND sql IS NOT NULL" | tr '\n' ' ')
    measure "sqlite3 floor, $table" "$rows" sqlite3 "$f" \
        "PRAGMA cache_size = -16384; PRAGMA temp_store = FILE; PRAGMA threads = 2; ATTACH '$DB' AS t; BEGIN;
         INSERT INTO main.\"$table\" SELECT * FROM t.\"$table\"; $indexes COMMIT;"
    rm -f "$f"
}
floor person "$(rows "$DATA/people.csv")"
t campaign add PT2020 --name "Phong trào thi đua năm 2020" --kind regular
t campaign launch PT2020 --date 15/02/2020
measure "import registrations" "$(rows "$DATA/registrations.csv")" "$BIN" -q -f "$DB" register import "$DATA/registrations.csv"
floor registration "$(rows "$DATA/registrations.csv")"
t pledge sign --all --date 27/02/2020
measure "import pledge" "$(rows "$DATA/pledge.csv")" "$BIN" -q -f "$DB" pledge import "$DATA/pledge.csv"
t score criteria import "$DATA/criteria.csv"
measure "import scores" "$(rows "$DATA/scores.csv")" "$BIN" -q -f "$DB" score import "$DATA/scores.csv"
measure "import awards" "$(rows "$DATA/awards.csv")" "$BIN" -q -f "$DB" award import "$DATA/awards.csv"
floor award "$(rows "$DATA/awards.csv")"
for r in midyear annual registrations awards ranking; do
    measure "report $r" 0 "$BIN" -q -f "$DB" report "$r" --format csv
done
# Who qualifies (issue 15): the year's ratings, then every registration judged in one pass, and one person.
measure "import ratings" "$(rows "$DATA/ratings.csv")" "$BIN" -q -f "$DB" rating import "$DATA/ratings.csv"
measure "eligible, summary" "$(rows "$DATA/registrations.csv")" "$BIN" -q -f "$DB" eligible --table summary --format csv
measure "eligible, conditions" "$(rows "$DATA/registrations.csv")" "$BIN" -q -f "$DB" eligible --table conditions --format csv
measure "eligible, one person" 0 "$BIN" -q -f "$DB" eligible --person P0000042
measure "register check" "$(rows "$DATA/registrations.csv")" "$BIN" -q -f "$DB" register check --format csv
# The same two in Vietnamese, as a secretary reads them (terminal table): within 1.2x of English (issue 32).
measure "register check, table, en" "$(rows "$DATA/registrations.csv")" "$BIN" -q -f "$DB" --lang en register check
measure "register check, table, vi" "$(rows "$DATA/registrations.csv")" "$BIN" -q -f "$DB" --lang vi register check
measure "eligible conditions, table, en" "$(rows "$DATA/registrations.csv")" "$BIN" -q -f "$DB" --lang en eligible --table conditions
measure "eligible conditions, table, vi" "$(rows "$DATA/registrations.csv")" "$BIN" -q -f "$DB" --lang vi eligible --table conditions
measure "info" 0 "$BIN" -q -f "$DB" info
measure "unit show" 0 "$BIN" -q -f "$DB" unit show U00003
measure "person show" 0 "$BIN" -q -f "$DB" person show P0000042
measure "score set" 0 "$BIN" -q -f "$DB" score set U00001 A1 --assessed 35
measure "db check" 0 "$BIN" -q -f "$DB" db check
rm -rf "$DATA/export"
measure "export" 0 "$BIN" -q -f "$DB" export "$DATA/export"
measure "import FOLDER (the export)" 0 "$BIN" -q -f "$DATA/rebuilt.db" import "$DATA/export"
rm -rf "$DATA/export" "$DATA/rebuilt.db"
# Long lists as a person reads them, a block of rows at a time (laid out whole, a million people took 3.9 GB).
measure "person list, terminal table" "$(rows "$DATA/people.csv")" "$BIN" -q -f "$DB" person list
measure "unit list, terminal table" "$(rows "$DATA/units.csv")" "$BIN" -q -f "$DB" unit list
measure "rating list, terminal table" "$(rows "$DATA/ratings.csv")" "$BIN" -q -f "$DB" rating list
# Spreadsheets: the whole people list written as a workbook (constant-memory writer), and 100,000 people read
# from a workbook against the same rows as CSV, each into a fresh file holding the units.
measure "person list -> xlsx" "$(rows "$DATA/people.csv")" "$BIN" -q -f "$DB" person list -o "$DATA/people.xlsx"
# Its floor: rust_xlsxwriter alone writing the same cells in constant memory (examples/xlsx_floor.rs).
measure "rust_xlsxwriter alone, same cells" "$(rows "$DATA/people.csv")" ./target/release/examples/xlsx_floor "$DB" "$DATA/floor.xlsx"
head -100001 "$DATA/people.csv" > "$DATA/people-100k.csv"
for f in csv xlsx; do
    rm -f "$DATA/sheet-$f.db"
    "$BIN" -q -f "$DATA/sheet-$f.db" init --year 2020 --bloc "Khối thi đua (benchmark)"
    "$BIN" -q -f "$DATA/sheet-$f.db" unit import "$DATA/units.csv"
done
"$BIN" -q -f "$DATA/sheet-csv.db" person import "$DATA/people-100k.csv"
"$BIN" -q -f "$DATA/sheet-csv.db" person list -o "$DATA/people-100k.xlsx"
rm -f "$DATA/sheet-csv.db"
"$BIN" -q -f "$DATA/sheet-csv.db" init --year 2020 --bloc "Khối thi đua (benchmark)"
"$BIN" -q -f "$DATA/sheet-csv.db" unit import "$DATA/units.csv"
measure "import 100k people, CSV" "$(rows "$DATA/people-100k.csv")" "$BIN" -q -f "$DATA/sheet-csv.db" person import "$DATA/people-100k.csv"
measure "import 100k people, xlsx" "$(rows "$DATA/people-100k.csv")" "$BIN" -q -f "$DATA/sheet-xlsx.db" person import "$DATA/people-100k.xlsx"

# The reference: the same people file loaded by the sqlite3 shell into an equivalent plain table.
REF="$DATA/reference.db"
rm -f "$REF"
sqlite3 "$REF" "CREATE TABLE people (unit TEXT, name TEXT, position TEXT, gender TEXT, born INTEGER, code TEXT);"
measure "sqlite3 .import people" "$(rows "$DATA/people.csv")" sqlite3 "$REF" ".import --csv --skip 1 $DATA/people.csv people"
# The same for the registrations (semicolons, as the file has them) and the awards.
sqlite3 "$REF" "CREATE TABLE registrations (unit TEXT, person_code TEXT, title TEXT, date TEXT);"
measure "sqlite3 .import registrations" "$(rows "$DATA/registrations.csv")" sqlite3 "$REF" ".separator ;" ".import --skip 1 $DATA/registrations.csv registrations"
sqlite3 "$REF" "CREATE TABLE awards (decision, decision_date, issuer, code, unit, person_code, year, basis, reason);"
measure "sqlite3 .import awards" "$(rows "$DATA/awards.csv")" sqlite3 "$REF" ".import --csv --skip 1 $DATA/awards.csv awards"
# The same, into a table that carries what thidua's person table carries: three secondary indexes, a unique staff
# code and the change-counting trigger. It shows how much of the gap is SQLite's own work for those.
REF2="$DATA/reference-indexed.db"
rm -f "$REF2"
sqlite3 "$REF2" "CREATE TABLE people (unit TEXT, name TEXT, position TEXT, gender TEXT, born INTEGER, code TEXT UNIQUE);
    CREATE INDEX p_unit ON people (unit, name); CREATE INDEX p_key ON people (name); CREATE INDEX p_fold ON people (lower(name));
    CREATE TABLE change_count (tbl TEXT, op TEXT, n INTEGER, PRIMARY KEY (tbl, op)); INSERT INTO change_count VALUES ('people', 'insert', 0);
    CREATE TRIGGER c AFTER INSERT ON people BEGIN UPDATE change_count SET n = n + 1 WHERE tbl = 'people' AND op = 'insert'; END;"
measure "sqlite3 .import, indexed" "$(rows "$DATA/people.csv")" sqlite3 "$REF2" ".import --csv --skip 1 $DATA/people.csv people"

# The rest of issue 35's table: read-only commands as medians of three runs; a command and its reference run in
# turn (A, B, A, B, A, B), each run timed on its own.
# once NAME COMMAND...: one timed run, appended to the run list of NAME.
declare -A RUNS
once() {
    local name="$1"; shift
    local log; log=$(mktemp)
    sync
    /usr/bin/time -f "%e %M" "$@" >/dev/null 2>"$log" || { echo "bench: '$name' failed:" >&2; tail -5 "$log" >&2; exit 1; }
    RUNS[$name]+="$(tail -1 "$log");"
    rm -f "$log"
}
# settle NAME ROWS: the median time and the largest peak memory of NAME's runs, as a result line.
settle() {
    local secs kb
    secs=$(tr ';' '\n' <<< "${RUNS[$1]}" | awk 'NF { print $1 }' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
    kb=$(tr ';' '\n' <<< "${RUNS[$1]}" | awk 'NF { print $2 }' | sort -n | tail -1)
    RESULTS+=("$1|$2|$secs|$kb")
}
PEOPLE_SQL="SELECT p.id, p.full_name, u.code, p.position, p.gender, p.born, p.staff_code, p.family, p.middle, p.given,
            p.note FROM person p JOIN unit u ON u.id = p.unit_id ORDER BY p.given, p.family, p.middle, u.code, p.id"
t doc settings --signer "Nguyễn Văn Bình" >/dev/null
rm -f "$DATA/review.docx" "$DATA"/copy-*.db
for i in 1 2 3; do
    once "person list --format csv" "$BIN" -q -f "$DB" person list --format csv
    once "sqlite3 -csv, same columns" sqlite3 -csv "$DB" "$PEOPLE_SQL"
    once "db backup" "$BIN" -q -f "$DB" db backup "$DATA/copy-$i.db"
    once "sqlite3 .backup" sqlite3 "$DB" ".backup '$DATA/copy-sqlite-$i.db'"
    once "report unit U00003" "$BIN" -q -f "$DB" report unit U00003 --format csv
    once "report decisions" "$BIN" -q -f "$DB" report decisions --format csv
    once "doc review midyear (Markdown)" "$BIN" -q -f "$DB" doc review midyear
    once "doc review annual -o .docx" "$BIN" -q -f "$DB" doc review annual -o "$DATA/review.docx" --force
done
settle "person list --format csv" "$(rows "$DATA/people.csv")"
settle "sqlite3 -csv, same columns" "$(rows "$DATA/people.csv")"
settle "db backup" 0
settle "sqlite3 .backup" 0
for r in "report unit U00003" "report decisions" "doc review midyear (Markdown)" "doc review annual -o .docx"; do
    settle "$r" 0
done
rm -f "$DATA/review.docx" "$DATA"/copy-*.db "$DATA/next.db"
measure "init --from (next year's file)" 0 "$BIN" -q -f "$DATA/next.db" init --from "$DB" --year 2021
rm -f "$DATA/next.db"
# A small command on a mid-sized file: 300,000 people (the goal: 50 ms).
MID="$DATA/mid.db"
rm -f "$MID"
"$BIN" -q -f "$MID" init --year 2020 --bloc "Khối thi đua (benchmark)"
"$BIN" -q -f "$MID" unit import "$DATA/units.csv"
head -300001 "$DATA/people.csv" > "$DATA/people-300k.csv"
"$BIN" -q -f "$MID" person import "$DATA/people-300k.csv"
for _ in 1 2 3; do
    once "unit list, 300k-person file" "$BIN" -q -f "$MID" unit list --format csv
done
settle "unit list, 300k-person file" 0
rm -f "$MID" "$DATA/people-300k.csv"

# A bloc-sized file: the demo (7 units) with 500 people.
SMALL="$DATA/bloc.db"
rm -f "$SMALL"
"$BIN" -q -f "$SMALL" demo --format csv >/dev/null
head -501 "$DATA/people.csv" | awk -F, -v OFS=, 'NR > 1 { $1 = "CTK" } { print }' > "$DATA/bloc-people.csv"
"$BIN" -q -f "$SMALL" person import "$DATA/bloc-people.csv"
slowest=0; slowest_name=""
for cmd in "info" "unit list" "person list" "register list" "award list" "report midyear" "report annual" "report ranking" "pledge list --as-of 2020-06-30" "db check" "eligible" "register check"; do
    # The best of three runs: a single run on a shared machine is noise at this size.
    ms=""
    for _ in 1 2 3; do
        start=$(date +%s%N)
        # shellcheck disable=SC2086
        "$BIN" -q -f "$SMALL" $cmd >/dev/null
        run=$(( ($(date +%s%N) - start) / 1000000 ))
        if [ -z "$ms" ] || [ "$run" -lt "$ms" ]; then ms=$run; fi
    done
    if [ "$ms" -gt "$slowest" ]; then slowest=$ms; slowest_name="$cmd"; fi
done

# Each import against the sqlite3 shell's .import of the same file in the same run (people for the rest).
declare -A REF_SECS
for r in "${RESULTS[@]}"; do
    IFS='|' read -r name rows secs kb <<< "$r"
    case "$name" in "sqlite3 .import "*) REF_SECS[${name#sqlite3 .import }]="$secs" ;; esac
done
ref_of() {
    case "$1" in
        "import registrations" | "sqlite3 floor, registration") echo "${REF_SECS[registrations]}" ;;
        "import awards" | "sqlite3 floor, award") echo "${REF_SECS[awards]}" ;;
        *) echo "${REF_SECS[people]}" ;;
    esac
}

echo
echo "thidua benchmark: $N people, $(nproc) cores, $(date -u +%Y-%m-%d), $(uname -m)"
printf '| %-30s | %9s | %8s | %10s | %8s | %14s |\n' operation rows seconds "rows/s" "peak MiB" "vs sqlite3"
printf '|%s|%s|%s|%s|%s|%s|\n' "--------------------------------" "-----------" "----------" "------------" "----------" "----------------"
for r in "${RESULTS[@]}"; do
    IFS='|' read -r name rows secs kb <<< "$r"
    rate="" ratio=""
    if [ "$rows" -gt 0 ]; then
        rate=$(awk -v r="$rows" -v s="$secs" 'BEGIN { if (s > 0) printf "%.0f", r / s; else print "-" }')
        ref=$(ref_of "$name")
        ratio=$(awk -v s="$secs" -v b="$ref" 'BEGIN { if (s > 0 && b > 0) printf "%.2f", b / s; else print "-" }')
    fi
    printf '| %-30s | %9s | %8s | %10s | %8s | %14s |\n' "$name" "$rows" "$secs" "$rate" "$(( kb / 1024 ))" "$ratio"
done
echo
echo "bloc-sized file (7 units, 500 people): slowest command ${slowest} ms ($slowest_name)"

# The imports against what a user would pick instead (sqlite3 .import and pandas), on both shapes of data, in
# alternation, medians of three: their own table.
bash "$(dirname "$0")/imports.sh" "$N"

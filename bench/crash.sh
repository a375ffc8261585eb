#!/usr/bin/env bash
# kill -9 at random moments (issue 19): every command that creates or fills a file, killed RUNS times each at a
# random point of its run. After each kill: the target is either absent or whole and `db check` clean (for the
# people import, the file holds none or all of the people and checks clean), and the same command run again
# succeeds (a crashed run's leftovers do not get in the way).
#   bench/crash.sh [RUNS]     RUNS per command (default 20); data in bench/crash-data
# Prints one line per command with its counts; exits 1 if any run left a half-made file.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-20}"
cargo build --release --quiet --bin thidua --example synth
BIN="$PWD/target/release/thidua"
DATA="$PWD/bench/crash-data"
rm -rf "$DATA"
mkdir -p "$DATA"
cd "$DATA"
"$PWD/../../target/release/examples/synth" --people 200000 --out . 2>/dev/null
export THIDUA_TODAY=2020-12-15
"$BIN" -q -f units.db init --year 2020 --bloc "Khối thi đua (thử)" --province "Tây Ninh"
"$BIN" -q -f units.db unit import units.csv
PEOPLE=$(($(wc -l < people.csv) - 1))
# The file the copies are made from: the units and the 200,000 people, and its export.
cp units.db big.db
"$BIN" -q -f big.db person import people.csv
"$BIN" -q -f big.db export big-export

ms_now() { date +%s%3N; }
# One run of the scenario's command, in the background, killed after $1 ms (or left to finish).
run_killed() {
    local after_ms="$1"; shift
    "$@" >/dev/null 2>&1 &
    local pid=$!
    sleep "$(awk -v m="$after_ms" 'BEGIN { printf "%.3f", m / 1000 }')"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# check_new TARGET: nothing at TARGET, or a file that checks clean. Prints nothing|whole|BAD.
check_new() {
    if [ ! -e "$1" ]; then echo nothing
    elif "$BIN" -q -f "$1" db check >/dev/null 2>&1; then echo whole
    else echo BAD; fi
}

# check_people FILE: the units file with none or all of the people, clean. Prints nothing|whole|BAD.
check_people() {
    local n
    if ! "$BIN" -q -f "$1" db check >/dev/null 2>&1; then echo BAD; return; fi
    n=$("$BIN" -q -f "$1" info --format json | sed -n 's/.*"person_rows": *\([0-9]*\).*/\1/p')
    if [ "$n" = 0 ]; then echo nothing; elif [ "$n" = "$PEOPLE" ]; then echo whole; else echo BAD; fi
}

FAILED=0
# scenario NAME SETUP TARGET CHECK COMMAND...: SETUP prepares each run, TARGET is removed before it.
scenario() {
    local name="$1" setup="$2" target="$3" check="$4"; shift 4
    local start full nothing=0 whole=0 bad=0 rerun_bad=0 i r after
    eval "$setup"
    start=$(ms_now); "$@" >/dev/null 2>&1; full=$(( $(ms_now) - start ))
    for i in $(seq "$RUNS"); do
        rm -rf "$target"; eval "$setup"
        after=$(( RANDOM % (full + 1) ))
        run_killed "$after" "$@"
        r=$($check "$target")
        case "$r" in nothing) nothing=$((nothing + 1));; whole) whole=$((whole + 1));; *) bad=$((bad + 1));; esac
        # The same command again, over what the killed run left.
        if [ "$check" = check_new ]; then rm -rf "$target"; fi
        if [ "$check" = check_people ] && [ "$r" = whole ]; then eval "$setup"; fi
        "$@" >/dev/null 2>&1 || rerun_bad=$((rerun_bad + 1))
    done
    printf '%-22s %3d ms  %2d killed: %2d nothing, %2d whole, %d half-made; %d failed reruns\n' \
        "$name" "$full" "$RUNS" "$nothing" "$whole" "$bad" "$rerun_bad"
    if [ "$bad" -gt 0 ] || [ "$rerun_bad" -gt 0 ]; then FAILED=1; fi
}

scenario "import FOLDER" ":" copy.db check_new "$BIN" -q -f copy.db import big-export
scenario "init --from" ":" next.db check_new "$BIN" -q -f next.db init --year 2021 --from big.db
scenario "db backup" ":" big.bak check_new "$BIN" -q -f big.db db backup big.bak
scenario "person import 200k" "rm -f people.db; cp units.db people.db" people.db check_people \
    "$BIN" -q -f people.db person import people.csv
# Nothing a crashed run left behind stays: no temporary files in the folder.
left=$(find . -maxdepth 1 -name '.*.part*' | wc -l)
echo "temporary files left: $left"
[ "$left" -eq 0 ] || FAILED=1
exit "$FAILED"

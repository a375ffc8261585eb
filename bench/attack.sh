#!/usr/bin/env bash
# Hostile input in bulk (issue 33): fuzzed CSVs and workbooks into every import, and forgeries of a sealed file
# with the sqlite3 shell. One line per attack with its counts:
#   fuzz: runs, ok, refused (exit 1), usage (2), fault (3), PANIC, HANG (over 20 s), ABORT, and files left unclean;
#   forge: runs, caught by `db check --fingerprint`, MISSED.
#   bench/attack.sh [RUNS]   RUNS mutations per input (default 50); needs python3 and sqlite3; data in bench/attack-data
# Exits 1 when a run panicked, hung, aborted, left a file that does not check clean, or a forgery was missed.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-50}"
cargo build --release --quiet --bin thidua
BIN="$PWD/target/release/thidua"
DATA="$PWD/bench/attack-data"
FIX="$PWD/tests/fixtures/sheets"
rm -rf "$DATA"
mkdir -p "$DATA"
cd "$DATA"
export THIDUA_TODAY=2020-12-15

"$BIN" -q -f base.db demo --format csv >/dev/null
"$BIN" -q -f base.db score criteria add A1 --group A --name "Nhiệm vụ chuyên môn" --max 100
printf 'code,name,short,role\nX1,Đơn vị một,,member\nX2,Đơn vị hai,ĐV2,member\n' > units.csv
printf 'unit,name,position,gender,born,code\nBHXH,Nguyễn Văn A,Chuyên viên,m,1980,A1\nCTHUE,Trần Thị B,Phó Cục trưởng,f,1975,B2\n' > people.csv
printf 'unit,person,title\nBHXH,Nguyễn Văn A,LDTT\nCTHUE,,TTLDXS\n' > registrations.csv
printf 'unit,criterion,self,assessed\nBHXH,A1,20,19\nCTHUE,A1,18,18\n' > scores.csv
cp "$FIX/people.xlsx" people.xlsx
cp "$FIX/people.ods" people.ods

# mutate IN OUT SEED: a copy with bytes flipped, inserted (control characters, quotes, separators, a BOM, invalid
# UTF-8) or the tail cut, chosen by SEED.
mutate() {
    python3 - "$1" "$2" "$3" <<'PY'
import random, sys
src, dst, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
r = random.Random(seed)
b = bytearray(open(src, 'rb').read())
pieces = [b'\x00', b'\x07', b'\x1b[31m', b'"', b',', b';', b'\n', b'\r', b'\xef\xbb\xbf', b'\xff\xfe', b'\xc3',
          '\u202e'.encode(), '\u200b'.encode(), b'=1+1', b'9' * 40, b'31/02/2024']
for _ in range(r.randint(1, 6)):
    what = r.random()
    if what < 0.3 and b:
        b[r.randrange(len(b))] = r.randrange(256)
    elif what < 0.8:
        at = r.randrange(len(b) + 1)
        b[at:at] = r.choice(pieces)
    elif b:
        del b[r.randrange(len(b)):]
open(dst, 'wb').write(bytes(b))
PY
}

FAILED=0
# fuzz NAME INPUT COMMAND...: RUNS mutations of INPUT, each imported into a fresh copy of the demo file.
fuzz() {
    local name="$1" input="$2"; shift 2
    local ok=0 refused=0 usage=0 fault=0 panic=0 hang=0 abort=0 unclean=0 i code ext
    ext="${input##*.}"
    for i in $(seq "$RUNS"); do
        cp base.db run.db
        mutate "$input" "in.$ext" "$i"
        set +e
        timeout 20 "$BIN" -q -f run.db "$@" "in.$ext" >/dev/null 2>err.txt
        code=$?
        set -e
        if grep -q panicked err.txt; then panic=$((panic + 1))
        elif [ "$code" = 124 ]; then hang=$((hang + 1))
        elif [ "$code" = 134 ] || [ "$code" -gt 128 ]; then abort=$((abort + 1))
        elif [ "$code" = 0 ]; then ok=$((ok + 1))
        elif [ "$code" = 1 ]; then refused=$((refused + 1))
        elif [ "$code" = 2 ]; then usage=$((usage + 1))
        else fault=$((fault + 1)); fi
        "$BIN" -q -f run.db db check >/dev/null 2>&1 || unclean=$((unclean + 1))
    done
    printf 'fuzz %-26s runs %4d  ok %4d  refused %4d  usage %3d  fault %3d  PANIC %d  HANG %d  ABORT %d  unclean %d\n' \
        "$name" "$RUNS" "$ok" "$refused" "$usage" "$fault" "$panic" "$hang" "$abort" "$unclean"
    if [ $((panic + hang + abort + unclean)) -gt 0 ]; then FAILED=1; fi
}

fuzz "unit import (csv)" units.csv unit import
fuzz "person import (csv)" people.csv person import
fuzz "register import (csv)" registrations.csv register import --create-people
fuzz "score import (csv)" scores.csv score import
fuzz "person import (xlsx)" people.xlsx person import
fuzz "person import (ods)" people.ods person import

# Forgeries of a sealed file: each SQL run with the sqlite3 shell on a copy; `db check --fingerprint` must say so.
# (`audit.leaves` is left out: a hint outside the record, whose change only makes the next command digest again.)
"$BIN" -q -f sealed.db demo --format csv >/dev/null
FP=$("$BIN" -q -f sealed.db db seal --reason "Đã tổng kết")
caught=0; missed=0; n=0
while IFS= read -r sql; do
    [ -z "$sql" ] && continue
    n=$((n + 1))
    cp sealed.db forged.db
    sqlite3 forged.db "$sql" >/dev/null 2>&1 || true
    if "$BIN" -q -f forged.db db check --fingerprint "$FP" >/dev/null 2>&1; then
        missed=$((missed + 1)); echo "MISSED: $sql" >&2
    else
        caught=$((caught + 1))
    fi
done <<'SQL'
UPDATE unit SET name = 'Cục Hải quan Tây Ninh' WHERE code = 'HQ';
UPDATE audit SET user = 'ai đó' WHERE id = 1;
UPDATE audit SET command = 'thidua unit list' WHERE id <= 2;
DELETE FROM audit WHERE id = 2;
UPDATE audit SET at = '2020-01-01T00:00:00Z' WHERE id = 1;
DELETE FROM setting WHERE key = 'sealed_at';
INSERT INTO setting (key, value) VALUES ('accepted_entry', '99');
DROP TRIGGER audit_award_update; UPDATE award SET reason = 'sửa' WHERE id = 1;
UPDATE change_count SET n = n + 1 WHERE tbl = 'unit' AND op = 'update'; UPDATE unit SET note = 'x' WHERE id = 1;
INSERT INTO person (unit_id, full_name, family, given, name_key, name_fold) SELECT id, 'Người Lạ', 'Người', 'Lạ', 'nguoi la', 'nguoi la' FROM unit LIMIT 1;
UPDATE bloc SET year = 2021;
SQL
printf 'forge %-25s runs %4d  caught %4d  MISSED %d\n' "sealed file, sqlite3 shell" "$n" "$caught" "$missed"
if [ "$missed" -gt 0 ]; then FAILED=1; fi
exit "$FAILED"

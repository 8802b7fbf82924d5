#!/usr/bin/env bash
# Whole-run benchmark (issues 4.4 and 15, spec 8.9): `grantstats run` against DuckDB computing the
# same five grouping sets from the same raw attendance file, on generated files that look like
# real exports.
#
#   Scripts/bench.sh                  # 1 M and 10 M rows, RUNS=3
#   Scripts/bench.sh --huge           # and 100 M rows (~8.5 GB of CSV, DuckDB needs several GB)
#   Scripts/bench.sh --small          # CI: 20 000 rows, one run, debug build, no network
#   ROWS="1000000" RUNS=5 Scripts/bench.sh
#   GRANTSTATS=/tmp/old/grantstats Scripts/bench.sh   # time another build on the same files
#
# Data (`csv-bench gen-export`): rows grouped by event; per event a date (d.m.yyyy or ISO), a
# title (one in ten quoted with a comma), a type, 1–3 sectors and 1–6 municipalities written by
# code (with or without zero padding) or by Finnish or Swedish name; one event in five lists
# persons (person_id, participants 1 or empty); ~0.1 % duplicate rows and ~0.05 % bad rows
# (impossible date, non-numeric count, unknown municipality). ~21 rows an event, so events and
# persons grow with the rows.
#
# DuckDB (pip, into Scripts/.venv, git-ignored; comparison only, never a product dependency) gets
# the raw file and the population table (Tests/Fixtures/reference) and resolves dates, counts,
# municipalities and terms in SQL, drops exact duplicates and bad rows, and writes
# count(DISTINCT event), sum(participants) and count(DISTINCT person) over the five grouping sets
# of participation.csv + participation_totals.csv with SET threads = 2. The script checks that
# both tools give the same rows. grantstats exits 65 on these files (rows rejected, outputs
# written); any other exit fails the benchmark.
#
# Reported: wall seconds (median of RUNS), CPU seconds user+sys (median), peak RSS (GNU time,
# max over runs), and the wall-time ratio grantstats / DuckDB. The tools take turns run by run.
set -euo pipefail
cd "$(dirname "$0")/.."

SMALL=0 HUGE=0
for arg in "$@"; do
    case $arg in
        --small) SMALL=1 ;;
        --huge) HUGE=1 ;;
        *) echo "usage: Scripts/bench.sh [--small | --huge]" >&2; exit 64 ;;
    esac
done

BENCH=Scripts/.bench
VENV=${VENV:-Scripts/.venv}
REFERENCE=Tests/Fixtures/reference/municipalities_2021_population_2019.csv
if ((SMALL)); then
    ROWS=${ROWS:-20000} RUNS=${RUNS:-1}
    # CI has built the debug products already; a release build would take minutes.
    swift build --product grantstats >&2
    swift build --product csv-bench >&2
    BIN=$(swift build --show-bin-path)
else
    ROWS=${ROWS:-"1000000 10000000"} RUNS=${RUNS:-3}
    ((HUGE)) && ROWS="$ROWS 100000000"
    if [[ ! -x /usr/bin/time ]]; then
        echo "installing GNU time (for peak RSS)" >&2
        apt-get update -qq >/dev/null && apt-get install -y -qq time >/dev/null
    fi
    if ! "$VENV/bin/python" -c 'import duckdb' 2>/dev/null; then
        echo "installing DuckDB into $VENV (benchmark comparison only)" >&2
        python3 -m venv "$VENV"
        "$VENV/bin/pip" install -q duckdb >&2
    fi
    swift build -c release --scratch-path .build-perf --product grantstats >&2
    swift build -c release --scratch-path .build-perf --product csv-bench >&2
    BIN=.build-perf/release
fi
GRANTSTATS=${GRANTSTATS:-$BIN/grantstats}
DUCKDB=0
if "$VENV/bin/python" -c 'import duckdb' 2>/dev/null; then
    DUCKDB=1
    DUCKDB_VERSION=$("$VENV/bin/python" -c 'import duckdb; print(duckdb.__version__)')
else
    echo "DuckDB not installed in $VENV: timing grantstats alone" >&2
fi

mkdir -p "$BENCH"
cat >"$BENCH/duckdb_query.py" <<'EOF'
import sys, duckdb
d, reference = sys.argv[1], sys.argv[2]
con = duckdb.connect()
con.execute("SET threads = 2")
# Raw text in, everything resolved here: dates in both accepted forms, counts (empty with a
# person_id is 1), municipalities by code (any zero padding) or Finnish/Swedish name from the
# population table. Exact duplicate rows count once; rows that fail a check are dropped.
con.execute(f"""
COPY (
  WITH raw AS (
    SELECT DISTINCT * FROM read_csv('{d}/inputs/attendance/*.csv', header = true, all_varchar = true, quote = '"', delim = ',')
  ), ref AS (
    SELECT * FROM read_csv('{reference}', header = true, delim = ';', all_varchar = true)
  ), places AS (
    SELECT CAST(CAST(kuntanumero AS INTEGER) AS VARCHAR) AS key, maakunta_fi AS region FROM ref
    UNION SELECT lower(kunta_fi), maakunta_fi FROM ref
    UNION SELECT lower(kunta_sv), maakunta_fi FROM ref
  ), a AS (
    SELECT project_id, event_id, person_id,
           CASE WHEN contains(date, '-') THEN try_strptime(date, '%Y-%m-%d') ELSE try_strptime(date, '%d.%m.%Y') END AS d,
           CASE WHEN regexp_full_match(trim(municipality), '[0-9]+') THEN CAST(CAST(trim(municipality) AS INTEGER) AS VARCHAR)
                ELSE lower(trim(municipality)) END AS place,
           lower(trim(role)) AS role,
           CASE WHEN participants IS NULL AND person_id IS NOT NULL THEN 1 ELSE TRY_CAST(participants AS BIGINT) END AS participants
    FROM raw
  ), r AS (
    SELECT a.project_id, p.region, year(a.d) AS year, CASE WHEN month(a.d) <= 6 THEN 'spring' ELSE 'autumn' END AS term,
           a.role, a.event_id, a.person_id, a.participants
    FROM a JOIN places p ON p.key = a.place
    WHERE a.d IS NOT NULL AND a.participants IS NOT NULL
  )
  SELECT project_id, coalesce(region, 'all') AS region, coalesce(CAST(year AS VARCHAR), 'all') AS year,
         coalesce(term, 'all') AS term, coalesce(role, 'all') AS role,
         count(DISTINCT event_id) AS events, sum(participants) AS participants, count(DISTINCT person_id) AS persons
  FROM r
  GROUP BY GROUPING SETS ((project_id, region, year, term, role), (project_id, region, year, term),
                          (project_id, region), (project_id, year, term), (project_id))
) TO '{d}/out-duckdb.csv' (HEADER)
""")
EOF
cat >"$BENCH/compare.py" <<'EOF'
import csv, sys
d = sys.argv[1]
def key(r, role):
    return (r["project_id"], r["region"], r["year"], r["term"], role, int(r["events"]), int(r["participants"]),
            int(r["unique_persons"] or 0))
ours = set()
with open(f"{d}/out-grantstats/participation.csv", newline="") as f:
    ours.update(key(r, r["role"]) for r in csv.DictReader(f))
with open(f"{d}/out-grantstats/participation_totals.csv", newline="") as f:
    ours.update(key(r, "all") for r in csv.DictReader(f))
theirs = set()
with open(f"{d}/out-duckdb.csv", newline="") as f:
    for r in csv.DictReader(f):
        r["unique_persons"] = r["persons"]
        theirs.add(key(r, r["role"]))
if ours != theirs:
    print(f"MISMATCH: {len(ours - theirs)} rows only in grantstats, {len(theirs - ours)} only in DuckDB", file=sys.stderr)
    for row in sorted(ours - theirs)[:5]: print("  grantstats:", row, file=sys.stderr)
    for row in sorted(theirs - ours)[:5]: print("  DuckDB:    ", row, file=sys.stderr)
    sys.exit(1)
print(len(ours))
EOF

# once NAME EXPECTED_EXIT CMD...: runs CMD once, appends its wall and CPU time (microseconds) to
# NAME_WALLS and NAME_CPUS and raises NAME_RSS (KB) to its peak RSS.
once() {
    local name=$1 expected=$2 start end status user sys kb
    shift 2
    start=$(date +%s%N)
    status=0
    if [[ -x /usr/bin/time ]]; then
        /usr/bin/time -f '%U %S %M' -o "$BENCH/time.out" "$@" >/dev/null 2>"$BENCH/stderr.out" || status=$?
    else
        "$@" >/dev/null 2>"$BENCH/stderr.out" || status=$?
        echo "0 0 0" >"$BENCH/time.out"
    fi
    end=$(date +%s%N)
    if ((status != expected)); then
        echo "exit $status (expected $expected): $*" >&2
        tail -n 5 "$BENCH/stderr.out" >&2
        exit 1
    fi
    read -r user sys kb <<<"$(tail -n 1 "$BENCH/time.out")"
    eval "${name}_WALLS+=($(( (end - start) / 1000 )))"
    eval "${name}_CPUS+=($(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1e6 }'))"
    eval "(( kb > ${name}_RSS )) && ${name}_RSS=$kb" || true
}

# median VALUES...: the median, in seconds with two decimals (values in microseconds).
median() {
    printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p" | awk '{printf "%.2f", $1 / 1e6}'
}

RESULTS=()
for n in $ROWS; do
    dir=$BENCH/export-$n
    if [[ ! -s $dir/inputs/attendance/export.csv ]]; then
        echo "generating $n rows in $dir" >&2
        "$BIN/csv-bench" gen-export "$dir" "$n"
    fi
    bytes=$(du -cb "$dir"/inputs/*.csv "$dir"/inputs/attendance/*.csv | tail -n 1 | cut -f 1)
    cat "$dir"/inputs/attendance/*.csv >/dev/null   # page cache warm for both tools
    # The two tools take turns, run by run: this machine's speed drifts by a third within
    # minutes, and turns give both the same drift.
    G_WALLS=() G_CPUS=() G_RSS=0 D_WALLS=() D_CPUS=() D_RSS=0
    for ((i = 0; i < RUNS; i++)); do
        echo "$n rows: run $((i + 1)) of $RUNS" >&2
        # 65: the bad and duplicate rows are rejected, the outputs written from the rest.
        once G 65 "$GRANTSTATS" run --quiet --inputs "$dir/inputs" --outputs "$dir/out-grantstats"
        ((DUCKDB)) && once D 0 "$VENV/bin/python" "$BENCH/duckdb_query.py" "$dir" "$REFERENCE"
    done
    for f in participation.csv participation_totals.csv manifest.json; do
        [[ -s $dir/out-grantstats/$f ]] || { echo "grantstats wrote no $f" >&2; exit 1; }
    done
    g="$(median "${G_WALLS[@]}") $(median "${G_CPUS[@]}") $G_RSS"
    d="- - 0" groups=-
    if ((DUCKDB)); then
        d="$(median "${D_WALLS[@]}") $(median "${D_CPUS[@]}") $D_RSS"
        groups=$("$VENV/bin/python" "$BENCH/compare.py" "$dir")
    fi
    RESULTS+=("$n $bytes $g $d $groups")
done

echo
echo "$("$GRANTSTATS" --version 2>&1 | head -n 1) vs DuckDB ${DUCKDB_VERSION:-(not installed)} (SET threads = 2; python process incl. startup)"
echo "$(nproc) cores, load average $(cut -d ' ' -f 1-3 /proc/loadavg); median of $RUNS runs, page cache warm; MB = 10^6 bytes of input"
printf '%11s %8s | %9s %7s %7s | %9s %7s %7s | %6s %s\n' rows "input MB" "gs wall s" "CPU s" "RSS MB" "DuckDB s" "CPU s" "RSS MB" ratio "(rows agree)"
for r in "${RESULTS[@]}"; do
    read -r n bytes gw gc gr dw dc dr groups <<<"$r"
    awk -v n="$n" -v b="$bytes" -v gw="$gw" -v gc="$gc" -v gr="$gr" -v dw="$dw" -v dc="$dc" -v dr="$dr" -v g="$groups" 'BEGIN {
        ratio = dw == "-" ? "-" : sprintf("%.2f", gw / dw)
        printf "%11d %8.0f | %9.2f %7.2f %7.1f | %9s %7s %7.1f | %6s (%s)\n", n, b / 1e6, gw, gc, gr / 1024, dw, dc, dr / 1024, ratio, g }'
done
echo "ratio = grantstats / DuckDB wall time; spec 8.9 at 10 M rows: ratio <= 0.5, grantstats peak RSS <= 100 MB"

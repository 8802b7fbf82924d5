#!/usr/bin/env bash
# Whole-run benchmark (issue 4.4): `grantstats run --quiet` against DuckDB doing the same
# aggregation on the same generated attendance files (1 M, 5 M and 10 M rows by default).
#
#   Scripts/bench.sh                       # ROWS="1000000 5000000 10000000" RUNS=3 EVENTS=30000
#   ROWS=1000000 RUNS=5 Scripts/bench.sh
#
# Data: dates mixed d.m.yyyy / ISO, municipalities by code (with and without zero padding), Finnish
# or Swedish name from Tests/Fixtures/reference, six roles, six sectors, EVENTS distinct events over
# 20 projects; every row distinct, so nothing is rejected. DuckDB gets a key → region table with
# exactly the spellings used (grantstats resolves them itself) and computes, with SET threads=2,
# count(DISTINCT event) and sum(participants) over the same five grouping sets grantstats writes to
# participation.csv and participation_totals.csv; the script checks that both give the same numbers.
# DuckDB is installed with pip into Scripts/.venv for this comparison only.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-"1000000 5000000 10000000"}
RUNS=${RUNS:-3}
EVENTS=${EVENTS:-30000}
BENCH=Scripts/.bench
VENV=Scripts/.venv

if [[ ! -x /usr/bin/time ]]; then
    echo "installing GNU time (for peak RSS)" >&2
    apt-get update -qq >/dev/null && apt-get install -y -qq time >/dev/null
fi
if ! "$VENV/bin/python" -c 'import duckdb' 2>/dev/null; then
    echo "installing DuckDB into $VENV (benchmark comparison only)" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q duckdb >&2
fi
DUCKDB_VERSION=$("$VENV/bin/python" -c 'import duckdb; print(duckdb.__version__)')

swift build -c release --scratch-path .build-perf --product grantstats >&2
swift build -c release --scratch-path .build-perf --product csv-bench >&2
GRANTSTATS=.build-perf/release/grantstats

mkdir -p "$BENCH"
cat >"$BENCH/duckdb_query.py" <<'EOF'
import sys, duckdb
d = sys.argv[1]
con = duckdb.connect()
con.execute("SET threads = 2")
con.execute(f"""
COPY (
  WITH a AS (
    SELECT project_id, event_id,
           CASE WHEN contains(date, '-') THEN strptime(date, '%Y-%m-%d') ELSE strptime(date, '%d.%m.%Y') END AS d,
           municipality, lower(trim(role)) AS role, participants
    FROM read_csv('{d}/inputs/attendance/*.csv', header = true,
                  columns = {{'project_id': 'VARCHAR', 'event_id': 'VARCHAR', 'date': 'VARCHAR', 'title': 'VARCHAR',
                             'event_type': 'VARCHAR', 'municipality': 'VARCHAR', 'role': 'VARCHAR',
                             'sector': 'VARCHAR', 'participants': 'BIGINT'}})
  ), m AS (SELECT * FROM read_csv('{d}/municipality_keys.csv', header = true, all_varchar = true)),
  r AS (
    SELECT a.project_id, m.region, year(a.d) AS year, CASE WHEN month(a.d) <= 6 THEN 'spring' ELSE 'autumn' END AS term,
           a.role, a.event_id, a.participants
    FROM a JOIN m ON m.key = a.municipality
  )
  SELECT project_id, coalesce(region, 'all') AS region, coalesce(CAST(year AS VARCHAR), 'all') AS year,
         coalesce(term, 'all') AS term, coalesce(role, 'all') AS role,
         count(DISTINCT event_id) AS events, sum(participants) AS participants
  FROM r
  GROUP BY GROUPING SETS ((project_id, region, year, term, role), (project_id, region, year, term),
                          (project_id, region), (project_id, year, term), (project_id))
) TO '{d}/out-duckdb.csv' (HEADER)
""")
EOF
cat >"$BENCH/compare.py" <<'EOF'
import csv, sys
d = sys.argv[1]
ours = set()
with open(f"{d}/out-grantstats/participation.csv", newline="") as f:
    for r in csv.DictReader(f):
        ours.add((r["project_id"], r["region"], r["year"], r["term"], r["role"], int(r["events"]), int(r["participants"])))
with open(f"{d}/out-grantstats/participation_totals.csv", newline="") as f:
    for r in csv.DictReader(f):
        ours.add((r["project_id"], r["region"], r["year"], r["term"], "all", int(r["events"]), int(r["participants"])))
theirs = set()
with open(f"{d}/out-duckdb.csv", newline="") as f:
    for r in csv.DictReader(f):
        theirs.add((r["project_id"], r["region"], r["year"], r["term"], r["role"], int(r["events"]), int(r["participants"])))
if ours != theirs:
    print(f"MISMATCH: {len(ours - theirs)} rows only in grantstats, {len(theirs - ours)} only in DuckDB", file=sys.stderr)
    sys.exit(1)
print(len(ours))
EOF

# measure CMD...: runs CMD $RUNS times; sets MEDIAN (seconds) and RSS (KB, max over runs).
measure() {
    local times=() rss=0 start end kb
    for ((i = 0; i < RUNS; i++)); do
        start=$(date +%s%N)
        /usr/bin/time -f %M -o "$BENCH/time.out" "$@" >/dev/null || { echo "failed: $*" >&2; exit 1; }
        end=$(date +%s%N)
        times+=("$(( (end - start) / 1000 ))")
        kb=$(tail -n 1 "$BENCH/time.out")
        (( kb > rss )) && rss=$kb
    done
    MEDIAN=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p" | awk '{printf "%.3f", $1 / 1e6}')
    RSS=$rss
}

RESULTS=()
for n in $ROWS; do
    dir=$BENCH/rows-$n
    if [[ ! -s $dir/inputs/attendance/events.csv ]]; then
        echo "generating $n rows in $dir" >&2
        .build-perf/release/csv-bench gen-attendance "$dir" "$n" "$EVENTS"
    fi
    bytes=$(du -cb "$dir"/inputs/*.csv "$dir"/inputs/attendance/*.csv | tail -n 1 | cut -f 1)
    cat "$dir"/inputs/attendance/*.csv >/dev/null   # page cache warm for both tools
    echo "$n rows: grantstats" >&2
    measure "$GRANTSTATS" run --quiet --inputs "$dir/inputs" --outputs "$dir/out-grantstats"
    g_time=$MEDIAN g_rss=$RSS
    echo "$n rows: DuckDB" >&2
    measure "$VENV/bin/python" "$BENCH/duckdb_query.py" "$dir"
    d_time=$MEDIAN d_rss=$RSS
    groups=$("$VENV/bin/python" "$BENCH/compare.py" "$dir")
    RESULTS+=("$n $bytes $g_time $g_rss $d_time $d_rss $groups")
done

echo
echo "$("$GRANTSTATS" --version 2>&1 | head -n 1) vs DuckDB $DUCKDB_VERSION (SET threads = 2; python process incl. startup)"
echo "$(nproc) cores, median of $RUNS runs, page cache warm; MB = 10^6 bytes of input; RSS = peak, max over runs"
printf '%10s %8s | %12s %8s %8s | %9s %8s %8s | %10s %s\n' rows "input MB" "grantstats s" "MB/s" "RSS MB" "DuckDB s" "MB/s" "RSS MB" "ratio" "(output rows agree)"
for r in "${RESULTS[@]}"; do
    read -r n bytes gt gr dt dr groups <<<"$r"
    awk -v n="$n" -v b="$bytes" -v gt="$gt" -v gr="$gr" -v dt="$dt" -v dr="$dr" -v g="$groups" 'BEGIN {
        printf "%10d %8.0f | %12.2f %8.0f %8.1f | %9.2f %8.0f %8.1f | %10.2f (%d rows)\n",
            n, b / 1e6, gt, b / 1e6 / gt, gr / 1024, dt, b / 1e6 / dt, dr / 1024, gt / dt, g }'
done
echo "ratio = grantstats / DuckDB wall time; targets at 5 M and 10 M rows: ratio <= 1.0 (goal 0.5), grantstats RSS < 150 MB"

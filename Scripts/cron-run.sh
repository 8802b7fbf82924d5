#!/usr/bin/env bash
# Runs grantstats unattended (from cron): one log file per run with a UTC timestamp on every line,
# the last N logs kept, and grantstats' exit code passed on. Quiet when the run succeeds; on any
# other exit it prints the end of the log, which cron mails to MAILTO.
#
# Crontab line (crontab -e as the user who owns the data; nightly at 02:30; edit the paths):
#
#   30 2 * * * /opt/grantstats/Scripts/cron-run.sh --binary /opt/grantstats/.build/release/grantstats --log-dir /var/log/grantstats --keep 30 -- run --inputs /srv/grantstats/Inputs --outputs /srv/grantstats/Outputs --lang fi --quiet
#
# Use absolute paths: cron starts in $HOME with a minimal PATH and no LANG (so give --lang).
# No '%' may appear in a crontab line (cron turns it into a newline).
#
# Usage: cron-run.sh [--binary PATH] [--log-dir DIR] [--keep N] [--] [grantstats arguments...]
#   --binary PATH  the grantstats executable (env GRANTSTATS_BINARY;
#                  default: .build/release/grantstats of this repository, built by `swift build -c release`)
#   --log-dir DIR  where the logs go (env GRANTSTATS_LOG_DIR; default: ~/.local/state/grantstats)
#   --keep N       how many logs to keep, this run's included (env GRANTSTATS_KEEP_LOGS; default 30)
# Exit code: grantstats' own (0, 64, 65, 66, 73, 75, 78; 75 = the previous run still holds the lock;
# 128+n = killed by signal n); 64 for a bad option of this script, 126/127 when the binary cannot run,
# 73 when the log cannot be written.
set -euo pipefail

repository=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
binary=${GRANTSTATS_BINARY:-$repository/.build/release/grantstats}
log_dir=${GRANTSTATS_LOG_DIR:-${HOME:-/tmp}/.local/state/grantstats}
keep=${GRANTSTATS_KEEP_LOGS:-30}

usage() { echo "cron-run.sh: $1" >&2; echo "usage: cron-run.sh [--binary PATH] [--log-dir DIR] [--keep N] [--] [grantstats arguments...]" >&2; exit 64; }

while [[ $# -gt 0 ]]; do
  case $1 in
    --binary) [[ $# -ge 2 ]] || usage "--binary needs a value"; binary=$2; shift 2 ;;
    --log-dir) [[ $# -ge 2 ]] || usage "--log-dir needs a value"; log_dir=$2; shift 2 ;;
    --keep) [[ $# -ge 2 ]] || usage "--keep needs a value"; keep=$2; shift 2 ;;
    --) shift; break ;;
    *) break ;;  # the first argument that is not ours starts grantstats' arguments
  esac
done
[[ $keep =~ ^[1-9][0-9]*$ ]] || usage "--keep must be a whole number of at least 1, not \"$keep\""

if ! mkdir -p "$log_dir" 2>/dev/null || [[ ! -w $log_dir ]]; then
  echo "cron-run.sh: cannot write logs in $log_dir" >&2
  exit 73
fi
# Names sort by start time (to the millisecond, so rotation keeps the right ones); the process
# id keeps two runs started together (cron and a person) apart.
log="$log_dir/grantstats-$(date -u +%Y%m%dT%H%M%S.%3NZ)-$$.log"
if ! : >>"$log" 2>/dev/null; then
  echo "cron-run.sh: cannot write the log $log" >&2
  exit 73
fi

# Prefixes each line with the current UTC time (bash's own strftime: no process per line).
stamp() {
  local line
  while IFS= read -r line || [[ -n $line ]]; do
    TZ=UTC printf '%(%Y-%m-%dT%H:%M:%SZ)T %s\n' -1 "$line"
  done
}

meaning() {
  case $1 in
    0) echo "success, nothing rejected" ;;
    64) echo "usage error" ;;
    65) echo "input data errors: rows rejected (see rejected.csv) or a fatal file error" ;;
    66) echo "a required input file or the input directory is missing" ;;
    73) echo "outputs cannot be written" ;;
    75) echo "another run holds the lock (the previous run may still be running); nothing was done" ;;
    78) echo "bad config file" ;;
    126 | 127) echo "the grantstats binary cannot be run" ;;
    *) if (($1 > 128)); then echo "killed by signal $(($1 - 128))"; else echo "unexpected exit code"; fi ;;
  esac
}

start=$SECONDS
echo "start: $(printf '%q ' "$binary" "$@")(in $PWD, on $(hostname 2>/dev/null || echo unknown host), pid $$)" | stamp >>"$log"

status=0
if [[ ! -e $binary ]]; then
  echo "cron-run.sh: no grantstats binary at $binary (build it with: swift build -c release)" | stamp >>"$log"
  status=127
elif [[ ! -x $binary ]]; then
  echo "cron-run.sh: $binary is not executable" | stamp >>"$log"
  status=126
else
  # stdin from /dev/null: nothing may wait for a person. PIPESTATUS keeps grantstats' code, not stamp's.
  set +e
  "$binary" "$@" </dev/null 2>&1 | stamp >>"$log"
  status=${PIPESTATUS[0]}
  set -e
fi

echo "exit $status: $(meaning "$status") (after $((SECONDS - start)) s)" | stamp >>"$log"

# Keep the newest $keep logs of this script (names sort by time); never touch other files.
mapfile -t logs < <(find "$log_dir" -maxdepth 1 -type f -name 'grantstats-*.log' -printf '%f\n' | LC_ALL=C sort -r)
for old in "${logs[@]:keep}"; do rm -f -- "$log_dir/$old"; done

if ((status != 0)); then
  echo "grantstats exited $status: $(meaning "$status"). Full log: $log" >&2
  tail -n 20 -- "$log" >&2
fi
exit "$status"

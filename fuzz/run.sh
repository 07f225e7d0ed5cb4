#!/usr/bin/env bash
# Runs one fuzz target for a set time, from the seed corpus in fuzz/corpus/<target>/.
#
#   fuzz/run.sh front-matter 1800    # libFuzzer: bytes → front matter → YAML → validated entry
#   fuzz/run.sh markdown 1800        # libFuzzer: Markdown body → HTML, links, jargon buster
#   fuzz/run.sh search 1800          # Swift + Node: fuzzed entries → search index → engine.js answers
#
# libFuzzer keeps what it learns in .build-fuzz/corpus/<target>/ (not in git); crashes, timeouts and
# leaks are written to fuzz/crashes/ (git-ignored) and reproduced with `.build-fuzz/<target> <file>`.
# The last lines of .build-fuzz/<target>.log give executions and coverage.
# Run it with `nice -n 10` on a shared machine: it keeps one core busy.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${1:?usage: fuzz/run.sh front-matter|markdown|search SECONDS}
seconds=${2:-60}
cd "$root"
mkdir -p fuzz/crashes .build-fuzz

case "$target" in
  search)
    python3 fuzz/search/fuzz_search.py --seconds "$seconds" 2>&1 | tee .build-fuzz/search.log
    exit "${PIPESTATUS[0]}"
    ;;
  front-matter) max_len=16384 ;;
  markdown) max_len=65536 ;;
  *) echo "unknown target '$target': front-matter, markdown or search" >&2; exit 2 ;;
esac

fuzz/build.sh "$target"
work=".build-fuzz/corpus/$target"
mkdir -p "$work"
log=".build-fuzz/$target.log"
# -timeout: any input taking 10 s is a hang (the content limits promise seconds for a 1 MiB file);
# -rss_limit_mb: any input needing 2 GB is a memory blow-up.
# LeakSanitizer checking after every new input made the front-matter target 17 times slower (Dispatch
# and Foundation keep caches, so malloc and free counts rarely match and each check scans the heap), so
# the timed run fuzzes without it and then replays the whole corpus it built with leak checking on.
# Swift's own crash handler trips AddressSanitizer; libFuzzer reports the crash itself.
export SWIFT_BACKTRACE=enable=no
set +e
".build-fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" -detect_leaks=0 \
  -dict="fuzz/dict/$target.dict" -artifact_prefix="fuzz/crashes/$target-" -print_final_stats=1 \
  "$work" "fuzz/corpus/$target" 2>&1 | tee "$log" | grep -E "^#[0-9]+[[:space:]]+(INITED|DONE)|ERROR|SUMMARY|Done [0-9]+ runs|stat::"
status=${PIPESTATUS[0]}
if [ "$status" -eq 0 ]; then
  echo "Replaying $(ls "$work" | wc -l) inputs with leak checking"
  ".build-fuzz/$target" -runs=0 -detect_leaks=1 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="fuzz/crashes/$target-" \
    "$work" 2>&1 | tee "$log.leaks" | grep -E "INITED|ERROR|SUMMARY|leak"
  status=${PIPESTATUS[0]}
fi
set -e
echo "log: $log; working corpus: $work ($(ls "$work" | wc -l) inputs)"
exit "$status"

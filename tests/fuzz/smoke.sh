#!/usr/bin/env bash
# Run every libFuzzer target in BUILD_DIR for SECONDS each on a scratch copy
# of its checked-in corpus (new inputs never land in the source tree).
# Any crash, leak, timeout or sanitizer report fails the script and shows
# the fuzzer's log. Usage: tests/fuzz/smoke.sh BUILD_DIR [SECONDS]
set -euo pipefail
build=${1:?usage: smoke.sh BUILD_DIR [SECONDS]}
seconds=${2:-5}
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for dir in "$here"/corpus/*/; do
  name=$(basename "$dir")
  bin="$build/tests/fuzz/fuzz_$name"
  [ -x "$bin" ] || { echo "missing fuzzer $bin" >&2; exit 1; }
  mkdir -p "$scratch/$name"
  cp "$dir"* "$scratch/$name/"
  log="$scratch/$name.log"
  if ! "$bin" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$scratch/$name-" "$scratch/$name" >"$log" 2>&1; then
    cat "$log" >&2
    echo "fuzz_$name failed" >&2
    exit 1
  fi
  echo "fuzz_$name: $(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$') runs in ${seconds}s"
done

#!/usr/bin/env bash
# Runs the whole benchmark suite with one command, from anywhere:
#   1. the Swift engines (ordo-one/benchmark), checked against the stored thresholds
#      (Benchmarks/Thresholds): the script fails when a benchmark regressed beyond its tolerance;
#   2. the C boundary: the self-contained libcoordination.so.0 (scripts/build-c-library.sh), a C
#      program timing coord_tariff_price (batch and per file) against a plain C loop, and
#      coord_ifaq_compute_json on a 5,000-hospital campaign; a second one timing every other
#      entry point (records with caps, the IFAQ struct API on the Swift benchmark's campaign,
#      the JSON engines, the holidays);
#   3. the size of the shipped .so (stripped) and what each part of it weighs.
#
# usage: Benchmarks/run.sh [--update-thresholds]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$here"

echo "== Swift engines"
if [ "${1:-}" = "--update-thresholds" ]; then
  swift package --allow-writing-to-package-directory benchmark thresholds update --no-progress
else
  swift package benchmark --no-progress --format markdown | tee "$here/.last-results.md"
  set +e
  swift package benchmark thresholds check --no-progress
  status=$?
  set -e
  # 0: equal, 4: only improvements; 2: regressions.
  if [ $status -ne 0 ] && [ $status -ne 4 ]; then echo "benchmark regression (status $status)"; exit $status; fi
fi

echo "== C boundary"
"$root/scripts/build-c-library.sh" "$root/dist" >/dev/null
export PKG_CONFIG_PATH="$root/dist/lib/pkgconfig"
bin="$root/.build-clib/bench"
mkdir -p "$bin"
cc -std=c11 -O2 -Wall -Wextra -Werror -pedantic "$here/CBoundary/c_boundary_bench.c" \
  $(pkg-config --cflags --libs coordination) -Wl,-rpath,"$root/dist/lib" -o "$bin/c_boundary_bench"
(cd "$root" && swift run -c release --scratch-path "$root/.build-clib" coordkit ifaq --campaign 2023 \
   --hospitals 5000 --write-input "$bin/ifaq-5000.json" >/dev/null)
/usr/bin/time -f "  peak resident memory of the C benchmark: %M KB" "$bin/c_boundary_bench" 10000000 "$bin/ifaq-5000.json"
cc -std=c11 -O2 -Wall -Wextra -Werror -pedantic "$here/CBoundary/c_engines_bench.c" \
  $(pkg-config --cflags --libs coordination) -Wl,-rpath,"$root/dist/lib" -o "$bin/c_engines_bench"
(cd "$root" && swift run -c release --scratch-path "$root/.build-clib" coordkit ifaq --write-sample "$bin/sample-5000" \
   --hospitals 5000 --indicators 20 >/dev/null)
"$bin/c_engines_bench" 1000000 "$bin/sample-5000"

echo "== shipped library"
ls -l "$root/dist/lib/libcoordination.so.0" | awk '{printf "  libcoordination.so.0 (stripped): %.1f MB\n", $5 / 1e6}'
python3 "$here/library-size.py" "$root/.build-clib/release/libcoordination.so"

#!/usr/bin/env bash
# Fuzzes the document parsers and the C entry points with libFuzzer for a bounded time.
#
#   Tests/Fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default 60 s, every target)
#
# Builds the library, the C boundary and the targets (Tests/CoordinationCTests/FuzzTargets.swift,
# shared with `swift test`) with
# -sanitize=fuzzer,address into .build-fuzz/fuzz, then runs each target from its seed corpus
# (Tests/Fuzz/corpus/TARGET). A crash, a Swift trap, an AddressSanitizer report, a leak or an
# input slower than 10 s fails the script; libFuzzer writes the input to .build-fuzz/artifacts.
# New interesting inputs stay in .build-fuzz/corpus; the ones worth keeping are committed under
# Tests/Fuzz/regressions/TARGET and replayed by `swift test` (FuzzRegressionTests).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(tariff-json ifaq-rules-json ifaq-input-json case-json tariff-csv ifaq-csv aci-json fiqcs-json c-args ifaq-simulation-json)
out="$root/.build-fuzz"
mkdir -p "$out/module" "$out/artifacts"

flags=(-package-name CoordinationKit -O -sanitize=fuzzer,address -parse-as-library -swift-version 6)
newer() { [ ! -e "$1" ] || [ -n "$(find "${@:2}" -name '*.swift' -newer "$1" | head -1)" ]; }
if newer "$out/libCoordinationKit.a" "$root/Sources/CoordinationKit"; then
  echo "== building the library with -sanitize=fuzzer,address (about a minute)"
  swiftc "${flags[@]}" -module-name CoordinationKit -emit-module -emit-module-path "$out/module/CoordinationKit.swiftmodule" \
    -emit-library -static -o "$out/libCoordinationKit.a" $(find "$root/Sources/CoordinationKit" -name '*.swift' | sort)
  rm -f "$out/fuzz" "$out/libCoordinationCSV.a"
fi
if newer "$out/libCoordinationCSV.a" "$root/Sources/CoordinationCSV"; then
  echo "== building the CSV import with -sanitize=fuzzer,address"
  swiftc "${flags[@]}" -module-name CoordinationCSV -I "$out/module" -emit-module -emit-module-path "$out/module/CoordinationCSV.swiftmodule" \
    -emit-library -static -o "$out/libCoordinationCSV.a" $(find "$root/Sources/CoordinationCSV" -name '*.swift' | sort)
  rm -f "$out/fuzz"
fi
if newer "$out/fuzz" "$root/Sources/CoordinationC" "$here" "$root/Tests/CoordinationCTests/FuzzTargets.swift"; then
  echo "== building the fuzz targets"
  swiftc "${flags[@]}" -module-name CoordinationC -I "$out/module" -I "$root/include" \
    "$root"/Sources/CoordinationC/*.swift "$here/FuzzMain.swift" "$root/Tests/CoordinationCTests/FuzzTargets.swift" "$out/libCoordinationCSV.a" "$out/libCoordinationKit.a" -o "$out/fuzz" \
    2> >(grep -v "Cannot export local symbol" >&2)   # ld.gold's noise about the sanitizer's local symbols
fi

status=0
for target in "${targets[@]}"; do
  corpus="$out/corpus/$target"
  mkdir -p "$corpus"
  [ -d "$here/corpus/$target" ] && cp -n "$here/corpus/$target"/* "$corpus"/ 2>/dev/null || true
  echo "== $target: ${seconds} s"
  if ! COORD_FUZZ_TARGET=$target "$out/fuzz" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
       -max_len=65536 -artifact_prefix="$out/artifacts/$target-" -print_final_stats=1 2>"$out/$target.log"; then
    echo "FAILED: $target (see $out/$target.log and $out/artifacts)"; tail -30 "$out/$target.log"; status=1
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb|cov:" "$out/$target.log" | tail -3
  fi
done
exit $status

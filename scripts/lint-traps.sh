#!/usr/bin/env bash
# Fails when a trap path appears in the C boundary or in the code that reads outside input
# (JSON and CSV parsers, validating decoders, the care model's checks): force unwraps, try!,
# as!, fatalError, precondition, and narrowing integer conversions that trap on overflow
# (Int32(x), UInt8(x)... on a non-literal; use Int32(exactly:), truncatingIfNeeded: or a
# checked path). A line may opt out with `// trap-free: <why the input cannot reach it>`.
#
#   scripts/lint-traps.sh               scan the sources
#   scripts/lint-traps.sh --self-test   check that each pattern is caught and each opt-out honoured
set -euo pipefail
cd "$(dirname "$0")/.."

scan() {
  grep -nE 'try!|fatalError\(|precondition\(|preconditionFailure\(|[]A-Za-z0-9_)]!([^=]|$)|as!|\b(U?Int(8|16|32))\((([^e)]|e[^x])[^)]*)\)' "$1" \
    | grep -vE 'trap-free:|\((exactly|truncatingIfNeeded|clamping|bitPattern):|\(ascii:|\(repeating:' \
    | grep -vE '^\s*[0-9]+:\s*//' \
    | grep -vE '\b(U?Int(8|16|32))\([0-9_]+\)' || true
}

if [ "${1:-}" = "--self-test" ]; then
  sample=$(mktemp)
  printf '%s\n' 'let a = Int32(value)' 'let b = try! f()' 'let c = x!.y' 'let d = y as! Z' 'fatalError("x")' \
    'precondition(ok)' 'let e = list[0]!' > "$sample"
  caught=$(scan "$sample" | wc -l)
  printf '%s\n' 'let a = Int32(exactly: v)' 'let b = Int32(truncatingIfNeeded: v)' 'let c = UInt8(ascii: "0")' \
    'let d = Int32(12)' 'if a != b {}' 'let e = Int32(v)  // trap-free: v < 10' '// try! in a comment' > "$sample"
  allowed=$(scan "$sample" | wc -l)
  rm -f "$sample"
  [ "$caught" -eq 7 ] && [ "$allowed" -eq 0 ] && { echo "lint self-test passed"; exit 0; }
  echo "lint self-test failed: caught $caught of 7 trap patterns, flagged $allowed of 7 allowed lines"; exit 1
fi
files=$( (ls Sources/CoordinationC/*.swift
          find Sources/CoordinationKit \( -name '*Parser*.swift' -o -name '*Loader*.swift' -o -name '*CSV*.swift' \
               -o -name '*JSON*.swift' -o -name '*Coding*.swift' -o -name '*Validation*.swift' -o -name 'CSVReader.swift' \)
          find Sources/CoordinationKit/Care Sources/CoordinationKit/Cases Sources/CoordinationKit/Plans Sources/CoordinationKit/Funds -name '*.swift') | sort -u)
status=0
for file in $files; do
  hits=$(scan "$file")
  if [ -n "$hits" ]; then
    echo "$file:"; echo "$hits"; status=1
  fi
done
[ $status -eq 0 ] && echo "no trap paths found in $(echo "$files" | wc -w) files"
exit $status

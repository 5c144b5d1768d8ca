#!/usr/bin/env bash
# Fails when a trap path appears in the C boundary or the parsers: force unwraps, try!,
# fatalError, precondition, unchecked narrowing conversions (Int32(x) on a wider value). A line
# may opt out with a comment `// trap-free: <why the input cannot reach it>` on the same line.
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(ls Sources/CoordinationC/*.swift; find Sources/CoordinationKit -name '*Parser*.swift' -o -name '*Loader*.swift' -o -name '*CSV*.swift' | sort)
status=0
for file in $files; do
  # Strip string literals and comments roughly before matching.
  hits=$(grep -nE 'try!|fatalError\(|precondition\(|preconditionFailure\(|[A-Za-z0-9_)\]]!([^=]|$)|as!' "$file" \
         | grep -v 'trap-free:' | grep -vE '^\s*[0-9]+:\s*//' || true)
  if [ -n "$hits" ]; then
    echo "$file:"; echo "$hits"; status=1
  fi
done
[ $status -eq 0 ] && echo "no trap paths found in $(echo "$files" | wc -w) files"
exit $status

#!/usr/bin/env bash
# Checks an installed tree as its users meet it: moved to another directory (relocatable),
# used from C through pkg-config, and from CMake through find_package(coordination) when cmake
# is there. Run by CI after scripts/install.sh.
#
# usage: scripts/check-install.sh PREFIX
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -a "$1" "$work/moved"          # a copied tree must work where it lands
prefix="$work/moved"

test -x "$prefix/bin/coordkit" && "$prefix/bin/coordkit" tariff --json >/dev/null \
  && echo "coordkit runs from the moved tree"
ldd "$prefix/bin/coordkit" | grep -q swift && { echo "coordkit needs a Swift runtime"; exit 1; }

cat > "$work/app.c" <<'C'
#include <coordination.h>
#include <stdio.h>
int main(void) {
    int64_t parts[12], sum = 0;
    int i;
    if (coord_split_instalments(10000000000, 12, parts) != COORD_OK) return 1;
    for (i = 0; i < 12; i++) sum += parts[i];
    printf("coordination %s: 100 M EUR in 12 instalments adding up to %lld cents\n", coord_version_string(), (long long)sum);
    return sum == 10000000000 ? 0 : 1;
}
C
PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags --libs coordination | grep -q "$prefix" \
  || { echo "the pkg-config file does not point at the moved tree"; exit 1; }
cc -std=c11 -Wall -Werror "$work/app.c" $(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags --libs coordination) \
  -Wl,-rpath,"$prefix/lib" -o "$work/app"
"$work/app"

if ! command -v cmake >/dev/null 2>&1; then
  (apt-get update -qq && apt-get install -y -qq --no-install-recommends cmake) >/dev/null 2>&1 || true
fi
if command -v cmake >/dev/null 2>&1; then
  mkdir -p "$work/cmake-app"
  cp "$work/app.c" "$work/cmake-app/app.c"
  cat > "$work/cmake-app/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.16)
project(coordination_user C)
find_package(coordination 0.1 REQUIRED)
add_executable(app app.c)
target_link_libraries(app PRIVATE coordination::coordination)
CMAKE
  cmake -S "$work/cmake-app" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$work/cmake-build" >/dev/null
  "$work/cmake-build/app"
  echo "find_package(coordination) works from the moved tree"
else
  echo "warning: cmake not installable here: the CMake package was not tried"
fi

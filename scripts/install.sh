#!/usr/bin/env bash
# Installs CoordinationKit for its users:
#
#   PREFIX/bin/coordkit                          the command line (release build)
#   PREFIX/lib/libcoordination.so.0, .so         the self-contained C library
#   PREFIX/include/coordination.h                its header
#   PREFIX/lib/pkgconfig/coordination.pc         pkg-config --cflags --libs coordination
#   PREFIX/lib/cmake/coordination/               find_package(coordination) in CMake
#   PREFIX/share/doc/coordination/               the formats and rules the header cites
#
# usage: scripts/install.sh PREFIX      (e.g. /usr/local, or $HOME/.local; created if needed)
#
# coordkit links the Swift runtime statically: it runs on a machine without Swift. The tree is
# relocatable (the pkg-config and CMake files find the library from their own place).
set -euo pipefail
if [ $# -ne 1 ]; then echo "usage: scripts/install.sh PREFIX" >&2; exit 2; fi
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1"
prefix=$(cd "$1" && pwd)

"$root/scripts/build-c-library.sh" "$prefix"

cd "$root"
swift build -c release --scratch-path "$root/.build-clib" --product coordkit -Xswiftc -static-stdlib
mkdir -p "$prefix/bin"
cp "$root/.build-clib/release/coordkit" "$prefix/bin/coordkit"
strip "$prefix/bin/coordkit"
echo "installed $prefix/bin/coordkit, $prefix/lib/libcoordination.so.0, $prefix/include/coordination.h"
echo "C:     export PKG_CONFIG_PATH=$prefix/lib/pkgconfig; cc app.c \$(pkg-config --cflags --libs coordination)"
echo "CMake: cmake -DCMAKE_PREFIX_PATH=$prefix ...   with find_package(coordination) and coordination::coordination"

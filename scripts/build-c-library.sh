#!/usr/bin/env bash
# Builds the self-contained C library of CoordinationKit:
#
#   dist/lib/libcoordination.so.0       the Swift runtime linked in; exports only coord_*
#   dist/lib/libcoordination.so         symlink for -lcoordination
#   dist/include/coordination.h         the header
#   dist/lib/pkgconfig/coordination.pc  for pkg-config --cflags --libs coordination
#
# usage: scripts/build-c-library.sh [PREFIX]     (PREFIX defaults to ./dist)
#
# The library depends only on libc, libm, libstdc++ and libgcc_s: it runs on a machine with no
# Swift toolchain. Release build, stripped.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
prefix=${1:-"$root/dist"}
major=$(sed -n 's/^#define COORD_VERSION_MAJOR *\([0-9]*\).*/\1/p' "$root/include/coordination.h")
version=$(sed -n 's/^#define COORD_VERSION_STRING *"\(.*\)".*/\1/p' "$root/include/coordination.h")
scratch="$root/.build-clib"

cd "$root"
swift build -c release --scratch-path "$scratch" --product coordination \
  -Xswiftc -static-stdlib \
  -Xlinker --version-script="$root/scripts/coordination.map" \
  -Xlinker -soname=libcoordination.so."$major"

built="$scratch/release/libcoordination.so"
mkdir -p "$prefix/lib/pkgconfig" "$prefix/include"
cp "$built" "$prefix/lib/libcoordination.so.$major"
strip --strip-unneeded "$prefix/lib/libcoordination.so.$major"
ln -sf "libcoordination.so.$major" "$prefix/lib/libcoordination.so"
cp "$root/include/coordination.h" "$prefix/include/"
cat > "$prefix/lib/pkgconfig/coordination.pc" <<PC
prefix=$prefix
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: coordination
Description: CoordinationKit C ABI: French care-coordination and hospital-funding rules
Version: $version
Libs: -L\${libdir} -lcoordination
Cflags: -I\${includedir}
PC
echo "built $prefix/lib/libcoordination.so.$major ($(du -h "$prefix/lib/libcoordination.so.$major" | cut -f1))"

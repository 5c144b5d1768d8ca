#!/usr/bin/env bash
# Builds the self-contained C library of CoordinationKit:
#
#   dist/lib/libcoordination.so.0       the Swift runtime linked in; exports only coord_*
#   dist/lib/libcoordination.so         symlink for -lcoordination
#   dist/include/coordination.h         the header
#   dist/lib/pkgconfig/coordination.pc  for pkg-config --cflags --libs coordination
#   dist/lib/cmake/coordination/        for CMake: find_package(coordination), target coordination::coordination
#   dist/share/doc/coordination/        the documents the header cites (formats, rules)
#
# The tree is relocatable: the pkg-config and CMake files find the library from their own
# place (${pcfiledir}, CMAKE_CURRENT_LIST_DIR), so a copied or moved dist/ keeps working.
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
prefix=\${pcfiledir}/../..
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: coordination
Description: CoordinationKit C ABI: French care-coordination and hospital-funding rules
Version: $version
Libs: -L\${libdir} -lcoordination
Cflags: -I\${includedir}
PC

mkdir -p "$prefix/lib/cmake/coordination"
cat > "$prefix/lib/cmake/coordination/coordinationConfig.cmake" <<'CMAKE'
# CMake package of the CoordinationKit C library: find_package(coordination) defines the
# imported target coordination::coordination (header and shared library), found from this
# file's own place, so the installed tree can be moved.
get_filename_component(_coordination_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
if(NOT TARGET coordination::coordination)
  add_library(coordination::coordination SHARED IMPORTED)
  set_target_properties(coordination::coordination PROPERTIES
    IMPORTED_LOCATION "${_coordination_prefix}/lib/libcoordination.so.0"
    IMPORTED_SONAME "libcoordination.so.0"
    INTERFACE_INCLUDE_DIRECTORIES "${_coordination_prefix}/include")
endif()
set(coordination_INCLUDE_DIRS "${_coordination_prefix}/include")
set(coordination_LIBRARIES coordination::coordination)
unset(_coordination_prefix)
CMAKE
cat > "$prefix/lib/cmake/coordination/coordinationConfigVersion.cmake" <<CMAKE
# Compatible within a major version (the header's COORD_VERSION_MAJOR).
set(PACKAGE_VERSION "$version")
if(PACKAGE_FIND_VERSION_MAJOR AND NOT PACKAGE_FIND_VERSION_MAJOR STREQUAL "$major")
  set(PACKAGE_VERSION_COMPATIBLE FALSE)
elseif(PACKAGE_FIND_VERSION VERSION_GREATER PACKAGE_VERSION)
  set(PACKAGE_VERSION_COMPATIBLE FALSE)
else()
  set(PACKAGE_VERSION_COMPATIBLE TRUE)
  if(PACKAGE_FIND_VERSION STREQUAL PACKAGE_VERSION)
    set(PACKAGE_VERSION_EXACT TRUE)
  endif()
endif()
CMAKE

# The documents the header cites, with the examples they point to.
mkdir -p "$prefix/share/doc/coordination/examples"
for doc in TARIFF IFAQ FUNDS CARE; do cp "$root/docs/$doc.md" "$prefix/share/doc/coordination/"; done
cp "$root"/docs/examples/* "$prefix/share/doc/coordination/examples/"
cp "$root/LICENSE" "$prefix/share/doc/coordination/"

echo "built $prefix/lib/libcoordination.so.$major ($(du -h "$prefix/lib/libcoordination.so.$major" | cut -f1))"

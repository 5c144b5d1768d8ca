#!/usr/bin/env python3
"""What each part of libcoordination.so weighs: the size of its code and data (the .text,
.rodata, .data and unwind sections, not debug information) by the module that defines each
symbol, read from the unstripped library's symbol table. Swift symbols carry their module in
their mangled name; the Swift runtime is C++.

usage: library-size.py path/to/libcoordination.so   (the unstripped build, .build-clib/release)
"""
import collections
import re
import subprocess
import sys

def module(name):
    if name.startswith(("$ss", "$sS")) or "swift_stdlib" in name:
        return "Swift standard library (with its Unicode tables)"
    match = re.match(r"^\$s(\d+)([A-Za-z_][A-Za-z0-9_]*)", name)
    if match:
        return match.group(2)[: int(match.group(1))]
    if name.startswith(("swift_", "_swift")) or (name.startswith("_Z") and "swift" in name):
        return "Swift runtime (C++: metadata, casts, demangler)"
    if name.startswith("coord_"):
        return "CoordinationC (exported C functions)"
    if name.startswith("_Z"):
        return "C++ standard library pieces the runtime uses"
    return "other (C, tables)"

def main():
    output = subprocess.run(["nm", "-S", "--size-sort", sys.argv[1]], capture_output=True, text=True, check=True).stdout
    sizes = collections.Counter()
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 4:
            sizes[module(parts[3])] += int(parts[1], 16)
    total = sum(sizes.values())
    for name, size in sizes.most_common():
        if size >= 10_000:
            print(f"  {size / 1e6:6.2f} MB  {100 * size / total:4.1f} %  {name}")
    print(f"  {total / 1e6:6.2f} MB  in symbols (the stripped file adds symbol and relocation tables)")

if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# The no-trap lint: scans every Swift file under Sources/ for the ways a process dies on input
# (try!, as!, force unwraps, fatalError, precondition, and integer conversions that trap when
# the value does not fit, such as Int64(aDouble) or Int64(anInt128)). The rules and the opt-out
# (`// trap-free: <why>`) are in scripts/lint-traps.py.
#
#   scripts/lint-traps.sh               scan the sources
#   scripts/lint-traps.sh --self-test   check that each pattern is caught and each safe form allowed
exec python3 "$(dirname "$0")/lint-traps.py" "$@"

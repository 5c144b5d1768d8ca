#!/usr/bin/env python3
"""Finds the trap paths of the sources: the ways a Swift process dies on input.

Scans every Swift file under Sources/ (the library, the CSV import, the sample data, the C
boundary and the command line: everything a public API reaches). A line is flagged for:
  - try!, as!, a force unwrap, fatalError, precondition, preconditionFailure;
  - an integer conversion that traps when the value does not fit: Int64(x), Int(x), Int32(x),
    UInt64(x)... on a non-literal, whatever x is (a Double, an Int128, a wider integer): use
    Int64(exactly:), truncatingIfNeeded:, clamping:, or a checked path.
Not flagged: labelled conversions, literals, and failable conversions from text in an optional
context (`if let n = Int(text)`, `guard let`, `Int(text) ?? 0`, `.map(Int.init)` is not used).
A line opts out with `// trap-free: <why the input cannot reach it>`: the reason is the review.

usage: lint-traps.py [--self-test]
"""
import os
import re
import sys

TRAPS = [
    (re.compile(r'try!'), 'try!'),
    (re.compile(r'\bas!'), 'as!'),
    (re.compile(r'\bfatalError\('), 'fatalError'),
    (re.compile(r'\bprecondition(Failure)?\('), 'precondition'),
    (re.compile(r'[\]A-Za-z0-9_)]!(?:[^=]|$)'), 'force unwrap'),
]
CONVERSION = re.compile(r'\b(U?Int(?:8|16|32|64|128)?)\(')
LABELS = ('exactly:', 'truncatingIfNeeded:', 'clamping:', 'bitPattern:', 'ascii:', 'repeating:', 'littleEndian:',
          'bigEndian:', 'integerLiteral:', 'stringLiteral:')


def argument(line, start):
    """The text between the parenthesis at `start` and its match, or None."""
    depth = 0
    for index in range(start, len(line)):
        if line[index] == '(':
            depth += 1
        elif line[index] == ')':
            depth -= 1
            if depth == 0:
                return line[start + 1:index], index
    return None, None


def strip_strings(line):
    return re.sub(r'"(?:[^"\\]|\\.)*"', '""', line)


def conversions(line):
    hits = []
    for match in CONVERSION.finditer(line):
        name = match.group(1)
        arg, end = argument(line, match.end() - 1)
        if arg is None:
            continue
        text = arg.strip()
        if text.startswith(LABELS) or re.fullmatch(r'-?[0-9_]+', text) or text == '':
            continue
        if name in ('Int128', 'UInt128') or (name == 'Int' and False):
            continue  # widening to 128 bits cannot trap
        before = line[:match.start()]
        after = line[end + 1:]
        # A failable conversion from text, in an optional context.
        if re.search(r'(if|guard|,)\s+(let|var)\s+\w+\s*=\s*$', before) or after.lstrip().startswith('??') \
                or re.search(r'(let|var)\s+\w+\s*=\s*$', before) and after.lstrip().startswith(','):
            continue
        hits.append(f'{name}({text})')
    return hits


def scan_line(line):
    code = line.split('//', 1)[0] if '//' in strip_strings(line) else line
    code = strip_strings(code)
    if 'trap-free:' in line or code.strip() == '':
        return []
    found = [label for pattern, label in TRAPS if pattern.search(code)]
    found += [f'conversion {c}' for c in conversions(code)]
    return found


def scan(path):
    out = []
    with open(path, encoding='utf-8') as handle:
        for number, line in enumerate(handle, 1):
            if line.lstrip().startswith('//'):
                continue
            for label in scan_line(line):
                out.append(f'{path}:{number}: {label}: {line.strip()}')
    return out


def self_test():
    caught = ['let a = Int32(value)', 'let b = try! f()', 'let c = x!.y', 'let d = y as! Z', 'fatalError("x")',
              'precondition(ok)', 'let e = list[0]!', 'let f = Int64(someDouble * 1000)', 'let g = Int64(wide / 10_000)',
              'let h = Int(count64)', 'return UInt64(x)']
    allowed = ['let a = Int32(exactly: v)', 'let b = Int32(truncatingIfNeeded: v)', 'let c = UInt8(ascii: "0")',
               'let d = Int32(12)', 'if a != b {}', 'let e = Int32(v)  // trap-free: v < 10', '// try! in a comment',
               'guard let n = Int(text) else { return }', 'if let year = Int(parts[0]), let m = Int(parts[1]) {',
               'let n = Int(text) ?? 0', 'let w = Int128(a) * Int128(b)', 'print("try! is text")']
    missed = [line for line in caught if not scan_line(line)]
    wrong = [line for line in allowed if scan_line(line)]
    if missed or wrong:
        print('lint self-test failed:', 'missed', missed, 'flagged', wrong)
        return 1
    print(f'lint self-test passed ({len(caught)} traps caught, {len(allowed)} safe lines allowed)')
    return 0


def main():
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
    if sys.argv[1:] == ['--self-test']:
        return self_test()
    files = sorted(os.path.join(root, name) for root, _, names in os.walk('Sources') for name in names
                   if name.endswith('.swift'))
    hits = [hit for path in files for hit in scan(path)]
    for hit in hits:
        print(hit)
    if hits:
        print(f'{len(hits)} trap path(s) in {len(files)} files: make them checked, or say why the input cannot reach them with // trap-free:')
        return 1
    print(f'no trap paths found in {len(files)} files')
    return 0


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/env python3
"""The HTML reports as a person sees them, in Chromium (headless): run by .ci/run.

usage: scripts/check-reports.py COORDKIT [FOLDER]

Writes every report with COORDKIT (the IFAQ campaign with its 2,500 hospital pages, the tariff
year, the quality sample, the ACI example) into FOLDER (default: a temporary folder), then for
each index and two hospital pages:
  - renders a PNG in a window wider than A4 and checks the page is not blank, that nothing is
    drawn outside the 180 mm text width of an A4 page, and that its ink ratio is within the
    reference range kept below;
  - prints it to PDF and checks an A4 document comes out;
  - reads the DOM Chromium built and checks every SVG is well-formed XML and that the amounts
    written are the ones `coordkit ifaq --json` computes.
Exit status 0 when every check passes; each failure is printed.
"""
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
import zlib

WINDOW = (1200, 2000)
TEXT_WIDTH_PX = 180 / 25.4 * 96          # the A4 text width, in CSS pixels
# Reference properties of the screenshots (window 1200 x 2000): the share of non-white pixels.
REFERENCE_INK = {
    'ifaq-index': (0.03, 0.30),
    'ifaq-hospital': (0.04, 0.30),
    'tariff': (0.04, 0.35),
    'quality': (0.04, 0.40),
    'aci': (0.04, 0.35),
}

failures = []


def fail(message):
    failures.append(message)
    print('FAIL ' + message)


def chromium():
    for name in ('chromium', 'chromium-browser', 'google-chrome'):
        path = shutil.which(name)
        if path:
            return path
    sys.exit('check-reports: no chromium on PATH (apt-get install chromium)')


def browser(*arguments, timeout=120):
    command = [chromium(), '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--no-first-run',
               '--disable-dev-shm-usage'] + list(arguments)
    return subprocess.run(command, capture_output=True, timeout=timeout)


def read_png(path):
    """Width, height and rows of (r, g, b) tuples of an 8-bit RGB or RGBA PNG."""
    data = open(path, 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
    offset, chunks, header = 8, [], None
    while offset < len(data):
        length, kind = struct.unpack('>I4s', data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        if kind == b'IHDR':
            header = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            chunks.append(body)
        offset += 12 + length
    width, height, depth, color, _, _, interlace = header
    assert depth == 8 and color in (2, 6) and interlace == 0, f'unsupported PNG {header}'
    channels = 3 if color == 2 else 4
    raw = zlib.decompress(b''.join(chunks))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                line[i] = (line[i] + predictor) & 255
        rows.append(line)
        previous = line
    return width, height, channels, rows


def check_screenshot(name, url, kind, folder):
    png = os.path.join(folder, f'{name}.png')
    result = browser(f'--window-size={WINDOW[0]},{WINDOW[1]}', f'--screenshot={png}', url)
    if not os.path.exists(png):
        return fail(f'{name}: no screenshot ({result.stderr.decode()[-300:]})')
    width, height, channels, rows = read_png(png)
    if (width, height) != WINDOW:
        fail(f'{name}: screenshot is {width}x{height}, expected {WINDOW}')
    left = (width - TEXT_WIDTH_PX) / 2 - 4
    right = (width + TEXT_WIDTH_PX) / 2 + 4
    ink = outside = 0
    for line in rows[::2]:
        for x in range(0, width, 2):
            i = x * channels
            if line[i] < 235 or line[i + 1] < 235 or line[i + 2] < 235:
                ink += 1
                if x < left or x > right:
                    outside += 1
    ratio = ink / ((height // 2) * (width // 2))
    low, high = REFERENCE_INK[kind]
    print(f'   {name}: {width}x{height}, ink {ratio:.3f} (reference {low}-{high}), outside the A4 text width: {outside}')
    if not low <= ratio <= high:
        fail(f'{name}: ink ratio {ratio:.3f} outside {low}-{high} (blank, or not the page it was)')
    if outside:
        fail(f'{name}: {outside} sampled pixels drawn outside the 180 mm text width of an A4 page')


def check_pdf(name, url, folder):
    pdf = os.path.join(folder, f'{name}.pdf')
    browser(f'--print-to-pdf={pdf}', '--no-pdf-header-footer', url)
    if not os.path.exists(pdf):
        return fail(f'{name}: no PDF')
    data = open(pdf, 'rb').read()
    boxes = re.findall(rb'/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]', data)
    pages = len(re.findall(rb'/Type\s*/Page[^s]', data))
    a4 = bool(boxes) and all(abs(float(w) - 595.9) < 2 and abs(float(h) - 842.9) < 2 for w, h in boxes)
    print(f'   {name}.pdf: {len(data)} bytes, {pages} page(s), A4: {a4}')
    if not data.startswith(b'%PDF') or pages < 1:
        fail(f'{name}: the PDF is not a document')
    if not a4:
        fail(f'{name}: the PDF pages are not A4: {boxes[:2]}')


def dom(url):
    result = browser('--dump-dom', url)
    return result.stdout.decode('utf-8', 'replace')


def check_svgs(name, text):
    svgs = re.findall(r'<svg\b.*?</svg>', text, flags=re.S)
    for svg in svgs:
        try:
            ElementTree.fromstring(svg)
        except ElementTree.ParseError as error:
            fail(f'{name}: an SVG is not well-formed: {error}')
            break
    return len(svgs)


def french(cents):
    sign = '-' if cents < 0 else ''
    euros, rest = divmod(abs(cents), 100)
    grouped = f'{euros:,}'.replace(',', ' ')
    return f'{sign}{grouped},{rest:02d} €'


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    coordkit = os.path.abspath(sys.argv[1])
    folder = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else tempfile.mkdtemp(prefix='coordkit-reports-')
    os.makedirs(folder, exist_ok=True)

    def run(*arguments):
        return subprocess.run([coordkit] + list(arguments), capture_output=True, text=True, check=True).stdout

    started = time.monotonic()
    run('ifaq', '--report', os.path.join(folder, 'ifaq'))
    print(f'   coordkit ifaq --report: {time.monotonic() - started:.2f} s for {len(os.listdir(os.path.join(folder, "ifaq", "hospitals")))} hospital pages')
    run('tariff', '--report', os.path.join(folder, 'tariff'))
    run('quality', '--report', os.path.join(folder, 'quality'))
    run('aci', '--report', os.path.join(folder, 'aci'))
    result = json.loads(run('ifaq', '--json'))

    hospitals = result['hospitals']
    penalized = next((h for h in hospitals if h['penalty']['status'] != 'none'), hospitals[0])
    plain = next((h for h in hospitals if h['penalty']['status'] == 'none'), hospitals[0])
    pages = [
        ('ifaq-index', os.path.join(folder, 'ifaq', 'index.html'), 'ifaq-index', None),
        ('ifaq-plain', os.path.join(folder, 'ifaq', 'hospitals', plain['id'] + '.html'), 'ifaq-hospital', plain),
        ('ifaq-penalty', os.path.join(folder, 'ifaq', 'hospitals', penalized['id'] + '.html'), 'ifaq-hospital', penalized),
        ('tariff', os.path.join(folder, 'tariff', 'index.html'), 'tariff', None),
        ('quality', os.path.join(folder, 'quality', 'index.html'), 'quality', None),
        ('aci', os.path.join(folder, 'aci', 'index.html'), 'aci', None),
    ]
    for name, path, kind, hospital in pages:
        url = 'file://' + path
        print(f'== {name}: {path}')
        check_screenshot(name, url, kind, folder)
        check_pdf(name, url, folder)
        text = dom(url)
        if '</html>' not in text:
            fail(f'{name}: Chromium returned no document')
            continue
        count = check_svgs(name, text)
        print(f'   {count} SVG chart(s), well-formed')
        if count == 0:
            fail(f'{name}: no chart')
        if hospital is not None:
            cents = hospital['dotationCents']
            expected = f'<div class="amount" data-cents="{cents}">{french(cents)}</div>'
            if expected not in text:
                fail(f'{name}: the page does not show the computed dotation {french(cents)}')
            for instalment in hospital['instalments']:
                if f'data-cents="{instalment["cents"]}">{french(instalment["cents"])}' not in text:
                    fail(f'{name}: instalment {instalment["number"]} ({french(instalment["cents"])}) is not on the page')
                    break
        if name == 'ifaq-index':
            shown = sum(int(v) for v in re.findall(r'<td class="num" data-value="\d+" data-cents="(-?\d+)">', text))
            if shown != result['distributedCents']:
                fail(f'ifaq-index: the hospitals table adds up to {shown} cents, the campaign distributed {result["distributedCents"]}')
    if failures:
        print(f'{len(failures)} check(s) failed')
        sys.exit(1)
    print('all report checks passed')


if __name__ == '__main__':
    main()

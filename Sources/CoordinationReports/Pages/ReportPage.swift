import CoordinationKit

/// One file of a report: its path inside the report's folder and its HTML.
///
/// Pages are static and self-contained: inline CSS and SVG, no script but a few lines that
/// sort a table, no network; they print on A4 (`@page size: A4`, text 180 mm wide).
public struct ReportPage: Sendable, Hashable {
    /// The path relative to the report's folder (`index.html`, `hospitals/750000001.html`).
    public let path: String
    /// The page, a complete HTML document in UTF-8.
    public let html: String

    /// A page at `path`.
    public init(path: String, html: String) {
        self.path = path
        self.html = html
    }
}

/// The frame every page shares.
enum PageShell {
    static let style = """
    @page { size: A4; margin: 14mm 15mm; }
    * { box-sizing: border-box; }
    html { background: white; }
    body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #222; max-width: 180mm; margin: 0 auto; padding: 6mm 0; }
    h1 { font-size: 16pt; margin: 0 0 2mm; color: #1f5fa8; }
    h2 { font-size: 12.5pt; margin: 6mm 0 2mm; border-bottom: 1px solid #ccc; padding-bottom: 1mm; }
    h3 { font-size: 10.5pt; margin: 4mm 0 1mm; }
    p { margin: 1.5mm 0; }
    .lead { color: #555; }
    .amount { font-size: 20pt; font-weight: bold; color: #1f5fa8; margin: 2mm 0; }
    table { border-collapse: collapse; width: 100%; margin: 2mm 0; table-layout: auto; }
    th, td { border-bottom: 1px solid #e2e2e2; padding: 1mm 1.5mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
    th { background: #f1f4f8; font-weight: bold; }
    td.num, th.num { text-align: right; white-space: nowrap; }
    td.key { white-space: nowrap; }
    tr.total td { font-weight: bold; border-top: 1.5px solid #555; }
    svg.chart { width: 100%; height: auto; display: block; margin: 1mm 0 3mm; }
    figure { margin: 0; break-inside: avoid; }
    figcaption { font-size: 9pt; color: #555; }
    ol.reasoning li { margin-bottom: 1.5mm; font-size: 9pt; }
    .note { font-size: 9pt; color: #555; }
    .alert { color: #b3261e; font-weight: bold; }
    a { color: #1f5fa8; }
    th[data-sort] { cursor: pointer; }
    """

    /// A complete page.
    static func page(title: String, body: String, script: String = "") -> String {
        "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>\(escaped(title))</title>"
            + "<style>\(style)</style></head><body>\n\(body)\n\(script.isEmpty ? "" : "<script>\(script)</script>")</body></html>\n"
    }

    /// An amount cell, with its cents for machines (`data-cents`).
    static func money(_ amount: Money) -> String {
        "<td class=\"num\" data-cents=\"\(amount.cents)\">\(amount.formatted(.french))</td>"
    }

    /// A row of cells already written as `<td>` or plain text (escaped).
    static func row(_ cells: [String], className: String? = nil) -> String {
        "<tr\(className.map { " class=\"\($0)\"" } ?? "")>" + cells.map { $0.hasPrefix("<td") ? $0 : "<td>\(escaped($0))</td>" }.joined() + "</tr>"
    }

    /// A header row; numeric columns are named in `numeric`.
    static func header(_ names: [String], numeric: Set<String> = [], sortable: Bool = false) -> String {
        "<tr>" + names.enumerated().map { index, name in
            "<th\(numeric.contains(name) ? " class=\"num\"" : "")\(sortable ? " data-sort=\"\(index)\"" : "")>\(escaped(name))</th>"
        }.joined() + "</tr>"
    }

    /// Sorts a table by the clicked header (numbers by their `data-value`), without a framework.
    static let sortScript = """
    document.querySelectorAll('th[data-sort]').forEach(function (th) { th.addEventListener('click', function () {
      var table = th.closest('table'), body = table.tBodies[0], i = +th.dataset.sort, up = th.dataset.dir !== 'up';
      th.dataset.dir = up ? 'up' : 'down';
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) { var x = a.cells[i].dataset.value || a.cells[i].textContent, y = b.cells[i].dataset.value || b.cells[i].textContent;
        var n = parseFloat(x) - parseFloat(y); var r = isNaN(n) ? x.localeCompare(y) : n; return up ? r : -r; });
      rows.forEach(function (r) { body.appendChild(r); }); }); });
    """
}

/// A file name for an identifier: letters, digits, `-` and `_` kept, anything else `_`.
func fileName(_ id: String) -> String {
    let kept = id.unicodeScalars.map { scalar -> Character in
        (scalar.properties.isAlphabetic && scalar.isASCII) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
            ? Character(scalar) : "_"
    }
    return kept.isEmpty ? "_" : String(kept)
}

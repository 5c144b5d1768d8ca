/// Text escaped for HTML and SVG (`&`, `<`, `>`, `"`, `'`). O(length).
func escaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(character)
        }
    }
    return out
}

/// A coordinate or length with one decimal, the precision a chart needs (`12.5`, `3`, `-0.4`).
func number(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let tenths = (value * 10).rounded()
    guard let whole = Int(exactly: tenths) else { return "0" }
    let sign = whole < 0 ? "-" : ""
    let magnitude = whole.magnitude
    return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
}

/// An SVG drawing in user units: elements appended in order, written as one `<svg>` element
/// that scales to its container's width (`viewBox`), so that a chart fits an A4 page.
struct SVGCanvas {
    let width: Double
    let height: Double
    /// What the chart shows, for screen readers (`<title>`).
    let title: String
    private(set) var body = ""

    init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, tip: String? = nil) {
        body += "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(max(width, 0)))\" height=\"\(number(max(height, 0)))\" fill=\"\(fill)\""
        if let tip { body += "><title>\(escaped(tip))</title></rect>" } else { body += "/>" }
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dashed: Bool = false) {
        body += "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(number(width))\""
            + (dashed ? " stroke-dasharray=\"4 3\"/>" : "/>")
    }

    mutating func circle(x: Double, y: Double, radius: Double, fill: String, stroke: String? = nil, tip: String? = nil) {
        body += "<circle cx=\"\(number(x))\" cy=\"\(number(y))\" r=\"\(number(radius))\" fill=\"\(fill)\""
            + (stroke.map { " stroke=\"\($0)\" stroke-width=\"1.5\"" } ?? "")
        if let tip { body += "><title>\(escaped(tip))</title></circle>" } else { body += "/>" }
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(_ text: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 11, bold: Bool = false,
                       fill: String = "#222") {
        body += "<text x=\"\(number(x))\" y=\"\(number(y))\" font-size=\"\(number(size))\" text-anchor=\"\(anchor.rawValue)\" fill=\"\(fill)\""
            + (bold ? " font-weight=\"bold\"" : "") + ">\(escaped(text))</text>"
    }

    /// Appends markup drawn elsewhere (a group's background shared by many pages).
    mutating func raw(_ markup: String) { body += markup }

    /// The drawing as one `<svg>` element.
    var svg: String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(width)) \(number(height))\" role=\"img\" "
            + "class=\"chart\"><title>\(escaped(title))</title>\(body)</svg>"
    }
}

/// The palette: print-friendly, distinguishable in grey.
enum Palette {
    static let primary = "#1f5fa8"
    static let secondary = "#8fb3dc"
    static let accent = "#d9822b"
    static let alert = "#b3261e"
    static let muted = "#b8b8b8"
    static let grid = "#e2e2e2"
    static let series = ["#1f5fa8", "#8fb3dc", "#d9822b", "#5b8c3a", "#7b5ea7"]
}

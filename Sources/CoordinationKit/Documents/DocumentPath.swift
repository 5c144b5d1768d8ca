/// Where a value sits in a document: `hospitals[3].army`. Used in every error message.
struct DocumentPath: Sendable, CustomStringConvertible {
    enum Component: Sendable {
        case key(String)
        case index(Int)
    }

    /// The last step of the path, linked to the ones before: appending is one small object,
    /// not a copy of the path (a path is made for every value a document holds).
    final class Step: Sendable {
        let parent: Step?
        let component: Component
        let depth: Int

        init(parent: Step?, component: Component) {
            self.parent = parent
            self.component = component
            depth = (parent?.depth ?? 0) + 1
        }
    }

    private let last: Step?

    init() { last = nil }
    private init(last: Step?) { self.last = last }

    static let root = DocumentPath()

    /// How many components the path has.
    var depth: Int { last?.depth ?? 0 }

    /// The components from the root.
    var components: [Component] {
        var reversed: [Component] = []
        var step = last
        while let current = step {
            reversed.append(current.component)
            step = current.parent
        }
        return reversed.reversed()
    }

    func appending(key: String) -> DocumentPath {
        DocumentPath(last: Step(parent: last, component: .key(key)))
    }

    func appending(index: Int) -> DocumentPath {
        DocumentPath(last: Step(parent: last, component: .index(index)))
    }

    /// The path as a user writes it; `document` for the root.
    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .index(let index): text += "[\(index)]"
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            }
        }
        return text.isEmpty ? "document" : text
    }

    /// The path as `Decoder.codingPath`.
    var codingPath: [any CodingKey] {
        components.map { component in
            switch component {
            case .key(let key): PathKey(stringValue: key)
            case .index(let index): PathKey(intValue: index)
            }
        }
    }

    /// The path of a `DecodingError` raised by a type's own `init(from:)`.
    static func describing(_ codingPath: [any CodingKey]) -> String {
        var path = DocumentPath()
        for key in codingPath {
            if let index = key.intValue, key.stringValue.isEmpty || key.stringValue == String(index) {
                path = path.appending(index: index)
            } else {
                path = path.appending(key: key.stringValue)
            }
        }
        return path.description
    }
}

/// A coding key for paths: a member name or a list index.
struct PathKey: CodingKey {
    let stringValue: String
    let intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue; intValue = nil }
    init(intValue: Int) { stringValue = ""; self.intValue = intValue }
}

/// A document refused by the decoding layer: the path of the bad value and what is wrong, in
/// plain words (`hospitals[3].armY: unknown key (did you mean "army"?)`).
struct DocumentError: Error, Sendable, CustomStringConvertible {
    let path: String
    let message: String
    init(_ path: DocumentPath, _ message: String) { self.path = path.description; self.message = message }
    init(path: String, _ message: String) { self.path = path; self.message = message }
    var description: String { "\(path): \(message)" }
}

/// The keys nearest to `key`, for "did you mean" hints: equal ignoring case, or within a
/// small edit distance (one edit per three characters, at least two).
enum KeySuggestion {
    static func nearest(to key: String, among candidates: some Sequence<String>) -> String? {
        let lowered = Array(key.lowercased().unicodeScalars)
        var best: (key: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, Array(candidate.lowercased().unicodeScalars))
            if let current = best, distance > current.distance || (distance == current.distance && candidate >= current.key) {
                continue
            }
            best = (candidate, distance)
        }
        guard let best, best.distance <= max(2, lowered.count / 3) else { return nil }
        return best.key
    }

    /// Levenshtein distance. O(a × b); keys are short, and a longer key is cut at 64 characters.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        let a = a.prefix(64), b = Array(b.prefix(64))
        var previous = Array(0...b.count)
        var current = previous
        for (i, x) in a.enumerated() {
            current[0] = i + 1
            for (j, y) in b.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// `text` as quoted in an error message: at most 40 characters, so that an error never
/// repeats a large input (`'xxxx…' (1048576 bytes)`).
func quotedForMessage(_ text: String) -> String {
    text.count <= 40 ? "'\(text)'" : "'\(text.prefix(40))…' (\(text.utf8.count) bytes)"
}

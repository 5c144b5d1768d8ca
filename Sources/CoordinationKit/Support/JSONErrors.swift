#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Turns a `DecodingError` into one line naming the field path, e.g.
/// `schedules[1].validFrom: missing`.
enum JSONErrors {
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text.isEmpty ? "document" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): missing"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(typeName(type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(typeName(type)), got null"
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { " (\(String(describing: $0)))" } ?? ""
            return "\(path(context.codingPath)): \(context.debugDescription)\(underlying)"
        @unknown default:
            return "invalid document"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is Bool.Type: "a boolean"
        case is Double.Type: "a number"
        default: "\(type)"
        }
    }
}

/// Decoding of the library's JSON documents: a size limit checked before parsing, and every
/// failure turned into one line naming the field path.
enum JSONDocument {
    /// The largest rule set or single case read: far above any real one (the built-in rule
    /// sets are a few KB), and low enough that a hostile document cannot make the parser
    /// allocate gigabytes.
    static let ruleSetLimit = 16 << 20
    /// The largest data document read (a national IFAQ input of 20,000 hospitals is ~100 MB).
    static let dataLimit = 1 << 30

    /// Decodes a `T`, or throws `failure(reason)` with the path of the bad field. Errors of
    /// type `E` thrown by validating decoders pass through unchanged.
    static func decode<T: Decodable, E: Error>(_ type: T.Type, from bytes: some Collection<UInt8>, limit: Int,
                                               _ failure: (String) -> E) throws(E) -> T {
        guard bytes.count <= limit else {
            throw failure("document: \(bytes.count) bytes is over the \(limit >> 20) MiB limit for this kind of document")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw failure(JSONErrors.describe(error))
        } catch let error as E {
            throw error
        } catch {
            throw failure("not a JSON document: \(error)")
        }
    }
}

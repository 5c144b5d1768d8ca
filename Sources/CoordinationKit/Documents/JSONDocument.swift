/// Decoding of the library's JSON documents: a size limit checked before parsing, the strict
/// ``DocumentDecoder``, and every failure turned into one line naming the path of the bad value.
enum JSONDocument {
    /// The largest rule set or single case read: far above any real one (the built-in rule
    /// sets are a few KB), and low enough that a hostile document cannot make the parser
    /// allocate gigabytes.
    static let ruleSetLimit = 16 << 20
    /// The largest data document read (a national IFAQ input of 20,000 hospitals is ~100 MB).
    static let dataLimit = 1 << 30

    /// Decodes a `T`, or throws `failure(reason)` with the path of the bad value. Errors of
    /// type `E` thrown by validating decoders pass through unchanged.
    /// - Parameter rejectsUnknownKeys: false only to peek at one field of a larger document.
    static func decode<T: Decodable, E: Error>(_ type: T.Type, from bytes: some Collection<UInt8>, limit: Int,
                                               rejectsUnknownKeys: Bool = true,
                                               _ failure: (String) -> E) throws(E) -> T {
        guard bytes.count <= limit else {
            throw failure("document: \(bytes.count) bytes is over the \(limit >> 20) MiB limit for this kind of document")
        }
        let tree: JSONTree
        do { tree = try JSONTree.parse(bytes) } catch { throw failure("not a JSON document: \(error)") }
        do {
            return try DocumentDecoder(rejectsUnknownKeys: rejectsUnknownKeys).decode(T.self, from: tree)
        } catch let error as E {
            throw error
        } catch {
            throw failure(describe(error))
        }
    }

    /// One line for any error raised while decoding, in plain words.
    static func describe(_ error: any Error) -> String {
        if let error = error as? DocumentError { return error.description }
        guard let error = error as? DecodingError else { return "document: \(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(DocumentPath.describing(context.codingPath + [key])): missing: this field is required"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(DocumentPath.describing(context.codingPath)): not the expected kind of value (\(context.debugDescription))"
        case .dataCorrupted(let context):
            return "\(DocumentPath.describing(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "document: not a valid document"
        }
    }
}

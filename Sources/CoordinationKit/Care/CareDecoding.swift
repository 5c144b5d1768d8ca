/// Runs a validating initialiser inside `init(from:)` and turns its ``CareError`` into a
/// `DecodingError` at `codingPath`, so that a bad document names the path of the bad value.
func validatedWhileDecoding<T>(at codingPath: [any CodingKey], _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as CareError {
        throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: error.description))
    }
}

/// An array index as a coding key, for errors that name `history[3]`.
struct IndexCodingKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { return nil }
}

import CCoordination
@_spi(CBoundary) import CoordinationKit

/// A failure at the C boundary: the status code returned and the message recorded for
/// `coord_last_error_message()`.
struct BoundaryError: Error {
    let status: coord_status
    let message: String

    static func invalid(_ message: String) -> BoundaryError { BoundaryError(status: COORD_ERR_INVALID, message: message) }
    static func parse(_ message: String) -> BoundaryError { BoundaryError(status: COORD_ERR_PARSE, message: message) }
    static func rules(_ message: String) -> BoundaryError { BoundaryError(status: COORD_ERR_RULES, message: message) }
    static func overflow(_ message: String) -> BoundaryError { BoundaryError(status: COORD_ERR_OVERFLOW, message: message) }
    static func notFound(_ message: String) -> BoundaryError { BoundaryError(status: COORD_ERR_NOT_FOUND, message: message) }
    static func state(_ message: String) -> BoundaryError { BoundaryError(status: COORD_ERR_STATE, message: message) }
    static func internalError(_ message: String) -> BoundaryError { BoundaryError(status: COORD_ERR_INTERNAL, message: message) }
    static func noMemory(_ message: String) -> BoundaryError { BoundaryError(status: COORD_ERR_NOMEM, message: message) }
}

/// Runs the body of an exported function: clears the thread's last error on success, records
/// the message and returns its status on failure. Typed throws make the compiler prove that
/// every error reaching here is a ``BoundaryError``: nothing escapes into C.
@inline(__always)
func withStatus(_ body: () throws(BoundaryError) -> Void) -> coord_status {
    do {
        try body()
        LastError.clear()
        return COORD_OK
    } catch {
        LastError.set(error.message)
        return error.status
    }
}

/// Unwraps a pointer argument or fails naming it.
@inline(__always)
func required<T>(_ pointer: T?, _ name: StaticString) throws(BoundaryError) -> T {
    guard let pointer else { throw .invalid("\(name) is NULL") }
    return pointer
}

/// A `YYYYMMDD` argument as a date, or an error naming the argument.
/// The name is written only on failure (this runs once per record on batch paths).
func date(_ value: Int32, _ name: @autoclosure () -> String) throws(BoundaryError) -> CalendarDate {
    do throws(CalendarError) { return try CalendarDate(yyyymmdd: Int(value)) } catch {  // trap-free: widening Int32 to Int
        throw .invalid("\(name()): \(error.description)")
    }
}

extension MoneyError {
    /// The C status of a money error.
    var boundary: BoundaryError {
        switch self {
        case .overflow: .overflow(description)
        case .invalidAmount, .invalidSplit: .invalid(description)
        }
    }
}

/// A document argument as UTF-8 bytes, validated (never repaired), or an error naming it.
/// The bytes are copied: the library keeps no pointer the caller passed in.
func utf8Document(_ pointer: UnsafePointer<CChar>?, _ length: Int, _ name: String) throws(BoundaryError) -> [UInt8] {
    guard length >= 0 else { throw .invalid("\(name)_length: too large") }
    guard length <= 1 << 30 else { throw .invalid("\(name): \(length) bytes is over the 1 GiB limit") }
    if length == 0 { throw .parse("\(name): empty document") }
    guard let pointer else { throw .invalid("\(name) is NULL") }
    let bytes = UnsafeRawBufferPointer(start: pointer, count: length)
    guard UTF8Text.string(bytes) != nil else {
        throw .parse("\(name): not valid UTF-8")
    }
    return Array(bytes)
}

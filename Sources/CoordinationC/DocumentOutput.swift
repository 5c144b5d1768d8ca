import CCoordination
@_spi(CBoundary) import CoordinationKit
#if canImport(Glibc)
import Glibc
#endif

/// Encodes `value` as JSON (keys sorted) into a `malloc`ed, NUL-terminated buffer for C, written
/// to `outJSON` and `outLength` (bytes without the NUL). The shared tail of every JSON entry point.
/// - Throws: COORD_ERR_NOMEM when the buffer cannot be allocated.
func writeDocument(_ value: some Encodable, _ outJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                   _ outLength: UnsafeMutablePointer<Int>) throws(BoundaryError) {
    let encoded: [UInt8]
    do {
        encoded = try JSONWriter.encode(value)
    } catch {
        throw .internalError("encoding the result failed: \(error)")
    }
    guard let buffer = malloc(encoded.count + 1)?.assumingMemoryBound(to: CChar.self) else {
        throw .noMemory("out_json: no memory for a \(encoded.count)-byte result")
    }
    encoded.withUnsafeBytes { source in
        if let base = source.baseAddress { memcpy(buffer, base, source.count) }
    }
    buffer[encoded.count] = 0
    outJSON.pointee = buffer
    outLength.pointee = encoded.count
}

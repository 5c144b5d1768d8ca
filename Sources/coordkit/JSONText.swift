#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@_spi(CBoundary) import CoordinationKit

/// Pretty, stable JSON for the command line: the library's own writer (sorted keys, two-space
/// indentation, `/` as is), the bytes `JSONEncoder` would write with `.prettyPrinted,
/// .sortedKeys, .withoutEscapingSlashes`.
enum JSONText {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONWriter.encode(value, pretty: true, escapingSlashes: false), as: UTF8.self)
    }

    /// Writes `value`'s JSON and a line break to standard output in one call (no copy into a
    /// `String`): indented on a terminal or with `--pretty`, compact into a pipe or a file (a
    /// national IFAQ result is 30 MB compact, 53 MB indented; `jq .` indents it).
    static func print<T: Encodable>(_ value: T, _ options: ParsedOptions) throws {
        let pretty = options.has("--pretty") || isatty(1) == 1
        fflush(nil)   // what print() buffered goes first
        try JSONWriter.withEncoded(value, pretty: pretty, escapingSlashes: false) { buffer in
            writeAll(buffer)
            [0x0A as UInt8].withUnsafeBufferPointer(writeAll)
        }
    }

    private static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let written = write(1, base + offset, buffer.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}

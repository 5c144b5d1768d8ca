#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The per-thread last error message behind `coord_last_error_message()`.
///
/// Each thread owns one `malloc`ed, NUL-terminated buffer, stored under a pthread key whose
/// destructor frees it when the thread exits, so a host that starts and stops threads for
/// months does not leak. Clearing after a success writes one byte and allocates nothing.
enum LastError {
    /// The pthread key of the buffer; created once, on first use (Swift globals are
    /// initialised exactly once, thread-safely).
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        // On failure (PTHREAD_KEYS_MAX reached) the key stays 0 and messages are dropped:
        // getspecific/setspecific on an invalid key fail without trapping.
        _ = pthread_key_create(&key) { buffer in free(buffer) }
        return key
    }()

    /// The text returned when there is no message: static storage.
    private static var empty: UnsafePointer<CChar> { staticCString("") }

    /// Records `message` as the calling thread's last error (truncated at 4,095 bytes, on a
    /// UTF-8 boundary). If memory runs out the previous message is cleared instead.
    static func set(_ message: String) {
        var bytes = Array(message.utf8)
        if bytes.count > 4_095 {
            bytes.removeLast(bytes.count - 4_095)
            // Never end on part of a UTF-8 sequence: drop continuation bytes, then their lead.
            while let last = bytes.last, last & 0xC0 == 0x80 { bytes.removeLast() }
            if let last = bytes.last, last >= 0xC0 { bytes.removeLast() }
        }
        let old = pthread_getspecific(key)
        guard let buffer = realloc(old, bytes.count + 1) else {
            if let old { old.storeBytes(of: 0, as: UInt8.self) }
            return
        }
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { buffer.copyMemory(from: base, byteCount: source.count) }
        }
        buffer.storeBytes(of: 0, toByteOffset: bytes.count, as: UInt8.self)
        if buffer != old { _ = pthread_setspecific(key, buffer) }
    }

    /// Empties the calling thread's message (after a successful call). O(1), no allocation.
    @inline(__always)
    static func clear() {
        if let buffer = pthread_getspecific(key) { buffer.storeBytes(of: 0, as: UInt8.self) }
    }

    /// The calling thread's message, or "" when there is none.
    static var current: UnsafePointer<CChar> {
        guard let buffer = pthread_getspecific(key) else { return empty }
        return UnsafePointer(buffer.assumingMemoryBound(to: CChar.self))
    }
}

/// A pointer to the bytes of a string literal: static storage, valid for the process's life.
func staticCString(_ text: StaticString) -> UnsafePointer<CChar> {
    UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self)
}

/// A value C may hold a handle to: its tag tells the handles of different types apart.
protocol HandleValue: Sendable {
    /// A constant of the type, written first in its handles.
    static var handleTag: UInt64 { get }
    /// The handle's C type name, for messages.
    static var handleName: String { get }
}

/// The Swift object behind an opaque C handle (`coord_tariff *`, `coord_ifaq *`): an immutable
/// value, retained once when handed to C and released by the matching `coord_*_free`.
///
/// Like SQLite's connections, a handle starts with a tag checked on every use: a pointer to a
/// handle of another type, or to a handle already freed (its tag is cleared on free), is refused
/// with COORD_ERR_INVALID rather than used, as long as its memory can be read.
final class Handle<Value: HandleValue> {
    /// `Value.handleTag` while live, 0 once freed. The first stored property.
    private(set) var tag: UInt64
    let value: Value

    init(_ value: Value) {
        tag = Value.handleTag
        self.value = value
    }

    /// A +1 opaque pointer for C.
    func retainedPointer() -> OpaquePointer { OpaquePointer(Unmanaged.passRetained(self).toOpaque()) }

    /// The value behind a pointer C gave back (not retained), once its tag is checked.
    /// - Throws: `COORD_ERR_INVALID` naming `name` for a pointer that is not a live handle.
    static func value(_ pointer: OpaquePointer, _ name: StaticString) throws(BoundaryError) -> Value {
        let handle = Unmanaged<Handle>.fromOpaque(UnsafeRawPointer(pointer)).takeUnretainedValue()
        guard handle.tag == Value.handleTag else {
            throw .invalid("\(name): not a live \(Value.handleName) handle (freed, or a handle of another type)")
        }
        return handle.value
    }

    /// Balances ``retainedPointer()``; NULL is a no-op; a pointer that is not a live handle of
    /// this type is left alone.
    static func release(_ pointer: OpaquePointer?) {
        guard let pointer else { return }
        let unmanaged = Unmanaged<Handle>.fromOpaque(UnsafeRawPointer(pointer))
        let handle = unmanaged.takeUnretainedValue()
        guard handle.tag == Value.handleTag else { return }
        handle.tag = 0
        unmanaged.release()
    }
}

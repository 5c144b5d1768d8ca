/// The Swift object behind an opaque C handle (`coord_tariff *`, `coord_ifaq *`): an immutable
/// value, retained once when handed to C and released by the matching `coord_*_free`.
final class Handle<Value: Sendable> {
    let value: Value
    init(_ value: Value) { self.value = value }

    /// A +1 opaque pointer for C.
    func retainedPointer() -> OpaquePointer { OpaquePointer(Unmanaged.passRetained(self).toOpaque()) }

    /// The value behind a pointer C gave back (not retained).
    static func value(_ pointer: OpaquePointer) -> Value {
        Unmanaged<Handle>.fromOpaque(UnsafeRawPointer(pointer)).takeUnretainedValue().value
    }

    /// Balances ``retainedPointer()``; NULL is a no-op.
    static func release(_ pointer: OpaquePointer?) {
        guard let pointer else { return }
        Unmanaged<Handle>.fromOpaque(UnsafeRawPointer(pointer)).release()
    }
}

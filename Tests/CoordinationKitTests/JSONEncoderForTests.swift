import Foundation

enum JSONEncoderForTests {
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        [UInt8](try JSONEncoder().encode(value))
    }
}

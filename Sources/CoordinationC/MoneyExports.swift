import CCoordination
import CoordinationKit

@c @implementation
public func coord_split_instalments(_ amountCents: Int64, _ count: Int32,
                                    _ outCents: UnsafeMutablePointer<Int64>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        guard count >= 1, count <= 1_000_000 else {
            throw .invalid("count: \(count) instalments, must be within 1...1000000")
        }
        let out = try required(outCents, "out_cents")
        var index = 0
        do throws(MoneyError) {
            try Apportionment.instalments(of: Money(cents: amountCents), count: Int(count)) { part in  // trap-free: widening Int32 to Int
                out[index] = part.cents
                index += 1
            }
        } catch { throw error.boundary }
    }
}

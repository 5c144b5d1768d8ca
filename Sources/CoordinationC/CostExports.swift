import CCoordination
import CoordinationKit

@c @implementation
public func coord_national_cost(_ population: Int64, _ shareBasisPoints: Int32, _ unitCostCents: Int64,
                                _ outCents: UnsafeMutablePointer<Int64>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let out = try required(outCents, "out_cents")
        do throws(CostModelError) {
            out.pointee = try NationalCost.cost(population: population, shareBasisPoints: Int(shareBasisPoints),  // trap-free: widening Int32 to Int
                                                unitCost: Money(cents: unitCostCents)).cents
        } catch {
            switch error {
            case .invalidArgument(let what): throw .invalid(what)
            case .overflow: throw .overflow(error.description)
            }
        }
    }
}

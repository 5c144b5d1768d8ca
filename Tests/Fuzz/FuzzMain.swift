// libFuzzer entry point: COORD_FUZZ_TARGET selects one of FuzzTargets.names
// (Tests/CoordinationCTests/FuzzTargets.swift). Built by Tests/Fuzz/run.sh.

import Foundation

let target: String = ProcessInfo.processInfo.environment["COORD_FUZZ_TARGET"] ?? "tariff-json"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard FuzzTargets.run(target, UnsafeRawBufferPointer(start: data, count: size)) else {
        fatalError("unknown COORD_FUZZ_TARGET '\(target)' (known: \(FuzzTargets.names.joined(separator: ", ")))")
    }
    return 0
}

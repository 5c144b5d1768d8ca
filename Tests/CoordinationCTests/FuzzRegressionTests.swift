import CCoordination
import CoordinationC
import CoordinationKit
import Foundation
import Testing

/// Replays the inputs the fuzzer kept (Tests/Fuzz/regressions/TARGET/*) and the seed corpora
/// through the same targets as the libFuzzer binary: none may crash or trap.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let root = Toolchain.packageRoot.appendingPathComponent("Tests/Fuzz")

    static func inputs(_ target: String) -> [URL] {
        ["regressions", "corpus"].flatMap { folder in
            let directory = root.appendingPathComponent("\(folder)/\(target)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.sorted().map { directory.appendingPathComponent($0) }
        }
    }

    @Test("every kept input of every target runs to a status", arguments: FuzzTargets.names)
    func replay(target: String) throws {
        let files = Self.inputs(target)
        #expect(files.count >= 2, "Tests/Fuzz has no inputs for \(target)")
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: file))
            let known = bytes.withUnsafeBytes { FuzzTargets.run(target, $0) }
            #expect(known)
        }
    }

    @Test("an unknown target is refused, not run")
    func unknownTarget() {
        #expect(!FuzzTargets.run("no-such-target", UnsafeRawBufferPointer(start: nil, count: 0)))
    }
}

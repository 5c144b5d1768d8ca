import Foundation
import Testing

/// bindings/python/coordination.py, run by Python against the library `swift test` built.
@Suite("Python binding")
struct PythonBindingTests {
    @Test("every function through the Python module: amounts whole, errors raised, documents freed")
    func binding() throws {
        guard let python = Toolchain.which("python3") else { return }
        var environment = ProcessInfo.processInfo.environment
        if let runtime = Toolchain.swiftRuntimeDirectory {
            environment["LD_LIBRARY_PATH"] = runtime + ":" + (environment["LD_LIBRARY_PATH"] ?? "")
        }
        let script = Toolchain.packageRoot.appendingPathComponent("Tests/Python/test_coordination.py").path
        let result = try Toolchain.run(python, [script, Toolchain.library.path], environment: environment)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("all checks passed"))
    }
}

import Foundation
import Testing

/// Where the package and the built products are, and how to run tools, for tests that drive
/// the C compiler, nm and valgrind.
enum Toolchain {
    /// The package root (two levels above this file's folder).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder of the running test binary: `swift test` builds `libcoordination.so` there.
    static let productsDirectory: URL = {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: executable).deletingLastPathComponent()
        // The test bundle may be a folder (…/Foo.xctest/…): climb to the folder holding the library.
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("libcoordination.so").path),
              url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
        }
        return url
    }()

    static var library: URL { productsDirectory.appendingPathComponent("libcoordination.so") }

    /// The folder of the Swift runtime libraries the debug library links against.
    static var swiftRuntimeDirectory: String? {
        guard let swiftc = which("swiftc") else { return nil }
        let root = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent("lib/swift/linux").path
    }

    /// The first executable named `name` on PATH.
    static func which(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    struct Result { let status: Int32; let output: String }

    /// Runs `executable` with `arguments`, capturing standard output and error together.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coordkit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

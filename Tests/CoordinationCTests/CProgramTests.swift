import Foundation
import Testing

/// The C ABI from outside Swift: a C program (and the same file as C++) compiled with strict
/// warnings against the real header, linked against the built shared library and run; the
/// exported symbols compared with the header; the program run under valgrind.
@Suite("C program against libcoordination", .serialized)
struct CProgramTests {
    static let source = Toolchain.packageRoot.appendingPathComponent("Tests/CoordinationCTests/CProgram/c_abi_test.c")
    static let include = Toolchain.packageRoot.appendingPathComponent("include")

    static let stressSource = Toolchain.packageRoot.appendingPathComponent("Tests/CoordinationCTests/CProgram/stress_test.c")
    static let ifaqInput = Toolchain.packageRoot.appendingPathComponent("Tests/Fuzz/corpus/ifaq-input-json/four.json").path
    static let tariffRules = Toolchain.packageRoot.appendingPathComponent("docs/examples/tariff-with-caps.json").path

    /// Compiles a test program (`source`) in `language` ("c" or "c++") and returns its path.
    static func build(_ language: String, source: URL = source, extra: [String] = []) throws -> URL {
        let folder = try Toolchain.temporaryDirectory()
        let output = folder.appendingPathComponent(source.deletingPathExtension().lastPathComponent + (language == "c" ? "_c" : "_cpp"))
        let compiler = try #require(Toolchain.which("clang") ?? Toolchain.which("cc"))
        var arguments = ["-x", language, language == "c" ? "-std=c11" : "-std=c++17",
                         "-Wall", "-Wextra", "-Werror", "-pedantic",
                         "-I", include.path, source.path,
                         "-L", Toolchain.productsDirectory.path, "-lcoordination",
                         "-Wl,-rpath,\(Toolchain.productsDirectory.path)"] + extra
        if let runtime = Toolchain.swiftRuntimeDirectory { arguments.append("-Wl,-rpath,\(runtime)") }
        arguments += ["-o", output.path]
        let result = try Toolchain.run(compiler, arguments)
        #expect(result.status == 0, "compiling as \(language) failed:\n\(result.output)")
        return output
    }

    @Test("the C program passes, compiled as C11 and as C++17", arguments: ["c", "c++"])
    func runProgram(language: String) throws {
        let program = try Self.build(language)
        let result = try Toolchain.run(program.path, [])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("all checks passed"))
    }

    @Test("exported coord_ symbols equal the header's declarations, both ways")
    func exportedSymbols() throws {
        let nm = try #require(Toolchain.which("nm"), "nm is needed to read the exported symbols")
        let result = try Toolchain.run(nm, ["-D", "--defined-only", Toolchain.library.path])
        #expect(result.status == 0, "\(result.output)")
        let exported = Set(result.output.split(separator: "\n").compactMap { line -> String? in
            let fields = line.split(separator: " ")
            guard fields.count >= 3, fields[1] == "T", fields[2].hasPrefix("coord_") else { return nil }
            return String(fields[2])
        })
        let declared = try HeaderDeclarations.functions(in: Self.include.appendingPathComponent("coordination.h"))
        #expect(!declared.isEmpty)
        #expect(declared.subtracting(exported).sorted() == [], "declared in the header but not exported")
        #expect(exported.subtracting(declared).sorted() == [], "exported but not declared in the header")
    }

    /// valgrind is required where COORD_REQUIRE_VALGRIND=1 (CI installs it); elsewhere the
    /// test runs when valgrind is on PATH.
    static var valgrindWanted: Bool {
        Toolchain.which("valgrind") != nil || ProcessInfo.processInfo.environment["COORD_REQUIRE_VALGRIND"] == "1"
    }

    @Test("the C program leaks nothing definite under valgrind", .enabled(if: valgrindWanted))
    func valgrind() throws {
        let valgrind = try #require(Toolchain.which("valgrind"), "COORD_REQUIRE_VALGRIND=1 but valgrind is not installed")
        let program = try Self.build("c")
        let result = try Toolchain.run(valgrind, ["--leak-check=full", "--show-possibly-lost=no", "--errors-for-leak-kinds=definite",
                                                  "--error-exitcode=9", "--quiet", program.path])
        #expect(result.status == 0, "valgrind reported errors or definite leaks:\n\(result.output)")
    }
}

/// The C ABI under load from C: shared handles across pthreads, every entry point in a loop.
@Suite("C stress: threads and leaks", .serialized)
struct CStressTests {
    @Test("8 pthreads sharing a tariff and an IFAQ rule set get the serial results and their own errors")
    func threads() throws {
        let program = try CProgramTests.build("c", source: CProgramTests.stressSource, extra: ["-pthread"])
        let result = try Toolchain.run(program.path, ["threads", CProgramTests.ifaqInput])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("same as serial") && result.output.contains("all checks passed"))
    }

    @Test("every entry point 100,000 times: resident memory stays flat")
    func residentMemoryFlat() throws {
        let program = try CProgramTests.build("c", source: CProgramTests.stressSource, extra: ["-pthread", "-O2"])
        let result = try Toolchain.run(program.path, ["leaks", "100000", CProgramTests.ifaqInput, CProgramTests.tariffRules])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("all checks passed"), "\(result.output)")
        print(result.output)
    }

    @Test("every entry point in a loop under valgrind: no definite leak, no memory error", .enabled(if: CProgramTests.valgrindWanted))
    func valgrindLoop() throws {
        let valgrind = try #require(Toolchain.which("valgrind"), "COORD_REQUIRE_VALGRIND=1 but valgrind is not installed")
        let program = try CProgramTests.build("c", source: CProgramTests.stressSource, extra: ["-pthread"])
        // 2,000 rounds here (valgrind runs ~50x slower); .ci/run repeats it with 100,000.
        let rounds = ProcessInfo.processInfo.environment["COORD_LEAK_ROUNDS"] ?? "2000"
        let result = try Toolchain.run(valgrind, ["--leak-check=full", "--show-possibly-lost=no", "--errors-for-leak-kinds=definite",
                                                  "--error-exitcode=9", "--quiet", program.path,
                                                  "leaks", rounds, CProgramTests.ifaqInput, CProgramTests.tariffRules,
                                                  "--no-resident-check"])
        #expect(result.status == 0, "valgrind reported errors or definite leaks:\n\(result.output)")
    }
}

/// Reads the function names a C header declares.
enum HeaderDeclarations {
    /// Every `coord_name(` outside comments and preprocessor lines: the declared functions.
    static func functions(in header: URL) throws -> Set<String> {
        var text = try String(contentsOf: header, encoding: .utf8)
        // Remove /* ... */ comments, then preprocessor lines.
        while let start = text.range(of: "/*") {
            guard let end = text.range(of: "*/", range: start.upperBound..<text.endIndex) else { break }
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        let code = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
            .joined(separator: "\n")
        let pattern = try NSRegularExpression(pattern: "\\b(coord_[a-z0-9_]+)\\s*\\(")
        let range = NSRange(code.startIndex..., in: code)
        return Set(pattern.matches(in: code, range: range).compactMap { match in
            Range(match.range(at: 1), in: code).map { String(code[$0]) }
        })
    }
}

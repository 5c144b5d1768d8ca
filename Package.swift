// swift-tools-version: 6.3
//
// CoordinationKit: French care-coordination and hospital-funding rules, as a Swift library
// with a C ABI. The root package has no dependencies: Foundation only. Tools version 6.3: the C
// boundary uses `@c @implementation`, checked against the hand-written header.

import PackageDescription

let package = Package(
    name: "CoordinationKit",
    products: [
        // The Swift API: the rules and their engines.
        .library(name: "CoordinationKit", targets: ["CoordinationKit"]),
        // Import of the CSV exports finance teams have (tariff files, IFAQ hospitals and results).
        .library(name: "CoordinationCSV", targets: ["CoordinationCSV"]),
        // Synthetic, reproducible sample data (campaigns, tariff years, care cases) for demos,
        // tests and benchmarks; never needed to compute a real amount.
        .library(name: "CoordinationSamples", targets: ["CoordinationSamples"]),
        // Static HTML reports with inline SVG charts (IFAQ notifications, tariff, quality, ACI).
        .library(name: "CoordinationReports", targets: ["CoordinationReports"]),
        // The C ABI as a shared library, `libcoordination.so`. For a self-contained
        // `libcoordination.so.0` with the Swift runtime linked in, see scripts/build-c-library.sh.
        .library(name: "coordination", type: .dynamic, targets: ["CoordinationC"]),
        // The command-line tool for finance and quality teams.
        .executable(name: "coordkit", targets: ["coordkit"]),
    ],
    targets: [
        .target(name: "CoordinationKit"),
        .target(name: "CoordinationCSV", dependencies: ["CoordinationKit"]),
        .target(name: "CoordinationSamples", dependencies: ["CoordinationKit"]),
        .target(name: "CoordinationReports", dependencies: ["CoordinationKit"]),
        // The hand-written C header, imported as a Clang module so that every exported Swift
        // function is checked against its declaration.
        .systemLibrary(name: "CCoordination", path: "include"),
        .target(name: "CoordinationC", dependencies: ["CoordinationKit", "CCoordination"]),
        .executableTarget(name: "coordkit", dependencies: ["CoordinationKit", "CoordinationCSV", "CoordinationSamples", "CoordinationReports"]),
        .testTarget(name: "CoordinationKitTests", dependencies: ["CoordinationKit", "CoordinationCSV", "CoordinationSamples", "CoordinationReports"]),
        .testTarget(
            name: "CoordinationCTests",
            dependencies: ["CoordinationC", "CCoordination", "CoordinationKit", "CoordinationCSV", "CoordinationSamples"],
            exclude: ["CProgram"]
        ),
    ]
)

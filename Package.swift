// swift-tools-version: 6.1
//
// CoordinationKit: French care-coordination and hospital-funding rules, as a Swift library
// with a C ABI. The root package has no dependencies: Foundation only.

import PackageDescription

let package = Package(
    name: "CoordinationKit",
    products: [
        // The Swift API.
        .library(name: "CoordinationKit", targets: ["CoordinationKit"]),
        // The C ABI as a shared library, `libcoordination.so`. For a self-contained
        // `libcoordination.so.0` with the Swift runtime linked in, see scripts/build-c-library.sh.
        .library(name: "coordination", type: .dynamic, targets: ["CoordinationC"]),
        // The command-line tool for finance and quality teams.
        .executable(name: "coordkit", targets: ["coordkit"]),
    ],
    targets: [
        .target(name: "CoordinationKit"),
        // The hand-written C header, imported as a Clang module so that every exported Swift
        // function is checked against its declaration.
        .systemLibrary(name: "CCoordination", path: "include"),
        .target(name: "CoordinationC", dependencies: ["CoordinationKit", "CCoordination"]),
        .executableTarget(name: "coordkit", dependencies: ["CoordinationKit"]),
        .testTarget(name: "CoordinationKitTests", dependencies: ["CoordinationKit"]),
        .testTarget(
            name: "CoordinationCTests",
            dependencies: ["CoordinationC", "CCoordination", "CoordinationKit"],
            exclude: ["CProgram"]
        ),
    ]
)

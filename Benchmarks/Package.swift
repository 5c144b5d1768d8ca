// swift-tools-version: 6.3
//
// The benchmark suite of CoordinationKit, a package of its own so that the library keeps no
// dependency. Run from this folder: `./run.sh` (everything) or `swift package benchmark`.

import PackageDescription

let package = Package(
    name: "CoordinationKitBenchmarks",
    dependencies: [
        .package(name: "CoordinationKit", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "Engines",
            dependencies: [
                .product(name: "CoordinationKit", package: "CoordinationKit"),
                .product(name: "CoordinationSamples", package: "CoordinationKit"),
                .product(name: "CoordinationCSV", package: "CoordinationKit"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Engines",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)

// swift-tools-version:6.1
import PackageDescription

/// Every shipped experiment is one executable target under `experiments/<name>/`.
/// `quantbt new NAME` appends a line to this list.
let experimentNames: [String] = [
    "sma-crossover",
    "daily-momentum",
    "risk-portfolio",
]

func experiment(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["Experiments"],
        path: "experiments/\(name)",
        exclude: ["experiment.yaml", "README.md"],
        swiftSettings: strict
    )
}

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

/// The engine's per-bar state (portfolio, strategy context) lives in classes, and Swift
/// checks every class-property access for exclusivity at run time: a third of the loop's
/// time. The debug build, which the test suite runs, keeps the checks and so proves the
/// accesses exclusive; release builds of the engine drop them.
let engineSettings: [SwiftSetting] = strict + [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

let package = Package(
    name: "QuantBT",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "quantbt", targets: ["quantbt"]),
        .library(name: "Experiments", targets: ["Experiments"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // quantbt serve: HTTP (Hummingbird 2) and clean stops on SIGINT/SIGTERM (service-lifecycle).
        // Hummingbird's ConfigurationSupport trait is left off: it would add swift-configuration.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .target(name: "Model", swiftSettings: strict),
        // libgit2 for provenance (Debian: libgit2-dev), wrapped the way GRDB wraps sqlite3.
        .systemLibrary(name: "CGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        // What the engine loop needs that Swift does not offer: a cache prefetch hint.
        .target(name: "CHotPath"),
        .target(name: "Engine", dependencies: ["Model", "CHotPath"], swiftSettings: engineSettings),
        .target(name: "Analysis", dependencies: ["Model", "Engine"], swiftSettings: strict),
        // Reports as typed blocks, rendered to Markdown, HTML and the terminal: pure, no I/O.
        .target(name: "Reports", dependencies: ["Model", "Engine", "Analysis"], swiftSettings: strict),
        // The flags quantbt and every experiment executable share, declared once.
        .target(
            name: "CLIOptions",
            dependencies: ["Analysis", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        .target(
            name: "MarketData",
            dependencies: ["Model", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        // An experiment's configuration: experiment.yaml and --set read, every key checked.
        .target(
            name: "Config",
            dependencies: ["Model", "Engine", "Analysis", "MarketData", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        // One C call Swift cannot make (prctl is variadic): die with the parent process.
        .target(name: "CProcess"),
        // The results store: every run indexed in SQLite (GRDB); its own records, no engine types.
        .target(
            name: "Store",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"), "CProcess"],
            swiftSettings: strict
        ),
        // Where a run came from: git (the one file that imports CGit2), toolchain, data hashes.
        .target(
            name: "RunProvenance",
            dependencies: ["Model", "MarketData", "CGit2", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        .target(
            name: "Experiments",
            dependencies: [
                "Model", "Engine", "Analysis", "Reports", "MarketData", "Config", "CLIOptions", "RunProvenance", "Store", "CProcess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // quantbt serve: the job API and the pages, on the results store; a job is a quantbt child process.
        .target(
            name: "Server",
            dependencies: [
                "Experiments", "Config", "Analysis", "Reports", "Store", "Model",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("openapi.yaml")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "quantbt",
            dependencies: [
                "Experiments", "Config", "CLIOptions", "Analysis", "RunProvenance", "Store", "Server", "CProcess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict + [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
            // The release build links Swift's runtime and Foundation into the binary: the
            // dynamic loader then has a dozen fewer libraries to map and relocate, 5-6 ms of
            // every command's start (issue 15). The compiler takes the flag too, so that the
            // static Foundation brings the libraries it needs (ICU's); linked alone, it
            // does not. Debug builds link fast instead. `make check-release` checks this build.
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
        ),
        // Every parser of outside input as a function of bytes, for the fuzzer and the corpus replay.
        .target(name: "FuzzTargets", dependencies: ["Analysis", "Config", "MarketData", "Model", "Store", "Experiments"], swiftSettings: strict),
        .executableTarget(name: "quantbt-fuzz", dependencies: ["FuzzTargets"], path: "fuzz/quantbt-fuzz", swiftSettings: strict),
        .testTarget(name: "FuzzTests", dependencies: ["FuzzTargets"], swiftSettings: strict),
        .testTarget(name: "ModelTests", dependencies: ["Model"], swiftSettings: strict),
        // Counts malloc/calloc/realloc in the test process (EngineTests' allocation test).
        .target(name: "AllocationCounter", path: "Tests/AllocationCounter"),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "AllocationCounter"], swiftSettings: strict),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis"], swiftSettings: strict),
        .testTarget(name: "StoreTests", dependencies: ["Store", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: strict),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Analysis"], swiftSettings: strict),
        .testTarget(
            name: "MarketDataTests",
            dependencies: ["MarketData", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: ["Server", "Store", "Experiments", .product(name: "HummingbirdTesting", package: "hummingbird")],
            swiftSettings: strict
        ),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "Config", "Analysis", "Reports", "RunProvenance", "Store", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: strict),
        // `make bench`: the engine loop timed alone (release build).
        .executableTarget(
            name: "engine-bench",
            dependencies: ["Experiments", "Analysis", "MarketData", "AllocationCounter"],
            path: "benchmarks/engine-bench",
            swiftSettings: strict
        ),
    ] + experimentNames.map(experiment)
)

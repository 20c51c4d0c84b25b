// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "newsd",
    // Linux (systemd, inotify) is the only supported platform; no Apple platform is declared.
    products: [
        .executable(name: "newsd", targets: ["newsd"]),
        .library(name: "Extraction", targets: ["Extraction"]),
        .executable(name: "newsd-train", targets: ["newsd-train"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // libinotifytools, as Debian's libinotifytools0-dev installs it (no pkg-config file).
        .systemLibrary(
            name: "CInotifyTools",
            providers: [.apt(["libinotifytools0-dev"])]
        ),
        // Marks the inputs being extracted so that a crash can name them (async-signal-safe C).
        .target(name: "CCrashGuard"),
        // Bytes or text in, an article record out. Pure: no files, clocks or globals.
        .target(name: "Extraction"),
        // The data files the extractor needs (gazetteer, lexicons, tagger model), loaded once.
        .target(
            name: "ExtractionData",
            dependencies: ["Extraction"],
            resources: [.copy("Data")]
        ),
        // Watcher, intake, worker pool, sink, ledger, summary, config, signals.
        .target(
            name: "Daemon",
            dependencies: [
                "CInotifyTools",
                "CCrashGuard",
                "Extraction",
                "ExtractionData",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .executableTarget(
            name: "newsd",
            dependencies: [
                "Daemon",
                "Extraction",
                "ExtractionData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Trains the entity tagger's model from CoNLL files and measures it (see scripts/train-tagger.sh).
        .executableTarget(
            name: "newsd-train",
            dependencies: ["Extraction", "TaggerTraining"]
        ),
        // Training code for the tagger (corpus reader, word clusters, perceptron): not in the runtime library.
        .target(
            name: "TaggerTraining",
            dependencies: ["Extraction"]
        ),
        .executableTarget(
            name: "newsd-bench-stories",
            dependencies: ["Daemon", "Extraction"]
        ),
        .executableTarget(
            name: "newsd-bench-html",
            dependencies: ["Extraction"]
        ),
        // Helpers shared by the test targets: temporary inboxes, corpus builders, the built binary.
        .target(
            name: "NewsdTestKit",
            dependencies: ["Extraction", "ExtractionData"],
            path: "Tests/NewsdTestKit"
        ),
        .testTarget(
            name: "ExtractionTests",
            dependencies: ["Extraction", "ExtractionData", "NewsdTestKit", "TaggerTraining"]
        ),
        .testTarget(
            name: "DaemonTests",
            dependencies: ["Daemon", "Extraction", "NewsdTestKit"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["NewsdTestKit"]
        ),
    ]
)

// Shared strictness: Swift 6 language mode (complete concurrency checking) everywhere.
for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}

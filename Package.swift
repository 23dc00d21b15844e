// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "rapport",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rapport", targets: ["rapport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        .target(name: "RapportCore", swiftSettings: strict),
        .target(
            name: "RapportStore",
            dependencies: [
                "RapportCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "RapportFiles",
            dependencies: [
                "RapportCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "RapportApp",
            dependencies: [
                "RapportCore", "RapportStore", "RapportFiles",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/Reference")],
            swiftSettings: strict
        ),
        .target(
            name: "RapportEdge",
            dependencies: [
                "RapportCore", "RapportApp", "RapportFiles",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Locales")],
            swiftSettings: strict
        ),
        .target(
            name: "RapportWeb",
            dependencies: [
                "RapportCore", "RapportApp", "RapportEdge", "RapportFiles",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [.copy("Templates"), .copy("Static")],
            swiftSettings: strict
        ),
        .target(
            name: "RapportHTTP",
            dependencies: [
                "RapportCore", "RapportApp", "RapportEdge",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Resources/openapi.json")],
            swiftSettings: strict
        ),
        .target(
            name: "RapportServer",
            dependencies: [
                "RapportApp", "RapportEdge", "RapportHTTP", "RapportWeb", "RapportStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "RapportJobs",
            dependencies: [
                "RapportApp",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "rapport",
            dependencies: [
                "RapportCore", "RapportApp", "RapportEdge", "RapportServer", "RapportStore", "RapportFiles", "RapportJobs",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "RapportTestSupport",
            dependencies: ["RapportCore", "RapportStore", "RapportApp", .product(name: "Logging", package: "swift-log")],
            path: "Tests/RapportTestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "RapportCoreTests", dependencies: ["RapportCore"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "RapportFilesTests", dependencies: ["RapportFiles", "RapportCore"], swiftSettings: strict),
        .testTarget(name: "RapportStoreTests", dependencies: ["RapportStore", "RapportCore", "RapportTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "RapportHTTPTests",
            dependencies: [
                "RapportServer", "RapportHTTP", "RapportEdge", "RapportApp", "RapportCore", "RapportStore", "RapportTestSupport", "RapportFiles", "RapportWeb", "RapportJobs",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strict
        ),
    ]
)

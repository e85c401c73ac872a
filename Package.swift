// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "guong",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "guong", targets: ["guong"]),
        .library(name: "GuongKit", targets: ["GuongKit"]),
        // Reads generated HTML for what must never reach a page; the hostile-input tests and Fuzz/ share it.
        .library(name: "GuongAudit", targets: ["GuongAudit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        .target(
            name: "GuongKit",
            dependencies: [
                "CCmark",
                "CVips",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "guong",
            dependencies: [
                "GuongKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "GuongAudit"),
        .testTarget(
            name: "GuongKitTests",
            dependencies: ["GuongKit", "GuongAudit"],
            resources: [.copy("Fixtures")]
        ),
    ]
)

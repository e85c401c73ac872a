// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "guong",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "guong", targets: ["guong"]),
        // Three libraries whose imports run one way: GuongKit (core) ◄─ GuongRender ◄─ GuongPreview.
        .library(name: "GuongKit", targets: ["GuongKit"]),
        .library(name: "GuongRender", targets: ["GuongRender"]),
        .library(name: "GuongPreview", targets: ["GuongPreview"]),
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
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CVips",
            // GLib's flags and library only: libvips itself is opened at first use (shim.h), its headers are in
            // /usr/include, and GLib's are all the others need.
            pkgConfig: "glib-2.0",
            providers: [.apt(["libvips-dev"])]
        ),
        // Core: text, diagnostics, content, Markdown, schema, checking, the site model, intake, scaffolding,
        // the plan report and the annex export (.docx through ZIPFoundation, CSV).
        .target(
            name: "GuongKit",
            dependencies: [
                "CCmark",
                "CVips",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Rendering: theme and templates, pages, search index, publishing the output folder. The default
        // theme is the top-level theme/ folder, embedded at build time by EmbedThemePlugin.
        .target(
            name: "GuongRender",
            dependencies: ["GuongKit"],
            plugins: ["EmbedThemePlugin"]
        ),
        .executableTarget(name: "EmbedTheme"),
        .plugin(name: "EmbedThemePlugin", capability: .buildTool(), dependencies: ["EmbedTheme"]),
        // The preview server: the only target that depends on Hummingbird (and so on SwiftNIO).
        .target(
            name: "GuongPreview",
            dependencies: [
                "GuongKit",
                "GuongRender",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // One C global: jemalloc's settings for the executable (transparent huge pages).
        .target(name: "CAllocatorSettings"),
        .executableTarget(
            name: "guong",
            dependencies: [
                "CAllocatorSettings",
                "GuongKit",
                "GuongRender",
                "GuongPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc (Debian's libjemalloc-dev) in place of glibc's malloc, for the whole process: a build makes
            // millions of small allocations on every core, and glibc's malloc was a tenth of its time
            // (docs/performance.md, "The allocator"). Linked by the executable only; the libraries and their
            // tests keep the system's.
            linkerSettings: [
                .linkedLibrary("jemalloc", .when(platforms: [.linux])),
                // The Swift runtime and Foundation linked in, in a release build: a build starts in half the time
                // (no dynamic linking of Foundation's symbols), and the runtime's calls (every retain and release)
                // are direct (docs/performance.md, "Static runtime"). Debug builds, which link far more often, keep
                // the shared libraries.
                .unsafeFlags(["-static-stdlib", "-Xlinker", "--start-group", "-Xlinker", "-lFoundation", "-Xlinker", "-lCoreFoundation",
                              "-Xlinker", "-lFoundationInternationalization", "-Xlinker", "-l_FoundationICU",
                              "-Xlinker", "-lFoundationEssentials", "-Xlinker", "-l_FoundationCollections",
                              "-Xlinker", "-l_FoundationCShims", "-Xlinker", "--end-group"],
                             .when(platforms: [.linux], configuration: .release)),
            ]
        ),
        .target(name: "GuongAudit"),
        // Helpers the test targets share (scratch sites, running the built binary); no SwiftNIO.
        .target(name: "GuongTestSupport", path: "Tests/GuongTestSupport"),
        // Core and rendering tests, and the end-to-end tests that run the built binary: no SwiftNIO.
        .testTarget(
            name: "GuongKitTests",
            // swift-mustache is the reference the compiled templates are compared with, never a runtime path;
            // ZIPFoundation reads an exported .docx back.
            dependencies: ["GuongKit", "GuongRender", "GuongAudit", "GuongTestSupport",
                           .product(name: "Mustache", package: "swift-mustache"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]
        ),
        // The preview's incremental rebuild, tested against PreviewSite directly.
        .testTarget(
            name: "GuongPreviewTests",
            dependencies: ["GuongKit", "GuongRender", "GuongPreview", "GuongTestSupport"]
        ),
    ]
)

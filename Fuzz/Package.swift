// swift-tools-version: 6.0
// libFuzzer targets for GuongKit and GuongRender, built apart from the product: see Fuzz/README.md and
// Fuzz/run. They never import GuongPreview, so SwiftNIO is not built for them.
import PackageDescription

let package = Package(
    name: "guong-fuzz",
    dependencies: [.package(name: "guong", path: ".."),
                   // The reference the compiled template engine is compared with (fuzz-template).
                   .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "GuongKit", package: "guong"),
                                                  .product(name: "GuongAudit", package: "guong")], path: "Sources/FuzzSupport"),
    ] + ["fuzz-front-matter", "fuzz-markdown", "fuzz-slug", "fuzz-check-file", "fuzz-svg", "fuzz-plain-yaml"].map { name in
        .executableTarget(name: name, dependencies: ["FuzzSupport", .product(name: "GuongKit", package: "guong"),
                                                     .product(name: "GuongRender", package: "guong")],
                          path: "Sources/\(name)")
    } + [
        .executableTarget(name: "fuzz-template", dependencies: ["FuzzSupport", .product(name: "GuongKit", package: "guong"),
                                                               .product(name: "GuongRender", package: "guong"),
                                                               .product(name: "Mustache", package: "swift-mustache")],
                          path: "Sources/fuzz-template"),
    ]
)

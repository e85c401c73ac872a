// swift-tools-version: 6.0
// libFuzzer targets for GuongKit and GuongRender, built apart from the product: see Fuzz/README.md and
// Fuzz/run. They never import GuongPreview, so SwiftNIO is not built for them.
import PackageDescription

let package = Package(
    name: "guong-fuzz",
    dependencies: [.package(name: "guong", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "GuongKit", package: "guong"),
                                                  .product(name: "GuongAudit", package: "guong")], path: "Sources/FuzzSupport"),
    ] + ["fuzz-front-matter", "fuzz-markdown", "fuzz-slug", "fuzz-check-file", "fuzz-svg"].map { name in
        .executableTarget(name: name, dependencies: ["FuzzSupport", .product(name: "GuongKit", package: "guong"),
                                                     .product(name: "GuongRender", package: "guong")],
                          path: "Sources/\(name)")
    }
)

// swift-tools-version: 6.1
import PackageDescription

// One module per pipeline stage; data flows one way:
// Content (files → documents) → Model (documents → validated site) → Markdown → Rendering → Search → Output.
let package = Package(
    name: "localoffer",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "localoffer", targets: ["LocalOfferCLI"]),
        .library(name: "LocalOffer", targets: ["LocalOffer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "LocalOfferDiagnostics"),
        .target(name: "LocalOfferParallel"),
        .target(name: "LocalOfferText"),
        .target(name: "LocalOfferTemplates"),
        // The default theme (templates/) as generated source: scripts/embed-theme.py.
        .target(name: "LocalOfferTheme"),
        .target(name: "LocalOfferContent", dependencies: ["LocalOfferDiagnostics"]),
        .target(
            name: "LocalOfferModel",
            dependencies: [
                "LocalOfferDiagnostics", "LocalOfferContent", "LocalOfferParallel", "LocalOfferText",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(name: "LocalOfferMarkdown", dependencies: ["CCmarkGFM", "LocalOfferDiagnostics", "LocalOfferText"]),
        .target(
            name: "LocalOfferSite",
            dependencies: [
                "LocalOfferContent", "LocalOfferDiagnostics", "LocalOfferMarkdown", "LocalOfferModel", "LocalOfferParallel",
                "LocalOfferText",
            ]
        ),
        .target(
            name: "LocalOfferRendering",
            dependencies: [
                "LocalOfferDiagnostics", "LocalOfferModel", "LocalOfferMarkdown", "LocalOfferParallel", "LocalOfferSite",
                "LocalOfferTemplates", "LocalOfferText", "LocalOfferTheme",
            ]
        ),
        .target(name: "LocalOfferSearch", dependencies: ["LocalOfferModel", "LocalOfferParallel", "LocalOfferText"]),
        .target(name: "LocalOfferOutput", dependencies: ["LocalOfferDiagnostics", "LocalOfferParallel", "LocalOfferText"]),
        .target(
            name: "LocalOfferWriters",
            dependencies: [
                "LocalOfferDiagnostics", "LocalOfferModel", "LocalOfferRendering", "LocalOfferSearch", "LocalOfferSite",
                "LocalOfferText",
            ]
        ),
        .target(
            name: "LocalOffer",
            dependencies: [
                "LocalOfferDiagnostics", "LocalOfferContent", "LocalOfferModel", "LocalOfferMarkdown", "LocalOfferSite",
                "LocalOfferRendering", "LocalOfferSearch", "LocalOfferOutput", "LocalOfferParallel", "LocalOfferText",
                "LocalOfferTheme", "LocalOfferWriters",
            ]
        ),
        .target(
            name: "LocalOfferServe",
            dependencies: [
                "LocalOffer", "LocalOfferDiagnostics", "LocalOfferText",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "LocalOfferCLI",
            dependencies: ["LocalOffer", "LocalOfferServe", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "LocalOfferTemplatesTests", dependencies: ["LocalOfferTemplates"]),
        .testTarget(name: "LocalOfferThemeTests", dependencies: ["LocalOfferTheme"]),
        .testTarget(name: "LocalOfferContentTests", dependencies: ["LocalOfferContent", "LocalOfferDiagnostics"]),
        .testTarget(name: "LocalOfferModelTests", dependencies: ["LocalOfferModel", "LocalOfferContent", "LocalOfferText"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LocalOfferMarkdownTests", dependencies: ["LocalOfferMarkdown", "LocalOfferDiagnostics"]),
        .testTarget(
            name: "LocalOfferRenderingTests",
            dependencies: ["LocalOfferRendering", "LocalOfferModel", "LocalOfferDiagnostics", "LocalOfferMarkdown", "LocalOfferSite"]
        ),
        .testTarget(name: "LocalOfferSearchTests", dependencies: ["LocalOfferSearch"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LocalOfferOutputTests", dependencies: ["LocalOfferOutput", "LocalOfferDiagnostics"]),
        .testTarget(
            name: "LocalOfferTests",
            dependencies: [
                "LocalOffer", "LocalOfferDiagnostics", "LocalOfferModel", "LocalOfferOutput", "LocalOfferTheme", "LocalOfferWriters",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

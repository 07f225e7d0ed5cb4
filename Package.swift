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
                "LocalOfferReports",
                "LocalOfferDiagnostics", "LocalOfferContent", "LocalOfferModel", "LocalOfferMarkdown", "LocalOfferParallel",
                "LocalOfferSite", "LocalOfferTemplates", "LocalOfferText", "LocalOfferTheme",
            ]
        ),
        .target(name: "LocalOfferSearch", dependencies: ["LocalOfferModel", "LocalOfferParallel", "LocalOfferText"]),
        .target(name: "LocalOfferOutput", dependencies: ["LocalOfferDiagnostics", "LocalOfferParallel", "LocalOfferText"]),
        // Open data: the Open Referral UK feed, imports from feeds and spreadsheets, commissioners' reports.
        .target(
            name: "LocalOfferImport",
            dependencies: ["LocalOfferContent", "LocalOfferDiagnostics", "LocalOfferModel", "LocalOfferText", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "LocalOfferOpenReferral",
            dependencies: [
                "LocalOfferDiagnostics", "LocalOfferImport", "LocalOfferMarkdown", "LocalOfferModel", "LocalOfferParallel",
                "LocalOfferText",
            ]
        ),
        .target(name: "LocalOfferReports", dependencies: ["LocalOfferModel", "LocalOfferText"]),
        .target(
            name: "LocalOfferWriters",
            dependencies: [
                "LocalOfferDiagnostics", "LocalOfferModel", "LocalOfferRendering", "LocalOfferSearch", "LocalOfferSite",
                "LocalOfferText", "LocalOfferOpenReferral", "LocalOfferReports",
            ]
        ),
        .target(
            name: "LocalOffer",
            dependencies: [
                "LocalOfferDiagnostics", "LocalOfferContent", "LocalOfferModel", "LocalOfferMarkdown", "LocalOfferSite",
                "LocalOfferRendering", "LocalOfferSearch", "LocalOfferOutput", "LocalOfferParallel", "LocalOfferText",
                "LocalOfferTheme", "LocalOfferWriters", "LocalOfferReports",
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
            dependencies: [
                "LocalOffer", "LocalOfferServe", "LocalOfferImport", "LocalOfferOpenReferral", "LocalOfferReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LocalOfferTemplatesTests", dependencies: ["LocalOfferTemplates"]),
        .testTarget(name: "LocalOfferThemeTests", dependencies: ["LocalOfferTheme"]),
        .testTarget(name: "LocalOfferContentTests", dependencies: ["LocalOfferContent", "LocalOfferDiagnostics"]),
        .testTarget(name: "LocalOfferModelTests", dependencies: ["LocalOfferModel", "LocalOfferContent", "LocalOfferText"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LocalOfferMarkdownTests", dependencies: ["LocalOfferMarkdown", "LocalOfferDiagnostics"]),
        .testTarget(
            name: "LocalOfferRenderingTests",
            dependencies: [
                "LocalOfferRendering", "LocalOfferModel", "LocalOfferDiagnostics", "LocalOfferMarkdown", "LocalOfferSite",
                "LocalOfferTemplates",
            ]
        ),
        .testTarget(name: "LocalOfferSearchTests", dependencies: ["LocalOfferSearch", "LocalOfferModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LocalOfferOutputTests", dependencies: ["LocalOfferOutput", "LocalOfferDiagnostics"]),
        .testTarget(
            name: "LocalOfferTests",
            dependencies: [
                "LocalOffer", "LocalOfferDiagnostics", "LocalOfferModel", "LocalOfferOutput", "LocalOfferSite", "LocalOfferTheme", "LocalOfferWriters",
            ]
        ),
        .testTarget(name: "LocalOfferImportTests", dependencies: ["LocalOfferImport", "LocalOfferModel", "LocalOfferDiagnostics"]),
        .testTarget(
            name: "LocalOfferOpenReferralTests",
            dependencies: ["LocalOfferOpenReferral", "LocalOfferImport", "LocalOfferModel", "LocalOffer", "LocalOfferContent"]
        ),
        .testTarget(name: "LocalOfferReportsTests", dependencies: ["LocalOfferReports", "LocalOfferModel", "LocalOffer"]),
    ],
    swiftLanguageModes: [.v6]
)

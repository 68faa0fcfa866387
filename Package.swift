// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "deskterm",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "deskterm", targets: ["deskterm"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .target(
            name: "DeskModel",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift"), "AddressRedaction", "DeskMail"],
            // Found beside the binary or in ../share/deskterm (Catalogues.swift), not compiled in:
            // `.embedInCode` added 45 s to every build that touched a catalogue.
            resources: [.copy("Catalogues")]
        ),
        .target(
            name: "DeskTUI",
            dependencies: ["DeskModel", "CNcurses"],
            // The client's catalogues, found like DeskModel's (Catalogues.swift).
            resources: [.copy("Catalogues")]
        ),
        .executableTarget(
            name: "deskterm",
            dependencies: [
                "DeskModel",
                "DeskTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                "DeskPostgresStore",
            ],
            // The command line's catalogues, found like DeskModel's (Catalogues.swift).
            resources: [.copy("Catalogues")]
        ),
        .testTarget(name: "DeskModelTests", dependencies: ["DeskModel", .product(name: "GRDB", package: "GRDB.swift"), "DeskPostgresStore", "DeskPostgres"]),
        .testTarget(name: "DesktermCLITests", dependencies: ["DeskModel", .product(name: "GRDB", package: "GRDB.swift"), "DeskPostgres", "DeskPostgresStore"]),
        .testTarget(name: "DeskTUITests", dependencies: ["DeskTUI", "DeskModel"]),
        .testTarget(name: "DesktermTUITests", dependencies: ["DeskModel", "DeskTUI", "CNcurses", "DeskPostgresStore", "DeskPostgres"]),
        .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(name: "DeskPostgres", dependencies: ["CLibPQ", "AddressRedaction"]),
        .testTarget(name: "DeskPostgresTests", dependencies: ["DeskPostgres"]),
        .target(name: "DeskPostgresStore", dependencies: ["DeskModel", "DeskPostgres"]),
        .testTarget(
            name: "DeskPostgresStoreTests",
            dependencies: ["DeskPostgresStore", "DeskPostgres", "DeskModel", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "AddressRedaction"),
        .testTarget(name: "AddressRedactionTests", dependencies: ["AddressRedaction"]),
        .target(name: "DeskMail", path: "Sources/DeskMail", resources: [.copy("Catalogues")]),
        .testTarget(name: "DeskMailTests", dependencies: ["DeskMail"]),
    ],
    swiftLanguageModes: [.v6]
)

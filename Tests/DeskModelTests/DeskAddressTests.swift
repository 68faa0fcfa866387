import Foundation
import XCTest

@testable import DeskModel

/// `--db` / `DESKTERM_DB`: a path is a SQLite desk, a postgresql:// address a PostgreSQL desk,
/// and what is shown of an address never carries its password.
final class DeskAddressTests: XCTestCase {
    func testPathsAreSQLiteDesks() throws {
        for path in ["desk.sqlite", "/var/lib/deskterm/desk.sqlite", "./postgresql:/desk.sqlite", "a b/c:d.sqlite", ""] {
            XCTAssertEqual(try DeskAddress(path), .sqlite(path: path))
            XCTAssertEqual(try DeskAddress(path).sqlitePath, path)
        }
    }

    func testPostgreSQLAddressesInAnyLetterCase() throws {
        for text in [
            "postgresql://desk.example.com/desk", "postgres://desk@localhost:5433/desk", "POSTGRESQL:///desk?host=/run/postgresql",
            "Postgres://db/desk",
        ] {
            XCTAssertEqual(try DeskAddress(text), .postgresql(PostgresDeskAddress(text)))
            XCTAssertNil(try DeskAddress(text).sqlitePath)
        }
    }

    func testAnAddressOfAnotherKindIsRefusedNotTakenForAPath() {
        XCTAssertDeskError(
            try DeskAddress("mysql://root:hunter2@db.example.com/desk"),
            .refused(.model("'{address}' is not a desk address deskterm knows: give a file path (a SQLite desk) or a postgresql:// address",
                            ["address": .text("mysql://root:********@db.example.com/desk")])))
        XCTAssertNotNil(deskError(try DeskAddress("sqlite:///tmp/desk.sqlite")))
    }

    func testThePasswordIsNeverShown() throws {
        let cases = [
            ("postgresql://desk_user:s3cret@db.example.com:5432/desk", "postgresql://desk_user:********@db.example.com:5432/desk"),
            ("postgres://desk_user:p%40ss@db/desk?sslmode=require", "postgres://desk_user:********@db/desk?sslmode=require"),
            ("postgresql:///desk?host=/run/postgresql&password=s3cret&user=desk", "postgresql:///desk?host=/run/postgresql&password=********&user=desk"),
            ("postgresql://desk@db/desk?PASSWORD=s3cret", "postgresql://desk@db/desk?PASSWORD=********"),
            ("postgresql://desk@db.example.com/desk", "postgresql://desk@db.example.com/desk"),
            ("postgresql://desk:pa/ss@w@rd@db.example.com/desk", "postgresql://desk:********@db.example.com/desk"),
            ("postgresql://db.example.com/desk?application_name=a:b@c", "postgresql://db.example.com/desk?application_name=a:b@c"),
            // libpq decodes the names of parameters too, and knows no `#` fragment.
            ("postgresql:///desk?host=/run/pg&pass%77ord=s3cret", "postgresql:///desk?host=/run/pg&pass%77ord=********"),
            ("postgresql:///desk?%70assword=s3#cret&user=desk", "postgresql:///desk?%70assword=********&user=desk"),
        ]
        for (text, shown) in cases {
            let address = try DeskAddress(text)
            XCTAssertEqual(address.description, shown)
            if case .postgresql(let postgres) = address { XCTAssertEqual(postgres.connectionText, text, "kept whole for connecting") }
        }
    }

    func testTheCommandLineChoosesOptionThenEnvironmentThenTheDefaultFile() throws {
        let environment = ["DESKTERM_DB": "postgres://db/desk"]
        XCTAssertEqual(try DeskAddress.chosen(option: "mine.sqlite", environment: environment, fallback: "default.sqlite"), .sqlite(path: "mine.sqlite"))
        XCTAssertEqual(
            try DeskAddress.chosen(option: nil, environment: environment, fallback: "default.sqlite"),
            .postgresql(PostgresDeskAddress("postgres://db/desk")))
        XCTAssertEqual(try DeskAddress.chosen(option: nil, environment: ["DESKTERM_DB": ""], fallback: "default.sqlite"), .sqlite(path: "default.sqlite"))
        XCTAssertEqual(try DeskAddress.chosen(option: nil, environment: [:], fallback: "default.sqlite"), .sqlite(path: "default.sqlite"))
    }

    func testOpeningAPostgreSQLDeskSaysThisBuildCannotWithoutThePasswordAndCreatesNothing() throws {
        // As in a build without the backend: the PostgreSQL store tests register it in this process.
        let registered = DeskBackends.postgresql
        DeskBackends.postgresql = nil
        defer { DeskBackends.postgresql = registered }
        let text = "postgresql://desk_user:s3cret@db.example.com/desk"
        for create in [false, true] {
            XCTAssertDeskError(
                try Desk.open(address: text, create: create),
                .postgresUnavailable(address: "postgresql://desk_user:********@db.example.com/desk"))
        }
        let error = deskError(try Desk.open(address: text, create: true))
        XCTAssertEqual(
            error?.message,
            "postgresql://desk_user:********@db.example.com/desk is a PostgreSQL desk, and PostgreSQL desks are not supported by this build yet; give a desk file path instead")
        XCTAssertFalse(error?.message.contains("s3cret") ?? true)
        // Taken for a relative path, it would have made a folder `postgresql:` here.
        XCTAssertFalse(FileManager.default.fileExists(atPath: "postgresql:"), "an address is never made into a folder")
    }

    func testTheBulkGeneratorRefusesAnAddress() {
        XCTAssertDeskError(
            try BulkDesk.build(path: "postgresql://db/desk", options: BulkDesk.Options(tickets: 1, now: Date())),
            .invalidInput("The bulk generator writes a new desk file; give it a file path"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: "postgresql:"))
    }
}

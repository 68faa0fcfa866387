import DeskPostgres
import Foundation
import XCTest

/// No server needed: addresses, redaction and connection errors.
final class PostgresAddressTests: XCTestCase {
    private let secret = "s3cr3t-Pa55"

    func testDescriptionsNeverShowThePassword() throws {
        let forms = [
            "postgresql://alice:\(secret)@db.example.org:5433/desk",
            "postgres://alice:\(secret)@/desk?host=/run/postgresql",
            "postgresql://alice@db.example.org/desk?password=\(secret)&sslmode=disable",
        ]
        for form in forms {
            let address = try PostgresAddress(form)
            XCTAssertFalse(address.description.contains(secret), address.description)
            XCTAssertTrue(address.description.contains("alice"), address.description)
            XCTAssertTrue(address.description.contains("desk"), address.description)
        }
        XCTAssertEqual(try PostgresAddress("postgresql://alice:\(secret)@db.example.org:5433/desk").description, "postgresql://alice@db.example.org:5433/desk")
        XCTAssertEqual(try PostgresAddress("postgresql:///desk?host=/tmp/sock&port=6000&user=bob").description, "postgresql://bob@/desk?host=/tmp/sock&port=6000")
    }

    func testConnectionErrorsNeverShowThePassword() {
        // A socket directory that does not exist fails at once, without the network.
        let forms = [
            "postgresql://alice:\(secret)@/desk?host=/nonexistent-deskterm-socket-dir",
            "postgresql:///desk?host=/nonexistent-deskterm-socket-dir&user=alice&password=\(secret)",
        ]
        for form in forms {
            XCTAssertThrowsError(try PostgresConnection(address: form, options: PostgresOptions(connectTimeoutSeconds: 2))) { error in
                let text = "\(error) \(String(describing: error)) \((error as? PostgresError)?.message ?? "")"
                XCTAssertEqual((error as? PostgresError)?.kind, .connectionFailure, text)
                XCTAssertFalse(text.contains(secret), text)
                XCTAssertTrue(text.contains("nonexistent-deskterm-socket-dir"), "the error says where it tried: \(text)")
            }
        }
    }

    func testMalformedAddressesGiveAClearErrorWithoutThePassword() {
        let malformed = [
            "postgresql://alice:\(secret)@host/desk?nosuchoption=1",
            "postgresql://alice:\(secret)@[::1/desk",
        ]
        for form in malformed {
            XCTAssertThrowsError(try PostgresAddress(form)) { error in
                XCTAssertEqual((error as? PostgresError)?.kind, .invalidAddress, "\(error)")
                XCTAssertFalse("\(error)".contains(secret), "\(error)")
                XCTAssertTrue("\(error)".contains("Not a valid PostgreSQL address"), "\(error)")
            }
        }
    }

    func testOtherSchemesAreNotPostgresAddresses() {
        XCTAssertTrue(PostgresAddress.isPostgresAddress("postgresql://x/y"))
        XCTAssertTrue(PostgresAddress.isPostgresAddress("POSTGRES://x/y"))
        XCTAssertFalse(PostgresAddress.isPostgresAddress("/var/lib/desk.sqlite"))
        XCTAssertFalse(PostgresAddress.isPostgresAddress("host=x dbname=y"))
        XCTAssertThrowsError(try PostgresAddress("mysql://alice:\(secret)@host/desk")) { error in
            XCTAssertEqual((error as? PostgresError)?.kind, .invalidAddress)
            XCTAssertFalse("\(error)".contains(secret), "\(error)")
            XCTAssertTrue("\(error)".contains("postgresql://"), "\(error)")
        }
    }

    /// The server quotes bad input back; when that input is the password, it is scrubbed too.
    func testServerErrorsNeverEchoThePassword() throws {
        let base = try PostgresTestServer.address()
        let db = try PostgresConnection(address: base + "&password=\(secret)")  // trust auth ignores it
        XCTAssertFalse(db.description.contains(secret), db.description)
        XCTAssertThrowsError(try db.execute("SELECT $1::int8", [.text(secret)])) { error in
            XCTAssertEqual((error as? PostgresError)?.sqlState, "22P02")
            XCTAssertFalse("\(error)".contains(secret), "\(error)")
            XCTAssertTrue("\(error)".contains("int"), "the rest of the message stays: \(error)")
        }
    }

    func testConnectingToAnAbsentDatabaseSaysWhich() throws {
        let base = try PostgresTestServer.address()
        let absent = base.replacingOccurrences(of: #"postgresql:///[^?]*"#, with: "postgresql:///no_such_desk", options: .regularExpression)
        XCTAssertThrowsError(try PostgresConnection(address: absent)) { error in
            XCTAssertEqual((error as? PostgresError)?.kind, .connectionFailure)
            XCTAssertTrue("\(error)".contains("no_such_desk"), "\(error)")
        }
    }
}

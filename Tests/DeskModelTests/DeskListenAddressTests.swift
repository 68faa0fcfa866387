import DeskModel
import XCTest

/// `DESKTERM_LISTEN_DB`: the address a client's change feed listens on instead of the desk's.
final class DeskListenAddressTests: XCTestCase {
    func testOnlyAPostgreSQLAddressIsAListeningAddress() {
        XCTAssertNil(PostgresDeskAddress.listening(environment: [:]))
        XCTAssertNil(PostgresDeskAddress.listening(environment: ["DESKTERM_LISTEN_DB": ""]))
        XCTAssertNil(PostgresDeskAddress.listening(environment: ["DESKTERM_LISTEN_DB": "/srv/desk.sqlite"]))
        XCTAssertNil(PostgresDeskAddress.listening(environment: ["DESKTERM_LISTEN_DB": "mysql://db/desk"]))
        XCTAssertEqual(
            PostgresDeskAddress.listening(environment: ["DESKTERM_LISTEN_DB": "postgresql:///desk?host=/run/postgresql"]),
            PostgresDeskAddress("postgresql:///desk?host=/run/postgresql"))
        XCTAssertEqual(
            PostgresDeskAddress.listening(environment: ["DESKTERM_LISTEN_DB": "postgres://u:secret@db:5432/desk"])?.description,
            "postgres://u:********@db:5432/desk")
    }
}

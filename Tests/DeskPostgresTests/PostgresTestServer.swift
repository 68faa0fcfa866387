import DeskPostgres
import Foundation
import XCTest

/// The throwaway server `scripts/with-postgres` starts; tests that need it skip without it.
enum PostgresTestServer {
    static let variable = "DESKTERM_TEST_POSTGRES"

    static func address() throws -> String {
        guard let address = ProcessInfo.processInfo.environment[variable], !address.isEmpty else {
            throw XCTSkip("\(variable) is not set: run these tests through scripts/with-postgres (scripts/test does)")
        }
        return address
    }

    static func connect(_ options: PostgresOptions = PostgresOptions()) throws -> PostgresConnection {
        try PostgresConnection(address: address(), options: options)
    }

    /// A table name no other test uses, so tests never see each other's rows.
    static func uniqueTableName(_ stem: String) -> String {
        "\(stem)_\(UUID().uuidString.prefix(8).lowercased())"
    }
}

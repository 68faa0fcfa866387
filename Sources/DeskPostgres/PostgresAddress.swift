import AddressRedaction
import CLibPQ
import Foundation

/// A desk address naming a PostgreSQL database: `postgresql://…` or `postgres://…`.
///
/// Credentials belong in libpq's usual places (PGPASSFILE, a service file, peer
/// authentication over the Unix socket). An address may still carry a password; it is kept
/// for connecting and never shown: `description` and every error text leave it out.
public struct PostgresAddress: Sendable, CustomStringConvertible {
    /// The address as given, password included: only for handing to libpq.
    let connectionString: String
    /// The password the address carries, if any, so that error texts can be scrubbed of it.
    let password: String?
    /// The address without its password, fit for logs and screens.
    public let description: String

    public static let schemes = ["postgresql://", "postgres://"]

    /// True when `text` is a PostgreSQL address rather than, say, a SQLite file path.
    public static func isPostgresAddress(_ text: String) -> Bool {
        schemes.contains { text.lowercased().hasPrefix($0) }
    }

    public init(_ text: String) throws {
        guard Self.isPostgresAddress(text) else {
            throw PostgresError(
                kind: .invalidAddress,
                message: "'\(AddressRedaction.redacted(text))' is not a PostgreSQL address: it should start with postgresql:// or postgres://")
        }
        let options = try Self.parse(text)
        connectionString = text
        password = options["password"].flatMap { $0.isEmpty ? nil : $0 }
        description = Self.describe(options)
    }

    /// Reads the address with libpq's own parser, so that it agrees with what libpq connects to.
    private static func parse(_ text: String) throws -> [String: String] {
        var errorText: UnsafeMutablePointer<CChar>?
        guard let parsed = PQconninfoParse(text, &errorText) else {
            let reason = errorText.map { String(cString: $0) } ?? "unreadable address"
            if let errorText { PQfreemem(errorText) }
            // libpq's parse errors quote pieces of the address, which may hold the password.
            let scrubbed = AddressRedaction.redacted(reason.trimmingCharacters(in: .whitespacesAndNewlines))
            throw PostgresError(kind: .invalidAddress, message: "Not a valid PostgreSQL address: \(scrubbed)")
        }
        defer { PQconninfoFree(parsed) }
        var options: [String: String] = [:]
        var option = parsed
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                options[String(cString: keyword)] = String(cString: value)
            }
            option += 1
        }
        return options
    }

    /// `postgresql://user@host:port/dbname`, with a socket directory shown as `?host=`.
    private static func describe(_ options: [String: String]) -> String {
        let user = options["user"].map { "\($0)@" } ?? ""
        let host = options["host"] ?? options["hostaddr"] ?? ""
        let port = options["port"].map { ":\($0)" } ?? ""
        let database = options["dbname"] ?? ""
        var text = "postgresql://"
        if host.hasPrefix("/") {
            text += "\(user)/\(database)?host=\(host)\(port.isEmpty ? "" : "&port=\(port.dropFirst())")"
        } else {
            text += "\(user)\(host)\(port)/\(database)"
        }
        if let service = options["service"] {
            text += (text.contains("?") ? "&" : "?") + "service=\(service)"
        }
        return text
    }
}

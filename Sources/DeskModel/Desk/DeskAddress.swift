import AddressRedaction
import Foundation

/// Where a desk is, and so which backend keeps it: a file path is a SQLite desk, a
/// `postgresql://…` or `postgres://…` address is a PostgreSQL desk. The one place that reads
/// `--db` and `DESKTERM_DB` and tells the two apart; `Desk.open(address:)` opens either.
public enum DeskAddress: Equatable, Sendable, CustomStringConvertible {
    /// A SQLite desk file (created on `init`, `demo` or an import).
    case sqlite(path: String)
    /// A PostgreSQL database, named by a libpq connection URI.
    case postgresql(PostgresDeskAddress)

    /// What `scheme://` prefixes name a PostgreSQL desk (any letter case, as libpq reads them).
    public static let postgresSchemes = ["postgresql", "postgres"]

    /// Reads a desk address. Anything shaped like `scheme://` is an address, never a path: an
    /// address of another kind is refused rather than made into a folder named `scheme:`.
    /// (A file whose name really starts that way is reached as `./name`.)
    public init(_ text: String) throws(DeskError) {
        guard let scheme = Self.scheme(of: text) else {
            self = .sqlite(path: text)
            return
        }
        guard Self.postgresSchemes.contains(scheme.lowercased()) else {
            throw .refused(.model("'{address}' is not a desk address deskterm knows: give a file path (a SQLite desk) or a postgresql:// address",
                                  ["address": .text(AddressRedaction.redacted(text))]))
        }
        self = .postgresql(PostgresDeskAddress(text))
    }

    /// The desk the command line chose: `--db`, else `DESKTERM_DB` when set and not empty, else
    /// `fallback` (the default desk file).
    public static func chosen(option: String?, environment: [String: String], fallback: String) throws(DeskError) -> DeskAddress {
        if let option { return try DeskAddress(option) }
        if let text = environment["DESKTERM_DB"], !text.isEmpty { return try DeskAddress(text) }
        return .sqlite(path: fallback)
    }

    /// The SQLite file, when this is one.
    public var sqlitePath: String? {
        if case .sqlite(let path) = self { return path }
        return nil
    }

    /// For messages: the path, or the address without its password.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgresql(let address): address.description
        }
    }

    /// `scheme` of `scheme://…` (RFC 3986 letters), or nil for anything else.
    private static func scheme(of text: String) -> String? {
        guard let separator = text.range(of: "://") else { return nil }
        let scheme = text[..<separator.lowerBound].unicodeScalars
        func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        guard let first = scheme.first, isLetter(first),
              scheme.allSatisfy({ isLetter($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) })
        else { return nil }
        return String(scheme)
    }
}

/// A PostgreSQL desk address. The text is kept whole for connecting; what is shown of it
/// (`description`, errors) never carries the password it may hold (credentials belong in
/// libpq's password file or service file, not in the address).
public struct PostgresDeskAddress: Equatable, Sendable, CustomStringConvertible {
    /// The address as given, password included: only for handing to the client library.
    public let connectionText: String

    public init(_ connectionText: String) { self.connectionText = connectionText }

    public var description: String { AddressRedaction.redacted(connectionText) }
}

import Foundation

/// How a list marks a ticket against its due time: breached, or due within the hour. Each
/// has a symbol readable without colour (`symbol`) besides the colour the client gives it.
public enum DueMark: Equatable, Sendable {
    case breached
    case dueSoon

    /// Due within this much is "due soon".
    public static let soon: TimeInterval = 3600

    public init?(dueAt: Date?, now: Date) {
        guard let dueAt else { return nil }
        if dueAt <= now { self = .breached } else if dueAt <= now + Self.soon { self = .dueSoon } else { return nil }
    }

    /// One column wide in every terminal (ASCII).
    public var symbol: String {
        switch self {
        case .breached: "!"
        case .dueSoon: "~"
        }
    }
}

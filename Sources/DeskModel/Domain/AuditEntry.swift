import Foundation

/// One SSH session or remote command, as the audit log keeps it.
public struct AuditEntry: Equatable, Codable, Sendable {
    public var id: Int64
    public var at: Date
    public var handle: String
    /// `SSH_CLIENT` as sshd reported it ("203.0.113.9 51234 22"), or "local".
    public var address: String
    /// What the client asked for: "interactive session" or the command line it sent.
    public var command: String
    public var outcome: String

    public init(id: Int64 = 0, at: Date, handle: String, address: String, command: String, outcome: String) {
        self.id = id
        self.at = at
        self.handle = handle
        self.address = address
        self.command = command
        self.outcome = outcome
    }
}

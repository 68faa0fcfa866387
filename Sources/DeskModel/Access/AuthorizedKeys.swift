import AddressRedaction
import Foundation

/// Maintains the `authorized_keys` file of the desk's SSH account: one line per key, each
/// forcing `deskterm ssh-session HANDLE`, so the key decides who the customer is (the
/// gitolite pattern). Lines deskterm did not write are kept exactly as they were.
public enum AuthorizedKeys {
    /// Key types OpenSSH accepts in authorized_keys.
    public static let keyTypes: Set<String> = [
        "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
    ]

    public struct PublicKey: Equatable, Sendable {
        public var type: String
        public var base64: String
    }

    public struct Entry: Equatable, Sendable {
        public var handle: String
        public var key: PublicKey
    }

    /// Parses a public key file's line (`type base64 [comment]`), checking that the blob is
    /// valid base64 and names the same key type inside.
    public static func parsePublicKey(_ text: String) throws(DeskError) -> PublicKey {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard lines.count == 1 else {
            throw .refused(lines.isEmpty ? .model("The key file holds no public key")
                : .model(one: "The key file holds {count} key; give one", other: "The key file holds {count} keys; give one", count: lines.count))
        }
        let fields = lines[0].split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard fields.count >= 2 else { throw .refused(.model("Not an OpenSSH public key: expected 'TYPE BASE64 [COMMENT]'")) }
        if fields[0].contains("PRIVATE") || lines[0].hasPrefix("-----") {
            throw .refused(.model("That is a private key; give the .pub file"))
        }
        guard keyTypes.contains(fields[0]) else {
            throw .refused(.model("Unsupported key type '{type}' (supported: {types})", [
                "type": .text(TextSafety.sanitizedLine(fields[0])), "types": .text(keyTypes.sorted().joined(separator: ", ")),
            ]))
        }
        guard let blob = Data(base64Encoded: fields[1]), blob.count > 4 else {
            throw .refused(.model("The key's base64 data is not valid"))
        }
        // The blob starts with the key type as an SSH string: 4-byte length, then the name.
        let bytes = [UInt8](blob)
        let length = Int(bytes[0]) << 24 | Int(bytes[1]) << 16 | Int(bytes[2]) << 8 | Int(bytes[3])
        guard length > 0, 4 + length <= bytes.count,
              String(decoding: bytes[4..<(4 + length)], as: UTF8.self) == fields[0] else {
            throw .refused(.model("The key's data does not match its type {type}", ["type": .text(TextSafety.sanitizedLine(fields[0]))]))
        }
        return PublicKey(type: fields[0], base64: fields[1])
    }

    /// The line for one customer's key. Paths are absolute and may not hold quotes.
    public static func line(handle: String, key: PublicKey, deskterm: String, databasePath: String) throws(DeskError) -> String {
        guard Handles.isValid(handle) else { throw .invalidHandle(handle) }
        for path in [deskterm, databasePath] { try checkForcedCommandPath(path) }
        return forcedLine(handle: handle, key: key, deskterm: deskterm, deskArgument: databasePath)
    }

    /// The line for one key on any desk: a file (as `line(handle:key:deskterm:databasePath:)`)
    /// or a PostgreSQL address. sshd runs the forced command through the account's shell, so an
    /// address (whose `&` would end the command there) is single-quoted; it may hold no quote,
    /// backslash, space or control character (percent-encode them), and never a password: the
    /// file is readable by the account, and the session's credentials belong in libpq's
    /// password or service file, or peer authentication on the socket.
    public static func line(handle: String, key: PublicKey, deskterm: String, desk: DeskAddress) throws(DeskError) -> String {
        switch desk {
        case .sqlite(let path):
            return try line(handle: handle, key: key, deskterm: deskterm, databasePath: path)
        case .postgresql(let address):
            guard Handles.isValid(handle) else { throw .invalidHandle(handle) }
            try checkForcedCommandPath(deskterm)
            let text = address.connectionText
            guard AddressRedaction.redacted(text) == text else {
                throw .invalidInput("\(address) holds a password, which would be written in authorized_keys; put it in the account's ~/.pgpass or a service file instead")
            }
            guard !text.unicodeScalars.contains(where: { "'\"\\`".unicodeScalars.contains($0) || $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) else {
                throw .invalidInput("\(address) cannot hold quotes, backslashes, spaces or control characters in a forced command; percent-encode them")
            }
            return forcedLine(handle: handle, key: key, deskterm: deskterm, deskArgument: "'\(text)'")
        }
    }

    private static func checkForcedCommandPath(_ path: String) throws(DeskError) {
        guard path.hasPrefix("/") else { throw .invalidInput("\(path) must be an absolute path") }
        guard !path.contains(where: { $0 == "\"" || $0 == "\\" || $0.isNewline || $0 == " " }) else {
            throw .invalidInput("\(path) cannot hold spaces, quotes or backslashes in a forced command")
        }
    }

    private static func forcedLine(handle: String, key: PublicKey, deskterm: String, deskArgument: String) -> String {
        let command = "\(deskterm) ssh-session --desk \(deskArgument) \(handle)"
        return "command=\"\(command)\",restrict,pty \(key.type) \(key.base64) \(marker)\(handle)"
    }

    /// The comment that marks deskterm's own lines.
    public static let marker = "deskterm:"

    /// deskterm's entries in a file's text.
    public static func entries(in text: String) -> [Entry] {
        text.split(separator: "\n").compactMap { entry(String($0)) }
    }

    static func entry(_ line: String) -> Entry? {
        let fields = line.split(separator: " ").map(String.init)
        guard let last = fields.last, last.hasPrefix(marker), fields.count >= 3 else { return nil }
        let handle = String(last.dropFirst(marker.count))
        guard let typeIndex = fields.firstIndex(where: { keyTypes.contains($0) }), typeIndex + 1 < fields.count else { return nil }
        return Entry(handle: handle, key: PublicKey(type: fields[typeIndex], base64: fields[typeIndex + 1]))
    }

    /// The file's text with `line` added; refuses a key already present for anyone. Only desk
    /// admins and the operator (`namingOwner`) learn whose it is: to a customer administrator
    /// the owner's handle (staff included) is not theirs to know.
    public static func adding(_ line: String, key: PublicKey, to text: String, namingOwner: Bool = true) throws(DeskError) -> String {
        for existing in text.split(separator: "\n") where existing.contains(" \(key.base64)") {
            guard namingOwner else { throw .refused(.model("This key cannot be added")) }
            let owner = entry(String(existing))?.handle
            throw .refused(owner.map { .model("This key is already authorized for {handle}", ["handle": .text($0)]) } ?? .model("This key is already in the file"))
        }
        var result = text
        if !result.isEmpty && !result.hasSuffix("\n") { result += "\n" }
        return result + line + "\n"
    }

    /// The file's text without deskterm's lines for `handle`, and how many were removed.
    public static func removing(handle: String, from text: String) -> (text: String, removed: Int) {
        var removed = 0
        var kept: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if entry(String(line))?.handle == handle {
                removed += 1
            } else {
                kept.append(line)
            }
        }
        return (kept.joined(separator: "\n"), removed)
    }

    /// Writes the file atomically with the modes sshd's StrictModes accepts: the folder 0700,
    /// the file 0600, both owned by the account (`owner`, when given, is chowned to).
    public static func write(_ text: String, to path: String, owner: (uid: uid_t, gid: gid_t)? = nil) throws(DeskError) {
        let directory = (path as NSString).deletingLastPathComponent
        try ensureDirectory(of: path, owner: owner)
        let temporary = directory + "/.authorized_keys.deskterm-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .invalidInput("Cannot write in \(directory)") }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == bytes.count, synced == 0 else {
            unlink(temporary)
            throw .invalidInput("Cannot write \(temporary)")
        }
        if let owner { _ = chown(temporary, owner.uid, owner.gid) }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw .invalidInput("Cannot replace \(path)")
        }
    }
}

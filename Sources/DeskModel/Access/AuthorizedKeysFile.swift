import Foundation

/// The desk account's `authorized_keys` and what its forced commands run: where
/// `deskterm ssh authorize|revoke` and the client's People screen add and remove keys, under
/// the file's lock (`AuthorizedKeys.withLock`), keeping the file's owner when root rewrites it.
public struct AuthorizedKeysFile: Equatable, Sendable {
    public var path: String
    /// The deskterm binary the forced command runs (absolute).
    public var deskterm: String
    /// The desk the forced command opens: a desk file is named absolutely, as the command runs
    /// in the account's home.
    public var desk: DeskAddress

    public init(path: String, deskterm: String, desk: DeskAddress) {
        self.path = path
        self.deskterm = deskterm
        if let file = desk.sqlitePath {
            self.desk = .sqlite(path: URL(fileURLWithPath: file).standardizedFileURL.path)
        } else {
            self.desk = desk
        }
    }

    /// The file's text; a file that does not exist yet holds no key.
    public func read() throws(DeskError) -> String { try Self.read(path) }

    static func read(_ path: String) throws(DeskError) -> String {
        guard FileManager.default.fileExists(atPath: path) else { return "" }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .invalidInput("Cannot read \(path)")
        }
        return text
    }

    /// The owner of the file, else of its folder or the folder above (the desk account).
    static func owner(of path: String) -> (uid: uid_t, gid: gid_t)? {
        let directory = (path as NSString).deletingLastPathComponent
        let home = (directory as NSString).deletingLastPathComponent
        for candidate in [path, directory, home] {
            var info = stat()
            if stat(candidate, &info) == 0 { return (info.st_uid, info.st_gid) }
        }
        return nil
    }

    /// Adds the key's forced-command line for `handle`. Only desk admins and the operator
    /// (`namingOwner`) learn whose a key already present is.
    public func add(_ key: AuthorizedKeys.PublicKey, handle: String, namingOwner: Bool) throws(DeskError) {
        let line = try AuthorizedKeys.line(handle: handle, key: key, deskterm: deskterm, desk: desk)
        let owner = Self.owner(of: path)
        try AuthorizedKeys.withLock(beside: path, owner: owner) { () throws(DeskError) in
            let updated = try AuthorizedKeys.adding(line, key: key, to: try read(), namingOwner: namingOwner)
            try AuthorizedKeys.write(updated, to: path, owner: owner)
        }
    }

    /// Removes every key of `handle`; the file is left untouched when it has none. Answers how
    /// many went. The desk is not needed for this: the operator revokes without one.
    public static func removeKeys(of handle: String, at path: String) throws(DeskError) -> Int {
        let owner = Self.owner(of: path)
        return try AuthorizedKeys.withLock(beside: path, owner: owner) { () throws(DeskError) -> Int in
            let (text, removed) = AuthorizedKeys.removing(handle: handle, from: try Self.read(path))
            guard removed > 0 else { return 0 }
            try AuthorizedKeys.write(text, to: path, owner: owner)
            return removed
        }
    }

    /// How many keys each handle has in the file.
    public func keyCounts() throws(DeskError) -> [String: Int] {
        AuthorizedKeys.entries(in: try read()).reduce(into: [:]) { counts, entry in counts[entry.handle, default: 0] += 1 }
    }
}

/// Authorising and revoking the keys of an organisation's people, with the desk's rules
/// (`DeskCustomerAdministration.checkKeyManagement`) checked first: the client's People screen
/// and `deskterm ssh authorize|revoke` share them.
extension AuthorizedKeysFile {
    public func authorize(keyText: String, handle: String, store: any DeskStore, by actor: Viewer?) throws(DeskError) -> AuthorizedKeys.PublicKey {
        guard Handles.isValid(handle) else { throw .invalidHandle(handle) }
        try store.checkKeyManagement(handle: handle, by: actor)
        let key = try AuthorizedKeys.parsePublicKey(keyText)
        try Self.hidingServerFiles(from: actor) { () throws(DeskError) in
            try add(key, handle: handle, namingOwner: actor == nil || actor?.role == .admin)
        }
        return key
    }

    /// Answers how many keys went; none is refused, as `ssh revoke` refuses it.
    public func revoke(handle: String, store: any DeskStore, by actor: Viewer?) throws(DeskError) -> Int {
        guard Handles.isValid(handle) else { throw .invalidHandle(handle) }
        try store.checkKeyManagement(handle: handle, by: actor)
        let removed = try Self.hidingServerFiles(from: actor) { () throws(DeskError) in try Self.removeKeys(of: handle, at: path) }
        guard removed > 0 else { throw .refused(.model("{handle} has no SSH key", ["handle": .text(handle)])) }
        return removed
    }

    /// A customer administrator whose change the server's file refuses (its folder cannot be
    /// made, written or locked) reads a sentence in their language that names no server path;
    /// the operator and desk admins keep the detail they need to repair it.
    private static func hidingServerFiles<Result>(
        from actor: Viewer?, _ change: () throws(DeskError) -> Result
    ) throws(DeskError) -> Result {
        do {
            return try change()
        } catch {
            guard case .invalidInput = error, let actor, !actor.isStaff else { throw error }
            throw .refused(.model("The SSH key file cannot be changed at the moment; ask your support team"))
        }
    }
}

import Foundation

extension AuthorizedKeys {
    /// Runs `body` (read the file, change it, rename the new one into place) holding an
    /// exclusive `flock` on `authorized_keys.lock` beside the file: two key changes at once
    /// (customer administrators over SSH) would otherwise each rewrite the file from the same
    /// old text, losing one key or bringing a revoked one back. The lock file stays: removing
    /// it would let a third process lock a different file.
    public static func withLock<Result>(beside path: String, owner: (uid: uid_t, gid: gid_t)? = nil,
                                        _ body: () throws(DeskError) -> Result) throws(DeskError) -> Result {
        try ensureDirectory(of: path, owner: owner)
        let lockPath = path + ".lock"
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .invalidInput("Cannot open \(lockPath)") }
        defer { close(descriptor) }
        if let owner { _ = fchown(descriptor, owner.uid, owner.gid) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .invalidInput("Cannot lock \(lockPath)") }
        }
        defer { _ = flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// Creates the file's folder, mode 0700 as sshd's StrictModes wants, when it is missing.
    static func ensureDirectory(of path: String, owner: (uid: uid_t, gid: gid_t)?) throws(DeskError) {
        let directory = (path as NSString).deletingLastPathComponent
        let fileManager = FileManager.default
        guard !fileManager.fileExists(atPath: directory) else { return }
        do {
            try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .invalidInput("Cannot create \(directory): \(error.localizedDescription)")
        }
        if let owner { _ = chown(directory, owner.uid, owner.gid) }
    }
}
